"""The cart at the counter: pure Python, no database, no Qt.

Line totals round half-up to whole rupiah; discounts are rupiah or percent.
A cart serialises to JSON so it can be held (F8), resumed (F9) and kept across a
close or crash (:mod:`app.cart_store`). The entry rules (largest quantity, stock)
are checked here where a quantity is typed, and again at checkout.

A line is sold in the product's base unit or in a pack (``1 dus`` = ``factor`` 40 pcs; stock
moves ``qty × factor`` base units). :meth:`Cart.reprice` applies the shop's wholesale tiers and
promotions (:mod:`app.pricing`): ``unit_price`` becomes the price used, ``tier_note`` and
``promos`` say why. A line with the cashier's own discount keeps its tier but no promotion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.errors import StockError, ValidationError
from app.money import check_qty_limit, format_qty, line_total, parse_qty, percent_of, quantize_qty

if TYPE_CHECKING:
    from app.pricing import AppliedPromo, LineIn, RuleSet

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
    """One product in the cart; name, unit and price are snapshots taken when added.

    ``unit`` is the product's base unit; a pack line also has ``pack_id``, ``pack_name`` and
    ``factor`` (base units per pack). ``list_price`` is one unit's or pack's own price,
    ``unit_price`` the price used after a wholesale tier (:meth:`Cart.reprice`).
    """

    product_id: int
    name: str
    unit: str
    qty: Decimal
    unit_price: int
    sold_by_weight: bool = False
    discount: Discount = field(default_factory=Discount)
    pack_id: int | None = None
    pack_name: str = ""
    factor: Decimal = Decimal(1)
    list_price: int = 0  # 0: the ``unit_price`` given
    tier_note: str = ""
    promos: tuple[AppliedPromo, ...] = ()

    def __post_init__(self) -> None:
        """An old line (held before packs and tiers) lists at its own price."""
        if not self.list_price:
            self.list_price = self.unit_price

    @property
    def base_qty(self) -> Decimal:
        """The quantity in the product's base unit (what stock moves by)."""
        return quantize_qty(self.qty * self.factor)

    @property
    def qty_text(self) -> str:
        """``3 pcs``, or for a pack ``1 dus (40 pcs)``."""
        if self.pack_id is None:
            return f"{format_qty(self.qty)} {self.unit}"
        return f"{format_qty(self.qty)} {self.pack_name} ({format_qty(self.base_qty)} {self.unit})"

    @property
    def gross(self) -> int:
        """Quantity × price, rounded half-up to whole rupiah."""
        return line_total(self.qty, self.unit_price)

    @property
    def discount_amount(self) -> int:
        """The line discount in rupiah (the cashier's own)."""
        return self.discount.amount_of(self.gross)

    @property
    def promo_amount(self) -> int:
        """What the promotions take off the line."""
        return sum(p.amount for p in self.promos)

    @property
    def total(self) -> int:
        """The line's amount after its discount and promotions."""
        return self.gross - self.discount_amount - self.promo_amount

    def priced_input(self, category_id: int | None, line_in: type[LineIn]) -> LineIn:
        """The line as :func:`app.pricing.reprice` takes it (``line_in``: its class, imported
        once per reprice by the caller, not once per line)."""
        return line_in(self.product_id, quantize_qty(self.qty), self.list_price, self.pack_id,
                       self.factor, category_id, self.sold_by_weight, self.discount.value != 0)

    def to_dict(self) -> dict[str, Any]:
        """The line for a held or kept cart (JSON)."""
        return {
            "product_id": self.product_id, "name": self.name, "unit": self.unit,
            "qty": str(self.qty), "unit_price": self.unit_price,
            "sold_by_weight": self.sold_by_weight,
            "discount": {"kind": self.discount.kind, "value": str(self.discount.value)},
            "pack_id": self.pack_id, "pack_name": self.pack_name, "factor": str(self.factor),
            "list_price": self.list_price, "tier_note": self.tier_note,
            "promos": [[p.promotion_id, p.name, p.amount, p.free_qty] for p in self.promos],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CartLine:
        """A line from :meth:`to_dict`; a line saved before packs and tiers loads too."""
        from app.pricing import AppliedPromo  # noqa: PLC0415 (as reprice)

        return cls(
            product_id=int(d["product_id"]), name=d["name"], unit=d["unit"],
            qty=Decimal(d["qty"]), unit_price=int(d["unit_price"]),
            sold_by_weight=bool(d["sold_by_weight"]),
            discount=Discount(d["discount"]["kind"], Decimal(d["discount"]["value"])),
            pack_id=d.get("pack_id"), pack_name=d.get("pack_name", ""),
            factor=Decimal(d.get("factor", 1)), list_price=int(d.get("list_price") or 0),
            tier_note=d.get("tier_note", ""),
            promos=tuple(AppliedPromo(int(i), str(n), int(a), int(f))
                         for i, n, a, f in d.get("promos", ())),
        )


@dataclass
class Cart:
    """The buyer's cart: lines, an order discount, a note, the sales channel and the buyer's
    customer group (wholesale tiers per group, e.g. ``reseller``)."""

    lines: list[CartLine] = field(default_factory=list)
    discount: Discount = field(default_factory=Discount)
    note: str = ""
    channel_id: int | None = None
    group: str = ""

    def add(self, line: CartLine) -> CartLine:
        """Add a line; a piece product already in the cart (same pack) gets its quantity raised."""
        line.qty = quantize_qty(line.qty)
        existing = self.merge_target(line.product_id, line.list_price, line.sold_by_weight,
                                     line.pack_id)
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
        """Quantity of a product over all its lines, in its base unit (1 dus = 40 pcs)."""
        return sum((line.base_qty for line in self.lines if line.product_id == product_id),
                   Decimal(0))

    def merge_target(self, product_id: int, list_price: int, sold_by_weight: bool,
                     pack_id: int | None = None) -> CartLine | None:
        """The line :meth:`add` would raise for this product in this pack, if any."""
        if sold_by_weight:
            return None
        for existing in self.lines:
            same = (existing.product_id == product_id and existing.list_price == list_price
                    and existing.pack_id == pack_id)
            if same and not existing.sold_by_weight and existing.discount.value == 0:
                return existing
        return None

    def reprice(self, rules: RuleSet, local_time: datetime,
                categories: Mapping[int, int | None] | None = None) -> None:
        """Apply tiers and promotions (:func:`app.pricing.reprice`) at the shop-local
        ``local_time``; ``categories`` maps product ids to categories (category promotions)."""
        from app.pricing import Context, LineIn, reprice  # noqa: PLC0415 (the pricing engine loads after the sell screen's first frame (bench.startup))

        cats = categories or {}
        inputs = [line.priced_input(cats.get(line.product_id), LineIn) for line in self.lines]
        priced = reprice(inputs, rules, Context(local_time, self.channel_id, self.group))
        for line, result in zip(self.lines, priced.lines, strict=True):
            line.unit_price, line.tier_note, line.promos = (result.unit_price, result.tier_note,
                                                            result.promos)

    @property
    def promo_amount(self) -> int:
        """What the promotions take off the whole cart."""
        return sum(line.promo_amount for line in self.lines)

    @property
    def item_count(self) -> Decimal:
        """Total quantity across lines (for the display)."""
        return sum((line.qty for line in self.lines), Decimal(0))

    def to_json(self) -> str:
        """Serialise for a held cart."""
        return json.dumps({
            "lines": [line.to_dict() for line in self.lines],
            "discount": {"kind": self.discount.kind, "value": str(self.discount.value)},
            "note": self.note, "channel_id": self.channel_id, "group": self.group,
        })

    @classmethod
    def from_json(cls, text: str) -> Cart:
        """Restore a held cart (one held before packs and tiers too)."""
        data = json.loads(text)
        lines = [CartLine.from_dict(d) for d in data["lines"]]
        disc = Discount(data["discount"]["kind"], Decimal(data["discount"]["value"]))
        return cls(lines=lines, discount=disc, note=data.get("note", ""),
                   channel_id=data.get("channel_id"), group=data.get("group", ""))
