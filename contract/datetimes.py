"""The one aware-datetime rule of PEKEN: a moment carries its zone, and is kept in UTC.

A naive datetime (no ``tzinfo``) is a bug, not a local time: :func:`require_aware` refuses it
with :class:`NaiveDatetimeError`, and :func:`to_utc` turns an aware moment into UTC. Both
database layers store a moment through :func:`to_storage` (naive UTC, which SQLite and the
PostgreSQL ``timestamp`` column keep as is) and read it back through :func:`from_storage`
(UTC attached again), so the desktop's ``models.base.UTCDateTime`` and the server's
``server.models.UTCDateTime`` follow the same rule.

The turnover month of the PEKEN cap is counted in Surabaya time (WIB, UTC+7): :func:`month_key`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")


class NaiveDatetimeError(ValueError):
    """A datetime without a time zone was given where a moment is expected."""


def require_aware(value: datetime) -> datetime:
    """``value`` when it carries a time zone; a naive one raises :class:`NaiveDatetimeError`."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(f"naive datetime {value.isoformat()} given; use timezone-aware UTC")
    return value


def to_utc(value: datetime) -> datetime:
    """The same moment in UTC (aware); naive datetimes are refused."""
    return require_aware(value).astimezone(UTC)


def to_storage(value: datetime | None) -> datetime | None:
    """A moment as the database column keeps it: naive UTC (None stays None)."""
    if value is None:
        return None
    return to_utc(value).replace(tzinfo=None)


def from_storage(value: datetime | None) -> datetime | None:
    """A stored naive-UTC value as an aware UTC moment (None stays None)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC)


def month_key(moment: datetime) -> str:
    """The turnover month (``YYYY-MM``) of a moment, in Surabaya time (WIB, UTC+7)."""
    return to_utc(moment).astimezone(WIB).strftime("%Y-%m")


def read_wire(value: datetime) -> datetime:
    """A moment read from the sync/API wire, in UTC.

    The wire is older than this rule and documented (docs/server.md) to take a time without an
    offset as UTC, so old clients keep working; everything past the wire is aware UTC.
    """
    return to_utc(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
