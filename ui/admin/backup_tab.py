"""The Cadangan tab of Pengaturan: the list of backups, a manual backup, and restore;
below, the second folder and the encrypted off-machine backups (:mod:`ui.admin.backup_offsite`).

A restore is a ``settings`` action (owner PIN for a cashier), asks for confirmation,
refuses a file that is not a valid shop with a clear message, backs up the current
file first, and swaps the context to the reopened database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import audit, backup, permissions
from app.backup import BackupInfo
from app.errors import UserError
from ui.admin.approval import ask_owner
from ui.admin.backup_offsite import OffsiteBox
from ui.admin.backup_second import SecondFolderBox
from ui.admin.login import lock
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.messages import confirm, error_text
from ui.widgets import hint_label, row_table
from ui.worker import run_task


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, size // 1024)} KB"


class BackupsModel(TableModel[BackupInfo]):
    """Backups of the shop: time, kind, size, file name."""

    def __init__(self) -> None:
        super().__init__()
        kinds = {"harian": self.tr("Harian otomatis"), "tutup": self.tr("Saat aplikasi ditutup"),
                 "manual": self.tr("Manual"), "sebelum-pulih": self.tr("Sebelum pemulihan")}
        self.set_columns([
            Column(self.tr("Waktu"), lambda r: r.created.strftime("%d/%m/%Y %H:%M")),
            Column(self.tr("Jenis"), lambda r: kinds.get(r.kind, r.kind)),
            Column(self.tr("Ukuran"), lambda r: _size(r.size)),
            Column(self.tr("Berkas"), lambda r: r.path.name),
        ])


class BackupTab(QWidget):
    """Manual backup, the backup list, and restore from a backup or any chosen file."""

    def __init__(self, ctx: AppContext, folder: Path | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.folder = folder or backup.backup_dir_for(ctx.db.path)
        self.model = BackupsModel()
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(
            self.tr("Toko dicadangkan otomatis sekali sehari dan setiap aplikasi ditutup. "
                    "Simpan juga salinan ke flashdisk sesekali. Folder: %1")
            .replace("%1", str(self.folder)), selectable=True))
        self.table = row_table(self.model)
        layout.addWidget(self.table, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.second_box = SecondFolderBox(ctx, self.folder)
        layout.addWidget(self.second_box)
        self.offsite_box = OffsiteBox(ctx, self.folder)
        self.offsite_box.sig_restored.connect(self.on_offsite_restored)
        layout.addWidget(self.offsite_box)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Cadangkan sekarang"))
        self.backup_button.setObjectName("payButton")
        self.restore_button = QPushButton(self.tr("Pulihkan cadangan terpilih…"))
        self.file_button = QPushButton(self.tr("Pulihkan dari berkas lain…"))
        self.open_button = QPushButton(self.tr("Buka folder"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_file)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        for button in (self.backup_button, self.restore_button, self.file_button, self.open_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def refresh(self) -> None:
        """Reload the list of backups."""
        self.model.set_rows(backup.list_backups(self.ctx.db.path, self.folder))
        self.second_box.check()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("errorLabel" if error else "hint")
        self.status.style().unpolish(self.status)  # the style sheet keys on the object name
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.ctx.signals.sig_status.emit(text)

    def backup_now(self) -> None:
        """Make a manual backup off the GUI thread."""
        self.backup_button.setEnabled(False)
        path, folder = self.ctx.db.path, self.folder
        self._say(self.tr("Mencadangkan…"))
        run_task(lambda _progress: backup.make_backup(path, "manual", folder),
                 on_done=self._backup_done, on_error=self._backup_failed, owner=self)

    def _backup_done(self, result: object) -> None:
        self.backup_button.setEnabled(True)
        self.model.set_rows(backup.list_backups(self.ctx.db.path, self.folder))
        self.second_box.check(copy_first=True)
        self._say(self.tr("Cadangan dibuat: %1").replace("%1", Path(str(result)).name))

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        message = error_text(error) if isinstance(error, UserError) else repr(error)
        self._say(self.tr("Cadangan gagal: %1").replace("%1", message), error=True)

    def restore_selected(self) -> None:
        """Restore the backup selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Pilih dulu cadangan yang mau dipulihkan."), error=True)
            return
        self.restore_from(self.model.rows[rows[0].row()].path)

    def restore_file(self) -> None:
        """Choose any file (e.g. from a flash drive) and restore it."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas cadangan"),
                                              str(self.folder),
                                              self.tr("Database toko (*.sqlite *.db *.bak);;Semua (*)"))
        if name:
            self.restore_from(Path(name))

    def restore_from(self, path: Path, *, ask: bool = True) -> bool:
        """Check, approve, confirm and restore ``path``; True when the shop was replaced."""
        try:
            backup.validate_shop_file(path)
        except UserError as exc:
            self._say(self.tr("Tidak dipulihkan. %1").replace("%1", error_text(exc)), error=True)
            return False
        owner_pin = ask_owner(self, self.ctx, "restore")  # owner-only, even in an approved visit
        if owner_pin is None:
            return False
        question = self.tr("Semua data toko sekarang akan diganti dengan isi cadangan '%1'. "
                           "Data saat ini dicadangkan dulu. Lanjutkan?").replace("%1", path.name)
        if ask and not confirm(self, self.tr("Pulihkan cadangan"), question):
            return False
        try:
            result = backup.restore(self.ctx.db, path, self.folder, user_id=self.ctx.user_id,
                                    owner_pin=owner_pin)
        except UserError as exc:
            self._say(self.tr("Tidak dipulihkan. %1").replace("%1", error_text(exc)), error=True)
            return False
        self._after_restore(path.name, result, owner_pin.owner_name)
        return True

    def on_offsite_restored(self, restored: object) -> None:
        """A restore from an encrypted backup (file or server) replaced the shop."""
        assert isinstance(restored, tuple)
        name, result, owner_name = restored
        assert isinstance(result, backup.RestoreResult)
        self._after_restore(str(name), result, owner_name if isinstance(owner_name, str) else None)

    def _after_restore(self, name: str, result: backup.RestoreResult,
                       owner_name: str | None) -> None:
        """Switch to the restored shop: audit, list, log in again, tell every screen."""
        self.ctx.db = result.database
        self._log_restore(name, result.previous, owner_name)
        self.refresh()
        self.offsite_box.refresh()
        self._say(self.tr("Data dipulihkan dari '%1'. Data sebelumnya disimpan sebagai '%2'.")
                  .replace("%1", name).replace("%2", result.previous.name))
        self._log_in_again()
        self.ctx.signals.sig_catalog_changed.emit()
        self.ctx.signals.sig_order_saved.emit(0)
        self.ctx.signals.sig_user_changed.emit()

    def _log_in_again(self) -> None:
        """The restored shop has its own users: whoever restored logs in again (lock screen).

        Without this the user id of the old shop would stand for whoever has that id in the
        restored file (possibly an owner).
        """
        if self.ctx.user_id is None:
            return
        with self.ctx.db.read() as session:
            if not permissions.shop_has_users(session):
                return  # a shop without users has nobody to log in as
        lock(self.window(), self.ctx)

    def _log_restore(self, name: str, previous: Path, owner_name: str | None) -> None:
        """Write the restore into the restored shop's audit log, by name (its user ids differ)."""
        with self.ctx.db.unit_of_work() as session:
            audit.record(session, "backup.restore", None, None, file=name,
                         previous=previous.name, by=self.ctx.user_name,
                         approved_by=owner_name or self.ctx.user_name)
