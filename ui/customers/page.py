"""One customer's page: details, kasbon balance and aging, the kasbon lines and the purchase
history, and the actions: Terima pembayaran (F5), Kirim tagihan WA (F6), Cetak/Simpan PDF (F7),
Ubah (F8), Gabungkan (F9), Konfirmasi uang masuk (F10). Everything "as of" is the shop's day
(app.clock.today)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import customers, kasbon, kasbon_pdf, kasbon_statement
from app.clock import local, today
from app.customers import HistoryRow, local_phone
from app.errors import UserError
from app.kasbon_statement import Statement, StatementLine
from app.money import format_rupiah
from ui import i18n
from ui.admin.approval import approved
from ui.context import AppContext
from ui.customers.form import CustomerDialog
from ui.customers.payment_dialog import KasbonPaymentDialog
from ui.list_model import Column, TableModel
from ui.messages import confirm, show_error
from ui.sell.customer_picker import CustomerPicker
from ui.widgets import row_table

LATE = "#c62828"  # kasbon older than 7 days


def _money(value: int) -> str:
    return format_rupiah(value) if value else ""


class CustomerPage(QWidget):
    """The chosen customer; ``sig_changed`` after a payment, an edit or a merge."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uuid: str | None = None
        self.statement: Statement | None = None
        self.last_url = ""  # the wa.me link last opened (the tests read it)
        self.setObjectName("customerPage")
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Pilih pelanggan di daftar"))
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.details = QLabel("")
        self.details.setObjectName("hint")
        self.details.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(self._figures())
        layout.addLayout(self._buttons())
        self.tabs = QTabWidget()
        self.lines = TableModel[StatementLine]([
            Column(self.tr("Tanggal"), lambda r: f"{local(r.at):%d/%m/%Y}"),
            Column(self.tr("Keterangan"), lambda r: r.text),
            Column(self.tr("Tambah"), lambda r: _money(r.debit), numeric=True),
            Column(self.tr("Kurang"), lambda r: _money(r.credit), numeric=True),
            Column(self.tr("Saldo"), lambda r: format_rupiah(r.balance), numeric=True),
        ])
        self.history = TableModel[HistoryRow]([
            Column(self.tr("Tanggal"), lambda r: f"{local(r.created_at):%d/%m/%Y}"),
            Column(self.tr("Nomor"), lambda r: r.number),
            Column(self.tr("Status"), lambda r: i18n.status_name(r.status)),
            Column(self.tr("Total"), lambda r: format_rupiah(r.total), numeric=True),
            Column(self.tr("Kasbon"), lambda r: _money(r.kasbon), numeric=True),
        ])
        self.lines_view: QTableView = row_table(self.lines)
        self.lines_view.horizontalHeader().setStretchLastSection(False)
        self.lines_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setObjectName("kasbonLines")
        self.history_view: QTableView = row_table(self.history)
        self.history_view.horizontalHeader().setStretchLastSection(False)
        self.history_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.lines_view, self.tr("Kasbon"))
        self.tabs.addTab(self.history_view, self.tr("Riwayat belanja"))
        layout.addWidget(self.tabs, 1)
        self._enable(False)

    def _figures(self) -> QGridLayout:
        """Balance, limit and waiting payments on top; the aging below (two rows of three)."""
        grid = QGridLayout()
        self.figures: dict[str, QLabel] = {}
        names = (("balance", self.tr("Sisa kasbon")), ("limit", self.tr("Batas")),
                 ("waiting", self.tr("Menunggu konfirmasi")), ("days_0_7", self.tr("0–7 hari")),
                 ("days_8_30", self.tr("8–30 hari")), ("over_30", self.tr("> 30 hari")))
        for place, (key, caption) in enumerate(names):
            title = QLabel(caption)
            title.setObjectName("figureCaption")
            value = QLabel("–")
            value.setObjectName("figureValue")
            value.setProperty("figure", key)
            row, column = 2 * (place // 3), place % 3
            grid.addWidget(title, row, column)
            grid.addWidget(value, row + 1, column)
            self.figures[key] = value
        return grid

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.action_buttons: list[QPushButton] = []
        for place, (text, slot) in enumerate((
                (self.tr("Terima pembayaran (F5)"), self.take_payment),
                (self.tr("Kirim tagihan WA (F6)"), self.send_whatsapp),
                (self.tr("Cetak/Simpan PDF (F7)"), self.save_pdf),
                (self.tr("Ubah (F8)"), self.edit),
                (self.tr("Gabungkan… (F9)"), self.merge),
                (self.tr("Konfirmasi uang masuk (F10)"), self.confirm_waiting))):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            grid.addWidget(button, place // 2, place % 2)
            self.action_buttons.append(button)
        return grid

    def _enable(self, on: bool) -> None:
        for button in self.action_buttons:
            button.setEnabled(on)

    def show_customer(self, uuid: str | None) -> None:
        """Load a customer (None: empty page)."""
        self.uuid = uuid
        self._enable(uuid is not None)
        if uuid is None:
            self.title.setText(self.tr("Pilih pelanggan di daftar"))
            self.details.clear()
            self.lines.set_rows([])
            self.history.set_rows([])
            return
        day = today()
        with self.ctx.db.read() as session:
            customer = customers.get_customer(session, uuid)
            self.statement = kasbon_statement.statement(session, uuid, day)
            limit = kasbon.limit_of(session, customer)
            history = customers.purchase_history(session, uuid)
            parts = [local_phone(customer.phone) if customer.phone else self.tr("tanpa no. HP"),
                     customer.group_name or self.tr("umum"), customer.address, customer.note]
            name = customer.name
        self.title.setText(name)
        self.details.setText("  ·  ".join(p for p in parts if p))
        st = self.statement
        values = {"balance": st.balance, "days_0_7": st.aging.days_0_7,
                  "days_8_30": st.aging.days_8_30, "over_30": st.aging.over_30, "limit": limit,
                  "waiting": st.pending}
        for key, value in values.items():
            self.figures[key].setText(format_rupiah(value))
            late = key in ("days_8_30", "over_30") and value > 0
            size = 20 if key == "balance" else 15
            colour = f" color: {LATE};" if late else ""
            self.figures[key].setStyleSheet(f"font-size: {size}px; font-weight: bold;{colour}")
        self.lines.set_rows(list(reversed(st.lines)))
        self.history.set_rows(history)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """F5–F9: the page's actions."""
        keys: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_F5: self.take_payment, Qt.Key.Key_F6: self.send_whatsapp,
            Qt.Key.Key_F7: self.save_pdf, Qt.Key.Key_F8: self.edit, Qt.Key.Key_F9: self.merge,
            Qt.Key.Key_F10: self.confirm_waiting}
        action = keys.get(Qt.Key(event.key()))
        if action is not None and self.uuid is not None:
            action()
        else:
            super().keyPressEvent(event)

    def _changed(self) -> None:
        self.show_customer(self.uuid)
        self.sig_changed.emit()

    def take_payment(self) -> None:
        """Terima pembayaran: the payment dialog (cash, transfer, QRIS)."""
        if self.uuid is None:
            return
        dialog = KasbonPaymentDialog(self.ctx, self.uuid, self.title.text(), self)
        dialog.accepted.connect(self._changed)
        dialog.open()

    def confirm_waiting(self) -> None:
        """Konfirmasi uang masuk: a pending transfer/QRIS seen in the bank app (oldest first),
        after the seller says yes; needs the confirm-payment permission (or the owner's PIN)."""
        if self.uuid is None:
            return
        with self.ctx.db.read() as session:
            waiting = [(e.id, e.amount + e.unique_code, e.method or "")
                       for e, _name in kasbon.open_payments(session) if e.customer_uuid == self.uuid]
        if not waiting:
            self.details.setText(self.tr("Tidak ada pembayaran yang menunggu konfirmasi."))
            return
        entry_id, due, method = waiting[0]
        question = self.tr("Uang {amount} ({method}) dari {name} sudah masuk?").format(
            amount=format_rupiah(due), method=i18n.method_name(method), name=self.title.text())
        if not confirm(self, self.tr("Konfirmasi uang masuk"), question):
            return
        if not approved(self, self.ctx, "payment_confirm", entry=entry_id, amount=due):
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                kasbon.confirm_payment(session, entry_id, received=due, user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()

    def send_whatsapp(self) -> None:
        """Kirim tagihan WA: open WhatsApp with the statement text filled in (wa.me link)."""
        if self.uuid is None:
            return
        try:
            with self.ctx.db.read() as session:
                customer = customers.get_customer(session, self.uuid)
                self.last_url = kasbon_statement.whatsapp_link(session, customer, today())
        except UserError as exc:
            show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl(self.last_url))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Cetak/Simpan PDF: write the statement (asks where unless ``path``) and open it."""
        if self.uuid is None or self.statement is None:
            return None
        if path is None:
            suggested = f"kasbon-{self.title.text().replace(' ', '-')}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan tagihan kasbon"),
                                                    suggested, "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        kasbon_pdf.to_pdf(self.statement, path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def edit(self) -> None:
        """Ubah: the customer form."""
        if self.uuid is None:
            return
        dialog = CustomerDialog(self.ctx, self, self.uuid)
        dialog.accepted.connect(self._changed)
        dialog.open()

    def merge(self) -> None:
        """Gabungkan: pick the duplicate; its orders and kasbon move to this customer."""
        if self.uuid is None:
            return
        picker = CustomerPicker(self.ctx, self)
        picker.setWindowTitle(self.tr("Gabungkan pelanggan dobel ke {name}").format(
            name=self.title.text()))
        picker.new_button.hide()
        picker.accepted.connect(lambda: self._merge(picker))
        picker.open()

    def _merge(self, picker: CustomerPicker) -> None:
        chosen = picker.chosen
        if chosen is None or self.uuid is None:
            return
        question = self.tr("Gabungkan {other} ke {name}? Belanja dan kasbonnya pindah ke {name}.")
        if not confirm(self, self.tr("Gabungkan pelanggan"),
                       question.format(other=chosen.name, name=self.title.text())):
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                customers.merge_customers(session, self.uuid, chosen.uuid, user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self, exc)
            return
        self._changed()
