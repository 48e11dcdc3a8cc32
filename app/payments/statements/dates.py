"""Dates and times as banks write them. Day first always; never month/day.

Accepted: ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ``dd/mm/yy``, ``dd/mm`` (no year: the
year comes from the statement period, a December line in a January import belongs to the
previous year), ``yyyy-mm-dd`` (what XLSX cells become), ``dd-MMM-yyyy`` and ``dd MMMM yyyy``
with English or Indonesian month names; an optional time after the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "peb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "ags": 8, "aug": 8, "agustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "nop": 11, "november": 11, "nopember": 11,
    "des": 12, "dec": 12, "desember": 12, "december": 12,
}  # fmt: skip

_TIME = r"(?:[ T]+(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:\.\d+)?)?)?"
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME)
_DMY = re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?" + _TIME)
_NAMED = re.compile(r"(?P<d>\d{1,2})[\s-]+(?P<m>[a-z]+)\.?[\s-]+(?P<y>\d{4}|\d{2})" + _TIME)
_PERIOD_SPLIT = re.compile(r"\s+(?:-|–|s/d|s\.d\.?|sd|sampai|hingga|to|until)\s+", re.I)


class DateError(ValueError):
    """The text is not a date; the message (Indonesian) says why."""


@dataclass(frozen=True)
class LooseDate:
    """A date as written: the year may be missing; the time may be given."""

    day: int
    month: int
    year: int | None
    time: time | None

    def resolve(self, reference: date) -> date:
        """The full date; a missing year is the latest one not after ``reference``."""
        if self.year is not None:
            return _make_date(self.year, self.month, self.day)
        for year in range(reference.year, reference.year - 5, -1):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:
                continue
            if candidate <= reference:
                return candidate
        raise DateError(f"tanggal tidak ada: {self.day:02d}/{self.month:02d}")


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"tanggal tidak ada: {day:02d}/{month:02d}/{year}") from None


def _time_of(found: re.Match[str]) -> time | None:
    if found.group("h") is None:
        return None
    return parse_time(f"{found.group('h')}:{found.group('mi')}:{found.group('s') or '00'}")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def parse_loose_date(text: str) -> LooseDate:
    """Parse a date cell (day first), keeping a missing year missing."""
    work = " ".join(text.replace("\u00a0", " ").strip().strip("'").split()).lower()
    for pattern in (_ISO, _DMY, _NAMED):
        found = pattern.fullmatch(work)
        if not found:
            continue
        month_text = found.group("m")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
        day = int(found.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise DateError(f"tanggal tidak masuk akal: {text.strip()!r}")
        loose = LooseDate(day, month, _year(found.group("y")), _time_of(found))
        if loose.year is not None:
            _make_date(loose.year, month, day)
        return loose
    raise DateError(f"tanggal tidak bisa dibaca: {text.strip()!r}")


def parse_date(text: str, reference: date) -> tuple[date, time | None]:
    """Parse a date cell into a full date (year-less dates resolved against ``reference``)."""
    loose = parse_loose_date(text)
    return loose.resolve(reference), loose.time


def parse_time(text: str) -> time | None:
    """``09:15:02``, ``9:15`` or BRI's ``91502`` (HHMMSS that lost its leading zero)."""
    work = text.strip().strip("'").strip()
    if not work:
        return None
    if work.endswith(".0") and work[:-2].isdigit():
        work = work[:-2]
    if work.isdigit() and len(work) <= 6:
        work = work.zfill(6)
        parts = [work[0:2], work[2:4], work[4:6]]
    else:
        parts = re.split(r"[:.]", work)
        if len(parts) == 2:
            parts.append("00")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 2 for p in parts):
        raise DateError(f"jam tidak bisa dibaca: {text.strip()!r}")
    hour, minute, second = (int(p) for p in parts)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"jam tidak masuk akal: {text.strip()!r}")
    return time(hour, minute, second)


def parse_period(text: str) -> tuple[date, date] | None:
    """``01/06/2025 - 07/06/2025`` or ``1 Juni 2025 s/d 7 Juni 2025``; None when not a period."""
    parts = _PERIOD_SPLIT.split(text.strip().strip("'").strip())
    if len(parts) != 2:
        return None
    try:
        start, end = (parse_loose_date(part) for part in parts)
    except DateError:
        return None
    if start.year is None or end.year is None:
        return None
    first = _make_date(start.year, start.month, start.day)
    last = _make_date(end.year, end.month, end.day)
    return (first, last) if first <= last else None
