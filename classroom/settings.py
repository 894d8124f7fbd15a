"""Settings of the class backend: where the database is, how long a class lasts, the limits.

Read once from the environment by :meth:`Settings.from_env`:

- ``RNNLAB_DATABASE_URL``: a SQLAlchemy URL. Default: a SQLite file
  ``build/classroom.sqlite3`` in the project (its folder is created). For PostgreSQL use
  ``postgresql+psycopg://user:password@host:5432/dbname`` (psycopg 3).
- ``RNNLAB_CLASS_HOURS``: how long a new class lasts (default 3 hours, 0.1 to 24).
- ``RNNLAB_PUBLIC_URL``: the address students use to reach the app (e.g.
  ``https://rnnlab.example.org``); the join link is built on it when set.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'build' / 'classroom.sqlite3'}"


def _hours(raw: str | None, default: float) -> float:
    try:
        value = float(raw) if raw else default
    except ValueError:
        return default
    return min(max(value, 0.1), 24.0)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    class_hours: float = 3.0
    public_url: str | None = None
    purge_after: timedelta = timedelta(hours=1)  # data of a closed/expired class lives this long
    # text limits (characters, after cleaning)
    nickname_chars: int = 24
    post_chars: int = 200
    view_bytes: int = 2048  # the published view, as compact UTF-8 JSON
    # rate limits, per member, over a sliding minute
    answers_per_minute: int = 20
    posts_per_minute: int = 5
    # size limits of one class
    max_members: int = 300
    max_posts: int = 2000
    max_options: int = 12
    wall_limit: int = 50  # default number of posts a wall listing returns (at most 200)

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> Settings:
        """Settings from ``environ`` (default: ``os.environ``); keyword arguments win."""
        env = os.environ if environ is None else environ
        values = {
            "database_url": env.get("RNNLAB_DATABASE_URL") or DEFAULT_DATABASE_URL,
            "class_hours": _hours(env.get("RNNLAB_CLASS_HOURS"), cls.class_hours),
            "public_url": env.get("RNNLAB_PUBLIC_URL") or None,
        }
        values.update(overrides)
        return cls(**values)

    @property
    def class_duration(self) -> timedelta:
        return timedelta(hours=self.class_hours)
