"""``main.py import-statement FILE --db PATH [--confirm]`` run as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from app.db import Database
from models import Order
from tests.unit.payments.shop_kit import klikbca_csv, setup_shop, transfer_sale

ROOT = Path(__file__).resolve().parents[3]
JUNE = date(2025, 6, 2)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", "import-statement", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def _status(db: Database, order_id: int) -> str:
    with db.read() as session:
        order = session.get(Order, order_id)
        assert order is not None
        return order.status


def test_cli_prints_proposals_and_confirms_only_with_flag(db: Database, tmp_path: Path) -> None:
    pid, account = setup_shop(db)
    order_id, _, due = transfer_sale(db, pid, account)
    with db.read() as session:
        number = session.get(Order, order_id).number  # type: ignore[union-attr]
    statement = klikbca_csv(tmp_path / "mutasi.csv", [
        (JUNE, due, "CR", "TRSF E-BANKING CR BUDI SANTOSO"),
        (JUNE, 33_333, "CR", "SETORAN TUNAI"),
        (JUNE, due, "DB", "TARIK TUNAI"),
    ])
    db.close()
    preview = _run(str(statement), "--db", str(db.path))
    assert preview.returncode == 0, preview.stderr
    assert "Usulan cocok (1):" in preview.stdout and number in preview.stdout
    assert "Kredit tidak cocok (1):" in preview.stdout and "Rp33.333" in preview.stdout
    assert "--confirm" in preview.stdout
    assert _status(db, order_id) == "pending"
    done = _run(str(statement), "--db", str(db.path), "--confirm")
    assert done.returncode == 0, done.stderr
    assert f"Dikonfirmasi lunas (1): {number}" in done.stdout
    assert _status(db, order_id) == "paid"
    again = _run(str(statement), "--db", str(db.path), "--confirm")
    assert again.returncode == 0
    assert "Usulan cocok (0):" in again.stdout
    assert "Tidak ada pembayaran yang dikonfirmasi." in again.stdout


def test_cli_refuses_a_bad_file_with_a_message(db: Database, tmp_path: Path) -> None:
    setup_shop(db)
    db.close()
    bad = tmp_path / "bukan_mutasi.csv"
    bad.write_text("nama,harga\nberas,1000\n", encoding="utf-8")
    result = _run(str(bad), "--db", str(db.path))
    assert result.returncode != 0
    assert "bukan_mutasi.csv" in result.stderr or "mutasi" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    missing = _run(str(tmp_path / "tidak_ada.csv"), "--db", str(db.path))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
