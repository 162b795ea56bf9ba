"""Validation of uploaded documents: the extension, the size, and what the bytes really are.

DOCX and ODT files are zip archives, and an archive is not trusted: a 300 KB upload can unpack
to gigabytes (a zip bomb). So its directory is checked before any member is opened (how many
members, their declared sizes, compression methods, encryption, archives inside), and a member
is only ever read a few bytes at a time. Checking a bomb costs no more memory than checking a
normal document.
"""

import struct
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from bts_portal.upload_handlers import RefusedUpload

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}

# Far above what a document in a 10 MB upload needs: a long report with pictures has a few
# hundred members and unpacks to some tens of MB (pictures hardly shrink when zipped).
MAX_MEMBERS = 2000
# Room for MAX_MEMBERS entries with long names; bounds what zipfile parses into memory.
MAX_DIRECTORY_BYTES = 512 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Office programs use only these. Others (bzip2, LZMA) cannot be read a bounded amount at a
# time: one small block can unpack to gigabytes.
READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
# The first bytes of zip, gzip, bzip2, xz, 7-Zip and RAR files.
ARCHIVE_SIGNATURES = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!")
ARCHIVE_SUFFIXES = (".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".jar", ".gz",
                    ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar")  # fmt: skip

# What a malformed archive can raise from zipfile and zlib while it is read.
_BROKEN_ARCHIVE = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError, OSError,
    ValueError, NotImplementedError, KeyError, IndexError,
)  # fmt: skip

_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20


class _Refused(Exception):
    """The archive is not a document we accept; ``code`` says why."""

    def __init__(self, code: str):
        self.code = code


def _check_directory(upload) -> None:
    """Check the archive's last record before zipfile reads the directory it points to.

    zipfile parses every entry of that directory into memory, and 10 MB of entries of a few
    dozen bytes each would cost far more memory than the upload itself."""
    upload.seek(0, 2)
    size = upload.tell()
    # The record, a comment of at most 64 KB, and room for the ZIP64 locator before it.
    tail_size = min(size, _ZIP64_LOCATOR_SIZE + _END_RECORD.size + 0xFFFF)
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    start = tail.rfind(_END_OF_DIRECTORY)
    if start < 0 or len(tail) - start < _END_RECORD.size:
        raise _Refused("file_content")
    fields = _END_RECORD.unpack_from(tail, start)
    entries, directory_size = fields[4], fields[5]
    locator = tail[max(0, start - _ZIP64_LOCATOR_SIZE) : start]
    if locator.startswith(_ZIP64_LOCATOR) or entries == 0xFFFF or directory_size == 0xFFFFFFFF:
        raise _Refused("file_unsafe")  # ZIP64: for archives far larger than any upload here
    if entries > MAX_MEMBERS or directory_size > MAX_DIRECTORY_BYTES:
        raise _Refused("file_unsafe")


def _check_members(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _Refused("file_unsafe")
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise _Refused("file_unsafe")
    for member in members:
        if member.flag_bits & 0x1:
            raise _Refused("file_encrypted")
        if member.compress_type not in READABLE_COMPRESSION:
            raise _Refused("file_unsafe")
        if member.filename.lower().endswith(ARCHIVE_SUFFIXES):
            raise _Refused("file_unsafe")
        if member.filename.endswith("/") or member.file_size == 0:
            continue
        with archive.open(member) as stream:
            if stream.read(8).startswith(ARCHIVE_SIGNATURES):
                raise _Refused("file_unsafe")


def _read_small(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    member = archive.getinfo(name)
    if member.file_size > limit:
        raise _Refused("file_content")
    with archive.open(member) as stream:
        return stream.read(limit)


def _check_archive(extension: str, upload) -> None:
    _check_directory(upload)
    upload.seek(0)
    with zipfile.ZipFile(upload) as archive:
        _check_members(archive)
        names = set(archive.namelist())
        if extension == "docx":
            is_document = "[Content_Types].xml" in names and any(
                n.startswith("word/") for n in names
            )
        else:
            is_document = (
                "mimetype" in names
                and _read_small(archive, "mimetype", len(ODT_MIMETYPE) + 2).strip() == ODT_MIMETYPE
            )
        if not is_document:
            raise _Refused("file_content")


def _check_content(extension: str, upload) -> None:
    upload.seek(0)
    head = upload.read(8)
    if extension == "pdf":
        if not head.startswith(b"%PDF-"):
            raise _Refused("file_content")
        return
    if not head.startswith(b"PK\x03\x04"):
        raise _Refused("file_content")
    try:
        _check_archive(extension, upload)
    except _BROKEN_ARCHIVE:
        raise _Refused("file_content") from None
    except RuntimeError:  # zipfile's "File is encrypted, password required"
        raise _Refused("file_encrypted") from None


def _refusal(code: str, extension: str) -> ValidationError:
    kind = extension.upper()
    if code == "file_encrypted":
        message = _(
            "The %(type)s file is protected with a password. Remove the password and upload "
            "it again."
        )
    elif code == "file_unsafe":
        message = _(
            "The %(type)s file cannot be checked safely: it unpacks to too much data or holds "
            "other packed files. Save the document again, or save it as PDF."
        )
    else:
        message = _("The file's content is not a valid %(type)s document.")
    return ValidationError(message % {"type": kind}, code=code)


def validate_document(upload, allowed: tuple[str, ...] = ("pdf", "docx", "odt")) -> str:
    """Check an uploaded document; return its content type or raise a Norwegian message."""
    if isinstance(upload, RefusedUpload):
        raise upload.refusal()
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
    if upload.size == 0:
        raise _refusal("file_content", extension)
    try:
        _check_content(extension, upload)
    except _Refused as refused:
        raise _refusal(refused.code, extension) from None
    finally:
        upload.seek(0)
    return DOCUMENT_TYPES[extension]
