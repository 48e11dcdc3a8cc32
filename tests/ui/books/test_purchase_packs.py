"""Pembelian in packs: scan a dus barcode, 2 dus at Rp150.000 → 80 pcs in stock at Rp3.750;
10 renteng at Rp40.000 cost Rp400.000 exactly (the HPP per pcs is rounded, the money is not)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import purchase_queries, purchases
from app.db import Database
from app.inventory import ledger_sum
from app.pack_units import unit_choices
from app.packs import PackInput, add_pack
from app.purchases import LineInput, PurchaseInput
from contract.enums import MovementKind
from models import Product, ProductPack, Purchase, PurchaseLine, StockMovement
from tests.unit.foundation_kit import add_product
from ui.books.purchase_dialog import PurchaseDialog
from ui.books.purchase_lines import COST, QTY, SUBTOTAL, UNIT
from ui.books.purchases_tab import ReturnDialog
from ui.context import AppContext

ENTER = Qt.Key.Key_Return
DUS_CODE = "8990000000401"


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop."""
    return AppContext(db=db, user_id=None)


def _mie(ctx: AppContext) -> int:
    with ctx.db.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500, cost=3_200, barcodes=("8990000000012",))
        add_pack(session, pid, PackInput("dus", Decimal(40), 130_000, [DUS_CODE]))
        add_pack(session, pid, PackInput("renteng", Decimal(12), 40_000, []))
    return pid


def _type(qtbot: QtBot, dialog: PurchaseDialog, *keys: str | Qt.Key) -> None:
    for key in keys:
        widget = dialog.focusWidget()
        assert widget is not None
        if isinstance(key, str):
            qtbot.keyClicks(widget, key)
        else:
            qtbot.keyClick(widget, key)


def _cell(dialog: PurchaseDialog, column: int) -> str:
    return dialog.lines.cell(0, column).text()


def _shown(dialog: PurchaseDialog) -> None:
    dialog.show()
    dialog.activateWindow()
    dialog.search.setFocus()


def test_two_dus_at_150000_scanned_bring_80_pcs_at_3750(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _mie(ctx)
    dialog = PurchaseDialog(ctx)
    qtbot.addWidget(dialog)
    _shown(dialog)
    _type(qtbot, dialog, DUS_CODE, ENTER)  # a dus's barcode picks the dus
    assert dialog.focusWidget() is dialog.qty_edit and dialog.amount.choice().name == "dus"
    assert dialog.cost_edit.text() == "128.000"  # the product's cost per pcs × 40
    _type(qtbot, dialog, "2")
    assert dialog.amount.echo.text() == "= 80 pcs"
    _type(qtbot, dialog, ENTER)
    assert dialog.focusWidget() is dialog.cost_edit
    dialog.cost_edit.selectAll()
    _type(qtbot, dialog, "150.000", ENTER)
    assert dialog.focusWidget() is dialog.search
    assert dialog.line_text(0) == "2 dus (80 pcs)"
    assert [_cell(dialog, c) for c in (QTY, UNIT, COST, SUBTOTAL)] == [
        "2", "dus (80 pcs)", "150.000", "Rp300.000"]
    assert dialog.total_label.text() == "Total Rp300.000" and dialog.rounding.isHidden()
    assert dialog.amount.choice().pack_id is None  # the next product starts in its base unit
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved_number is not None
    with ctx.db.read() as session:
        product = session.get(Product, pid)
        bought = session.scalars(select(Purchase)).one()
        line = session.scalars(select(PurchaseLine)).one()
        move = session.scalars(select(StockMovement).where(
            StockMovement.kind == MovementKind.PURCHASE)).one()
        assert product is not None and product.on_hand == Decimal(80) == ledger_sum(session, pid)
        assert product.cost == 3_750 and bought.total == 300_000
        assert (line.qty_received, line.unit, line.unit_cost) == (Decimal(80), "pcs", 3_750)
        assert (move.qty, move.unit_cost) == (Decimal(80), 3_750)


def test_a_unit_typed_after_the_qty_and_a_cost_that_does_not_divide(qtbot: QtBot,
                                                                   ctx: AppContext) -> None:
    pid = _mie(ctx)
    dialog = PurchaseDialog(ctx)
    qtbot.addWidget(dialog)
    _shown(dialog)
    _type(qtbot, dialog, "M1", ENTER)  # the SKU: the base unit
    assert dialog.amount.choice().pack_id is None and dialog.cost_edit.text() == "3.200"
    dialog.qty_edit.selectAll()
    _type(qtbot, dialog, "10 renteng")
    assert dialog.amount.choice().name == "renteng" and dialog.amount.echo.text() == "= 120 pcs"
    assert dialog.cost_edit.text() == "38.400"
    dialog.cost_edit.setText("40.000")  # 40.000 / 12 = 3.333,33 per pcs
    dialog.qty_edit.setFocus()
    _type(qtbot, dialog, ENTER, ENTER)
    assert dialog.line_text(0) == "10 renteng (120 pcs)"
    assert _cell(dialog, SUBTOTAL) == "Rp400.000"  # the invoice's money, not 120 × 3.333
    assert dialog.total_label.text() == "Total Rp400.000"
    assert dialog.rounding.isVisibleTo(dialog) and "Mi Goreng" in dialog.rounding.text()
    dialog.lines.cell(0, QTY).setText("3")  # corrected in the table: still renteng
    assert dialog.line_text(0) == "3 renteng (36 pcs)"
    assert _cell(dialog, UNIT) == "renteng (36 pcs)"
    dialog.save()
    with ctx.db.read() as session:
        product = session.get(Product, pid)
        assert product is not None and product.on_hand == Decimal(36) and product.cost == 3_333
        assert session.scalars(select(Purchase)).one().total == 3 * 40_000
        line = session.scalars(select(PurchaseLine)).one()
        assert (line.pack_name, line.pack_factor, line.pack_cost) == ("renteng", Decimal(12), 40_000)


def test_a_return_may_name_the_pack(qtbot: QtBot, ctx: AppContext) -> None:
    pid = _mie(ctx)
    with ctx.db.unit_of_work() as session:
        dus = unit_choices(session, pid)[2]
        purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(pid, Decimal(2), 150_000, pack_id=dus.pack_id)]))
        row = purchase_queries.purchase_rows(session, date(2099, 1, 1))[0]
    dialog = ReturnDialog(ctx, row)
    qtbot.addWidget(dialog)
    field = dialog.fields[0]
    assert field.placeholderText() == "dibeli 2 dus (80 pcs)"  # as it was bought
    field.setText("1 peti")
    dialog.save()
    assert "peti" in dialog.error.text()
    field.setText("1 dus")
    dialog.save()
    with ctx.db.read() as session:
        product = session.get(Product, pid)
        assert product is not None and product.on_hand == Decimal(40) == ledger_sum(session, pid)
        back = session.scalars(select(PurchaseLine).order_by(PurchaseLine.id.desc())).first()
        assert back is not None and (back.qty_received, back.unit_cost) == (Decimal(40), 3_750)


def test_a_return_shows_and_takes_the_pack_bought_even_once_it_is_archived(qtbot: QtBot,
                                                                          ctx: AppContext) -> None:
    pid = _mie(ctx)
    with ctx.db.unit_of_work() as session:
        renteng = unit_choices(session, pid)[1]
        bought = purchases.create_purchase(session, PurchaseInput(
            None, [LineInput(pid, Decimal(10), 40_000, pack_id=renteng.pack_id)]))
        assert bought.total == 400_000
        pack = session.get(ProductPack, renteng.pack_id)
        assert pack is not None
        pack.archived = True  # the shop no longer buys renteng
        row = purchase_queries.purchase_rows(session, date(2099, 1, 1))[0]
    dialog = ReturnDialog(ctx, row)
    qtbot.addWidget(dialog)
    field = dialog.fields[0]
    assert field.placeholderText() == "dibeli 10 renteng (120 pcs)"
    field.setText("2 renteng")
    dialog.save()
    assert dialog.error.text() == ""
    with ctx.db.read() as session:
        back = session.scalars(select(Purchase).order_by(Purchase.id.desc())).first()
        assert back is not None and back.total == 80_000  # 2 of the 10 at Rp40.000, not 24 × 3.333
        assert ledger_sum(session, pid) == Decimal(96)
