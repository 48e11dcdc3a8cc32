"""server hardening: expiring and rotatable tokens, one NIK/NPWP per active seller as partial
unique indexes (with an audited override flag), per-IP open orders, minimum order quantity,
rate-limit counters shared by every worker process

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ACTIVE_UNIQUE = "status = 'active' AND NOT identity_override"


def _flag_existing_clashes() -> None:
    """Sellers registered before the rule that share a NIK/NPWP with an older active one keep
    working: they are marked overridden (the audit trail has no reason for them)."""
    for column in ('nik', 'npwp'):
        op.execute(sa.text(
            f"UPDATE sellers SET identity_override = TRUE WHERE status = 'active' "
            f"AND {column} IS NOT NULL AND EXISTS (SELECT 1 FROM sellers older "
            f"WHERE older.status = 'active' AND older.{column} = sellers.{column} "
            f"AND older.id < sellers.id)"))


def upgrade() -> None:
    with op.batch_alter_table('admin_tokens') as batch:
        batch.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('devices') as batch:
        batch.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('previous_token_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('previous_expires_at', sa.DateTime(), nullable=True))
        batch.create_unique_constraint(op.f('uq_devices_previous_token_hash'),
                                       ['previous_token_hash'])
    with op.batch_alter_table('sellers') as batch:
        batch.add_column(sa.Column('identity_override', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    with op.batch_alter_table('listings') as batch:
        batch.add_column(sa.Column('min_order_milli', sa.BigInteger(), nullable=False,
                                   server_default='0'))
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('client_ip_hash', sa.String(length=64), nullable=True))
    _flag_existing_clashes()
    for column in ('nik', 'npwp'):
        op.create_index(f'uq_sellers_active_{column}', 'sellers', [column], unique=True,
                        sqlite_where=sa.text(ACTIVE_UNIQUE),
                        postgresql_where=sa.text(ACTIVE_UNIQUE))
    op.create_table(
        'rate_hits',
        sa.Column('rule', sa.String(length=40), nullable=False),
        sa.Column('key', sa.String(length=128), nullable=False),
        sa.Column('bucket', sa.BigInteger(), nullable=False),
        sa.Column('hits', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('rule', 'key', 'bucket', name=op.f('pk_rate_hits')),
    )


def downgrade() -> None:
    op.drop_table('rate_hits')
    for column in ('nik', 'npwp'):
        op.drop_index(f'uq_sellers_active_{column}', table_name='sellers')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('client_ip_hash')
    with op.batch_alter_table('listings') as batch:
        batch.drop_column('min_order_milli')
    with op.batch_alter_table('sellers') as batch:
        batch.drop_column('identity_override')
    with op.batch_alter_table('devices') as batch:
        batch.drop_constraint(op.f('uq_devices_previous_token_hash'), type_='unique')
        for name in ('previous_expires_at', 'previous_token_hash', 'expires_at'):
            batch.drop_column(name)
    with op.batch_alter_table('admin_tokens') as batch:
        batch.drop_column('revoked_at')
        batch.drop_column('expires_at')
