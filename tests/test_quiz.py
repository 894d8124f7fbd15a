"""Predict, then reveal: every lesson asks at least three questions, in both languages, with computed answers."""
from __future__ import annotations

import pytest

from tests.test_app_pages import open_app
from ui.pages import PAGES
from ui.quiz import question

LESSONS = [p.path for p in PAGES if p.lesson]


def quiz_radios(at):
    return [r for r in at.radio if str(r.key).startswith("quiz_")]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", LESSONS)
def test_every_lesson_asks_three_questions_and_reveals_after_an_answer(page, lang):
    at = open_app(page, lang=lang)
    radios = quiz_radios(at)
    assert len(radios) >= 3, page
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in r.label) == (lang == "ko") for r in radios)
    if lang == "ko":  # AppTest drops the sidebar's language after a page switch: answers are checked in English
        return
    before = len(at.warning) + len(at.success)
    for k in range(len(radios)):
        quiz_radios(at)[k].set_value(0).run()  # answer every question with its first option
    assert not at.exception
    assert len(at.warning) + len(at.success) >= before + len(radios)  # each answer revealed, right or wrong


def test_answers_follow_the_settings():
    """Lesson 3's parameter count is D(d + D + 1) for the sliders' current values, and a wrong pick says so."""
    at = open_app("lessons/hidden_state.py")
    for d, D in ((2, 5), (8, 1)):
        at.slider(key="step_d").set_value(d).run()
        at.slider(key="step_units").set_value(D).run()
        first = quiz_radios(at)[0]
        right = first.options.index(str(D * (d + D + 1)))
        first.set_value(right).run()
        assert any("Right." in s.value and f"= {d * D}" in s.value for s in at.success)
        quiz_radios(at)[0].set_value((right + 1) % len(first.options)).run()
        assert any(f"the answer is {D * (d + D + 1)}" in w.value for w in at.warning)


def test_gradient_question_follows_the_spectral_radius():
    at = open_app("lessons/gradients.py", rho="2.5", act="linear")
    assert "explodes" in str(quiz_radios(at)[0].label) or "explodes" in " ".join(quiz_radios(at)[0].options)
    q = quiz_radios(at)[0]
    q.set_value(q.options.index("it explodes (above 100)")).run()
    assert any("Right." in s.value for s in at.success)


def test_question_options_are_distinct_and_stable():
    q = question("How many?", "42", ["41", "42", "43", "41"], "because")
    assert sorted(q.options) == ["41", "42", "43"] and q.options[q.answer] == "42"
    assert question("How many?", "42", ["41", "43"], "because") == q  # the same order on every rerun
