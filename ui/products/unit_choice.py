"""A quantity in a unit of the product: the number, a chooser ("pcs", "dus (40 pcs)") and what it
comes to in the base unit ("= 120 pcs") as the seller types.

Keyboard: type the number (``3``, or ``3 dus``: a unit typed after it picks that unit), Tab to
the chooser and a letter picks a unit. Shared by barang masuk, stok opname and pembelian.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.errors import UserError
from app.money import format_qty
from app.pack_units import UnitChoice, base_choice, parse_amount


class UnitQtyField(QWidget):
    """Quantity field + unit chooser + the base-unit echo; ``sig_unit_changed`` when the unit
    changes (chosen or typed)."""

    sig_unit_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[UnitChoice] = [base_choice("pcs")]
        self.qty = QLineEdit()
        self.qty.setObjectName("unitQty")
        self.qty.setPlaceholderText(self.tr("mis. 24 atau 3 dus"))
        self.qty.setMinimumWidth(70)
        self.unit = QComboBox()
        self.unit.setObjectName("unitChoice")
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.echo = QLabel("")
        self.echo.setObjectName("unitEcho")
        self.echo.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.qty, 1)
        layout.addWidget(self.unit)
        layout.addWidget(self.echo)
        self.qty.textChanged.connect(self.on_text_changed)
        self.unit.currentIndexChanged.connect(self.on_unit_changed)
        self.set_choices(self.choices)

    def set_choices(self, choices: list[UnitChoice], pack_id: int | None = None) -> None:
        """List the product's units (base first) and pick ``pack_id`` (None: the base unit)."""
        self.choices = list(choices)
        self.unit.blockSignals(True)
        self.unit.clear()
        for choice in self.choices:
            self.unit.addItem(choice.label, choice.pack_id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(pack_id)) if pack_id is not None else 0)
        self.unit.blockSignals(False)
        self.unit.setEnabled(len(self.choices) > 1)
        self.on_unit_changed()

    def choice(self) -> UnitChoice:
        """The unit chosen."""
        return self.choices[max(0, self.unit.currentIndex())]

    def amount(self) -> tuple[Decimal, UnitChoice]:
        """(qty, unit) as typed; ValidationError (field ``qty``) when it is not a quantity."""
        return parse_amount(self.qty.text(), self.choices, self.choice())

    def base_qty(self) -> Decimal:
        """What was typed, in base units."""
        qty, choice = self.amount()
        return choice.to_base(qty)

    def on_text_changed(self, _text: str = "") -> None:
        """A unit typed after the number picks it in the chooser; the echo follows."""
        try:
            _qty, choice = self.amount()
        except UserError:
            self.echo.setText("")
            return
        if choice != self.choice():
            self.unit.setCurrentIndex(self.choices.index(choice))  # emits, echoes
        else:
            self._echo()

    def on_unit_changed(self, _index: int = 0) -> None:
        """The chooser moved: the echo and whoever shows a price per unit follow."""
        self._echo()
        self.sig_unit_changed.emit()

    def _echo(self) -> None:
        try:
            qty, choice = self.amount()
        except UserError:
            self.echo.setText("")
            return
        if choice.pack_id is None:
            self.echo.setText("")
        else:
            self.echo.setText(f"= {format_qty(choice.to_base(qty))} {choice.base_unit}")
