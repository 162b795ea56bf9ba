"""Closing a case makes its archive package: a KS Fiks Arkiv arkivmelding valid against the
vendored schema, PDF/A documents whose checksums the arkivmelding states, in an ASiC-E
container; the keeping plan decides what goes in; retention waits for the receipt."""

import hashlib
import io
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from arkiv import arkivmelding, asice
from arkiv.models import ArchivePackage, ArchiveReceipt
from arkiv.pdfa import pdfa_problems
from bts_portal.pdf import write_pdf
from stafettlogg import retention
from stafettlogg.models import AccessLog, DeletionRecord, Stafettlogg

from . import archive_fixtures
from .archive_fixtures import CHILD, close, enrich

archive_settings = archive_fixtures.archive_settings

pytestmark = pytest.mark.django_db
NS = {"a": arkivmelding.NS, "m": arkivmelding.MDK}


@pytest.fixture
def closed(people, case, archive_settings, django_capture_on_commit_callbacks):
    holder = enrich(case, people)
    with django_capture_on_commit_callbacks(execute=True):
        close(case, holder)
    return case


def _package_files(case, settings):
    path = settings.ARCHIVE_DIR / f"stafettlogg-{case.pk}.asice"
    return path.read_bytes()


def test_closing_a_case_archives_one_package_with_a_receipt(closed, settings):
    package = ArchivePackage.objects.get(case_id=closed.pk)
    assert package.status == ArchivePackage.Status.ARCHIVED
    assert package.reference == str(settings.ARCHIVE_DIR / f"stafettlogg-{closed.pk}.asice")
    assert ArchiveReceipt.objects.filter(package=package, kind="kvittering").count() == 1
    assert not package.file  # the staged copy goes once the archive has it


def test_the_package_is_an_asic_e_with_mimetype_first_and_uncompressed(closed, settings):
    content = _package_files(closed, settings)
    with zipfile.ZipFile(io.BytesIO(content)) as container:
        first = container.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert container.read("mimetype") == b"application/vnd.etsi.asic-e+zip"
        manifest = etree.fromstring(container.read("META-INF/manifest.xml"))
    listed = {e.get(f"{{{manifest.nsmap['manifest']}}}full-path") for e in manifest}
    names = set(asice.unpack(content)) - {"META-INF/manifest.xml"}
    assert listed == names | {"/"}


def test_the_arkivmelding_validates_against_the_vendored_schema(closed, settings):
    files = asice.unpack(_package_files(closed, settings))
    document = etree.fromstring(files["arkivmelding.xml"])
    assert arkivmelding.schema().validate(document), arkivmelding.schema().error_log
    assert document.find("a:mappe", NS).get(f"{{{arkivmelding.XSI}}}type") == "saksmappe"
    post = document.find("a:registrering", NS)
    assert post.get(f"{{{arkivmelding.XSI}}}type") == "journalpost"
    assert int(document.findtext("a:antallFiler", namespaces=NS)) == len(files) - 2


def test_each_document_is_described_with_a_matching_sha256_and_size(closed, settings):
    files = asice.unpack(_package_files(closed, settings))
    document = etree.fromstring(files["arkivmelding.xml"])
    objects = document.findall(".//a:dokumentobjekt", NS)
    described = {o.findtext("a:referanseDokumentfil", namespaces=NS): o for o in objects}
    assert set(described) == {n for n in files if n.endswith(".pdf")}
    for name, element in described.items():
        assert (
            element.findtext("a:sjekksum", namespaces=NS) == hashlib.sha256(files[name]).hexdigest()
        )
        assert element.findtext("a:sjekksumAlgoritme", namespaces=NS) == "SHA256"
        assert int(element.findtext("a:filstoerrelse", namespaces=NS)) == len(files[name])
        assert element.findtext("a:format/m:kode", namespaces=NS) == "fmt/476"


def test_the_package_holds_the_summary_entries_evaluation_minutes_and_consents(closed, settings):
    files = asice.unpack(_package_files(closed, settings))
    pdfs = sorted(n for n in files if n.endswith(".pdf"))
    assert pdfs == [
        "avslutning.pdf", "evaluering-1.pdf", "innslag.pdf", "referat-1.pdf",
        "samtykke-1.pdf", "samtykke-2.pdf",
    ]  # fmt: skip
    document = etree.fromstring(files["arkivmelding.xml"])
    first = document.find(".//a:dokumentbeskrivelse", NS)
    assert first.findtext("a:tilknyttetRegistreringSom/m:kode", namespaces=NS) == "H"
    assert first.findtext(".//a:referanseDokumentfil", namespaces=NS) == "avslutning.pdf"


def test_every_document_in_the_package_passes_the_pdfa_check(closed, settings):
    files = asice.unpack(_package_files(closed, settings))
    for name in (n for n in files if n.endswith(".pdf")):
        assert pdfa_problems(files[name]) == [], name


def test_the_pdfa_check_refuses_a_pdf_that_is_not_pdfa():
    html = '<!doctype html><html lang="nb"><head><title>T</title></head><body>x</body></html>'
    problems = pdfa_problems(write_pdf(html))  # PDF/UA, tagged but not PDF/A
    assert any("pdfaid:part" in p for p in problems)
    assert any("output intent" in p for p in problems)
    assert pdfa_problems(b"not a pdf")[0].startswith("not a readable PDF")


def test_the_folder_has_no_child_name_and_the_service_as_its_unit(closed, settings):
    xml = asice.unpack(_package_files(closed, settings))["arkivmelding.xml"]
    assert CHILD.encode() not in xml
    mappe = etree.fromstring(xml).find("a:mappe", NS)
    assert mappe.findtext("a:administrativEnhet/m:navn", namespaces=NS) == closed.tjeneste.name
    assert mappe.findtext("a:klassifikasjon/a:klasseID", namespaces=NS) == "F00"
    assert mappe.findtext("a:skjerming/a:skjermingshjemmel", namespaces=NS)


def test_the_title_names_the_child_only_where_the_setting_allows(closed, settings):
    settings.ARCHIVE_TITLE_WITH_NAME = True
    settings.ARCHIVE_CHILD_AS_PART = True
    case = Stafettlogg.objects.select_related("tjeneste", "stafettholder").get(pk=closed.pk)
    xml = arkivmelding.build(case, [])
    mappe = etree.fromstring(xml).find("a:mappe", NS)
    assert CHILD in mappe.findtext("a:tittel", namespaces=NS)
    assert mappe.findtext("a:part/a:partNavn", namespaces=NS) == CHILD


def test_the_keeping_plan_leaves_out_the_kinds_it_does_not_keep(
    people,
    case,
    archive_settings,
    django_capture_on_commit_callbacks,
):
    archive_settings.ARCHIVE_KEEP = {"innslag": True, "evaluering": False, "referat": False,
                                     "samtykke": False}  # fmt: skip
    holder = enrich(case, people)
    with django_capture_on_commit_callbacks(execute=True):
        close(case, holder)
    files = asice.unpack(_package_files(case, archive_settings))
    assert sorted(n for n in files if n.endswith(".pdf")) == ["avslutning.pdf", "innslag.pdf"]


def test_an_invalid_arkivmelding_is_refused_before_anything_is_sent():
    broken = (
        f'<arkivmelding xmlns="{arkivmelding.NS}"><system>x</system>'
        "<antallFiler>lots</antallFiler></arkivmelding>"
    ).encode()
    with pytest.raises(arkivmelding.InvalidArkivmelding, match="antallFiler"):
        arkivmelding.validate(broken)


def test_each_archive_export_is_one_access_log_row(closed):
    rows = AccessLog.objects.filter(stafettlogg_id=closed.pk, event="case.archive")
    assert [(r.action, r.user_id, r.object_id) for r in rows] == [
        (AccessLog.Action.EXPORT, None, ArchivePackage.objects.get(case_id=closed.pk).pk)
    ]


def test_closing_without_archiving_on_makes_no_package(
    people, case, settings, django_capture_on_commit_callbacks
):
    settings.ARCHIVE_ON_CLOSE = False
    with django_capture_on_commit_callbacks(execute=True):
        close(case, people["users"]["stafettholder"])
    assert not ArchivePackage.objects.exists()


# --- manage.py archive_case --dry-run ----------------------------------------------------------


def test_the_dry_run_prints_the_table_of_contents_and_writes_nothing(
    people,
    case,
    archive_settings,
):
    archive_settings.ARCHIVE_ON_CLOSE = False
    holder = enrich(case, people)
    close(case, holder)
    out = io.StringIO()
    call_command("archive_case", str(case.pk), "--dry-run", stdout=out)
    text = out.getvalue()
    assert arkivmelding.MESSAGE_TYPE in text
    for name in ("arkivmelding.xml", "avslutning.pdf", "innslag.pdf", "evaluering-1.pdf",
                 "referat-1.pdf", "samtykke-2.pdf"):  # fmt: skip
        assert name in text
    assert "6 documents" in text
    assert not ArchivePackage.objects.exists()
    assert not archive_settings.ARCHIVE_DIR.exists()


def test_the_command_makes_and_delivers_the_package_of_a_closed_case(
    people, case, archive_settings
):
    archive_settings.ARCHIVE_ON_CLOSE = False
    close(case, people["users"]["stafettholder"])
    out = io.StringIO()
    call_command("archive_case", str(case.pk), stdout=out)
    assert "archived" in out.getvalue()
    assert ArchivePackage.objects.get(case_id=case.pk).status == "archived"
    assert (archive_settings.ARCHIVE_DIR / f"stafettlogg-{case.pk}.asice").exists()


def test_the_command_names_a_case_that_does_not_exist(archive_settings):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No case log 424242"):
        call_command("archive_case", "424242", "--dry-run")


def test_the_command_refuses_an_open_case(case, archive_settings):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not closed"):
        call_command("archive_case", str(case.pk), "--dry-run")


# --- Retention waits for the archive -----------------------------------------------------------


def _expire(case, settings):
    Stafettlogg.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - timedelta(days=settings.RETENTION_DAYS + 1)
    )


def test_retention_keeps_a_case_without_a_receipt(people, case, settings):
    settings.ARCHIVE_REQUIRED = True
    close(case, people["users"]["stafettholder"])
    _expire(case, settings)
    result = retention.retention_run()
    assert result.cases_deleted == 0
    assert Stafettlogg.objects.filter(pk=case.pk).exists()
    assert not DeletionRecord.objects.exists()


def test_retention_deletes_an_archived_case_and_the_record_names_the_archive(
    closed, settings, django_capture_on_commit_callbacks
):
    settings.ARCHIVE_REQUIRED = True
    _expire(closed, settings)
    with django_capture_on_commit_callbacks(execute=True):
        result = retention.retention_run()
    assert result.cases_deleted == 1
    assert not Stafettlogg.objects.filter(pk=closed.pk).exists()
    record = DeletionRecord.objects.get(kind="stafettlogg", object_id=closed.pk)
    assert record.archive_package.reference.endswith(f"stafettlogg-{closed.pk}.asice")
    assert record.archive_package.receipts.filter(kind="kvittering").exists()


def test_retention_without_archiving_required_deletes_as_before(people, case, settings):
    settings.ARCHIVE_REQUIRED = False
    close(case, people["users"]["stafettholder"])
    _expire(case, settings)
    assert retention.retention_run().cases_deleted == 1


# --- The coordinator's page --------------------------------------------------------------------


def test_the_coordinator_sees_each_package_and_its_state(client, people, closed):
    ArchivePackage.objects.create(
        case_id=999, tjeneste=people["clinic"], status="failed", attempts=5,
        last_error="DeliveryError: Fiks IO answered 503",
    )  # fmt: skip
    client.force_login(people["users"]["coordinator"])
    response = client.get(reverse("arkiv:packages"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Fiks IO answered 503" in text
    assert f"stafettlogg-{closed.pk}.asice" in text
    assert CHILD not in text


def test_the_page_costs_the_same_queries_for_many_packages(
    client, people, django_assert_max_num_queries
):
    for n in range(30):
        ArchivePackage.objects.create(case_id=n, tjeneste=people["clinic"])
    client.force_login(people["users"]["coordinator"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("arkiv:packages")).status_code == 200


@pytest.mark.parametrize("user", ["stafettholder", "leader", "local_admin"])
def test_others_may_not_see_the_packages_or_retry_them(client, people, user):
    package = ArchivePackage.objects.create(case_id=5, tjeneste=people["clinic"], status="failed")
    client.force_login(people["users"][user])
    assert client.get(reverse("arkiv:packages")).status_code == 403
    assert client.post(reverse("arkiv:retry", args=[package.pk])).status_code == 403
    package.refresh_from_db()
    assert package.status == "failed"


def test_the_coordinator_puts_a_failed_package_back_in_line(
    client,
    people,
    case,
    archive_settings,
    django_capture_on_commit_callbacks,
):
    directory = archive_settings.ARCHIVE_DIR
    archive_settings.ARCHIVE_DIR = directory.parent / "not-a-folder"
    archive_settings.ARCHIVE_DIR.write_text("a file where the folder should be")
    with django_capture_on_commit_callbacks(execute=True):
        close(case, people["users"]["stafettholder"])
    package = ArchivePackage.objects.get(case_id=case.pk)
    assert package.status == "failed"
    assert "DeliveryError" in package.last_error or "Error" in package.last_error
    archive_settings.ARCHIVE_DIR = directory
    client.force_login(people["users"]["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("arkiv:retry", args=[package.pk]))
    assert response.status_code == 302
    package.refresh_from_db()
    # The built package is sent again as it was: built once, delivered twice.
    assert (package.status, package.attempts, package.last_error) == ("archived", 3, "")


def test_retrying_a_package_that_is_not_failed_changes_nothing(client, people, closed):
    package = ArchivePackage.objects.get(case_id=closed.pk)
    client.force_login(people["users"]["coordinator"])
    client.post(reverse("arkiv:retry", args=[package.pk]))
    package.refresh_from_db()
    assert (package.status, package.attempts) == ("archived", 2)  # built, then delivered


# --- The guardians' insight --------------------------------------------------------------------


def test_the_insight_says_when_and_where_the_log_was_archived(closed):
    from django.template.loader import render_to_string
    from django.utils import translation

    from stafettlogg.insight import insight_context

    package = ArchivePackage.objects.get(case_id=closed.pk)
    with translation.override("en"):
        html = render_to_string("stafettlogg/insight_pdf.html", insight_context(closed))
    assert "was sent to the archive" in html
    assert package.reference in html
    assert timezone.localtime(package.archived_at).strftime("%d.%m.%Y") in html


def test_the_insight_of_a_case_not_yet_archived_says_nothing_of_it(people, case):
    from django.template.loader import render_to_string
    from django.utils import translation

    from stafettlogg.insight import insight_context

    with translation.override("en"):
        html = render_to_string("stafettlogg/insight_pdf.html", insight_context(case))
    assert "was sent to the archive" not in html


def test_the_entries_document_holds_the_hand_over_and_the_observation(closed, settings):
    from pypdf import PdfReader

    files = asice.unpack(_package_files(closed, settings))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(files["innslag.pdf"])).pages)
    assert "Sliten i barnehagen." in text
    assert "tok imot stafetten" in text  # the hand-over's entry
