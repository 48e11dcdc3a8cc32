"""The central PEKEN catalog server (FastAPI).

Holds every seller's listings, takes buyers' orders and relays changes to the
shops' devices. Build the ASGI app with :func:`server.app.create_app`.
"""
