"""The Pesanan page: the orders list, order detail, refunds and voids."""
