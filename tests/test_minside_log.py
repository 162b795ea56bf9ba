"""The guardians' own view of the log on My page (issue 20, item 5): what they read, what
they add ("the family's view"), their own insight PDF, and every request of theirs in the
access log, shown in plain words to the staff and in the insight PDF."""

import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from minside import identity, services
from stafettlogg import services as case_services
from stafettlogg.insight import insight_context
from stafettlogg.models import AccessLog, Innslag, Samtykke

from . import test_minside as base
from .case_fixtures import CHILD, open_case
from .pdf_checks import assert_tagged
from .services import require_weasyprint
from .test_minside import PID_FATHER, PID_MOTHER, new_invitation
from .test_minside import citizen as citizen_of

pytestmark = pytest.mark.django_db

family = base.family


def tables_holding(value: str) -> list[str]:
    """Every table.column whose text holds ``value``, and any session that does."""
    found = []
    quoted = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quoted(table)} "  # noqa: S608 - names from the schema
                    f"WHERE CAST({quoted(column.name)} AS TEXT) LIKE %s",
                    [f"%{value}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    found += [f"session {s.pk}" for s in Session.objects.all() if value in repr(s.get_decoded())]
    return found


def log_in(client, pid):
    session = client.session
    session[identity.SESSION_KEY] = {
        "pid_hash": identity.pid_hash(pid), "acr": "idporten-loa-substantial",
        "login_at": time.time(),
    }  # fmt: skip
    session.save()


@pytest.fixture
def linked(family):
    users = family["users"]
    case = family["case"]
    family["link"] = services.bind(
        invitation_id=new_invitation(family["mother"]).pk, citizen=citizen_of(PID_MOTHER)
    )
    case_services.participant_add(
        case=case, by=users["stafettholder"], user=users["participant"], tjeneste=family["clinic"]
    )
    today = timezone.localdate()
    case_services.entry_add(
        case=case, user=users["stafettholder"], kind=Innslag.Kind.MEASURE, title="Fast voksen",
        goal="Trygghet i hverdagen", responsible="Kari", starts_on=today,
        evaluate_by=today + timedelta(days=14),
    )  # fmt: skip
    case_services.entry_add(
        case=case, user=users["participant"], kind=Innslag.Kind.MEETING,
        text="Møte med familien.", attendees="Lise, Kari, helsesykepleier",
    )  # fmt: skip
    case_services.entry_add(
        case=case, user=users["stafettholder"], kind=Innslag.Kind.OBSERVATION,
        text="Intern observasjon.",
    )  # fmt: skip
    holder = Client()
    holder.force_login(users["stafettholder"])
    assert holder.get(f"/ansatt/stafettlogg/{case.pk}/").status_code == 200
    family["holder_client"] = holder
    return family


def case_url(family, tail=""):
    return f"/min-side/sak/{family['case'].pk}/{tail}"


def test_a_guardian_reads_the_log_in_plain_words(client, linked):
    log_in(client, PID_MOTHER)
    page = client.get(case_url(linked))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    text = page.content.decode()
    for shown in (
        "Nivå 1", "Stafettholder", "Solbakken barnehage", "Helsestasjonen", "Participant",
        "Fast voksen", "Trygghet i hverdagen", "Møte med familien.", "Lise, Kari, helsesykepleier",
    ):  # fmt: skip
        assert shown in text, shown
    # Who has read the log, as the insight PDF says it: the holder's read above.
    assert "Stafettholder" in text
    assert "Leste stafettloggen" in text
    # The staff's own observations are not the family's reading (the insight PDF has them).
    assert "Intern observasjon." not in text


def test_the_services_are_named_in_the_family_language_or_marked_as_bokmal(client, linked):
    # The same class of defect as the public pages' (issue 17): a service's name in the
    # reader's language where it has one, and the bokmål marked where it has not.
    clinic = linked["clinic"]
    clinic.name_nn = "Helsestasjonen på Sentrum"
    clinic.save()
    log_in(client, PID_MOTHER)
    text = client.get(case_url(linked), {"sprak": "nn"}).content.decode()
    assert "Helsestasjonen på Sentrum" in text
    assert '<span lang="nb">Solbakken barnehage</span>' in text  # no nynorsk name
    english = client.get(case_url(linked), {"sprak": "en"}).content.decode()
    assert '<span lang="nb">Helsestasjonen</span>' in english


def test_the_staff_case_page_names_the_services_in_the_page_language(linked):
    clinic = linked["clinic"]
    clinic.name_nn = "Helsestasjonen på Sentrum"
    clinic.save()
    holder = linked["holder_client"]
    text = holder.get(f"/ansatt/stafettlogg/{linked['case'].pk}/", {"sprak": "nn"}).content.decode()
    assert "(Helsestasjonen på Sentrum)" in text  # the participant's entry, its service
    assert '<span lang="nb">Solbakken barnehage</span>' in text  # the holder's, untranslated


def test_every_citizen_read_is_an_access_log_row_naming_the_link(client, linked):
    log_in(client, PID_MOTHER)
    client.get(case_url(linked))
    client.get(case_url(linked))
    rows = AccessLog.objects.filter(event="citizen.case_view")
    assert rows.count() == 2
    for row in rows:
        assert (row.citizen, row.user, row.stafettlogg_id, row.action) == (
            linked["link"], None, linked["case"].pk, AccessLog.Action.VIEW,
        )  # fmt: skip


def test_the_guardian_sees_their_own_reads_in_plain_words(client, linked):
    log_in(client, PID_MOTHER)
    client.get(case_url(linked))
    text = client.get(case_url(linked)).content.decode()
    assert "Lise Forelder" in text


def test_the_log_page_does_not_grow_in_queries_with_the_log(
    client, linked, django_assert_max_num_queries
):
    log_in(client, PID_MOTHER)
    client.get(case_url(linked))
    users = linked["users"]
    for number in range(15):
        case_services.entry_add(
            case=linked["case"], user=users["stafettholder"], kind=Innslag.Kind.MEETING,
            text=f"Møte {number}", attendees="x",
        )  # fmt: skip
        linked["holder_client"].get(f"/ansatt/stafettlogg/{linked['case'].pk}/")
    with django_assert_max_num_queries(16):
        assert client.get(case_url(linked)).status_code == 200


def test_the_family_adds_its_view_and_it_shows_in_the_staff_timeline(client, linked):
    log_in(client, PID_MOTHER)
    token = "6f1d0c56-0b8a-4d6c-9d55-2b0f0f8f5a01"
    data = {"text": "Vi opplever at Emma trives bedre nå.", "token": token}
    assert client.post(case_url(linked, "familiens-syn/"), data).status_code == 302
    assert client.post(case_url(linked, "familiens-syn/"), data).status_code == 302  # double
    entry = Innslag.objects.get(kind=Innslag.Kind.FAMILY)
    assert (entry.family_author, entry.author) == ("Lise Forelder", None)
    staff = linked["holder_client"].get(f"/ansatt/stafettlogg/{linked['case'].pk}/")
    assert "Vi opplever at Emma trives bedre nå." in staff.content.decode()
    rows = AccessLog.objects.filter(event="citizen.entry_add", citizen=linked["link"])
    assert rows.count() == 2


def test_an_empty_view_is_a_400_with_the_error_summary(client, linked):
    log_in(client, PID_MOTHER)
    response = client.post(case_url(linked, "familiens-syn/"), {"text": ""})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Innslag.objects.filter(kind=Innslag.Kind.FAMILY).exists()


def test_the_family_cannot_write_in_a_locked_log(client, linked):
    case_services.consent_withdraw(
        case=linked["case"], user=linked["users"]["stafettholder"], reason="r"
    )
    log_in(client, PID_MOTHER)
    response = client.post(case_url(linked, "familiens-syn/"), {"text": "Hei"})
    assert response.status_code == 403
    assert not Innslag.objects.filter(kind=Innslag.Kind.FAMILY).exists()
    row = AccessLog.objects.get(event="citizen.entry_add")
    assert (row.action, row.reason) == (AccessLog.Action.DENIED, "locked")


def test_the_guardian_downloads_the_insight_pdf_after_withdrawing(
    client, linked, settings, tmp_path, django_capture_on_commit_callbacks
):
    require_weasyprint()
    settings.MEDIA_ROOT = tmp_path
    log_in(client, PID_MOTHER)
    assert client.post(case_url(linked, "samtykke/trekk/")).status_code == 302
    assert Samtykke.objects.get().withdrawn_at is not None
    assert client.get(case_url(linked)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(case_url(linked, "innsyn/"))
    assert asked.status_code == 302
    status = client.get(asked["Location"])
    download = status.context["report"]
    response = client.get(case_url(linked, f"innsyn/{download.pk}/last-ned/"))
    assert response.status_code == 200
    assert_tagged(b"".join(response.streaming_content), "nb")
    row = AccessLog.objects.get(event="citizen.insight")
    assert (row.citizen, row.action) == (linked["link"], AccessLog.Action.EXPORT)


def test_the_insight_pdf_names_the_guardians_reads_and_writing_in_plain_words(client, linked):
    log_in(client, PID_MOTHER)
    client.get(case_url(linked))
    client.post(case_url(linked, "familiens-syn/"), {"text": "Vårt syn på saken."})
    with translation.override("en"):
        html = render_to_string("stafettlogg/insight_pdf.html", insight_context(linked["case"]))
    assert "Lise Forelder (guardian, on My page)" in html
    assert "Read the case log on My page" in html
    assert "Wrote the family&#x27;s view on My page" in html
    entry = html[html.index("Vårt syn på saken.") - 300 : html.index("Vårt syn på saken.")]
    assert "Lise Forelder" in entry
    assert "the system" not in entry


def test_a_revoked_link_reads_nothing_and_another_family_gets_404(client, linked, people):
    other = open_case(people, child="Jonas Annenfamilie")
    log_in(client, PID_MOTHER)
    for tail in ("", "innsyn/1/", "samtykke/"):
        response = client.get(f"/min-side/sak/{other.pk}/{tail}")
        assert response.status_code == 404
        assert "Jonas" not in response.content.decode()
    assert client.post(f"/min-side/sak/{other.pk}/familiens-syn/", {"text": "x"}).status_code == 404
    services.revoke(foresatt=linked["mother"], by=None)
    assert client.get(case_url(linked)).status_code == 404
    assert client.post(case_url(linked, "innsyn/")).status_code == 404
    assert not Innslag.objects.filter(kind=Innslag.Kind.FAMILY).exists()


def test_without_a_login_the_log_sends_to_my_page(client, linked):
    response = client.get(case_url(linked))
    assert (response.status_code, response["Location"]) == (302, "/min-side/")
    assert not AccessLog.objects.filter(event__startswith="citizen.").exists()


def test_a_citizen_trying_staff_case_urls_gets_the_staff_login(client, linked):
    log_in(client, PID_MOTHER)
    for path in (f"/ansatt/stafettlogg/{linked['case'].pk}/", "/ansatt/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/ansatt/logg-inn/")
        assert CHILD.split()[0] not in response.content.decode()


def test_no_national_identity_number_is_stored_in_clear_after_reading_and_writing(client, linked):
    log_in(client, PID_MOTHER)
    client.get(case_url(linked))
    client.post(case_url(linked, "familiens-syn/"), {"text": "Vårt syn"})
    client.post(case_url(linked, "samtykke/trekk/"))
    assert AccessLog.objects.filter(citizen__isnull=False).count() == 3
    assert tables_holding(PID_MOTHER) == []
    assert tables_holding(PID_FATHER) == []


def test_closing_the_case_ends_the_familys_access_and_the_links(client, linked):
    log_in(client, PID_MOTHER)
    assert client.get(case_url(linked)).status_code == 200
    holder = linked["users"]["stafettholder"]
    case_services.case_close(case=linked["case"], user=holder, reason="r", final_evaluation="f")
    assert client.get(case_url(linked)).status_code == 404  # at once, by the rule
    assert "Emma" not in client.get("/min-side/").content.decode()
    from minside.models import Kobling

    # case_close ended the links itself; a second run finds nothing more to end.
    assert not Kobling.objects.filter(revoked_at__isnull=True).exists()
    assert Kobling.objects.filter(revoked_by=holder).exists()
    assert services.links_end_with_case(case=linked["case"], by=holder) == 0
    new_invitation(linked["father"])  # an invitation sent after closing ends as well
    services.links_end_with_case(case=linked["case"], by=holder)
    assert not linked["father"].invitations.filter(revoked_at__isnull=True).exists()
