"""The Pesanan columns are fitted from the texts of the first rows (by font metrics, not by the
view asking every cell for its size): every title and every text of a screenful shows whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.orders.page import FIT_ROWS, OrdersPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _cut(page: OrdersPage) -> list[str]:
    """Texts (titles and the first rows' cells) wider than their column."""
    header = page.table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)
    titles, cells = QFontMetrics(bold), QFontMetrics(page.table.font())
    found = []
    for column in range(page.model.columnCount()):
        size = header.sectionSize(column)
        title = str(page.model.headerData(column, Qt.Orientation.Horizontal))
        texts = [(titles, title)] + [(cells, page.model.cell_text(r, column))
                                     for r in range(min(page.model.rowCount(), FIT_ROWS))]
        found += [f"{column}: {text!r} in {size}" for metrics, text in texts
                  if metrics.horizontalAdvance(text) + 16 > size]
    return found


def test_columns_fit_titles_and_the_first_rows(ctx: AppContext, qtbot: QtBot) -> None:
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.keyClicks(page.period, "Semua")  # every order of the demo shop
    assert page.period.currentData() == "all" and page.model.rowCount() > 20
    assert _cut(page) == []
    qtbot.keyClicks(page.search, "zzz-nothing")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert _cut(page) == []  # the titles still whole with no rows
