"""Screenshots of the first-run wizard (each step) and "Cari printer" for docs/screenshots.

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The wizard is shown
on a brand-new shop file in a temporary folder (the demo shop already has an owner), filled
in as a new seller would; "Cari printer" shows sample rows of each kind instead of what the
PC that renders happens to see. Render only these with
``python -m ui.screenshots docs/screenshots first_run_ printer_search``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QThreadPool

from app.db import open_database
from app.demo import DEMO_QRIS
from app.first_run import Step
from app.printing.discovery import Discovery, FoundPrinter
from app.printing.profile import ConnectionKind
from ui import screenshots
from ui.context import AppContext
from ui.first_run.pages import OwnerPage, PaymentPage, PekenPage, PrinterPage, ShopPage
from ui.first_run.wizard import FirstRunWizard
from ui.printing.discovery_dialog import PrinterSearchDialog

Render = Callable[[AppContext, Path], None]
SAMPLE_FOUND = (
    FoundPrinter(ConnectionKind.USB, "USB 0416:5011 — POS58 Printer", usb_vendor_id=0x0416,
                 usb_product_id=0x5011),
    FoundPrinter(ConnectionKind.SERIAL, "Serial /dev/ttyUSB0 — USB-Serial CH340",
                 serial_device="/dev/ttyUSB0"),
    FoundPrinter(ConnectionKind.OS, "Printer sistem: EPSON_TM-T82", os_printer="EPSON_TM-T82"),
    FoundPrinter(ConnectionKind.NETWORK, "Jaringan 192.168.1.87:9100", host="192.168.1.87"),
)


@contextmanager
def new_shop() -> Iterator[AppContext]:
    """A brand-new shop file (no users) in a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "toko-baru.sqlite")
        try:
            yield AppContext(db=database)
        finally:
            database.close()


def _wizard_at(step: Step, fill: Callable[[FirstRunWizard], None], file_name: str) -> Render:
    def render(_ctx: AppContext, out_dir: Path) -> None:
        with new_shop() as ctx:
            wizard = FirstRunWizard(ctx, Step.SHOP)
            index = next(i for i, page in enumerate(wizard.pages) if page.step is step)
            wizard._show_page(index)
            fill(wizard)
            screenshots.save_window(wizard, out_dir / file_name)

    return render


def _shop(wizard: FirstRunWizard) -> None:
    page = wizard.page()
    assert isinstance(page, ShopPage)
    page.name.setText("Toko Berkah Jaya")
    page.address.setText("Jl. Darmo Permai 12, Surabaya")


def _owner(wizard: FirstRunWizard) -> None:
    page = wizard.page()
    assert isinstance(page, OwnerPage)
    page.name.setText("Siti Rahayu")
    page.pin.setText("2468")
    page.pin_again.setText("2469")
    wizard.error.setText(wizard.tr("Kedua PIN tidak sama. Ketik PIN yang sama dua kali."))


def _payment(wizard: FirstRunWizard) -> None:
    page = wizard.page()
    assert isinstance(page, PaymentPage)
    page.number.setText("1234567890")
    page.holder.setText("SITI RAHAYU")
    page.payload.setText(DEMO_QRIS)
    page.payload.setCursorPosition(0)


def _printer(wizard: FirstRunWizard) -> None:
    page = wizard.page()
    assert isinstance(page, PrinterPage)
    page.on_found(SAMPLE_FOUND[0])


def _peken(wizard: FirstRunWizard) -> None:
    page = wizard.page()
    assert isinstance(page, PekenPage)
    page.url.setText("https://peken.surabaya.go.id")
    page.code.setText("KX7P-93QD")
    page.device_name.setText("Kasir depan")


def render_printer_search(_ctx: AppContext, out_dir: Path) -> None:
    """"Cari printer" with one row of each kind, after a network scan."""
    dialog = PrinterSearchDialog()
    QThreadPool.globalInstance().waitForDone(10_000)  # this PC's own search ends first
    screenshots.settle()
    dialog.rows.clear()
    dialog._add_found(Discovery(list(SAMPLE_FOUND)))
    dialog.network.setText("192.168.1.0/24")
    dialog.notes.setText(dialog.tr("%n printer jaringan ditemukan.", "", 1))
    dialog.rows.setCurrentRow(0)
    screenshots.save_window(dialog, out_dir / "printer_search.png")


SCREENS: list[tuple[str, Render]] = [
    ("first_run_1_toko.png", _wizard_at(Step.SHOP, _shop, "first_run_1_toko.png")),
    ("first_run_2_pemilik.png", _wizard_at(Step.OWNER, _owner, "first_run_2_pemilik.png")),
    ("first_run_3_pembayaran.png", _wizard_at(Step.PAYMENT, _payment, "first_run_3_pembayaran.png")),
    ("first_run_4_printer.png", _wizard_at(Step.PRINTER, _printer, "first_run_4_printer.png")),
    ("first_run_5_peken.png", _wizard_at(Step.PEKEN, _peken, "first_run_5_peken.png")),
    ("printer_search.png", render_printer_search),
]
