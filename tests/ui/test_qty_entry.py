"""Quantities are checked where they are typed, the Indonesian way, and stock is watched at scan.

F4, the ``3*`` prefix, the weight dialog and the +/− keys refuse ``1e9``, more than
``sales.max_qty`` and ``0`` with a clear message at once (never only at payment);
``1.000`` is a thousand. A line beyond the stock on hand gets a warning; with
``sales.forbid_negative_stock`` on it is refused.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app import inventory, settings
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sell.dialogs import QtyDialog
from ui.sell.screen import SellScreen
from ui.settings.shop_tab import ShopTab

from .helpers import (
    barcoded_products,
    on_hand,
    press,
    scan,
    wait_dialog,
    wait_no_dialog,
    weighed_product,
)

ENTER = Qt.Key.Key_Return


def lines(screen: SellScreen) -> list[tuple[int, Decimal]]:
    """(product id, quantity) of each cart line."""
    return [(ln.product_id, ln.qty) for ln in screen.model.cart.lines]


def set_stock(ctx: AppContext, product_id: int, qty: int) -> None:
    """Bring a product's stock on hand to ``qty`` (a stock correction)."""
    with ctx.db.unit_of_work() as session:
        delta = Decimal(qty) - on_hand(ctx, product_id)
        if delta:
            inventory.adjust(session, product_id, delta, "lainnya", note="uji")


def set_setting(ctx: AppContext, key: str, value: object) -> None:
    """Store a shop setting."""
    with ctx.db.unit_of_work() as session:
        settings.set_value(session, key, value)


def f4_typing(qtbot: QtBot, screen: SellScreen, text: str) -> QtyDialog:
    """F4 on the selected line, type ``text`` over the old quantity, Enter; the dialog if still open."""
    press(qtbot, screen, Qt.Key.Key_F4)
    dialog = wait_dialog(qtbot, QtyDialog)
    assert isinstance(dialog, QtyDialog)
    retype(qtbot, dialog, text)
    return dialog


def retype(qtbot: QtBot, dialog: QtyDialog, text: str) -> None:
    """Select all in the quantity field, type ``text`` and press Enter."""
    dialog.field.selectAll()
    qtbot.keyClicks(dialog.field, text)
    qtbot.keyClick(dialog.field, ENTER)


@pytest.mark.parametrize(("typed", "word"), [
    ("1e9", "bukan angka"), ("10001", "paling banyak 10.000"), ("0", "lebih dari 0"),
    ("-3", "negatif"), ("1.5", "koma untuk desimal"), ("2,5", "harus bulat"),
])
def test_f4_refuses_absurd_quantities_in_the_dialog(ctx: AppContext, screen: SellScreen, qtbot: QtBot,
                                                    typed: str, word: str) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, a_code)
    dialog = f4_typing(qtbot, screen, typed)
    assert dialog.isVisible(), "the dialog stays open with the reason"
    assert word in dialog.error.text()
    assert "1000000000" not in dialog.error.text()
    assert lines(screen) == [(a_id, Decimal(1))]
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    wait_no_dialog(qtbot)
    assert lines(screen) == [(a_id, Decimal(1))]


def test_f4_reads_a_thousand_the_indonesian_way(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    set_stock(ctx, a_id, 5000)
    scan(qtbot, screen, a_code)
    f4_typing(qtbot, screen, "1.000")
    wait_no_dialog(qtbot)
    assert lines(screen) == [(a_id, Decimal(1000))]


@pytest.mark.parametrize(("prefix", "word"), [
    ("99999*", "paling banyak 10.000"), ("0*", "lebih dari 0"), ("1e9*", "bukan angka"),
    ("10001*", "paling banyak 10.000"),
])
def test_scan_prefix_refused_before_anything_is_added(ctx: AppContext, screen: SellScreen, qtbot: QtBot,
                                                      prefix: str, word: str) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, prefix + a_code)
    assert lines(screen) == []
    assert word in screen.ui.notice.text()
    scan(qtbot, screen, a_code)                       # the next scan replaces the refused text
    assert lines(screen) == [(a_id, Decimal(1))]


def test_scan_prefix_of_a_thousand_within_the_limit(ctx: AppContext, screen: SellScreen,
                                                    qtbot: QtBot) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, f"1.000*{a_code}")
    assert lines(screen) == [(a_id, Decimal(1000))]
    scan(qtbot, screen, f"9.001*{a_code}")            # the same line would reach 10 001
    assert lines(screen) == [(a_id, Decimal(1000))]
    assert "paling banyak 10.000" in screen.ui.notice.text()


def test_the_limit_is_the_shop_setting(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    set_setting(ctx, "sales.max_qty", 3)
    scan(qtbot, screen, f"3*{a_code}")
    press(qtbot, screen, Qt.Key.Key_Plus)             # + would make 4
    assert lines(screen) == [(a_id, Decimal(3))]
    assert "paling banyak 3" in screen.ui.notice.text()
    press(qtbot, screen, Qt.Key.Key_Minus)            # lowering is always fine
    assert lines(screen) == [(a_id, Decimal(2))]


def test_weight_dialog_refuses_absurd_weights(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    w_id, w_sku, _price = weighed_product(ctx)
    scan(qtbot, screen, w_sku)
    dialog = wait_dialog(qtbot, QtyDialog)
    assert isinstance(dialog, QtyDialog)
    retype(qtbot, dialog, "20.000")
    assert dialog.isVisible() and "paling banyak 10.000" in dialog.error.text()
    retype(qtbot, dialog, "0,2505")
    assert dialog.isVisible() and "3 angka di belakang koma" in dialog.error.text()
    retype(qtbot, dialog, "0,25")
    wait_no_dialog(qtbot)
    assert lines(screen) == [(w_id, Decimal("0.25"))]


def test_stock_warning_when_short_or_out(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    set_stock(ctx, a_id, 54)
    set_stock(ctx, b_id, 0)
    scan(qtbot, screen, a_code)
    assert "Stok" not in screen.ui.notice.text()         # 1 of 54: nothing to say
    f4_typing(qtbot, screen, "500")
    wait_no_dialog(qtbot)
    assert lines(screen) == [(a_id, Decimal(500))]    # a warning, not a refusal
    assert "Stok tinggal 54 pcs" in screen.ui.notice.text()
    scan(qtbot, screen, b_code)
    assert lines(screen)[-1] == (b_id, Decimal(1))
    assert "Stok habis" in screen.ui.notice.text()


def test_forbid_negative_stock_refuses_at_entry(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    (a_id, a_code, _), (b_id, b_code, _) = barcoded_products(ctx, 2)
    set_stock(ctx, a_id, 54)
    set_stock(ctx, b_id, 0)
    set_setting(ctx, "sales.forbid_negative_stock", True)
    scan(qtbot, screen, b_code)
    assert lines(screen) == []
    assert "tinggal 0 pcs" in screen.ui.notice.text()
    scan(qtbot, screen, f"54*{a_code}")
    assert lines(screen) == [(a_id, Decimal(54))]
    press(qtbot, screen, Qt.Key.Key_Plus)
    assert lines(screen) == [(a_id, Decimal(54))]
    assert "tinggal 54 pcs" in screen.ui.notice.text()
    dialog = f4_typing(qtbot, screen, "500")
    assert dialog.isVisible() and "tinggal 54 pcs" in dialog.error.text()
    retype(qtbot, dialog, "50")
    wait_no_dialog(qtbot)
    assert lines(screen) == [(a_id, Decimal(50))]


def test_pengaturan_toko_sets_both_rules(ctx: AppContext, window: MainWindow, screen: SellScreen,
                                        qtbot: QtBot) -> None:
    (a_id, a_code, _), = barcoded_products(ctx, 1)
    scan(qtbot, screen, f"4*{a_code}")                # the till has read today's limits
    assert lines(screen) == [(a_id, Decimal(4))]
    tab = ShopTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert (tab.max_qty.value(), tab.forbid_negative.isChecked()) == (10_000, False)
    tab.max_qty.setFocus()
    tab.max_qty.selectAll()
    qtbot.keyClicks(tab.max_qty, "3")  # the till's scanner filter may hold keys back a moment
    qtbot.waitUntil(lambda: tab.max_qty.value() == 3)
    tab.forbid_negative.setFocus()
    qtbot.keyClick(tab.forbid_negative, Qt.Key.Key_Space)
    qtbot.waitUntil(tab.forbid_negative.isChecked)
    save = tab.findChild(QPushButton, "saveShop")
    assert save is not None
    save.setFocus()
    qtbot.keyClick(save, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.status.text() == "Tersimpan.")
    with ctx.db.read() as session:
        assert settings.get(session, "sales.max_qty") == 3
        assert settings.get(session, "sales.forbid_negative_stock") is True
    window.show_section(1)                            # from Pengaturan back to the till
    window.show_section(0)
    window.activateWindow()
    screen.focus_search()
    press(qtbot, screen, Qt.Key.Key_Delete)
    scan(qtbot, screen, f"4*{a_code}")
    assert lines(screen) == [] and "paling banyak 3" in screen.ui.notice.text()
