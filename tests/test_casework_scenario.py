"""From undring to closure with the clock moving: the guide's deadlines become due dates in
the checklist and on "Mitt arbeid", entries tick the steps they do, every evaluation sets
the next evaluation date, and what was written at level 0 goes on in the log."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from organisasjon.models import Bruker, Tjeneste
from stafettlogg import services
from stafettlogg.models import CaseChecklistStep, Innslag, Stafettlogg
from stafettlogg.tasks import send_evaluation_reminders, send_step_reminders

pytestmark = pytest.mark.django_db


class Clock:
    """Frozen time that the test moves forward."""

    def __init__(self):
        self.now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)

    def __call__(self):
        return self.now

    def forward(self, days):
        self.now += timedelta(days=days)

    @property
    def today(self):
        return timezone.localdate(self.now)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def clock():
    clock = Clock()
    with mock.patch("django.utils.timezone.now", side_effect=clock):
        yield clock


def ticked(case):
    return set(
        CaseChecklistStep.objects.filter(stafettlogg=case).values_list("step_key", flat=True)
    )


def reminders(task, capture, case) -> list:
    """Run a reminder task as beat would; the e-mails it sent about ``case`` (the demo's own
    cases have their reminders too)."""
    from django.core import mail

    before = len(mail.outbox)
    with capture(execute=True):
        task()
    url = reverse("stafettlogg:case", kwargs={"pk": case.pk})
    return [message for message in mail.outbox[before:] if url in message.body]


def test_a_case_from_undring_to_closure(
    client, demo, clock, settings, django_capture_on_commit_callbacks
):
    settings.STEP_REMINDER_DAYS = 3
    capture = django_capture_on_commit_callbacks
    kari = Bruker.objects.get(username="ansatt.barnehage")
    nurse = Bruker.objects.get(username="ansatt.helsestasjon")
    kindergarten = Tjeneste.objects.get(slug="solbakken-barnehage")
    clinic = Tjeneste.objects.get(slug="helsestasjon-og-skolehelsetjeneste")
    client.force_login(kari)

    # Level 0: the notes tick the steps they do; the decision is due in 14 days.
    undring = services.undring_create(
        author=kari, tjeneste=kindergarten, child_initials="EH", child_age=4,
        observation="Trekker seg unna i lek.", discussed_with="Styrer", discussed_on=clock.today,
    )  # fmt: skip
    assert {"n0-beskriv", "n0-drofte"} <= set(undring.done_steps)
    page = client.get(reverse("stafettlogg:undring", kwargs={"pk": undring.pk})).content.decode()
    decision_due = (clock.today + timedelta(days=14)).strftime("%d.%m.%Y")
    assert f"innen {decision_due}" in page
    clock.forward(15)
    client.force_login(kari)  # the session would have timed out in two weeks
    page = client.get(reverse("stafettlogg:undring", kwargs={"pk": undring.pk})).content.decode()
    assert f"forfalt siden {decision_due}" in page
    undring = services.undring_update(
        undring=undring, user=kari, conversation_on=clock.today,
        conversation_notes="Foreldrene kjenner seg igjen.",
    )  # fmt: skip
    assert "n0-samtale" in undring.done_steps

    # Level 1: the undring's notes go on in the log; consent and plan tick their steps.
    case = services.stafettlogg_open(
        user=kari, tjeneste=kindergarten, child_name="Emil Hansen",
        child_birth_date=clock.today.replace(year=clock.today.year - 4),
        guardians=[{"name": "Mona Hansen"}], services=[kindergarten, clinic], undring=undring,
        consent_data={"given_by": "Mona Hansen", "method": "muntlig", "given_on": clock.today,
                      "valid_until": clock.today + timedelta(days=300)},
    )  # fmt: skip
    carried = case.entries.filter(kind="observasjon").get()
    assert "Trekker seg unna i lek." in carried.text
    assert "Styrer" in carried.text
    assert case.entries.filter(kind="samtale", text__contains="kjenner seg igjen").exists()
    assert "n1-samtykke" in ticked(case)
    plan_due = clock.today + timedelta(days=14)
    client.force_login(kari)
    response = client.get(reverse("stafettlogg:my_work"))
    assert f"innen {plan_due:%d.%m.%Y}" in response.content.decode()
    page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).content.decode()
    assert f"innen {plan_due:%d.%m.%Y}" in page

    # The holder is reminded of the plan three days before it is due, once.
    assert reminders(send_step_reminders, capture, case) == []
    clock.forward(11)
    (sent,) = reminders(send_step_reminders, capture, case)
    assert sent.to == [kari.email]
    assert "Lag en kort plan" in sent.body
    assert f"{plan_due:%d.%m.%Y}" in sent.body
    assert reverse("stafettlogg:case", kwargs={"pk": case.pk}) in sent.body
    assert "Emil" not in sent.body + sent.subject  # no child data in an e-mail
    assert reminders(send_step_reminders, capture, case) == []
    measure = services.entry_add(
        case=case, user=kari, kind=Innslag.Kind.MEASURE, title="Fast voksen", goal="Trygghet",
        responsible="Kari", starts_on=clock.today, evaluate_by=clock.today + timedelta(days=30),
    )  # fmt: skip
    assert "n1-plan" in ticked(case)
    case.refresh_from_db()
    assert case.next_evaluation == clock.today + timedelta(days=30)

    assert reminders(send_step_reminders, capture, case) == []  # the plan is made

    # The evaluation is reminded on its date, and sets the next date, also when it
    # evaluates the whole plan.
    clock.forward(30)
    (sent,) = reminders(send_evaluation_reminders, capture, case)
    assert sent.to == [kari.email]
    assert reminders(send_evaluation_reminders, capture, case) == []
    services.entry_add(
        case=case, user=kari, kind=Innslag.Kind.EVALUATION, measure=measure,
        text="Bedre.", next_step="Fortsette.", evaluate_by=clock.today + timedelta(days=21),
    )  # fmt: skip
    case.refresh_from_db()
    assert case.next_evaluation == clock.today + timedelta(days=21)
    assert "n1-evaluer" in ticked(case)

    # Level 2: the meeting step is due two weeks after the level starts, and a meeting ticks it.
    services.level_change(case=case, user=kari, to_level=2, reason="Helsestasjonen trengs.")
    client.force_login(kari)
    services.participant_add(case=case, by=kari, user=nurse, tjeneste=clinic)
    page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).content.decode()
    meeting_due = clock.today + timedelta(days=14)
    assert f"innen {meeting_due:%d.%m.%Y}" in page
    assert f"?sak={case.pk}" in page  # step links lead back to the case
    clock.forward(12)
    (sent,) = reminders(send_step_reminders, capture, case)
    assert "Samarbeidsmøte" in sent.body
    assert f"{meeting_due:%d.%m.%Y}" in sent.body
    services.entry_add(
        case=case, user=nurse, kind=Innslag.Kind.MEETING, attendees="Mor, Kari, helsesykepleier",
        text="Felles plan.",
    )  # fmt: skip
    assert "n2-mote" in ticked(case)
    clock.forward(1)
    assert reminders(send_step_reminders, capture, case) == []  # done: not reminded again
    services.entry_add(
        case=case, user=kari, kind=Innslag.Kind.EVALUATION, measure=None,
        text="Planen virker.", next_step="Fortsette.", evaluate_by=clock.today + timedelta(days=40),
    )  # fmt: skip
    case.refresh_from_db()
    assert case.next_evaluation == clock.today + timedelta(days=40)

    # Hand-over to the clinic, level 3, closure: the closed case stays in view until deleted.
    handover = services.handover_request(case=case, user=kari, to_user=nurse, to_tjeneste=clinic)
    services.handover_answer(handover=handover, user=nurse, accept=True)
    services.level_change(case=case, user=nurse, to_level=3, reason="Ansvarsgruppe.")
    services.case_close(case=case, user=nurse, reason="Målene er nådd.", final_evaluation="Bra.")
    client.force_login(nurse)
    page = client.get(reverse("stafettlogg:my_work")).content.decode()
    case = Stafettlogg.objects.get(pk=case.pk)
    assert "Avsluttet" in page
    assert "Emil Hansen" in page
    from django.conf import settings

    deleted_on = timezone.localdate(case.closed_at) + timedelta(days=settings.RETENTION_DAYS)
    assert deleted_on.strftime("%d.%m.%Y") in page


def test_a_new_consent_starts_from_the_last_one(client, people, case):
    services.consent_withdraw(case=case, user=people["users"]["stafettholder"], reason="Nei.")
    client.force_login(people["users"]["stafettholder"])
    page = client.get(reverse("stafettlogg:consent", kwargs={"pk": case.pk})).content.decode()
    assert 'value="Lise Forelder"' in page
    for service in ("kindergarten", "clinic"):
        assert re.search(rf'name="services" value="{people[service].pk}"[^>]*checked', page)
    assert not re.search(rf'name="services" value="{people["school"].pk}"[^>]*checked', page)


def test_the_measure_picker_groups_the_catalogue_by_provider(client, demo):
    kari = Bruker.objects.get(username="ansatt.barnehage")
    case = Stafettlogg.objects.filter(stafettholder=kari).first()
    client.force_login(kari)
    # The case page links to the measure form, which has a page of its own (issue 19).
    case_page = client.get(reverse("stafettlogg:case", kwargs={"pk": case.pk})).content.decode()
    form_url = reverse("stafettlogg:entry_add", kwargs={"pk": case.pk, "kind": "tiltak"})
    assert f'href="{form_url}"' in case_page
    page = client.get(form_url).content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)">', page)
    assert len(groups) >= 3, groups
    assert groups == sorted(groups)


def test_a_staff_404_has_the_staff_layout_and_a_way_back(client, people):
    client.force_login(people["users"]["stafettholder"])
    response = client.get("/ansatt/stafettlogg/999999/")
    assert response.status_code == 404
    assert reverse("stafettlogg:my_work") in response.content.decode()
