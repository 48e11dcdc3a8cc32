"""Online orders: placement by buyers, the state machine, reservations, payment details."""
