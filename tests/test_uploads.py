"""Uploaded documents are checked for type, size and real content; archives (DOCX, ODT) are
inspected without ever unpacking more than a few bytes."""

import contextlib
import functools
import io
import random
import struct
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bts_portal.content.uploads import ODT_MIMETYPE, validate_document
from bts_portal.upload_handlers import RefusedUpload

from .factories import ElementFactory


def pdf(name="plan.pdf", size=None):
    content = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def zipped(name, files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():
            archive.writestr(path, data)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_real_pdf_is_accepted():
    assert validate_document(pdf()) == "application/pdf"


def test_a_real_docx_is_accepted():
    upload = zipped("skjema.docx", {"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"})
    assert validate_document(upload).endswith("wordprocessingml.document")


def test_a_real_odt_is_accepted():
    upload = zipped("skjema.odt", {"mimetype": "application/vnd.oasis.opendocument.text"})
    assert validate_document(upload) == "application/vnd.oasis.opendocument.text"


def test_other_extensions_are_refused_in_norwegian(settings):
    settings.LANGUAGE_CODE = "nb"
    with pytest.raises(ValidationError, match="Filen må være"):
        validate_document(SimpleUploadedFile("program.exe", b"MZ\x90\x00"))


def test_a_renamed_file_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>"))
    assert error.value.code == "file_content"


def test_a_zip_that_is_not_a_word_document_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_document(zipped("plan.docx", {"hello.txt": "hei"}))
    assert error.value.code == "file_content"


def test_a_file_over_the_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_document(pdf(size=2048))
    assert error.value.code == "file_size"


# --- Archives are inspected a bounded amount at a time ------------------------------------

MB = 1024 * 1024


@functools.cache
def zip_bomb(member="mimetype", unpacked=1024 * MB) -> bytes:
    """An archive whose one member is a run of zeros: 1 GB unpacked, about 1 MB packed.

    The zeros are written to the archive a megabyte at a time, never held or put on disk."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(member, "w") as stream,
    ):
        zeros = bytes(MB)
        for _ in range(unpacked // MB):
            stream.write(zeros)
    return buffer.getvalue()


def declare_size(data: bytes, size: int) -> bytes:
    """The archive with its one member's unpacked size rewritten in both of its headers."""
    patched = bytearray(data)
    struct.pack_into("<L", patched, 22, size)  # the local header
    struct.pack_into("<L", patched, patched.rfind(b"PK\x01\x02") + 24, size)  # the directory
    return bytes(patched)


def peak_memory(function, *args):
    tracemalloc.start()
    try:
        result = function(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def refusal_code(upload) -> str:
    with pytest.raises(ValidationError) as error:
        validate_document(upload)
    return error.value.code


def test_a_deflated_docx_as_word_saves_it_is_accepted():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 100)
        archive.writestr("word/document.xml", "<w:document/>" * 1000)
        archive.writestr("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + bytes(2000))
    upload = SimpleUploadedFile("rapport.docx", buffer.getvalue())
    assert validate_document(upload).endswith("wordprocessingml.document")


def test_an_odt_whose_mimetype_is_a_zip_bomb_is_refused_with_little_memory():
    upload = SimpleUploadedFile("bombe.odt", zip_bomb())
    assert len(upload) < 2 * MB
    code, peak = peak_memory(refusal_code, upload)
    assert code == "file_unsafe"
    assert peak < 20 * MB


def test_a_zip_bomb_in_any_other_member_is_refused_too():
    upload = SimpleUploadedFile(
        "bombe.docx", zip_bomb(member="word/document.xml", unpacked=256 * MB)
    )
    code, peak = peak_memory(refusal_code, upload)
    assert code == "file_unsafe"
    assert peak < 20 * MB


def test_a_bomb_that_declares_a_small_size_is_read_no_further_than_it_declares():
    lying = declare_size(zip_bomb(unpacked=256 * MB), len(ODT_MIMETYPE))
    upload = SimpleUploadedFile("bombe.odt", lying)
    code, peak = peak_memory(refusal_code, upload)
    assert code == "file_content"
    assert peak < 20 * MB


def test_the_zip_bomb_message_is_in_norwegian():
    with pytest.raises(ValidationError, match="kan ikke kontrolleres trygt"):
        validate_document(SimpleUploadedFile("bombe.odt", zip_bomb()))


def many_members(count=20_000):
    """An ODT's files: its mimetype and ``count`` empty members, far more than a document has."""
    return {"mimetype": ODT_MIMETYPE} | {f"{n}": b"" for n in range(count)}


def test_an_archive_with_a_great_many_members_is_refused_before_they_are_read():
    upload = zipped("mange.odt", many_members())
    code, peak = peak_memory(refusal_code, upload)
    assert code == "file_unsafe"
    assert peak < 5 * MB


def test_an_archive_that_understates_its_member_count_is_refused_by_its_directory_size():
    patched = bytearray(zipped("mange.odt", many_members()).read())
    end = patched.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", patched, end + 8, 1, 1)
    assert refusal_code(SimpleUploadedFile("mange.odt", bytes(patched))) == "file_unsafe"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("word/embeddings/pakke.zip", b"anything"),
        ("word/media/image1.png", b"PK\x03\x04 a zip renamed as a picture"),
        ("word/media/image2.png", b"\x1f\x8b\x08 a gzip renamed as a picture"),
    ],
)
def test_a_document_holding_another_archive_is_refused(name, data):
    upload = zipped(
        "skjema.docx", {"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>", name: data}
    )
    assert refusal_code(upload) == "file_unsafe"


def test_a_member_packed_with_bzip2_is_refused_without_being_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("mimetype", ODT_MIMETYPE)
    assert refusal_code(SimpleUploadedFile("skjema.odt", buffer.getvalue())) == "file_unsafe"


def test_a_password_protected_document_is_refused_with_a_message_about_the_password():
    data = bytearray(zipped("skjema.odt", {"mimetype": ODT_MIMETYPE}).read())
    data[6] |= 0x1  # the "encrypted" flag, in the local header and in the directory
    data[data.rfind(b"PK\x01\x02") + 8] |= 0x1
    with pytest.raises(ValidationError, match="passord") as error:
        validate_document(SimpleUploadedFile("skjema.odt", bytes(data)))
    assert error.value.code == "file_encrypted"


def test_damaged_archives_are_refused_never_crash():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>" * 50)
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>" * 20)
    original = buffer.getvalue()
    rng = random.Random(20261122)
    for attempt in range(400):
        damaged = bytearray(original)
        if attempt % 4 == 0:
            damaged = damaged[: rng.randrange(8, len(damaged))]
        else:
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        upload = SimpleUploadedFile("skjema.odt", bytes(damaged))
        with contextlib.suppress(ValidationError):
            validate_document(upload)


def test_a_file_refused_while_it_streamed_is_reported_as_larger_than_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 1 * MB
    with pytest.raises(ValidationError) as error:
        validate_document(RefusedUpload("plan.pdf", limit=settings.MAX_UPLOAD_BYTES))
    assert error.value.code == "file_size"
    assert error.value.messages[0].startswith("Filen er større enn 1,0\xa0MB")


@pytest.mark.django_db
def test_a_zip_bomb_sent_as_an_attachment_is_refused_with_little_memory(
    client, coordinator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    element = ElementFactory()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("bombe.odt", zip_bomb())
    tracemalloc.start()
    try:
        response = client.post(
            f"/ansatt/innhold/element/{element.pk}/vedlegg/", {"title": "Plan", "file": upload}
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert "kan ikke kontrolleres trygt" in response.content.decode()
    assert peak < 20 * MB
    assert not element.attachments.exists()
    assert not any(tmp_path.rglob("*.odt"))
