"""Backups while the app keeps running: a new shop day gets its backup without a restart.

The process runs in Pacific/Honolulu (UTC−10), whose date differs from WIB's for 17 of
24 hours, so a backup named or dated by the PC's zone would land on the wrong day.
The real Qt timer ticks; the time is moved with time-machine.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pytestqt.qtbot import QtBot

from app import backup, settings
from app.backup_mirror import copy_problem
from app.db import Database
from ui.backup_scheduler import BackupScheduler
from ui.context import AppContext

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def far_zone() -> Iterator[None]:
    """The process's own time zone set far from WIB for the test."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Honolulu"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def wib(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A WIB wall-clock moment as aware UTC (a ZoneInfo destination would make time-machine
    set the process zone to WIB, hiding any use of the PC's zone)."""
    return datetime(year, month, day, hour, minute, tzinfo=WIB).astimezone(UTC)


def _daily_days(db: Database) -> list[date]:
    return sorted(b.created.date() for b in backup.list_backups(db.path) if b.kind == "harian")


def test_a_till_left_running_backs_up_the_new_shop_day(
    qtbot: QtBot, db: Database, tmp_path: Path, far_zone: None
) -> None:
    usb = tmp_path / "flashdisk"
    usb.mkdir()
    with db.unit_of_work() as session:
        settings.set_value(session, "backup.second_folder", str(usb))
    ctx = AppContext(db=db)
    with time_machine.travel(wib(2026, 11, 29, 23, 59), tick=True) as traveller:
        scheduler = BackupScheduler(ctx, interval_ms=50)
        scheduler.start()
        qtbot.waitUntil(lambda: _daily_days(db) == [date(2026, 11, 29)], timeout=5000)
        traveller.move_to(wib(2026, 11, 30, 0, 1))
        qtbot.waitUntil(lambda: _daily_days(db) == [date(2026, 11, 29), date(2026, 11, 30)],
                        timeout=5000)
        newest = backup.list_backups(db.path)[0].path
        qtbot.waitUntil((usb / newest.name).exists, timeout=5000)
        qtbot.waitUntil(lambda: not scheduler.running, timeout=5000)
        scheduler.stop()
    assert newest.name.startswith("shop-20261130-0001")
    assert copy_problem(newest, usb / newest.name) == ""
    assert sorted(p.name for p in usb.iterdir()) == sorted(
        b.path.name for b in backup.list_backups(db.path) if b.kind == "harian")


def test_a_failed_check_is_reported_and_a_later_tick_recovers(qtbot: QtBot, db: Database) -> None:
    ctx = AppContext(db=db)
    blocker = backup.backup_dir_for(db.path)
    blocker.write_text("sebuah berkas, bukan folder")  # the backups folder cannot be made
    messages: list[str] = []
    ctx.signals.sig_status.connect(messages.append)
    failures: list[BaseException] = []
    scheduler = BackupScheduler(ctx, interval_ms=50)
    scheduler.sig_failed.connect(failures.append)
    scheduler.start()
    qtbot.waitUntil(lambda: len(failures) >= 2, timeout=5000)
    assert any(m.startswith("Cadangan harian gagal: Folder cadangan") for m in messages)
    blocker.unlink()
    qtbot.waitUntil(lambda: any(b.kind == "harian" for b in backup.list_backups(db.path)),
                    timeout=5000)
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.running, timeout=5000)
