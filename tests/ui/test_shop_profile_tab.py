"""Pengaturan → Toko: the PEKEN profile fields (kecamatan, pickup hours, the account buyers see)
are saved by keyboard and queue one ``shop.profile`` op; the city's hidden products are listed."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import settings, shop
from app.sync import profile as peken_profile
from models import OutboxOp
from ui.context import AppContext
from ui.settings.shop_tab import ShopTab


def test_peken_profile_saved_by_keyboard_and_queued(ctx: AppContext, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        shop.add_bank_account(session, "BRI", "002301234567", "Siti A")
        peken_profile.apply_moderation(session, {"product_uuid": "x-1", "hidden": True,
                                                 "reason": "Foto tidak sesuai"})
    tab = ShopTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert "Foto tidak sesuai" in tab.hidden.text()
    qtbot.keyClicks(tab.kecamatan, "Tambaksari")
    qtbot.keyClicks(tab.pickup_hours, "08.00-16.00")
    tab.buyer_account.setFocus()
    qtbot.keyClick(tab.buyer_account, Qt.Key.Key_End)
    assert "002301234567" in tab.buyer_account.currentText()
    save = tab.findChild(QPushButton, "saveShop")
    assert save is not None
    save.setFocus()
    qtbot.keyClick(save, Qt.Key.Key_Space)
    assert tab.status.text() == "Tersimpan."
    with ctx.db.read() as session:
        assert settings.get(session, "peken.kecamatan") == "Tambaksari"
        ops = list(session.scalars(select(OutboxOp.payload)
                                   .where(OutboxOp.kind == "shop.profile")))
    assert len(ops) == 1
    payload = json.loads(ops[0])
    assert payload["kecamatan"] == "Tambaksari" and payload["pickup_hours"] == "08.00-16.00"
    assert payload["bank_accounts"][payload["shown_account"]]["number"] == "002301234567"
