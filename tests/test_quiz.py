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
        assert any(f"The answer: {D * (d + D + 1)}." in w.value for w in at.warning)


def test_gradient_question_asks_about_a_spectral_radius_the_page_does_not_show():
    """At ρ = 2.5 (linear) the page shows an explosion; the question asks about ρ = 0.5, whose answer, recomputed
    from the toy network, is another fate (it vanishes), so it is a prediction, checked with the slider after."""
    from ui import compute_gradients as cg
    at = open_app("lessons/gradients.py", rho="2.5", act="linear")
    assert "**explodes**" in "\n".join(m.value for m in at.markdown)  # what the page shows
    q = quiz_radios(at)[0]
    assert str(q.label).startswith("If ρ were 0.5, the other settings as listed above")
    assert any(c.value.startswith("Asked at ρ = 2.50, linear, T = 60, D = 8, seed 0") for c in at.caption)
    norms = cg.gradient_lab(8, 60, 0.5, "linear", 0).walk.norms
    assert norms[20] < cg.VANISHED  # recomputed here: at ρ = 0.5 it vanishes
    q.set_value(q.options.index("it vanishes (below 0.01)")).run()
    assert any("Right." in s.value for s in at.success)
    assert not any("ρ > 1 alone" in s.value for s in at.success)  # asked about ρ = 0.5: nothing to tame
    quiz_radios(at)[0].set_value(q.options.index("it explodes (above 100)")).run()  # the page's own fate is wrong
    assert any("The answer: it vanishes" in w.value for w in at.warning)
    clip = quiz_radios(at)[1]
    assert "clipping its global norm to c = 0.5?" in str(clip.label)  # the slider shows c = 1: it asks another


def test_question_options_are_distinct_and_stable():
    q = question("How many?", "42", ["41", "42", "43", "41"], "because")
    assert sorted(q.options) == ["41", "42", "43"] and q.options[q.answer] == "42"
    assert question("How many?", "42", ["41", "43"], "because") == q  # the same order on every rerun


def test_gradient_questions_keep_their_numbers_while_the_learner_checks_them():
    """Lesson 5 asks at the settings it kept: moving ρ to the asked value (to check the answer) keeps the question
    and the answer picked, and the summary follows the slider; 'ask again' asks at the settings now."""
    from ui import compute_gradients as cg
    at = open_app("lessons/gradients.py")
    q1 = quiz_radios(at)[0]
    label = str(q1.label)
    assert label.startswith("If ρ were 1.5, the other settings as listed above")  # the default page vanishes
    right = {"vanish": "it vanishes (below 0.01)", "keep": "it stays between 0.01 and 100",
             "explode": "it explodes (above 100)"}[cg.fate(cg.gradient_lab(8, 60, 1.5, "tanh", 0).walk.norms).key]
    q1.set_value(q1.options.index(right)).run()
    tamed = "ρ > 1 alone does not make a gradient explode"  # said when ρ > 1 and a curved activation kept it tame
    assert any(tamed in s.value for s in at.success) == (right != "it explodes (above 100)")
    at.slider(key="grad_rho").set_value(1.5).run()  # reruns the toy lab and the summary, not the quiz
    assert not quiz_radios(at) and "ρ = 1.50" in "\n".join(m.value for m in at.markdown if m.value.startswith("- "))
    at.run()  # a full run (a sentence typed, say) asks the same
    assert str(quiz_radios(at)[0].label) == label and quiz_radios(at)[0].value is not None  # kept, answer and all
    assert any("Right." in s.value for s in at.success)
    assert any(c.value.startswith("Asked at ρ = 0.90, tanh") for c in at.caption)
    at.button(key="quiz_grad_again").click().run()
    assert str(quiz_radios(at)[0].label) != label and quiz_radios(at)[0].value is None  # asked afresh at ρ = 1.5
    assert any(c.value.startswith("Asked at ρ = 1.50, tanh") for c in at.caption)


def test_lesson_8s_questions_keep_their_numbers_while_the_learner_tries_the_settings():
    """Lesson 8 asks at the settings it kept: fewer units (a new run, another first-step norm) leave the questions
    as asked; 'ask again' asks at 4 units, with the norm of that run's first step."""
    from ui import playground as pg
    at = open_app("lessons/playground.py")
    q2 = str(quiz_radios(at)[1].label)
    assert any(c.value.startswith("Asked at: task “Remember the first symbol”, LSTM, 16 units") for c in at.caption)
    at.slider(key="pg_units").set_value(4).run()
    at.run()
    assert str(quiz_radios(at)[1].label) == q2
    at.button(key="quiz_play_again").click().run()
    assert any(c.value.startswith("Asked at: task “Remember the first symbol”, LSTM, 4 units") for c in at.caption)
    norm, _ = pg.first_step(pg.Settings(units=4))
    assert f"{norm:.3g}" in str(quiz_radios(at)[1].label) and str(quiz_radios(at)[1].label) != q2
