"""Shop-file problems at start-up, shown in a window before any login.

:func:`open_for_window` checks the shop file (:mod:`app.shopfile`), takes its lock and
opens it; any problem becomes a clear Indonesian dialog (:func:`build_dialog`) instead of
a traceback — started from a shortcut there is no terminal, so the dialog is the only
channel. The technical detail goes to the log file, whose path the dialog names.

Read-only shop file or folder: the file is **not** opened for use (a till that cannot
save a sale would lose it after the customer left). The dialog offers to make a writable
copy in the data directory and open that instead, saying plainly that sales recorded in
the copy do not reach the original file.

``PEKEN_DIALOG_AUTOCLOSE=1`` closes each dialog at once (as the Tutup button), and
``PEKEN_DIALOG_AUTOCLOSE=copy`` takes the copy offer; either way the dialog's text is
printed to stdout. Tests and unattended runs use it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app import shopfile
from app.shopfile import ShopFileProblem, ShopLock

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

AUTOCLOSE_ENV = "PEKEN_DIALOG_AUTOCLOSE"


def _t(text: str) -> str:
    return QCoreApplication.translate("StartupErrors", text)


def texts(kind: str) -> tuple[str, str]:
    """The dialog's title line and explanation for a problem kind, in the UI language."""
    table = {
        "unreadable": (_t("Berkas toko tidak bisa dibaca"), _t(
            "PEKEN Kasir tidak bisa membaca berkas toko ini. Periksa apakah berkasnya masih ada, "
            "bukan folder, dan Anda berhak membukanya.")),
        "damaged": (_t("Berkas toko rusak"), _t(
            "Isi berkas toko rusak sehingga tidak bisa dibuka. Berkas tidak diubah. Pakai cadangan "
            "terbaru dari folder 'backups' di samping berkas toko, atau dari flashdisk cadangan.")),
        "not_shop": (_t("Bukan berkas toko PEKEN Kasir"), _t(
            "Berkas ini bukan database toko PEKEN Kasir. Berkas tidak diubah. Pilih berkas toko "
            "yang benar (biasanya berakhiran .sqlite).")),
        "readonly_file": (_t("Berkas toko hanya-baca"), _t(
            "Berkas toko ini ditandai hanya-baca (misalnya disalin dari CD atau flashdisk yang "
            "dikunci), jadi penjualan tidak bisa disimpan ke berkas ini. Berkas tidak diubah. "
            "Hilangkan tanda hanya-baca lalu buka lagi, atau buka salinannya. Penjualan yang "
            "dicatat di salinan tidak masuk ke berkas asli.")),
        "readonly_folder": (_t("Folder berkas toko hanya-baca"), _t(
            "PEKEN Kasir perlu membuat berkas pendamping (-wal dan -shm) di folder berkas toko, "
            "tetapi folder itu tidak bisa ditulisi. Berkas tidak diubah. Pindahkan berkas toko ke "
            "folder yang bisa ditulisi, atau buka salinannya. Penjualan yang dicatat di salinan "
            "tidak masuk ke berkas asli.")),
        "newer_version": (_t("Berkas toko dari versi yang lebih baru"), _t(
            "Berkas toko ini dibuat oleh PEKEN Kasir versi yang lebih baru. Perbarui aplikasi ini "
            "dulu, lalu buka lagi. Berkas tidak diubah.")),
        "disk_full": (_t("Disk penuh"), _t(
            "Ruang kosong di disk tempat berkas toko tersimpan tidak cukup. Kosongkan ruang disk "
            "(hapus berkas yang tidak perlu atau pindahkan cadangan lama), lalu buka lagi. "
            "Berkas tidak diubah.")),
        "locked": (_t("Berkas toko sedang dipakai"), _t(
            "Berkas toko ini sedang dibuka oleh PEKEN Kasir lain (di komputer ini atau lewat "
            "jaringan). Tutup dulu yang lain itu, lalu tekan Coba lagi.")),
        "unexpected": (_t("PEKEN Kasir tidak bisa dibuka"), _t(
            "Terjadi kesalahan saat membuka berkas toko. Berkas tidak diubah.")),
    }
    return table.get(kind, table["unexpected"])


class ShopProblemDialog(QMessageBox):
    """The message box for one shop-file problem, with Buka salinannya / Coba lagi / Tutup."""

    def __init__(self, problem: ShopFileProblem, log_file: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        title, body = texts(problem.kind)
        self.setIcon(QMessageBox.Icon.Warning if problem.can_copy else QMessageBox.Icon.Critical)
        self.setWindowTitle(_t("PEKEN Kasir — berkas toko"))
        self.setText(f"<b>{title}</b>")
        if problem.said:
            body += "\n\n" + problem.said
        self.setInformativeText(
            body + "\n\n" + _t("Berkas: %1").replace("%1", str(problem.path))
            + "\n" + _t("Catatan kesalahan: %1").replace("%1", str(log_file)))
        self.copy_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if problem.can_copy:
            self.copy_button = self.addButton(_t("Buka salinannya"), QMessageBox.ButtonRole.AcceptRole)
        if problem.kind == "locked":
            self.retry_button = self.addButton(_t("Coba lagi"), QMessageBox.ButtonRole.AcceptRole)
        self.close_button = self.addButton(_t("Tutup"), QMessageBox.ButtonRole.RejectRole)
        self.setEscapeButton(self.close_button)
        self.setDefaultButton(self.close_button)

    def choice(self) -> str:
        """What was pressed: ``"copy"``, ``"retry"`` or ``"quit"``."""
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.copy_button:
            return "copy"
        if clicked is not None and clicked is self.retry_button:
            return "retry"
        return "quit"


def build_dialog(problem: ShopFileProblem, log_file: Path,
                 parent: QWidget | None = None) -> ShopProblemDialog:
    """The dialog for ``problem`` (not shown yet)."""
    return ShopProblemDialog(problem, log_file, parent)


def _autoclose(box: ShopProblemDialog) -> None:
    """Unattended run: print the dialog and press the chosen button once it shows."""
    choice = os.environ.get(AUTOCLOSE_ENV, "")
    if not choice:
        return
    title, body = texts(box.problem.kind)
    if sys.stdout is not None:
        print(f"PEKEN-DIALOG {box.problem.kind}: {title}. {body}", flush=True)
    button = box.copy_button if choice == "copy" and box.copy_button else box.close_button
    QTimer.singleShot(0, button.click)


def ask(problem: ShopFileProblem, log_file: Path) -> str:
    """Show the dialog; the seller's choice: ``"copy"``, ``"retry"`` or ``"quit"``."""
    box = build_dialog(problem, log_file)
    _autoclose(box)
    box.exec()
    return box.choice()


def install_excepthook() -> None:
    """Uncaught errors go to the log file (and to stderr when there is one, e.g. a terminal).

    Started from a shortcut there is no stderr (``pythonw``: ``sys.stderr is None``), so
    without this an error in a slot would leave no trace at all.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, trace: object) -> None:
        log.critical("uncaught error", exc_info=(kind, value, trace))  # type: ignore[arg-type]
        if sys.stderr is not None:
            previous(kind, value, trace)  # type: ignore[arg-type]

    sys.excepthook = hook


@dataclass
class Opened:
    """A shop opened for the window: the database, its lock, and the original when it is a copy."""

    database: Database
    lock: ShopLock
    copied_from: Path | None = None


def try_open(path: Path, opener: Callable[[Path], Database]) -> Opened | ShopFileProblem:
    """Check, lock and open ``path``; the problem (logged with its detail) when any."""
    problem = shopfile.check(path)
    if problem is None:
        locked = shopfile.acquire_lock(path)
        if isinstance(locked, ShopFileProblem):
            problem = locked
        else:
            try:
                return Opened(opener(path), locked)
            except Exception as exc:  # every failure becomes a dialog, the detail goes to the log
                locked.release()
                log.exception("opening the shop file %s failed", path)
                problem = shopfile.classify_error(path, exc)
    log.error("shop file problem %s: %s%s", problem.kind, problem.message,
              f" ({problem.detail})" if problem.detail else "")
    return problem


def open_for_window(path: Path, opener: Callable[[Path], Database], copies: Path,
                    log_file: Path) -> Opened | None:
    """Open the shop for the window, asking the seller about each problem; None = quit."""
    original: Path | None = None
    while True:
        result = try_open(path, opener)
        if isinstance(result, Opened):
            result.copied_from = original
            return result
        choice = ask(result, log_file)
        if choice == "retry":
            continue
        if choice != "copy":
            return None
        try:
            original, path = path, shopfile.copy_for_use(path, copies)
        except Exception as exc:
            log.exception("copying the read-only shop file %s failed", path)
            ask(shopfile.classify_error(path, exc), log_file)
            return None
        log.warning("opening a copy %s of the read-only shop file %s", path, original)
