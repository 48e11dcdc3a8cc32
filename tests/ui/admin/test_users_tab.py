"""The Pengguna tab, the owner-PIN prompt, login/lock and the audit log viewer."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from app.users import verify_pin
from models import AuditEntry, User
from tests.ui.admin.kit import as_user, audit, click, user_id, when_modal
from ui.admin.approval import OwnerPinDialog, ask_approval
from ui.admin.audit_view import AuditLogDialog, AuditModel
from ui.admin.login import LoginDialog
from ui.admin.user_dialogs import AddUserDialog, ChangePinDialog, PermissionsDialog
from ui.admin.users_tab import UsersModel, UsersTab
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def tab(ctx: AppContext, qtbot: QtBot) -> UsersTab:
    widget = UsersTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def _select(tab: UsersTab, name: str) -> None:
    for row, user in enumerate(tab.model.rows):
        if user.name == name:
            tab.table.selectRow(row)
            return
    raise AssertionError(name)


def _user(ctx: AppContext, name: str) -> User:
    with ctx.db.read() as s:
        user = s.scalars(select(User).where(User.name == name)).one()
        s.expunge(user)
    return user


def test_users_model_passes_modeltester(tab: UsersTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.model, force_py=True)
    qtmodeltester.check(UsersModel(), force_py=True)
    names = [(u.name, u.role) for u in tab.model.rows]
    assert names == [("Siti", "owner"), ("Rina", "cashier")]
    text = tab.model.index(1, 3).data()
    assert "PIN pemilik" in text  # Rina has no extra permissions


def test_owner_adds_user_changes_pin_grants_and_deactivates(tab: UsersTab, ctx: AppContext,
                                                            qtbot: QtBot) -> None:
    siti = as_user(ctx, "Siti")

    def add(dialog: AddUserDialog) -> None:
        dialog.name_edit.setText("  Budi   Santoso ")
        qtbot.keyClicks(dialog.pins.first, "2468")
        qtbot.keyClicks(dialog.pins.second, "2469")
        click(dialog, "Tambah")
        assert "tidak sama" in dialog.error.text()
        dialog.pins.second.clear()
        qtbot.keyClicks(dialog.pins.second, "2468")
        click(dialog, "Tambah")

    when_modal(AddUserDialog, add)
    tab.add_user()
    assert [u.name for u in tab.model.rows] == ["Siti", "Budi Santoso", "Rina"]
    budi = _user(ctx, "Budi Santoso")
    assert budi.role == "cashier" and verify_pin("2468", budi.pin_hash) and "2468" not in budi.pin_hash

    _select(tab, "Budi Santoso")

    def new_pin(dialog: ChangePinDialog) -> None:
        qtbot.keyClicks(dialog.pins.first, "135790")
        qtbot.keyClicks(dialog.pins.second, "135790")
        click(dialog, "Simpan PIN")

    when_modal(ChangePinDialog, new_pin)
    tab.change_pin()
    assert verify_pin("135790", _user(ctx, "Budi Santoso").pin_hash)

    def grant(dialog: PermissionsDialog) -> None:
        dialog.boxes["refund"].setChecked(True)
        dialog.boxes["payment_confirm"].setChecked(True)
        click(dialog, "Simpan izin")

    _select(tab, "Budi Santoso")
    when_modal(PermissionsDialog, grant)
    tab.edit_permissions()
    assert _user(ctx, "Budi Santoso").permissions == "refund,payment_confirm"
    assert "retur/refund" in tab.model.index(1, 3).data()

    _select(tab, "Budi Santoso")
    tab.toggle_active()
    assert not _user(ctx, "Budi Santoso").active
    assert tab.model.index(1, 2).data() == "Nonaktif"
    for action in ("user.create", "user.pin", "user.permissions", "user.deactivate"):
        [(by, _approver, detail)] = audit(ctx.db, action)
        assert by == siti and json.loads(detail)["user"] == "Budi Santoso"
    assert len(audit(ctx.db, "perm.settings")) == 4


def test_last_owner_cannot_be_deactivated_in_the_tab(tab: UsersTab, ctx: AppContext) -> None:
    as_user(ctx, "Siti")
    _select(tab, "Siti")
    messages: list[str] = []

    def read_box(box) -> None:  # type: ignore[no-untyped-def]
        messages.append(box.text())
        box.accept()

    from PySide6.QtWidgets import QMessageBox

    when_modal(QMessageBox, read_box)
    tab.toggle_active()
    assert "satu-satunya pemilik" in messages[0]
    assert _user(ctx, "Siti").active


def test_cashier_needs_owner_pin_to_change_users(tab: UsersTab, ctx: AppContext, qtbot: QtBot) -> None:
    rina, siti = as_user(ctx, "Rina"), user_id(ctx, "Siti")
    _select(tab, "Rina")

    refused: list[list[OwnerPinDialog]] = []

    def grant_self(dialog: PermissionsDialog) -> None:
        dialog.boxes["settings"].setChecked(True)
        # no owner around: cancelled
        refused.append(when_modal(OwnerPinDialog, lambda pin: pin.reject()))
        click(dialog, "Simpan izin")

    when_modal(PermissionsDialog, grant_self)
    tab.edit_permissions()
    [[pin_dialog]] = refused  # the owner's PIN was really asked, and the dialog cancelled
    assert pin_dialog.action == "settings"
    assert pin_dialog.result() == OwnerPinDialog.DialogCode.Rejected
    assert _user(ctx, "Rina").permissions == ""
    assert audit(ctx.db, "user.permissions") == []

    def owner_types_pin(dialog: OwnerPinDialog) -> None:
        qtbot.keyClicks(dialog.pin, "1234")
        click(dialog, "Setujui")

    def grant_again(dialog: PermissionsDialog) -> None:
        dialog.boxes["void"].setChecked(True)
        when_modal(OwnerPinDialog, owner_types_pin)
        click(dialog, "Simpan izin")

    _select(tab, "Rina")
    when_modal(PermissionsDialog, grant_again)
    tab.edit_permissions()
    assert _user(ctx, "Rina").permissions == "void"
    assert [(u, a) for u, a, _ in audit(ctx.db, "perm.settings")] == [(rina, siti)]


def test_ask_approval_for_a_granted_cashier_needs_no_dialog(ctx: AppContext, qapp: QApplication) -> None:
    rina = as_user(ctx, "Rina")
    with ctx.db.unit_of_work() as s:
        s.get(User, rina).permissions = "discount"  # type: ignore[union-attr]
    approval = ask_approval(None, ctx, "discount", amount=5000)
    assert approval is not None and approval.approved_by_id is None
    assert QApplication.activeModalWidget() is None
    [(u, a, detail)] = audit(ctx.db, "perm.discount")
    assert (u, a) == (rina, None) and json.loads(detail) == {"amount": 5000}


def test_login_and_lock_screen(ctx: AppContext, qtbot: QtBot) -> None:
    as_user(ctx, "Siti")
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData(user_id(ctx, "Rina")))
    qtbot.keyClicks(dialog.pin, "9999")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert "salah" in dialog.error.text() and dialog.pin.text() == ""
    with qtbot.waitSignal(ctx.signals.sig_user_changed):
        qtbot.keyClicks(dialog.pin, "1111")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert (ctx.user_name, ctx.user_role) == ("Rina", "cashier")
    assert dialog.result() == LoginDialog.DialogCode.Accepted

    lock = LoginDialog(ctx, locked=True)
    qtbot.addWidget(lock)
    lock.show()
    heading = lock.findChild(QLabel, "dialogHeading")
    assert heading is not None and "Rina" in heading.text()
    qtbot.keyClick(lock, Qt.Key.Key_Escape)
    lock.reject()
    lock.close()
    assert lock.isVisible()  # a lock screen stays until a PIN is typed
    qtbot.keyClicks(lock.pin, "1111")
    lock.submit()
    assert not lock.isVisible() and ctx.user_name == "Rina"
    assert len(audit(ctx.db, "login")) == 2 and len(audit(ctx.db, "pin.wrong")) == 1


def test_audit_log_viewer_filters(ctx: AppContext, qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rina = as_user(ctx, "Rina")
    from app import permissions

    with ctx.db.unit_of_work() as s:  # start from an empty log (the demo confirmed QRIS sales)
        s.execute(delete(AuditEntry))
    with ctx.db.unit_of_work() as s:
        permissions.require(s, rina, "void", "1234", detail={"order": "K1-X"})
        permissions.require(s, user_id(ctx, "Siti"), "settings")
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    view = dialog.view
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(AuditModel(), force_py=True)
    assert view.model.rowCount() == 2 and view.count_label.text() == "2 catatan"
    view.action_combo.setCurrentIndex(view.action_combo.findData("perm.void"))
    assert view.model.rowCount() == 1
    texts = [view.model.index(0, c).data() for c in range(5)]
    assert texts[1:4] == ["Izin: membatalkan pesanan", "Rina", "Siti"] and "K1-X" in texts[4]
    view.action_combo.setCurrentIndex(0)
    view.user_combo.setCurrentIndex(view.user_combo.findData(user_id(ctx, "Siti")))
    assert view.model.rowCount() == 2  # Siti approved the void and changed a setting
    view.from_date.setDate(view.from_date.date().addDays(40))
    assert view.model.rowCount() == 0
