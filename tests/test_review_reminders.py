"""The årshjul's reminder task: one e-mail per element per review date, whatever happens."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from samhandling.models import ReviewReminder
from samhandling.tasks import send_review_reminders

from .factories import BrukerFactory, ElementFactory, grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def test_owner_leaders_get_one_email_per_due_element_even_if_run_twice(leader, tjeneste, today):
    ElementFactory(
        title="Snart", owner_tjeneste=tjeneste, review_due=today + datetime.timedelta(days=20)
    )
    ElementFactory(
        title="Om et år", owner_tjeneste=tjeneste, review_due=today + datetime.timedelta(days=365)
    )
    assert send_review_reminders.delay().get() == 1
    assert send_review_reminders.delay().get() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [leader.email]
    assert "Snart" in message.subject
    assert "/ansatt/innhold/element/" in message.body


def test_coordinator_owned_elements_remind_the_coordinators(coordinator, today):
    ElementFactory(review_due=today - datetime.timedelta(days=2))
    send_review_reminders()
    assert mail.outbox[0].to == [coordinator.email]


def test_a_new_review_date_starts_a_new_cycle(leader, tjeneste, today):
    element = ElementFactory(owner_tjeneste=tjeneste, review_due=today)
    send_review_reminders()
    element.review_due = today + datetime.timedelta(days=10)
    element.save()
    send_review_reminders()
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.filter(element=element).count() == 2


def test_drafts_and_far_off_reviews_are_not_reminded(leader, tjeneste, today):
    ElementFactory(owner_tjeneste=tjeneste, status="draft", review_due=today)
    ElementFactory(owner_tjeneste=tjeneste, review_due=today + datetime.timedelta(days=31))
    assert send_review_reminders() == 0
    assert mail.outbox == []


def test_failed_email_is_tried_again_next_run(leader, tjeneste, today, monkeypatch):
    ElementFactory(owner_tjeneste=tjeneste, review_due=today)
    import samhandling.tasks as tasks

    def broken(*args, **kwargs):
        raise ConnectionError("smtp down")

    monkeypatch.setattr(tasks, "send_mail", broken)
    with pytest.raises(ConnectionError):
        send_review_reminders()
    assert ReviewReminder.objects.count() == 0
    monkeypatch.undo()
    assert send_review_reminders() == 1


def test_inactive_leaders_are_not_emailed(tjeneste, today):
    gone = BrukerFactory(is_active=False)
    grant_role(gone, tjeneste, "leder")
    ElementFactory(owner_tjeneste=tjeneste, review_due=today)
    assert send_review_reminders() == 0
    assert mail.outbox == []
