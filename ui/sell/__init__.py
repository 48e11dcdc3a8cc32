"""The sell screen (Kasir): scan or search, cart, quick grid, pay, held carts."""
