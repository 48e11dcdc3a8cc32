"""Stock dialogs: receive goods (in the base unit or a pack), adjust with a reason, movement
history, low-stock list."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import catalog, inventory, permissions
from app.clock import local
from app.db import Session
from app.errors import UserError, ValidationError
from app.inventory import LowStock, MovementView
from app.money import format_number, format_qty, parse_qty, parse_rupiah, round_rupiah
from app.pack_units import unit_choices
from ui import i18n
from ui.admin.approval import approved
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.list_model import Column, TableModel
from ui.messages import error_text
from ui.products.editor_fields import FieldBox
from ui.products.unit_choice import UnitQtyField

# app.inventory.ADJUST_REASONS' labels (app/ has no Qt): marked for lupdate here, shown by reason_label.
REASON_LABELS = (QT_TRANSLATE_NOOP("StockDialogs", "Rusak"), QT_TRANSLATE_NOOP("StockDialogs", "Hilang"),
                 QT_TRANSLATE_NOOP("StockDialogs", "Kadaluarsa"),
                 QT_TRANSLATE_NOOP("StockDialogs", "Lainnya"))


def _t(text: str) -> str:
    """``text`` in the screens' language (lupdate finds the literal calls, see ui.i18n_tools)."""
    return QCoreApplication.translate("StockDialogs", text)


def reason_label(reason: str) -> str:
    """An adjust reason key (``rusak``) as shown: ``Rusak`` / ``Damaged``."""
    return _t(inventory.ADJUST_REASONS.get(reason, reason))


def _product_title(ctx: AppContext, product_id: int) -> tuple[str, str, int]:
    """(``SKU — name``, unit, cost) of a product."""
    with ctx.db.read() as session:
        product = catalog.get_product(session, product_id)
        return f"{product.sku} — {product.name}", product.unit, product.cost


def _signed(qty: Decimal) -> str:
    return ("+" if qty > 0 else "") + format_qty(qty)


class _StockDialog(QDialog):
    """Shared layout: product title, a form of fields with messages, Batal/Simpan."""

    def __init__(self, ctx: AppContext, product_id: int, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.product_id = product_id
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        name, self.unit, self.cost = _product_title(ctx, product_id)
        self.form = QFormLayout()
        self.boxes: dict[str, FieldBox] = {}
        heading = QLabel(f"<b>{name}</b>")
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def add_field(self, key: str, title: str, field: QWidget) -> None:
        """A labelled field with its message box."""
        self.boxes[key] = FieldBox(field)
        self.form.addRow(title, self.boxes[key])

    def show_error(self, exc: UserError, default: str) -> None:
        """Show a message next to the field it concerns."""
        for box in self.boxes.values():
            box.set_error("")
        key = exc.field if exc.field in self.boxes else default
        self.boxes[key].set_error(error_text(exc))

    def save(self) -> bool:
        """Run :meth:`write` in one unit of work; True when stored."""
        try:
            with self.ctx.db.unit_of_work() as session:
                self.write(session)
        except UserError as exc:
            self.show_error(exc, "qty")
            return False
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
        return True

    def write(self, session: Session) -> None:
        """Overridden: the stock change itself."""
        raise NotImplementedError


class ReceiveDialog(_StockDialog):
    """Goods from a supplier: quantity in the base unit or a pack, cost per that unit, note.

    The stock moves in base units (3 dus of 40 → +120 pcs); the movement's note says what came.
    """

    def __init__(self, ctx: AppContext, product_id: int, parent: QWidget | None = None,
                 pack_id: int | None = None) -> None:
        super().__init__(ctx, product_id, self.tr("Terima barang"), parent)
        self.amount = UnitQtyField()
        with ctx.db.read() as session:  # cost_view: the cost price only for those allowed
            self.show_cost = permissions.can_view_cost(session, ctx.user_id)
            self.amount.set_choices(unit_choices(session, product_id), pack_id)
        self.qty = self.amount.qty
        self.cost_edit = QLineEdit()
        self._prefilled = ""
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("mis. CV Sumber Rejeki, nota 118"))
        self.add_field("qty", self.tr("Jumlah masuk"), self.amount)
        self.cost_label = QLabel(self.tr("Harga pokok per satuan (Rp)"))
        self.boxes["cost"] = FieldBox(self.cost_edit)
        self.form.addRow(self.cost_label, self.boxes["cost"])
        self.form.setRowVisible(self.boxes["cost"], self.show_cost)  # hidden: cost unchanged
        self.add_field("note", self.tr("Pemasok / catatan"), self.note)
        self.amount.sig_unit_changed.connect(self.on_unit_changed)
        self.on_unit_changed()
        self.qty.setFocus()

    def on_unit_changed(self) -> None:
        """The cost is per the unit chosen: its label follows, and so does an untouched cost."""
        choice = self.amount.choice()
        self.cost_label.setText(self.tr("Harga pokok per %s (Rp)") % choice.name)
        if self.show_cost and self.cost_edit.text() == self._prefilled:
            self._prefilled = format_number(round_rupiah(self.cost * choice.factor)) if self.cost else ""
            self.cost_edit.setText(self._prefilled)

    def write(self, session: Session) -> None:
        """Record the receive movement in base units (and the new cost per base unit)."""
        qty, choice = self.amount.amount()
        try:
            cost = parse_rupiah(self.cost_edit.text()) if self.cost_edit.text().strip() else None
        except ValidationError as exc:
            raise ValidationError(str(exc), field="cost") from exc
        note = self.note.text().strip()
        inventory.receive(session, self.product_id, qty, cost, note=note, user_id=self.ctx.user_id,
                          pack_id=choice.pack_id)


class AdjustDialog(_StockDialog):
    """A correction with a reason: damaged, lost, expired or other (with a note)."""

    def __init__(self, ctx: AppContext, product_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, product_id, self.tr("Sesuaikan stok"), parent)
        self.qty = QLineEdit()
        self.qty.setPlaceholderText(self.tr("mis. -2 (berkurang) atau 3 (bertambah)"))
        self.reason = QComboBox()
        for key in inventory.ADJUST_REASONS:
            self.reason.addItem(reason_label(key), key)
        self.note = QLineEdit()
        self.add_field("qty", self.tr("Selisih (%s)") % self.unit, self.qty)
        self.add_field("reason", self.tr("Alasan"), self.reason)
        self.add_field("note", self.tr("Keterangan"), self.note)

    def save(self) -> bool:
        """A stock correction needs the permission (or an owner's PIN) first."""

        if not approved(self, self.ctx, "stock_adjust", product=self.product_id):
            return False
        return super().save()

    def write(self, session: Session) -> None:
        """Record the adjust movement."""
        qty = parse_qty(self.qty.text(), signed=True)
        inventory.adjust(session, self.product_id, qty, str(self.reason.currentData()),
                         note=self.note.text().strip(), user_id=self.ctx.user_id)


def movement_model(rows: Sequence[MovementView] = ()) -> TableModel[MovementView]:
    """The history table: when, what, how much, why."""
    return TableModel([
        Column(_t("Waktu"), lambda m: local(m.created_at).strftime("%d-%m-%Y %H:%M")),
        Column(_t("Jenis"), lambda m: i18n.word(f"movement.{m.kind}")),
        Column(_t("Jumlah"), lambda m: _signed(m.qty), numeric=True,
               colour=lambda m: "#c62828" if m.qty < 0 else "#2e7d32"),
        Column(_t("Alasan"), lambda m: reason_label(m.reason)),
        Column(_t("Catatan"), lambda m: m.note),
    ], rows)


def low_stock_model(rows: Sequence[LowStock] = ()) -> TableModel[LowStock]:
    """The low-stock table."""
    return TableModel([
        Column(_t("SKU"), lambda r: r.sku),
        Column(_t("Nama"), lambda r: r.name),
        Column(_t("Stok"), lambda r: format_qty(r.on_hand), numeric=True, colour=lambda r: "#c62828"),
        Column(_t("Minimum"), lambda r: format_qty(r.min_stock), numeric=True),
        Column(_t("Satuan"), lambda r: r.unit),
    ], rows)


class _ListDialog(QDialog):
    """A titled table in a dialog with a Tutup button."""

    def __init__(self, title: str, model: TableModel[Any], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 440)
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.info = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        self.buttons.addWidget(close)
        layout.addLayout(self.buttons)


class HistoryDialog(_ListDialog):
    """Every stock movement of one product, newest first."""

    def __init__(self, ctx: AppContext, product_id: int, parent: QWidget | None = None) -> None:
        super().__init__("", movement_model(), parent)
        name, unit, _cost = _product_title(ctx, product_id)
        self.setWindowTitle(self.tr("Riwayat stok"))
        with ctx.db.read() as session:
            self.model.set_rows(inventory.history(session, product_id))
            on_hand = catalog.get_product(session, product_id).on_hand
        self.info.setText(f"<b>{name}</b> — {self.tr('stok sekarang')} {format_qty(on_hand)} {unit}")
        self.table.resizeColumnsToContents()


class LowStockDialog(_ListDialog):
    """Products at or below their minimum, with a shortcut to receive goods."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("", low_stock_model(), parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Stok menipis"))
        receive = QPushButton(self.tr("Terima barang…"))
        receive.clicked.connect(self.receive_selected)
        self.buttons.insertWidget(0, receive)
        self.reload()

    def reload(self) -> None:
        """Re-read the list."""
        with self.ctx.db.read() as session:
            self.model.set_rows(inventory.low_stock(session))
        count = self.model.rowCount()
        self.info.setText(self.tr("%d produk di bawah atau sama dengan stok minimum.") % count)
        self.table.resizeColumnsToContents()

    def receive_selected(self) -> None:
        """Open the receive dialog for the selected product."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.model.rows[rows[0].row()]
        if ReceiveDialog(self.ctx, item.id, self).exec():
            self.reload()
