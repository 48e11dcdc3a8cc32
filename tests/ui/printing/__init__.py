"""pytest-qt tests of the printing UI."""
