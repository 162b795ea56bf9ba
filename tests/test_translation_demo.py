"""The demo's translations are recorded as reviewed, and its nynorsk is complete."""

import io

import pytest
from django.core.management import call_command

from oversetting import state
from oversetting.models import Oversettelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_demo_translations_are_recorded_as_reviewed_and_none_outdated(demo):
    rows = Oversettelse.objects.filter(is_public=True)
    assert rows.exists()
    translated = rows.filter(fields_missing=0)
    assert translated.exists()
    assert not translated.filter(reviewed_at__isnull=True).exists()
    assert all(row.outdated == 0 for row in state.status_rows())


def test_demo_nynorsk_is_complete(demo):
    out = io.StringIO()
    call_command("translation_status", "--language", "nn", "--max-bokmal", "0", stdout=out)
    assert "nn: 0.0 % of the public text is still in bokmål" in out.getvalue()
