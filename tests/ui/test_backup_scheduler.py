"""Backups while the app keeps running: a new shop day gets its backup without a restart.

The process (PC) runs in Pacific/Honolulu (UTC−10), whose date differs from the shop's
for most of the day, so a backup named or dated by the PC's zone would land on the wrong
day. The real Qt timer ticks; the time is moved with time-machine (``shop_clock_running``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import backup, clock, settings
from app.backup_mirror import copy_problem
from app.db import Database
from tests.conftest import ShopClock
from ui.backup_scheduler import BackupScheduler
from ui.context import AppContext


def _daily_days(db: Database) -> list[date]:
    return sorted(b.created.date() for b in backup.list_backups(db.path) if b.kind == "harian")


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Jayapura"])
def test_a_till_left_running_backs_up_the_new_shop_day(
    qtbot: QtBot, db: Database, tmp_path: Path, zone: str,
    pc_zone: Callable[[str], None], shop_clock_running: ShopClock,
) -> None:
    pc_zone("Pacific/Honolulu")
    clock.set_shop_zone(zone)
    shop_clock_running.move_to("2026-11-30 23:59", zone)
    usb = tmp_path / "flashdisk"
    usb.mkdir()
    with db.unit_of_work() as session:
        settings.set_value(session, "backup.second_folder", str(usb))
    scheduler = BackupScheduler(AppContext(db=db), interval_ms=50)
    scheduler.start()
    qtbot.waitUntil(lambda: _daily_days(db) == [date(2026, 11, 30)], timeout=5000)
    shop_clock_running.move_to("2026-12-01 00:01", zone)
    qtbot.waitUntil(lambda: _daily_days(db) == [date(2026, 11, 30), date(2026, 12, 1)],
                    timeout=5000)
    newest = backup.list_backups(db.path)[0].path
    qtbot.waitUntil((usb / newest.name).exists, timeout=5000)
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.running, timeout=5000)
    assert newest.name.startswith("shop-20261201-0001")
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


def test_a_slow_check_is_never_overlapped_by_the_next_tick(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A backup to a slow flash drive outlasting the interval: the next ticks wait for it."""
    import threading

    from app import backup_mirror

    release = threading.Event()
    calls: list[Database] = []
    real = backup_mirror.scheduled_backup

    def slow(database: Database) -> backup_mirror.ScheduledResult:
        calls.append(database)
        release.wait(5)
        return real(database)

    monkeypatch.setattr(backup_mirror, "scheduled_backup", slow)
    scheduler = BackupScheduler(AppContext(db=db), interval_ms=10)
    checked: list[object] = []
    scheduler.sig_checked.connect(checked.append)
    scheduler.start()
    qtbot.wait(200)  # twenty ticks while the first check is still copying
    assert len(calls) == 1 and scheduler.running
    release.set()
    qtbot.waitUntil(lambda: len(checked) >= 1, timeout=5000)
    scheduler.stop()
    qtbot.waitUntil(lambda: not scheduler.running, timeout=5000)
