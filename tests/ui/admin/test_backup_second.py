"""Pengaturan → Cadangan: the second folder (flash drive) and whether its copy is good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import backup
from models import AuditEntry
from tests.ui.admin.kit import click
from ui.admin.backup_tab import BackupTab
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _state(tab: BackupTab) -> str:
    status = tab.second_box.status
    return status.state if status else ""


def test_backup_copied_to_the_flash_drive_and_a_damaged_copy_reported(
    tab: BackupTab, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: _state(tab) == "off", timeout=5000)
    assert tab.second_box.state_label.text().startswith("Belum diatur.")
    usb = tmp_path / "FLASHDISK"
    usb.mkdir()
    tab.second_box.set_folder(usb)
    qtbot.waitUntil(lambda: _state(tab) == "no_backup", timeout=5000)
    click(tab, "Cadangkan sekarang")
    qtbot.waitUntil(lambda: _state(tab) == "ok", timeout=5000)
    [made] = backup.list_backups(ctx.db.path, tab.folder)
    copy = usb / made.path.name
    assert copy.read_bytes() == made.path.read_bytes()
    assert tab.second_box.state_label.text() == (
        f"Salinan di folder kedua diperiksa cocok: {made.path.name}")

    data = bytearray(copy.read_bytes())
    data[3000:3100] = bytes(b ^ 0xFF for b in data[3000:3100])
    copy.write_bytes(bytes(data))
    tab.refresh()
    qtbot.waitUntil(lambda: _state(tab) == "corrupt", timeout=5000)
    assert tab.second_box.state_label.text().startswith(
        f"Salinan di folder kedua RUSAK: {made.path.name} (isi salinan berbeda dari cadangan aslinya)")
    assert tab.second_box.state_label.objectName() == "errorLabel"

    click(tab, "Periksa salinan")  # copies again and checks
    qtbot.waitUntil(lambda: _state(tab) == "ok", timeout=5000)
    assert copy.read_bytes() == made.path.read_bytes()
    with ctx.db.read() as s:
        details = [json.loads(e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "backup.second_folder"))]
    assert [d["new"] for d in details] == [str(usb)]


def test_an_unplugged_flash_drive_is_reported(tab: BackupTab, qtbot: QtBot, tmp_path: Path) -> None:
    tab.second_box.set_folder(tmp_path / "media" / "FLASHDISK")
    qtbot.waitUntil(lambda: _state(tab) == "folder_missing", timeout=5000)
    assert "flashdisk belum dipasang" in tab.second_box.state_label.text()
    assert not (tmp_path / "media").exists()


def test_the_main_backup_folder_is_refused_as_the_second(tab: BackupTab) -> None:
    tab.folder.mkdir(parents=True, exist_ok=True)
    tab.second_box.set_folder(tab.folder)
    assert tab.second_box.state_label.text().startswith("Folder kedua harus lain")
    assert tab.second_box.second() is None
