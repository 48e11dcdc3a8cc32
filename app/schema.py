"""The shop database's schema revisions, without the database layer.

``app.db`` (which loads SQLAlchemy and runs Alembic) re-exports these; the light readers of a
shop file (``app.shopfile``, ``app.quickstart``) import them from here so the first frame of
the window needs neither SQLAlchemy nor Alembic.
"""

from __future__ import annotations

# The newest migration this app knows; a test keeps it equal to Alembic's head.
SCHEMA_HEAD = "0018"
KNOWN_REVISIONS = tuple(f"{n:04d}" for n in range(1, int(SCHEMA_HEAD) + 1))  # 0001 … head
