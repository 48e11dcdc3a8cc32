"""Layout model, word wrap, transliteration and the text preview."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.money import format_rupiah
from app.receipts import (
    PaymentMethod,
    PaymentStatus,
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    build_blocks,
    render_text,
)
from app.receipts.layout import DrawerBlock, RowBlock, TextBlock
from app.receipts.text import safe_text, wrap

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs")),
                min_size=1, max_size=30)


@given(st.lists(words, max_size=20), st.integers(min_value=8, max_value=48))
def test_wrap_fits_and_keeps_every_word(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    lines = wrap(text, width, indent="  ")
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


@given(st.text(max_size=80), st.sampled_from(["cp437", "cp858", "cp1252", "ascii"]))
def test_safe_text_always_encodes(text: str, encoding: str) -> None:
    safe_text(text, encoding).encode(encoding)


def test_safe_text_maps_typography() -> None:
    assert safe_text("“Rendang” – Bu Sri’s … 2×", "cp437") == '"Rendang" - Bu Sri\'s ... 2x'
    assert safe_text("Café", "cp437") == "Café"
    assert safe_text("Ōsaka 😀", "cp437") == "Osaka ?"


def _receipt(**changes: object) -> Receipt:
    base = Receipt(shop_name="Warung Bu Sri", order_number="K1-20261128-0001",
                   created_at=datetime(2026, 11, 28, 7, 0), cashier="Sri",
                   lines=(ReceiptLine("Nasi Pecel", Decimal("2"), "porsi", 12_500, 0, 25_000),),
                   subtotal=25_000, total=25_000)
    return replace(base, **changes)  # type: ignore[arg-type]


@given(name=st.text(min_size=1, max_size=120), price=st.integers(0, 99_999_999),
       qty=st.decimals(min_value=Decimal("0.001"), max_value=Decimal("9999"), places=3),
       columns=st.sampled_from([32, 42, 48]))
def test_any_line_fits_the_paper(name: str, price: int, qty: Decimal, columns: int) -> None:
    line = ReceiptLine(name, qty, "kg", price, 0, price)
    text = render_text(_receipt(lines=(line,), subtotal=price, total=price), columns)
    assert all(len(row) <= columns for row in text.splitlines())
    assert format_rupiah(price) in text


def test_preview_rows_put_amounts_in_the_last_column() -> None:
    text = render_text(_receipt(), 32)
    rows = text.splitlines()
    assert "  2 porsi x Rp12.500".ljust(24) + "Rp25.000" in rows
    assert any(r.startswith("TOTAL") and r.endswith("Rp25.000") and len(r) == 32 for r in rows)


def test_cash_sale_opens_drawer_first_and_refund_or_transfer_does_not() -> None:
    cash = (ReceiptPayment("Tunai", 25_000, PaymentStatus.CONFIRMED, PaymentMethod.CASH),)
    blocks = build_blocks(_receipt(payments=cash, tendered=50_000, change=25_000), 32)
    assert isinstance(blocks[0], DrawerBlock)
    refund = build_blocks(_receipt(payments=cash, kind=ReceiptKind.REFUND), 32)
    assert not any(isinstance(b, DrawerBlock) for b in refund)
    assert any(isinstance(b, TextBlock) and b.text == "RETUR PENJUALAN" for b in refund)
    transfer = (ReceiptPayment("Transfer", 25_000, PaymentStatus.PENDING,
                               PaymentMethod.TRANSFER),)
    assert not any(isinstance(b, DrawerBlock) for b in build_blocks(_receipt(payments=transfer),
                                                                     32))


def test_payment_rows_status_and_change() -> None:
    cash = (ReceiptPayment("Tunai", 25_000, PaymentStatus.CONFIRMED, PaymentMethod.CASH),)
    text = render_text(_receipt(payments=cash, tendered=50_000, change=25_000), 32)
    assert "Uang diterima".ljust(24) + "Rp50.000" in text.splitlines()
    assert "LUNAS" in text and "BELUM" not in text
    rows = [b for b in build_blocks(_receipt(payments=cash, tendered=50_000, change=25_000), 32)
            if isinstance(b, RowBlock) and b.left == "Kembali"]
    assert rows and rows[0].bold and rows[0].right == "Rp25.000"
