"""Reliability tests: the shop file survives SIGKILL at any moment."""
