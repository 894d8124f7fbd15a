"""Claims the Korean strings make about the shipped models hold (and fail when inverted)."""
from __future__ import annotations

import pytest

from rnn_core.embeddings import nearest
from rnn_core.safe_words import blocked_ids
from rnn_core.sentiment import SentimentModel
from ui.i18n import STRINGS


@pytest.fixture(scope="module")
def ko_lstm():
    model = SentimentModel.load("ko-lstm")
    return model.vocab.tokens, model.network.embedding.table


def shown_neighbours(tokens, E, word: str) -> list[str]:
    """The ten neighbours lesson 2 lists for ``word`` (cosine, listed words left out)."""
    i = tokens.index(word)
    return [tokens[j] for j, _ in nearest(E, E[i], 10, exclude=(0, 1, i), blocked=blocked_ids(tokens))]


@pytest.mark.parametrize("word, near", [("좋", "훌"), ("좋", "쾌"), ("쓰", "돈")])
def test_emb_honest_korean_examples(ko_lstm, word, near):
    """emb.honest: ‘좋’ lies near ‘훌’ (훌륭) and ‘쾌’ (유쾌), ‘쓰’ (쓰레기) near ‘돈’ (돈 아깝다)."""
    assert f"‘{word}’" in STRINGS["emb.honest"][1] and f"‘{near}’" in STRINGS["emb.honest"][1]
    assert near in shown_neighbours(*ko_lstm, word)
    assert near not in shown_neighbours(*ko_lstm, "좋" if word == "쓰" else "쓰")  # the other side is far
