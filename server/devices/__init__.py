"""Devices: enrollment with a one-time code, device tokens, revocation."""
