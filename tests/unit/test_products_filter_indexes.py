"""The products table's low-stock and not-published filters read partial indexes, not the catalog."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import Database
from app.product_queries import ProductFilter, ProductSort, _order, _where, count_products, matching_ids
from tests.unit.foundation_kit import add_product


@pytest.mark.parametrize(("flt", "index"), [
    (ProductFilter(low_stock=True), "ix_products_low_stock"),
    (ProductFilter(unpublished=True), "ix_products_unpublished"),
])
def test_the_filter_is_read_off_its_partial_index(db: Database, flt: ProductFilter, index: str) -> None:
    with db.unit_of_work() as session:
        add_product(session, "LOW", "Gula", stock=1, min_stock=5)
        add_product(session, "OK", "Teh", stock=50, min_stock=5)
        session.execute(text("UPDATE products SET published = (sku = 'OK')"))
    where, params = _where(flt)
    order = _order(ProductSort(), use_index=False)
    with db.read() as session:
        for sql in (f"SELECT COUNT(*) FROM products p WHERE {where}",
                    f"SELECT p.id FROM products p WHERE {where} {order}"):
            plan = " ".join(str(r[-1]) for r in session.execute(text("EXPLAIN QUERY PLAN " + sql), params))
            assert f"USING INDEX {index}" in plan, plan
        assert count_products(session, flt) == 1 == len(matching_ids(session, flt, ProductSort()))
