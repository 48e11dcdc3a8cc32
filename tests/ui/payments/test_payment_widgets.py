"""pytest-qt: settings tab, transfer and QRIS panels, and the confirmation page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import qrcode
import zxingcpp
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app import audit
from app.clock import now_utc, shop_day
from app.db import Database
from app.payments import service
from contract import qris
from models import Order, Payment
from tests.unit.payments.qris_samples import BRI, GOPAY
from tests.unit.payments.shop_kit import klikbca_csv, setup_shop, transfer_sale
from ui.context import AppContext
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.payments.qris_panel import QR_MIN_PX, QrisPanel
from ui.payments.settings_tab import PaymentSettingsTab
from ui.payments.transfer_panel import TransferPanel

NOW = now_utc()
TODAY = shop_day(NOW)
PERIOD = (TODAY - timedelta(days=3), TODAY)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """A context over a fresh shop file, nobody logged in (no users yet)."""
    return AppContext(db=db)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


def _text(widget: object, name: str) -> str:
    assert hasattr(widget, "findChild")
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return str(label.text())


def test_settings_tab_adds_account_and_validates_qris(qtbot: QtBot, ctx: AppContext) -> None:
    tab = PaymentSettingsTab(ctx)
    qtbot.addWidget(tab)
    tab.bank.setCurrentText("BRI")
    tab.number.setText("0123-01-000456-50-9")
    tab.holder.setText("Siti Aminah")
    tab.on_add_account()
    assert tab.table.rowCount() == 1
    assert [_cell(tab.table, 0, c) for c in range(3)] == \
        ["BRI", "012301000456509", "SITI AMINAH"]
    tab.number.setText("12")
    tab.on_add_account()
    assert "6–20 angka" in tab.account_status.text() and tab.table.rowCount() == 1
    tab.payload.setPlainText(GOPAY[:-1] + ("0" if GOPAY[-1] != "0" else "1"))
    assert not tab.on_save_qris()
    assert "QRIS ditolak" in tab.qris_status.text() and "CRC" in tab.qris_status.text()
    with ctx.db.read() as session:
        assert service.static_qris(session) is None
    tab.payload.setPlainText(GOPAY)
    assert tab.on_save_qris()
    assert "WARUNG SAYUR BU SRI" in tab.qris_status.text()
    assert "SURABAYA" in tab.qris_status.text()


def test_settings_tab_reads_qris_from_a_photo(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    tab = PaymentSettingsTab(ctx)
    qtbot.addWidget(tab)
    photo = tmp_path / "stiker.png"
    qrcode.make(BRI, box_size=6).save(str(photo))
    assert tab.load_photo(photo)
    assert tab.payload.toPlainText() == BRI
    assert "TOKO BATIK SEKAR ARUM" in tab.qris_status.text()
    blank = tmp_path / "kosong.png"
    qrcode.make("x").get_image().resize((5, 5)).save(str(blank))
    assert not tab.load_photo(blank)
    assert "Tidak ada kode QR" in tab.qris_status.text()


def test_transfer_panel_shows_the_exact_amount(qtbot: QtBot, ctx: AppContext) -> None:
    pid, account = setup_shop(ctx.db)
    transfer_sale(ctx.db, pid, account, qty=2, now=NOW)  # takes 125 001
    panel = TransferPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_for(125_000)
    assert _text(panel, "amountDue") == "Rp125.002"
    assert _text(panel, "uniqueCode") == "+Rp2"
    assert (_text(panel, "transferBank"), _text(panel, "transferNumber"),
            _text(panel, "transferHolder")) == ("BCA", "1234567890", "SITI AMINAH")
    payment = panel.payment_input()
    assert (payment.method, payment.amount, payment.unique_code, payment.bank_account_id) == \
        ("transfer", 125_000, 2, account)
    panel.amount.ensurePolished()
    assert panel.amount.fontInfo().pixelSize() >= 32


def test_transfer_panel_without_account_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    panel = TransferPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_for(10_000)
    assert "Belum ada rekening" in _text(panel, "transferMessage")
    with pytest.raises(Exception, match="Belum ada rekening"):
        panel.payment_input()


def test_qris_panel_qr_decodes_to_the_dynamic_payload(qtbot: QtBot, ctx: AppContext) -> None:
    with ctx.db.unit_of_work() as session:
        service.set_static_qris(session, GOPAY)
    panel = QrisPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(480, 640)
    panel.show_for(37_500)
    panel.show()
    qtbot.waitExposed(panel)
    assert _text(panel, "qrisAmount") == "Rp37.500"
    assert "WARUNG SAYUR BU SRI" in _text(panel, "qrisMerchant")
    assert panel.image.pixmap().width() >= QR_MIN_PX
    grab = panel.image.grab().toImage()
    from PIL import Image

    picture = Image.frombytes("RGBA", (grab.width(), grab.height()),
                              bytes(grab.convertToFormat(grab.Format.Format_RGBA8888).constBits()))
    [found] = zxingcpp.read_barcodes(picture)
    assert found.text == panel.payload == qris.to_dynamic(GOPAY, 37_500)
    payment = panel.payment_input()
    assert (payment.method, payment.amount, payment.qris_payload) == ("qris", 37_500, found.text)


def test_qris_panel_without_stored_qris_says_so(qtbot: QtBot, ctx: AppContext) -> None:
    panel = QrisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_for(10_000)
    assert "belum diisi" in _text(panel, "qrisMessage")


def test_confirm_page_imports_and_confirms_all_with_one_click(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    pid, account = setup_shop(ctx.db)
    first = transfer_sale(ctx.db, pid, account, now=NOW)
    second = transfer_sale(ctx.db, pid, account, qty=2, now=NOW)
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    assert page.pending.rowCount() == 2
    statement = klikbca_csv(tmp_path / "mutasi.csv", [
        (TODAY, first[2], "CR", "TRSF E-BANKING CR ANDI, PESANAN"),
        (TODAY, second[2], "CR", "TRSF E-BANKING CR RINA"),
        (TODAY, 99_999, "CR", "SETORAN TUNAI"),
        (TODAY, first[2], "DB", "TARIK TUNAI"),
    ], period=PERIOD)
    with qtbot.waitSignal(page.sig_imported, timeout=10_000):
        page.import_file(statement)
    assert page.proposals_table.rowCount() == 2
    assert page.others.rowCount() == 1 and _cell(page.others, 0, 0) == "Tidak cocok"
    assert page.confirm_all.text() == "Konfirmasi semua (2)"
    with qtbot.waitSignal(page.sig_confirmed) as confirmed:
        page.confirm_all.click()
    assert len(confirmed.args[0]) == 2
    assert page.pending.rowCount() == 0 and page.proposals_table.rowCount() == 0
    with ctx.db.read() as session:
        statuses = session.scalars(select(Order.status).order_by(Order.id)).all()
        assert statuses == ["paid", "paid"]
        keys = session.scalars(select(Payment.statement_key)).all()
        assert all(keys) and len(set(keys)) == 2
        assert [e.action for e in audit.recent(session, action="payment.confirm")] != []
    with qtbot.waitSignal(page.sig_imported, timeout=10_000):
        page.import_file(statement)
    assert page.proposals_table.rowCount() == 0


def test_confirm_page_manual_and_bad_file(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    pid, account = setup_shop(ctx.db)
    _, payment_id, due = transfer_sale(ctx.db, pid, account, now=NOW)
    page = ConfirmPaymentsPage(ctx)
    qtbot.addWidget(page)
    bad = tmp_path / "rusak.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with qtbot.waitSignal(page.sig_imported, timeout=10_000):
        page.import_file(bad)
    assert "rusak.csv" in page.status.text() or "dikenali" in page.status.text()
    assert not page.confirm_manual(payment_id, due + 5, TODAY, "salah")
    assert "tidak sama" in page.status.text()
    assert page.confirm_manual(payment_id, due, TODAY, "BCA 0206 ANDI")
    assert page.pending.rowCount() == 0
