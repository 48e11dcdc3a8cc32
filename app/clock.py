"""The shop's clock: Surabaya is on WIB (UTC+7); days and order numbers use it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

SHOP_TZ = ZoneInfo("Asia/Jakarta")


def now_utc() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def local(dt: datetime) -> datetime:
    """An aware datetime shown in shop time (WIB)."""
    return dt.astimezone(SHOP_TZ)


def shop_day(dt: datetime) -> date:
    """The shop's calendar day of an aware datetime."""
    return local(dt).date()
