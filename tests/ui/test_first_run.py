"""The first-run wizard, driven by keys as a new seller would: Enter saves and goes on, Lewati skips.

A new shop file (no users) gets the wizard before the window; afterwards the sell screen is
up with the new owner at the till. Skipping everything still gives a working shop. Closing
after the owner step and starting again continues at the payment step, after the owner's login.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qrcode
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app import first_run, settings, shop, users
from app.db import Database, open_database
from app.first_run import Step
from app.printing import service as printing
from app.printing.discovery import FoundPrinter
from app.printing.profile import ConnectionKind
from tests.unit.payments.qris_samples import BRI
from ui import app as ui_app
from ui.admin.login import LoginDialog
from ui.context import AppContext
from ui.first_run import run_first_run
from ui.first_run.pages import PaymentPage, PrinterPage
from ui.first_run.wizard import FirstRunWizard
from ui.main_window import MainWindow
from ui.sell.screen import SellScreen

from .conftest import focus_of

Driver = Callable[[FirstRunWizard], None]


@pytest.fixture
def new_shop(tmp_path: Path) -> Iterator[Database]:
    """A brand-new shop file, as the installed program makes on its first start."""
    database = open_database(tmp_path / "toko.sqlite")
    yield database
    database.close()


def key(qtbot: QtBot, wizard: QDialog, which: Qt.Key, text: str = "") -> None:
    """Type ``text`` into the focused field, then press ``which``."""
    if text:
        qtbot.keyClicks(focus_of(wizard), text)
    qtbot.keyClick(focus_of(wizard), which)


def skip(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """"Lewati" from the keyboard: Alt+L (the button's mnemonic; it clicks a moment later)."""
    index, pages = wizard.stack.currentIndex(), len(wizard.pages)
    qtbot.keyClick(focus_of(wizard), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() != index or (
        index == pages - 1 and wizard.result() == QDialog.DialogCode.Accepted), timeout=2000)


def run_wizard(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, drive: Driver) -> None:
    """Make the wizard's ``exec`` show it and hand it to ``drive`` (the keys of a seller)."""
    def exec_(wizard: FirstRunWizard) -> int:
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
        drive(wizard)
        return wizard.result()

    monkeypatch.setattr(FirstRunWizard, "exec", exec_)


def shop_and_owner(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """Steps 1 and 2 by keys: name, Tab, address, Enter; owner, Tab, PIN, Tab, PIN, Enter."""
    key(qtbot, wizard, Qt.Key.Key_Tab, "Toko Berkah Jaya")
    key(qtbot, wizard, Qt.Key.Key_Tab, "Jl. Darmo 12, Surabaya")
    key(qtbot, wizard, Qt.Key.Key_Down)  # zone: WITA
    key(qtbot, wizard, Qt.Key.Key_Return)
    assert wizard.page().step is Step.OWNER, wizard.error.text()
    key(qtbot, wizard, Qt.Key.Key_Tab, "Budi Santoso")
    key(qtbot, wizard, Qt.Key.Key_Tab, "2468")
    key(qtbot, wizard, Qt.Key.Key_Return, "2468")
    assert wizard.page().step is Step.PAYMENT, wizard.error.text()


def main_window_of(database_path: Path) -> MainWindow:
    """The one visible main window on this shop file (closed by the caller)."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
               and w.isVisible() and w.ctx.db.path == database_path]
    assert len(windows) == 1
    return windows[0]


def test_new_shop_by_keys_ends_on_the_sell_screen_with_the_owner(
        new_shop: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def drive(wizard: FirstRunWizard) -> None:
        shop_and_owner(qtbot, wizard)
        key(qtbot, wizard, Qt.Key.Key_Tab, "1234567890")  # bank stays BCA
        key(qtbot, wizard, Qt.Key.Key_Tab, "Budi Santoso")
        key(qtbot, wizard, Qt.Key.Key_Return, BRI)
        assert wizard.page().step is Step.PRINTER, wizard.error.text()
        key(qtbot, wizard, Qt.Key.Key_Return)  # no printer chosen: nothing stored, go on
        assert wizard.page().step is Step.PEKEN
        key(qtbot, wizard, Qt.Key.Key_Return)  # no code: "Selesai"

    run_wizard(monkeypatch, qtbot, drive)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    assert ui_app.run_app(new_shop) == 0
    window = main_window_of(new_shop.path)
    try:
        assert (window.ctx.user_name, window.ctx.user_role) == ("Budi Santoso", "owner")
        assert isinstance(window.stack.currentWidget(), SellScreen)
        assert window.status.shop.text() == "Toko Berkah Jaya"
        with new_shop.read() as session:
            assert not first_run.progress(session).needed
            assert settings.get(session, "shop.timezone") == "Asia/Makassar"
            assert [(a.bank, a.number) for a in shop.bank_accounts(session)] == [("BCA", "1234567890")]
            assert settings.get(session, "qris.static_payload") == BRI
            assert printing.load_profile(session) is None
    finally:
        window.close()
        window.deleteLater()


def test_skipping_every_step_still_opens_a_working_default_shop(
        new_shop: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def drive(wizard: FirstRunWizard) -> None:
        for _step in first_run.STEPS:
            skip(qtbot, wizard)
        assert wizard.result() == QDialog.DialogCode.Accepted

    run_wizard(monkeypatch, qtbot, drive)
    monkeypatch.setattr(QApplication, "exec", lambda _self: 0)
    assert ui_app.run_app(new_shop) == 0
    window = main_window_of(new_shop.path)
    try:
        assert window.ctx.user_id is None  # no owner: as a shop without users always was
        assert isinstance(window.stack.currentWidget(), SellScreen)
        assert window.status.shop.text() == "Toko Saya"
    finally:
        window.close()
        window.deleteLater()
    with new_shop.read() as session:
        assert first_run.progress(session) == first_run.Progress(False, Step.FINISHED, False)
    assert run_first_run(new_shop) is None  # never asked again


def test_closed_after_the_owner_step_continues_at_payment_after_login(
        new_shop: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def close_after_owner(wizard: FirstRunWizard) -> None:
        shop_and_owner(qtbot, wizard)
        wizard.close()

    run_wizard(monkeypatch, qtbot, close_after_owner)
    assert ui_app.run_app(new_shop) == 0  # closed: the program ends, nothing else opens
    reopened = open_database(new_shop.path)
    try:
        with reopened.read() as session:
            assert first_run.progress(session) == first_run.Progress(True, Step.PAYMENT, True)
            assert shop.profile(session).name == "Toko Berkah Jaya"
            assert [u.name for u in users.list_users(session)] == ["Budi Santoso"]

        def login_by_pin(dialog: LoginDialog) -> int:
            qtbot.addWidget(dialog)
            qtbot.keyClicks(dialog.pin, "2468")
            qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
            return dialog.result()

        def rest(wizard: FirstRunWizard) -> None:
            assert wizard.page().step is Step.PAYMENT
            assert wizard.ctx.user_name == "Budi Santoso"
            for _step in (Step.PAYMENT, Step.PRINTER, Step.PEKEN):
                skip(qtbot, wizard)

        monkeypatch.setattr(LoginDialog, "exec", login_by_pin)
        run_wizard(monkeypatch, qtbot, rest)
        result = run_first_run(reopened)
        assert result is not None and not result.closed
        assert (result.ctx.user_name, result.shop_name) == ("Budi Santoso", "Toko Berkah Jaya")
    finally:
        reopened.close()


def test_a_bad_qris_stays_on_the_page_and_stores_nothing(
        new_shop: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def drive(wizard: FirstRunWizard) -> None:
        skip(qtbot, wizard)
        skip(qtbot, wizard)
        key(qtbot, wizard, Qt.Key.Key_Tab, "1234567890")
        key(qtbot, wizard, Qt.Key.Key_Tab, "Budi")
        key(qtbot, wizard, Qt.Key.Key_Return, BRI[:-4] + "0000")
        page = wizard.page()
        assert isinstance(page, PaymentPage)
        assert "QRIS ditolak" in page.qris_status.text()
        assert wizard.error.text()
        wizard.close()

    run_wizard(monkeypatch, qtbot, drive)
    result = run_first_run(new_shop)
    assert result is not None and result.closed
    with new_shop.read() as session:
        assert shop.bank_accounts(session) == []  # the account waits for a valid QRIS
        assert first_run.progress(session).next_step is Step.PAYMENT


def test_qris_read_from_a_photo_of_the_sticker(new_shop: Database, qtbot: QtBot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(_ctx(new_shop), Step.PAYMENT)
    qtbot.addWidget(wizard)
    page = wizard.page()
    assert isinstance(page, PaymentPage)
    photo = tmp_path / "stiker.png"
    qrcode.make(BRI, box_size=6).save(str(photo))
    assert page.load_photo(photo)
    assert page.payload.text() == BRI
    assert page.qris_status.text().startswith("✔")
    wizard.on_next()
    with new_shop.read() as session:
        assert settings.get(session, "qris.static_payload") == BRI


def test_the_printer_found_by_cari_printer_is_stored(new_shop: Database, qtbot: QtBot) -> None:
    wizard = FirstRunWizard(_ctx(new_shop), Step.PRINTER)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.page()
    assert isinstance(page, PrinterPage)
    dialog = page.on_search()
    qtbot.waitUntil(lambda: "Belum ada" in dialog.notes.text() or dialog.rows.count() > 0)
    found = FoundPrinter(ConnectionKind.NETWORK, "Jaringan 192.168.1.50:9100", host="192.168.1.50")
    dialog.sig_chosen.emit(found)
    dialog.close()
    assert "192.168.1.50" in page.chosen.text()
    qtbot.keyClick(page.paper, Qt.Key.Key_Down)  # 80 mm
    qtbot.keyClick(page.paper, Qt.Key.Key_Return)
    assert wizard.page().step is Step.PEKEN
    with new_shop.read() as session:
        stored = printing.load_profile(session)
    assert stored is not None
    assert (stored.kind, stored.host, stored.paper_mm) == (ConnectionKind.NETWORK, "192.168.1.50", 80)


def test_esc_does_not_end_the_set_up(new_shop: Database, qtbot: QtBot) -> None:
    wizard = FirstRunWizard(_ctx(new_shop))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClick(focus_of(wizard), Qt.Key.Key_Escape)
    assert wizard.isVisible()


def _ctx(database: Database) -> AppContext:
    return AppContext(db=database)


def encrypted_backup(demo_template: Path, tmp_path: Path) -> tuple[Path, str]:
    """An encrypted backup of the demo shop on a "flash drive", and its recovery phrase."""
    from app import offsite

    source = tmp_path / "lama.sqlite"
    source.write_bytes(demo_template.read_bytes())
    lost = open_database(source)
    with lost.unit_of_work() as session:
        owner = next(u.id for u in users.list_users(session) if u.role == "owner")
        phrase = offsite.setup_phrase(session, owner)
    flashdisk = tmp_path / "flashdisk"
    flashdisk.mkdir()
    backup_file = offsite.write_encrypted(lost, flashdisk)
    lost.close()
    return backup_file, phrase


def test_pulihkan_toko_takes_over_an_encrypted_backup_and_its_owner_logs_in(
        new_shop: Database, demo_template: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup_file, phrase = encrypted_backup(demo_template, tmp_path)

    def restore_from_page_one(wizard: FirstRunWizard) -> None:
        assert wizard.restore_button.isVisible()
        from ui.first_run import restore

        monkeypatch.setattr(restore.QFileDialog, "getOpenFileName",
                            lambda *_args: (str(backup_file), ""))
        monkeypatch.setattr(restore.QInputDialog, "getText", lambda *_args: (phrase, True))
        qtbot.mouseClick(wizard.restore_button, Qt.MouseButton.LeftButton)

    def login_as_siti(dialog: LoginDialog) -> int:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.pin, "1234")  # the demo shop's owner, Siti
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
        return dialog.result()

    run_wizard(monkeypatch, qtbot, restore_from_page_one)
    monkeypatch.setattr(LoginDialog, "exec", login_as_siti)
    result = run_first_run(new_shop)
    assert result is not None and not result.closed
    assert (result.ctx.user_name, result.ctx.user_role) == ("Siti", "owner")
    with result.ctx.db.read() as session:
        assert not first_run.progress(session).needed  # a restored shop is set up already
        assert len(users.list_users(session)) >= 2
    result.ctx.db.close()


def test_a_wrong_phrase_restores_nothing(new_shop: Database, demo_template: Path, tmp_path: Path,
                                         qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.first_run import restore

    backup_file, _phrase = encrypted_backup(demo_template, tmp_path)
    shown: list[str] = []
    monkeypatch.setattr(restore, "show_error", lambda _parent, exc: shown.append(str(exc)))
    wizard = FirstRunWizard(_ctx(new_shop))
    qtbot.addWidget(wizard)
    wrong = " ".join(["abandon"] * 11 + ["about"])
    assert not restore.restore_file(wizard, wizard.ctx, backup_file, phrase=wrong)
    assert shown and wizard.ctx.db is new_shop
    with new_shop.read() as session:
        assert users.list_users(session) == []
