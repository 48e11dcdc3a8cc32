"""Cash rounding ("Pembulatan") and the kode unik as money: receipt, shift, Z report, reports."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app import settings, shifts
from app.db import Database
from app.orders import RefundRequest, confirm_payment, refund
from app.payments import rounding, service
from app.receipts import render_text
from app.receipts.from_order import receipt_from_order
from app.reports import build_report, custom
from app.reports.pdf import to_pdf
from app.sales import PaymentInput, checkout
from models import Order, Payment
from tests.unit.payments.shop_kit import JUNE2, add_product, cart_for, setup_shop

JUNE = date(2025, 6, 2)


@given(st.integers(0, 10**9), st.sampled_from([100, 500, 1_000]),
       st.sampled_from(["down", "nearest"]))
def test_rounded_cash_is_a_multiple_of_the_step_and_close(amount: int, step: int, mode: str) -> None:
    rule = rounding.CashRounding(step, mode)
    result = rule.apply(amount)
    if amount < step:  # a rest smaller than one step is never rounded away to nothing
        assert result == amount
        return
    assert result % step == 0
    assert abs(result - amount) < step
    if mode == "down":
        assert result <= amount
    else:
        assert abs(result - amount) <= step // 2
    assert rule.apply(-amount) == -result and rounding.CashRounding(0, mode).apply(amount) == amount


def test_examples_and_bad_rules() -> None:
    assert rounding.CashRounding(100, "down").apply(12_540) == 12_500
    assert rounding.CashRounding(100, "nearest").apply(12_550) == 12_600
    assert rounding.CashRounding(500, "nearest").apply(12_740) == 12_500
    assert rounding.CashRounding(1_000, "down").adjustment(12_540) == -540
    assert rounding.CashRounding(100, "down").for_payments(12_540, [("transfer", 10_000),
                                                                   ("cash", 2_500)]) == -40
    assert rounding.CashRounding(100, "down").for_payments(12_540, [("qris", 12_540)]) == 0
    with pytest.raises(Exception, match="tidak dikenal"):
        rounding.CashRounding(250, "down")


def _rounded_shop(db: Database, price: int = 12_540) -> int:
    with db.unit_of_work() as session:
        pid = add_product(session, sku="KOPI", price=price, stock=100)
        rounding.set_rule(session, 100, "down")
    return pid


def test_cash_sale_rounded_on_receipt_in_the_shift_and_z_report(db: Database, tmp_path: Path) -> None:
    pid = _rounded_shop(db)
    with db.unit_of_work() as session:
        shift = shifts.open_shift(session, 100_000, now=JUNE2 - timedelta(hours=1))
        result = checkout(session, cart_for(session, pid, 1),
                          [PaymentInput("cash", 12_500, tendered=20_000)], now=JUNE2)
    assert (result.total, result.change) == (12_540, 7_500)
    with db.read() as session:
        order = session.get(Order, result.order_id)
        assert order is not None and (order.rounding, order.status) == (-40, "paid")
        text = render_text(receipt_from_order(session, result.order_id), 32)
    assert "Pembulatan" in text and "-Rp40" in text
    assert any(line.startswith("TOTAL BAYAR") and line.endswith("Rp12.500")
               for line in text.splitlines())
    assert "LUNAS" in text and "BELUM LUNAS" not in text
    with db.unit_of_work() as session:
        cash = shifts.shift_cash(session, shift, JUNE2 + timedelta(hours=1))
        assert (cash.cash_sales, cash.rounding, cash.expected_cash) == (12_500, -40, 112_500)
        closed = shifts.close_shift(session, shift.id, {"note_100000": 1, "note_10000": 1,
                                                        "note_2000": 1, "coin_500": 1},
                                    now=JUNE2 + timedelta(hours=1))
    assert closed.difference == 0
    assert "Rp0 (PAS)" in closed.z_report and "KURANG" not in closed.z_report
    assert "pembulatan" in closed.z_report and "-Rp40" in closed.z_report
    with db.read() as session:
        report = build_report(session, custom(JUNE, JUNE), now=JUNE2)
    assert (report.totals.net_sales, report.totals.rounding, report.totals.money_in) == (
        12_540, -40, 12_500)
    pdf = to_pdf(report, tmp_path / "laporan.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Pembulatan tunai" in text and "-Rp40" in text and "Kode unik transfer" in text


def test_cash_paid_to_the_rupiah_is_taken_as_is_and_a_refund_never_pays_back_more(
    db: Database,
) -> None:
    pid = _rounded_shop(db)
    with db.unit_of_work() as session:
        exact = checkout(session, cart_for(session, pid, 1), [PaymentInput("cash", 12_540)], now=JUNE2)
        rounded = checkout(session, cart_for(session, pid, 2), [PaymentInput("cash", 25_000)],
                           now=JUNE2)
        with pytest.raises(Exception, match="tidak sama"):
            checkout(session, cart_for(session, pid, 1), [PaymentInput("cash", 12_400)], now=JUNE2)
    with db.unit_of_work() as session:
        assert session.get(Order, exact.order_id).rounding == 0  # type: ignore[union-attr]
        assert session.get(Order, rounded.order_id).rounding == -80  # type: ignore[union-attr]
        line = session.get(Order, rounded.order_id).lines[0]  # type: ignore[union-attr]
        first = refund(session, rounded.order_id, [RefundRequest(line.id, Decimal(1))], "rusak", now=JUNE2)
        rest = refund(session, rounded.order_id, [RefundRequest(line.id, Decimal(1))], "rusak", now=JUNE2)
    assert (first.total, rest.total) == (-12_500, -12_500)  # 25.000 paid, 25.000 back


def test_transfers_and_qris_are_not_rounded(db: Database) -> None:
    pid, account = setup_shop(db, price=12_540)
    with db.unit_of_work() as session:
        rounding.set_rule(session, 1_000, "nearest")
        quote = service.transfer_quote(session, account, 12_540)
        result = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 12_540, bank_account_id=account, unique_code=quote.unique_code)], now=JUNE2)
        assert session.get(Order, result.order_id).rounding == 0  # type: ignore[union-attr]
    assert quote.amount_due == 12_541


def test_unique_code_as_discount_changes_the_amount_due_and_is_reported(db: Database) -> None:
    pid, account = setup_shop(db)
    with db.unit_of_work() as session:
        added = service.transfer_quote(session, account, 62_500)
        sale = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 62_500, bank_account_id=account, unique_code=added.unique_code)], now=JUNE2)
        settings.set_value(session, "sales.unique_code_as_discount", True)
        off = service.transfer_quote(session, account, 62_500)
        discounted = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 62_500, bank_account_id=account, unique_code=off.unique_code)], now=JUNE2)
    assert (added.unique_code, added.amount_due, added.code_as_discount) == (1, 62_501, False)
    assert (off.unique_code, off.amount_due, off.code_as_discount) == (-1, 62_499, True)
    with db.read() as session:
        text = render_text(receipt_from_order(session, discounted.order_id), 32)
        assert "Potongan kode unik" in text and "(sudah dipotong kode unik 1)" in text
        assert "Rp62.499" in text and "BELUM LUNAS" in text
        assert {v.amount_due for v in service.open_payments(session)} == {62_501, 62_499}
    with db.unit_of_work() as session:
        payments = {p.order_id: p for p in session.scalars(select(Payment))}
        with pytest.raises(Exception, match="tidak sama"):
            confirm_payment(session, payments[discounted.order_id].id, received=62_500)
        confirm_payment(session, payments[discounted.order_id].id, received=62_499)
        confirm_payment(session, payments[sale.order_id].id, received=62_501)
    with db.read() as session:
        text = render_text(receipt_from_order(session, discounted.order_id), 32)
        report = build_report(session, custom(JUNE, JUNE), now=JUNE2)
    assert "LUNAS" in text and "BELUM LUNAS" not in text
    assert (report.totals.net_sales, report.totals.unique_codes) == (125_000, 0)  # +1 and −1
    with db.unit_of_work() as session:
        settings.set_value(session, "sales.unique_code_as_discount", False)
        third = service.transfer_quote(session, account, 62_500)
        order = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 62_500, bank_account_id=account, unique_code=third.unique_code)], now=JUNE2)
        payment = session.scalars(select(Payment).where(Payment.order_id == order.order_id)).one()
        confirm_payment(session, payment.id, received=third.amount_due)
        report = build_report(session, custom(JUNE, JUNE), now=JUNE2)
    assert report.totals.unique_codes == third.unique_code == 1


def test_kode_unik_income_in_the_z_report(db: Database) -> None:
    pid, account = setup_shop(db)
    with db.unit_of_work() as session:
        shift = shifts.open_shift(session, 0, now=JUNE2 - timedelta(hours=1))
        quote = service.transfer_quote(session, account, 62_500)
        sale = checkout(session, cart_for(session, pid, 1), [PaymentInput(
            "transfer", 62_500, bank_account_id=account, unique_code=quote.unique_code)], now=JUNE2)
        payment = session.scalars(select(Payment).where(Payment.order_id == sale.order_id)).one()
        confirm_payment(session, payment.id, received=quote.amount_due)
        closed = shifts.close_shift(session, shift.id, {}, now=JUNE2 + timedelta(hours=1))
    assert closed.cash.unique_codes == 1
    assert any(line.startswith("Kode unik transfer") and line.endswith("Rp1")
               for line in closed.z_report.splitlines())
    assert any(line.startswith("Total bersih") and line.endswith("Rp62.501")
               for line in closed.z_report.splitlines())
