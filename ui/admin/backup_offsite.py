"""Encrypted backups off this PC (Pengaturan → Cadangan): recovery phrase, targets, restore.

The owner sets up the recovery phrase once: 12 words shown once in :class:`PhraseDialog`,
kept only after "saya sudah mencatat" is ticked (the app stores the public key, never the
words). Then encrypted copies go to a chosen folder (USB drive, synced cloud folder) and,
for an enrolled shop, to the PEKEN server. "Pulihkan toko…" (:class:`RestoreDialog`)
restores a new installation from a ``.pekenbak`` file or from the server, with the phrase
and the owner's approval; the tab then reopens the shop as after any restore.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import offsite, settings
from app.backup import RestoreResult
from app.db import Database
from app.errors import UserError
from app.offsite_phrase import new_phrase
from app.owner_only import OwnerPin
from app.sync import offsite as offsite_sync
from app.sync import state
from ui.admin.approval import ask_owner
from ui.context import AppContext
from ui.messages import confirm, error_text
from ui.worker import run_task


class PhraseDialog(QDialog):
    """The 12 words, shown once; "Selesai" only after the owner ticks that they wrote them down."""

    def __init__(self, phrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Frasa pemulihan toko"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Tulis 12 kata ini di kertas, urut, dan simpan di tempat aman (bukan di komputer ini). "
            "Tanpa kata-kata ini cadangan terenkripsi tidak bisa dibuka, juga oleh PEKEN. "
            "Kata-kata ini tidak akan ditampilkan lagi."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.words = phrase.split()
        for i, word in enumerate(self.words):
            label = QLabel(f"{i + 1}. {word}")
            label.setObjectName("phraseWord")
            label.setStyleSheet("font-size: 20px; font-weight: bold; padding: 4px;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, i // 3, i % 3)
        layout.addLayout(grid)
        self.written = QCheckBox(self.tr("Saya sudah mencatat 12 kata ini"))
        layout.addWidget(self.written)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Selesai"))
        self.ok_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.written.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class RestoreDialog(QDialog):
    """Where to restore from (a file or the server) and the recovery phrase."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Pulihkan toko"))
        form = QFormLayout(self)
        self.source = QComboBox()
        self.source.addItem(self.tr("Berkas cadangan terenkripsi (.pekenbak)"), "file")
        self.source.addItem(self.tr("Server PEKEN"), "server")
        form.addRow(self.tr("Sumber"), self.source)
        self.path = QLineEdit()
        choose = QPushButton(self.tr("Pilih berkas…"))
        choose.clicked.connect(self.on_choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Berkas"), row)
        self.server_list = QComboBox()
        form.addRow(self.tr("Cadangan di server"), self.server_list)
        self.phrase = QPlainTextEdit()
        self.phrase.setPlaceholderText(self.tr("12 kata pemulihan, dipisah spasi"))
        self.phrase.setTabChangesFocus(True)
        self.phrase.setMaximumHeight(self.phrase.fontMetrics().lineSpacing() * 4)
        form.addRow(self.tr("Frasa pemulihan"), self.phrase)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pulihkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.form = form
        self.source.currentIndexChanged.connect(self.on_source)
        self.on_source()

    def on_choose(self) -> None:
        """Pick the encrypted backup file."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih cadangan terenkripsi"), self.path.text(),
            self.tr("Cadangan terenkripsi (*.pekenbak);;Semua (*)"))
        if name:
            self.path.setText(name)

    def on_source(self) -> None:
        """List the server's backups when the server is chosen."""
        self.server_list.clear()
        from_server = self.source.currentData() == "server"
        self.form.setRowVisible(1, not from_server)
        self.form.setRowVisible(self.server_list, from_server)
        if not from_server:
            self.note.setText("")
            return
        with self.ctx.db.read() as session:
            enrolled = state.is_enrolled(session)
        if not enrolled:
            self.note.setText(self.tr("Daftarkan perangkat ini dulu di Pengaturan → PEKEN dengan "
                                      "kode baru dari admin PEKEN, lalu pulihkan dari server."))
            return
        try:
            found = offsite_sync.server_backups(self.ctx.db)
        except UserError as exc:
            self.note.setText(error_text(exc))
            return
        for item in found:
            self.server_list.addItem(
                f"{item.created_at.strftime('%d/%m/%Y %H:%M')} UTC · {item.size // 1024} KB", item.id)
        self.note.setText("" if found else self.tr("Server belum menyimpan cadangan toko ini."))


class OffsiteBox(QGroupBox):
    """The encrypted off-machine backups of the shop.

    sig_restored(object): ``(source name, RestoreResult, owner name)`` after a restore.
    """

    sig_restored = Signal(object)

    def __init__(self, ctx: AppContext, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Cadangan terenkripsi di luar komputer ini"))
        self.ctx = ctx
        self.folder = folder
        layout = QVBoxLayout(self)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.to_server = QCheckBox(self.tr("Simpan juga di server PEKEN (untuk toko terdaftar)"))
        self.to_server.clicked.connect(self.on_server_toggled)
        layout.addWidget(self.to_server)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("phrase", self.tr("Siapkan frasa pemulihan…"), self.on_setup),
                ("folder", self.tr("Pilih folder terenkripsi…"), self.on_choose_folder),
                ("now", self.tr("Cadangkan terenkripsi sekarang"), self.on_backup_now),
                ("restore", self.tr("Pulihkan toko…"), self.on_restore)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        """Show whether the phrase is set up and where the encrypted copies go."""
        with self.ctx.db.read() as session:
            ready = offsite.is_set_up(session)
            folder = str(settings.get(session, "offsite.folder"))
            server = bool(settings.get(session, "offsite.server"))
            enrolled = state.is_enrolled(session)
        if not ready:
            text = self.tr("Frasa pemulihan belum disiapkan: belum ada cadangan terenkripsi.")
        else:
            text = self.tr("Frasa pemulihan sudah disiapkan. Folder: %1").replace(
                "%1", folder or self.tr("(belum dipilih)"))
        self.info.setText(text)
        self.to_server.setChecked(server)
        self.to_server.setEnabled(ready and enrolled)
        self.buttons["folder"].setEnabled(ready)
        self.buttons["now"].setEnabled(ready and bool(folder or (server and enrolled)))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setObjectName("errorLabel" if error else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.ctx.signals.sig_status.emit(text)

    def on_setup(self) -> None:
        """Make a phrase, show it once, keep its public key once the owner wrote it down."""
        with self.ctx.db.read() as session:
            again = offsite.is_set_up(session)
        if again and not confirm(self, self.tr("Frasa pemulihan baru"), self.tr(
                "Cadangan terenkripsi yang lama tetap perlu frasa lama. Buat frasa baru?")):
            return
        owner_pin = ask_owner(self, self.ctx, "backup_target")
        if owner_pin is None:
            return
        phrase = new_phrase()
        dialog = PhraseDialog(phrase, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            self._say(self.tr("Frasa pemulihan tidak disimpan."), error=True)
            return
        with self.ctx.db.unit_of_work() as session:
            offsite.setup_phrase(session, self.ctx.user_id, owner_pin, phrase)
        self.refresh()
        self._say(self.tr("Frasa pemulihan disiapkan. Pilih folder cadangan terenkripsi."))

    def on_choose_folder(self) -> None:
        """Choose the folder (USB drive, synced cloud folder) for encrypted copies."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder cadangan terenkripsi"))
        if name:
            self.set_targets(Path(name), self.to_server.isChecked())

    def on_server_toggled(self) -> None:
        """Switch the server copies on or off (owner only)."""
        with self.ctx.db.read() as session:
            folder = str(settings.get(session, "offsite.folder"))
        self.set_targets(Path(folder) if folder else None, self.to_server.isChecked())

    def set_targets(self, folder: Path | None, to_server: bool) -> bool:
        """Store the targets with the owner's approval; True when stored."""
        owner_pin = ask_owner(self, self.ctx, "backup_target")
        if owner_pin is not None:
            try:
                with self.ctx.db.unit_of_work() as session:
                    offsite.set_targets(session, self.ctx.user_id, folder, to_server, owner_pin)
            except UserError as exc:
                self._say(error_text(exc), error=True)
                owner_pin = None
        self.refresh()
        return owner_pin is not None

    def on_backup_now(self) -> None:
        """Write/upload an encrypted copy now, off the GUI thread."""
        self.buttons["now"].setEnabled(False)
        database = self.ctx.db
        self._say(self.tr("Membuat cadangan terenkripsi…"))
        run_task(lambda _progress: _backup_now(database), on_done=self._backup_done,
                 on_error=self._backup_failed, owner=self)

    def _backup_done(self, result: object) -> None:
        self.refresh()
        self._say(self.tr("Cadangan terenkripsi dibuat: %1").replace("%1", str(result)))

    def _backup_failed(self, error: BaseException) -> None:
        self.refresh()
        message = error_text(error) if isinstance(error, UserError) else repr(error)
        self._say(self.tr("Cadangan terenkripsi gagal: %1").replace("%1", message), error=True)

    def on_restore(self) -> None:
        """Ask where from and the phrase, then restore."""
        dialog = RestoreDialog(self.ctx, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        source, path = dialog.source.currentData(), dialog.path.text().strip()
        backup_id, phrase = dialog.server_list.currentData(), dialog.phrase.toPlainText()
        dialog.deleteLater()
        if not accepted:
            return
        if source == "server":
            if backup_id is not None:
                self.restore(phrase, backup_id=int(backup_id))
        elif path:
            self.restore(phrase, path=Path(path))

    def restore(self, phrase: str, *, path: Path | None = None, backup_id: int | None = None,
                ask: bool = True) -> bool:
        """Restore from the file or the server backup; True when the shop was replaced."""
        owner_pin = ask_owner(self, self.ctx, "restore")
        if owner_pin is None:
            return False
        name = path.name if path else self.tr("server PEKEN")
        question = self.tr("Semua data toko di komputer ini akan diganti dengan isi cadangan '%1'. "
                           "Data saat ini dicadangkan dulu. Lanjutkan?").replace("%1", name)
        if ask and not confirm(self, self.tr("Pulihkan toko"), question):
            return False
        try:
            result = self._restore(phrase, path, backup_id, owner_pin)
        except (UserError, OSError) as exc:
            text = error_text(exc) if isinstance(exc, UserError) else str(exc)
            self._say(self.tr("Tidak dipulihkan. %1").replace("%1", text), error=True)
            return False
        self.sig_restored.emit((name, result, owner_pin.owner_name))
        self.refresh()
        return True

    def _restore(self, phrase: str, path: Path | None, backup_id: int | None,
                 owner_pin: OwnerPin) -> RestoreResult:
        if backup_id is not None:
            return offsite_sync.restore_from_server(self.ctx.db, backup_id, phrase,
                                                    user_id=self.ctx.user_id, owner_pin=owner_pin,
                                                    folder=self.folder)
        assert path is not None
        result = offsite.restore_encrypted(self.ctx.db, path.read_bytes(), phrase, path.name,
                                           user_id=self.ctx.user_id, owner_pin=owner_pin,
                                           folder=self.folder)
        with result.database.read() as session:
            enrolled = state.is_enrolled(session)
            server_url = state.get(session, state.SERVER_URL)
            was_enrolled = bool(state.get(session, state.SHOP_ID))
        try:
            if enrolled:
                offsite_sync.reconcile_outbox(result.database)
            elif was_enrolled and server_url:
                self._enroll_again(result.database, server_url)
        except UserError as exc:
            self._say(self.tr("Dipulihkan, tetapi sambungan PEKEN belum pulih: %1")
                      .replace("%1", error_text(exc)), error=True)
        return result

    def _enroll_again(self, database: Database, server_url: str) -> None:
        """The restored shop was enrolled: enroll this PC now, keeping the restored cursor."""
        code, ok = QInputDialog.getText(self, self.tr("Daftarkan ulang ke PEKEN"), self.tr(
            "Toko ini terdaftar di PEKEN. Masukkan kode pendaftaran baru dari admin PEKEN "
            "untuk komputer ini (kosongkan untuk nanti, di Pengaturan → PEKEN):"))
        if ok and code.strip():
            offsite_sync.enroll_restored(database, server_url, code.strip())


def _backup_now(db: Database) -> str:
    """The encrypted copies of this moment (folder and/or server); what was made."""
    made: list[str] = []
    folder = offsite.offsite_folder(db)
    if folder is not None:
        made.append(offsite.write_encrypted(db, folder).name)
    with db.read() as session:
        server = bool(settings.get(session, "offsite.server")) and state.is_enrolled(session)
    if server:
        offsite_sync.backup_to_server(db)
        made.append("server PEKEN")
    return ", ".join(made)
