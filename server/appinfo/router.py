"""``GET /api/v1/app/latest``: the newest PEKEN Kasir version, its notes and where to download it.

The operator sets it in the environment, read once per process:
``PEKEN_APP_LATEST_VERSION`` (e.g. ``0.2.0``), ``PEKEN_APP_NOTES`` and
``PEKEN_APP_DOWNLOAD_URL`` (http or https). Until a valid version and URL are set the
answer is 404 ``no_release`` and the apps show nothing. Public: the version of a program
anyone can download is no secret; the answer may be cached for an hour.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response
from packaging.version import InvalidVersion, Version
from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict

from server.errors import not_found

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/app", tags=["app"])
CACHE_SECONDS = 3600
NOTES_MAX = 2000


class AppRelease(BaseSettings):
    """The announced release, from ``PEKEN_APP_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="PEKEN_APP_", extra="ignore")

    latest_version: str = ""
    notes: str = ""
    download_url: str = ""

    def usable(self) -> bool:
        """A version that parses (PEP 440) and an http(s) download link; else nothing is announced."""
        try:
            Version(self.latest_version)
        except InvalidVersion:
            if self.latest_version:
                log.warning("PEKEN_APP_LATEST_VERSION %r is not a version", self.latest_version)
            return False
        url = urlsplit(self.download_url)
        return url.scheme in ("http", "https") and bool(url.netloc)


class LatestApp(BaseModel):
    """What the apps compare with their own version."""

    version: str
    notes: str
    download_url: str


def release_of(request: Request) -> AppRelease:
    """The process's announced release (read from the environment on first use)."""
    release = getattr(request.app.state, "app_release", None)
    if not isinstance(release, AppRelease):
        release = AppRelease()
        request.app.state.app_release = release
    return release


@router.get("/latest", response_model=LatestApp)
def latest(request: Request, response: Response) -> LatestApp:
    """The newest app version, its notes and download link (404 ``no_release`` until announced)."""
    release = release_of(request)
    if not release.usable():
        raise not_found("no_release", "Belum ada versi aplikasi yang diumumkan.")
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return LatestApp(version=str(Version(release.latest_version)), notes=release.notes[:NOTES_MAX],
                     download_url=release.download_url)
