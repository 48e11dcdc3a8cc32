"""The light start: login and the sell screen's first frame before the database layer loads.

For a shop file already at the schema head with nothing to set up (:func:`app.quickstart.open_quick`),
``main.run_window`` takes this path: the login dialog and the sell screen are built from
:class:`app.quickstart.QuickShop` (stdlib ``sqlite3``: users, PIN check, channels, quick
grid), and SQLAlchemy, the models and the services load on a worker thread
(:class:`app.loader.DatabaseLoader`) once the sell screen is painted. Until then the context's
database is an :class:`app.loader.PendingDatabase`: a scan, a tile click or a key that needs the
shop waits for the load and is answered then — never lost, never answered from half-loaded
data.

:meth:`LightStart.finish` runs once on the GUI thread, when the worker is done or at the
first use of the database, whichever comes first: the context gets the real database, the
login is written to the audit log, the sell screen restores its kept cart and warms up
(``AppSignals.sig_loaded``), and printing, sync and backups start (``ui.wiring``).

Anything unusual takes the full path instead (``ui.app.run_app``): a wrong PIN (so it is
logged and counted), a PIN lockout that may be running, a shop-file problem (its dialog).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app import clock, shopfile
from app.errors import UserError
from app.loader import DatabaseLoader, PendingDatabase
from app.pins import verify_pin
from app.quickstart import QuickShop
from app.shopfile import ShopFileProblem, ShopLock
from ui import i18n, startup_probe
from ui.admin.login import ShopDirectory, login
from ui.context import AppContext

if TYPE_CHECKING:
    from app.db import Database
    from ui.main_window import MainWindow
    from ui.preload import Preload
    from ui.wiring import Services

log = logging.getLogger(__name__)

# A seller who has not logged in this long after the dialog came up is typing the PIN (a
# person takes seconds): the database starts loading then, so it is ready with the sell screen.
# A login sooner than that (a PIN typed at once) leaves the first frame alone and the load
# starts once the sell screen is painted.
LOAD_WHILE_TYPING_MS = 400


class QuickDirectory:
    """The login picker's users and PIN check from the first-frame reader.

    A correct PIN is accepted here and written to the audit log once the database is loaded
    (:attr:`logins`); a wrong one — or any PIN while the last PIN check on record was a wrong
    one (a lockout may be running) — goes through ``app.permissions.login`` on the loaded
    database, which logs it, counts it and refuses during a lockout.
    """

    def __init__(self, ctx: AppContext, meanwhile: Callable[[], None] | None = None) -> None:
        self.ctx = ctx
        self.logins: list[tuple[int, datetime]] = []  # accepted here: (user, when), logged later
        self.meanwhile = meanwhile  # GUI work done while a PIN is hashed on a thread

    def users(self) -> list[tuple[int, str, str]]:
        """Active users for the picker: owners first, then by name."""
        quick = self.ctx.quick
        if quick is None:  # loaded already (a wrong PIN loads it)
            return ShopDirectory(self.ctx).users()
        return [(u.id, u.name, u.role) for u in quick.active_users()]

    def login(self, user_id: int, pin: str) -> tuple[str, str]:
        """(name, role) when ``pin`` is the user's; raises ``UserError`` otherwise."""
        quick = self.ctx.quick
        found = None
        if quick is not None and not quick.last_pin_refused():
            found = quick.user_and_hash(user_id)
        if found is None or not self._verify(pin, found[1]):  # the full check: logged, counted
            return ShopDirectory(self.ctx).login(user_id, pin)
        user = found[0]
        self.logins.append((user.id, clock.now_utc()))
        return user.name, user.role

    def _verify(self, pin: str, stored: str) -> bool:
        """:func:`app.pins.verify_pin` on a thread while :attr:`meanwhile` runs here."""
        result: list[bool] = []
        worker = threading.Thread(target=lambda: result.append(verify_pin(pin, stored)),
                                  name="peken-pin", daemon=True)
        worker.start()
        try:
            if self.meanwhile is not None:
                self.meanwhile()
        finally:
            worker.join()
        return bool(result and result[0])


def lock_quietly(path: Path) -> ShopLock | None:
    """The shop's lock when the file has no problem and nobody else has it; None otherwise
    (the full path then shows the problem's dialog)."""
    if shopfile.check(path) is not None:
        return None
    locked = shopfile.acquire_lock(path)
    return None if isinstance(locked, ShopFileProblem) else locked


class LightStart(QObject):
    """The database loading behind the first frame, and the steps that follow it.

    sig_loaded: the worker finished (emitted on the worker thread, received on the GUI one).
    """

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, directory: QuickDirectory,
                 opener: Callable[[], Database], on_failure: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.directory = directory
        self.on_failure = on_failure
        self.loader = DatabaseLoader(opener)
        self.loader.on_done.append(self.sig_loaded.emit)
        self.sig_loaded.connect(self.finish)
        self.finished = False
        self.services: Services | None = None
        ctx.db = cast("Database", PendingDatabase(self.loader, on_main=self.finish))

    def attach(self, window: MainWindow, services: Services) -> None:
        """Load once the sell screen is usable; start ``services`` once loaded."""
        self.services = services
        if self.finished:
            window.after_ready(services.start)
        else:
            window.after_ready(self.load)

    def load(self) -> None:
        """Start loading the database layer on the worker thread."""
        self.loader.start()

    def close(self) -> None:
        """The window closed: finish loading (closing needs the database) without starting
        the services."""
        self.services = None
        self.finish()

    def finish(self) -> None:
        """The loaded database takes over (once; see the module doc)."""
        if self.finished:
            return
        self.finished = True
        try:
            database = self.loader.wait()
        except Exception as exc:  # the shop could not be opened after all: say so, then quit
            self.on_failure(exc)
            return
        gc.enable()  # off since the process started (main.run_window) and while loading
        self.ctx.db = database
        quick, self.ctx.quick = self.ctx.quick, None
        if quick is not None:
            quick.close()
        self._log_logins(database)
        self.ctx.signals.sig_loaded.emit()
        if self.services is not None:
            self.services.start()

    def _log_logins(self, database: Database) -> None:
        """The audit entries of the logins accepted before the database was loaded, at the
        moment each was accepted."""
        from app import audit, pins  # noqa: PLC0415 (loaded by now: this module stays light for the first frame)

        logins, self.directory.logins = self.directory.logins, []
        with database.unit_of_work() as session:
            for user_id, when in logins:
                audit.record(session, pins.LOGIN, user_id, None).at = when


def use_zone(name: str | None) -> None:
    """The shop clock on the shop's stored zone (WIB when unset or unknown), as
    ``app.db.use_shop_zone`` sets it when the database opens."""
    try:
        clock.set_shop_zone(name or clock.DEFAULT_ZONE)
    except UserError:
        clock.reset_shop_zone()


def quick_context(quick: QuickShop) -> AppContext:
    """A context with the shop's owner preselected (as ``ui.context.make_context``), whose
    database is set by :class:`LightStart`."""
    ctx = AppContext(db=cast("Database", None), quick=quick)
    people = quick.active_users()
    if people:
        first = next((p for p in people if p.role == "owner"), people[0])
        ctx.user_id, ctx.user_name, ctx.user_role = first.id, first.name, first.role
    return ctx


def run_light(app: QApplication, quick: QuickShop, opener: Callable[[], Database],
              on_failure: Callable[[BaseException], None], preload: Preload | None = None) -> int:
    """Log in and run the window from ``quick``; the database loads behind the first frame.

    ``preload``: the running import of the window's modules (``ui.preload``: they load while
    the login dialog is painted and the PIN hashed), joined before the window is built.
    """
    from ui.app import build_window, open_window  # noqa: PLC0415 (ui.app imports this module's types only)

    i18n.install(quick.language())
    use_zone(quick.timezone())
    ctx = quick_context(quick)
    shop_name = quick.shop_name()
    built: list[MainWindow] = []

    def build() -> None:
        """The window, hidden, built while the PIN is hashed (once; shown only after a login)."""
        if built:
            return
        if preload is not None:
            preload.wait()
        try:
            built.append(build_window(ctx, shop_name))
        except Exception:  # built again after the login, where its error is shown as always
            log.exception("building the window during the login failed")

    directory = QuickDirectory(ctx, meanwhile=build)
    light = LightStart(ctx, directory, opener, on_failure)
    if startup_probe.measuring():
        startup_probe.type_pin()
    logged_in = load_while_typing(light)
    accepted = login(None, ctx, directory)
    logged_in()
    if preload is not None:
        preload.wait()
    if not accepted:
        quick.close()
        return 0
    return open_window(app, ctx, shop_name, time.perf_counter(), light,
                       built[0] if built else None)


def load_while_typing(light: LightStart, after_ms: int = LOAD_WHILE_TYPING_MS) -> Callable[[], None]:
    """Start ``light``'s load when the login is still open after ``after_ms`` (a seller typing
    the PIN); returns the call that says the login is over (no load started for it then)."""
    typing = [True]

    def armed() -> None:  # counted from the login's event loop, not from building the dialog
        QTimer.singleShot(after_ms, lambda: light.load() if typing[0] else None)

    QTimer.singleShot(0, armed)

    def over() -> None:
        typing[0] = False

    return over


def failed_to_open(log_file: Path, path: Path) -> Callable[[BaseException], None]:
    """What a light start does when the database cannot be opened after the first frame:
    the shop-file dialog (as the full path shows it), then the app quits."""

    def fail(exc: BaseException) -> None:
        from ui.startup_errors import ask  # noqa: PLC0415 (only when opening failed)

        log.error("opening %s after the first frame failed: %s", path, exc)
        ask(shopfile.classify_error(path, exc), log_file)
        QCoreApplication.exit(2)

    return fail
