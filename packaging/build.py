"""Build the self-contained PEKEN Kasir for the OS this runs on (``make dist``).

Runs PyInstaller on ``packaging/peken-kasir.spec`` into ``dist/peken-kasir/`` (a folder with the
``peken-kasir`` executable; no Python needed on the target PC), then on Linux packs it with a
``.desktop`` entry and its installer script into ``dist/peken-kasir-VERSION-linux-ARCH.tar.gz``.
The last line is ``BUNDLE {json}`` with the folder's size, so CI logs show how big a download is.
On Windows the folder is what ``packaging/windows/peken-kasir.iss`` (Inno Setup) turns into an
installer; see docs/install.md.
"""

from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "peken-kasir.spec"
LINUX = ROOT / "packaging" / "linux"


def version() -> str:
    """The version from pyproject.toml (one source of truth)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def folder_size(path: Path) -> int:
    """Bytes of every file below ``path``."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Freeze the app into ``dist/peken-kasir`` and return that folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
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


def main() -> int:
    """Build, pack, and report the size."""
    dist, work = ROOT / "dist", ROOT / "build"
    bundle = run_pyinstaller(dist, work)
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
