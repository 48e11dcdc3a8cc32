"""Sample receipts for previews, tests, benchmarks and the screenshots in ``docs/``.

``python -m app.receipts.samples docs/screenshots`` renders the sample PDFs and
saves them as PNG images (receipt_58mm.png, receipt_80mm.png, nota_a4.png).
"""

from __future__ import annotations

import binascii
import sys
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.money import format_rupiah, line_total, ppn_included
from app.receipts.layout import (
    PaymentMethod,
    PaymentStatus,
    PpnInfo,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    TransferDetails,
)
from app.receipts.pdf import render_pdf

FOOTER = ("Terima kasih atas kunjungan Anda!\n"
          "Barang yang sudah dibeli tidak dapat ditukar/dikembalikan.")

# name, qty, unit, unit price, line discount
PRODUCTS: tuple[tuple[str, str, str, int, int], ...] = (
    ("Minyak Goreng Sania Pouch 2 Liter Refill Hemat", "2", "pcs", 35_000, 5_000),
    ("Beras Pandan Wangi 5 kg", "1", "pcs", 78_000, 0),
    ("Gula Pasir Curah", "1.5", "kg", 16_000, 0),
    ("Telur Ayam Ras", "0.750", "kg", 28_500, 0),
    ("Kopi Kapal Api Special Mix 25 g isi 10 sachet", "3", "pcs", 14_500, 0),
    ("Indomie Goreng", "10", "pcs", 3_100, 1_000),
    ("Kecap Manis Bango 520 ml", "1", "pcs", 24_900, 0),
    ("Sabun Cuci Piring Sunlight Jeruk Nipis 755 ml", "2", "pcs", 18_700, 0),
    ("Batik Tulis Khas Suroboyo \u201cSuro lan Boyo\u201d \u2013 Katun Primisima", "1", "lembar",
     1_250_000, 50_000),
    ("Teh Botol Sosro 450 ml", "6", "pcs", 5_500, 0),
)


def _tlv(tag: str, value: str) -> str:
    """One EMV TLV field."""
    return f"{tag}{len(value):02d}{value}"


def sample_qris_payload(amount: int) -> str:
    """A well-formed dynamic QRIS payload (sample merchant) asking for ``amount``."""
    merchant = _tlv("00", "ID.CO.QRIS.WWW") + _tlv("02", "ID1024345678901") + _tlv("03", "UMI")
    body = "".join([
        _tlv("00", "01"), _tlv("01", "12"), _tlv("51", merchant), _tlv("52", "5411"),
        _tlv("53", "360"), _tlv("54", str(amount)), _tlv("58", "ID"),
        _tlv("59", "TOKO BERKAH JAYA"), _tlv("60", "SURABAYA"), _tlv("61", "60111"),
        _tlv("62", _tlv("07", "K1")),
    ]) + "6304"
    return body + f"{binascii.crc_hqx(body.encode('ascii'), 0xFFFF):04X}"


def sample_lines(count: int = 10) -> tuple[ReceiptLine, ...]:
    """``count`` product lines (cycling through the sample products)."""
    lines = []
    for index in range(count):
        name, qty_text, unit, price, discount = PRODUCTS[index % len(PRODUCTS)]
        qty = Decimal(qty_text)
        lines.append(ReceiptLine(name, qty, unit, price, discount,
                                 line_total(qty, price) - discount))
    return tuple(lines)


def sample_receipt(lines: int = 10, method: str = PaymentMethod.CASH, ppn: bool = True,
                   logo: Path | None = None) -> Receipt:
    """A realistic receipt; ``method`` is ``cash``, ``transfer`` or ``qris``."""
    items = sample_lines(lines)
    subtotal = sum(line.total for line in items)
    order_discount = 2_000 if subtotal > 10_000 else 0
    total = subtotal - order_discount
    extra = _payment(method, total)
    return Receipt(
        shop_name="Toko Berkah Jaya", address="Jl. Kertajaya Indah No. 12, Surabaya",
        phone="0812-3456-7890", npwp="0123456789012345" if ppn else None, logo_path=logo,
        order_number="K1-20261128-0042", created_at=datetime(2026, 11, 28, 14, 5),
        cashier="Sari", channel="Bazar UMKM Balai Kota" if method != PaymentMethod.CASH else None,
        lines=items, subtotal=subtotal, total=total, order_discount=order_discount,
        ppn=PpnInfo("PPN 12% (DPP 11/12)", ppn_included(total)) if ppn else None,
        footer=FOOTER, **extra,
    )


def _payment(method: str, total: int) -> dict[str, Any]:
    """Payment fields of the sample for one method."""
    if method == PaymentMethod.CASH:
        tendered = -(-total // 50_000) * 50_000
        if tendered == total:
            tendered += 50_000
        return {"payments": (ReceiptPayment("Tunai", total, PaymentStatus.CONFIRMED,
                                            PaymentMethod.CASH),),
                "tendered": tendered, "change": tendered - total}
    if method == PaymentMethod.TRANSFER:
        code = 123
        return {"payments": (ReceiptPayment("Transfer BCA", total + code, PaymentStatus.PENDING,
                                            PaymentMethod.TRANSFER),),
                "transfer": TransferDetails("BCA", "1234567890", "Sari Wulandari", total + code,
                                            code)}
    if method == PaymentMethod.QRIS:
        return {"payments": (ReceiptPayment("QRIS", total, PaymentStatus.PENDING,
                                            PaymentMethod.QRIS),),
                "qris_payload": sample_qris_payload(total)}
    raise ValueError(f"unknown sample payment method {method!r}")


def _refund(base: Receipt) -> Receipt:
    """A refund slip of the first two sample lines, paid back in cash."""
    lines = base.lines[:2]
    total = sum(line.total for line in lines)
    return replace(
        base, kind=ReceiptKind.REFUND, lines=lines, subtotal=total, total=total, order_discount=0,
        ppn=None, tendered=None, change=0, order_number="K1-20261128-0043",
        payments=(ReceiptPayment("Tunai dikembalikan", total, PaymentStatus.CONFIRMED,
                                 PaymentMethod.CASH),),
        footer="Retur dari pesanan K1-20261128-0042\nAlasan: kemasan bocor\n" + FOOTER)


def _split(base: Receipt) -> Receipt:
    """Rp50.000 in cash now, the rest by a pending bank transfer with kode unik 123."""
    rest = base.total - 50_000 + 123
    return replace(
        base, tendered=50_000, change=0,
        payments=(ReceiptPayment("Tunai", 50_000, PaymentStatus.CONFIRMED, PaymentMethod.CASH),
                  ReceiptPayment("Transfer BCA", rest, PaymentStatus.PENDING,
                                 PaymentMethod.TRANSFER)),
        transfer=TransferDetails("BCA", "1234567890", "Sari Wulandari", rest, 123))


def _rounded(base: Receipt) -> Receipt:
    """A cash sale whose total is rounded down to Rp500 ("Pembulatan")."""
    rounding = -(base.total % 500)
    due = base.total + rounding
    tendered = -(-due // 50_000) * 50_000
    return replace(base, rounding=rounding, tendered=tendered, change=tendered - due,
                   payments=(ReceiptPayment("Tunai", due, PaymentStatus.CONFIRMED,
                                            PaymentMethod.CASH),))


def _code_discount(base: Receipt) -> Receipt:
    """A pending transfer whose kode unik (77) is taken off the amount due."""
    due = base.total - 77
    return replace(base, code_discount=77,
                   payments=(ReceiptPayment("Transfer BCA", due, PaymentStatus.PENDING,
                                            PaymentMethod.TRANSFER),),
                   transfer=TransferDetails("BCA", "1234567890", "Sari Wulandari", due, -77))


def _english(base: Receipt) -> Receipt:
    """The split sale printed with English fixed words (setting receipt.language = en)."""
    payments = tuple(replace(p, label="Cash" if p.method is PaymentMethod.CASH else p.label)
                     for p in base.payments)
    return replace(base, language="en", payments=payments)


def _pricing() -> Receipt:
    """A sale with a wholesale price, a pack (dus) and two promotions (issue 17)."""
    lines = (
        ReceiptLine("Indomie Goreng", Decimal(12), "pcs", 2_800, 0, 33_600, tier_note="Grosir ≥12"),
        ReceiptLine("Indomie Goreng", Decimal(1), "pcs", 110_000, 0, 110_000, pack_name="dus",
                    pack_factor=Decimal(40)),
        ReceiptLine("Kopi Kapal Api Special Mix 25 g", Decimal(3), "sachet", 3_500, 3_500, 7_000,
                    promo_name="Beli 2 gratis 1", promo_discount=3_500),
        ReceiptLine("Sabun Lifebuoy 75 g", Decimal(2), "pcs", 5_000, 1_000, 9_000,
                    promo_name="Paket mandi hemat", promo_discount=1_000),
    )
    base = sample_receipt(lines=1, method=PaymentMethod.CASH, ppn=False)
    total = sum(line.total for line in lines)
    return replace(base, lines=lines, subtotal=total, order_discount=0, total=total,
                   tendered=200_000, change=200_000 - total,
                   payments=(replace(base.payments[0], amount=total),))


def sample_cases() -> dict[str, Receipt]:
    """Named receipts covering every part of the layout (golden tests and the screenshots).

    sale, refund, pending transfer, split (cash + pending transfer), QRIS, cash rounding,
    kode unik taken off, a reprint, English words, and packs, tiers and promotions.
    """
    sale = sample_receipt(lines=5, method=PaymentMethod.CASH)
    split = _split(sample_receipt(lines=4, method=PaymentMethod.CASH, ppn=False))
    return {
        "sale": sale,
        "refund": _refund(sale),
        "transfer": sample_receipt(lines=3, method=PaymentMethod.TRANSFER),
        "split": split,
        "qris": sample_receipt(lines=3, method=PaymentMethod.QRIS, ppn=False),
        "rounding": _rounded(sample_receipt(lines=4, method=PaymentMethod.CASH, ppn=False)),
        "code_discount": _code_discount(sample_receipt(lines=2, method=PaymentMethod.TRANSFER, ppn=False)),
        "reprint": replace(sale, is_copy=True),
        "english": _english(split),
        "pricing": _pricing(),
    }


def pdf_to_png(pdf: bytes, path: Path, scale: float = 3.0) -> None:
    """Rasterise the first page of ``pdf`` to a PNG file with pypdfium2."""
    import pypdfium2  # noqa: PLC0415 (pypdfium2 ~150 ms, only to rasterise a sample)

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        page.render(scale=scale).to_pil().save(path)
    finally:
        document.close()


def main(argv: list[str]) -> int:
    """Write the sample receipt screenshots into the folder given as the first argument."""
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    short = sample_receipt(lines=5, method=PaymentMethod.CASH)
    qris = sample_receipt(lines=10, method=PaymentMethod.QRIS)
    both = _nota_sample()
    pdf_to_png(render_pdf(short, "58mm"), out / "receipt_58mm.png")
    pdf_to_png(render_pdf(qris, "80mm"), out / "receipt_80mm.png")
    pdf_to_png(render_pdf(both, "a4"), out / "nota_a4.png", scale=1.6)
    total = format_rupiah(qris.total)
    print(f"Sampel struk disimpan di {out} (total contoh {total}).")
    return 0


def _nota_sample() -> Receipt:
    """A transfer order that also offers QRIS: shows the full payment box on the A4 nota."""
    base = sample_receipt(lines=10, method=PaymentMethod.TRANSFER)
    return replace(base, qris_payload=sample_qris_payload(base.total))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
