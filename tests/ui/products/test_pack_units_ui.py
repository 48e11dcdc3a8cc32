"""Barang masuk and stok opname in packs, through the dialogs and the keyboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db import Database
from app.inventory import ledger_sum
from app.packs import PackInput, add_pack
from models import Product, StockMovement
from tests.unit.foundation_kit import add_product
from ui.context import AppContext
from ui.products.stock_dialogs import LowStockDialog, ReceiveDialog
from ui.products.stocktake import StocktakeDialog

DUS_CODE = "8990000000401"


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop."""
    return AppContext(db=db, user_id=None)


def _mie(ctx: AppContext, stock: int = 0, cost: int = 3_500, min_stock: int = 0) -> tuple[int, int]:
    with ctx.db.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500, stock=stock, cost=cost,
                          barcodes=("8990000000012",), min_stock=min_stock)
        dus = add_pack(session, pid, PackInput("dus", Decimal(40), 130_000, [DUS_CODE]))
    return pid, dus


def _stock_and_last_move(ctx: AppContext, pid: int) -> tuple[Decimal, StockMovement]:
    with ctx.db.read() as session:
        product = session.get(Product, pid)
        move = session.scalars(select(StockMovement).order_by(StockMovement.id.desc())).first()
        assert product is not None and move is not None
        assert ledger_sum(session, pid) == product.on_hand
        session.expunge(move)
        return product.on_hand, move


def test_receive_three_dus_typed_is_120_pcs(qtbot: QtBot, ctx: AppContext) -> None:
    pid, _dus = _mie(ctx, stock=10)
    dialog = ReceiveDialog(ctx, pid)
    qtbot.addWidget(dialog)
    assert [dialog.amount.unit.itemText(i) for i in range(dialog.amount.unit.count())] == [
        "pcs", "dus (40 pcs)"]
    assert dialog.cost_edit.text() == "3.500"
    qtbot.keyClicks(dialog.qty, "3 dus")  # the unit typed after the number picks it
    assert dialog.amount.choice().name == "dus" and dialog.amount.echo.text() == "= 120 pcs"
    assert dialog.cost_label.text() == "Harga pokok per dus (Rp)"
    assert dialog.cost_edit.text() == "140.000"  # the untouched cost follows: 3.500 × 40
    dialog.cost_edit.setText("150.000")
    dialog.note.setText("CV Sumber Rejeki")
    assert dialog.save()
    on_hand, move = _stock_and_last_move(ctx, pid)
    assert on_hand == Decimal(130)
    assert (move.kind, move.qty, move.unit_cost, move.note) == (
        "receive", Decimal(120), 3_750, "3 dus (120 pcs) · CV Sumber Rejeki")


def test_receive_in_the_unit_chosen_and_a_refused_unit(qtbot: QtBot, ctx: AppContext) -> None:
    pid, dus = _mie(ctx)
    dialog = ReceiveDialog(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.amount.unit.setCurrentIndex(dialog.amount.unit.findData(dus))
    qtbot.keyClicks(dialog.qty, "2")
    assert dialog.amount.echo.text() == "= 80 pcs"
    dialog.qty.setText("2 karung")
    assert dialog.amount.echo.text() == ""
    assert not dialog.save() and "karung" in dialog.boxes["qty"].error.text()
    dialog.qty.setText("2")
    dialog.cost_edit.clear()  # no cost: the product's cost stays
    assert dialog.save()
    on_hand, move = _stock_and_last_move(ctx, pid)
    assert (on_hand, move.qty, move.unit_cost, move.note) == (Decimal(80), Decimal(80), None,
                                                              "2 dus (80 pcs)")


def test_low_stock_receive_selected_takes_a_pack(qtbot: QtBot, ctx: AppContext) -> None:
    pid, _dus = _mie(ctx, stock=2, min_stock=5)
    low = LowStockDialog(ctx)
    qtbot.addWidget(low)
    low.table.selectRow(0)
    seen: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, ReceiveDialog):
            QTimer.singleShot(20, drive)
            return
        seen.append(modal.amount.unit.itemText(1))
        modal.qty.setText("1 dus")
        modal.save()

    QTimer.singleShot(0, drive)
    low.receive_selected()
    assert seen == ["dus (40 pcs)"]
    on_hand, _move = _stock_and_last_move(ctx, pid)
    assert on_hand == Decimal(42) and low.model.rows == []


def test_stocktake_scanning_a_dus_code_twice_counts_80(qtbot: QtBot, ctx: AppContext) -> None:
    pid, _dus = _mie(ctx, stock=90)
    dialog = StocktakeDialog(ctx)
    qtbot.addWidget(dialog)
    for _ in range(2):
        qtbot.keyClicks(dialog.scan, DUS_CODE)
        qtbot.keyClick(dialog.scan, "\r")
    line = dialog.model.lines[0]
    assert (line.product_id, line.counted, line.delta) == (pid, Decimal(80), Decimal(-10))
    assert dialog.message.text() == "Mi Goreng: dihitung 80 pcs (2 dus)"
    assert dialog.scan_code("8990000000012") and line.counted == Decimal(81)  # a piece adds 1
    assert dialog.scan_code(f"2*{DUS_CODE}") and line.counted == Decimal(161)  # 2 dus more
    assert dialog.model.setData(dialog.model.index(0, 4), "2 dus 5")  # typed, naming the pack
    assert line.counted == Decimal(85)
    assert not dialog.model.setData(dialog.model.index(0, 4), "2 karung")
    assert line.counted == Decimal(85)
    assert dialog.commit(ask=False)
    on_hand, move = _stock_and_last_move(ctx, pid)
    assert (on_hand, move.kind, move.qty) == (Decimal(85), "stocktake", Decimal(-5))
