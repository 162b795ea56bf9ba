"""E-mail never breaks a request: an SMTP server that never answers costs a request at most
one EMAIL_TIMEOUT (in-process) or nothing (with a broker), and the send task retries it."""

import socket
import threading
import time

import pytest
from django.core import mail
from django.urls import reverse

from bts_portal import mail as portal_mail
from bts_portal.celery import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_smtp(settings):
    """A server on loopback that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def hold():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = listener.getsockname()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1
    yield accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_the_portal_sets_an_email_timeout():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 30


def test_password_reset_answers_when_the_smtp_server_never_does(client, employee, silent_smtp):
    started = time.monotonic()
    response = client.post(reverse("password_reset"), {"email": employee.email})
    assert response.status_code == 302
    assert time.monotonic() - started < 5
    assert len(silent_smtp) == 1  # tried once, in-process; no retries while the user waits


@pytest.fixture
def with_broker():
    saved = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = saved


def test_with_a_broker_the_reset_mail_is_handed_to_a_task_and_the_page_answers(
    client, employee, with_broker, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(portal_mail.send_email, "delay", lambda **message: queued.append(message))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": employee.email})
    assert response.status_code == 302
    assert [message["to"] for message in queued] == [[employee.email]]
    assert "/ansatt/passord/ny/" in queued[0]["body"]
    assert mail.outbox == []


def test_with_the_broker_down_the_reset_page_still_answers(
    client, employee, with_broker, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(**message):
        raise OSError("Connection refused")

    monkeypatch.setattr(portal_mail.send_email, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": employee.email})
    assert response.status_code == 302


def test_the_send_task_retries_an_smtp_server_that_never_answers(silent_smtp, monkeypatch):
    monkeypatch.setattr(portal_mail.send_email, "max_retries", 2)
    # In-process, each retry runs at once (no countdown) and reports its outcome instead of
    # raising it, as a worker would record it.
    app.conf.task_eager_propagates = False  # the autouse _tasks_in_process fixture restores it
    started = time.monotonic()
    result = portal_mail.send_email.apply(kwargs={"subject": "S", "body": "B", "to": ["a@b.no"]})
    assert result.failed()
    assert len(silent_smtp) == 3  # the first try and two retries, each given up after 1 s
    assert time.monotonic() - started < 15


def test_the_send_task_is_retried_with_backoff():
    task = portal_mail.send_email
    assert task.autoretry_for
    assert task.retry_backoff
    assert task.max_retries >= 3
