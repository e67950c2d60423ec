"""The register's tables (SQLAlchemy Core): every number ever assigned, the links between
old and new numbers, and the counters that hand out the next number.

Rows are never deleted: a number that ends (split, merge, replacement of a temporary number,
the object ceasing to exist) keeps its row with its status, so the unique constraint on
`numbers.number` is what makes reuse impossible (points 7, 18 and 29 of the Rules for
assigning cadastral numbers). The migrations in `migrations/versions` create these tables;
this module describes them for the queries.
"""

from __future__ import annotations

from sqlalchemy import (Boolean, CheckConstraint, Column, Date, ForeignKey, Index, Integer, MetaData, String,
                        Table, UniqueConstraint)

from ..i18n.catalogue import N_

metadata = MetaData()

#: Status of a number: in use; ended by a split or merge, or because the object ceased to
#: exist (retired); a temporary number replaced by a permanent one (annulled, point 33).
STATUSES = (N_("active"), N_("retired"), N_("annulled"))
#: Why a number ended, and the reason on a link from an old number to a new one.
ENDINGS = (N_("split"), N_("merge"), N_("permanent"), N_("ceased"))

numbers = Table(
    "numbers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", String(80), nullable=False),
    Column("land_plot", String(20), nullable=False),
    Column("level", String(10), nullable=False),
    Column("temporary", Boolean, nullable=False),
    Column("primary_id", Integer, ForeignKey("numbers.id"), nullable=True),
    Column("code", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    Column("record_no", Integer, nullable=False),
    Column("assigned_on", Date, nullable=False),
    Column("specialist_name", String(200), nullable=False),
    Column("specialist_position_kk", String(200), nullable=False),
    Column("specialist_position_ru", String(200), nullable=False),
    Column("ended_on", Date, nullable=True),
    Column("ended_by", String(10), nullable=True),
    UniqueConstraint("number", name="uq_numbers_number"),
    UniqueConstraint("land_plot", "record_no", name="uq_numbers_record"),
    CheckConstraint("level in ('primary', 'secondary')", name="ck_numbers_level"),
    CheckConstraint("status in ('active', 'retired', 'annulled')", name="ck_numbers_status"),
    CheckConstraint("(level = 'primary') = (primary_id is null)", name="ck_numbers_primary"),
    CheckConstraint("(status = 'active') = (ended_on is null)", name="ck_numbers_ended"),
    Index("ix_numbers_primary", "primary_id"),
)

links = Table(
    "number_links", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("old_id", Integer, ForeignKey("numbers.id"), nullable=False),
    Column("new_id", Integer, ForeignKey("numbers.id"), nullable=False),
    Column("reason", String(10), nullable=False),
    UniqueConstraint("old_id", "new_id", name="uq_links_pair"),
    CheckConstraint("reason in ('split', 'merge', 'permanent')", name="ck_links_reason"),
)

counters = Table(
    "counters", metadata,
    Column("scope", String(120), primary_key=True),
    Column("last", Integer, nullable=False),
)
