"""Shop set-up shared by the payment service, CLI and UI tests: products, transfer sales,
BCA statement files written the way KlikBCA exports them.

Import as ``from tests.unit.payments.shop_kit import ...``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalog, inventory, shop
from app.cart import Cart, CartLine
from app.db import Database
from app.payments import service
from app.sales import PaymentInput, checkout
from app.sync.apply import apply_changes
from models import Order, Payment, Product

ACCOUNT = "1234567890"
JUNE2 = datetime(2025, 6, 2, 3, 0, tzinfo=UTC)  # 10:00 WIB


def add_product(session: Session, sku: str = "BRS5", price: int = 62_500, stock: int = 50) -> int:
    """A product with opening stock."""
    pid = catalog.create_product(session, catalog.ProductInput(
        sku=sku, name=f"Beras {sku}", price=price, cost=0, unit="pcs"))
    inventory.receive(session, pid, Decimal(stock))
    return int(pid)


def setup_shop(db: Database, price: int = 62_500, stock: int = 50) -> tuple[int, int]:
    """A shop with one product and one BCA account: (product id, account id)."""
    with db.unit_of_work() as session:
        pid = add_product(session, price=price, stock=stock)
        account = shop.add_bank_account(session, "BCA", ACCOUNT, "Siti Aminah")
    return pid, int(account)


def cart_for(session: Session, pid: int, qty: int) -> Cart:
    """A cart of ``qty`` pieces of one product at its price."""
    product = session.get(Product, pid)
    assert product is not None
    cart = Cart()
    cart.add(CartLine(product.id, product.name, product.unit, Decimal(qty), product.price, False))
    return cart


def transfer_sale(
    db: Database, pid: int, account: int, qty: int = 1, now: datetime = JUNE2
) -> tuple[int, int, int]:
    """A counter sale paid by transfer with a fresh kode unik: (order id, payment id, due)."""
    with db.unit_of_work() as session:
        cart = cart_for(session, pid, qty)
        code = service.transfer_code(session, account, cart.total)
        result = checkout(session, cart, [PaymentInput(
            "transfer", cart.total, bank_account_id=account, unique_code=code)], now=now)
        payment = session.scalars(select(Payment).where(Payment.order_id == result.order_id)).one()
        return int(result.order_id), payment.id, cart.total + code


def online_order(
    db: Database, pid: int, *, qty: int = 1, code: int = 7, now: datetime = JUNE2,
    minutes: int = 120, remote_id: str = "srv-1",
) -> tuple[int, int, int]:
    """A PEKEN online order as the server sends it (reserved, unpaid, expiring after
    ``minutes``), applied through the real sync path: (order id, payment id, amount due)."""
    with db.unit_of_work() as session:
        product = session.get(Product, pid)
        assert product is not None
        total = product.price * qty
        apply_changes(session, [{"kind": "order.placed", "payload": {
            "order_id": remote_id, "created_at": now.isoformat(), "pay_method": "transfer",
            "total": total, "status": "awaiting_payment", "unique_code": code,
            "expires_at": (now + timedelta(minutes=minutes)).isoformat(), "buyer_name": "Budi",
            "lines": [{"product_uuid": product.uuid, "qty": str(qty), "price": product.price,
                       "name": product.name, "unit": product.unit}]}}])
        order = session.scalars(select(Order).where(Order.remote_id == remote_id)).one()
        return order.id, order.payments[0].id, total + code


def klikbca_csv(
    path: Path, rows: Sequence[tuple[date, int, str, str]], account: str = ACCOUNT,
    period: tuple[date, date] = (date(2025, 6, 1), date(2025, 6, 30)),
) -> Path:
    """Write a classic KlikBCA export; rows are (date, amount, "CR"|"DB", description)."""
    out = [f"No. Rekening,=,'{account}", "Nama,=,SITI AMINAH",
           f"Periode,=,{period[0]:%d/%m/%Y} - {period[1]:%d/%m/%Y}", "Mata Uang,=,IDR", "",
           "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo"]
    balance = 1_000_000
    for day, amount, marker, text in rows:
        balance += amount if marker == "CR" else -amount
        out.append(f"'{day:%d/%m},\"{text}\",'0000,{amount}.00,{marker},{balance}.00")
    path.write_text("\r\n".join(out) + "\r\n", encoding="utf-8-sig")
    return path
