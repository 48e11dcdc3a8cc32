"""The Promo tab of Produk & Stok: a promotion made in the editor, refused with a named field,
switched off and edited again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import promotions
from app.db import Database
from contract.enums import PromoKind
from tests.unit.foundation_kit import add_product
from ui.context import AppContext
from ui.products.page import ProductsPage
from ui.products.promo_editor import PromotionEditor
from ui.products.promotions import PromotionsTab


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop with one product."""
    with db.unit_of_work() as session:
        add_product(session, "TH-1", "Teh Botol Sosro", 5_000, barcodes=("8991234500017",))
    return AppContext(db=db, user_id=None)


def test_a_promotion_made_in_the_promo_tab(ctx: AppContext, qtbot: QtBot) -> None:
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    tab = page.show_promotions()
    assert isinstance(tab, PromotionsTab)
    qtbot.mouseClick(tab.buttons["new"], Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert isinstance(editor, PromotionEditor)
    editor.name.setText("Happy hour teh")
    editor.kind.setCurrentIndex(editor.kind.findData(str(PromoKind.PERCENT)))
    assert editor.value.isVisibleTo(editor) and not editor.buy.isVisibleTo(editor)
    editor.value.setText("10")
    assert not editor.save()  # nothing chosen yet
    assert "produk atau kategori" in editor.error.text()
    qtbot.keyClicks(editor.find_edit, "8991234500017")
    qtbot.keyClick(editor.find_edit, Qt.Key.Key_Return)
    assert editor.table.rowCount() == 1
    editor.limit_hours.setChecked(True)
    editor.days[6].setChecked(False)  # not on Sunday
    assert editor.save()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "Happy hour teh"  # type: ignore[union-attr]
    with ctx.db.read() as session:
        [view] = promotions.list_promotions(session)
        data = promotions.input_from_promotion(session, view.id)
    assert (data.kind, data.percent, data.weekdays) == (PromoKind.PERCENT, 10, "123456")
    assert (data.from_minute, data.to_minute) == (17 * 60, 19 * 60)
    tab.table.selectRow(0)
    tab.toggle_selected()
    assert tab.table.item(0, 4).text() == "Nonaktif"  # type: ignore[union-attr]
    tab.edit_selected()
    again = tab.editor
    assert isinstance(again, PromotionEditor) and again.name.text() == "Happy hour teh"
    assert again.value.text() == "10" and not again.active.isChecked()
