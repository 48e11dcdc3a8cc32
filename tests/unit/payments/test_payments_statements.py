"""Statement import on hand-written files of every supported bank layout."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from app.errors import ValidationError
from app.payments.statements import CREDIT, DEBIT, Statement, StatementError, parse_statement

DATA = Path(__file__).parent / "data"
TODAY = date(2025, 6, 10)


def parse(name: str) -> Statement:
    return parse_statement(DATA / name, today=TODAY)


def summary(statement: Statement) -> list[tuple[date | None, int, str, bool]]:
    return [(ln.date, ln.amount, ln.direction, ln.pending) for ln in statement.lines]


def test_classic_klikbca_with_header_footer_and_pend_line() -> None:
    statement = parse("bca_klikbca.csv")
    assert (statement.bank, statement.format) == ("BCA", "klikbca")
    assert statement.account_number == "1234567890"
    assert (statement.period_start, statement.period_end) == (date(2025, 6, 1), date(2025, 6, 7))
    assert statement.totals_checked
    assert summary(statement) == [
        (date(2025, 6, 2), 125_345, CREDIT, False),
        (date(2025, 6, 3), 50_456, CREDIT, False),
        (date(2025, 6, 4), 10_000, DEBIT, False),
        (date(2025, 6, 5), 87_654, DEBIT, False),
        (None, 75_210, CREDIT, True),
    ]
    commas = statement.lines[1]
    assert commas.description == (
        "SWITCHING CR TRANSFER DR 008 SITI AMINAH, PESANAN K1-0042, TERIMA KASIH"
    )
    assert commas.row_number == 8
    assert commas.raw[0] == "'03/06" and commas.raw[4] == "CR"
    assert [ln.time for ln in statement.lines] == [None] * 5
    assert len({ln.key for ln in statement.lines}) == 5
    assert [ln.key for ln in statement.credits] == [ln.key for ln in statement.lines[:2]]


def test_footer_totals_that_disagree_are_refused() -> None:
    with pytest.raises(StatementError) as caught:
        parse("bca_klikbca_bad_totals.csv")
    message = str(caught.value)
    assert "Mutasi Kredit tertulis Rp185.801, jumlah barisnya Rp175.801" in message
    assert isinstance(caught.value, ValidationError)


def test_december_line_in_january_import_and_sen_lines() -> None:
    statement = parse_statement(DATA / "bca_klikbca_january.csv", today=date(2026, 1, 6))
    assert summary(statement) == [
        (date(2025, 12, 30), 215_777, CREDIT, False),
        (date(2026, 1, 2), 99_120, CREDIT, False),
    ]
    assert statement.totals_checked  # the sen lines still count in the footer check
    assert [r.row_number for r in statement.refused] == [8, 9]
    assert "Rp1.234,56 tidak bulat rupiah" in statement.refused[0].message


def test_year_less_dates_without_period_use_the_import_date(tmp_path: Path) -> None:
    text = (DATA / "bca_klikbca_january.csv").read_text()
    path = tmp_path / "tanpa_periode.csv"
    path.write_text(text.replace("Periode,=,29/12/2025 - 05/01/2026\n", ""))
    statement = parse_statement(path, today=date(2026, 1, 6))
    assert [ln.date for ln in statement.lines] == [date(2025, 12, 30), date(2026, 1, 2)]
    assert (statement.period_start, statement.period_end) == (date(2025, 12, 30), date(2026, 1, 2))


def test_klikbca_bisnis_amount_and_marker_in_one_cell() -> None:
    statement = parse("klikbca_bisnis.csv")
    assert (statement.bank, statement.format) == ("BCA", "klikbca_bisnis")
    assert statement.account_number is None
    assert [(ln.amount, ln.direction) for ln in statement.lines] == [
        (125_345, CREDIT),
        (50_456, CREDIT),
        (10_000, DEBIT),
        (1_250_000, CREDIT),
        (72_100_000, DEBIT),
    ]
    assert "CV BERKAH, SURABAYA" in statement.lines[3].description
    assert not statement.totals_checked


def test_bca_personal_with_bom_and_crlf() -> None:
    raw = (DATA / "bca_personal_week1.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    statement = parse("bca_personal_week1.csv")
    assert (statement.bank, statement.format) == ("BCA", "bca_personal")
    assert statement.lines[0].amount == 807_400
    assert statement.lines[0].description.startswith("TRSF E-BANKING CR 0106/FTSCY/WS95051")
    assert statement.lines[-1].direction == DEBIT
    assert all(not cell.endswith("\r") for ln in statement.lines for cell in ln.raw)


def test_overlapping_reimport_gives_equal_keys() -> None:
    first, second = parse("bca_personal_week1.csv"), parse("bca_personal_week2.csv")
    overlap = [(ln.date, ln.amount, ln.description) for ln in second.lines[:3]]
    assert overlap == [(ln.date, ln.amount, ln.description) for ln in first.lines[2:5]]
    assert [ln.key for ln in second.lines[:3]] == [ln.key for ln in first.lines[2:5]]
    # two identical rows on the same day stay two different transactions
    assert first.lines[2].key != first.lines[3].key
    assert not {ln.key for ln in second.lines[3:]} & {ln.key for ln in first.lines}


def test_mandiri_mcm_two_description_columns_and_reference() -> None:
    statement = parse("mandiri_mcm.csv")
    assert (statement.bank, statement.format) == ("Mandiri", "mandiri_mcm")
    assert statement.account_number == "1410012345678"
    first, second = statement.lines[0], statement.lines[1]
    assert first.description == "CR 0000029511812 KR 1410012345678 BUDI SANTOSO/SBY"
    assert first.reference is None and first.date == date(2025, 6, 2)
    assert second.reference == "WLST1e621e894f708e"
    assert second.key.startswith("mandiri:ref:WLST1E621E894F708E:2025-06-03")
    assert summary(statement)[2:] == [
        (date(2025, 6, 4), 10_000, DEBIT, False),
        (date(2025, 6, 5), 87_654, DEBIT, False),
    ]


def test_semicolon_cp1252_file_with_indonesian_number_format() -> None:
    statement = parse("mandiri_mcm_semicolon_cp1252.csv")
    assert statement.format == "mandiri_mcm"
    assert [(ln.amount, ln.direction) for ln in statement.lines] == [
        (1_250_000, CREDIT),
        (50_456, CREDIT),
        (10_000, DEBIT),
    ]
    assert "JOSÉ RAMÍREZ/SBY" in statement.lines[0].description
    assert "SITI AMINAH; PESANAN 2" in statement.lines[1].description


def test_bri_cms_gives_time_of_day() -> None:
    statement = parse("bri_cms.csv")
    assert (statement.bank, statement.format) == ("BRI", "bri_cms")
    assert statement.account_number == "001201234567508"
    times = [ln.time for ln in statement.lines]
    assert times == [time(9, 15, 2), time(12, 41, 41), time(23, 59, 59)]
    assert summary(statement)[2] == (date(2025, 6, 4), 10_000, DEBIT, False)


def test_bri_cms_day_first_dates_and_debit_spelling() -> None:
    statement = parse("bri_cms_dmy.csv")
    assert [(ln.date, ln.time) for ln in statement.lines] == [
        (date(2025, 6, 2), time(0, 5, 1)),
        (date(2025, 6, 3), time(7, 15)),
    ]
    assert statement.lines[1].description == "QRIS SETTLEMENT, 3 TRX"


def test_bni_markers_and_journal_reference() -> None:
    statement = parse("bni.csv")
    assert (statement.bank, statement.format) == ("BNI", "bni")
    assert [(ln.direction, ln.reference) for ln in statement.lines] == [
        (CREDIT, "123456"),
        (CREDIT, "123457"),
        (DEBIT, "123458"),
        (DEBIT, "123459"),
    ]
    assert statement.lines[1].description == "TRANSFER DARI SITI AMINAH, BAYAR PESANAN"


def test_bank_jatim_named_months_and_counterparty() -> None:
    statement = parse("bank_jatim.csv")
    assert (statement.bank, statement.format) == ("Bank Jatim", "bank_jatim")
    assert summary(statement)[0] == (date(2025, 6, 2), 125_345, CREDIT, False)
    assert statement.lines[0].description == "TRANSFER MASUK BUDI SANTOSO 0011223344"
    assert statement.lines[1].reference == "JTM250603000456"
    assert statement.lines[2].direction == DEBIT


def _write_xlsx(path: Path, rows: list[list[object]], title: str = "Mutasi") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_bank_jatim_xlsx_with_real_dates_and_numbers(tmp_path: Path) -> None:
    path = _write_xlsx(
        tmp_path / "jatim.xlsx",
        [
            ["Laporan Mutasi Rekening"],
            ["Post Date", "Effective Date", "Account", "Name", "Description", "Currency",
             "Debit", "Credit", "Balance", "Reference No"],
            [datetime(2025, 6, 2, 9, 30), datetime(2025, 6, 2), "0011223344", "BUDI SANTOSO",
             "TRANSFER MASUK", "IDR", 0, 125345.0, 2125345.0, "JTM1"],
            [datetime(2025, 6, 3), datetime(2025, 6, 3), None, None, "BIAYA ADMINISTRASI",
             "IDR", 10000, 0, 2115345.0, "JTM2"],
            [None, None, None, None, None, None, None, None, None, None],
        ],
    )  # fmt: skip
    statement = parse_statement(path)
    assert statement.format == "bank_jatim"
    assert [(ln.date, ln.time, ln.amount, ln.direction) for ln in statement.lines] == [
        (date(2025, 6, 2), time(9, 30), 125_345, CREDIT),
        (date(2025, 6, 3), None, 10_000, DEBIT),
    ]
    assert statement.lines[0].row_number == 3


def test_bni_excel_variant_with_preamble_and_indonesian_months(tmp_path: Path) -> None:
    path = _write_xlsx(
        tmp_path / "bni.xlsx",
        [
            ["Nomor Rekening", "'0987654321"],
            ["Periode", "01 Juni 2025 s/d 30 Juni 2025"],
            [],
            ["No.", "Tanggal Transaksi", "Cabang", "Journal No.", "Deskripsi", "Amount", "Db/Cr"],
            [1, "02 Juni 2025", "0988", "J1", "TRF DARI BUDI", "125.345,00", "C"],
            [2, "17 Agustus 2025", "0988", "J2", "TRF KE TOKO", 50000, "D"],
        ],
    )
    statement = parse_statement(path)
    assert (statement.bank, statement.format) == ("BNI", "bni_excel")
    assert statement.account_number == "0987654321"
    assert statement.period_end == date(2025, 6, 30)
    assert summary(statement) == [
        (date(2025, 6, 2), 125_345, CREDIT, False),
        (date(2025, 8, 17), 50_000, DEBIT, False),
    ]


def test_mandiri_excel_and_tab_separated_bca(tmp_path: Path) -> None:
    mandiri = _write_xlsx(
        tmp_path / "mandiri.xlsx",
        [
            ["Tgl.", "Tgl. Val.", "Rincian Transaksi", "No. Referensi", "Debit", "Kredit",
             "Saldo", "Branch Code"],
            ["2025-06-02", "2025-06-02", "SA CASH DEP", "R1", 0, 75000.5, 1, "001"],
            ["2025-06-03", "2025-06-03", "TRF DARI ANI", "R2", 0, 64321, 1, "001"],
        ],
    )  # fmt: skip
    statement = parse_statement(mandiri)
    assert statement.format == "mandiri_excel"
    assert [ln.amount for ln in statement.lines] == [64_321]
    assert statement.refused[0].row_number == 2
    tsv = tmp_path / "bca.tsv"
    tsv.write_text(
        "Tanggal Transaksi\tKeterangan\tCabang\tJumlah\n"
        "02/06/2025\tTRSF, E-BANKING CR\t0000\tRp 1.250.000 CR\n",
        encoding="utf-8",
    )
    assert summary(parse_statement(tsv)) == [(date(2025, 6, 2), 1_250_000, CREDIT, False)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "kosong"),
        (b"Nama,Harga\nGula,15000\n", "tidak dikenali"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ".xls"),
        (b"PK\x03\x04garbage", "XLSX rusak"),
        (b"Date,Description,Branch,Amount,,Balance\n\x00\x01\x02", "bukan berkas"),
        (
            b"Tanggal Transaksi,Keterangan,Cabang,Jumlah\n"
            b"02/06/2025,A,0000,10.000 CR\n31/02/2025,B,0000,5000 CR\n",
            "baris 3: tanggal tidak ada",
        ),
        (
            b"Tanggal Transaksi,Keterangan,Cabang,Jumlah\n02/06/2025,A,0000,12abc CR\n",
            "baris 2: nominal tidak bisa dibaca",
        ),
        (
            b"Tanggal Transaksi,Keterangan,Cabang,Jumlah\n02/06/2025,A,0000,5000\n",
            "baris 2: arah transaksi",
        ),
        (
            b"Tanggal Transaksi,Keterangan,Cabang,Jumlah\n,A,0000,5000 CR\n",
            "baris 2: tanggal kosong",
        ),
        (
            b"Post Date,Effective Date,Account,Name,Description,Currency,Debit,Credit,Balance,"
            b"Reference No\n02/06/2025,,,,X,IDR,100,200,0,R\n",
            "debit dan kredit",
        ),
        (
            b"Post Date,Effective Date,Account,Name,Description,Currency,Debit,Credit,Balance,"
            b"Reference No\n02/06/2025,,,,X,USD,0,200,0,R\n",
            "mata uang",
        ),
        (
            b"Posting Date,Effective Date,Branch,Journal,Transaction Description,Amount,DB/CR\n"
            b"02/06/2025,,1,J,X,100,X\n",
            "penanda debit/kredit",
        ),
        (
            b"ID,NOREK,TGL_TRAN,TGL_EFEKTIF,JAM_TRAN,SEQ,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT\n"
            b"1,111,2025-06-02,,91502,1,A,0,100\n2,222,2025-06-02,,91502,1,A,0,100\n",
            "lebih dari satu rekening",
        ),
        (
            b"ID,NOREK,TGL_TRAN,TGL_EFEKTIF,JAM_TRAN,SEQ,DESK_TRAN,MUTASI_DEBET,MUTASI_KREDIT\n"
            b"1,111,2025-06-02,,256100,1,A,0,100\n",
            "jam tidak masuk akal",
        ),
        (
            b"No. Rekening,=,'1\nPeriode,=,kemarin\nTanggal Transaksi,Keterangan,Cabang,Jumlah\n",
            "Periode",
        ),
        (
            b"Mata Uang,=,USD\nTanggal Transaksi,Keterangan,Cabang,Jumlah\n",
            "IDR",
        ),
    ],
)
def test_broken_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "mutasi.csv"
    path.write_bytes(content)
    with pytest.raises(StatementError, match=message):
        parse_statement(path, today=TODAY)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StatementError, match="tidak bisa dibuka"):
        parse_statement(tmp_path / "tidak-ada.csv")


def test_many_bad_rows_are_listed_with_a_cap(tmp_path: Path) -> None:
    rows = "".join(f"99/06/2025,A{i},0000,5000 CR\n" for i in range(15))
    path = tmp_path / "m.csv"
    path.write_text("Tanggal Transaksi,Keterangan,Cabang,Jumlah\n" + rows)
    with pytest.raises(StatementError) as caught:
        parse_statement(path)
    assert len(caught.value.problems) == 15
    assert "baris 2:" in str(caught.value) and "dan 5 masalah lain" in str(caught.value)


def test_repeated_header_and_zero_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "Tanggal Transaksi,Keterangan,Cabang,Jumlah\n"
        "02/06/2025,A,0000,5000 CR\n"
        "\n"
        "Tanggal Transaksi,Keterangan,Cabang,Jumlah\n"
        "03/06/2025,B,0000,.00 CR\n"
        "03/06/2025,C,0000,7.500 CR\n"
    )
    assert [ln.amount for ln in parse_statement(path).lines] == [5000, 7500]


def test_row_with_date_but_no_amount_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("Tanggal Transaksi,Keterangan,Cabang,Jumlah\n02/06/2025,A,0000,\n")
    with pytest.raises(StatementError, match="baris 2: nominal kosong"):
        parse_statement(path)
