"""An owner's PIN opens Pengaturan for one visit only: Ctrl+L, another login, leaving the
section and the idle time each lock it again, and it never covers another action (a refund).
Driven by keys as the cashier would: Ctrl+L, her PIN, Ctrl+7, the owner's PIN."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app.printing.profile import ConnectionKind
from app.printing.service import load_profile
from tests.ui.admin.kit import activate, audit, click, log_in_with_ctrl_l, user_id, when_modal
from tests.ui.helpers import press
from ui.admin.approval import OwnerPinDialog, ask_approval
from ui.admin.login import install_lock_shortcut
from ui.admin.user_dialogs import AddUserDialog
from ui.admin.users_tab import UsersTab
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.payments.settings_tab import PaymentSettingsTab
from ui.printing.settings_tab import PrinterSettingsTab
from ui.settings.page import SettingsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier
SETTINGS_KEY = Qt.Key.Key_7  # Ctrl+7: Pengaturan


@pytest.fixture
def till(window: MainWindow, ctx: AppContext, qtbot: QtBot) -> MainWindow:
    """The main window with Ctrl+L bound (as ``ui.wiring`` does), Rina logged in by keys."""
    install_lock_shortcut(window, ctx)
    log_in_with_ctrl_l(window, ctx, qtbot, "Rina", "1111")
    assert (ctx.user_name, ctx.user_role) == ("Rina", "cashier")
    return window


def settings_page(window: MainWindow, qtbot: QtBot) -> SettingsPage:
    """Ctrl+7: the Pengaturan section."""
    activate(window, qtbot)
    press(qtbot, window, SETTINGS_KEY, CTRL)
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return page


def unlock_with_owner_pin(page: SettingsPage, qtbot: QtBot) -> None:
    """Press "Buka dengan PIN pemilik…" and let Siti type 1234."""
    def fill(dialog: OwnerPinDialog) -> None:
        qtbot.keyClicks(dialog.pin, "1234")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    seen = when_modal(OwnerPinDialog, fill)
    assert is_locked(page)
    page.unlock_button.setFocus()
    qtbot.keyClick(page.unlock_button, Qt.Key.Key_Space)
    assert [d.action for d in seen] == ["settings"]
    assert not is_locked(page) and page.count() > 3


def is_locked(page: SettingsPage) -> bool:
    """Only the "Terkunci" tab is there."""
    return page.count() == 1 and page.tabText(0) == "Terkunci"


def test_ctrl_l_and_logging_in_again_locks_pengaturan(
    till: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    assert ctx.elevation.covers("settings") and ctx.elevation.owner_id == user_id(ctx, "Siti")
    # the same cashier, again; the approval already ended when the lock screen came up
    assert log_in_with_ctrl_l(till, ctx, qtbot, "Rina", "1111") == [False]
    assert ctx.user_name == "Rina" and is_locked(page)
    assert not ctx.elevation.active
    assert settings_page(till, qtbot) is page and is_locked(page)
    rina, siti = user_id(ctx, "Rina"), user_id(ctx, "Siti")
    assert [(u, a) for u, a, _ in audit(ctx.db, "perm.settings")] == [(rina, siti)]


def test_another_login_and_leaving_the_section_lock_it(
    till: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    activate(till, qtbot)
    press(qtbot, till, Qt.Key.Key_1, CTRL)  # off to Kasir and back
    assert is_locked(settings_page(till, qtbot))
    unlock_with_owner_pin(page, qtbot)
    ctx.signals.sig_user_changed.emit()  # e.g. a restore or a login elsewhere
    assert is_locked(page)
    log_in_with_ctrl_l(till, ctx, qtbot, "Siti", "1234")  # the owner herself: open, no PIN
    assert not is_locked(page) and not ctx.elevation.active
    log_in_with_ctrl_l(till, ctx, qtbot, "Rina", "1111")
    assert is_locked(page)


def test_idle_time_ends_the_owner_approval(till: MainWindow, ctx: AppContext, qtbot: QtBot) -> None:
    start = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=True) as clock:
        page = settings_page(till, qtbot)
        unlock_with_owner_pin(page, qtbot)
        clock.shift(timedelta(seconds=100))
        qtbot.keyClick(page, Qt.Key.Key_Right, CTRL)  # she is still working: input resets
        clock.shift(timedelta(seconds=100))
        qtbot.wait(1300)  # the idle check runs every second
        assert not is_locked(page) and ctx.elevation.covers("settings")
        clock.shift(timedelta(seconds=21))  # 121 s without a key or a click
        qtbot.waitUntil(lambda: is_locked(page), timeout=3000)
    assert not ctx.elevation.active


def test_pengaturan_approval_does_not_cover_a_refund(
    till: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    rina, siti = user_id(ctx, "Rina"), user_id(ctx, "Siti")
    inside = ask_approval(page, ctx, "settings", what="ubah pengguna")  # same screen: no PIN
    assert inside is not None and inside.approved_by_id == siti
    assert QApplication.activeModalWidget() is None
    asked = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    assert ask_approval(page, ctx, "refund", order="K1-1") is None
    assert [d.action for d in asked] == ["refund"]  # asked again, and refused
    assert audit(ctx.db, "perm.refund") == []
    entries = audit(ctx.db, "perm.settings")
    assert [(u, a) for u, a, _ in entries] == [(rina, siti), (rina, siti)]
    assert json.loads(entries[-1][2]) == {"elevated": True, "what": "ubah pengguna"}


def test_bank_account_needs_the_owner_pin_even_inside_pengaturan(
    till: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    [tab] = [page.widget(i) for i in range(page.count())
             if isinstance(page.widget(i), PaymentSettingsTab)]
    assert isinstance(tab, PaymentSettingsTab)
    before = tab.table.rowCount()
    tab.bank.setCurrentText("BRI")
    qtbot.keyClicks(tab.number, "555666777888")
    qtbot.keyClicks(tab.holder, "Rina Kasir")
    add = tab.findChild(QPushButton, "addAccount")
    assert add is not None
    refused = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    add.click()
    assert [d.action for d in refused] == ["bank_account"]  # Pengaturan's approval is not enough
    assert tab.table.rowCount() == before and "pemilik" in tab.account_status.text()
    assert audit(ctx.db, "bank_account.add") == []

    def owner_types_pin(dialog: OwnerPinDialog) -> None:
        qtbot.keyClicks(dialog.pin, "1234")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    approved = when_modal(OwnerPinDialog, owner_types_pin)
    add.click()
    assert [d.action for d in approved] == ["bank_account"]
    assert tab.table.rowCount() == before + 1
    [(user, approver, detail)] = audit(ctx.db, "bank_account.add")
    assert (user, approver) == (user_id(ctx, "Rina"), user_id(ctx, "Siti"))
    assert json.loads(detail) == {"bank": "BRI", "number": "555666777888", "holder": "RINA KASIR"}
    assert "1234" not in json.dumps([d for _u, _a, d in audit(ctx.db, "perm.bank_account")])


def test_users_are_changed_only_with_a_fresh_owner_pin(
    till: MainWindow, ctx: AppContext, qtbot: QtBot
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    [tab] = [page.widget(i) for i in range(page.count()) if isinstance(page.widget(i), UsersTab)]
    assert isinstance(tab, UsersTab)

    def new_owner(dialog: AddUserDialog) -> None:  # Rina tries to make herself an owner
        dialog.name_edit.setText("Rina Juga")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("owner"))
        qtbot.keyClicks(dialog.pins.first, "2468")
        qtbot.keyClicks(dialog.pins.second, "2468")
        click(dialog, "Tambah")

    when_modal(AddUserDialog, new_owner)
    refused = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    tab.add_user()
    assert [d.action for d in refused] == ["settings"]  # asked again inside the approved visit
    assert "Rina Juga" not in [row.name for row in tab.model.rows]
    assert audit(ctx.db, "user.create") == []


def test_printer_change_needs_the_owner_pin_inside_pengaturan(
    till: MainWindow, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = settings_page(till, qtbot)
    unlock_with_owner_pin(page, qtbot)
    [tab] = [page.widget(i) for i in range(page.count())
             if isinstance(page.widget(i), PrinterSettingsTab)]
    assert isinstance(tab, PrinterSettingsTab)
    tab.kind.setCurrentIndex(tab.kind.findData(ConnectionKind.FILE.value))
    tab.file_path.setText(str(tmp_path / "printer.bin"))
    refused = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    tab.save_button.click()
    assert [d.action for d in refused] == ["printer"]
    with ctx.db.read() as s:
        assert load_profile(s) is None  # not stored
    assert audit(ctx.db, "printer.set") == []
