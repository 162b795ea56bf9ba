"""E-mail that never breaks a request: rendered where it is asked for, sent by a task.

``send_later`` hands the message to ``send_email`` when the current transaction commits. The
task sends with ``EMAIL_TIMEOUT`` and retries with growing waits when the SMTP server fails or
does not answer. When tasks run in-process (no broker) the message is sent once, at once, and a
failure is logged: a request never waits for retries, and at most for one ``EMAIL_TIMEOUT``.
When the broker is down the failure is logged too; the page the user asked for still answers.
"""

import logging
import smtplib
from typing import Any

from celery import current_app, shared_task
from django.contrib.auth import forms as auth_forms
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import loader

logger = logging.getLogger(__name__)

RETRIED = (smtplib.SMTPException, OSError)  # OSError: refused, reset, timed out


def _send(*, subject: str, body: str, to: list[str], html: str = "") -> None:
    message = EmailMultiAlternatives(subject, body, None, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task(
    name="bts_portal.send_email",
    autoretry_for=RETRIED,
    retry_backoff=30,  # 30 s, 60 s, 120 s, ... with jitter
    retry_backoff_max=30 * 60,
    max_retries=6,
)
def send_email(*, subject: str, body: str, to: list[str], html: str = "") -> None:
    _send(subject=subject, body=body, to=to, html=html)


def send_later(*, subject: str, body: str, to: list[str], html: str = "") -> None:
    """Send the e-mail from a task once the current transaction commits."""
    message: dict[str, Any] = {"subject": subject, "body": body, "to": list(to), "html": html}

    def send() -> None:
        try:
            if current_app.conf.task_always_eager:
                _send(**message)
            else:
                send_email.delay(**message)
        except Exception:
            # Logged for the operator; the request that asked for the e-mail still answers.
            logger.exception("e-mail %r to %d recipient(s) not sent", subject, len(to))

    if current_app.conf.task_always_eager:
        # In-process (development, tests): sent now, once, as Django itself would.
        send()
    else:
        # A worker must not send what a rolled-back transaction never wrote.
        transaction.on_commit(send)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with the e-mail sent from a task (the link is rendered here)."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email,
        html_email_template_name=None,
    ):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        send_later(subject=subject, body=body, to=[to_email], html=html)
