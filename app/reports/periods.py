"""Report periods in shop time (WIB unless the shop chose WITA/WIT): today, this week, month, year, any range.

A period is a range of shop days, both ends included. Its UTC bounds are
``[first day 00:00, day after the last 00:00)`` shop time, so an order at 23:30 UTC
belongs to the next shop day, as the seller sees it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app import clock
from app.clock import now_utc, shop_day
from app.errors import ValidationError
from app.labels_i18n import period_title

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    """A range of shop days, ``first`` to ``last`` inclusive, with a label for titles."""

    first: date
    last: date
    label: str = ""
    kind: str = ""  # how it was chosen (today, this_month...), to title it in any language

    def __post_init__(self) -> None:
        """Refuse a backwards or absurdly long range."""
        if self.last < self.first:
            raise ValidationError("Tanggal akhir laporan sebelum tanggal awal.", field="period")
        if (self.last - self.first).days >= MAX_DAYS:
            raise ValidationError("Rentang laporan paling lama 3 tahun.", field="period")

    @property
    def start_utc(self) -> datetime:
        """The first instant of the period (aware UTC)."""
        return clock.day_start_utc(self.first)

    @property
    def end_utc(self) -> datetime:
        """The first instant after the period (aware UTC)."""
        return clock.day_start_utc(self.last + timedelta(days=1))

    @property
    def days(self) -> int:
        """Number of shop days in the period."""
        return (self.last - self.first).days + 1

    def title(self, language: str = "id") -> str:
        """The label, or the dates in Indonesian (``1–30 November 2026``); English from the catalog."""
        if language == "en":
            return period_title(self.kind, self.first, self.last, language)
        return self.label or describe_dates(self.first, self.last)


def format_date(day: date) -> str:
    """``28 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def describe_dates(first: date, last: date) -> str:
    """A compact Indonesian range: ``28 November 2026`` or ``1–30 November 2026``."""
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[first.month - 1]} {first.year}"
    return f"{format_date(first)} – {format_date(last)}"


def _today(now: datetime | None) -> date:
    return shop_day(now or now_utc())


def today(now: datetime | None = None) -> Period:
    """The current shop day."""
    day = _today(now)
    return Period(day, day, f"Hari ini, {format_date(day)}", "today")


def this_week(now: datetime | None = None) -> Period:
    """Monday of this week up to today."""
    day = _today(now)
    monday = day - timedelta(days=day.weekday())
    return Period(monday, day, f"Minggu ini, {describe_dates(monday, day)}", "this_week")


def this_month(now: datetime | None = None) -> Period:
    """The 1st of this month up to today."""
    day = _today(now)
    first = day.replace(day=1)
    return Period(first, day, f"Bulan ini, {MONTHS[day.month - 1]} {day.year}", "this_month")


def this_year(now: datetime | None = None) -> Period:
    """The 1st of January up to today."""
    day = _today(now)
    first = day.replace(month=1, day=1)
    return Period(first, day, f"Tahun ini, {day.year}", "this_year")


def last_days(count: int, now: datetime | None = None) -> Period:
    """The last ``count`` shop days including today."""
    day = _today(now)
    return Period(day - timedelta(days=count - 1), day, f"{count} hari terakhir", "last_days")


def month_of(day: date) -> Period:
    """The whole calendar month containing ``day``."""
    first = day.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return Period(first, nxt - timedelta(days=1), f"{MONTHS[day.month - 1]} {day.year}", "month")


def custom(first: date, last: date) -> Period:
    """Any range picked by the seller."""
    return Period(first, last)


def utc_offset_hours() -> int:
    """Shop time minus UTC in whole hours (WIB 7, WITA 8, WIT 9; no daylight saving)."""
    return int(clock.utc_offset().total_seconds() // 3600)
