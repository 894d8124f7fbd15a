"""The one exception of the class backend, with a short ``reason`` code the UI translates.

Every public call of :class:`classroom.Classroom` raises only :class:`ClassError` (or a
subclass), never a raw database or driver exception, so a page can catch one type and
show ``i18n[reason]`` in the learner's language.
"""
from __future__ import annotations

REASONS: dict[str, str] = {
    # the code
    "unknown_code": "no class has this join code (or it was purged)",
    "expired": "the class ran past its end time",
    "closed": "the teacher ended the class",
    "class_full": "the class has the maximum number of members",
    # who is asking
    "not_teacher": "this action needs the teacher secret",
    "not_member": "this member token does not belong to the class",
    # what they sent
    "too_long": "the text, nickname or view is longer than allowed",
    "empty": "the text is empty after cleaning",
    "invalid": "malformed input (unknown option, bad view value, bad URL...)",
    "not_allowed": "the nickname did not pass the class filter",
    "rate_limited": "too many answers or posts in the last minute",
    "wall_full": "the class wall holds the maximum number of posts",
    # polls and wall items
    "no_poll": "no poll with this question is open",
    "poll_closed": "the poll no longer takes answers",
    "not_found": "no such wall post in this class",
    # infrastructure
    "database_down": "the database cannot be reached or is locked; try again",
}


class ClassError(Exception):
    """A refused or failed class action. ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown ClassError reason {reason!r}")
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail or REASONS[reason]}")
