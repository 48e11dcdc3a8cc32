"""The city console at ``/admin``: server-rendered pages for the city's operators.

Login with an admin's name and password (scrypt-hashed, set with
``python -m server set-password``), a session cookie (HttpOnly, SameSite=Strict, path
``/admin``) with an idle timeout, and a CSRF token in every form. See docs/server.md,
"City console".
"""
