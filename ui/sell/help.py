"""F1: the help overlay listing every key of the sell screen (one registry, one truth)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.translate import QT_TRANSLATE_NOOP

# (key as shown, what it does) — the sell screen binds the same keys. Texts are translated on
# display (QT_TRANSLATE_NOOP lists them for lupdate); bare key names are not translated.
KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("HelpOverlay", "Pindai / Enter"),
     QT_TRANSLATE_NOOP("HelpOverlay", "Tambah produk dari barcode, SKU atau hasil cari")),
    (QT_TRANSLATE_NOOP("HelpOverlay", "3*  lalu pindai"),
     QT_TRANSLATE_NOOP("HelpOverlay", "Tambah dengan jumlah 3 (2,5* untuk berat)")),
    ("↑ / ↓", QT_TRANSLATE_NOOP("HelpOverlay", "Pilih hasil cari atau baris keranjang")),
    ("+ / −", QT_TRANSLATE_NOOP("HelpOverlay", "Tambah / kurangi jumlah baris terpilih")),
    ("F1", QT_TRANSLATE_NOOP("HelpOverlay", "Bantuan ini")),
    ("F2", QT_TRANSLATE_NOOP("HelpOverlay", "Cari produk (ke kolom pindai)")),
    ("F3", QT_TRANSLATE_NOOP("HelpOverlay", "Ganti saluran: Toko / acara")),
    ("F4", QT_TRANSLATE_NOOP("HelpOverlay", "Ubah jumlah baris terpilih")),
    ("F5", QT_TRANSLATE_NOOP("HelpOverlay", "Diskon baris terpilih (Rp atau %)")),
    ("F6", QT_TRANSLATE_NOOP("HelpOverlay", "Diskon pesanan (Rp atau %)")),
    ("F7", QT_TRANSLATE_NOOP("HelpOverlay", "Catatan pesanan")),
    ("F8", QT_TRANSLATE_NOOP("HelpOverlay", "Tahan keranjang (layani pembeli lain)")),
    ("F9", QT_TRANSLATE_NOOP("HelpOverlay", "Daftar keranjang ditahan")),
    ("F10", QT_TRANSLATE_NOOP("HelpOverlay", "Kas keluar: uang diambil dari laci")),
    ("F11", QT_TRANSLATE_NOOP("HelpOverlay", "Pilih pelanggan (untuk kasbon)")),
    ("F12", QT_TRANSLATE_NOOP("HelpOverlay", "Bayar")),
    ("Del", QT_TRANSLATE_NOOP("HelpOverlay", "Hapus baris terpilih")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("HelpOverlay", "Batalkan tambahan terakhir")),
    ("Esc", QT_TRANSLATE_NOOP("HelpOverlay", "Kosongkan keranjang (dengan konfirmasi)")),
    ("Ctrl+1 … Ctrl+7", QT_TRANSLATE_NOOP("HelpOverlay", "Pindah bagian (Kasir, Produk, Pesanan, …)")),
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
        title = QLabel(self.tr("Tombol di layar Kasir"))
        title.setObjectName("helpTitle")
        grid.addWidget(title, 0, 0, 1, 4)
        half = (len(KEYS) + 1) // 2
        for i, (key, text) in enumerate(KEYS):
            row, col = (i % half) + 1, (i // half) * 2
            key_label = QLabel(QCoreApplication.translate("HelpOverlay", key))
            key_label.setObjectName("helpKey")
            grid.addWidget(key_label, row, col, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(QLabel(QCoreApplication.translate("HelpOverlay", text)), row, col + 1)
        close = QLabel(self.tr("Tekan tombol apa saja untuk menutup"))
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
