"""A small non-modal dialog listing receipts that did not print, with "Cetak ulang"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import local
from app.printing.queue import JobStatus, PrintJob

if TYPE_CHECKING:
    from ui.printing.printer import PrintController

JOB_ID_ROLE = Qt.ItemDataRole.UserRole


def job_line(job: PrintJob) -> str:
    """``14:05  Struk K1-20261128-0042 — <why it failed>`` for the list."""
    when = local(job.created_at.astimezone()).strftime("%H:%M")
    if job.status is JobStatus.PRINTING:
        why = QCoreApplication.translate("WaitingJobsDialog", "sedang dicetak…")
    else:
        why = job.error or QCoreApplication.translate("WaitingJobsDialog", "menunggu")
    return f"{when}  {job.title} — {why}"


class WaitingJobsDialog(QDialog):
    """Waiting print jobs; "Cetak ulang" retries the selected job (or all of them)."""

    def __init__(self, controller: PrintController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Struk yang belum tercetak"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = QLabel()
        self.message.setObjectName("printFailure")
        self.message.setWordWrap(True)
        self.jobs = QListWidget()
        self.jobs.setObjectName("waitingJobs")
        self.empty = QLabel(self.tr("Semua struk sudah tercetak."))
        self.retry_button = QPushButton(self.tr("Cetak ulang"))
        self.retry_button.setObjectName("retryJob")
        self.retry_all_button = QPushButton(self.tr("Cetak ulang semua"))
        self.retry_all_button.setObjectName("retryAll")
        self.discard_button = QPushButton(self.tr("Buang"))
        self.discard_button.setToolTip(self.tr("Hapus dari antrean; struk bisa dicetak lagi "
                                               "dari daftar pesanan."))
        close = QPushButton(self.tr("Tutup"))
        self.retry_button.clicked.connect(self.on_retry)
        self.retry_all_button.clicked.connect(self.controller.retry_all)
        self.discard_button.clicked.connect(self.on_discard)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.retry_all_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.jobs, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.resize(560, 300)

    def set_message(self, text: str) -> None:
        """The latest failure message (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def reload(self) -> None:
        """List the controller's waiting jobs."""
        selected = self.selected_job_id()
        self.jobs.clear()
        for job in self.controller.waiting_jobs():
            item = QListWidgetItem(job_line(job))
            item.setData(JOB_ID_ROLE, job.id)
            self.jobs.addItem(item)
            if job.id == selected:
                self.jobs.setCurrentItem(item)
        has_jobs = self.jobs.count() > 0
        if has_jobs and self.jobs.currentItem() is None:
            self.jobs.setCurrentRow(0)
        self.empty.setVisible(not has_jobs)
        if not has_jobs:
            self.set_message("")
        busy = self.controller.is_busy()
        for button in (self.retry_button, self.retry_all_button, self.discard_button):
            button.setEnabled(has_jobs and not busy)

    def selected_job_id(self) -> str | None:
        """The id of the highlighted job, if any."""
        item = self.jobs.currentItem()
        return None if item is None else str(item.data(JOB_ID_ROLE))

    def on_retry(self) -> None:
        """Retry the highlighted job."""
        job_id = self.selected_job_id()
        if job_id is not None:
            self.controller.retry(job_id)
            self.reload()

    def on_discard(self) -> None:
        """Drop the highlighted job."""
        job_id = self.selected_job_id()
        if job_id is not None:
            self.controller.discard(job_id)
