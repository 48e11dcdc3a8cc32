"""``main.py import-statement FILE --db PATH [--confirm]``: match a bank statement from a shell.

Prints the proposed matches, the ambiguous and the unmatched credits in Indonesian. With
``--confirm`` the proposals are confirmed in the same transaction as the import. A bad
file raises :class:`~app.payments.statements.StatementError`; ``main.py`` prints it and
exits with code 2.
"""

from __future__ import annotations

import argparse
from datetime import date

from app.db import Database
from app.money import format_rupiah
from app.payments.service import ImportResult, confirm_proposals, import_statement
from app.payments.statements import StatementLine

DESCRIPTION_WIDTH = 48


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "PEND"


def line_text(line: StatementLine) -> str:
    """One statement line as a short Indonesian row: date, amount, description."""
    text = " ".join(line.description.split())
    if len(text) > DESCRIPTION_WIDTH:
        text = text[: DESCRIPTION_WIDTH - 1] + "…"
    return f"{_day(line.date)}  {format_rupiah(line.amount):>14}  {text}"


def summary_lines(result: ImportResult) -> list[str]:
    """The whole import report, one printable line each."""
    st = result.statement
    account = f" rekening {st.account_number}" if st.account_number else ""
    period = f", {_day(st.period_start)}–{_day(st.period_end)}" if st.period_start else ""
    out = [f"Mutasi {st.bank} ({st.format}){account}{period}: {len(st)} baris, "
           f"{result.new_lines} baru, {result.seen_before} sudah pernah diimpor."]
    out.append(f"Usulan cocok ({len(result.proposals)}):")
    out += [f"  {line_text(p.line)}  → {p.payment.order_number}" for p in result.proposals]
    out.append(f"Kredit ambigu ({len(result.matches.ambiguous)}):")
    for group in result.matches.ambiguous:
        orders = ", ".join(p.order_number for p in group.payments)
        out.append(f"  {group.message}: {orders}")
        out += [f"    {line_text(line)}" for line in group.lines]
    out.append(f"Kredit tidak cocok ({len(result.matches.unmatched)}):")
    out += [f"  {line_text(line)}" for line in result.matches.unmatched]
    out += [f"Catatan: {note}" for note in result.warnings]
    return out


def import_statement_command(args: argparse.Namespace, database: Database) -> int:
    """Import the statement, print the report; confirm the proposals with ``--confirm``."""
    with database.unit_of_work() as session:
        result = import_statement(session, args.file)
        for text in summary_lines(result):
            print(text)
        if not getattr(args, "confirm", False):
            if result.proposals:
                print(f"Belum ada yang dikonfirmasi. Jalankan lagi dengan --confirm untuk "
                      f"mengonfirmasi {len(result.proposals)} usulan.")
            return 0
        numbers = confirm_proposals(session, result.proposals, None, bank=result.statement.bank,
                                    check_permission=False)
    if numbers:
        print(f"Dikonfirmasi lunas ({len(numbers)}): {', '.join(numbers)}")
    else:
        print("Tidak ada pembayaran yang dikonfirmasi.")
    return 0



__all__ = ["import_statement_command", "line_text", "summary_lines"]
