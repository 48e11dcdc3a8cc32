"""The login dialog loads no database layer: it can be shown before SQLAlchemy is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.db import Database
from ui.admin.login import LoginDialog
from ui.context import make_context

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "models", "app.db", "alembic", "pydantic")


def test_importing_the_login_dialog_and_the_context_loads_no_database_layer() -> None:
    code = ("import sys, ui.admin.login, ui.context, ui.pin_field\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True, timeout=60)
    assert done.stdout.strip() == ""


class Directory:
    """A directory that says what it was asked (the dialog uses nothing else)."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, str]] = []

    def users(self) -> list[tuple[int, str, str]]:
        return [(7, "Siti", "owner"), (9, "Rina", "cashier")]

    def login(self, user_id: int, pin: str) -> tuple[str, str]:
        self.asked.append((user_id, pin))
        return ("Rina", "cashier")


def test_the_dialog_takes_its_users_and_pin_check_from_the_directory(qapp: QApplication,
                                                                     db: Database) -> None:
    ctx, _name = make_context(db)
    directory = Directory()
    dialog = LoginDialog(ctx, directory=directory)
    assert [dialog.user_combo.itemText(i) for i in range(dialog.user_combo.count())] == [
        "Siti (pemilik)", "Rina (kasir)"]
    dialog.user_combo.setCurrentIndex(1)
    dialog.pin.setText("1111")
    dialog.submit()
    assert directory.asked == [(9, "1111")]
    assert (ctx.user_id, ctx.user_name, ctx.user_role) == (9, "Rina", "cashier")
    dialog.deleteLater()
