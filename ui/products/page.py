"""Produk & Stok page: the lazy products table with search and filters, and every stock action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import permissions
from app.errors import UserError
from app.money import format_number
from app.product_queries import ProductFilter, categories
from ui.context import AppContext
from ui.messages import show_error
from ui.products.table_model import COST_COLUMN, ProductTableModel

# The dialogs are imported when opened, not with the page: measured (python -X importtime),
# they cost the first open of Produk & Stok ~0.5 s on a quiet laptop — labels pull in
# reportlab (~70 % of it), import/export openpyxl and the import planner.

SEARCH_DELAY_MS = 150
NAME_COLUMN = 2


class ProductsPage(QWidget):
    """The inventory manager: products table, filters and actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ProductTableModel(ctx.db)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("productsTabs")
        products = QWidget()
        layout = QVBoxLayout(products)
        layout.addLayout(self._filters())
        layout.addLayout(self._actions())
        layout.addWidget(self._table(), 1)
        self.tabs.addTab(products, self.tr("Produk"))
        self.promo_box = QWidget()
        QVBoxLayout(self.promo_box).setContentsMargins(0, 0, 0, 0)
        self.promotions: QWidget | None = None  # built when the Promo tab is first shown
        self.tabs.addTab(self.promo_box, self.tr("Promo"))
        self.tabs.currentChanged.connect(self._tab_changed)
        outer.addWidget(self.tabs)
        self.ctx.signals.sig_catalog_changed.connect(self.reload)
        self.ctx.signals.sig_user_changed.connect(self.apply_cost_view)
        self.apply_cost_view()
        self._update_count()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is not self.promo_box or self.promotions is not None:
            return
        from ui.products.promotions import PromotionsTab  # noqa: PLC0415 (the Promo tab is rarely opened; keeps the page's first open quick)

        self.promotions = PromotionsTab(self.ctx)
        layout = self.promo_box.layout()
        assert layout is not None
        layout.addWidget(self.promotions)

    def show_promotions(self) -> QWidget:
        """Open the Promo tab (built on first use) and return it."""
        self.tabs.setCurrentWidget(self.promo_box)
        assert self.promotions is not None
        return self.promotions

    # ---- widgets ----------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nama atau SKU, atau scan barcode…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.category = QComboBox()
        self.category.setMinimumWidth(160)
        self._fill_categories()
        self.low_stock = QCheckBox(self.tr("Stok menipis"))
        self.unpublished = QCheckBox(self.tr("Belum terbit di PEKEN"))
        self.archived = QCheckBox(self.tr("Arsip"))
        for widget in (self.low_stock, self.unpublished, self.archived):
            widget.toggled.connect(self.apply_filter)
        self.category.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel("")
        row = QHBoxLayout()
        row.addWidget(self.search, 2)
        row.addWidget(self.category)
        row.addWidget(self.low_stock)
        row.addWidget(self.unpublished)
        row.addWidget(self.archived)
        row.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignRight)
        return row

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("Semua kategori"), None)
        with self.ctx.db.read() as session:
            for cid, name in categories(session):
                self.category.addItem(name, cid)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("new", self.tr("+ Produk baru"), self.new_product),
            ("edit", self.tr("Ubah"), self.edit_selected),
            ("receive", self.tr("Terima barang"), self.receive_selected),
            ("adjust", self.tr("Sesuaikan stok"), self.adjust_selected),
            ("history", self.tr("Riwayat"), self.history_selected),
            ("stocktake", self.tr("Stok opname"), self.open_stocktake),
            ("low", self.tr("Daftar stok menipis"), self.open_low_stock),
            ("labels", self.tr("Cetak label"), self.labels_selected),
            ("import", self.tr("Impor…"), self.open_import),
            ("export", self.tr("Ekspor…"), self.export_dialog),
        ]
        for key, text, slot in actions:
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
            if key in ("history", "low"):
                row.addSpacing(12)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSortIndicator(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # wide enough for a 13-digit barcode, "Rp1.250.000" and the header titles
        for column, width in enumerate((80, 135, 300, 125, 75, 110, 120, 75, 90, 80)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        return self.table

    # ---- filter -----------------------------------------------------------------------------
    def current_filter(self) -> ProductFilter:
        """The filter the widgets describe."""
        return ProductFilter(
            search=self.search.text().strip(), category_id=self.category.currentData(),
            low_stock=self.low_stock.isChecked(), archived=self.archived.isChecked(),
            unpublished=self.unpublished.isChecked(),
        )

    def apply_filter(self) -> None:
        """Re-query the table with the current filter."""
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def reload(self) -> None:
        """After any catalog change: categories and table re-read, selection kept when possible."""
        selected = self.selected_id()
        self._fill_categories()
        self.model.refresh()
        self._update_count()
        if selected is not None:
            self.select_product(selected)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%s produk") % format_number(self.model.rowCount()))

    # ---- selection --------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        """The product of the current row."""
        index = self.table.currentIndex()
        return self.model.product_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """Products of every selected row."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.product_id(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_product(self, product_id: int, search_rows: int = 400) -> bool:
        """Select a product if it is within the first rows shown."""
        for row in range(min(search_rows, self.model.rowCount())):
            if self.model.product_id(row) == product_id:
                index = self.model.index(row, NAME_COLUMN)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _need_selection(self) -> int | None:
        product_id = self.selected_id()
        if product_id is None:
            self.ctx.signals.sig_status.emit(self.tr("Pilih produk dulu di tabel."))
        return product_id

    # ---- actions ----------------------------------------------------------------------------
    def new_product(self) -> None:
        """Open the editor for a new product."""
        from ui.products.editor import ProductEditor  # noqa: PLC0415 (deferred from the first open of Produk & Stok (bench.products_table, budget 300 ms): editor ~15 ms)

        ProductEditor(self.ctx, None, self).exec()

    def edit_selected(self) -> None:
        """Open the editor for the selected product."""
        from ui.products.editor import ProductEditor  # noqa: PLC0415 (deferred from the first open of Produk & Stok, bench.products_table)

        if (pid := self._need_selection()) is not None:
            ProductEditor(self.ctx, pid, self).exec()

    def receive_selected(self) -> None:
        """Receive goods for the selected product."""
        from ui.products.stock_dialogs import ReceiveDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok (bench.products_table, budget 300 ms): stock dialogs ~10 ms)

        if (pid := self._need_selection()) is not None:
            ReceiveDialog(self.ctx, pid, self).exec()

    def adjust_selected(self) -> None:
        """Adjust the selected product's stock."""
        from ui.products.stock_dialogs import AdjustDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok, bench.products_table)

        if (pid := self._need_selection()) is not None:
            AdjustDialog(self.ctx, pid, self).exec()

    def history_selected(self) -> None:
        """Show the selected product's movements."""
        from ui.products.stock_dialogs import HistoryDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok, bench.products_table)

        if (pid := self._need_selection()) is not None:
            HistoryDialog(self.ctx, pid, self).exec()

    def open_stocktake(self) -> None:
        """Start a stocktake session."""
        from ui.products.stocktake import StocktakeDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok (bench.products_table, budget 300 ms): ~9 ms)

        StocktakeDialog(self.ctx, self).exec()

    def open_low_stock(self) -> None:
        """The low-stock list."""
        from ui.products.stock_dialogs import LowStockDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok, bench.products_table)

        LowStockDialog(self.ctx, self).exec()

    def labels_selected(self) -> None:
        """Labels for the selected products."""
        ids = self.selected_ids()
        if not ids:
            self.ctx.signals.sig_status.emit(self.tr("Pilih produk (bisa beberapa) untuk label."))
            return
        from ui.products.labels_dialog import LabelDialog  # noqa: PLC0415 (reportlab and Pillow for labels ~50 ms, only when labels are printed)

        LabelDialog(self.ctx, ids, self).exec()

    def open_import(self) -> None:
        """The import wizard."""
        from ui.products.import_wizard import ImportDialog  # noqa: PLC0415 (deferred from the first open of Produk & Stok (bench.products_table, budget 300 ms): the import wizard and app.importing ~70 ms)

        ImportDialog(self.ctx, self).exec()

    def export_dialog(self) -> None:
        """Export the catalog to a file chosen by the seller."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor produk"), "produk.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(Path(path))

    def apply_cost_view(self) -> None:
        """The Harga pokok column only for a user allowed to see cost prices (``cost_view``)."""
        with self.ctx.db.read() as session:
            allowed = permissions.can_view_cost(session, self.ctx.user_id)
        self.model.set_show_cost(allowed)
        self.table.setColumnHidden(COST_COLUMN, not allowed)

    def export_to(self, path: Path) -> int:
        """Write every product to ``path`` (.csv or .xlsx; cost only if allowed); returns how many."""
        from app.importing import export_products  # noqa: PLC0415 (app.importing ~70 ms, as the import wizard)

        try:
            with self.ctx.db.read() as session:
                count = export_products(session, path, self.ctx.user_id)
        except (UserError, OSError) as exc:
            show_error(self, exc)
            return 0
        self.ctx.signals.sig_status.emit(self.tr("%d produk diekspor ke %s") % (count, path))
        return count
