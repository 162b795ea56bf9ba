"""Service names on nynorsk and English pages, PDFs and forms: the translated name where the
service has one, and the bokmål name marked ``<span lang="nb">`` where it has none (WCAG
3.1.2), on the staff case pages, My page, the receipts and insight PDFs, the follow-up,
content list and statistics pages, and the forms that offer services to choose from."""

import datetime
import re
from unittest import mock

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from handlingsveileder.models import DocumentType
from minside import receipts
from oppfolging import services as follow_up
from oppfolging.models import Mote
from stafettlogg import case_documents, insight
from stafettlogg import services as case_services
from stafettlogg.models import SamtykkeSvar
from statistikk.indicators import MUNICIPALITY, compute_all

from . import test_minside as base
from . import test_minside_consent as consent_base
from .factories import BrukerFactory, ElementFactory
from .test_minside_consent import PID_MOTHER, answer, ask, link, log_in

# The citizen area's fixtures: the family with two guardians, linked to My page.
family, linked = base.family, consent_base.linked

pytestmark = pytest.mark.django_db

# Bokmål names (from case_fixtures.people) and their translations; each service misses one.
KINDERGARTEN_NN_FALLBACK = '<span lang="nb">Solbakken barnehage</span>'
CLINIC_NN = "Helsestasjon og skulehelseteneste"
CLINIC_EN = "Health clinic"
KINDERGARTEN_EN = "Solbakken kindergarten"
SCHOOL_NN = "Sentrum skule"
SCHOOL_EN_FALLBACK = '<span lang="nb">Sentrum skole</span>'


@pytest.fixture(autouse=True)
def translated(people):
    """The clinic is translated into both, the kindergarten into English only, the school
    into nynorsk only."""
    for key, nn, en in [
        ("clinic", CLINIC_NN, CLINIC_EN),
        ("kindergarten", "", KINDERGARTEN_EN),
        ("school", SCHOOL_NN, ""),
    ]:
        service = people[key]
        service.name_nn, service.name_en = nn, en
        service.save(update_fields=["name_nn", "name_en"])
    return people


def text(html: str) -> str:
    """The markup with each run of white space as one space."""
    return re.sub(r"\s+", " ", html)


def page(client, url: str, language: str, **params) -> str:
    response = client.get(url, {"sprak": language, **params})
    assert response.status_code == 200, url
    return text(response.content.decode())


# --- The staff case pages --------------------------------------------------------------------
def test_the_case_page_lists_the_covered_services_in_nynorsk(client, case, people):
    client.force_login(people["users"]["stafettholder"])
    html = page(client, case.get_absolute_url(), "nn")
    assert f"<p>{CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK}</p>" in html


def test_the_case_page_lists_the_covered_services_in_english(client, case, people):
    client.force_login(people["users"]["stafettholder"])
    html = page(client, case.get_absolute_url(), "en")
    assert f"<p>{CLINIC_EN}, {KINDERGARTEN_EN}</p>" in html


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("nn", f"{CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK}</td>"),
        ("en", f"{CLINIC_EN}, {KINDERGARTEN_EN}</td>"),
    ],
)
def test_the_consent_page_lists_each_consents_services_translated(
    client, case, people, language, shown
):
    client.force_login(people["users"]["stafettholder"])
    html = page(client, reverse("stafettlogg:consent", args=[case.pk]), language)
    assert shown in html


def test_the_consent_forms_service_choices_are_translated(client, case, people):
    client.force_login(people["users"]["stafettholder"])
    html = page(client, reverse("stafettlogg:consent", args=[case.pk]), "en")
    for label in (CLINIC_EN, KINDERGARTEN_EN, "Sentrum skole"):
        assert re.search(rf"<label [^>]*>\s*{label}\s*</label>", html), label
    assert "Helsestasjonen" not in html
    assert "Solbakken barnehage" not in html


def test_opening_a_case_offers_the_services_by_their_english_names(client, people):
    client.force_login(people["users"]["stafettholder"])
    html = page(client, reverse("stafettlogg:case_open"), "en")
    assert f">{KINDERGARTEN_EN}</option>" in html
    assert re.search(rf"<label [^>]*>\s*{CLINIC_EN}\s*</label>", html)
    assert "Helsestasjonen" not in html
    assert "Solbakken barnehage" not in html


def test_the_digital_consent_request_lists_the_proposed_services_in_nynorsk(client, linked):
    assert ask(client, linked).status_code == 302
    answer(client, linked, PID_MOTHER, keep=["clinic"], language="nn")
    staff = Client()
    staff.force_login(linked["users"]["stafettholder"])
    html = page(staff, f"/ansatt/stafettlogg/{linked['case'].pk}/samtykke/digitalt/", "nn")
    proposed = f"{CLINIC_NN}, {SCHOOL_NN}, {KINDERGARTEN_NN_FALLBACK}"
    assert f": {proposed}" in html
    # The mother's answer kept the clinic; the holder's service is always part of it.
    assert f"{CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK}" in html.replace(proposed, "")


def test_the_case_documents_name_the_services_in_the_documents_language(case, people):
    with translation.override("en"):
        consent_form = case_documents.values(case, DocumentType.CONSENT)
    assert consent_form["tjeneste"] == KINDERGARTEN_EN
    assert consent_form["tjenester"].items == [KINDERGARTEN_EN, CLINIC_EN]
    assert [service for _user, service in consent_form["deltakere"].rows] == [
        KINDERGARTEN_EN,
        CLINIC_EN,
    ]
    with translation.override("nn"):
        invitation = case_documents.values(case, DocumentType.INVITATION)
    assert any(f"({CLINIC_NN})" in line for line in invitation["innkalte"].items)


# --- My page ------------------------------------------------------------------------------
@pytest.fixture
def citizen_case(family):
    """The mother linked to the family's case, which has its opening consent; the holder
    has read the log once, so that "who has read the log" names the kindergarten."""
    link(family["mother"], PID_MOTHER)
    reader = Client()
    reader.force_login(family["users"]["stafettholder"])
    assert reader.get(family["case"].get_absolute_url()).status_code == 200
    return family


def test_my_page_names_the_cases_service_translated_or_marked(client, citizen_case):
    log_in(client, PID_MOTHER)
    english = page(client, "/min-side/", "en")
    assert f'<dd class="col-sm-7">{KINDERGARTEN_EN}</dd>' in english
    nynorsk = page(client, "/min-side/", "nn")
    assert f'<dd class="col-sm-7">{KINDERGARTEN_NN_FALLBACK}</dd>' in nynorsk


def test_the_citizens_case_page_names_the_consents_services_and_the_readers_service(
    client, citizen_case
):
    log_in(client, PID_MOTHER)
    url = f"/min-side/sak/{citizen_case['case'].pk}/"
    nynorsk = page(client, url, "nn")
    assert f"{CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK}</p>" in nynorsk
    assert f", {KINDERGARTEN_NN_FALLBACK}:" in nynorsk  # who has read the log
    english = page(client, url, "en")
    assert f"{CLINIC_EN}, {KINDERGARTEN_EN}</p>" in english
    assert f", {KINDERGARTEN_EN}:" in english


def test_the_citizens_consent_form_offers_the_services_in_nynorsk(client, linked):
    ask(client, linked)
    log_in(client, PID_MOTHER)
    html = page(client, f"/min-side/sak/{linked['case'].pk}/samtykke/", "nn")
    for label in (CLINIC_NN, SCHOOL_NN):
        assert re.search(rf'<label class="form-check-label" for="[^"]+">{label}</label>', html)
    help_text = re.search(r'<p id="services-help">(.*?)</p>', html).group(1)
    assert KINDERGARTEN_NN_FALLBACK in help_text


def test_the_citizens_consent_form_in_english_has_no_bokmal_names(client, linked):
    ask(client, linked)
    log_in(client, PID_MOTHER)
    html = page(client, f"/min-side/sak/{linked['case'].pk}/samtykke/", "en")
    help_text = re.search(r'<p id="services-help">(.*?)</p>', html).group(1)
    assert KINDERGARTEN_EN in help_text
    assert re.search(
        rf'<label class="form-check-label" for="[^"]+">{SCHOOL_EN_FALLBACK}</label>', html
    )
    assert "Helsestasjonen" not in html
    assert "Solbakken barnehage" not in html


def test_a_bokmal_fallback_in_the_consent_help_text_is_escaped(client, linked, people):
    people["kindergarten"].name = "Solbakken <b>barnehage</b>"
    people["kindergarten"].save(update_fields=["name"])
    ask(client, linked)
    log_in(client, PID_MOTHER)
    html = page(client, f"/min-side/sak/{linked['case'].pk}/samtykke/", "nn")
    help_text = re.search(r'<p id="services-help">(.*?)</p>', html).group(1)
    assert '<span lang="nb">Solbakken &lt;b&gt;barnehage&lt;/b&gt;</span>' in help_text


@pytest.mark.parametrize(
    ("language", "proposed", "absent"),
    [
        ("nn", f"{CLINIC_NN}, {SCHOOL_NN}, {KINDERGARTEN_NN_FALLBACK}", "Helsestasjonen"),
        ("en", f"{CLINIC_EN}, {SCHOOL_EN_FALLBACK}, {KINDERGARTEN_EN}", "Solbakken barnehage"),
    ],
)
def test_the_receipt_names_the_services_in_the_answers_language(
    client, linked, language, proposed, absent
):
    ask(client, linked)
    answer(client, linked, PID_MOTHER, keep=["clinic"], language=language)
    svar = SamtykkeSvar.objects.get()
    # The PDF's HTML, as the receipt hands it to WeasyPrint.
    with mock.patch.object(receipts, "write_pdf", side_effect=lambda html: html.encode()):
        html = text(receipts.render(linked["case"], svar).decode())
    assert f"<dd>{proposed}</dd>" in html
    assert absent not in html


@pytest.mark.parametrize(
    ("language", "services", "reader"),
    [
        ("nn", f"{CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK}", f"<td>{KINDERGARTEN_NN_FALLBACK}</td>"),
        ("en", f"{CLINIC_EN}, {KINDERGARTEN_EN}", f"<td>{KINDERGARTEN_EN}</td>"),
    ],
)
def test_the_insight_pdf_names_the_services_in_the_guardians_language(
    citizen_case, language, services, reader
):
    case = citizen_case["case"]
    with translation.override(language):
        html = text(render_to_string("stafettlogg/insight_pdf.html", insight.insight_context(case)))
    assert f"<td> {services}</td>" in html  # the services the consent covers
    assert reader in html  # who has read the log


# --- Follow-up, content and statistics ------------------------------------------------------
def test_the_follow_up_page_names_the_services_in_nynorsk(client, people):
    coordinator = people["users"]["coordinator"]
    both = [people["clinic"], people["kindergarten"]]
    follow_up.lesekrav_create(
        by=coordinator, element=ElementFactory(), roles=["ansatt"], services=both
    )
    follow_up.meeting_record(
        by=coordinator, kind=Mote.Kind.FORUM, held_on=timezone.localdate(),
        attendance=dict.fromkeys(both, 1),
    )  # fmt: skip
    client.force_login(coordinator)
    html = page(client, reverse("statistikk:oppfolging:follow_up"), "nn")
    listed = f"({CLINIC_NN}, {KINDERGARTEN_NN_FALLBACK})"
    assert html.count(listed) == 2  # the read list's services and the meeting's
    assert f">{CLINIC_NN}</option>" in html


def test_the_content_list_names_the_owning_service_translated_or_marked(client, people):
    ElementFactory(title="Rutine A", owner_tjeneste=people["clinic"])
    ElementFactory(title="Rutine B", owner_tjeneste=people["kindergarten"])
    client.force_login(people["users"]["coordinator"])
    nynorsk = page(client, "/ansatt/innhold/element/", "nn")
    assert f"· {CLINIC_NN}</small>" in nynorsk
    assert f"· {KINDERGARTEN_NN_FALLBACK}</small>" in nynorsk
    english = page(client, "/ansatt/innhold/element/", "en")
    assert f"· {CLINIC_EN}</small>" in english
    assert f"· {KINDERGARTEN_EN}</small>" in english


def test_the_statistics_scope_is_named_in_english(client, people):
    client.force_login(people["users"]["coordinator"])
    html = page(client, reverse("statistikk:dashboard"), "en", tjeneste="sentrum-skole")
    assert f": {SCHOOL_EN_FALLBACK}</h1>" in html
    assert f'<option value="helsestasjonen">{CLINIC_EN} </option>' in html
    assert '<option value="sentrum-skole" lang="nb" selected>Sentrum skole </option>' in html
    assert "Helsestasjonen <" not in html


def test_the_annual_reports_scope_choices_are_in_nynorsk(client, people):
    client.force_login(BrukerFactory(username="kommunedirektor", is_municipal_leader=True))
    url = reverse("statistikk:annual_report", args=[timezone.localdate().year])
    html = page(client, url, "nn")
    assert f'<option value="helsestasjonen">{CLINIC_NN} </option>' in html
    assert '<option value="solbakken-barnehage" lang="nb">Solbakken barnehage </option>' in html
    assert f'<option value="sentrum-skole">{SCHOOL_NN} </option>' in html


def test_the_statistics_scope_in_bokmal_is_not_marked(client, people):
    client.force_login(people["users"]["coordinator"])
    html = page(client, reverse("statistikk:dashboard"), "nb", tjeneste="sentrum-skole")
    assert ": Sentrum skole</h1>" in html
    assert '<option value="sentrum-skole" selected>Sentrum skole </option>' in html
    assert '<span lang="nb">Sentrum skole' not in html


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("nn", f"Solbakken barnehage → {CLINIC_NN}"),
        ("en", f"{KINDERGARTEN_EN} → {CLINIC_EN}"),
        ("nb", "Solbakken barnehage → Helsestasjonen"),
    ],
)
def test_the_hand_over_statistics_label_the_services_in_the_reports_language(
    case, people, language, label
):
    users = people["users"]
    offer = case_services.handover_request(
        case=case, user=users["stafettholder"], to_user=users["participant"],
        to_tjeneste=people["clinic"],
    )  # fmt: skip
    case_services.handover_answer(handover=offer, user=users["participant"], accept=True)
    with translation.override(language):
        tables = compute_all(timezone.localdate().year)[MUNICIPALITY]
    (handovers,) = [table for table in tables if table.key == "overforinger"]
    assert handovers.rows == [(label, 1)]


@pytest.mark.parametrize(
    ("language", "service", "theme"),
    [
        ("nn", CLINIC_NN, "Psykisk helse"),  # the theme has no nynorsk title: bokmål
        ("en", CLINIC_EN, "Mental health"),
        ("nb", "Helsestasjonen", "Psykisk helse"),
    ],
)
def test_measures_by_service_and_theme_are_labelled_in_the_reports_language(
    case, people, language, service, theme
):
    from tiltaksoversikt.models import Tema

    from .factories import TemaFactory, TiltakFactory

    mental = TemaFactory(title="Psykisk helse", slug="psykisk-helse", title_en="Mental health")
    offer = TiltakFactory(tjeneste=people["clinic"], title="Samtalegruppe", themes=[mental])
    case_services.entry_add(
        case=case, user=people["users"]["stafettholder"], kind="tiltak", title="Samtalegruppe",
        tiltak=offer, goal="g", responsible="r", starts_on=timezone.localdate(),
        evaluate_by=timezone.localdate() + datetime.timedelta(days=30),
    )  # fmt: skip
    with translation.override(language):
        tables = {t.key: t for t in compute_all(timezone.localdate().year)[MUNICIPALITY]}
    by_service = dict(tables["tiltak_tjeneste"].rows)
    assert by_service[service] == 1
    assert dict(tables["tiltak_tema"].rows)[theme] == 1
    # The rows are the same rows in every language: keyed by the bokmål texts.
    assert "Helsestasjonen" in tables["tiltak_tjeneste"].row_keys
    assert Tema.objects.get(pk=mental.pk).title in tables["tiltak_tema"].row_keys
