"""English screenshots for ``python -m ui.screenshots`` (the demo shop, English installed).

Each screen installs the English translation before building its widgets and puts
Bahasa Indonesia back afterwards, so the other screenshots stay Indonesian.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ui import i18n
from ui.context import AppContext
from ui.orders.screens import render_import_laptop, render_orders_laptop
from ui.reports.screens import reports_laptop
from ui.screenshots import save
from ui.sell.screens import _fill_cart, _window, render_pay


@contextmanager
def english() -> Iterator[None]:
    """English for the widgets built inside; Indonesian again after."""
    if not i18n.install("en"):
        raise OSError(f"cannot load {i18n.qm_path('en')}")
    try:
        yield
    finally:
        i18n.install("id")


def sell_screen_en(ctx: AppContext, out_dir: Path) -> None:
    """The sell screen with a filled cart, in English."""
    with english():
        window, screen = _window(ctx)
        _fill_cart(ctx, screen)
        save(window, out_dir / "sell_screen_en.png")
        window.close()


def pay_qris_en(ctx: AppContext, out_dir: Path) -> None:
    """The pay dialog with QRIS (F3) at 1366×768, in English."""
    with english():
        render_pay(ctx, out_dir / "pay_dialog_qris_en.png", split=False)


def pay_split_en(ctx: AppContext, out_dir: Path) -> None:
    """A split payment's transfer part at 1366×768, in English."""
    with english():
        render_pay(ctx, out_dir / "pay_dialog_split_en.png", split=True)


def reports_en(ctx: AppContext, out_dir: Path) -> None:
    """Laporan (Reports) at 1366×768, in English."""
    with english(), tempfile.TemporaryDirectory() as folder:
        reports_laptop(ctx, Path(folder))
        shutil.copy(Path(folder) / "reports_1366.png", out_dir / "reports_1366_en.png")


def orders_en(ctx: AppContext, out_dir: Path) -> None:
    """Pesanan (Orders) at 1366×768 with a long sale in the detail, and after a statement import."""
    with english(), tempfile.TemporaryDirectory() as folder:
        render_orders_laptop(ctx, Path(folder))
        render_import_laptop(ctx, Path(folder))
        shutil.copy(Path(folder) / "orders_1366.png", out_dir / "orders_1366_en.png")
        shutil.copy(Path(folder) / "orders_import_1366.png", out_dir / "orders_import_1366_en.png")


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("sell_screen_en.png", sell_screen_en),
    ("pay_dialog_qris_en.png", pay_qris_en),
    ("pay_dialog_split_en.png", pay_split_en),
    ("reports_1366_en.png", reports_en),
    ("orders_1366_en.png", orders_en),
]
