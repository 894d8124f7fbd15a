"""Two students at once: each session keeps its own sentence and settings, shared caches stay read-only."""
from __future__ import annotations

import hashlib

import numpy as np

from tests.test_app_pages import open_app, texts
from ui.models import sentiment_model


def weights_digest(name: str) -> str:
    """sha256 over every array of the cached NumPy model: changes if any session wrote into it."""
    model = sentiment_model(name)
    arrays = [v for layer in model.network.layers for v in vars(layer).values() if isinstance(v, np.ndarray)]
    arrays += [v for layer in model.network.layers for part in vars(layer).values() if hasattr(part, "__dict__")
               for v in vars(part).values() if isinstance(v, np.ndarray)]
    assert len(arrays) >= 4  # embedding, kernel, recurrent kernel, bias, dense...
    digest = hashlib.sha256()
    for array in arrays:
        digest.update(array.tobytes())
    return digest.hexdigest()


def test_interleaved_sessions_keep_their_own_state():
    """Two sessions alive at once, taking turns (AppTest runs one script at a time; the browser suite
    has the truly concurrent version): neither sees the other's sentence or unit; the model is only read."""
    before = weights_digest("en-lstm")
    students = {"wonderful": (open_app(), 3), "dreadful": (open_app(), 7)}
    for round_ in range(2):
        for word, (at, unit) in students.items():
            at.switch_page("lessons/live_demo.py").run()
            at.text_area(key="demo_text").set_value(f"a {word} film {round_}").run()
        for word, (at, unit) in students.items():
            other = next(w for w in students if w != word)
            tokens = next(h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="rnn-chips'))
            assert word in tokens and other not in tokens and other not in texts(at)
            assert word in str(at.query_params["sentence"])
            at.switch_page("lessons/gates.py").run()
            at.number_input(key="gates_unit_LSTM").set_value(unit).run()
        for word, (at, unit) in students.items():
            assert at.number_input(key="gates_unit_LSTM").value == unit and not at.exception
    assert weights_digest("en-lstm") == before  # the shared cached model was only read
