"""Cold start to a usable sell screen, login and wiring included, vs a bare Qt window.

Run ``python -m bench.startup`` (``--products N``: the cached shop's size, 100 000 default).

Both are fresh processes, offscreen, alternated, 7 runs each. The app runs ``main.py --db
<shop>`` with ``PEKEN_EXIT_WHEN_READY=1`` (see ``ui.startup_probe``): the real start — login
dialog (the PIN typed the moment it is up, so nothing hides behind a seller's typing), main
window, ``ui.wiring.attach`` — until the sell screen is usable: its quick grid loaded and
painted, focus in the scan field. Then it prints ``READY <process ms> <login→sell ms>
<focus>``; on the next event-loop turn it looks up a real barcode of the shop as a scan
would (``PEKEN_BENCH_CODE``: the product found through the shop's services, nothing added to
the cart) and prints ``SCANREADY <process ms> found``; it keeps running what start-up
deferred (printing, sync, the backup scheduler and its first backup check) and prints
``SETTLED <process ms>`` before exiting without interpreter teardown. This process notes the
wall time at which each line arrives. The runs use a private copy of the cached shop; the
untimed warm-up start takes the day's backup, as a seller's first start of the day does, and
writes Python's bytecode cache, as an installed app has it (``PYTHONDONTWRITEBYTECODE`` is
dropped for the children). The bare window starts the same way: a fresh ``python``,
``QApplication``, a 1366×768 window shown, exit right after its first paint.

Figures: ``startup_ms`` (launch → sell screen usable, wall time seen by this process:
login done, main window shown, quick grid painted, focus in the scan field),
``scan_ready_ms`` (launch → a scanned code answered by the shop's services; no budget, shown
so nothing deferred goes unseen: after a light start (``ui.light_start``: the sell screen is
painted from a stdlib-sqlite3 reader and the database layer loads behind it) a scan in that
time waits for the load, and this is when it is answered),
``light_start`` (every run built and painted its sell screen from the first-frame reader),
``bare_qt_ms`` (the floor), ``ratio``, ``login_to_sell_ms`` (login accepted → grid painted,
focus in the scan field), ``settled_ms`` (launch → deferred services up and the first
backup check done; no budget, shown so nothing deferred goes unseen).
Budgets: ratio ≤ 3, login_to_sell_ms ≤ 300.

``--bundle`` times the built program instead (``dist/peken-kasir/peken-kasir`` from
``make dist``: what a seller starts, frozen by PyInstaller) against the same bare window and
reports ``bundle_startup_ms`` and its ``ratio``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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


def _env(code: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cache
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PEKEN_EXIT_WHEN_READY"] = "1"
    env["PEKEN_BENCH_PIN"] = DEMO_OWNER_PIN
    env["PEKEN_BENCH_CODE"] = code
    return env


@dataclass
class Run:
    """One start: wall ms from launch until its READY line arrived, until its SCANREADY line
    arrived (the bare window has none: 0) and until it exited; its output (stdout and stderr)."""

    ready_ms: float
    exit_ms: float
    out: str
    scan_ms: float = 0.0


def _run(args: list[str], code: str = "") -> Run:
    """Start ``args``; the wall time of the first ``READY`` and ``SCANREADY`` lines and of the exit."""
    start = time.perf_counter()
    ready_at: float | None = None
    scan_at: float | None = None
    lines: list[str] = []
    with subprocess.Popen(args, cwd=ROOT, env=_env(code), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as child:
        assert child.stdout is not None
        watchdog = threading.Timer(120, child.kill)  # a start that hangs fails the bench
        watchdog.start()
        for line in child.stdout:
            if line.startswith("READY") and ready_at is None:
                ready_at = time.perf_counter()
            if line.startswith("SCANREADY") and scan_at is None:
                scan_at = time.perf_counter()
            lines.append(line)
        child.wait()
        watchdog.cancel()
    end = time.perf_counter()
    if child.returncode != 0 or ready_at is None:
        raise SystemExit(f"{args[1:3]} failed ({child.returncode}):\n{''.join(lines)[-3000:]}")
    scan_ms = (scan_at - start) * 1000 if scan_at is not None else 0.0
    return Run((ready_at - start) * 1000, (end - start) * 1000, "".join(lines), scan_ms)


def parse_settled(out: str) -> float:
    """Process ms at which the deferred start was done (the app's ``SETTLED`` line)."""
    settled = [line.split() for line in out.splitlines() if line.startswith("SETTLED ")]
    if not settled or len(settled[-1]) != 2:
        raise SystemExit(f"the app never said SETTLED:\n{out[-2000:]}")
    return float(settled[-1][1])


def parse_scan_ready(out: str) -> tuple[float, bool]:
    """(process ms, whether the code was found) from the app's ``SCANREADY`` line."""
    lines = [line.split() for line in out.splitlines() if line.startswith("SCANREADY ")]
    if not lines or len(lines[-1]) != 3:
        raise SystemExit(f"the app never answered the scan:\n{out[-2000:]}")
    return float(lines[-1][1]), lines[-1][2] == "found"


def shop_code(shop: Path) -> str:
    """A barcode of the shop (the scan SCANREADY answers), read without changing the file."""
    conn = sqlite3.connect(f"{shop.absolute().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT code FROM barcodes ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    if row is None:
        raise SystemExit(f"{shop} has no barcode to scan")
    return str(row[0])


def first_frame(out: str) -> str:
    """``light`` when the sell screen was built and painted from the first-frame reader (the
    app's ``FIRSTFRAME`` line; ``ui.light_start``), else ``full``."""
    lines = [line.split() for line in out.splitlines() if line.startswith("FIRSTFRAME ")]
    return lines[-1][1] if lines and len(lines[-1]) == 2 else "full"


def parse_ready(out: str) -> tuple[float, float, str]:
    """(process ms, login→sell ms, focus) from the app's ``READY`` line."""
    ready = [line.split() for line in out.splitlines() if line.startswith("READY ")]
    if not ready or len(ready[-1]) != 4:
        raise SystemExit(f"the app never said READY:\n{out[-2000:]}")
    _word, process_ms, login_ms, focus = ready[-1]
    return float(process_ms), float(login_ms), focus


BUNDLE_EXE = ROOT / "dist" / "peken-kasir" / ("peken-kasir.exe" if sys.platform == "win32" else "peken-kasir")


def main() -> int:
    """Run both starts alternately and print the table and the RESULT line."""
    bundle = "--bundle" in sys.argv
    if bundle and not BUNDLE_EXE.is_file():
        raise SystemExit(f"{BUNDLE_EXE} is missing: build it with `make dist` first")
    cached = seeded_shop(option("--products", SHOP_PRODUCTS), rebuild="--rebuild" in sys.argv)
    with tempfile.TemporaryDirectory(prefix="peken-startup-") as folder:
        return _measure(working_copy(cached, Path(folder)), bundle)


def _measure(shop: Path, bundle: bool = False) -> int:
    """The runs on a private copy of the shop (the first start of the day takes its backup)."""
    program = [str(BUNDLE_EXE)] if bundle else [sys.executable, "main.py"]
    app_args = [*program, "--db", str(shop)]
    bare_args = [sys.executable, "-c", BARE_QT]
    code = shop_code(shop)
    _run(app_args, code)  # warm the OS file cache once for both, as a seller's second start would be
    _run(bare_args)
    figures: dict[str, list[float]] = {
        k: [] for k in ("app", "ready", "login", "scan", "settled", "bare")}
    focus = set()
    frames: set[str] = set()
    for _ in range(RUNS):
        run = _run(app_args, code)
        process, login, where = parse_ready(run.out)
        if not parse_scan_ready(run.out)[1]:
            raise SystemExit(f"the scan of {code} was not answered with its product:\n{run.out[-2000:]}")
        parse_settled(run.out)
        figures["scan"].append(run.scan_ms)
        figures["app"].append(run.ready_ms)
        figures["ready"].append(process)
        figures["login"].append(login)
        figures["settled"].append(run.exit_ms)
        focus.add(where)
        frames.add(first_frame(run.out))
        figures["bare"].append(_run(bare_args).ready_ms)
    median = {k: statistics.median(v) for k, v in figures.items()}
    ratio = median["app"] / median["bare"]
    print(f"shop {shop.name}, {RUNS} runs each, focus after start: {', '.join(sorted(focus))}, "
          f"first frame: {', '.join(sorted(frames))}")
    rows = (("app launch → sell usable (login, wiring, grid painted)", "app"),
            ("  same, in-process age", "ready"), ("  login accepted → sell usable", "login"),
            ("app launch → a scan answered (services attached)", "scan"),
            ("  launch → deferred services up (printing, sync, backup)", "settled"),
            ("bare Qt window launch → painted (floor)", "bare"))
    print_table(["what", "median ms", "min ms", "max ms"], [
        [label, f"{median[key]:.0f}", f"{min(figures[key]):.0f}", f"{max(figures[key]):.0f}"]
        for label, key in rows])
    ok = ratio <= 3 and median["login"] <= 300 and focus == {"scan"}
    print(f"ratio {ratio:.2f} (≤ 3), login → sell {median['login']:.0f} ms (≤ 300): "
          f"{'OK' if ok else 'OVER BUDGET'}")
    started = "bundle_startup_ms" if bundle else "startup_ms"
    print_result({started: median["app"], "bare_qt_ms": median["bare"], "ratio": ratio,
                  "ready_ms": median["ready"], "login_to_sell_ms": median["login"],
                  "scan_ready_ms": median["scan"],
                  "settled_ms": median["settled"], "focus_in_scan": focus == {"scan"},
                  "light_start": frames == {"light"}})
    return 0


if __name__ == "__main__":
    sys.exit(main())
