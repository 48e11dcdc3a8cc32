"""A plain-text summary of a shop file (for the terminal and for checks)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import shop
from app.money import format_rupiah
from contract.enums import OrderStatus
from models import Order, Product, StockMovement


def summary(session: Session) -> str:
    """Shop name, product/stock/order counts and turnover, as readable lines."""
    profile = shop.profile(session)
    products = session.scalar(select(func.count()).select_from(Product)) or 0
    movements = session.scalar(select(func.count()).select_from(StockMovement)) or 0
    orders = session.scalar(select(func.count()).select_from(Order).where(Order.kind == "sale")) or 0
    turnover = session.scalar(
        select(func.coalesce(func.sum(Order.total), 0)).where(Order.status == OrderStatus.PAID)
    ) or 0
    return "\n".join([
        f"Toko     : {profile.name}" + (f" ({profile.address})" if profile.address else ""),
        f"Produk   : {products}",
        f"Mutasi   : {movements} gerakan stok",
        f"Pesanan  : {orders}",
        f"Omzet    : {format_rupiah(int(turnover))}",
    ])
