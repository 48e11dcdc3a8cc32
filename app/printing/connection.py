"""Open python-escpos connections for a :class:`PrinterProfile` and send ready-made bytes."""

from __future__ import annotations

import contextlib
import shutil
import sys
from typing import Any

from escpos import printer as escpos_printer
from escpos.escpos import Escpos

from app.errors import UserError
from app.printing.profile import ConnectionKind, PrinterProfile

RETRY_HINT = "periksa kabel/daya, lalu Cetak ulang"


class PrinterUnavailable(UserError):
    """The printer could not be reached or refused the job; the job can be retried."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def unreachable_message(profile: PrinterProfile) -> str:
    """What the seller reads when ``profile``'s printer cannot be reached (Indonesian)."""
    kind = profile.kind
    if kind is ConnectionKind.NETWORK:
        return f"Printer tidak terjangkau di {profile.host}:{profile.port} — {RETRY_HINT}"
    if kind is ConnectionKind.USB:
        return (f"Printer USB {profile.describe()[4:]} tidak ditemukan atau tidak boleh dipakai — "
                f"{RETRY_HINT} (di Linux periksa aturan udev, lihat docs/printers.md)")
    if kind is ConnectionKind.SERIAL:
        return f"Printer serial {profile.serial_device} tidak bisa dibuka — {RETRY_HINT}"
    if kind is ConnectionKind.OS:
        return f"Printer sistem '{profile.os_printer or 'bawaan'}' tidak bisa dipakai — {RETRY_HINT}"
    return f"Tidak bisa menulis ke berkas {profile.file_path} — periksa lokasinya, lalu Cetak ulang"


def _os_printer(profile: PrinterProfile) -> Escpos:
    """The OS printer: Win32Raw on Windows, CUPS (pycups) or ``lp`` elsewhere."""
    name = profile.os_printer
    if sys.platform.startswith("win"):
        if not escpos_printer.Win32Raw.is_usable():
            raise PrinterUnavailable(
                "Dukungan printer Windows belum terpasang (paket pywin32).", detail="pywin32")
        return escpos_printer.Win32Raw(printer_name=name)
    if escpos_printer.CupsPrinter.is_usable():
        return escpos_printer.CupsPrinter(printer_name=name)
    if shutil.which("lp"):
        return escpos_printer.LP(printer_name=name)
    raise PrinterUnavailable("Tidak ada CUPS di komputer ini: pasang CUPS atau pakai koneksi lain.",
                             detail="no pycups and no lp")


def _make_printer(profile: PrinterProfile) -> Escpos:
    """The python-escpos connection object for ``profile`` (not opened yet)."""
    kind = profile.kind
    if kind is ConnectionKind.NETWORK:
        return escpos_printer.Network(host=profile.host, port=profile.port,
                                      timeout=profile.timeout_s)
    if kind is ConnectionKind.USB:
        if not escpos_printer.Usb.is_usable():
            raise PrinterUnavailable(
                "Dukungan printer USB belum terpasang (paket pyusb dan libusb).", detail="pyusb")
        return escpos_printer.Usb(idVendor=profile.usb_vendor_id,
                                  idProduct=profile.usb_product_id,
                                  timeout=int(profile.timeout_s * 1000))
    if kind is ConnectionKind.SERIAL:
        if not escpos_printer.Serial.is_usable():
            raise PrinterUnavailable(
                "Dukungan printer serial belum terpasang (paket pyserial).", detail="pyserial")
        return escpos_printer.Serial(devfile=profile.serial_device, baudrate=profile.baudrate,
                                     timeout=profile.timeout_s)
    if kind is ConnectionKind.OS:
        return _os_printer(profile)
    return escpos_printer.File(devfile=profile.file_path)


def open_printer(profile: PrinterProfile) -> Escpos:
    """Open the python-escpos connection for ``profile`` with its short timeout.

    Raises :class:`PrinterUnavailable` (Indonesian message) when it cannot be opened.
    """
    profile.check_connection_fields()
    printer = _make_printer(profile)
    try:
        printer.open()
    except Exception as exc:  # each backend raises its own kind (OSError, USBError, ...)
        _quiet_close(printer)
        raise PrinterUnavailable(unreachable_message(profile), detail=repr(exc)) from exc
    return printer


def send(profile: PrinterProfile, data: bytes) -> None:
    """Send ready-made ESC/POS ``data`` to the printer and close the connection.

    Raises :class:`PrinterUnavailable` when the printer cannot be reached or the
    write fails part way; nothing is retried here (see :class:`PrintQueue`).
    """
    printer = open_printer(profile)
    try:
        printer._raw(data)
        printer.close()
    except Exception as exc:
        _quiet_close(printer)
        raise PrinterUnavailable(unreachable_message(profile), detail=repr(exc)) from exc


def _quiet_close(printer: Any) -> None:
    """Close a connection after an error, ignoring a second error."""
    with contextlib.suppress(Exception):  # the first error is the one reported
        printer.close()
