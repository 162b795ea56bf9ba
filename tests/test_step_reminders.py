"""Reminders of the guide's steps: one e-mail per baton holder per run, listing each step of
their open cases due within STEP_REMINDER_DAYS (or overdue and never reminded), each step and
due date reminded once, with no child data."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import Stafettlogg, StepReminder
from stafettlogg.tasks import send_step_reminders

from .case_fixtures import open_case
from .factories import NivaFactory, TrinnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def steps(db):
    level = NivaFactory(number=1)  # made by a migration, maybe not published yet
    level.status = "published"
    level.save(update_fields=["status"])
    return {
        "plan": TrinnFactory(niva=level, key="n1-plan", title="Lag en plan", deadline_days=14),
        "talk": TrinnFactory(niva=level, key="n1-prat", title="Snakk med barnet", deadline_days=2),
        "none": TrinnFactory(niva=level, key="n1-fri", title="Uten frist", deadline_days=None),
    }


def _run(capture):
    before = len(mail.outbox)
    with capture(execute=True):
        count = send_step_reminders()
    return count, mail.outbox[before:]


def test_one_email_per_holder_with_each_due_step_once(
    people, steps, settings, django_capture_on_commit_callbacks
):
    settings.STEP_REMINDER_DAYS = 3
    holder = people["users"]["stafettholder"]
    first = open_case(people, child="Første Barn")
    second = open_case(people, child="Andre Barn")
    count, sent = _run(django_capture_on_commit_callbacks)
    # The two-day step of both cases is due within three days; the plan is not yet.
    assert count == 2
    (message,) = sent
    assert message.to == [holder.email]
    assert message.body.count("Snakk med barnet") == 2
    assert "Lag en plan" not in message.body
    for case in (first, second):
        assert f"/ansatt/stafettlogg/{case.pk}/" in message.body
        assert case.child_name not in message.body
    assert _run(django_capture_on_commit_callbacks) == (0, [])
    assert StepReminder.objects.count() == 2


def test_done_steps_closed_cases_and_holders_without_email_get_none(
    people, steps, settings, django_capture_on_commit_callbacks
):
    settings.STEP_REMINDER_DAYS = 20
    holder = people["users"]["stafettholder"]
    case = open_case(people)
    services.checklist_set(case=case, user=holder, key="n1-prat", done=True)
    closed = open_case(people, child="Lukket Barn")
    services.case_close(case=closed, user=holder, reason="r", final_evaluation="f")
    count, (message,) = _run(django_capture_on_commit_callbacks)
    assert count == 1
    assert "Lag en plan" in message.body
    assert "Snakk med barnet" not in message.body
    assert f"/stafettlogg/{closed.pk}/" not in message.body
    holder.email = ""
    holder.save(update_fields=["email"])
    Stafettlogg.objects.filter(pk=case.pk).update(level_started_on=timezone.localdate())
    StepReminder.objects.all().delete()
    assert _run(django_capture_on_commit_callbacks) == (0, [])


def test_a_step_overdue_and_never_reminded_is_reminded_as_overdue(
    people, steps, settings, django_capture_on_commit_callbacks
):
    settings.STEP_REMINDER_DAYS = 0
    case = open_case(people)
    Stafettlogg.objects.filter(pk=case.pk).update(
        level_started_on=timezone.localdate() - timedelta(days=20)
    )
    count, (message,) = _run(django_capture_on_commit_callbacks)
    assert count == 2
    assert message.body.count("forfalt") == 2


def test_a_run_that_loses_the_race_sends_nothing(
    people, steps, settings, django_capture_on_commit_callbacks
):
    settings.STEP_REMINDER_DAYS = 3
    open_case(people)
    # Another run records the same reminders between this run's read and its insert.
    with mock.patch.object(
        StepReminder.objects, "bulk_create", side_effect=IntegrityError("duplicate")
    ):
        assert _run(django_capture_on_commit_callbacks) == (0, [])
    assert not StepReminder.objects.exists()
