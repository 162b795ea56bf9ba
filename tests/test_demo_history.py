"""Three years of demo history (issue 15, part 4): realistic, loaded once, and the interval
audit passes over it for every year, as it must before a municipality publishes."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from stafettlogg import demo
from stafettlogg.models import AccessLog, Deltaker, Innslag, Samtykke, Stafettlogg, Undring

pytestmark = pytest.mark.django_db


def rows():
    return {
        model.__name__: model.objects.count()
        for model in (Stafettlogg, Undring, Innslag, Samtykke, Deltaker, AccessLog)
    }


def test_the_history_is_realistic_loads_once_and_passes_the_audit_every_year():
    call_command("load_demo", "--history", stdout=StringIO())
    loaded = rows()
    call_command("load_demo", "--history", stdout=StringIO())
    assert rows() == loaded

    this_year = timezone.localdate().year
    years = [this_year - 2, this_year - 1, this_year]
    cases = Stafettlogg.objects.exclude(child_name__in=[row[0] for row in demo.CASES])
    assert cases.count() >= 200
    assert Undring.objects.count() >= 250
    spread = set(cases.values_list("level", "status").distinct())
    assert spread == {(level, s) for level in (1, 2, 3) for s in ("active", "closed")}
    for year in years:
        assert cases.filter(opened_at__year=year).count() >= 50, year
        assert Innslag.objects.filter(created_at__year=year).count() >= 300, year
        assert AccessLog.objects.filter(at__year=year).exists(), year
    assert Samtykke.objects.filter(withdrawn_at__isnull=False).exists()
    assert Samtykke.objects.filter(refused=True).exists()
    assert cases.filter(handovers__status="accepted").exists()
    # Dated when they were made: within three years, never before their case was opened.
    assert not Innslag.objects.filter(created_at__lt=timezone.now() - timedelta(days=3 * 366))
    assert not Innslag.objects.filter(created_at__lt=F("stafettlogg__opened_at")).exists()

    for year in years:
        out = StringIO()
        call_command("audit_disclosure", str(year), stdout=out)
        assert "keep the range their label claims" in out.getvalue()
