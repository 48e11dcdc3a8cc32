"""Creating admin tokens from the command line."""

from __future__ import annotations

from sqlalchemy import select

from server.config import Settings
from server.db import Database
from server.models import AdminToken
from server.security import ADMIN_PREFIX, hash_secret, new_token
from server.tokens import issue_admin_token
from server.web.admin.auth import MIN_PASSWORD, hash_password


def create_admin(settings: Settings, name: str = "admin") -> str:
    """Migrate the database, store a new admin token's hash and return the token (it expires
    after ``admin_token_hours``)."""
    db = Database(settings)
    try:
        db.migrate()
        with db.write_sessions() as session, session.begin():
            _row, token = issue_admin_token(session, name, settings.admin_token_hours)
        return token
    finally:
        db.dispose()


def set_password(settings: Settings, name: str, password: str) -> None:
    """Give the admin ``name`` a console password (hashed with scrypt); create it if new."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"Kata sandi minimal {MIN_PASSWORD} karakter.")
    db = Database(settings)
    try:
        db.migrate()
        with db.write_sessions() as session, session.begin():
            admin = session.scalar(select(AdminToken).where(AdminToken.name == name).limit(1))
            if admin is None:
                admin = AdminToken(name=name, token_hash=hash_secret(new_token(ADMIN_PREFIX)))
                session.add(admin)
            admin.password_hash = hash_password(password)
    finally:
        db.dispose()
