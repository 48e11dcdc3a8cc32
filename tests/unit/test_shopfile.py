"""Each shop-file problem is found before opening and named, and the file stays byte-identical.

The tests run as any user (also root, who ignores permissions): "read-only" is the
file's or folder's write-permission bits, as a seller would set it.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from app import shopfile
from app.shopfile import ShopFileProblem
from tests import shopfile_kit

shop_template = shopfile_kit.shop_template
shop = shopfile_kit.shop


def digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kind_of(path: Path, **kwargs: int) -> str | None:
    """The problem's kind, after checking the file's bytes did not change."""
    before = digest(path) if path.is_file() else None
    problem = shopfile.check(path, **kwargs)
    if before is not None:
        assert digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()
    return problem.kind if problem else None


def test_a_valid_shop_and_a_new_file_have_no_problem(shop: Path, tmp_path: Path) -> None:
    assert kind_of(shop) is None
    assert shopfile.check(tmp_path / "baru" / "toko.sqlite") is None


def test_a_folder_in_place_of_the_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "toko.sqlite").mkdir()
    assert kind_of(tmp_path / "toko.sqlite") == "unreadable"


def test_a_file_nobody_may_read_is_unreadable(shop: Path) -> None:
    shop.chmod(0)
    assert shopfile.check(shop) == ShopFileProblem(
        "unreadable", shop, f"[Errno 13] berkas tidak boleh dibaca: '{shop}'")


def test_a_text_file_is_not_a_shop(tmp_path: Path) -> None:
    path = tmp_path / "catatan.sqlite"
    path.write_text("daftar belanja: beras, minyak\n" * 20)
    assert kind_of(path) == "not_shop"


def test_another_programs_sqlite_file_is_not_a_shop(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kontak (nama TEXT)")
    conn.close()
    assert kind_of(path) == "not_shop"


def test_a_damaged_first_page_is_damaged(shop: Path) -> None:
    data = bytearray(shop.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    shop.write_bytes(bytes(data))
    assert kind_of(shop) == "damaged"


def test_a_file_from_a_newer_version(shop: Path) -> None:
    with sqlite3.connect(shop) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert kind_of(shop) == "newer_version"


def test_a_file_marked_read_only(shop: Path) -> None:
    shop.chmod(0o444)
    problem = shopfile.check(shop)
    assert problem is not None and problem.kind == "readonly_file" and problem.can_copy


def test_a_read_only_folder(shop: Path) -> None:
    before = digest(shop)
    shop.parent.chmod(0o555)
    assert kind_of(shop) == "readonly_folder"
    assert kind_of(shop.parent / "baru.sqlite") == "readonly_folder"
    assert digest(shop) == before


def test_a_full_disk(shop: Path) -> None:
    free = shutil.disk_usage(shop.parent).free
    assert kind_of(shop, min_free=free + 10**12) == "disk_full"
    assert kind_of(shop, min_free=1) is None


def test_a_second_lock_is_refused_until_the_first_is_released(shop: Path) -> None:
    first = shopfile.acquire_lock(shop)
    assert isinstance(first, shopfile.ShopLock)
    second = shopfile.acquire_lock(shop)
    assert isinstance(second, ShopFileProblem) and second.kind == "locked"
    first.release()
    third = shopfile.acquire_lock(shop)
    assert isinstance(third, shopfile.ShopLock)
    third.release()


def test_sqlite_errors_while_opening_are_named(shop: Path) -> None:
    conn = sqlite3.connect(shop)
    conn.execute("PRAGMA max_page_count = 1")
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("CREATE TABLE besar (isi TEXT)")
    conn.close()
    holder = sqlite3.connect(shop, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(shop, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("BEGIN IMMEDIATE")
    holder.close()
    other.close()
    assert shopfile.classify_error(shop, full.value).kind == "disk_full"
    assert shopfile.classify_error(shop, locked.value).kind == "locked"
    assert shopfile.classify_error(shop, RuntimeError("aneh")).kind == "unexpected"


def test_a_read_only_file_can_be_copied_for_use(shop: Path, tmp_path: Path) -> None:
    shop.chmod(0o444)
    before = digest(shop)
    copy = shopfile.copy_for_use(shop, tmp_path / "salinan")
    assert digest(shop) == before
    assert shopfile.check(copy) is None
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    conn.close()
    assert stat.S_IMODE(copy.stat().st_mode) & stat.S_IWUSR


def test_the_copy_keeps_sales_still_in_the_wal(shop: Path, tmp_path: Path) -> None:
    live = sqlite3.connect(shop, isolation_level=None)
    live.execute("PRAGMA journal_mode=WAL")
    live.execute("PRAGMA wal_autocheckpoint=0")
    live.execute("CREATE TABLE catatan (isi TEXT)")
    live.execute("INSERT INTO catatan VALUES ('penjualan terakhir sebelum listrik padam')")
    crashed = tmp_path / "flashdisk"  # the shop as a power cut left it: file and -wal
    crashed.mkdir()
    for name in ("toko.sqlite", "toko.sqlite-wal"):
        shutil.copyfile(shop.parent / name, crashed / name)
    live.close()
    (crashed / "toko.sqlite").chmod(0o444)
    before = {p.name: digest(p) for p in crashed.iterdir()}
    copy = shopfile.copy_for_use(crashed / "toko.sqlite", tmp_path / "salinan")
    with sqlite3.connect(copy) as conn:
        rows = conn.execute("SELECT isi FROM catatan").fetchall()
    conn.close()
    assert rows == [("penjualan terakhir sebelum listrik padam",)]
    assert not copy.with_name(copy.name + "-wal").exists()
    assert {p.name: digest(p) for p in crashed.iterdir() if p.name in before} == before
