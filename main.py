"""PEKEN Kasir entry point: open a shop file, then start the window or a subcommand.

    python main.py --demo                    the demo shop (created on first use)
    python main.py --db PATH                 a given shop file
    python main.py seed --products N --db PATH
    python main.py import-products FILE --db PATH
    python main.py export-products FILE --db PATH
    python main.py import-statement FILE --db PATH [--confirm]
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.errors import UserError

if TYPE_CHECKING:
    from app.db import Database
    from app.quickstart import QuickShop
    from ui.preload import Preload


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="peken-kasir", description="PEKEN Kasir")
    parser.add_argument("--db", type=Path, help="berkas toko (SQLite)")
    parser.add_argument("--demo", action="store_true", help="buka toko demo")
    parser.add_argument("--summary", action="store_true", help="cetak ringkasan toko lalu keluar")
    sub = parser.add_subparsers(dest="command")
    seed = sub.add_parser("seed", help="isi toko dengan banyak produk (benchmark)")
    seed.add_argument("--products", type=int, default=100_000)
    for name in ("import-products", "export-products"):
        cmd = sub.add_parser(name)
        cmd.add_argument("file", type=Path)
    statement = sub.add_parser("import-statement", help="impor mutasi rekening")
    statement.add_argument("file", type=Path)
    statement.add_argument("--confirm", action="store_true", help="konfirmasi usulan yang cocok")
    for cmd in sub.choices.values():
        cmd.add_argument("--db", type=Path, dest="sub_db", help="berkas toko (SQLite)")
    return parser


def resolve_db(args: argparse.Namespace) -> Path:
    """The shop file named on the command line, the demo shop, or the default one."""
    chosen = getattr(args, "sub_db", None) or args.db
    if chosen:
        return Path(chosen)
    return paths.demo_shop_path() if args.demo else paths.default_shop_path()


def open_shop(path: Path, demo: bool) -> Database:
    """Open the shop database, building the demo shop into a new demo file."""
    from app.db import open_database  # noqa: PLC0415 (the window's log file and excepthook come before the database layer loads (ui.startup_errors))

    fresh = not path.exists()
    database = open_database(path)
    if demo and fresh:
        from app.demo import build_demo  # noqa: PLC0415 (only when a new demo shop is built)

        with database.unit_of_work() as session:
            build_demo(session)
    return database


def run_command(args: argparse.Namespace, database: Database) -> int:
    """Run a subcommand on the open shop; returns the exit code."""
    from app import cli  # noqa: PLC0415 (subcommands only: the window does not load the CLI, ~570 ms)

    return cli.dispatch(args, database)


EXIT_USER_ERROR = 2


def run_cli(args: argparse.Namespace, path: Path) -> int:
    """A subcommand or ``--summary``: problems print in Indonesian (exit code 2)."""
    from app import shopfile  # noqa: PLC0415 (subcommands only; the window checks the file in ui.startup_errors once its log is up)
    from app.console import attach_parent_console  # noqa: PLC0415 (subcommands only (the Windows console attach))

    attach_parent_console()  # the windowed Windows build prints into the calling terminal

    problem = shopfile.check(path)
    if problem is not None:
        print(f"Gagal: {problem.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        database = open_shop(path, args.demo)
        if args.command:
            return run_command(args, database)
        return run_command(argparse.Namespace(command="summary"), database)
    except UserError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR


# The window's modules that do not use Qt, imported before PySide6: PySide6 hooks every import
# made after it and reads each new module's whole source once (about 0.4 ms a module; several
# hundred SQLAlchemy, model and service modules). The sell screen's own ones are listed too.
BEFORE_QT = ("sqlalchemy.orm", "models", "app.db", "app.settings", "app.users", "app.shop",
             "app.permissions", "app.first_run", "app.applog", "app.shopfile", "app.catalog",
             "app.search", "app.cart", "app.held", "app.tiles")


def import_before_qt() -> None:
    """Import :data:`BEFORE_QT` (the window only; none of them loads Qt).

    Only an ordering: a module that fails here is imported again where it is used, which
    raises and handles the error as it always did (a broken sell screen shows its notice).
    """
    for name in BEFORE_QT:
        try:
            importlib.import_module(name)
        except Exception:  # imported again where it is used: that import reports it
            continue


def run_window(args: argparse.Namespace, path: Path) -> int:
    """The window: shop-file problems are dialogs (no terminal needed), details in the log file.

    A shop at the schema head with nothing to set up takes the light start
    (``ui.light_start``: login and the sell screen's first frame before the database layer
    loads); anything else the full path, whose sell screen's modules are imported on a worker
    thread (``ui.preload``) while the shop opens and the login dialog waits.
    """
    # A light start makes no collections until the shop is loaded behind the painted sell
    # screen (~60 before the first frame, 20-30 ms, over objects that stay anyway; none on the
    # loader's thread): ui.light_start.LightStart.finish turns the collector back on.
    gc.disable()
    from app.quickstart import open_quick  # noqa: PLC0415 (the window only: stdlib sqlite3, read before Qt loads)

    quick = open_quick(path)
    if quick is None:
        gc.enable()
        import_before_qt()
    from app import applog  # noqa: PLC0415 (the window only: subcommands print to the terminal)
    from ui.app import PRELOAD_MODULES, make_application, run_app  # noqa: PLC0415 (the window only: subcommands and --summary never load Qt (bench.startup))
    from ui.preload import Preload  # noqa: PLC0415 (the window only, as ui.app)
    from ui.startup_errors import install_excepthook, open_for_window  # noqa: PLC0415 (the window only, as ui.app)

    preload = Preload(PRELOAD_MODULES).start()
    log_file = applog.start_file_log()
    install_excepthook()
    make_application()
    if quick is not None:
        code = run_light_window(args, path, quick, log_file, preload)
        if code is not None:
            return code
        gc.enable()  # the full path after all (a shop-file problem): its dialogs, wizard, login
    opened = open_for_window(path, lambda chosen: open_shop(chosen, args.demo),
                             paths.data_dir() / "salinan", log_file)
    if opened is None:
        preload.wait()
        return EXIT_USER_ERROR
    try:
        return run_app(opened.database, copied_from=opened.copied_from, preload=preload)
    finally:
        opened.lock.release()


def run_light_window(args: argparse.Namespace, path: Path, quick: QuickShop,
                     log_file: Path, preload: Preload) -> int | None:
    """The light start on the locked shop; None when the lock or the file check says no
    (the full path then shows why)."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 (loaded by now, as ui.app)

    from ui.light_start import failed_to_open, lock_quietly, run_light  # noqa: PLC0415 (the window only, as ui.app)

    lock = lock_quietly(path)
    if lock is None:
        quick.close()
        return None
    try:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        return run_light(app, quick, lambda: open_shop(path, args.demo),
                         failed_to_open(log_file, path), preload)
    finally:
        lock.release()


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run a subcommand or the window."""
    args = build_parser().parse_args(argv)
    path = resolve_db(args)
    if args.command or args.summary:
        return run_cli(args, path)
    return run_window(args, path)


if __name__ == "__main__":
    sys.exit(main())
