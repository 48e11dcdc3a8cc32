"""listing fields: every shared product field of a listing with its HLC stamp

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'listing_fields',
        sa.Column('listing_uuid', sa.String(length=36), nullable=False),
        sa.Column('field', sa.String(length=20), nullable=False),
        sa.Column('seller_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.Column('hlc', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'],
                                name=op.f('fk_listing_fields_seller_id_sellers')),
        sa.PrimaryKeyConstraint('listing_uuid', 'field', name=op.f('pk_listing_fields')),
    )
    op.create_index(op.f('ix_listing_fields_seller_id'), 'listing_fields', ['seller_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_listing_fields_seller_id'), table_name='listing_fields')
    op.drop_table('listing_fields')
