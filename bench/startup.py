"""Cold start to a sell screen ready for a scan vs a bare Qt window (``python -m bench.startup``).

Both are fresh processes, offscreen, alternated, 7 runs each; the wall time runs from
launching the process until it has shown its window, is idle in the event loop, and
exits at once without interpreter teardown (``os._exit``), the same way for both.
The app runs ``main.py --db <100 000-product shop>`` with ``PEKEN_EXIT_WHEN_READY=1``,
so it quits as soon as the sell screen is ready for a
scan (and prints how long that took). Budget: ratio ≤ 5.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.scan import big_shop

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent
BARE_QT = (
    "import os, sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv)\n"
    "w = QWidget(); w.resize(1366, 768); w.show()\n"
    "def ready():\n"
    "    print('READY', flush=True)\n"
    "    os._exit(0)\n"
    "QTimer.singleShot(0, ready)\n"
    "sys.exit(app.exec())\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PEKEN_EXIT_WHEN_READY"] = "1"
    return env


def _run(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=_env(), capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{args[1:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def main() -> int:
    """Run both starts alternately and print the table and the RESULT line."""
    shop = big_shop()
    app_args = [sys.executable, "main.py", "--db", str(shop)]
    bare_args = [sys.executable, "-c", BARE_QT]
    _run(app_args)  # warm the OS file cache once for both, as a seller's second start would be
    _run(bare_args)
    app_ms: list[float] = []
    ready_ms: list[float] = []
    bare_ms: list[float] = []
    for _ in range(RUNS):
        elapsed, out = _run(app_args)
        app_ms.append(elapsed)
        ready = [line for line in out.splitlines() if line.startswith("READY ")]
        if not ready:
            raise SystemExit("the app never said READY")
        ready_ms.append(float(ready[-1].split()[1]))
        bare_ms.append(_run(bare_args)[0])
    app_median = statistics.median(app_ms)
    bare_median = statistics.median(bare_ms)
    ratio = app_median / bare_median
    print(f"{'shop':<34}{shop.name}")
    print(f"{'runs each':<34}{RUNS:>10}")
    print(f"{'app start → exit, median':<34}{app_median:>10.0f} ms")
    print(f"{'app start → ready (in-process)':<34}{statistics.median(ready_ms):>10.0f} ms")
    print(f"{'bare Qt window, median':<34}{bare_median:>10.0f} ms")
    print(f"{'ratio (budget ≤ 5)':<34}{ratio:>10.2f}")
    print("RESULT " + json.dumps({
        "startup_ms": round(app_median, 1), "bare_qt_ms": round(bare_median, 1),
        "ratio": round(ratio, 2), "ready_ms": round(statistics.median(ready_ms), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
