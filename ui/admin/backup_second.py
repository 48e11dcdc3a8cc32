"""The second backup folder in Pengaturan → Cadangan: choose it, and see whether its copy is good.

The state shown comes from :func:`app.backup_mirror.status`, which compares the newest
backup with its copy in the second folder (hash and SQLite integrity check), off the GUI
thread. Choosing or clearing the folder is written to the audit log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import backup, backup_mirror
from app.backup_mirror import SecondCopyStatus
from app.errors import UserError
from ui.admin.approval import ask_owner
from ui.context import AppContext
from ui.messages import show_error
from ui.worker import run_task


class SecondFolderBox(QWidget):
    """The second folder (USB drive) line: folder, Pilih / Jangan pakai / Periksa, and its state.

    sig_checked(object): the :class:`SecondCopyStatus` shown after each check.
    """

    sig_checked = Signal(object)

    def __init__(self, ctx: AppContext, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.folder = folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Pilih folder kedua…"))
        self.clear_button = QPushButton(self.tr("Jangan pakai folder kedua"))
        self.check_button = QPushButton(self.tr("Periksa salinan"))
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(lambda: self.set_folder(None))
        self.check_button.clicked.connect(lambda: self.check(copy_first=True))
        for button in (self.choose_button, self.clear_button, self.check_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.state_label = QLabel("")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        self.status: SecondCopyStatus | None = None

    def second(self) -> Path | None:
        """The folder set now."""
        return backup_mirror.second_folder(self.ctx.db)

    def choose(self) -> None:
        """Pick the folder (on a flash drive) with the system dialog."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder cadangan kedua"))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        """Store (or clear) the second folder (owner only), audited, then copy and check."""
        if folder is not None and folder.resolve() == self.folder.resolve():
            self.state_label.setObjectName("errorLabel")
            self.state_label.setText(self.tr("Folder kedua harus lain dari folder cadangan utama — "
                                             "pilih folder di flashdisk."))
            return
        owner_pin = ask_owner(self, self.ctx, "backup_target")
        if owner_pin is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                backup.set_second_folder(session, self.ctx.user_id, folder, owner_pin)
        except UserError as exc:
            show_error(self, exc)
            return
        self.check(copy_first=True)

    def check(self, copy_first: bool = False) -> None:
        """Copy the newest backup there when missing (``copy_first``), then check its copy."""
        database, folder = self.ctx.db, self.folder
        second = self.second()
        self.folder_label.setText(
            self.tr("Folder cadangan kedua (flashdisk): %1").replace("%1", str(second))
            if second else self.tr("Folder cadangan kedua (flashdisk): belum diatur"))
        self.state_label.setText(self.tr("Memeriksa salinan…"))

        def work(_progress: object) -> SecondCopyStatus:
            if copy_first:
                backup_mirror.mirror_newest(database, folder, verify_existing=True)
            return backup_mirror.status(database.path, second, folder)

        run_task(work, on_done=self._show, on_error=lambda exc: self._show(
            SecondCopyStatus("corrupt", second, "", str(exc))), owner=self)

    def _show(self, result: object) -> None:
        assert isinstance(result, SecondCopyStatus)
        self.status = result
        self.state_label.setObjectName("hint" if result.ok else "errorLabel")
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        self.state_label.setText(self.describe(result))
        self.sig_checked.emit(result)

    def describe(self, result: SecondCopyStatus) -> str:
        """The state in words."""
        texts = {
            "off": self.tr("Belum diatur. Pasang flashdisk lalu pilih foldernya agar cadangan juga "
                           "tersimpan di luar komputer ini."),
            "folder_missing": self.tr("Folder kedua tidak ditemukan — flashdisk belum dipasang?"),
            "no_backup": self.tr("Belum ada cadangan untuk disalin."),
            "missing": self.tr("Cadangan terbaru %1 belum tersalin ke folder kedua."),
            "present": self.tr("Salinan di folder kedua diperiksa cocok: %1"),
            "ok": self.tr("Salinan di folder kedua diperiksa cocok: %1"),
            "corrupt": self.tr("Salinan di folder kedua RUSAK: %1. Tekan Periksa salinan untuk "
                               "menyalin ulang, atau ganti flashdisk."),
        }
        text = texts.get(result.state, texts["corrupt"])
        name = result.backup_name or result.detail
        if result.state == "corrupt" and result.detail:
            name = f"{result.backup_name} ({result.detail})" if result.backup_name else result.detail
        return text.replace("%1", name)
