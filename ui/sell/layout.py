"""Every widget of the sell screen, built and laid out in one place (:class:`SellWidgets`).

The screen owns one :class:`SellWidgets` (``screen.ui``) and connects its signals; nothing
here knows the screen's behaviour, and nothing else creates the screen's widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.sell.channel import ChannelPicker
from ui.sell.grid import QuickGrid
from ui.sell.help import HelpOverlay
from ui.sell.model import COL_DISCOUNT, COL_NAME, COL_PRICE, COL_QTY, COL_TOTAL, CartModel
from ui.sell.search import ResultsTable, ScanField

COLUMN_WIDTHS = {COL_QTY: 92, COL_PRICE: 92, COL_DISCOUNT: 122, COL_TOTAL: 110}


def _t(text: str) -> str:
    return QCoreApplication.translate("SellScreen", text)


class CartScrollBar(QScrollBar):
    """The cart's scroll bar: while the cart fits (no range), a new row changes only its steps,
    which do not show (the handle fills the groove), so it is not repainted for them."""

    def sliderChange(self, change: QAbstractSlider.SliderChange) -> None:
        """Repaint for a change that shows."""
        if change == QAbstractSlider.SliderChange.SliderStepsChange and self.maximum() == self.minimum():
            return
        super().sliderChange(change)


class CartHeader(QHeaderView):
    """The cart's column titles. They do not light up for the selected row (a row selection
    spans every column, so they all would), and a scan's new selection does not repaint them."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        """Repaint for a selection only when sections light up for it."""
        if self.highlightSections():
            super().selectionChanged(selected, deselected)


class CartView(QTableView):
    """The cart table; +/− change the selected quantity instead of a type-ahead search.

    sig_step(int): + or − pressed (+1/−1). Other printable keys go on in ``scan``.
    """

    sig_step = Signal(int)

    def __init__(self, model: CartModel, scan: ScanField) -> None:
        super().__init__()
        self._scan = scan
        self.setObjectName("cartTable")
        self.setModel(model)
        self.setVerticalScrollBar(CartScrollBar())
        self._wire_partial_repaint(model)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # the bar never appears mid-sale: its arrival re-laid out and repainted the whole table
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Minyak Gor…Bimoli 2 L": size stays
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        header = CartHeader()
        self.setHorizontalHeader(header)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, width)

    def _wire_partial_repaint(self, model: CartModel) -> None:
        """A scan appends a row; Qt's table then lays out and repaints every visible row, a
        cost that grew with the cart (bench.scan). Rows appended since the last layout are
        repainted alone; any other change (removal, reset, moved rows) repaints it all.

        Once the cart overflows, a scan also scrolls it by a row. The view scrolls by pixels
        (``ScrollPerPixel``): Qt moves the painted rows up (a blit of the opaque viewport) and
        paints only the strip that comes into view. Scrolling per item would not do: at the
        end of its range the table shows the last row flush with the bottom, mid-range a row
        flush with the top, so a new row shifted every painted row by a part of a row without
        a scroll to move them, and only a full repaint was right.
        """
        self._appended_from: int | None = None
        self._full_layout = False
        model.rowsInserted.connect(self._rows_appended)
        for signal in (model.rowsRemoved, model.modelReset, model.layoutChanged,
                       model.rowsMoved, model.columnsInserted, model.columnsRemoved):
            signal.connect(self._needs_full_layout)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def _rows_appended(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid() or last != self.model().rowCount() - 1:
            self._full_layout = True
        elif self._appended_from is None or first < self._appended_from:
            self._appended_from = first

    def _needs_full_layout(self) -> None:
        self._full_layout = True

    def doItemsLayout(self) -> None:
        """Lay out the rows; after appends only, repaint from the first new row down (a
        scroll that follows moves the rows above and paints what it uncovers)."""
        first, full = self._appended_from, self._full_layout
        self._appended_from, self._full_layout = None, False
        if first is None or full:
            super().doItemsLayout()
            return
        self.updateGeometries()
        viewport = self.viewport()
        top = max(0, self.rowViewportPosition(first))
        if top < viewport.height():
            viewport.update(QRect(0, top, viewport.width(), viewport.height() - top))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Fill the damaged area with the view's background, then paint the rows.

        The viewport is opaque (``WA_OpaquePaintEvent``): Qt then neither repaints the screen
        behind it for every change nor the whole viewport when a scan scrolls it by a row (it
        moves the pixels and paints the new row), so the background is filled here instead.
        """
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.fillRect(event.rect(), viewport.palette().brush(viewport.backgroundRole()))
        painter.end()
        super().paintEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+/− step the quantity; other printable keys go to the scan field."""
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self.sig_step.emit(1 if event.key() == Qt.Key.Key_Plus else -1)
            return
        text = event.text()
        if len(text) == 1 and text.isprintable() and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._scan.setFocus()
            self._scan.insert(text)
            return
        super().keyPressEvent(event)


def fixed(label: QLabel) -> QLabel:
    """A label that takes the width it is given (a long text never widens the screen); one whose
    text changes on every scan also sits in a :class:`LabelSlot`, so it is not re-laid out."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return label


class LabelSlot(QWidget):
    """Holds a label whose text changes on every scan (the notice, the totals) in a layout.

    ``QLabel.setText`` asks the layout around the label to lay out again, and that layout its
    own parent's, up to the window (~0.5 ms a scan, bench.scan). The slot has no layout, so a
    new text only repaints the label; the label fills the slot, and the slot takes its size
    hints and minimum size from the label.
    """

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        label.setParent(self)
        self.setSizePolicy(label.sizePolicy())
        self.setMinimumSize(label.minimumSize())

    def sizeHint(self) -> QSize:
        """The label's."""
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        """The label's."""
        return self.label.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The label fills the slot."""
        self.label.setGeometry(self.rect())


def value_label(name: str) -> QLabel:
    """A right-aligned figure of the totals panel."""
    label = fixed(QLabel(""))
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def big_button(text: str, name: str = "") -> QPushButton:
    """A button of the bottom row (never takes the focus from the scan field)."""
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(48)
    return button


class SellWidgets:
    """The sell screen's widgets as typed attributes, laid out on ``host``.

    Left: scan field, notice, cart table, note, totals, last sale, buttons. Right: the
    channel banner and picker, the quick grid. Over the host: the search results list and
    the F1 help overlay.
    """

    def __init__(self, host: QWidget, ctx: AppContext, model: CartModel) -> None:
        self.grid = QuickGrid(ctx)  # first: its first page is read while the rest is built
        self.scan = ScanField()
        self.notice = fixed(QLabel(_t("Siap. Pindai barcode atau ketik nama produk.")))
        self.notice.setObjectName("notice")
        self.table = CartView(model, self.scan)
        self.note = QLineEdit()
        self.note.setObjectName("noteField")
        self.note.setPlaceholderText(_t("Catatan pesanan (F7), mis. dibungkus terpisah"))
        self.items_value = value_label("smallValue")
        self.subtotal_value = value_label("smallValue")
        self.discount_value = value_label("smallValue")
        self.total_value = value_label("totalValue")
        self.last_sale = fixed(QLabel(""))
        self.last_sale.setObjectName("lastSale")
        self.last_sale.hide()
        self.help_button = big_button(_t("Bantuan (F1)"))
        self.hold_button = big_button(_t("Tahan (F8)"))
        self.held_button = big_button(_t("Ditahan (F9)"))
        self.pay_button = big_button(_t("BAYAR (F12)"), "payButton")
        self.channel = ChannelPicker(ctx)
        self.channel_banner = QLabel("")
        self.channel_banner.setObjectName("channelBanner")
        self.channel_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._lay_out(host)
        self.results = ResultsTable(host)
        self.help = HelpOverlay(host)

    def _lay_out(self, host: QWidget) -> None:
        outer = QHBoxLayout(host)
        outer.setContentsMargins(10, 10, 10, 10)
        outer.setSpacing(12)
        outer.addLayout(self._left_column(), 5)
        right_box = QWidget()
        right_box.setObjectName("rightColumn")
        right_box.setLayout(self._right_column())
        outer.addWidget(right_box, 3)

    def _left_column(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.addWidget(self.scan)
        left.addWidget(LabelSlot(self.notice))
        left.addWidget(self.table, 1)
        left.addWidget(self.note)
        left.addWidget(self._totals_panel())
        left.addWidget(self.last_sale)
        row = QHBoxLayout()
        row.addWidget(self.help_button)
        row.addWidget(self.hold_button)
        row.addWidget(self.held_button)
        row.addWidget(self.pay_button, 2)
        left.addLayout(row)
        return left

    def _totals_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("totalsPanel")
        grid = QGridLayout(panel)
        grid.setContentsMargins(14, 8, 14, 8)
        captions = (_t("Isi"), _t("Subtotal"), _t("Diskon pesanan (F6)"))
        values = (self.items_value, self.subtotal_value, self.discount_value)
        for row, (caption, value) in enumerate(zip(captions, values, strict=True)):
            label = QLabel(caption)
            label.setObjectName("smallCaption")
            grid.addWidget(label, row, 0)
            grid.addWidget(LabelSlot(value), row, 1)
        total_caption = QLabel(_t("TOTAL"))
        total_caption.setObjectName("totalCaption")
        grid.addWidget(total_caption, 0, 2, 3, 1,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.total_value.setMinimumHeight(64)
        self.total_value.setMinimumWidth(340)
        grid.addWidget(LabelSlot(self.total_value), 0, 3, 3, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(1, 150)
        return panel

    def _right_column(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.addWidget(self.channel_banner)
        right.addWidget(self.channel)
        grid_title = QLabel(_t("Produk cepat"))
        grid_title.setObjectName("sectionTitle")
        right.addWidget(grid_title)
        right.addWidget(self.grid, 1)
        return right
