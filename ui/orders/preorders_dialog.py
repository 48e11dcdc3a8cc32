"""The pre-order dialog: who orders, when it is picked up, what (with notes), and the DP.

Driven by the keyboard: the customer's name and phone (typing offers the shop's customers to
pick; a phone the shop knows links its customer), the pickup day and time, then items — type
part of a product's name and Enter takes the best catalog match (or, with no match, a
made-to-order item of that name), Enter through jumlah, harga and catatan adds the line —
then the DP and its method; Enter in the DP (or Ctrl+S) saves.
Each catalog line shows what is available (on hand − reserved by other pre-orders) and may be
kept aside from stock (Disisihkan).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import catalog, customers, preorders
from app.clock import at_shop_time, now_local
from app.errors import UserError
from app.money import format_qty, format_rupiah, parse_qty, parse_rupiah
from app.preorders import DepositInput, LineInput, PreorderInput
from app.search import search_products
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.messages import error_text
from ui.widgets import error_label, item_table

DP_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)
W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name set (tests and style sheets find it by name)."""
    widget.setObjectName(name)
    return widget


def enter_only(event: QKeyEvent) -> bool:
    """Whether the key is Enter/Return (with no modifier but the keypad's)."""
    plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(plain)


class PreorderDialog(QDialog):
    """A new pre-order; ``saved_uuid`` is set once it is stored."""

    def __init__(self, ctx: AppContext, parent: QDialog | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Pesanan baru (pre-order)"))
        self.setObjectName("preorderDialog")
        self.lines: list[LineInput] = []
        self.saved_uuid: str | None = None
        self._product_uuid: str | None = None
        self._customer_uuid: str | None = None
        self._build()
        self.resize(900, 520)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter belongs to the field it was typed in (item, quantity, price, note, DP): it never
        also presses the Save button, which Qt makes the shown dialog's default, so adding a
        line does not store a half-typed order (Enter in the DP or Ctrl+S saves)."""
        if enter_only(event):
            event.accept()
            return
        super().keyPressEvent(event)

    # ----- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        self.name = named(QLineEdit(placeholderText=self.tr("Nama pemesan")), "name")
        self.phone = named(QLineEdit(placeholderText="08…"), "phone")
        self.known = QLabel("")
        self.known.setObjectName("hint")
        self.phone.editingFinished.connect(self._link_customer)
        self._hits: dict[str, tuple[str, str, str]] = {}
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.textEdited.connect(self._suggest)
        completer.activated.connect(self._picked)
        who = QHBoxLayout()
        who.addWidget(self.name, 3)
        who.addWidget(self.phone, 2)
        form.addRow(self.tr("Pemesan"), who)
        form.addRow("", self.known)
        self.due = named(QDateTimeEdit(), "due")
        self.due.setDisplayFormat("dd/MM/yyyy  HH:mm")
        self.due.setCalendarPopup(True)
        tomorrow = now_local().date() + timedelta(days=1)
        self.due.setDateTime(QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day),
                                       QTime(10, 0)))
        self.delivery = named(QCheckBox(self.tr("Diantar")), "delivery")
        self.address = named(QLineEdit(placeholderText=self.tr("Alamat antar")), "address")
        when = QHBoxLayout()
        when.addWidget(self.due, 2)
        when.addWidget(self.delivery)
        when.addWidget(self.address, 3)
        form.addRow(self.tr("Diambil"), when)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self._item_row())
        self.table = item_table([self.tr("Barang"), self.tr("Jumlah"), self.tr("Harga"),
                                 self.tr("Subtotal"), self.tr("Catatan"), self.tr("Stok tersedia"),
                                 self.tr("Disisihkan")], stretch=4, name="preorderLines")
        layout.addWidget(self.table, 1)
        layout.addLayout(self._money_row())
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan (Ctrl+S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)

    def _item_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = named(QLineEdit(
                                placeholderText=self.tr("Cari produk atau ketik barang pesanan…")), "item")
        self.qty = named(QLineEdit("1"), "qty")
        self.price = named(QLineEdit(placeholderText=self.tr("Harga")), "price")
        self.note = named(QLineEdit(
                              placeholderText=self.tr("Catatan: ukuran, tulisan di kue, warna")), "lineNote")
        self.reserve = named(QCheckBox(self.tr("Sisihkan dari stok")), "reserve")
        self.search.returnPressed.connect(self._pick_product)
        self.qty.returnPressed.connect(self.price.setFocus)
        self.price.returnPressed.connect(self.note.setFocus)
        self.note.returnPressed.connect(self._add_line)
        for widget, stretch in ((self.search, 4), (self.qty, 1), (self.price, 2), (self.note, 4),
                                (self.reserve, 0)):
            row.addWidget(widget, stretch)
        return row

    def _money_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.total = named(QLabel(), "preorderTotal")
        font = self.total.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.total.setFont(font)
        self.dp = named(QLineEdit(placeholderText="0"), "dp")
        self.dp.returnPressed.connect(self.save)
        self.dp.textChanged.connect(self._show_total)
        self.method = named(QComboBox(), "dpMethod")
        for method in DP_METHODS:
            self.method.addItem(method.label(), method.value)
        self.order_note = named(QLineEdit(placeholderText=self.tr("Catatan pesanan")), "orderNote")
        row.addWidget(self.total, 2)
        row.addWidget(QLabel(self.tr("DP")))
        row.addWidget(self.dp, 1)
        row.addWidget(self.method, 1)
        row.addWidget(self.order_note, 3)
        self._show_total()
        return row

    # ----- items ---------------------------------------------------------------------------------

    def _suggest(self, text: str) -> None:
        """The shop's customers matching the typed name or phone (pick one, or keep typing)."""
        self._customer_uuid = None
        self.known.setText("")
        if len(text.strip()) < 2:
            return
        with self.ctx.db.read() as session:
            found = customers.find_customers(session, text, limit=8)
            self._hits = {f"{c.name} · {customers.local_phone(c.phone)}".rstrip(" ·"):
                          (c.uuid, c.name, c.phone) for c in found}
        self._names.setStringList(list(self._hits))

    def _picked(self, text: str) -> None:
        """A known customer was picked: linked, with their name and phone."""
        if text not in self._hits:
            return
        self._customer_uuid, name, phone = self._hits[text]
        self.name.setText(name)
        self.phone.setText(customers.local_phone(phone))
        self.known.setText(self.tr("Pelanggan terdaftar: {name}").replace("{name}", name))

    def _link_customer(self) -> None:
        """A phone the shop knows links its customer (their name filled in)."""
        self._customer_uuid = None
        self.known.setText("")
        try:
            phone = customers.normalize_phone(self.phone.text())
        except UserError:
            return
        if not phone:
            return
        with self.ctx.db.read() as session:
            known = customers.by_phone(session, phone)
            if known is None:
                return
            self._customer_uuid, name = known.uuid, known.name
        self.name.setText(name)
        self.known.setText(self.tr("Pelanggan terdaftar: {name}").replace("{name}", name))

    def _pick_product(self) -> None:
        """Enter in the item field: the best catalog match, or a made-to-order item."""
        text = self.search.text().strip()
        if not text:
            return
        with self.ctx.db.read() as session:
            hits = search_products(session, text, limit=1)
            product = catalog.get_product(session, hits[0].id) if hits else None
            self._product_uuid = product.uuid if product else None
            if product is not None:
                self.search.setText(product.name)
                self.price.setText(str(product.price))
        self.reserve.setEnabled(self._product_uuid is not None)
        self.reserve.setChecked(self._product_uuid is not None)
        self.qty.setFocus()
        self.qty.selectAll()

    def _add_line(self) -> None:
        try:
            line = LineInput(self.search.text().strip(), parse_qty(self.qty.text() or "1"),
                             parse_rupiah(self.price.text() or "0"),
                             product_uuid=self._product_uuid,
                             reserved=self.reserve.isChecked() and self._product_uuid is not None,
                             note=self.note.text().strip())
            if not line.name or line.unit_price <= 0:
                raise UserError(self.tr("Isi nama barang dan harganya."))
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.lines.append(line)
        self._show_line(line)
        for field in (self.search, self.price, self.note):
            field.clear()
        self.qty.setText("1")
        self._product_uuid = None
        self.reserve.setChecked(False)
        self.error.setText("")
        self.search.setFocus()

    def _show_line(self, line: LineInput) -> None:
        available = ""
        if line.product_uuid:
            with self.ctx.db.read() as session:
                free = preorders.available(session, [line.product_uuid])
            left = free.get(line.product_uuid)
            mine = sum((x.qty for x in self.lines if x.reserved and x.product_uuid == line.product_uuid),
                       Decimal(0))
            available = format_qty(left - mine) if left is not None else ""
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = (line.name, format_qty(line.qty), format_rupiah(line.unit_price),
                 format_rupiah(int(line.qty * line.unit_price)), line.note, available,
                 self.tr("Ya") if line.reserved else self.tr("Dibuat"))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (1, 2, 3, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self._show_total()

    def _show_total(self) -> None:
        total = sum(int(line.qty * line.unit_price) for line in self.lines)
        try:
            dp = parse_rupiah(self.dp.text() or "0") if hasattr(self, "dp") else 0
        except UserError:
            dp = 0
        self.total.setText(self.tr("Total {total} · sisa {rest}")
                           .replace("{total}", format_rupiah(total))
                           .replace("{rest}", format_rupiah(max(total - dp, 0))))

    # ----- save ----------------------------------------------------------------------------------

    def due_at(self) -> datetime:
        """The pickup moment typed, in shop time (aware)."""
        moment = self.due.dateTime()
        day, clock = moment.date(), moment.time()
        return at_shop_time(datetime(day.year(), day.month(), day.day()).date(),
                            time(clock.hour(), clock.minute()))

    def data(self) -> PreorderInput:
        """What was typed, as the app takes it."""
        dp = parse_rupiah(self.dp.text() or "0")
        return PreorderInput(
            due_at=self.due_at(), lines=list(self.lines), customer_uuid=self._customer_uuid,
            customer_name=self.name.text(),
            customer_phone=customers.normalize_phone(self.phone.text()),
            delivery=self.delivery.isChecked(), address=self.address.text(),
            note=self.order_note.text(),
            deposit=DepositInput(str(self.method.currentData()), dp) if dp else None)

    def save(self) -> None:
        """Store the pre-order (one transaction) and close; a refusal is shown in the dialog."""
        try:
            data = self.data()
            with self.ctx.db.unit_of_work() as session:
                self.saved_uuid = preorders.create(session, data, user_id=self.ctx.user_id).uuid
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
