"""Cell parsers and header mapping for product imports (property-based where it matters)."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.importing.mapping import field_for_header, guess_mapping, missing_required
from app.importing.reader import cell_text, read_csv_bytes, sniff_delimiter
from app.importing.values import parse_barcodes, parse_bool, parse_import_qty, parse_price, parse_unit


@pytest.mark.parametrize(("header", "key"), [
    ("Nama Produk", "name"), ("Nama", "name"), ("Name", "name"), ("Harga Jual", "price"),
    ("Harga", "price"), ("Price", "price"), ("Harga Pokok", "cost"), ("Modal", "cost"),
    ("Cost", "cost"), ("SKU", "sku"), ("Kode", "sku"), ("Barcode", "barcodes"),
    ("Kategori", "category"), ("Category", "category"), ("Satuan", "unit"), ("Unit", "unit"),
    ("Stok", "stock"), ("Stock", "stock"), ("Stok Minimum", "min_stock"), ("Min Stock", "min_stock"),
    ("Dijual per Berat", "by_weight"), ("By Weight", "by_weight"), ("Terbit PEKEN", "published"),
    ("Published", "published"), ("  HARGA JUAL (Rp) * ", "price"), ("Warna", ""),
])
def test_headers_map_in_both_languages(header: str, key: str) -> None:
    assert field_for_header(header) == key


def test_guess_mapping_and_missing_required() -> None:
    mapping = guess_mapping(["Kode", "Nama Barang", "Catatan", "Harga Jual", "Harga"])
    assert mapping == {0: "sku", 1: "name", 3: "price"}
    assert missing_required({0: "sku"}) == ["Nama Produk", "Harga Jual"]


@pytest.mark.parametrize(("text", "value"), [
    ("Rp 12.500", 12500), ("12500", 12500), ("12.500,00", 12500), ("Rp12.500", 12500),
    ("1.250.000", 1250000), ("12500.00", 12500),
])
def test_prices(text: str, value: int) -> None:
    assert parse_price(text, "Harga Jual") == value


@pytest.mark.parametrize("text", ["abc", "12,5", "Rp", "1O.000"])
def test_bad_prices_name_the_column(text: str) -> None:
    with pytest.raises(ValidationError, match="Harga Jual"):
        parse_price(text, "Harga Jual")


@given(st.integers(min_value=0, max_value=10**10))
def test_price_round_trip_in_indonesian_format(amount: int) -> None:
    text = "Rp " + f"{amount:,}".replace(",", ".")
    assert parse_price(text, "Harga") == amount
    assert parse_price(str(amount), "Harga") == amount


@given(st.decimals(min_value=0, max_value=999_999, places=3, allow_nan=False))
def test_qty_comma_decimal_round_trip(qty: Decimal) -> None:
    assert parse_import_qty(f"{qty:f}".replace(".", ","), "Stok") == qty


@pytest.mark.parametrize(("text", "value"), [
    ("12", "12"), ("1,5", "1.5"), ("1.5", "1.5"), ("1.000", "1000"), ("2.500,25", "2500.25"),
])
def test_quantities(text: str, value: str) -> None:
    assert parse_import_qty(text, "Stok") == Decimal(value)


@pytest.mark.parametrize("text", ["banyak", "1,2345", "NaN"])
def test_bad_quantities(text: str) -> None:
    with pytest.raises(ValidationError, match="Stok"):
        parse_import_qty(text, "Stok")


def test_bool_unit_and_barcodes() -> None:
    assert parse_bool("Ya", "x") and parse_bool("yes", "x") and not parse_bool("Tidak", "x")
    with pytest.raises(ValidationError, match="Ya atau Tidak"):
        parse_bool("mungkin", "Terbit PEKEN")
    assert parse_unit("PCS") == "pcs" and parse_unit("Kilogram") == "kg" and parse_unit("ltr") == "liter"
    with pytest.raises(ValidationError, match="Satuan 'ember'"):
        parse_unit("ember")
    assert parse_barcodes("8991234567891, 2000000000015;ABC-1") == ["8991234567891", "2000000000015",
                                                                     "ABC-1"]


def test_cell_text_has_no_float_noise() -> None:
    assert cell_text(8991234567891.0) == "8991234567891"
    assert cell_text(12500.0) == "12500"
    assert cell_text(1.5) == "1.5"
    assert cell_text(None) == ""


@pytest.mark.parametrize(("line", "delim"), [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"),
                                             ('"x;y",b,c', ",")])
def test_sniff_delimiter(line: str, delim: str) -> None:
    assert sniff_delimiter(line) == delim


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_encodings(encoding: str) -> None:
    text = "Nama;Harga\nKopi Café;12.500\n"
    table = read_csv_bytes(text.encode(encoding))
    assert table.headers == ["Nama", "Harga"]
    assert table.rows == [(2, ["Kopi Café", "12.500"])]


def test_empty_file_refused() -> None:
    with pytest.raises(ValidationError, match="kosong"):
        read_csv_bytes(b"\n\n")


@given(st.binary(max_size=400))
def test_fuzzed_csv_never_crashes(data: bytes) -> None:
    with contextlib.suppress(ValidationError):
        read_csv_bytes(data)
