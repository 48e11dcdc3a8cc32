"""The units a product is received, counted and bought in: its base unit or one of its packs.

Stock always moves in the base unit (``products.unit``); a screen lets the seller choose
"pcs" or "dus (40 pcs)" and converts with :func:`app.packs.to_base`. A quantity may also
name its unit as typed: ``"3 dus"``, ``"2 dus 5"`` or ``"2 dus + 5 pcs"`` (a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.money import format_qty, line_total, parse_qty, quantize_qty, round_rupiah
from app.packs import to_base
from models import Product, ProductPack

_NUMBER = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True)
class UnitChoice:
    """The base unit (``pack_id`` None, factor 1) or a pack of ``factor`` base units."""

    pack_id: int | None
    name: str
    factor: Decimal
    base_unit: str

    @property
    def label(self) -> str:
        """``"pcs"`` or ``"dus (40 pcs)"``: what a unit chooser lists."""
        if self.pack_id is None:
            return self.name
        return f"{self.name} ({format_qty(self.factor)} {self.base_unit})"

    def to_base(self, qty: Decimal) -> Decimal:
        """``qty`` of this unit in base units."""
        return to_base(qty, self.factor)

    def cost_per_base(self, cost: int) -> int:
        """A cost per this unit as a cost per base unit (÷ factor, half up to the rupiah)."""
        return cost if self.pack_id is None else round_rupiah(Decimal(cost) / self.factor)

    def describe(self, qty: Decimal) -> str:
        """``"3 dus (120 pcs)"`` for a pack, ``"5 pcs"`` for the base unit."""
        if self.pack_id is None:
            return f"{format_qty(qty)} {self.name}"
        return f"{format_qty(qty)} {self.name} ({format_qty(self.to_base(qty))} {self.base_unit})"


def purchase_line_amount(qty: Decimal, unit_cost: int, pack_factor: Decimal,
                         pack_cost: int | None) -> int:
    """The money of a purchase line of ``qty`` base units: without a pack ``qty × unit_cost``;
    bought in packs of ``pack_factor`` at ``pack_cost`` each, ``qty ÷ factor × pack_cost``
    computed exactly, then rounded half up once (10 renteng of 12 at Rp40.000 is Rp400.000,
    not 120 × the rounded Rp3.333). The one rule for a purchase's, a receipt's and a return's
    total, hence what the shop owes the supplier."""
    if pack_cost is None:
        return line_total(qty, unit_cost)
    with localcontext() as ctx:
        ctx.prec = 60  # qty × cost ÷ factor is exact when qty is a whole number of packs
        return round_rupiah(Decimal(qty) * pack_cost / Decimal(pack_factor))


def exact_base(qty: Decimal, factor: Decimal) -> Decimal:
    """``qty`` packs in base units, refused when that needs more than 3 decimals (so the line
    keeps exactly the packs typed: ``base ÷ factor`` gives them back)."""
    exact = Decimal(qty) * Decimal(factor)
    base = to_base(qty, factor)
    if base != exact:
        raise ValidationError("{qty} × isi {factor} = {exact}: lebih dari 3 desimal, ubah jumlahnya.",
                              field="qty", qty=format_qty(qty), factor=format_qty(factor),
                              exact=format(exact.normalize(), "f"))
    return base


def bought_choice(unit: str, pack_name: str, pack_factor: Decimal) -> UnitChoice | None:
    """The pack a purchase line was bought in, as a choice (not tied to a stored pack: the
    product's packs may have changed since); None for a line bought in base units."""
    if not pack_name:
        return None
    return UnitChoice(-1, pack_name, Decimal(pack_factor), unit)


def base_choice(unit: str) -> UnitChoice:
    """The base unit as a choice."""
    return UnitChoice(None, unit, Decimal(1), unit)


def from_base(base_qty: Decimal, factor: Decimal) -> Decimal:
    """Base units as packs of ``factor`` (3 decimals): the inverse of :func:`to_base`."""
    return quantize_qty(Decimal(base_qty) / Decimal(factor))


def unit_choices(session: Session, product_id: int) -> list[UnitChoice]:
    """The product's base unit, then its packs (smallest first, archived ones left out)."""
    unit = session.scalar(select(Product.unit).where(Product.id == product_id))
    if unit is None:
        raise NotFoundError("Produk #{product_id} tidak ditemukan.", product_id=product_id)
    packs = session.execute(
        select(ProductPack.id, ProductPack.name, ProductPack.factor)
        .where(ProductPack.product_id == product_id, ProductPack.archived.is_(False))
        .order_by(ProductPack.factor, ProductPack.id))
    return [base_choice(unit)] + [UnitChoice(int(i), n, Decimal(f), unit) for i, n, f in packs]


def line_choices(session: Session, product_uuid: str, unit: str) -> list[UnitChoice]:
    """The units of a stored line's product (by uuid); only ``unit`` when the product is not on
    this device."""
    product_id = session.scalar(select(Product.id).where(Product.uuid == product_uuid))
    return unit_choices(session, product_id) if product_id is not None else [base_choice(unit)]


def bought_units(session: Session, product_uuid: str, unit: str, pack_name: str,
                 pack_factor: Decimal) -> list[UnitChoice]:
    """The units a stored purchase line can be given back in: its product's units, and the pack
    it was bought in when the product no longer has a pack of that name and factor."""
    choices = line_choices(session, product_uuid, unit)
    bought = bought_choice(unit, pack_name, pack_factor)
    if bought is not None and all((c.name, c.factor) != (bought.name, bought.factor) for c in choices):
        choices = [c for c in choices if c.name != bought.name] + [bought]
    return choices


def describe_bought(base_qty: Decimal, choices: list[UnitChoice], pack_name: str,
                    pack_factor: Decimal) -> str:
    """``"10 renteng (120 pcs)"``: a line bought in a pack, in that pack; a line bought in base
    units as :func:`describe_base` reads it."""
    bought = bought_choice(choices[0].base_unit, pack_name, pack_factor)
    if bought is None:
        return describe_base(base_qty, choices)
    return bought.describe(from_base(base_qty, bought.factor))


def choice_of(choices: list[UnitChoice], pack_id: int | None) -> UnitChoice:
    """The choice of this pack (None: the base unit, the first choice)."""
    for choice in choices:
        if choice.pack_id == pack_id:
            return choice
    raise NotFoundError("Kemasan #{pack_id} tidak ditemukan.", pack_id=pack_id)


def _unit_at(text: str, choices: list[UnitChoice]) -> UnitChoice | None:
    """The choice whose name starts ``text`` as a whole word (longest name first)."""
    for choice in sorted(choices, key=lambda c: -len(c.name)):
        name = choice.name.lower()
        if text.startswith(name) and not text[len(name):len(name) + 1].isalpha():
            return choice
    return None


def parse_parts(text: str, choices: list[UnitChoice],
                default: UnitChoice | None = None) -> list[tuple[Decimal, UnitChoice]]:
    """``"2 dus 5"`` → [(2, dus), (5, default)]; a number without a unit is in ``default``
    (the base unit when not given). An unknown unit word is refused, naming it."""
    fallback = default or choices[0]
    rest = " ".join(text.split()).lower()
    if not rest:
        raise ValidationError("Jumlah belum diisi.", field="qty")
    parts: list[tuple[Decimal, UnitChoice]] = []
    while rest:
        match = _NUMBER.match(rest)
        if match is None:
            raise ValidationError("Jumlah '{text}' bukan angka yang sah.", field="qty", text=text.strip())
        qty = parse_qty(match.group())
        rest = rest[match.end():].lstrip()
        choice = _unit_at(rest, choices)
        if choice is None and rest[:1].isalpha():
            word = rest.split(" ", 1)[0]
            raise ValidationError("Satuan '{name}' tidak dikenal untuk produk ini.", field="qty", name=word)
        if choice is not None:
            rest = rest[len(choice.name):].lstrip()
        parts.append((qty, choice or fallback))
        rest = rest.removeprefix("+").lstrip()
    return parts


def parse_amount(text: str, choices: list[UnitChoice],
                 default: UnitChoice | None = None) -> tuple[Decimal, UnitChoice]:
    """One quantity in one unit: ``"3"`` (in ``default``) or ``"3 dus"``."""
    parts = parse_parts(text, choices, default)
    if len(parts) != 1:
        raise ValidationError("Tulis satu jumlah dalam satu satuan, mis. 3 atau 3 dus.", field="qty")
    return parts[0]


def parse_count(text: str, choices: list[UnitChoice]) -> Decimal:
    """A counted quantity in base units: ``"2 dus 5"`` with dus of 40 → 85."""
    return quantize_qty(sum((c.to_base(q) for q, c in parse_parts(text, choices)), Decimal(0)))


def count_in_packs(text: str, unit: str, packs: list[tuple[str, Decimal]]) -> Decimal:
    """:func:`parse_count` with packs given as (name, factor), not stored yet (an import row's
    Kemasan cell): ``"2 dus 5"`` with ``[("dus", 40)]`` → 85 base units."""
    choices = [base_choice(unit)] + [UnitChoice(-1 - i, " ".join(name.split()).lower(), Decimal(factor), unit)
                                     for i, (name, factor) in enumerate(packs)]
    return parse_count(text, choices)


def describe_base(base_qty: Decimal, choices: list[UnitChoice]) -> str:
    """``"80 pcs (2 dus)"``: base units, and the largest pack they fill exactly, if any."""
    unit = choices[0].base_unit
    text = f"{format_qty(base_qty)} {unit}"
    for choice in sorted((c for c in choices if c.pack_id is not None), key=lambda c: -c.factor):
        packs = from_base(base_qty, choice.factor)
        if base_qty and packs == packs.to_integral_value() and choice.to_base(packs) == base_qty:
            return f"{text} ({format_qty(packs)} {choice.name})"
    return text
