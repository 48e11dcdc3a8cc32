"""Cold start to a usable sell screen, login and wiring included, vs a bare Qt window.

Run ``python -m bench.startup`` (``--products N``: the cached shop's size, 100 000 default).

Both are fresh processes, offscreen, alternated, 7 runs each. The app runs
``main.py --db <shop>`` with ``PEKEN_EXIT_WHEN_READY=1`` (see ``ui.startup_probe``): the
real start — login dialog (the PIN typed the moment it is up), main window,
``ui.wiring.attach`` — until the sell screen's deferred tile grid is loaded and painted,
then it prints ``READY <process ms> <login→sell ms> <focus>`` and exits without interpreter
teardown. The runs use a private copy of the cached shop; the untimed warm-up start takes
the day's backup, as a seller's first start of the day does. The bare window starts the
same way: a fresh ``python``, ``QApplication``, a 1366×768 window shown, exit right after
its first paint.

Figures: ``startup_ms`` (launch → grid painted, wall time seen by this process),
``bare_qt_ms`` (the floor), ``ratio``, ``login_to_sell_ms`` (login accepted → grid painted,
focus in the scan field). Budgets: ratio ≤ 3, login_to_sell_ms ≤ 300.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._common import SHOP_PRODUCTS, option, print_result, print_table, seeded_shop, working_copy

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent
DEMO_OWNER_PIN = "1234"  # app.demo.build_demo's owner
BARE_QT = (
    "import os, sys\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv)\n"
    "class Spy(QObject):\n"
    "    def eventFilter(self, obj, event):\n"
    "        if event.type() == QEvent.Type.Paint:\n"
    "            QTimer.singleShot(0, ready)\n"
    "        return False\n"
    "def ready():\n"
    "    print('READY', flush=True)\n"
    "    os._exit(0)\n"
    "w = QWidget(); spy = Spy(); w.installEventFilter(spy); w.resize(1366, 768); w.show()\n"
    "sys.exit(app.exec())\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PEKEN_EXIT_WHEN_READY"] = "1"
    env["PEKEN_BENCH_PIN"] = DEMO_OWNER_PIN
    return env


def _run(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        done = subprocess.run(args, cwd=ROOT, env=_env(), capture_output=True, text=True, check=False,
                              timeout=120)
    except subprocess.TimeoutExpired as exc:
        raise SystemExit(f"{args[1:3]} never became ready:\n{exc.stdout!r}") from exc
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise SystemExit(f"{args[1:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def parse_ready(out: str) -> tuple[float, float, str]:
    """(process ms, login→sell ms, focus) from the app's ``READY`` line."""
    ready = [line.split() for line in out.splitlines() if line.startswith("READY ")]
    if not ready or len(ready[-1]) != 4:
        raise SystemExit(f"the app never said READY:\n{out[-2000:]}")
    _word, process_ms, login_ms, focus = ready[-1]
    return float(process_ms), float(login_ms), focus


def main() -> int:
    """Run both starts alternately and print the table and the RESULT line."""
    cached = seeded_shop(option("--products", SHOP_PRODUCTS), rebuild="--rebuild" in sys.argv)
    with tempfile.TemporaryDirectory(prefix="peken-startup-") as folder:
        return _measure(working_copy(cached, Path(folder)))


def _measure(shop: Path) -> int:
    """The runs on a private copy of the shop (the first start of the day takes its backup)."""
    app_args = [sys.executable, "main.py", "--db", str(shop)]
    bare_args = [sys.executable, "-c", BARE_QT]
    _run(app_args)  # warm the OS file cache once for both, as a seller's second start would be
    _run(bare_args)
    app_ms: list[float] = []
    ready_ms: list[float] = []
    login_ms: list[float] = []
    bare_ms: list[float] = []
    focus = set()
    for _ in range(RUNS):
        elapsed, out = _run(app_args)
        process, login, where = parse_ready(out)
        app_ms.append(elapsed)
        ready_ms.append(process)
        login_ms.append(login)
        focus.add(where)
        bare_ms.append(_run(bare_args)[0])
    app_median, bare_median = statistics.median(app_ms), statistics.median(bare_ms)
    login_median = statistics.median(login_ms)
    ratio = app_median / bare_median
    print(f"shop {shop.name}, {RUNS} runs each, focus after start: {', '.join(sorted(focus))}")
    print_table(["what", "median ms", "min ms", "max ms"], [
        ["app launch → grid painted (login, wiring)", f"{app_median:.0f}", f"{min(app_ms):.0f}",
         f"{max(app_ms):.0f}"],
        ["  same, in-process age", f"{statistics.median(ready_ms):.0f}", f"{min(ready_ms):.0f}",
         f"{max(ready_ms):.0f}"],
        ["  login accepted → sell usable", f"{login_median:.0f}", f"{min(login_ms):.0f}",
         f"{max(login_ms):.0f}"],
        ["bare Qt window launch → painted (floor)", f"{bare_median:.0f}", f"{min(bare_ms):.0f}",
         f"{max(bare_ms):.0f}"],
    ])
    ok = ratio <= 3 and login_median <= 300 and focus == {"scan"}
    print(f"ratio {ratio:.2f} (≤ 3), login → sell {login_median:.0f} ms (≤ 300): "
          f"{'OK' if ok else 'OVER BUDGET'}")
    print_result({"startup_ms": app_median, "bare_qt_ms": bare_median, "ratio": ratio,
                  "ready_ms": statistics.median(ready_ms), "login_to_sell_ms": login_median,
                  "focus_in_scan": focus == {"scan"}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
