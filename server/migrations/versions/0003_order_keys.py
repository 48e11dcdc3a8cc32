"""order keys: idempotency keys of order placement (digests)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'order_keys',
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('order_id', sa.String(length=36), nullable=False),
        sa.Column('request_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'],
                                name=op.f('fk_order_keys_order_id_orders')),
        sa.PrimaryKeyConstraint('key_hash', name=op.f('pk_order_keys')),
    )
    op.create_index(op.f('ix_order_keys_order_id'), 'order_keys', ['order_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_order_keys_order_id'), table_name='order_keys')
    op.drop_table('order_keys')
