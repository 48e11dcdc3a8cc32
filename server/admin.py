"""Creating admin tokens from the command line."""

from __future__ import annotations

from server.config import Settings
from server.db import Database
from server.models import AdminToken
from server.security import ADMIN_PREFIX, hash_secret, new_token


def create_admin(settings: Settings, name: str = "admin") -> str:
    """Migrate the database, store a new admin token's hash and return the token."""
    db = Database(settings)
    try:
        db.migrate()
        token = new_token(ADMIN_PREFIX)
        with db.write_sessions() as session, session.begin():
            session.add(AdminToken(name=name, token_hash=hash_secret(token)))
        return token
    finally:
        db.dispose()
