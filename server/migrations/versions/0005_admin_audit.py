"""admin audit: audited admin decisions (identity overrides)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'admin_audit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('admin_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=40), nullable=False),
        sa.Column('seller_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['admin_id'], ['admin_tokens.id'],
                                name=op.f('fk_admin_audit_admin_id_admin_tokens')),
        sa.ForeignKeyConstraint(['seller_id'], ['sellers.id'],
                                name=op.f('fk_admin_audit_seller_id_sellers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_admin_audit')),
    )


def downgrade() -> None:
    op.drop_table('admin_audit')
