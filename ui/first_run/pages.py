"""The pages of the first-run wizard: shop, owner, payment, printer, PEKEN.

Each page knows its :class:`app.first_run.Step`, its heading, the field that gets the focus,
and :meth:`StepPage.save`, which stores what was typed in one unit of work (through the
``app.first_run`` services) or raises :class:`app.errors.UserError` with the reason.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import first_run, shop
from app.errors import UserError
from app.first_run import PaymentInput, Step
from app.payments.qr_photo import read_qr_photo
from app.printing.discovery import FoundPrinter
from app.printing.profile import PrinterProfile
from app.sync import device
from contract import qris
from ui.admin.approval import pin_field
from ui.context import AppContext
from ui.messages import error_text
from ui.printing.discovery_dialog import PrinterSearchDialog
from ui.widgets import choose_image, hint_label

OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020;"


class StepPage(QWidget):
    """One page: a hint on top, a form, and :meth:`save` for "Lanjut"."""

    step: Step = Step.SHOP

    def __init__(self, ctx: AppContext, hint: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint_label(hint))
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        layout.addStretch(1)

    def title(self) -> str:
        """The page's heading."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        """The field the cursor starts in."""
        raise NotImplementedError

    def save(self) -> None:
        """Store what was typed (one unit of work); UserError when something is wrong."""
        raise NotImplementedError

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit


class ShopPage(StepPage):
    """Step 1: shop name, address and time zone."""

    step = Step.SHOP

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, self.tr("Nama dan alamat ini tercetak di struk. Zona waktu menentukan "
                                      "tanggal di struk dan laporan."))
        self.name = self._line("shopName", self.tr("mis. Toko Berkah Jaya"))
        self.address = self._line("shopAddress", self.tr("mis. Jl. Darmo 12, Surabaya"))
        self.zone = QComboBox()
        self.zone.setObjectName("shopZone")
        for zone, label in (("Asia/Jakarta", self.tr("WIB (UTC+7) — Jawa, Sumatra, Kalimantan Barat")),
                            ("Asia/Makassar", self.tr("WITA (UTC+8) — Bali, NTB, NTT, Sulawesi")),
                            ("Asia/Jayapura", self.tr("WIT (UTC+9) — Maluku, Papua"))):
            self.zone.addItem(label, zone)
        self.form.addRow(self.tr("Nama toko"), self.name)
        self.form.addRow(self.tr("Alamat"), self.address)
        self.form.addRow(self.tr("Zona waktu"), self.zone)

    def title(self) -> str:
        """The page's heading."""
        return self.tr("Toko Anda")

    def first_field(self) -> QWidget:
        """The shop name."""
        return self.name

    def save(self) -> None:
        """Store name, address and zone."""
        with self.ctx.db.unit_of_work() as session:
            first_run.save_shop(session, self.name.text(), self.address.text(),
                                str(self.zone.currentData()))


class OwnerPage(StepPage):
    """Step 2: the owner's name and PIN (typed twice); the owner is logged in at once."""

    step = Step.OWNER

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, self.tr("Pemilik boleh semua: rekening, QRIS, printer, retur dan "
                                      "pengaturan. Kasir nanti ditambah di Pengaturan → Pengguna."))
        self.name = self._line("ownerName", self.tr("nama Anda"))
        self.pin = pin_field(self.tr("4–8 angka"))
        self.pin.setObjectName("ownerPin")
        self.pin_again = pin_field(self.tr("ketik lagi"))
        self.pin_again.setObjectName("ownerPinAgain")
        self.form.addRow(self.tr("Nama pemilik"), self.name)
        self.form.addRow(self.tr("PIN"), self.pin)
        self.form.addRow(self.tr("Ulangi PIN"), self.pin_again)
        self.extra.addWidget(hint_label(self.tr(
            "Tanpa pemilik, siapa pun yang membuka program ini bisa melakukan semuanya.")))

    def title(self) -> str:
        """The page's heading."""
        return self.tr("Pemilik dan PIN")

    def first_field(self) -> QWidget:
        """The owner's name."""
        return self.name

    def save(self) -> None:
        """Create the owner and put them at the till."""
        try:
            with self.ctx.db.unit_of_work() as session:
                owner_id = first_run.create_owner(session, self.name.text(), self.pin.text(),
                                                  self.pin_again.text())
        except UserError:
            self.pin.clear()
            self.pin_again.clear()
            raise
        self.ctx.user_id, self.ctx.user_name, self.ctx.user_role = (
            owner_id, " ".join(self.name.text().split()), "owner")


class PaymentPage(StepPage):
    """Step 3: a bank account for transfers and the static QRIS (pasted or read from a photo)."""

    step = Step.PAYMENT

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, self.tr("Pembeli mentransfer ke rekening ini dan membayar dengan QRIS "
                                      "stiker toko. Kosongkan yang belum ada."))
        self.bank = QComboBox()
        self.bank.setObjectName("accountBank")
        self.bank.addItems(list(shop.BANKS))
        self.number = self._line("accountNumber", self.tr("mis. 1234567890"))
        self.holder = self._line("accountHolder", self.tr("nama sesuai buku tabungan"))
        self.payload = self._line("qrisPayload", self.tr("isi QRIS statis (diawali 000201)"))
        self.photo_button = QPushButton(self.tr("Baca dari foto stiker…"))
        self.photo_button.setObjectName("qrisPhoto")
        self.photo_button.setAutoDefault(False)
        self.qris_status = QLabel()
        self.qris_status.setObjectName("qrisStatus")
        self.qris_status.setWordWrap(True)
        qris_row = QHBoxLayout()
        qris_row.addWidget(self.payload, 1)
        qris_row.addWidget(self.photo_button)
        self.form.addRow(self.tr("Bank"), self.bank)
        self.form.addRow(self.tr("Nomor rekening"), self.number)
        self.form.addRow(self.tr("Atas nama"), self.holder)
        self.form.addRow(self.tr("QRIS"), qris_row)
        self.form.addRow("", self.qris_status)
        self.photo_button.clicked.connect(self.on_photo)
        self.payload.textChanged.connect(self.on_payload)

    def title(self) -> str:
        """The page's heading."""
        return self.tr("Rekening dan QRIS")

    def first_field(self) -> QWidget:
        """The account number (the bank has a default choice)."""
        return self.number

    def on_payload(self, text: str) -> None:
        """Say at once whether the pasted QRIS is a valid static one, and whose."""
        if not text.strip():
            self.qris_status.setText("")
            return
        try:
            parsed = qris.parse_static(text.strip())
        except UserError as exc:
            self.qris_status.setStyleSheet(BAD_STYLE)
            self.qris_status.setText(self.tr("QRIS ditolak: ") + error_text(exc))
            return
        self.qris_status.setStyleSheet(OK_STYLE)
        self.qris_status.setText(self.tr("✔ Terbaca: %1 — %2").replace(
            "%1", parsed.merchant_name).replace("%2", parsed.merchant_city))

    def on_photo(self) -> None:
        """Pick a photo of the sticker and read its QR."""
        path = choose_image(self, self.tr("Foto stiker QRIS"))
        if path is not None:
            self.load_photo(path)

    def load_photo(self, path: Path) -> bool:
        """Read the QR in the photo into the QRIS field (checked as it is typed)."""
        try:
            text = read_qr_photo(path)
        except UserError as exc:
            self.qris_status.setStyleSheet(BAD_STYLE)
            self.qris_status.setText(error_text(exc))
            return False
        self.payload.setText(text)
        return True

    def save(self) -> None:
        """Store the account and the QRIS together (both checked first)."""
        typed = PaymentInput(self.bank.currentText(), self.number.text(), self.holder.text(),
                             self.payload.text())
        with self.ctx.db.unit_of_work() as session:
            first_run.save_payment(session, self.ctx.user_id, typed)


class PrinterPage(StepPage):
    """Step 4: a receipt printer found with "Cari printer…" and the paper width."""

    step = Step.PRINTER

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, self.tr("Pilih printer struk yang terlihat dari PC ini. Tanpa printer, "
                                      "struk bisa disimpan sebagai PDF."))
        self.found: FoundPrinter | None = None
        self.search_button = QPushButton(self.tr("Cari printer…"))
        self.search_button.setObjectName("searchPrinters")
        self.search_button.setAutoDefault(False)  # Enter goes on; Space opens the search
        self.chosen = QLabel(self.tr("Belum ada printer dipilih."))
        self.chosen.setObjectName("chosenPrinter")
        self.chosen.setWordWrap(True)
        self.paper = QComboBox()
        self.paper.setObjectName("paperWidth")
        self.paper.addItem(self.tr("58 mm (kecil)"), 58)
        self.paper.addItem(self.tr("80 mm (lebar)"), 80)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_button)
        search_row.addStretch(1)
        self.form.addRow(self.tr("Printer"), search_row)
        self.form.addRow("", self.chosen)
        self.form.addRow(self.tr("Lebar kertas"), self.paper)
        self.search_button.clicked.connect(self.on_search)

    def title(self) -> str:
        """The page's heading."""
        return self.tr("Printer struk")

    def first_field(self) -> QWidget:
        """The search button (Space opens it; Enter goes on)."""
        return self.search_button

    def on_search(self) -> PrinterSearchDialog:
        """Open "Cari printer"; the printer picked there is remembered for "Lanjut"."""
        dialog = PrinterSearchDialog(self)
        dialog.sig_chosen.connect(self.on_found)
        dialog.open()
        return dialog

    def on_found(self, found: FoundPrinter) -> None:
        """Remember the printer picked in the search dialog."""
        self.found = found
        self.chosen.setText(self.tr("Dipilih: %1").replace("%1", found.label))

    def profile(self) -> PrinterProfile | None:
        """The profile to store (None: no printer chosen)."""
        if self.found is None:
            return None
        return self.found.apply_to(PrinterProfile(paper_mm=int(self.paper.currentData())))

    def save(self) -> None:
        """Store the chosen printer (owner-only service, the owner acting)."""
        with self.ctx.db.unit_of_work() as session:
            first_run.save_printer(session, self.ctx.user_id, self.profile())


class PekenPage(StepPage):
    """Step 5 (optional): enroll this PC with the city's PEKEN server using the admin's code."""

    step = Step.PEKEN

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, self.tr("PEKEN menampilkan produk Anda ke pembeli online di kota Anda. "
                                      "Kodenya dari admin PEKEN; bisa juga nanti di Pengaturan → "
                                      "PEKEN."))
        self.url = self._line("pekenUrl", "https://peken.surabaya.go.id")
        self.code = self._line("pekenCode", self.tr("kode dari admin PEKEN"))
        self.device_name = self._line("pekenDevice")
        self.device_name.setText(socket.gethostname()[:40] or "Kasir")
        self.form.addRow(self.tr("Alamat server"), self.url)
        self.form.addRow(self.tr("Kode pendaftaran"), self.code)
        self.form.addRow(self.tr("Nama perangkat"), self.device_name)

    def title(self) -> str:
        """The page's heading."""
        return self.tr("PEKEN (tidak wajib)")

    def first_field(self) -> QWidget:
        """The server address."""
        return self.url

    def wants_enrollment(self) -> bool:
        """Whether a code was typed (no code: "Selesai" just finishes)."""
        return bool(self.code.text().strip())

    def enroll(self) -> None:
        """Trade the code for a device token (network; run off the GUI thread)."""
        device.enroll(self.ctx.db, self.url.text(), self.code.text(), self.device_name.text())

    def save(self) -> None:
        """Mark the wizard done (the enrollment itself is stored by :meth:`enroll`)."""
        with self.ctx.db.unit_of_work() as session:
            first_run.skip(session, Step.PEKEN)
