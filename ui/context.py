"""What every screen needs: the open shop database and who is working the till.

Screens receive one :class:`AppContext`; they call ``app/`` services through
``ctx.db.unit_of_work()`` (one user action = one transaction) and show
:class:`app.errors.UserError` messages with :func:`ui.messages.show_error`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from app.clock import now_utc

if TYPE_CHECKING:  # the login dialog imports this module before the database layer is loaded
    from app.db import Database
    from app.quickstart import QuickShop
    from ui.printing.printer import PrintController


class AppSignals(QObject):
    """Application-wide signals, so screens stay decoupled.

    sig_catalog_changed: products, prices or stock changed (tables and grids refresh).
    sig_order_saved(int): an order was saved (order id) — reports, orders list refresh.
    sig_user_changed: another user logged in or the screen was locked/unlocked.
    sig_status(str): a short message for the status bar.
    sig_loaded: the shop's database layer finished loading after a light start
        (``ui.light_start``): screens built from the first frame's reads finish setting up.
    """

    sig_catalog_changed = Signal()
    sig_order_saved = Signal(int)
    sig_user_changed = Signal()
    sig_status = Signal(str)
    sig_loaded = Signal()


# What counts as the person at the till doing something (resets the idle time).
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})
DEFAULT_IDLE_SECONDS = 120
POLL_MS = 1000


class Elevation(QObject):
    """An owner's PIN given for one visit to a screen (``scope``, e.g. ``"settings"``).

    Nothing is elevated until :meth:`begin`. The elevation ends — :meth:`end`, then
    ``sig_ended`` — when the user leaves that screen, locks the till (Ctrl+L), another
    user logs in, or nobody touched keyboard or mouse for ``idle_seconds`` (read through
    the shop clock, so a sleeping PC or a frozen test clock counts too). A one-off
    protected action never uses this: it asks its own PIN.
    """

    sig_ended = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.scope: str | None = None
        self.owner_id: int | None = None
        self.started: datetime | None = None
        self.last_input: datetime | None = None
        self.idle = timedelta(seconds=DEFAULT_IDLE_SECONDS)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.on_poll)

    @property
    def active(self) -> bool:
        """Whether an owner's approval is running (and not idle too long)."""
        return self.scope is not None and not self._idle_over()

    def covers(self, scope: str) -> bool:
        """Whether the running elevation is for ``scope`` (and still fresh)."""
        if self.scope is not None and self._idle_over():
            self.end()
        return self.scope == scope

    def begin(self, scope: str, owner_id: int, idle_seconds: int = DEFAULT_IDLE_SECONDS) -> None:
        """Start an elevation for ``scope`` approved by ``owner_id`` (ends any other first)."""
        self.end()
        self.scope, self.owner_id = scope, owner_id
        self.started = self.last_input = now_utc()
        self.idle = timedelta(seconds=max(1, idle_seconds))
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._poll.start()

    def end(self) -> None:
        """Stop the elevation (nothing happens when none runs); emits ``sig_ended``."""
        if self.scope is None:
            return
        self.scope = self.owner_id = self.started = self.last_input = None
        self._poll.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.sig_ended.emit()

    def _idle_over(self) -> bool:
        return self.last_input is not None and now_utc() - self.last_input >= self.idle

    def on_poll(self) -> None:
        """End the elevation once the idle time has passed without input."""
        if self._idle_over():
            self.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any key, click or mouse move restarts the idle time (events pass on unchanged)."""
        if event.type() in INPUT_EVENTS and self.scope is not None:
            self.last_input = now_utc()
        return False


@dataclass
class AppContext:
    """The open shop, the current user, the app-wide signals, the printer (once wired) and
    the owner's running approval for a screen visit (:class:`Elevation`; it ends when the
    user changes or the screen is locked).

    ``quick``: during a light start (``ui.light_start``), the read-only first-frame reader
    the sell screen paints from while ``db`` (an ``app.loader.PendingDatabase`` until then)
    loads; None once the database is loaded, and always on the full start path.
    """

    db: Database
    user_id: int | None = None
    user_name: str = ""
    user_role: str = "owner"
    signals: AppSignals = field(default_factory=AppSignals)
    printer: PrintController | None = None
    elevation: Elevation = field(default_factory=Elevation)
    quick: QuickShop | None = None

    def __post_init__(self) -> None:
        self.signals.sig_user_changed.connect(self.elevation.end)


def make_context(database: Database) -> tuple[AppContext, str]:
    """The context with the shop's owner preselected (the login dialog confirms who it is)."""
    from app import shop, users  # noqa: PLC0415 (the database layer: this module stays light for the login dialog)

    with database.read() as session:
        shop_name = shop.profile(session).name
        people = [(u.id, u.name, u.role) for u in users.list_users(session) if u.active]
    ctx = AppContext(db=database)
    if people:
        ctx.user_id, ctx.user_name, ctx.user_role = next(
            (p for p in people if p[2] == "owner"), people[0])
    return ctx, shop_name
