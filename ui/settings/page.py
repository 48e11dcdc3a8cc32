"""The Pengaturan (settings) section: a tab per feature, loaded lazily from a registry.

Each entry of :data:`SETTINGS_TABS` is ``(tab title, "module.path:ClassName")``; the
class is a QWidget constructed as ``Cls(ctx)``. A tab whose module is not built yet
shows a plain note instead, so the page always opens.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app import permissions
from ui.admin.approval import open_screen
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP

# Titles are marked for lupdate in the page's own context and translated by ``self.tr``.
SETTINGS_TABS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("SettingsPage", "Toko"), "ui.settings.shop_tab:ShopTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "Pembayaran"), "ui.payments.settings_tab:PaymentSettingsTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "Printer"), "ui.printing.settings_tab:PrinterSettingsTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "PEKEN"), "ui.sync.settings_tab:PekenSettingsTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "Pengguna"), "ui.admin.users_tab:UsersTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "Cadangan"), "ui.admin.backup_tab:BackupTab"),
    (QT_TRANSLATE_NOOP("SettingsPage", "Bahasa"), "ui.admin.language_tab:LanguageTab"),
)


def load_widget(path: str, ctx: AppContext) -> QWidget | None:
    """Import ``module:Class`` and build it with ``ctx``; None if the module is not there yet."""
    module_name, _, class_name = path.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    widget: QWidget = getattr(module, class_name)(ctx)
    return widget


def _not_ready(title: str) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    note = QLabel(f"Pengaturan {title} belum tersedia di versi ini.")
    note.setObjectName("placeholderNote")
    layout.addWidget(note)
    layout.addStretch(1)
    return holder


class SettingsPage(QTabWidget):
    """All settings, one tab per feature; a user without the permission unlocks with an owner PIN.

    An owner's PIN opens the tabs for this visit only (``ctx.elevation``): leaving the
    section, Ctrl+L, another login or the idle time locks the page again.
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.is_open = False
        ctx.elevation.sig_ended.connect(self.on_elevation_ended)
        ctx.signals.sig_user_changed.connect(self.show_access)
        self.show_access()

    def _allowed(self) -> bool:
        if self.ctx.user_id is None:
            return True

        with self.ctx.db.read() as session:
            return permissions.can(session, self.ctx.user_id, "settings")

    def show_access(self) -> None:
        """Every tab for a user who may change settings, otherwise the locked note."""
        self._clear()
        if self._allowed():
            self._open()
        else:
            self.addTab(self._locked(), self.tr("Terkunci"))

    def _clear(self) -> None:
        self.is_open = False
        while self.count():
            widget = self.widget(0)
            self.removeTab(0)
            if widget is not None:
                widget.deleteLater()

    def _open(self) -> None:
        self._clear()
        self.build_tabs()
        self.is_open = True

    def _locked(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        note = QLabel(self.tr("Pengaturan hanya untuk pemilik. Minta pemilik memasukkan PIN."))
        self.unlock_button = QPushButton(self.tr("Buka dengan PIN pemilik…"))
        self.unlock_button.setObjectName("unlockSettings")
        self.unlock_button.clicked.connect(self.on_unlock)
        layout.addWidget(note)
        layout.addWidget(self.unlock_button)
        layout.addStretch(1)
        return holder

    def on_unlock(self) -> None:
        """Ask an owner's PIN (logged), then show every tab for this visit."""

        if open_screen(self, self.ctx, "settings", what="buka pengaturan"):
            self._open()

    def on_elevation_ended(self) -> None:
        """The owner's approval ended (left, locked, idle): lock the tabs again."""
        if self.is_open and not self._allowed():
            self.show_access()

    def build_tabs(self) -> None:
        """One tab per feature, from the registry."""
        for title, path in SETTINGS_TABS:
            widget = load_widget(path, self.ctx) or _not_ready(title)
            self.addTab(widget, self.tr(title))
