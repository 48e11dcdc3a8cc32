"""English is complete, the app/ side: service errors carry a template, a code and values;
the one catalog of shown words; receipts and report files in the receipt language.

No Qt here: receipts and report files are rendered in app/ from :mod:`app.labels_i18n`.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from app import labels_i18n, settings
from app.db import Database
from app.errors import UserError, ValidationError, message_code
from app.money import parse_rupiah
from app.receipts import render_text
from app.receipts.from_order import receipt_from_order
from app.receipts.pdf_a4 import render_pdf_a4
from app.reports import build_report, periods
from app.reports.export import tables
from app.reports.pdf import to_pdf
from contract.enums import ChannelKind, OrderStatus, PaymentMethod
from tests.unit.receipts.order_kit import SALE_TIME, Shop, checkout, make_shop

# Indonesian fixed words of a receipt that must not be left on an English one.
RECEIPT_WORDS_ID = ("Kasir", "Tanggal", "Tunai", "Uang diterima", "Kembali", "LUNAS", "Diskon")
REPORT_WORDS_ID = ("Laporan Penjualan", "Bulan ini", "Penjualan bersih", "Per cara bayar", "Tunai",
                   "Produk terlaris", "Halaman")


@pytest.fixture
def kit(db: Database) -> Shop:
    return make_shop(db)


# ----- service errors -------------------------------------------------------------------------


def test_user_error_keeps_the_indonesian_text_and_carries_template_values_and_code() -> None:
    error = ValidationError("Jumlah {qty} untuk '{name}' tidak masuk akal.", field="qty",
                            qty="1.000.000.000", name="Kopi")
    assert str(error) == "Jumlah 1.000.000.000 untuk 'Kopi' tidak masuk akal."
    assert error.template == "Jumlah {qty} untuk '{name}' tidak masuk akal."
    assert error.params == {"qty": "1.000.000.000", "name": "Kopi"} and error.field == "qty"
    same = ValidationError("Jumlah {qty} untuk '{name}' tidak masuk akal.", qty="5", name="Teh")
    assert error.code == same.code == message_code(error.template)  # the code names the template
    assert error.code != ValidationError("Harga '{name}' tidak sah.", name="Kopi").code


def test_a_plain_message_still_works_as_its_own_template() -> None:
    error = UserError("Pilih cara bayar {dulu}.")  # no values: braces are plain text
    assert str(error) == error.template == "Pilih cara bayar {dulu}." and error.params == {}


def test_a_service_raise_carries_its_template_and_values() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rupiah("dua ribu")
    error = caught.value
    assert error.template == "'{raw}' bukan jumlah rupiah yang sah."
    assert error.params == {"raw": "dua ribu"}
    assert str(error) == "'dua ribu' bukan jumlah rupiah yang sah."


# ----- the one catalog ------------------------------------------------------------------------


def test_catalog_gives_english_and_indonesian_and_every_entry_has_both() -> None:
    assert labels_i18n.method_label("cash", "en") == "Cash"
    assert labels_i18n.method_label("cash") == "Tunai"
    assert labels_i18n.status_label("pending", "en") == "Not paid yet"
    assert labels_i18n.period_label("this_month", "en") == "This month"
    assert labels_i18n.translate("receipt.refund_of", "en", number="K1-1") == "Refund of order K1-1"
    assert labels_i18n.translate("status.someday", "en") == "someday"  # unknown: its key
    for group in labels_i18n.GROUPS.values():
        for label in group.values():
            assert label.id.strip() and label.en.strip()


def test_the_catalog_groups_of_codes_are_the_words_of_the_contract_enums() -> None:
    assert {m.value: m.word for m in PaymentMethod} == labels_i18n.METHODS
    assert {s.value: s.word for s in OrderStatus} == labels_i18n.ORDER_STATUSES
    assert {k.value: k.word for k in ChannelKind} == labels_i18n.CHANNELS


def test_period_titles_follow_the_language() -> None:
    month = periods.this_month(SALE_TIME)
    assert month.title() == "Bulan ini, November 2026"
    assert month.title("en") == "This month, November 2026"
    assert periods.today(SALE_TIME).title("en") == "Today, 28 November 2026"
    assert periods.last_days(7, SALE_TIME).title("en") == "Last 7 days"


# ----- receipts in the receipt language ----------------------------------------------------------


def test_receipt_language_en_prints_english_fixed_words(db: Database, kit: Shop) -> None:
    result = checkout(db, kit)
    with db.unit_of_work() as session:
        settings.set_value(session, "receipt.language", "en")
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    assert receipt.language == "en"
    text = render_text(receipt, 48)
    for word in ("Cashier", "Date", "Cash", "Cash received", "Change", "PAID", "Discount"):
        assert word in text, word
    for word in RECEIPT_WORDS_ID:
        assert word not in text, word
    nota = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render_pdf_a4(receipt))).pages)
    assert "INVOICE" in nota and "Cash received" in nota and "Uang diterima" not in nota


def test_receipt_language_defaults_to_indonesian(db: Database, kit: Shop) -> None:
    result = checkout(db, kit)
    with db.read() as session:
        receipt = receipt_from_order(session, result.order_id)
    text = render_text(receipt, 48)
    assert receipt.language == "id"
    assert all(word in text for word in RECEIPT_WORDS_ID) and "Cashier" not in text


# ----- report PDF and exports ---------------------------------------------------------------------


def _report_text(db: Database, kit: Shop, tmp_path: Path, language: str) -> str:
    checkout(db, kit)
    with db.read() as session:
        report = build_report(session, periods.this_month(SALE_TIME))
    path = to_pdf(report, tmp_path / f"report-{language}.pdf", language=language)
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_report_pdf_in_english(db: Database, kit: Shop, tmp_path: Path) -> None:
    text = " ".join(_report_text(db, kit, tmp_path, "en").split())
    for word in ("Sales report", "This month, November 2026", "Net sales", "By payment method",
                 "Cash", "Best sellers", "Page 1"):
        assert word in text, word
    for word in REPORT_WORDS_ID:
        assert word not in text, word


def test_report_pdf_in_indonesian_by_default(db: Database, kit: Shop, tmp_path: Path) -> None:
    text = " ".join(_report_text(db, kit, tmp_path, "id").split())
    assert all(word in text for word in REPORT_WORDS_ID) and "Net sales" not in text


def test_report_export_tables_in_english(db: Database, kit: Shop) -> None:
    checkout(db, kit)
    with db.read() as session:
        report = build_report(session, periods.this_month(SALE_TIME))
    found = {title: (headers, rows) for title, headers, rows in tables(report, language="en")}
    assert "By payment method" in found and "Summary" in found
    headers, rows = found["By payment method"]
    assert headers[0] == "Payment method" and [r[0] for r in rows if r[2]] == ["Cash"]
    assert ["Period", "This month, November 2026"] in found["Summary"][1]


def test_refused_sync_ops_are_named_in_both_languages() -> None:
    from app.labels_i18n import translate
    from app.sync.rejected import KIND_LABELS

    assert translate("sync_op.stock.movement", "en") == "Stock movement"
    assert translate("sync_op.stock.movement", "id") == KIND_LABELS["stock.movement"] == "Mutasi stok"
