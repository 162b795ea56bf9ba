"""A file over MAX_UPLOAD_BYTES is refused while it streams in: the upload handler stops
passing it on at the limit, a request far over the limit is not read past its first file, the
form says why in Norwegian, and nothing is saved: no row, no file, no temporary file."""

import inspect
import io
import tracemalloc

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bts_portal.content.models import Endringsforslag
from bts_portal.upload_handlers import RefusedUpload, UploadLimitHandler
from handlingsveileder.forms import VerktoyForm
from handlingsveileder.models import Verktoy
from organisasjon.models import Tjeneste
from samhandling.forms import VedleggForm
from stafettlogg.forms import ConsentFields, OpenCaseForm
from stafettlogg.models import Samtykke, Stafettlogg

from .case_forms import open_form
from .factories import ElementFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
BOUNDARY = "grense-mellom-feltene"
TOO_LARGE = "Filen er større enn 1,0\xa0MB"


class StreamedBody(io.RawIOBase):
    """A multipart/form-data body made while it is read, as a WSGI server hands it over: the
    fields, then a PDF of ``size`` bytes (mostly zeros), then the fields after the file.
    A test sends many megabytes this way without holding them in memory."""

    def __init__(self, before: dict, *, file_field="file", size: int, after: dict | None = None):
        file_head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n'
        ).encode()
        self._head = _fields(before) + file_head
        self._zeros = size - len(b"%PDF-1.4\n")
        self._tail = b"\r\n" + _fields(after or {}) + f"--{BOUNDARY}--\r\n".encode()
        self.length = len(self._head) + self._zeros + len(self._tail)
        self.bytes_read = 0
        super().__init__()

    def readable(self):
        return True

    def readinto(self, buffer):
        head, zeros = len(self._head), len(self._head) + self._zeros
        position = self.bytes_read
        want = len(buffer)
        if position < head:
            piece = self._head[position : position + want]
        elif position < zeros:
            piece = bytes(min(want, zeros - position))
        else:
            piece = self._tail[position - zeros : position - zeros + want]
        buffer[: len(piece)] = piece
        self.bytes_read += len(piece)
        return len(piece)


def _fields(fields: dict) -> bytes:
    return b"".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )


def post_streamed(client, path: str, body: StreamedBody):
    """POST ``body`` through the whole stack as a WSGI server would, reading it as it goes."""
    cookies = "; ".join(f"{m.key}={m.coded_value}" for m in client.cookies.values())
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_COOKIE": cookies,
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(body.length),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": body,
        "wsgi.errors": io.StringIO(),
        "wsgi.multiprocess": True,
        "wsgi.multithread": False,
        "wsgi.run_once": False,
    }
    return client.handler(environ)


def limit_handler(response) -> UploadLimitHandler:
    return next(
        h for h in response.wsgi_request.upload_handlers if isinstance(h, UploadLimitHandler)
    )


@pytest.fixture
def storage(settings, tmp_path):
    """Media and temporary uploads in folders of their own, to see that nothing is left."""
    settings.MAX_UPLOAD_BYTES = 1 * MB
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "tmp"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    return tmp_path


def left_files(storage) -> list:
    return [path for path in storage.rglob("*") if path.is_file()]


@pytest.fixture
def element_url(client, coordinator):
    client.force_login(coordinator)
    element = ElementFactory(title="Forebyggende forum")
    return element, f"/ansatt/innhold/element/{element.pk}/vedlegg/"


def test_a_file_over_the_limit_is_refused_while_it_streams_with_little_memory(
    client, storage, element_url
):
    element, url = element_url
    body = StreamedBody({"title": "Planen"}, size=5 * MB)
    tracemalloc.start()
    try:
        response = post_streamed(client, url, body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    handler = limit_handler(response)
    assert handler.bytes_passed <= 1 * MB  # the handler stopped passing the file on at the limit
    assert peak < 20 * MB
    assert not element.attachments.exists()
    assert left_files(storage) == []


def test_a_request_far_over_the_limit_is_not_read_past_its_first_file(client, storage, element_url):
    element, url = element_url
    body = StreamedBody({"title": "Planen"}, size=60 * MB)
    response = post_streamed(client, url, body)
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert limit_handler(response).bytes_passed == 0
    assert body.bytes_read < 1 * MB  # of 60 MB sent
    assert not element.attachments.exists()
    assert left_files(storage) == []


def test_a_request_far_over_the_limit_still_passes_the_csrf_check_and_shows_the_error(
    storage, coordinator
):
    # The token comes before the file in the form, so it is read before the upload is stopped.
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    element = ElementFactory()
    client.get(f"/ansatt/innhold/element/{element.pk}/")
    token = client.cookies["csrftoken"].value
    body = StreamedBody({"csrfmiddlewaretoken": token, "title": "Planen"}, size=60 * MB)
    response = post_streamed(client, f"/ansatt/innhold/element/{element.pk}/vedlegg/", body)
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()


def test_the_fields_after_a_refused_file_still_arrive(client, storage, element_url):
    _element, url = element_url
    body = StreamedBody({}, size=2 * MB, after={"title": "Planen etter filen"})
    response = post_streamed(client, url, body)
    assert response.status_code == 400
    content = response.content.decode()
    assert TOO_LARGE in content
    assert 'value="Planen etter filen"' in content


def test_an_attachment_over_the_limit_sent_by_a_browser_is_refused(client, storage, element_url):
    element, url = element_url
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + bytes(int(1.5 * MB)))
    response = client.post(url, {"title": "Planen", "file": upload})
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert not element.attachments.exists()
    assert left_files(storage) == []


def test_a_file_at_the_limit_is_still_stored(client, storage, element_url):
    element, url = element_url
    # On a draft element it is attached at once; on a published one (below) it waits in the
    # element's change proposal (issue 17), stored all the same.
    element.status = "draft"
    element.save()
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + bytes(1 * MB - 9))
    assert client.post(url, {"title": "Planen", "file": upload}).status_code == 302
    assert element.attachments.get().size == 1 * MB


def test_a_file_at_the_limit_waits_in_the_proposal_of_a_published_element(
    client, storage, element_url
):
    element, url = element_url
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + bytes(1 * MB - 9))
    assert client.post(url, {"title": "Planen", "file": upload}).status_code == 302
    assert not element.attachments.exists()
    (entry,) = Endringsforslag.objects.get(object_id=element.pk).values["attachments"]
    assert entry["size"] == 1 * MB
    assert (storage / "media" / entry["file"]).is_file()


def test_a_tool_template_over_the_limit_saves_no_tool(client, coordinator, storage):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("skjema.pdf", b"%PDF-1.4\n" + bytes(2 * MB))
    response = client.post(
        "/ansatt/innhold/verktoy/ny/",
        {"title": "Skjema", "slug": "", "summary": "S", "audience": "public", "file": upload},
    )
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert not Verktoy.objects.exists()
    assert left_files(storage) == []


@pytest.mark.parametrize("method", ["skriftlig", "muntlig"])
def test_a_case_with_a_consent_form_over_the_limit_is_not_opened(client, people, storage, method):
    client.force_login(people["users"]["stafettholder"])
    upload = SimpleUploadedFile("samtykke.pdf", b"%PDF-1.4\n" + bytes(2 * MB))
    response = client.post(
        reverse("stafettlogg:case_open"), open_form(people, method=method, document=upload)
    )
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert not Stafettlogg.objects.exists()
    assert not Samtykke.objects.exists()
    assert left_files(storage) == []


@pytest.mark.parametrize("method", ["skriftlig", "muntlig"])
def test_a_new_consent_with_a_form_over_the_limit_is_not_recorded(
    client, people, case, storage, method
):
    client.force_login(people["users"]["stafettholder"])
    before = Samtykke.objects.count()
    upload = SimpleUploadedFile("samtykke.pdf", b"%PDF-1.4\n" + bytes(2 * MB))
    data = open_form(people, method=method, document=upload)
    response = client.post(reverse("stafettlogg:consent", kwargs={"pk": case.pk}), data)
    assert response.status_code == 400
    assert TOO_LARGE in response.content.decode()
    assert Samtykke.objects.count() == before
    assert left_files(storage) == []


# Every form in the project that takes a file: its file field, and how to build it bound.
FILE_FORMS = {
    VedleggForm: ("file", lambda data, files: VedleggForm(data, files)),
    VerktoyForm: ("file", lambda data, files: VerktoyForm(data, files, user=None)),
    ConsentFields: ("document", lambda data, files: ConsentFields(data, files)),
    OpenCaseForm: (
        "document",
        lambda data, files: OpenCaseForm(data, files, services=Tjeneste.objects.none()),
    ),
}


@pytest.mark.parametrize("form_class", FILE_FORMS, ids=lambda form_class: form_class.__name__)
def test_every_form_that_takes_a_file_refuses_one_refused_while_streaming(form_class, settings):
    field, build = FILE_FORMS[form_class]
    refused = RefusedUpload("plan.pdf", limit=settings.MAX_UPLOAD_BYTES)
    form = build({"method": "muntlig"}, {field: refused})
    assert not form.is_valid()
    assert form.errors[field] == refused.refusal().messages


def _forms_taking_files() -> set[type]:
    import handlingsveileder.forms
    import samhandling.forms
    import stafettlogg.forms
    import statistikk.views
    import tiltaksoversikt.forms

    modules = [samhandling.forms, handlingsveileder.forms, stafettlogg.forms,
               tiltaksoversikt.forms, statistikk.views]  # fmt: skip
    found = set()
    for module in modules:
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and any(
                isinstance(f, forms.FileField) for f in value.base_fields.values()
            ):
                found.add(value)
    return found


def test_the_list_of_forms_that_take_a_file_is_complete():
    assert _forms_taking_files() == set(FILE_FORMS)
