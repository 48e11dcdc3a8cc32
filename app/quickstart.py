"""A light, read-only look into a shop file for the first frame of the window.

Stdlib ``sqlite3`` only: importing this module loads neither SQLAlchemy, the models nor
Alembic (``import sqlalchemy.orm`` alone costs ~0.4 s of a cold start). :func:`open_quick`
answers only for a PEKEN shop file already at the schema head (:func:`schema_head`); anything else — a missing
or empty file, an older schema that needs migrating, a newer one, a damaged, locked or
unreadable file — is ``None``, and the caller takes the full path (``app.db``,
``ui.startup_errors``) unchanged.

What it reads is what the sell screen's first frame needs, with the same rules as the full
path: the UI language (``app.settings``' ``ui.language``), the shop's name (``app.shop``),
the active users for the login picker (``app.users.active_users``: owners first, then by
name), a PIN check with the one hash implementation (:mod:`app.pins`), and the quick grid's
rows with the same SQL text that ``app.tiles`` runs (:func:`tiles_query`).

Nothing here writes: a refused PIN is not logged and no lockout is counted — the full path's
``app.permissions.login`` does both, so a caller must still log in through it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, cast

from app.hits import ProductHit, Tile
from app.pins import LOGIN, WRONG_PIN, verify_pin
from app.schema import SCHEMA_HEAD

if TYPE_CHECKING:  # a NewType of int: the identity at run time
    from models.base import ProductId

DEFAULT_LANGUAGE = "id"  # app.settings' default for ui.language
DEFAULT_SHOP_NAME = "Toko Saya"  # app.shop's default profile
DEFAULT_COLOUR = "#607d8b"  # app.tiles.DEFAULT_COLOUR
TILE_LIMIT = 60  # tiles on one page of the quick grid (app.tiles.TILE_LIMIT)
QTY_SCALE = 1000  # models.base.Quantity: thousandths
WIZARD_BEGUN, WIZARD_FINISHED = 1, 99  # app.first_run.Step.SHOP and .FINISHED

# The quick grid: the favourites' or one category's products that are sold themselves (a
# variant shows as its parent's tile), by name. Columns: the ProductHit fields
# (app.catalog._HIT_COLUMNS), then the product's and the category's colour. The favourites'
# condition is written as the partial index ix_products_favourite_tiles is (``IS 1``), so
# SQLite reads that index instead of scanning a 100 000-product table.
_TILES_SELECT = (
    "SELECT products.id, products.sku, products.name, products.price, products.unit, "
    "products.sold_by_weight, products.on_hand, products.archived, products.option_names, "
    "products.color, categories.color "
    "FROM products LEFT OUTER JOIN categories ON categories.id = products.category_id "
    "WHERE products.archived IS 0 AND products.parent_id IS NULL AND "
)
FAVOURITE_TILES_SQL = _TILES_SELECT + "products.favourite IS 1 ORDER BY products.name LIMIT :limit"
CATEGORY_TILES_SQL = (_TILES_SELECT + "products.category_id = :category "
                      "ORDER BY products.name LIMIT :limit")
CATEGORIES_SQL = "SELECT id, name, color FROM categories ORDER BY name"
# Sales channels the till sells in (``app.shop.channels`` less online): counter first, then
# events by name (SQLite's default collation orders as Python's ``sorted`` does).
SALE_CHANNELS_SQL = ("SELECT id, kind, name FROM sales_channels WHERE active = 1 "
                     "AND kind IN ('counter', 'event') "
                     "ORDER BY CASE kind WHEN 'counter' THEN 0 ELSE 1 END, name")
# The newest PIN check on record (``app.permissions``' lockout reads the same events).
LAST_PIN_EVENT_SQL = ("SELECT action FROM audit_log WHERE action IN (?, ?) "
                      "OR approved_by_id IS NOT NULL ORDER BY id DESC LIMIT 1")
USERS_SQL = ("SELECT id, name, role FROM users WHERE active = 1 "
             "ORDER BY role DESC, name")


@dataclass(frozen=True)
class QuickUser:
    """A user as the login picker shows one: id, name and role."""

    id: int
    name: str
    role: str


def schema_head() -> str:
    """The newest migration shipped (``app.schema.SCHEMA_HEAD``, which a test keeps equal to
    Alembic's head)."""
    return SCHEMA_HEAD


def tiles_query(category_id: int | None, limit: int) -> tuple[str, dict[str, int]]:
    """The quick grid's SQL text and parameters: favourites (None) or one category."""
    if category_id is None:
        return FAVOURITE_TILES_SQL, {"limit": limit}
    return CATEGORY_TILES_SQL, {"category": category_id, "limit": limit}


def quantity(stored: int | None) -> Decimal:
    """A stored quantity (integer thousandths) as the Decimal the models give."""
    return (Decimal(stored or 0) / QTY_SCALE).quantize(Decimal("0.001"))


def tile_from_row(row: tuple[object, ...]) -> Tile:
    """A :func:`tiles_query` row as a tile (the colour: product's, else category's, else grey)."""
    colour = row[9] or row[10] or DEFAULT_COLOUR
    hit = ProductHit(cast("ProductId", int(row[0])), str(row[1]), str(row[2]),  # type: ignore[call-overload]
                     int(row[3]),  # type: ignore[call-overload]
                     str(row[4]), bool(row[5]), quantity(row[6]), bool(row[7]),  # type: ignore[arg-type]
                     str(row[8] or ""))
    return Tile(hit, str(colour))


class QuickShop:
    """A read-only connection to a shop at the current schema (see :func:`open_quick`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def _setting(self, key: str) -> object | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def language(self) -> str:
        """The stored UI language (``ui.language``), or the default."""
        value = self._setting("ui.language")
        return value if isinstance(value, str) else DEFAULT_LANGUAGE

    def shop_name(self) -> str:
        """The shop's name (the default profile's while none is saved)."""
        row = self._conn.execute("SELECT name FROM shop_profile LIMIT 1").fetchone()
        return str(row[0]) if row else DEFAULT_SHOP_NAME

    def active_users(self) -> list[QuickUser]:
        """Active users, owners first, then by name (``app.users.active_users``)."""
        return [QuickUser(int(r[0]), str(r[1]), str(r[2])) for r in self._conn.execute(USERS_SQL)]

    def check_pin(self, user_id: int, pin: str) -> QuickUser | None:
        """The active user ``user_id`` when ``pin`` is theirs; None otherwise (nothing logged)."""
        found = self.user_and_hash(user_id)
        if found is None or not verify_pin(pin, found[1]):
            return None
        return found[0]

    def user_and_hash(self, user_id: int) -> tuple[QuickUser, str] | None:
        """The active user ``user_id`` and their stored PIN hash (for :func:`app.pins.verify_pin`
        on another thread: the hash takes ~50 ms and releases the interpreter)."""
        row = self._conn.execute("SELECT id, name, role, pin_hash FROM users "
                                 "WHERE id = ? AND active = 1", (user_id,)).fetchone()
        if row is None:
            return None
        return QuickUser(int(row[0]), str(row[1]), str(row[2])), str(row[3])

    def timezone(self) -> str | None:
        """The shop's stored time zone (``shop.timezone``), or None when unset."""
        value = self._setting("shop.timezone")
        return value if isinstance(value, str) else None

    def sale_channels(self) -> list[tuple[int, str, str]]:
        """The channels the till sells in as (id, kind, name): counter first, then events."""
        return [(int(r[0]), str(r[1]), str(r[2])) for r in self._conn.execute(SALE_CHANNELS_SQL)]

    def current_channel(self) -> int:
        """The stored channel choice (``sales.current_channel_id``; 0 when unset)."""
        value = self._setting("sales.current_channel_id")
        return int(value) if isinstance(value, int) else 0

    def last_pin_refused(self) -> bool:
        """Whether the newest PIN check on record was a wrong PIN (a lockout may be running:
        only the full check, ``app.permissions.login``, may then decide)."""
        row = self._conn.execute(LAST_PIN_EVENT_SQL, (WRONG_PIN, LOGIN)).fetchone()
        return row is not None and row[0] == WRONG_PIN

    def tile_categories(self) -> list[tuple[int, str, str]]:
        """Categories as (id, name, colour), by name (``app.tiles.tile_categories``)."""
        return [(int(r[0]), str(r[1]), str(r[2] or DEFAULT_COLOUR))
                for r in self._conn.execute(CATEGORIES_SQL)]

    def quick_tiles(self, category_id: int | None, limit: int = TILE_LIMIT) -> list[Tile]:
        """Favourites (``category_id`` None) or one category's tiles (``app.tiles.quick_tiles``)."""
        sql, params = tiles_query(category_id, limit)
        return [tile_from_row(tuple(r)) for r in self._conn.execute(sql, params)]


def _connect(path: Path) -> sqlite3.Connection | None:
    """A connection that sees the WAL and refuses writes (``query_only``), or None when SQLite
    cannot give one.

    Opened ``mode=rw`` (never ``rwc``: no file is created), not ``mode=ro``: a read-only
    connection to a WAL-mode file leaves the ``-wal`` and ``-shm`` files it made behind when it
    closes, so a file the full path then refuses (damaged, newer, locked…) would not be left as
    it was found. A write-protected file still opens, read-only."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def _ready_for_login(conn: sqlite3.Connection) -> bool:
    """At the schema head, with an active user, and no set-up wizard to run or finish
    (``app.first_run.progress``: a wizard begun and not finished runs again)."""
    head = schema_head()
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        users = conn.execute("SELECT count(*) FROM users WHERE active = 1").fetchone()
        step = conn.execute("SELECT value FROM settings WHERE key = 'first_run.step'").fetchone()
        wizard = int(json.loads(step[0])) if step else 0
    except (sqlite3.Error, ValueError, TypeError):
        return False
    if [str(r[0]) for r in rows] != [head] or not (users and users[0]):
        return False
    return wizard >= WIZARD_FINISHED or wizard <= WIZARD_BEGUN


def open_quick(path: Path) -> QuickShop | None:
    """The shop at ``path`` read-only, when it is a PEKEN shop at :func:`schema_head` with an
    active user and no set-up wizard to run; None for anything else (the full start path
    handles it)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    conn = _connect(path)
    if conn is None:
        return None
    if not _ready_for_login(conn):
        conn.close()
        return None
    return QuickShop(path, conn)
