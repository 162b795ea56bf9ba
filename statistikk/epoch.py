"""A timestamp column as whole microseconds since 1970 (UTC), computed by the database.

The median time at each level is reduced in Python from every period's start and end. Read as
datetimes, the 100,000 timestamps of a large municipality's year cost more than the rest of
the statistics together: each is parsed and made aware, by Django on SQLite and by psycopg on
PostgreSQL. As integers they cost next to nothing, and the differences are exact: the same
microseconds Python's ``datetime`` subtraction gives.
"""

from datetime import UTC, datetime, timedelta

from django.db.models import BigIntegerField, Func

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def epoch_us(moment: datetime) -> int:
    """``moment`` (aware) as microseconds since 1970, as ``EpochMicroseconds`` reads it."""
    return (moment - EPOCH) // MICROSECOND


class EpochMicroseconds(Func):
    """An aware ``DateTimeField`` as microseconds since 1970 (NULL stays NULL)."""

    output_field = BigIntegerField()
    arity = 1

    @property
    def convert_value(self):
        # Both databases return an int already; Django's int() per value is what the
        # datetimes were replaced to avoid.
        return self._convert_value_noop  # type: ignore[attr-defined]  # private, not in the stubs

    def as_sqlite(self, compiler, connection, **extra_context):
        # Django keeps an aware datetime in SQLite as UTC text, "YYYY-MM-DD HH:MM:SS" with
        # ".ffffff" when the microseconds are not zero. julianday() of the whole seconds is a
        # double within a millisecond of the truth, so rounding after the product is exact.
        sql, params = compiler.compile(self.source_expressions[0])
        whole = f"CAST(ROUND((julianday(substr({sql}, 1, 19)) - 2440587.5) * 86400) AS INTEGER)"
        fraction = f"CAST(substr({sql} || '.000000', 21, 6) AS INTEGER)"
        return f"({whole} * 1000000 + {fraction})", (*params, *params)

    def as_postgresql(self, compiler, connection, **extra_context):
        # EXTRACT(EPOCH ...) is an exact numeric from PostgreSQL 14 on (a double before, still
        # within half a microsecond of the truth, which the rounding removes).
        template = "CAST(ROUND(EXTRACT(EPOCH FROM %(expressions)s) * 1000000) AS BIGINT)"
        return self.as_sql(compiler, connection, template=template, **extra_context)
