"""Produk & Stok: the products table, editor, stock dialogs, stocktake, import and labels."""
