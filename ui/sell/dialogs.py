"""Small dialogs of the sell screen: quantity/weight, discount, quick product creation.

Every dialog validates in ``accept()`` and stays open with the problem shown in red,
so a typing mistake never closes it and never loses the cart.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.cart import Discount
from app.errors import UserError, ValidationError
from app.money import parse_qty, parse_rupiah
from ui.messages import error_text
from ui.widgets import error_label


def parse_discount(text: str) -> Discount:
    """``10%`` or ``2,5 %`` → percent; ``2.000`` or ``Rp2.000`` → rupiah; empty → none."""
    raw = text.strip()
    if not raw:
        return Discount()
    if raw.endswith("%"):
        number = raw[:-1].strip().replace(",", ".")
        try:
            value = Decimal(number)
        except InvalidOperation as exc:
            message = QCoreApplication.translate("SellDialogs", "'{text}' bukan persen yang sah.")
            raise ValidationError(message.format(text=raw), field="discount") from exc
        if not value.is_finite() or not 0 <= value <= 100:
            raise ValidationError(QCoreApplication.translate(
                "SellDialogs", "Diskon persen harus antara 0 dan 100."), field="discount")
        return Discount("percent", value)
    amount = parse_rupiah(raw)
    if amount < 0:
        raise ValidationError(QCoreApplication.translate(
            "SellDialogs", "Diskon tidak boleh negatif."), field="discount")
    return Discount("amount", Decimal(amount))


class _FormDialog(QDialog):
    """A dialog with a heading, a form, an error line and OK (Enter) / Batal (Esc)."""

    def __init__(self, parent: QWidget | None, title: str, heading: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formDialog")
        layout = QVBoxLayout(self)
        head = QLabel(heading)
        head.setObjectName("dialogHeading")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """The first input gets the keyboard."""
        super().showEvent(event)
        fields = self.findChildren(QLineEdit)
        if fields:
            fields[0].setFocus()
            fields[0].selectAll()

    def accept(self) -> None:
        """Close only when the input is valid; otherwise show why."""
        try:
            self.validate()
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()

    def validate(self) -> None:
        """Parse the fields into results; raise UserError when something is wrong."""


class QtyDialog(_FormDialog):
    """Ask a quantity (F4) or a weight (``0,250`` kg) for a line.

    The text is read the Indonesian way (``1.000`` is a thousand, ``0,25`` a quarter);
    ``check(qty)`` applies the shop's limits and stock rule while the dialog is open, so a
    refused quantity is said here and never reaches the payment.
    """

    def __init__(self, parent: QWidget | None, name: str, unit: str, current: str = "",
                 weight: bool = False, check: Callable[[Decimal], object] | None = None) -> None:
        title = (QCoreApplication.translate("QtyDialog", "Berat") if weight
                 else QCoreApplication.translate("QtyDialog", "Jumlah"))
        verb = (QCoreApplication.translate("QtyDialog", "Timbang") if weight
                else QCoreApplication.translate("QtyDialog", "Ubah jumlah"))
        super().__init__(parent, title, f"{verb}: <b>{name}</b>",
                         QCoreApplication.translate("QtyDialog", "Simpan (Enter)"))
        self.field = QLineEdit(current)
        self.field.setObjectName("bigInput")
        self.field.setPlaceholderText(self.tr("mis. 0,250") if weight else self.tr("mis. 3"))
        self.field.selectAll()
        self.form.addRow(f"{title} ({unit})", self.field)
        self.qty = Decimal(0)
        self._check = check

    def validate(self) -> None:
        """A number above zero that the shop's rules accept."""
        qty = parse_qty(self.field.text())
        if qty <= 0:
            raise ValidationError(self.tr("Jumlah harus lebih dari 0."), field="qty")
        if self._check is not None:
            self._check(qty)
        self.qty = qty


class DiscountDialog(_FormDialog):
    """Ask a discount, rupiah (``2.000``) or percent (``10%``)."""

    def __init__(self, parent: QWidget | None, heading: str, current: str = "") -> None:
        super().__init__(parent, QCoreApplication.translate("DiscountDialog", "Diskon"), heading,
                         QCoreApplication.translate("DiscountDialog", "Simpan (Enter)"))
        self.field = QLineEdit(current)
        self.field.setObjectName("bigInput")
        self.field.setPlaceholderText(self.tr("mis. 2.000 atau 10%"))
        self.field.selectAll()
        self.form.addRow(self.tr("Diskon"), self.field)
        hint = QLabel(self.tr("Tulis rupiah (2.000) atau persen (10%). "
                              "Kosongkan untuk tanpa diskon."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.discount = Discount()

    def validate(self) -> None:
        """Parse the discount text."""
        self.discount = parse_discount(self.field.text())


class QuickCreateDialog(_FormDialog):
    """An unknown barcode: make the product on the spot (name, price, unit)."""

    def __init__(self, parent: QWidget | None, code: str) -> None:
        from app.catalog import UNITS  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        heading = QCoreApplication.translate(
            "QuickCreateDialog",
            "Barcode <b>{code}</b> belum terdaftar. Buat produknya sekarang? Keranjang tetap aman.")
        super().__init__(parent, QCoreApplication.translate("QuickCreateDialog", "Produk baru"),
                         heading.format(code=code),
                         QCoreApplication.translate("QuickCreateDialog", "Simpan && tambah (Enter)"))
        self.code = code
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("mis. Keripik Tempe 100 g"))
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("mis. 12.500"))
        self.unit = QComboBox()
        self.unit.addItems(list(UNITS))
        self.form.addRow(self.tr("Nama"), self.name)
        self.form.addRow(self.tr("Harga jual (Rp)"), self.price)
        self.form.addRow(self.tr("Satuan"), self.unit)
        self.price_value = 0

    def validate(self) -> None:
        """Name and price are required; the service checks the rest."""
        if len(self.name.text().strip()) < 2:
            raise ValidationError(self.tr("Nama produk wajib diisi."), field="name")
        self.price_value = parse_rupiah(self.price.text() or "0")
        if self.price_value <= 0:
            raise ValidationError(self.tr("Harga jual harus lebih dari nol."), field="price")

    @property
    def sold_by_weight(self) -> bool:
        """Weighed when the unit is a weight or volume unit."""
        from app.catalog import WEIGHT_UNITS  # noqa: PLC0415 (the database layer loads after the first frame: see ui.sell.screen)

        return self.unit.currentText() in WEIGHT_UNITS


class LabelDialog(_FormDialog):
    """F8: an optional label for a held cart (``Bapak baju biru``)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, QCoreApplication.translate("LabelDialog", "Tahan keranjang"),
                         QCoreApplication.translate(
                             "LabelDialog", "Tahan keranjang ini untuk melayani pembeli lain."),
                         QCoreApplication.translate("LabelDialog", "Tahan (Enter)"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Ciri pembeli, boleh kosong (mis. Ibu kerudung hijau)"))
        self.form.addRow(self.tr("Nama/ciri"), self.field)
        self.label = ""

    def validate(self) -> None:
        """Any label (or none) is fine."""
        self.label = self.field.text().strip()[:60]
