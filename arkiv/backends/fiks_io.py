"""Fiks IO (KS): the package as a message of type
``no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett`` to the municipality's archive
account, and the archive's answers (``.mottatt``, ``.kvittering`` or a ``feilmelding``).

What a municipality needs from KS's Fiks forvaltning (README, "Arkiv"): its Fiks IO account
id (``FIKS_IO_ACCOUNT_ID``), the archive's account id (``FIKS_IO_RECEIVER_ACCOUNT_ID``), an
integration id and password (``FIKS_IO_INTEGRATION_ID``, ``FIKS_IO_INTEGRATION_PASSWORD``),
the account's private key (``FIKS_IO_PRIVATE_KEY``, a PEM file) and the enterprise
certificate the integration authenticates with (``FIKS_IO_CERTIFICATE``), and the address
(``FIKS_IO_URL``).

This is a skeleton, and says so: it sends the container over HTTPS with the integration's
credentials and takes the archive's answers in the reply. The production Fiks IO client also
gets a Maskinporten token with the enterprise certificate, encrypts the container to the
receiving account's public key (CMS) and reads the answers from the account's AMQP queue;
those three steps are KS's client library's and are not done here. It is tested against a
local fake of the receiving side (tests/test_archive_delivery.py).
"""

import json
import uuid
from functools import cache
from pathlib import Path

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from lxml import etree

from ..arkivmelding import MESSAGE_TYPE, SCHEMA
from . import DeliveryError, Receipt

RECEIVED = f"{MESSAGE_TYPE}.mottatt"
RECEIPT = f"{MESSAGE_TYPE}.kvittering"
KVITTERING_NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
REQUIRED = (
    "FIKS_IO_URL",
    "FIKS_IO_ACCOUNT_ID",
    "FIKS_IO_RECEIVER_ACCOUNT_ID",
    "FIKS_IO_INTEGRATION_ID",
    "FIKS_IO_INTEGRATION_PASSWORD",
    "FIKS_IO_PRIVATE_KEY",
    "FIKS_IO_CERTIFICATE",
)
TIMEOUT = 30  # seconds; a slower archive is tried again later


def missing_settings() -> list[str]:
    return [name for name in REQUIRED if not getattr(settings, name, "")]


@cache
def receipt_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA.parent / f"{RECEIPT}.xsd")))


def _valid_receipt(body: str) -> bool:
    try:
        return receipt_schema().validate(etree.fromstring(body.encode()))
    except etree.XMLSyntaxError:
        return False


def _reference(body: str) -> str:
    """The archive's case number (saksaar/sakssekvensnummer), else its folder's systemID."""
    try:
        root = etree.fromstring(body.encode())
    except etree.XMLSyntaxError:
        return ""
    ns = {"k": KVITTERING_NS}
    year = root.findtext(".//k:mappeKvittering/k:saksaar", namespaces=ns)
    number = root.findtext(".//k:mappeKvittering/k:sakssekvensnummer", namespaces=ns)
    if year and number:
        return f"{year}/{number}"
    return root.findtext(".//k:mappeKvittering/k:systemID", namespaces=ns) or ""


class FiksIOBackend:
    description = "Fiks IO"

    def __init__(self):
        if missing := missing_settings():
            raise ImproperlyConfigured("Fiks IO needs " + ", ".join(missing))
        for name in ("FIKS_IO_PRIVATE_KEY", "FIKS_IO_CERTIFICATE"):
            if not Path(getattr(settings, name)).is_file():
                raise ImproperlyConfigured(f"{name} is not a file")

    def send(self, package, content: bytes) -> list[Receipt]:
        metadata = {
            "avsenderKontoId": settings.FIKS_IO_ACCOUNT_ID,
            "mottakerKontoId": settings.FIKS_IO_RECEIVER_ACCOUNT_ID,
            "meldingType": MESSAGE_TYPE,
            "ttl": 24 * 3600 * 1000,
            "headere": {"klientMeldingId": str(uuid.uuid5(uuid.NAMESPACE_URL, package.sha256))},
        }
        # (file name, content, media type) per part; the metadata part has no file name.
        files: dict[str, tuple[str | None, str | bytes, str]] = {
            "metadata": (None, json.dumps(metadata), "application/json"),
            "data": ("pakke.asice", content, "application/vnd.etsi.asic-e+zip"),
        }
        try:
            response = requests.post(
                settings.FIKS_IO_URL.rstrip("/") + "/fiks-io/api/v1/send",
                headers={
                    "IntegrasjonId": settings.FIKS_IO_INTEGRATION_ID,
                    "IntegrasjonPassord": settings.FIKS_IO_INTEGRATION_PASSWORD,
                },
                files=files,
                timeout=TIMEOUT,
            )
        except requests.RequestException as error:
            raise DeliveryError(f"Fiks IO did not answer: {type(error).__name__}") from error
        if response.status_code >= 400:
            raise DeliveryError(f"Fiks IO answered {response.status_code}")
        try:
            answers = response.json().get("svar", [])
        except ValueError:
            raise DeliveryError("Fiks IO's answer was not JSON") from None
        return self._receipts(answers)

    def _receipts(self, answers: list[dict]) -> list[Receipt]:
        receipts = []
        for answer in answers:
            kind = answer.get("meldingType", "")
            body = answer.get("payload", "")
            if kind == RECEIVED:
                receipts.append(Receipt("mottatt", kind))
            elif kind == RECEIPT:
                if not _valid_receipt(body):  # a receipt that is not one proves nothing
                    receipts.append(Receipt("feilmelding", kind, body=body))
                    raise DeliveryError("the archive's receipt is not valid", receipts)
                receipts.append(Receipt("kvittering", kind, reference=_reference(body), body=body))
            elif ".feilmelding." in kind:
                receipts.append(Receipt("feilmelding", kind, body=body))
                raise DeliveryError(f"the archive answered {kind}", receipts)
            else:
                raise DeliveryError(f"unexpected answer {kind[:80]}", receipts)
        if not receipts:
            raise DeliveryError("Fiks IO gave no answer", receipts)
        return receipts
