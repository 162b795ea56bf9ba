"""Refuse an uploaded file while it streams in, as soon as it passes ``MAX_UPLOAD_BYTES``.

Without this Django receives the whole body, into memory or a temporary file, before any form
sees the size: a 60 MB upload was taken in full and only then refused. ``UploadLimitHandler``
comes first in ``FILE_UPLOAD_HANDLERS``; it counts each file's bytes and passes them on to
Django's own handlers until the file passes the limit.

- A file that grows past the limit is skipped (``SkipFile``): Django closes and deletes the part
  already stored, reads the rest of that file without keeping it, and goes on with the fields
  after it. What is left to read is small, because of the next rule.
- A request whose Content-Length is more than any form here needs (one file at the limit, plus
  Django's own limit for the other fields) is stopped at its first file, and the rest of the body
  is not read at all (``StopUpload(connection_reset=True)``). The fields before the file are kept,
  among them the CSRF token, which the templates put first.

Either way the form must still learn that a file was sent: a missing file reads as "none chosen",
and a form with an optional document would save the rest without it. So the refused field is put
back into ``request.FILES`` as a ``RefusedUpload``, which no form can accept.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopUpload
from django.http.multipartparser import MultiPartParser
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Boundaries and part headers around the fields and the file.
MULTIPART_OVERHEAD = 64 * 1024


def largest_plausible_request() -> int:
    """The largest body any form of the portal can send: one file at the limit, the rest."""
    fields = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    return settings.MAX_UPLOAD_BYTES + fields + MULTIPART_OVERHEAD


class RefusedUpload(UploadedFile):
    """Stands in ``request.FILES`` for a file refused while it streamed; none of it is kept.

    Django's ``forms.FileField`` reads ``size`` when it cleans a file, so reading it raises the
    form error: every form refuses the file with this message, even one that never calls
    ``validate_document``, and an empty file is never saved in its place.
    """

    def __init__(self, name: str | None, *, limit: int):
        super().__init__(io.BytesIO(), name=name, content_type="application/octet-stream")
        self.limit = limit

    def refusal(self) -> ValidationError:
        return ValidationError(
            _("The file is larger than %(limit)s, the largest the portal accepts.")
            % {"limit": filesizeformat(self.limit)},
            code="file_size",
        )

    @property
    def size(self):
        raise self.refusal()

    @size.setter
    def size(self, value):
        pass  # UploadedFile.__init__ sets it; a refused file has no size to tell


class UploadLimitHandler(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.MAX_UPLOAD_BYTES
        self.request_too_large = False
        # Bytes of file data passed on to the handlers that store it, all files together.
        self.bytes_passed = 0
        self.refused: dict[str, RefusedUpload] = {}
        self._parsing = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if self._parsing:
            return None  # the parse below: let Django parse, with this handler counting
        self.request_too_large = content_length > largest_plausible_request()
        # Parse with Django's own parser, then put the refused files back in (see above).
        self._parsing = True
        try:
            assert self.request is not None  # Django builds the handlers with the request
            parser = MultiPartParser(META, input_data, self.request.upload_handlers, encoding)
            post, files = parser.parse()
        finally:
            self._parsing = False
        for field_name, refused in self.refused.items():
            files.setlist(field_name, [refused])
        return post, files

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.request_too_large:
            self._refuse()
            raise StopUpload(connection_reset=True)

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self._refuse()
            raise SkipFile
        self.bytes_passed += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler hands over the stored file

    def _refuse(self) -> None:
        self.refused[self.field_name] = RefusedUpload(self.file_name, limit=self.limit)
