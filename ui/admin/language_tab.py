"""Pengaturan → Bahasa: choose the display language (Indonesian by default)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import settings
from ui import i18n
from ui.context import AppContext


class LanguageTab(QWidget):
    """Pick Bahasa Indonesia or English; applied at the next start of the app."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.combo = QComboBox()
        self.combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.note = QLabel(self.tr("Bahasa baru dipakai setelah aplikasi dibuka ulang."))
        save = QPushButton(self.tr("Simpan bahasa"))
        save.clicked.connect(self.on_save)
        form = QFormLayout()
        form.addRow(self.tr("Bahasa tampilan"), self.combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(save)
        layout.addStretch(1)
        with ctx.db.read() as session:
            current = str(settings.get(session, "ui.language"))
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))

    def on_save(self) -> None:
        """Store the chosen language."""
        code = str(self.combo.currentData())
        with self.ctx.db.unit_of_work() as session:
            settings.set_value(session, "ui.language", code)
        self.note.setText(self.tr("Tersimpan. Buka ulang aplikasi untuk mengganti bahasa."))
