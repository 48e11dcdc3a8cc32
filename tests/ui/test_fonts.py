"""The app draws with the fonts it ships (resources/fonts/), never with whatever the PC has."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ui.app import STYLE, load_style
from ui.fonts import FONT_DIR, FONT_FILES, MONO_FAMILY, SANS_FAMILY, load_fonts, monospace_font

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = {SANS_FAMILY, MONO_FAMILY}
FAMILY_IN_CODE = re.compile(r"""(?:setFamily\(|QFont\(|font-family:\s*)\\?["']([^"'\\]+)""")
PROBE = """
import sys
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel
from ui.app import load_style
from ui.fonts import monospace_font
app = QApplication([])
load_style(app)
label = QLabel("Sisa")
label.ensurePolished()
shown = (QFontInfo(app.font()).family(), QFontInfo(label.font()).family())
mono = QFontInfo(monospace_font())
print(*shown, mono.family(), mono.fixedPitch(), sep="|")
"""


def test_the_font_files_and_their_licence_are_shipped() -> None:
    for name in FONT_FILES:
        assert (FONT_DIR / name).stat().st_size > 100_000
    assert "Bitstream" in (FONT_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_the_application_font_is_the_shipped_sans(qapp: QApplication, qtbot: QtBot) -> None:
    assert load_fonts(qapp) >= SHIPPED  # the families come from resources/fonts/
    load_style(qapp)
    try:
        assert QFontInfo(qapp.font()).family() == SANS_FAMILY
        label = QLabel("Sisa")
        qtbot.addWidget(label)
        label.ensurePolished()
        assert QFontInfo(label.font()).family() == SANS_FAMILY
        assert QFontInfo(monospace_font()).family() == MONO_FAMILY
        assert QFontInfo(monospace_font()).fixedPitch()
    finally:
        qapp.setStyleSheet("")


def test_style_sheet_and_code_name_only_shipped_families() -> None:
    named = set(re.findall(r'font-family:\s*([^;}]+)', STYLE.read_text(encoding="utf-8")))
    families = {part.strip().strip('"') for value in named for part in value.split(",")}
    assert families == SHIPPED, f"style.qss names fonts the app does not ship: {families - SHIPPED}"
    for path in (ROOT / "ui").rglob("*.py"):
        for family in FAMILY_IN_CODE.findall(path.read_text(encoding="utf-8")):
            assert family in SHIPPED or family.startswith("{"), f"{path}: font {family!r}"


def test_a_pc_without_any_font_still_shows_the_shipped_ones(tmp_path: Path) -> None:
    """Fontconfig pointed at an empty folder: only the app's own files can supply a font."""
    (tmp_path / "empty").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "empty"}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    app_family, label_family, mono_family, fixed = done.stdout.strip().splitlines()[-1].split("|")
    assert (app_family, label_family, mono_family, fixed) == (SANS_FAMILY, SANS_FAMILY, MONO_FAMILY,
                                                              "True")


def test_use_monospace_survives_the_app_style_sheet(qapp: QApplication, qtbot: QtBot) -> None:
    """The Z report and the pick ticket rely on use_monospace alone (no style sheet of their own)."""
    from PySide6.QtWidgets import QPlainTextEdit

    from ui.fonts import use_monospace

    load_style(qapp)
    try:
        view = QPlainTextEdit("Z-REPORT")
        qtbot.addWidget(view)
        use_monospace(view)
        view.show()
        qtbot.waitExposed(view)
        shown = QFontInfo(view.font())  # after the global QWidget { font-family } rule polished it
        assert shown.family() == MONO_FAMILY and shown.fixedPitch()
    finally:
        qapp.setStyleSheet("")
