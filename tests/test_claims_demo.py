"""Claims of lesson 7 and of lesson 3's tokenizer note, pinned: each holds on the shipped models and fails inverted."""
from __future__ import annotations

import pytest

from rnn_core.sentiment import SentimentModel, label_of
from rnn_core.text import tokenize
from tests.test_app_pages import open_app, texts
from ui import compute
from ui.i18n import STRINGS

DEMO = "pages/live_demo.py"


def mistakes(lang: str, flip: bool = False) -> dict[str, int]:
    """Wrong verdicts per model on the limits sentences, recounted here from the models themselves."""
    counts = {}
    for key in ("rnn", "lstm", "gru"):
        model = SentimentModel.load(f"{lang}-{key}")
        counts[model.card.name] = sum(
            (label_of(model.predict([s])[0]) != e) != flip for _, s, e in compute.LIMIT_SENTENCES[lang])
    return counts


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_limits_summary_is_the_count_of_wrong_verdicts(lang):
    names = tuple(f"{lang}-{k}" for k in ("rnn", "lstm", "gru"))
    view = compute.limits(lang, names)
    assert view.wrong == mistakes(lang)
    assert view.wrong != mistakes(lang, flip=True)  # the check can fail: inverted labels give other counts
    assert sum(view.wrong.values()) > 0  # the section shows real mistakes, not a clean sheet
    at = open_app(DEMO, lang=lang)
    best = min(view.wrong, key=view.wrong.get)
    summary = STRINGS["demo.limits_summary"][lang == "ko"].format(
        total=len(view.rows), wrong=sum(view.wrong.values()), cases=view.cases, best=best,
        best_wrong=view.wrong[best])
    assert summary in texts(at)


@pytest.mark.parametrize("text,flagged", [("!!!", True), ("?! !", True), ("not bad at all", False),
                                          ("the movie was not fun.", False)])
def test_symbols_only_is_flagged(text, flagged):
    at = open_app(DEMO, lang="en", sentence=text)
    assert ("holds no word" in texts(at)) == flagged
    assert compute.symbols_only(tokenize(text)) == flagged
    assert compute.symbols_only(tokenize(text)) != (not flagged)


def test_lesson_3_says_what_the_tokenizer_does():
    """'Letters, digits, ! and ? become tokens; emoji and other symbols are skipped.'"""
    assert "! and ? become tokens" in STRINGS["step.empty"][0]
    assert tokenize("!!!") == ["!", "!", "!"] and tokenize("why?") == ["why", "?"]
    assert tokenize("🙂 # @ ~ ... ;") == []
    assert tokenize("a1 b2") == ["a1", "b2"]


def test_few_known_words_are_flagged():
    at = open_app(DEMO, lang="en", sentence="qzxv wqpt zzkk good")
    assert "too few for a fair verdict" in texts(at)
    at = open_app(DEMO, lang="en", sentence="a good film with a fine cast")
    assert "too few for a fair verdict" not in texts(at)
