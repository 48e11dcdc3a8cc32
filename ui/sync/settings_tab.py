"""Pengaturan → PEKEN: enroll this device with a code, see the sync status, sync now,
see refused ops, and unenroll. The device token is stored in the shop file and never shown."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sync import device, state, turnover
from app.sync.engine import SyncEngine
from app.sync.worker import SyncStatus
from ui.context import AppContext
from ui.messages import confirm, show_error
from ui.sync.rejected_dialog import RejectedDialog
from ui.sync.status import describe, shared_worker
from ui.worker import Progress, run_task


class PekenSettingsTab(QWidget):
    """Enrollment form, status and actions of PEKEN sync."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.busy = False
        self.url = QLineEdit(placeholderText="https://peken.surabaya.go.id")
        self.code = QLineEdit(placeholderText="kode dari admin PEKEN")
        self.device_name = QLineEdit(socket.gethostname()[:40] or "Kasir")
        self.enroll_button = QPushButton(self.tr("Daftarkan perangkat"))
        self.enroll_button.clicked.connect(self.enroll)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.turnover_label = QLabel()
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"))
        self.sync_button.clicked.connect(self.sync_now)
        self.rejected_button = QPushButton(self.tr("Op ditolak…"))
        self.rejected_button.clicked.connect(self.show_rejected)
        self.unenroll_button = QPushButton(self.tr("Lepas perangkat"))
        self.unenroll_button.clicked.connect(self.unenroll)
        self._layout()
        self.refresh()

    def _layout(self) -> None:
        form_box = QGroupBox(self.tr("Pendaftaran perangkat"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Alamat server"), self.url)
        form.addRow(self.tr("Kode pendaftaran"), self.code)
        form.addRow(self.tr("Nama perangkat"), self.device_name)
        form.addRow("", self.enroll_button)
        status_box = QGroupBox(self.tr("Status sinkronisasi"))
        status = QVBoxLayout(status_box)
        status.addWidget(self.state_label)
        status.addWidget(self.turnover_label)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.rejected_button, self.unenroll_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        status.addLayout(buttons)
        root = QVBoxLayout(self)
        root.addWidget(form_box)
        root.addWidget(status_box)
        root.addStretch(1)

    def _status(self) -> SyncStatus:
        worker = shared_worker(self.ctx)
        if worker is not None:
            return worker.status()
        with self.ctx.db.read() as session:
            counts = state.outbox_counts(session)
            return SyncStatus(enrolled=state.is_enrolled(session), pending=counts.pending,
                              rejected=counts.rejected, last_sync=state.last_sync(session),
                              last_error=state.get(session, state.LAST_ERROR))

    def refresh(self) -> None:
        """Re-read enrollment, status and turnover."""
        with self.ctx.db.read() as session:
            enrolled = state.is_enrolled(session)
            url = state.get(session, state.SERVER_URL)
            shop_id = state.get(session, state.SHOP_ID)
            month = turnover.this_month(session)
        if url and not self.url.text():
            self.url.setText(url)
        status = self._status()
        text = describe(status)
        if enrolled:
            text = self.tr("Terdaftar di toko PEKEN #%1").replace("%1", shop_id) + "\n" + text
        self.state_label.setText(text)
        self.turnover_label.setText(month.summary)
        for widget in (self.code, self.device_name, self.enroll_button):
            widget.setEnabled(not enrolled and not self.busy)
        self.sync_button.setEnabled(enrolled and not self.busy)
        self.unenroll_button.setEnabled(enrolled and not self.busy)
        self.rejected_button.setEnabled(status.rejected > 0)

    def _run(self, fn: Any, done_text: str) -> None:
        self.busy = True
        self.refresh()

        def finished(_result: object = None) -> None:
            self.busy = False
            self.ctx.signals.sig_status.emit(done_text)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.busy = False
            self.refresh()
            show_error(self, error)

        run_task(fn, on_done=finished, on_error=failed, owner=self)

    def enroll(self) -> None:
        """Trade the code for a device token (off the GUI thread)."""
        url, code, name = self.url.text(), self.code.text(), self.device_name.text()

        def work(_progress: Progress) -> object:
            return device.enroll(self.ctx.db, url, code, name)

        self.code.clear()
        self._run(work, self.tr("Perangkat terdaftar di PEKEN."))

    def sync_now(self) -> None:
        """Wake the worker, or run one round here when no worker runs."""
        worker = shared_worker(self.ctx)
        if worker is not None:
            worker.wake()
            return

        def work(_progress: Progress) -> object:
            return SyncEngine(self.ctx.db).run_round()

        self._run(work, self.tr("Sinkronisasi PEKEN selesai."))

    def unenroll(self) -> None:
        """Forget the device token (after confirmation); queued changes stay."""
        if not confirm(self, self.tr("Lepas perangkat"),
                       self.tr("Lepas perangkat ini dari PEKEN? Perubahan yang belum terkirim "
                               "tetap disimpan dan terkirim setelah didaftarkan lagi.")):
            return
        device.unenroll(self.ctx.db)
        self.refresh()

    def show_rejected(self) -> None:
        """The dialog of refused ops."""
        RejectedDialog(self.ctx, self).exec()
        self.refresh()
