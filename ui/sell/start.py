"""The sell screen's start: its first showing and paint, the warm-up, the kept cart.

:class:`ScreenStart` loads the quick grid on the loop turn after the screen is first shown
(the frame is not held up), and once the grid is painted installs the app-wide scanner
filter and says the screen is usable (``SellScreen.sig_ready``). Then it pays what the first
scan would pay once (:meth:`ScreenStart.warm_up`).

The cart left open last time comes back before any change is kept (a change written first
would overwrite it). After a light start (``ui.light_start``: the screen painted before the
database layer loaded) that, and the warm-up, wait for ``AppSignals.sig_loaded``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from ui.sell.scanner import build_wrappers

if TYPE_CHECKING:
    from ui.sell.screen import SellScreen


class ScreenStart(QObject):
    """The start-up steps of one :class:`SellScreen` (see the module doc)."""

    def __init__(self, screen: SellScreen) -> None:
        super().__init__(screen)
        self.screen = screen
        self.grid_loaded = False
        self.light = screen.ctx.quick is not None  # the database loads after the first frame
        if self.light:
            screen.ctx.signals.sig_loaded.connect(self.on_loaded,
                                                  Qt.ConnectionType.SingleShotConnection)
        else:
            self.keep_from_now()

    def keep_from_now(self) -> None:
        """Bring back the kept cart, then keep every change."""
        screen = self.screen
        screen.restore_cart()
        screen.model.sig_totals_changed.connect(screen.keeper.changed)
        screen.ui.note.textEdited.connect(screen.keeper.changed)

    def on_loaded(self) -> None:
        """A light start's database is loaded: the kept cart comes back before anything else
        uses the shop, then the first scan's one-off work is paid."""
        self.keep_from_now()
        QTimer.singleShot(0, self.warm_up)

    def shown(self) -> None:
        """The screen is shown: the first time, load the grid on the next loop turn."""
        if not self.grid_loaded:
            self.grid_loaded = True
            QTimer.singleShot(0, self.first_load)

    def first_load(self) -> None:
        """Load the quick grid; once it is painted, listen for scanners and say we are ready."""
        grid = self.screen.ui.grid
        grid.sig_painted.connect(self.first_painted, Qt.ConnectionType.SingleShotConnection)
        grid.load_first()

    def first_painted(self) -> None:
        """The grid is on the screen: the scanner filter, ``sig_ready``, then the warm-up."""
        app = QApplication.instance()
        if app is not None:  # an app-wide filter sees every event: not during the first frame
            app.installEventFilter(self.screen.detector)
        self.screen.sig_ready.emit()
        if not self.light:  # a light start warms up once loaded (on_loaded)
            QTimer.singleShot(0, self.warm_up)

    def warm_up(self) -> None:
        """What the first scan would pay once, paid now: PySide's enum types (build_wrappers)
        and the shop's pricing rules (cached per shop file, the till's pricer still checks
        their version at its first reprice)."""
        from app.pricing.store import current_rules  # noqa: PLC0415 (the database layer loads after the first frame (ui.light_start))

        build_wrappers()
        with self.screen.ctx.db.read() as session:
            current_rules(session)
