"""The cart as a Qt table model: a thin adapter over :class:`app.cart.Cart`.

After every change the cart is repriced (wholesale tiers and promotions, :mod:`app.pricing`)
by the screen's pricer; a line shows its pack (``1 dus (40 pcs)``), its tier (``Grosir ≥12``
after the name) and its promotion in the discount column (``-3.500 Beli 2 gratis 1``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.cart import Cart, CartLine, Discount
from app.errors import ValidationError
from app.hits import ProductHit
from app.money import format_number, format_qty, quantize_qty
from ui.list_model import RIGHT, Column, TableModel, no_tooltip
from ui.translate import QT_TRANSLATE_NOOP

COLUMNS = (QT_TRANSLATE_NOOP("CartModel", "Produk"), QT_TRANSLATE_NOOP("CartModel", "Jumlah"),
           QT_TRANSLATE_NOOP("CartModel", "Harga"), QT_TRANSLATE_NOOP("CartModel", "Diskon"),
           QT_TRANSLATE_NOOP("CartModel", "Total"))
COL_NAME, COL_QTY, COL_PRICE, COL_DISCOUNT, COL_TOTAL = range(5)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Added:
    """One add, remembered so Ctrl+Z can take it back."""

    line: CartLine
    qty: Decimal


def discount_text(discount: Discount, amount: int) -> str:
    """How a line discount is shown: ``10%`` or ``-2.000``; empty when none."""
    if amount == 0:
        return ""
    if discount.kind == "percent":
        return f"-{format_number(amount)} ({format_qty(discount.value)}%)"
    return f"-{format_number(amount)}"


def _title(column: int) -> str:
    return QCoreApplication.translate("CartModel", COLUMNS[column])


def promo_text(line: CartLine) -> str:
    """A line's promotions as shown: ``-3.500 Beli 2 gratis 1``; empty when none."""
    if not line.promos:
        return ""
    names = " + ".join(p.name for p in line.promos)
    return f"-{format_number(line.promo_amount)} {names}"


def _name(line: CartLine) -> str:
    return f"{line.name} · {line.tier_note}" if line.tier_note else line.name


def _name_tip(line: CartLine) -> str:
    tip = f"{line.name} ({line.unit})"
    if line.pack_id is not None:
        tip += f"\n{line.qty_text}"
    return "\n".join([tip, *filter(None, (line.tier_note, promo_text(line)))])


def _qty(line: CartLine) -> str:
    return line.qty_text


def _price(line: CartLine) -> str:
    return format_number(line.unit_price)


def _discount(line: CartLine) -> str:
    own = discount_text(line.discount, line.discount_amount)
    return "  ".join(filter(None, (own, promo_text(line))))


def _total(line: CartLine) -> str:
    return format_number(line.total)


class CartModel(TableModel[CartLine]):
    """Rows are cart lines; every change emits ``sig_totals_changed``.

    A lazy :class:`~ui.list_model.TableModel`: the rows are the cart's own lines (``rowCount``
    and ``row_at`` read them), and ``cell_text`` answers from a per-line cache of the five
    texts, made again only when the line's figures change (this model is on the scan path).
    Only the name has a tooltip (name and unit); headers are aligned like their columns.
    """

    sig_totals_changed = Signal()

    def __init__(self, cart: Cart | None = None,
                 pricer: Callable[[Cart], None] | None = None) -> None:
        super().__init__([
            Column(_title(COL_NAME), _name, tooltip=_name_tip),
            *(Column(_title(c), text, numeric=True, tooltip=no_tooltip)
              for c, text in ((COL_QTY, _qty), (COL_PRICE, _price), (COL_DISCOUNT, _discount),
                              (COL_TOTAL, _total))),
        ])
        self._cart = cart or Cart()
        self._pricer = pricer  # applies tiers and promotions to the cart (the screen's, app.pricing)
        self._undo: list[_Added] = []
        # each line's cell texts with the figures they were made from: a repaint after a scan
        # asks for every visible cell several times, and formatting money is not free
        self._texts: dict[int, tuple[tuple[object, ...], CartLine, tuple[str, ...]]] = {}

    @property
    def cart(self) -> Cart:
        """The cart shown (do not edit its lines directly; use the model's methods)."""
        return self._cart

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per line."""
        return 0 if parent.isValid() else len(self._cart.lines)

    def row_at(self, row: int) -> CartLine | None:
        """The cart line on ``row``."""
        lines = self._cart.lines
        return lines[row] if 0 <= row < len(lines) else None

    def cell_text(self, row: int, column: int) -> str:
        """A cell's text, from the line's cached texts."""
        return self._cell_texts(self._cart.lines[row])[column]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles (translated), aligned like their cells; no row numbers."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if section == COL_NAME else RIGHT
        return super().headerData(section, orientation, role)

    def _cell_texts(self, line: CartLine) -> tuple[str, ...]:
        """The texts of a line's cells (made again only when its figures changed)."""
        figures = (line.qty, line.unit_price, line.discount.kind, line.discount.value,
                   line.tier_note, line.promos)
        cached = self._texts.get(id(line))
        if cached is not None and cached[1] is line and cached[0] == figures:
            return cached[2]
        texts = tuple(column.text(line) for column in self.columns)
        self._texts[id(line)] = (figures, line, texts)
        return texts

    # ----- changes -------------------------------------------------------------------------

    def add_hit(self, hit: ProductHit, qty: Decimal) -> int:
        """Add a product (merging with an equal piece line); returns the row it is on."""
        qty = quantize_qty(qty)
        if qty <= 0:
            raise ValidationError(self.tr("Jumlah harus lebih dari nol."), field="qty")
        line = line_of(hit, qty)
        merged = self._merges(line)
        if merged:
            self.beginResetModel()
        else:
            end = len(self._cart.lines)
            self.beginInsertRows(QModelIndex(), end, end)
        added = self._cart.add(line)
        if merged:
            self.endResetModel()
        else:
            self.endInsertRows()
        self._undo.append(_Added(added, qty))
        self.reprice()
        self.sig_totals_changed.emit()
        return self._cart.lines.index(added)

    def _merges(self, line: CartLine) -> bool:
        return self._cart.merge_target(line.product_id, line.list_price, line.sold_by_weight,
                                       line.pack_id) is not None

    def set_pricer(self, pricer: Callable[[Cart], None] | None) -> None:
        """Who applies tiers and promotions (the screen, with the shop's rules); reprices now."""
        self._pricer = pricer
        self.refresh_prices()

    def refresh_prices(self) -> None:
        """Reprice now (another channel or buyer: other promotions and tiers may apply)."""
        self.reprice()
        self._fix_order_discount()
        self.sig_totals_changed.emit()

    def reprice(self) -> None:
        """Apply tiers and promotions again; repaint the rows whose prices moved (a tier or a
        buy-X-get-Y can change other lines than the one touched)."""
        if self._pricer is None or not self._cart.lines:
            return
        lines = self._cart.lines
        before = [(ln.unit_price, ln.tier_note, ln.promos) for ln in lines]
        self._pricer(self._cart)
        moved = [row for row, ln in enumerate(lines)
                 if (ln.unit_price, ln.tier_note, ln.promos) != before[row]]
        if moved:
            self.refresh_rows(moved[0], moved[-1])

    def set_qty(self, row: int, qty: Decimal) -> None:
        """Change a line's quantity; zero or less removes the line."""
        line = self._cart.lines[row]
        qty = quantize_qty(qty)
        if qty <= 0:
            self.remove(row)
            return
        if not line.sold_by_weight and qty != qty.to_integral_value():
            message = self.tr("'{name}' dijual per {unit}, jumlah harus bulat.")
            raise ValidationError(message.format(name=line.name, unit=line.unit), field="qty")
        line.qty = qty
        self._row_changed(row)

    def step_qty(self, row: int, step: int) -> None:
        """Raise or lower a quantity by one (+/− keys); a weighed line moves by 0,1."""
        line = self._cart.lines[row]
        self.set_qty(row, line.qty + self.step_of(line) * step)

    @staticmethod
    def step_of(line: CartLine) -> Decimal:
        """How much one +/− press moves a line: 1, or 0,1 for weighed goods."""
        return Decimal("0.1") if line.sold_by_weight else Decimal(1)

    def set_line_discount(self, row: int, discount: Discount) -> None:
        """Give a line a discount (validated against the line's amount)."""
        line = self._cart.lines[row]
        discount.amount_of(line.gross)
        line.discount = discount
        self._row_changed(row)

    def set_order_discount(self, discount: Discount) -> None:
        """Give the whole order a discount (validated against the subtotal)."""
        discount.amount_of(self._cart.subtotal)
        self._cart.discount = discount
        self.sig_totals_changed.emit()

    def set_note(self, note: str) -> None:
        """The order note."""
        self._cart.note = note

    def remove(self, row: int) -> None:
        """Remove a line."""
        self.beginRemoveRows(QModelIndex(), row, row)
        line = self._cart.lines.pop(row)
        self.endRemoveRows()
        self._undo = [u for u in self._undo if u.line is not line]
        self.reprice()
        self._fix_order_discount()
        self.sig_totals_changed.emit()

    def undo_last(self) -> bool:
        """Take back the last add (Ctrl+Z); False when there is nothing to undo."""
        while self._undo:
            last = self._undo.pop()
            if last.line not in self._cart.lines:
                continue
            row = self._cart.lines.index(last.line)
            self.set_qty(row, last.line.qty - last.qty)
            return True
        return False

    def replace_cart(self, cart: Cart) -> None:
        """Show another cart (resumed, or a fresh one after a sale)."""
        self.beginResetModel()
        self._cart = cart
        self._undo = []
        self._texts.clear()
        self.endResetModel()
        self.reprice()
        self.sig_totals_changed.emit()

    def _row_changed(self, row: int) -> None:
        self.reprice()
        self._fix_order_discount()
        self.refresh_rows(row, row)
        self.sig_totals_changed.emit()

    def _fix_order_discount(self) -> None:
        """A rupiah order discount larger than the new subtotal is dropped, never negative."""
        disc = self._cart.discount
        if disc.kind == "amount" and disc.value > self._cart.subtotal:
            self._cart.discount = Discount()


def line_of(hit: ProductHit, qty: Decimal) -> CartLine:
    """The cart line a product (or one of its packs, from a pack's barcode) starts as."""
    if hit.pack_id is None:
        return CartLine(hit.id, hit.name, hit.unit, qty, hit.price, hit.sold_by_weight)
    price = hit.pack_price if hit.pack_price is not None else hit.price
    return CartLine(hit.id, hit.name, hit.unit, qty, price, False, pack_id=hit.pack_id,
                    pack_name=hit.pack_name, factor=hit.pack_factor)
