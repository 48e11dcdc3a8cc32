"""PEKEN sync on the shop side: enrollment, the push/pull engine, applying server changes,
the background worker, the seller's online-order actions and the monthly turnover.

Pure Python (no Qt): the UI in ``ui/sync/`` is a thin shell over these modules.
"""
