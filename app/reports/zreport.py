"""The Z report of a closed shift as fixed-width text (32 columns on 58 mm, 48 on 80 mm),
and the ESC/POS bytes to print it on a receipt printer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.clock import local, zone_label
from app.money import format_rupiah
from app.reports.figures import METHOD_LABELS

if TYPE_CHECKING:
    from app.shifts import ShiftCash

WIDTHS = (32, 48)


def _pair(left: str, right: str, width: int) -> str:
    room = width - len(right) - 1
    return f"{left[:room]:<{room}} {right}"


def _center(text: str, width: int) -> str:
    return text[:width].center(width).rstrip()


def _when(cash: ShiftCash, width: int) -> list[str]:
    fmt = f"%d/%m/%Y %H:%M {zone_label()}"
    return [_pair("Buka", local(cash.opened_at).strftime(fmt), width),
            _pair("Tutup", local(cash.until).strftime(fmt), width)]


def _count_lines(counts: dict[str, int], width: int) -> list[str]:
    from app.shifts import DENOMINATIONS

    lines = []
    for d in DENOMINATIONS:
        pieces = counts.get(d.key, 0)
        if pieces:
            lines.append(_pair(f"{d.label} x {pieces}", format_rupiah(d.value * pieces), width))
    return lines or ["(tidak ada uang di laci)"]


def _difference(diff: int, width: int) -> str:
    if diff == 0:
        return _pair("SELISIH", "Rp0 (PAS)", width)
    word = "LEBIH" if diff > 0 else "KURANG"
    sign = "+" if diff > 0 else ""
    return _pair(f"SELISIH ({word})", sign + format_rupiah(diff), width)


def render_z_report(
    cash: ShiftCash, counts: dict[str, int], counted_cash: int, *, width: int = 32,
    shop_name: str = "", cashier: str = "", closed_by: str = "", note: str = "",
) -> str:
    """The Z report text: orders, money by method, expected vs counted cash and the difference."""
    if width not in WIDTHS:
        raise ValueError(f"width must be one of {WIDTHS}")
    rule = "-" * width
    lines = [_center(shop_name.upper(), width)] if shop_name else []
    lines += [_center("LAPORAN Z - TUTUP SHIFT", width), rule,
              _pair("Shift", f"#{cash.shift_id}", width)]
    if cashier:
        lines.append(_pair("Kasir", cashier, width))
    lines += [*_when(cash, width), rule,
              _pair("Pesanan lunas", str(cash.orders), width),
              _pair("Retur", str(cash.refunds), width),
              _pair("Batal/kedaluwarsa", str(cash.voided), width),
              _pair("Masih tertunda", str(cash.pending), width), rule, "UANG MASUK PER METODE"]
    lines += [_pair(label, format_rupiah(cash.by_method.get(m, 0)), width)
              for m, label in METHOD_LABELS.items()]
    lines += [_pair("Kode unik transfer", format_rupiah(cash.unique_codes), width),
              _pair("Total bersih", format_rupiah(cash.net_sales + cash.unique_codes), width),
              rule, "KAS DI LACI",
              _pair("Modal awal", format_rupiah(cash.opening_cash), width),
              _pair("Penjualan tunai", format_rupiah(cash.cash_sales), width),
              _pair("  termasuk pembulatan", format_rupiah(cash.rounding), width),
              _pair("Retur tunai", format_rupiah(-cash.cash_refunds), width),
              _pair("Seharusnya", format_rupiah(cash.expected_cash), width), rule, "HITUNG UANG",
              *_count_lines(counts, width),
              _pair("Dihitung", format_rupiah(counted_cash), width), rule,
              _difference(counted_cash - cash.expected_cash, width), rule]
    if closed_by:
        lines.append(f"Ditutup oleh: {closed_by}"[:width])
    if note.strip():
        lines += _wrap(f"Catatan: {note.strip()}", width)
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
        else:
            if current:
                lines.append(current)
            current = word[:width]
    if current:
        lines.append(current)
    return lines


def z_report_escpos(text: str, encoding: str = "cp437", *, cut: bool = True) -> bytes:
    """ESC/POS bytes printing the Z report text in font A, then feed (and cut)."""
    body = text.encode(encoding, errors="replace")
    data = b"\x1b@" + body + b"\n\n\n\n"
    return data + (b"\x1dV\x42\x00" if cut else b"")
