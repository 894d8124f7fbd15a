"""Live class sessions (issue 16): join codes, following the teacher, polls and a sentence wall.

Pure Python and SQLAlchemy (no Streamlit): the UI holds one :class:`Classroom` per
process (e.g. in ``st.cache_resource``) and calls it from every session::

    room = Classroom.from_env(is_allowed=word_filter)    # RNNLAB_DATABASE_URL etc.
    started = room.start_class()                         # teacher: code + secret
    link = join_link(started.code, browser_url=st.context.url, public_url=room.settings.public_url)
    png = qr_png(link.url)
    me = room.join("K7QM-3XPA", nickname="민지")          # student: member token
    room.publish_view(started.code, started.teacher_secret, {"page": "gates", "step": 3})
    update = room.view_since(me.code, me.member_token, version=last_seen)  # None if unchanged

Every failure is a :class:`ClassError` whose ``reason`` (see :data:`REASONS`) the UI
translates. Storage: SQLite by default, PostgreSQL with
``RNNLAB_DATABASE_URL=postgresql+psycopg://...``; schema in :mod:`classroom.schema`,
migrated by Alembic (``classroom/migrations``, one initial revision) on first use.
Alembic rather than ``create_all`` plus a version number: a class database on PostgreSQL
outlives app releases, and the next schema change then is one small revision file (with
batch mode for SQLite's limited ALTER) instead of home-made migration code; it costs two
small dependencies (alembic, Mako), imported only when the first class call runs.
"""
from .codes import ALPHABET, CODE_BITS, display_code, normalize_code
from .errors import REASONS, ClassError
from .links import JOIN_PARAM, JoinLink, join_link, qr_png, qr_svg
from .records import ClassInfo, ClassUpdate, Membership, PollView, StartedClass, WallPost
from .service import Classroom
from .settings import Settings

__all__ = [
    "ALPHABET", "CODE_BITS", "JOIN_PARAM", "REASONS",
    "ClassError", "ClassInfo", "ClassUpdate", "Classroom", "JoinLink", "Membership", "PollView",
    "Settings", "StartedClass", "WallPost",
    "display_code", "join_link", "normalize_code", "qr_png", "qr_svg",
]
