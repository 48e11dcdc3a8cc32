"""The receipt document decides the words and figures once: what it says for a voided order,
a refund, a pending payment and kode unik, and that renderers add nothing to it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import orders, sales
from app.db import Database
from app.printing.profile import PrinterProfile, QrMode
from app.printing.service import PrintService
from app.receipts import build_document, render_escpos, render_pdf, render_text
from app.receipts.document import Weight
from app.receipts.samples import sample_cases
from tests.unit.receipts.order_kit import Shop, cart_total, checkout, make_shop

P58 = PrinterProfile(name="POS-58", paper_mm=58, qr_mode=QrMode.IMAGE, has_cutter=True,
                     drawer_pin=2)


@pytest.fixture
def kit(db: Database) -> Shop:
    return make_shop(db)


def test_a_voided_order_is_marked_never_settled_and_opens_no_drawer(
    db: Database, kit: Shop
) -> None:
    total = cart_total(db, kit)
    pays = [sales.PaymentInput("cash", 100_000, tendered=100_000),
            sales.PaymentInput("transfer", total - 100_000,
                               bank_account_id=kit.bank_account_id, unique_code=5)]
    order_id = checkout(db, kit, pays).order_id
    before = PrintService(db).document(order_id)
    assert before.payment is not None and before.payment.settlement is not None
    assert before.payment.settlement.value == "BELUM LUNAS" and before.opens_drawer
    with db.unit_of_work() as session:
        orders.void_pending(session, order_id, "pembeli batal", user_id=kit.cashier_id)
    document = PrintService(db).document(order_id, reprint=True)
    assert document.marks == ("*** DIBATALKAN ***", "*** CETAK ULANG ***")
    # its payments were voided with it: no payment rows, no transfer box, no LUNAS/BELUM LUNAS
    assert document.payment is None and document.transfer is None and not document.opens_drawer
    text = render_text(document, 32)
    assert "*** DIBATALKAN ***" in text and "LUNAS" not in text


def test_words_and_figures_of_the_samples() -> None:
    cases = sample_cases()
    refund = build_document(cases["refund"])
    assert refund.marks == ("RETUR PENJUALAN",) and refund.payment is not None
    assert [r.label for r in refund.totals] == ["TOTAL RETUR"]
    assert refund.payment.settlement is None and not refund.opens_drawer
    split = build_document(cases["split"])
    assert split.payment is not None
    assert [r.label for r in split.payment.rows] == ["Tunai", "Transfer BCA (menunggu konfirmasi)"]
    assert [r.label for r in split.payment.cash] == ["Uang diterima", "Kembali"]
    assert split.payment.settlement is not None and split.payment.settlement.value == "BELUM LUNAS"
    off = build_document(cases["code_discount"])
    assert [(r.label, r.figure, r.weight) for r in off.totals[-2:]] == [
        ("Potongan kode unik", "-Rp77", Weight.NORMAL),
        ("TOTAL BAYAR", "Rp140.923", Weight.STRONG)]
    assert off.transfer is not None and off.transfer.notes[0] == "(sudah dipotong kode unik 77)"
    voided = build_document(replace(cases["split"], voided=True))
    assert voided.marks == ("*** DIBATALKAN ***",) and not voided.opens_drawer
    assert voided.payment is not None and voided.payment.settlement is None
    english = build_document(cases["english"])
    assert english.payment is not None
    assert english.payment.rows[1].label == "Transfer BCA (awaiting confirmation)"


@pytest.mark.parametrize("case", sorted(sample_cases()))
def test_renderers_take_the_document_or_the_receipt_alike(case: str) -> None:
    receipt = sample_cases()[case]
    document = build_document(receipt)
    assert render_escpos(document, P58) == render_escpos(receipt, P58)
    assert render_text(document, 48) == render_text(receipt, 48)
    assert len(render_pdf(document, "a4")) > 1000


def test_the_document_is_frozen() -> None:
    document = build_document(sample_cases()["sale"])
    with pytest.raises(AttributeError):
        document.totals = ()  # type: ignore[misc]
    assert replace(document, marks=("X",)).marks == ("X",)
