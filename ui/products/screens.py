"""Screenshots of the Produk & Stok area, rendered offscreen with the demo shop.

``SCREENS`` lists ``(file name, render)``; ``render(ctx, path)`` draws that screen and
saves it as PNG to ``path`` (the caller passes ``out_dir / file name``). Nothing is
written to the shop: the stocktake is scanned but not committed, the import only previewed.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import samples
from app.product_queries import ProductFilter
from ui import screenshots
from ui.context import AppContext
from ui.products.editor import ProductEditor
from ui.products.import_wizard import ImportDialog
from ui.products.page import ProductsPage
from ui.products.stocktake import StocktakeDialog

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


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("products_table.png", render_table),
    ("products_low_stock.png", render_low_stock_filter),
    ("products_editor.png", render_editor),
    ("products_editor_errors.png", render_editor_errors),
    ("products_stocktake.png", render_stocktake),
    ("products_import_preview.png", render_import_preview),
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
