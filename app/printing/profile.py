"""Printer profiles: how to reach a receipt printer and what it can do.

A profile is stored as JSON in the shop settings (:meth:`PrinterProfile.to_dict`
/ :meth:`PrinterProfile.from_dict`); bad stored values raise
:class:`~app.errors.ValidationError` with an Indonesian message.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import Enum
from typing import Any

from app.errors import ValidationError

# ESC t numbers of the code pages offered in the settings (escpos-printer-db "default").
CODE_PAGES: dict[str, int] = {"CP437": 0, "CP850": 2, "CP858": 19, "CP1252": 16}
PAPER_COLUMNS: dict[int, int] = {58: 32, 80: 48}
PAPER_DOTS: dict[int, int] = {58: 384, 80: 576}
DRAWER_PINS = (2, 5)


class ConnectionKind(str, Enum):
    """How the printer is reached."""

    USB = "usb"
    NETWORK = "network"
    SERIAL = "serial"
    OS = "os"
    FILE = "file"


class QrMode(str, Enum):
    """QR by the printer's own ``GS ( k`` command, or as a raster image (works everywhere)."""

    NATIVE = "native"
    IMAGE = "image"


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """One configured receipt printer (Pengaturan → Printer)."""

    name: str = "Printer kasir"
    kind: ConnectionKind = ConnectionKind.USB
    usb_vendor_id: int | None = None
    usb_product_id: int | None = None
    host: str = ""
    port: int = 9100
    serial_device: str = ""
    baudrate: int = 9600
    os_printer: str = ""
    file_path: str = ""
    paper_mm: int = 58
    columns_override: int | None = None
    code_page: str = "CP437"
    qr_mode: QrMode = QrMode.IMAGE
    has_cutter: bool = False
    drawer_pin: int | None = None
    drawer_pulse_ms: int = 100
    logo: bool = True
    timeout_s: float = 5.0

    def __post_init__(self) -> None:
        """Check values that the renderers and connections rely on."""
        if self.paper_mm not in PAPER_COLUMNS:
            raise ValidationError("Lebar kertas harus 58 atau 80 mm.", field="paper_mm")
        if self.code_page not in CODE_PAGES:
            names = ", ".join(CODE_PAGES)
            raise ValidationError("Code page harus salah satu dari: {names}.", field="code_page",
                                  names=names)
        if self.drawer_pin is not None and self.drawer_pin not in DRAWER_PINS:
            raise ValidationError("Pin laci uang harus 2 atau 5.", field="drawer_pin")
        if not 10 <= self.drawer_pulse_ms <= 510:
            raise ValidationError("Lama pulsa laci harus 10–510 ms.", field="drawer_pulse_ms")
        if not 1 <= self.port <= 65535:
            raise ValidationError("Port printer harus 1–65535.", field="port")
        if self.columns_override is not None and not 16 <= self.columns_override <= 64:
            raise ValidationError("Jumlah kolom harus 16–64.", field="columns_override")

    @property
    def columns(self) -> int:
        """Characters per line in font A (32 on 58 mm, 48 on 80 mm, unless overridden)."""
        return self.columns_override or PAPER_COLUMNS[self.paper_mm]

    @property
    def dots(self) -> int:
        """Printable width in dots at 203 dpi (384 on 58 mm, 576 on 80 mm)."""
        return PAPER_DOTS[self.paper_mm]

    @property
    def encoding(self) -> str:
        """The Python codec of the code page (``cp437``)."""
        return self.code_page.lower()

    def describe(self) -> str:
        """Where the printer is, in words for the seller."""
        if self.kind is ConnectionKind.NETWORK:
            return f"{self.host}:{self.port}"
        if self.kind is ConnectionKind.USB:
            return f"USB {_hex(self.usb_vendor_id)}:{_hex(self.usb_product_id)}"
        if self.kind is ConnectionKind.SERIAL:
            return f"{self.serial_device} ({self.baudrate} baud)"
        if self.kind is ConnectionKind.OS:
            return f"printer sistem '{self.os_printer or 'bawaan'}'"
        return f"berkas {self.file_path}"

    def check_connection_fields(self) -> None:
        """Raise :class:`ValidationError` when the fields for ``kind`` are missing."""
        if self.kind is ConnectionKind.USB and (
            self.usb_vendor_id is None or self.usb_product_id is None
        ):
            raise ValidationError(
                "Isi Vendor ID dan Product ID printer USB (lihat `lsusb`).", field="usb_vendor_id"
            )
        if self.kind is ConnectionKind.NETWORK and not self.host.strip():
            raise ValidationError("Isi alamat IP printer jaringan.", field="host")
        if self.kind is ConnectionKind.SERIAL and not self.serial_device.strip():
            raise ValidationError("Isi port serial printer (mis. /dev/ttyUSB0 atau COM3).",
                                  field="serial_device")
        if self.kind is ConnectionKind.FILE and not self.file_path.strip():
            raise ValidationError("Isi lokasi berkas keluaran printer.", field="file_path")

    def with_changes(self, **changes: Any) -> PrinterProfile:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict for the settings table."""
        data = asdict(self)
        data["kind"] = self.kind.value
        data["qr_mode"] = self.qr_mode.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PrinterProfile:
        """Rebuild a profile from :meth:`to_dict` output; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        try:
            if "kind" in values:
                values["kind"] = ConnectionKind(values["kind"])
            if "qr_mode" in values:
                values["qr_mode"] = QrMode(values["qr_mode"])
        except ValueError as exc:
            raise ValidationError("Pengaturan printer tidak dikenal: {exc}.", exc=exc) from exc
        for key in ("usb_vendor_id", "usb_product_id"):
            if key in values:
                values[key] = parse_usb_id(values[key], key)
        for key in ("port", "baudrate", "paper_mm", "drawer_pulse_ms"):
            if key in values:
                values[key] = _as_int(values[key], key)
        for key in ("drawer_pin", "columns_override"):
            if key in values:
                raw = values[key]
                values[key] = None if raw in (None, "") else _as_int(raw, key)
        return cls(**values)


def parse_usb_id(value: object, field: str = "usb_vendor_id") -> int | None:
    """A USB id from an int or hex text as `lsusb` shows it (``0416``, ``0x0416``)."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip().lower().removeprefix("0x")
        try:
            number = int(text, 16)
        except ValueError as exc:
            raise ValidationError(
                "ID USB '{value}' tidak sah: tulis 4 digit heksadesimal seperti 0416.", field=field,
                value=value,
            ) from exc
    if not 0 <= number <= 0xFFFF:
        raise ValidationError("ID USB '{value}' di luar rentang 0000–ffff.", field=field, value=value)
    return number


def _as_int(value: object, field: str) -> int:
    """An int setting stored as a number or text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError as exc:
        raise ValidationError("Nilai '{value}' untuk {field_name} harus bilangan bulat.", field=field,
                              value=value, field_name=field) from exc


def _hex(value: int | None) -> str:
    """``0416`` or ``????`` when unset."""
    return "????" if value is None else f"{value:04x}"
