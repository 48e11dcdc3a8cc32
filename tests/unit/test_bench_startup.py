"""The start-up benchmark's probe: a real start with login and wiring reaches a usable sell screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import open_database
from app.demo import build_demo
from bench.startup import DEMO_OWNER_PIN, ROOT, parse_ready, parse_settled


def _start(shop: Path, pin: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PEKEN_EXIT_WHEN_READY="1", PEKEN_BENCH_PIN=pin)
    return subprocess.run([sys.executable, "main.py", "--db", str(shop)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.slow  # a whole app start in a fresh process (~5 s on a quiet machine)
def test_the_measured_start_logs_in_wires_up_and_paints_the_grid_with_focus_in_the_scan_field(
        tmp_path: Path) -> None:
    shop = tmp_path / "toko.sqlite"
    database = open_database(shop)
    with database.unit_of_work() as session:
        build_demo(session)
    database.close()
    done = _start(shop, DEMO_OWNER_PIN)
    assert done.returncode == 0, done.stderr[-2000:]
    process_ms, login_ms, focus = parse_ready(done.stdout)
    assert focus == "scan"
    assert 0 < login_ms < process_ms
    assert parse_settled(done.stdout) >= process_ms  # then the deferred services started
    assert (tmp_path / "backups").is_dir()  # wiring.attach ran: the day's backup was taken
