"""web console and storefront: admin passwords and console sessions, shop profile, listing
moderation, pickup/delivery of orders and the buyer's "sudah transfer"

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('admin_tokens') as batch:
        batch.add_column(sa.Column('password_hash', sa.String(length=200), nullable=True))
    op.create_table(
        'admin_sessions',
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('admin_id', sa.Integer(), nullable=False),
        sa.Column('csrf', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['admin_id'], ['admin_tokens.id'],
                                name=op.f('fk_admin_sessions_admin_id_admin_tokens')),
        sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_admin_sessions')),
    )
    with op.batch_alter_table('sellers') as batch:
        batch.add_column(sa.Column('kecamatan', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('pickup_hours', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('shown_account', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('profile_hlc', sa.String(length=64), nullable=True))
    with op.batch_alter_table('listings') as batch:
        batch.add_column(sa.Column('hidden_reason', sa.String(length=300), nullable=True))
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('fulfilment', sa.String(length=10), nullable=True))
        batch.add_column(sa.Column('address', sa.String(length=300), nullable=True))
        batch.add_column(sa.Column('buyer_note', sa.String(length=300), nullable=True))
        batch.add_column(sa.Column('buyer_paid_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders') as batch:
        for name in ('buyer_paid_at', 'buyer_note', 'address', 'fulfilment'):
            batch.drop_column(name)
    with op.batch_alter_table('listings') as batch:
        batch.drop_column('hidden_reason')
    with op.batch_alter_table('sellers') as batch:
        for name in ('profile_hlc', 'shown_account', 'pickup_hours', 'kecamatan'):
            batch.drop_column(name)
    op.drop_table('admin_sessions')
    with op.batch_alter_table('admin_tokens') as batch:
        batch.drop_column('password_hash')
