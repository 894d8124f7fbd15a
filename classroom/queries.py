"""Every SQL statement of the package, as small functions on an open connection.

The service (:mod:`classroom.service`) decides who may do what and opens the
transactions; these functions only read and write rows. ``lock=True`` adds
``FOR UPDATE`` (PostgreSQL; SQLite ignores it, its write transactions are serialised).
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import Connection, Row, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from .schema import actions, answers, classes, members, polls, posts

# ---------------------------------------------------------------- classes


def class_by_code(conn: Connection, code: str, *, lock: bool = False) -> Row | None:
    stmt = select(classes).where(classes.c.code == code)
    return conn.execute(stmt.with_for_update() if lock else stmt).one_or_none()


def code_taken(conn: Connection, code: str) -> bool:
    return conn.execute(select(classes.c.id).where(classes.c.code == code)).first() is not None


def insert_class(conn: Connection, code: str, secret_hash: str, now: datetime, expires_at: datetime) -> int:
    return conn.execute(insert(classes).values(
        code=code, secret_hash=secret_hash, created_at=now, expires_at=expires_at, view_json="", version=0,
    )).inserted_primary_key[0]


def bump(conn: Connection, class_id: int, **values) -> int:
    """Set ``values`` on the class and increase its version; returns the new version."""
    stmt = (update(classes).where(classes.c.id == class_id)
            .values(version=classes.c.version + 1, **values).returning(classes.c.version))
    return conn.execute(stmt).scalar_one()


def purge(conn: Connection, cutoff: datetime, action_cutoff: datetime) -> int:
    """Delete classes closed or expired before ``cutoff`` (children cascade) and stale rate-log rows."""
    ended = or_(classes.c.expires_at <= cutoff, classes.c.closed_at <= cutoff)
    deleted = conn.execute(delete(classes).where(ended)).rowcount
    conn.execute(delete(actions).where(actions.c.at <= action_cutoff))
    return deleted


# ---------------------------------------------------------------- members


def member_by_token(conn: Connection, class_id: int, token_hash: str, *, lock: bool = False) -> Row | None:
    stmt = select(members).where(members.c.class_id == class_id, members.c.token_hash == token_hash)
    return conn.execute(stmt.with_for_update() if lock else stmt).one_or_none()


def count_members(conn: Connection, class_id: int) -> int:
    return conn.execute(select(func.count()).select_from(members).where(members.c.class_id == class_id)).scalar_one()


def insert_member(conn: Connection, class_id: int, token_hash: str, nickname: str | None, now: datetime) -> int:
    return conn.execute(insert(members).values(
        class_id=class_id, token_hash=token_hash, nickname=nickname, joined_at=now,
    )).inserted_primary_key[0]


def record_action(conn: Connection, member_id: int, kind: str, now: datetime, limit: int) -> bool:
    """Log one ``kind`` action unless the member already did ``limit`` in the last minute."""
    mine = (actions.c.member_id == member_id) & (actions.c.kind == kind)
    conn.execute(delete(actions).where(mine, actions.c.at <= now - timedelta(minutes=1)))
    if conn.execute(select(func.count()).select_from(actions).where(mine)).scalar_one() >= limit:
        return False
    conn.execute(insert(actions).values(member_id=member_id, kind=kind, at=now))
    return True


# ---------------------------------------------------------------- polls


def poll_by_question(conn: Connection, class_id: int, question_id: str, *, share: bool = False) -> Row | None:
    stmt = select(polls).where(polls.c.class_id == class_id, polls.c.question_id == question_id)
    return conn.execute(stmt.with_for_update(read=True) if share else stmt).one_or_none()


def current_poll(conn: Connection, class_id: int) -> Row | None:
    """The class's poll that is open or revealed (opening a poll closes the others)."""
    stmt = select(polls).where(polls.c.class_id == class_id, polls.c.state != "closed")
    return conn.execute(stmt.order_by(polls.c.id.desc()).limit(1)).one_or_none()


def open_poll(conn: Connection, class_id: int, question_id: str, options: list[str], now: datetime) -> None:
    """Close the class's other polls, then open ``question_id`` afresh (previous answers dropped)."""
    conn.execute(update(polls).where(polls.c.class_id == class_id, polls.c.state != "closed").values(state="closed"))
    existing = poll_by_question(conn, class_id, question_id)
    values = {"options": json.dumps(options), "state": "open", "opened_at": now}
    if existing is None:
        conn.execute(insert(polls).values(class_id=class_id, question_id=question_id, **values))
    else:
        conn.execute(delete(answers).where(answers.c.poll_id == existing.id))
        conn.execute(update(polls).where(polls.c.id == existing.id).values(**values))


def set_poll_state(conn: Connection, poll_id: int, state: str) -> None:
    conn.execute(update(polls).where(polls.c.id == poll_id).values(state=state))


def upsert_answer(conn: Connection, poll_id: int, member_id: int, choice: str, now: datetime) -> None:
    """One answer per member and poll: a second answer replaces the first."""
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(answers).values(poll_id=poll_id, member_id=member_id, choice=choice, answered_at=now)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=[answers.c.poll_id, answers.c.member_id],
        set_={"choice": stmt.excluded.choice, "answered_at": stmt.excluded.answered_at},
    ))


def answer_counts(conn: Connection, poll_id: int) -> dict[str, int]:
    stmt = select(answers.c.choice, func.count()).where(answers.c.poll_id == poll_id).group_by(answers.c.choice)
    return {choice: count for choice, count in conn.execute(stmt)}


def answer_of(conn: Connection, poll_id: int, member_id: int) -> str | None:
    stmt = select(answers.c.choice).where(answers.c.poll_id == poll_id, answers.c.member_id == member_id)
    return conn.execute(stmt).scalar_one_or_none()


# ---------------------------------------------------------------- wall


def count_posts(conn: Connection, class_id: int) -> int:
    return conn.execute(select(func.count()).select_from(posts).where(posts.c.class_id == class_id)).scalar_one()


def insert_post(conn: Connection, class_id: int, member_id: int, text: str, now: datetime) -> int:
    return conn.execute(insert(posts).values(
        class_id=class_id, member_id=member_id, text=text, posted_at=now, hidden=False,
    )).inserted_primary_key[0]


def post_by_id(conn: Connection, class_id: int, post_id: int) -> Row | None:
    return conn.execute(select(posts).where(posts.c.class_id == class_id, posts.c.id == post_id)).one_or_none()


def set_post_hidden(conn: Connection, post_id: int, hidden: bool) -> None:
    conn.execute(update(posts).where(posts.c.id == post_id).values(hidden=hidden))


def newest_posts(conn: Connection, class_id: int, limit: int, *, include_hidden: bool) -> list[Row]:
    """Posts of the class, newest first, with the poster's nickname."""
    stmt = (select(posts, members.c.nickname).join(members, members.c.id == posts.c.member_id)
            .where(posts.c.class_id == class_id))
    if not include_hidden:
        stmt = stmt.where(posts.c.hidden.is_(False))
    return list(conn.execute(stmt.order_by(posts.c.id.desc()).limit(limit)))
