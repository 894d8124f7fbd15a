"""Cached pure computations behind the pages: same arguments, same numbers, computed once per server.

st.cache_data hands every session its own copy, so no session can change another's results.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from rnn_core.sentiment import Reading
from rnn_core.sequence import Trace, run
from rnn_core.text import tokenize
from ui.models import digest_of, embedding_table, sentiment_model
from ui.state import MAX_TOKENS, cut

MAX_STEP_WORDS = 32  # words lesson 3 steps through (its toy matrices are drawn one step at a time)
MAX_EXPLAINED = 120  # tokens the demo explains one by one (leave-one-out costs one forward pass per token)


# --- one sentence through a shipped model (lessons 4, 7) --------------------------------------------

def reading(name: str, text: str) -> Reading:
    """Model ``name`` reading ``text`` (cut to the one limit): tokens, ids, verdict per prefix, the trace.

    Raises ModelFileError when the model cannot be used; cached per model content and text.
    """
    return _reading(name, digest_of(name), cut(text))


@st.cache_data(max_entries=256, show_spinner=False)
def _reading(name: str, digest: str, text: str) -> Reading:
    return sentiment_model(name).read(text)


@dataclass(frozen=True)
class Pushes:
    tokens: list[str]  # the last MAX_EXPLAINED tokens the model reads
    pushes: np.ndarray  # (T,) p(text) - p(text without that token)


def pushes(name: str, text: str) -> Pushes:
    """How much each of the last MAX_EXPLAINED tokens pushed the verdict (leave one out)."""
    return _pushes(name, digest_of(name), cut(text))


@st.cache_data(max_entries=256, show_spinner=False)
def _pushes(name: str, digest: str, text: str) -> Pushes:
    model = sentiment_model(name)
    tokens, ids, _ = model.encode(text)
    shown = np.asarray(ids[-MAX_EXPLAINED:], dtype=np.int32)
    return Pushes(tokens=tokens[len(tokens) - len(shown):], pushes=model.leave_one_out(shown))


# --- lesson 3: one step of a toy SimpleRNN ---------------------------------------------------------

@dataclass(frozen=True)
class OneStep:
    words: list[str]  # the words stepped through (at most MAX_STEP_WORDS)
    cut_off: bool  # True when the sentence had more words
    cell: object  # the toy SimpleRNNCell
    xs: np.ndarray  # (T, d) the toy word vectors
    trace: Trace  # the run over xs (batch of one)
    fingerprint: str  # a checksum of W_x, W_h, b: the same at every step


@st.cache_data(max_entries=256, show_spinner=False)
def one_step(sentence: str, d: int, D: int, seed: int, init: str) -> OneStep:
    """A toy SimpleRNN(D) with d inputs over the sentence's words, every intermediate recorded."""
    from rnn_core.toy import checksum, sentence_tensor, toy_simple_rnn

    words = tokenize(cut(sentence), "words")
    kept = words[:MAX_STEP_WORDS]
    cell = toy_simple_rnn(d, D, seed, init)
    xs = sentence_tensor(kept, d, seed)  # (1, T, d)
    return OneStep(words=kept, cut_off=len(words) > len(kept), cell=cell, xs=xs[0], trace=run(cell, xs),
                   fingerprint=checksum(cell.W_x, cell.W_h, cell.b))


@st.cache_data(max_entries=64, show_spinner=False)
def notes_loop(run_number: int, init: str) -> tuple[np.ndarray, np.ndarray]:
    """The notes' from-scratch loop run on 10 steps of 4 inputs with 8 units: (inputs (10, 4), states (10, 8))."""
    from rnn_core.scratch import numpy_rnn_loop
    from rnn_core.toy import toy_simple_rnn

    cell = toy_simple_rnn(4, 8, seed=run_number, init=init)
    inputs = np.random.default_rng(run_number).random((10, 4))
    return inputs, numpy_rnn_loop(inputs, cell.W_x.T, cell.W_h.T, cell.b)


def parameter_count(kind: str, d: int, D: int) -> int:
    """Weights of a recurrent layer with d inputs and D units (rnn_core.params, checked against Keras)."""
    from rnn_core.params import rnn_params

    return rnn_params(kind, d, D)


@dataclass(frozen=True)
class Pipeline:
    """A batch of texts through a shipped model's text pipeline and its recurrent layer."""

    tokens: list[list[str]]  # per text, all tokens (before truncation)
    ids: list[list[int]]  # per text, their ids (1 = OOV)
    padded: np.ndarray  # (B, L) ids after padding / truncation
    padded_tokens: list[list[str]]  # (B, L) the token at each position, "" on padding
    vectors: np.ndarray  # (T, E) embedding rows of the first text
    onehot_gap: float  # max |one_hot(ids) @ E - E[ids]| for the first text
    masked_h: np.ndarray  # (L, D) hidden states of the first text, padded
    p_padded: float  # verdict on the padded first text
    p_plain: float  # verdict on the first text without padding


def pipeline(name: str, texts: tuple[str, ...], maxlen: int, padding: str, truncating: str) -> Pipeline:
    """A batch of texts through model ``name``'s text pipeline; each text cut to the one limit and to
    MAX_TOKENS tokens, the one-hot and vector rows drawn for the first text's first ``maxlen`` tokens."""
    return _pipeline(name, digest_of(name), tuple(cut(x) for x in texts), maxlen, padding, truncating)


@st.cache_data(max_entries=256, show_spinner=False)
def _pipeline(name: str, digest: str, texts: tuple[str, ...], maxlen: int, padding: str, truncating: str) -> Pipeline:
    from rnn_core.text import one_hot, pad_sequences

    model = sentiment_model(name)
    tokens = [tokenize(t, model.card.scheme)[:MAX_TOKENS] for t in texts]
    ids = [model.vocab.encode(toks) for toks in tokens]
    padded = pad_sequences(ids, maxlen=maxlen, padding=padding, truncating=truncating)
    positions = pad_sequences([list(range(1, len(t) + 1)) for t in tokens], maxlen=maxlen, padding=padding,
                              truncating=truncating)  # the same cut and fill, applied to 1-based positions
    padded_tokens = [[toks[k - 1] if k else "" for k in row] for toks, row in zip(tokens, positions)]
    table = model.network.embedding.table
    first = np.asarray(ids[0][:maxlen], dtype=int)  # (at most maxlen,): the rows drawn, the one-hot compared
    gap = float(np.max(np.abs(one_hot(first, len(table)) @ table - table[first]))) if len(first) else 0.0
    run = model.network.run(padded[:1])
    trace = next(tr for tr in run.traces if tr is not None)
    return Pipeline(tokens=tokens, ids=ids, padded=padded, padded_tokens=padded_tokens, vectors=table[first],
                    onehot_gap=gap,
                    masked_h=trace.h[0], p_padded=float(run.output[0, 0]),
                    p_plain=float(model.probabilities(np.asarray([ids[0]]))[0]))


ONEHOT_WINDOW = 15  # ids of a one-hot row drawn around the token's own id (the row has V entries)


@dataclass(frozen=True)
class OneHotLookup:
    """One token's one-hot row times the embedding table, beside the row a lookup copies."""

    token_id: int
    ids: list[int]  # the window of ids drawn, around token_id
    onehot: np.ndarray  # (len(ids),) the one-hot row's entries there: a single 1 at token_id
    product: np.ndarray  # (E,) one_hot(token_id) @ table
    gap: float  # max |product - table[token_id]|


def onehot_lookup(name: str, token_id: int) -> OneHotLookup:
    """Model ``name``'s embedding table looked up by multiplying one token's one-hot row (V entries) by it."""
    return _onehot_lookup(name, digest_of(name), int(token_id))


@st.cache_data(max_entries=256, show_spinner=False)
def _onehot_lookup(name: str, digest: str, token_id: int) -> OneHotLookup:
    from rnn_core.text import one_hot

    table = sentiment_model(name).network.embedding.table  # (V, E)
    V = len(table)
    if not 0 <= token_id < V:
        raise ValueError(f"token id {token_id} is outside the vocabulary of {V}")
    row = one_hot([token_id], V)  # (1, V)
    product = (row @ table)[0]  # (E,)
    low = min(max(0, token_id - ONEHOT_WINDOW // 2), max(0, V - ONEHOT_WINDOW))
    ids = list(range(low, min(V, low + ONEHOT_WINDOW)))
    return OneHotLookup(token_id=token_id, ids=ids, onehot=row[0, ids], product=product,
                        gap=float(np.max(np.abs(product - table[token_id]))))


ORDER_MOVES = 0.05  # |p - p_shuffled| at or above this is "the number moves"; below it, "barely changes"
ORDER_PAIRS = {  # the same tokens in two orders, whose meanings differ; the page shows the first that flips
    "en": [("good at first but boring in the end", "boring at first but good in the end"),
           ("the acting was bad but the story was good", "the acting was good but the story was bad"),
           ("i expected it to be good but it was bad", "i expected it to be bad but it was good")],
    "ko": [("처음엔 재밌었지만 지루했다", "처음엔 지루했지만 재밌었다"),
           ("연기는 좋은데 내용이 별로", "연기는 별로인데 내용이 좋은"),
           ("기대했는데 최악이다 최고", "기대했는데 최고다 최악")],
}


@dataclass(frozen=True)
class Shuffle:
    """The learner's first sentence read in another order by a sentiment model, and what that shows."""

    shuffled: list[str]  # the tokens the model reads, in the shuffled order
    text: str  # the shuffled order as a reader sees it (Korean: the words between spaces, shuffled)
    p: float  # p(positive) in the original order
    p_shuffled: float  # p(positive) in the shuffled order
    claim: str  # "flips" (the verdict changes side), "moves" (|p - p_shuffled| >= ORDER_MOVES), "barely", "one"
    example: tuple[str, float, str, float] | None  # a pair from ORDER_PAIRS that flips on this model, or None


def order_claim(p: float, p_shuffled: float, tokens: int) -> str:
    """What reading the tokens in another order did, from the two numbers."""
    from rnn_core.sentiment import label_of

    if tokens < 2:
        return "one"
    if label_of(p) != label_of(p_shuffled):
        return "flips"
    return "moves" if abs(p - p_shuffled) >= ORDER_MOVES else "barely"


def shuffled_verdict(name: str, text: str, seed: int) -> Shuffle:
    """The first sentence's tokens in a seeded shuffled order, both verdicts, the claim and a flipping example."""
    return _shuffled_verdict(name, digest_of(name), cut(text), seed)


@st.cache_data(max_entries=256, show_spinner=False)
def _shuffled_verdict(name: str, digest: str, text: str, seed: int) -> Shuffle:
    model = sentiment_model(name)
    tokens, shuffled, shown = shuffle_tokens(model, text, seed)
    p = float(model.probabilities(np.asarray([model.vocab.encode(tokens)]))[0]) if tokens else 0.5
    q = float(model.probabilities(np.asarray([model.vocab.encode(shuffled)]))[0]) if tokens else 0.5
    example = _order_example(name, digest)
    return Shuffle(shuffled=shuffled, text=shown, p=p, p_shuffled=q, claim=order_claim(p, q, len(tokens)),
                   example=example)


@st.cache_data(max_entries=16, show_spinner=False)
def _order_example(name: str, digest: str) -> tuple[str, float, str, float] | None:
    """The first pair of ORDER_PAIRS whose two orders get opposite verdicts from model ``name`` (None if none)."""
    from rnn_core.sentiment import label_of

    model = sentiment_model(name)
    for a, b in ORDER_PAIRS[model.card.language]:
        pa, pb = model.predict([a, b])
        if label_of(pa) != label_of(pb):
            return a, float(pa), b, float(pb)
    return None


def shuffle_tokens(model, text: str, seed: int) -> tuple[list[str], list[str], str]:
    """(the tokens the model reads, the same tokens in a seeded other order, that order as shown).

    A model that reads syllables gets its words (between spaces) shuffled, so a reader sees the same words in
    another order, not syllable soup; a one-word text, and a model reading words, get their tokens shuffled."""
    tokens = model.encode(text)[0]  # the tokens the model reads (the last maxlen)
    words = text.split()
    if model.card.scheme == "syllables" and len(words) > 1:
        order = np.random.default_rng(seed).permutation(len(words))
        if np.all(order == np.arange(len(words))):
            order = np.roll(order, 1)  # always a different order
        shown = " ".join(words[i] for i in order)
        return tokens, model.encode(shown)[0], shown
    order = np.random.default_rng(seed).permutation(len(tokens))
    if len(tokens) > 1 and np.all(order == np.arange(len(tokens))):
        order = np.roll(order, 1)
    shuffled = [tokens[i] for i in order]
    return tokens, shuffled, " ".join(shuffled)


@st.cache_data(max_entries=256, show_spinner=False)
def toy_layer_shapes(batch: int, steps: int, features: int, units: int) -> tuple[tuple, tuple]:
    """Output shapes of a random SimpleRNN(units) on a (batch, steps, features) batch: (last only, all states)."""
    from rnn_core.cells import random_cell
    from rnn_core.sequence import layer_output

    cell = random_cell("SimpleRNN", features, units)
    trace = run(cell, np.zeros((batch, steps, features), np.float32))
    return layer_output(trace, False).shape, layer_output(trace, True).shape


@st.cache_data(max_entries=256, show_spinner=False)
def stacked_shapes(vocab: int, embed: int, units1: int, units2: int, batch: int = 8,
                   steps: int = 20) -> list[tuple[str, tuple, int, str]]:
    """Embedding -> SimpleRNN(units1, return_sequences=True) -> SimpleRNN(units2) -> Dense(1), run on a batch.

    Returns (layer, output shape, parameters, formula) per layer; shapes come from the real NumPy run.
    """
    from rnn_core.cells import random_cell
    from rnn_core.params import FORMULAS, dense_params, embedding_params, rnn_params
    from rnn_core.sequence import run_stack

    ids = np.random.default_rng(0).integers(0, vocab, (batch, steps))
    xs = np.random.default_rng(1).standard_normal((vocab, embed)).astype(np.float32)[ids] * 0.1  # (B, T, E)
    low, high = random_cell("SimpleRNN", embed, units1, scale=0.1), random_cell("SimpleRNN", units1, units2, scale=0.1)
    traces = run_stack([low, high], xs)
    last = traces[1].final_state[0]  # (B, units2)
    return [
        ("Embedding", xs.shape, embedding_params(vocab, embed), FORMULAS["Embedding"]),
        (f"SimpleRNN({units1}, return_sequences=True)", traces[0].h.shape, rnn_params("SimpleRNN", embed, units1),
         FORMULAS["SimpleRNN"]),
        (f"SimpleRNN({units2})", last.shape, rnn_params("SimpleRNN", units1, units2), FORMULAS["SimpleRNN"]),
        ("Dense(1)", (batch, 1), dense_params(units2, 1), FORMULAS["Dense"]),
    ]


@st.cache_data(max_entries=256, show_spinner=False)
def toy_bidirectional(text: str, units: int = 4, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """(words, forward and backward states (T, 2 * units)) of a random bidirectional SimpleRNN over toy word
    vectors of the text's first MAX_STEP_WORDS words."""
    from rnn_core.cells import random_cell
    from rnn_core.sequence import run_bidirectional
    from rnn_core.toy import sentence_tensor

    words = tokenize(cut(text), "words")[:MAX_STEP_WORDS]
    if not words:
        return [], np.zeros((0, 2 * units), np.float32)
    xs = sentence_tensor(words, 4, seed)
    fwd, bwd = random_cell("SimpleRNN", 4, units, seed=seed), random_cell("SimpleRNN", 4, units, seed=seed + 1)
    return words, run_bidirectional(fwd, bwd, xs).output(return_sequences=True)[0]


def table_name(source: str, lang: str) -> str:
    """The model whose vectors an embeddings view uses: the language's skip-gram vectors ('en-word2vec',
    'ko-word2vec') or its LSTM."""
    return f"{lang}-word2vec" if source == "word2vec" else f"{lang}-lstm"


def hidden_of(source: str, lang: str, tokens: tuple[str, ...]) -> np.ndarray:
    """The ids an embeddings view never names (rnn_core.embeddings.hidden_ids): offensive tokens, and in a
    morpheme vocabulary (ko-word2vec) every token that is not a content morpheme."""
    from rnn_core.assets import verify
    from rnn_core.embeddings import hidden_ids

    return hidden_ids(tokens, morphemes=verify(table_name(source, lang)).card.scheme == "morphemes")


@dataclass(frozen=True)
class SentenceVectors:
    tokens: list[str]  # the tokens the model reads
    rows: np.ndarray  # (T, E) their embedding rows


def sentence_vectors(name: str, text: str) -> SentenceVectors:
    """The embedding rows of the learner's tokens in model ``name`` (at most MAX_TOKENS)."""
    return _sentence_vectors(name, digest_of(name), cut(text))


@st.cache_data(max_entries=256, show_spinner=False)
def _sentence_vectors(name: str, digest: str, text: str) -> SentenceVectors:
    model = sentiment_model(name)
    tokens, ids, _ = model.encode(text)
    return SentenceVectors(tokens=tokens[:MAX_TOKENS], rows=model.network.embedding.table[ids[:MAX_TOKENS]])


@dataclass(frozen=True)
class WordMap:
    labels: list[str]  # the words drawn: the most frequent ones, then the learner's
    coords: np.ndarray  # (m, 2) PCA projection of their vectors
    explained: np.ndarray  # (2,) share of the variance each axis keeps
    mine: np.ndarray  # (m,) True for the learner's words


def word_map(source: str, lang: str, words: tuple[str, ...], frequent: int = 300) -> WordMap:
    """The vectors of the `frequent` most common tokens plus ``words``, projected to 2-D by PCA."""
    return _word_map(source, lang, digest_of(table_name(source, lang)), tuple(words[:MAX_TOKENS]), frequent)


@st.cache_data(max_entries=256, show_spinner=False)
def _word_map(source: str, lang: str, digest: str, words: tuple[str, ...], frequent: int) -> WordMap:
    from rnn_core.embeddings import pca_2d

    vocab, table = embedding_table(source, lang)
    shown = np.setdiff1d(np.arange(2, len(vocab)), hidden_of(source, lang, vocab.tokens))  # ascending
    ids = [int(i) for i in shown[:frequent]]  # the most frequent tokens fit to show
    extra = [i for i in dict.fromkeys(vocab.encode(list(words))) if i > 1 and i not in ids]  # the learner's own
    rows = ids + extra
    coords, explained = pca_2d(table[rows].astype(np.float64))
    mine = set(vocab.encode(list(words)))
    return WordMap(labels=vocab.decode(rows), coords=coords, explained=explained,
                   mine=np.array([i in mine for i in rows]))


def neighbours(source: str, lang: str, word: str, k: int = 10) -> list[tuple[str, float]] | None:
    """The k tokens whose vectors are closest (cosine) to ``word``'s; None if it is not in the vocabulary."""
    from rnn_core.embeddings import nearest

    vocab, table = embedding_table(source, lang)
    i = vocab.id_of(word)
    if i <= 1:
        return None
    found = nearest(table, table[i], k, exclude=(0, 1, i), blocked=hidden_of(source, lang, vocab.tokens))
    return [(vocab.tokens[j], s) for j, s in found]


def analogy_of(source: str, lang: str, a: str, b: str, c: str, k: int = 5) -> list[tuple[str, float]] | None:
    """Tokens nearest to a - b + c; None if any of the three is out of vocabulary."""
    from rnn_core.embeddings import analogy

    vocab, table = embedding_table(source, lang)
    ids = [vocab.id_of(w) for w in (a, b, c)]
    if min(ids) <= 1:
        return None
    return [(vocab.tokens[j], s) for j, s in analogy(table, *ids, k=k, blocked=hidden_of(source, lang, vocab.tokens))]


def shown_tokens(name: str) -> tuple[tuple[str, ...], np.ndarray]:
    """(labels, allowed) of language model ``name``'s vocabulary: each token as the page names it (English words
    as they are; Kiwi morphemes as a learner reads them, ui.compute_korean.next_token_label: 재밌(다), -가) and a
    (V,) bool mask, False for padding, [UNK] and every label rnn_core.safe_words blocks."""
    return _shown_tokens(name, digest_of(name))


@st.cache_data(max_entries=4, show_spinner=False)
def _shown_tokens(name: str, digest: str) -> tuple[tuple[str, ...], np.ndarray]:
    from rnn_core.safe_words import allowed_mask
    from ui.compute_korean import next_token_label
    from ui.models import language_model

    model = language_model(name)
    labels = model.vocab.tokens
    if model.card.scheme == "morphemes":
        labels = tuple(next_token_label(token) for token in labels)
    allowed = allowed_mask(labels).copy()  # (V,)
    allowed[:2] = False  # [PAD], [UNK]
    return labels, allowed


def _top(p: np.ndarray, labels: tuple[str, ...], allowed: np.ndarray, k: int) -> list[tuple[str, float]]:
    """The k most likely allowed tokens of the (V,) distribution p, each label named once (its likeliest token)."""
    top: dict[str, float] = {}
    for i in np.argsort(-np.where(allowed, p, -1.0)):
        if len(top) == k or not allowed[i]:
            break
        top.setdefault(labels[i], float(p[i]))
    return list(top.items())


def next_words(prefix: str, k: int = 10, name: str = "en-lm") -> list[tuple[str, float]]:
    """Language model ``name``'s k most likely next tokens after ``prefix`` (labels as shown_tokens names them)."""
    return _next_words(name, digest_of(name), cut(prefix), k)


@st.cache_data(max_entries=512, show_spinner=False)
def _next_words(name: str, digest: str, prefix: str, k: int) -> list[tuple[str, float]]:
    from ui.models import language_model

    model = language_model(name)
    ids = model.encode(prefix)
    if not ids:
        return []
    return _top(model.distribution(ids), *shown_tokens(name), k)


@dataclass(frozen=True)
class PrefixPair:
    """Two prefixes through the language model: how far apart their next-word guesses are."""

    first: list[tuple[str, float]]  # the top next words after the first prefix
    second: list[tuple[str, float]]  # ... after the second
    moved: float  # total variation distance 0.5 * sum |p1 - p2| over the vocabulary: the share of probability moved
    word: str  # the allowed word whose probability changed most
    p_first: float  # its probability after the first prefix
    p_second: float  # ... after the second


def prefix_pair(first: str, second: str, k: int = 5, name: str = "en-lm") -> PrefixPair | None:
    """Language model ``name``'s guesses after two prefixes (None when either has no token it reads)."""
    return _prefix_pair(name, digest_of(name), cut(first), cut(second), k)


@st.cache_data(max_entries=256, show_spinner=False)
def _prefix_pair(name: str, digest: str, first: str, second: str, k: int) -> PrefixPair | None:
    from ui.models import language_model

    model = language_model(name)
    ids = model.encode(first), model.encode(second)
    if not ids[0] or not ids[1]:
        return None
    labels, allowed = shown_tokens(name)  # no offensive word and no [PAD]/[UNK] is ever named
    p1, p2 = model.distribution(ids[0]), model.distribution(ids[1])  # (V,) each
    j = int(np.argmax(np.where(allowed, np.abs(p1 - p2), -1.0)))
    return PrefixPair(_top(p1, labels, allowed, k), _top(p2, labels, allowed, k),
                      float(0.5 * np.abs(p1 - p2).sum()), labels[j], float(p1[j]), float(p2[j]))


# --- the demo's limits: hard sentences, what a reader says, what each model says -------------------------

LIMIT_SENTENCES = {  # (kind, sentence, what a reader says)
    "en": (("contrast", "the plot was predictable but the acting saved it", "pos"),
           ("contrast", "i expected to hate it, and i did not", "pos"),
           ("contrast", "beautiful to look at, but painfully boring", "neg"),
           ("sarcasm", "oh great, another two hours of my life i will never get back", "neg"),
           ("sarcasm", "a masterpiece, if you enjoy watching paint dry", "neg"),
           ("unseen", "a scintillating, virtuosic tour de force", "pos"),
           ("negation", "i would not call it bad", "pos")),
    "ko": (("contrast", "스토리는 뻔했지만 배우들이 살렸다", "pos"),
           ("contrast", "영상은 예쁜데 너무 지루하다", "neg"),
           ("sarcasm", "와 정말 대단하다 돈이 아깝다", "neg"),
           ("sarcasm", "잠이 잘 오는 영화 추천합니다", "neg"),
           ("unseen", "미장센이 압도적인 수작", "pos"),
           ("negation", "나쁘다고는 못하겠다", "pos")),
}


@dataclass(frozen=True)
class Limits:
    rows: list[tuple[str, str, str, dict[str, float]]]  # (kind, sentence, reader's label, p(positive) by model)
    wrong: dict[str, int]  # model -> how many of the rows it gets wrong
    cases: int  # rows x models


def limits(lang: str, names: tuple[str, ...]) -> Limits:
    """The shipped models ``names`` on the language's hard sentences; counts computed from their verdicts."""
    return _limits(lang, names, tuple(digest_of(name) for name in names))


@st.cache_data(max_entries=16, show_spinner=False)
def _limits(lang: str, names: tuple[str, ...], digests: tuple[str, ...]) -> Limits:
    from rnn_core.sentiment import label_of

    rows, wrong = [], dict.fromkeys(names, 0)
    for kind, sentence, expected in LIMIT_SENTENCES[lang]:
        p = {name: float(sentiment_model(name).predict([sentence])[0]) for name in names}
        for name, value in p.items():
            wrong[name] += label_of(value) != expected
        rows.append((kind, sentence, expected, p))
    return Limits(rows=rows, wrong=wrong, cases=len(rows) * len(names))


def symbols_only(tokens: list[str]) -> bool:
    """True when no token holds a letter or digit (e.g. '!!!'): the verdict then says nothing about meaning."""
    return bool(tokens) and not any(ch.isalnum() for token in tokens for ch in token)


# --- lesson 4: three read-outs of one frozen SimpleRNN, each with its trained head --------------------------

@dataclass(frozen=True)
class ReadoutVerdicts:
    """The learner's sentence read out three ways (rnn_core.readouts) by the heads trained on ``base``'s states."""

    base: str  # the frozen SimpleRNN (en-rnn, ko-rnn)
    steps: int  # the fixed length the heads read (the text pre-padded to it): the concatenation has steps * units
    p: dict[str, float]  # p(positive) by read-out: last, mean, concat
    accuracy: dict[str, float]  # test accuracy by read-out (the heads' card)
    best: str  # the read-out with the highest test accuracy
    agree: bool  # the three verdicts fall on the same side


def readout_verdicts(base: str, text: str) -> ReadoutVerdicts | None:
    """None when the text holds no token the model reads; raises ModelFileError when a file cannot be used."""
    return _readout_verdicts(base, digest_of(base), digest_of(f"{base}-readouts"), cut(text))


@st.cache_data(max_entries=256, show_spinner=False)
def _readout_verdicts(base: str, digest: str, heads_digest: str, text: str) -> ReadoutVerdicts | None:
    from rnn_core.readouts import KINDS, features
    from rnn_core.sentiment import label_of
    from rnn_core.text import pad_sequences
    from ui.models import readout_heads

    model = sentiment_model(base)
    card, heads = readout_heads(f"{base}-readouts")
    ids = model.encode(text)[1]
    if not ids:
        return None
    padded = pad_sequences([ids], maxlen=card.maxlen, padding="pre")  # (1, L)
    run_ = model.network.run(padded)
    trace = next(tr for tr in run_.traces if tr is not None)
    x = features(trace.h, run_.mask)  # {kind: (1, n)}
    p = {k: float(heads.probabilities(k, x[k])[0]) for k in KINDS}
    accuracy = {k: float(card.metrics[f"test_accuracy_{k}"]) for k in KINDS}
    return ReadoutVerdicts(base=base, steps=card.maxlen, p=p, accuracy=accuracy, best=max(accuracy, key=accuracy.get),
                           agree=len({label_of(v) for v in p.values()}) == 1)
