"""Start the window: QApplication, style sheet, the context, the main window.

Start-up order: the login dialog first; meanwhile a worker thread imports the sell screen's
modules (:data:`PRELOAD_MODULES`, ``ui.preload``: started by ``main.run_window`` as soon as
Qt is loaded, so it also runs while the shop file opens and the PIN is hashed); after the
login the worker is joined, the main window is built and shown on the sell screen, and
everything else — printing, sync, backups (see ``ui.wiring``) and the update check — waits
until that screen is usable.

``PEKEN_EXIT_WHEN_READY=1`` makes the app log in with ``PEKEN_BENCH_PIN``, print ``READY``
once the sell screen's grid is painted and ``SETTLED`` once the deferred services are up,
then exit (see ``ui.startup_probe``; ``bench/startup.py``).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from ui import i18n, startup_probe
from ui.admin.login import login
from ui.context import AppContext, make_context  # in ui.context so ui.first_run can import it
from ui.fonts import load_fonts
from ui.preload import Preload

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.db import Database
    from ui.light_start import LightStart
    from ui.main_window import MainWindow
    from ui.wiring import Services

STYLE = Path(__file__).resolve().parent.parent / "resources" / "style.qss"
READY_ENV = "PEKEN_EXIT_WHEN_READY"
PRELOAD_MODULES = ("ui.main_window", "ui.sell.screen", "ui.wiring")


def load_style(app: QApplication) -> None:
    """Load the shipped fonts, then apply the shop's style sheet (missing file: Qt's default look)."""
    load_fonts(app)
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))


def make_application() -> QApplication:
    """The QApplication (reused when one exists: start-up dialogs made it before the window).

    Fonts and the style sheet are applied once; applying the sheet again re-polishes every
    widget for nothing.
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication) and existing.styleSheet():
        return existing
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("PEKEN Kasir")
    app.setOrganizationName("PEKEN")
    load_style(app)
    return app


def _process_age_ms() -> float:
    """Milliseconds since this process started (Linux /proc; else since import)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return (uptime - start) * 1000.0
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _IMPORTED) * 1000.0


_IMPORTED = time.perf_counter()


def check_updates_later(window: QMainWindow, ctx: AppContext, services: Services) -> None:
    """Ask for the update check once the services are up (``ui.update_notice``).

    Runs after the sell screen is usable (``MainWindow.after_ready``, queued after the
    services' start, whose first step is still to come): its module is not loaded before.
    """
    from ui.update_notice import check_later  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup))

    check_later(window, ctx, services.sig_started)


def freeze_start_up() -> None:
    """Move every object alive now (modules, classes, widgets, the shop's caches: ~115 000 once
    the sell screen is up, nearly all kept for good) to the collector's permanent generation,
    so a full collection during a scan walks only what was made since: 90–170 ms → 1–2 ms on
    the 100 000-product bench shop (bench.scan had one such pause a run: its max)."""
    gc.freeze()


def keep_start_up(window: MainWindow, started: SignalInstance) -> None:
    """Freeze start-up's objects once the sell screen is usable (after the work it deferred is
    queued) and again once the deferred services are up (``started``), what they made too."""
    window.after_ready(freeze_start_up)
    started.connect(freeze_start_up)


def run_app(database: Database, copied_from: Path | None = None,
            preload: Preload | None = None) -> int:
    """Show the main window on the Kasir section and run until it closes.

    ``copied_from``: the shop is a copy of this read-only file (see ``ui.startup_errors``);
    the window title says so. ``preload``: the running import of the sell screen's modules
    (joined before they are used, and before returning).
    """
    app = make_application()
    try:
        return _run(app, database, copied_from, preload)
    finally:
        if preload is not None:
            preload.wait()


def _run(app: QApplication, database: Database, copied_from: Path | None,
         preload: Preload | None) -> int:
    """:func:`run_app`'s body: first run or login, then the window until it closes."""
    from app import settings  # noqa: PLC0415 (the full path only: a light start (ui.light_start) paints before the database layer loads)
    from ui.first_run import run_first_run  # noqa: PLC0415 (as settings)

    with database.read() as session:  # the stored language, before any widget is built
        i18n.install(str(settings.get(session, "ui.language")))
    ctx, shop_name = make_context(database)

    set_up = run_first_run(database)  # a new shop: the set-up wizard first
    if set_up is not None and set_up.closed:
        return 0
    if set_up is not None:  # the wizard left its owner at the till (or a restored shop's login)
        ctx, shop_name = set_up.ctx, set_up.shop_name
    if copied_from is not None:
        shop_name = QCoreApplication.translate("App", "%1 — SALINAN dari %2").replace(
            "%1", shop_name).replace("%2", copied_from.name)

    measuring = startup_probe.measuring()
    if ctx.user_id is not None and set_up is None:
        if measuring:
            startup_probe.type_pin()
        if not login(None, ctx):
            return 0
    logged_in = time.perf_counter()
    if preload is not None:
        preload.wait()
    return open_window(app, ctx, shop_name, logged_in)


def build_window(ctx: AppContext, shop_name: str) -> MainWindow:
    """The main window on the sell screen, at laptop size, not shown yet."""
    from ui.main_window import MainWindow  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): imported while the PIN is typed, PRELOAD_MODULES)

    window = MainWindow(ctx, shop_name)
    window.resize(1366, 768)
    return window


def open_window(app: QApplication, ctx: AppContext, shop_name: str, logged_in: float,
                light: LightStart | None = None, window: MainWindow | None = None) -> int:
    """Show the main window on the sell screen (``window``, or one built now), attach the
    services, run until it closes.

    ``light``: a light start (``ui.light_start``) — the services start once it has loaded the
    database, not as soon as the sell screen is usable.
    """
    from ui import wiring  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup), as ui.main_window)

    if window is None:
        window = build_window(ctx, shop_name)
    services = wiring.attach(window, ctx, start=light is None)
    if light is not None:
        light.attach(window, services)
    window.after_ready(partial(check_updates_later, window, ctx, services))
    keep_start_up(window, services.sig_started)
    if startup_probe.measuring():
        close = lambda: ctx.db.close()  # noqa: E731, PLW0108 (the database a light start loads later)
        startup_probe.watch(window, services, logged_in, _process_age_ms, close)
    window.show()
    code = int(app.exec())
    if light is not None:
        light.close()
    wiring.detach(ctx)
    del services
    return code
