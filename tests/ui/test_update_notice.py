"""The quiet "versi baru" notice: shown in the status bar for a newer version from the real server,
not for the same version, not without a network; it never takes the till's focus; × forgets it."""

from __future__ import annotations

import socket

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import settings, updates
from app.sync import state
from tests.unit.test_updates import Catalog, catalog  # noqa: F401 - the server fixture
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.update_notice import UpdateNotice, check_now


def _server(ctx: AppContext, url: str) -> None:
    with ctx.db.unit_of_work() as session:
        state.put(session, state.SERVER_URL, url)


def _settle(qtbot: QtBot) -> None:
    """Let the background check finish and its answer reach the window."""
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(100)


def test_a_newer_version_shows_a_link_and_keeps_the_focus(
        window: MainWindow, ctx: AppContext, qtbot: QtBot, catalog: Catalog) -> None:  # noqa: F811
    _server(ctx, catalog.url)
    catalog.announce("99.0.0", "Cari printer otomatis.")
    focused = QApplication.focusWidget()
    check_now(window, ctx)
    qtbot.waitUntil(lambda: window.findChild(UpdateNotice) is not None, timeout=10_000)
    notice = window.findChild(UpdateNotice)
    assert notice is not None and notice.isVisible()
    assert "99.0.0" in notice.label.text() and 'href="https://peken.example/unduh"' in notice.label.text()
    assert notice.label.toolTip() == "Cari printer otomatis."
    assert QApplication.focusWidget() is focused
    notice.close_button.click()
    qtbot.waitUntil(lambda: window.findChild(UpdateNotice) is None)
    with ctx.db.read() as session:
        assert settings.get(session, updates.DISMISSED_KEY) == "99.0.0"


def test_the_same_version_shows_nothing(window: MainWindow, ctx: AppContext, qtbot: QtBot,
                                        catalog: Catalog) -> None:  # noqa: F811
    _server(ctx, catalog.url)
    version = updates.current_version()
    assert version is not None
    catalog.announce(version)
    check_now(window, ctx)
    _settle(qtbot)
    with ctx.db.read() as session:
        assert settings.get(session, updates.CHECKED_KEY)  # the server was asked
    assert window.findChild(UpdateNotice) is None


def test_no_network_shows_nothing_and_no_error(window: MainWindow, ctx: AppContext, qtbot: QtBot) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    _server(ctx, f"http://127.0.0.1:{port}")
    check_now(window, ctx)
    _settle(qtbot)
    assert window.findChild(UpdateNotice) is None
    assert QApplication.activeModalWidget() is None
