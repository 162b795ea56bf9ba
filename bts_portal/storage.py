"""File storage that never leaves a half-written file behind.

Django's ``FileSystemStorage`` writes straight to the final name, so a full disk or a killed
process leaves a truncated file there, which a download would then serve. This one writes to a
hidden temporary file beside the final name and renames it into place once every byte is on
disk; when writing fails, the temporary file is removed and the error goes on to the caller
(``bts_portal.middleware`` answers a full disk in plain words). Uploads and generated PDFs
both go through it (``STORAGES["default"]``).
"""

import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage


class _WrittenFile(File):
    """A complete temporary file, which the parent class moves instead of copying."""

    def temporary_file_path(self) -> str:
        return self.name  # type: ignore[return-value]  # always given: the partial file's path


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            return super()._save(name, _WrittenFile(None, name=partial))  # type: ignore[misc]
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
