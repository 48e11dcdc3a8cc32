"""The order slip of a pre-order: lines with their notes, pickup time in Indonesian, the DP and
the balance due; every line fits the paper; ESC/POS and roll PDF from the same blocks."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app import preorders, shifts
from app.clock import at_shop_time
from app.db import Database
from app.preorder_settle import DepositInput
from app.preorders import LineInput, PreorderInput
from app.printing.profile import PrinterProfile
from app.receipts.layout import RowBlock, TextBlock, row_line, text_line
from app.receipts.preorder_slip import slip_blocks, slip_escpos, slip_pdf
from contract.enums import PaymentMethod
from tests.conftest import FROZEN_DAY, ShopClock


def _preorder(db: Database) -> str:
    with db.unit_of_work() as session:
        shifts.open_shift(session, 0)  # the cash DP goes into its drawer
        return preorders.create(session, PreorderInput(
            due_at=at_shop_time(FROZEN_DAY + timedelta(days=5)).replace(hour=10),
            customer_name="Bu Sri Rahayu", customer_phone="+6281234567890",
            note="Ambil sore\ntelepon dulu", deposit=DepositInput(PaymentMethod.CASH, 100_000),
            lines=[LineInput("Kue tart coklat 20 cm", Decimal(1), 250_000,
                             note="Tulisan: Selamat Ulang Tahun Dina, krim warna pink muda"),
                   LineInput("Lilin angka", Decimal(2), 5_000)])).uuid


def test_slip_says_what_when_and_the_balance_due(db: Database, shop_clock: ShopClock) -> None:
    uuid = _preorder(db)
    with db.read() as session:
        blocks = slip_blocks(session, uuid, 32, "cp437")
        lines = [text_line(b, 32) if isinstance(b, TextBlock) else row_line(b, 32)
                 for b in blocks if isinstance(b, TextBlock | RowBlock)]
        text = "\n".join(lines)
        assert "NOTA PESANAN" in text and "Bu Sri Rahayu" in text
        assert "Sabtu, 05/12/2026 10:00" in text  # Indonesian day, shop time
        flat = " ".join(text.split())  # wrapped to the paper
        assert "Selamat Ulang Tahun Dina" in flat and "Ambil sore telepon dulu" in flat
        rows = {b.left.strip(): b.right for b in blocks if isinstance(b, RowBlock)}
        assert (rows["Total"], rows["DP dibayar"], rows["SISA BAYAR"]) == \
            ("Rp260.000", "Rp100.000", "Rp160.000")
        assert all(len(line) <= 32 for line in lines if not line.startswith("SISA"))
        data = slip_escpos(session, uuid, PrinterProfile(paper_mm=58))
        assert b"NOTA PESANAN" in data and b"Rp160.000" in data
        assert slip_pdf(session, uuid).startswith(b"%PDF")
