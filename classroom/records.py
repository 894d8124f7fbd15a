"""What the class API returns: small frozen dataclasses, safe to cache and to compare."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StartedClass:
    """Given once to the teacher. Keep ``teacher_secret`` in the teacher's session only."""

    code: str  # 8 characters, e.g. "K7QM3XPA"; show it as codes.display_code(code)
    teacher_secret: str
    expires_at: datetime


@dataclass(frozen=True)
class Membership:
    """Given once to a student who joined. ``member_token`` identifies them in this class."""

    code: str
    member_token: str
    nickname: str | None


@dataclass(frozen=True)
class PollView:
    """The class's current poll as one viewer sees it. ``counts`` only once revealed."""

    question_id: str
    options: tuple[str, ...]
    state: str  # "open" (taking answers) or "revealed" (answers closed, counts shown)
    answered: int  # members who answered (each counted once)
    counts: dict[str, int] | None  # option -> number of answers, None while open
    my_answer: str | None  # the asking member's answer (None for the teacher)


@dataclass(frozen=True)
class ClassUpdate:
    """What a follower needs to redraw: the teacher's view and the current poll."""

    version: int
    view: dict
    poll: PollView | None


@dataclass(frozen=True)
class ClassInfo:
    """The teacher's dashboard line."""

    code: str
    created_at: datetime
    expires_at: datetime
    members: int
    version: int
    view: dict


@dataclass(frozen=True)
class WallPost:
    """One sentence on the wall. Plain text: never render it as HTML."""

    id: int
    text: str
    nickname: str | None  # None when the member gave none or it fails the filter
    posted_at: datetime
    hidden: bool  # hidden by the teacher
    allowed: bool  # passes the is_allowed filter (students only ever see allowed, unhidden posts)
    mine: bool  # posted by the asking member
