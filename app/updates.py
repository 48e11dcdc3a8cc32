"""Is there a newer PEKEN Kasir? A quiet check against the server, at most once a day.

The server announces its latest version at ``GET /api/v1/app/latest`` (``server/appinfo``).
:func:`check` asks it in the background after start-up, only when a server is known (the
shop is enrolled, or ``PEKEN_UPDATE_SERVER`` names one), and returns a :class:`Release` only
when it is newer than this program and the seller did not close its notice already. Nothing
is downloaded or installed: the notice shows the download link. No network, a refused
connection or an odd answer mean no notice and no error; only an answer from the server
counts as the day's check.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from packaging.version import InvalidVersion, Version

from app import clock, settings
from app.db import Database
from app.sync import state

PATH = "/api/v1/app/latest"
CHECK_EVERY = timedelta(days=1)
TIMEOUT = httpx.Timeout(5.0, connect=3.0)
SERVER_ENV = "PEKEN_UPDATE_SERVER"
CHECKED_KEY = "updates.checked_at"
DISMISSED_KEY = "updates.dismissed"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@dataclass(frozen=True)
class Release:
    """A version the server announces, its notes and where to download it."""

    version: str
    notes: str
    download_url: str


def current_version() -> str | None:
    """This program's version: the installed package's, else pyproject.toml's (a source checkout)."""
    try:
        return importlib.metadata.version("peken-kasir")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        with _PYPROJECT.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None


def is_newer(latest: str, current: str) -> bool:
    """Whether version ``latest`` comes after ``current`` (PEP 440); False when either is not a version."""
    try:
        return Version(latest) > Version(current)
    except InvalidVersion:
        return False


def _release(data: object) -> Release | None:
    """The answer as a Release, or None when it is not a well-formed one (http(s) link only)."""
    if not isinstance(data, dict):
        return None
    version, notes, url = data.get("version"), data.get("notes", ""), data.get("download_url")
    if not isinstance(version, str) or not isinstance(notes, str) or not isinstance(url, str):
        return None
    link = urlsplit(url)
    if link.scheme not in ("http", "https") or not link.netloc or re.search(r"\s", url):
        return None
    return Release(version, notes, url)


def fetch_latest(server_url: str, timeout: httpx.Timeout = TIMEOUT) -> Release | bool | None:
    """Ask the server: a Release, None when it announces none (or answers oddly), False when unreachable."""
    try:
        response = httpx.get(server_url.rstrip("/") + PATH, timeout=timeout)
    except httpx.HTTPError:
        return False
    if response.status_code != 200:
        return None
    try:
        return _release(response.json())
    except ValueError:
        return None


def server_url(db: Database) -> str:
    """The server to ask: ``PEKEN_UPDATE_SERVER``, else the one this shop is enrolled with ("" = none)."""
    override = os.environ.get(SERVER_ENV, "").strip()
    if override:
        return override
    with db.read() as session:
        return state.get(session, state.SERVER_URL)


def _due(db: Database, now: datetime) -> bool:
    with db.read() as session:
        stored = str(settings.get(session, CHECKED_KEY))
    try:
        last = datetime.fromisoformat(stored)
    except ValueError:
        return True
    return last.tzinfo is None or not last <= now < last + CHECK_EVERY


Fetch = Callable[[str], Release | bool | None]


def check(db: Database, *, current: str | None = None, now: datetime | None = None,
          fetch: Fetch = fetch_latest) -> Release | None:
    """The newer release to tell the seller about, or None (see the module doc). Never raises for
    the network; run it off the GUI thread."""
    when = now or clock.now_utc()
    mine = current or current_version()
    url = server_url(db)
    if not mine or not url or not _due(db, when):
        return None
    answer = fetch(url)
    if answer is False:
        return None  # unreachable: try again at the next start
    with db.unit_of_work() as session:
        settings.set_value(session, CHECKED_KEY, when.isoformat())
        dismissed = str(settings.get(session, DISMISSED_KEY))
    if not isinstance(answer, Release) or not is_newer(answer.version, mine):
        return None
    return None if answer.version == dismissed else answer


def dismiss(db: Database, version: str) -> None:
    """The seller closed the notice of ``version``: it is not shown again (a later one is)."""
    with db.unit_of_work() as session:
        settings.set_value(session, DISMISSED_KEY, version)
