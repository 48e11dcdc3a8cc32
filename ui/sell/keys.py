"""The sell screen's keys: each F-key, Esc and Del and what it does.

One registry (:func:`key_actions`) for the screen's ``keyPressEvent``; the help overlay
(``ui.sell.help``) lists the same keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from ui.sell.screen import SellScreen


def key_actions(screen: SellScreen) -> dict[Qt.Key, Callable[[], None]]:
    """Each F-key, Esc and Del and what it does on ``screen``."""
    dialogs = screen.dialogs
    return {
        Qt.Key.Key_F1: screen.toggle_help, Qt.Key.Key_F2: screen.focus_search,
        Qt.Key.Key_F3: screen.ui.channel.cycle, Qt.Key.Key_F4: dialogs.edit_qty,
        Qt.Key.Key_F5: dialogs.line_discount, Qt.Key.Key_F6: dialogs.order_discount,
        Qt.Key.Key_F7: screen.ui.note.setFocus, Qt.Key.Key_F8: dialogs.hold,
        Qt.Key.Key_F9: dialogs.show_held, Qt.Key.Key_F10: lambda: cash_out(screen),
        Qt.Key.Key_F11: dialogs.pick_customer,
        Qt.Key.Key_F12: dialogs.pay,
        Qt.Key.Key_Escape: lambda: escape(screen), Qt.Key.Key_Delete: screen.remove_current,
    }


def escape(screen: SellScreen) -> None:
    """Esc: close the results, leave the note, or clear the cart after asking."""
    scan = screen.ui.scan
    if screen.ui.results.isVisible() or scan.text():
        screen.reset_scan_field()
    elif scan.window().focusWidget() is not scan:
        screen.focus_search()
    else:
        screen.dialogs.clear()


def cash_out(screen: SellScreen) -> None:
    """F10: kas keluar, money taken out of the drawer in the open shift (Buku Kas)."""
    from contract.enums import CashDirection  # noqa: PLC0415 (as CashDialog)
    from ui.books.cash_dialog import CashDialog  # noqa: PLC0415 (F10 only: its money book, shifts and reports cost ~4% of the start's CPU (bench.startup))

    dialog = CashDialog(screen.ctx, CashDirection.OUT, screen)
    dialog.exec()
    dialog.deleteLater()
    screen.focus_search()
