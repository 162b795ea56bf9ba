"""The statistics release is computed once per year and data version, shared by the
dashboard, the CSV and the report PDF, and made again as soon as the data change."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from statistikk import disclosure
from statistikk.models import ReportFile
from statistikk.release_cache import cached_release
from statistikk.report import report_context

from .case_fixtures import open_case

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def suppressions():
    cache.clear()
    with mock.patch.object(
        disclosure, "suppress_model", wraps=disclosure.suppress_model
    ) as counted:
        yield counted
    cache.clear()


@pytest.fixture
def logged_in(client, people, coordinator):
    open_case(people, child="Barn 1")
    client.force_login(coordinator)
    return client


def dashboard(client, year=YEAR):
    response = client.get(reverse("statistikk:dashboard"), {"aar": year})
    assert response.status_code == 200
    return response


def test_a_second_dashboard_request_does_not_suppress_again(logged_in, suppressions):
    dashboard(logged_in)
    dashboard(logged_in)
    assert suppressions.call_count == 1


def test_dashboard_csv_and_report_share_one_release(logged_in, suppressions, coordinator):
    dashboard(logged_in)
    assert logged_in.get(reverse("statistikk:csv"), {"aar": YEAR}).status_code == 200
    report_context(ReportFile(year=YEAR, generated_by=coordinator))
    assert suppressions.call_count == 1


def test_a_new_case_shows_at_once(logged_in, people, suppressions):
    dashboard(logged_in)
    open_case(people, child="Barn 2")
    dashboard(logged_in)
    assert suppressions.call_count == 2


def test_a_closed_case_shows_at_once(logged_in, people, suppressions):
    from stafettlogg import services
    from stafettlogg.models import Stafettlogg

    dashboard(logged_in)
    case = Stafettlogg.objects.get()
    services.case_close(
        case=case, user=people["users"]["stafettholder"], reason="r", final_evaluation="f"
    )
    dashboard(logged_in)
    assert suppressions.call_count == 2


def test_each_year_has_its_own_release(logged_in, suppressions):
    dashboard(logged_in)
    dashboard(logged_in, YEAR - 1)
    assert suppressions.call_count == 2
    assert cached_release(YEAR).year == YEAR
    assert cached_release(YEAR - 1).year == YEAR - 1
    assert suppressions.call_count == 2
