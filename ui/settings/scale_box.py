"""Pengaturan → Toko → Timbangan label: how the shop's label scale lays out its barcodes
(settings ``scale.*``, read at the till by :func:`app.catalog.find_by_code`; docs/scale-barcodes.md)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox

from app import scale, settings
from app.db import Session
from app.errors import ValidationError
from app.scale import ScaleLayout, ScaleValue
from ui.messages import error_text


class ScaleBox(QGroupBox):
    """The scale-label group: on/off, prefixes, PLU digits, weight or price, price check digit."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Timbangan label (barcode berat/harga)"))
        self.enabled = QCheckBox(self.tr("Baca barcode dari timbangan label"))
        self.enabled.setObjectName("scaleEnabled")
        self.prefixes = QLineEdit()
        self.prefixes.setObjectName("scalePrefixes")
        self.plu_digits = QSpinBox()
        self.plu_digits.setObjectName("scalePluDigits")
        self.plu_digits.setRange(scale.PLU_DIGITS[0], scale.PLU_DIGITS[-1])
        self.value = QComboBox()
        self.value.setObjectName("scaleValue")
        self.value.addItem(self.tr("Berat (gram)"), ScaleValue.WEIGHT.value)
        self.value.addItem(self.tr("Harga (rupiah)"), ScaleValue.PRICE.value)
        self.price_check = QCheckBox(self.tr("Ada cek digit harga sebelum nilainya"))
        self.price_check.setObjectName("scalePriceCheck")
        self.example = QLabel()
        self.example.setObjectName("scaleExample")
        form = QFormLayout(self)
        form.addRow(self.enabled)
        form.addRow(self.tr("Awalan (20–29, pisah koma)"), self.prefixes)
        form.addRow(self.tr("Jumlah angka PLU"), self.plu_digits)
        form.addRow(self.tr("Isi barcode"), self.value)
        form.addRow(self.price_check)
        form.addRow(self.example)
        for signal in (self.prefixes.textChanged, self.plu_digits.valueChanged,
                       self.value.currentIndexChanged, self.price_check.toggled):
            signal.connect(self.show_example)

    def load(self, session: Session) -> None:
        """Fill the fields from the stored settings."""
        self.enabled.setChecked(bool(settings.get(session, "scale.enabled")))
        self.prefixes.setText(str(settings.get(session, "scale.prefixes")))
        self.plu_digits.setValue(int(settings.get(session, "scale.plu_digits")))
        self.value.setCurrentIndex(max(0, self.value.findData(settings.get(session, "scale.value"))))
        self.price_check.setChecked(bool(settings.get(session, "scale.price_check")))
        self.show_example()

    def layout_typed(self) -> ScaleLayout:
        """The layout as typed; a ValidationError says what is wrong with it."""
        prefixes = tuple(p.strip() for p in self.prefixes.text().split(",") if p.strip())
        return ScaleLayout(prefixes, self.plu_digits.value(), ScaleValue(self.value.currentData()),
                           self.price_check.isChecked())

    def save(self, session: Session) -> None:
        """Store the settings (the layout is checked first, even while reading labels is off)."""
        layout = self.layout_typed()
        settings.set_value(session, "scale.enabled", self.enabled.isChecked())
        settings.set_value(session, "scale.prefixes", ",".join(layout.prefixes))
        settings.set_value(session, "scale.plu_digits", layout.plu_digits)
        settings.set_value(session, "scale.value", layout.value.value)
        settings.set_value(session, "scale.price_check", layout.price_check)

    def show_example(self) -> None:
        """An example label of the typed layout (PLU 123), or what is wrong with it."""
        try:
            layout = self.layout_typed()
        except ValidationError as exc:
            self.example.setText(error_text(exc))
            return
        if layout.value == ScaleValue.WEIGHT:
            code = scale.build(layout, 123, weight_kg=Decimal("0.750"))
            self.example.setText(self.tr("Contoh: {code} = PLU 123, 0,750 kg").format(code=code))
        else:
            code = scale.build(layout, 123, price=min(12_500, layout.largest_value))
            self.example.setText(self.tr("Contoh: {code} = PLU 123, harga {price}").format(
                code=code, price=min(12_500, layout.largest_value)))
