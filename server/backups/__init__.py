"""Encrypted shop backups kept for enrolled devices (opaque blobs, per shop, with retention)."""
