"""The whole database schema of live classes (SQLAlchemy Core tables), in one place.

Every child row hangs off ``classes`` with ``ON DELETE CASCADE``, so deleting a class
(the purge) deletes its members, polls, answers, wall posts and rate-limit log.
No personal data: a member is a random token's hash and an optional nickname.
Times are stored as naive UTC and read back as aware UTC (:class:`UTCDateTime`).

Changing this module needs a new Alembic revision in ``classroom/migrations/versions``
(the test ``test_migrations_match_schema`` fails until the two agree).
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

VERSION_TABLE = "classroom_schema_version"  # Alembic's version table, named for this package

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
})


class UTCDateTime(TypeDecorator):
    """A timestamp stored as naive UTC (portable), returned as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


def _class_fk() -> Column:
    return Column("class_id", Integer, ForeignKey("classes.id", ondelete="CASCADE"), nullable=False)


classes = Table(
    "classes", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    Column("secret_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("view_json", Text, nullable=False, default=""),  # JSON dict published by the teacher
    Column("version", Integer, nullable=False, default=0),  # bumped by every change students follow
)

members = Table(
    "members", metadata,
    Column("id", Integer, primary_key=True),
    _class_fk(),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("nickname", String(64), nullable=True),
    Column("joined_at", UTCDateTime, nullable=False),
    Index(None, "class_id"),
)

polls = Table(
    "polls", metadata,
    Column("id", Integer, primary_key=True),
    _class_fk(),
    Column("question_id", String(64), nullable=False),
    Column("options", Text, nullable=False),  # JSON list of option keys
    Column("state", String(8), nullable=False),  # open | revealed | closed
    Column("opened_at", UTCDateTime, nullable=False),
    UniqueConstraint("class_id", "question_id"),
)

answers = Table(
    "answers", metadata,
    Column("poll_id", Integer, ForeignKey("polls.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
    Column("choice", String(64), nullable=False),
    Column("answered_at", UTCDateTime, nullable=False),
)

posts = Table(
    "posts", metadata,
    Column("id", Integer, primary_key=True),
    _class_fk(),
    Column("member_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("posted_at", UTCDateTime, nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Index(None, "class_id", "id"),
)

actions = Table(  # rate-limit log: one row per answer or post, kept for a minute
    "actions", metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # answer | post
    Column("at", UTCDateTime, nullable=False),
    Index(None, "member_id", "kind", "at"),
)


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC datetime (naive input is taken to be UTC already)."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
