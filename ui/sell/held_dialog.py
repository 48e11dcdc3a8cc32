"""F9: the held carts — pick one to resume (Enter) or discard it (Del)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.money import format_rupiah
from ui.context import AppContext
from ui.messages import confirm

if TYPE_CHECKING:
    from app.held import HeldSummary

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def shown_time(when: datetime) -> str:
    """A stored time (UTC; naive means UTC) in shop time, ``28/11 14:05``."""
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    return local(aware).strftime("%d/%m %H:%M")


class HeldDialog(QDialog):
    """List of held carts; ``chosen_id`` is the one to resume after ``accept()``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen_id: int | None = None
        self.setWindowTitle(self.tr("Keranjang ditahan"))
        self.setObjectName("heldDialog")
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Keranjang ditahan"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Pembeli"), self.tr("Baris"), self.tr("Total"),
                                              self.tr("Ditahan")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("Tidak ada keranjang yang ditahan."))
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        hint = QLabel(self.tr("Enter: lanjutkan  ·  Del: buang  ·  Esc: tutup"))
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.resize(620, 380)
        self.reload()

    def reload(self) -> None:
        """Read the held carts again."""
        from app import held  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        with self.ctx.db.read() as session:
            self.items: list[HeldSummary] = held.list_held(session)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (item.label, str(item.lines), format_rupiah(item.total),
                     shown_time(item.created_at))
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col > 0:
                    cell.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, cell)
        self.empty.setVisible(not self.items)
        if self.items:
            self.table.selectRow(0)
        self.table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter resumes, Del discards."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.discard_current()
            return
        super().keyPressEvent(event)

    def _current(self) -> HeldSummary | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def accept(self) -> None:
        """Resume the selected cart (nothing selected: just close)."""
        item = self._current()
        if item is None:
            self.reject()
            return
        self.chosen_id = item.id
        super().accept()

    def discard_current(self) -> None:
        """Throw a held cart away, after asking."""
        item = self._current()
        if item is None:
            return
        question = self.tr("Buang keranjang '{label}' ({amount})? Ini tidak bisa dibatalkan.")
        if confirm(self, self.tr("Buang keranjang"),
                   question.format(label=item.label, amount=format_rupiah(item.total))):
            from app import held  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

            with self.ctx.db.unit_of_work() as session:
                held.discard(session, item.id)
            self.reload()
