"""Discount given per promotion in a period (issue 17): what each promotion cost the shop.

One grouped query over the period's counted sales (paid or fulfilled, found through the
``created_at`` index) and their lines that carry a promotion; a refund's lines carry none,
so the figure is the discount given at the till.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from app.clock import day_bounds_utc
from app.reports.figures import COUNTED_STATUSES
from app.reports.periods import Period
from contract.enums import OrderKind
from models import Order, OrderLine, Promotion


@dataclass(frozen=True)
class PromoDiscountRow:
    """One promotion's discount over the period: on how many lines and orders, in rupiah."""

    promotion_id: int
    name: str
    lines: int
    orders: int
    discount: int


def promotion_discounts(session: Session, period: Period) -> list[PromoDiscountRow]:
    """Each promotion that gave a discount in ``period``, the largest first."""
    start, end = day_bounds_utc(period.first, period.last)
    total = func.sum(OrderLine.promo_discount)
    query = (
        select(OrderLine.promotion_id, func.coalesce(Promotion.name, ""), func.count(),
               func.count(distinct(OrderLine.order_id)), total)
        .join(Order, Order.id == OrderLine.order_id)
        .outerjoin(Promotion, Promotion.id == OrderLine.promotion_id)
        .where(Order.created_at >= start, Order.created_at < end,
               Order.status.in_(COUNTED_STATUSES), Order.kind == OrderKind.SALE,
               OrderLine.promotion_id.is_not(None))
        .group_by(OrderLine.promotion_id)
        .order_by(total.desc(), OrderLine.promotion_id)
    )
    return [PromoDiscountRow(int(pid or 0), str(name), int(lines), int(orders), int(amount or 0))
            for pid, name, lines, orders, amount in session.execute(query)]
