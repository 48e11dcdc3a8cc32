"""Printing in the UI: printer settings tab, print controller, receipt preview, waiting jobs."""
