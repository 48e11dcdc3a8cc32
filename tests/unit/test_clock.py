"""One shop clock: "today", day bounds, order numbers, receipts and file stamps follow the shop's
zone (WIB unless set to WITA/WIT), whatever the PC's zone, at 00:30 and at 23:30 shop time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app import clock, settings
from app.db import Database, backup_before_migration, open_database
from app.errors import ValidationError
from app.printing import testpage
from app.printing.queue import PrintJob, _aware
from app.receipts.from_order import receipt_from_order
from app.reports import periods
from app.sales import PaymentInput, checkout
from app.sync.turnover import month_bounds
from tests.conftest import FROZEN_DAY, ShopClock
from tests.shop_template import new_shop
from tests.unit.foundation_kit import add_product, cart_of

# (shop-local time, a PC zone on another date at that moment)
EDGES = [("00:30", "Pacific/Honolulu"), ("23:30", "Pacific/Kiritimati"), ("00:30", "UTC")]


def _sell(db: Database) -> str:
    with db.unit_of_work() as session:
        pid = add_product(session, "K", "Kopi", 10_000, stock=10)
        cart = cart_of(session, [(pid, 1)])
        return checkout(session, cart, [PaymentInput("cash", cart.total, 10_000)]).number


@pytest.mark.parametrize(("shop_clock", "zone"), EDGES, indirect=["shop_clock"])
def test_today_is_the_shop_day_whatever_the_pc_zone(
    shop_clock: ShopClock, zone: str, pc_zone: Callable[[str], None]
) -> None:
    pc_zone(zone)
    assert datetime.now().date() != FROZEN_DAY  # the PC is on another date
    assert clock.today() == FROZEN_DAY
    assert clock.now_local().strftime("%H:%M") == shop_clock.start.strftime("%H:%M")
    assert periods.today().first == FROZEN_DAY
    start, end = clock.day_bounds_utc(FROZEN_DAY)
    assert start <= clock.now_utc() < end


@pytest.mark.parametrize(("shop_clock", "zone"), EDGES, indirect=["shop_clock"])
def test_order_number_and_receipt_follow_shop_time(
    shop_clock: ShopClock, zone: str, pc_zone: Callable[[str], None], db: Database
) -> None:
    pc_zone(zone)
    number = _sell(db)
    assert number == "K1-20261130-0001"
    with db.read() as session:
        receipt = receipt_from_order(session, 1)
    assert receipt.created_at.strftime("%d/%m/%Y %H:%M") == shop_clock.start.strftime("%d/%m/%Y %H:%M")


def test_day_bounds_per_zone() -> None:
    day = date(2026, 11, 30)
    assert clock.day_start_utc(day) == datetime(2026, 11, 29, 17, tzinfo=UTC)
    clock.set_shop_zone("Asia/Makassar")
    assert clock.day_start_utc(day) == datetime(2026, 11, 29, 16, tzinfo=UTC)
    assert clock.zone_label() == "WITA" and periods.utc_offset_hours() == 8
    clock.set_shop_zone("Asia/Jayapura")
    assert clock.day_bounds_utc(day) == (datetime(2026, 11, 29, 15, tzinfo=UTC),
                                         datetime(2026, 11, 30, 15, tzinfo=UTC))
    assert periods.custom(day, day).start_utc == datetime(2026, 11, 29, 15, tzinfo=UTC)


def test_unknown_zone_is_refused_and_keeps_the_current_one() -> None:
    clock.set_shop_zone("Asia/Makassar")
    with pytest.raises(ValidationError):
        clock.set_shop_zone("Europe/Berlin")
    assert clock.zone_name() == "Asia/Makassar"


@pytest.mark.parametrize("shop_clock", ["23:30"], indirect=True)
def test_wita_moves_the_day_boundary(shop_clock: ShopClock, pc_zone: Callable[[str], None],
                                     db: Database, tmp_path: Path) -> None:
    """23:30 WIB is 00:30 WITA the next day: a WITA shop is already on 1 December."""
    pc_zone("UTC")
    with db.unit_of_work() as session:
        settings.set_value(session, "shop.timezone", "Asia/Makassar")
    db.close()
    reopened = open_database(tmp_path / "shop.sqlite")  # opening a shop sets its zone
    try:
        assert clock.zone_label() == "WITA"
        assert clock.today() == date(2026, 12, 1)
        assert periods.this_month().first == date(2026, 12, 1)
        assert _sell(reopened) == "K1-20261201-0001"
    finally:
        reopened.close()


def test_a_stored_unknown_zone_falls_back_to_wib(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "shop.timezone", "Mars/Olympus")
    clock.set_shop_zone("Asia/Jayapura")
    open_database(tmp_path / "shop.sqlite").close()
    assert clock.zone_name() == "Asia/Jakarta"


@pytest.mark.parametrize(("shop_clock", "zone"), EDGES, indirect=["shop_clock"])
def test_file_stamps_and_printouts_in_shop_time(
    shop_clock: ShopClock, zone: str, pc_zone: Callable[[str], None], tmp_path: Path
) -> None:
    pc_zone(zone)
    expected = shop_clock.start.strftime("%Y%m%d-%H%M%S")
    assert clock.file_stamp() == expected
    shop = tmp_path / "old.sqlite"
    new_shop(shop).close()
    assert expected in backup_before_migration(shop, "0001").name
    blocks = testpage.test_page_blocks(_profile())
    assert shop_clock.start.strftime("%d/%m/%Y %H:%M") in [getattr(b, "text", "") for b in blocks]


def _profile():  # type: ignore[no-untyped-def]
    from app.printing.profile import PrinterProfile

    return PrinterProfile()


def test_print_jobs_carry_aware_times(shop_clock: ShopClock, pc_zone: Callable[[str], None]) -> None:
    pc_zone("Pacific/Honolulu")
    job = PrintJob(_profile(), b"x", "Struk")
    assert job.created_at == clock.now_utc()
    # a spool written by an older version holds the PC's naive local time
    naive = datetime.now().isoformat()
    assert _aware(naive) == clock.now_utc()


@pytest.mark.parametrize("shop_clock", ["00:30"], indirect=True)
def test_turnover_month_is_the_shop_month(shop_clock: ShopClock, pc_zone: Callable[[str], None]) -> None:
    """1 December 00:30 WIB is still November in UTC and on a PC in Honolulu."""
    shop_clock.move_to("2026-12-01 00:30")
    pc_zone("Pacific/Honolulu")
    start, end = month_bounds(clock.now_utc())
    assert clock.local(start).date() == date(2026, 12, 1)
    assert clock.local(end).date() == date(2027, 1, 1)
    assert end - start == timedelta(days=31)


def test_naive_times_are_read_as_utc() -> None:
    assert clock.local(datetime(2026, 11, 29, 17, 30)).hour == 0
    assert clock.shop_day(datetime(2026, 11, 29, 17, 30)) == date(2026, 11, 30)


def test_z_report_and_report_files_name_the_shop_zone(db: Database) -> None:
    """A WITA shop's Z report and report export say WITA, with WITA times."""
    from app.reports import build_report
    from app.reports.export import summary_rows, tables
    from app.reports.zreport import render_z_report
    from app.shifts import open_shift, shift_cash

    opened = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # 08:00 WIB, 09:00 WITA
    clock.set_shop_zone("Asia/Makassar")
    with db.unit_of_work() as session:
        cash = shift_cash(session, open_shift(session, 100_000, now=opened), opened + timedelta(hours=2))
        report = build_report(session, periods.custom(date(2026, 11, 30), date(2026, 11, 30)), now=opened)
    text = render_z_report(cash, {}, 100_000, width=48, shop_name="Toko")
    assert "09:00 WITA" in text and "11:00 WITA" in text and "WIB" not in text
    assert ["Dibuat", "30/11/2026 09:00 WITA"] in summary_rows(report)
    assert any("WITA" in header for table in tables(report) for header in table[1])
