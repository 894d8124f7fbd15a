"""A class of 30 answering a poll and posting to the wall, through the class store the app uses.

Each student makes the calls its page makes (classroom.Classroom.join, answer, post) from its own thread, as
the app's sessions run in threads of one server process; with ``replicas=2`` the students are split over two
processes sharing one PostgreSQL, as two replicas behind nginx are. The teacher's screen asks for the tally
every ui.classroom.TICK_S seconds, as its poll panel does, and the wall every ui.class_wall refresh. Measured:
the time from a student's answer (its call returning) to the first teacher tick that counts it, and the same
for a wall post. The Streamlit rerun around each call (tens of ms, see the lesson reruns) is not included.

    python -m bench classroom
"""
from __future__ import annotations

import multiprocessing as mp
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from bench.server import percentiles

STUDENTS = 30
THINK_S = (0.5, 4.0)  # a student reads the question, then taps an answer
OPTIONS = ["o0", "o1", "o2", "o3"]


def _room(database_url: str):
    from classroom import Classroom, Settings
    from ui.class_filter import is_allowed

    return Classroom(Settings(database_url=database_url, class_hours=1.0, public_url=None), is_allowed=is_allowed)


def _students(database_url: str, code: str, first: int, count: int, start_at: float, out) -> None:
    """``count`` students in threads of this process: join, think, answer, post; puts (answers, posts, errors)."""
    room = _room(database_url)
    answered, posted, errors = [], [], []

    def one(k: int) -> None:
        rng = np.random.default_rng(k)
        try:
            member = room.join(code, f"student {k}")
            time.sleep(max(0.0, start_at - time.time()) + rng.uniform(*THINK_S))
            room.answer(code, member.member_token, "q1", OPTIONS[k % len(OPTIONS)])
            answered.append(time.time())
            time.sleep(rng.uniform(*THINK_S))
            post_id = room.post(code, member.member_token, f"sentence number {k} was not bad at all")
            posted.append((post_id, time.time()))
        except Exception as err:  # counted, never hidden
            errors.append(f"{type(err).__name__}: {err}"[:200])

    threads = [threading.Thread(target=one, args=(k,)) for k in range(first, first + count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    room.close()
    out.put((answered, posted, errors))


def run_class(database_url: str, replicas: int = 1) -> dict:
    """One class of STUDENTS on ``database_url``, the students split over ``replicas`` processes."""
    from ui.class_wall import TEACHER_REFRESH_S as REFRESH_S
    from ui.classroom import TICK_S

    teacher = _room(database_url)
    started = teacher.start_class()
    code, secret = started.code, started.teacher_secret
    teacher.open_poll(code, secret, "q1", OPTIONS)
    start_at = time.time() + 3.0  # every process has joined its students by then
    queue = mp.get_context("spawn").Queue() if replicas > 1 else _LocalQueue()
    share = [STUDENTS // replicas + (r < STUDENTS % replicas) for r in range(replicas)]
    firsts = np.cumsum([0, *share[:-1]])
    if replicas > 1:
        workers = [mp.get_context("spawn").Process(target=_students, args=(database_url, code, int(f), n, start_at,
                                                                           queue)) for f, n in zip(firsts, share)]
        for worker in workers:
            worker.start()
    else:
        workers = [threading.Thread(target=_students, args=(database_url, code, 0, STUDENTS, start_at, queue))]
        workers[0].start()
    tallies, walls, deadline = [], {}, start_at + 2 * THINK_S[1] + 20
    next_wall = 0.0
    while time.time() < deadline:
        now = time.time()
        tallies.append((now, teacher.poll(code, secret).answered))
        if now >= next_wall:
            for post in teacher.wall(code, secret):
                walls.setdefault(post.id, now)
            next_wall = now + REFRESH_S
        if tallies[-1][1] >= STUDENTS and len(walls) >= STUDENTS:
            break
        time.sleep(TICK_S)
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    answered = sorted(t for r in results for t in r[0])
    posted = [p for r in results for p in r[1]]
    errors = [e for r in results for e in r[2]]
    answer_s = []
    for rank, at in enumerate(answered, start=1):  # the rank-th answer shows once the tally reaches rank
        seen = next((t for t, n in tallies if n >= rank and t >= at), None)
        if seen is not None:
            answer_s.append(seen - at)
    post_s = [walls[post_id] - at for post_id, at in posted if post_id in walls and walls[post_id] >= at]
    final = teacher.reveal_poll(code, secret, "q1")
    teacher.close()
    return {"students": STUDENTS, "replicas": replicas, "teacher_tick_s": TICK_S, "wall_refresh_s": REFRESH_S,
            "answers_counted": final.answered, "answers_sent": len(answered),
            "every_answer_counted_once": final.answered == len(answered) == STUDENTS
            and sum(final.counts.values()) == STUDENTS,
            "answer_to_teacher_tally": percentiles(answer_s or [float("nan")]),
            "answers_seen": len(answer_s),
            "post_to_teacher_wall": percentiles(post_s or [float("nan")]), "posts_seen": len(post_s),
            "errors": len(errors), "error_samples": errors[:3]}


class _LocalQueue:
    """The one-process run's stand-in for a multiprocessing queue."""

    def __init__(self) -> None:
        self.items = []
        self.ready = threading.Condition()

    def put(self, item) -> None:
        with self.ready:
            self.items.append(item)
            self.ready.notify()

    def get(self, timeout: float):
        with self.ready:
            self.ready.wait_for(lambda: self.items, timeout=timeout)
            return self.items.pop(0)


def run() -> dict:
    """One process on SQLite (the default), then two processes on a PostgreSQL started here (if installed)."""
    report = {}
    with tempfile.TemporaryDirectory() as folder:
        report["one_process_sqlite"] = run_class(f"sqlite:///{Path(folder) / 'classroom.sqlite3'}", replicas=1)
    from tests.postgres_server import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        report["two_replicas_postgresql"] = "skipped: PostgreSQL binaries not installed"
        return report
    server = PostgresServer(bindir)
    try:
        server.start()
        report["two_replicas_postgresql"] = run_class(server.create_database(), replicas=2)
    finally:
        server.close()
    return report
