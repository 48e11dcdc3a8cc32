"""The promotion editor: one promotion's rule, what it covers and when it runs.

Kinds: beli X gratis Y, harga paket, diskon persen, potongan rupiah; on products (found by
name, SKU or barcode) or whole categories; dates, weekdays, hours (a window past midnight
wraps), a sales channel or event, stackable, priority, active. Saving goes through
:mod:`app.promotions`; its message names the field and is shown under the form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock, promotions
from app.catalog import find_by_code
from app.errors import UserError, ValidationError
from app.money import format_number, parse_rupiah
from app.product_queries import categories
from app.promotions import PromoTarget, PromotionInput
from app.search import search_products
from contract.enums import PromoKind
from ui.context import AppContext
from ui.i18n import current_language
from ui.messages import error_text

ERROR_STYLE = "color: #c62828;"


class PromotionEditor(QDialog):
    """Create or edit one promotion."""

    def __init__(self, ctx: AppContext, promo_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.promo_id = promo_id
        self.targets: list[PromoTarget] = []
        self.setWindowTitle(self.tr("Promo baru") if promo_id is None else self.tr("Ubah promo"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self._targets_box(), 1)
        self.error = QLabel("")
        self.error.setObjectName("promoError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self._load()
        self._kind_changed()

    # ---- building -------------------------------------------------------------------------
    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("mis. Beli 2 gratis 1 Teh Botol"))
        self.kind = QComboBox()
        for kind in PromoKind:
            self.kind.addItem(kind.label(current_language()), str(kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Nama promo"), self.name)
        form.addRow(self.tr("Jenis"), self.kind)
        self.buy, self.free = QSpinBox(), QSpinBox()
        for spin in (self.buy, self.free):
            spin.setRange(0, 1000)
        self.buy.setValue(2)
        self.free.setValue(1)
        self.rule_row = QWidget()
        rule = QHBoxLayout(self.rule_row)
        rule.setContentsMargins(0, 0, 0, 0)
        self.buy_label, self.free_label = QLabel(self.tr("Beli")), QLabel(self.tr("gratis"))
        self.value = QLineEdit()
        self.value_label = QLabel("")
        for widget in (self.buy_label, self.buy, self.free_label, self.free, self.value_label, self.value):
            rule.addWidget(widget)
        rule.addStretch(1)
        form.addRow(self.tr("Aturan"), self.rule_row)
        form.addRow(self.tr("Berlaku"), self._dates_row())
        form.addRow(self.tr("Hari"), self._days_row())
        form.addRow(self.tr("Jam"), self._hours_row())
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Semua kanal"), None)
        with self.ctx.db.read() as session:
            for cid, cname in promotions.channel_choices(session):
                self.channel.addItem(cname, cid)
        form.addRow(self.tr("Kanal / acara"), self.channel)
        flags = QHBoxLayout()
        self.stackable = QCheckBox(self.tr("Boleh digabung dengan promo lain"))
        self.active = QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        self.priority = QSpinBox()
        self.priority.setRange(-1000, 1000)
        flags.addWidget(self.active)
        flags.addWidget(self.stackable)
        flags.addWidget(QLabel(self.tr("Prioritas")))
        flags.addWidget(self.priority)
        flags.addStretch(1)
        form.addRow("", flags)
        return form

    def _dates_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.limit_dates = QCheckBox(self.tr("Dari"))
        today = clock.today()
        self.starts = QDateEdit(QDate(today.year, today.month, today.day))
        self.ends = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        row.addWidget(self.limit_dates)
        row.addWidget(self.starts)
        row.addWidget(QLabel(self.tr("sampai")))
        row.addWidget(self.ends)
        row.addStretch(1)
        return box

    def _days_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        names = (self.tr("Sen"), self.tr("Sel"), self.tr("Rab"), self.tr("Kam"), self.tr("Jum"),
                 self.tr("Sab"), self.tr("Min"))
        for name in names:
            check = QCheckBox(name)
            check.setChecked(True)
            self.days.append(check)
            row.addWidget(check)
        row.addStretch(1)
        return box

    def _hours_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.limit_hours = QCheckBox(self.tr("Hanya pukul"))
        self.from_time, self.to_time = QTimeEdit(QTime(17, 0)), QTimeEdit(QTime(19, 0))
        for edit in (self.from_time, self.to_time):
            edit.setDisplayFormat("HH:mm")
        row.addWidget(self.limit_hours)
        row.addWidget(self.from_time)
        row.addWidget(QLabel(self.tr("sampai")))
        row.addWidget(self.to_time)
        row.addStretch(1)
        return box

    def _targets_box(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Cari produk (nama, SKU atau barcode), lalu Enter"))
        self.find_edit.returnPressed.connect(self.add_found_product)
        self.category = QComboBox()
        with self.ctx.db.read() as session:
            for cid, cname in categories(session):
                self.category.addItem(cname, cid)
        add_cat = QPushButton(self.tr("Tambah kategori"))
        add_cat.setAutoDefault(False)
        add_cat.clicked.connect(self.add_category)
        remove = QPushButton(self.tr("Hapus baris"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_selected)
        row.addWidget(self.find_edit, 2)
        row.addWidget(self.category, 1)
        row.addWidget(add_cat)
        row.addWidget(remove)
        layout.addLayout(row)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("promoTargets")
        self.table.setHorizontalHeaderLabels([self.tr("Produk / kategori"), self.tr("Jumlah di paket")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(170)
        layout.addWidget(self.table)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Batal"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    # ---- behaviour --------------------------------------------------------------------------
    def current_kind(self) -> PromoKind:
        """The kind chosen."""
        return PromoKind(str(self.kind.currentData()))

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        for widget in (self.buy_label, self.buy, self.free_label, self.free):
            widget.setVisible(kind == PromoKind.BUY_GET)
        self.value_label.setVisible(kind != PromoKind.BUY_GET)
        self.value.setVisible(kind != PromoKind.BUY_GET)
        self.value_label.setText({PromoKind.BUNDLE: self.tr("Harga paket (Rp)"),
                                  PromoKind.PERCENT: self.tr("Diskon (%)"),
                                  PromoKind.AMOUNT: self.tr("Potongan per barang (Rp)")}.get(kind, ""))
        self.table.setColumnHidden(1, kind != PromoKind.BUNDLE)

    def _add_target(self, target: PromoTarget, title: str) -> None:
        if any((t.product_id, t.category_id) == (target.product_id, target.category_id)
               for t in self.targets):
            return
        self.targets.append(target)
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(title)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, QTableWidgetItem(str(target.qty)))

    def add_found_product(self) -> None:
        """Add the product the search text names (barcode or SKU first, then the best name match)."""
        text = self.find_edit.text().strip()
        if not text:
            return
        with self.ctx.db.read() as session:
            hit = find_by_code(session, text)
            if hit is None:
                hits = search_products(session, text, limit=1)
                hit = hits[0] if hits else None
        if hit is None:
            self.error.setText(self.tr("Produk '%s' tidak ditemukan.") % text)
            return
        self._add_target(PromoTarget(product_id=int(hit.id)), f"{hit.name} ({hit.sku})")
        self.find_edit.clear()
        self.error.setText("")

    def add_category(self) -> None:
        """Add the chosen category."""
        cid = self.category.currentData()
        if cid is not None:
            self._add_target(PromoTarget(category_id=int(cid)),
                             self.tr("Kategori: %s") % self.category.currentText())

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
            del self.targets[row]

    def _load(self) -> None:
        if self.promo_id is None:
            return
        with self.ctx.db.read() as session:
            data = promotions.input_from_promotion(session, self.promo_id)
            titles = promotions.target_titles(session, data.targets)
        self.name.setText(data.name)
        self.kind.setCurrentIndex(self.kind.findData(str(data.kind)))
        self.buy.setValue(data.buy_qty)
        self.free.setValue(data.free_qty)
        value = {PromoKind.BUNDLE: format_number(data.bundle_price),
                 PromoKind.PERCENT: f"{data.percent.normalize():f}".replace(".", ","),
                 PromoKind.AMOUNT: format_number(data.amount)}.get(data.kind, "")
        self.value.setText(value)
        self._load_window(data)
        for target, title in zip(data.targets, titles, strict=True):
            self._add_target(target, title)

    def _load_window(self, data: PromotionInput) -> None:
        if data.starts_on or data.ends_on:
            self.limit_dates.setChecked(True)
            for edit, day in ((self.starts, data.starts_on), (self.ends, data.ends_on)):
                if day is not None:
                    edit.setDate(QDate(day.year, day.month, day.day))
        for index, check in enumerate(self.days):
            check.setChecked(str(index + 1) in data.weekdays)
        if data.from_minute is not None and data.to_minute is not None:
            self.limit_hours.setChecked(True)
            self.from_time.setTime(QTime(data.from_minute // 60, data.from_minute % 60))
            self.to_time.setTime(QTime(data.to_minute // 60, data.to_minute % 60))
        self.channel.setCurrentIndex(max(0, self.channel.findData(data.channel_id)))
        self.stackable.setChecked(data.stackable)
        self.priority.setValue(data.priority)
        self.active.setChecked(data.active)

    def collect(self) -> PromotionInput:
        """The form as a PromotionInput (checked by :func:`app.promotions.validate` on save)."""
        kind = self.current_kind()
        data = PromotionInput(self.name.text(), kind, targets=self._targets(kind),
                              buy_qty=self.buy.value(), free_qty=self.free.value(),
                              channel_id=self.channel.currentData(),
                              stackable=self.stackable.isChecked(), priority=self.priority.value(),
                              active=self.active.isChecked())
        self._collect_value(data)
        if self.limit_dates.isChecked():
            data.starts_on, data.ends_on = _day(self.starts.date()), _day(self.ends.date())
        data.weekdays = "".join(str(i + 1) for i, c in enumerate(self.days) if c.isChecked())
        if self.limit_hours.isChecked():
            start, end = self.from_time.time(), self.to_time.time()
            data.from_minute = start.hour() * 60 + start.minute()
            data.to_minute = end.hour() * 60 + end.minute()
        return data

    def _targets(self, kind: PromoKind) -> list[PromoTarget]:
        out = []
        for row, target in enumerate(self.targets):
            item = self.table.item(row, 1)
            qty = target.qty
            if kind == PromoKind.BUNDLE and item is not None:
                qty = int(item.text()) if item.text().strip().isdigit() else 0
            out.append(PromoTarget(target.product_id, target.category_id, qty))
        return out

    def _collect_value(self, data: PromotionInput) -> None:
        text = self.value.text().strip()
        if data.kind == PromoKind.BUY_GET:
            return
        try:
            if data.kind == PromoKind.PERCENT:
                data.percent = _percent(text)
            elif data.kind == PromoKind.BUNDLE:
                data.bundle_price = parse_rupiah(text or "0")
            else:
                data.amount = parse_rupiah(text or "0")
        except ValidationError:
            raise ValidationError(self.tr("%s bukan angka.") % self.value_label.text(),
                                  field="value") from None

    def save(self) -> bool:
        """Check and store; True (and the dialog accepted) when saved."""
        try:
            data = self.collect()
            with self.ctx.db.unit_of_work() as session:
                if self.promo_id is None:
                    self.promo_id = promotions.create_promotion(session, data)
                else:
                    promotions.update_promotion(session, self.promo_id, data)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return False
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
        return True


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _percent(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ".") or "0")
    except InvalidOperation:
        raise ValidationError(QCoreApplication.translate("PromotionEditor", "Diskon persen bukan angka."),
                              field="percent") from None
