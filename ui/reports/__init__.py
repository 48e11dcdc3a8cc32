"""The Laporan page: figures for a period, a chart by hour, tables and exports."""
