"""Receipts built from real committed checkouts in a tmp shop database."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from app import orders, sales, settings
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.money import format_qty, format_rupiah, ppn_included
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.queue import JobStatus
from app.printing.service import (
    PrinterNotConfigured,
    PrintService,
    load_profile,
    print_after_sale,
    save_profile,
)
from app.receipts import (
    PaymentMethod,
    PaymentStatus,
    ReceiptKind,
    render_escpos,
    render_text,
)
from app.receipts.from_order import receipt_from_order
from app.receipts.text import safe_text
from contract import qris
from tests.unit.receipts.order_kit import (
    LONG_NAME,
    PRODUCTS,
    Shop,
    cart_total,
    checkout,
    make_shop,
    static_qris,
)


@pytest.fixture
def kit(db: Database) -> Shop:
    return make_shop(db)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_cash_receipt_has_every_line_total_payment_and_change(db: Database, kit: Shop) -> None:
    result = checkout(db, kit)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.shop_name == "Toko Berkah Jaya" and receipt.order_number == result.number
    assert receipt.created_at.strftime("%d/%m/%Y %H:%M") == "28/11/2026 14:05"  # WIB
    assert receipt.cashier == "Sari" and receipt.channel is None
    assert [line.name for line in receipt.lines] == [p[1] for p in PRODUCTS]
    assert [line.qty for line in receipt.lines] == [Decimal(q) for q in ("2", "1", "1.5", "1")]
    assert receipt.lines[0].discount == 5_000 and receipt.lines[0].total == 65_000
    assert receipt.order_discount == 2_000
    assert receipt.total == result.total == 1_349_500
    assert [(p.label, p.amount, p.status) for p in receipt.payments] == [
        ("Tunai", 1_349_500, PaymentStatus.CONFIRMED)]
    assert receipt.tendered == 1_350_000 and receipt.change == result.change == 500
    assert receipt.footer == settings.SPECS["receipt.footer"].default
    assert receipt.ppn is None and receipt.transfer is None and receipt.qris_payload is None
    assert receipt.kind is ReceiptKind.SALE and not receipt.is_copy and receipt.opens_drawer

    text = render_text(receipt, 32)
    flat = _flat(text)
    for line in receipt.lines:
        assert _flat(safe_text(line.name, "cp437"))[:20] in flat
    assert "1,5 kg x Rp16.000" in text and "Rp1.349.500" in text
    assert "Kembali" in text and "Rp500" in text and "LUNAS" in text
    assert all(len(row) <= 32 for row in text.splitlines())


def test_pending_transfer_shows_bank_account_holder_and_exact_amount(
    db: Database, kit: Shop
) -> None:
    total = cart_total(db, kit)
    pay = sales.PaymentInput("transfer", total, bank_account_id=kit.bank_account_id,
                             unique_code=123)
    result = checkout(db, kit, [pay], channel_id=kit.event_id)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.transfer is not None
    assert (receipt.transfer.bank, receipt.transfer.account_number, receipt.transfer.holder) == (
        "BCA", "1234567890", "SARI WULANDARI")
    assert receipt.transfer.amount_due == total + 123 and receipt.transfer.unique_code == 123
    assert [(p.label, p.amount, p.status, p.method) for p in receipt.payments] == [
        ("Transfer BCA", total + 123, PaymentStatus.PENDING, PaymentMethod.TRANSFER)]
    assert receipt.channel == "Bazar UMKM Balai Kota"
    assert receipt.tendered is None and not receipt.opens_drawer

    text = render_text(receipt, 48)
    for expected in ("BCA", "1234567890", "SARI WULANDARI", format_rupiah(total + 123),
                     "kode unik 123", "BELUM LUNAS", "Bazar UMKM Balai Kota"):
        assert expected in text, expected


def test_pending_qris_uses_the_stored_payload(db: Database, kit: Shop) -> None:
    total = cart_total(db, kit)
    payload = qris.to_dynamic(static_qris(), total)
    result = checkout(db, kit, [sales.PaymentInput("qris", total, qris_payload=payload)])
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.qris_payload == payload
    assert receipt.payments[0].status is PaymentStatus.PENDING


def test_pending_qris_without_payload_is_made_from_the_static_sticker(
    db: Database, kit: Shop
) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "qris.static_payload", static_qris())
    total = cart_total(db, kit)
    result = checkout(db, kit, [sales.PaymentInput("qris", total)])
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.qris_payload is not None
    assert qris.parse(receipt.qris_payload).value("54") == str(total)


def test_confirmed_qris_prints_no_code(db: Database, kit: Shop) -> None:
    total = cart_total(db, kit)
    result = checkout(db, kit, [sales.PaymentInput("qris", total,
                                                   qris_payload="ignored-once-paid")])
    with db.unit_of_work() as session:
        order = sales.get_order(session, result.order_id)
        order.payments[0].status = "confirmed"
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.qris_payload is None and receipt.is_settled


def test_ppn_is_shown_when_on(db: Database, kit: Shop) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "ppn.enabled", True)
    result = checkout(db, kit)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.ppn is not None
    assert receipt.ppn.amount == ppn_included(result.total)
    assert receipt.ppn.label == "PPN 12% (DPP 11/12)"
    assert "Termasuk PPN 12% (DPP 11/12)" in _flat(render_text(receipt, 48))


def test_refund_is_a_retur_slip_with_positive_amounts(db: Database, kit: Shop) -> None:
    sale = checkout(db, kit)
    with db.unit_of_work() as session:
        line = sales.get_order(session, sale.order_id).lines[1]
        result = orders.refund(session, sale.order_id,
                               [orders.RefundRequest(line.id, Decimal(1))], "Rusak",
                               user_id=kit.cashier_id)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.kind is ReceiptKind.REFUND and not receipt.opens_drawer
    assert [(line.name, line.qty, line.total) for line in receipt.lines] == [
        ("Kopi Susu Gula Aren", Decimal("1.000"), 12_500)]
    paid_back = abs(result.total)  # the order discount may be shared out over the refund
    assert 12_000 <= paid_back <= 12_500 and receipt.total == paid_back
    assert receipt.subtotal == 12_500 and receipt.order_discount == 12_500 - paid_back
    assert [(p.label, p.amount) for p in receipt.payments] == [("Tunai dikembalikan", paid_back)]
    text = render_text(receipt, 32)
    assert "RETUR PENJUALAN" in text and "TOTAL RETUR" in text
    assert "Rp12.500" in text and format_rupiah(paid_back) in text
    assert f"Retur dari pesanan {sale.number}" in _flat(text) and "Alasan: Rusak" in text


def test_reprint_is_marked_as_a_copy_and_never_opens_the_drawer(
    db: Database, kit: Shop
) -> None:
    result = checkout(db, kit)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id, reprint=True)
    assert receipt.is_copy and not receipt.opens_drawer
    assert "CETAK ULANG" in render_text(receipt)


def test_unknown_order_is_a_clear_error(db: Database, kit: Shop) -> None:
    with db.read() as session, pytest.raises(NotFoundError, match="tidak ditemukan"):
        receipt_from_order(session, 999)


@pytest.mark.parametrize("paper", ["58mm", "80mm", "a4"])
def test_pdf_of_a_real_order_holds_every_line_total_and_payments(
    db: Database, kit: Shop, paper: str
) -> None:
    total = cart_total(db, kit)
    pays = [sales.PaymentInput("cash", 1_000_000, tendered=1_000_000),
            sales.PaymentInput("transfer", total - 1_000_000,
                               bank_account_id=kit.bank_account_id, unique_code=7)]
    result = checkout(db, kit, pays)
    pdf = PrintService(db).pdf(result.order_id, paper)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    for _sku, name, _price, _weighed in PRODUCTS:
        assert _flat(safe_text(name, "cp1252")) in text, name
    assert "Rp65.000" in text or "Rp70.000" in text  # line total, or gross and discount
    for amount in (12_500, 24_000, 1_250_000, total, 1_000_000, total - 1_000_000 + 7):
        assert format_rupiah(amount) in text, amount
    for label in ("Tunai", "Transfer BCA", "1234567890", "SARI WULANDARI"):
        assert label in text, label
    assert format_qty(Decimal("1.5")) in text


def test_escpos_of_a_real_order_wraps_the_long_name(db: Database, kit: Shop) -> None:
    result = checkout(db, kit)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    data = render_escpos(receipt, PrinterProfile(paper_mm=58, drawer_pin=2))
    assert result.number.encode() in data and b"Rp1.349.500" in data
    assert LONG_NAME.split()[0].encode() in data and b"\x1bp" in data  # drawer for cash


def test_profile_round_trips_through_settings(db: Database) -> None:
    profile = PrinterProfile(name="Dapur", kind=ConnectionKind.NETWORK, host="192.168.1.50",
                             port=9100, paper_mm=80, has_cutter=True, drawer_pin=2)
    with db.unit_of_work() as session:
        assert load_profile(session) is None and print_after_sale(session)
        save_profile(session, profile)
    with db.read() as session:
        assert load_profile(session) == profile
    with db.unit_of_work() as session:
        save_profile(session, None)
    with db.read() as session:
        assert load_profile(session) is None


def test_incomplete_or_broken_profile_is_refused(db: Database) -> None:
    with db.unit_of_work() as session, pytest.raises(ValidationError, match="alamat IP"):
        save_profile(session, PrinterProfile(kind=ConnectionKind.NETWORK))
    with db.unit_of_work() as session:
        settings.set_value(session, "printer.profile", "{not json")
    with db.read() as session, pytest.raises(ValidationError, match="rusak"):
        load_profile(session)


def test_print_without_a_printer_says_so(db: Database, kit: Shop) -> None:
    result = checkout(db, kit)
    with pytest.raises(PrinterNotConfigured, match="Pengaturan → Printer"):
        PrintService(db).print_order(result.order_id)


def test_print_to_a_file_printer(db: Database, kit: Shop, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    with db.unit_of_work() as session:
        save_profile(session, PrinterProfile(kind=ConnectionKind.FILE, file_path=str(out)))
    result = checkout(db, kit)
    service = PrintService(db)
    job = service.print_order(result.order_id, reprint=True)
    assert job.status is JobStatus.DONE and job.title == f"Struk {result.number} (salinan)"
    data = out.read_bytes()
    assert result.number.encode() in data and b"CETAK ULANG" in data
    assert service.waiting() == []
    assert result.number in service.text(result.order_id)
