"""Payments straight to the seller: settings tab, transfer and QRIS panels, confirmation page."""
