"""Guided steps (ui/stepper.py) on every lesson that unfolds over time: Previous / Next, the counter, the URL."""
from __future__ import annotations

import pytest

from tests.test_app_pages import open_app, texts

STEPPED = {  # page: (stepper key, URL values, counter text at step 2, counter text at step 3)
    "lessons/hidden_state.py": ("step", {"sentence": "the movie is fun"}, "Step t = 2", "Step t = 3"),
    "lessons/unrolled.py": ("unroll", {"sentence": "the movie was not fun."}, "Step 2 of 5", "Step 3 of 5"),
    "lessons/gradients.py": ("grad_k", {"steps": "30"}, "2 steps back", "3 steps back"),
    "lessons/gates.py": ("gates_LSTM", {"sentence": "the story was slow but the ending was wonderful"},
                       "Word 2 of 9", "Word 3 of 9"),
}


@pytest.mark.parametrize("page", STEPPED)
def test_previous_and_next_move_the_step_and_the_link(page):
    key, params, second, third = STEPPED[page]
    at = open_app(page, step="2", k="2", **params)
    assert at.select_slider(key=f"{key}_t").value == 2 and second in texts(at)
    at.button(key=f"{key}_next").click().run()
    assert at.select_slider(key=f"{key}_t").value == 3 and third in texts(at)
    assert at.query_params["k" if key == "grad_k" else "step"] in (["3"], "3")
    at.button(key=f"{key}_prev").click().run()
    at.button(key=f"{key}_prev").click().run()
    assert at.select_slider(key=f"{key}_t").value == 1 and at.button(key=f"{key}_prev").disabled
    assert not at.exception


@pytest.mark.parametrize("page", STEPPED)
def test_autoplay_starts_and_stops_without_error(page):
    key, params, *_ = STEPPED[page]
    at = open_app(page, **params)
    at.toggle(key=f"{key}_playing").set_value(True).run()
    assert not at.exception and at.toggle(key=f"{key}_playing").value
    at.toggle(key=f"{key}_playing").set_value(False).run()
    assert not at.exception
