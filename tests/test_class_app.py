"""A live class through the real app (AppTest): a teacher and students, each their own session, one database.

Each test gets its own SQLite file (RNNLAB_DATABASE_URL); a teacher starts a class, students join by
code, follow the teacher's page, sentence and step, answer a poll the teacher reveals, and send sentences
to the wall that the teacher loads into a lesson. Also: wrong, expired and ended codes, and a database that
is down (the lessons keep working, with a message). AppTest never runs a fragment's timer, so a student's
``at.run()`` stands for the poller's next tick.
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import plotly.graph_objects as go
import pytest
from sqlalchemy import create_engine, update
from streamlit.testing.v1 import AppTest

from classroom import REASONS, ClassError
from classroom.schema import classes
from tests.conftest import ROOT
from ui.i18n import STRINGS

APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    monkeypatch.setenv("RNNLAB_DATABASE_URL", url)
    monkeypatch.setenv("RNNLAB_PUBLIC_URL", "https://rnnlab.example.org/")
    return url


def session(lang: str = "en", **params) -> AppTest:
    """A fresh browser session on the home page."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang=lang, **params)
    at.run()
    assert not at.exception, at.exception
    return at


def run(thing) -> AppTest:
    """Run an AppTest, or the AppTest of a widget just set or clicked; no exception box allowed."""
    at = thing.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.info, *at.warning, *at.error, *at.caption, *at.title, *at.subheader, *at.success,
             *at.text, *at.code, *at.get("html")]
    return "\n".join(str(e.value) for e in parts)


def start_class(lang: str = "en") -> tuple[AppTest, str]:
    teacher = session(lang)
    run(teacher.button(key="class_start").click())
    started = teacher.session_state["class_teacher"]
    return teacher, started.code


def join(code: str, nickname: str = "", lang: str = "en") -> AppTest:
    student = session(lang)
    student.text_input(key="class_join_code").set_value(code)
    student.text_input(key="class_join_name").set_value(nickname)
    run(student.button(key="class_join").click())
    assert "class_member" in student.session_state, texts(student)
    return student


def buttons(at: AppTest, prefix: str) -> list:
    return [b for b in at.button if str(b.key).startswith(prefix)]


def test_every_reason_has_a_message_in_both_languages():
    for reason in REASONS:
        english, korean = STRINGS[f"class.error.{reason}"]
        assert english and any("\uac00" <= ch <= "\ud7a3" for ch in korean), reason


def test_start_shows_code_link_and_qr_code():
    teacher, code = start_class()
    assert f"{code[:4]}-{code[4:]}" in texts(teacher)
    assert f"https://rnnlab.example.org/?class={code}" in texts(teacher)  # RNNLAB_PUBLIC_URL wins
    assert [image for image in teacher.get("image") if STRINGS["class.scan"][0] in image.captions]  # the QR code


def test_a_loopback_link_says_students_cannot_reach_it(monkeypatch):
    monkeypatch.delenv("RNNLAB_PUBLIC_URL")
    teacher = AppTest.from_file(APP, default_timeout=60)
    teacher.context = {"url": "http://127.0.0.1:8501/"}
    run(teacher)
    run(teacher.button(key="class_start").click())
    code = teacher.session_state["class_teacher"].code
    assert f"http://127.0.0.1:8501/?class={code}" in texts(teacher)
    assert STRINGS["class.local_link"][0] in texts(teacher)


def test_a_join_link_prefills_the_code_above_the_page():
    _, code = start_class()
    student = session("ko", **{"class": code.lower()})
    assert f"{code[:4]}-{code[4:]} 수업에 참여하기" in texts(student)
    student.text_input(key="class_join_name").set_value("민지")
    run(student.button(key="class_join_link").click())
    assert student.session_state["class_member"].nickname == "민지"
    assert student.toggle(key="class_follow").value is True


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_students_follow_the_teachers_page_sentence_and_step(lang):
    teacher, code = start_class(lang)
    first, second = join(code, "Ana", lang), join(code, lang=lang)
    teacher.switch_page("lessons/hidden_state.py")
    run(teacher)
    run(teacher.text_input(key="step_sentence").set_value("we watched it twice"))
    run(teacher.button(key="step_next").click())
    for student in (first, second):
        run(student)
        assert student.text_input(key="step_sentence").value == "we watched it twice"
        assert student.select_slider(key="step_t").value == 2
        assert student.session_state["lang"] == lang
    run(first.toggle(key="class_follow").set_value(False))  # explore alone...
    run(teacher.button(key="step_next").click())
    run(first)
    assert first.select_slider(key="step_t").value == 2
    run(first.toggle(key="class_follow").set_value(True))  # ...and come back with one tap
    assert first.select_slider(key="step_t").value == 3


def test_poll_answer_reveal_and_distribution():
    teacher, code = start_class()
    students = [join(code, f"s{k}") for k in range(3)]
    teacher.switch_page("lessons/hidden_state.py")
    run(teacher)
    ask = buttons(teacher, "class_ask_")
    assert len(ask) >= 3  # one beside every question
    qid = ask[0].key.removeprefix("class_ask_")
    run(ask[0].click())
    assert teacher.metric[0].value == "0"
    for k, student in enumerate(students):
        run(student)  # follows to the lesson, then sees the open question in a dialog
        options = buttons(student, f"class_dialog_{qid}_")
        assert len(options) >= 2, texts(student)
        run(options[k % 2].click())
        assert "Answer sent" in texts(student)
    run(teacher)
    assert teacher.metric[0].value == "3"
    run(teacher.button(key=f"class_reveal_{qid}").click())
    assert "The computed answer" in texts(teacher) and "How the class answered (3 answers)" in texts(teacher)
    run(students[0])
    assert "How the class answered (3 answers)" in texts(students[0])
    assert "Right." in texts(students[0]) or "Not quite" in texts(students[0])
    run(students[1])
    assert buttons(students[1], f"class_card_{qid}_") == []  # revealed: no more answers
    run(teacher.button(key=f"class_close_{qid}").click())
    assert buttons(teacher, "class_ask_")


def test_wall_posts_verdicts_and_load_into_a_lesson():
    teacher, code = start_class()
    student = join(code, "Bo")
    teacher.switch_page("lessons/class_wall.py")
    run(teacher)
    run(student)  # follows the teacher to the wall
    student.text_input(key="class_wall_text").set_value("not bad at all")
    student.radio(key="class_wall_expect").set_value("pos")
    run(student.button[[b.label for b in student.button].index("Send to the wall")].click())
    assert "Sent" in texts(student)
    run(teacher)
    assert "not bad at all" in [e.value for e in teacher.text]
    assert "SimpleRNN: " in texts(teacher) and "the sender says: positive" in texts(teacher)
    run(buttons(teacher, "class_load_")[0].click())  # into lesson 7, the default
    assert teacher.text_area(key="demo_text").value == "not bad at all"
    run(student)
    assert student.text_area(key="demo_text").value == "not bad at all"


def test_hidden_posts_leave_the_board_and_come_back():
    teacher, code = start_class()
    student = join(code)
    teacher.switch_page("lessons/class_wall.py")
    run(teacher)
    run(student)
    student.text_input(key="class_wall_text").set_value("<b>bold</b> **stars**")
    run(student.button[[b.label for b in student.button].index("Send to the wall")].click())
    run(teacher)
    assert "<b>bold</b> **stars**" in [e.value for e in teacher.text]  # plain text, as typed
    run(buttons(teacher, "class_hide_")[0].click())
    assert buttons(teacher, "class_load_") == [] and len(buttons(teacher, "class_unhide_")) == 1
    assert "Hidden by you: 1" in [e.label for e in teacher.expander]
    run(student)
    assert "<b>bold</b> **stars**" not in [e.value for e in student.text]  # gone from the students' wall too
    run(buttons(teacher, "class_unhide_")[0].click())
    assert len(buttons(teacher, "class_load_")) == 1


def test_wrong_code_and_refused_nickname_get_messages(monkeypatch):
    import ui.class_filter

    monkeypatch.setattr(ui.class_filter, "_shipped_filter", lambda text: "rude" not in text)
    _, code = start_class()
    student = session("ko")
    student.text_input(key="class_join_code").set_value("ZZZZ-ZZZZ")
    run(student.button(key="class_join").click())
    assert "이 코드로 열린 수업이 없습니다" in texts(student)
    student.text_input(key="class_join_code").set_value(code.lower())
    student.text_input(key="class_join_name").set_value("rude name")
    run(student.button(key="class_join").click())
    assert "수업 화면에 보여 줄 수 없는 말입니다" in texts(student)
    assert "class_member" not in student.session_state
    student.text_input(key="class_join_name").set_value("kind name")
    run(student.button(key="class_join").click())
    assert student.session_state["class_member"].nickname == "kind name"


def test_an_expired_class_ends_for_its_students(database):
    _, code = start_class()
    student = join(code)
    with create_engine(database).begin() as conn:
        conn.execute(update(classes).where(classes.c.code == code)
                     .values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    run(student)
    assert "class_member" not in student.session_state
    assert "its time ran out" in texts(student)
    late = session()
    late.text_input(key="class_join_code").set_value(code)
    run(late.button(key="class_join").click())
    assert "its time ran out" in texts(late)


def test_the_teacher_ends_the_class():
    teacher, code = start_class()
    student = join(code)
    run(teacher.button(key="class_end").click())
    assert "class_teacher" not in teacher.session_state
    run(student)
    assert "The teacher has ended this class" in texts(student)
    run(student.button(key="class_notice_ok").click())
    assert "ended this class" not in texts(student)


@pytest.mark.parametrize("url", ["postgresql+psycopg://rnnlab@127.0.0.1:9/rnnlab", "sqlite:////proc/none/x.sqlite3"])
def test_database_down_shows_a_message_and_the_lesson_still_works(monkeypatch, url):
    monkeypatch.setenv("RNNLAB_DATABASE_URL", url)
    at = session()
    run(at.button(key="class_start").click())
    assert "The class server can't be reached" in texts(at)
    at.text_input(key="class_join_code").set_value("ABCD-EFGH")
    run(at.button(key="class_join").click())
    assert "The class server can't be reached" in texts(at)
    at.switch_page("lessons/hidden_state.py")
    run(at)
    assert at.title[0].value == "One step of an RNN"


def test_database_down_during_a_class(monkeypatch):
    teacher, code = start_class()
    student = join(code)
    monkeypatch.setenv("RNNLAB_DATABASE_URL", "postgresql+psycopg://rnnlab@127.0.0.1:9/rnnlab")
    student.switch_page("lessons/hidden_state.py")
    run(student)
    assert "The class server can't be reached" in texts(student)
    assert student.title[0].value == "One step of an RNN"
    teacher.switch_page("lessons/text_to_vectors.py")
    run(teacher)
    assert "The class server can't be reached" in texts(teacher)


def test_view_values_survive_the_database_and_long_sentences_are_cut():
    from ui.classroom import pack, split_label, unpack, with_label

    for text in ("a quiet film\nloud and long", "50% off\tnow  twice", "영화 정말 %2F 재밌다", ""):
        assert unpack(pack(text)) == text and not any(ch.isspace() for ch in pack(text))
    assert split_label(with_label("not bad at all", "pos")) == ("not bad at all", "pos")
    assert split_label(with_label("meh", None)) == ("meh", None)


def test_poll_figure_draws_the_counts():
    from ui.class_polls import RIGHT, poll_figure

    figure = poll_figure(["<b>x</b>", "b", "c"], [3, 0, 1], 2, "students", big=True)
    go.Figure(figure)  # valid Plotly
    bar = figure.data[0]
    assert list(bar.x) == [3, 0, 1] and np.isfinite(bar.x).all()
    assert bar.y[0] == "&lt;b&gt;x&lt;/b&gt;" and bar.marker.color[2] == RIGHT


def test_class_errors_are_the_only_errors_the_ui_sees():
    from ui.classroom import call

    def broken():
        raise OSError("disk gone")

    with pytest.raises(ClassError) as caught:
        call(broken)
    assert caught.value.reason == "database_down"


def test_a_wall_probability_never_reads_as_certainty():
    """p(positive) that rounds to 0 or 1 is written <0.01 or >0.99; the rest with two decimals."""
    from ui.class_wall import probability_text

    assert [probability_text(p) for p in (0.0, 0.0049, 0.005, 0.5, 0.9949, 0.995, 1.0)] == \
        ["<0.01", "<0.01", "0.01", "0.50", "0.99", ">0.99", ">0.99"]
