"""The "Promo" tab of Produk & Stok: every promotion, and its editor (:mod:`ui.products.promo_editor`).

The list shows the name, kind, dates, how many products/categories and whether it is on;
buttons add, edit, switch on/off and delete. Saving goes through :mod:`app.promotions`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import promotions
from app.errors import UserError
from app.promotions import PromotionView
from ui.context import AppContext
from ui.i18n import current_language
from ui.messages import confirm, show_error
from ui.products.promo_editor import PromotionEditor


class PromotionsTab(QWidget):
    """The promotions list with its actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PromotionView] = []
        self.editor: PromotionEditor | None = None
        layout = QVBoxLayout(self)
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("new", self.tr("+ Promo baru"), self.new_promotion),
                                ("edit", self.tr("Ubah"), self.edit_selected),
                                ("toggle", self.tr("Aktif / nonaktif"), self.toggle_selected),
                                ("delete", self.tr("Hapus"), self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("promotionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Jenis"), self.tr("Berlaku"),
                                              self.tr("Produk/kategori"), self.tr("Status")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        """Read the promotions again."""
        with self.ctx.db.read() as session:
            self.rows = promotions.list_promotions(session)
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            cells = (view.name, view.kind.label(current_language()), self._dates(view),
                     str(view.targets), self.tr("Aktif") if view.active else self.tr("Nonaktif"))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _dates(self, view: PromotionView) -> str:
        if view.starts_on is None and view.ends_on is None:
            return self.tr("Selalu")
        start = view.starts_on.strftime("%d-%m-%Y") if view.starts_on else "…"
        end = view.ends_on.strftime("%d-%m-%Y") if view.ends_on else "…"
        return f"{start} – {end}"

    def selected(self) -> PromotionView | None:
        """The selected promotion, if any."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _open(self, promo_id: int | None) -> None:
        self.editor = PromotionEditor(self.ctx, promo_id, self)
        self.editor.accepted.connect(self.reload)
        self.editor.open()

    def new_promotion(self) -> None:
        """Open the editor for a new promotion."""
        self._open(None)

    def edit_selected(self) -> None:
        """Open the editor of the selected promotion."""
        view = self.selected()
        if view is not None:
            self._open(view.id)

    def toggle_selected(self) -> None:
        """Switch the selected promotion on or off."""
        view = self.selected()
        if view is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                promotions.set_active(session, view.id, not view.active)
        except UserError as exc:
            show_error(self, exc)
        self.reload()

    def delete_selected(self) -> None:
        """Delete the selected promotion after asking."""
        view = self.selected()
        if view is None or not confirm(self, self.tr("Hapus promo"),
                                       self.tr("Hapus promo '%s'?") % view.name):
            return
        with self.ctx.db.unit_of_work() as session:
            promotions.delete_promotion(session, view.id)
        self.reload()
