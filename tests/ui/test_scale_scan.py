"""pytest-qt flows (issue 17): a scale label scanned at the till gives the weighed line; a price
label charges the label's price; an old in-store 20… code still adds its own product; the scale's
layout is set in Pengaturan → Toko."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app import catalog, scale, settings
from app.barcodes import make_ean13
from app.money import line_total
from app.scale import ScaleLayout, ScaleValue
from ui.context import AppContext
from ui.sell.screen import SellScreen
from ui.settings.shop_tab import ShopTab

from .conftest import answer_next_message_box
from .helpers import scan

BEEF_PRICE = 130_000


def _shop(ctx: AppContext, **layout: object) -> tuple[int, int]:
    """A weighed product with PLU 123 (its SKU) and an old in-store product under 20…; scale labels on."""
    with ctx.db.unit_of_work() as session:
        beef = catalog.create_product(session, catalog.ProductInput(
            sku="123", name="Daging Sapi", price=BEEF_PRICE, unit="kg", sold_by_weight=True))
        old = catalog.create_product(session, catalog.ProductInput(
            sku="KUE-1", name="Kue Lapis", price=2_500, barcodes=[make_ean13("200012301250")]))
        settings.set_value(session, "scale.enabled", True)
        for key, value in layout.items():
            settings.set_value(session, f"scale.{key}", value)
    return int(beef), int(old)


def test_a_weight_label_gives_the_weighed_line(ctx: AppContext, screen: SellScreen,
                                               qtbot: QtBot) -> None:
    beef, _old = _shop(ctx)
    scan(qtbot, screen, make_ean13("2000123" + "00750"))  # PLU 00123, 750 g
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    line = screen.model.cart.lines[0]
    assert (line.product_id, line.qty, line.unit_price, line.sold_by_weight) == (
        beef, Decimal("0.750"), BEEF_PRICE, True)
    assert line.total == line_total(Decimal("0.75"), BEEF_PRICE) == 97_500
    assert screen.ui.scan.text() == ""  # no weight dialog: the label said it


def test_a_price_label_charges_the_label_price(ctx: AppContext, screen: SellScreen,
                                               qtbot: QtBot) -> None:
    beef, _old = _shop(ctx, value="price", prefixes="24", plu_digits=4, price_check=True)
    layout = ScaleLayout(("24",), 4, ScaleValue.PRICE, price_check=True)
    scan(qtbot, screen, scale.build(layout, 123, price=45_250))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    line = screen.model.cart.lines[0]
    assert line.product_id == beef and line.total == 45_250 == screen.model.cart.total
    assert line.qty == Decimal("0.349")  # 45 250 / 130 000 kg, rounded up, the rest taken off


def test_an_old_instore_code_still_scans_its_product(ctx: AppContext, screen: SellScreen,
                                                     qtbot: QtBot) -> None:
    _beef, old = _shop(ctx, prefixes="20")
    screen.ui.table.setFocus()  # the app-wide scanner path, focus outside the scan field
    scan(qtbot, screen, make_ean13("200012301250"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    line = screen.model.cart.lines[0]
    assert (line.product_id, line.qty, line.total) == (old, Decimal(1), 2_500)


def test_scale_settings_saved_from_the_shop_tab(ctx: AppContext, qtbot: QtBot) -> None:
    tab = ShopTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    box = tab.scale_box
    assert not box.enabled.isChecked() and box.prefixes.text() == "20,21"
    assert box.example.text().startswith("Contoh: 2000123007")
    box.enabled.setChecked(True)
    box.prefixes.setText("19")
    save = tab.findChild(QPushButton, "saveShop")
    assert save is not None
    answer_next_message_box(QMessageBox.StandardButton.Ok)  # outside 20–29: refused
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert tab.status.text() != "Tersimpan."
    with ctx.db.read() as session:
        assert settings.get(session, "scale.enabled") is False
    box.prefixes.clear()
    qtbot.keyClicks(box.prefixes, "23, 24")
    box.value.setCurrentIndex(box.value.findData("price"))
    box.plu_digits.setValue(4)
    box.price_check.setChecked(True)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert tab.status.text() == "Tersimpan."
    with ctx.db.read() as session:
        layout = scale.layout_from_settings(lambda key: settings.get(session, key))
    assert layout == ScaleLayout(("23", "24"), 4, ScaleValue.PRICE, price_check=True)
