"""Counter actions on a shop file for the sync tests: cash sales and listing edits."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app import catalog
from app.cart import Cart, CartLine
from app.db import Database
from app.sales import PaymentInput, checkout
from models import Product


def sell(db: Database, product_uuid: str, qty: int) -> None:
    """A cash sale of ``qty`` pieces at the counter (offline is fine)."""
    with db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.uuid == product_uuid)).one()
        cart = Cart()
        cart.add(CartLine(product.id, product.name, product.unit, Decimal(qty), product.price))
        checkout(session, cart, [PaymentInput("cash", cart.total)])


def edit_price(db: Database, product_uuid: str, price: int) -> None:
    """Change a product's price through the catalog service (queues listing.upsert)."""
    with db.unit_of_work() as session:
        product = session.scalars(select(Product).where(Product.uuid == product_uuid)).one()
        data = catalog.input_from_product(product)
        data.price = price
        catalog.update_product(session, product.id, data)
