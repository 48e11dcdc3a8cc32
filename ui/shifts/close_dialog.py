"""Close a shift: count the drawer by denomination, see expected vs counted live, then close."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings, shop
from app.clock import local, now_utc, zone_label
from app.drawer import DENOMINATIONS, MAX_PIECES, ShiftCash
from app.money import format_rupiah
from app.shifts import ShiftClose, close_shift, get_shift, shift_cash
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.messages import show_error


def receipt_columns(ctx: AppContext) -> int:
    """32 or 48: the width of the configured receipt printer (32 when none is set)."""
    with ctx.db.read() as session:
        raw = settings.get(session, "printer.profile")
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return 32
    return 48 if isinstance(data, dict) and data.get("paper_mm") == 80 else 32


class CloseShiftDialog(QDialog):
    """Denomination grid (notes and coins) with a live expected / counted / difference panel."""

    def __init__(self, ctx: AppContext, shift_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift_id = shift_id
        self.result_close: ShiftClose | None = None
        with ctx.db.read() as session:
            self.cash: ShiftCash = shift_cash(session, get_shift(session, shift_id), now_utc())
        self.setWindowTitle(self.tr("Tutup shift #{0}").format(shift_id))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Tutup shift #{0}").format(shift_id))
        heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Shift dibuka {0}. Hitung uang di laci per pecahan.").format(
            local(self.cash.opened_at).strftime(f"%d/%m/%Y %H:%M {zone_label()}"))))
        body = QHBoxLayout()
        body.addWidget(self._build_grid(), 3)
        body.addWidget(self._build_summary(), 2)
        layout.addLayout(body)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Catatan (mis. uang diambil untuk belanja)"))
        layout.addWidget(self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tutup shift"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.update_totals()

    def _build_grid(self) -> QGroupBox:
        box = QGroupBox(self.tr("Uang di laci"))
        grid = QGridLayout(box)
        self.spins: dict[str, QSpinBox] = {}
        self.subtotals: dict[str, QLabel] = {}
        for row, d in enumerate(DENOMINATIONS):
            kind = self.tr("logam") if d.coin else self.tr("kertas")
            grid.addWidget(QLabel(f"{format_rupiah(d.value)} {kind}"), row, 0)
            spin = QSpinBox()
            spin.setRange(0, MAX_PIECES)
            spin.setSuffix(self.tr(" keping") if d.coin else self.tr(" lembar"))
            spin.valueChanged.connect(lambda _v: self.update_totals())
            grid.addWidget(spin, row, 1)
            subtotal = QLabel(format_rupiah(0))
            subtotal.setMinimumWidth(110)
            grid.addWidget(subtotal, row, 2)
            self.spins[d.key], self.subtotals[d.key] = spin, subtotal
        return box

    def _build_summary(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ringkasan kas"))
        form = QFormLayout(box)
        form.addRow(self.tr("Modal awal"), QLabel(format_rupiah(self.cash.opening_cash)))
        form.addRow(self.tr("Penjualan tunai"), QLabel(format_rupiah(self.cash.cash_sales)))
        rounding = QLabel(format_rupiah(self.cash.rounding))
        rounding.setObjectName("shiftRounding")
        form.addRow(self.tr("  termasuk pembulatan"), rounding)
        form.addRow(self.tr("Retur tunai"), QLabel(format_rupiah(-self.cash.cash_refunds)))
        self._book_rows(form)
        self.expected_label = QLabel(format_rupiah(self.cash.expected_cash))
        self.expected_label.setStyleSheet("font-weight: 600;")
        form.addRow(self.tr("Seharusnya di laci"), self.expected_label)
        self.counted_label = QLabel()
        self.counted_label.setStyleSheet("font-weight: 600;")
        form.addRow(self.tr("Dihitung"), self.counted_label)
        self.difference_label = QLabel()
        form.addRow(self.tr("Selisih"), self.difference_label)
        form.addRow(QLabel(""))
        form.addRow(self.tr("Pesanan lunas"), QLabel(str(self.cash.orders)))
        by_method = self.cash.by_method
        cash = by_method.get(PaymentMethod.CASH, 0)
        credit = by_method.get(PaymentMethod.KASBON, 0)
        deposit = by_method.get(PaymentMethod.DEPOSIT, 0)
        form.addRow(self.tr("Non-tunai"),
                    QLabel(format_rupiah(self.cash.net_sales - cash - credit - deposit)))
        kasbon = QLabel(format_rupiah(credit))
        kasbon.setObjectName("shiftKasbonSales")
        form.addRow(self.tr("Penjualan kasbon"), kasbon)
        if deposit:
            form.addRow(self.tr("Dibayar dengan DP"), QLabel(format_rupiah(deposit)))
        codes = QLabel(format_rupiah(self.cash.unique_codes))
        codes.setObjectName("shiftUniqueCodes")
        form.addRow(self.tr("Kode unik transfer"), codes)
        return box

    def _book_rows(self, form: QFormLayout) -> None:
        """The money book's drawer lines (kas, kasbon, DP, suppliers), each signed as it moves."""
        cash = self.cash
        for name, text, amount in (
                ("shiftCashIn", self.tr("Kas masuk"), cash.cash_in),
                ("shiftCashOut", self.tr("Kas keluar"), -cash.cash_out),
                ("shiftKasbonCash", self.tr("Bayar kasbon tunai"), cash.kasbon_cash),
                ("shiftDepositsCash", self.tr("DP pesanan tunai"), cash.deposits_cash),
                ("shiftSupplierCash", self.tr("Bayar pemasok"), -cash.supplier_cash)):
            label = QLabel(format_rupiah(amount))
            label.setObjectName(name)
            form.addRow(text, label)

    def counts(self) -> dict[str, int]:
        """Pieces per denomination key as entered."""
        return {key: spin.value() for key, spin in self.spins.items()}

    def counted(self) -> int:
        """Rupiah counted so far."""
        return sum(d.value * self.spins[d.key].value() for d in DENOMINATIONS)

    def update_totals(self) -> None:
        """Refresh subtotals, counted and the difference (red short, blue over, green exact)."""
        for d in DENOMINATIONS:
            self.subtotals[d.key].setText(format_rupiah(d.value * self.spins[d.key].value()))
        counted = self.counted()
        diff = counted - self.cash.expected_cash
        self.counted_label.setText(format_rupiah(counted))
        if diff == 0:
            text, colour = self.tr("Rp0 — pas"), "#2e7d32"
        elif diff < 0:
            text, colour = self.tr("{0} — kurang").format(format_rupiah(diff)), "#c62828"
        else:
            text, colour = self.tr("+{0} — lebih").format(format_rupiah(diff)), "#1565c0"
        self.difference_label.setText(text)
        self.difference_label.setStyleSheet(f"font-size: 16px; font-weight: 700; color: {colour};")

    def accept(self) -> None:
        """Close the shift with the count; keeps the Z report in the shift."""
        width = receipt_columns(self.ctx)
        try:
            with self.ctx.db.unit_of_work() as session:
                self.result_close = close_shift(
                    session, self.shift_id, self.counts(), user_id=self.ctx.user_id,
                    note=self.note_edit.text(), width=width, shop_name=shop.profile(session).name)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.signals.sig_status.emit(self.tr("Shift ditutup."))
        super().accept()
