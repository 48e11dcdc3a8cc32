"""UI test setup: a demo shop per test (copied from one built per session), the main window.

Qt warnings fail the tests (``qt_log_level_fail``); the offscreen plugin's note about
size hints is not ours and is ignored.
"""

from __future__ import annotations

import gc
import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db import open_database
from app.demo import build_demo
from ui.app import load_style, make_context
from ui.context import AppContext
from ui.fonts import load_fonts
from ui.main_window import MainWindow
from ui.sell.screen import SellScreen

OFFSCREEN_NOISE = "This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests in this folder fail on Qt warnings (subfolders belong to other areas)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def _shipped_fonts(qapp: QApplication) -> None:
    """Every UI test measures and renders with the fonts the app ships, not the PC's."""
    load_fonts(qapp)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo shop built once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    database = open_database(path)
    with database.unit_of_work() as session:
        build_demo(session)
    database.close()
    return path


@pytest.fixture
def ctx(demo_template: Path, tmp_path: Path, qapp: QApplication) -> Iterator[AppContext]:
    """A demo shop in tmp_path and the context with the owner at the till."""
    target = tmp_path / "shop.sqlite"
    shutil.copy(demo_template, target)
    database = open_database(target)
    context, _name = make_context(database)
    yield context
    database.close()


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot, qapp: QApplication) -> MainWindow:
    """The main window at laptop size, shown on the Kasir section."""
    load_style(qapp)
    win = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def screen(window: MainWindow, qtbot: QtBot) -> SellScreen:
    """The sell screen, scan field focused, receipt preview off."""
    page = window.pages[0]
    assert isinstance(page, SellScreen)
    page.show_receipt_preview = False
    page.ui.scan.setFocus()
    qtbot.wait(5)
    return page


def focus_of(widget: QWidget) -> QWidget:
    """The widget with keyboard focus in ``widget``'s window (or a modal dialog)."""
    modal = QApplication.activeModalWidget()
    top = modal if modal is not None else widget.window()
    focused = top.focusWidget()
    return focused if focused is not None else top


def answer_next_message_box(button: QMessageBox.StandardButton) -> Callable[[], None]:
    """Click ``button`` on the next QMessageBox that opens (polls until it does)."""
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            clicked = box.button(button)
            assert clicked is not None
            clicked.click()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return poll


KEY_ENTER = Qt.Key.Key_Return


# Every this many tests the garbage collection also looks at what earlier tests left alive.
FULL_COLLECT_EVERY = 25
_teardowns = itertools.count(1)


@pytest.fixture(autouse=True)
def _settle_qt_objects(qapp: QApplication) -> Iterator[None]:
    """After each test: run deferred deletes, then collect garbage while Qt is in a known state.

    Wrappers of Qt objects otherwise get finalised at a random later allocation, which is
    where PySide crashes show up (one did, inside an unrelated dialog's constructor).

    What survives the collection is frozen (``gc.freeze``): the next tests' collections scan
    only the objects made since, instead of the whole heap of a long test process again (that
    cost a quarter of a second per test, a third of the UI tests' time). Every
    ``FULL_COLLECT_EVERY`` tests the frozen objects are collected too, so garbage an earlier
    test left is still finalised here, at a known moment.
    """
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    if next(_teardowns) % FULL_COLLECT_EVERY == 0:
        gc.unfreeze()
    gc.collect()
    gc.freeze()
