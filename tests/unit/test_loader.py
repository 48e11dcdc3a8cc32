"""app.loader: the database layer loaded on a worker thread, and the stand-in until then."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import cast

import pytest

from app.db import Database, open_database
from app.errors import UserError
from app.loader import DatabaseLoader, PendingDatabase


def test_the_loader_opens_the_shop_on_its_own_thread(tmp_path: Path) -> None:
    threads: list[str] = []

    def opener() -> Database:
        threads.append(threading.current_thread().name)
        return open_database(tmp_path / "shop.sqlite")

    loader = DatabaseLoader(opener, modules=("json",))
    assert not loader.started and not loader.done
    database = loader.start().wait()
    try:
        assert threads == ["peken-db-loader"] and loader.done
        assert loader.wait() is database  # once: later waits give the same database
    finally:
        database.close()


def test_an_error_while_loading_is_raised_where_the_database_is_used() -> None:
    def opener() -> Database:
        raise UserError("Berkas toko rusak.")

    done: list[bool] = []
    loader = DatabaseLoader(opener, modules=())
    loader.on_done.append(lambda: done.append(loader.done))
    with pytest.raises(UserError, match="rusak"):
        loader.wait()  # starts the worker when nobody did
    assert done == [True]  # the callbacks ran after the load ended, failed or not


def test_the_stand_in_waits_for_the_database_and_finishes_once_on_the_main_thread(
        tmp_path: Path) -> None:
    finished: list[str] = []
    loader = DatabaseLoader(lambda: open_database(tmp_path / "shop.sqlite"), modules=())
    pending = PendingDatabase(loader, on_main=lambda: finished.append("main"))
    seen: list[Path] = []
    worker = threading.Thread(target=lambda: seen.append(pending.path))
    worker.start()
    worker.join(30)
    assert seen == [tmp_path / "shop.sqlite"] and finished == []  # a worker only waits
    with cast(Database, pending).read() as session:  # the main thread: finishing runs first
        assert session is not None
    assert pending.path == tmp_path / "shop.sqlite"
    assert finished == ["main"]  # once
    loader.wait().close()


def test_no_collection_runs_on_the_loader_thread_and_the_main_thread_turns_it_back_on(
        tmp_path: Path) -> None:
    """A collection on the worker would destroy cyclic garbage holding Qt objects off the GUI
    thread (a crash seen in the light start's tests)."""
    collector_on: list[bool] = []

    def opener() -> Database:
        collector_on.append(gc.isenabled())
        return open_database(tmp_path / "shop.sqlite")

    assert gc.isenabled()
    database = DatabaseLoader(opener, modules=()).wait()
    try:
        assert collector_on == [False] and gc.isenabled()
    finally:
        database.close()
