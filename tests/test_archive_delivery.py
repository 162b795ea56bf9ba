"""Delivering a package: the file backend writes each case's package exactly once, whether
the job is retried or two workers race; the Fiks IO backend is checked against a fake of the
receiving side on the loopback that answers mottatt + kvittering, or a feilmelding."""

import hashlib
import json
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from lxml import etree

from arkiv import arkivmelding, asice, services
from arkiv.backends import DeliveryError
from arkiv.backends.fiks_io import RECEIPT, RECEIVED, FiksIOBackend
from arkiv.backends.file import FileBackend
from arkiv.models import ArchivePackage, ArchiveReceipt
from stafettlogg.models import AccessLog

from . import archive_fixtures
from .archive_fixtures import close
from .services import require_postgresql

archive_settings = archive_fixtures.archive_settings
S = ArchivePackage.Status


@pytest.fixture
def built(people, case, archive_settings):
    """A closed case whose package is made and stored, not yet delivered."""
    archive_settings.ARCHIVE_ON_CLOSE = False
    close(case, people["users"]["stafettholder"])
    package = ArchivePackage.objects.create(case_id=case.pk, tjeneste=case.tjeneste)
    ArchivePackage.objects.filter(pk=package.pk).update(status=S.BUILDING)
    # Build without delivering: the same steps as services.build, stopping at built.
    content = asice.pack(services.contents(case).files)
    name = package.file.storage.save(f"arkiv/p-{package.pk}.asice", _content(content))
    ArchivePackage.objects.filter(pk=package.pk).update(
        status=S.BUILT, file=name, sha256=hashlib.sha256(content).hexdigest()
    )
    package.refresh_from_db()
    return package


def _content(data):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def _archive_files(settings):
    return sorted(p.name for p in settings.ARCHIVE_DIR.iterdir())


# --- The file backend: exactly once -----------------------------------------------------------


@pytest.mark.django_db
def test_a_job_run_twice_delivers_once(built, archive_settings):
    assert services.deliver(built.pk) == S.ARCHIVED
    assert services.deliver(built.pk) == S.ARCHIVED  # the redelivered message: nothing to do
    assert services.build(built.pk) == S.ARCHIVED
    assert _archive_files(archive_settings) == [f"stafettlogg-{built.case_id}.asice"]
    assert ArchiveReceipt.objects.filter(package=built).count() == 1
    assert AccessLog.objects.filter(stafettlogg_id=built.case_id, event="case.archive").count() == 1


@pytest.mark.django_db
def test_a_second_worker_finds_the_package_claimed_and_sends_nothing(built, archive_settings):
    # The first worker has claimed it (built → delivering) and not finished yet.
    assert ArchivePackage.objects.filter(pk=built.pk, status=S.BUILT).update(status=S.DELIVERING)
    assert services.deliver(built.pk) == S.DELIVERING
    assert not archive_settings.ARCHIVE_DIR.exists()
    assert not ArchiveReceipt.objects.exists()


@pytest.mark.django_db
def test_a_delivery_retried_after_a_crash_finds_its_own_file_and_writes_nothing_new(
    built, archive_settings
):
    with built.file.open("rb") as stream:
        content = stream.read()
    FileBackend().send(built, content)  # the worker wrote the file, then died
    path = archive_settings.ARCHIVE_DIR / f"stafettlogg-{built.case_id}.asice"
    written = path.stat().st_mtime_ns
    assert services.deliver(built.pk) == S.ARCHIVED
    assert path.stat().st_mtime_ns == written
    assert path.read_bytes() == content
    assert _archive_files(archive_settings) == [path.name]  # no temporary file left


@pytest.mark.django_db
def test_another_file_under_the_package_name_is_never_overwritten(built, archive_settings):
    archive_settings.ARCHIVE_DIR.mkdir(parents=True)
    path = archive_settings.ARCHIVE_DIR / f"stafettlogg-{built.case_id}.asice"
    path.write_bytes(b"someone else's file")
    assert services.deliver(built.pk) == S.FAILED
    built.refresh_from_db()
    assert "exists with other content" in built.last_error
    assert path.read_bytes() == b"someone else's file"
    assert not AccessLog.objects.filter(event="case.archive").exists()


@pytest.mark.django_db
def test_a_stored_package_changed_since_it_was_built_is_not_sent(built, archive_settings):
    with built.file.open("wb") as stream:
        stream.write(b"changed on the disk")
    assert services.deliver(built.pk) == S.FAILED
    built.refresh_from_db()
    assert "checksum" in built.last_error
    assert not archive_settings.ARCHIVE_DIR.exists()


@pytest.mark.django_db
def test_failures_are_retried_a_bounded_number_of_times(built, archive_settings):
    archive_settings.ARCHIVE_MAX_ATTEMPTS = 3
    archive_settings.ARCHIVE_BACKEND = "arkiv.backends.fiks_io.FiksIOBackend"  # not configured
    services.deliver(built.pk)
    for _ in range(5):
        services.reap_and_retry()
    built.refresh_from_db()
    assert built.status == S.FAILED
    assert built.attempts == 3
    assert "FIKS_IO_URL" in built.last_error  # it says what it needs


@pytest.mark.django_db
def test_a_claim_left_by_a_lost_worker_is_failed_and_tried_again(built, archive_settings):
    from datetime import timedelta

    from django.utils import timezone

    ArchivePackage.objects.filter(pk=built.pk).update(
        status=S.DELIVERING, claimed_at=timezone.now() - timedelta(hours=1)
    )
    services.reap_and_retry()
    built.refresh_from_db()
    assert built.status == S.ARCHIVED
    assert _archive_files(archive_settings) == [f"stafettlogg-{built.case_id}.asice"]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_deliver_one_package_on_postgresql(people, case, archive_settings):
    require_postgresql()
    archive_settings.ARCHIVE_ON_CLOSE = False  # both workers are given the package below
    close(case, people["users"]["stafettholder"])
    package = ArchivePackage.objects.create(case_id=case.pk, tjeneste=case.tjeneste)
    barrier, results, errors = threading.Barrier(2), [], []

    def work():
        try:
            barrier.wait(timeout=10)
            results.append(services.build(package.pk))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    package.refresh_from_db()
    assert package.status == S.ARCHIVED
    assert ArchiveReceipt.objects.filter(package=package).count() == 1
    assert _archive_files(archive_settings) == [f"stafettlogg-{case.pk}.asice"]


# --- Fiks IO against a fake receiver on the loopback -------------------------------------------

KVITTERING = """<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering xmlns="{ns}" xmlns:n5mdk="{mdk}">
  <mappeKvittering xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xsi:type="saksmappeKvittering">
    <systemID>0b6d6e8c-1f7b-4a8e-9d8f-2f7c1d3e4a5b</systemID>
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <saksaar>2026</saksaar><sakssekvensnummer>4711</sakssekvensnummer>
  </mappeKvittering>
</arkivmeldingKvittering>"""


INVALID = "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel"


class FakeArchive(BaseHTTPRequestHandler):
    """The receiving side: checks the message type and the package, and answers."""

    answer = "kvittering"
    seen: list

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + self.headers["Content-Type"].encode() + b"\r\n\r\n" + body
        )
        parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
        metadata = json.loads(parts["metadata"].get_content())
        files = asice.unpack(parts["data"].get_payload(decode=True))
        self.seen.append((self.path, self.headers.get("IntegrasjonId"), metadata))
        valid = arkivmelding.schema().validate(etree.fromstring(files["arkivmelding.xml"]))
        if (
            metadata["meldingType"] != arkivmelding.MESSAGE_TYPE
            or not valid
            or self.answer != "kvittering"
        ):
            replies = [{"meldingType": INVALID, "payload": "<feil>Ugyldig melding</feil>"}]
        else:
            kvittering = KVITTERING.format(
                ns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1",
                mdk=arkivmelding.MDK,
            )
            replies = [{"meldingType": RECEIVED}, {"meldingType": RECEIPT, "payload": kvittering}]
        data = json.dumps({"meldingId": "1", "svar": replies}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def fake_archive(archive_settings, tmp_path):
    handler = type("Handler", (FakeArchive,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    key.write_text("-----BEGIN PRIVATE KEY-----\n")
    cert.write_text("-----BEGIN CERTIFICATE-----\n")
    archive_settings.ARCHIVE_BACKEND = "arkiv.backends.fiks_io.FiksIOBackend"
    archive_settings.FIKS_IO_URL = f"http://127.0.0.1:{server.server_port}"
    archive_settings.FIKS_IO_ACCOUNT_ID = "11111111-1111-1111-1111-111111111111"
    archive_settings.FIKS_IO_RECEIVER_ACCOUNT_ID = "22222222-2222-2222-2222-222222222222"
    archive_settings.FIKS_IO_INTEGRATION_ID = "integrasjon"
    archive_settings.FIKS_IO_INTEGRATION_PASSWORD = "passord"
    archive_settings.FIKS_IO_PRIVATE_KEY = str(key)
    archive_settings.FIKS_IO_CERTIFICATE = str(cert)
    yield handler
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_fiks_io_delivers_and_stores_the_archives_receipt(built, fake_archive):
    assert services.deliver(built.pk) == S.ARCHIVED
    built.refresh_from_db()
    assert built.reference == "2026/4711"
    assert built.backend == "Fiks IO"
    kinds = list(ArchiveReceipt.objects.filter(package=built).values_list("kind", flat=True))
    assert kinds == ["mottatt", "kvittering"]
    ((path, integration, metadata),) = fake_archive.seen
    assert path == "/fiks-io/api/v1/send"
    assert integration == "integrasjon"
    assert metadata["meldingType"] == "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
    assert metadata["mottakerKontoId"] == "22222222-2222-2222-2222-222222222222"


@pytest.mark.django_db
def test_fiks_io_error_answer_fails_the_package_and_keeps_the_answer(built, fake_archive):
    fake_archive.answer = "feilmelding"
    assert services.deliver(built.pk) == S.FAILED
    built.refresh_from_db()
    assert "ugyldigforespoersel" in built.last_error
    receipt = ArchiveReceipt.objects.get(package=built)
    assert receipt.kind == "feilmelding"
    assert "Ugyldig melding" in receipt.body
    assert built.file  # kept, to be sent again
    assert not AccessLog.objects.filter(event="case.archive").exists()


@pytest.mark.django_db
def test_fiks_io_that_does_not_answer_is_a_failure_to_retry(built, fake_archive, archive_settings):
    working = archive_settings.FIKS_IO_URL
    archive_settings.FIKS_IO_URL = "http://127.0.0.1:9"  # nothing listens there
    assert services.deliver(built.pk) == S.FAILED
    built.refresh_from_db()
    assert "did not answer" in built.last_error
    archive_settings.FIKS_IO_URL = working  # the archive is back by the next round
    services.reap_and_retry()
    built.refresh_from_db()
    assert (built.status, built.reference, built.attempts) == (S.ARCHIVED, "2026/4711", 2)


def test_fiks_io_states_what_it_needs(settings):
    settings.FIKS_IO_URL = ""
    settings.FIKS_IO_CERTIFICATE = ""
    with pytest.raises(ImproperlyConfigured, match=r"FIKS_IO_URL.*FIKS_IO_CERTIFICATE"):
        FiksIOBackend()


def test_an_answer_without_a_receipt_is_an_error():
    backend = FiksIOBackend.__new__(FiksIOBackend)
    with pytest.raises(DeliveryError, match="no answer"):
        backend._receipts([])


def test_a_receipt_the_schema_refuses_is_not_taken_as_proof():
    backend = FiksIOBackend.__new__(FiksIOBackend)
    with pytest.raises(DeliveryError, match="not valid"):
        backend._receipts([{"meldingType": RECEIPT, "payload": "<kvittering>ok</kvittering>"}])
