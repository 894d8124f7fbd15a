"""Initial classroom schema: classes, members, polls, answers, posts, actions.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Column("view_json", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.UniqueConstraint("code", name="uq_classes_code"),
    )
    op.create_index("ix_classes_expires_at", "classes", ["expires_at"])
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("nickname", sa.String(64), nullable=True),
        sa.Column("joined_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], ondelete="CASCADE", name="fk_members_class_id"),
        sa.UniqueConstraint("token_hash", name="uq_members_token_hash"),
    )
    op.create_index("ix_members_class_id", "members", ["class_id"])
    op.create_table(
        "polls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, nullable=False),
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("options", sa.Text, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_polls"),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], ondelete="CASCADE", name="fk_polls_class_id"),
        sa.UniqueConstraint("class_id", "question_id", name="uq_polls_class_id_question_id"),
    )
    op.create_table(
        "answers",
        sa.Column("poll_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("choice", sa.String(64), nullable=False),
        sa.Column("answered_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("poll_id", "member_id", name="pk_answers"),
        sa.ForeignKeyConstraint(["poll_id"], ["polls.id"], ondelete="CASCADE", name="fk_answers_poll_id"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE", name="fk_answers_member_id"),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("posted_at", sa.DateTime, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_posts"),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], ondelete="CASCADE", name="fk_posts_class_id"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE", name="fk_posts_member_id"),
    )
    op.create_index("ix_posts_class_id_id", "posts", ["class_id", "id"])
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_actions"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE", name="fk_actions_member_id"),
    )
    op.create_index("ix_actions_member_id_kind_at", "actions", ["member_id", "kind", "at"])


def downgrade() -> None:
    for table in ("actions", "posts", "answers", "polls", "members", "classes"):
        op.drop_table(table)
