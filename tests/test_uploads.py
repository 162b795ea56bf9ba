"""Uploaded documents are checked for type, size and real content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bts_portal.content.uploads import validate_document


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
