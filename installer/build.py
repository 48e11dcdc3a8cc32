"""Build the self-contained PEKEN Kasir for the OS this runs on (``make dist``).

Runs PyInstaller on ``installer/peken-kasir.spec`` into ``dist/peken-kasir/`` (a folder with the
``peken-kasir`` executable; no Python needed on the target PC), then on Linux packs it with a
``.desktop`` entry and its installer script into ``dist/peken-kasir-VERSION-linux-ARCH.tar.gz``.
The last line is ``BUNDLE {json}`` with the folder's size, so CI logs show how big a download is.
On Windows the folder is what ``installer/windows/peken-kasir.iss`` (Inno Setup) turns into an
installer; see docs/install.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "peken-kasir.spec"
LINUX = ROOT / "installer" / "linux"
SOURCES = ("app", "ui", "models", "contract", "resources", "installer", "main.py", "pyproject.toml")
DIGEST_FILE = ".source-digest"


def version() -> str:
    """The version from pyproject.toml (one source of truth)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def folder_size(path: Path) -> int:
    """Bytes of every file below ``path``."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def source_digest() -> str:
    """sha256 over every file the bundle is made from, so a stale bundle is rebuilt."""
    digest = hashlib.sha256()
    for name in SOURCES:
        top = ROOT / name
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_current(bundle: Path) -> bool:
    """True when ``bundle`` was built from the sources as they are now."""
    stamp = bundle / DIGEST_FILE
    return stamp.is_file() and stamp.read_text().strip() == source_digest()


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Freeze the app into ``dist/peken-kasir`` and return that folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True)
    return dist / "peken-kasir"


def linux_tarball(bundle: Path, dist: Path) -> Path:
    """The bundle plus the desktop entry and its installer, as one tar.gz."""
    for name in ("peken-kasir.desktop", "install-desktop-entry.sh"):
        shutil.copy2(LINUX / name, bundle / name)
    target = dist / f"peken-kasir-{version()}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname="peken-kasir")
    return target


def main(argv: list[str] | None = None) -> int:
    """Build (``--if-stale``: only when the sources changed), pack, and report the size."""
    parser = argparse.ArgumentParser(description="Build the self-contained PEKEN Kasir.")
    parser.add_argument("--if-stale", action="store_true", help="keep a bundle built from these sources")
    args = parser.parse_args(argv)
    dist, work = ROOT / "dist", ROOT / "build"
    bundle = dist / "peken-kasir"
    if not (args.if_stale and is_current(bundle)):
        digest = source_digest()
        bundle = run_pyinstaller(dist, work)
        (bundle / DIGEST_FILE).write_text(digest + "\n")
    report: dict[str, object] = {"bundle": str(bundle.relative_to(ROOT)),
                                 "bundle_mb": round(folder_size(bundle) / 2**20, 1)}
    if sys.platform.startswith("linux"):
        archive = linux_tarball(bundle, dist)
        report["archive"] = str(archive.relative_to(ROOT))
        report["archive_mb"] = round(archive.stat().st_size / 2**20, 1)
    print("BUNDLE " + json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
