"""The Pelanggan section: the list (search by phone or name; balance and aging columns; "Hanya
yang terlambat" is the reminders list) beside the chosen customer's page.

Keys: Ctrl+F search, ↓/↑ move in the list, Enter opens the page, Ctrl+N new customer, and on
the page F5–F9 (payment, WhatsApp, PDF, edit, merge).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.clock import today
from app.customer_list import CustomerRow, customer_rows
from app.customers import local_phone
from app.money import format_rupiah
from ui.context import AppContext
from ui.customers.form import CustomerDialog
from ui.customers.page import CustomerPage
from ui.list_model import KEY_ROLE, Column, TableModel
from ui.widgets import row_table

LATE = "#c62828"


def _money(value: int) -> str:
    return format_rupiah(value) if value else "–"


def _late(row: CustomerRow) -> str | None:
    """Red for a customer with kasbon older than 7 days."""
    return LATE if row.late else None


def _red_when(value: Callable[[CustomerRow], int]) -> Callable[[CustomerRow], str | None]:
    """Red for an aging cell with money in it (older than 7 days)."""
    return lambda row: LATE if value(row) else None


class CustomersSection(QWidget):
    """Customers and their kasbon."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("customersSection")
        self.search = QLineEdit()
        self.search.setObjectName("customersSearch")
        self.search.setPlaceholderText(self.tr("Cari no. HP atau nama… (Ctrl+F)"))
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.late_only = QCheckBox(self.tr("Hanya kasbon terlambat (> 7 hari)"))
        self.late_only.setObjectName("lateOnly")
        self.late_only.toggled.connect(lambda _on: self.reload())
        new = QPushButton(self.tr("Pelanggan baru (Ctrl+N)"))
        new.setAutoDefault(False)
        new.clicked.connect(self.new_customer)
        self.model = TableModel[CustomerRow](self._columns(), key=lambda r: r.uuid)
        self.table = row_table(self.model)
        self.table.setObjectName("customersTable")
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.page = CustomerPage(ctx)
        self.page.sig_changed.connect(self.reload)
        self._lay_out(new)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_customer)

    def _columns(self) -> list[Column[CustomerRow]]:
        return [
            Column(self.tr("Nama"), lambda r: r.name),
            Column(self.tr("No. HP"), lambda r: local_phone(r.phone) if r.phone else "–"),
            Column(self.tr("Kasbon"), lambda r: _money(r.balance), numeric=True, colour=_late),
            Column(self.tr("0–7 hr"), lambda r: _money(r.aging.days_0_7), numeric=True),
            Column(self.tr("8–30 hr"), lambda r: _money(r.aging.days_8_30), numeric=True,
                   colour=_red_when(lambda r: r.aging.days_8_30)),
            Column(self.tr("> 30 hr"), lambda r: _money(r.aging.over_30), numeric=True,
                   colour=_red_when(lambda r: r.aging.over_30)),
        ]

    def _lay_out(self, new: QPushButton) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(new)
        column.addLayout(row)
        column.addWidget(self.late_only)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        left.setMinimumWidth(620)  # the list's kasbon and aging columns stay in view
        splitter.setSizes([600, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def reload(self) -> None:
        """Read the list again (the chosen customer stays chosen when still listed)."""
        self._timer.stop()
        with self.ctx.db.read() as session:
            rows = customer_rows(session, self.search.text(), today(),
                                 overdue_only=self.late_only.isChecked())
        chosen = self.page.uuid
        self.model.set_rows(rows)
        keys = [r.uuid for r in rows]
        if chosen in keys:
            self.table.selectRow(keys.index(chosen))
        self.page.show_customer(chosen)  # a merged or filtered-out customer's page stays

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            uuid = current.siblingAtColumn(0).data(KEY_ROLE)
            if uuid != self.page.uuid:
                self.page.show_customer(str(uuid))

    def open_customer(self, uuid: str) -> None:
        """Show this customer's page (from the till or a test)."""
        self.page.show_customer(uuid)
        self.reload()

    def focus_search(self) -> None:
        """Ctrl+F: type a phone or a name."""
        self.search.setFocus()
        self.search.selectAll()

    def new_customer(self) -> None:
        """Ctrl+N: the customer form; the new customer's page opens."""
        dialog = CustomerDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self.open_customer(dialog.uuid or ""))
        dialog.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """↓/↑ from the search move in the list; Enter opens the page; F5–F9 go to the page."""
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
            row = self.table.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
            self.table.selectRow(max(0, min(self.model.rowCount() - 1, row)))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.reload()
            if self.table.currentIndex().row() < 0 and self.model.rowCount():
                self.table.selectRow(0)
            self.page.setFocus()
        else:
            self.page.keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the section: fresh balances (sales and payments happened meanwhile)."""
        super().showEvent(event)
        self.reload()
        self.focus_search()
