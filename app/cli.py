"""Subcommands of ``main.py`` that run without a window: one table from name to handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.db import Database
from app.demo import seed_products
from app.importing.cli import export_products_command, import_products_command
from app.payments.cli import import_statement_command
from app.summary import summary


def _summary(args: argparse.Namespace, database: Database) -> int:
    with database.read() as session:
        print(summary(session))
    return 0


def _seed(args: argparse.Namespace, database: Database) -> int:
    with database.unit_of_work() as session:
        count = seed_products(session, args.products)
    print(f"{count} produk ditambahkan ke {database.path}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "summary": _summary,
    "seed": _seed,
    "import-products": import_products_command,
    "export-products": export_products_command,
    "import-statement": import_statement_command,
}


def dispatch(args: argparse.Namespace, database: object) -> int:
    """Run the handler for ``args.command``."""
    assert isinstance(database, Database)
    handler = COMMANDS.get(args.command)
    if handler is None:
        print(f"Perintah '{args.command}' belum tersedia.")
        return 2
    return handler(args, database)
