"""Sellers (shops): registration, suspension, enrollment codes and turnover (admin API)."""
