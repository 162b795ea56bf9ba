"""Database passwords given apart from the URLs survive any character (compose does this)."""

from .test_settings import run_django


def test_a_password_with_at_and_slash_survives_beside_the_url():
    result = run_django(
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "m = settings.MIGRATE_DATABASE; print(d['USER'], d['PASSWORD'], m['USER'], m['PASSWORD'])",
        DATABASE_URL="postgres://bts_app@db.internal:5432/bts",
        DATABASE_PASSWORD="p@ss/w:rd#1",
        MIGRATE_DATABASE_URL="postgres://bts_owner@db.internal:5432/bts",
        MIGRATE_DATABASE_PASSWORD="o/wn@er%2F",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["bts_app", "p@ss/w:rd#1", "bts_owner", "o/wn@er%2F"]
