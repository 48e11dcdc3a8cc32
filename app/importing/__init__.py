"""Product import (CSV/XLSX, checked row by row, committed all-or-nothing) and export.

Typical use::

    table = read_table(path)
    mapping = guess_mapping(table.headers)
    with db.read() as s:
        plan = build_plan(s, table, mapping)          # preview: every bad row named
    with db.unit_of_work() as s:
        result = import_table(s, table, mapping)      # re-checks, then writes in one go
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.importing.commit import ImportResult, commit_plan
from app.importing.export import export_products
from app.importing.mapping import FIELDS, guess_mapping, label, missing_required
from app.importing.plan import ImportPlan, ProgressFn, RowError, build_plan
from app.importing.reader import RawTable, read_table


class ImportRefused(ValidationError):
    """The file has bad rows; nothing was imported. ``plan`` holds the per-row report."""

    def __init__(self, plan: ImportPlan) -> None:
        super().__init__(plan.report())
        self.plan = plan


def import_table(
    session: Session, table: RawTable, mapping: dict[int, str], progress: ProgressFn | None = None
) -> ImportResult:
    """Check every row, then write all of them (the caller's unit of work commits).

    Raises :class:`ImportRefused` when any row is bad. ``progress(done, total)`` covers
    both the check and the write; it may raise to cancel (the transaction rolls back).
    """
    total = 2 * max(1, len(table.rows))

    def checking(done: int, _n: int) -> None:
        if progress:
            progress(done, total)

    def writing(done: int, n: int) -> None:
        if progress:
            progress(total // 2 + done * (total // 2) // max(1, n), total)

    plan = build_plan(session, table, mapping, checking)
    if not plan.ok:
        raise ImportRefused(plan)
    return commit_plan(session, plan, writing)


__all__ = [
    "FIELDS", "ImportPlan", "ImportRefused", "ImportResult", "RawTable", "RowError", "build_plan",
    "commit_plan", "export_products", "guess_mapping", "import_table", "label", "missing_required",
    "read_table",
]
