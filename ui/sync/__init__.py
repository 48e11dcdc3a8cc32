"""PEKEN sync screens: Pengaturan → PEKEN, the status bar reporter, rejected ops, online orders."""
