"""The product editor's own fields: a field with its message below it, the barcodes, the photo.

Their texts are the product editor's: they are translated in its context (``ProductEditor``,
see :func:`_t`), so they keep the English the editor's texts have. The editor
(:mod:`ui.products.editor`) puts each field in a :class:`FieldBox` and shows there the
messages the field sends (``sig_message``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.barcodes import make_ean13, next_instore_ean13
from app.catalog import photo_jpeg
from app.errors import UserError
from ui.context import AppContext
from ui.messages import error_text
from ui.widgets import choose_image

ERROR_STYLE = "color: #c62828; font-size: 11px;"


def _t(text: str) -> str:
    """``text`` in the screens' language, in the product editor's context (see ui.i18n_tools)."""
    return QCoreApplication.translate("ProductEditor", text)


class FieldBox(QWidget):
    """A field with its error message right below it (hidden while there is none)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        """Show (or with "" clear) the field's message."""
        self.error.setText(message)
        self.error.setVisible(bool(message))


class BarcodeField(QWidget):
    """The product's barcodes: scan or type one (Enter), remove one, or make an in-store code."""

    sig_message = Signal(str)  # a message for next to the field; "" clears it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(70)
        self.input = QLineEdit()
        self.input.setPlaceholderText(_t("Scan atau ketik barcode, lalu Enter"))
        self.input.returnPressed.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        for text, slot in ((_t("Tambah"), self.add), (_t("Hapus"), self.remove),
                           (_t("Buat barcode toko"), self.generate)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def codes(self) -> list[str]:
        """The barcodes listed."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add(self) -> None:
        """Add the typed/scanned code to the list (refusing duplicates here)."""
        code = self.input.text().strip()
        if not code:
            return
        if code in self.codes():
            self.sig_message.emit(_t("Barcode '%s' sudah ada di daftar.") % code)
            return
        if not catalog.BARCODE_RE.match(code):
            self.sig_message.emit(_t("Barcode '%s' tidak sah.") % code)
            return
        self.list.addItem(code)
        self.input.clear()
        self.sig_message.emit("")

    def remove(self) -> None:
        """Remove the selected barcode."""
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def generate(self) -> None:
        """Add a new in-store EAN-13 (prefix 2, valid check digit) not used by any product."""
        with self.ctx.db.read() as session:
            code = next_instore_ean13(session)
        taken = set(self.codes())
        while code in taken:  # generated earlier in this dialog but not saved yet
            code = make_ean13(f"{int(code[:12]) + 1:012d}")
        self.list.addItem(code)
        self.sig_message.emit("")


class PhotoField(QWidget):
    """The product photo: ``photo`` (JPEG bytes or None) and whether it was ``changed``."""

    sig_message = Signal(str)  # a message for next to the field; "" clears it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: bytes | None = None
        self.changed = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(_t("Belum ada foto"))
        self.label.setFixedSize(96, 96)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("border: 1px solid #bbb; color: #777;")
        choose = QPushButton(_t("Pilih foto…"))
        choose.clicked.connect(self.choose)
        clear = QPushButton(_t("Hapus foto"))
        clear.clicked.connect(lambda: self.set_bytes(None))
        for button in (choose, clear):
            button.setAutoDefault(False)
        row.addWidget(self.label)
        row.addWidget(choose)
        row.addWidget(clear)
        row.addStretch(1)

    def choose(self) -> None:
        """Pick an image file; it is resized to ≤ 512 px and kept as JPEG."""
        path = choose_image(self.window(), _t("Pilih foto produk"))
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        """Read, resize and show a photo file (errors reported next to the field)."""
        try:
            self.set_bytes(photo_jpeg(path.read_bytes()))
            self.sig_message.emit("")
        except (UserError, OSError) as exc:
            self.sig_message.emit(error_text(exc) if isinstance(exc, UserError)
                        else _t("Foto tidak bisa dibuka."))

    def set_bytes(self, photo: bytes | None, changed: bool = True) -> None:
        """Show ``photo`` (JPEG bytes) or the empty placeholder."""
        self.photo = photo
        self.changed = self.changed or changed
        if photo is None:
            self.label.setPixmap(QPixmap())
            self.label.setText(_t("Belum ada foto"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(photo)
        self.label.setPixmap(pixmap.scaled(94, 94, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
