"""Small widget factories shared by the screens, so every list and hint looks and behaves alike.

A seller meets the same table everywhere: whole rows selected, read-only, columns fitted to
their contents with one stretching column, no row numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QWidget,
)


def _rows_only(table: QTableView, stretch: int | None) -> None:
    """Row selection, no editing, fitted columns; ``stretch`` (or the last column) takes the rest."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def row_table(model: QAbstractItemModel, *, single: bool = True) -> QTableView:
    """A read-only view over ``model`` where one (or, with ``single=False``, several) rows are picked."""
    table = QTableView()
    table.setModel(model)
    _rows_only(table, None)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


def item_table(headers: Sequence[str], *, stretch: int | None = None,
               name: str = "") -> QTableWidget:
    """A read-only table of items with these (already translated) column headers."""
    table = QTableWidget(0, len(headers))
    if name:
        table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    _rows_only(table, stretch)
    return table


def hint_label(text: str, *, selectable: bool = False) -> QLabel:
    """A wrapped grey explanation under a heading (object name ``hint`` for the style sheet)."""
    hint = QLabel(text)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    if selectable:
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return hint


def choose_image(parent: QWidget, title: str) -> Path | None:
    """Ask for a photo file (JPEG, PNG, WebP, BMP); None when the seller cancels."""
    images = QCoreApplication.translate("widgets", "Gambar (*.jpg *.jpeg *.png *.webp *.bmp)")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", images)
    return Path(path) if path else None


def error_label() -> QLabel:
    """An empty, wrapping label for a dialog's refusal (object name ``errorLabel``: red)."""
    label = QLabel("")
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    return label
