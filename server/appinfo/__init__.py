"""The latest desktop-app version the server announces (``GET /api/v1/app/latest``, no auth)."""
