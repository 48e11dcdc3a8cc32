"""Find the receipt printers this PC can reach: USB, serial ports, system printers, the local network.

Each finder returns :class:`FoundPrinter` rows the printer page offers to the seller; picking
one fills a :class:`~app.printing.profile.PrinterProfile`. Nothing here prints or changes a
device. A finder whose support is missing (no libusb, no CUPS) returns no rows and says why in
:class:`Discovery.notes`, so the page can tell the seller what to install.

The network scan is something the seller starts: it only knocks on port 9100 (raw ESC/POS) of
the addresses of one private or loopback network of at most :data:`MAX_HOSTS` hosts — by
default the /24 of this PC's own address — with a short timeout, a few at a time.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

import usb.core
from serial.tools import list_ports
from usb.backend import libusb1

from app.errors import ValidationError
from app.printing.profile import ConnectionKind, PrinterProfile

RAW_PORT = 9100
MAX_HOSTS = 256  # a /24 (plus its network and broadcast addresses)
CONNECT_TIMEOUT_S = 0.4
SCAN_WORKERS = 32
USB_PRINTER_CLASS = 7


@dataclass(frozen=True, slots=True)
class FoundPrinter:
    """A printer (or a port a printer may be on) found on this PC, ready to become a profile."""

    kind: ConnectionKind
    label: str
    usb_vendor_id: int | None = None
    usb_product_id: int | None = None
    host: str = ""
    port: int = RAW_PORT
    serial_device: str = ""
    os_printer: str = ""

    def apply_to(self, profile: PrinterProfile) -> PrinterProfile:
        """``profile`` pointed at this printer (paper, code page and the rest kept)."""
        return replace(profile, kind=self.kind, usb_vendor_id=self.usb_vendor_id,
                       usb_product_id=self.usb_product_id, host=self.host, port=self.port,
                       serial_device=self.serial_device, os_printer=self.os_printer)


@dataclass(slots=True)
class Discovery:
    """What one search found, and why a kind of printer could not be looked for."""

    printers: list[FoundPrinter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_local() -> Discovery:
    """USB printers, serial ports and system printers (fast; no network traffic)."""
    found = Discovery()
    for finder in (usb_printers, serial_ports, system_printers):
        try:
            found.printers.extend(finder())
        except MissingSupport as exc:
            found.notes.append(str(exc))
    return found


class MissingSupport(Exception):
    """A kind of printer cannot be searched for on this PC (the message says what is missing)."""


# ----- USB -----------------------------------------------------------------------------------


def _usb_backend() -> Any:
    """libusb through pyusb: the bundled libusb-package DLL on Windows/macOS, the system one on Linux."""
    try:
        import libusb_package  # noqa: PLC0415 (platform-specific: libusb-package is installed on Windows/macOS only)

        backend = libusb1.get_backend(find_library=libusb_package.find_library)
    except ImportError:
        backend = libusb1.get_backend()
    if backend is None:
        raise MissingSupport("Pencarian printer USB butuh libusb-1.0 (di Linux: paket libusb-1.0-0).")
    return backend


def _is_printer(device: Any) -> bool:
    """A USB device of the printer class, on the device or on any of its interfaces."""
    if getattr(device, "bDeviceClass", 0) == USB_PRINTER_CLASS:
        return True
    try:
        return any(i.bInterfaceClass == USB_PRINTER_CLASS for cfg in device for i in cfg)
    except Exception:  # a device we may not read the configuration of (no permission)
        return False


def _usb_label(device: Any) -> str:
    """``USB 0416:5011 Winbond POS58`` (names only when the device lets us read them)."""
    ids = f"USB {device.idVendor:04x}:{device.idProduct:04x}"
    try:
        names = " ".join(filter(None, (device.manufacturer, device.product)))
    except Exception:  # reading strings needs access to the device
        names = ""
    return f"{ids} {names}".strip()


def usb_printers() -> list[FoundPrinter]:
    """Printer-class USB devices (vendor and product id filled in)."""
    devices = usb.core.find(find_all=True, backend=_usb_backend()) or []
    return [FoundPrinter(ConnectionKind.USB, _usb_label(d), usb_vendor_id=int(d.idVendor),
                         usb_product_id=int(d.idProduct)) for d in devices if _is_printer(d)]


# ----- serial and system printers -------------------------------------------------------------


def serial_ports() -> list[FoundPrinter]:
    """Serial ports (USB-serial adapters, Bluetooth ``rfcomm``, ``COM3``) a printer may be on."""
    return [serial_row(port.device, port.description) for port in list_ports.comports()]


def serial_row(device: str, description: str) -> FoundPrinter:
    """One serial port as a row (the description only when it says more than the name)."""
    said = description if description and description not in {"n/a", device} else ""
    label = f"Serial {device}" + (f" ({said})" if said else "")
    return FoundPrinter(ConnectionKind.SERIAL, label, serial_device=device)


def system_printers() -> list[FoundPrinter]:
    """Printers installed in the operating system (Windows spooler, CUPS on Linux/macOS)."""
    if sys.platform == "win32":
        return [_os_row(name) for name in _windows_printers()]
    return [_os_row(name) for name in _cups_printers()]


def _os_row(name: str) -> FoundPrinter:
    return FoundPrinter(ConnectionKind.OS, f"Printer sistem {name}", os_printer=name)


def _windows_printers() -> list[str]:
    try:
        import win32print  # noqa: PLC0415 (platform-specific: pywin32 is installed on Windows only)
    except ImportError as exc:
        raise MissingSupport("Printer Windows butuh paket pywin32.") from exc
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [str(row[2]) for row in win32print.EnumPrinters(flags)]


def _cups_printers() -> list[str]:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        raise MissingSupport("Printer sistem tidak dicari: CUPS (perintah lpstat) tidak terpasang.")
    run = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=5, check=False)
    return [line.strip() for line in run.stdout.splitlines() if line.strip()]


# ----- network --------------------------------------------------------------------------------


def own_network() -> ipaddress.IPv4Network:
    """The /24 of this PC's address on its default route (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect only picks the outgoing interface
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return ipaddress.ip_network(f"{address}/24", strict=False)  # type: ignore[return-value]


def check_network(text: str) -> ipaddress.IPv4Network:
    """Parse a network the seller typed (``192.168.1.0/24``); only small local networks pass."""
    try:
        network = ipaddress.ip_network(text.strip(), strict=False)
    except ValueError as exc:
        raise ValidationError("Jaringan '{text}' tidak dikenali; tulis seperti 192.168.1.0/24.",
                              field="network", text=text) from exc
    if not isinstance(network, ipaddress.IPv4Network):
        raise ValidationError("Pencarian printer hanya untuk jaringan IPv4.", field="network")
    if not (network.is_private or network.is_loopback):
        raise ValidationError("Hanya jaringan lokal (mis. 192.168.x.x) yang boleh dicari.",
                              field="network")
    if network.num_addresses > MAX_HOSTS:
        raise ValidationError("Jaringan terlalu besar: paling banyak {most} alamat (/24).",
                              field="network", most=MAX_HOSTS)
    return network


def _answers(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def network_printers(network: ipaddress.IPv4Network, *, port: int = RAW_PORT,
                     timeout: float = CONNECT_TIMEOUT_S,
                     progress: Callable[[int, int], None] | None = None) -> list[FoundPrinter]:
    """Hosts of ``network`` (checked by :func:`check_network`) that accept a connection on ``port``."""
    network = check_network(str(network))
    hosts = [str(h) for h in _hosts(network)]
    found: list[FoundPrinter] = []
    with ThreadPoolExecutor(max_workers=SCAN_WORKERS) as pool:
        for done, (host, ok) in enumerate(zip(hosts, pool.map(
                lambda h: _answers(h, port, timeout), hosts), strict=True), start=1):
            if ok:
                found.append(FoundPrinter(ConnectionKind.NETWORK, f"Jaringan {host}:{port}",
                                          host=host, port=port))
            if progress is not None:
                progress(done, len(hosts))
    return found


def _hosts(network: ipaddress.IPv4Network) -> Iterable[ipaddress.IPv4Address]:
    """Usable addresses (a /31 or /32 has no network/broadcast pair to leave out)."""
    return network.hosts() if network.prefixlen < 31 else iter(network)
