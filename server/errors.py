"""Client errors of the API and the handlers that render every 4xx as JSON.

Every error body is ``{"code": "machine_code", "message": "Indonesian text"}``;
request validation errors also carry ``fields`` (where the problem is).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from contract.errors import UserError

log = logging.getLogger(__name__)

HTTP_MESSAGES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Permintaan tidak valid."),
    401: ("unauthorized", "Token tidak ada atau tidak berlaku."),
    403: ("forbidden", "Anda tidak berhak melakukan ini."),
    404: ("not_found", "Alamat tidak ditemukan."),
    405: ("method_not_allowed", "Metode HTTP ini tidak didukung untuk alamat ini."),
    413: ("payload_too_large", "Permintaan terlalu besar."),
    415: ("unsupported_media_type", "Jenis isi permintaan tidak didukung."),
    422: ("validation_error", "Data permintaan tidak valid."),
}


class ApiError(UserError):
    """A problem the client caused: HTTP status, machine code and Indonesian message."""

    def __init__(self, status: int, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.status = status
        self.api_code = code

    @property
    def code(self) -> str:
        """The machine code of the answer (``UserError.code`` is read-only)."""
        return self.api_code


def not_found(code: str, message: str) -> ApiError:
    """A 404 error."""
    return ApiError(404, code, message)


def conflict(code: str, message: str) -> ApiError:
    """A 409 error."""
    return ApiError(409, code, message)


def invalid(code: str, message: str, field: str | None = None) -> ApiError:
    """A 422 error about a value in the request."""
    return ApiError(422, code, message, field=field)


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"code": code, "message": message, **extra}


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    extra = {"field": exc.field} if exc.field else {}
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
    retry_after = getattr(exc, "retry_after", None)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse(error_body(exc.code, exc.message, **extra), exc.status, headers=headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", "Permintaan gagal."))
    return JSONResponse(error_body(code, message), exc.status_code, headers=exc.headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [
        {"field": _field_path(err.get("loc", ())), "problem": str(err.get("type", ""))}
        for err in exc.errors()
    ]
    where = ", ".join(f["field"] for f in fields[:5])
    message = f"Data permintaan tidak valid: periksa {where}." if where else HTTP_MESSAGES[422][1]
    return JSONResponse(error_body("validation_error", message, fields=fields), 422)


BUSY_SIGNS = ("database is locked", "database table is locked", "lock timeout",
              "canceling statement due to statement timeout", "LockNotAvailable", "QueryCanceled")


def is_busy(exc: BaseException) -> bool:
    """True for a database that is momentarily busy (pool empty, lock or statement timeout)
    or a connection lost under a request (the database restarted: the pool reconnects)."""
    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, OperationalError):
        text = f"{type(exc.orig).__name__} {exc.orig}"
        return any(sign in text for sign in BUSY_SIGNS)
    return False


def busy_response(retry_after: int) -> JSONResponse:
    """``503 server_busy`` with ``Retry-After``: the client retries the same request later."""
    return JSONResponse(
        error_body("server_busy", "Server PEKEN sedang sibuk; coba lagi sebentar lagi."), 503,
        headers={"Retry-After": str(retry_after)},
    )


async def _db_error(request: Request, exc: Exception) -> JSONResponse:
    if is_busy(exc):
        log.warning("database busy (%s) on %s", type(exc).__name__, request.url.path)
        return busy_response(getattr(request.app.state.settings, "retry_after_s", 2))
    return await _internal_error(request, exc)


async def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected server error", exc_info=exc)
    return JSONResponse(
        error_body("internal_error", "Terjadi kesalahan di server. Silakan coba lagi."), 500
    )


def install_error_handlers(app: FastAPI) -> None:
    """Render ApiError, HTTP errors, validation errors and crashes as JSON."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(PoolTimeout, _db_error)
    app.add_exception_handler(OperationalError, _db_error)
    app.add_exception_handler(Exception, _internal_error)
