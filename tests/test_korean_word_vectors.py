"""Lesson 2 in Korean: skip-gram vectors over Kiwi morphemes (ko-word2vec). The shipped file and its card,
the morphemes a list may show, the claims read off the numbers on screen, odd input, the page in both
languages, and no word from the blocked list in any list the page draws."""
from __future__ import annotations

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnn_core.assets import ASSETS, MODELS, verify
from rnn_core.embeddings import (
    hidden_ids,
    is_content_morpheme,
    load_word_vectors,
    nearest,
)
from rnn_core.safe_words import is_allowed
from tests.conftest import ROOT
from ui import compute_korean as ko
from ui.compute import word_map
from ui.i18n import STRINGS

APP = str(ROOT / "app.py")
PAGE = "lessons/embeddings.py"
DEFAULT_WORDS = ("재밌/VA", "최악/NNG", "지루/XR", "감동/NNG", "배우/NNG", "재미있/VA")


@pytest.fixture(scope="module")
def table():
    tokens, vectors = load_word_vectors("ko-word2vec")
    return tokens, vectors


# --- the shipped file and its card ------------------------------------------------------------------

def test_the_card_describes_the_file():
    checked = verify("ko-word2vec")
    card = checked.card
    assert MODELS["ko-word2vec"] == ("word_vectors", "ko") and card.scheme == "morphemes"
    assert card.embedding_dim == 100 and card.training["command"].endswith("--model ko-word2vec")
    assert card.training["window"] == 3 and card.training["negatives"] == 5 and card.training["epochs"] == 3
    path = checked.path("ko-word2vec.npz")
    assert path.stat().st_size < 8 * 2**20
    with np.load(path, allow_pickle=False) as data:
        assert data["vectors"].dtype == np.float16 and data["vectors"].shape == (card.vocab_size, 100)
    assert set(card.metrics["neighbours"]) == set(DEFAULT_WORDS)  # every probe is in the vocabulary


def test_the_card_records_the_neighbours_the_vectors_give(table):
    tokens, vectors = table
    card = json.loads((ASSETS / "ko-word2vec.json").read_text(encoding="utf-8"))
    ids = {t: i for i, t in enumerate(tokens)}
    hidden = hidden_ids(tokens, morphemes=True)
    for word, recorded in card["metrics"]["neighbours"].items():
        found = nearest(vectors, vectors[ids[word]], 8, exclude=(0, 1, ids[word]), blocked=hidden)
        assert [t for t, _ in recorded] == [tokens[j] for j, _ in found], word
        assert all(is_content_morpheme(t) for t, _ in recorded)


def test_the_card_records_where_expected_neighbours_rank(table):
    """재밌 ~ 재미있 is the nearest; 최악 ~ 별로 is far down the list (the page says 최악's neighbours are mixed)."""
    tokens, vectors = table
    ranks = verify("ko-word2vec").card.metrics["expected_neighbour_rank"]
    ids = {t: i for i, t in enumerate(tokens)}
    hidden = hidden_ids(tokens, morphemes=True)
    for pair, (rank, _) in ranks.items():
        word, expected = pair.split(" ~ ")
        order = [j for j, _ in nearest(vectors, vectors[ids[word]], len(tokens), exclude=(0, 1, ids[word]),
                                       blocked=hidden)]
        assert order.index(ids[expected]) + 1 == rank, pair
    assert ranks["재밌/VA ~ 재미있/VA"][0] == 1 and ranks["최악/NNG ~ 별로/MAG"][0] > 100


# --- which morphemes a list shows, and how --------------------------------------------------------------

def test_only_content_morphemes_and_safe_forms_are_shown():
    tokens = ["", "[UNK]", "재밌/VA", "었/EP", "다/EF", "이/JKS", "최악/NNG", "아깝/VA-I", "좆/NNG", "./SF", "별로/MAG"]
    hidden = set(hidden_ids(tokens, morphemes=True).tolist())
    assert [t for i, t in enumerate(tokens) if i not in hidden] == ["재밌/VA", "최악/NNG", "아깝/VA-I", "별로/MAG"]
    assert set(hidden_ids(tokens).tolist()) == {8}  # a word vocabulary hides only what the filter blocks


def test_morphemes_are_written_as_a_learner_reads_them():
    assert [ko.readable(t) for t in ("재밌/VA", "지루/XR", "최악/NNG", "아깝/VA-I", "보/VV", "별로/MAG")] == [
        "재밌(다)", "지루(하다)", "최악", "아깝(다)", "보(다)", "별로"]
    assert [ko.spoken(t) for t in ("재밌/VA", "지루/XR", "최악/NNG")] == ["재밌다", "지루하다", "최악"]
    assert [ko.tag_name(t) for t in ("재밌/VA", "최악/NNG", "보/VV", "지루/XR", "별로/MAG", "다/EF")] == [
        "adjective", "noun", "verb", "root", "adverb", ""]
    for tag in ko.TAG_NAMES.values():
        assert f"korean.tag.{tag}" in STRINGS
    for key in ("positive", "negative", "neither", "claim_same", "claim_mixed", "claim_neither"):
        assert f"korean.emb.{key}" in STRINGS


def test_a_typed_word_is_read_as_its_first_content_morpheme():
    assert ko.query_morpheme("재밌었어요") == "재밌/VA"
    assert ko.query_morpheme("최악이다") == "최악/NNG"
    assert ko.query_morpheme("지루했다") == "지루/XR"


@pytest.mark.parametrize("text", ["", "   ", "movie", "🙂🙂", "<b>x</b>", "ㅋ" * 2000, "가" * 2000, "\x00"])
def test_odd_input_never_fails(text):
    found = ko.query_morpheme(text)
    assert found is None or found in set(load_word_vectors("ko-word2vec")[0])
    if found:
        assert ko.word_neighbours(found) is not None
    assert ko.word_analogy(text, "여자", "남자") is None or found


def test_english_and_signs_are_not_looked_up():
    assert ko.query_morpheme("movie") is None and ko.query_morpheme("great") is None
    assert ko.query_morpheme("ㅋㅋㅋ") is None and ko.query_morpheme("!!!") is None


# --- the claims -------------------------------------------------------------------------------------

def test_words_of_liking_and_of_dislike_have_neighbours_that_lean_their_way():
    liking, dislike = ko.word_neighbours("재밌/VA"), ko.word_neighbours("지루/XR")
    assert liking.leaning == "positive" and liking.claim == "same"
    assert dislike.leaning == "negative" and dislike.claim == "same"
    assert liking.same == sum(r.p > 0.5 + ko.LEANING for r in liking.rows)
    assert dislike.same == sum(r.p < 0.5 - ko.LEANING for r in dislike.rows)
    assert "재미있(다)" in [r.label for r in liking.rows[:3]] and "지루하(다)" in [r.label for r in dislike.rows[:3]]


def test_worst_sits_among_superlatives_and_the_page_says_its_neighbours_are_mixed():
    """최악 is used where 최고 is (생애 최악의/최고의 영화): skip-gram puts them close, and the claim says so."""
    worst = ko.word_neighbours("최악/NNG")
    assert worst.leaning == "negative" and "최고" in [r.label for r in worst.rows[:3]]
    assert worst.claim == "mixed" and 2 * worst.same <= len(worst.rows)


def test_the_classic_analogies_say_which_works():
    checks = ko.classic_analogies()
    assert [c.works for c in checks] == [True, False]
    for check in checks:
        assert check.works == (check.top == ko.readable(ko.query_morpheme(check.expected)))
        assert check.top == ko.word_analogy(*check.words, k=1)[0].label


def test_the_claim_turns_when_the_numbers_are_inverted():
    view = ko.word_neighbours("재밌/VA")
    flipped = [ko.Neighbour(r.token, r.label, r.tag, r.cosine, 1 - r.p) for r in view.rows]
    inverted = ko.WordNeighbours(word=view.word, rows=tuple(flipped), leaning=view.leaning,
                                 same=sum(ko.leaning_of(r.p) == view.leaning for r in flipped))
    assert inverted.claim == "mixed"
    assert ko.WordNeighbours(word=ko.Neighbour("x/NNG", "x", "noun", 1.0, 0.5), rows=view.rows, leaning="neither",
                             same=0).claim == "neither"


# --- nothing from the blocked list --------------------------------------------------------------------

def test_no_korean_list_shows_a_blocked_word(table):
    tokens, _ = table
    rng = np.random.default_rng(0)
    content = [t for t in tokens if is_content_morpheme(t)]
    probes = list(DEFAULT_WORDS) + [content[i] for i in rng.choice(len(content), 300, replace=False)]
    shown = []
    for token in probes:
        view = ko.word_neighbours(token)
        shown += [r.label for r in view.rows] + [r.token.rpartition("/")[0] for r in view.rows]
    view = ko.korean_word_map("최고의 영화지만 결말은 최악", 300)
    shown += list(view.labels)
    for a, b, c in [("여배우", "여자", "남자"), ("최고", "좋다", "나쁘다")] + [
            tuple(ko.spoken(content[i]) for i in rng.choice(len(content), 3, replace=False)) for _ in range(50)]:
        shown += [r.label for r in ko.word_analogy(a, b, c) or ()]
    blocked = [w for w in shown if not is_allowed(w)]
    assert blocked == []


def test_the_vocabulary_holds_blocked_words_the_filter_keeps_out(table):
    """The test above has something to find: the vectors know offensive morphemes, and some are close to
    ordinary ones."""
    tokens, vectors = table
    forms = [t.rpartition("/")[0] for t in tokens]
    bad = [i for i, f in enumerate(forms) if f and not is_allowed(f)]
    assert bad
    near_bad = 0
    for i in bad[:20]:
        near_bad += any(is_content_morpheme(tokens[j]) and is_allowed(forms[j])
                        for j, _ in nearest(vectors, vectors[i], 5, exclude=(0, 1, i)))
    assert near_bad > 0


def test_the_english_map_is_unchanged_by_the_filter_rewrite():
    from rnn_core.safe_words import first_allowed
    from ui.models import embedding_table

    vocab, _ = embedding_table("word2vec", "en")
    view = word_map("word2vec", "en", ("great", "movie"), 300)
    assert view.labels[:300] == vocab.decode(first_allowed(vocab.tokens, 300))


# --- the page ---------------------------------------------------------------------------------------

def open_lesson(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def type_into(at: AppTest, key: str, value: str) -> None:
    """Type into a text box and rerun, in Korean (AppTest loses the sidebar's language radio on lesson pages)."""
    at.text_input(key=key).set_value(value)
    at.session_state["lang"] = "ko"
    at.run()


def shown(at: AppTest) -> str:
    parts = [*at.markdown, *at.caption, *at.subheader, *at.info, *at.warning]
    return "\n".join(str(e.value) for e in parts)


def test_korean_page_shows_morpheme_neighbours_and_the_claim():
    at = open_lesson("ko")
    text = shown(at)
    view = ko.word_neighbours("재밌/VA")
    assert "찾는 형태소: 재밌(다) (형용사)" in text
    table = next(m.value for m in at.markdown if m.value.startswith("| ") and "품사" in m.value.splitlines()[0])
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    assert [row[0] for row in rows] == [f"`{r.label}`" for r in view.rows]
    assert {row[1] for row in rows} <= {STRINGS[f"korean.tag.{t}"][1] for t in ko.TAG_NAMES.values()}
    assert f"가장 가까운 이웃 {len(view.rows)}개 중 {view.same}개도 같은 쪽으로 뚜렷이 기웁니다 (p(긍정)이 0.35–0.65 밖)" in text


@pytest.mark.parametrize("typed,message", [
    ("movie", "“movie”: 단어 벡터의 어휘에 뜻을 지닌 한국어 형태소가 없습니다"),
    ("🙂", "한국어 낱말을 입력해 보세요"),
    ("<b>굉장</b>", None),
    ("", "한국어 낱말을 입력해 보세요"),
])
def test_korean_page_survives_odd_words(typed, message):
    at = open_lesson("ko")
    type_into(at, "emb_query", typed)
    assert not at.exception, at.exception
    if message:
        assert message in shown(at)
    assert "<b>" not in shown(at)


def test_korean_page_survives_odd_sentences_and_analogies():
    at = open_lesson("ko")
    for value in ("가" * 2000, "🙂 <script>x</script>", ""):
        type_into(at, "emb_sentence", value[:500])
        type_into(at, "emb_a", value[:40])
        assert not at.exception, at.exception
