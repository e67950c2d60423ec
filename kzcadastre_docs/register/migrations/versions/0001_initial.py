"""The register: numbers, links between old and new numbers, counters.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "numbers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(80), nullable=False),
        sa.Column("land_plot", sa.String(20), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("temporary", sa.Boolean, nullable=False),
        sa.Column("primary_id", sa.Integer, sa.ForeignKey("numbers.id"), nullable=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("record_no", sa.Integer, nullable=False),
        sa.Column("assigned_on", sa.Date, nullable=False),
        sa.Column("specialist_name", sa.String(200), nullable=False),
        sa.Column("specialist_position_kk", sa.String(200), nullable=False),
        sa.Column("specialist_position_ru", sa.String(200), nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("ended_by", sa.String(10), nullable=True),
        sa.UniqueConstraint("number", name="uq_numbers_number"),
        sa.UniqueConstraint("land_plot", "record_no", name="uq_numbers_record"),
        sa.CheckConstraint("level in ('primary', 'secondary')", name="ck_numbers_level"),
        sa.CheckConstraint("status in ('active', 'retired', 'annulled')", name="ck_numbers_status"),
        sa.CheckConstraint("(level = 'primary') = (primary_id is null)", name="ck_numbers_primary"),
        sa.CheckConstraint("(status = 'active') = (ended_on is null)", name="ck_numbers_ended"),
    )
    op.create_index("ix_numbers_primary", "numbers", ["primary_id"])
    op.create_table(
        "number_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("old_id", sa.Integer, sa.ForeignKey("numbers.id"), nullable=False),
        sa.Column("new_id", sa.Integer, sa.ForeignKey("numbers.id"), nullable=False),
        sa.Column("reason", sa.String(10), nullable=False),
        sa.UniqueConstraint("old_id", "new_id", name="uq_links_pair"),
        sa.CheckConstraint("reason in ('split', 'merge', 'permanent')", name="ck_links_reason"),
    )
    op.create_table(
        "counters",
        sa.Column("scope", sa.String(120), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("counters")
    op.drop_table("number_links")
    op.drop_table("numbers")
