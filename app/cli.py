"""Subcommands of ``main.py`` that run without a window."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.db import Database


def _summary(args: argparse.Namespace, database: Database) -> int:
    from app.summary import summary

    with database.read() as session:
        print(summary(session))
    return 0


def _seed(args: argparse.Namespace, database: Database) -> int:
    from app.demo import seed_products

    with database.unit_of_work() as session:
        count = seed_products(session, args.products)
    print(f"{count} produk ditambahkan ke {database.path}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "summary": _summary,
    "seed": _seed,
}


def register(name: str, handler: Callable[[argparse.Namespace, Database], int]) -> None:
    """Add a subcommand handler (used by feature modules: imports, statements)."""
    COMMANDS[name] = handler


def dispatch(args: argparse.Namespace, database: object) -> int:
    """Run the handler for ``args.command``."""
    assert isinstance(database, Database)
    handler = COMMANDS.get(args.command)
    if handler is None:
        _load_feature_commands()
        handler = COMMANDS.get(args.command)
    if handler is None:
        print(f"Perintah '{args.command}' belum tersedia.")
        return 2
    return handler(args, database)


def _load_feature_commands() -> None:
    """Import the modules that register optional subcommands."""
    import importlib

    for module in ("app.importing.cli", "app.payments.cli"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise
