"""Packs, wholesale tiers and variants in the spreadsheet: round trip, cells, refusals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app import inventory, packs, variants
from app.db import Database
from app.errors import ValidationError
from app.importing import ImportRefused, export_products, guess_mapping, import_table, read_table
from app.importing.extras import format_packs, format_tiers, parse_pack_codes, parse_packs, parse_tiers
from app.packs import PackInput, TierInput
from models import Barcode, Product
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product
from tests.unit.importing.helpers import write_csv

HEAD = "SKU;Nama Produk;Harga Jual;Satuan;Barcode;Kemasan;Barcode Kemasan;Harga Grosir;Induk;Opsi\n"


def _import(db: Database, path: Path) -> None:
    table = read_table(path)
    with db.unit_of_work() as s:
        import_table(s, table, guess_mapping(table.headers))


def _shop(db: Database) -> list[tuple[object, ...]]:
    """Products with their own codes, packs (and codes), tiers, parent SKU and options."""
    out: list[tuple[object, ...]] = []
    with db.read() as s:
        skus = dict(s.execute(select(Product.id, Product.sku)).all())
        for p in s.scalars(select(Product).order_by(Product.sku)):
            own = tuple(sorted(s.scalars(select(Barcode.code).where(
                Barcode.product_id == p.id, Barcode.pack_id.is_(None)))))
            pk = tuple((v.name, v.factor, v.price, v.barcodes) for v in packs.packs_of(s, p.id))
            tiers = tuple((t.pack, t.group, t.min_qty, t.price) for t in packs.tiers_of(s, p.id))
            out.append((p.sku, p.name, p.price, p.on_hand, own, pk, tiers,
                        skus.get(p.parent_id or 0, ""), p.option_names, p.options))
    return out


def _fill(db: Database) -> None:
    with db.unit_of_work() as s:
        mie = add_product(s, "IM-1", "Indomie Goreng", 3_500, stock=120, barcodes=("8998866200011",))
        packs.set_packs(s, mie, [PackInput("dus", Decimal(40), 130_000, ["8998866200028", "8998866200035"]),
                                 PackInput("renteng", Decimal("4.5"), 15_000)])
        packs.set_tiers(s, mie, [TierInput(Decimal(12), 3_300), TierInput(Decimal(48), 3_200),
                                 TierInput(Decimal(5), 125_000, pack="dus"),
                                 TierInput(Decimal(1), 3_250, group="reseller")])
        kemeja = add_product(s, "KB", "Kemeja Batik Parang", 150_000)
        variants.make_parent(s, kemeja, ["Ukuran", "Warna"])
        ids = variants.generate_variants(s, kemeja, {"Ukuran": ["M", "L"], "Warna": ["Merah"]})
        inventory.receive(s, ids[1], Decimal(3))
        add_product(s, "TH", "Teh Botol", 5_000, stock=7)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_packs_tiers_and_variants_round_trip(db: Database, tmp_path: Path, suffix: str) -> None:
    _fill(db)
    out = tmp_path / f"export{suffix}"
    with db.read() as s:
        assert export_products(s, out) == 5
    other = new_shop(tmp_path / "other.sqlite")
    try:
        _import(other, out)
        assert _shop(other) == _shop(db)
        _import(other, out)  # again: an update, nothing changes
        assert _shop(other) == _shop(db)
    finally:
        other.close()


def test_export_cells(db: Database, tmp_path: Path) -> None:
    _fill(db)
    with db.read() as s:
        export_products(s, tmp_path / "e.csv")
    text = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert "renteng=4,5@15000;dus=40@130000" in text
    assert "dus=8998866200028 8998866200035" in text
    assert "12@3300;48@3200;1@3250[reseller];dus:5@125000" in text
    assert "KB-L-MERAH;;Kemeja Batik Parang — L / Merah" in text
    assert ';KB;"Ukuran=L; Warna=Merah"' in text
    assert ";Ukuran, Warna" in text


def test_a_new_file_with_packs_tiers_and_variants(db: Database, tmp_path: Path) -> None:
    _import(db, write_csv(tmp_path / "p.csv", HEAD +
                          "KP;Kopi Sachet;1.500;sachet;111222333;renteng=10@Rp 14.000;renteng=444555666;"
                          "renteng:3@13.500;;\n"
                          "KS-M;Kaos — M;50000;pcs;;;;;KS;Ukuran=M\n"
                          "KS;Kaos;50000;pcs;;;;;;Ukuran\n"))
    with db.read() as s:
        kp = s.scalar(select(Product.id).where(Product.sku == "KP"))
        assert kp is not None
        [renteng] = packs.packs_of(s, kp)
        assert (renteng.factor, renteng.price, renteng.barcodes) == (Decimal(10), 14_000, ("444555666",))
        assert [(t.pack, t.min_qty, t.price) for t in packs.tiers_of(s, kp)] == [
            ("renteng", Decimal(3), 13_500)]
        ks = s.scalar(select(Product.id).where(Product.sku == "KS"))
        assert ks is not None
        assert [v.label for v in variants.variants_of(s, ks)] == ["M"]


@pytest.mark.parametrize(("row", "words"), [
    ("A;Kopi;1500;pcs;;dus40@150000;;;;", ["Baris 2", "Kemasan", "nama=isi@harga"]),
    ("A;Kopi;1500;pcs;;dus=abc@150000;;;;", ["Baris 2", "Kemasan", "abc"]),
    ("A;Kopi;1500;pcs;;dus=40@0;;;;", ["Baris 2", "Kemasan", "harga kemasan"]),
    ("A;Kopi;1500;pcs;;;dus=123456;;;", ["Baris 2", "Barcode Kemasan", "kolom Kemasan"]),
    ("A;Kopi;1500;pcs;;dus=40@50000;pak=123456;;;", ["Baris 2", "Barcode Kemasan", "pak"]),
    ("A;Kopi;1500;pcs;;;;12:3300;;", ["Baris 2", "Harga Grosir", "jumlah@harga"]),
    ("A;Kopi;1500;pcs;;;;12@1600;;", ["Baris 2", "Harga Grosir", "di bawah"]),
    ("A;Kopi;1500;pcs;999888777;dus=40@50000;dus=999888777;;;", ["Baris 2", "999888777"]),
    ("A;Kopi;1500;pcs;;;;;INDUK;", ["Baris 2", "Opsi", "nilai opsi"]),
    ("A;Kopi;1500;pcs;;;;;;Ukuran=L", ["Baris 2", "Induk"]),
])
def test_bad_cells_name_row_and_column_and_nothing_is_written(db: Database, tmp_path: Path, row: str,
                                                              words: list[str]) -> None:
    path = write_csv(tmp_path / "bad.csv", HEAD + row + "\nB;Teh;5000;pcs;;;;;;\n")
    with pytest.raises((ImportRefused, ValidationError)) as info:
        _import(db, path)
    for word in words:
        assert word.lower() in str(info.value).lower()
    with db.read() as s:
        assert s.scalars(select(Product)).all() == []


def test_a_clash_found_while_writing_rolls_everything_back(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as s:
        add_product(s, "X", "Kaos Polos", 50_000, stock=2)  # has stock: cannot become a parent
    path = write_csv(tmp_path / "p.csv", HEAD + "B;Teh;5000;pcs;;;;;;\nX;Kaos Polos;50000;pcs;;;;;;Ukuran\n")
    with pytest.raises(ValidationError, match="Baris 3"):
        _import(db, path)
    with db.read() as s:
        assert s.scalars(select(Product.sku)).all() == ["X"]


def test_cell_parsers() -> None:
    assert [(p.name, p.factor, p.price) for p in parse_packs("dus=40@150.000; renteng=1,5@Rp 38.000")] == [
        ("dus", Decimal(40), 150_000), ("renteng", Decimal("1.5"), 38_000)]
    assert parse_pack_codes("Dus=111 222;renteng=333") == {"dus": ["111", "222"], "renteng": ["333"]}
    tiers = parse_tiers("12@3300;dus:5@145000;1@3200[reseller]")
    assert [(t.pack, t.min_qty, t.price, t.group) for t in tiers] == [
        ("", Decimal(12), 3_300, ""), ("dus", Decimal(5), 145_000, ""), ("", Decimal(1), 3_200, "reseller")]


def test_a_file_without_pack_columns_keeps_the_packs(db: Database, tmp_path: Path) -> None:
    _fill(db)
    before = _shop(db)
    _import(db, write_csv(tmp_path / "p.csv", "SKU;Nama Produk;Harga Jual;Barcode\n"
                                              "IM-1;Indomie Goreng;3500;8998866200011\n"))
    assert _shop(db) == before


_NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(
    lambda s: " ".join(s.split()) or "dus")
_QTY = st.decimals(min_value="0.001", max_value=100_000, places=3)
_PRICE = st.integers(min_value=1, max_value=10**12)


@given(packs_in=st.lists(st.tuples(_NAMES, _QTY, _PRICE), max_size=5),
       tiers_in=st.lists(st.tuples(st.sampled_from(["", "dus"]), _QTY, _PRICE,
                                   st.sampled_from(["", "reseller", "grosir besar"])), max_size=5))
def test_cells_round_trip(packs_in: list[tuple[str, Decimal, int]],
                          tiers_in: list[tuple[str, Decimal, int, str]]) -> None:
    views = [packs.PackView(i, n, q, p, (f"8991234{i:06d}",)) for i, (n, q, p) in enumerate(packs_in)]
    cells, codes = format_packs(views)
    back = parse_packs(cells)
    assert [(p.name, p.factor, p.price) for p in back] == [(v.name, v.factor, v.price) for v in views]
    assert parse_pack_codes(codes) == {v.name: list(v.barcodes) for v in views} or len(
        {v.name for v in views}) < len(views)
    tier_views = [packs.TierView(0, q, p, g, None, k) for k, q, p, g in tiers_in]
    tiers = parse_tiers(format_tiers(tier_views))
    assert [(t.pack, t.min_qty, t.price, t.group) for t in tiers] == [
        (v.pack, v.min_qty, v.price, v.group) for v in tier_views]


def test_a_variant_without_its_parent_is_named_in_the_preview(db: Database, tmp_path: Path) -> None:
    from app.importing import build_plan

    path = write_csv(tmp_path / "p.csv", HEAD +
                     "KS-M;Kaos — M;50000;pcs;;;;;NOPE;Ukuran=M\n"
                     "KS;Kaos;50000;pcs;;;;;;Ukuran\n"
                     "KS-X;Kaos — Merah;50000;pcs;;;;;KS;Warna=Merah\n")
    table = read_table(path)
    with db.read() as s:
        plan = build_plan(s, table, guess_mapping(table.headers))
    assert [e.line for e in plan.errors] == [2, 4]
    assert "Induk" in str(plan.errors[0]) and "NOPE" in str(plan.errors[0])
    assert "Opsi" in str(plan.errors[1]) and "Ukuran" in str(plan.errors[1])
