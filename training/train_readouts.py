"""Train lesson 4's three read-out heads on en-rnn's frozen hidden states and write en-rnn-readouts.npz + card.

    python -m training.train_readouts                   # en-rnn on IMDB
    python -m training.train_readouts --model ko-rnn    # ko-rnn on NSMC

en-rnn (SimpleRNN 64, last 200 words) reads every IMDB review once, in NumPy (ko-rnn: every NSMC review, 120
syllables); its states H (B, 200, 64) become the three read-outs of rnn_core.readouts (last h_T, the masked mean,
all 200 states side by side). Each gets its own logistic head, trained with rnn_core.adam (Keras 3's Adam) on the
training split minus the same held-out 10% the sentiment models use; the epoch is chosen on that validation split,
and the official test split is read once, at the end.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from rnn_core.activations import sigmoid
from rnn_core.adam import Adam, adam_start, adam_update
from rnn_core.assets import ASSETS, ModelCard
from rnn_core.readouts import KINDS, features, load_heads
from rnn_core.sentiment import SentimentModel
from rnn_core.text import pad_sequences
from training import corpora

BASES = ("en-rnn", "ko-rnn")  # each writes <base>-readouts
SETTINGS = dict(epochs=12, batch=256, learning_rate=1e-3, l2=1e-4, seed=0)


def read_outs(model: SentimentModel, texts: list[str], batch: int = 500) -> dict[str, np.ndarray]:
    """The three read-outs of every text under the frozen model: {kind: (N, n)} float32."""
    card = model.card
    out = {k: [] for k in KINDS}
    for start in range(0, len(texts), batch):
        ids = pad_sequences([model.encode(t)[1] for t in texts[start:start + batch]], maxlen=card.maxlen,
                            padding="pre")  # (b, T)
        run = model.network.run(ids)
        trace = next(tr for tr in run.traces if tr is not None)
        for kind, x in features(trace.h, run.mask).items():
            out[kind].append(x.astype(np.float32))
    return {k: np.concatenate(v) for k, v in out.items()}


def fit(x: np.ndarray, y: np.ndarray, x_val: np.ndarray, y_val: np.ndarray, s: dict) -> tuple[np.ndarray, float, list]:
    """Logistic regression by rnn_core.adam on mini-batches: (w (n,), b, validation accuracy per epoch); the best
    epoch's weights are kept."""
    rng = np.random.default_rng(s["seed"])
    weights = {"w": np.zeros(x.shape[1], np.float32), "b": np.zeros(1, np.float32)}  # (n,), (1,)
    state, adam = adam_start(weights), Adam(learning_rate=s["learning_rate"])
    history, best = [], (-1.0, weights)
    for _ in range(s["epochs"]):
        for idx in np.array_split(rng.permutation(len(x)), max(1, len(x) // s["batch"])):
            err = sigmoid(x[idx] @ weights["w"] + weights["b"]) - y[idx]  # (b,) dL/dz of the cross-entropy
            grads = {"w": x[idx].T @ err / len(idx) + s["l2"] * weights["w"], "b": np.array([err.mean()])}
            weights, state = adam_update(weights, grads, state, adam)
        acc = float(np.mean(((x_val @ weights["w"] + weights["b"]) > 0) == (y_val == 1)))
        history.append(round(acc, 4))
        if acc > best[0]:
            best = (acc, weights)
    return best[1]["w"], float(best[1]["b"][0]), history


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=BASES, default="en-rnn", help="the frozen SimpleRNN to read")
    parser.add_argument("--out", type=Path, default=ASSETS)
    args = parser.parse_args()
    started = time.time()
    base_name, name = args.model, f"{args.model}-readouts"
    model = SentimentModel.load(base_name)
    english = model.card.language == "en"
    texts, labels = corpora.imdb("train") if english else corpora.nsmc("train")
    keep, held = corpora.split_off(len(texts), 0.1, seed=1)  # the sentiment models' own validation split
    train = read_outs(model, [texts[i] for i in keep])
    val = read_outs(model, [texts[i] for i in held])
    print(f"read-outs of {len(keep)} + {len(held)} reviews in {time.time() - started:.0f} s", flush=True)
    weights, history = {}, {}
    for kind in KINDS:
        w, b, history[kind] = fit(train[kind], labels[keep].astype(np.float32), val[kind], labels[held], SETTINGS)
        weights[f"w_{kind}"], weights[f"b_{kind}"] = w, np.float32(b)
        print(kind, history[kind], flush=True)
    del train
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / f"{name}.npz", **weights)
    base = model.card
    corpus = "IMDB" if english else "NSMC"
    card = ModelCard(name=name, kind="readout", language=base.language, cell=base.cell, scheme=base.scheme,
                     vocab_size=base.vocab_size, maxlen=base.maxlen, embedding_dim=base.embedding_dim, units=base.units,
                     parameters=sum(int(np.size(v)) for v in weights.values()),
                     data={"states": f"{base_name} (frozen), sha256 of its file {base.sha256[base.model_file]}",
                           "train": f"{corpus} train ({len(keep)} reviews)",
                           "validation": f"{corpus} train held out ({len(held)})",
                           "test": "IMDB test (25,000 reviews)" if english else "NSMC test (non-empty reviews)"})
    card.training = {**SETTINGS, "validation_history": history, "seconds": round(time.time() - started),
                     "command": f"python -m training.train_readouts --model {base_name}"}
    card.write(args.out)
    _, heads = load_heads(name, args.out)  # judge the file as the app reads it
    test_texts, test_labels = corpora.imdb("test") if english else corpora.nsmc("test")
    test = read_outs(model, test_texts)
    card.metrics = {f"test_accuracy_{k}": round(float(np.mean((heads.probabilities(k, test[k]) >= 0.5)
                                                              == (test_labels == 1))), 4) for k in KINDS}
    card.metrics.update({f"validation_accuracy_{k}": max(history[k]) for k in KINDS}, test_size=len(test_texts))
    card.training["seconds"] = round(time.time() - started)
    card.write(args.out)
    print(json.dumps(asdict(card)["metrics"], indent=1), flush=True)


if __name__ == "__main__":
    main()
