"""Importing products: good files, bad rows (nothing written), updates, round trips, CLI."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.importing import (
    ImportRefused,
    build_plan,
    export_products,
    guess_mapping,
    import_table,
    read_table,
)
from app.sync import fields
from main import main
from models import Category, OutboxOp, Product, StockMovement
from tests.unit.foundation_kit import add_product
from tests.unit.importing.helpers import catalog_snapshot, ledger_consistent, write_csv

GOOD = (
    "Nama Produk;Harga Jual;Harga Pokok;SKU;Barcode;Kategori;Satuan;Stok;Stok Minimum;"
    "Dijual per Berat;Terbit PEKEN\n"
    "Gula Pasir 1 kg;Rp 18.500;16.000;G-1;8991234567891;Sembako;pcs;24;5;Tidak;Ya\n"
    "Beras Pandan Wangi;15500;13.000,00;B-1;;Sembako;kg;25,5;2;Ya;Tidak\n"
    "Kopi Kapal Api;Rp 2.000;1500;K-1;8990000000012, 2000000000015;Minuman;bks;;;;\n"
)


def _import(db: Database, path: Path) -> None:
    table = read_table(path)
    with db.unit_of_work() as s:
        import_table(s, table, guess_mapping(table.headers))


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_good_file_imports_everything(db: Database, tmp_path: Path) -> None:
    _import(db, write_csv(tmp_path / "p.csv", GOOD))
    rows = {r[0]: r for r in catalog_snapshot(db)}
    assert rows["G-1"][1:] == ("Gula Pasir 1 kg", 18500, 16000, "pcs", False, "Sembako",
                               ("8991234567891",), Decimal("24.000"), Decimal("5.000"), True, False)
    assert rows["B-1"][4:6] == ("kg", True) and rows["B-1"][8] == Decimal("25.500")
    assert rows["K-1"][7] == ("8990000000012", "2000000000015")
    assert _count(db, Category) == 2
    assert ledger_consistent(db)
    with db.read() as s:
        kinds = [o.kind for o in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
        moves = {m.kind for m in s.scalars(select(StockMovement))}
    assert kinds.count("product.edit") == 3 and kinds.count("stock.movement") == 2
    assert moves == {"initial"}


def test_fts_index_follows_bulk_import(db: Database, tmp_path: Path) -> None:
    from app.search import search_products

    _import(db, write_csv(tmp_path / "p.csv", GOOD))
    with db.read() as s:
        assert [h.sku for h in search_products(s, "pandan")] == ["B-1"]


def test_bad_rows_are_named_and_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    bad = GOOD + (
        "Teh Botol;abc;;T-1;;;;;;;\n"
        ";5000;;T-2;;;;;;;\n"
        "Sabun;3000;;G-1;;;ember;;;;\n"
        "Kecap;4000;;T-3;8991234567891;;;;;mungkin;\n"
    )
    path = write_csv(tmp_path / "bad.csv", bad)
    table = read_table(path)
    with pytest.raises(ImportRefused) as refused, db.unit_of_work() as s:
        import_table(s, table, guess_mapping(table.headers))
    report = refused.value.plan.report()
    assert [e.line for e in refused.value.plan.errors] == [5, 6, 7, 8]
    assert "Baris 5: Harga Jual: 'abc' bukan jumlah rupiah yang sah." in report
    assert "Baris 6: Nama Produk wajib diisi." in report
    assert "Baris 7:" in report and "Satuan 'ember'" in report and "baris 2" in report
    assert "Baris 8:" in report and "8991234567891" in report and "Ya atau Tidak" in report
    assert _count(db, Product) == 0 and _count(db, Category) == 0 and _count(db, OutboxOp) == 0


def test_missing_required_column(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", "Nama,Stok\nGula,3\n")
    table = read_table(path)
    with db.read() as s:
        plan = build_plan(s, table, guess_mapping(table.headers))
    assert not plan.ok and "Harga Jual" in plan.report()


def test_existing_sku_is_updated_blank_keeps_and_stock_untouched(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as s:
        add_product(s, "G-1", "Gula Lama", 17_000, stock=10, barcodes=("8991234567891",), cost=15_000)
    _import(db, write_csv(tmp_path / "p.csv", "SKU,Nama,Harga,Modal,Stok\nG-1,Gula Baru,19.000,,99\n"))
    with db.read() as s:
        product = s.scalars(select(Product).where(Product.sku == "G-1")).one()
        assert (product.name, product.price, product.cost) == ("Gula Baru", 19000, 15000)
        assert product.on_hand == Decimal(10) and [b.code for b in product.barcodes] == ["8991234567891"]
        payloads = [json.loads(o.payload) for o in s.scalars(select(OutboxOp))]
        expected = fields.product_fields(product, "")
    sent = {k: v["value"] for k, v in payloads[-1]["fields"].items()}
    expected.pop("barcodes")  # no barcode column in the file: barcodes were not edited
    assert sent == expected and expected["name"] == "Gula Baru"


def test_row_without_sku_matches_barcode_or_gets_generated_sku(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as s:
        add_product(s, "G-1", "Gula", 17_000, barcodes=("8991234567891",))
    text = "Nama,Harga,Barcode\nGula Baru,18000,8991234567891\nSabun Mandi,3500,\nSikat,4000,\n"
    _import(db, write_csv(tmp_path / "p.csv", text))
    names = {r[0]: r[1] for r in catalog_snapshot(db)}
    assert names == {"G-1": "Gula Baru", "IMP000001": "Sabun Mandi", "IMP000002": "Sikat"}


def test_xlsx_numbers_and_round_trip(db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Name", "Price", "Cost", "Barcode", "Stock", "Unit", "By Weight"])
    ws.append(["Telur Ayam", 28000.0, 25000, 8991234567891, 3.5, "kg", True])
    wb.save(tmp_path / "p.xlsx")
    _import(db, tmp_path / "p.xlsx")
    [row] = catalog_snapshot(db)
    assert row[1:9] == ("Telur Ayam", 28000, 25000, "kg", True, "", ("8991234567891",), Decimal("3.5"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_catalog(db: Database, tmp_path: Path, suffix: str) -> None:
    _import(db, write_csv(tmp_path / "p.csv", GOOD))
    with db.unit_of_work() as s:
        add_product(s, "W-1", "Kain Batik Tulis", 450_000, stock=Decimal("2.25"), weighed=True)
        s.execute(Product.__table__.update().where(Product.sku == "K-1").values(archived=True))
    out = tmp_path / f"export{suffix}"
    with db.read() as s:
        assert export_products(s, out) == 4
    other = Database(tmp_path / "other.sqlite")
    try:
        _import(other, out)
        assert catalog_snapshot(other) == catalog_snapshot(db)
        assert ledger_consistent(other)
    finally:
        other.close()


def test_cli_import_report_and_exit_codes(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = str(db.path)
    bad = write_csv(tmp_path / "bad.csv", "Nama,Harga\nGula,abc\nTeh,3000\n")
    assert main(["import-products", str(bad), "--db", db_path]) == 1
    out = capsys.readouterr().out
    assert "Baris 2: Harga Jual" in out and "Tidak ada yang disimpan" in out
    assert _count(db, Product) == 0
    good = write_csv(tmp_path / "good.csv", GOOD)
    assert main(["import-products", str(good), "--db", db_path]) == 0
    assert "3 produk baru" in capsys.readouterr().out
    assert main(["export-products", str(tmp_path / "out.xlsx"), "--db", db_path]) == 0
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    assert main(["import-products", str(tmp_path / "x.pdf"), "--db", db_path]) == 2


def test_cancel_rolls_back(db: Database, tmp_path: Path) -> None:
    rows = "".join(f"Produk {i},{1000 + i},P{i}\n" for i in range(1200))
    table = read_table(write_csv(tmp_path / "p.csv", "Nama,Harga,SKU\n" + rows))

    def cancel_late(done: int, total: int) -> None:
        if done > total * 3 // 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), db.unit_of_work() as s:
        import_table(s, table, guess_mapping(table.headers), cancel_late)
    assert _count(db, Product) == 0 and _count(db, OutboxOp) == 0


def test_reimporting_a_file_without_sku_updates_instead_of_duplicating(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", "Nama Produk;Harga Jual;Stok\nGula;Rp 18.500;5\nTeh;5000;\n")
    _import(db, path)
    _import(db, write_csv(tmp_path / "p2.csv", "Nama Produk;Harga Jual\ngula;19.000\nTeh;5000\n"))
    rows = catalog_snapshot(db)
    assert [(r[1], r[2]) for r in rows] == [("gula", 19000), ("Teh", 5000)]  # the file's spelling wins
    table = read_table(write_csv(tmp_path / "p3.csv", "Nama;Harga\nKopi;1000\nkopi;1200\n"))
    with db.read() as s:
        plan = build_plan(s, table, guess_mapping(table.headers))
    assert [str(e) for e in plan.errors] == ["Baris 3: Produk 'kopi' tanpa SKU sudah ada di baris 2."]
