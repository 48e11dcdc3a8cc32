"""Categories written by name: the product form's typed category and a synced listing's
category land in the same row whatever the case or spacing.

Kept apart from :mod:`app.catalog` because :mod:`app.sync.fields` needs it and the catalog
imports the sync fields.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import ValidationError
from models import Category


def ensure_category(session: Session, name: str) -> int | None:
    """The id of the category called ``name`` (case-insensitive), created when new; None for blank."""
    clean = " ".join(name.split())
    if not clean:
        return None
    if len(clean) > 80:
        raise ValidationError("Nama kategori terlalu panjang (maks. 80 karakter).", field="category_id")
    found = session.execute(
        text("SELECT id FROM categories WHERE lower(name) = lower(:n)"), {"n": clean}
    ).scalar()
    if found is not None:
        return int(found)
    category = Category(name=clean)
    session.add(category)
    session.flush()
    return category.id
