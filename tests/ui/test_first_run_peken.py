"""The wizard's last page enrolls the new shop with the real PEKEN server (a process on loopback),
typed as a seller would: server address, the admin's code, Enter. A wrong code stays on the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import first_run, settings
from app.db import open_database
from app.first_run import Step
from app.sync import state
from tests.integration.sync.peken_kit import ServerProcess, issue_code, register_seller
from ui.context import AppContext
from ui.first_run.pages import PekenPage
from ui.first_run.wizard import FirstRunWizard


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """``python -m server`` on a free loopback port: (url, admin token)."""
    server = ServerProcess(tmp_path_factory.mktemp("catalog"))
    token = server.create_admin()
    server.start()
    try:
        yield server.url, token
    finally:
        server.stop()


def _wizard(qtbot: QtBot, tmp_path: Path) -> FirstRunWizard:
    database = open_database(tmp_path / "toko.sqlite")
    wizard = FirstRunWizard(AppContext(db=database), Step.PEKEN)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _type(qtbot: QtBot, page: PekenPage, url: str, code: str) -> None:
    page.url.setFocus()
    qtbot.keyClicks(page.url, url)
    qtbot.keyClick(page.url, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.code, code)
    qtbot.keyClick(page.code, Qt.Key.Key_Return)


def test_enrolling_on_the_last_page_finishes_the_set_up(
        catalog: tuple[str, str], qtbot: QtBot, tmp_path: Path) -> None:
    url, admin = catalog
    code = issue_code(url, admin, register_seller(url, admin))
    wizard = _wizard(qtbot, tmp_path)
    page = wizard.page()
    assert isinstance(page, PekenPage)
    _type(qtbot, page, url, code)
    qtbot.waitUntil(lambda: wizard.result() == 1, timeout=15_000)
    with wizard.ctx.db.read() as session:
        assert state.is_enrolled(session)
        assert not first_run.progress(session).needed
    wizard.ctx.db.close()


def test_a_wrong_code_stays_on_the_page_with_the_reason(
        catalog: tuple[str, str], qtbot: QtBot, tmp_path: Path) -> None:
    url, _admin = catalog
    wizard = _wizard(qtbot, tmp_path)
    page = wizard.page()
    assert isinstance(page, PekenPage)
    _type(qtbot, page, url, "SALAH-123")
    qtbot.waitUntil(lambda: wizard.next_button.isEnabled() and "Menghubungi" not in wizard.error.text(),
                    timeout=15_000)
    assert wizard.error.text() and wizard.isVisible() and wizard.result() == 0
    with wizard.ctx.db.read() as session:
        assert not state.is_enrolled(session)
        assert int(settings.get(session, first_run.STEP_KEY)) == 0  # nothing recorded
    wizard.ctx.db.close()
