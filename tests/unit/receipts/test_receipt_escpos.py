"""ESC/POS output: golden bytes from python-escpos Dummy plus decoded layout properties."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from receipt_helpers import LONG_NAME, Decoded

from app.money import format_rupiah
from app.printing.profile import PrinterProfile, QrMode
from app.printing.testpage import test_page as render_test_page
from app.receipts import Receipt, render_escpos
from app.receipts.escpos_render import drawer_sequence

GOLDEN = Path(__file__).parent / "golden"
AMOUNT_AT_END = re.compile(r"-?Rp\d{1,3}(\.\d{3})*$")
GS_QR = b"\x1d(k"
GS_RASTER = b"\x1dv0"
GS_CUT = b"\x1dV"
ESC_DRAWER = b"\x1bp"

P58 = PrinterProfile(name="POS-58", paper_mm=58, qr_mode=QrMode.IMAGE, has_cutter=True,
                     drawer_pin=2, drawer_pulse_ms=100)
P80 = PrinterProfile(name="TM-T82", paper_mm=80, qr_mode=QrMode.NATIVE, has_cutter=True,
                     drawer_pin=5)

Decoder = Callable[[bytes], Decoded]


def _check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    assert path.read_bytes() == data, f"{name} changed; rerun with UPDATE_GOLDEN=1 if intended"


def _check_widths(decoded: Decoded, columns: int) -> None:
    """Every line fits; every left-aligned line ending in an amount ends at the last column."""
    lines = decoded.lines
    for index, (text, size, align, _bold) in enumerate(lines):
        width = columns // 2 if size == "double" else columns
        assert len(text) <= width, (text, size)
        if align == "left" and AMOUNT_AT_END.search(text) and len(text) < width:
            # a qty x price line too long for its amount: the amount follows, flush right
            following = lines[index + 1][0]
            assert len(following) == width and AMOUNT_AT_END.fullmatch(following.strip()), text


def _check_wrapped(decoded: Decoded, columns: int) -> None:
    """The long product name is on several lines, in order, continuation indented."""
    texts = decoded.texts()
    start = next(i for i, t in enumerate(texts) if t.startswith("Minyak Goreng"))
    joined, i = texts[start], start + 1
    while texts[i].startswith("  ") and not texts[i].lstrip()[0].isdigit():
        joined += " " + texts[i].strip()
        i += 1
    assert i > start + 1, "long name should wrap"
    assert joined == LONG_NAME
    assert len(LONG_NAME) > columns or columns == 48


def test_58mm_golden_and_layout(cash_qris_receipt: Receipt, decode: Decoder) -> None:
    data = render_escpos(cash_qris_receipt, P58)
    _check_golden("receipt_58mm.bin", data)
    decoded = decode(data)
    _check_widths(decoded, 32)
    _check_wrapped(decoded, 32)
    texts = decoded.texts()
    assert any(t.startswith("  1 x Rp12.500") and t.endswith("Rp12.500") for t in texts)
    assert any(t.startswith("TOTAL") and t.endswith(format_rupiah(cash_qris_receipt.total))
               for t in texts)
    assert "  1,5 kg x Rp16.000".ljust(32 - 8) + "Rp24.000" in texts
    assert not any(re.search(r"Rp \d|\d,\d{3}\b", t) for t in texts)
    assert GS_QR not in data, "image mode must not use the native QR command"
    assert decoded.raster_widths == [384 // 8], "QR printed once as a full-width raster image"
    assert GS_CUT + b"\x00" in data
    assert b"\x1bp\x00\x32\x32" in data, "drawer pulse on pin 2, 100 ms"


def test_80mm_golden_and_layout(cash_qris_receipt: Receipt, decode: Decoder) -> None:
    data = render_escpos(cash_qris_receipt, P80)
    _check_golden("receipt_80mm.bin", data)
    decoded = decode(data)
    _check_widths(decoded, 48)
    assert max(len(t) for t in decoded.texts()) == 48
    assert GS_QR in data and decoded.raster_widths == []
    payload = cash_qris_receipt.qris_payload
    assert payload is not None
    store = GS_QR + (len(payload) + 3).to_bytes(2, "little") + b"1P0" + payload.encode()
    assert store in data, "GS ( k store-data function carries the QRIS payload"
    assert GS_CUT in data
    assert b"\x1bp\x01" in data, "drawer pulse on pin 5"


def test_transfer_receipt_80mm_has_no_drawer_and_shows_bank(
    transfer_receipt: Receipt, decode: Decoder
) -> None:
    data = render_escpos(transfer_receipt, P80)
    decoded = decode(data)
    _check_widths(decoded, 48)
    texts = "\n".join(decoded.texts())
    assert ESC_DRAWER not in data, "no cash, no drawer"
    for expected in ("BCA", "1234567890", "Sari Wulandari", format_rupiah(transfer_receipt.total
                                                                         + 123)):
        assert expected in texts
    assert "kode unik 123" in texts and "BELUM LUNAS" in texts


def test_shop_name_too_long_for_double_size_is_tall_and_wrapped(
    transfer_receipt: Receipt, decode: Decoder
) -> None:
    decoded = decode(render_escpos(transfer_receipt, P58))
    _check_widths(decoded, 32)
    header = [line for line in decoded.lines if line[1] == "tall" and "Batik" in line[0]]
    assert header and header[0][2] == "center" and header[0][3] is True


def test_no_cutter_no_drawer_profile(cash_qris_receipt: Receipt) -> None:
    plain = P58.with_changes(has_cutter=False, drawer_pin=None)
    data = render_escpos(cash_qris_receipt, plain)
    assert GS_CUT not in data and ESC_DRAWER not in data
    assert data.endswith(b"\x1bd\x04"), "feeds past the tear bar instead of cutting"


def test_text_is_transliterated_for_the_code_page(
    cash_qris_receipt: Receipt, decode: Decoder
) -> None:
    data = render_escpos(cash_qris_receipt, P58)
    assert data.startswith(b"\x1b@\x1bt\x00"), "init, then code page CP437"
    texts = decode(data).texts()
    cafe = next(t for t in texts if t.startswith("Kaf"))
    assert cafe.startswith('Kafé "Enak" - Roti Bakar')  # é exists in CP437, quotes/dash mapped
    joined = " ".join(" ".join(texts).split())
    assert "1/2 Loyang ?" in joined or "½ Loyang ?" in joined  # the emoji is unprintable


def test_reprint_does_not_open_drawer(cash_qris_receipt: Receipt) -> None:
    from dataclasses import replace

    data = render_escpos(replace(cash_qris_receipt, is_copy=True), P58)
    assert ESC_DRAWER not in data and b"CETAK ULANG" in data


def test_logo_is_scaled_to_paper_width(
    cash_qris_receipt: Receipt, decode: Decoder, tmp_path: Path
) -> None:
    from dataclasses import replace

    logo = tmp_path / "logo.png"
    Image.new("RGBA", (1200, 300), (200, 30, 30, 255)).save(logo)
    decoded = decode(render_escpos(replace(cash_qris_receipt, logo_path=logo), P80))
    assert decoded.raster_widths == [576 // 8]  # logo; QR is native on this profile
    no_logo = decode(render_escpos(replace(cash_qris_receipt, logo_path=logo),
                                   P80.with_changes(logo=False)))
    assert no_logo.raster_widths == []


@pytest.mark.parametrize(("pin", "ms", "expected"), [(2, 100, [27, 112, 0, 50, 50]),
                                                      (5, 200, [27, 112, 1, 100, 100]),
                                                      (2, 10, [27, 112, 0, 5, 5])])
def test_drawer_sequence(pin: int, ms: int, expected: list[int]) -> None:
    assert drawer_sequence(pin, ms) == expected


def test_test_page_has_ruler_and_features(decode: Decoder) -> None:
    data = render_test_page(P58)
    decoded = decode(data)
    assert "12345678901234567890123456789012" in decoded.texts()
    _check_widths(decoded, 32)
    assert GS_CUT in data and ESC_DRAWER in data and GS_RASTER in data
    assert GS_QR in render_test_page(P80)
