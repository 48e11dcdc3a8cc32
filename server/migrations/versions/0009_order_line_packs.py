"""order line packs: an online order line may be a pack ("2 dus") priced by a wholesale tier

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_lines') as batch:
        batch.add_column(sa.Column('pack_name', sa.String(length=20), server_default='',
                                   nullable=False))
        batch.add_column(sa.Column('pack_factor_milli', sa.BigInteger(), server_default='1000',
                                   nullable=False))
        batch.add_column(sa.Column('price_note', sa.String(length=60), server_default='',
                                   nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('order_lines') as batch:
        batch.drop_column('price_note')
        batch.drop_column('pack_factor_milli')
        batch.drop_column('pack_name')
