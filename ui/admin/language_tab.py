"""Pengaturan → Bahasa: the screens' language and the language of receipts and report files.

Both are Indonesian by default and may differ: a shop can work in English on screen and
still print Indonesian receipts for its buyers (or the other way round).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import settings
from ui import i18n
from ui.context import AppContext


class LanguageTab(QWidget):
    """Pick the display language (next start) and the receipt/report language (at once)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.combo = self._languages("languageCombo")
        self.receipt_combo = self._languages("receiptLanguageCombo")
        self.note = QLabel(self.tr("Bahasa baru dipakai setelah aplikasi dibuka ulang."))
        self.note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Simpan bahasa"))
        self.save_button.clicked.connect(self.on_save)
        form = QFormLayout()
        form.addRow(self.tr("Bahasa tampilan"), self.combo)
        form.addRow(self.tr("Bahasa struk dan laporan (PDF, CSV, Excel)"), self.receipt_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        with ctx.db.read() as session:
            current = str(settings.get(session, "ui.language"))
            receipts = str(settings.get(session, "receipt.language"))
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.receipt_combo.setCurrentIndex(max(0, self.receipt_combo.findData(receipts)))

    @staticmethod
    def _languages(name: str) -> QComboBox:
        """A combo box of the languages the app speaks."""
        combo = QComboBox()
        combo.setObjectName(name)
        for code, title in i18n.LANGUAGES.items():
            combo.addItem(title, code)
        return combo

    def on_save(self) -> None:
        """Store both languages (receipts and reports use theirs from the next print)."""
        code = str(self.combo.currentData())
        receipts = str(self.receipt_combo.currentData())
        with self.ctx.db.unit_of_work() as session:
            settings.set_value(session, "ui.language", code)
            settings.set_value(session, "receipt.language", receipts)
        self.note.setText(self.tr("Tersimpan. Struk dan laporan memakai bahasanya mulai cetakan "
                                  "berikut; buka ulang aplikasi untuk mengganti bahasa tampilan."))
