"""Name search: FTS5 trigram substrings, seller-friendly ranking, SKU, short queries, archived."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, insert, select

from app import catalog
from app.db import Database
from app.search import search_products
from models import Product
from tests.unit.foundation_kit import add_product

NAMES = {
    "BJ-1001": "Minyak Goreng Bimoli 2 L",
    "BJ-1002": "Minyak Goreng Curah",
    "BJ-1003": "Kacang Goreng Garuda",
    "BJ-2001": "Kopi Kapal Api Special 165 g",
    "BJ-2002": "Es Kopi Susu Gula Aren",
    "BJ-2003": "Permen Kopiko Coffee Candy",
    "BJ-2004": "Dodol Markopi Khas Garut",
    "BJ-3001": "Batik Tulis Madura Merah",
    "BJ-3002": "Kain Batik Cap Jetis",
    "BJ-4001": "Es Teh Manis",
    "BJ-4002": "Mie Instan Indomie Goreng",
    "BJ-4003": "Sabun Mandi Lifebuoy",
}


@pytest.fixture
def shop(db: Database) -> Iterator[dict[str, int]]:
    """A small catalog: sku → product id."""
    with db.unit_of_work() as session:
        ids = {sku: add_product(session, sku, name, 5_000) for sku, name in NAMES.items()}
    yield ids


def _names(db: Database, query: str, **kwargs: object) -> list[str]:
    with db.read() as session:
        return [hit.name for hit in search_products(session, query, **kwargs)]  # type: ignore[arg-type]


def test_gor_finds_minyak_goreng(db: Database, shop: dict[str, int]) -> None:
    names = _names(db, "gor")
    assert "Minyak Goreng Bimoli 2 L" in names and "Minyak Goreng Curah" in names
    assert "Mie Instan Indomie Goreng" in names and "Kacang Goreng Garuda" in names
    assert "Kopi Kapal Api Special 165 g" not in names


def test_case_and_spacing_do_not_matter(db: Database, shop: dict[str, int]) -> None:
    assert _names(db, "  MINYAK   goreng ") == _names(db, "minyak goreng")
    assert set(_names(db, "minyak goreng")) == {"Minyak Goreng Bimoli 2 L", "Minyak Goreng Curah"}


def test_ranking_prefix_then_whole_word_then_word_start_then_substring(
    db: Database, shop: dict[str, int]
) -> None:
    assert _names(db, "kopi") == [
        "Kopi Kapal Api Special 165 g",   # name starts with the query
        "Es Kopi Susu Gula Aren",         # whole word
        "Permen Kopiko Coffee Candy",     # a word starts with it
        "Dodol Markopi Khas Garut",       # substring only
    ]
    assert _names(db, "batik")[0] == "Batik Tulis Madura Merah"


def test_every_word_is_required(db: Database, shop: dict[str, int]) -> None:
    assert _names(db, "kopi kapal") == ["Kopi Kapal Api Special 165 g"]
    assert _names(db, "goreng curah") == ["Minyak Goreng Curah"]
    assert _names(db, "goreng batik") == []


def test_sku_search(db: Database, shop: dict[str, int]) -> None:
    with db.read() as session:
        hits = search_products(session, "BJ-3002")
        assert [h.id for h in hits] == [shop["BJ-3002"]]
        assert {h.sku for h in search_products(session, "bj-20", limit=50)} == {
            "BJ-2001", "BJ-2002", "BJ-2003", "BJ-2004"}


def test_one_and_two_letter_queries(db: Database, shop: dict[str, int]) -> None:
    es = _names(db, "es")
    assert es[0] in ("Es Kopi Susu Gula Aren", "Es Teh Manis")
    assert set(es[:2]) == {"Es Kopi Susu Gula Aren", "Es Teh Manis"}
    assert all("es" in name.lower() for name in es)
    assert "Kopi Kapal Api Special 165 g" not in es
    assert set(_names(db, "k")) == {n for n in NAMES.values() if "k" in n.lower()}
    assert _names(db, "es kopi") == ["Es Kopi Susu Gula Aren"]
    assert _names(db, "zq") == []


def test_archived_products_are_hidden_unless_asked(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        catalog.archive_product(session, shop["BJ-1002"])
    assert "Minyak Goreng Curah" not in _names(db, "goreng")
    assert "Minyak Goreng Curah" not in _names(db, "go")
    assert "Minyak Goreng Curah" in _names(db, "goreng", include_archived=True)


def test_renamed_product_is_found_by_its_new_name(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        data = catalog.input_from_product(catalog.get_product(session, shop["BJ-4003"]))
        data.name = "Sabun Cuci Piring Sunlight"
        catalog.update_product(session, shop["BJ-4003"], data)
    assert _names(db, "sunlight") == ["Sabun Cuci Piring Sunlight"]
    assert _names(db, "lifebuoy") == []


@pytest.mark.parametrize("query", ["", "   ", '"', 'kopi"', "AND", "kopi OR", "*", "(gor", "NEAR("])
def test_odd_queries_never_crash(db: Database, shop: dict[str, int], query: str) -> None:
    names = _names(db, query)
    assert isinstance(names, list)
    if query.strip() == "":
        assert names == []


def test_limit_and_hit_fields(db: Database, shop: dict[str, int]) -> None:
    with db.read() as session:
        hits = search_products(session, "o", limit=3)
        assert len(hits) == 3
        hit = search_products(session, "bimoli")[0]
    assert (hit.sku, hit.price, hit.unit, hit.archived) == ("BJ-1001", 5_000, "pcs", False)


def test_prefix_and_word_matches_win_among_hundreds_of_substring_matches(db: Database) -> None:
    with db.unit_of_work() as session:
        session.execute(insert(Product), [
            {"sku": f"KG{n:04d}", "name": f"Kacang Digoreng Rasa {n}", "price": 5_000} for n in range(450)
        ])
        add_product(session, "GT-1", "Gorengan Tahu Isi", 2_000)
        add_product(session, "X-1", "Tahu Goreng Sambal", 2_000)
        add_product(session, "X-2", "Minyak Goreng Curah", 2_000)
        add_product(session, "X-3", "Pisang Gorengan", 2_000)
    assert _names(db, "gor", limit=5)[:4] == [
        "Gorengan Tahu Isi", "Pisang Gorengan", "Tahu Goreng Sambal", "Minyak Goreng Curah"]
    assert _names(db, "goreng", limit=3) == [  # prefix, then whole words (shorter first)
        "Gorengan Tahu Isi", "Tahu Goreng Sambal", "Minyak Goreng Curah"]
    assert _names(db, "digoreng rasa 449") == ["Kacang Digoreng Rasa 449"]


@pytest.mark.parametrize("query", ["100%", "a_b", "gor%eng", "'; DROP TABLE products; --"])
def test_sql_wildcards_are_plain_text(db: Database, shop: dict[str, int], query: str) -> None:
    assert _names(db, query) == []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == len(NAMES)
