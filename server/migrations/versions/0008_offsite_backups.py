"""offsite backups: encrypted shop backups uploaded by devices (server/backups), stored in
1 MiB chunks, with retention

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'shop_backups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('seller_id', sa.Integer(), nullable=False),
        sa.Column('device_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('complete', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'],
                                name=op.f('fk_shop_backups_seller_id_sellers')),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'],
                                name=op.f('fk_shop_backups_device_id_devices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_shop_backups')),
    )
    op.create_index(op.f('ix_shop_backups_seller_id'), 'shop_backups', ['seller_id'])
    op.create_table(
        'shop_backup_chunks',
        sa.Column('backup_id', sa.Integer(), nullable=False),
        sa.Column('idx', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['backup_id'], ['shop_backups.id'], ondelete='CASCADE',
                                name=op.f('fk_shop_backup_chunks_backup_id_shop_backups')),
        sa.PrimaryKeyConstraint('backup_id', 'idx', name=op.f('pk_shop_backup_chunks')),
    )


def downgrade() -> None:
    op.drop_table('shop_backup_chunks')
    op.drop_index(op.f('ix_shop_backups_seller_id'), table_name='shop_backups')
    op.drop_table('shop_backups')
