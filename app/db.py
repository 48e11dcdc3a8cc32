"""The shop database: engine with the pragmas of docs/design.md ("Data: the shop database"),
migrations, units of work.

One SQLite file per shop. Every connection gets ``journal_mode=WAL``,
``synchronous=FULL`` (a printed receipt must never roll back after power loss),
``foreign_keys=ON`` and a ``busy_timeout``. Alembic migrations run at open:
a new file is created at the latest revision, an older file is backed up and
upgraded, and a file written by a newer app is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app import clock, settings
from app.errors import DatabaseVersionError, UserError
from app.schema import KNOWN_REVISIONS, SCHEMA_HEAD  # the newest migration and all before it

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """Apply the shop pragmas and take over transaction control from pysqlite."""
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


WRITE_OPTION = "peken_write"


def _begin(conn: Any) -> None:
    """Emit our own BEGIN so SQLite transactions (and SAVEPOINTs) are real.

    A unit of work takes the write lock at once (``BEGIN IMMEDIATE``): a transaction
    that reads and then writes can otherwise fail with "database is locked" when the
    sync worker committed in between. Readers use a plain deferred ``BEGIN``.
    """
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    """Create the SQLAlchemy engine for a shop file with the pragmas applied."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def stored_revision(path: Path) -> str | None:
    """The Alembic revision written in a shop file, or None for a new/empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc) and not tables[0]:  # an empty SQLite file: a new shop
            return None
        raise UserError("Berkas '{path}' bukan database toko PEKEN Kasir: {exc}", path=path,
                        exc=exc) from exc
    return str(row[0]) if row else None


def _run_alembic_upgrade(engine: Engine) -> None:
    """Upgrade the database to the head revision with Alembic (imported lazily)."""
    from alembic import command  # noqa: PLC0415 (alembic ~390 ms; only when the schema is behind)
    from alembic.config import Config  # noqa: PLC0415 (alembic ~390 ms; only when the schema is behind)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def backup_before_migration(path: Path, revision: str) -> Path:
    """Copy the shop file aside (SQLite online backup) before migrating it."""
    stamp = clock.file_stamp()
    target = path.with_name(f"{path.stem}.pre-{revision}-{stamp}{path.suffix}.bak")
    online_copy(sqlite3.connect(str(path)), target)
    return target


def online_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy the open database ``source`` into the file ``target`` with SQLite's online backup.

    Consistent even while the shop writes (WAL readers see one snapshot); closes ``source``.
    """
    dst = sqlite3.connect(str(target))
    try:
        source.backup(dst)
    finally:
        dst.close()
        source.close()


def migrate(path: Path, engine: Engine) -> str | None:
    """Bring the file to SCHEMA_HEAD; returns the backup path's name when one was made."""
    revision = stored_revision(path)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseVersionError(
            "Berkas toko '{name}' dibuat oleh versi PEKEN Kasir yang lebih baru (skema {revision}). "
            "Perbarui aplikasi sebelum membuka berkas ini.", name=path.name, revision=revision
        )
    backup = backup_before_migration(path, revision) if revision is not None else None
    _run_alembic_upgrade(engine)
    return backup.name if backup else None


class Database:
    """An open shop file: the engine, a session factory and units of work."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.path)
        self.backup_made = migrate(self.path, self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    def session(self) -> Session:
        """A new session; the caller commits or rolls back (prefer :meth:`unit_of_work`)."""
        return self._sessions()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        session = self._writes()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; anything written is rolled back."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        """Refresh the planner's statistics where they went stale, then close the connections.

        ``PRAGMA optimize`` (SQLite's advice for closing) re-analyzes only tables that grew or
        shrank a lot since their last ANALYZE; it is cheap and lets partial indexes such as the
        favourites' be chosen as the shop grows. A file we may not write is closed as is.
        """
        try:
            with self.engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        except DBAPIError:
            pass  # read-only or locked: the statistics wait for the next close
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open (creating or migrating as needed) the shop file at ``path``; its zone sets the clock."""
    database = Database(path)
    use_shop_zone(database)
    return database


def use_shop_zone(database: Database) -> None:
    """Set the shop clock to the zone saved in ``database`` (WIB when unset or unknown)."""
    with database.read() as session:
        name = str(settings.get(session, "shop.timezone"))
    try:
        clock.set_shop_zone(name)
    except UserError:
        clock.reset_shop_zone()
