"""Helpers for receipt tests: fixed receipts and an ESC/POS decoder for assertions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.receipts.layout import (
    PaymentMethod,
    PaymentStatus,
    PpnInfo,
    Receipt,
    ReceiptLine,
    ReceiptPayment,
    TransferDetails,
)
from app.receipts.samples import sample_qris_payload

LONG_NAME = "Minyak Goreng Sania Pouch 2 Liter Refill Hemat Isi Ulang"


def _line(name: str, qty: str, unit: str, price: int, discount: int = 0) -> ReceiptLine:
    q = Decimal(qty)
    total = int((q * price).quantize(Decimal(1))) - discount
    return ReceiptLine(name, q, unit, price, discount, total)


LINES = (
    _line(LONG_NAME, "2", "pcs", 35_000, 5_000),
    _line("Kopi Susu Gula Aren", "1", "pcs", 12_500),
    _line("Gula Pasir Curah", "1.5", "kg", 16_000),
    _line("Kafé “Enak” – Roti Bakar ½ Loyang 🍞", "1", "pcs", 22_000),
    _line("Batik Tulis Khas Suroboyo Katun Primisima", "1", "lembar", 1_250_000, 50_000),
)
SUBTOTAL = sum(line.total for line in LINES)
TOTAL = SUBTOTAL - 2_000


def make_cash_qris_receipt() -> Receipt:
    """Split payment: Rp100.000 cash now (opens the drawer), the rest by QRIS, pending."""
    rest = TOTAL - 100_000
    return Receipt(
        shop_name="Toko Berkah Jaya", address="Jl. Kertajaya Indah No. 12, Surabaya",
        phone="0812-3456-7890", order_number="K1-20261128-0042",
        created_at=datetime(2026, 11, 28, 14, 5), cashier="Sari", lines=LINES,
        subtotal=SUBTOTAL, total=TOTAL, order_discount=2_000,
        ppn=PpnInfo("PPN 12% (DPP 11/12)", TOTAL * 11 // 111),
        payments=(ReceiptPayment("Tunai", 100_000, PaymentStatus.CONFIRMED, PaymentMethod.CASH),
                  ReceiptPayment("QRIS", rest, PaymentStatus.PENDING, PaymentMethod.QRIS)),
        tendered=100_000, change=0, qris_payload=sample_qris_payload(rest),
        footer="Terima kasih atas kunjungan Anda!\nBarang yang sudah dibeli tidak dapat ditukar.",
    )


def make_transfer_receipt() -> Receipt:
    """A booth order paid by bank transfer with a kode unik, also offering QRIS."""
    due = TOTAL + 123
    return Receipt(
        shop_name="Batik Kenjeran Sari Mulya Surabaya", address="Stand 14, Balai Pemuda",
        phone="031-555-0101", npwp="0123456789012345", order_number="K2-20261128-0007",
        created_at=datetime(2026, 11, 28, 9, 30), cashier="Budi", channel="Pameran PEKEN",
        lines=LINES, subtotal=SUBTOTAL, total=TOTAL, order_discount=2_000,
        payments=(ReceiptPayment("Transfer BCA", due, PaymentStatus.PENDING,
                                 PaymentMethod.TRANSFER),),
        transfer=TransferDetails("BCA", "1234567890", "Sari Wulandari", due, 123),
        qris_payload=sample_qris_payload(TOTAL), footer="Terima kasih!",
    )


@dataclass
class Decoded:
    """Text lines (with their style) and the commands found in ESC/POS bytes."""

    lines: list[tuple[str, str, str, bool]] = field(default_factory=list)  # text, size, align, bold
    commands: list[bytes] = field(default_factory=list)
    raster_widths: list[int] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Just the text of each line."""
        return [line[0] for line in self.lines]


_SIZES = {0x00: "normal", 0x10: "tall", 0x30: "double", 0x20: "wide"}
_ALIGNS = {0: "left", 1: "center", 2: "right"}


def decode_escpos(data: bytes) -> Decoded:
    """Split ESC/POS bytes into printed text lines and commands (raises on unknown ones)."""
    out, i, text = Decoded(), 0, bytearray()
    size, align, bold = "normal", "left", False
    while i < len(data):
        byte = data[i]
        if byte == 0x0A:
            out.lines.append((text.decode("cp437"), size, align, bold))
            text.clear()
            i += 1
        elif byte == 0x1B:
            cmd = data[i + 1]
            length = {0x40: 2, 0x74: 3, 0x21: 3, 0x45: 3, 0x61: 3, 0x64: 3, 0x70: 5}[cmd]
            arg = data[i + 2] if length > 2 else 0
            size = _SIZES[arg] if cmd == 0x21 else size
            bold = False if cmd == 0x21 else (bool(arg) if cmd == 0x45 else bold)
            align = _ALIGNS[arg] if cmd == 0x61 else align
            out.commands.append(data[i:i + length])
            i += length
        elif byte == 0x1D:
            i = _decode_gs(data, i, out)
        else:
            text.append(byte)
            i += 1
    return out


def _decode_gs(data: bytes, i: int, out: Decoded) -> int:
    cmd = data[i + 1]
    if cmd == ord("V"):
        length = 3 if data[i + 2] in (0, 1) else 4
    elif cmd == ord("("):
        length = 5 + data[i + 3] + 256 * data[i + 4]
    elif cmd == ord("v"):
        width = data[i + 4] + 256 * data[i + 5]
        height = data[i + 6] + 256 * data[i + 7]
        out.raster_widths.append(width)
        length = 8 + width * height
    else:
        raise AssertionError(f"unknown GS command {data[i:i + 4]!r}")
    out.commands.append(data[i:i + min(length, 8)])
    return i + length
