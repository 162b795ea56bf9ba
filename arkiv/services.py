"""Making and delivering a closed case's archive package, once, whatever retries or races.

Every step claims the package by a conditional update of its status (pending → building,
built → delivering), so only one worker works on one package at a time, and a message
delivered twice finds nothing to do. The built container is kept in storage until the archive
has given a receipt, so a delivery tried again sends the same bytes: the file backend then
recognises its own package and the archive its own message. A failure is recorded with its
first line and tried again by ``retry_packages`` up to ``ARCHIVE_MAX_ATTEMPTS`` times; the
coordinator sees every package and its state (``views.packages``)."""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from stafettlogg import access_log
from stafettlogg.models import AccessLog, Stafettlogg

from . import arkivmelding, asice
from .backends import Backend, DeliveryError, Receipt, get_backend
from .documents import archive_documents
from .models import ArchivePackage, ArchiveReceipt
from .pdfa import pdfa_problems

if TYPE_CHECKING:
    from celery import Task

logger = logging.getLogger(__name__)
S = ArchivePackage.Status
STALE_AFTER = timedelta(minutes=30)  # a claim older than this belonged to a lost worker


class NotArchival(ValueError):
    """A document is not PDF/A, or the arkivmelding is not valid: nothing is packed."""


@dataclass(frozen=True)
class Contents:
    """What a package holds: (name, media type, bytes) in order, the main document first."""

    files: list[tuple[str, str, bytes]]
    entries: list[arkivmelding.FileEntry]
    xml: bytes


def contents(case: Stafettlogg) -> Contents:
    """Render, check and describe everything the package for ``case`` holds."""
    documents = archive_documents(case)
    for document in documents:
        if problems := pdfa_problems(document.content):
            raise NotArchival(f"{document.filename}: {'; '.join(problems[:3])}")
    entries = [arkivmelding.file_entry(d) for d in documents]
    xml = arkivmelding.build(case, entries)
    files = [("arkivmelding.xml", "application/xml", xml)] + [
        (d.filename, "application/pdf", d.content) for d in documents
    ]
    return Contents(files=files, entries=entries, xml=xml)


def package_request(*, case_id: int) -> ArchivePackage:
    """The package row for a closed case (one per case), and its job once committed."""
    from .tasks import build_package

    case = Stafettlogg.objects.only("tjeneste_id").get(pk=case_id)
    package, _created = ArchivePackage.objects.get_or_create(
        case_id=case_id, defaults={"tjeneste_id": case.tjeneste_id}
    )
    transaction.on_commit(lambda: _send(build_package, package.pk))
    return package


def send_to_queue(pk: int) -> None:
    from .tasks import build_package

    transaction.on_commit(lambda: _send(build_package, pk))


def _send(task: "Task[[int], Any]", pk: int) -> None:
    try:
        task.delay(pk)
    except Exception:  # the broker is down: the package stays pending, retry_packages sends it
        logger.exception("archive package %s not sent to the queue", pk)


def _claim(pk: int, source: str, target: str) -> bool:
    return bool(
        ArchivePackage.objects.filter(pk=pk, status=source).update(
            status=target, claimed_at=timezone.now(), attempts=F("attempts") + 1
        )
    )


def _fail(pk: int, source: str, error: Exception) -> str:
    message = (str(error).splitlines() or [""])[0]
    ArchivePackage.objects.filter(pk=pk, status=source).update(
        status=S.FAILED, last_error=f"{type(error).__name__}: {message}"[:300]
    )
    logger.error("archive package %s failed: %s", pk, type(error).__name__)
    return S.FAILED


def build(pk: int) -> str:
    """Make the package (pending → building → built), then deliver it."""
    if not _claim(pk, S.PENDING, S.BUILDING):
        status = ArchivePackage.objects.filter(pk=pk).values_list("status", flat=True).first()
        return deliver(pk) if status == S.BUILT else (status or "missing")
    package = ArchivePackage.objects.get(pk=pk)
    try:
        case = Stafettlogg.objects.select_related("tjeneste", "stafettholder", "closed_by").get(
            pk=package.case_id
        )
        content = asice.pack(contents(case).files)
        name = package.file.storage.save(
            f"arkiv/stafettlogg-{package.case_id}-{pk}.asice", ContentFile(content)
        )
    except Exception as error:  # a template error, a full disk, an invalid document
        return _fail(pk, S.BUILDING, error)
    built = ArchivePackage.objects.filter(pk=pk, status=S.BUILDING).update(
        status=S.BUILT, file=name, sha256=hashlib.sha256(content).hexdigest(),
        built_at=timezone.now(), last_error="",
    )  # fmt: skip
    if not built:  # the reaper gave up on it meanwhile: its verdict stands
        package.file.storage.delete(name)
        return S.FAILED
    return deliver(pk)


def deliver(pk: int) -> str:
    """Send a built package with the configured backend (built → delivering → archived)."""
    if not _claim(pk, S.BUILT, S.DELIVERING):
        return ArchivePackage.objects.filter(pk=pk).values_list("status", flat=True).first()  # type: ignore[return-value]
    package = ArchivePackage.objects.get(pk=pk)
    try:
        backend = get_backend()
        with package.file.open("rb") as stream:
            content = stream.read()
        if hashlib.sha256(content).hexdigest() != package.sha256:
            raise DeliveryError("the stored package does not match its checksum")
        receipts = backend.send(package, content)
    except DeliveryError as error:
        _store(package, error.receipts)
        return _fail(pk, S.DELIVERING, error)
    except Exception as error:  # a misconfigured backend, an unreadable file
        return _fail(pk, S.DELIVERING, error)
    return _receive(package, receipts, backend)


def _store(package: ArchivePackage, receipts: Iterable[Receipt]) -> None:
    ArchiveReceipt.objects.bulk_create(
        ArchiveReceipt(
            package=package, kind=r.kind, message_type=r.message_type[:120],
            reference=r.reference[:300], body=r.body,
        )
        for r in receipts
    )  # fmt: skip


def _receive(package: ArchivePackage, receipts: list[Receipt], backend: Backend) -> str:
    final = next((r for r in receipts if r.kind == ArchiveReceipt.Kind.RECEIPT), None)
    with transaction.atomic():
        _store(package, receipts)
        status = S.ARCHIVED if final else S.RECEIVED
        ArchivePackage.objects.filter(pk=package.pk, status=S.DELIVERING).update(
            status=status,
            backend=backend.description,
            reference=final.reference[:300] if final else "",
            archived_at=timezone.now() if final else None,
            last_error="",
        )
        if final:
            # The export of the case's content to the archive: one row, by the system.
            access_log.record(
                user=AnonymousUser(), event="case.archive", action=AccessLog.Action.EXPORT,
                case=Stafettlogg(pk=package.case_id), tjeneste_id=package.tjeneste_id,
                object_id=package.pk,
            )  # fmt: skip
            name = package.file.name
            transaction.on_commit(lambda: package.file.storage.delete(name))  # type: ignore[arg-type]
    if final:
        ArchivePackage.objects.filter(pk=package.pk).update(file="")
    return status


def retry(*, package: ArchivePackage) -> bool:
    """A failed package back in line (built again only if it was never built)."""
    target = S.BUILT if package.file and package.sha256 else S.PENDING
    return bool(
        ArchivePackage.objects.filter(pk=package.pk, status=S.FAILED).update(
            status=target, last_error=""
        )
    )


def reap_and_retry() -> int:
    """Fail claims left by lost workers, put failed packages with attempts left back in
    line, and send every waiting package to the queue again. Returns how many were sent."""
    from .tasks import build_package

    ArchivePackage.objects.filter(
        status__in=[S.BUILDING, S.DELIVERING], claimed_at__lt=timezone.now() - STALE_AFTER
    ).update(status=S.FAILED, last_error="the worker was lost mid-job")
    for package in ArchivePackage.objects.filter(
        status=S.FAILED, attempts__lt=settings.ARCHIVE_MAX_ATTEMPTS
    ):
        retry(package=package)
    waiting = list(
        ArchivePackage.objects.filter(status__in=[S.PENDING, S.BUILT]).values_list("pk", flat=True)
    )
    for pk in waiting:
        _send(build_package, pk)
    return len(waiting)


def is_archived(case_id: int) -> bool:
    return ArchivePackage.objects.filter(case_id=case_id, status=S.ARCHIVED).exists()
