"""One pipeline for every generated document (PDF): enqueue, build, fail, reap.

A *kind* of document is a model row that tracks one job (``status``, ``progress``, ``file``,
``created_at``, ``finished_at``, with the statuses pending, running, done and failed) and a
function that renders it to bytes. Adding a kind is a few lines in ``KINDS``: the model, the
render function ``render(job, progress) -> bytes`` and the file name. Everything else is the
same for all of them:

- ``enqueue(job)`` sends the task when the transaction that created the row commits. When the
  broker does not answer within a couple of seconds the job is marked failed and
  ``BrokerUnavailable`` is raised, which the middleware answers with a 503 in plain words.
- The task claims the job (pending → running) and builds it within the kind's soft time limit.
  Any failure (time limit, full disk, a bug) marks it failed: the progress page then says
  "failed, try again" and stops refreshing. The file is written to storage only once rendered,
  and the storage writes beside the final name and renames (``bts_portal.storage``), so no
  half-written file is ever left.
- A message redelivered because its worker died mid-job (``acks_late`` with
  ``reject_on_worker_lost``) finds the job already running: it is marked failed rather than
  built again, so a document that kills its worker cannot do so forever.
- ``reap_stale_documents`` (Celery beat, every few minutes) fails jobs still pending or running
  long after their hard limit: a worker killed as a whole, or a message lost with the broker.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
UNFINISHED = (PENDING, RUNNING)


class DocumentJob(models.Model):
    """The row every kind of document tracks its job in (abstract: each kind keeps its own
    table, with its own ``file`` field and what the document is about)."""

    class Status(models.TextChoices):
        PENDING = PENDING, _("Waiting")
        RUNNING = RUNNING, _("Being made")
        DONE = DONE, _("Ready")
        FAILED = FAILED, _("Failed")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def _file(job: DocumentJob) -> FieldFile:
    # Each kind declares its own ``file`` field (with its own upload path), not the base.
    file: FieldFile = job.file  # type: ignore[attr-defined]
    return file


def download(job: DocumentJob, filename: str) -> FileResponse:
    """The finished document as a PDF attachment; a 404 while it is not ready (or failed).
    Who may download it is the caller's question, asked before."""
    if job.status != DONE or not _file(job):
        raise Http404
    return FileResponse(
        _file(job).open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )


class BrokerUnavailable(Exception):
    """The task could not be sent: the job is marked failed and the request gets a 503."""


@dataclass(frozen=True)
class DocumentKind:
    model: str  # "app_label.ModelName"
    render: str  # dotted path to render(job, progress) -> bytes
    filename: str  # str.format()-ed with job=the row, e.g. "innsyn-{job.pk}.pdf"
    soft_time_limit: int = 240  # seconds: the task stops and the job fails
    time_limit: int = 300  # seconds: the worker process is killed
    # How long a job may wait in the queue before the reaper gives up on it.
    max_wait: int = 15 * 60

    @property
    def job_model(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def stale_after(self) -> timedelta:
        return timedelta(seconds=self.max_wait + self.time_limit)


KINDS: dict[str, DocumentKind] = {
    "insight": DocumentKind(
        model="stafettlogg.InsightReport",
        render="stafettlogg.insight.render",
        filename="innsyn-{job.stafettlogg_id}-{job.pk}.pdf",
    ),
    "annual_report": DocumentKind(
        model="statistikk.ReportFile",
        render="statistikk.tasks.render_annual_report",
        filename="arsrapport-{job.year}-{job.pk}.pdf",
    ),
}


def kind_of(job: models.Model) -> str:
    label = job._meta.label
    for name, kind in KINDS.items():
        if kind.model == label:
            return name
    raise LookupError(f"{label} is not a document kind (bts_portal.jobs.KINDS)")


def _jobs(kind: DocumentKind) -> "models.Manager[Any]":
    # Any: the rows are of the kind's own model, each with its own ``file`` field.
    return kind.job_model._default_manager


def enqueue(job: models.Model) -> None:
    """Build ``job`` in the background once the current transaction commits."""
    name = kind_of(job)
    kind = KINDS[name]

    def send() -> None:
        try:
            build_document.apply_async(
                (name, job.pk), soft_time_limit=kind.soft_time_limit, time_limit=kind.time_limit
            )
        except (OperationalError, OSError) as error:
            logger.error("document %s %s not sent: broker unavailable (%s)", name, job.pk, error)
            _jobs(kind).filter(pk=job.pk, status__in=UNFINISHED).update(status=FAILED)
            raise BrokerUnavailable from error

    transaction.on_commit(send)


@shared_task(name="bts_portal.build_document", acks_late=True, reject_on_worker_lost=True)
def build_document(name: str, pk: int) -> str:
    kind = KINDS[name]
    jobs = _jobs(kind)
    if not jobs.filter(pk=pk, status=PENDING).update(status=RUNNING, progress=10):
        # Already running: the worker that had it died (redelivery). Already final: nothing.
        if jobs.filter(pk=pk, status=RUNNING).update(status=FAILED):
            logger.error("document %s %s failed: its worker was lost mid-job", name, pk)
            return FAILED
        return jobs.filter(pk=pk).values_list("status", flat=True).first() or "missing"
    job = jobs.get(pk=pk)

    def progress(percent: int) -> None:
        jobs.filter(pk=pk, status=RUNNING).update(progress=percent)

    try:
        content = import_string(kind.render)(job, progress)
        progress(90)
        job.file.save(kind.filename.format(job=job), ContentFile(content), save=False)
    except SoftTimeLimitExceeded:
        logger.error("document %s %s failed: over its time limit", name, pk)
        return _fail(jobs, pk)
    except Exception:  # a full disk, a template error: the job ends, the worker lives on
        logger.exception("document %s %s failed", name, pk)
        return _fail(jobs, pk)
    finished = jobs.filter(pk=pk, status=RUNNING).update(
        status=DONE, progress=100, file=job.file.name, finished_at=timezone.now()
    )
    if not finished:  # the reaper gave up on it meanwhile: keep its verdict
        job.file.storage.delete(job.file.name)
        return FAILED
    return DONE


def _fail(jobs: "models.Manager[Any]", pk: int) -> str:
    jobs.filter(pk=pk, status__in=UNFINISHED).update(status=FAILED)
    return FAILED


@shared_task(name="bts_portal.reap_stale_documents")
def reap_stale_documents() -> int:
    """Fail every job still unfinished long after its limit (Celery beat runs this)."""
    reaped = 0
    for name, kind in KINDS.items():
        count = (
            _jobs(kind)
            .filter(status__in=UNFINISHED, created_at__lt=timezone.now() - kind.stale_after)
            .update(status=FAILED)
        )
        if count:
            logger.error("reaped %d stale %s document job(s)", count, name)
        reaped += count
    return reaped


def register(name: str, kind: DocumentKind) -> Callable[[], None]:
    """Add a kind at run time (tests); returns a function that removes it again."""
    KINDS[name] = kind

    def unregister() -> None:
        KINDS.pop(name, None)

    return unregister
