"""Scale barcodes (issue 17): the label layouts round-trip, the price check digit, a price label's
line is the label's price, and the till finds a label's product (an exact code still wins)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import catalog, scale, settings
from app.barcodes import is_valid_ean13, make_ean13
from app.db import Database
from app.errors import ValidationError
from app.money import line_total
from app.scale import ScaleLayout, ScaleValue
from tests.unit.foundation_kit import add_product


@st.composite
def layouts(draw: st.DrawFn) -> ScaleLayout:
    """Any valid layout: 1–3 prefixes in 20–29, 3–6 PLU digits, weight or price, price check
    only where GS1 defines one (4 or 5 value digits)."""
    prefixes = tuple(draw(st.lists(st.sampled_from(scale.SCALE_PREFIXES), min_size=1, max_size=3,
                                   unique=True)))
    plu_digits = draw(st.integers(3, 6))
    price_check = plu_digits in (4, 5) and draw(st.booleans())
    return ScaleLayout(prefixes, plu_digits, draw(st.sampled_from(ScaleValue)), price_check)


@given(layouts(), st.data())
def test_labels_round_trip_over_random_layouts(layout: ScaleLayout, data: st.DataObject) -> None:
    plu = data.draw(st.integers(0, 10 ** layout.plu_digits - 1))
    amount = data.draw(st.integers(0, layout.largest_value))
    prefix = data.draw(st.sampled_from(layout.prefixes))
    if layout.value == ScaleValue.WEIGHT:
        weight = Decimal(amount) / 1000
        code = scale.build(layout, plu, weight_kg=weight, prefix=prefix)
        expected = scale.ScaleLabel(f"{plu:0{layout.plu_digits}d}", weight_kg=weight)
    else:
        code = scale.build(layout, plu, price=amount, prefix=prefix)
        expected = scale.ScaleLabel(f"{plu:0{layout.plu_digits}d}", price=amount)
    assert len(code) == 13 and code.startswith(prefix) and is_valid_ean13(code)
    assert scale.parse(layout, code) == expected


@given(layouts(), st.data())
def test_a_misread_digit_is_not_a_label(layout: ScaleLayout, data: st.DataObject) -> None:
    code = scale.build(layout, 1, weight_kg=Decimal("0.5"), price=5_000)
    position = data.draw(st.integers(2, 11))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != code[position]]))
    misread = code[:position] + digit + code[position + 1:12]
    assert scale.parse(layout, misread + code[12]) is None  # the EAN check catches it
    if layout.price_check and position >= 2 + layout.plu_digits:
        assert scale.parse(layout, make_ean13(misread)) is None  # and the price check too


def test_price_check_digit_gs1_examples() -> None:
    # GS1 General Specifications: 4-digit price 2875 → 9; 5-digit price 14685 → 6
    assert scale.price_check_digit("2875") == 9
    assert scale.price_check_digit("14685") == 6
    with pytest.raises(ValueError):
        scale.price_check_digit("123")


def test_common_layout_reads_weight_in_grams() -> None:
    layout = ScaleLayout()  # 20/21, 5-digit PLU, 5-digit grams
    code = make_ean13("2000123" + "01250")
    assert scale.parse(layout, code) == scale.ScaleLabel("00123", weight_kg=Decimal("1.250"))
    assert scale.parse(layout, make_ean13("2200123" + "01250")) is None  # prefix 22 not set
    assert scale.parse(layout, code[:12] + str((int(code[12]) + 1) % 10)) is None


def test_invalid_layouts_are_refused() -> None:
    with pytest.raises(ValidationError):
        ScaleLayout(("19",))
    with pytest.raises(ValidationError):
        ScaleLayout(plu_digits=7)
    with pytest.raises(ValidationError):
        ScaleLayout(plu_digits=6, price_check=True)  # 3 value digits: no GS1 price check
    with pytest.raises(ValidationError):
        scale.build(ScaleLayout(), 1, weight_kg=Decimal("100"))  # 100 000 g does not fit


@given(st.integers(1, 10_000_000), st.integers(1, 500_000), st.booleans())
def test_a_price_label_line_is_the_label_price(price: int, unit_price: int, whole: bool) -> None:
    qty, off = scale.qty_for_price(price, unit_price, whole)
    assert qty > 0 and off >= 0
    assert line_total(qty, unit_price) - off == price
    step = Decimal(1) if whole else Decimal("0.001")
    assert off < max(line_total(step, unit_price), 1) + 1  # never more than one step's worth


def test_price_label_made_by_the_scale_needs_no_discount() -> None:
    # the scale priced 0,347 kg at Rp 120.000/kg
    assert scale.qty_for_price(line_total(Decimal("0.347"), 120_000), 120_000, False) == (
        Decimal("0.347"), 0)


def _turn_on(db: Database, **values: object) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "scale.enabled", True)
        for key, value in values.items():
            settings.set_value(session, f"scale.{key}", value)


def test_till_finds_the_weighed_product_of_a_label(db: Database) -> None:
    with db.unit_of_work() as session:
        beef = add_product(session, "00123", "Daging Sapi", 130_000, weighed=True)
        add_product(session, "LAMA", "Kue Lama", 5_000, barcodes=(make_ean13("200012301250"),))
    label = make_ean13("2000123" + "00750")
    with db.read() as session:
        assert catalog.find_by_code(session, label) is None  # scale labels are off by default
    _turn_on(db)
    with db.read() as session:
        hit = catalog.find_by_code(session, label)
        assert hit is not None and (hit.id, hit.label_qty, hit.label_price) == (
            beef, Decimal("0.750"), None)
        old = catalog.find_by_code(session, make_ean13("200012301250"))
        assert old is not None and old.name == "Kue Lama" and old.label_qty is None  # exact wins


def test_plu_matches_a_barcode_or_the_sku_without_zeros(db: Database) -> None:
    with db.unit_of_work() as session:
        fish = add_product(session, "IKAN-1", "Ikan Tongkol", 60_000, weighed=True,
                           barcodes=("00042",))
        chicken = add_product(session, "77", "Ayam Potong", 40_000, weighed=True)
    _turn_on(db)
    with db.read() as session:
        assert _hit_id(session, make_ean13("2100042" + "01000")) == fish
        assert _hit_id(session, make_ean13("2100077" + "01000")) == chicken
        assert catalog.find_by_code(session, make_ean13("2100078" + "01000")) is None


def _hit_id(session: object, code: str) -> int | None:
    hit = catalog.find_by_code(session, code)  # type: ignore[arg-type]
    return int(hit.id) if hit is not None else None


def test_a_price_label_charges_the_label_price(db: Database) -> None:
    with db.unit_of_work() as session:
        add_product(session, "9", "Keju Potong", 150_000, weighed=True)
    _turn_on(db, value="price", plu_digits=4, price_check=True, prefixes="23")
    layout = ScaleLayout(("23",), 4, ScaleValue.PRICE, True)
    with db.read() as session:
        hit = catalog.find_by_code(session, scale.build(layout, 9, price=37_550))
    assert hit is not None and hit.label_price == 37_550 and hit.label_qty is not None
    assert line_total(hit.label_qty, hit.price) - hit.label_discount == 37_550


def test_a_label_in_grams_for_a_product_sold_per_gram(db: Database) -> None:
    with db.unit_of_work() as session:
        catalog.create_product(session, catalog.ProductInput(
            sku="00005", name="Kunyit", price=50, unit="g", sold_by_weight=True))
    _turn_on(db)
    with db.read() as session:
        hit = catalog.find_by_code(session, make_ean13("2000005" + "00250"))
    assert hit is not None and hit.label_qty == Decimal(250)


def test_a_broken_stored_layout_reads_as_off() -> None:
    stored = {"scale.enabled": True, "scale.prefixes": "20", "scale.plu_digits": 9,
              "scale.value": "weight", "scale.price_check": False}
    assert scale.layout_from_settings(stored.__getitem__) is None
    stored["scale.plu_digits"] = 5
    assert scale.layout_from_settings(stored.__getitem__) == ScaleLayout(("20",))
