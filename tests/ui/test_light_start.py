"""The light start (ui.light_start): login and the sell screen's first frame from the stdlib
reader, the database layer loaded behind it — and nothing typed early lost or answered from
half-loaded data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import audit, cart_store, pins
from app.cart import Cart, CartLine
from app.clock import now_utc
from app.db import Database, open_database
from app.errors import UserError
from app.quickstart import open_quick
from models.catalog import Barcode, Product
from tests.conftest import ShopClock
from ui.app import load_style
from ui.light_start import LightStart, QuickDirectory, load_while_typing, quick_context
from ui.main_window import MainWindow
from ui.sell.screen import SellScreen

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "1234"  # app.demo.build_demo's owner


@pytest.fixture
def shop_path(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo shop (at the schema head, set up)."""
    target = tmp_path / "shop.sqlite"
    shutil.copy(demo_template, target)
    return target


class Started:
    """A light start on ``path`` as ``ui.light_start.run_light`` makes it (no login dialog)."""

    def __init__(self, path: Path) -> None:
        quick = open_quick(path)
        assert quick is not None, "the demo shop must take the light start"
        self.ctx = quick_context(quick)
        self.directory = QuickDirectory(self.ctx)
        self.failures: list[BaseException] = []
        self.light = LightStart(self.ctx, self.directory, lambda: open_database(path),
                                self.failures.append)

    def close(self) -> None:
        self.light.close()
        self.ctx.db.close()


@pytest.fixture
def started(shop_path: Path, qapp: QApplication) -> Iterator[Started]:
    start = Started(shop_path)
    yield start
    start.close()


def _write(path: Path, work: object) -> None:
    database = open_database(path)
    try:
        with database.unit_of_work() as session:
            work(session)  # type: ignore[operator]
    finally:
        database.close()


def _actions(database: Database, action: str) -> list[int | None]:
    """Who each audit entry of ``action`` names, newest first."""
    with database.read() as session:
        return [entry.user_id for entry in audit.recent(session, action=action)]


def test_a_right_pin_is_taken_without_loading_and_logged_once_loaded(
        started: Started, shop_clock: ShopClock) -> None:
    owner = started.ctx.user_id
    assert owner is not None and started.ctx.user_role == "owner"
    assert started.directory.login(owner, OWNER_PIN)[1] == "owner"
    accepted = now_utc()
    assert not started.light.loader.started  # the first frame did not wait for SQLAlchemy
    shop_clock.shift(timedelta(seconds=5))  # the database loads a while later
    started.light.finish()
    assert started.ctx.quick is None and isinstance(started.ctx.db, Database)
    assert _actions(started.ctx.db, pins.LOGIN) == [owner]
    with started.ctx.db.read() as session:  # logged at the moment the PIN was accepted
        assert [e.at for e in audit.recent(session, action=pins.LOGIN)] == [accepted]


def test_the_window_is_built_while_the_pin_is_hashed_and_a_wrong_pin_still_refused(
        started: Started) -> None:
    owner = started.ctx.user_id
    assert owner is not None
    hashing: list[bool] = []
    started.directory.meanwhile = lambda: hashing.append(
        any(t.name == "peken-pin" for t in threading.enumerate()))
    assert started.directory.login(owner, OWNER_PIN)[1] == "owner"
    assert hashing == [True]  # the GUI work ran while the hash was computed on its thread
    with pytest.raises(UserError):
        started.directory.login(owner, "0000")
    assert len(_actions(started.ctx.db, pins.WRONG_PIN)) == 1


def test_the_database_loads_while_a_seller_types_the_pin_not_before_a_fast_login(
        shop_path: Path, qtbot: QtBot, qapp: QApplication) -> None:
    typing, fast = Started(shop_path), Started(shop_path)
    try:
        load_while_typing(typing.light, after_ms=30)  # the login still open 30 ms later
        load_while_typing(fast.light, after_ms=30)()  # logged in at once
        qtbot.wait(150)
        assert typing.light.loader.started and not fast.light.loader.started
    finally:
        typing.close()
        fast.close()


def test_a_wrong_pin_goes_through_the_full_check_and_is_logged(started: Started) -> None:
    owner = started.ctx.user_id
    assert owner is not None
    with pytest.raises(UserError):
        started.directory.login(owner, "9999")
    assert isinstance(started.ctx.db, Database)  # the full check loaded the database
    assert len(_actions(started.ctx.db, pins.WRONG_PIN)) == 1
    assert started.directory.login(owner, OWNER_PIN)[1] == "owner"  # then the right one
    assert len(_actions(started.ctx.db, pins.LOGIN)) == 1


def test_a_running_lockout_refuses_even_the_right_pin(shop_path: Path, qapp: QApplication) -> None:
    def wrong_pins(session: object) -> None:
        for _ in range(5):
            audit.record(session, pins.WRONG_PIN, None, None)  # type: ignore[arg-type]

    _write(shop_path, wrong_pins)
    start = Started(shop_path)
    try:
        owner = start.ctx.user_id
        assert owner is not None
        with pytest.raises(UserError, match="Terlalu banyak PIN salah"):
            start.directory.login(owner, OWNER_PIN)
    finally:
        start.close()


def test_an_old_wrong_pin_still_sends_the_right_one_through_the_full_check(
        shop_path: Path, qapp: QApplication) -> None:
    def one_wrong(session: object) -> None:
        entry = audit.record(session, pins.WRONG_PIN, None, None)  # type: ignore[arg-type]
        entry.at = now_utc() - timedelta(hours=3)

    _write(shop_path, one_wrong)
    start = Started(shop_path)
    try:
        owner = start.ctx.user_id
        assert owner is not None
        assert start.directory.login(owner, OWNER_PIN)[1] == "owner"
        assert start.light.loader.started  # not the quick check: the full one, which logs it
        assert len(_actions(start.ctx.db, pins.LOGIN)) == 1
    finally:
        start.close()


def _keep_a_cart(path: Path) -> tuple[str, int]:
    """A cart left open last time (one line), and another product's barcode to scan."""
    database = open_database(path)
    try:
        with database.unit_of_work() as session:
            code, scanned = session.execute(select(Barcode.code, Barcode.product_id)
                                            .where(Barcode.pack_id.is_(None))
                                            .order_by(Barcode.id)).first()  # type: ignore[misc]
            kept = session.scalars(select(Product).where(Product.id != scanned,
                                                         Product.sold_by_weight.is_(False),
                                                         Product.option_names == "")
                                   .order_by(Product.id)).first()
            assert kept is not None
            cart = Cart()
            cart.lines.append(CartLine(kept.id, kept.name, kept.unit, Decimal(1), kept.price))
            cart_store.save(session, cart)
        return str(code), kept.id
    finally:
        database.close()


def test_the_first_frame_paints_before_loading_and_an_early_scan_waits_for_the_kept_cart(
        shop_path: Path, qtbot: QtBot, qapp: QApplication) -> None:
    code, kept_id = _keep_a_cart(shop_path)
    start = Started(shop_path)
    try:
        load_style(qapp)
        window = MainWindow(start.ctx, "Toko Berkah Jaya")
        qtbot.addWidget(window)
        loaded_at_ready: list[bool] = []
        window.sig_ready.connect(lambda: loaded_at_ready.append(start.light.loader.started))
        window.resize(1366, 768)
        window.show()
        qtbot.waitUntil(lambda: bool(loaded_at_ready), timeout=10000)
        screen = window.pages[0]
        assert isinstance(screen, SellScreen)
        assert loaded_at_ready == [False]  # painted from the first-frame reader
        assert screen.ui.grid.tiles, "the favourites are painted from the first-frame reader"
        assert not screen.model.cart.lines  # the kept cart comes back once loaded
        screen.submit(code)  # scanned before the database was loaded
        assert screen.model.cart.lines[0].product_id == kept_id
        assert len(screen.model.cart.lines) == 2  # the kept line first, then the scan
        assert start.ctx.quick is None and isinstance(start.ctx.db, Database)
    finally:
        start.close()


def test_the_real_start_paints_light_then_answers_a_scan(shop_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PEKEN_EXIT_WHEN_READY="1",
               PEKEN_BENCH_PIN=OWNER_PIN, PEKEN_BENCH_CODE=_a_code(shop_path))
    done = subprocess.run([sys.executable, "main.py", "--db", str(shop_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "FIRSTFRAME light" in out and " scan" in out.split("READY", 1)[1].splitlines()[0]
    assert "SCANREADY" in out and out.split("SCANREADY", 1)[1].split()[1] == "found"
    assert "SETTLED" in out  # printing, sync and backups started after the load
    assert "GC on" in out  # the collector, off until the first frame, runs again


def _a_code(path: Path) -> str:
    database = open_database(path)
    try:
        with database.read() as session:
            return str(session.scalars(select(Barcode.code).order_by(Barcode.id)).first())
    finally:
        database.close()


# What the first frame must not wait for: the database layer and what only a later action needs.
FIRST_FRAME_NEVER = ("sqlalchemy", "alembic", "models", "app.db", "app.pricing", "app.labels_i18n",
                     "ui.i18n_tools", "app.catalog", "app.tiles")


def test_the_light_start_imports_nothing_the_first_frame_does_not_need() -> None:
    code = ("import sys, main, app.applog, ui.app, ui.light_start, ui.startup_errors\n"
            "for name in ui.app.PRELOAD_MODULES:\n"
            "    __import__(name)\n"
            "print('\\n'.join(sys.modules))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    loaded = done.stdout.split()
    assert sorted({m for m in loaded if m in FIRST_FRAME_NEVER or m.split(".")[0] in FIRST_FRAME_NEVER}) == []
