"""The sell screen (Kasir): scan or search, the cart, totals, quick grid, keys.

Keys are handled here (F-keys, Esc, Del, Ctrl+Z bubble up from any child) and in
the scan field (Enter, arrows, +/−); the help overlay lists them from one registry.
A scanner burst is caught app-wide by :class:`ScanDetector`, whatever has focus.
The cart is kept in the shop file after every change (:mod:`app.cart_store`) and
restored when the screen is built again, after a close or a crash.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QWidget

from app import cart_store, catalog, search
from app.cart import Cart, split_qty_prefix
from app.catalog import ProductHit
from app.errors import UserError
from app.money import check_qty_limit, format_qty, format_rupiah
from ui.context import AppContext
from ui.messages import error_text
from ui.sell.actions import SellActions
from ui.sell.layout import build_layout
from ui.sell.scanner import ScanDetector, looks_like_code
from ui.sell.search import split_quantity

if TYPE_CHECKING:
    from app.sales import CheckoutResult

SEARCH_LIMIT = 30
KEEP_DELAY_MS = 40  # the cart is written just after the new row is painted (scan budget 16 ms)
log = logging.getLogger(__name__)


def set_state(widget: QWidget, name: str, value: bool) -> None:
    """Set a style property; re-polish only when it changed (polishing is slow)."""
    if bool(widget.property(name)) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class SellScreen(SellActions, QWidget):
    """The counter screen. ``on_receipt(order_id)`` is the hook printing replaces."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        QWidget.__init__(self, parent)
        self.ctx = ctx
        self.setObjectName("sellScreen")
        self.show_receipt_preview = True
        self.last_result: CheckoutResult | None = None
        build_layout(self)
        self._wire()
        self.detector = ScanDetector(self._scanner_active, lambda obj: obj is self.scan, )
        self.detector.setParent(self)
        self.detector.sig_scanned.connect(self.handle_code)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.detector)
        self.refresh_totals()
        self._grid_loaded = False
        self._keep_failed = False
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(KEEP_DELAY_MS)
        self._keep_timer.timeout.connect(self.keep_cart)
        self.restore_cart()
        self.model.sig_totals_changed.connect(self._cart_changed)
        self.note.textEdited.connect(self._cart_changed)

    def _wire(self) -> None:
        self.scan.sig_submit.connect(self.submit)
        self.scan.sig_search.connect(self.live_search)
        self.scan.sig_arrow.connect(self._arrow)
        self.scan.sig_step.connect(self.step_current)
        self.scan.sig_delete.connect(self.remove_current)
        self.scan.sig_undo.connect(self.undo_last)
        self.results.sig_chosen.connect(self._chosen)
        self.model.sig_totals_changed.connect(self.refresh_totals)
        self.grid.sig_product.connect(lambda hit: self.add_product(self.lookup(hit.sku) or hit, None))
        self.note.textEdited.connect(self.model.set_note)
        self.channel.sig_changed.connect(lambda _id: self.refresh_totals())
        self.pay_button.clicked.connect(self.pay)
        self.hold_button.clicked.connect(self.hold)
        self.held_button.clicked.connect(self.show_held)

    def _scanner_active(self) -> bool:
        return (self.isVisible() and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None and not self.help.isVisible())

    # ----- scanning and searching -----------------------------------------------------------

    def submit(self, text: str) -> None:
        """Enter in the scan field: a code, the chosen result, or a search.

        A ``3*`` prefix is checked at once: ``0*``, ``1e9*`` or more than the shop's
        largest quantity is refused here, before any product is added.
        """
        qty, query = self._typed_qty(text)
        if not query:
            return
        hit = self.lookup(query) or self.results.current_hit()
        if hit is None and query.isdigit() and looks_like_code(query):
            self.unknown_code(query, qty)
            return
        if hit is None:
            with self.ctx.db.read() as session:
                hits = search.search_products(session, query, limit=SEARCH_LIMIT)
            if len(hits) != 1:
                self._show_results(hits, query)
                return
            hit = hits[0]
        self.add_product(hit, qty)

    def handle_code(self, code: str) -> None:
        """A scanner burst caught outside the scan field: the code only, never a search."""
        hit = self.lookup(code)
        if hit is None:
            self.unknown_code(code, None)
        else:
            self.add_product(hit, None)

    def lookup(self, code: str) -> ProductHit | None:
        """Exact barcode/SKU lookup (indexed, local only)."""
        with self.ctx.db.read() as session:
            return catalog.find_by_code(session, code)

    def live_search(self, text: str) -> None:
        """Results as the seller types (after a short pause)."""
        _qty, query = split_quantity(text)
        if len(query) < 2:
            self.results.hide()
            return
        with self.ctx.db.read() as session:
            hits = search.search_products(session, query, limit=SEARCH_LIMIT)
        self._show_results(hits, query)

    def _show_results(self, hits: list[ProductHit], query: str) -> None:
        if not hits:
            self.say(self.tr("Tidak ada produk yang cocok dengan '{query}'.").format(query=query))
        self.place_results()
        self.results.show_hits(hits)

    def _chosen(self, hit: ProductHit) -> None:
        qty, query = self._typed_qty(self.scan.text())
        if query is not None:
            self.add_product(hit, qty)

    def _typed_qty(self, text: str) -> tuple[Decimal | None, str | None]:
        """The ``3*`` prefix and the rest; (None, None) after saying why a prefix is refused."""
        try:
            qty, query = split_qty_prefix(text)
            if qty is not None:
                check_qty_limit(qty, self.rules().max_qty)
        except UserError as exc:
            self.results.hide()
            self.say(error_text(exc), error=True)
            self.focus_search()
            return None, None
        return qty, query

    def _arrow(self, step: int) -> None:
        if self.results.isVisible():
            self.results.move(step)
            return
        rows = self.model.rowCount()
        if rows:
            row = max(0, min(rows - 1, self.current_row() + step))
            self.table.selectRow(row)

    # ----- the cart ---------------------------------------------------------------------------

    def add_product(self, hit: ProductHit, qty: Decimal | None) -> None:
        """Add a product; a weighed one without a typed quantity asks for its weight."""
        self.reset_scan_field()
        if hit.archived:
            self.say(self.tr("'{name}' sudah diarsipkan dan tidak dijual.").format(name=hit.name),
                     error=True)
            return
        if hit.sold_by_weight and qty is None:
            self.ask_weight(hit)
            return
        try:
            stock = self.admit_add(hit, qty or Decimal(1))
            row = self.model.add_hit(hit, qty or Decimal(1))
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        line = self.model.cart.lines[row]
        added = f"+ {line.name}  {format_qty(line.qty)} {line.unit}"
        if stock is None:
            self.say(added)
        else:
            self.say(f"{added}  ·  {self.stock_text(stock, line.name)}", error=True)

    def reset_scan_field(self) -> None:
        """Empty the scan field and hide the results."""
        self.scan.cancel_search()
        self.scan.clear()
        self.results.hide()

    def current_row(self) -> int:
        """The selected cart row, or the last one."""
        row = self.table.currentIndex().row()
        rows = self.model.rowCount()
        return row if 0 <= row < rows else rows - 1

    def step_current(self, step: int) -> None:
        """+/−: change the selected line's quantity by one."""
        row = self.current_row()
        if row < 0:
            return
        line = self.model.cart.lines[row]
        try:
            stock = None
            if step > 0:
                stock = self.admit_change(line, line.qty + self.model.step_of(line) * step)
            self.model.step_qty(row, step)
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        if stock is not None:
            self.say(self.stock_text(stock, line.name), error=True)
        self._select_near(row)

    def remove_current(self) -> None:
        """Del: remove the selected line."""
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            self._select_near(row)

    def undo_last(self) -> None:
        """Ctrl+Z: take back the last add."""
        if not self.model.undo_last():
            self.say(self.tr("Tidak ada yang bisa dibatalkan."))
        self._select_near(self.model.rowCount() - 1)

    def _select_near(self, row: int) -> None:
        rows = self.model.rowCount()
        if rows:
            self.table.selectRow(max(0, min(row, rows - 1)))

    def refresh_totals(self) -> None:
        """Big total, subtotal, discount and item count."""
        cart = self.model.cart
        self.total_value.setText(format_rupiah(cart.total))
        self.subtotal_value.setText(format_rupiah(cart.subtotal))
        self.discount_value.setText(f"-{format_rupiah(cart.discount_amount)}"
                                    if cart.discount_amount else "–")
        self.items_value.setText(self.tr("{count} baris").format(count=len(cart.lines)))
        self.channel_banner.setText(self.tr("Saluran: {name}").format(name=self.channel.current_name))
        set_state(self.channel_banner, "event", self.channel.combo.currentData() != self._counter_id())

    def _counter_id(self) -> int:
        return int(self.channel.combo.itemData(0))

    def say(self, text: str, error: bool = False) -> None:
        """A short line under the scan field (no dialog: the queue keeps moving)."""
        self.notice.setText(text)
        set_state(self.notice, "error", error)
        if error:
            QApplication.beep()

    def replace_cart(self, cart: Cart) -> None:
        """Show another cart (resumed or new) and its note."""
        self.model.replace_cart(cart)
        self.note.setText(cart.note)
        self._select_near(self.model.rowCount() - 1)

    # ----- the cart kept in the shop file ---------------------------------------------------

    def restore_cart(self) -> None:
        """Bring back the cart left open by a close, crash or power cut."""
        try:
            with self.ctx.db.read() as session:
                cart = cart_store.load(session)
        except Exception:  # an unreadable kept cart must not keep the till from starting
            log.exception("kept cart could not be read")
            return
        if cart is None:
            return
        self.replace_cart(cart)
        self.say(self.tr("Keranjang terakhir dipulihkan: {count} baris, {amount}.")
                 .format(count=len(cart.lines), amount=format_rupiah(cart.total)))
        self.ctx.signals.sig_status.emit(self.tr("Keranjang terakhir dipulihkan"))

    def _cart_changed(self) -> None:
        if not self._keep_timer.isActive():
            self._keep_timer.start()

    def keep_cart(self) -> bool:
        """Write the cart to the shop file now; False (and a notice) when that failed."""
        self._keep_timer.stop()
        try:
            with self.ctx.db.unit_of_work() as session:
                cart_store.save(session, self.model.cart, user_id=self.ctx.user_id)
        except Exception:  # the till keeps selling; the cart is still on the screen
            if not self._keep_failed:  # said (and logged) once until a write works again
                log.exception("open cart not kept")
                self.say(self.tr("Keranjang belum tersimpan di berkas toko; selesaikan atau tahan "
                                 "(F8) sebelum menutup."), error=True)
            self._keep_failed = True
            return False
        self._keep_failed = False
        return True

    def has_open_cart(self) -> bool:
        """Whether lines are being rung up (closing the window asks about them)."""
        return bool(self.model.cart.lines)

    # ----- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F-keys, Esc, Del and Ctrl+Z from anywhere on the screen."""
        if self.help.isVisible():
            self.help.close_overlay()
            return
        actions = {
            Qt.Key.Key_F1: self.toggle_help, Qt.Key.Key_F2: self.focus_search,
            Qt.Key.Key_F3: self.channel.cycle, Qt.Key.Key_F4: self.edit_qty,
            Qt.Key.Key_F5: self.line_discount, Qt.Key.Key_F6: self.order_discount,
            Qt.Key.Key_F7: self.focus_note, Qt.Key.Key_F8: self.hold,
            Qt.Key.Key_F9: self.show_held, Qt.Key.Key_F12: self.pay,
            Qt.Key.Key_Escape: self.escape, Qt.Key.Key_Delete: self.remove_current,
        }
        action = actions.get(Qt.Key(event.key()))
        if action is not None:
            action()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last()
        else:
            super().keyPressEvent(event)

    def focus_search(self) -> None:
        """F2: back to the scan field, text selected."""
        self.scan.setFocus()
        self.scan.selectAll()

    def focus_note(self) -> None:
        """F7: type the order note."""
        self.note.setFocus()

    def toggle_help(self) -> None:
        """F1: show or hide the list of keys."""
        if self.help.isVisible():
            self.help.close_overlay()
        else:
            self.help.open()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the screen puts the cursor in the scan field."""
        super().showEvent(event)
        self.entry_rules = None  # back from Pengaturan: the limits may have changed
        self.scan.setFocus()
        if not self._grid_loaded:  # tiles after the first paint: the scan field is usable first
            self._grid_loaded = True
            QTimer.singleShot(30, self.grid.reload)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the results list under the scan field."""
        super().resizeEvent(event)
        self.place_results()

    def place_results(self) -> None:
        """Put the results list right under the scan field, as wide as it."""
        top_left = self.scan.mapTo(self, self.scan.rect().bottomLeft())
        height = min(360, max(120, self.height() - top_left.y() - 40))
        self.results.setGeometry(top_left.x(), top_left.y() + 2, self.scan.width(), height)

    def after_sale(self, result: CheckoutResult) -> None:
        """A saved order: clear the cart, show the change, hand over the receipt."""
        self.last_result = result
        self.replace_cart(Cart())
        saved = self.tr("Tersimpan {number}").format(number=result.number)
        parts = [saved, format_rupiah(result.total)]
        if result.change:
            parts.append(self.tr("Kembalian {amount}").format(amount=format_rupiah(result.change)))
        if result.status == "pending":
            parts.append(self.tr("menunggu konfirmasi"))
        self.last_sale.setText("  ·  ".join(parts))
        self.last_sale.show()
        self.ctx.signals.sig_order_saved.emit(int(result.order_id))
        self.ctx.signals.sig_status.emit(
            self.tr("Pesanan {number} tersimpan").format(number=result.number))
        self.on_receipt(int(result.order_id))
        self.focus_search()
