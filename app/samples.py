"""Sample objects picked from a shop for the screenshot renderers (``make screenshots``):
stocked products, barcodes, the newest sale, online orders, a user by name. Reads only.

The renderers live beside the screens in ``ui/``; their picks are queries, so they live here.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Barcode, Order, Product, User


def products(session: Session, *, limit: int, more_than: Decimal | int | None = None,
             weighed: bool | None = None, active_only: bool = True,
             with_barcode: bool = False) -> list[Product]:
    """The first ``limit`` products by id: with more than ``more_than`` in stock, sold by
    weight or by the piece (None: either), not archived, with a barcode — as asked."""
    query = select(Product)
    if more_than is not None:
        query = query.where(Product.on_hand > more_than)
    if weighed is not None:
        query = query.where(Product.sold_by_weight.is_(weighed))
    if active_only:
        query = query.where(Product.archived.is_(False))
    if with_barcode:
        query = query.where(Product.barcodes.any())
    return list(session.scalars(query.order_by(Product.id).limit(limit)))


def barcodes(session: Session, *, limit: int, more_than: Decimal | int, weighed: bool) -> list[str]:
    """Barcodes of products with more than ``more_than`` in stock, by product id."""
    return list(session.scalars(
        select(Barcode.code).join(Product).where(Product.sold_by_weight.is_(weighed),
                                                 Product.on_hand > more_than)
        .order_by(Product.id).limit(limit)))


def newest_order(session: Session, kind: str, status: str) -> Order:
    """The newest order of this kind and status (NoResultFound when there is none)."""
    return session.scalars(select(Order).where(Order.kind == kind, Order.status == status)
                           .order_by(Order.created_at.desc()).limit(1)).one()


def orders_from(session: Session, source: str) -> list[Order]:
    """Every order from one source (``online``…), oldest first."""
    return list(session.scalars(select(Order).where(Order.source == source).order_by(Order.created_at)))


def user_id(session: Session, name: str) -> int:
    """The id of the user called ``name`` (NoResultFound when there is none)."""
    return int(session.scalars(select(User.id).where(User.name == name)).one())
