"""Product name search with the FTS5 trigram index, ranked for a seller at the counter.

The trigram index finds substrings ("gor" → "minyak goreng"). Results are ranked so
that a name starting with the query comes first, then names with every word of the query
as a whole word, then names with words starting with them, then the rest; ties go to the
shorter name.

Speed on big shops: FTS5's ``ORDER BY rank`` computes bm25 for *every* match (thousands
for "gor" among 100 000 products), which alone costs more than the 5 ms budget. So the
candidates are (a) names starting with the query, found through the name index, and
(b) the first ``CANDIDATES`` FTS matches without bm25; SQLite ranks them and only the
best rows come back to Python. For a term with fewer matches than that (any real shop)
the ranking is exact.
"""

from __future__ import annotations

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from app.catalog import _HIT_COLUMNS, ProductHit, _hit

CANDIDATES = 300
_TYPED = tuple(c.expression for c in _HIT_COLUMNS)  # decode on_hand and the flags as the ORM does
# The name in lower case with word separators turned into spaces, padded: ' minyak goreng 2 l '.
_NORM = ("(' ' || replace(replace(replace(replace(replace(replace(lower(p.name), '-', ' '), "
         "'/', ' '), ',', ' '), '.', ' '), '(', ' '), ')', ' ') || ' ')")


def _fts_expression(terms: list[str]) -> str:
    """Each term as a quoted FTS5 phrase (trigram substring), all required."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def _prefix_ranges(query: str, params: dict[str, object]) -> str:
    """SQL matching names that start with ``query`` in its usual spellings (index ranges)."""
    ranges = []
    for n, variant in enumerate(sorted({query, query.capitalize(), query.title(), query.upper()})):
        params[f"lo{n}"], params[f"hi{n}"] = variant, variant[:-1] + chr(ord(variant[-1]) + 1)
        ranges.append(f"(name >= :lo{n} AND name < :hi{n})")
    return " OR ".join(ranges)


HIT_SQL = "p.id, p.sku, p.name, p.price, p.unit, p.sold_by_weight, p.on_hand, p.archived, p.option_names"


def _ranking_sql(query: str, terms: list[str], short: list[str], archived: bool,
                 params: dict[str, object], columns: str = "p.id") -> TextClause:
    """One statement: candidates, filters and the seller's ranking, best ``:k`` rows first."""
    words = [f"w{n}" for n in range(len(params["all"]))]  # type: ignore[arg-type]
    for name, word in zip(words, params.pop("all"), strict=True):  # type: ignore[call-overload]
        params[name] = word
    whole = " AND ".join(f"instr({_NORM}, ' ' || :{w} || ' ') > 0" for w in words)
    start = " AND ".join(f"instr({_NORM}, ' ' || :{w}) > 0" for w in words)
    if terms:
        # Substrings anywhere, and separately words starting with each term (" gor"), so
        # whole-word matches are candidates even when thousands of names contain the text.
        params["m"], params["ws"] = _fts_expression(terms), _fts_expression([" " + t for t in terms])
        fts = "SELECT rowid AS id FROM product_fts WHERE product_fts MATCH"
        found = f"SELECT id FROM ({fts} :ws LIMIT :n) UNION SELECT id FROM ({fts} :m LIMIT :n)"
    else:
        found = "SELECT id FROM products WHERE " + " AND ".join(
            f"instr(lower(name), :s{i}) > 0" for i in range(len(short))) + " LIMIT :n"
    prefix = f"SELECT id FROM products WHERE {_prefix_ranges(query, params)} LIMIT :n"
    filters = ["1"] if archived else ["+p.archived = 0"]
    for i, s in enumerate(short):
        params[f"s{i}"] = s
        filters.append(f"(instr(lower(p.name), :s{i}) > 0 OR instr(lower(p.sku), :s{i}) > 0)")
    return text(
        # CROSS JOIN keeps the few candidates as the outer loop (never a scan of all products).
        f"SELECT {columns} FROM (SELECT id FROM ({found}) UNION SELECT id FROM ({prefix})) c "
        f"CROSS JOIN products p ON p.id = c.id WHERE {' AND '.join(filters)} ORDER BY "
        f"CASE WHEN substr(lower(p.name), 1, length(:q)) = :q THEN 0 WHEN {whole} THEN 1 "
        f"WHEN {start} THEN 2 ELSE 3 END, length(p.name), p.name LIMIT :k"
    )


def search_products(
    session: Session, query: str, limit: int = 20, include_archived: bool = False
) -> list[ProductHit]:
    """Products whose name or SKU contains every word of ``query``, best first (one statement:
    SQL ranks the rows and returns the hit columns)."""
    cleaned = " ".join(query.lower().split())
    if not cleaned:
        return []
    all_terms = cleaned.split(" ")
    terms = [t for t in all_terms if len(t) >= 3]
    short = [t for t in all_terms if len(t) < 3]
    params: dict[str, object] = {"q": cleaned, "n": CANDIDATES, "k": limit, "all": all_terms}
    sql = _ranking_sql(cleaned, terms, short, include_archived, params, HIT_SQL).columns(*_TYPED)
    return [_hit(tuple(row)) for row in session.execute(sql, params)]
