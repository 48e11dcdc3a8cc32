"""What the start loads before the sell screen is usable: no module that only a later action
(F10's money book, reports, printing, sync, migrations) needs (bench.startup)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# each cost the start tens of milliseconds or more while no seller had asked for it yet
LATER_ONLY = ("ui.books.cash_dialog", "app.cashbook", "app.shifts", "app.reports", "app.drawer",
              "alembic", "reportlab", "escpos", "httpx")


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
