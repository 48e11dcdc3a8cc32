"""Screenshots of the encrypted backups: the Cadangan tab, the phrase shown once, "Pulihkan toko".

``SCREENS`` follows :mod:`ui.screenshots` (register ``"ui.admin.backup_offsite_screens"`` in
``SCREEN_MODULES``); ``python -m ui.admin.backup_offsite_screens OUT_DIR`` renders them alone.
Each works on a private copy of the shop.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import offsite
from app.db import open_database
from app.demo import build_demo
from app.offsite_phrase import new_phrase
from ui.admin.backup_offsite import PhraseDialog, RestoreDialog
from ui.admin.backup_tab import BackupTab
from ui.app import load_style, make_context
from ui.context import AppContext
from ui.screenshots import WINDOW_SIZE, private_copy, save_on_screen, save_window


def render_tab(ctx: AppContext, out_dir: Path) -> None:
    """The Cadangan tab with the phrase set up and an encrypted folder chosen."""
    with private_copy(ctx) as copy, tempfile.TemporaryDirectory() as folder:
        with copy.db.unit_of_work() as session:
            offsite.setup_phrase(session, copy.user_id)
            offsite.set_targets(session, copy.user_id, Path(folder) / "GoogleDrive", False)
        save_window(BackupTab(copy, Path(folder) / "cadangan"), out_dir / "backup_offsite.png",
                    WINDOW_SIZE)


def render_phrase(ctx: AppContext, out_dir: Path) -> None:
    """The 12 words, shown once, over the tab."""
    with private_copy(ctx) as copy, tempfile.TemporaryDirectory() as folder:
        tab = BackupTab(copy, Path(folder))
        tab.show()
        dialog = PhraseDialog(new_phrase(), tab)
        dialog.show()
        save_on_screen(tab, dialog, out_dir / "recovery_phrase.png")
        dialog.close()
        tab.close()


def render_restore(ctx: AppContext, out_dir: Path) -> None:
    """"Pulihkan toko" from a file, phrase typed."""
    with private_copy(ctx) as copy, tempfile.TemporaryDirectory() as folder:
        tab = BackupTab(copy, Path(folder))
        tab.show()
        dialog = RestoreDialog(copy, tab)
        dialog.path.setText("E:/Cadangan/toko-20261129-210000.pekenbak")
        dialog.phrase.setPlainText(new_phrase())
        dialog.resize(620, dialog.sizeHint().height())
        dialog.show()
        save_on_screen(tab, dialog, out_dir / "restore_shop.png")
        dialog.close()
        tab.close()


SCREENS: list[tuple[str, Callable[[AppContext, Path], None]]] = [
    ("backup_offsite.png", render_tab),
    ("recovery_phrase.png", render_phrase),
    ("restore_shop.png", render_restore),
]


def main(out_dir: Path) -> None:
    """Render the three screens from a fresh demo shop (owner at the till)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_style(app)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "demo.sqlite")
        with database.unit_of_work() as session:
            build_demo(session)
        ctx, _shop_name = make_context(database)
        for _name, render in SCREENS:
            render(ctx, out_dir)
        database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
