"""Pengaturan → Cadangan, encrypted part: the phrase is shown once and kept only after "saya
sudah mencatat"; a cashier needs the owner; "Pulihkan toko" restores from a .pekenbak file
with the phrase and refuses a wrong one without touching the shop."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import offsite, settings, shop
from app.offsite_phrase import new_phrase
from app.sync import state
from models import Setting
from tests.ui.admin.kit import as_user, click, user_id, when_modal
from ui.admin.approval import OwnerPinDialog
from ui.admin.backup_offsite import OffsiteBox, PhraseDialog
from ui.admin.backup_tab import BackupTab
from ui.admin.login import LoginDialog
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _stored(ctx: AppContext) -> str:
    with ctx.db.read() as session:
        return str([(s.key, s.value) for s in session.scalars(select(Setting))])


def _write_down(qtbot: QtBot, seen: list[str]) -> Callable[[PhraseDialog], None]:
    def act(dialog: PhraseDialog) -> None:
        assert not dialog.ok_button.isEnabled()  # not before the owner says it is written down
        seen.extend(dialog.words)
        dialog.written.setFocus()
        qtbot.keyClick(dialog.written, Qt.Key.Key_Space)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return act


def test_phrase_is_shown_once_and_only_its_public_key_is_kept(tab: BackupTab, ctx: AppContext,
                                                             qtbot: QtBot) -> None:
    box = tab.offsite_box
    cancelled = when_modal(PhraseDialog, lambda dialog: dialog.reject())
    click(box, "Siapkan frasa pemulihan…")
    assert cancelled and "tidak disimpan" in box.status.text()
    with ctx.db.read() as session:
        assert not offsite.is_set_up(session)
    words: list[str] = []
    shown = when_modal(PhraseDialog, _write_down(qtbot, words))
    click(box, "Siapkan frasa pemulihan…")
    assert len(shown) == 1 and len(words) == 12
    with ctx.db.read() as session:
        assert offsite.is_set_up(session)
    stored = _stored(ctx)
    assert not any(" ".join(words[i:i + 2]) in stored for i in range(11))
    assert box.buttons["folder"].isEnabled()


def test_cashier_cannot_set_up_the_phrase_without_the_owner(tab: BackupTab, ctx: AppContext) -> None:
    as_user(ctx, "Rina")
    asked = when_modal(OwnerPinDialog, lambda dialog: dialog.reject())
    click(tab.offsite_box, "Siapkan frasa pemulihan…")
    assert len(asked) == 1
    with ctx.db.read() as session:
        assert not offsite.is_set_up(session)


def _log_in(qtbot: QtBot, ctx: AppContext, dialog: LoginDialog) -> None:
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData(user_id(ctx, "Siti")))
    qtbot.keyClicks(dialog.pin, "1234")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)


def test_restore_from_file_with_the_phrase_and_refuse_a_wrong_one(
        tab: BackupTab, ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    as_user(ctx, "Siti")
    with ctx.db.unit_of_work() as session:
        phrase = offsite.setup_phrase(session, ctx.user_id)
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = offsite.write_encrypted(ctx.db, usb)
    with ctx.db.unit_of_work() as session:
        shop.update_profile(session, name="Nama Sesudah Cadangan")
    box: OffsiteBox = tab.offsite_box
    old_db = ctx.db
    assert not box.restore(new_phrase(), path=saved, ask=False)
    assert "Tidak dipulihkan. Frasa pemulihan salah" in box.status.text() and ctx.db is old_db
    with ctx.db.read() as session:
        assert shop.profile(session).name == "Nama Sesudah Cadangan"
    logins = when_modal(LoginDialog, lambda dialog: _log_in(qtbot, ctx, dialog))
    with qtbot.waitSignal(ctx.signals.sig_catalog_changed):
        assert box.restore(phrase, path=saved, ask=False)
    assert len(logins) == 1 and ctx.db is not old_db
    with ctx.db.read() as session:
        assert shop.profile(session).name == "Toko Berkah Jaya"
        assert settings.get(session, "offsite.public_key")  # the restored shop keeps its key
    assert "dipulihkan" in tab.status.text()


def test_restoring_an_enrolled_shops_file_asks_for_a_new_enrollment_code(
        tab: BackupTab, ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    with ctx.db.unit_of_work() as session:
        phrase = offsite.setup_phrase(session, ctx.user_id)
        for key, value in ((state.SERVER_URL, "https://peken.example"), (state.SHOP_ID, "7"),
                           (state.DEVICE_TOKEN, "pkd_laptop_yang_hilang")):
            state.put(session, key, value)
    saved = offsite.write_encrypted(ctx.db, tmp_path)
    with ctx.db.unit_of_work() as session:
        state.forget_device(session)  # the new PC is not enrolled
    asked = when_modal(QInputDialog, lambda dialog: dialog.reject())
    logins = when_modal(LoginDialog, lambda dialog: _log_in(qtbot, ctx, dialog))
    assert tab.offsite_box.restore(phrase, path=saved, ask=False)
    assert len(asked) == 1 and len(logins) == 1
    with ctx.db.read() as session:
        assert state.credentials(session) is None  # the lost laptop's token is not used here
