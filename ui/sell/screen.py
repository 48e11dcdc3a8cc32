"""The sell screen (Kasir): scan or search, the cart, totals, quick grid, keys.

Plain composition: the screen owns the cart (:class:`CartModel`), its widgets
(:class:`SellWidgets`, ``self.ui``), the entry rules (:class:`EntryChecks`), the
dialog-driven actions (:class:`DialogActions`, ``self.dialogs``) and the kept cart (:class:`CartKeeper`).
Keys are handled here (F-keys, Esc, Del, Ctrl+Z bubble up from any child; :mod:`ui.sell.keys`) and in
the scan field (Enter, arrows, +/−); the help overlay lists them from one registry.
A scanner burst is caught app-wide by :class:`ScanDetector`, whatever has focus.
The cart is kept in the shop file after every change (:mod:`app.cart_store`) and
restored when the screen is built again, after a close or a crash (after a light start,
``ui.light_start``, once the database has loaded: :mod:`ui.sell.start`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QWidget

from app.cart import Cart, Discount, split_qty_prefix
from app.clock import now_local
from app.errors import UserError
from app.hits import ProductHit
from app.money import check_qty_limit, format_qty, format_rupiah
from ui.context import AppContext
from ui.messages import error_text
from ui.sell.actions import DialogActions
from ui.sell.customer_picker import CustomerBar
from ui.sell.entry import EntryChecks, stock_text
from ui.sell.keeper import CartKeeper
from ui.sell.keys import key_actions
from ui.sell.layout import SellWidgets
from ui.sell.model import CartModel
from ui.sell.scanner import ScanDetector, label_entry, looks_like_code
from ui.sell.search import split_quantity
from ui.sell.start import ScreenStart

if TYPE_CHECKING:
    from app.pricing.store import TillPricer

SEARCH_LIMIT = 30


def set_state(widget: QWidget, name: str, value: bool) -> None:
    """Set a style property; re-polish only when it changed (polishing is slow)."""
    if bool(widget.property(name)) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class SellScreen(QWidget):
    """The counter screen (after a sale :meth:`DialogActions.hand_over_receipt` gives the
    receipt to printing, unless ``show_receipt_preview`` is off).

    sig_ready: emitted once, when the screen is first usable (focus in the scan field, the
    quick grid painted); the main window starts everything else after it.
    """

    sig_ready = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sellScreen")
        self.show_receipt_preview = True  # False: no receipt after a sale (tests, screenshots)
        self._pricer: TillPricer | None = None  # tiers and promotions (app.pricing), on first use
        self.model = CartModel(pricer=self._reprice)
        self.ui = SellWidgets(self, ctx, self.model)
        self.entry = EntryChecks(ctx, self.model)
        self.dialogs = DialogActions(self)
        self.customer_bar = CustomerBar(self)  # F11: the sale's customer (kasbon)
        host = self.ui.channel.parentWidget()
        right = host.layout() if host is not None else None
        if isinstance(right, QBoxLayout):
            right.insertWidget(right.indexOf(self.ui.channel) + 1, self.customer_bar)
        self.keeper = CartKeeper(ctx, self.model, self.say, self)
        self.detector = ScanDetector(self._scanner_active, self._is_scan_field)
        self.detector.setParent(self)
        self._wire()
        self.refresh_totals()
        self.start = ScreenStart(self)  # the grid, the kept cart and the warm-up (ui.sell.start)

    @property
    def pricer(self) -> TillPricer:
        """The till's pricer (``app.pricing.store``), made on first use."""
        if self._pricer is None:
            from app.pricing.store import TillPricer  # noqa: PLC0415 (the database layer loads after the first frame (ui.light_start))

            self._pricer = TillPricer(self.ctx.db)
        return self._pricer

    def _wire(self) -> None:
        ui = self.ui
        ui.scan.sig_submit.connect(self.submit)
        ui.scan.sig_search.connect(self.live_search)
        ui.scan.sig_arrow.connect(self._arrow)
        ui.scan.sig_step.connect(self.step_current)
        ui.scan.sig_delete.connect(self.remove_current)
        ui.scan.sig_undo.connect(self.undo_last)
        ui.table.sig_step.connect(self.step_current)
        ui.results.sig_chosen.connect(self._chosen)
        self.model.sig_totals_changed.connect(self.refresh_totals)
        ui.grid.sig_product.connect(lambda hit: self.add_product(self.lookup(hit.sku) or hit, None))
        ui.note.textEdited.connect(self.model.set_note)
        ui.channel.sig_changed.connect(lambda _id: self.refresh_totals())
        ui.channel.sig_changed.connect(lambda _id: self.model.refresh_prices())
        ui.help_button.clicked.connect(self.toggle_help)
        ui.pay_button.clicked.connect(self.dialogs.pay)
        ui.hold_button.clicked.connect(self.dialogs.hold)
        ui.held_button.clicked.connect(self.dialogs.show_held)
        self.detector.sig_scanned.connect(self.handle_code)

    def _reprice(self, cart: Cart) -> None:
        """Wholesale tiers and promotions for the cart as it changes (app.pricing), in the
        channel chosen and for the buyer's customer group."""
        ui = getattr(self, "ui", None)
        if ui is not None:
            cart.channel_id = ui.channel.current_id
        bar = getattr(self, "customer_bar", None)
        customer = bar.customer if bar is not None else None
        if bar is not None and customer is None:
            cart.group = ""
        self.pricer.reprice(cart, customer.uuid if customer else None)

    def _scanner_active(self) -> bool:
        return (self.isVisible() and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None and not self.ui.help.isVisible())

    def _is_scan_field(self, obj: QObject) -> bool:
        return obj is self.ui.scan

    # ----- scanning and searching -----------------------------------------------------------

    def submit(self, text: str) -> None:
        """Enter in the scan field: a code, the chosen result, or a search.

        A ``3*`` prefix is checked at once: ``0*``, ``1e9*`` or more than the shop's
        largest quantity is refused here, before any product is added.
        """
        qty, query = self._typed_qty(text)
        if not query:
            return
        hit = self.lookup(query) or self.ui.results.current_hit()
        if hit is None and query.isdigit() and looks_like_code(query):
            self.dialogs.unknown_code(query, qty)
            return
        if hit is None:
            hits = self._search(query)
            if len(hits) != 1:
                self._show_results(hits, query)
                return
            hit = hits[0]
        self.add_product(hit, qty)

    def handle_code(self, code: str) -> None:
        """A scanner burst caught outside the scan field: the code only, never a search."""
        hit = self.lookup(code)
        if hit is None:
            self.dialogs.unknown_code(code, None)
        else:
            self.add_product(hit, None)

    def lookup(self, code: str) -> ProductHit | None:
        """Exact barcode/SKU lookup (indexed, local only)."""
        from app.catalog import find_by_code  # noqa: PLC0415 (the database layer loads after the first frame (ui.light_start))

        with self.ctx.db.read() as session:
            return find_by_code(session, code)

    def _search(self, query: str) -> list[ProductHit]:
        """Products matching ``query`` by name, SKU or code (``app.search``)."""
        from app.search import search_products  # noqa: PLC0415 (as lookup)

        with self.ctx.db.read() as session:
            return search_products(session, query, limit=SEARCH_LIMIT)

    def live_search(self, text: str) -> None:
        """Results as the seller types (after a short pause)."""
        _qty, query = split_quantity(text)
        if len(query) < 2:
            self.ui.results.hide()
            return
        self._show_results(self._search(query), query)

    def _show_results(self, hits: list[ProductHit], query: str) -> None:
        if not hits:
            self.say(self.tr("Tidak ada produk yang cocok dengan '{query}'.").format(query=query))
        self.place_results()
        self.ui.results.show_hits(hits)

    def _chosen(self, hit: ProductHit) -> None:
        qty, query = self._typed_qty(self.ui.scan.text())
        if query is not None:
            self.add_product(hit, qty)

    def _typed_qty(self, text: str) -> tuple[Decimal | None, str | None]:
        """The ``3*`` prefix and the rest; (None, None) after saying why a prefix is refused."""
        try:
            qty, query = split_qty_prefix(text)
            if qty is not None:
                check_qty_limit(qty, self.entry.rules().max_qty)
        except UserError as exc:
            self.ui.results.hide()
            self.say(error_text(exc), error=True)
            self.focus_search()
            return None, None
        return qty, query

    def _arrow(self, step: int) -> None:
        if self.ui.results.isVisible():
            self.ui.results.move(step)
            return
        rows = self.model.rowCount()
        if rows:
            row = max(0, min(rows - 1, self.current_row() + step))
            self.ui.table.selectRow(row)

    # ----- the cart ---------------------------------------------------------------------------

    def add_product(self, hit: ProductHit, qty: Decimal | None) -> None:
        """Add a product; a weighed one asks for its weight unless a quantity was typed or a
        scale label carried it (:func:`~ui.sell.scanner.label_entry`)."""
        self.reset_scan_field()
        if hit.pack_id is None and hit.label_qty is None and self.ui.grid.pick_variant(hit):
            return  # a variant parent (typed SKU, search): the seller picks the variant
        if hit.archived:
            self.say(self.tr("'{name}' sudah diarsipkan dan tidak dijual.").format(name=hit.name),
                     error=True)
            return
        qty, label_off = label_entry(hit, qty)
        if hit.sold_by_weight and qty is None:
            self.dialogs.ask_weight(hit)
            return
        try:
            stock = self.entry.admit_add(hit, qty or Decimal(1))
            row = self.model.add_hit(hit, qty or Decimal(1))
            if label_off:
                self.model.set_line_discount(row, Discount(value=Decimal(label_off)))
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        self.ui.table.selectRow(row)
        self.ui.table.scrollTo(self.model.index(row, 0))
        line = self.model.cart.lines[row]
        added = f"+ {line.name}  {format_qty(line.qty)} {line.unit}"
        if stock is None:
            self.say(added)
        else:
            self.say(f"{added}  ·  {stock_text(stock, line.name)}", error=True)

    def reset_scan_field(self) -> None:
        """Empty the scan field and hide the results."""
        self.ui.scan.cancel_search()
        self.ui.scan.clear()
        self.ui.results.hide()

    def current_row(self) -> int:
        """The selected cart row, or the last one."""
        row = self.ui.table.currentIndex().row()
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
                stock = self.entry.admit_change(line, line.qty + self.model.step_of(line) * step)
            self.model.step_qty(row, step)
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        if stock is not None:
            self.say(stock_text(stock, line.name), error=True)
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
            self.ui.table.selectRow(max(0, min(row, rows - 1)))

    def refresh_totals(self) -> None:
        """Big total, subtotal, discount and item count."""
        cart, ui = self.model.cart, self.ui
        subtotal, discount, total = cart.totals()
        ui.total_value.setText(format_rupiah(total))
        ui.subtotal_value.setText(format_rupiah(subtotal))
        ui.discount_value.setText(f"-{format_rupiah(discount)}" if discount else "–")
        ui.items_value.setText(self.tr("{count} baris").format(count=len(cart.lines)))
        ui.channel_banner.setText(self.tr("Saluran: {name}").format(name=ui.channel.current_name))
        combo = ui.channel.combo
        set_state(ui.channel_banner, "event", combo.currentData() != int(combo.itemData(0)))

    def say(self, text: str, error: bool = False) -> None:
        """A short line under the scan field (no dialog: the queue keeps moving)."""
        self.ui.notice.setText(text)
        set_state(self.ui.notice, "error", error)
        if error:
            QApplication.beep()

    def replace_cart(self, cart: Cart) -> None:
        """Show another cart (resumed or new) and its note."""
        self.model.replace_cart(cart)
        self.ui.note.setText(cart.note)
        self.customer_bar.set_customer(None)  # a new cart is a new buyer
        self._select_near(self.model.rowCount() - 1)

    # ----- the cart kept in the shop file, closing ------------------------------------------

    def restore_cart(self) -> None:
        """Bring back the cart left open by a close, crash or power cut."""
        cart = self.keeper.kept_cart()
        if cart is None:
            return
        self.replace_cart(cart)
        self.say(self.tr("Keranjang terakhir dipulihkan: {count} baris, {amount}.")
                 .format(count=len(cart.lines), amount=format_rupiah(cart.total)))
        self.ctx.signals.sig_status.emit(self.tr("Keranjang terakhir dipulihkan"))

    def keep_cart(self) -> bool:
        """Write the cart to the shop file now; False (and a notice) when that failed."""
        return self.keeper.keep()

    def has_open_cart(self) -> bool:
        """Whether lines are being rung up (closing the window asks about them)."""
        return bool(self.model.cart.lines)

    def open_cart(self) -> Cart:
        """The cart being rung up (the closing question shows its size and total)."""
        return self.model.cart

    def hold_for_close(self) -> bool:
        """Closing the window: hold the cart under "Ditutup 21:40" (F9 resumes it)."""
        return self.dialogs.hold_as(self.tr("Ditutup {time}").format(time=f"{now_local():%H:%M}"))

    # ----- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F-keys, Esc, Del and Ctrl+Z from anywhere on the screen (``ui.sell.keys``)."""
        if self.ui.help.isVisible():
            self.ui.help.close_overlay()
            return
        action = key_actions(self).get(Qt.Key(event.key()))
        if action is not None:
            action()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_last()
        else:
            super().keyPressEvent(event)

    def focus_search(self) -> None:
        """F2: back to the scan field, text selected."""
        self.ui.scan.setFocus()
        self.ui.scan.selectAll()

    def toggle_help(self) -> None:
        """F1: show or hide the list of keys."""
        if self.ui.help.isVisible():
            self.ui.help.close_overlay()
        else:
            self.ui.help.open()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the screen puts the cursor in the scan field (the first time the grid
        loads too: ``ui.sell.start``)."""
        super().showEvent(event)
        self.entry.forget()  # back from Pengaturan: the limits may have changed
        if self._pricer is not None:
            self._pricer.forget()  # ... and the promotions and wholesale prices
        self.ui.scan.setFocus()
        self.start.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the results list under the scan field."""
        super().resizeEvent(event)
        self.place_results()

    def place_results(self) -> None:
        """Put the results list right under the scan field, as wide as it."""
        scan = self.ui.scan
        top_left = scan.mapTo(self, scan.rect().bottomLeft())
        height = min(360, max(120, self.height() - top_left.y() - 40))
        self.ui.results.setGeometry(top_left.x(), top_left.y() + 2, scan.width(), height)
