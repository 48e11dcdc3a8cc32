"""pytest-qt flows (issue 17): 12 pcs hit the grosir price; beli 2 gratis 1 shows the free unit
as its own row; a dus barcode sells 1 dus at the dus price and takes 40 pcs off stock."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import catalog, inventory, packs, promotions
from contract.enums import PromoKind
from ui.context import AppContext
from ui.sell.model import COL_DISCOUNT, COL_NAME, COL_QTY
from ui.sell.pay import PayDialog
from ui.sell.screen import SellScreen

from .helpers import last_order, on_hand, press, scan, type_text, wait_dialog, wait_no_dialog

MIE, KOPI, DUS = "8990001000017", "8990001000024", "8990001000031"


def _shop(ctx: AppContext) -> dict[str, int]:
    """Indomie (grosir from 12, a dus of 40 with its own barcode) and Kopi (beli 2 gratis 1)."""
    with ctx.db.unit_of_work() as session:
        mie = catalog.create_product(session, catalog.ProductInput(
            sku="MIE-G", name="Indomie Goreng", price=3_000, barcodes=[MIE]))
        kopi = catalog.create_product(session, catalog.ProductInput(
            sku="KOPI-KA", name="Kopi Kapal Api", price=3_500, barcodes=[KOPI]))
        inventory.receive(session, mie, Decimal(200))
        inventory.receive(session, kopi, Decimal(50))
        dus = packs.add_pack(session, mie, packs.PackInput("dus", Decimal(40), 110_000, [DUS]))
        packs.set_tiers(session, mie, [packs.TierInput(Decimal(12), 2_800)])
        promo = promotions.create_promotion(session, promotions.PromotionInput(
            "Beli 2 gratis 1", PromoKind.BUY_GET, [promotions.PromoTarget(product_id=kopi)],
            buy_qty=2, free_qty=1))
    return {"mie": int(mie), "kopi": int(kopi), "dus": dus, "promo": promo}


def _pay_exact(screen: SellScreen, qtbot: QtBot) -> None:
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, PayDialog)
    assert isinstance(dialog, PayDialog)
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)  # uang pas
    wait_no_dialog(qtbot)


def test_twelve_pcs_hit_the_grosir_price(ctx: AppContext, screen: SellScreen, qtbot: QtBot) -> None:
    ids = _shop(ctx)
    scan(qtbot, screen, "11*" + MIE)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.cart.lines[0].unit_price == 3_000
    press(qtbot, screen.ui.scan, Qt.Key.Key_Plus)  # the 12th
    line = screen.model.cart.lines[0]
    assert (line.qty, line.unit_price, line.total) == (Decimal(12), 2_800, 33_600)
    assert screen.model.cell_text(0, COL_NAME) == "Indomie Goreng · Grosir ≥12"
    assert screen.model.cart.total == 33_600
    _pay_exact(screen, qtbot)
    order = last_order(ctx)
    assert [(ln.product_id, ln.unit_price, ln.price_note, ln.total) for ln in order.lines] == [
        (ids["mie"], 2_800, "Grosir ≥12", 33_600)]


def test_beli_2_gratis_1_shows_the_free_line(ctx: AppContext, screen: SellScreen,
                                             qtbot: QtBot) -> None:
    ids = _shop(ctx)
    for _ in range(2):
        scan(qtbot, screen, KOPI)
    qtbot.waitUntil(lambda: screen.model.cart.item_count == 2, timeout=2000)
    assert screen.model.cell_text(0, COL_DISCOUNT) == ""
    scan(qtbot, screen, KOPI)
    qtbot.waitUntil(lambda: screen.model.cart.item_count == 3, timeout=2000)
    line = screen.model.cart.lines[0]
    assert [(p.promotion_id, p.amount, p.free_qty) for p in line.promos] == [(ids["promo"], 3_500, 1)]
    assert screen.model.cell_text(0, COL_DISCOUNT) == "-3.500 Beli 2 gratis 1"
    assert screen.model.cart.total == 7_000
    _pay_exact(screen, qtbot)
    order = last_order(ctx)
    assert [(ln.qty, ln.promotion_id, ln.promo_discount, ln.total) for ln in order.lines] == [
        (Decimal(3), ids["promo"], 3_500, 7_000)]


def test_a_dus_barcode_sells_one_dus_and_takes_40_pcs(ctx: AppContext, screen: SellScreen,
                                                      qtbot: QtBot) -> None:
    ids = _shop(ctx)
    scan(qtbot, screen, DUS)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    line = screen.model.cart.lines[0]
    assert (line.pack_id, line.qty, line.unit_price, line.total) == (
        ids["dus"], Decimal(1), 110_000, 110_000)
    assert screen.model.cell_text(0, COL_QTY) == "1 dus (40 pcs)"
    type_text(qtbot, screen, MIE)  # a single pcs is its own line, at the pcs price
    press(qtbot, screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=2000)
    assert screen.model.cart.total == 113_000
    _pay_exact(screen, qtbot)
    order = last_order(ctx)
    assert [(ln.qty, ln.pack_name, ln.pack_factor) for ln in order.lines] == [
        (Decimal(1), "dus", Decimal(40)), (Decimal(1), "", Decimal(1))]
    assert on_hand(ctx, ids["mie"]) == Decimal(200 - 41)


def test_a_dus_counts_its_pcs_against_the_stock(ctx: AppContext, screen: SellScreen,
                                                qtbot: QtBot) -> None:
    _shop(ctx)
    scan(qtbot, screen, "190*" + MIE)  # 190 of the 200 pcs
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert "Stok" not in screen.ui.notice.text()
    scan(qtbot, screen, DUS)  # 40 pcs more: 30 more than there are
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=2000)
    assert "Stok tinggal 200 pcs: Indomie Goreng" in screen.ui.notice.text()
