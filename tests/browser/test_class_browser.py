"""A live class in real browsers: a teacher (a 1280x720 projector) and two students (390x844 phones), each in
its own browser context, in both languages.

The students join (one by the link shown on the projector, one by typing the code), follow the teacher to a
lesson, a sentence and a step, answer a class poll the teacher reveals, send sentences to the wall, and follow
the teacher when one of them is loaded into a lesson. Once on the default SQLite database behind one server,
once through nginx in front of two replicas sharing a PostgreSQL started by the test (the first student is
placed on the other replica than the teacher's). Screenshots: build/screenshots/class-*.png.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager

import pytest

from deploy.replicas import find_nginx, load_balanced, streamlit_server
from tests.browser.conftest import SHOTS, settle, shot
from tests.postgres_server import postgres_server  # noqa: F401 (fixture)
from ui.i18n import STRINGS

PROJECTOR, PHONE = (1280, 720), (390, 844)
WAIT = 40_000  # ms: following is a one-second poll; this machine is shared with other work
ERRORS: dict[int, list[str]] = {}  # JavaScript errors by page, written beside a failure's screenshots
CODE = re.compile(r"\b([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})\b")
SENTENCES = {"en": ("we watched it twice", "not bad at all", "the plot was a mess"),
             "ko": ("우리는 그 영화를 두 번 봤다", "나쁘지 않았어요", "줄거리가 엉망이었다")}


def s(key: str, lang: str, **values) -> str:
    text = STRINGS[key][0 if lang == "en" else 1]
    return text.format(**values) if values else text


def warm(browser, url: str) -> None:
    """One visit to the home page after a start (see tests/browser/conftest.py's ``app``): the first session of a
    fresh server may not see its URL's values."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        settle(page)
    finally:
        context.close()


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory, browser):
    database = tmp_path_factory.mktemp("class") / "classroom.sqlite3"
    with streamlit_server(env={"RNNLAB_DATABASE_URL": f"sqlite:///{database}", "RNNLAB_PUBLIC_URL": ""}) as url:
        warm(browser, url)
        yield url


@contextmanager
def replicas_on_postgres(browser, server, monkeypatch):
    if find_nginx() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install nginx (.ci/run: apt-get install -y nginx)")
        pytest.skip("nginx is not installed (apt-get install -y nginx)")
    monkeypatch.setenv("RNNLAB_DATABASE_URL", server.create_database())  # every replica gets it
    monkeypatch.delenv("RNNLAB_PUBLIC_URL", raising=False)
    with load_balanced(2) as (url, replicas):
        for replica in replicas:  # each replica's first session, straight to it (nginx picks one at random)
            warm(browser, replica)
        yield url, replicas


def open_context(browser, url: str, size: tuple[int, int], lang: str = "en"):
    """A new browser context (its own cookies: its own session, on its own replica) at ``url``, its browser
    set to ``lang``; returns (context, page, the replica that answered the first request)."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, is_mobile=size == PHONE,
                                  has_touch=size == PHONE, locale="ko-KR" if lang == "ko" else "en-US")
    page = context.new_page()
    answered = []
    page.on("response", lambda r: answered.append(r.headers.get("x-rnnlab-replica", "")))
    page.goto(url, wait_until="domcontentloaded")
    settle(page)
    page.on("dialog", lambda d: d.dismiss())
    page.on("pageerror", lambda error: ERRORS.setdefault(id(page), []).append(str(error)))
    page.on("console", lambda m: m.type == "error" and ERRORS.setdefault(id(page), []).append(m.text[:300]))
    return context, page, answered[0] if answered else ""


def press(page, button, then, tries: int = 3) -> None:
    """Click ``button`` once the page is idle and wait for ``then`` (a locator) to show. A click that lands while
    a timed fragment (the link box, the class poller) is being redrawn can be dropped by the browser, as a person
    would see: nothing happened. Like that person, click once more (at most ``tries`` times)."""
    for attempt in range(tries):
        settle(page)
        button.click()
        try:
            then.wait_for(timeout=WAIT // 4 if attempt < tries - 1 else WAIT)
            return
        except Exception:
            if attempt == tries - 1 or not button.is_visible():
                raise


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def start_class(page, lang: str) -> tuple[str, str]:
    """The teacher starts a class from the sidebar; returns (code, join link) as the projector shows them."""
    page.get_by_text(s("class.title", lang), exact=True).click()
    dialog = page.get_by_role("dialog")
    press(page, page.get_by_role("button", name=s("class.start", lang)), dialog.get_by_text(s("class.scan", lang)))
    text = dialog.inner_text()
    code, link = CODE.search(text).group(1), re.search(r"https?://\S+\?class=\w+", text).group(0)
    return code, link


def join_by_link(page, lang: str, nickname: str) -> None:
    page.get_by_role("textbox", name=s("class.nickname", lang)).fill(nickname)
    press(page, page.get_by_role("button", name=s("class.join", lang)),
          page.get_by_role("switch", name=s("class.follow", lang), checked=True))


def following(page, lang: str) -> None:
    """Wait until the student's class bar shows "Follow the teacher" switched on."""
    page.get_by_role("switch", name=s("class.follow", lang), checked=True).wait_for(timeout=WAIT)


def join_by_code(page, lang: str, code: str) -> None:
    """On a phone: open the sidebar, the Live class box, type the code (no nickname) and join."""
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.get_by_text(s("class.title", lang), exact=True).click()
    page.get_by_role("textbox", name=s("class.code", lang)).fill(code.lower())
    page.get_by_role("textbox", name=s("class.code", lang)).press("Enter")
    press(page, page.get_by_role("button", name=s("class.join", lang)),
          page.get_by_text(s("class.member_of", lang, code=code)))
    page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    settle(page)
    following(page, lang)


def arrive(page, heading: str) -> None:
    """Wait for a following student's phone to show the page titled ``heading``, with its body drawn. (A phone
    once went blank here: a timed fragment's rerun under the old page cleared the new one. ui.fragments redraws
    the page now; tests/test_protocol.py plays that race exactly.)"""
    page.get_by_role("heading", name=heading).wait_for(timeout=WAIT)


def go(page, title: str) -> None:
    """The teacher moves to another page with the sidebar's navigation (the session, and the class, stay)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
    settle(page)


def box_holds(page, text: str) -> None:
    page.wait_for_function("s => [...document.querySelectorAll('textarea, input')].some(e => e.value === s)", arg=text,
                           timeout=WAIT)


def class_together(browser, url: str, lang: str, shots: bool, replicas: dict | None = None) -> None:
    first_sentence, *wall = SENTENCES[lang]
    contexts = []
    try:
        teacher_context, teacher, teacher_replica = open_context(browser, f"{url}/?lang={lang}", PROJECTOR, lang)
        contexts.append(teacher_context)
        code, link = start_class(teacher, lang)
        if shots:
            shot(teacher, f"class-teacher-join-{lang}")
        teacher.keyboard.press("Escape")

        # the first student opens the projector's link (with replicas: until they land on another replica)
        for _ in range(12):
            context, ana, replica = open_context(browser, link, PHONE, lang)  # a phone in the class's language
            if replicas is None or replica != teacher_replica:
                break
            context.close()
        assert replicas is None or replica != teacher_replica, "no session reached the other replica"
        contexts.append(context)
        ana.get_by_text(s("class.join_title", lang, code=code)).wait_for(timeout=WAIT)
        if shots:
            shot(ana, f"class-student-join-{lang}")
        join_by_link(ana, lang, "Ana" if lang == "en" else "민지")
        context, bo, _ = open_context(browser, url, PHONE, lang)
        contexts.append(context)
        join_by_code(bo, lang, code)
        students = (ana, bo)

        # follow the teacher: page, sentence, step
        go(teacher, s("nav.hidden_state", lang))
        box = teacher.get_by_role("textbox", name=s("step.sentence", lang))
        box.fill(first_sentence)
        box.press("Enter")
        settle(teacher)
        teacher.get_by_role("button", name=s("steps.next", lang)).first.click()
        second_word = first_sentence.split()[1]
        step_title = s("step.figure", lang, t=2, word=second_word)
        teacher.get_by_text(step_title).wait_for(timeout=WAIT)
        for student in students:
            box_holds(student, first_sentence)
            student.get_by_text(step_title).wait_for(timeout=WAIT)
        if shots:
            shot(ana, f"class-student-lesson-{lang}")

        # a class poll: ask, answer on the phones, count, reveal
        press(teacher, teacher.get_by_role("button", name=s("class.ask", lang)).first,
              teacher.get_by_role("button", name=s("class.reveal", lang)))
        for k, student in enumerate(students):
            dialog = student.get_by_role("dialog")
            dialog.get_by_text(s("class.pick", lang)).wait_for(timeout=WAIT)
            press(student, dialog.locator('button[data-testid^="stBaseButton"]').nth(k),  # an option
                  dialog.get_by_text(s("class.sent", lang)))
        teacher.locator('[data-testid="stMetricValue"]', has_text="2").wait_for(timeout=WAIT)
        distribution = s("class.distribution", lang, n=2)
        press(teacher, teacher.get_by_role("button", name=s("class.reveal", lang)), teacher.get_by_text(distribution))
        for student in students:
            student.get_by_role("dialog").get_by_text(distribution).wait_for(timeout=WAIT)
        if shots:
            teacher.get_by_text(distribution).scroll_into_view_if_needed()
            settle(teacher)
            shot(teacher, f"class-teacher-poll-{lang}")
            shot(ana, f"class-student-poll-{lang}")
        teacher.get_by_role("button", name=s("class.close_poll", lang)).click()
        settle(teacher)
        for student in students:  # the poll's dialog closes on every phone before the teacher moves on
            student.get_by_role("dialog").wait_for(state="hidden", timeout=WAIT)
            settle(student)

        # the wall: the students follow the teacher there, send sentences; the teacher loads one
        go(teacher, s("nav.wall", lang))
        for student in students:
            arrive(student, s("wall.title", lang))
        for student, sentence, expected in zip(students, wall, ("quiz.positive", "quiz.negative")):
            field = student.get_by_role("textbox", name=s("wall.your_sentence", lang))
            field.fill(sentence)
            student.get_by_role("radiogroup").get_by_text(s(expected, lang), exact=True).click()
            press(student, student.get_by_role("button", name=s("wall.send", lang)), student.get_by_text(s("wall.sent", lang)))
        for sentence in wall:
            teacher.get_by_text(sentence, exact=True).wait_for(timeout=WAIT)
        teacher.get_by_text(s("wall.board", lang, n=2)).wait_for(timeout=WAIT)
        settle(teacher)
        if shots:
            shot(teacher, f"class-teacher-wall-{lang}")
            ana.get_by_text(wall[1], exact=True).wait_for(timeout=WAIT)
            settle(ana)
            shot(ana, f"class-student-wall-{lang}")
        teacher.get_by_role("button", name=s("wall.load", lang)).first.click()  # the newest: the second student's
        box_holds(teacher, wall[1])
        for student in students:
            box_holds(student, wall[1])
        for page in (teacher, *students):
            no_exception(page)
        if shots:
            settle(ana)
            shot(teacher, f"class-teacher-loaded-{lang}")
            shot(ana, f"class-student-loaded-{lang}")
    except Exception:
        for k, context in enumerate(contexts):  # what each screen showed when it went wrong
            for page in context.pages:
                try:
                    state = page.locator("[data-testid=stApp]").get_attribute("data-test-script-state", timeout=3000)
                    boxes = page.eval_on_selector_all("textarea, input", "es => es.map(e => e.value).filter(v => v)")
                    errors = sorted(set(ERRORS.get(id(page), [])))
                    shot(page, f"class-failed-{lang}-{k}").with_suffix(".txt").write_text(
                        f"{page.url}\nscript: {state}\nboxes: {boxes}\nerrors: {errors}\nmain: "
                        f"{page.inner_text('[data-testid=stMain]', timeout=3000)[:1500]}")
                except Exception as err:  # a screen that cannot even be read: say so, keep the first failure
                    (SHOTS / f"class-failed-{lang}-{k}.txt").write_text(
                        f"{page.url}\nunreadable: {err!r}"[:1000] + f"\nerrors: {ERRORS.get(id(page))}"[:3000])
                print(f"--- screen {k} ({('teacher', 'student 1', 'student 2')[min(k, 2)]}):",  # shown by pytest
                      (SHOTS / f"class-failed-{lang}-{k}.txt").read_text()[:1200])
        raise
    finally:
        for context in contexts:
            context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_class_together_on_sqlite(browser, sqlite_app, lang):
    class_together(browser, sqlite_app, lang, shots=True)


@pytest.mark.parametrize("lang", ["ko"])  # both languages run on SQLite above; through the replicas, Korean
def test_a_class_together_on_two_replicas_and_postgresql(browser, postgres_server, monkeypatch, lang):  # noqa: F811
    with replicas_on_postgres(browser, postgres_server, monkeypatch) as (url, replicas):
        class_together(browser, url, lang, shots=False, replicas=replicas)
