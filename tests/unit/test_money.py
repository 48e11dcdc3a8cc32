"""Money and quantities: rupiah formatting and parsing, half-up rounding, PPN, the pure cart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.cart import Cart, CartLine, Discount
from app.errors import ValidationError
from app.money import (
    check_qty_limit,
    format_number,
    format_qty,
    format_rupiah,
    line_total,
    parse_qty,
    parse_rupiah,
    percent_of,
    ppn_included,
    quantize_qty,
    round_rupiah,
)


@pytest.mark.parametrize(("amount", "shown"), [
    (0, "Rp0"), (500, "Rp500"), (12500, "Rp12.500"), (1_250_000, "Rp1.250.000"),
    (-12500, "-Rp12.500"), (10_000_000_000, "Rp10.000.000.000"),
])
def test_format_rupiah(amount: int, shown: str) -> None:
    assert format_rupiah(amount) == shown


@pytest.mark.parametrize("bad", [12.5, Decimal("12500"), True, "12500"])
def test_format_rupiah_refuses_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(bad)  # type: ignore[arg-type]


def test_format_number() -> None:
    assert format_number(1234567) == "1.234.567"
    assert format_number(-1000) == "-1.000"


@pytest.mark.parametrize(("qty", "shown"), [
    (Decimal("1.500"), "1,5"), (Decimal("0.250"), "0,25"), (Decimal(2), "2"),
    (Decimal("1000"), "1.000"), (Decimal("-0.5"), "-0,5"), (Decimal("12.345"), "12,345"),
])
def test_format_qty_comma_decimal(qty: Decimal, shown: str) -> None:
    assert format_qty(qty) == shown


@pytest.mark.parametrize(("text", "qty"), [
    ("1,5", Decimal("1.500")), ("2", Decimal("2.000")), (" 0,250 ", Decimal("0.250")),
    ("1.000,5", Decimal("1000.500")), ("1.000", Decimal("1000.000")), ("1.234,5", Decimal("1234.500")),
    ("12.345.678", Decimal("12345678")), ("10000", Decimal("10000")), ("0,001", Decimal("0.001")),
])
def test_parse_qty_reads_the_indonesian_way(text: str, qty: Decimal) -> None:
    assert parse_qty(text) == qty


@pytest.mark.parametrize(("text", "word"), [
    ("", "belum diisi"), ("   ", "belum diisi"), ("abc", "bukan angka"), ("1,2,3x", "bukan angka"),
    ("NaN", "bukan angka"), ("Infinity", "bukan angka"), ("1e9", "bukan angka"), ("+5", "bukan angka"),
    ("-2", "negatif"), ("0,2505", "3 angka di belakang koma"), ("1.5", "koma untuk desimal"),
    ("0.250", "koma untuk desimal"), ("1.00", "koma untuk desimal"), ("1..000", "koma untuk desimal"),
    ("12.34.567", "koma untuk desimal"), ("\u0663", "bukan angka"), ("1\u00b2", "bukan angka"),
    ("1" * 13, "terlalu besar"),
])
def test_parse_qty_refuses_what_is_not_a_quantity(text: str, word: str) -> None:
    with pytest.raises(ValidationError, match=word):
        parse_qty(text)


def test_parse_qty_signed_for_stock_corrections() -> None:
    assert parse_qty("-2", signed=True) == Decimal("-2.000")
    assert parse_qty("-1.000,5", signed=True) == Decimal("-1000.500")


def test_qty_limit_names_the_limit_the_indonesian_way() -> None:
    assert check_qty_limit(Decimal(10_000), 10_000) == Decimal("10000.000")
    with pytest.raises(ValidationError) as refused:
        check_qty_limit(Decimal(1_000_000_000), 10_000)
    assert "1.000.000.000" in str(refused.value) and "10.000" in str(refused.value)
    assert "1000000000.000" not in str(refused.value)
    with pytest.raises(ValidationError, match="lebih dari 0"):
        check_qty_limit(Decimal(0), 10_000)


@given(st.integers(0, 10**12 - 1))
@example(1_000_000)  # 1.000 is a thousand
@example(1_234_500)
def test_parse_qty_round_trips_format_qty(thousandths: int) -> None:
    qty = Decimal(thousandths) / 1000
    assert parse_qty(format_qty(qty)) == qty


NUMBERISH = st.text(alphabet=st.sampled_from("0123456789.,-+ eE*x\u00a0\u0663"), max_size=20)


@given(NUMBERISH | st.text(max_size=20))
def test_parse_qty_junk_only_ever_raises_validation_error(text: str) -> None:
    try:
        value = parse_qty(text)
    except ValidationError:
        return
    assert value >= 0 and value == value.quantize(Decimal("0.001"))


def test_quantize_qty_three_places_half_up() -> None:
    assert quantize_qty("0.0005") == Decimal("0.001")
    assert quantize_qty(Decimal("1.2344")) == Decimal("1.234")
    assert str(quantize_qty(3)) == "3.000"


@pytest.mark.parametrize(("text", "amount"), [
    ("Rp12.500", 12500), ("Rp 12.500", 12500), ("12500", 12500), ("12.500,00", 12500),
    ("1,250,000.00", 1_250_000), ("-Rp12.500", -12500), ("rp1.000", 1000), (".00", None),
    ("1.500", 1500), ("Rp\u00a05.000", 5000),
])
def test_parse_rupiah(text: str, amount: int | None) -> None:
    if amount is None:
        with pytest.raises(ValidationError):
            parse_rupiah(text)
    else:
        assert parse_rupiah(text) == amount


@pytest.mark.parametrize("text", ["12.50", "12,5", "Rp12.500,75", "dua ribu", "", "1e5", "Rp"])
def test_parse_rupiah_refuses_cents_and_words(text: str) -> None:
    with pytest.raises(ValidationError, match="rupiah"):
        parse_rupiah(text)


def test_parse_rupiah_passes_int_through() -> None:
    assert parse_rupiah(7000) == 7000


def test_half_up_rounding() -> None:
    assert round_rupiah(Decimal("0.5")) == 1
    assert round_rupiah(Decimal("1.49")) == 1
    assert round_rupiah(Decimal("2.5")) == 3  # not banker's rounding
    assert line_total(Decimal("0.5"), 1001) == 501
    assert line_total(Decimal("0.250"), 15500) == 3875
    assert line_total(Decimal("0.333"), 1500) == 500  # 499.5 → 500
    assert isinstance(line_total(Decimal("1.5"), 3), int)


def test_percent_and_ppn() -> None:
    assert percent_of(10_000, Decimal(5)) == 500
    assert percent_of(999, Decimal("12.5")) == 125  # 124.875 → 125
    assert ppn_included(111_000) == 11_000
    assert ppn_included(12_500) == 1239  # 1238.74 → 1239
    assert ppn_included(12_000, 12, 112) == 1286
    assert isinstance(ppn_included(12_345), int)


def _line(qty: str, price: int, discount: Discount | None = None, weighed: bool = False) -> CartLine:
    return CartLine(1, "Gula", "kg" if weighed else "pcs", Decimal(qty), price, weighed,
                    discount or Discount())


def test_cart_totals_and_discounts() -> None:
    cart = Cart()
    cart.add(_line("2", 18_500, Discount("amount", Decimal(1000))))
    cart.add(CartLine(2, "Beras", "kg", Decimal("1.250"), 15_500, True,
                      Discount("percent", Decimal(10))))
    assert cart.lines[0].total == 36_000
    assert cart.lines[1].gross == 19_375 and cart.lines[1].total == 17_437  # 1937.5 → 1938
    cart.discount = Discount("percent", Decimal(5))
    assert cart.subtotal == 53_437
    assert cart.discount_amount == 2672
    assert cart.total == 50_765


def test_cart_add_merges_piece_lines_only() -> None:
    cart = Cart()
    cart.add(_line("1", 3500))
    cart.add(_line("2", 3500))
    assert len(cart.lines) == 1 and cart.lines[0].qty == Decimal("3.000")
    cart.add(_line("0.5", 15000, weighed=True))
    cart.add(_line("0.5", 15000, weighed=True))
    assert len(cart.lines) == 3


@pytest.mark.parametrize(("discount", "word"), [
    (Discount("percent", Decimal(101)), "persen"),
    (Discount("percent", Decimal(-1)), "persen"),
    (Discount("amount", Decimal(-5)), "diskon"),
    (Discount("amount", Decimal("10.5")), "bulat"),
    (Discount("amount", Decimal(999_999)), "melebihi"),
])
def test_bad_discounts_are_refused(discount: Discount, word: str) -> None:
    cart = Cart(lines=[_line("1", 10_000)], discount=discount)
    with pytest.raises(ValidationError) as info:
        _ = cart.total
    assert word in str(info.value).lower()


def test_cart_json_round_trip() -> None:
    cart = Cart(note="antar sore", channel_id=3, discount=Discount("amount", Decimal(500)))
    cart.add(_line("2", 3500, Discount("percent", Decimal(10))))
    cart.add(_line("0.750", 15500, weighed=True))
    again = Cart.from_json(cart.to_json())
    assert again == cart
    assert again.total == cart.total
