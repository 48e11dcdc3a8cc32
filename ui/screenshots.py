"""Render every screen offscreen with the demo shop: ``python -m ui.screenshots docs/screenshots``.

A registry: each area lists its screens in ``ui/<area>/screens.py`` as
``SCREENS = [(file name, function(ctx, out_dir)), ...]`` and is named in
:data:`SCREEN_MODULES`; areas not built yet are skipped. The function writes
``out_dir / file name``. (A function whose second parameter is named ``path``
is given that full file path instead.)
"""

from __future__ import annotations

import importlib
import inspect
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from app.db import open_database
from app.demo import build_demo
from ui.app import make_application
from ui.context import AppContext, make_context

Screen = tuple[str, Callable[[AppContext, Path], None]]
SCREEN_MODULES: tuple[str, ...] = (
    "ui.sell.screens",
    "ui.products.screens",
    "ui.orders.screens",
    "ui.orders.preorders_screens",
    "ui.customers.screens",
    "ui.books.screens",
    "ui.payments.screens",
    "ui.printing.screens",
    "ui.reports.screens",
    "ui.admin.screens",
    "ui.admin.backup_offsite_screens",
    "ui.sync.screens",
    "ui.settings.screens",
    "ui.first_run.screens",
    "ui.screens_en",
)
WINDOW_SIZE = (1366, 768)


def settle(rounds: int = 10) -> None:
    """Let Qt lay out and paint (and deferred loads run)."""
    app = QApplication.instance()
    for _ in range(rounds):
        if app is not None:
            app.processEvents()
        QApplication.sendPostedEvents()
    time.sleep(0.05)
    if app is not None:
        app.processEvents()


def save(widget: QWidget, path: Path) -> Path:
    """Grab a widget (a whole window, or a dialog) into a PNG."""
    settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def save_on_screen(window: QWidget, dialog: QWidget, path: Path) -> Path:
    """A 1366×768 picture as the seller sees it: ``window`` with ``dialog`` centred over it.

    The dialog gets a thin frame; anything of it outside the screen is lost, as on the laptop.
    """
    settle()
    window.resize(*WINDOW_SIZE)
    settle()
    picture = window.grab()
    shown = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind a modal dialog
    corner = QPoint((WINDOW_SIZE[0] - shown.width()) // 2, (WINDOW_SIZE[1] - shown.height()) // 2)
    painter.drawPixmap(corner, shown)
    painter.setPen(QColor("#37474f"))
    painter.drawRect(corner.x() - 1, corner.y() - 1, shown.width() + 1, shown.height() + 1)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def save_window(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    """Show ``widget`` (at ``size``), save it as a PNG, then close and delete it."""
    if size is not None:
        widget.resize(*size)
    widget.show()
    save(widget, path)
    widget.close()
    widget.deleteLater()
    return path


@contextmanager
def private_copy(ctx: AppContext) -> Iterator[AppContext]:
    """The same user on a throw-away copy of the shop, so a screen's story leaves no trace."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "screens.sqlite"
        with sqlite3.connect(ctx.db.path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        database = open_database(target)
        try:
            yield AppContext(db=database, user_id=ctx.user_id, user_name=ctx.user_name,
                             user_role=ctx.user_role)
        finally:
            database.close()


def screens() -> list[Screen]:
    """Every registered screen of the areas that exist in this version."""
    found: list[Screen] = []
    for name in SCREEN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        found.extend(module.SCREENS)
    return found


def _target(render: Callable[[AppContext, Path], None], out_dir: Path, file_name: str) -> Path:
    """``out_dir`` as agreed, or the full file path for functions that take ``path``."""
    params = list(inspect.signature(render).parameters)
    return out_dir / file_name if len(params) > 1 and params[1] == "path" else out_dir


def demo_context(folder: Path) -> AppContext:
    """A fresh demo shop in ``folder`` and its context."""
    database = open_database(folder / "demo.sqlite")
    with database.unit_of_work() as session:
        build_demo(session)
    ctx, _name = make_context(database)
    return ctx


def main(argv: list[str]) -> int:
    """Render screens into the folder given (default docs/screenshots).

    Further arguments keep only the files whose names start with one of them,
    e.g. ``python -m ui.screenshots docs/screenshots sell_ pay_``.
    """
    out_dir = Path(argv[0] if argv else "docs/screenshots")
    prefixes = tuple(argv[1:])
    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = demo_context(Path(tmp))
        out_dir.mkdir(parents=True, exist_ok=True)
        for file_name, render in screens():
            if prefixes and not file_name.startswith(prefixes):
                continue
            render(ctx, _target(render, out_dir, file_name))
            print(f"{out_dir / file_name}")
        ctx.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
