"""Pengaturan → Printer → "Cari printer…": pick a printer this PC can see instead of typing ids.

USB printers, serial ports and system printers are listed at once; the network scan (port 9100
on the local /24 only) runs when the seller presses "Cari di jaringan". A USB row on Linux
offers "Izinkan akses USB", which installs the udev rule or shows the one command that needs
root. Picking a row emits :attr:`PrinterSearchDialog.sig_chosen`.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.printing import discovery, udev
from app.printing.discovery import Discovery, FoundPrinter
from app.printing.profile import ConnectionKind
from ui.messages import error_text
from ui.widgets import hint_label
from ui.worker import Progress, run_task


class PrinterSearchDialog(QDialog):
    """List the printers found on this PC and the local network; emit the one picked."""

    sig_chosen = Signal(object)
    """A :class:`~app.printing.discovery.FoundPrinter` the seller chose ("Pakai printer ini")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cari printer"))
        self.scan_port = discovery.RAW_PORT  # the raw ESC/POS port printers listen on
        self.rows = QListWidget()
        self.rows.setObjectName("foundPrinters")
        self.network = QLineEdit(str(discovery.own_network()))
        self.network.setObjectName("scanNetwork")
        self.scan_button = QPushButton(self.tr("Cari di jaringan"))
        self.progress = QProgressBar()
        self.notes = hint_label("", selectable=True)
        self.use_button = QPushButton(self.tr("Pakai printer ini"))
        self.udev_button = QPushButton(self.tr("Izinkan akses USB (udev)"))
        self._build()
        self.rows.currentItemChanged.connect(self.on_row_changed)
        self.rows.itemActivated.connect(lambda _item: self.on_use())
        self.scan_button.clicked.connect(self.on_scan)
        self.use_button.clicked.connect(self.on_use)
        self.udev_button.clicked.connect(self.on_udev)
        self.on_row_changed()
        run_task(lambda _progress: discovery.find_local(), on_done=self._add_found,
                 on_error=self._failed, owner=self)

    def _build(self) -> None:
        scan_row = QHBoxLayout()
        scan_row.addWidget(QLabel(self.tr("Jaringan")))
        scan_row.addWidget(self.network, 1)
        scan_row.addWidget(self.scan_button)
        self.progress.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.udev_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.use_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr(
            "Printer USB, port serial dan printer sistem di PC ini. Printer jaringan dicari di "
            "port 9100 pada jaringan lokal saja, setelah Anda menekan \"Cari di jaringan\".")))
        layout.addWidget(self.rows, 1)
        layout.addLayout(scan_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.udev_button.setVisible(sys.platform.startswith("linux"))
        self.resize(560, 420)

    def chosen(self) -> FoundPrinter | None:
        """The printer of the selected row."""
        item = self.rows.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _add_found(self, found: Discovery) -> None:
        for printer in found.printers:
            item = QListWidgetItem(printer.label)
            item.setData(Qt.ItemDataRole.UserRole, printer)
            self.rows.addItem(item)
        if found.notes:
            self.notes.setText("\n".join(found.notes))
        if self.rows.currentItem() is None and self.rows.count():
            self.rows.setCurrentRow(0)
        elif not self.rows.count():
            self.notes.setText("\n".join([*found.notes, self.tr("Belum ada printer ditemukan.")]))

    def on_row_changed(self, *_args: object) -> None:
        """Enable "Pakai" for any row and the udev button for USB rows."""
        printer = self.chosen()
        self.use_button.setEnabled(printer is not None)
        self.udev_button.setEnabled(printer is not None and printer.kind is ConnectionKind.USB)

    def on_scan(self) -> None:
        """Knock on port 9100 of every host of the (checked) local network, off the GUI thread."""
        try:
            network = discovery.check_network(self.network.text())
        except UserError as exc:
            self.notes.setText(error_text(exc))
            self.network.setFocus()
            return
        self.scan_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.notes.setText(self.tr("Mencari printer di %s…") % network)

        def scan(progress: Progress) -> Discovery:
            return Discovery(discovery.network_printers(network, port=self.scan_port,
                                                        progress=progress))

        run_task(scan, on_done=self._scan_done, on_error=self._failed,
                 on_progress=self._scan_progress, owner=self)

    def _scan_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _scan_done(self, found: Discovery) -> None:
        self.scan_button.setEnabled(True)
        self.progress.setVisible(False)
        self._add_found(found)
        self.notes.setText(self.tr("%n printer jaringan ditemukan.", "", len(found.printers)))

    def _failed(self, error: BaseException) -> None:
        self.scan_button.setEnabled(True)
        self.progress.setVisible(False)
        self.notes.setText(self.tr("Pencarian gagal: %s") % error_text(error))

    def on_use(self) -> None:
        """Hand the chosen printer to the settings page and close."""
        printer = self.chosen()
        if printer is not None:
            self.sig_chosen.emit(printer)
            self.accept()

    def on_udev(self) -> None:
        """Install the udev rule for the chosen USB printer, or show the command to run as root."""
        printer = self.chosen()
        if printer is None or printer.usb_vendor_id is None or printer.usb_product_id is None:
            return
        result = udev.install_rule(printer.usb_vendor_id, printer.usb_product_id)
        if result.installed:
            self.notes.setText(self.tr("Aturan udev dipasang di %s. Cabut lalu colok lagi "
                                       "kabel USB printernya.") % result.path)
        else:
            self.notes.setText(self.tr("Perlu hak root. Jalankan perintah ini di terminal, lalu "
                                       "cabut-colok printernya:\n%s") % result.command)
