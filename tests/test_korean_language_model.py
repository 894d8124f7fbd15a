"""Lesson 4 in Korean: ko-lm, an LSTM that guesses the next Kiwi morpheme of an NSMC review. The shipped file
and its card, the card's perplexity measured again here, the NumPy forward pass against Keras, the page's
claims (fail when inverted), odd input, and no blocked word in any list of next tokens the page draws."""
from __future__ import annotations

import numpy as np
import pytest

from rnn_core.assets import MODELS, verify
from rnn_core.language_model import LANGUAGE_MODELS, LanguageModel
from rnn_core.safe_words import is_allowed
from rnn_core.text import pad_sequences
from tests.test_app_pages import open_app, texts
from tests.test_models import run_next_words
from training import corpora
from ui import compute
from ui.compute_korean import next_token_label
from ui.i18n import STRINGS

UNROLLED = "lessons/unrolled.py"
MOVED = 0.05  # lessons/unrolled.py's threshold
DEFAULT_PAIR = ("처음엔 지루했는데 결말이", "처음부터 재밌었는데 결말이")  # lessons/unrolled.py's Korean pair


@pytest.fixture(scope="module")
def lm() -> LanguageModel:
    return LanguageModel.load("ko-lm")


# --- the shipped file and its card ------------------------------------------------------------------

def test_the_card_describes_the_file(lm):
    checked = verify("ko-lm")  # sha256 of every file against the card
    card = checked.card
    assert MODELS["ko-lm"] == ("language_model", "ko") and "ko-lm" in LANGUAGE_MODELS
    assert card.scheme == "morphemes" and card.cell == "LSTM" and card.vocab_size == len(lm.vocab) <= 8000
    assert card.training["command"].startswith("python -m training.train_language_model --model ko-lm")
    assert card.units == card.training["units"] == lm.network.layers[1].cell.units
    assert checked.path("ko-lm.keras").stat().st_size < 8 * 2**20
    assert {"이 영화 정말", "최악의", "배우들 연기가", "시간 가는 줄"} <= set(card.metrics["next_words"])
    per_epoch = card.training["validation_perplexity_per_epoch"]
    assert len(per_epoch) == card.training["epochs"] and per_epoch[-1] == card.metrics["validation_perplexity"]
    assert all(token in lm.vocab.tokens for rows in card.metrics["next_words"].values() for token, _ in rows)


def test_the_card_perplexity_holds_on_a_random_sample_of_nsmc_test(lm):
    """Measured here, in NumPy, on 400 NSMC test reviews drawn at random, counted as the card says; the
    uniform guess over the vocabulary would be 8,000."""
    reviews = corpora.nsmc("test")[0]
    sample = np.random.default_rng(11).choice(len(reviews), 400, replace=False)
    measured, targets, unknown = lm.perplexity([reviews[i] for i in sample])
    card = lm.card.metrics
    assert targets > 4_000 and abs(unknown - card["test_unknown_share"]) < 0.02
    assert abs(np.log(measured / card["test_perplexity"])) < 0.1  # within 10%
    assert 1 < card["test_perplexity"] < lm.card.vocab_size / 10 and card["validation_perplexity"] < 200


def test_the_numpy_forward_pass_equals_keras(keras, lm):
    twin = keras.saving.load_model(verify("ko-lm").path("ko-lm.keras"), compile=False)
    sentences = ["이 영화 정말 재밌어요", "배우들 연기가 너무 어색했다", "최악의 영화. 시간 아까움", "ㅋㅋㅋ 🙂 OK",
                 corpora.nsmc("test")[0][0]]
    ids = pad_sequences([lm.encode(s) for s in sentences], maxlen=24, truncating="post")  # (5, 24)
    np.testing.assert_allclose(lm.network(ids), np.asarray(twin(ids)), atol=1e-5)


def test_sensible_next_tokens(lm):
    """After '이 영화 정말' a reviewer judges the film: most of the ten likeliest next tokens carry meaning
    (stems, nouns, adverbs), not particles or endings. After '최악의' (의 joins a noun to a noun) the five
    likeliest are all nouns."""
    def tag(token: str) -> str:
        return token.rpartition("/")[2].split("-")[0]

    top = lm.next_words("이 영화 정말", 10)
    assert sum(tag(t) in {"VA", "VV", "VX", "NNG", "MAG", "XR"} for t, _ in top) >= 6, top
    assert all(tag(t).startswith("NN") for t, _ in lm.next_words("최악의", 5)), lm.next_words("최악의", 5)
    assert lm.next_words("", 5) == [] and lm.next_words("   ", 5) == []


# --- the Korean page's claims ----------------------------------------------------------------------

def type_into(at, key: str, value: str) -> None:
    """Type into a text box and rerun, in Korean (AppTest loses the sidebar's language radio on lesson pages)."""
    at.text_input(key=key).set_value(value)
    at.session_state["lang"] = "ko"
    at.run()


def moved(lm: LanguageModel, first: str, second: str) -> float:
    p1, p2 = (lm.distribution(lm.encode(text)) for text in (first, second))  # (V,) each
    return float(0.5 * np.abs(p1 - p2).sum())


def verdict_holds(shown: str, distance: float) -> bool:
    """The Korean verdict sentence agrees with the distance: 'differ' only at or above MOVED."""
    differ = STRINGS["unroll.ko_lm_moved"][1].split("{")[0]
    same = STRINGS["unroll.ko_lm_same"][1].split("{")[0]
    if differ in shown:
        return distance >= MOVED and same not in shown
    return same in shown and distance < MOVED


def test_the_korean_page_states_the_cards_perplexity(lm):
    card = lm.card
    shown = texts(open_app(UNROLLED, lang="ko"))
    assert STRINGS["unroll.ko_lm_body"][1].format(units=card.units, ppl=card.metrics["test_perplexity"],
                                                  vocab=card.vocab_size) in shown
    assert STRINGS["unroll.lm_body"][1].split("{")[0] not in shown  # en-lm's sentence is the English page's


@pytest.mark.parametrize("first,second", [DEFAULT_PAIR, ("이 영화 정말", "이 영화 진짜"), ("배우들 연기가", "최악의")])
def test_the_korean_two_prefix_verdict_is_read_off_the_distributions(lm, first, second):
    distance = moved(lm, first, second)
    at = open_app(UNROLLED, lang="ko")
    if (first, second) != DEFAULT_PAIR:
        type_into(at, "lm_first_ko", first)
        type_into(at, "lm_second_ko", second)
    assert not at.exception
    shown = texts(at)
    assert verdict_holds(shown, distance)
    assert not verdict_holds(shown, MOVED / 2 if distance >= MOVED else MOVED * 2)  # the check can fail
    assert f"{distance:.0%}" in shown or f"{distance:.1%}" in shown
    pair = compute.prefix_pair(first, second, name="ko-lm")
    assert pair.moved == pytest.approx(distance, abs=1e-6)
    assert f"`{pair.word}`" in shown and all(f"`{w}`" in shown for w, _ in pair.first + pair.second)


def test_an_inverted_korean_verdict_is_caught():
    same = STRINGS["unroll.ko_lm_same"][1].format(moved=0.9, word="`-가`", p1=0.0, p2=0.26)
    differ = STRINGS["unroll.ko_lm_moved"][1].format(moved=0.01, word="`-요`", p1=0.05, p2=0.05)
    assert not verdict_holds(same, 0.9) and not verdict_holds(differ, 0.01)
    assert verdict_holds(same, 0.01) and verdict_holds(differ, 0.9)


def test_next_tokens_are_shown_as_a_learner_reads_them():
    shown = compute.next_words("이 영화 정말", name="ko-lm")
    assert len(shown) == 10 and all("/" not in w for w, _ in shown)
    assert next_token_label("재밌/VA") == "재밌(다)" and next_token_label("가/JKS") == "-가"
    assert next_token_label("요/EF") == "-요" and next_token_label("최고/NNG") == "최고"
    assert compute.next_words("the movie is") == compute.next_words("the movie is", name="en-lm")  # English: words


# --- odd input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "🙂", "the movie is", "재밌" * 1000, "ㅋ" * 2000, "<b>영화</b>\x00"])
def test_odd_input_never_crashes(text):
    rows = compute.next_words(text, name="ko-lm")
    assert all(0 <= p <= 1 and is_allowed(w) for w, p in rows)
    pair = compute.prefix_pair(text, "이 영화 정말", name="ko-lm")
    assert (pair is None) == (rows == [])


@pytest.mark.parametrize("text", ["", "🙂", "the movie is", "재밌" * 150])
def test_odd_input_on_the_korean_page(text):
    at = open_app(UNROLLED, lang="ko")
    type_into(at, "lm_prefix_ko", text)
    type_into(at, "lm_first_ko", text)
    assert not at.exception
    if not text.strip():
        assert STRINGS["unroll.ko_lm_empty"][1] in texts(at)


def test_the_command_line_reads_ko_lm():
    rows = run_next_words("ko-lm", ["이 영화 정말", "", "🙂"], top=5)
    assert [r["prefix"] for r in rows] == ["이 영화 정말", "", "🙂"]
    assert len(rows[0]["next"]) == 5 and all(0 < p <= 1 for _, p in rows[0]["next"]) and rows[1]["next"] == []


# --- no blocked word in any list ---------------------------------------------------------------------

def test_no_blocked_word_in_any_list_over_many_prefixes(lm):
    """Prefixes cut from 300 random NSMC test reviews (each review's first 1-4 words) and 100 strings of random
    vocabulary forms: every next-token list and every 'biggest change' the page would show passes
    rnn_core.safe_words, while the unfiltered lists do hold blocked words."""
    rng = np.random.default_rng(3)
    reviews = corpora.nsmc("test")[0]
    starts = rng.choice(len(reviews), 300, replace=False)
    prefixes = [" ".join(reviews[i].split()[: rng.integers(1, 5)]) for i in starts]
    forms = [t.rpartition("/")[0] for t in lm.vocab.tokens[2:]]
    prefixes += [" ".join(rng.choice(forms, rng.integers(1, 6))) for _ in range(100)]
    labels = [next_token_label(t) for t in lm.vocab.tokens]
    unfiltered = set()
    for k, prefix in enumerate(prefixes):
        shown = compute.next_words(prefix, name="ko-lm")
        assert all(is_allowed(w) for w, _ in shown), (prefix, shown)
        if k % 4 == 0:
            pair = compute.prefix_pair(prefix, prefixes[k - 1], name="ko-lm")
            assert pair is None or all(is_allowed(w) for w, _ in pair.first + pair.second + [(pair.word, 0)])
        ids = lm.encode(prefix)
        if ids:
            unfiltered |= {labels[i] for i in np.argsort(-lm.distribution(ids))[:300]}
    assert any(not is_allowed(w) for w in unfiltered), "pick prefixes whose raw guesses hold a blocked word"
