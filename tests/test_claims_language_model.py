"""Lesson 4's language-model claims, pinned: the perplexity sentence is the card's measured figure, and the
two-prefix verdict ("the guesses differ" / "barely change") is read off the two distributions, recomputed
here from the model itself; each check fails when the claim is inverted."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.language_model import LanguageModel
from tests.test_app_pages import open_app, texts
from ui.i18n import STRINGS

UNROLLED = "lessons/unrolled.py"
MOVED = 0.05  # lessons/unrolled.py's threshold


def moved(first: str, second: str) -> float:
    """Total variation distance between the model's next-word distributions after the two prefixes."""
    lm = LanguageModel.load("en-lm")
    p1, p2 = (lm.distribution(lm.encode(text)) for text in (first, second))  # (V,) each
    return float(0.5 * np.abs(p1 - p2).sum())


def verdict_holds(shown: str, distance: float, lang: str = "en") -> bool:
    """The page's verdict sentence agrees with the distance: 'differ' only at or above MOVED."""
    differ = STRINGS["unroll.lm_moved"][lang == "ko"].split("{")[0]
    same = STRINGS["unroll.lm_same"][lang == "ko"].split("{")[0]
    if differ in shown:
        return distance >= MOVED and same not in shown
    return same in shown and distance < MOVED


@pytest.mark.parametrize("first,second,differs", [
    ("the movie is", "i like the movie. the movie is", True),  # the default pair (the lecture notes' example)
    ("i like the movie. the movie is", "i hated the movie. the movie is", False),
    ("this film is a must", "this film is a waste of", True),
    ("i give it 10 out of", "i give it a", True),
    ("one of the best films i have ever", "one of the worst films i have ever", False),
])
def test_the_two_prefix_verdict_is_read_off_the_distributions(first, second, differs):
    distance = moved(first, second)
    assert (distance >= MOVED) == differs
    at = open_app(UNROLLED, lang="en")
    if (first, second) != ("the movie is", "i like the movie. the movie is"):
        at.text_input(key="lm_first").set_value(first).run()
        at.text_input(key="lm_second").set_value(second).run()
    assert not at.exception
    shown = texts(at)
    assert verdict_holds(shown, distance)
    assert not verdict_holds(shown, MOVED / 2 if differs else MOVED * 2)  # the check can fail
    assert f"{distance:.0%}" in shown or f"{distance:.1%}" in shown


def test_an_inverted_verdict_is_caught():
    same = STRINGS["unroll.lm_same"][0].format(moved=0.9, word="time", p1=0.0, p2=0.26)
    differ = STRINGS["unroll.lm_moved"][0].format(moved=0.01, word="a", p1=0.05, p2=0.05)
    assert not verdict_holds(same, 0.9) and not verdict_holds(differ, 0.01)
    assert verdict_holds(same, 0.01) and verdict_holds(differ, 0.9)


@pytest.mark.parametrize("lang,model,key", [("en", "en-lm", "unroll.lm_body"), ("ko", "ko-lm", "unroll.ko_lm_body")])
def test_the_perplexity_sentence_is_the_cards_figure(lang, model, key):
    """Each page language states its own model's figure: en-lm on English pages, ko-lm on Korean ones."""
    card = LanguageModel.load(model).card
    ppl = card.metrics["test_perplexity"]
    at = open_app(UNROLLED, lang=lang)
    shown = texts(at)
    assert STRINGS[key][lang == "ko"].format(units=card.units, ppl=ppl, vocab=card.vocab_size) in shown
    assert 1 < ppl < card.vocab_size / 10  # far better than a blind guess over the vocabulary
