"""What the production database must offer the portal."""

import pytest
from django.db import connection

from .services import require_postgresql

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


def test_connections_are_persistent_and_health_checked():
    require_postgresql()
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert connection.settings_dict["CONN_MAX_AGE"] > 0


def test_norwegian_full_text_search_configuration_is_available():
    require_postgresql()
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('norwegian', 'barnehagene samarbeider')::text")
        vector = cursor.fetchone()[0]
    assert "barnehag" in vector
