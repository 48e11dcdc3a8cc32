"""Dialog-driven actions of the sell screen (quantity, discounts, hold, pay, new product).

Dialogs open window-modal with ``open()`` and report back through ``accepted``,
so the event loop keeps running (tests and the scanner stay simple). Every
action leaves the cart as it was when something fails or is cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from app import cart_store, catalog, held
from app.cart import Cart, CartLine, Discount, EntryRules, StockNote, check_line_qty, check_stock
from app.catalog import ProductHit, ProductInput
from app.clock import now_local
from app.errors import UserError
from app.money import format_qty, format_rupiah
from ui.messages import confirm, error_text, show_error
from ui.sell.dialogs import DiscountDialog, LabelDialog, QtyDialog, QuickCreateDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget

    from app.sales import CheckoutResult
    from ui.context import AppContext
    from ui.sell.channel import ChannelPicker
    from ui.sell.grid import QuickGrid
    from ui.sell.help import HelpOverlay
    from ui.sell.model import CartModel
    from ui.sell.search import ResultsTable, ScanField


class SellActions:
    """Mixed into :class:`ui.sell.screen.SellScreen` (which owns these widgets)."""

    ctx: AppContext
    model: CartModel
    scan: ScanField
    results: ResultsTable
    table: QTableView
    note: QLineEdit
    grid: QuickGrid
    channel: ChannelPicker
    help: HelpOverlay
    notice: QLabel
    last_sale: QLabel
    channel_banner: QLabel
    total_value: QLabel
    subtotal_value: QLabel
    discount_value: QLabel
    items_value: QLabel
    pay_button: QPushButton
    hold_button: QPushButton
    held_button: QPushButton
    dialog: QDialog | None = None
    entry_rules: EntryRules | None = None  # read on first use; forgotten when the till is shown again
    show_receipt_preview: bool

    # provided by the screen (SellScreen overrides every one of these)
    def add_product(self, hit: ProductHit, qty: Decimal | None) -> None:
        """Add a product to the cart."""
        raise NotImplementedError

    def current_row(self) -> int:
        """The selected cart row."""
        raise NotImplementedError

    def say(self, text: str, error: bool = False) -> None:
        """Show a short notice."""
        raise NotImplementedError

    def replace_cart(self, cart: Cart) -> None:
        """Show another cart."""
        raise NotImplementedError

    def focus_search(self) -> None:
        """Back to the scan field."""
        raise NotImplementedError

    def after_sale(self, result: CheckoutResult) -> None:
        """A saved order."""
        raise NotImplementedError

    def reset_scan_field(self) -> None:
        """Empty the scan field."""
        raise NotImplementedError

    def _open(self, dialog: QDialog, on_ok: object) -> None:
        """Open a dialog window-modal; ``on_ok`` runs when it is accepted."""
        self.dialog = dialog
        dialog.accepted.connect(on_ok)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.focus_search()

    # ----- quantities and discounts -----------------------------------------------------------

    def ask_weight(self, hit: ProductHit) -> None:
        """A weighed product: ask the weight (checked as typed), then add it."""
        dialog = QtyDialog(self.parent_widget(), hit.name, hit.unit, weight=True,
                           check=lambda qty: self.admit_add(hit, qty))
        self._open(dialog, lambda: self.add_product(hit, dialog.qty))

    def edit_qty(self) -> None:
        """F4: change the selected line's quantity (limits and stock checked in the dialog)."""
        row = self.current_row()
        if row < 0:
            self.say(QCoreApplication.translate("SellScreen", "Keranjang masih kosong."))
            return
        line = self.model.cart.lines[row]
        dialog = QtyDialog(self.parent_widget(), line.name, line.unit, format_qty(line.qty),
                           weight=line.sold_by_weight, check=lambda qty: self.admit_change(line, qty))
        self._open(dialog, lambda: self._guard(lambda: self._set_qty(line, dialog.qty)))

    def _set_qty(self, line: CartLine, qty: Decimal) -> None:
        note = self.admit_change(line, qty)
        self.model.set_qty(self.model.cart.lines.index(line), qty)
        if note is not None:
            self.say(self.stock_text(note, line.name), error=True)

    # ----- entry rules: largest quantity, stock ----------------------------------------------

    def admit_add(self, hit: ProductHit, qty: Decimal) -> StockNote | None:
        """Check adding ``qty`` of a product; a note when stock runs short (raises when refused).

        The stock is the hit's own (read with the scan: no second query on the 16 ms path).
        """
        merged = self.model.cart.merge_target(hit.id, hit.price, hit.sold_by_weight)
        line_qty = qty + (merged.qty if merged is not None else 0)
        check_line_qty(hit.name, hit.unit, line_qty, hit.sold_by_weight, self.rules())
        wanted = self.model.cart.qty_of(hit.id) + qty
        return check_stock(hit.name, hit.unit, hit.on_hand, wanted, self.rules())

    def admit_change(self, line: CartLine, qty: Decimal) -> StockNote | None:
        """Check a line's new quantity; lowering one is always allowed."""
        rules = self.rules()
        check_line_qty(line.name, line.unit, qty, line.sold_by_weight, rules)
        if qty < line.qty:
            return None
        with self.ctx.db.read() as session:
            on_hand = cart_store.on_hand(session, line.product_id)
        wanted = self.model.cart.qty_of(line.product_id) - line.qty + qty
        return check_stock(line.name, line.unit, on_hand, wanted, rules)

    def rules(self) -> EntryRules:
        """The shop's entry rules, read once per visit to the till (Pengaturan is another screen)."""
        if self.entry_rules is None:
            with self.ctx.db.read() as session:
                self.entry_rules = cart_store.entry_rules(session)
        return self.entry_rules

    @staticmethod
    def stock_text(note: StockNote, name: str) -> str:
        """``Stok habis: Indomie`` or ``Stok tinggal 54 pcs: Indomie``."""
        if note.out:
            return QCoreApplication.translate("SellScreen", "Stok habis: {name}").format(name=name)
        text = QCoreApplication.translate("SellScreen", "Stok tinggal {left} {unit}: {name}")
        return text.format(left=format_qty(note.left), unit=note.unit, name=name)

    def line_discount(self) -> None:
        """F5: discount on the selected line (Rp or %)."""
        row = self.current_row()
        if row < 0:
            self.say(QCoreApplication.translate("SellScreen", "Keranjang masih kosong."))
            return
        line = self.model.cart.lines[row]
        heading = QCoreApplication.translate("SellScreen", "Diskon untuk <b>{name}</b> ({amount})")
        dialog = DiscountDialog(self.parent_widget(),
                                heading.format(name=line.name, amount=format_rupiah(line.gross)))
        self._open(dialog, lambda: self._guard(lambda: self._discount_approved(
            line.gross, dialog.discount, lambda: self.model.set_line_discount(row, dialog.discount))))

    def order_discount(self) -> None:
        """F6: discount on the whole order (Rp or %)."""
        if not self.model.cart.lines:
            self.say(QCoreApplication.translate("SellScreen", "Keranjang masih kosong."))
            return
        heading = QCoreApplication.translate("SellScreen", "Diskon untuk seluruh pesanan ({amount})")
        dialog = DiscountDialog(self.parent_widget(),
                                heading.format(amount=format_rupiah(self.model.cart.subtotal)))
        subtotal = self.model.cart.subtotal
        self._open(dialog, lambda: self._guard(lambda: self._discount_approved(
            subtotal, dialog.discount, lambda: self.model.set_order_discount(dialog.discount))))

    def _discount_approved(self, base: int, discount: Discount, apply: Callable[[], None]) -> None:
        """Apply a discount; above the shop's limit a cashier needs the owner's PIN first."""
        from app import permissions
        from ui.admin.approval import approved

        amount = discount.amount_of(base)
        with self.ctx.db.read() as session:
            needed = permissions.discount_needs_approval(session, base, amount)
        if needed and not approved(self.parent_widget(), self.ctx, "discount",
                                   amount=amount, base=base):
            return
        apply()

    def _guard(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except UserError as exc:
            self.say(error_text(exc), error=True)

    # ----- unknown barcode -----------------------------------------------------------------

    def unknown_code(self, code: str, qty: Decimal | None) -> None:
        """A barcode nobody knows: offer to create the product, then add it."""
        self.reset_scan_field()
        self.say(QCoreApplication.translate("SellScreen", "Barcode {code} belum terdaftar.")
                 .format(code=code), error=True)
        dialog = QuickCreateDialog(self.parent_widget(), code)
        self._open(dialog, lambda: self._create_and_add(dialog, qty))

    def _create_and_add(self, dialog: QuickCreateDialog, qty: Decimal | None) -> None:
        data = ProductInput(
            sku=dialog.code if catalog.SKU_RE.match(dialog.code) else f"P-{now_local():%y%m%d%H%M%S}",
            name=dialog.name.text(), price=dialog.price_value, unit=dialog.unit.currentText(),
            sold_by_weight=dialog.sold_by_weight, barcodes=[dialog.code],
        )
        try:
            with self.ctx.db.unit_of_work() as session:
                product_id = catalog.create_product(session, data)
                product = catalog.get_product(session, product_id)
                hit = ProductHit(product_id, product.sku, product.name, product.price,
                                 product.unit, product.sold_by_weight, Decimal(0), False)
        except UserError as exc:
            show_error(self.parent_widget(), exc)
            return
        self.ctx.signals.sig_catalog_changed.emit()
        self.add_product(hit, qty)

    # ----- hold, resume, clear -------------------------------------------------------------

    def hold(self) -> None:
        """F8: put the cart aside under an optional label."""
        if not self.model.cart.lines:
            self.say(QCoreApplication.translate("SellScreen", "Keranjang kosong tidak perlu ditahan."))
            return
        dialog = LabelDialog(self.parent_widget())
        self._open(dialog, lambda: self._hold(dialog.label))

    def _hold(self, label: str) -> bool:
        try:
            with self.ctx.db.unit_of_work() as session:
                held.hold(session, self.model.cart, label, self.ctx.user_id)
                cart_store.clear(session)  # held, not open: a crash now never brings it back twice
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return False
        self.replace_cart(Cart())
        self.say(QCoreApplication.translate("SellScreen", "Keranjang ditahan. Lanjutkan dengan F9."))
        return True

    def hold_for_close(self) -> bool:
        """Closing the window: hold the cart under "Ditutup 21:40" (F9 resumes it)."""
        label = QCoreApplication.translate("SellScreen", "Ditutup {time}")
        return self._hold(label.format(time=f"{now_local():%H:%M}"))

    def show_held(self) -> None:
        """F9: list held carts; Enter resumes one (the current cart is held first)."""
        from ui.sell.held_dialog import HeldDialog  # lazy: keeps start-up fast

        dialog = HeldDialog(self.ctx, self.parent_widget())
        self._open(dialog, lambda: self._resume(dialog.chosen_id))

    def _resume(self, held_id: int | None) -> None:
        if held_id is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                if self.model.cart.lines:
                    label = QCoreApplication.translate("SellScreen", "Ditahan {time}")
                    held.hold(session, self.model.cart, label.format(time=f"{now_local():%H:%M}"),
                              self.ctx.user_id)
                cart = held.resume(session, held_id)
                cart_store.save(session, cart, user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self.parent_widget(), exc)
            return
        self.replace_cart(cart)
        self.say(QCoreApplication.translate("SellScreen", "Keranjang dilanjutkan."))

    def escape(self) -> None:
        """Esc: close the results, leave the note, or clear the cart after asking."""
        if self.results.isVisible() or self.scan.text():
            self.reset_scan_field()
            return
        if self.scan.window().focusWidget() is not self.scan:
            self.focus_search()
            return
        question = QCoreApplication.translate(
            "SellScreen", "Kosongkan keranjang ({amount})? Semua baris akan dihapus.")
        if self.model.cart.lines and not confirm(
                self.parent_widget(), QCoreApplication.translate("SellScreen", "Kosongkan keranjang"),
                question.format(amount=format_rupiah(self.model.cart.total))):
            return
        self.replace_cart(Cart())
        self.say(QCoreApplication.translate("SellScreen", "Keranjang dikosongkan."))

    # ----- paying -----------------------------------------------------------------------------

    def pay(self) -> None:
        """F12: take the money; the order is saved by the pay dialog."""
        if not self.model.cart.lines:
            self.say(QCoreApplication.translate("SellScreen", "Keranjang masih kosong."))
            return
        self.reset_scan_field()
        self.model.cart.channel_id = self.channel.current_id
        self.model.cart.note = self.note.text().strip()
        from ui.sell.pay import PayDialog  # lazy: keeps start-up fast

        dialog = PayDialog(self.ctx, self.model.cart, self.parent_widget())
        self._open(dialog, lambda: self.after_sale(dialog.result_) if dialog.result_ else None)

    def on_receipt(self, order_id: int) -> None:
        """Hand a saved order's receipt to printing (print, or the preview with Simpan PDF).

        The sale is already committed; printing runs in the background and a failure only
        leaves the receipt waiting for "Cetak ulang".
        """
        if not self.show_receipt_preview:
            return
        if self.ctx.printer is not None:
            self.ctx.printer.after_sale(order_id, self.parent_widget())
            return
        from ui.printing.preview_dialog import ReceiptPreviewDialog  # no printing wired yet

        ReceiptPreviewDialog(self.ctx, order_id, parent=self.parent_widget()).show_non_modal(False)

    def parent_widget(self) -> QWidget:
        """The widget dialogs are parented to (the screen itself)."""
        return self  # type: ignore[return-value]
