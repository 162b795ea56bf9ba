"""Text messages through a small backend interface, as Django's e-mail backends work.

``SMS_BACKEND`` names a class with ``send_messages(messages) -> int``. The portal has a console
backend (development: the message is written to standard output) and a file backend (one
file per message in ``SMS_FILE_PATH``, for tests and for a municipality that lets another
system pick them up). A municipality plugs in its gateway by writing a class with the same
method and naming it in ``SMS_BACKEND`` (README). Messages never hold child data.
"""

from __future__ import annotations

import logging
import sys
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path

from celery import current_app, shared_task
from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sms:
    to: str
    body: str


class BaseSmsBackend:
    def __init__(self, fail_silently: bool = False, **kwargs):
        self.fail_silently = fail_silently

    def send_messages(self, messages: list[Sms]) -> int:
        raise NotImplementedError("An SMS backend must define send_messages().")


class ConsoleBackend(BaseSmsBackend):
    _lock = threading.Lock()

    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout

    def send_messages(self, messages: list[Sms]) -> int:
        with self._lock:
            for message in messages:
                self.stream.write(f"SMS to {message.to}\n{message.body}\n{'-' * 40}\n")
            self.stream.flush()
        return len(messages)


class FileBackend(BaseSmsBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.path = Path(file_path or settings.SMS_FILE_PATH)

    def send_messages(self, messages: list[Sms]) -> int:
        self.path.mkdir(parents=True, exist_ok=True)
        for message in messages:
            target = self.path / f"{uuid.uuid4().hex}.sms"
            target.write_text(f"To: {message.to}\n\n{message.body}\n", encoding="utf-8")
        return len(messages)


def get_backend(**kwargs) -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)(**kwargs)


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_sms(*, to: str, body: str) -> None:
    get_backend().send_messages([Sms(to=to, body=body)])


def send_later(*, to: str, body: str) -> None:
    """Send from a task once the current transaction commits; at once without a broker."""

    def send() -> None:
        try:
            if current_app.conf.task_always_eager:
                get_backend().send_messages([Sms(to=to, body=body)])
            else:
                send_sms.delay(to=to, body=body)
        except Exception:
            # Logged for the operator (without the number); the page still answers.
            logger.exception("SMS not sent")

    if current_app.conf.task_always_eager:
        # In-process (development, tests): sent now, once, as bts_portal.mail does.
        send()
    else:
        # A worker must not send what a rolled-back transaction never wrote.
        transaction.on_commit(send)
