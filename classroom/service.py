"""The class API: one :class:`Classroom` object per process, shared by every session.

Who may do what:

- anyone with the join code may :meth:`~Classroom.join` (no account, no personal data);
- members (their member token) and the teacher (the teacher secret) may read the class:
  :meth:`~Classroom.view_since`, :meth:`~Classroom.poll`, :meth:`~Classroom.wall`;
- members may :meth:`~Classroom.answer` and :meth:`~Classroom.post` (rate-limited);
- only the teacher secret may publish the view, run polls, hide or pick posts, close.

Every method raises only :class:`~classroom.errors.ClassError`. Time comes from the
injected ``clock`` (aware UTC datetimes), so tests move it forward to expire a class.
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from sqlalchemy import Connection, Engine, Row
from sqlalchemy.exc import ArgumentError

from . import queries as q
from .codes import digest, new_code, new_member_token, new_secret, normalize_code, same_digest
from .db import make_engine, transaction, upgrade
from .errors import ClassError
from .records import ClassInfo, ClassUpdate, Membership, PollView, StartedClass, WallPost
from .schema import utc
from .settings import Settings
from .text import clean, clean_key, decode_view, encode_view

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Filter = Callable[[str], bool]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _allow_all(_text: str) -> bool:
    return True


class Classroom:
    """Live classes stored in the database of ``settings.database_url``.

    ``is_allowed(text) -> bool`` decides whether a nickname or wall sentence may be shown
    to the class (default: everything); an exception in it counts as "not allowed".
    Nothing touches the database here: the engine is made and the schema created or
    upgraded on first use, so a missing or misconfigured database only fails the class
    calls (with ``database_down``, retried on the next call), never the app's start.
    """

    def __init__(self, settings: Settings | None = None, *, clock: Clock | None = None,
                 is_allowed: Filter | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._clock = clock or _utcnow
        self._is_allowed = is_allowed or _allow_all
        self._engine: Engine | None = None  # made, and the schema upgraded, on first use
        self._start_lock = threading.Lock()

    @classmethod
    def from_env(cls, **kwargs) -> Classroom:
        """A Classroom configured from the ``RNNLAB_*`` environment variables."""
        return cls(Settings.from_env(), **kwargs)

    def close(self) -> None:
        """Close the pooled database connections (the next call opens new ones)."""
        if self._engine is not None:
            self._engine.dispose()

    # ------------------------------------------------------------ plumbing

    def _now(self) -> datetime:
        return utc(self._clock())

    @contextmanager
    def _tx(self, *, write: bool):
        if self._engine is None:
            with self._start_lock:
                if self._engine is None:
                    self._engine = self._start()
        with transaction(self._engine, write=write) as conn:
            yield conn

    def _start(self) -> Engine:
        """The engine, once the schema is at the newest revision."""
        try:
            engine = make_engine(self.settings.database_url)
        except (ValueError, ArgumentError, ImportError) as exc:  # a malformed URL or a missing driver
            raise ClassError("database_down", f"RNNLAB_DATABASE_URL: {exc}") from exc
        try:
            upgrade(engine)
        except ClassError:
            engine.dispose()
            raise
        return engine

    def _allowed(self, text: str | None) -> bool:
        if text is None:
            return True
        try:
            return bool(self._is_allowed(text))
        except Exception:  # a broken filter hides, it does not break the class
            log.exception("classroom is_allowed filter failed")
            return False

    @staticmethod
    def _live_class(conn: Connection, code: str, now: datetime, *, lock: bool = False) -> Row:
        canonical = normalize_code(code)
        row = q.class_by_code(conn, canonical, lock=lock) if canonical else None
        if row is None:
            raise ClassError("unknown_code")
        if row.closed_at is not None:
            raise ClassError("closed")
        if row.expires_at <= now:
            raise ClassError("expired")
        return row

    def _as_teacher(self, conn: Connection, code: str, secret: str) -> Row:
        """The class row, locked, if ``secret`` is its teacher secret."""
        row = self._live_class(conn, code, self._now(), lock=True)
        if not same_digest(secret, row.secret_hash):
            raise ClassError("not_teacher")
        return row

    @staticmethod
    def _as_member(conn: Connection, row: Row, token: str, *, lock: bool = False) -> Row:
        member = q.member_by_token(conn, row.id, digest(token), lock=lock) if isinstance(token, str) and token else None
        if member is None:
            raise ClassError("not_member")
        return member

    def _as_reader(self, conn: Connection, code: str, token: str) -> tuple[Row, Row | None]:
        """(class, member) for a member token, (class, None) for the teacher secret."""
        row = self._live_class(conn, code, self._now())
        if same_digest(token, row.secret_hash):
            return row, None
        return row, self._as_member(conn, row, token)

    # ------------------------------------------------------------ classes

    def start_class(self, *, hours: float | None = None) -> StartedClass:
        """Open a class for ``hours`` (default ``RNNLAB_CLASS_HOURS``, 0.1 to 24).

        Also purges classes that ended more than ``settings.purge_after`` ago.
        """
        now = self._now()
        duration = timedelta(hours=min(max(hours, 0.1), 24.0)) if hours is not None else self.settings.class_duration
        secret = new_secret()
        with self._tx(write=True) as conn:
            self._purge(conn, now)
            code = new_code()
            while q.code_taken(conn, code):
                code = new_code()
            q.insert_class(conn, code, digest(secret), now, now + duration)
        return StartedClass(code=code, teacher_secret=secret, expires_at=now + duration)

    def class_info(self, code: str, secret: str) -> ClassInfo:
        """The teacher's summary: times, number of members, current version and view."""
        with self._tx(write=False) as conn:
            row = self._live_class(conn, code, self._now())
            if not same_digest(secret, row.secret_hash):
                raise ClassError("not_teacher")
            return ClassInfo(code=row.code, created_at=row.created_at, expires_at=row.expires_at,
                             members=q.count_members(conn, row.id), version=row.version,
                             view=decode_view(row.view_json))

    def close_class(self, code: str, secret: str) -> None:
        """End the class now: members get ``closed``; its data is purged ``purge_after`` later."""
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            q.bump(conn, row.id, closed_at=self._now())

    def purge_expired(self, now: datetime | None = None) -> int:
        """Delete every class closed or expired before ``now - settings.purge_after``; returns how many."""
        with self._tx(write=True) as conn:
            return self._purge(conn, utc(now) if now is not None else self._now())

    def _purge(self, conn: Connection, now: datetime) -> int:
        return q.purge(conn, now - self.settings.purge_after, now - timedelta(minutes=1))

    # ------------------------------------------------------------ members

    def join(self, code: str, nickname: str | None = None) -> Membership:
        """Join class ``code`` (any case, dashes and spaces ignored) with an optional nickname.

        Raises ``unknown_code``, ``expired``, ``closed``, ``class_full``; for the nickname
        ``too_long`` (over ``settings.nickname_chars``) or ``not_allowed`` (the filter).
        """
        nickname = clean(nickname, self.settings.nickname_chars, required=False)
        if nickname is not None and not self._allowed(nickname):
            raise ClassError("not_allowed")
        token = new_member_token()
        with self._tx(write=True) as conn:
            row = self._live_class(conn, code, self._now(), lock=True)
            if q.count_members(conn, row.id) >= self.settings.max_members:
                raise ClassError("class_full")
            q.insert_member(conn, row.id, digest(token), nickname, self._now())
        return Membership(code=row.code, member_token=token, nickname=nickname)

    # ------------------------------------------------------------ following the teacher

    def publish_view(self, code: str, secret: str, view: dict) -> int:
        """Publish what students should show (a flat dict: page, sentence, step, lang...).

        At most ``settings.view_bytes`` of JSON; returns the new version number.
        """
        encoded = encode_view(view, self.settings.view_bytes)
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            return q.bump(conn, row.id, view_json=encoded)

    def view_since(self, code: str, token: str, version: int | None = None) -> ClassUpdate | None:
        """The teacher's view and current poll, or None if the class is still at ``version``.

        Cheap enough to poll every second or two: one indexed read when nothing changed.
        ``token`` is a member token or the teacher secret.
        """
        with self._tx(write=False) as conn:
            row, member = self._as_reader(conn, code, token)
            if version is not None and row.version == version:
                return None
            poll = self._poll_view(conn, row, member)
            return ClassUpdate(version=row.version, view=decode_view(row.view_json), poll=poll)

    # ------------------------------------------------------------ polls

    def open_poll(self, code: str, secret: str, question_id: str, options: list[str]) -> int:
        """Open question ``question_id`` with 2 to ``max_options`` distinct option keys.

        Closes any other poll of the class; re-opening a question starts it afresh
        (earlier answers dropped). Returns the new class version.
        """
        question_id = clean_key(question_id)
        options = [clean_key(option) for option in options] if isinstance(options, (list, tuple)) else []
        if not 2 <= len(options) <= self.settings.max_options or len(set(options)) != len(options):
            raise ClassError("invalid", "a poll needs 2 to max_options distinct options")
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            q.open_poll(conn, row.id, question_id, options, self._now())
            return q.bump(conn, row.id)

    def reveal_poll(self, code: str, secret: str, question_id: str) -> PollView:
        """Stop taking answers and show the distribution; returns it."""
        return self._set_poll_state(code, secret, question_id, "revealed")

    def close_poll(self, code: str, secret: str, question_id: str) -> None:
        """Take the poll off the students' screens."""
        self._set_poll_state(code, secret, question_id, "closed")

    def _set_poll_state(self, code: str, secret: str, question_id: str, state: str) -> PollView:
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            poll = q.poll_by_question(conn, row.id, clean_key(question_id))
            if poll is None or poll.state == "closed":
                raise ClassError("no_poll")
            q.set_poll_state(conn, poll.id, state)
            q.bump(conn, row.id)
            return self._describe_poll(conn, q.poll_by_question(conn, row.id, poll.question_id), None)

    def answer(self, code: str, token: str, question_id: str, option: str) -> None:
        """Record a member's answer; answering again replaces it (one answer per member).

        Raises ``no_poll``, ``poll_closed`` (revealed), ``invalid`` (not an option),
        ``rate_limited`` (over ``answers_per_minute``).
        """
        with self._tx(write=True) as conn:
            row = self._live_class(conn, code, self._now())
            member = self._as_member(conn, row, token, lock=True)
            poll = q.poll_by_question(conn, row.id, clean_key(question_id), share=True)
            if poll is None or poll.state == "closed":
                raise ClassError("no_poll")
            if poll.state != "open":
                raise ClassError("poll_closed")
            if option not in json.loads(poll.options):
                raise ClassError("invalid", "not an option of this poll")
            if not q.record_action(conn, member.id, "answer", self._now(), self.settings.answers_per_minute):
                raise ClassError("rate_limited")
            q.upsert_answer(conn, poll.id, member.id, option, self._now())

    def poll(self, code: str, token: str) -> PollView | None:
        """The current poll (open or revealed) for a member or the teacher, or None."""
        with self._tx(write=False) as conn:
            row, member = self._as_reader(conn, code, token)
            return self._poll_view(conn, row, member)

    def _poll_view(self, conn: Connection, row: Row, member: Row | None) -> PollView | None:
        poll = q.current_poll(conn, row.id)
        return self._describe_poll(conn, poll, member) if poll is not None else None

    @staticmethod
    def _describe_poll(conn: Connection, poll: Row, member: Row | None) -> PollView:
        options = tuple(json.loads(poll.options))
        counts = q.answer_counts(conn, poll.id)
        return PollView(
            question_id=poll.question_id, options=options, state=poll.state,
            answered=sum(counts.values()),
            counts={option: counts.get(option, 0) for option in options} if poll.state == "revealed" else None,
            my_answer=q.answer_of(conn, poll.id, member.id) if member is not None else None,
        )

    # ------------------------------------------------------------ wall

    def post(self, code: str, token: str, text: str) -> int:
        """Put a sentence (plain text, at most ``post_chars``) on the wall; returns its id.

        Raises ``empty``, ``too_long``, ``rate_limited`` (over ``posts_per_minute``),
        ``wall_full`` (``max_posts`` in the class).
        """
        text = clean(text, self.settings.post_chars)
        with self._tx(write=True) as conn:
            row = self._live_class(conn, code, self._now())
            member = self._as_member(conn, row, token, lock=True)
            if q.count_posts(conn, row.id) >= self.settings.max_posts:
                raise ClassError("wall_full")
            if not q.record_action(conn, member.id, "post", self._now(), self.settings.posts_per_minute):
                raise ClassError("rate_limited")
            return q.insert_post(conn, row.id, member.id, text, self._now())

    def wall(self, code: str, token: str, *, limit: int | None = None) -> list[WallPost]:
        """The newest posts first (at most ``limit``, default ``settings.wall_limit``, max 200).

        The teacher gets every post with its ``hidden``/``allowed`` flags; a member gets
        only posts neither hidden nor refused by the filter.
        """
        limit = self.settings.wall_limit if limit is None else limit
        if not isinstance(limit, int):
            raise ClassError("invalid", "limit must be an int")
        limit = min(max(limit, 1), 200)
        with self._tx(write=False) as conn:
            row, member = self._as_reader(conn, code, token)
            rows = q.newest_posts(conn, row.id, limit, include_hidden=member is None)
        out = []
        for post in rows:
            allowed = self._allowed(post.text)
            if member is not None and not allowed:
                continue
            nickname = post.nickname if self._allowed(post.nickname) else None
            out.append(WallPost(id=post.id, text=post.text, nickname=nickname, posted_at=post.posted_at,
                                hidden=post.hidden, allowed=allowed,
                                mine=member is not None and post.member_id == member.id))
        return out

    def hide_post(self, code: str, secret: str, post_id: int, hidden: bool = True) -> None:
        """Hide a post from the class (or show it again with ``hidden=False``)."""
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            post = self._post_of(conn, row, post_id)
            q.set_post_hidden(conn, post.id, bool(hidden))

    def pick_post(self, code: str, secret: str, post_id: int, key: str = "sentence") -> int:
        """Load a post into the published view as ``view[key]``; returns the new version.

        A post refused by the filter cannot be picked (``not_allowed``).
        """
        with self._tx(write=True) as conn:
            row = self._as_teacher(conn, code, secret)
            post = self._post_of(conn, row, post_id)
            if not self._allowed(post.text):
                raise ClassError("not_allowed")
            view = decode_view(row.view_json) | {key: post.text}
            return q.bump(conn, row.id, view_json=encode_view(view, self.settings.view_bytes))

    @staticmethod
    def _post_of(conn: Connection, row: Row, post_id: int) -> Row:
        post = q.post_by_id(conn, row.id, post_id) if isinstance(post_id, int) and not isinstance(post_id, bool) else None
        if post is None:
            raise ClassError("not_found")
        return post
