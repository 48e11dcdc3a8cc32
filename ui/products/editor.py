"""The product editor: every field with its validation message next to it, barcodes, photo.

Saving goes through :mod:`app.catalog` (one unit of work). A product with stock or sales
history is archived, never deleted. The field box, the barcodes and the photo are widgets of
their own (:mod:`ui.products.editor_fields`); the packs and variants tabs are parts
(:mod:`ui.products.packs_part`, :mod:`ui.products.variants_part`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog, inventory, permissions
from app.catalog import delete_product, set_photo
from app.categories import ensure_category
from app.db import Session
from app.errors import UserError, ValidationError
from app.money import format_number, format_qty, parse_qty, parse_rupiah
from app.product_queries import categories, get_photo
from ui.admin.approval import approved
from ui.context import AppContext
from ui.messages import confirm, error_text, show_error
from ui.products.editor_fields import ERROR_STYLE, BarcodeField, FieldBox, PhotoField
from ui.products.packs_part import PacksPart
from ui.products.variants_part import VariantsPart

__all__ = ["ERROR_STYLE", "FIELDS", "FieldBox", "ProductEditor"]  # FieldBox's home: editor_fields

FIELDS = ("sku", "name", "category_id", "unit", "price", "cost", "min_stock", "stock", "barcodes",
          "photo")


class ProductEditor(QDialog):
    """Create or edit one product."""

    def __init__(self, ctx: AppContext, product_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.product_id = product_id
        self.has_history = False
        self.archived = False
        with ctx.db.read() as session:  # cost_view: the cost price is shown only when allowed
            self.show_cost = permissions.can_view_cost(session, ctx.user_id)
        self.hidden_cost = 0  # the stored cost, kept unchanged when it is not shown
        self.setWindowTitle(self.tr("Produk baru") if product_id is None else self.tr("Ubah produk"))
        self.setMinimumWidth(560)
        self._build()
        self._load()

    # ---- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.sku = QLineEdit()
        self.name = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.unit = QComboBox()
        self.unit.addItems(list(catalog.UNITS))
        self.by_weight = QCheckBox(self.tr("Dijual per berat (ditimbang)"))
        self.price = QLineEdit()
        self.cost = QLineEdit()
        self.min_stock = QLineEdit("0")
        self.stock = QLineEdit("0")
        self.published = QCheckBox(self.tr("Terbitkan di katalog PEKEN"))
        self.favourite = QCheckBox(self.tr("Tampilkan di tombol cepat kasir"))
        for edit, hint in ((self.sku, self.tr("mis. BJ-1001")),
                           (self.name, self.tr("mis. Gula Pasir 1 kg")),
                           (self.price, self.tr("mis. 12.500")), (self.cost, self.tr("mis. 10.000"))):
            edit.setPlaceholderText(hint)
        self.boxes: dict[str, FieldBox] = {}
        form = QFormLayout()
        self._row(form, "sku", self.tr("SKU"), self.sku)
        self._row(form, "name", self.tr("Nama produk"), self.name)
        self._row(form, "category_id", self.tr("Kategori"), self.category)
        self._row(form, "unit", self.tr("Satuan"), self.unit)
        form.addRow("", self.by_weight)
        self._row(form, "price", self.tr("Harga jual (Rp)"), self.price)
        self._row(form, "cost", self.tr("Harga pokok (Rp)"), self.cost)
        form.setRowVisible(self.boxes["cost"], self.show_cost)
        self._row(form, "min_stock", self.tr("Stok minimum"), self.min_stock)
        self.stock_label = QLabel(self.tr("Stok awal"))
        self.boxes["stock"] = FieldBox(self.stock)
        form.addRow(self.stock_label, self.boxes["stock"])
        self.barcode_field = BarcodeField(self.ctx)
        self.barcode_input = self.barcode_field.input
        self._row(form, "barcodes", self.tr("Barcode"), self.barcode_field)
        self.photo_field = PhotoField()
        self._row(form, "photo", self.tr("Foto"), self.photo_field)
        for key, field in (("barcodes", self.barcode_field), ("photo", self.photo_field)):
            field.sig_message.connect(self.boxes[key].set_error)
        form.addRow("", self.published)
        form.addRow("", self.favourite)
        layout = QVBoxLayout(self)
        general = QWidget()
        general.setLayout(form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(general, self.tr("Umum"))
        self.packs_part = PacksPart()
        self.tabs.addTab(self.packs_part, self.tr("Kemasan && Grosir"))
        self.variants_part = VariantsPart()
        self.tabs.addTab(self.variants_part, self.tr("Varian"))
        layout.addWidget(self.tabs)
        layout.addLayout(self._buttons())
        self._live_checks()

    def _row(self, form: QFormLayout, key: str, title: str, field: QWidget) -> None:
        self.boxes[key] = FieldBox(field)
        form.addRow(title, self.boxes[key])

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.archive_button = QPushButton(self.tr("Arsipkan"))
        self.archive_button.clicked.connect(self.archive_or_delete)
        self.archive_button.setAutoDefault(False)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Batal"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row.addWidget(self.archive_button)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    def _live_checks(self) -> None:
        self.price.textChanged.connect(lambda: self._check_one("price"))
        self.cost.textChanged.connect(lambda: self._check_one("cost"))
        self.min_stock.textChanged.connect(lambda: self._check_one("min_stock"))
        self.stock.textChanged.connect(lambda: self._check_one("stock"))
        self.name.textChanged.connect(lambda: self._check_one("name"))
        self.sku.textChanged.connect(lambda: self._check_one("sku"))

    # ---- loading ----------------------------------------------------------------------------
    def _load(self) -> None:
        with self.ctx.db.read() as session:
            names = [name for _id, name in categories(session)]
            self.category.addItem("")
            self.category.addItems(names)
            if self.product_id is None:
                self.archive_button.hide()
                return
            product = catalog.get_product(session, self.product_id)
            data = catalog.input_from_product(product)
            category = product.category.name if product.category else ""
            self.has_history, self.archived = product.has_history, product.archived
            photo = get_photo(session, self.product_id)
            self.packs_part.load(session, self.product_id)
            self.variants_part.load(session, self.product_id)
        self._fill(data, category)
        self.stock_label.hide()
        self.boxes["stock"].hide()
        self.set_photo_bytes(photo, changed=False)
        if self.archived:
            self.archive_button.setText(self.tr("Aktifkan lagi"))
        elif not self.has_history:
            self.archive_button.setText(self.tr("Hapus"))

    def _fill(self, data: catalog.ProductInput, category: str) -> None:
        self.sku.setText(data.sku)
        self.name.setText(data.name)
        self.category.setCurrentText(category)
        self.unit.setCurrentText(data.unit)
        self.by_weight.setChecked(data.sold_by_weight)
        self.price.setText(format_number(data.price))
        self.hidden_cost = data.cost
        if self.show_cost:
            self.cost.setText(format_number(data.cost))
        self.min_stock.setText(format_qty(data.min_stock))
        self.barcode_field.list.addItems(data.barcodes)
        self.published.setChecked(data.published)
        self.favourite.setChecked(data.favourite)

    # ---- barcodes and photo -----------------------------------------------------------------
    def barcodes(self) -> list[str]:
        """The barcodes listed in the editor."""
        return self.barcode_field.codes()

    def add_barcode(self) -> None:
        """Add the typed/scanned code to the list (refusing duplicates here)."""
        self.barcode_field.add()

    def generate_barcode(self) -> None:
        """Add a new in-store EAN-13 (prefix 2, valid check digit) not used by any product."""
        self.barcode_field.generate()

    def load_photo_file(self, path: Path) -> None:
        """Read, resize and show a photo file (errors shown next to the field)."""
        self.photo_field.load_file(path)

    def set_photo_bytes(self, photo: bytes | None, changed: bool = True) -> None:
        """Show ``photo`` (JPEG bytes) or the empty placeholder."""
        self.photo_field.set_bytes(photo, changed)

    # ---- validation and saving --------------------------------------------------------------
    def _checks(self) -> dict[str, Callable[[], object]]:
        """Field key → parser of that field's text (raising ValidationError with the message)."""
        return {
            "sku": self._sku,
            "name": self._name,
            "price": lambda: self._rupiah(self.price.text(), "price", minimum=1),
            "cost": lambda: (self._rupiah(self.cost.text(), "cost", minimum=0) if self.show_cost
                             else self.hidden_cost),
            "min_stock": lambda: self._qty(self.min_stock.text(), "min_stock"),
            "stock": lambda: self._qty(self.stock.text(), "stock"),
        }

    def _check_one(self, key: str) -> None:
        try:
            self._checks()[key]()
            self.boxes[key].set_error("")
        except ValidationError as exc:
            self.boxes[key].set_error(error_text(exc))

    def _rupiah(self, text: str, key: str, minimum: int) -> int:
        label = self.tr("Harga jual") if key == "price" else self.tr("Harga pokok")
        if not text.strip():
            if minimum == 0:
                return 0
            raise ValidationError(self.tr("%s wajib diisi.") % label, field=key)
        try:
            value = parse_rupiah(text)
        except ValidationError as exc:
            raise ValidationError(exc.template, field=key, **exc.params) from exc
        if value < minimum:
            word = self.tr("lebih dari nol") if minimum else self.tr("nol atau lebih")
            raise ValidationError(f"{label} {self.tr('harus')} {word}.", field=key)
        return value

    def _qty(self, text: str, key: str) -> Decimal:
        try:
            value = parse_qty(text or "0")
        except ValidationError as exc:
            raise ValidationError(exc.template, field=key, **exc.params) from exc
        if value < 0:
            raise ValidationError(self.tr("Tidak boleh negatif."), field=key)
        return value

    def _name(self) -> str:
        name = " ".join(self.name.text().split())
        if len(name) < 2:
            raise ValidationError(self.tr("Nama produk wajib diisi (2–160 karakter)."), field="name")
        return name

    def _sku(self) -> str:
        sku = self.sku.text().strip()
        if not catalog.SKU_RE.match(sku):
            raise ValidationError(
                self.tr("SKU wajib diisi: huruf, angka, '-', '_' atau '.', maks. 40."), field="sku")
        return sku

    def collect(self) -> tuple[catalog.ProductInput, Decimal] | None:
        """The form as a ProductInput and opening stock, or None after showing every message."""
        for box in self.boxes.values():
            box.set_error("")
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        checks = self._checks()
        for key, check in checks.items():
            try:
                values[key] = check()
            except ValidationError as exc:
                errors[key] = error_text(exc)
        for key, message in errors.items():
            self.boxes[key].set_error(message)
        if errors:
            return None
        data = catalog.ProductInput(
            sku=str(values["sku"]), name=str(values["name"]), price=int(str(values["price"])),
            cost=int(str(values["cost"])), unit=self.unit.currentText(),
            sold_by_weight=self.by_weight.isChecked(), barcodes=self.barcodes(),
            min_stock=Decimal(str(values["min_stock"])), published=self.published.isChecked(),
            favourite=self.favourite.isChecked(),
        )
        return data, Decimal(str(values["stock"]))

    def save(self) -> bool:
        """Validate and store; True (and the dialog accepted) when saved."""
        collected = self.collect()
        if collected is None:
            return False
        data, stock = collected
        if not self._price_change_allowed(data.price):
            return False
        try:
            with self.ctx.db.unit_of_work() as session:
                data.category_id = ensure_category(session, self.category.currentText())
                if self.product_id is None:
                    self.product_id = catalog.create_product(session, data)
                    if stock != 0:
                        inventory.record_movement(session, self.product_id, "initial", stock,
                                                  unit_cost=data.cost, note=self.tr("Stok awal"),
                                                  user_id=self.ctx.user_id)
                else:
                    catalog.update_product(session, self.product_id, data)
                self._save_parts(session, self.product_id)
                if self.photo_field.changed:
                    set_photo(session, self.product_id, self.photo_field.photo)
        except UserError as exc:
            self._show_user_error(exc)
            return False
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
        return True

    def _save_parts(self, session: Session, product_id: int) -> None:
        """Packs and tiers (not on a variant parent), then the variants."""
        if self.variants_part.is_used():
            self.variants_part.save(session, product_id)
        if not self.variants_part.is_used() or self.packs_part.has_rows():
            self.packs_part.save(session, product_id)

    def _price_change_allowed(self, new_price: int) -> bool:
        """Changing an existing product's selling price needs the permission or an owner's PIN."""
        if self.product_id is None:
            return True
        with self.ctx.db.read() as session:
            old_price = catalog.get_product(session, self.product_id).price
        if new_price == old_price:
            return True

        return approved(self, self.ctx, "price_override", product=self.product_id,
                        old=old_price, new=new_price)

    def _show_user_error(self, exc: UserError) -> None:
        part = self._part_of(exc.field or "")
        if part is not None:
            self.tabs.setCurrentWidget(part)
            part.set_error(error_text(exc))
            return
        key = {"amount": "price", "qty": "min_stock"}.get(exc.field or "", exc.field or "")
        if exc.field is None or key not in self.boxes:
            show_error(self, exc)
            return
        self.boxes[key].set_error(error_text(exc))

    def _part_of(self, field: str) -> PacksPart | VariantsPart | None:
        if field.startswith(("pack", "tier")):
            return self.packs_part
        if field in ("option_names", "options", "parent"):
            return self.variants_part
        return None

    def archive_or_delete(self) -> None:
        """Archive (or restore) a product with history; delete one without."""
        if self.product_id is None:
            return
        pid = self.product_id
        try:
            if not self.has_history and not self.archived:
                if not confirm(self, self.tr("Hapus produk"),
                               self.tr("Produk ini belum punya riwayat. Hapus permanen?")):
                    return
                with self.ctx.db.unit_of_work() as session:
                    delete_product(session, pid)
            else:
                with self.ctx.db.unit_of_work() as session:
                    catalog.archive_product(session, pid, archived=not self.archived)
        except UserError as exc:
            show_error(self, exc)
            return
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
