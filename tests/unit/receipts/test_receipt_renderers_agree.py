"""Every renderer says the same: a refund, a pending transfer and a split payment read from
real orders show the same words and the same totals on the ESC/POS roll, the PDF roll, the A4
nota and the on-screen preview, because they all lay out one receipt document."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from decimal import Decimal

import pypdf
import pytest
from receipt_helpers import decode_escpos

from app import labels_i18n, orders, sales, settings
from app.db import Database
from app.printing.profile import PrinterProfile, QrMode
from app.printing.service import PrintService
from app.receipts import ReceiptDocument, render_escpos, render_pdf, render_text
from tests.unit.receipts.order_kit import Shop, cart_total, checkout, make_shop

AMOUNT = re.compile(r"-?Rp\d{1,3}(?:\.\d{3})*")
ROLL = PrinterProfile(name="POS-58", paper_mm=58, qr_mode=QrMode.IMAGE, has_cutter=True,
                      drawer_pin=2)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


RENDERERS: dict[str, Callable[[ReceiptDocument], str]] = {
    "escpos 58mm": lambda doc: "\n".join(decode_escpos(render_escpos(doc, ROLL)).texts()),
    "pdf 58mm": lambda doc: _pdf_text(render_pdf(doc, "58mm")),
    "pdf 80mm": lambda doc: _pdf_text(render_pdf(doc, "80mm")),
    "a4": lambda doc: _pdf_text(render_pdf(doc, "a4")),
    "preview 32": lambda doc: render_text(doc, 32),
    "preview 48": lambda doc: render_text(doc, 48, "cp858"),
}


def _refund(db: Database, kit: Shop) -> int:
    sale = checkout(db, kit)
    with db.unit_of_work() as session:
        lines = sales.get_order(session, sale.order_id).lines
        requests = [orders.RefundRequest(lines[1].id, Decimal(1)),
                    orders.RefundRequest(lines[2].id, Decimal("0.5"))]
        return orders.refund(session, sale.order_id, requests, "Rusak",
                             user_id=kit.cashier_id).order_id


def _transfer(db: Database, kit: Shop) -> int:
    total = cart_total(db, kit)
    pay = sales.PaymentInput("transfer", total, bank_account_id=kit.bank_account_id,
                             unique_code=123)
    return checkout(db, kit, [pay], channel_id=kit.event_id).order_id


def _split(db: Database, kit: Shop) -> int:
    total = cart_total(db, kit)
    pays = [sales.PaymentInput("cash", 1_000_000, tendered=1_000_000),
            sales.PaymentInput("transfer", total - 1_000_000,
                               bank_account_id=kit.bank_account_id, unique_code=7)]
    return checkout(db, kit, pays).order_id


ORDERS: dict[str, Callable[[Database, Shop], int]] = {
    "refund": _refund, "pending transfer": _transfer, "split payment": _split}


def _line_amounts(document: ReceiptDocument) -> set[str]:
    """Amounts of the product lines, which the roll and the A4 table lay out differently."""
    found: set[str] = set()
    for line in document.lines:
        found |= {line.gross, line.amount, *AMOUNT.findall(line.quantity)}
        if line.discount is not None:
            found.add(line.discount.figure)
    return found


def _a4_only(document: ReceiptDocument) -> set[str]:
    """Words only the A4 layout has: its title, table heads and the settlement's label."""
    only = {document.nota_title, *document.table_heads}
    if document.payment is not None and document.payment.settlement is not None:
        only.add(document.payment.settlement.label)
    return only


def _catalog_words(language: str, skip: set[str]) -> set[str]:
    """The fixed part of every receipt word of the catalog (``{label} (menunggu …)``)."""
    found = set()
    for label in labels_i18n.RECEIPT.values():
        fixed = max(re.split(r"\{\w+\}", label.text(language)), key=len).strip()
        if len(fixed) >= 4 and fixed not in skip:
            found.add(fixed)
    return found


@pytest.fixture(params=["id", "en"])
def shop(request: pytest.FixtureRequest, db: Database) -> tuple[Database, Shop]:
    kit = make_shop(db)
    with db.unit_of_work() as session:
        settings.set_value(session, "receipt.language", request.param)
    return db, kit


@pytest.mark.parametrize("case", sorted(ORDERS))
def test_every_renderer_shows_the_same_words_and_totals(
    case: str, shop: tuple[Database, Shop]
) -> None:
    db, kit = shop
    document = PrintService(db).document(ORDERS[case](db, kit))
    assert document.totals and document.payment is not None
    texts = {name: _flat(render(document)) for name, render in RENDERERS.items()}
    section = document.payment
    rows = [(r.label, r.figure) for r in (*document.totals, *section.cash)]
    rows += [(r.label, r.figure) for r in section.rows]
    for name, text in texts.items():
        for label, figure in rows:  # the label and its figure, side by side
            assert f"{label} {figure}" in text, (name, label, figure)
        for word in document.words():
            assert _flat(word) in text, (name, word)
        printed = set(AMOUNT.findall(text)) - _line_amounts(document)
        assert printed == set(document.figures()), (name, printed ^ set(document.figures()))
    catalog = _catalog_words(document.language, _a4_only(document))
    said = {name: {word for word in catalog if word in text} for name, text in texts.items()}
    assert all(words == said["escpos 58mm"] for words in said.values()), said
