"""``main.py import-products FILE`` and ``main.py export-products FILE`` subcommands."""

from __future__ import annotations

import argparse
import sys

from app import permissions
from app.db import Database
from app.importing import ImportRefused, export_products, guess_mapping, import_table, read_table
from app.importing.commit import commit_plan
from app.importing.plan import build_plan


def import_products_command(args: argparse.Namespace, database: Database) -> int:
    """Print the per-row report; import all rows, or nothing (exit 1) when any row is bad."""
    table = read_table(args.file)
    mapping = guess_mapping(table.headers)
    try:
        with database.unit_of_work() as session:
            plan = build_plan(session, table, mapping)
            if not plan.ok:
                raise ImportRefused(plan)
            result = commit_plan(session, plan)
    except ImportRefused as refused:
        print(refused.plan.report(), file=sys.stdout)
        return 1
    print(plan.report())
    print(f"Selesai: {result.created} produk baru, {result.updated} diperbarui, "
          f"{result.movements} stok awal dicatat.")
    return 0


def export_products_command(args: argparse.Namespace, database: Database) -> int:
    """Write the catalog to a .csv or .xlsx file."""
    with database.read() as session:  # the command line has the shop file itself: the owner's
        count = export_products(session, args.file, permissions.first_owner_id(session))
    print(f"{count} produk diekspor ke {args.file}")
    return 0


__all__ = ["export_products_command", "import_products_command", "import_table"]
