"""Fixtures of the Pengaturan → Pengguna/Cadangan screen tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.admin.backup_tab import BackupTab
from ui.context import AppContext


@pytest.fixture
def tab(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> BackupTab:
    """The Cadangan tab shown, its backups in ``tmp_path/cadangan``."""
    widget = BackupTab(ctx, tmp_path / "cadangan")
    qtbot.addWidget(widget)
    widget.show()
    return widget
