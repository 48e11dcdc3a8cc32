"""``python -m server [--port N] [--data-dir DIR]`` or ``python -m server create-admin``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from server.config import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description="Server katalog PEKEN")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "create-admin"])
    parser.add_argument("--data-dir", type=Path, help="folder data (file SQLite)")
    parser.add_argument("--port", type=int, help="port (bawaan 8040)")
    parser.add_argument("--host", help="alamat (bawaan 127.0.0.1)")
    parser.add_argument("--name", default="admin", help="nama token admin (create-admin)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
    if args.port is not None:
        overrides["port"] = args.port
    if args.host is not None:
        overrides["host"] = args.host
    return Settings(**overrides)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    """Serve the catalog, or print a new admin token."""
    args = _parser().parse_args(argv)
    settings = _settings(args)
    if args.command == "create-admin":
        from server.admin import create_admin

        print(create_admin(settings, args.name))
        return 0
    import uvicorn

    from server.app import create_app

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
