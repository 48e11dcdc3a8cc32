"""Sync API for shop devices: push ops, pull the change log, full snapshot."""
