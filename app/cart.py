"""The cart at the counter: pure Python, no database, no Qt.

Line totals round half-up to whole rupiah; discounts are rupiah or percent.
A cart serialises to JSON so it can be held (F8), resumed (F9) and kept across a
close or crash (:mod:`app.cart_store`). The entry rules (largest quantity, stock)
are checked here where a quantity is typed, and again at checkout.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from app.errors import StockError, ValidationError
from app.money import check_qty_limit, format_qty, line_total, parse_qty, percent_of, quantize_qty

DEFAULT_MAX_QTY = 10_000
_QTY_PREFIX = re.compile(r"^\s*([^*\s]+)\s*\*\s*(.*)$", re.DOTALL)


@dataclass(frozen=True)
class EntryRules:
    """The shop's rules for quantities typed at the till (settings ``sales.*``)."""

    max_qty: int = DEFAULT_MAX_QTY
    forbid_negative_stock: bool = False


@dataclass(frozen=True)
class StockNote:
    """What a line's quantity leaves in stock: ``left`` is on hand before this sale."""

    left: Decimal
    unit: str

    @property
    def out(self) -> bool:
        """Nothing left at all."""
        return self.left <= 0


def split_qty_prefix(text: str) -> tuple[Decimal | None, str]:
    """``3*8991234`` → (3, ``8991234``); no ``*`` → (None, text).

    A prefix that is not a quantity above zero (``0*``, ``1e9*``, ``-2*``) is refused
    with a :class:`ValidationError`, never read as one.
    """
    match = _QTY_PREFIX.match(text)
    if not match:
        return None, text.strip()
    qty = parse_qty(match.group(1))
    if qty <= 0:
        raise ValidationError("Jumlah harus lebih dari 0.", field="qty")
    return qty, match.group(2).strip()


def check_line_qty(name: str, unit: str, qty: Decimal, sold_by_weight: bool, rules: EntryRules) -> Decimal:
    """A line's new quantity if acceptable: above 0, within ``max_qty``, whole for pieces."""
    value = check_qty_limit(qty, rules.max_qty)
    if not sold_by_weight and value != value.to_integral_value():
        raise ValidationError("'{name}' dijual per {unit}, jumlah harus bulat.", field="qty",
                              name=name, unit=unit)
    return value


def check_stock(name: str, unit: str, on_hand: Decimal, wanted: Decimal,
                rules: EntryRules) -> StockNote | None:
    """None when ``wanted`` (all lines of the product) is in stock; else a note to show.

    When the shop forbids selling below zero the shortfall is refused instead.
    """
    if wanted <= on_hand:
        return None
    if rules.forbid_negative_stock:
        left = max(on_hand, Decimal(0))
        raise StockError("Stok {name} tinggal {left} {unit}; toko ini tidak menjual melebihi stok.",
                         field="qty", name=name, left=format_qty(left), unit=unit)
    return StockNote(quantize_qty(on_hand), unit)


@dataclass
class Discount:
    """A discount as typed: ``kind`` is ``amount`` (rupiah) or ``percent``."""

    kind: str = "amount"
    value: Decimal = Decimal(0)

    def amount_of(self, base: int) -> int:
        """The discount in rupiah on ``base``, never more than ``base``."""
        if self.kind == "percent":
            if not 0 <= self.value <= 100:
                raise ValidationError("Diskon persen harus antara 0 dan 100.", field="discount")
            return min(base, percent_of(base, self.value))
        amount = int(self.value)
        if amount < 0 or amount != self.value:
            raise ValidationError("Diskon harus rupiah bulat, nol atau lebih.", field="discount")
        if amount > base:
            raise ValidationError("Diskon melebihi harga.", field="discount")
        return amount


@dataclass
class CartLine:
    """One product in the cart; name, unit and price are snapshots taken when added."""

    product_id: int
    name: str
    unit: str
    qty: Decimal
    unit_price: int
    sold_by_weight: bool = False
    discount: Discount = field(default_factory=Discount)

    @property
    def gross(self) -> int:
        """Quantity × price, rounded half-up to whole rupiah."""
        return line_total(self.qty, self.unit_price)

    @property
    def discount_amount(self) -> int:
        """The line discount in rupiah."""
        return self.discount.amount_of(self.gross)

    @property
    def total(self) -> int:
        """The line's amount after its discount."""
        return self.gross - self.discount_amount


@dataclass
class Cart:
    """The buyer's cart: lines, an order discount, a note and the sales channel."""

    lines: list[CartLine] = field(default_factory=list)
    discount: Discount = field(default_factory=Discount)
    note: str = ""
    channel_id: int | None = None

    def add(self, line: CartLine) -> CartLine:
        """Add a line; a piece product already in the cart gets its quantity raised."""
        line.qty = quantize_qty(line.qty)
        existing = self.merge_target(line.product_id, line.unit_price, line.sold_by_weight)
        if existing is not None:
            existing.qty += line.qty
            self.lines.remove(existing)
            self.lines.append(existing)
            return existing
        self.lines.append(line)
        return line

    @property
    def subtotal(self) -> int:
        """Sum of line totals (after line discounts)."""
        return sum(line.total for line in self.lines)

    @property
    def discount_amount(self) -> int:
        """The order discount in rupiah."""
        return self.discount.amount_of(self.subtotal)

    @property
    def total(self) -> int:
        """What the buyer pays."""
        return self.totals()[2]

    def totals(self) -> tuple[int, int, int]:
        """(subtotal, order discount, total) with the lines summed once (the till shows all three
        after every scan)."""
        subtotal = self.subtotal
        discount = self.discount.amount_of(subtotal)
        return subtotal, discount, subtotal - discount

    def qty_of(self, product_id: int) -> Decimal:
        """Quantity of a product over all its lines."""
        return sum((line.qty for line in self.lines if line.product_id == product_id), Decimal(0))

    def merge_target(self, product_id: int, unit_price: int, sold_by_weight: bool) -> CartLine | None:
        """The line :meth:`add` would raise for this product, if any."""
        if sold_by_weight:
            return None
        for existing in self.lines:
            same = existing.product_id == product_id and existing.unit_price == unit_price
            if same and not existing.sold_by_weight and existing.discount.value == 0:
                return existing
        return None

    @property
    def item_count(self) -> Decimal:
        """Total quantity across lines (for the display)."""
        return sum((line.qty for line in self.lines), Decimal(0))

    def to_json(self) -> str:
        """Serialise for a held cart."""
        return json.dumps(asdict(self), default=str)

    @classmethod
    def from_json(cls, text: str) -> Cart:
        """Restore a held cart."""
        data = json.loads(text)
        lines = [
            CartLine(
                product_id=int(d["product_id"]), name=d["name"], unit=d["unit"],
                qty=Decimal(d["qty"]), unit_price=int(d["unit_price"]),
                sold_by_weight=bool(d["sold_by_weight"]),
                discount=Discount(d["discount"]["kind"], Decimal(d["discount"]["value"])),
            )
            for d in data["lines"]
        ]
        disc = Discount(data["discount"]["kind"], Decimal(data["discount"]["value"]))
        return cls(lines=lines, discount=disc, note=data.get("note", ""),
                   channel_id=data.get("channel_id"))
