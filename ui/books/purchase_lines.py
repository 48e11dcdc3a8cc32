"""The lines table of the purchase screen: product, qty and cost per unit as typed, the unit and
the subtotal it comes to.

Each line keeps its product and its unit (the base unit or a pack). Qty and cost stay editable
in the table; the unit cell shows what the line brings into stock ("dus (80 pcs)") and the
subtotal is the supplier's invoice money (:func:`app.pack_units.purchase_line_amount`). The
screen around it (:mod:`ui.books.purchase_dialog`) gives the column titles and shows the total.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from app.errors import UserError
from app.money import format_qty, format_rupiah, parse_qty, parse_rupiah
from app.pack_units import UnitChoice, purchase_line_amount
from app.purchases import LineInput

NAME, QTY, UNIT, COST, SUBTOTAL = range(5)
WIDTHS = {NAME: 280, QTY: 70, UNIT: 150, COST: 180}


def _rupiah_text(text: str) -> str:
    """``16500`` → ``16.500`` (left as typed when it is not rupiah)."""
    try:
        return format_rupiah(parse_rupiah(text)).removeprefix("Rp")
    except (UserError, ValueError):
        return text


def _fixed(text: str) -> QTableWidgetItem:
    """A cell the seller cannot edit."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class PurchaseLines(QTableWidget):
    """The purchase's lines, each with its product id and unit (``product_ids``, ``units``)."""

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(titles), parent)
        self.setObjectName("purchaseLines")
        self.setHorizontalHeaderLabels(titles)
        self.horizontalHeader().setStretchLastSection(True)
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width)
        self.product_ids: list[int] = []
        self.units: list[UnitChoice] = []  # each line's unit (the base unit or a pack)

    def add_line(self, product_id: int, name: str, cost: str, qty: str, unit: UnitChoice) -> None:
        """Append a line in ``unit``: qty and cost per that unit as typed (no itemChanged)."""
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        self.setItem(row, NAME, _fixed(name))
        self.setItem(row, QTY, QTableWidgetItem(qty))
        for column in (UNIT, SUBTOTAL):
            self.setItem(row, column, _fixed(""))
        self.setItem(row, COST, QTableWidgetItem(_rupiah_text(cost)))
        self.blockSignals(False)
        self.product_ids.append(product_id)
        self.units.append(unit)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The cell at ``row``, ``column`` (every cell is set when its line is added)."""
        item = self.item(row, column)
        if item is None:
            raise LookupError(f"no cell {row},{column}")
        return item

    def line_text(self, row: int) -> str:
        """What a line brings in, as the seller reads it: "2 dus (80 pcs)" or "24 pcs"."""
        qty = parse_qty(self.cell(row, QTY).text())
        return self.units[row].describe(qty)

    def remove_current(self) -> bool:
        """Drop the selected line; False when none is selected."""
        row = self.currentRow()
        if row < 0:
            return False
        self.removeRow(row)
        del self.product_ids[row]
        del self.units[row]
        return True

    def line_inputs(self) -> list[LineInput]:
        """The lines as typed, each in its unit (ValidationError names the first bad cell)."""
        result = []
        for row, (pid, unit) in enumerate(zip(self.product_ids, self.units, strict=True)):
            qty = parse_qty(self.cell(row, QTY).text())
            cost = parse_rupiah(self.cell(row, COST).text())
            result.append(LineInput(pid, qty, cost, pack_id=unit.pack_id))
        return result

    def _line_amount(self, row: int) -> tuple[int, bool]:
        """(the subtotal as it is stored, whether the cost per base unit (HPP) is rounded)."""
        unit = self.units[row]
        qty = parse_qty(self.cell(row, QTY).text())
        cost = parse_rupiah(self.cell(row, COST).text())
        self.cell(row, UNIT).setText(unit.describe(qty).removeprefix(format_qty(qty)).strip())
        per_base = unit.cost_per_base(cost)
        pack_cost = None if unit.pack_id is None else cost
        amount = purchase_line_amount(unit.to_base(qty), per_base, unit.factor, pack_cost)
        return amount, per_base * unit.factor != cost

    def refresh(self) -> tuple[int, list[str]]:
        """Refresh each unit cell and subtotal (bad cells count as zero); the total and the names
        of the lines whose pack cost does not divide into whole rupiah per base unit."""
        total, rounded = 0, []
        self.blockSignals(True)
        for row in range(self.rowCount()):
            try:
                amount, rounds = self._line_amount(row)
            except (UserError, ValueError, ArithmeticError):
                amount, rounds = 0, False
            if rounds:
                rounded.append(self.cell(row, NAME).text())
            total += amount
            self.cell(row, SUBTOTAL).setText(format_rupiah(amount))
        self.blockSignals(False)
        return total, rounded
