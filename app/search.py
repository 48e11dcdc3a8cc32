"""Product name search with the FTS5 trigram index, ranked for a seller at the counter.

The trigram index finds substrings ("gor" → "minyak goreng"). Among the FTS
candidates (best bm25 first) the results are re-ranked so that a name starting
with the query comes first, then names with a word starting with it, then the
rest; ties keep bm25 order.
"""

from __future__ import annotations

import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.catalog import _HIT_COLUMNS, ProductHit, _hit
from models import Product

CANDIDATES = 60
_FTS_SQL = text(
    "SELECT rowid FROM product_fts WHERE product_fts MATCH :q ORDER BY rank LIMIT :n"
)


def _fts_expression(terms: list[str]) -> str:
    """Each term as a quoted FTS5 phrase (trigram substring), all required."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _score(name: str, query: str, terms: list[str]) -> int:
    lowered = name.lower()
    if lowered.startswith(query):
        return 0
    words = re.split(r"[\s\-/,.()]+", lowered)
    if all(any(w == t for w in words) for t in terms):
        return 1
    if all(any(w.startswith(t) for w in words) for t in terms):
        return 2
    return 3


def _candidate_ids(session: Session, terms: list[str], short: list[str]) -> list[int]:
    if terms:
        limit = CANDIDATES * 4 if short else CANDIDATES
        rows = session.execute(_FTS_SQL, {"q": _fts_expression(terms), "n": limit})
        return [int(r[0]) for r in rows]
    like = [Product.name.ilike(f"%{t}%") for t in short]
    return list(session.scalars(select(Product.id).where(*like).limit(CANDIDATES)))


def search_products(
    session: Session, query: str, limit: int = 20, include_archived: bool = False
) -> list[ProductHit]:
    """Products whose name or SKU contains every word of ``query``, best first."""
    cleaned = " ".join(query.lower().split())
    if not cleaned:
        return []
    all_terms = cleaned.split(" ")
    terms = [t for t in all_terms if len(t) >= 3]
    short = [t for t in all_terms if len(t) < 3]
    ids = _candidate_ids(session, terms, short)
    if not ids:
        return []
    stmt = select(*_HIT_COLUMNS).where(Product.id.in_(ids))
    if not include_archived:
        stmt = stmt.where(Product.archived.is_(False))
    rows = {int(r[0]): _hit(tuple(r)) for r in session.execute(stmt)}
    hits = [rows[i] for i in ids if i in rows]
    if short and terms:
        hits = [h for h in hits if all(s in h.name.lower() or s in h.sku.lower() for s in short)]
    order = {h.id: pos for pos, h in enumerate(hits)}
    hits.sort(key=lambda h: (_score(h.name, cleaned, all_terms), order[h.id]))
    return hits[:limit]
