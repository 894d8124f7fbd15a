"""Live class backend (classroom/): the same API tests on SQLite and on PostgreSQL.

The PostgreSQL runs use a server started for the session (tests/postgres_server.py) and a
fresh database per test; they skip when the server binaries are missing (fail on CI).
Time is a fake clock the tests move forward, never a sleep.
"""
from __future__ import annotations

import threading
import time
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from classroom import ALPHABET, CODE_BITS, ClassError, Classroom, Settings, join_link, normalize_code, qr_png, qr_svg
from classroom.codes import digest
from classroom.db import make_engine
from classroom.schema import VERSION_TABLE, actions, answers, classes, members, metadata, polls, posts
from classroom.text import clean
from tests.conftest import at_once
from tests.postgres_server import free_port, postgres_server, postgres_url  # noqa: F401 (fixtures)

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test sets: ``clock()`` is the current time, ``advance(...)`` moves it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'classroom.sqlite3'}"
    return request.getfixturevalue("postgres_server").create_database()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_room(database_url, clock):
    """Build Classrooms on the test's database (closed at the end)."""
    rooms = []

    def make(**kwargs) -> Classroom:
        options = {key: kwargs.pop(key) for key in list(kwargs) if key in ("is_allowed",)}
        room = Classroom(Settings(database_url=database_url, **kwargs), clock=clock, **options)
        rooms.append(room)
        return room

    yield make
    for room in rooms:
        room.close()


@pytest.fixture
def room(make_room) -> Classroom:
    return make_room()


def reason(call, *args, **kwargs) -> str:
    """The ClassError reason raised by ``call(*args)`` (the test fails if it returns)."""
    with pytest.raises(ClassError) as caught:
        call(*args, **kwargs)
    return caught.value.reason


def count(database_url: str, table, **where) -> int:
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            stmt = select(func.count()).select_from(table)
            for column, value in where.items():
                stmt = stmt.where(table.c[column] == value)
            return connection.execute(stmt).scalar_one()
    finally:
        engine.dispose()


# ------------------------------------------------------------------ codes, joining, expiry


def test_join_by_code_in_any_spelling(room):
    started = room.start_class()
    assert len(started.code) == 8 and set(started.code) <= set(ALPHABET)
    for typed in (started.code, started.code.lower(), f" {started.code[:4]}-{started.code[4:]} "):
        member = room.join(typed, nickname="Ana")
        assert member.code == started.code and member.nickname == "Ana" and len(member.member_token) >= 32
    assert room.class_info(started.code, started.teacher_secret).members == 3
    assert room.join(started.code).nickname is None  # the nickname is optional


def test_secrets_are_stored_only_as_hashes(room, database_url):
    started = room.start_class()
    member = room.join(started.code)
    engine = make_engine(database_url)
    with engine.connect() as connection:
        stored = connection.execute(select(classes.c.secret_hash)).scalar_one()
        token = connection.execute(select(members.c.token_hash)).scalar_one()
    engine.dispose()
    assert stored == digest(started.teacher_secret) != started.teacher_secret
    assert token == digest(member.member_token) != member.member_token


def test_code_alphabet_and_entropy():
    assert len(ALPHABET) == 32 and not set("0O1I") & set(ALPHABET) and CODE_BITS == 40
    assert normalize_code("abcd-efgh") == "ABCDEFGH"
    assert normalize_code("ABCD0FGH") is None and normalize_code("ABC") is None and normalize_code(None) is None


@pytest.mark.parametrize("typed", ["ZZZZZZZZ", "hello", "", "ABCD-EFGH-JKLM", "<script>", "' OR 1=1 --"])
def test_wrong_code_is_unknown(room, typed):
    room.start_class()
    assert reason(room.join, typed) == "unknown_code"


def test_expired_and_closed_classes(room, clock):
    started = room.start_class()
    member = room.join(started.code)
    assert started.expires_at == START + timedelta(hours=3)
    clock.advance(hours=3)
    assert reason(room.join, started.code) == "expired"
    assert reason(room.view_since, started.code, member.member_token) == "expired"
    assert reason(room.publish_view, started.code, started.teacher_secret, {"step": 2}) == "expired"

    short = room.start_class(hours=0.5)
    assert short.expires_at == clock.now + timedelta(minutes=30)
    room.close_class(short.code, short.teacher_secret)
    assert reason(room.join, short.code) == "closed"


def test_class_hours_from_environment():
    assert Settings.from_env({"RNNLAB_CLASS_HOURS": "2"}).class_duration == timedelta(hours=2)
    assert Settings.from_env({"RNNLAB_CLASS_HOURS": "x"}).class_hours == 3.0
    assert Settings.from_env({"RNNLAB_CLASS_HOURS": "1000"}).class_hours == 24.0
    assert Settings.from_env({"RNNLAB_DATABASE_URL": "sqlite:////tmp/x.db"}).database_url == "sqlite:////tmp/x.db"
    assert Settings.from_env({}).database_url.endswith("build/classroom.sqlite3")


# ------------------------------------------------------------------ who may do what


def test_student_cannot_do_teacher_actions(room):
    started = room.start_class()
    other = room.start_class()
    token = room.join(started.code).member_token
    post_id = room.post(started.code, token, "a sentence")
    room.open_poll(started.code, started.teacher_secret, "q1", ["a", "b"])
    for wrong in (token, other.teacher_secret, "", "x" * 10_000, None):
        assert reason(room.publish_view, started.code, wrong, {"step": 9}) == "not_teacher"
        assert reason(room.open_poll, started.code, wrong, "q2", ["a", "b"]) == "not_teacher"
        assert reason(room.reveal_poll, started.code, wrong, "q1") == "not_teacher"
        assert reason(room.close_poll, started.code, wrong, "q1") == "not_teacher"
        assert reason(room.hide_post, started.code, wrong, post_id) == "not_teacher"
        assert reason(room.pick_post, started.code, wrong, post_id) == "not_teacher"
        assert reason(room.class_info, started.code, wrong) == "not_teacher"
        assert reason(room.close_class, started.code, wrong) == "not_teacher"
    update = room.view_since(started.code, token)
    assert update.view == {} and update.poll.state == "open"  # nothing the student tried took effect


def test_class_is_visible_only_to_its_members(room):
    started = room.start_class()
    other = room.start_class()
    outsider = room.join(other.code).member_token
    for call in (room.view_since, room.poll, room.wall):
        assert reason(call, started.code, outsider) == "not_member"
        assert reason(call, started.code, "guess") == "not_member"
    assert reason(room.answer, started.code, other.teacher_secret, "q", "a") == "not_member"
    assert reason(room.post, started.code, outsider, "hi") == "not_member"


# ------------------------------------------------------------------ following the teacher


def test_view_since_returns_only_changes(room):
    started = room.start_class()
    token = room.join(started.code).member_token
    first = room.view_since(started.code, token)
    assert first.version == 0 and first.view == {} and first.poll is None
    assert room.view_since(started.code, token, 0) is None
    view = {"page": "gates", "sentence": "영화가 좋았다", "step": 3, "lang": "ko", "present": True, "rho": 0.9}
    version = room.publish_view(started.code, started.teacher_secret, view)
    assert version == 1
    assert room.view_since(started.code, token, 0).view == view
    assert room.view_since(started.code, token, 1) is None
    assert room.view_since(started.code, started.teacher_secret, 0).view == view  # the teacher may read too


@pytest.mark.parametrize("view,why", [
    ({"sentence": "x" * 3000}, "too_long"),
    ({f"k{i}": "x" * 30 for i in range(60)}, "too_long"),
    ({"page": ["a", "list"]}, "invalid"),
    ({"bad key": 1}, "invalid"),
    ({"rho": float("nan")}, "invalid"),
    ("page=gates", "invalid"),
])
def test_published_view_is_small_flat_json(room, view, why):
    started = room.start_class()
    assert reason(room.publish_view, started.code, started.teacher_secret, view) == why


# ------------------------------------------------------------------ polls


def test_every_answer_counted_once(room):
    started = room.start_class()
    secret = started.teacher_secret
    tokens = [room.join(started.code).member_token for _ in range(3)]
    assert reason(room.answer, started.code, tokens[0], "q1", "a") == "no_poll"
    room.open_poll(started.code, secret, "q1", ["a", "b", "c"])
    room.answer(started.code, tokens[0], "q1", "a")
    room.answer(started.code, tokens[0], "q1", "b")  # changed their mind: replaces, not added
    room.answer(started.code, tokens[0], "q1", "b")
    room.answer(started.code, tokens[1], "q1", "b")
    room.answer(started.code, tokens[2], "q1", "c")
    assert reason(room.answer, started.code, tokens[2], "q1", "z") == "invalid"
    assert reason(room.answer, started.code, tokens[2], "q9", "a") == "no_poll"

    before = room.poll(started.code, secret)
    assert before.answered == 3 and before.counts is None and before.state == "open"
    assert room.poll(started.code, tokens[0]).my_answer == "b"
    revealed = room.reveal_poll(started.code, secret, "q1")
    assert revealed.counts == {"a": 0, "b": 2, "c": 1} and revealed.answered == 3
    assert room.view_since(started.code, tokens[1]).poll.counts == {"a": 0, "b": 2, "c": 1}
    assert reason(room.answer, started.code, tokens[0], "q1", "a") == "poll_closed"

    room.open_poll(started.code, secret, "q2", ["yes", "no"])  # a new question closes the old one
    assert room.poll(started.code, tokens[0]).question_id == "q2"
    room.open_poll(started.code, secret, "q1", ["a", "b", "c"])  # re-opening starts afresh
    assert room.poll(started.code, secret).answered == 0
    room.close_poll(started.code, secret, "q1")
    assert room.poll(started.code, tokens[0]) is None
    assert reason(room.reveal_poll, started.code, secret, "q1") == "no_poll"


@pytest.mark.parametrize("options", [["a"], ["a", "a"], [f"o{i}" for i in range(13)], ["a b", "c"], "ab", [1, 2]])
def test_poll_options_are_validated(room, options):
    started = room.start_class()
    assert reason(room.open_poll, started.code, started.teacher_secret, "q1", options) == "invalid"


def test_thirty_students_answering_at_once_are_counted_once_each(room):
    started = room.start_class()
    tokens = [room.join(started.code, nickname=f"s{i}").member_token for i in range(30)]
    room.open_poll(started.code, started.teacher_secret, "q1", ["a", "b"])
    barrier = threading.Barrier(30)
    errors = []

    def student(index: int) -> None:
        try:
            barrier.wait()
            room.answer(started.code, tokens[index], "q1", "a")
            room.answer(started.code, tokens[index], "q1", "b" if index % 3 == 0 else "a")
        except Exception as exc:  # noqa: BLE001 - any failure is reported below
            errors.append(exc)

    at_once(student, 30, timeout=60)
    assert not errors, errors
    result = room.reveal_poll(started.code, started.teacher_secret, "q1")
    assert result.answered == 30 and result.counts == {"a": 20, "b": 10}


# ------------------------------------------------------------------ wall


def test_wall_newest_first_bounded_hide_and_pick(room, clock):
    started = room.start_class()
    secret = started.teacher_secret
    me = room.join(started.code, nickname="Min").member_token
    you = room.join(started.code).member_token
    ids = []
    for i in range(4):
        ids.append(room.post(started.code, me if i % 2 else you, f"sentence {i}"))
        clock.advance(seconds=20)
    wall = room.wall(started.code, me)
    assert [post.text for post in wall] == ["sentence 3", "sentence 2", "sentence 1", "sentence 0"]
    assert [post.mine for post in wall] == [True, False, True, False] and wall[0].nickname == "Min"
    assert [post.id for post in room.wall(started.code, secret, limit=2)] == ids[:1:-1]

    room.hide_post(started.code, secret, ids[2])
    assert "sentence 2" not in [post.text for post in room.wall(started.code, you)]
    assert [post.hidden for post in room.wall(started.code, secret)] == [False, True, False, False]

    version = room.pick_post(started.code, secret, ids[1])
    update = room.view_since(started.code, you, version - 1)
    assert update.version == version and update.view["sentence"] == "sentence 1"

    other = room.start_class()
    stranger = room.post(other.code, room.join(other.code).member_token, "elsewhere")
    assert reason(room.hide_post, started.code, secret, stranger) == "not_found"
    assert reason(room.pick_post, started.code, secret, 10**9) == "not_found"


def test_flood_of_answers_and_posts_is_rate_limited(make_room, clock):
    room = make_room(answers_per_minute=20, posts_per_minute=5)
    started = room.start_class()
    flooder = room.join(started.code).member_token
    calm = room.join(started.code).member_token
    room.open_poll(started.code, started.teacher_secret, "q1", ["a", "b"])
    for i in range(20):
        room.answer(started.code, flooder, "q1", "ab"[i % 2])
    assert reason(room.answer, started.code, flooder, "q1", "a") == "rate_limited"
    for i in range(5):
        room.post(started.code, flooder, f"post {i}")
    assert reason(room.post, started.code, flooder, "one more") == "rate_limited"
    room.answer(started.code, calm, "q1", "a")  # the limit is per member
    room.post(started.code, calm, "hello")
    assert room.poll(started.code, started.teacher_secret).answered == 2
    assert len(room.wall(started.code, started.teacher_secret)) == 6
    clock.advance(seconds=61)  # a sliding minute later
    room.answer(started.code, flooder, "q1", "a")
    room.post(started.code, flooder, "again")


def test_wall_and_class_size_caps(make_room):
    room = make_room(max_members=3, max_posts=2)
    started = room.start_class()
    tokens = [room.join(started.code).member_token for _ in range(3)]
    assert reason(room.join, started.code) == "class_full"
    room.post(started.code, tokens[0], "one")
    room.post(started.code, tokens[1], "two")
    assert reason(room.post, started.code, tokens[2], "three") == "wall_full"


# ------------------------------------------------------------------ hostile text


HTML = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_html_and_long_text_stay_plain_and_bounded(room):
    started = room.start_class()
    assert room.join(started.code, nickname="<b>Kim</b>").nickname == "<b>Kim</b>"  # stored as typed: plain text
    assert room.join(started.code, nickname="\x00Lee\x1b[31m\u202e\n ").nickname == "Lee [31m"
    assert room.join(started.code, nickname="가" * 24).nickname == "가" * 24
    assert room.join(started.code, nickname="\u1100\u1161").nickname == "가"  # jamo composed (NFC)
    for nickname in ("가" * 25, "x" * 100_000, HTML):
        assert reason(room.join, started.code, nickname=nickname) == "too_long"
    assert reason(room.join, started.code, nickname=42) == "invalid"
    token = room.join(started.code, nickname="   ").member_token  # blank nickname: none
    room.post(started.code, token, HTML[:200])
    room.post(started.code, token, "영" * 200)
    assert [post.text for post in room.wall(started.code, token)] == ["영" * 200, HTML[:200]]
    for text, why in (("x" * 201, "too_long"), ("word " * 50_000, "too_long"), (" \n\t\x00", "empty"), (None, "invalid")):
        assert reason(room.post, started.code, token, text) == why


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=400))
def test_cleaned_text_is_one_bounded_line_without_controls(raw):
    try:
        text = clean(raw, 200)
    except ClassError as error:
        assert error.reason in ("too_long", "empty")
        return
    assert 0 < len(text) <= 200 and text == text.strip()
    assert not any(unicodedata.category(ch) == "Cc" for ch in text) and "\u202e" not in text


def test_filter_hook_hides_from_the_class(make_room):
    def is_allowed(text: str) -> bool:
        if "boom" in text:
            raise RuntimeError("filter bug")
        return "rude" not in text.lower()

    room = make_room(is_allowed=is_allowed)
    started = room.start_class()
    assert reason(room.join, started.code, nickname="Rude Bob") == "not_allowed"
    token = room.join(started.code, nickname="Bo").member_token
    rude = room.post(started.code, token, "a RUDE sentence")
    room.post(started.code, token, "boom")  # the filter raises: treated as not allowed
    room.post(started.code, token, "a kind sentence")
    assert [post.text for post in room.wall(started.code, token)] == ["a kind sentence"]
    teacher_view = room.wall(started.code, started.teacher_secret)
    assert [post.allowed for post in teacher_view] == [True, False, False]
    assert reason(room.pick_post, started.code, started.teacher_secret, rude) == "not_allowed"


# ------------------------------------------------------------------ purge


def test_purge_deletes_ended_classes_and_all_their_rows(room, clock, database_url):
    ended = room.start_class(hours=1)
    closed = room.start_class(hours=5)
    live = room.start_class(hours=5)
    for started in (ended, closed, live):
        token = room.join(started.code, nickname="n").member_token
        room.open_poll(started.code, started.teacher_secret, "q", ["a", "b"])
        room.answer(started.code, token, "q", "a")
        room.post(started.code, token, "text")
    room.close_class(closed.code, closed.teacher_secret)
    assert room.purge_expired(clock.now) == 0  # nothing ended an hour (purge_after) ago yet
    clock.advance(hours=2, seconds=1)  # ended: expired 1 h + 1 s ago; closed: 2 h ago
    assert room.purge_expired(clock.now) == 2
    assert reason(room.join, ended.code) == "unknown_code"
    assert reason(room.join, closed.code) == "unknown_code"
    for table in (classes, polls, posts):
        assert count(database_url, table) == 1
    assert count(database_url, members) == 1
    assert count(database_url, answers) == 1
    assert count(database_url, actions) == 0  # the rate log older than a minute is gone too
    clock.advance(hours=4)
    room.start_class()  # starting a class purges as well
    assert reason(room.join, live.code) == "unknown_code"


# ------------------------------------------------------------------ database trouble and schema


def test_schema_is_migrated_once_and_matches_schema_module(make_room, database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    first, second = make_room(), make_room()
    started = first.start_class()
    assert second.join(started.code)  # the second process sees the same, already migrated, database
    engine = make_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def test_sqlite_locked_database_is_database_down_quickly(tmp_path, clock):
    import sqlite3

    path = tmp_path / "locked.sqlite3"
    room = Classroom(Settings(database_url=f"sqlite:///{path}"), clock=clock)
    started = room.start_class()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        began = time.monotonic()
        assert reason(room.post, started.code, "t", "x") == "database_down"
        assert time.monotonic() - began < 6
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert room.join(started.code)  # and works again once the lock is gone
    room.close()


@pytest.mark.parametrize("url", ["postgresql+psycopg://nobody@127.0.0.1:{port}/none", "mysql://u@h/db", "::not a url::"])
def test_unreachable_or_bad_database_is_database_down(url, clock):
    room = Classroom(Settings(database_url=url.format(port=free_port())), clock=clock)
    began = time.monotonic()
    assert reason(room.start_class) == "database_down"
    assert reason(room.join, "ABCDEFGH") == "database_down"  # retried, still down
    assert time.monotonic() - began < 6
    room.close()


def test_postgres_stopped_mid_class_is_database_down(postgres_server, clock):  # noqa: F811 (the fixture)
    room = Classroom(Settings(database_url=postgres_server.create_database()), clock=clock)
    started = room.start_class()
    token = room.join(started.code).member_token
    room.view_since(started.code, token)
    postgres_server.stop()
    try:
        began = time.monotonic()
        assert reason(room.view_since, started.code, token) == "database_down"
        assert reason(room.post, started.code, token, "hello") == "database_down"
        assert time.monotonic() - began < 6
    finally:
        postgres_server.start()
    assert room.view_since(started.code, token).version == 0  # back when the server is
    room.close()


# ------------------------------------------------------------------ join link and QR


def test_join_link_prefers_public_url_and_flags_localhost():
    link = join_link("k7qm-3xpa", browser_url="http://localhost:8501/gates?lang=ko", public_url="https://rnn.example.org/lab")
    assert link.url == "https://rnn.example.org/lab?class=K7QM3XPA" and not link.local
    local = join_link("K7QM3XPA", browser_url="http://127.0.0.1:8501/?lang=ko#top")
    assert local.url == "http://127.0.0.1:8501/?class=K7QM3XPA" and local.local
    assert not join_link("K7QM3XPA", browser_url="http://192.168.0.7:8501").local
    for bad in ({"browser_url": None}, {"browser_url": "javascript:alert(1)"}, {"public_url": "rnn.example.org"}):
        assert reason(join_link, "K7QM3XPA", **bad) == "invalid"
    assert reason(join_link, "nope", browser_url="https://x.org") == "invalid"


def test_qr_code_svg_and_png():
    url = "https://rnn.example.org/?class=K7QM3XPA"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert qr_png(url).startswith(b"\x89PNG\r\n\x1a\n")
