"""Scale barcodes: EAN-13 labels printed by a label scale (timbangan label), pure, no database.

A label scale prints an EAN-13 whose first two digits are a prefix in 20–29 (GS1 keeps that
range for codes made inside a shop), then the scale's PLU number, then the weight in grams or
the price in rupiah, then the EAN check digit. Some scales put a price check digit (GS1's
4- or 5-digit price check) just before the value::

    prefix  PLU       [price check]  value         EAN check
    2 dig.  plu_digits  0 or 1       the rest      1 digit      = 13 digits

:class:`ScaleLayout` says how the shop's scale lays its labels out (settings ``scale.*``,
read by :func:`layout_from_settings`); :func:`parse` reads a scanned code and :func:`build` makes
one (tests, label printing). How a PLU finds its product and how a price label becomes a cart
line: docs/scale-barcodes.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum

from app.barcodes import ean13_check_digit, is_valid_ean13
from app.errors import ValidationError
from app.money import QTY_PLACES, line_total

SCALE_PREFIXES = tuple(str(n) for n in range(20, 30))
PLU_DIGITS = range(3, 7)
GRAMS_PER_KG = Decimal(1000)
_BODY = 10  # digits between the prefix and the EAN check digit


class ScaleValue(StrEnum):
    """What the value digits of a scale label hold (setting ``scale.value``)."""

    WEIGHT = "weight"  # grams
    PRICE = "price"  # rupiah


@dataclass(frozen=True)
class ScaleLayout:
    """How a label scale lays out its EAN-13 (see the module docstring)."""

    prefixes: tuple[str, ...] = ("20", "21")
    plu_digits: int = 5
    value: ScaleValue = ScaleValue.WEIGHT
    price_check: bool = False

    def __post_init__(self) -> None:
        if not self.prefixes or any(p not in SCALE_PREFIXES for p in self.prefixes):
            raise ValidationError("Awalan barcode timbangan harus 20 sampai 29.", field="prefixes")
        if self.plu_digits not in PLU_DIGITS:
            raise ValidationError("Panjang PLU harus {low} sampai {high} angka.", field="plu_digits",
                                  low=PLU_DIGITS[0], high=PLU_DIGITS[-1])
        if self.price_check and self.value_digits not in (4, 5):
            raise ValidationError("Cek digit harga hanya untuk nilai 4 atau 5 angka.",
                                  field="price_check")

    @property
    def value_digits(self) -> int:
        """How many digits the weight or price takes."""
        return _BODY - self.plu_digits - (1 if self.price_check else 0)

    @property
    def largest_value(self) -> int:
        """The largest weight (grams) or price (rupiah) a label can carry."""
        return 10 ** self.value_digits - 1


@dataclass(frozen=True)
class ScaleLabel:
    """What a scale label says: the PLU and either the weight (kg) or the price (rupiah)."""

    plu: str
    weight_kg: Decimal | None = None
    price: int | None = None


# GS1 price check digit: the weighted products of each digit (General Specifications 7.9.3).
_TWO_MINUS = (0, 2, 4, 6, 8, 9, 1, 3, 5, 7)
_THREE = (0, 3, 6, 9, 2, 5, 8, 1, 4, 7)
_FIVE_PLUS = (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)
_FIVE_MINUS = (0, 5, 9, 4, 8, 3, 7, 2, 6, 1)
_FOUR_WEIGHTS = (_TWO_MINUS, _TWO_MINUS, _THREE, _FIVE_MINUS)
_FIVE_WEIGHTS = (_FIVE_PLUS, _TWO_MINUS, _FIVE_MINUS, _FIVE_PLUS, _TWO_MINUS)


def price_check_digit(value: str) -> int:
    """The GS1 price check digit of a 4- or 5-digit value field."""
    if not value.isdigit() or len(value) not in (4, 5):
        raise ValueError("the price check digit is defined for 4 or 5 digits")
    if len(value) == 4:
        total = sum(table[int(d)] for table, d in zip(_FOUR_WEIGHTS, value, strict=True))
        return (total * 3) % 10
    total = sum(table[int(d)] for table, d in zip(_FIVE_WEIGHTS, value, strict=True))
    return _FIVE_MINUS.index((10 - total % 10) % 10)


def fits(layout: ScaleLayout, code: str) -> bool:
    """Whether ``code`` is a valid EAN-13 under one of the layout's prefixes (cheap, no parse)."""
    return len(code) == 13 and code[:2] in layout.prefixes and is_valid_ean13(code)


def parse(layout: ScaleLayout, code: str) -> ScaleLabel | None:
    """The label a scanned code carries; None when it is not a label of this layout."""
    if not fits(layout, code):
        return None
    plu_end = 2 + layout.plu_digits
    value = code[12 - layout.value_digits:12]
    if layout.price_check and int(code[plu_end]) != price_check_digit(value):
        return None
    plu = code[2:plu_end]
    if layout.value == ScaleValue.WEIGHT:
        return ScaleLabel(plu, weight_kg=(Decimal(int(value)) / GRAMS_PER_KG).quantize(QTY_PLACES))
    return ScaleLabel(plu, price=int(value))


def build(layout: ScaleLayout, plu: str | int, *, weight_kg: Decimal | None = None,
          price: int | None = None, prefix: str | None = None) -> str:
    """A label's EAN-13 for a PLU and a weight (kg, whole grams) or a price (rupiah)."""
    plu_text = f"{int(plu):0{layout.plu_digits}d}"
    if len(plu_text) != layout.plu_digits:
        raise ValidationError("PLU {plu} terlalu panjang.", field="plu", plu=plu)
    amount = _label_value(layout, weight_kg, price)
    if not 0 <= amount <= layout.largest_value:
        raise ValidationError("Nilai {value} tidak muat di label timbangan.", field="value",
                              value=amount)
    value = f"{amount:0{layout.value_digits}d}"
    check = str(price_check_digit(value)) if layout.price_check else ""
    first12 = (prefix or layout.prefixes[0]) + plu_text + check + value
    return first12 + str(ean13_check_digit(first12))


def _label_value(layout: ScaleLayout, weight_kg: Decimal | None, price: int | None) -> int:
    if layout.value == ScaleValue.WEIGHT:
        if weight_kg is None:
            raise ValidationError("Label timbangan ini memuat berat.", field="weight")
        grams = weight_kg * GRAMS_PER_KG
        if grams != grams.to_integral_value():
            raise ValidationError("Berat harus gram bulat.", field="weight")
        return int(grams)
    if price is None:
        raise ValidationError("Label timbangan ini memuat harga.", field="price")
    return price


def plu_keys(plu: str) -> tuple[str, ...]:
    """The codes a PLU is looked up by: as printed (``00123``), then without zeros (``123``)."""
    bare = plu.lstrip("0") or "0"
    return (plu,) if bare == plu else (plu, bare)


def qty_for_price(price: int, unit_price: int, whole: bool) -> tuple[Decimal, int]:
    """The quantity a price label stands for and the rupiah to take off so the line is ``price``.

    The quantity is ``price / unit_price`` in the till's steps (0,001 or whole pieces); when no
    step gives exactly ``price`` (the scale's price per kg differs, or it rounds), the quantity is
    rounded up and the difference returned as a line discount: the buyer pays what the label says.
    """
    if unit_price <= 0 or price <= 0:
        raise ValidationError("Harga label dan harga produk harus lebih dari nol.", field="price")
    step = Decimal(1) if whole else QTY_PLACES
    exact = (Decimal(price) / unit_price).quantize(step)
    for qty in (exact, exact - step, exact + step):
        if qty > 0 and line_total(qty, unit_price) == price:
            return qty, 0
    qty = (Decimal(price) / unit_price).quantize(step, rounding=ROUND_CEILING)
    return qty, line_total(qty, unit_price) - price


def layout_from_settings(get: Callable[[str], object]) -> ScaleLayout | None:
    """The shop's layout from its ``scale.*`` settings (``get`` reads one); None when off or
    the stored layout is not a valid one."""
    if not get("scale.enabled"):
        return None
    prefixes = tuple(p.strip() for p in str(get("scale.prefixes")).split(",") if p.strip())
    try:
        return ScaleLayout(prefixes, int(str(get("scale.plu_digits"))),
                           ScaleValue(str(get("scale.value"))), bool(get("scale.price_check")))
    except (ValidationError, ValueError):
        return None
