"""The scan/search field and its live results list (arrow keys, Enter adds)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from app.cart import split_qty_prefix
from app.errors import UserError
from app.hits import ProductHit
from app.money import format_number, format_qty
from ui.list_model import Column, TableModel, no_tooltip

SEARCH_DEBOUNCE_MS = 60


def split_quantity(text: str) -> tuple[Decimal | None, str]:
    """``3*8991234`` → (3, ``8991234``); no prefix → (None, text).

    The lenient reading of :func:`app.cart.split_qty_prefix` for search as you type: a
    prefix that is not a quantity is no quantity here (Enter then says why it is refused).
    """
    try:
        return split_qty_prefix(text)
    except UserError:
        return None, text.strip()


class HitsModel(TableModel[ProductHit]):
    """Search results: name (the whole name as tooltip, for when the column elides it), price
    (``/kg`` for weighed goods) and stock; only the name has a tooltip."""

    def __init__(self) -> None:
        super().__init__([
            Column(self.tr("Produk"), _name, tooltip=_name),
            Column(self.tr("Harga"), _price, numeric=True, tooltip=no_tooltip),
            Column(self.tr("Stok"), _stock, numeric=True, tooltip=no_tooltip),
        ])

    @property
    def hits(self) -> list[ProductHit]:
        """The results shown (replace them with :meth:`set_hits`)."""
        return self.rows

    def set_hits(self, hits: list[ProductHit]) -> None:
        """Show new results."""
        self.set_rows(hits)


def _name(hit: ProductHit) -> str:
    return hit.name


def _price(hit: ProductHit) -> str:
    return format_number(hit.price) + (f" /{hit.unit}" if hit.sold_by_weight else "")


def _stock(hit: ProductHit) -> str:
    return f"{format_qty(hit.on_hand)} {hit.unit}"


class ResultsTable(QTableView):
    """The live results under the scan field; it never takes the keyboard focus."""

    sig_chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.results = HitsModel()
        self.setModel(self.results)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.clicked.connect(lambda index: self.sig_chosen.emit(self.results.hits[index.row()]))
        self.hide()

    def show_hits(self, hits: list[ProductHit]) -> None:
        """Show results with the first one selected; hide when there are none."""
        self.results.set_hits(hits)
        if hits:
            self.selectRow(0)
            self.show()
            self.raise_()
        else:
            self.hide()

    def move(self, step: int) -> None:  # type: ignore[override]
        """Move the selection by ``step`` rows (arrow keys in the scan field)."""
        count = len(self.results.hits)
        if not count:
            return
        row = max(0, min(count - 1, self.currentIndex().row() + step))
        self.selectRow(row)

    def current_hit(self) -> ProductHit | None:
        """The selected result, if the list is shown."""
        if self.isHidden() or not self.results.hits:
            return None
        row = self.currentIndex().row()
        return self.results.hits[row] if 0 <= row < len(self.results.hits) else None


class ScanField(QLineEdit):
    """Where scans and searches are typed; special keys go to the sell screen.

    sig_submit(str): Enter with the typed text.
    sig_search(str): the text after a short pause (live search).
    sig_arrow(int): Up/Down (−1/+1, PageUp/PageDown ±5).
    sig_step(int): + or − on an empty field (change the selected line's quantity).
    sig_delete: Del on an empty field (remove the selected line).
    sig_undo: Ctrl+Z on an empty field (take back the last add).
    """

    sig_submit = Signal(str)
    sig_search = Signal(str)
    sig_arrow = Signal(int)
    sig_step = Signal(int)
    sig_delete = Signal()
    sig_undo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setPlaceholderText(self.tr("Pindai barcode / ketik nama  (3* = jumlah 3)"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.sig_search.emit(self.text()))
        self.textEdited.connect(lambda _t: self._debounce.start())

    def cancel_search(self) -> None:
        """Forget a pending live search (the text was handled)."""
        self._debounce.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Route Enter, arrows, +/− and Del; everything else types."""
        key = event.key()
        arrows = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5,
                  Qt.Key.Key_PageDown: 5}
        key = Qt.Key(key)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._debounce.stop()
            self.sig_submit.emit(self.text())
        elif key in arrows:
            self.sig_arrow.emit(arrows[key])
        elif not self.text() and key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus):
            self.sig_step.emit(1 if key == Qt.Key.Key_Plus else -1)
        elif not self.text() and key == Qt.Key.Key_Delete:
            self.sig_delete.emit()
        elif not self.text() and event.matches(QKeySequence.StandardKey.Undo):
            self.sig_undo.emit()
        else:
            super().keyPressEvent(event)
