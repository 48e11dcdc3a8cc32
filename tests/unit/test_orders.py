"""After the sale: refunds (never more than sold), void and expiry of pending orders, confirmations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import audit, inventory, shop
from app.cart import Discount
from app.db import Database
from app.errors import ConflictError, NotFoundError, StockError, ValidationError
from app.orders import (
    RefundRequest,
    confirm_payment,
    expire_pending,
    refund,
    refund_preview,
    refunded_qty,
    void_pending,
)
from app.sales import PaymentInput, checkout, get_order
from models import Order, Payment, Product, StockMovement
from tests.unit.foundation_kit import add_product, assert_refused, cart_of, cash

NOV28 = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)


@pytest.fixture
def pids(db: Database) -> dict[str, int]:
    """Kopi (piece, 20) and Beras (kg, 10)."""
    with db.unit_of_work() as session:
        return {"kopi": add_product(session, "K1", "Kopi Kapal Api", 14_500, stock=20),
                "beras": add_product(session, "B1", "Beras Pandan Wangi", 15_500, stock=10, weighed=True)}


def _sale(
    db: Database, items: list[tuple[int, Decimal | int | str]], discount: Discount | None = None
) -> int:
    with db.unit_of_work() as session:
        cart = cart_of(session, items, discount)
        return int(checkout(session, cart, cash(cart.total), now=NOV28).order_id)


def _pending_sale(db: Database, pid: int, qty: int = 2, code: int = 321) -> tuple[int, int]:
    """A transfer sale with a unique code: (order id, payment id)."""
    with db.unit_of_work() as session:
        account = shop.add_bank_account(session, "BCA", "1234567890", "Siti")
        cart = cart_of(session, [(pid, qty)])
        result = checkout(session, cart, [PaymentInput("transfer", cart.total, bank_account_id=account,
                                                       unique_code=code)], now=NOV28)
        order = get_order(session, result.order_id)
        return int(order.id), order.payments[0].id


def _line_ids(db: Database, order_id: int) -> list[int]:
    with db.read() as session:
        return [line.id for line in get_order(session, order_id).lines]


def _on_hand(db: Database, pid: int) -> Decimal:
    with db.read() as session:
        value = session.scalar(select(Product.on_hand).where(Product.id == pid))
        assert value == inventory.ledger_sum(session, pid)
        return value


def test_full_refund_puts_stock_back_and_pays_cash_out(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 3), (pids["beras"], "1.5")])
    kopi_line, beras_line = _line_ids(db, order_id)
    with db.unit_of_work() as session:
        result = refund(session, order_id, [RefundRequest(kopi_line, Decimal(3)),
                                            RefundRequest(beras_line, Decimal("1.5"))],
                        "Barang rusak", now=NOV28 + timedelta(hours=1))
    assert result.number == "K1-20261128-0002" and result.total == -(43_500 + 23_250)
    with db.read() as session:
        ret = get_order(session, result.order_id)
        assert (ret.kind, ret.refund_of_id, ret.status, ret.reason) == (
            "refund", order_id, "paid", "Barang rusak")
        assert [line.qty for line in ret.lines] == [Decimal(-3), Decimal("-1.5")]
        assert [(p.method, p.amount) for p in ret.payments] == [("cash", result.total)]
        kinds = session.scalars(select(StockMovement.kind).where(StockMovement.order_id == ret.id)).all()
        assert kinds == ["refund", "refund"]
        assert audit.recent(session, action="refund")[0].detail.count("Barang rusak") == 1
    assert _on_hand(db, pids["kopi"]) == Decimal(20)
    assert _on_hand(db, pids["beras"]) == Decimal(10)


def test_refund_more_than_sold_is_refused(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 3)])
    [line] = _line_ids(db, order_id)
    err = assert_refused(db, lambda s: refund(s, order_id, [RefundRequest(line, Decimal(4))], "Salah"),
                         StockError, "melebihi", "Kopi Kapal Api")
    assert "3" in str(err)


def test_refund_across_two_refunds_cannot_exceed_sale(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 3)])
    [line] = _line_ids(db, order_id)
    with db.unit_of_work() as session:
        refund(session, order_id, [RefundRequest(line, Decimal(2))], "Kembali 2")
    assert_refused(db, lambda s: refund(s, order_id, [RefundRequest(line, Decimal(2))], "Lagi"),
                   StockError, "melebihi", "sisa", "1")
    with db.unit_of_work() as session:
        refund(session, order_id, [RefundRequest(line, Decimal(1))], "Sisa satu")
        assert refunded_qty(session, line) == Decimal(3)
    assert_refused(db, lambda s: refund(s, order_id, [RefundRequest(line, Decimal(1))], "Lagi"),
                   StockError, "melebihi")
    assert _on_hand(db, pids["kopi"]) == Decimal(20)


def test_same_line_twice_in_one_refund_cannot_exceed_sale(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 3)])
    [line] = _line_ids(db, order_id)
    items = [RefundRequest(line, Decimal(2)), RefundRequest(line, Decimal(2))]
    assert_refused(db, lambda s: refund(s, order_id, items, "Dobel"), StockError, "melebihi")


def test_partial_refund_of_discounted_line_pays_its_share(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 3)])
        cart.lines[0].discount = Discount("amount", Decimal(1_500))  # 42 000 for three
        order_id = int(checkout(session, cart, cash(cart.total), now=NOV28).order_id)
    [line] = _line_ids(db, order_id)
    with db.unit_of_work() as session:
        first = refund(session, order_id, [RefundRequest(line, Decimal(1))], "Satu kembali")
        second = refund(session, order_id, [RefundRequest(line, Decimal(2))], "Dua kembali")
    assert first.total == -14_000 and second.total == -28_000


@pytest.mark.parametrize(("qty", "word"), [(Decimal(0), "lebih dari nol"), (Decimal(-1), "lebih dari nol")])
def test_refund_bad_quantity(db: Database, pids: dict[str, int], qty: Decimal, word: str) -> None:
    order_id = _sale(db, [(pids["kopi"], 3)])
    [line] = _line_ids(db, order_id)
    assert_refused(db, lambda s: refund(s, order_id, [RefundRequest(line, qty)], "x"), ValidationError, word)


def test_refund_refuses_bad_requests(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 3)])
    other_id = _sale(db, [(pids["beras"], 1)])
    [line] = _line_ids(db, order_id)
    [other_line] = _line_ids(db, other_id)
    ok = [RefundRequest(line, Decimal(1))]
    assert_refused(db, lambda s: refund(s, order_id, ok, "   "), ValidationError, "alasan")
    assert_refused(db, lambda s: refund(s, order_id, [], "Salah"), ValidationError, "pilih barang")
    assert_refused(db, lambda s: refund(s, 999, ok, "Salah"), NotFoundError, "#999")
    assert_refused(db, lambda s: refund(s, order_id, [RefundRequest(other_line, Decimal(1))], "Salah"),
                   NotFoundError, "bukan bagian")


def test_refund_of_unpaid_order_or_of_a_refund_is_refused(db: Database, pids: dict[str, int]) -> None:
    pending_id, _ = _pending_sale(db, pids["kopi"])
    [line] = _line_ids(db, pending_id)
    assert_refused(db, lambda s: refund(s, pending_id, [RefundRequest(line, Decimal(1))], "x"),
                   ValidationError, "belum lunas")
    order_id = _sale(db, [(pids["kopi"], 1)])
    [sold] = _line_ids(db, order_id)
    with db.unit_of_work() as session:
        back = int(refund(session, order_id, [RefundRequest(sold, Decimal(1))], "x").order_id)
    [back_line] = _line_ids(db, back)
    assert_refused(db, lambda s: refund(s, back, [RefundRequest(back_line, Decimal(1))], "x"),
                   ValidationError, "tidak bisa diretur")


def test_void_pending_returns_stock(db: Database, pids: dict[str, int]) -> None:
    order_id, _ = _pending_sale(db, pids["kopi"], qty=4)
    assert _on_hand(db, pids["kopi"]) == Decimal(16)
    with db.unit_of_work() as session:
        void_pending(session, order_id, "Pembeli batal")
    with db.read() as session:
        order = get_order(session, order_id)
        assert (order.status, order.reason) == ("void", "Pembeli batal")
        assert [p.status for p in order.payments] == ["void"]
    assert _on_hand(db, pids["kopi"]) == Decimal(20)


def test_void_refuses_paid_order_and_missing_reason(db: Database, pids: dict[str, int]) -> None:
    paid = _sale(db, [(pids["kopi"], 1)])
    assert_refused(db, lambda s: void_pending(s, paid, "Batal"), ConflictError, "tidak tertunda", "paid")
    pending_id, _ = _pending_sale(db, pids["kopi"])
    assert_refused(db, lambda s: void_pending(s, pending_id, " "), ValidationError, "alasan")
    assert_refused(db, lambda s: void_pending(s, 999, "Batal"), NotFoundError, "#999")
    with db.unit_of_work() as session:
        void_pending(session, pending_id, "Batal")
    assert_refused(db, lambda s: void_pending(s, pending_id, "Batal"), ConflictError, "void")


def test_a_pending_counter_sale_never_expires(db: Database, pids: dict[str, int]) -> None:
    order_id, _ = _pending_sale(db, pids["kopi"], qty=3)
    with db.unit_of_work() as session:
        assert expire_pending(session, now=NOV28 + timedelta(days=30)) == []
    with db.read() as session:
        order = get_order(session, order_id)
        assert (order.status, order.expires_at) == ("pending", None)
    assert _on_hand(db, pids["kopi"]) == Decimal(17)  # the goods left with the buyer


def test_confirm_payment_once_with_exact_amount(db: Database, pids: dict[str, int]) -> None:
    order_id, payment_id = _pending_sale(db, pids["kopi"], qty=2, code=321)
    due = 29_000 + 321
    assert_refused(db, lambda s: confirm_payment(s, payment_id, received=29_000), ValidationError,
                   "tidak sama", "Rp29.321")
    assert_refused(db, lambda s: confirm_payment(s, payment_id, received=due + 1), ValidationError,
                   "tidak sama")
    with db.unit_of_work() as session:
        order = confirm_payment(session, payment_id, received=due, reference=" TRF-88 ",
                                statement_key="bca:1")
        assert order.status == "paid" and order.paid_at is not None
    assert_refused(db, lambda s: confirm_payment(s, payment_id, received=due), ConflictError,
                   "sudah dikonfirmasi")
    with db.read() as session:
        payment = session.get(Payment, payment_id)
        assert payment is not None and (payment.status, payment.reference) == ("confirmed", "TRF-88")
        assert audit.recent(session, action="payment.confirm")
    assert_refused(db, lambda s: void_pending(s, order_id, "Batal"), ConflictError, "tidak tertunda")


def test_confirm_refuses_reused_statement_line_unknown_and_void(db: Database, pids: dict[str, int]) -> None:
    _, first = _pending_sale(db, pids["kopi"], qty=1, code=11)
    second_order, second = _pending_sale(db, pids["kopi"], qty=1, code=12)
    with db.unit_of_work() as session:
        confirm_payment(session, first, received=14_511, statement_key="bca:7")
    assert_refused(db, lambda s: confirm_payment(s, second, received=14_512, statement_key="bca:7"),
                   ConflictError, "mutasi")
    assert_refused(db, lambda s: confirm_payment(s, 999, received=1), NotFoundError, "#999")
    with db.unit_of_work() as session:
        void_pending(session, second_order, "Batal")
    assert_refused(db, lambda s: confirm_payment(s, second, received=14_512), ConflictError, "void")


def test_split_order_is_paid_only_when_all_payments_confirmed(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 2)])
        result = checkout(session, cart, [PaymentInput("transfer", 20_000, unique_code=5),
                                          PaymentInput("qris", 9_000)], now=NOV28)
        transfer, qris = (p.id for p in get_order(session, result.order_id).payments)
    with db.unit_of_work() as session:
        assert confirm_payment(session, transfer, received=20_005).status == "pending"
    with db.unit_of_work() as session:
        assert confirm_payment(session, qris, received=9_000).status == "paid"
    with db.read() as session:
        assert session.scalar(select(Order.status).where(Order.id == result.order_id)) == "paid"


def test_refund_gives_back_the_order_discount_share(db: Database, pids: dict[str, int]) -> None:
    order_id = _sale(db, [(pids["kopi"], 2), (pids["beras"], 2)], Discount("percent", Decimal(10)))
    kopi_line, beras_line = _line_ids(db, order_id)
    with db.unit_of_work() as session:
        paid = get_order(session, order_id).total
        assert paid == 54_000  # (29 000 + 31 000) − 10 %
        first = refund(session, order_id, [RefundRequest(kopi_line, Decimal(2))], "Kopi kembali")
        order = get_order(session, first.order_id)
        assert (order.subtotal, order.discount, order.total) == (-29_000, -2_900, -26_100)
        assert sum(p.amount for p in order.payments) == order.total
        second = refund(session, order_id, [RefundRequest(beras_line, Decimal(2))], "Beras kembali")
    assert first.total + second.total == -paid


def test_refunds_in_thirds_never_pay_back_more_than_was_paid(db: Database, pids: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = cart_of(session, [(pids["kopi"], 3)])
        cart.lines[0].discount = Discount("amount", Decimal(23_500))  # 20 000 for three
        order_id = int(checkout(session, cart, cash(cart.total), now=NOV28).order_id)
    [line] = _line_ids(db, order_id)
    totals = []
    for _ in range(3):
        with db.unit_of_work() as session:
            totals.append(refund(session, order_id, [RefundRequest(line, Decimal(1))], "Satu").total)
    assert totals[:2] == [-6_667, -6_667] and sum(totals) == -20_000


def test_refund_preview_is_what_refund_books(db: Database) -> None:
    """The refund dialog's amount: order discount given back in proportion, rests settled."""
    with db.unit_of_work() as s:
        kopi = add_product(s, "KP1", "Kopi Bubuk", 9_000, stock=10)
        gula = add_product(s, "GL1", "Gula Pasir", 3_333, stock=10)
        cart = cart_of(s, [(kopi, 1), (gula, 3)], Discount("percent", Decimal(5)))
        sale = checkout(s, cart, cash(cart.total))
        lines = {ln.product_id: ln.id for ln in get_order(s, sale.order_id).lines}
    steps = [[RefundRequest(lines[gula], Decimal(1))],
             [RefundRequest(lines[kopi], Decimal(1)), RefundRequest(lines[gula], Decimal(2))]]
    booked = 0
    for items in steps:
        with db.read() as s:
            preview = refund_preview(s, sale.order_id, items)
        with db.unit_of_work() as s:
            result = refund(s, sale.order_id, items, "Rusak")
        assert result.total == -preview
        booked += preview
    assert booked == sale.total  # everything back: exactly what the buyer paid
