"""The products page through its widgets: editor, stock dialogs, stocktake, import, labels."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.barcodes import is_valid_ean13
from app.db import Database
from app.inventory import ledger_sum
from models import OutboxOp, Product, StockMovement
from tests.unit.foundation_kit import add_product
from ui.context import AppContext
from ui.products import editor as editor_module
from ui.products.editor import ProductEditor
from ui.products.import_wizard import ImportDialog
from ui.products.labels_dialog import LabelDialog
from ui.products.page import ProductsPage
from ui.products.stock_dialogs import AdjustDialog, HistoryDialog, LowStockDialog, ReceiveDialog
from ui.products.stocktake import StocktakeDialog


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop."""
    return AppContext(db=db, user_id=None)


@dataclass
class Snap:
    """A product's stored fields, read in one session."""

    id: int
    name: str
    price: int
    cost: int
    category: str
    barcodes: list[str]
    on_hand: Decimal
    published: bool
    archived: bool
    photo: bytes | None


def _product(db: Database, sku: str) -> Snap | None:
    with db.read() as s:
        p = s.scalars(select(Product).where(Product.sku == sku)).one_or_none()
        if p is None:
            return None
        return Snap(p.id, p.name, p.price, p.cost, p.category.name if p.category else "",
                    [b.code for b in p.barcodes], p.on_hand, p.published, p.archived, p.photo)


def test_create_edit_archive_through_the_editor(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    changed: list[bool] = []
    ctx.signals.sig_catalog_changed.connect(lambda: changed.append(True))
    editor = ProductEditor(ctx)
    qtbot.addWidget(editor)
    editor.sku.setText("GA-1")
    editor.name.setText("Gula Aren  Cair")
    editor.category.setCurrentText("Bumbu")
    editor.price.setText("Rp 12.500")
    editor.cost.setText("9.000")
    editor.min_stock.setText("2")
    editor.stock.setText("10")
    editor.barcode_input.setText("8991234567891")
    editor.add_barcode()
    editor.generate_barcode()
    big = tmp_path / "foto.png"
    Image.new("RGB", (1600, 900), "orange").save(big)
    editor.load_photo_file(big)
    editor.published.setChecked(True)
    assert editor.save()
    product = _product(ctx.db, "GA-1")
    assert product is not None and changed
    codes = product.barcodes
    assert (product.name, product.price, product.cost, product.category) == (
        "Gula Aren Cair", 12500, 9000, "Bumbu")
    assert codes[0] == "8991234567891" and codes[1].startswith("040") and is_valid_ean13(codes[1])
    assert product.on_hand == Decimal(10) and product.published
    photo = Image.open(io.BytesIO(product.photo or b""))
    assert photo.format == "JPEG" and max(photo.size) == 512

    edit = ProductEditor(ctx, product.id)
    qtbot.addWidget(edit)
    assert edit.price.text() == "12.500" and edit.boxes["stock"].isHidden()
    edit.price.setText("13.000")
    assert edit.save()
    assert _product(ctx.db, "GA-1").price == 13000  # type: ignore[union-attr]

    archive = ProductEditor(ctx, product.id)
    qtbot.addWidget(archive)
    assert archive.archive_button.text() == "Arsipkan"  # it has stock history
    archive.archive_or_delete()
    assert _product(ctx.db, "GA-1").archived  # type: ignore[union-attr]


def test_product_without_history_can_be_deleted(qtbot: QtBot, ctx: AppContext,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with ctx.db.unit_of_work() as s:
        pid = add_product(s, "X-1", "Produk Salah Ketik", 1000)
    monkeypatch.setattr(editor_module, "confirm", lambda *a: True)
    editor = ProductEditor(ctx, pid)
    qtbot.addWidget(editor)
    assert editor.archive_button.text() == "Hapus"
    editor.archive_or_delete()
    assert _product(ctx.db, "X-1") is None


def test_bad_values_are_refused_with_messages(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as s:
        add_product(s, "G-1", "Gula", 18_500, barcodes=("8991234567891",))
    editor = ProductEditor(ctx)
    qtbot.addWidget(editor)
    editor.sku.setText("BJ 10 #")
    editor.name.setText("x")
    editor.price.setText("12,5")
    editor.cost.setText("-1")
    editor.min_stock.setText("lima")
    assert not editor.save()
    errors = {key: box.error.text() for key, box in editor.boxes.items() if box.error.text()}
    assert set(errors) == {"sku", "name", "price", "cost", "min_stock"}
    assert "SKU wajib" in errors["sku"] and "sen" in errors["price"] and "nol atau lebih" in errors["cost"]
    assert not editor.boxes["sku"].error.isHidden()
    editor.sku.setText("G-1")  # duplicate SKU: refused by the service, shown next to the field
    editor.name.setText("Gula Batu")
    editor.price.setText("5000")
    editor.cost.setText("0")
    editor.min_stock.setText("0")
    assert not editor.save()
    assert "sudah dipakai" in editor.boxes["sku"].error.text()
    editor.sku.setText("G-2")
    editor.barcode_input.setText("8991234567891")
    editor.add_barcode()
    assert not editor.save()
    assert "8991234567891" in editor.boxes["barcodes"].error.text()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 1


def test_receive_adjust_history_and_low_stock(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as s:
        pid = add_product(s, "G-1", "Gula", 18_500, stock=2, min_stock=5, cost=16_000)
    low = LowStockDialog(ctx)
    qtbot.addWidget(low)
    assert [r.sku for r in low.model.rows] == ["G-1"]
    receive = ReceiveDialog(ctx, pid)
    qtbot.addWidget(receive)
    receive.qty.setText("abc")
    assert not receive.save() and "bukan angka" in receive.boxes["qty"].error.text()
    receive.qty.setText("24")
    receive.cost_edit.setText("16.500")
    receive.note.setText("CV Sumber Rejeki")
    assert receive.save()
    adjust = AdjustDialog(ctx, pid)
    qtbot.addWidget(adjust)
    adjust.qty.setText("-3")
    adjust.reason.setCurrentIndex(adjust.reason.findData("lainnya"))
    assert not adjust.save() and "keterangan" in adjust.boxes["note"].error.text()
    adjust.reason.setCurrentIndex(adjust.reason.findData("rusak"))
    assert adjust.save()
    history = HistoryDialog(ctx, pid)
    qtbot.addWidget(history)
    kinds = [history.model.data(history.model.index(r, 1)) for r in range(history.model.rowCount())]
    assert kinds == ["Penyesuaian", "Barang masuk", "Barang masuk"]
    with ctx.db.read() as s:
        product = s.get(Product, pid)
        # moving average: (2 × 16.000 + 24 × 16.500) / 26
        assert product is not None and product.on_hand == Decimal(23) and product.cost == 16_462
        assert ledger_sum(s, pid) == product.on_hand
    low.reload()
    assert low.model.rows == []


def test_stocktake_by_scanning_writes_the_differences(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as s:
        gula = add_product(s, "G-1", "Gula", 18_500, stock=10, barcodes=("8991234567891",))
        teh = add_product(s, "T-1", "Teh", 5_000, stock=4, barcodes=("8990000000012",))
        kopi = add_product(s, "K-1", "Kopi", 2_000, stock=3)
    dialog = StocktakeDialog(ctx)
    qtbot.addWidget(dialog)
    for _ in range(8):
        qtbot.keyClicks(dialog.scan, "8991234567891")
        qtbot.keyClick(dialog.scan, "\r")
    assert dialog.scan_code("8990000000012") and dialog.scan_code("3*8990000000012")
    assert dialog.scan_code("K-1")
    assert not dialog.scan_code("0000") and "tidak dikenal" in dialog.message.text()
    kopi_row = next(i for i, line in enumerate(dialog.model.lines) if line.product_id == kopi)
    assert dialog.model.setData(dialog.model.index(kopi_row, 4), "3")
    assert "3 produk dihitung, 1 berselisih" in dialog.summary.text()
    assert dialog.commit(ask=False)
    with ctx.db.read() as s:
        moves = {m.product_id: m.qty for m in s.scalars(
            select(StockMovement).where(StockMovement.kind == "stocktake"))}
        on_hand = {p.id: p.on_hand for p in s.scalars(select(Product))}
        ops = s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.kind == "stock.movement"))
    assert moves == {gula: Decimal(-2)}
    assert on_hand == {gula: Decimal(8), teh: Decimal(4), kopi: Decimal(3)}
    assert ops == 4  # three opening receipts + the stocktake delta


GOOD = "Nama Produk;Harga Jual;SKU;Stok\nGula Pasir;Rp 18.500;G-1;12\nTeh Celup;5.000;T-1;\n"
BAD = GOOD + "Kopi;abc;K-1;\n;2000;K-2;\n"


def _wait(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def test_import_wizard_good_and_bad_files(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_file(bad)
    _wait(qtbot, dialog)
    assert dialog.plan is not None and not dialog.plan.ok
    assert not dialog.import_button.isEnabled()
    report = dialog.report.toPlainText()
    assert "Baris 4: Harga Jual: 'abc'" in report and "Baris 5: Nama Produk wajib diisi." in report
    preview = dialog.preview.model()
    assert preview.data(preview.index(0, 0)) == "4" and "abc" in preview.data(preview.index(0, 1))
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0

    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8-sig")
    dialog.open_file(good)
    _wait(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(ctx.signals.sig_catalog_changed, timeout=10_000):
        dialog.import_button.click()
    assert dialog.outcome is not None and dialog.outcome.created == 2
    assert _product(ctx.db, "G-1").on_hand == Decimal(12)  # type: ignore[union-attr]


def test_import_mapping_can_be_changed(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Produk,Nilai\nGula,18500\n", encoding="utf-8")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    _wait(qtbot, dialog)
    assert dialog.plan is not None and "Harga Jual" in dialog.plan.report()
    dialog.set_column(1, "price")
    _wait(qtbot, dialog)
    assert dialog.plan.ok and len(dialog.plan.creates) == 1


def test_import_cancel_writes_nothing(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Nama,Harga,SKU\n" + "".join(f"Produk {i},{1000 + i},P{i}\n" for i in range(3000)))
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open_file(path)
    _wait(qtbot, dialog)
    dialog.start_import()
    assert dialog.task is not None
    dialog.task.progress.cancel()
    _wait(qtbot, dialog)
    assert "Dibatalkan" in dialog.summary.text()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0


def test_page_filters_export_and_labels(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.unit_of_work() as s:
        add_product(s, "G-1", "Gula Pasir", 18_500, stock=2, min_stock=5, barcodes=("8991234567891",))
        add_product(s, "T-1", "Teh Celup", 5_000, stock=9)
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2 and page.count_label.text() == "2 produk"
    qtbot.keyClicks(page.search, "gula")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.search.clear()
    page.apply_filter()
    page.low_stock.setChecked(True)
    assert page.model.rowCount() == 1
    page.low_stock.setChecked(False)
    assert page.export_to(tmp_path / "produk.csv") == 2
    page.table.selectAll()
    labels = LabelDialog(ctx, page.selected_ids())
    qtbot.addWidget(labels)
    assert [line.item.code for line in labels.model.rows] == ["8991234567891", "T-1"]
    assert labels.save_to(tmp_path / "label.pdf")
    assert (tmp_path / "label.pdf").read_bytes().startswith(b"%PDF")
