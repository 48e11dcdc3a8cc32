"""What the start loads before the sell screen is usable: no module that only a later action
(F10's money book, reports, printing, sync, migrations) needs (bench.startup)."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui import update_notice, wiring
from ui.app import check_updates_later
from ui.context import AppContext
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
# each cost the start tens of milliseconds or more while no seller had asked for it yet
LATER_ONLY = ("ui.books.cash_dialog", "app.cashbook", "app.shifts", "app.reports", "app.drawer",
              "ui.update_notice", "html", "alembic", "reportlab", "escpos", "httpx")


def test_the_window_start_loads_nothing_only_a_later_action_needs() -> None:
    code = ("import sys, main, ui.app\n"
            "main.import_before_qt()\n"
            "for name in ui.app.PRELOAD_MODULES:\n"
            "    __import__(name)\n"
            f"print(','.join(m for m in {LATER_ONLY!r} if m in sys.modules))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout.strip() == ""


def test_the_update_check_loads_after_the_sell_screen_and_still_runs_once_services_are_up(
        ctx: AppContext, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PEKEN_EXIT_WHEN_READY", raising=False)
    monkeypatch.delenv(update_notice.OFF_ENV, raising=False)
    checked: list[MainWindow] = []
    monkeypatch.setattr(update_notice, "check_now", lambda win, _ctx: checked.append(win))
    services = wiring.attach(window, ctx)  # as ui.app.run_app: the services, then the check
    window.after_ready(partial(check_updates_later, window, ctx, services))
    try:
        qtbot.waitUntil(lambda: services.started, timeout=10000)
        qtbot.waitUntil(lambda: checked == [window])
    finally:
        wiring.detach(ctx)
