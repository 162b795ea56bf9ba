"""The file backend (the default): the package is written to ``ARCHIVE_DIR``, where the
archive staff collect it. Written beside its final name and linked into place, so a
half-written package is never seen, and a package already there is never overwritten: a
delivery retried after a crash finds its own package (same checksum) and gives its receipt
again; a different file under the same name is an error for a person to look at."""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

from . import DeliveryError, Receipt


class FileBackend:
    description = "file"

    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory or settings.ARCHIVE_DIR)

    def path_for(self, package) -> Path:
        return self.directory / f"stafettlogg-{package.case_id}.asice"

    def send(self, package, content: bytes) -> list[Receipt]:
        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.path_for(package)
        checksum = hashlib.sha256(content).hexdigest()
        descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".pakke-")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            try:
                os.link(temporary, final)  # atomic, and refuses an existing name
            except FileExistsError:
                existing = hashlib.sha256(final.read_bytes()).hexdigest()
                if existing != checksum:
                    raise DeliveryError(f"{final.name} exists with other content") from None
        finally:
            os.unlink(temporary)
        return [Receipt("kvittering", "file", reference=str(final), body=f"sha256 {checksum}")]
