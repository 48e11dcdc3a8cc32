"""Pengaturan → Printer: the receipt printer profile, print after each sale, and "Cetak uji"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.errors import UserError
from app.printing.discovery import FoundPrinter
from app.printing.profile import CODE_PAGES, ConnectionKind, PrinterProfile, QrMode, parse_usb_id
from app.printing.service import AFTER_SALE_KEY, PrintService, load_profile, set_profile
from ui.admin.approval import ask_owner
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.printing.discovery_dialog import PrinterSearchDialog
from ui.printing.errors import error_text
from ui.printing.printer import notify_profile_changed
from ui.worker import run_task

CONTEXT = "PrinterSettingsTab"  # the choices' labels are translated in _combo
NO_PRINTER = "none"
KINDS: tuple[tuple[str, str], ...] = (
    (NO_PRINTER, QT_TRANSLATE_NOOP("PrinterSettingsTab", "Tanpa printer (pratinjau & PDF saja)")),
    (ConnectionKind.USB.value, "USB"),
    (ConnectionKind.NETWORK.value, QT_TRANSLATE_NOOP("PrinterSettingsTab", "Jaringan (LAN / Wi-Fi)")),
    (ConnectionKind.SERIAL.value,
     QT_TRANSLATE_NOOP("PrinterSettingsTab", "Serial / Bluetooth (COM, rfcomm)")),
    (ConnectionKind.OS.value,
     QT_TRANSLATE_NOOP("PrinterSettingsTab", "Printer sistem (CUPS / Windows)")),
    (ConnectionKind.FILE.value, QT_TRANSLATE_NOOP("PrinterSettingsTab", "Berkas (untuk uji)")),
)
QR_MODES: tuple[tuple[str, str], ...] = (
    (QrMode.IMAGE.value,
     QT_TRANSLATE_NOOP("PrinterSettingsTab", "Gambar (cocok untuk semua printer)")),
    (QrMode.NATIVE.value, QT_TRANSLATE_NOOP(
        "PrinterSettingsTab", "Perintah printer (lebih tajam; tidak semua printer bisa)")),
)
DRAWERS: tuple[tuple[int | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("PrinterSettingsTab", "Tidak ada laci uang")),
    (2, QT_TRANSLATE_NOOP("PrinterSettingsTab", "Pin 2 (umum)")),
    (5, "Pin 5"),
)
PAPERS: tuple[tuple[int, str], ...] = (
    (58, QT_TRANSLATE_NOOP("PrinterSettingsTab", "58 mm (32 kolom)")),
    (80, QT_TRANSLATE_NOOP("PrinterSettingsTab", "80 mm (48 kolom)")),
)
BAUDS = ("9600", "19200", "38400", "57600", "115200")
SERIAL_PORTS = ("/dev/ttyUSB0", "/dev/ttyACM0", "/dev/rfcomm0", "COM3")


def _combo(items: tuple[tuple[object, str], ...], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for data, label in items:
        combo.addItem(QCoreApplication.translate(CONTEXT, label), data)
    return combo


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


class PrinterSettingsTab(QWidget):
    """Edit the printer profile stored in the shop settings; test it with "Cetak uji"."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = PrintService(ctx.db)
        self.name = QLineEdit()
        self.kind = _combo(KINDS, "printerKind")
        self.pages = QStackedWidget()
        self.usb_vendor = QLineEdit()
        self.usb_product = QLineEdit()
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.serial_device = QComboBox()
        self.baudrate = QComboBox()
        self.os_printer = QComboBox()
        self.file_path = QLineEdit()
        self.paper = _combo(PAPERS, "paper")
        self.code_page = _combo(tuple((c, c) for c in CODE_PAGES), "codePage")
        self.qr_mode = _combo(QR_MODES, "qrMode")
        self.cutter = QCheckBox(self.tr("Printer punya pemotong kertas otomatis"))
        self.drawer = _combo(DRAWERS, "drawerPin")
        self.pulse = QSpinBox()
        self.after_sale = QCheckBox(self.tr("Cetak struk setelah setiap penjualan"))
        self.status = QLabel()
        self.test_button = QPushButton(self.tr("Cetak uji"))
        self.search_button = QPushButton(self.tr("Cari printer…"))
        self.search_button.setObjectName("searchPrinters")
        self.search_button.clicked.connect(self.on_search)
        self.save_button = QPushButton(self.tr("Simpan"))
        self._build()
        self.load()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self._setup_fields()
        printer_box = QGroupBox(self.tr("Printer struk"))
        form = QFormLayout(printer_box)
        form.addRow(self.tr("Nama"), self.name)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.search_button)
        form.addRow(self.tr("Sambungan"), kind_row)
        form.addRow(self.pages)
        for page in (self._no_printer_page(), self._usb_page(), self._network_page(),
                     self._serial_page(), self._os_page(), self._file_page()):
            self.pages.addWidget(page)
        paper_box = QGroupBox(self.tr("Kertas dan perlengkapan"))
        paper_form = QFormLayout(paper_box)
        paper_form.addRow(self.tr("Lebar kertas"), self.paper)
        paper_form.addRow(self.tr("Code page"), self.code_page)
        paper_form.addRow(self.tr("Kode QR"), self.qr_mode)
        paper_form.addRow(self.cutter)
        drawer_row = QHBoxLayout()
        drawer_row.addWidget(self.drawer, 1)
        drawer_row.addWidget(QLabel(self.tr("Lama pulsa")))
        drawer_row.addWidget(self.pulse)
        paper_form.addRow(self.tr("Laci uang"), drawer_row)
        paper_form.addRow(self.after_sale)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(printer_box)
        layout.addWidget(paper_box)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _setup_fields(self) -> None:
        self.name.setObjectName("printerName")
        self.usb_vendor.setObjectName("usbVendor")
        self.usb_vendor.setPlaceholderText("0416")
        self.usb_product.setObjectName("usbProduct")
        self.usb_product.setPlaceholderText("5011")
        self.host.setObjectName("host")
        self.host.setPlaceholderText("192.168.1.87")
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.serial_device.setEditable(True)
        self.serial_device.addItems(SERIAL_PORTS)
        self.serial_device.setCurrentIndex(-1)
        line = self.serial_device.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("/dev/ttyUSB0 atau COM3"))
        self.baudrate.addItems(BAUDS)
        self.os_printer.setObjectName("osPrinter")
        self.os_printer.setEditable(True)
        self.os_printer.addItems(QPrinterInfo.availablePrinterNames())
        self.file_path.setObjectName("filePath")
        self.pulse.setRange(10, 510)
        self.pulse.setSingleStep(10)
        self.pulse.setSuffix(" ms")
        self.status.setObjectName("printerStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button.setObjectName("testPrint")
        self.save_button.setObjectName("savePrinter")
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.kind.currentIndexChanged.connect(self._enable_fields)
        self.drawer.currentIndexChanged.connect(self._enable_fields)
        self.test_button.clicked.connect(self.on_test_print)
        self.save_button.clicked.connect(self.on_save)

    def _page(self, rows: list[tuple[str, QWidget]], hint: str = "") -> QWidget:
        """A connection page: labelled rows and a hint (both translated by the caller)."""
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in rows:
            form.addRow(label, widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setObjectName("hint")
            form.addRow(note)
        return page

    def _no_printer_page(self) -> QWidget:
        return self._page([], self.tr("Setelah penjualan, struk ditampilkan di layar; dari sana "
                                      "bisa disimpan sebagai PDF untuk dikirim lewat WhatsApp."))

    def _usb_page(self) -> QWidget:
        return self._page([(self.tr("Vendor ID"), self.usb_vendor),
                           (self.tr("Product ID"), self.usb_product)],
                          self.tr("Empat digit heksadesimal dari `lsusb` (Linux) atau Device "
                                  "Manager (Windows), atau tekan Cari printer…. Di Linux perlu "
                                  "aturan udev (tombol Izinkan akses USB di Cari printer)."))

    def _network_page(self) -> QWidget:
        return self._page([(self.tr("Alamat IP"), self.host), (self.tr("Port"), self.port)],
                          self.tr("Printer LAN/Wi-Fi biasanya memakai port 9100. Cetak halaman "
                                  "konfigurasi printer untuk melihat alamat IP-nya."))

    def _serial_page(self) -> QWidget:
        return self._page([(self.tr("Port"), self.serial_device),
                           (self.tr("Baud"), self.baudrate)],
                          self.tr("Printer Bluetooth dipasangkan dulu di sistem, lalu pakai port "
                                  "COM-nya (Windows) atau /dev/rfcomm0 (Linux)."))

    def _os_page(self) -> QWidget:
        return self._page([(self.tr("Nama printer"), self.os_printer)],
                          self.tr("Printer harus dipasang sebagai printer RAW (tanpa driver "
                                  "gambar) di CUPS atau Windows."))

    def _file_page(self) -> QWidget:
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self._browse_file)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.file_path, 1)
        line.addWidget(browse)
        return self._page([(self.tr("Berkas"), row)],
                          self.tr("Data ESC/POS ditulis ke berkas ini (untuk uji)."))

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Berkas keluaran printer"),
                                              self.file_path.text())
        if path:
            self.file_path.setText(path)

    def _enable_fields(self) -> None:
        has_printer = self.kind.currentData() != NO_PRINTER
        for widget in (self.paper, self.code_page, self.qr_mode, self.cutter, self.drawer,
                       self.test_button):
            widget.setEnabled(has_printer)
        self.pulse.setEnabled(has_printer and self.drawer.currentData() is not None)

    # -- load / save -------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the form from the stored profile (defaults when none)."""
        with self.ctx.db.read() as session:
            try:
                stored = load_profile(session)
            except UserError as exc:
                stored = None
                self._say(error_text(exc), error=True)
            self.after_sale.setChecked(bool(settings.get(session, AFTER_SALE_KEY)))
        self.show_profile(stored)

    def show_profile(self, stored: PrinterProfile | None) -> None:
        """Put ``stored`` (or the defaults with "Tanpa printer") into the fields."""
        profile = stored or PrinterProfile()
        self.name.setText(profile.name)
        _select(self.kind, profile.kind.value if stored else NO_PRINTER)
        self.pages.setCurrentIndex(self.kind.currentIndex())
        self.usb_vendor.setText(_hex(profile.usb_vendor_id))
        self.usb_product.setText(_hex(profile.usb_product_id))
        self.host.setText(profile.host)
        self.port.setValue(profile.port)
        self.serial_device.setCurrentText(profile.serial_device)
        self.baudrate.setCurrentText(str(profile.baudrate))
        self.os_printer.setCurrentText(profile.os_printer)
        self.file_path.setText(profile.file_path)
        _select(self.paper, profile.paper_mm)
        _select(self.code_page, profile.code_page)
        _select(self.qr_mode, profile.qr_mode.value)
        self.cutter.setChecked(profile.has_cutter)
        _select(self.drawer, profile.drawer_pin)
        self.pulse.setValue(profile.drawer_pulse_ms)
        self._enable_fields()

    def on_search(self) -> PrinterSearchDialog:
        """Open "Cari printer"; the printer picked there fills the connection fields."""
        dialog = PrinterSearchDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_chosen.connect(self.on_found)
        dialog.open()
        return dialog

    def on_found(self, found: FoundPrinter) -> None:
        """Point the form at a found printer (paper, code page and the rest stay as they are)."""
        _select(self.kind, found.kind.value)
        self.pages.setCurrentIndex(self.kind.currentIndex())
        self.usb_vendor.setText(_hex(found.usb_vendor_id))
        self.usb_product.setText(_hex(found.usb_product_id))
        self.host.setText(found.host)
        self.port.setValue(found.port)
        self.serial_device.setCurrentText(found.serial_device)
        self.os_printer.setCurrentText(found.os_printer)
        self._enable_fields()
        self._say(self.tr("Dipilih: %s. Tekan Cetak uji, lalu Simpan.") % found.label)

    def profile(self) -> PrinterProfile | None:
        """The profile in the form (None for "Tanpa printer"); raises ValidationError."""
        kind = str(self.kind.currentData())
        if kind == NO_PRINTER:
            return None
        profile = PrinterProfile(
            name=self.name.text().strip() or "Printer kasir", kind=ConnectionKind(kind),
            usb_vendor_id=parse_usb_id(self.usb_vendor.text(), "usb_vendor_id"),
            usb_product_id=parse_usb_id(self.usb_product.text(), "usb_product_id"),
            host=self.host.text().strip(), port=self.port.value(),
            serial_device=self.serial_device.currentText().strip(),
            baudrate=int(self.baudrate.currentText()),
            os_printer=self.os_printer.currentText().strip(),
            file_path=self.file_path.text().strip(), paper_mm=int(self.paper.currentData()),
            code_page=str(self.code_page.currentData()),
            qr_mode=QrMode(str(self.qr_mode.currentData())), has_cutter=self.cutter.isChecked(),
            drawer_pin=self.drawer.currentData(), drawer_pulse_ms=self.pulse.value(),
        )
        profile.check_connection_fields()
        return profile

    def on_save(self) -> None:
        """Check the form and store it (one transaction); a mistake is shown next to the buttons."""
        try:
            profile = self.profile()
            changed = self._changes_printer(profile)
            owner_pin = ask_owner(self, self.ctx, "printer") if changed else None
            if changed and owner_pin is None:
                self._say(self.tr("Tidak disimpan: printer hanya diubah oleh pemilik."), error=True)
                return
            with self.ctx.db.unit_of_work() as session:
                if changed:
                    set_profile(session, self.ctx.user_id, profile, owner_pin)
                settings.set_value(session, AFTER_SALE_KEY, self.after_sale.isChecked())
        except UserError as exc:
            self._say(error_text(exc), error=True)
            self._focus_field(getattr(exc, "field", None))
            return
        self._say(self.tr("Tersimpan."))
        self.ctx.signals.sig_status.emit(self.tr("Pengaturan printer disimpan"))
        notify_profile_changed()

    def _changes_printer(self, profile: PrinterProfile | None) -> bool:
        """Whether saving would change where receipts go (a broken stored profile: yes)."""
        try:
            with self.ctx.db.read() as session:
                return profile != load_profile(session)
        except UserError:
            return True

    def on_test_print(self) -> None:
        """Send the test page to the printer in the form, off the GUI thread."""
        try:
            profile = self.profile()
        except UserError as exc:
            self._say(error_text(exc), error=True)
            self._focus_field(getattr(exc, "field", None))
            return
        if profile is None:
            self._say(self.tr("Pilih sambungan printer dulu."), error=True)
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Mengirim halaman uji ke %s…") % profile.describe())
        run_task(lambda _progress: self._send_test_page(profile), on_done=self._test_done,
                 on_error=self._test_failed, owner=self)

    def _send_test_page(self, profile: PrinterProfile) -> str:
        """Worker thread: send the page; returns where it went."""
        self.service.test_print(profile)
        return profile.describe()

    def _test_done(self, where: str) -> None:
        self.test_button.setEnabled(True)
        self._say(self.tr("Cetak uji terkirim ke %s. Periksa kertasnya: deretan angka harus "
                          "pas satu baris dan kode QR harus terbaca.") % where)

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._say(self.tr("Cetak uji gagal: %s") % error_text(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet("color: #b3261e;" if error else "color: #1b5e20;")

    def _focus_field(self, field: str | None) -> None:
        widgets: dict[str, QWidget] = {
            "usb_vendor_id": self.usb_vendor, "usb_product_id": self.usb_product,
            "host": self.host, "port": self.port, "serial_device": self.serial_device,
            "file_path": self.file_path, "drawer_pulse_ms": self.pulse,
        }
        widget = widgets.get(field or "")
        if widget is not None:
            widget.setFocus()


def _hex(value: int | None) -> str:
    return "" if value is None else f"{value:04x}"
