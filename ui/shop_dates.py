"""Qt dates in shop time: date pickers and day filters follow ``app.clock``, never the PC's zone.

Qt's own "current date" is the PC's local date: on a PC set to UTC it is still yesterday at
03:10 WIB. Screens take "today" and a picked day's bounds from here instead.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from app import clock


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def today_qdate() -> QDate:
    """The shop's day today (shop clock), for date pickers and "Hari ini" filters."""
    return to_qdate(clock.today())


def day_start_utc(day: QDate) -> datetime:
    """The first instant of shop day ``day``, aware UTC."""
    return clock.day_start_utc(from_qdate(day))


def day_end_utc(day: QDate) -> datetime:
    """The first instant after shop day ``day``, aware UTC."""
    return clock.day_bounds_utc(from_qdate(day))[1]
