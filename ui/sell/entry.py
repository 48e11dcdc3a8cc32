"""What may go into the cart: the shop's largest quantity and its stock rule (:class:`EntryChecks`)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.cart import CartLine, EntryRules, StockNote, check_line_qty, check_stock
from app.hits import ProductHit
from app.money import format_qty
from ui.context import AppContext
from ui.sell.model import CartModel, line_of


def stock_text(note: StockNote, name: str) -> str:
    """``Stok habis: Indomie`` or ``Stok tinggal 54 pcs: Indomie``."""
    if note.out:
        return QCoreApplication.translate("SellScreen", "Stok habis: {name}").format(name=name)
    text = QCoreApplication.translate("SellScreen", "Stok tinggal {left} {unit}: {name}")
    return text.format(left=format_qty(note.left), unit=note.unit, name=name)


class EntryChecks:
    """The cart's entry rules, read once per visit to the till (Pengaturan is another screen).

    Each check raises :class:`app.errors.UserError` when the entry is refused and returns a
    :class:`StockNote` when it is allowed but the stock runs short.
    """

    def __init__(self, ctx: AppContext, model: CartModel) -> None:
        self.ctx = ctx
        self.model = model
        self._rules: EntryRules | None = None

    def rules(self) -> EntryRules:
        """The shop's entry rules (read on first use after :meth:`forget`)."""
        if self._rules is None:
            from app import cart_store  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

            with self.ctx.db.read() as session:
                self._rules = cart_store.entry_rules(session)
        return self._rules

    def forget(self) -> None:
        """Read the rules again on next use (back from Pengaturan: the limits may have changed)."""
        self._rules = None

    def admit_add(self, hit: ProductHit, qty: Decimal) -> StockNote | None:
        """Check adding ``qty`` of a product.

        The stock is the hit's own (read with the scan: no second query on the 16 ms path).
        """
        cart = self.model.cart
        line = line_of(hit, qty)  # a pack's barcode: one dus is ``factor`` base units of stock
        merged = cart.merge_target(hit.id, line.list_price, hit.sold_by_weight, line.pack_id)
        line_qty = qty + (merged.qty if merged is not None else 0)
        check_line_qty(hit.name, hit.unit, line_qty, hit.sold_by_weight, self.rules())
        wanted = cart.qty_of(hit.id) + qty * line.factor
        return check_stock(hit.name, hit.unit, hit.on_hand, wanted, self.rules())

    def admit_change(self, line: CartLine, qty: Decimal) -> StockNote | None:
        """Check a line's new quantity; lowering one is always allowed."""
        rules = self.rules()
        check_line_qty(line.name, line.unit, qty, line.sold_by_weight, rules)
        if qty < line.qty:
            return None
        from app import cart_store  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:
            on_hand = cart_store.on_hand(session, line.product_id)
        wanted = self.model.cart.qty_of(line.product_id) + (qty - line.qty) * line.factor
        return check_stock(line.name, line.unit, on_hand, wanted, rules)
