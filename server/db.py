"""Engines, sessions and migrations of the catalog database.

SQLite: WAL, ``foreign_keys=ON`` and a busy timeout on every connection; write
transactions start with ``BEGIN IMMEDIATE`` so writers are serialized and a
read-then-write transaction never fails on a stale snapshot. Read-only requests
use a second engine with plain deferred transactions. PostgreSQL: one pool,
READ COMMITTED, ``lock_timeout`` and ``statement_timeout`` on every connection;
writers serialize per shop with ``SELECT ... FOR UPDATE`` on the shop's row (see
:mod:`server.changelog`). Read-only sessions run in autocommit: under READ COMMITTED
every statement takes its own snapshot anyway, so a transaction around reads only
cost two more round trips (``BEGIN`` and ``ROLLBACK``) per request; a read that needs
one snapshot for several statements asks for REPEATABLE READ on its connection.
A pooled connection is pinged before use only after it sat idle a while (a busy
server's connections are never stale; the ping was one more round trip per request).

Pools hold one connection per admitted request (see :mod:`server.limits`) plus a
few spares and never overflow; a request holds at most one connection at a time
(authentication uses its own short session, released before the endpoint runs).
A pool that stays empty for ``db_pool_timeout_s`` raises, which answers 503.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

from alembic import command
from alembic.config import Config
from fastapi import Depends, Request
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from server.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _private_sqlite_file(url: str, data_dir: Path) -> None:
    """Create the data folder (0700) and the database file (0600) before SQLite does.

    SQLite gives its ``-wal`` and ``-shm`` files the main file's permissions, so the
    NIKs, NPWPs and bank accounts inside are readable by the server's user only.
    """
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = Path(url.removeprefix("sqlite:///"))
    if path.parent.resolve() == data_dir.resolve():
        data_dir.chmod(0o700)
    if url.startswith("sqlite:///") and str(path) not in ("", ":memory:"):
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        path.chmod(0o600)


def _sqlite_engine(url: str, settings: Settings, *, immediate: bool) -> Engine:
    """An SQLite engine whose transactions begin IMMEDIATE (writers) or DEFERRED."""
    engine = create_engine(
        url,
        hide_parameters=True,  # no buyer names, phones or NIKs in logged errors
        connect_args={"check_same_thread": False, "timeout": settings.sqlite_busy_timeout_ms / 1000},
        pool_size=settings.pool_size,
        max_overflow=0,
        pool_timeout=settings.db_pool_timeout_s,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(settings.sqlite_busy_timeout_ms)}")
        cur.close()

    if not immediate:
        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    _serialize_writers(engine, settings.sqlite_busy_timeout_ms / 1000)
    return engine


WRITE_LOCK_KEY = "peken_write_lock"


def _serialize_writers(engine: Engine, timeout_s: float) -> None:
    """Writers of this process queue on a lock before ``BEGIN IMMEDIATE``.

    SQLite's own busy handler polls with growing sleeps (up to 100 ms), so writers
    competing for the database lock wait far longer than the transaction ahead of
    them lasts; a process-wide lock wakes the next writer as soon as the previous
    one commits. Other processes (``--workers N``) still meet the busy timeout.
    A writer that waits longer than the busy timeout gets "database is locked" (503).
    """
    lock = threading.Lock()

    def release(conn: Any) -> None:
        if conn.info.pop(WRITE_LOCK_KEY, False):
            lock.release()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if not conn.info.get(WRITE_LOCK_KEY):
            if not lock.acquire(timeout=timeout_s):
                raise OperationalError("BEGIN IMMEDIATE", None,
                                       sqlite3.OperationalError("database is locked"))
            conn.info[WRITE_LOCK_KEY] = True
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            release(conn)
            raise

    def release_record(_dbapi_conn: Any, record: Any, *_args: Any) -> None:
        release(record)  # a connection handed back (or dropped) mid-transaction

    event.listen(engine, "commit", release)
    event.listen(engine, "rollback", release)
    event.listen(engine, "checkin", release_record)
    event.listen(engine, "invalidate", release_record)


IDLE_PING_S = 10.0  # a pooled connection idle this long is pinged before it is used again
IDLE_SINCE_KEY = "peken_idle_since"


def _ping_when_idle(engine: Engine, idle_s: float) -> None:
    """Ping a connection on checkout only when it sat idle ``idle_s`` seconds or more.

    A dead one (the database restarted, a firewall dropped it) is replaced before the
    request uses it, as ``pool_pre_ping`` does, without a round trip for every checkout.
    """

    @event.listens_for(engine, "checkin")
    def _idle(_dbapi_conn: Any, record: Any) -> None:
        record.info[IDLE_SINCE_KEY] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get(IDLE_SINCE_KEY)
        if since is None or time.monotonic() - since < idle_s:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # the pool drops it and connects anew
            raise DisconnectionError("idle connection is gone") from exc


def _postgres_engine(url: str, settings: Settings) -> Engine:
    """A PostgreSQL engine whose sessions give up on locks and runaway statements."""
    options = (f"-c lock_timeout={int(settings.pg_lock_timeout_ms)} "
               f"-c statement_timeout={int(settings.pg_statement_timeout_ms)}")
    engine = create_engine(url, pool_size=settings.pool_size, max_overflow=0,
                           hide_parameters=True, pool_timeout=settings.db_pool_timeout_s,
                           connect_args={"options": options})
    _ping_when_idle(engine, IDLE_PING_S)
    return engine


class Database:
    """The write and read engines plus their session factories."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = settings.resolved_database_url()
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            _private_sqlite_file(self.url, Path(settings.data_dir))
            self.write_engine = _sqlite_engine(self.url, settings, immediate=True)
            self.read_engine = _sqlite_engine(self.url, settings, immediate=False)
        else:
            self.write_engine = _postgres_engine(self.url, settings)
            # Same pool; reads in autocommit (see the module docstring).
            self.read_engine = self.write_engine.execution_options(isolation_level="AUTOCOMMIT")
        self.write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self.read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.write_engine.connect() as conn:
            self._request_timeouts(conn, off=True)  # an index build may outlast a request
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            self._request_timeouts(conn, off=False)

    def _request_timeouts(self, conn: Connection, *, off: bool) -> None:
        """PostgreSQL: lift the per-request timeouts on ``conn`` or restore them."""
        if self.is_sqlite:
            return
        for name in ("statement_timeout", "lock_timeout"):
            conn.exec_driver_sql(f"SET {name} = 0" if off else f"RESET {name}")
        conn.commit()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.write_engine.dispose()
        if self.is_sqlite:
            self.read_engine.dispose()


def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@contextmanager
def write_session(request: Request) -> Iterator[Session]:
    """A write transaction committed when the block ends (before the answer is serialised)."""
    with _database(request).write_sessions() as session, session.begin():
        yield session


T = TypeVar("T")
RACE_ATTEMPTS = 3


def in_transaction(request: Request, work: Callable[[Session], T]) -> T:
    """Run ``work`` in a write transaction, again from scratch after a unique-key race.

    Two shops (each locked on its own row) may insert the same new UUID at once; on
    PostgreSQL the later one fails with a unique violation only when the first commits.
    Run again, it sees the committed row and rejects its op cleanly.
    """
    for attempt in range(1, RACE_ATTEMPTS + 1):
        try:
            with write_session(request) as session:
                return work(session)
        except IntegrityError:
            if attempt == RACE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    """A read-only session, closed (connection back in the pool) when the block ends."""
    with _database(request).read_sessions() as session:
        yield session


@contextmanager
def read_connection(request: Request) -> Iterator[Connection]:
    """A read-only Core connection (no ORM), back in the pool when the block ends."""
    with _database(request).read_engine.connect() as conn:
        yield conn


def get_session(request: Request) -> Iterator[Session]:
    """A write session in one transaction: committed when the endpoint returns."""
    with _database(request).write_sessions() as session, session.begin():
        yield session


def get_read_session(request: Request) -> Iterator[Session]:
    """A read-only session (rolled back at the end)."""
    with _database(request).read_sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]
