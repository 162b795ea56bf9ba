"""Validation of uploaded documents: the extension, the size, and what the bytes really are."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def _looks_like(extension: str, upload) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension == "docx":
                return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
            return "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def validate_document(upload, allowed: tuple[str, ...] = ("pdf", "docx", "odt")) -> str:
    """Check an uploaded document; return its content type or raise a Norwegian message."""
    max_bytes = settings.MAX_UPLOAD_BYTES
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in allowed:
        raise ValidationError(
            _("The file must be one of these types: %(types)s.")
            % {"types": ", ".join(e.upper() for e in allowed)},
            code="file_type",
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="file_size",
        )
    if upload.size == 0 or not _looks_like(extension, upload):
        raise ValidationError(
            _("The file's content is not a valid %(type)s document.") % {"type": extension.upper()},
            code="file_content",
        )
    return DOCUMENT_TYPES[extension]
