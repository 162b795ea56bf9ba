"""A demo-like closed case for the archive tests: entries, a measure and its evaluation, a
meeting, a hand-over, two consents, closed by the baton holder with archiving on."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import Innslag, Samtykke

from .case_fixtures import CHILD, evaluate_measure  # noqa: F401 - the tests check the name stays out


@pytest.fixture
def archive_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ARCHIVE_DIR = tmp_path / "arkiv"
    settings.ARCHIVE_ON_CLOSE = True
    settings.ARCHIVE_BACKEND = "arkiv.backends.file.FileBackend"
    return settings


def enrich(case, people):
    """Add what a real case has by the time it closes, and hand the baton over."""
    holder = people["users"]["stafettholder"]
    evaluate_measure(case, people, text="Tryggere i garderoben.", next_step="Avslutte tiltaket")
    services.entry_add(
        case=case, user=holder, kind=Innslag.Kind.MEETING, text="Gikk gjennom planen.",
        attendees="Lise Forelder, Kari", next_step="Evaluere om to uker",
    )  # fmt: skip
    today = timezone.localdate()
    services.consent_add(
        case=case, user=holder,
        consent_data={"given_by": "Lise Forelder", "method": Samtykke.Method.WRITTEN,
                      "given_on": today, "valid_until": today + timedelta(days=300)},
        services=[people["kindergarten"], people["clinic"]],
    )  # fmt: skip
    handover = services.handover_request(
        case=case, user=holder, to_user=people["users"]["participant"],
        to_tjeneste=people["clinic"],
    )  # fmt: skip
    services.handover_answer(handover=handover, user=people["users"]["participant"], accept=True)
    case.refresh_from_db()
    return people["users"]["participant"]


def close(case, user):
    services.case_close(case=case, user=user, reason="Målene er nådd", final_evaluation="Bra")
