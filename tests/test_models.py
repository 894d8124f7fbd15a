"""The six shipped models: cards, targets, NumPy == Keras on real sentences, and the command-line scorer."""
from __future__ import annotations

import functools
import json
import subprocess
import sys

import numpy as np
import pytest

from rnn_core.assets import ASSETS, sha256_of, verify
from rnn_core.sentiment import MODEL_NAMES, SentimentModel
from rnn_core.text import pad_sequences
from tests.conftest import ROOT
from training import corpora

TARGETS = {"en-lstm": 0.88, "en-gru": 0.88, "en-rnn": 0.84, "ko-lstm": 0.85, "ko-gru": 0.85, "ko-rnn": 0.80,
           "ko-lstm-morphemes": 0.86}
SHORT_OF_TARGET: dict[str, str] = {}  # measured shortfalls, kept visible as strict xfails (none at present)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_card_is_complete(name):
    card = verify(name, ASSETS).card
    for file in (card.model_file, card.vocab_file):
        assert card.sha256[file] == sha256_of(ASSETS / file)
    assert (ASSETS / card.model_file).stat().st_size < 6_000_000
    assert card.parameters > 0 and card.training["epochs_run"] >= 1
    assert card.metrics["short_sentences"]["count"] >= 40


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=SHORT_OF_TARGET[n], strict=True))
                                  if n in SHORT_OF_TARGET else n for n in MODEL_NAMES])
def test_meets_its_test_accuracy_target(name):
    """Measured here on 1,000 test reviews drawn at random: the card's figure holds, and so does the target."""
    from training.train_sentiment import accuracy

    model = SentimentModel.load(name, ASSETS)
    texts, labels = corpora.imdb("test") if model.card.language == "en" else corpora.nsmc("test")
    sample = np.random.default_rng(7).choice(len(texts), 1000, replace=False)
    measured = accuracy(model, [texts[i] for i in sample], labels[sample])
    # 1,000 draws: the standard error of an accuracy near 0.85 is about 0.011; 3 of them is a fair margin
    assert abs(measured - model.card.metrics["test_accuracy"]) <= 0.035
    assert measured >= TARGETS[name] - 0.035


@functools.lru_cache(maxsize=2)
def real_sentences(language: str, n: int = 300) -> list[str]:
    """Reviews from the official test split (cut to 80 words to keep the test quick) plus our short sentences."""
    if language == "en":
        texts = corpora.imdb("test")[0][::83][: n // 2] + corpora.sst2()[0][: n // 2]
    else:
        texts = corpora.nsmc("test")[0][:n]
    texts = [" ".join(t.split()[:80]) for t in texts]
    short = (ROOT / "training" / "short_sentences" / f"{language}.tsv").read_text(encoding="utf-8")
    return texts + [line.split("\t", 1)[1] for line in short.splitlines() if "\t" in line and line[0] != "#"]


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_numpy_forward_pass_equals_keras_on_real_sentences(keras, name):
    model = SentimentModel.load(name)
    twin = keras.saving.load_model(ASSETS / model.card.model_file, compile=False)
    sentences = real_sentences(model.card.language)
    assert len(sentences) >= 300
    ids = pad_sequences([model.encode(s)[1] for s in sentences], padding="pre")
    ours = model.probabilities(ids)
    theirs = np.asarray(twin(ids, training=False))[:, 0]
    np.testing.assert_allclose(ours, theirs, atol=1e-5)
    prefix = model.read(sentences[0]).prefix_probabilities[-1]  # the per-word path ends at the same verdict
    assert abs(prefix - ours[0]) < 1e-5 or len(model.encode(sentences[0])[1]) == 0


def run_scorer(model: str, lines: list[str]) -> list[list[str]]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "rnn_core.sentiment", "--model", model],
                         input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.stderr.splitlines()
                if line.startswith("import time:")}  # -X importtime lists every module imported
    assert "numpy" in imported and not imported & {"tensorflow", "keras", "streamlit", "plotly"}
    return [line.split("\t") for line in out.stdout.splitlines()]


def test_scorer_reads_stdin_and_writes_tab_separated_lines():
    rows = run_scorer("en-lstm", ["the movie was not fun.", "not bad at all", "", "🙂", "a\tb"])
    assert len(rows) == 5
    for p, label, _ in (r[:3] for r in rows):
        assert 0.0 <= float(p) <= 1.0 and label == ("pos" if float(p) >= 0.5 else "neg")
    assert rows[0][1] == "neg" and rows[1][1] == "pos"
    assert rows[2] == ["0.5000", "pos", ""]


def test_scorer_korean_model():
    rows = run_scorer("ko-gru", ["영화가 정말 재밌어요", "최악의 영화"])
    assert [r[1] for r in rows] == ["pos", "neg"]


def test_scorer_reports_a_damaged_model(tmp_path):
    for f in ASSETS.glob("en-*"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "en-lstm.keras").write_bytes(b"broken")
    out = subprocess.run([sys.executable, "-m", "rnn_core.sentiment", "--model", "en-lstm", "--assets", str(tmp_path)],
                         input="x\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 2 and "sha256" in out.stderr


def test_cards_are_valid_json():
    for name in MODEL_NAMES:
        json.loads((ASSETS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,text", [("en-gru", "the cast is good but the script is awful"),
                                       ("ko-rnn", "처음엔 지루했지만 결말이 정말 좋았다")])
def test_verdict_per_prefix_and_push_per_token_are_what_they_claim(name, text):
    model = SentimentModel.load(name)
    reading = model.read(text)
    for t in range(1, len(reading.ids) + 1):  # p after t tokens = the model run on those t tokens alone
        assert reading.prefix_probabilities[t - 1] == pytest.approx(model.probabilities(reading.ids[None, :t])[0],
                                                                    abs=1e-6)
    pushes = model.leave_one_out(reading.ids)
    for t in (0, len(reading.ids) - 1):
        without = np.delete(reading.ids, t)[None]
        assert pushes[t] == pytest.approx(reading.probability - model.probabilities(without)[0], abs=1e-6)


def test_language_model_equals_keras_and_predicts_sensibly(keras):
    from rnn_core.language_model import LanguageModel

    lm = LanguageModel.load()
    twin = keras.saving.load_model(ASSETS / "en-lm.keras", compile=False)
    ids = pad_sequences([lm.encode(s) for s in real_sentences("en")[:40]], maxlen=30, truncating="post")
    np.testing.assert_allclose(lm.network(ids), np.asarray(twin(ids)), atol=1e-5)
    assert {"movie", "film"} <= {w for w, _ in lm.next_words("i watched the", 10)}
    assert "seen" in {w for w, _ in lm.next_words("this is the worst movie i have ever", 5)}  # issue item 3
    assert lm.next_words("🙂") == []


def test_language_model_test_perplexity_holds():
    """Measured here, in NumPy, on 100 IMDB test reviews drawn at random, counted as the card says
    ([UNK] is one of the 10,000 words); the uniform guess would be 10,000. The issue's target is 150: the
    card's test figure must meet it (the shipped model: 133.3; the ones before it, 176 and 330) and hold here."""
    from rnn_core.language_model import LanguageModel

    lm = LanguageModel.load()
    texts = corpora.imdb("test")[0]
    sample = np.random.default_rng(7).choice(len(texts), 100, replace=False)
    measured, targets, unknown = lm.perplexity([texts[i] for i in sample])
    assert targets > 15_000 and unknown < 0.08
    assert measured <= 160 and lm.card.metrics["test_perplexity"] <= 150
    assert abs(np.log(measured / lm.card.metrics["test_perplexity"])) < 0.1  # the card's figure holds here too
    per_epoch = lm.card.training["validation_perplexity_per_epoch"]
    assert len(per_epoch) == lm.card.training["epochs"] and per_epoch[-1] == lm.card.metrics["validation_perplexity"]


def run_next_words(model: str, lines: list[str], top: int | None = None) -> list[dict]:
    """python -m rnn_core.language_model: one JSON line per prefix, without TensorFlow, Keras, Streamlit or Plotly."""
    extra = ["--top", str(top)] if top is not None else []
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "rnn_core.language_model", "--model", model,
                          *extra], input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.stderr.splitlines()
                if line.startswith("import time:")}
    assert "numpy" in imported and not imported & {"tensorflow", "keras", "streamlit", "plotly"}
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_next_words_command_line():
    rows = run_next_words("en-lm", ["this is the worst movie i have ever", "", "🙂 \t x"], top=5)
    assert [r["prefix"] for r in rows] == ["this is the worst movie i have ever", "", "🙂 \t x"]
    assert len(rows[0]["next"]) == 5 and "seen" in [w for w, _ in rows[0]["next"]]
    assert all(0 < p <= 1 for _, p in rows[0]["next"]) and rows[1]["next"] == []
    assert len(run_next_words("en-lm", ["the movie is"])[0]["next"]) == 10  # the default --top


def test_word_vectors_card_and_file():
    from rnn_core.embeddings import load_word_vectors

    card = verify("en-word2vec", ASSETS).card
    assert card.sha256["en-word2vec.npz"] == sha256_of(ASSETS / "en-word2vec.npz")
    tokens, vectors = load_word_vectors("en-word2vec", ASSETS)
    assert vectors.shape == (len(tokens), 100) and np.all(np.isfinite(vectors))


def test_corpus_readers_match_the_published_counts():
    texts, labels = corpora.sst2()
    assert len(texts) == 67349 and int(labels.sum()) == 37569
    texts, labels = corpora.nsmc("test")
    assert 49990 <= len(texts) <= 50000 and set(np.unique(labels)) == {0, 1}
    train, held = corpora.split_off(1000, 0.1, seed=1)
    assert len(held) == 100 and not set(train) & set(held)
