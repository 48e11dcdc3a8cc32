"""Import the sell screen's modules on a worker thread while the GUI thread starts up.

The GUI thread spends part of the start outside Python — Qt building and painting the login
dialog, SQLite reads, the PIN's scrypt hash (``hashlib`` releases the interpreter lock) —
and the sell screen's modules (``ui.main_window``, ``ui.sell.screen`` with the catalog and
cart code, ``ui.wiring``) can be imported in those gaps instead of after the PIN is accepted.
Importing only defines classes: no Qt object is made on the worker thread.

:meth:`Preload.wait` joins the worker before the GUI thread uses those modules, so the two
threads never import the same module at once. A module that fails on the worker is imported
again by the GUI thread, which raises (and handles) the error where it always did.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Iterable

log = logging.getLogger(__name__)

# A shorter switch interval while the worker runs: the GUI thread gets the interpreter lock
# back within 1 ms after each SQLite or Qt call that released it (5 ms by default).
SWITCH_INTERVAL_S = 0.001


class Preload:
    """Import ``modules`` (in order) on a worker thread; :meth:`wait` before using them."""

    def __init__(self, modules: Iterable[str]) -> None:
        self.modules = tuple(modules)
        self.failed: list[str] = []
        self._thread = threading.Thread(target=self._run, name="peken-preload", daemon=True)
        self._interval = sys.getswitchinterval()
        self._started = False

    def start(self) -> Preload:
        """Start importing (returns self)."""
        sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL_S))
        self._started = True
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            for name in self.modules:
                try:
                    importlib.import_module(name)
                except Exception:  # the GUI thread imports it again and handles the error there
                    log.debug("preloading %s failed", name, exc_info=True)
                    self.failed.append(name)
        finally:  # the login may wait long for its PIN: the default switching from here on
            sys.setswitchinterval(self._interval)

    def wait(self) -> None:
        """Block until every module was imported (or failed); idempotent."""
        if self._started:
            self._thread.join()
