"""The shop's clock: the only place that reads the current time.

Stored times are aware UTC. What a seller sees — "today", day boundaries, order numbers,
receipts, report buckets, audit entries, backup names and the status-bar clock — is in the
shop's time zone, a setting (``shop.timezone``: WIB by default, WITA or WIT), never the
PC's own zone. The zone is process-wide: :func:`set_shop_zone` is called when a shop file
is opened (``app.db.open_database``) and when the setting is saved.

Indonesia has no daylight saving, so a shop day is always 24 hours long.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.errors import ValidationError

DEFAULT_ZONE = "Asia/Jakarta"
# The zones a shop can choose, with the name a seller knows them by.
ZONES: dict[str, str] = {
    "Asia/Jakarta": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

_zone = ZoneInfo(DEFAULT_ZONE)


def set_shop_zone(name: str) -> None:
    """Make ``name`` (one of :data:`ZONES`) the shop's time zone from now on."""
    global _zone
    if name not in ZONES:
        raise ValidationError("Zona waktu toko tidak dikenal: {zone}.", zone=name, field="timezone")
    _zone = ZoneInfo(name)


def reset_shop_zone() -> None:
    """Back to the default zone (WIB); used when no shop is open and between tests."""
    set_shop_zone(DEFAULT_ZONE)


def shop_zone() -> ZoneInfo:
    """The shop's time zone."""
    return _zone


def zone_name() -> str:
    """The IANA name of the shop's zone (``Asia/Jakarta``)."""
    return _zone.key


def zone_label() -> str:
    """The short name a seller knows the zone by (``WIB``, ``WITA``, ``WIT``)."""
    return ZONES.get(_zone.key, _zone.key)


def now_utc() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def now_local() -> datetime:
    """The current time, aware, in shop time."""
    return datetime.now(_zone)


def today() -> date:
    """The shop's calendar day now."""
    return now_local().date()


def local(dt: datetime) -> datetime:
    """An aware datetime shown in shop time (a naive one is taken as UTC, as stored)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(_zone)


def shop_day(dt: datetime) -> date:
    """The shop's calendar day of a datetime (aware, or naive UTC)."""
    return local(dt).date()


def at_shop_time(day: date, moment: time = time(0)) -> datetime:
    """``day`` at ``moment`` shop time, aware in the shop's zone."""
    return datetime.combine(day, moment, tzinfo=_zone)


def day_start_utc(day: date) -> datetime:
    """The first instant of shop day ``day``, aware UTC."""
    return at_shop_time(day).astimezone(UTC)


def day_bounds_utc(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    """``[first 00:00, day after last 00:00)`` in shop time, as aware UTC bounds."""
    end = (last or first) + timedelta(days=1)
    return day_start_utc(first), day_start_utc(end)


def utc_offset() -> timedelta:
    """Shop time minus UTC (WIB: 7 hours)."""
    return now_local().utcoffset() or timedelta(0)


def file_stamp(when: datetime | None = None) -> str:
    """``20261129-031000``: a moment (default now) in shop time, for file names."""
    return local(when or now_utc()).strftime("%Y%m%d-%H%M%S")
