"""Widgets and layout of the sell screen (kept apart from its behaviour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.sell.channel import ChannelPicker
from ui.sell.grid import QuickGrid
from ui.sell.help import HelpOverlay
from ui.sell.model import COL_DISCOUNT, COL_NAME, COL_PRICE, COL_QTY, COL_TOTAL, CartModel
from ui.sell.search import ResultsTable, ScanField

if TYPE_CHECKING:
    from ui.sell.screen import SellScreen

COLUMN_WIDTHS = {COL_QTY: 92, COL_PRICE: 92, COL_DISCOUNT: 122, COL_TOTAL: 110}


class CartView(QTableView):
    """The cart table; +/− change the selected quantity instead of a type-ahead search."""

    def __init__(self, screen: SellScreen) -> None:
        super().__init__()
        self._screen = screen

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+/− step the quantity; other printable keys go to the scan field."""
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self._screen.step_current(1 if event.key() == Qt.Key.Key_Plus else -1)
            return
        text = event.text()
        if len(text) == 1 and text.isprintable() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._screen.scan.setFocus()
            self._screen.scan.insert(text)
            return
        super().keyPressEvent(event)


def _cart_table(screen: SellScreen) -> CartView:
    table = CartView(screen)
    table.setObjectName("cartTable")
    table.setModel(screen.model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Minyak Gor…Bimoli 2 L": size stays
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)
    header = table.horizontalHeader()
    header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
    for column, width in COLUMN_WIDTHS.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(column, width)
    return table


def _fixed(label: QLabel) -> QLabel:
    """A label whose changing text never re-lays out the screen (fast scans)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return label


def _value_label(name: str) -> QLabel:
    label = _fixed(QLabel(""))
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def _totals_panel(screen: SellScreen) -> QFrame:
    panel = QFrame()
    panel.setObjectName("totalsPanel")
    grid = QGridLayout(panel)
    grid.setContentsMargins(14, 8, 14, 8)
    screen.items_value = _value_label("smallValue")
    screen.subtotal_value = _value_label("smallValue")
    screen.discount_value = _value_label("smallValue")
    captions = (QCoreApplication.translate("SellScreen", "Isi"),
                QCoreApplication.translate("SellScreen", "Subtotal"),
                QCoreApplication.translate("SellScreen", "Diskon pesanan (F6)"))
    values = (screen.items_value, screen.subtotal_value, screen.discount_value)
    for row, (caption, value) in enumerate(zip(captions, values, strict=True)):
        label = QLabel(caption)
        label.setObjectName("smallCaption")
        grid.addWidget(label, row, 0)
        grid.addWidget(value, row, 1)
    total_caption = QLabel(QCoreApplication.translate("SellScreen", "TOTAL"))
    total_caption.setObjectName("totalCaption")
    screen.total_value = _value_label("totalValue")
    grid.addWidget(total_caption, 0, 2, 3, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    grid.addWidget(screen.total_value, 0, 3, 3, 1)
    screen.total_value.setMinimumHeight(64)
    screen.total_value.setMinimumWidth(340)
    grid.setColumnStretch(3, 1)
    grid.setColumnMinimumWidth(1, 150)
    return panel


def _button_row(screen: SellScreen) -> QHBoxLayout:
    row = QHBoxLayout()
    screen.hold_button = QPushButton(QCoreApplication.translate("SellScreen", "Tahan (F8)"))
    screen.held_button = QPushButton(QCoreApplication.translate("SellScreen", "Ditahan (F9)"))
    screen.pay_button = QPushButton(QCoreApplication.translate("SellScreen", "BAYAR (F12)"))
    screen.pay_button.setObjectName("payButton")
    for button in (screen.hold_button, screen.held_button, screen.pay_button):
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(48)
    help_button = QPushButton(QCoreApplication.translate("SellScreen", "Bantuan (F1)"))
    help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    help_button.setMinimumHeight(48)
    help_button.clicked.connect(screen.toggle_help)
    row.addWidget(help_button)
    row.addWidget(screen.hold_button)
    row.addWidget(screen.held_button)
    row.addWidget(screen.pay_button, 2)
    return row


def _left_column(screen: SellScreen) -> QVBoxLayout:
    left = QVBoxLayout()
    screen.scan = ScanField()
    left.addWidget(screen.scan)
    screen.notice = _fixed(QLabel(QCoreApplication.translate(
        "SellScreen", "Siap. Pindai barcode atau ketik nama produk.")))
    screen.notice.setObjectName("notice")
    left.addWidget(screen.notice)
    screen.table = _cart_table(screen)
    left.addWidget(screen.table, 1)
    screen.note = QLineEdit()
    screen.note.setObjectName("noteField")
    screen.note.setPlaceholderText(QCoreApplication.translate(
        "SellScreen", "Catatan pesanan (F7), mis. dibungkus terpisah"))
    left.addWidget(screen.note)
    left.addWidget(_totals_panel(screen))
    screen.last_sale = _fixed(QLabel(""))
    screen.last_sale.setObjectName("lastSale")
    screen.last_sale.hide()
    left.addWidget(screen.last_sale)
    left.addLayout(_button_row(screen))
    return left


def _right_column(screen: SellScreen) -> QVBoxLayout:
    right = QVBoxLayout()
    screen.channel = ChannelPicker(screen.ctx)
    screen.channel_banner = QLabel("")
    screen.channel_banner.setObjectName("channelBanner")
    screen.channel_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    right.addWidget(screen.channel_banner)
    right.addWidget(screen.channel)
    grid_title = QLabel(QCoreApplication.translate("SellScreen", "Produk cepat"))
    grid_title.setObjectName("sectionTitle")
    right.addWidget(grid_title)
    screen.grid = QuickGrid(screen.ctx)
    right.addWidget(screen.grid, 1)
    return right


def build_layout(screen: SellScreen) -> None:
    """Create the screen's widgets as attributes and lay them out."""
    screen.model = CartModel()
    outer = QHBoxLayout(screen)
    outer.setContentsMargins(10, 10, 10, 10)
    outer.setSpacing(12)
    outer.addLayout(_left_column(screen), 5)
    right_box = QWidget()
    right_box.setObjectName("rightColumn")
    right_box.setLayout(_right_column(screen))
    outer.addWidget(right_box, 3)
    screen.results = ResultsTable(screen)
    screen.help = HelpOverlay(screen)
