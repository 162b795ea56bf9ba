"""Documents from the log: each prints pre-filled from a real case as a tagged PDF in the
chosen language, each print is one access-log export, the rule decides who prints what, bad
options get a 400 with nothing printed, and the public tool page offers the blank form."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from handlingsveileder.documents import FIELDS, fill, unknown_fields
from handlingsveileder.models import DocumentType
from stafettlogg import services
from stafettlogg.models import AccessLog, Innslag

from .factories import VerktoyFactory
from .pdf_checks import assert_tagged
from .services import require_weasyprint

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _dense(text: str) -> str:
    return "".join(text.split())


def _url(case, doc_type):
    return reverse(f"stafettlogg:document_{doc_type}", kwargs={"pk": case.pk})


@pytest.fixture
def worked_case(people, case):
    holder = people["users"]["stafettholder"]
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.MEETING, attendees="Lise Forelder, Kari",
        text="Vi ble enige om en fast voksen.", next_step="Ny samtale om to uker",
    )  # fmt: skip
    return case


def _rows(case, event):
    return AccessLog.objects.filter(stafettlogg_id=case.pk, event=event)


@pytest.mark.parametrize(
    ("doc_type", "expected"),
    [
        (DocumentType.ACTION_PLAN, ["Fast voksen", "Trygghet", "Kari", "Helsestasjonen"]),
        (DocumentType.EVALUATION, ["Fast voksen", "Trygghet", "Hva har virket"]),
        (DocumentType.CONSENT, ["Solbakken barnehage", "Helsestasjonen", "Lise Forelder"]),
        (DocumentType.CLOSING, ["Fast voksen", "Trygghet", "Nivåene"]),
    ],
)
def test_each_document_prints_filled_in_tagged_and_logged(
    client, people, worked_case, doc_type, expected
):
    require_weasyprint()
    case = worked_case
    client.force_login(people["users"]["participant"])
    response = client.get(_url(case, doc_type), {f"{doc_type}-sprak": "nb"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pdf = response.content
    assert_tagged(pdf, "nb")
    text = _text(pdf)
    for words in [case.child_name, case.child_birth_date.strftime("%d.%m.%Y"), *expected]:
        assert _dense(words) in _dense(text), words
    measure = case.entries.get(kind=Innslag.Kind.MEASURE)
    if doc_type in (DocumentType.ACTION_PLAN, DocumentType.EVALUATION):
        assert measure.evaluate_by.strftime("%d.%m.%Y") in text
    row = _rows(case, f"document.{doc_type}").get()
    assert row.action == AccessLog.Action.EXPORT
    assert row.user == people["users"]["participant"]
    assert row.tjeneste == people["clinic"]


def test_minutes_are_of_the_meeting_chosen_and_in_nynorsk(client, people, worked_case):
    require_weasyprint()
    case = worked_case
    meeting = case.entries.get(kind=Innslag.Kind.MEETING)
    client.force_login(people["users"]["stafettholder"])
    response = client.get(
        _url(case, DocumentType.MINUTES), {"referat-sprak": "nn", "referat-innslag": meeting.pk}
    )
    assert response.status_code == 200
    assert_tagged(response.content, "nn")
    text = _text(response.content)
    for words in [
        "Vi ble enige om en fast voksen.",
        "Lise Forelder, Kari",
        "Ny samtale om to uker",
    ]:
        assert _dense(words) in _dense(text)
    assert "Til stades" in text  # the nynorsk text, not the bokmål one
    assert f"Referent: {people['users']['stafettholder']}, Solbakken barnehage" in text
    row = _rows(case, "document.referat").get()
    assert (row.action, row.object_id) == (AccessLog.Action.EXPORT, meeting.pk)


def test_invitation_carries_the_time_place_and_agenda_written(client, people, worked_case):
    require_weasyprint()
    case = worked_case
    client.force_login(people["users"]["stafettholder"])
    response = client.get(
        _url(case, DocumentType.INVITATION),
        {
            "innkalling-sprak": "nb",
            "innkalling-tid": "2026-12-14T09:30",
            "innkalling-sted": "Møterom 2, Solbakken",
            "innkalling-saksliste": "Hvordan går det?\n\nPlanen videre",
        },
    )
    assert response.status_code == 200
    text = _text(response.content)
    for words in ["14.12.2026", "09:30", "Møterom 2, Solbakken", "Planen videre", "Lise Forelder"]:
        assert _dense(words) in _dense(text), words
    # Everyone taking part is invited, by name and service.
    assert _dense(f"{people['users']['participant']} (Helsestasjonen)") in _dense(text)


@pytest.mark.parametrize(
    "params",
    [
        {},  # no time or place
        {"innkalling-tid": "i morgen", "innkalling-sted": "Her"},
        {"innkalling-tid": "2026-12-14T09:30", "innkalling-sted": "x" * 201},
        {"innkalling-tid": "2026-12-14T09:30", "innkalling-sted": "Her", "innkalling-sprak": "de"},
    ],
)
def test_bad_invitation_options_get_a_400_and_a_refusal_row(client, people, worked_case, params):
    case = worked_case
    client.force_login(people["users"]["stafettholder"])
    response = client.get(_url(case, DocumentType.INVITATION), params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Documents to print" in response.content.decode() or "Dokumenter" in (
        response.content.decode()
    )
    row = _rows(case, "document.innkalling").get()
    assert (row.action, row.reason) == (AccessLog.Action.DENIED, "invalid")


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1" * 40])
def test_minutes_of_an_entry_that_is_not_this_cases_meeting_are_refused(
    client, people, worked_case, value
):
    case = worked_case
    client.force_login(people["users"]["stafettholder"])
    response = client.get(_url(case, DocumentType.MINUTES), {"referat-innslag": value})
    assert response.status_code == 400
    # Another entry of the case that is not a meeting, too.
    observation = case.entries.filter(kind=Innslag.Kind.OBSERVATION).first()
    response = client.get(_url(case, DocumentType.MINUTES), {"referat-innslag": observation.pk})
    assert response.status_code == 400
    assert _rows(case, "document.referat").filter(action=AccessLog.Action.DENIED).count() == 2


def test_who_prints_what_follows_the_access_rule(client, people, worked_case):
    case = worked_case
    users = people["users"]
    for name in ("other_service", "same_service", "leader", "coordinator"):
        client.force_login(users[name])
        response = client.get(_url(case, DocumentType.ACTION_PLAN))
        assert response.status_code == 404, name
        assert response["Content-Type"].startswith("text/html")
    refused = _rows(case, "document.handlingsplan")
    assert refused.count() == 4
    assert set(refused.values_list("action", "reason")) == {("denied", "not_participant")}


def test_a_locked_log_prints_only_the_consent_form_and_only_for_its_holder(
    client, people, worked_case
):
    require_weasyprint()
    case = worked_case
    users = people["users"]
    services.consent_withdraw(case=case, user=users["stafettholder"], reason="Ønsker ikke")
    client.force_login(users["stafettholder"])
    assert client.get(_url(case, DocumentType.ACTION_PLAN)).status_code == 403
    locked_page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk}))
    assert _url(case, DocumentType.CONSENT) in locked_page.content.decode()
    response = client.get(_url(case, DocumentType.CONSENT))
    assert response.status_code == 200
    assert case.child_name in _text(response.content)
    client.force_login(users["participant"])
    assert client.get(_url(case, DocumentType.CONSENT)).status_code == 403
    assert list(
        _rows(case, "document.samtykke").order_by("pk").values_list("action", "reason")
    ) == [("export", ""), ("denied", "locked")]
    assert _rows(case, "document.handlingsplan").get().reason == "locked"


def test_the_closing_summary_prints_after_closure_with_the_reason(client, people, worked_case):
    require_weasyprint()
    case = worked_case
    holder = people["users"]["stafettholder"]
    services.case_close(case=case, user=holder, reason="Målene er nådd.", final_evaluation="Bra.")
    client.force_login(holder)
    response = client.get(_url(case, DocumentType.CLOSING))
    assert response.status_code == 200
    text = _text(response.content)
    assert "Målene er nådd." in text
    assert timezone.localdate().strftime("%d.%m.%Y") in text


def test_the_documents_page_offers_every_document_with_unique_ids(client, people, worked_case):
    client.force_login(people["users"]["stafettholder"])
    response = client.get(reverse("stafettlogg:documents", kwargs={"pk": worked_case.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    for doc_type in DocumentType.values:
        assert _url(worked_case, doc_type) in html
    import re

    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert _rows(worked_case, "documents.view").get().action == AccessLog.Action.VIEW


def test_values_are_escaped_and_never_read_as_markdown_or_html(client, people, case):
    require_weasyprint()
    case.child_name = "**Ola** <b>Nordmann</b> {{ fodselsdato }}"
    case.save(update_fields=["child_name"])
    client.force_login(people["users"]["stafettholder"])
    response = client.get(_url(case, DocumentType.ACTION_PLAN))
    text = _text(response.content)
    assert "**Ola** <b>Nordmann</b> {{ fodselsdato }}" in text


def test_a_template_the_coordinator_edits_is_what_prints(client, people, case):
    require_weasyprint()
    VerktoyFactory(
        slug="plan", title="Vår plan", document=DocumentType.ACTION_PLAN,
        template="## Plan for {{ barnets_navn }}\n\nAnsvar: {{ stafettholder }}\n\n{{ tiltak }}",
    )  # fmt: skip
    client.force_login(people["users"]["stafettholder"])
    text = _text(client.get(_url(case, DocumentType.ACTION_PLAN)).content)
    assert "Vår plan" in text
    assert f"Plan for {case.child_name}" in text
    assert f"Ansvar: {people['users']['stafettholder']}" in text
    assert "Fast voksen" in text


def test_fields_are_checked_per_document():
    assert unknown_fields("{{ barnets_navn }} {{ motested }} {{ tull }}", "handlingsplan") == [
        "motested",
        "tull",
    ]
    assert unknown_fields("{{ motested }}", "innkalling") == []
    for doc_type, fields in FIELDS.items():
        names = [f.name for f in fields]
        assert len(names) == len(set(names)), doc_type
    blank = fill("Navn: {{ barnets_navn }}\n\n{{ tiltak }}", "handlingsplan", None)
    assert "____" in blank
    assert "<table" in blank
    assert "<th" in blank
    assert "{{" not in blank


def test_the_editor_refuses_unknown_fields(client, people):
    from handlingsveileder.forms import VerktoyForm

    coordinator = people["users"]["coordinator"]
    data = {
        "title": "Plan", "slug": "plan", "summary": "Mal", "audience": "public",
        "document": "handlingsplan", "template": "Hei {{ motested }} og {{ barnets_navn }}",
        "review_due": (timezone.localdate() + timedelta(days=300)).isoformat(),
    }  # fmt: skip
    form = VerktoyForm(data, user=coordinator)
    assert not form.is_valid()
    assert "motested" in str(form.errors["template"])
    data["template"] = "Hei {{ barnets_navn }}"
    data["template_nn"] = "Hei {{ barnets_namn }}"
    form = VerktoyForm(data, user=coordinator)
    assert not form.is_valid()
    assert "barnets_namn" in str(form.errors["template_nn"])
    data.pop("document")
    form = VerktoyForm(data, user=coordinator)
    assert not form.is_valid()
    assert "template" in form.errors


def test_the_public_tool_page_offers_the_blank_form(client, settings):
    require_weasyprint()
    tool = VerktoyFactory(slug="samtykkeskjema", document=DocumentType.CONSENT)
    page = client.get(tool.get_absolute_url())
    url = reverse("veileder:tool_form", kwargs={"slug": tool.slug})
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert_tagged(response.content, "nb")
    text = _text(response.content)
    assert "____" in text
    assert str(settings.CONSENT_AGE) in text
    # A tool that is not a document has no blank form.
    other = VerktoyFactory(slug="samtaleguide")
    assert client.get(reverse("veileder:tool_form", kwargs={"slug": other.slug})).status_code == 404
