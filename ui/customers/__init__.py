"""The Pelanggan section: customers, their kasbon, payments and statements."""
