"""The Cadangan tab: manual backup off the GUI thread, restore, and refusal of bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app import backup, shop
from models import Order, User
from tests.ui.admin.kit import as_user, audit, click, user_id, when_modal
from ui.admin.approval import OwnerPinDialog
from ui.admin.backup_tab import BackupsModel, BackupTab
from ui.admin.login import LoginDialog
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _orders(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count(Order.id))) or 0)


def test_manual_backup_and_model(tab: BackupTab, qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    assert tab.model.rowCount() == 0
    click(tab, "Cadangkan sekarang")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert "Cadangan dibuat" in tab.status.text()
    assert tab.model.index(0, 1).data() == "Manual"
    assert backup.validate_shop_file(tab.model.rows[0].path)
    qtmodeltester.check(tab.model, force_py=True)
    qtmodeltester.check(BackupsModel(), force_py=True)


def test_restore_brings_back_the_old_shop(tab: BackupTab, ctx: AppContext, qtbot: QtBot) -> None:
    as_user(ctx, "Siti")
    saved = backup.make_backup(ctx.db.path, "manual", tab.folder)
    with ctx.db.unit_of_work() as s:
        shop.update_profile(s, name="Nama Salah")
        s.execute(update(Order).values(note="diubah setelah cadangan"))
    old_db = ctx.db
    logins = when_modal(LoginDialog, lambda dialog: _log_in(qtbot, ctx, dialog, "Siti", "1234"))
    with qtbot.waitSignal(ctx.signals.sig_catalog_changed):
        assert tab.restore_from(saved, ask=False)
    assert len(logins) == 1 and logins[0].locked  # the restored shop's users: log in again
    assert ctx.db is not old_db
    with ctx.db.read() as s:
        assert shop.profile(s).name == "Toko Berkah Jaya"
        assert not s.scalar(select(func.count()).where(Order.note != ""))
    assert "dipulihkan" in tab.status.text()
    assert {b.kind for b in tab.model.rows} == {"manual", "sebelum-pulih"}
    [(by_id, approver_id, detail)] = audit(ctx.db, "backup.restore")
    assert (by_id, approver_id) == (None, None) and '"by": "Siti"' in detail


def test_cashier_restore_needs_owner_pin(tab: BackupTab, ctx: AppContext, qtbot: QtBot) -> None:
    as_user(ctx, "Rina")
    saved = backup.make_backup(ctx.db.path, "manual", tab.folder)
    seen = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    assert not tab.restore_from(saved, ask=False)
    assert len(seen) == 1
    tab.refresh()
    assert [b.kind for b in tab.model.rows] == ["manual"]  # nothing replaced, nothing backed up


def _log_in(qtbot: QtBot, ctx: AppContext, dialog: LoginDialog, name: str, pin: str) -> None:
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData(user_id(ctx, name)))
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_cashier_restores_with_owner_pin_then_logs_in_again(tab: BackupTab, ctx: AppContext,
                                                           qtbot: QtBot) -> None:
    """An owner's PIN covers the restore; the cashier is not left holding another shop's user id."""
    as_user(ctx, "Rina")
    saved = backup.make_backup(ctx.db.path, "manual", tab.folder)
    with ctx.db.unit_of_work() as s:  # in the backup Rina will be an owner: ids must not carry over
        s.execute(update(User).where(User.name == "Rina").values(role="owner"))
    saved_with_rina_owner = backup.make_backup(ctx.db.path, "manual", tab.folder / "b")
    with ctx.db.unit_of_work() as s:
        s.execute(update(User).where(User.name == "Rina").values(role="cashier"))
    del saved

    def approve(dialog: OwnerPinDialog) -> None:
        qtbot.keyClicks(dialog.pin, "1234")
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    asked = when_modal(OwnerPinDialog, approve)
    logins = when_modal(LoginDialog, lambda dialog: _log_in(qtbot, ctx, dialog, "Siti", "1234"),
                        tries=1000)
    assert tab.restore_from(saved_with_rina_owner, ask=False)
    assert len(asked) == 1 and asked[0].action == "restore"
    assert len(logins) == 1 and logins[0].locked
    assert (ctx.user_name, ctx.user_role) == ("Siti", "owner")  # whoever logged in, not an old id
    [(_by, _approver, detail)] = audit(ctx.db, "backup.restore")
    assert '"approved_by": "Siti"' in detail and '"by": "Rina"' in detail


@pytest.mark.parametrize("kind", ["random", "truncated", "foreign"])
def test_bad_file_is_refused_with_a_message(tab: BackupTab, ctx: AppContext, tmp_path: Path,
                                            kind: str) -> None:
    as_user(ctx, "Siti")
    bad = tmp_path / f"{kind}.sqlite"
    if kind == "random":
        bad.write_bytes(os.urandom(20_000))
    elif kind == "truncated":
        good = backup.make_backup(ctx.db.path, "manual", tmp_path / "elsewhere")
        bad.write_bytes(good.read_bytes()[:30_000])
    else:
        import sqlite3

        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (t TEXT)")
        conn.commit()
        conn.close()
    db_before, orders = ctx.db, _orders(ctx)
    assert not tab.restore_from(bad, ask=False)
    assert tab.status.text().startswith("Tidak dipulihkan.") and bad.name in tab.status.text()
    assert tab.status.objectName() == "errorLabel"
    assert ctx.db is db_before and _orders(ctx) == orders
    assert tab.model.rowCount() == 0
