"""One shop clock through the real screens: the audit filter, Pesanan "Hari ini" and its number
search, the status-bar clock, the backup list and the Zona waktu setting all use shop time, with
the PC's own zone set far from WIB (where it is another date) at 00:30 and 23:30 shop time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app import clock, shop
from app.db import Database
from app.payments.queries import OpenPaymentView
from app.receipts.from_order import receipt_from_order
from app.sales import PaymentInput, checkout
from models import AuditEntry
from tests.conftest import ShopClock, shop_moment
from tests.unit.foundation_kit import add_product, cart_of
from ui.admin.audit_view import AuditLogDialog
from ui.admin.backup_tab import BackupTab
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.payments.manual_dialog import ManualConfirmDialog
from ui.settings.shop_tab import ShopTab
from ui.status_bar import StatusBar

# Orders by shop-local time (WIB) around the frozen day, 30 November 2026.
ORDER_TIMES = ("2026-11-29 23:55", "2026-11-30 00:05", "2026-11-30 00:25", "2026-11-30 23:20",
               "2026-12-01 00:10")
TODAY_NUMBERS = ["K1-20261130-0003", "K1-20261130-0002", "K1-20261130-0001"]  # newest first


def _shop(db: Database, times: tuple[str, ...] = ORDER_TIMES) -> list[str]:
    """A named shop with one product and a sale at each shop-local time; their numbers."""
    with db.unit_of_work() as session:
        shop.update_profile(session, name="Toko Jam", device_code="K1")
        add_product(session, "K", "Kopi", 10_000, stock=100)
    return _sell_at(db, times)


def _sell_at(db: Database, times: tuple[str, ...]) -> list[str]:
    """One sale of the shop's product at each shop-local time; their order numbers."""
    numbers = []
    with db.unit_of_work() as session:
        pid = 1
        for when in times:
            cart = cart_of(session, [(pid, 1)])
            numbers.append(checkout(session, cart, [PaymentInput("cash", cart.total, 10_000)],
                                    now=shop_moment(when)).number)
    return numbers


def _orders_page(db: Database, qtbot: QtBot) -> OrdersPage:
    page = OrdersPage(AppContext(db=db))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.period.setCurrentIndex(page.period.findData("all"))
    return page


def _choose_today(page: OrdersPage, qtbot: QtBot) -> None:
    page.period.setFocus()
    qtbot.keyClick(page.period, Qt.Key.Key_Home)  # the first period: "Hari ini"
    assert page.period.currentData() == "today"


@pytest.mark.parametrize(("shop_clock_running", "zone"),
                         [("00:30", "Pacific/Honolulu"), ("23:30", "Pacific/Kiritimati")],
                         indirect=["shop_clock_running"])
def test_orders_today_lists_exactly_the_shop_day(
    shop_clock_running: ShopClock, zone: str, pc_zone: Callable[[str], None],
    db: Database, qtbot: QtBot,
) -> None:
    pc_zone(zone)
    assert datetime.now().date() != clock.today()  # the PC is on another date
    numbers = _shop(db)
    assert numbers == ["K1-20261129-0001", "K1-20261130-0001", "K1-20261130-0002",
                       "K1-20261130-0003", "K1-20261201-0001"]
    page = _orders_page(db, qtbot)
    assert page.model.rowCount() == 5
    _choose_today(page, qtbot)
    qtbot.waitUntil(lambda: [r.number for r in page.model.rows] == TODAY_NUMBERS)
    assert page.count_label.text() == "3 pesanan"
    qtbot.keyClicks(page.search, "0001")  # yesterday's and tomorrow's 0001 are not today's
    qtbot.waitUntil(lambda: [r.number for r in page.model.rows] == ["K1-20261130-0001"])


@pytest.mark.parametrize("shop_clock_running", ["03:10"], indirect=True)
def test_audit_filter_today_at_0310_wib_on_a_utc_pc(
    shop_clock_running: ShopClock, pc_zone: Callable[[str], None], ctx: AppContext, qtbot: QtBot,
) -> None:
    pc_zone("UTC")  # 20:10 on the 29th
    with ctx.db.unit_of_work() as session:
        session.query(AuditEntry).delete()
        for when in ("2026-11-29 23:00", "2026-11-30 00:15", "2026-11-30 02:50"):
            session.add(AuditEntry(action="settings", at=shop_moment(when)))
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.view
    assert view.to_date.date() == QDate(2026, 11, 30)
    assert view.model.rowCount() == 3
    view.from_date.setFocus()  # 31/10/2026: move the month on by one to get "today only"
    qtbot.keyClick(view.from_date, Qt.Key.Key_Home)
    for _ in range(3):
        qtbot.keyClick(view.from_date, Qt.Key.Key_Right)
    qtbot.keyClick(view.from_date, Qt.Key.Key_Up)
    assert view.from_date.date() == QDate(2026, 11, 30)
    shown = sorted(view.model.index(r, 0).data() for r in range(view.model.rowCount()))
    assert shown == ["30/11/2026 00:15:00", "30/11/2026 02:50:00"]
    assert view.count_label.text() == "2 catatan"


@pytest.mark.parametrize("shop_clock_running", ["03:10"], indirect=True)
def test_status_bar_clock_is_shop_time_and_agrees_with_receipts(
    shop_clock_running: ShopClock, pc_zone: Callable[[str], None], db: Database, qtbot: QtBot,
) -> None:
    pc_zone("UTC")
    _shop(db, ("2026-11-30 03:10",))
    bar = StatusBar(AppContext(db=db), "Toko Jam")
    qtbot.addWidget(bar)
    assert bar.clock.text() == "Sen 30/11/2026 03:10 WIB"
    with db.read() as session:
        receipt = receipt_from_order(session, 1)
    assert receipt.created_at.strftime("%d/%m/%Y %H:%M") in bar.clock.text()


@pytest.mark.parametrize("shop_clock_running", ["23:30"], indirect=True)
def test_zona_waktu_wita_moves_the_day_boundary(
    shop_clock_running: ShopClock, pc_zone: Callable[[str], None], db: Database, qtbot: QtBot,
) -> None:
    """23:30 WIB is 00:30 WITA on 1 December: after choosing WITA "today" is the 1st."""
    pc_zone("Pacific/Kiritimati")
    _shop(db)
    ctx = AppContext(db=db)
    tab = ShopTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.zone.currentText() == "WIB (UTC+7)"
    tab.zone.setFocus()
    qtbot.keyClick(tab.zone, Qt.Key.Key_Down)
    save_button = tab.findChild(QPushButton, "saveShop")
    assert save_button is not None
    save_button.setFocus()
    qtbot.keyClick(save_button, Qt.Key.Key_Space)
    assert tab.status.text() == "Tersimpan."
    assert clock.zone_label() == "WITA" and clock.today().isoformat() == "2026-12-01"
    bar = StatusBar(ctx, "Toko Jam")
    qtbot.addWidget(bar)
    assert bar.clock.text() == "Sel 01/12/2026 00:30 WITA"
    page = _orders_page(db, qtbot)
    _choose_today(page, qtbot)  # 1 December WITA: from 23:00 WIB on the 30th
    qtbot.waitUntil(lambda: [r.number for r in page.model.rows]
                    == ["K1-20261201-0001", "K1-20261130-0003"])
    assert _sell_at(db, ("2026-11-30 23:31",)) == ["K1-20261201-0002"]


@pytest.mark.parametrize("shop_clock_running", ["00:30"], indirect=True)
def test_backup_names_in_shop_time(
    shop_clock_running: ShopClock, pc_zone: Callable[[str], None], ctx: AppContext,
    qtbot: QtBot, tmp_path: Path,
) -> None:
    pc_zone("Pacific/Honolulu")  # 06:30 on the 29th
    tab = BackupTab(ctx, tmp_path / "cadangan")
    qtbot.addWidget(tab)
    tab.show()
    tab.backup_button.setFocus()
    qtbot.keyClick(tab.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    assert tab.model.rows[0].path.name.startswith("shop-20261130-0030")
    assert tab.model.index(0, 0).data().startswith("30/11/2026 00:30")


@pytest.mark.parametrize(("shop_clock_running", "zone"),
                         [("00:30", "Pacific/Honolulu"), ("23:30", "Pacific/Kiritimati")],
                         indirect=["shop_clock_running"])
def test_manual_confirm_date_defaults_to_the_shop_day(
    shop_clock_running: ShopClock, zone: str, pc_zone: Callable[[str], None], qtbot: QtBot,
) -> None:
    """"Tanggal masuk" starts on the shop's day and cannot go past it, whatever the PC's date."""
    pc_zone(zone)
    now = clock.now_utc()
    view = OpenPaymentView(1, 1, "K1-20261130-0001", "transfer", 10_000, 0, 10_000, now,
                           timedelta(0), None, "BCA", "123", "counter")
    dialog = ManualConfirmDialog(view)
    qtbot.addWidget(dialog)
    assert dialog.day.date() == dialog.day.maximumDate() == QDate(2026, 11, 30)
    dialog.day.setFocus()
    qtbot.keyClick(dialog.day, Qt.Key.Key_Up)  # a day after today is refused
    assert dialog.values()[1] == date(2026, 11, 30)
