"""PEKEN widgets with pytest-qt: enrolling from Pengaturan against the real server on
loopback, the online orders list (badge, accept, reject), rejected ops and screenshots.
Qt warnings fail these tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import outbox
from app.sync import state
from app.sync.apply import apply_changes
from models import Order, OutboxOp, Product
from tests.integration.sync.peken_kit import ServerProcess, issue_code, register_seller
from tests.unit.sync.sync_kit import placed
from ui.context import AppContext
from ui.sync.online_orders import OnlineOrdersWidget
from ui.sync.rejected_dialog import RejectedDialog
from ui.sync.screens import SCREENS
from ui.sync.settings_tab import PekenSettingsTab
from ui.sync.status import describe

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, str]]:
    """The real catalog server on loopback and an admin token."""
    server = ServerProcess(tmp_path_factory.mktemp("catalog"))
    admin = server.create_admin()
    server.start()
    yield server, admin
    server.stop()


def _orders(ctx: AppContext, count: int) -> list[int]:
    with ctx.db.unit_of_work() as session:
        product = session.scalars(select(Product).order_by(Product.id)).first()
        assert product is not None
        apply_changes(session, [placed(product.uuid, i + 1, price=product.price)
                                for i in range(count)])
    with ctx.db.read() as session:
        return list(session.scalars(select(Order.id).where(Order.source == "online")
                                    .order_by(Order.id)))


def test_settings_tab_enrolls_and_syncs(ctx: AppContext, qtbot: QtBot,
                                        catalog: tuple[ServerProcess, str]) -> None:
    server, admin = catalog
    seller = register_seller(server.url, admin)
    tab = PekenSettingsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.enroll_button.isEnabled() and not tab.sync_button.isEnabled()
    tab.url.setText(server.url)
    tab.code.setText(issue_code(server.url, admin, seller))
    tab.enroll_button.click()
    qtbot.waitUntil(tab.sync_button.isEnabled, timeout=10_000)
    assert tab.code.text() == ""
    with ctx.db.read() as session:
        token = state.get(session, state.DEVICE_TOKEN)
    assert token.startswith("pkd_") and token not in tab.state_label.text()
    assert "Terdaftar di toko PEKEN" in tab.state_label.text()
    tab.sync_button.click()
    qtbot.waitUntil(lambda: not tab.busy and "0 antre" in tab.state_label.text(), timeout=20_000)
    assert "Omzet PEKEN" in tab.turnover_label.text()


def test_online_orders_badge_accept_reject(ctx: AppContext, qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    widget = OnlineOrdersWidget(ctx)
    qtbot.addWidget(widget)
    assert widget.badge.text() == ""
    first, second = _orders(ctx, 2)
    with qtbot.waitSignal(widget.sig_badge) as badge:
        widget.refresh()
    assert badge.args == [2] and widget.badge.text() == "2 baru" and beeps == [1]
    widget.select_order(first)
    assert widget.buttons["accept"].isEnabled() and not widget.buttons["fulfil"].isEnabled()
    widget.buttons["accept"].click()
    widget.select_order(second)
    widget.reject_selected("Stok habis")
    with ctx.db.read() as session:
        statuses = dict(session.execute(select(Order.id, Order.status)
                                        .where(Order.source == "online")).all())
        kinds = [op.kind for op in session.scalars(select(OutboxOp).where(
            OutboxOp.kind.like("order.%")).order_by(OutboxOp.seq))]
    assert statuses == {first: "pending", second: "rejected"}
    assert kinds == ["order.accept", "order.reject"] and widget.badge.text() == ""
    widget.select_order(first)
    assert widget.buttons["confirm"].isEnabled()
    widget.confirm_selected()
    widget.fulfil_selected()
    with ctx.db.read() as session:
        assert session.get(Order, first).status == "fulfilled"  # type: ignore[union-attr]


def test_rejected_dialog_requeues_and_discards(ctx: AppContext, qtbot: QtBot) -> None:
    with ctx.db.unit_of_work() as session:
        product = session.scalars(select(Product).order_by(Product.id)).first()
        assert product is not None
        for _ in range(2):
            op = outbox.enqueue(session, "listing.upsert", {"product_uuid": product.uuid})
            session.flush()
            op.status, op.last_error = "rejected", "Isi op tidak valid: periksa name."
    dialog = RejectedDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and "periksa name" in dialog.table.item(0, 3).text()  # type: ignore[union-attr]
    dialog.requeue_selected()
    dialog.discard_selected()
    assert dialog.table.rowCount() == 0
    with ctx.db.read() as session:
        newest = session.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc())).first()
        assert newest is not None and newest.status == "pending"
        assert json.loads(newest.payload)["name"] == product.name


def test_status_text_and_screenshots(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    from app.sync.worker import SyncStatus

    assert describe(SyncStatus()) == "PEKEN: belum terdaftar"
    text = describe(SyncStatus(enrolled=True, online=False, pending=3, rejected=1,
                               last_error="Tidak bisa terhubung ke server PEKEN (offline?)."))
    assert text.startswith("PEKEN: offline · 3 antre") and "1 ditolak" in text
    for name, render in SCREENS:
        render(ctx, tmp_path)
        assert (tmp_path / name).stat().st_size > 5_000
