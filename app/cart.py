"""The cart at the counter: pure Python, no database, no Qt.

Line totals round half-up to whole rupiah; discounts are rupiah or percent.
A cart serialises to JSON so it can be held (F8) and resumed (F9).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from app.errors import ValidationError
from app.money import line_total, percent_of, quantize_qty


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
        if not line.sold_by_weight:
            for existing in self.lines:
                same = existing.product_id == line.product_id and existing.unit_price == line.unit_price
                if same and not existing.sold_by_weight and existing.discount.value == 0:
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
        return self.subtotal - self.discount_amount

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
