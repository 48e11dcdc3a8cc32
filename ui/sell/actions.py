"""The sell screen's dialog-driven actions (quantity, discounts, hold, resume, clear, pay, new
product): :class:`DialogActions`, which owns the dialog that is open.

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

from app.cart import Cart, CartLine, Discount
from app.clock import now_local
from app.errors import UserError
from app.hits import ProductHit
from app.money import format_qty, format_rupiah
from contract.enums import OrderStatus, PaymentStatus
from ui.i18n import word
from ui.messages import confirm, error_text, show_error
from ui.sell.customer_picker import CustomerChoice, CustomerPicker, stored_choice
from ui.sell.dialogs import DiscountDialog, LabelDialog, QtyDialog, QuickCreateDialog
from ui.sell.entry import stock_text

if TYPE_CHECKING:
    from app.sales import CheckoutResult
    from ui.sell.screen import SellScreen


def _t(text: str) -> str:
    return QCoreApplication.translate("SellScreen", text)


class DialogActions:
    """The F-key actions that ask something first; ``current`` is the dialog now open."""

    def __init__(self, screen: SellScreen) -> None:
        self.screen = screen
        self.current: QDialog | None = None

    def _open(self, dialog: QDialog, on_ok: Callable[[], object]) -> None:
        """Open a dialog window-modal; ``on_ok`` runs when it is accepted."""
        self.current = dialog
        dialog.accepted.connect(on_ok)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.current is dialog:
            self.current = None
        dialog.deleteLater()
        self.screen.focus_search()

    def _guard(self, action: Callable[[], object]) -> None:
        """Run ``action``; a refusal is said under the scan field."""
        try:
            action()
        except UserError as exc:
            self.screen.say(error_text(exc), error=True)

    def _selected_line(self) -> tuple[int, CartLine] | None:
        """The selected cart row and line; None (and a notice) when the cart is empty."""
        row = self.screen.current_row()
        if row < 0:
            self.screen.say(_t("Keranjang masih kosong."))
            return None
        return row, self.screen.model.cart.lines[row]

    # ----- quantities and discounts -----------------------------------------------------------

    def ask_weight(self, hit: ProductHit) -> None:
        """A weighed product: ask the weight (checked as typed), then add it."""
        entry = self.screen.entry
        dialog = QtyDialog(self.screen, hit.name, hit.unit, weight=True,
                           check=lambda qty: entry.admit_add(hit, qty))
        self._open(dialog, lambda: self.screen.add_product(hit, dialog.qty))

    def edit_qty(self) -> None:
        """F4: change the selected line's quantity (limits and stock checked in the dialog)."""
        selected = self._selected_line()
        if selected is None:
            return
        line = selected[1]
        dialog = QtyDialog(self.screen, line.name, line.unit, format_qty(line.qty),
                           weight=line.sold_by_weight,
                           check=lambda qty: self.screen.entry.admit_change(line, qty))
        self._open(dialog, lambda: self._guard(lambda: self._set_qty(line, dialog.qty)))

    def _set_qty(self, line: CartLine, qty: Decimal) -> None:
        note = self.screen.entry.admit_change(line, qty)
        model = self.screen.model
        model.set_qty(model.cart.lines.index(line), qty)
        if note is not None:
            self.screen.say(stock_text(note, line.name), error=True)

    def line_discount(self) -> None:
        """F5: discount on the selected line (Rp or %)."""
        selected = self._selected_line()
        if selected is None:
            return
        row, line = selected
        heading = _t("Diskon untuk <b>{name}</b> ({amount})")
        dialog = DiscountDialog(self.screen,
                                heading.format(name=line.name, amount=format_rupiah(line.gross)))
        model = self.screen.model
        self._open(dialog, lambda: self._guard(lambda: self.discount_approved(
            line.gross, dialog.discount, lambda: model.set_line_discount(row, dialog.discount))))

    def order_discount(self) -> None:
        """F6: discount on the whole order (Rp or %)."""
        model = self.screen.model
        if not model.cart.lines:
            self.screen.say(_t("Keranjang masih kosong."))
            return
        subtotal = model.cart.subtotal
        heading = _t("Diskon untuk seluruh pesanan ({amount})")
        dialog = DiscountDialog(self.screen, heading.format(amount=format_rupiah(subtotal)))
        self._open(dialog, lambda: self._guard(lambda: self.discount_approved(
            subtotal, dialog.discount, lambda: model.set_order_discount(dialog.discount))))

    def discount_approved(self, base: int, discount: Discount, apply: Callable[[], None]) -> None:
        """Apply a discount; above the shop's limit a cashier needs the owner's PIN first."""
        from app import permissions  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)
        from ui.admin.approval import approved  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        ctx = self.screen.ctx
        amount = discount.amount_of(base)
        with ctx.db.read() as session:
            needed = permissions.discount_needs_approval(session, base, amount)
        if needed and not approved(self.screen, ctx, "discount", amount=amount, base=base):
            return
        apply()

    # ----- unknown barcode -----------------------------------------------------------------

    def unknown_code(self, code: str, qty: Decimal | None) -> None:
        """A barcode nobody knows: offer to create the product, then add it."""
        self.screen.reset_scan_field()
        self.screen.say(_t("Barcode {code} belum terdaftar.").format(code=code), error=True)
        dialog = QuickCreateDialog(self.screen, code)
        self._open(dialog, lambda: self._create_and_add(dialog, qty))

    def _create_and_add(self, dialog: QuickCreateDialog, qty: Decimal | None) -> None:
        from app import catalog  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)
        from app.catalog import ProductInput  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        data = ProductInput(
            sku=dialog.code if catalog.SKU_RE.match(dialog.code) else f"P-{now_local():%y%m%d%H%M%S}",
            name=dialog.name.text(), price=dialog.price_value, unit=dialog.unit.currentText(),
            sold_by_weight=dialog.sold_by_weight, barcodes=[dialog.code],
        )
        ctx = self.screen.ctx
        try:
            with ctx.db.unit_of_work() as session:
                product_id = catalog.create_product(session, data)
                product = catalog.get_product(session, product_id)
                hit = ProductHit(product_id, product.sku, product.name, product.price,
                                 product.unit, product.sold_by_weight, Decimal(0), False)
        except UserError as exc:
            show_error(self.screen, exc)
            return
        ctx.signals.sig_catalog_changed.emit()
        self.screen.add_product(hit, qty)

    # ----- hold, resume, clear -------------------------------------------------------------

    def hold(self) -> None:
        """F8: put the cart aside under an optional label."""
        if not self.screen.model.cart.lines:
            self.screen.say(_t("Keranjang kosong tidak perlu ditahan."))
            return
        dialog = LabelDialog(self.screen)
        self._open(dialog, lambda: self.hold_as(dialog.label))

    def hold_as(self, label: str) -> bool:
        """Hold the cart under ``label`` and start an empty one; False (and said) when refused."""
        from app import cart_store, held  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        ctx = self.screen.ctx
        self.screen.keeper.settle()  # no write of this cart may land after the hold
        try:
            with ctx.db.unit_of_work() as session:
                held.hold(session, self.screen.model.cart, label, ctx.user_id,
                          customer_uuid=self.screen.customer_bar.uuid)
                cart_store.clear(session)  # held, not open: a crash now never brings it back twice
        except UserError as exc:
            self.screen.say(error_text(exc), error=True)
            return False
        self.screen.replace_cart(Cart())
        self.screen.say(_t("Keranjang ditahan. Lanjutkan dengan F9."))
        return True

    def show_held(self) -> None:
        """F9: list held carts; Enter resumes one (the current cart is held first)."""
        from ui.sell.held_dialog import HeldDialog  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): 1 module, ~3 ms)

        dialog = HeldDialog(self.screen.ctx, self.screen)
        self._open(dialog, lambda: self._resume(dialog.chosen_id))

    def _resume(self, held_id: int | None) -> None:
        if held_id is None:
            return
        from app import cart_store, held  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        ctx, cart = self.screen.ctx, self.screen.model.cart
        self.screen.keeper.settle()  # no write of this cart may land after the swap
        try:
            with ctx.db.unit_of_work() as session:
                if cart.lines:
                    label = _t("Ditahan {time}").format(time=f"{now_local():%H:%M}")
                    held.hold(session, cart, label, ctx.user_id, customer_uuid=self.screen.customer_bar.uuid)
                resumed = held.take_back(session, held_id)
                cart_store.save(session, resumed.cart, user_id=ctx.user_id)
                customer = stored_choice(session, resumed.customer_uuid)
        except UserError as exc:
            show_error(self.screen, exc)
            return
        self.screen.replace_cart(resumed.cart)
        if customer is not None:  # held for a customer: their kasbon and group prices come back
            self._customer_chosen(customer)
        self.screen.say(_t("Keranjang dilanjutkan."))

    def clear(self) -> None:
        """Esc on an empty scan field: clear the cart after asking."""
        cart = self.screen.model.cart
        question = _t("Kosongkan keranjang ({amount})? Semua baris akan dihapus.")
        if cart.lines and not confirm(self.screen, _t("Kosongkan keranjang"),
                                      question.format(amount=format_rupiah(cart.total))):
            return
        self.screen.replace_cart(Cart())
        self.screen.say(_t("Keranjang dikosongkan."))

    # ----- the customer -----------------------------------------------------------------------

    def pick_customer(self) -> None:
        """F11: find or add the sale's customer (needed for kasbon)."""
        dialog = CustomerPicker(self.screen.ctx, self.screen)
        self._open(dialog, lambda: self._customer_chosen(dialog.chosen))

    def _customer_chosen(self, chosen: CustomerChoice | None) -> None:
        self.screen.customer_bar.set_customer(chosen)
        self.screen.model.refresh_prices()  # the buyer's group may have its own prices
        if chosen is not None:
            self.screen.say(_t("Pelanggan: {name}").format(name=chosen.name))

    # ----- paying -----------------------------------------------------------------------------

    def pay(self) -> None:
        """F12: take the money; the order is saved by the pay dialog."""
        screen = self.screen
        cart = screen.model.cart
        if not cart.lines:
            screen.say(_t("Keranjang masih kosong."))
            return
        screen.reset_scan_field()
        screen.keeper.settle()  # no write of this cart may land after the sale clears it
        cart.channel_id = screen.ui.channel.current_id
        cart.note = screen.ui.note.text().strip()
        from ui.sell.pay import PayDialog  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): the pay dialog ~200 ms)

        dialog = PayDialog(screen.ctx, cart, screen, customer=screen.customer_bar.customer)
        self._open(dialog, lambda: self.sold(dialog.result_) if dialog.result_ else None)

    def sold(self, result: CheckoutResult) -> None:
        """A saved order: clear the cart, show the change, hand over the receipt."""
        screen = self.screen
        screen.replace_cart(Cart())
        parts = [_t("Tersimpan {number}").format(number=result.number), format_rupiah(result.total)]
        if result.change:
            parts.append(_t("Kembalian {amount}").format(amount=format_rupiah(result.change)))
        if result.status == OrderStatus.PENDING:
            parts.append(word(f"payment_status.{PaymentStatus.PENDING}").lower())
        screen.ui.last_sale.setText("  ·  ".join(parts))
        screen.ui.last_sale.show()
        screen.ctx.signals.sig_order_saved.emit(int(result.order_id))
        screen.ctx.signals.sig_status.emit(
            _t("Pesanan {number} tersimpan").format(number=result.number))
        self.hand_over_receipt(int(result.order_id))
        screen.focus_search()

    def hand_over_receipt(self, order_id: int) -> None:
        """Give a saved order's receipt to printing (print, or the preview with Simpan PDF).

        The sale is already committed; printing runs in the background and a failure only
        leaves the receipt waiting for "Cetak ulang". Before printing is wired (the first
        moments after start-up) the preview shows it.
        """
        screen = self.screen
        if not screen.show_receipt_preview:
            return
        if screen.ctx.printer is not None:
            screen.ctx.printer.after_sale(order_id, screen)
            return
        from ui.printing.preview_dialog import ReceiptPreviewDialog  # noqa: PLC0415 (deferred until the sell screen is ready (bench.startup): printing ~0.8 s)

        ReceiptPreviewDialog(screen.ctx, order_id, parent=screen).show_non_modal(False)
