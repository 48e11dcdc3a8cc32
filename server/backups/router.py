"""HTTP routes of the encrypted shop backups (Bearer device token; own shop only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import Field

from server.backups import service
from server.backups.service import BackupOut, UploadOut
from server.db import read_session, write_session
from server.models import utcnow
from server.schemas import Strict
from server.security import DeviceDep

router = APIRouter(prefix="/api/v1", tags=["backups"])

BackupId = Annotated[int, Path(ge=1, le=2**31 - 1)]
ChunkIdx = Annotated[int, Path(ge=0, le=100_000)]


class StartIn(Strict):
    """The size and SHA-256 (hex) of the encrypted backup about to be sent."""

    size: int = Field(ge=1, le=2**40)
    sha256: str = Field(pattern=r"^[0-9a-fA-F]{64}$")


class KnownIn(Strict):
    """Outbox op ids a restored shop is about to send."""

    op_ids: list[Annotated[str, Field(min_length=1, max_length=36)]] = Field(max_length=1000)


class KnownOut(Strict):
    """The op ids the server already processed for this shop."""

    known: list[str]


async def _raw_body(request: Request) -> bytes:
    return await request.body()


RawBody = Annotated[bytes, Depends(_raw_body)]


@router.post("/backups", response_model=UploadOut, status_code=201)
def start_upload(body: StartIn, device: DeviceDep, request: Request) -> UploadOut:
    """Begin an upload; send the chunks, then ``/complete``."""
    with write_session(request) as session:
        return service.start(session, device, body.size, body.sha256, utcnow())


@router.put("/backups/{backup_id}/chunks/{idx}", status_code=204)
def put_chunk(backup_id: BackupId, idx: ChunkIdx, data: RawBody, device: DeviceDep,
              request: Request) -> Response:
    """One chunk of the upload (raw bytes, at most ``chunk_size``)."""
    with write_session(request) as session:
        service.put_chunk(session, device, backup_id, idx, data)
    return Response(status_code=204)


@router.post("/backups/{backup_id}/complete", response_model=BackupOut)
def complete(backup_id: BackupId, device: DeviceDep, request: Request) -> BackupOut:
    """Check and keep the upload; older backups beyond retention go."""
    with write_session(request) as session:
        return service.complete(session, device, backup_id, utcnow())


@router.get("/backups", response_model=list[BackupOut])
def list_backups(device: DeviceDep, request: Request) -> list[BackupOut]:
    """This shop's backups, newest first."""
    with read_session(request) as session:
        return service.listing(session, device)


@router.get("/backups/{backup_id}")
def download(backup_id: BackupId, device: DeviceDep, request: Request) -> Response:
    """The encrypted bytes of one of this shop's backups."""
    with read_session(request) as session:
        data = service.content(session, device, backup_id)
    return Response(content=data, media_type="application/octet-stream")


@router.post("/backups/known-ops", response_model=KnownOut)
def known_ops(body: KnownIn, device: DeviceDep, request: Request) -> KnownOut:
    """Which of these op ids the server already has (a restored outbox skips them)."""
    with read_session(request) as session:
        return KnownOut(known=service.known_ops(session, device, body.op_ids))
