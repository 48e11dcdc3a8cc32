"""Load the shop's database layer on a worker thread while the first frame is on screen.

The light start (``ui.light_start``) shows the login and the sell screen from
:mod:`app.quickstart` (stdlib ``sqlite3``), and only then loads SQLAlchemy, the models and the
services the till uses (``import sqlalchemy.orm`` alone is ~0.4 s of a cold start, mapper
configuration ~0.2 s more). :class:`DatabaseLoader` does that on a thread: it imports the
modules, configures the mappers and opens the shop (``opener``), while the GUI thread stays
in its event loop and keeps answering the keyboard.

:class:`PendingDatabase` stands in for the :class:`app.db.Database` until then: any use of it
waits for the load, so nothing typed early is lost or answered from half-loaded data — a scan
in the first second is answered once the shop is open. On the GUI thread the first use also
runs ``on_main`` (the light start's finishing steps: the kept cart, the login's audit entry)
before it returns, so that code runs before anything that used the database.
"""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

# What the loader imports, in order, before it opens the shop: the database layer and the
# services the sell screen calls on its first scan, search, tile click or sale.
MODULES = (
    "sqlalchemy.orm", "models", "app.db", "app.settings", "app.shop", "app.users",
    "app.permissions", "app.audit", "app.catalog", "app.search", "app.cart_store", "app.held",
    "app.tiles", "app.variants", "app.pricing", "app.pricing.store", "app.customers",
    "app.kasbon", "app.labels_i18n",
)
# The worker gives the GUI thread the interpreter back within 1 ms after each call that
# released it (5 ms by default), so typing stays smooth while the modules load.
SWITCH_INTERVAL_S = 0.001


def configure_mappers() -> None:
    """SQLAlchemy's one-off mapper configuration (otherwise paid by the first query)."""
    from sqlalchemy.orm import configure_mappers as configure  # noqa: PLC0415 (loaded on the worker thread: this module stays light)

    configure()


class DatabaseLoader:
    """Import :data:`MODULES` (or ``modules``), configure the mappers and run ``opener`` on a
    worker thread; :meth:`wait` returns its :class:`Database` (or raises its error).

    The garbage collector is off while the worker runs; the first :meth:`wait` on the main
    thread turns it back on when it was on before (``ui.light_start`` turns it on itself).

    ``on_done`` callbacks run on the worker thread once it finished, either way (the UI hands
    them to its own thread).
    """

    def __init__(self, opener: Callable[[], Database], modules: Iterable[str] = MODULES) -> None:
        self.opener = opener
        self.modules = tuple(modules)
        self.on_done: list[Callable[[], None]] = []
        self._database: Database | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._collector_was_on = False

    @property
    def started(self) -> bool:
        """Whether the worker was started."""
        return self._thread is not None

    @property
    def done(self) -> bool:
        """Whether the load finished (opened or failed)."""
        return self._done.is_set()

    def start(self) -> DatabaseLoader:
        """Start the worker (once; later calls do nothing). Returns self."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="peken-db-loader",
                                                daemon=True)
                self._thread.start()
        return self

    def _run(self) -> None:
        # No collection may run on this thread: its imports allocate fast enough to trigger
        # several, and a collection here would destroy cyclic garbage holding Qt objects off
        # the GUI thread (a crash). The waiter on the main thread turns the collector back on.
        self._collector_was_on = gc.isenabled()
        gc.disable()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
        try:
            self._load()
        finally:
            sys.setswitchinterval(interval)
            self._done.set()
            for callback in list(self.on_done):
                callback()

    def _load(self) -> None:
        try:
            for name in self.modules:
                importlib.import_module(name)
            configure_mappers()
            self._database = self.opener()
        except BaseException as exc:  # handed to wait(), which raises it where it is used
            log.exception("loading the shop's database layer failed")
            self._error = exc

    def wait(self) -> Database:
        """The opened database, starting the worker first when nobody did; raises its error."""
        self.start()
        self._done.wait()
        if self._collector_was_on and threading.current_thread() is threading.main_thread():
            gc.enable()
        if self._error is not None:
            raise self._error
        assert self._database is not None
        return self._database


class PendingDatabase:
    """Stands in for the shop's database while :class:`DatabaseLoader` loads it.

    Every attribute is the loaded database's (``read``, ``unit_of_work``, ``path``, …): using
    one waits for the load. The first use on the main thread also runs ``on_main`` once,
    before it returns.
    """

    def __init__(self, loader: DatabaseLoader, on_main: Callable[[], None] | None = None) -> None:
        self._loader = loader
        self._on_main = on_main

    def resolve(self) -> Database:
        """The loaded database (waits for it; on the main thread runs ``on_main`` once)."""
        database = self._loader.wait()
        finish, self._on_main = self._on_main, None
        if finish is not None and threading.current_thread() is threading.main_thread():
            finish()
        elif finish is not None:  # another thread: the main thread finishes on its own use
            self._on_main = finish
        return database

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.resolve(), name)
