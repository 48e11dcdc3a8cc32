"""The product editor's barcode and photo fields: their own messages show next to the field,
and their texts are translated with the editor's (context ``ProductEditor``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.db import Database
from ui import i18n
from ui.context import AppContext
from ui.products.editor import ProductEditor


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The app context on a fresh shop."""
    return AppContext(db=db, user_id=None)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English on screen for the test; Indonesian again afterwards."""
    assert i18n.install("en")
    yield
    i18n.install("id")


def _editor(ctx: AppContext, qtbot: QtBot) -> ProductEditor:
    editor = ProductEditor(ctx)
    qtbot.addWidget(editor)
    return editor


def test_barcode_messages_show_under_the_barcodes(ctx: AppContext, qtbot: QtBot) -> None:
    editor = _editor(ctx, qtbot)
    box = editor.boxes["barcodes"]
    editor.barcode_input.setText("8991234567891")
    editor.add_barcode()
    editor.barcode_input.setText("8991234567891")
    editor.add_barcode()
    assert "sudah ada di daftar" in box.error.text() and not box.error.isHidden()
    editor.barcode_input.setText("kode salah!")
    editor.add_barcode()
    assert "'kode salah!' tidak sah" in box.error.text()
    editor.generate_barcode()  # a good code clears the message
    assert box.error.isHidden() and len(editor.barcodes()) == 2


def test_an_unreadable_photo_says_so_under_the_photo(ctx: AppContext, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    editor = _editor(ctx, qtbot)
    broken = tmp_path / "foto.jpg"
    broken.write_bytes(b"not a picture")
    editor.load_photo_file(broken)
    assert editor.boxes["photo"].error.text() != "" and editor.photo_field.photo is None
    editor.load_photo_file(tmp_path / "missing.jpg")
    assert editor.boxes["photo"].error.text() == "Foto tidak bisa dibuka."


@pytest.mark.usefixtures("english")
def test_barcode_and_photo_texts_are_english(ctx: AppContext, qtbot: QtBot) -> None:
    editor = _editor(ctx, qtbot)
    buttons = {button.text() for button in editor.findChildren(QPushButton)}
    assert {"Make a shop barcode", "Choose photo…", "Remove photo"} <= buttons
    assert editor.barcode_input.placeholderText() == "Scan or type a barcode, then Enter"
