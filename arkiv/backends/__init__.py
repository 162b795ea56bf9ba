"""Where a package goes, chosen like Django's e-mail backends: ``ARCHIVE_BACKEND`` names a
class with ``send(package, content) -> list[Receipt]`` that raises ``DeliveryError`` when the
archive did not take it (the package is then retried, and shown to the coordinator)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from arkiv.models import ArchivePackage


class DeliveryError(Exception):
    """The archive did not take the package; ``receipts`` holds what it answered, if anything."""

    def __init__(self, message: str, receipts: list | None = None):
        super().__init__(message)
        self.receipts = receipts or []


@dataclass(frozen=True)
class Receipt:
    kind: str  # ArchiveReceipt.Kind: mottatt, kvittering or feilmelding
    message_type: str
    reference: str = ""
    body: str = ""


class Backend(Protocol):
    """What ``ARCHIVE_BACKEND`` names (FileBackend, FiksIOBackend)."""

    description: str

    def send(self, package: "ArchivePackage", content: bytes) -> list[Receipt]: ...


def get_backend(path: str | None = None) -> Backend:
    backend: Backend = import_string(path or settings.ARCHIVE_BACKEND)()
    return backend
