"""Shop-file problems at start-up: a clear dialog before any login, no traceback, the file untouched.

The dialog is tested as built (:func:`build_dialog`) and as shown by
:func:`open_for_window` (answered with keys); then ``main.py --db BADFILE`` runs as a
separate process without a terminal's help (``PEKEN_DIALOG_AUTOCLOSE``) and must exit
with code 2, name the problem on stdout and in the log file, and leave the file's bytes
as they were.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import shopfile
from app.db import open_database
from app.errors import UserError
from app.shopfile import ShopFileProblem
from tests import shopfile_kit
from tests.ui.admin.kit import when_modal
from ui.startup_errors import (
    Opened,
    ShopProblemDialog,
    build_dialog,
    install_excepthook,
    open_for_window,
)

ROOT = Path(__file__).resolve().parents[2]

shop_template = shopfile_kit.shop_template
shop = shopfile_kit.shop


def digest(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("kind", "title"), [
    ("unreadable", "Berkas toko tidak bisa dibaca"),
    ("damaged", "Berkas toko rusak"),
    ("not_shop", "Bukan berkas toko PEKEN Kasir"),
    ("readonly_file", "Berkas toko hanya-baca"),
    ("readonly_folder", "Folder berkas toko hanya-baca"),
    ("newer_version", "Berkas toko dari versi yang lebih baru"),
    ("disk_full", "Disk penuh"),
    ("locked", "Berkas toko sedang dipakai"),
    ("unexpected", "PEKEN Kasir tidak bisa dibuka"),
])
def test_each_problem_has_its_own_dialog(qtbot: QtBot, tmp_path: Path, kind: str, title: str) -> None:
    problem = ShopFileProblem(kind, tmp_path / "toko.sqlite", "sqlite3.DatabaseError: rincian")
    box = build_dialog(problem, tmp_path / "peken-kasir.log")
    qtbot.addWidget(box)
    assert box.text() == f"<b>{title}</b>"
    assert str(tmp_path / "toko.sqlite") in box.informativeText()
    assert str(tmp_path / "peken-kasir.log") in box.informativeText()
    # the technical detail is in the log file the dialog names, not on the seller's screen
    # (nor behind Qt's untranslated "Show Details..." button)
    assert "rincian" not in box.informativeText() and box.detailedText() == ""
    assert (box.copy_button is not None) == (kind in ("readonly_file", "readonly_folder"))
    assert (box.retry_button is not None) == (kind == "locked")
    assert box.escapeButton() is box.close_button


def test_a_service_message_is_shown_but_a_raw_error_is_not(qtbot: QtBot, tmp_path: Path) -> None:
    said = shopfile.classify_error(tmp_path / "t.sqlite", UserError("Migrasi gagal: kolom ganda."))
    raw = shopfile.classify_error(tmp_path / "t.sqlite", KeyError("internal_key"))
    assert said.kind == raw.kind == "unexpected"
    boxes = [build_dialog(said, tmp_path / "log"), build_dialog(raw, tmp_path / "log")]
    for box in boxes:
        qtbot.addWidget(box)
    assert "Migrasi gagal: kolom ganda." in boxes[0].informativeText()
    assert "internal_key" not in boxes[1].informativeText()


def _press(button_of: Callable[[ShopProblemDialog], object], seen_kinds: list[str]
           ) -> Callable[[ShopProblemDialog], None]:
    def action(box: ShopProblemDialog) -> None:
        seen_kinds.append(box.problem.kind)
        QtBot.keyClick(button_of(box), Qt.Key.Key_Space)
    return action


def test_a_read_only_file_opens_as_a_copy_when_asked(qtbot: QtBot, shop: Path, tmp_path: Path) -> None:
    shop.chmod(0o444)
    before = digest(shop)
    kinds: list[str] = []
    when_modal(ShopProblemDialog, _press(lambda box: box.copy_button, kinds))
    opened = open_for_window(shop, open_database, tmp_path / "salinan", tmp_path / "log")
    assert kinds == ["readonly_file"]
    assert isinstance(opened, Opened) and opened.copied_from == shop
    assert opened.database.path.parent == tmp_path / "salinan"
    opened.database.close()
    opened.lock.release()
    assert digest(shop) == before


def test_closing_the_dialog_quits_without_opening(qtbot: QtBot, shop: Path, tmp_path: Path) -> None:
    shop.parent.chmod(0o555)
    kinds: list[str] = []

    def escape(box: ShopProblemDialog) -> None:
        kinds.append(box.problem.kind)
        QtBot.keyClick(box, Qt.Key.Key_Escape)

    when_modal(ShopProblemDialog, escape)
    assert open_for_window(shop, open_database, tmp_path / "salinan", tmp_path / "log") is None
    assert kinds == ["readonly_folder"]
    assert not (tmp_path / "salinan").exists()


def test_a_shop_open_elsewhere_opens_after_coba_lagi(qtbot: QtBot, shop: Path, tmp_path: Path) -> None:
    other = shopfile.acquire_lock(shop)
    assert isinstance(other, shopfile.ShopLock)
    kinds: list[str] = []

    def retry_after_other_closed(box: ShopProblemDialog) -> None:
        kinds.append(box.problem.kind)
        other.release()
        QtBot.keyClick(box.retry_button, Qt.Key.Key_Space)

    when_modal(ShopProblemDialog, retry_after_other_closed)
    opened = open_for_window(shop, open_database, tmp_path / "salinan", tmp_path / "log")
    assert kinds == ["locked"]
    assert isinstance(opened, Opened) and opened.copied_from is None
    opened.database.close()
    opened.lock.release()


def _not_shop(shop: Path) -> None:
    shop.write_text("bukan database\n" * 100)


def _newer(shop: Path) -> None:
    with sqlite3.connect(shop) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _damaged(shop: Path) -> None:
    data = bytearray(shop.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    shop.write_bytes(bytes(data))


BREAKERS: dict[str, Callable[[Path], None]] = {
    "not_shop": _not_shop,
    "newer_version": _newer,
    "damaged": _damaged,
    "readonly_file": lambda shop: shop.chmod(0o444),
    "readonly_folder": lambda shop: shop.parent.chmod(0o555),
    "unreadable": lambda shop: shop.chmod(0),
    "locked": lambda shop: None,  # the test holds the lock
    "disk_full": lambda shop: None,  # the run asks for more free space than any disk has
}


@pytest.mark.parametrize("kind", sorted(BREAKERS))
def test_main_shows_the_dialog_exits_2_and_leaves_the_file(shop: Path, tmp_path: Path,
                                                           kind: str) -> None:
    BREAKERS[kind](shop)
    holder = shopfile.acquire_lock(shop) if kind == "locked" else None
    before = shop.read_bytes()
    env = {**os.environ, "PEKEN_DIALOG_AUTOCLOSE": "1", "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    if kind == "disk_full":
        env["PEKEN_MIN_FREE_BYTES"] = str(shutil.disk_usage(shop.parent).free + 10**12)
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(shop)], env=env,
                         check=False, capture_output=True, text=True, timeout=60, cwd=ROOT)
    if isinstance(holder, shopfile.ShopLock):
        holder.release()
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"PEKEN-DIALOG {kind}:" in run.stdout
    assert "Traceback" not in run.stderr
    log = next((tmp_path / "data").rglob("peken-kasir.log")).read_text(encoding="utf-8")
    assert f"shop file problem {kind}:" in log
    shop.chmod(0o644)
    assert shop.read_bytes() == before
    assert sorted(p.name for p in shop.parent.iterdir()) == sorted(
        ["toko.sqlite"] + (["toko.sqlite.lock"] if kind == "locked" else []))


def test_an_uncaught_error_is_written_to_the_log(caplog: pytest.LogCaptureFixture,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)
    install_excepthook()
    error = ZeroDivisionError("pembagian nol di slot")
    with caplog.at_level(logging.CRITICAL, logger="ui.startup_errors"):
        sys.excepthook(ZeroDivisionError, error, None)
    [record] = [r for r in caplog.records if r.name == "ui.startup_errors"]
    assert record.getMessage() == "uncaught error" and record.exc_info is not None
    assert record.exc_info[1] is error
