"""The self-contained build starts on a PC without Python: no venv, no PYTHONPATH, a new HOME.

The bundle is built by ``installer/build.py --if-stale`` (what ``make dist`` runs), so a clean
clone builds it once and later runs reuse it until a source file changes. The checks run the
built ``dist/peken-kasir/peken-kasir`` with an environment that has nothing of this project:
it must create the demo shop in the platformdirs folder under the new HOME (migrations and
resources come from inside the bundle), print the summary, start the window offscreen, log in
and exit cleanly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "peken-kasir"
EXE = BUNDLE / ("peken-kasir.exe" if sys.platform == "win32" else "peken-kasir")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bundle"), pytest.mark.timeout(1500)]


@pytest.fixture(scope="module")
def bundle() -> Path:
    """The built bundle, (re)built when the sources changed since the last build."""
    run = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--if-stale"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1].removeprefix("BUNDLE "))
    print(f"bundle size: {report['bundle_mb']} MB", file=sys.stderr)
    assert EXE.is_file()
    return BUNDLE


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a seller's PC gives the program: no Python set-up, a fresh home, offscreen Qt."""
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "TZ": os.environ.get("TZ", "UTC")}
    env.update(extra)
    return env


def run_bundle(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """Run the built executable from a folder outside the repository."""
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, cwd=home,
                          env=clean_env(home, **extra), timeout=300, check=False)


def test_the_bundle_has_no_python_of_this_repository(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "app" / "migrations" / "env.py").is_file()
    assert (internal / "resources" / "fonts").is_dir()
    assert any((internal / "resources" / "i18n").glob("*.qm"))
    assert not (internal / "server").exists() and not (internal / "tests").exists()


def test_demo_shop_is_created_under_the_new_home_and_summarised(bundle: Path, tmp_path: Path) -> None:
    run = run_bundle(tmp_path, "--demo", "--summary")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Toko Berkah Jaya" in run.stdout and "Produk" in run.stdout
    shops = list(tmp_path.rglob("demo.sqlite"))
    assert len(shops) == 1 and tmp_path in shops[0].parents


def test_window_starts_logs_in_and_exits_cleanly(bundle: Path, tmp_path: Path) -> None:
    run = run_bundle(tmp_path, "--demo", PEKEN_EXIT_WHEN_READY="1", PEKEN_BENCH_PIN="1234")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.startswith("READY"), run.stdout + run.stderr[-2000:]


def test_the_second_start_paints_light_and_answers_a_scan(bundle: Path, tmp_path: Path) -> None:
    first = run_bundle(tmp_path, "--demo", PEKEN_EXIT_WHEN_READY="1", PEKEN_BENCH_PIN="1234")
    assert first.returncode == 0, first.stderr[-2000:]  # builds the demo shop (the full path)
    again = run_bundle(tmp_path, "--demo", PEKEN_EXIT_WHEN_READY="1", PEKEN_BENCH_PIN="1234",
                       PEKEN_BENCH_CODE="8991001000011")
    assert again.returncode == 0, again.stderr[-2000:]
    assert "FIRSTFRAME light" in again.stdout, again.stdout + again.stderr[-2000:]
    assert "SCANREADY" in again.stdout and "SETTLED" in again.stdout  # the frozen loader works


def test_a_subcommand_runs_on_a_new_shop_file(bundle: Path, tmp_path: Path) -> None:
    shop = tmp_path / "toko.sqlite"
    run = run_bundle(tmp_path, "seed", "--products", "50", "--db", str(shop))
    assert run.returncode == 0, run.stderr[-2000:]
    assert "50 produk" in run.stdout
    summary = run_bundle(tmp_path, "--db", str(shop), "--summary")
    assert "Produk   : 50" in summary.stdout
