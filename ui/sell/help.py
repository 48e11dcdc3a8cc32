"""F1: the help overlay listing every key of the sell screen (one registry, one truth)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

# (key as shown, what it does) — the sell screen binds the same keys.
KEYS: tuple[tuple[str, str], ...] = (
    ("Pindai / Enter", "Tambah produk dari barcode, SKU atau hasil cari"),
    ("3*  lalu pindai", "Tambah dengan jumlah 3 (2,5* untuk berat)"),
    ("↑ / ↓", "Pilih hasil cari atau baris keranjang"),
    ("+ / −", "Tambah / kurangi jumlah baris terpilih"),
    ("F1", "Bantuan ini"),
    ("F2", "Cari produk (ke kolom pindai)"),
    ("F3", "Ganti saluran: Toko / acara"),
    ("F4", "Ubah jumlah baris terpilih"),
    ("F5", "Diskon baris terpilih (Rp atau %)"),
    ("F6", "Diskon pesanan (Rp atau %)"),
    ("F7", "Catatan pesanan"),
    ("F8", "Tahan keranjang (layani pembeli lain)"),
    ("F9", "Daftar keranjang ditahan"),
    ("F12", "Bayar"),
    ("Del", "Hapus baris terpilih"),
    ("Ctrl+Z", "Batalkan tambahan terakhir"),
    ("Esc", "Kosongkan keranjang (dengan konfirmasi)"),
    ("Ctrl+1 … Ctrl+5", "Pindah bagian (Kasir, Produk, Pesanan, …)"),
)


class HelpOverlay(QWidget):
    """A dimmed layer over its parent with a panel of keys; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel = QFrame()
        panel.setObjectName("helpPanel")
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout(panel)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        title = QLabel("Tombol di layar Kasir")
        title.setObjectName("helpTitle")
        grid.addWidget(title, 0, 0, 1, 4)
        half = (len(KEYS) + 1) // 2
        for i, (key, text) in enumerate(KEYS):
            row, col = (i % half) + 1, (i // half) * 2
            key_label = QLabel(key)
            key_label.setObjectName("helpKey")
            grid.addWidget(key_label, row, col, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(QLabel(text), row, col + 1)
        close = QLabel("Tekan tombol apa saja untuk menutup")
        close.setObjectName("hint")
        grid.addWidget(close, half + 1, 0, 1, 4, Qt.AlignmentFlag.AlignCenter)
        parent.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        """Show over the whole parent and take the keyboard."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the parent's size."""
        if event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Dim what is behind."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(10, 20, 30, 170))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Any key closes the overlay."""
        self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click closes the overlay."""
        self.close_overlay()

    def close_overlay(self) -> None:
        """Hide and give the keyboard back to the sell screen."""
        self.hide()
        parent = self.parentWidget()
        if parent is not None:
            parent.setFocus()
