"""What every screen needs: the open shop database and who is working the till.

Screens receive one :class:`AppContext`; they call ``app/`` services through
``ctx.db.unit_of_work()`` (one user action = one transaction) and show
:class:`app.errors.UserError` messages with :func:`ui.messages.show_error`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.db import Database

if TYPE_CHECKING:
    from ui.printing.printer import PrintController


class AppSignals(QObject):
    """Application-wide signals, so screens stay decoupled.

    sig_catalog_changed: products, prices or stock changed (tables and grids refresh).
    sig_order_saved(int): an order was saved (order id) — reports, orders list refresh.
    sig_user_changed: another user logged in or the screen was locked/unlocked.
    sig_status(str): a short message for the status bar.
    """

    sig_catalog_changed = Signal()
    sig_order_saved = Signal(int)
    sig_user_changed = Signal()
    sig_status = Signal(str)


@dataclass
class AppContext:
    """The open shop, the current user, the app-wide signals and the printer (once wired)."""

    db: Database
    user_id: int | None = None
    user_name: str = ""
    user_role: str = "owner"
    signals: AppSignals = field(default_factory=AppSignals)
    printer: PrintController | None = None
