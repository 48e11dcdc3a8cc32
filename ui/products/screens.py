"""Screenshots of the Produk & Stok area, rendered offscreen with the demo shop.

``SCREENS`` lists ``(file name, render)``; ``render(ctx, path)`` draws that screen and
saves it as PNG to ``path`` (the caller passes ``out_dir / file name``). Nothing is
written to the shop: the stocktake is scanned but not committed, the import only previewed.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import catalog, inventory, packs, samples, variants
from app.db import Session
from app.packs import PackInput, TierInput
from app.product_queries import ProductFilter
from contract.enums import PromoKind
from ui import screenshots
from ui.context import AppContext
from ui.products.editor import ProductEditor
from ui.products.import_wizard import ImportDialog
from ui.products.page import ProductsPage
from ui.products.promo_editor import PromotionEditor
from ui.products.stocktake import StocktakeDialog
from ui.sell.variant_dialog import VariantDialog

SIZE = (1280, 780)
SAMPLE_IMPORT = (
    "Nama Produk;Harga Jual;Modal;Kode;Barcode;Kategori;Satuan;Stok;Terbit PEKEN\n"
    "Kecap Manis Bango 550 ml;Rp 24.500;21.000;SUP-001;8992628020151;Bumbu Dapur;botol;24;Ya\n"
    "Saus Sambal ABC 335 ml;Rp 13.000;11.200;SUP-002;8992388110057;Bumbu Dapur;botol;36;Ya\n"
    "Minyak Goreng Sunco 2 L;Rp 38.900;35.000;SUP-003;8993496101153;Sembako;pcs;12;Ya\n"
    "Tepung Segitiga Biru 1 kg;Rp 14.000;12.300;SUP-004;8992775311104;Sembako;pcs;20;Tidak\n"
    "Teh Pucuk Harum 350 ml;dua ribu;2.900;SUP-005;8996001600269;Minuman;botol;48;Ya\n"
    "Susu Kental Manis Frisian Flag;Rp 12.500;10.800;SUP-006;8992753101207;Minuman;kaleng;30;Ya\n"
    "Mie Sedaap Goreng;Rp 3.500;2.900;SUP-007;8998866200301;Sembako;bks;120;Ya\n"
    "Kopi ABC Susu;Rp 1.500;1.150;SUP-008;8991002101746;Minuman;bks;200;Ya\n"
    "Gula Aren Bubuk 250 g;Rp 18.000;14.500;SUP-009;;Bumbu Dapur;pcs;15;Tidak\n"
    ";Rp 5.000;4.000;SUP-010;;Camilan;pcs;10;Tidak\n"
    "Keripik Singkong Balado 200 g;Rp 9.500;7.000;SUP-011;;Camilan;pak;25;Ya\n"
)


def render_table(ctx: AppContext, path: Path) -> None:
    """The products table with a row selected."""
    page = ProductsPage(ctx)
    page.resize(*SIZE)
    page.table.selectRow(3)
    screenshots.save_window(page, path)


def _sample_product(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        pid = next((p.id for p in samples.products(session, with_barcode=True, limit=1)), None)
    assert pid is not None
    return int(pid)


def render_editor(ctx: AppContext, path: Path) -> None:
    """The editor on a demo product."""
    editor = ProductEditor(ctx, _sample_product(ctx))
    editor.resize(620, 0)
    screenshots.save_window(editor, path)


def render_editor_errors(ctx: AppContext, path: Path) -> None:
    """A new product with bad values: each message next to its field."""
    editor = ProductEditor(ctx, None)
    editor.sku.setText("BJ 10/01 #")
    editor.name.setText("Gula Aren Cair 500 ml")
    editor.price.setText("12.5OO")
    editor.cost.setText("-3000")
    editor.min_stock.setText("lima")
    editor.collect()
    editor.resize(620, 0)
    screenshots.save_window(editor, path)


def render_stocktake(ctx: AppContext, path: Path) -> None:
    """A stocktake in progress: several products scanned, some differ from the system."""
    dialog = StocktakeDialog(ctx)
    with ctx.db.read() as session:
        rows = [(p.sku, p.on_hand) for p in samples.products(session, more_than=2, limit=6)]
    for i, (sku, on_hand) in enumerate(rows):
        counted = int(on_hand) + (0 if i % 3 == 0 else (-2 if i % 3 == 1 else 1))
        dialog.scan_code(f"{counted}*{sku}")
    dialog.scan_code(rows[0][0])
    dialog.note.setText("Opname rak depan")
    screenshots.save_window(dialog, path)


def render_import_preview(ctx: AppContext, path: Path) -> None:
    """The import wizard on a supplier file with two bad rows."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "daftar-harga-pemasok.csv"
        sample.write_text(SAMPLE_IMPORT, encoding="utf-8")
        dialog = ImportDialog(ctx)
        dialog.open_file(sample)
        deadline = time.monotonic() + 20
        while dialog.busy and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        screenshots.save_window(dialog, path)


def render_low_stock_filter(ctx: AppContext, path: Path) -> None:
    """The table filtered to low stock."""
    page = ProductsPage(ctx)
    page.low_stock.setChecked(True)
    page.model.set_filter(ProductFilter(low_stock=True))
    page.resize(*SIZE)
    screenshots.save_window(page, path)


def _packs_and_variants(ctx: AppContext) -> tuple[int, int]:
    """A product with a dus and a renteng and two tiers, and a batik shirt with variants."""
    with ctx.db.unit_of_work() as session:
        pid = _sample_product_in(session)
        product = catalog.get_product(session, pid)
        packs.set_packs(session, pid, [
            PackInput("renteng", Decimal(10), product.price * 10 - product.price // 2),
            PackInput("dus", Decimal(40), product.price * 38, ["8991234000012"])])
        packs.set_tiers(session, pid, [TierInput(Decimal(12), product.price - product.price // 20),
                                       TierInput(Decimal(2), product.price * 37, pack="dus"),
                                       TierInput(Decimal(1), product.price - product.price // 10,
                                                 group="reseller")])
        parent = catalog.create_product(session, catalog.ProductInput(
            sku="KB-PARANG", name="Kemeja Batik Parang", price=150_000, unit="pcs"))
        variants.make_parent(session, parent, ["Ukuran", "Warna"])
        ids = variants.generate_variants(session, parent, {"Ukuran": ["M", "L", "XL"],
                                                           "Warna": ["Merah", "Biru"]})
        for n, vid in enumerate(ids):
            if n % 3:
                inventory.receive(session, vid, Decimal(n + 2))
    return pid, int(parent)


def _sample_product_in(session: Session) -> int:
    pid = next((p.id for p in samples.products(session, with_barcode=True, limit=1)), None)
    assert pid is not None
    return int(pid)


def render_editor_packs(ctx: AppContext, path: Path) -> None:
    """The editor's Kemasan & Grosir part: a dus and a renteng, grosir from 12 and for resellers."""
    with screenshots.private_copy(ctx) as own:
        pid, _parent = _packs_and_variants(own)
        editor = ProductEditor(own, pid)
        editor.tabs.setCurrentWidget(editor.packs_part)
        editor.resize(620, 0)
        screenshots.save_window(editor, path)


def render_editor_variants(ctx: AppContext, path: Path) -> None:
    """The editor's Varian part on a batik shirt: Ukuran × Warna, each with its stock and price."""
    with screenshots.private_copy(ctx) as own:
        _pid, parent = _packs_and_variants(own)
        editor = ProductEditor(own, parent)
        editor.tabs.setCurrentWidget(editor.variants_part)
        editor.resize(620, 0)
        screenshots.save_window(editor, path)


def render_promo_editor(ctx: AppContext, path: Path) -> None:
    """The promo editor: a happy-hour 10 % on a category, weekdays 17:00–19:00."""
    editor = PromotionEditor(ctx)
    editor.name.setText("Happy hour minuman")
    editor.kind.setCurrentIndex(editor.kind.findData(str(PromoKind.PERCENT)))
    editor.value.setText("10")
    if editor.category.count():
        editor.add_category()
    with ctx.db.read() as session:
        for hit in samples.products(session, with_barcode=True, limit=2):
            editor.find_edit.setText(hit.sku)
            editor.add_found_product()
    editor.limit_hours.setChecked(True)
    for day in editor.days[5:]:
        day.setChecked(False)
    editor.resize(680, 0)
    screenshots.save_window(editor, path)


def render_variant_picker(ctx: AppContext, path: Path) -> None:
    """The quick grid's variant picker on a batik shirt (price and stock of each variant)."""
    with screenshots.private_copy(ctx) as own:
        _pid, parent = _packs_and_variants(own)
        with own.db.read() as session:
            options = variants.variant_hits(session, parent)
        dialog = VariantDialog("Kemeja Batik Parang", options)
        screenshots.save_window(dialog, path)


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("products_table.png", render_table),
    ("products_low_stock.png", render_low_stock_filter),
    ("products_editor.png", render_editor),
    ("products_editor_errors.png", render_editor_errors),
    ("products_stocktake.png", render_stocktake),
    ("products_import_preview.png", render_import_preview),
    ("products_editor_packs.png", render_editor_packs),
    ("products_editor_variants.png", render_editor_variants),
    ("products_promo_editor.png", render_promo_editor),
    ("sell_variant_picker.png", render_variant_picker),
]


def render_all(ctx: AppContext, out_dir: Path) -> list[Path]:
    """Render every screen of this area into ``out_dir``."""
    paths = []
    for name, render in SCREENS:
        render(ctx, out_dir / name)
        paths.append(out_dir / name)
    return paths


if __name__ == "__main__":
    import sys

    from app.db import open_database
    from app.demo import build_demo

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp_dir:
        database = open_database(Path(tmp_dir) / "demo.sqlite")
        with database.unit_of_work() as s:
            build_demo(s)
        out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
        for written in render_all(AppContext(db=database), out):
            print(written)
        database.close()
