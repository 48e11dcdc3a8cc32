"""Text helpers shared by the receipt renderers: safe characters and word wrap."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Typographic characters that cheap thermal printers cannot print, mapped to ASCII.
_REPLACEMENTS: dict[str, str] = {
    "\u2018": "'",  # left single quote
    "\u2019": "'",  # right single quote / apostrophe
    "\u201a": ",",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2032": "'",
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",
    "\u2212": "-",  # minus sign
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": ".",
    "\u00d7": "x",  # multiplication sign
    "\u00a0": " ",  # no-break space
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": "",  # zero-width space
    "\ufeff": "",
    "\u20ac": "EUR",
    "\u00a9": "(c)",
    "\u00ae": "(R)",
    "\u2122": "TM",
    "\u00b0": "o",
    "\u00bd": "1/2",
    "\u00bc": "1/4",
    "\u00be": "3/4",
    "\t": " ",
    "\r": "",
}


@lru_cache(maxsize=4096)
def _safe_char(char: str, encoding: str) -> str:
    """One character made printable in ``encoding`` (ASCII fallback, else ``?``)."""
    if char in _REPLACEMENTS:
        return _REPLACEMENTS[char]
    if ord(char) < 0x80:
        return char if char.isprintable() or char == "\n" else ""
    try:
        char.encode(encoding)
        return char
    except (UnicodeEncodeError, LookupError):
        pass
    decomposed = unicodedata.normalize("NFKD", char)
    ascii_part = "".join(c for c in decomposed if ord(c) < 0x80 and not unicodedata.combining(c))
    return ascii_part if ascii_part else "?"


@lru_cache(maxsize=8192)
def safe_text(text: str, encoding: str = "ascii") -> str:
    """Return ``text`` with only characters that ``encoding`` can print.

    Curly quotes, dashes and the like become ASCII; accented letters stay when the
    code page has them (``é`` in CP437) and lose the accent otherwise.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(_safe_char(c, encoding) for c in text)


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Word-wrap ``text`` to ``width`` columns; continuation lines start with ``indent``.

    Words longer than a line are split hard. Never returns an empty list.
    """
    width = max(1, width)
    if len(indent) >= width:
        indent = ""
    lines: list[str] = []
    lead = text[: len(text) - len(text.lstrip(" "))]
    current = lead if len(lead) < width else ""
    for word in text.split():
        current = _add_word(lines, current, word, width, indent)
    if current.strip() or not lines:
        lines.append(current)
    return lines


def _add_word(lines: list[str], current: str, word: str, width: int, indent: str) -> str:
    """Append ``word`` to the line being built, flushing full lines into ``lines``."""
    prefix = indent if lines else current
    if current.strip() and len(current) + 1 + len(word) <= width:
        return f"{current} {word}"
    if current.strip():
        lines.append(current)
        prefix = indent
    line = f"{prefix}{word}"
    while len(line) > width:
        lines.append(line[:width])
        line = f"{indent}{line[width:]}"
    return line


def wrap_paragraphs(text: str, width: int) -> list[str]:
    """Wrap multi-line text (for example the footer), keeping its line breaks."""
    out: list[str] = []
    for paragraph in text.splitlines():
        out.extend(wrap(paragraph, width) if paragraph.strip() else [""])
    return out
