"""The print controller owned by the main window: print orders off the GUI thread.

Wiring (main window)::

    self.printer = PrintController(ctx, spool_dir=..., parent=self)
    self.printer.connect_window(self, status_bar.set_printer_state)
    # after a sale (sell screen):  self.printer.after_sale(order_id, parent)
    # orders list:  self.printer.print_order(order_id, reprint=True)
    #               self.printer.show_preview(order_id, parent, reprint=True)

Rendering and sending run through :func:`ui.worker.run_task`; the GUI never
waits on a printer. A failed job stays in the queue ("Cetak ulang").
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.printing.queue import JobStatus, PrintJob, PrintQueue
from app.printing.service import PrintService, print_after_sale
from ui.context import AppContext
from ui.printing.errors import error_text
from ui.printing.jobs_dialog import WaitingJobsDialog
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.worker import run_task

log = logging.getLogger(__name__)

_LIVE: weakref.WeakSet[PrintController] = weakref.WeakSet()


def notify_profile_changed() -> None:
    """Tell every live controller the printer settings changed (refreshes the status bar)."""
    for controller in list(_LIVE):
        if shiboken6.isValid(controller):  # its window (the C++ parent) may be gone already
            controller.refresh_state()
        else:
            _LIVE.discard(controller)


class PrintController(QObject):
    """Prints orders through one queue and reports the printer's state.

    sig_state(str): status bar text, e.g. ``Printer: siap`` or ``Printer: gagal — 1 struk menunggu``.
    sig_failed(str): a print failed; the message says why and that the job waits.
    sig_printed(str): the title of a job that printed.
    """

    sig_state = Signal(str)
    sig_failed = Signal(str)
    sig_printed = Signal(str)

    def __init__(self, ctx: AppContext, spool_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = PrintService(ctx.db, PrintQueue(spool_dir=spool_dir))
        self._running = 0
        self._jobs_dialog: WaitingJobsDialog | None = None
        self._previews: set[ReceiptPreviewDialog] = set()  # parentless dialogs stay alive
        self._notices: set[QMessageBox] = set()
        self._sale_preview: ReceiptPreviewDialog | None = None
        _LIVE.add(self)

    # -- state -----------------------------------------------------------------------------
    def printer_configured(self) -> bool:
        """True when a printer profile is stored (an unreadable one counts as not set)."""
        try:
            return self.service.profile() is not None
        except UserError:
            return False

    def waiting_jobs(self) -> list[PrintJob]:
        """Jobs not printed yet, oldest first."""
        return [j for j in self.service.waiting() if j.status is not JobStatus.DONE]

    def state_text(self) -> str:
        """The status bar text for the printer."""
        waiting = len(self.waiting_jobs())
        if self._running:
            return self.tr("Printer: mencetak…")
        if waiting:
            return self.tr("Printer: gagal — %n struk menunggu", "", waiting)
        if self.printer_configured():
            return self.tr("Printer: siap")
        return self.tr("Printer: belum diatur")

    def refresh_state(self) -> None:
        """Emit the current state (and refresh an open waiting-jobs dialog)."""
        self.sig_state.emit(self.state_text())
        if self._jobs_dialog is not None:
            self._jobs_dialog.reload()

    def is_busy(self) -> bool:
        """True while a print or retry runs in the background."""
        return self._running > 0

    # -- actions ---------------------------------------------------------------------------
    def print_order(self, order_id: int, reprint: bool = False) -> None:
        """Render and send the order's receipt in the background; never blocks the GUI."""
        self._start(lambda: self.service.print_order(order_id, reprint))

    def retry(self, job_id: str) -> None:
        """"Cetak ulang" one waiting job in the background."""
        self._start(lambda: self.service.retry(job_id))

    def retry_all(self) -> None:
        """"Cetak ulang" every waiting job in the background, oldest first."""
        self._start(self.service.retry_all)

    def discard(self, job_id: str) -> None:
        """Drop a waiting job the seller no longer wants."""
        self.service.queue.discard(job_id)
        self.refresh_state()

    def after_sale(self, order_id: int, parent: QWidget | None = None) -> None:
        """What follows a saved sale: print when set so, else show the preview (Cetak/PDF)."""
        try:
            with self.ctx.db.read() as session:
                wanted = print_after_sale(session)
        except UserError as exc:
            self.sig_failed.emit(error_text(exc))
            return
        if not wanted:
            return
        if self.printer_configured():
            self.print_order(order_id)
            return
        if self._sale_preview is not None:  # one preview at the counter, not a pile of them
            self._sale_preview.close()
        preview = self.show_preview(order_id, parent, activate=False)
        preview.finished.connect(lambda _code: self._forget_sale_preview(preview))
        self._sale_preview = preview

    # -- dialogs ---------------------------------------------------------------------------
    def show_preview(self, order_id: int, parent: QWidget | None = None, reprint: bool = False,
                     activate: bool = True) -> ReceiptPreviewDialog:
        """Open the non-modal receipt preview (Cetak, Simpan PDF, Tutup) for an order."""
        dialog = ReceiptPreviewDialog(self.ctx, order_id, self, reprint=reprint, parent=parent)
        self._previews.add(dialog)
        dialog.finished.connect(lambda _code: self._previews.discard(dialog))
        dialog.show_non_modal(activate)
        return dialog

    def show_jobs(self, parent: QWidget | None = None, message: str = "") -> WaitingJobsDialog:
        """Open (or raise) the dialog listing waiting jobs with "Cetak ulang"."""
        if self._jobs_dialog is None:
            self._jobs_dialog = WaitingJobsDialog(self, parent)
            self._jobs_dialog.destroyed.connect(self._forget_jobs_dialog)
        self._jobs_dialog.set_message(message)
        self._jobs_dialog.reload()
        self._jobs_dialog.show()
        self._jobs_dialog.raise_()
        return self._jobs_dialog

    def connect_window(self, window: QWidget, set_state: Callable[[str], None]) -> None:
        """Wire the status bar and show waiting jobs on a failure (the usual main-window setup)."""
        self.sig_state.connect(set_state)
        self.sig_failed.connect(lambda message: self.report_failure(window, message))
        self.sig_printed.connect(lambda title: self.ctx.signals.sig_status.emit(
            self.tr("{title} tercetak").format(title=title)))
        set_state(self.state_text())

    def report_failure(self, parent: QWidget | None, message: str) -> None:
        """Show a failure without blocking: the waiting jobs, or a note when nothing waits."""
        if self.waiting_jobs():
            self.show_jobs(parent, message)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Printer"), message,
                          QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)
        self._notices.add(box)
        box.finished.connect(lambda _code: self._notices.discard(box))
        box.show()

    # -- internals -------------------------------------------------------------------------
    def _forget_jobs_dialog(self) -> None:
        self._jobs_dialog = None

    def _forget_sale_preview(self, preview: ReceiptPreviewDialog) -> None:
        if self._sale_preview is preview:
            self._sale_preview = None

    def _start(self, work: Callable[[], PrintJob | list[PrintJob]]) -> None:
        """Run ``work`` on the worker pool and report its outcome on the GUI thread."""
        self._running += 1
        self.sig_state.emit(self.state_text())
        run_task(lambda _progress: work(), on_done=self._on_done, on_error=self._on_error,
                 owner=self)

    def _on_done(self, result: PrintJob | list[PrintJob]) -> None:
        self._running -= 1
        jobs = result if isinstance(result, list) else [result]
        for job in jobs:
            if job.status is JobStatus.FAILED:
                self.sig_failed.emit(self.tr("{title} belum tercetak: {error}. Penjualan sudah "
                                             "tersimpan; struk menunggu Cetak ulang.").format(
                    title=job.title, error=job.error))
            elif job.status is JobStatus.DONE:
                self.sig_printed.emit(job.title)
        self.refresh_state()

    def _on_error(self, error: BaseException) -> None:
        self._running -= 1
        self.sig_failed.emit(error_text(error))
        self.refresh_state()
