"""Pengaturan: one tabbed page; each feature adds its own tab through SETTINGS_TABS."""
