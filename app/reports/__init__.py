"""Laporan: sales figures for a period of shop days, exports (CSV/XLSX) and a PDF report."""

from app.reports.compute import build_report, build_report_parallel, peken_cap
from app.reports.figures import Report, Totals
from app.reports.periods import Period, custom, this_month, this_week, this_year, today

__all__ = [
    "Period",
    "Report",
    "Totals",
    "build_report",
    "build_report_parallel",
    "custom",
    "peken_cap",
    "this_month",
    "this_week",
    "this_year",
    "today",
]
