"""Pengaturan → Pembayaran: the seller's bank accounts and the static QRIS of their sticker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import settings, shop
from app.errors import UserError
from app.money import format_rupiah
from app.owner_only import OwnerPin
from app.payments import rounding, service
from app.payments.qr_photo import read_qr_photo
from contract import qris
from ui.admin.approval import ask_owner
from ui.context import AppContext
from ui.messages import confirm, error_text, show_error
from ui.widgets import choose_image, item_table

OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020;"


class PaymentSettingsTab(QWidget):
    """Add/deactivate bank accounts; paste or photograph the static QRIS (validated)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.table = item_table([self.tr("Bank"), self.tr("No. rekening"), self.tr("Atas nama")],
                                stretch=2)
        self.bank = QComboBox()
        self.number = QLineEdit()
        self.holder = QLineEdit()
        self.account_status = QLabel()
        self.payload = QPlainTextEdit()
        self.qris_status = QLabel()
        self.code_as_discount = QCheckBox(self.tr("Kode unik dikembalikan ke pembeli sebagai "
                                                  "potongan (pembeli mentransfer total dikurangi "
                                                  "kode unik)"))
        self.rounding_step = QComboBox()
        self.rounding_mode = QComboBox()
        self._name_widgets()
        layout = QVBoxLayout(self)
        layout.addWidget(self._accounts_box())
        layout.addWidget(self._qris_box())
        layout.addWidget(self.code_as_discount)
        layout.addWidget(self._rounding_box())
        layout.addStretch(1)
        self.code_as_discount.toggled.connect(self.on_code_setting)
        self.load()

    def _name_widgets(self) -> None:
        for name, widget in (("accountsTable", self.table), ("accountBank", self.bank),
                             ("accountNumber", self.number), ("accountHolder", self.holder),
                             ("accountStatus", self.account_status),
                             ("qrisPayload", self.payload), ("qrisStatus", self.qris_status),
                             ("codeAsDiscount", self.code_as_discount)):
            widget.setObjectName(name)
        self.bank.addItems(list(shop.BANKS))
        self.number.setPlaceholderText(self.tr("mis. 1234567890"))
        self.holder.setPlaceholderText(self.tr("nama sesuai buku tabungan"))
        self.payload.setPlaceholderText(self.tr("Tempel isi QRIS statis di sini (diawali 000201)"))
        self.payload.setFixedHeight(70)
        self.qris_status.setWordWrap(True)
        self.account_status.setWordWrap(True)
        self.table.setMinimumHeight(120)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        """A named button showing ``text`` (translated by the caller, where lupdate sees it)."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rekening bank untuk transfer"))
        form = QFormLayout()
        form.addRow(self.tr("Bank"), self.bank)
        form.addRow(self.tr("Nomor rekening"), self.number)
        form.addRow(self.tr("Atas nama"), self.holder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.account_status, 1)
        buttons.addWidget(self._button(self.tr("Nonaktifkan terpilih"), "deactivateAccount",
                                       self.on_deactivate))
        buttons.addWidget(self._button(self.tr("Tambah rekening"), "addAccount",
                                       self.on_add_account))
        layout = QVBoxLayout(box)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return box

    def _qris_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("QRIS statis (dari stiker toko)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self._button(self.tr("Baca dari foto stiker…"), "qrisPhoto",
                                       self.on_photo))
        buttons.addStretch(1)
        buttons.addWidget(self._button(self.tr("Hapus QRIS"), "clearQris", self.on_clear_qris))
        buttons.addWidget(self._button(self.tr("Simpan QRIS"), "saveQris", self.on_save_qris))
        layout = QVBoxLayout(box)
        layout.addWidget(self.payload)
        layout.addLayout(buttons)
        layout.addWidget(self.qris_status)
        return box

    def load(self) -> None:
        """Fill the accounts table and the stored QRIS from the shop database."""
        with self.ctx.db.read() as session:
            accounts = [(a.id, a.bank, a.number, a.holder) for a in shop.bank_accounts(session)]
            stored = str(settings.get(session, "qris.static_payload") or "")
            self.code_as_discount.blockSignals(True)
            self.code_as_discount.setChecked(
                bool(settings.get(session, "sales.unique_code_as_discount")))
            self.code_as_discount.blockSignals(False)
            self._show_rounding(rounding.rule(session))
        self.table.setRowCount(len(accounts))
        for row, (ident, bank, number, holder) in enumerate(accounts):
            for column, text in enumerate((bank, number, holder)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ident)
                self.table.setItem(row, column, item)
        self.payload.setPlainText(stored)
        if stored:
            self._show_qris(qris.parse(stored), saved=True)
        else:
            self._status(self.qris_status, self.tr("Belum ada QRIS. Tempel isinya atau baca dari "
                                                    "foto stiker."), ok=False)

    def _status(self, label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else BAD_STYLE)
        label.setText(text)

    def _show_qris(self, parsed: qris.QrisPayload, saved: bool) -> None:
        nmid = f", NMID {parsed.nmid}" if parsed.nmid else ""
        state = self.tr("Tersimpan") if saved else self.tr("Terbaca")
        self._status(self.qris_status, f"✔ {state}: {parsed.merchant_name} — "
                     f"{parsed.merchant_city}{nmid}", ok=True)

    def _owner(self, action: str, label: QLabel) -> OwnerPin | None:
        """The owner's go-ahead for this one change (a cashier: an owner's PIN), or None."""
        owner_pin = ask_owner(self, self.ctx, action)
        if owner_pin is None:
            self._status(label, self.tr("Dibatalkan: hanya pemilik yang boleh mengubah ini."),
                         ok=False)
        return owner_pin

    def on_add_account(self) -> None:
        """Add the account typed in the form (owner only: a cashier needs an owner's PIN)."""
        owner_pin = self._owner("bank_account", self.account_status)
        if owner_pin is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                service.add_bank_account(session, self.ctx.user_id, self.bank.currentText(),
                                         self.number.text(), self.holder.text(), owner_pin)
        except UserError as exc:
            self._status(self.account_status, error_text(exc), ok=False)
            return
        self.number.clear()
        self.holder.clear()
        self.load()
        self._status(self.account_status, self.tr("Rekening ditambahkan."), ok=True)

    def selected_account(self) -> int | None:
        """The id of the selected account row, or None."""
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def on_deactivate(self) -> None:
        """Stop offering the selected account (asks first)."""
        account = self.selected_account()
        if account is None:
            self._status(self.account_status, self.tr("Pilih rekening di tabel dulu."), ok=False)
            return
        if not confirm(self, self.tr("Nonaktifkan rekening"),
                       self.tr("Rekening ini tidak ditawarkan lagi ke pembeli. Lanjutkan?")):
            return
        owner_pin = self._owner("bank_account", self.account_status)
        if owner_pin is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                service.deactivate_bank_account(session, account, self.ctx.user_id, owner_pin)
        except UserError as exc:
            self._status(self.account_status, error_text(exc), ok=False)
            return
        self.load()
        self._status(self.account_status, self.tr("Rekening dinonaktifkan."), ok=True)

    def on_save_qris(self) -> bool:
        """Validate and store the pasted payload (owner only); a bad one is refused with the reason."""
        try:
            qris.parse(self.payload.toPlainText().strip())  # refuse a bad one before any PIN
        except UserError as exc:
            self._status(self.qris_status, self.tr("QRIS ditolak: ") + error_text(exc), ok=False)
            return False
        owner_pin = self._owner("qris", self.qris_status)
        if owner_pin is None:
            return False
        try:
            with self.ctx.db.unit_of_work() as session:
                parsed = service.set_static_qris(session, self.payload.toPlainText(),
                                                 self.ctx.user_id, owner_pin)
        except UserError as exc:
            self._status(self.qris_status, self.tr("QRIS ditolak: ") + error_text(exc), ok=False)
            return False
        self._show_qris(parsed, saved=True)
        return True

    def on_clear_qris(self) -> None:
        """Forget the stored QRIS (owner only)."""
        owner_pin = self._owner("qris", self.qris_status)
        if owner_pin is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                service.clear_static_qris(session, self.ctx.user_id, owner_pin)
        except UserError as exc:
            self._status(self.qris_status, error_text(exc), ok=False)
            return
        self.load()

    def on_photo(self) -> None:
        """Pick a photo of the sticker and read its QR."""
        path = choose_image(self, self.tr("Foto stiker QRIS"))
        if path is not None:
            self.load_photo(path)

    def load_photo(self, path: Path) -> bool:
        """Read the QR in the photo into the text box and save it when it is a valid QRIS."""
        try:
            text = read_qr_photo(path)
        except UserError as exc:
            self._status(self.qris_status, error_text(exc), ok=False)
            return False
        self.payload.setPlainText(text)
        return self.on_save_qris()

    def _rounding_box(self) -> QGroupBox:
        """Cash rounding ("Pembulatan"): none, Rp100, Rp500 or Rp1.000, down or to the nearest."""
        box = QGroupBox(self.tr("Pembulatan tunai"))
        self.rounding_step.setObjectName("roundingStep")
        self.rounding_mode.setObjectName("roundingMode")
        self.rounding_step.addItem(self.tr("Tanpa pembulatan"), 0)
        for step in rounding.STEPS[1:]:
            self.rounding_step.addItem(format_rupiah(step), step)
        self.rounding_mode.addItem(self.tr("Ke bawah (pembeli tidak membayar lebih)"), "down")
        self.rounding_mode.addItem(self.tr("Ke terdekat"), "nearest")
        form = QFormLayout(box)
        form.addRow(self.tr("Bulatkan tunai ke"), self.rounding_step)
        form.addRow(self.tr("Cara"), self.rounding_mode)
        note = QLabel(self.tr("Hanya pembayaran tunai; transfer dan QRIS tetap sampai rupiah "
                              "terakhir. Dicetak di struk sebagai \"Pembulatan\"."))
        note.setWordWrap(True)
        form.addRow(note)
        for combo in (self.rounding_step, self.rounding_mode):
            combo.currentIndexChanged.connect(self.on_rounding_setting)
        return box

    def _show_rounding(self, rule: rounding.CashRounding) -> None:
        for combo, value in ((self.rounding_step, rule.step), (self.rounding_mode, rule.mode)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def on_rounding_setting(self, _index: int = 0) -> None:
        """Store the cash rounding chosen (step and mode)."""
        try:
            with self.ctx.db.unit_of_work() as session:
                rounding.set_rule(session, int(self.rounding_step.currentData()),
                                  str(self.rounding_mode.currentData()))
        except UserError as exc:
            show_error(self, exc)

    def on_code_setting(self, checked: bool) -> None:
        """Store whether the kode unik is given back as a discount."""
        try:
            with self.ctx.db.unit_of_work() as session:
                settings.set_value(session, "sales.unique_code_as_discount", checked)
        except UserError as exc:
            show_error(self, exc)
