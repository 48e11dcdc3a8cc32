"""Fixtures of the catalog server tests: the app on SQLite and (optionally) PostgreSQL.

The ``backend`` fixture is parametrized over ``sqlite`` and ``postgres``; the
PostgreSQL variant needs ``PEKEN_TEST_PG_URL`` (an admin URL such as
``postgresql+psycopg://postgres@127.0.0.1:55432/postgres``) and creates a fresh
database per test module, dropped afterwards. Without it the PostgreSQL variants skip
(``make test`` says so loudly), or fail when ``PEKEN_REQUIRE_PG=1`` (``.ci/run``).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.db import online_copy
from server.admin import create_admin
from server.app import create_app
from server.config import Settings

PG_URL = os.environ.get("PEKEN_TEST_PG_URL", "")
# CI sets PEKEN_REQUIRE_PG=1: a PostgreSQL test that cannot run fails instead of skipping.
REQUIRE_PG = os.environ.get("PEKEN_REQUIRE_PG", "") == "1"
NO_PG = ("PEKEN_TEST_PG_URL not set: the PostgreSQL variant did not run "
         "(`make pg-start` starts one; `make test` tries it and says why it could not)")


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as psycopg wants it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name``."""
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def need_pg() -> None:
    """Skip without ``PEKEN_TEST_PG_URL`` (fail instead when ``PEKEN_REQUIRE_PG=1``)."""
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail(f"PEKEN_REQUIRE_PG=1 but {NO_PG}", pytrace=False)
        pytest.skip(NO_PG)


@contextmanager
def fresh_pg_database(prefix: str, template: str = "") -> Iterator[str]:
    """A new PostgreSQL database on the test server (empty, or a copy of the database named
    ``template``); dropped afterwards."""
    need_pg()
    name = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(libpq_url(PG_URL), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield with_database(PG_URL, name)
    finally:
        with psycopg.connect(libpq_url(PG_URL), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the module's app runs on."""
    if request.param == "postgres":
        need_pg()
    return str(request.param)


def _migrate(database_url: str, data_dir: Path) -> None:
    create_app(Settings(data_dir=data_dir, database_url=database_url)).state.db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog database migrated once per test process; tests get copies (copy_sqlite)."""
    folder = tmp_path_factory.mktemp("catalog-template")
    path = folder / "catalog.sqlite3"
    _migrate(f"sqlite:///{path}", folder)
    return path


@pytest.fixture(scope="session")
def pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of a PostgreSQL database migrated once per test process (a CREATE DATABASE
    template: copying it is much faster than running every migration again)."""
    with fresh_pg_database("peken_tpl") as url:
        _migrate(url, tmp_path_factory.mktemp("pg-template"))
        yield url.rpartition("/")[2]


def copy_sqlite(source: Path, target: Path) -> Path:
    """Copy a SQLite database with the online backup (consistent whatever is in its WAL)."""
    online_copy(sqlite3.connect(source), target)
    return target


@pytest.fixture(scope="module")
def database_url(backend: str, request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database for the module, already migrated (a copy of the process's template;
    the app's own migrate() then finds it at the head)."""
    if backend == "sqlite":
        target = tmp_path_factory.mktemp("catalog") / "catalog.sqlite3"
        yield f"sqlite:///{copy_sqlite(request.getfixturevalue('sqlite_template'), target)}"
        return
    with fresh_pg_database("peken_test", template=request.getfixturevalue("pg_template")) as url:
        yield url


# Functional tests place many orders from one client and phone: abuse limits off unless a test
# turns them on (tests/server/test_abuse.py does).
NO_ABUSE_LIMITS: dict[str, object] = {
    "rate_enroll_per_ip": 0, "rate_auth_failures_per_ip": 0, "rate_secret_failures_per_ip": 0,
    "rate_secret_failures_per_order": 0, "rate_orders_per_ip": 0, "max_open_orders_per_phone": 0,
    "max_open_orders_per_ip": 0,
    "api_docs": "public",  # the schema fuzz reads /openapi.json (test_hygiene checks "admin")
    # The race tests send requests at once on purpose: room for all of them (load shedding
    # has its own tests in test_load.py).
    "max_concurrent_requests": 8, "queue_timeout_s": 5,
}


def make_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    """Test settings on ``database_url`` (abuse limits off unless overridden)."""
    values = {**NO_ABUSE_LIMITS, **overrides}
    return Settings(data_dir=data_dir, database_url=database_url, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of the module's app."""
    return make_settings(database_url, tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def server_app(settings: Settings) -> Iterator[FastAPI]:
    """The app, migrated, on the module's database."""
    app = create_app(settings)
    yield app
    app.state.db.dispose()


@pytest.fixture(scope="module")
def client(server_app: FastAPI) -> Iterator[TestClient]:
    """An HTTP client talking to the app in-process."""
    with TestClient(server_app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def admin_token(server_app: FastAPI, settings: Settings) -> str:
    """A fresh admin token."""
    return create_admin(settings, "test-admin")
