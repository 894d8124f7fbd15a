"""Train one shipped sentiment model and write it, its vocabulary and its card to assets/models.

    python -m training.train_sentiment --model en-lstm            # IMDB + SST-2
    python -m training.train_sentiment --model ko-gru             # NSMC
    python -m training.train_sentiment --model en-rnn --download  # fetch the corpora first

Epochs are chosen on a validation split carved from the training files (early stopping on
validation accuracy); the official test split is read once, at the end, for the reported figure.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.params import dense_params, embedding_params, rnn_params  # noqa: E402
from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.sentiment import CELLS, SentimentModel, label_of  # noqa: E402
from rnn_core.text import build_vocabulary, pad_sequences, tokenize  # noqa: E402
from training import corpora  # noqa: E402

SETTINGS = {  # per language: tokenizer, vocabulary, longest sequence, sizes
    "en": dict(scheme="words", vocab_size=16000, maxlen=400, embedding_dim=64, units=64),
    "ko": dict(scheme="syllables", vocab_size=3000, maxlen=120, embedding_dim=64, units=64),
}
MAX_EPOCHS = {"en": 6, "ko": 10, "en-rnn": 10, "en-lstm": 8}  # early stopping on validation accuracy picks the epoch
OPTIMIZER = {  # Adam learning rate and early-stopping patience; a SimpleRNN needs a gentler, longer run
    "default": dict(learning_rate=1e-3, patience=1),
    "en-rnn": dict(learning_rate=3e-4, patience=3),
    "en-lstm": dict(learning_rate=1e-3, patience=2),  # its validation accuracy dips once before it peaks
}
OVERRIDES = {  # a SimpleRNN forgets over long spans (lesson 5): it learns better from the last 200 words
    "en-rnn": dict(maxlen=200),
    "ko-lstm": dict(embedding_dim=128, units=128),  # syllables carry less meaning each: more capacity helps
    "ko-gru": dict(embedding_dim=128, units=128),
    # Kiwi morphemes: a review is ~20 of them (~35 syllables); 12,000 cover 98% of NSMC train's morphemes
    "ko-lstm-morphemes": dict(scheme="morphemes", vocab_size=12000, maxlen=80, embedding_dim=64, units=128),
}
DROPOUT = {  # on the cell's inputs while training only (the shipped forward pass has none): against overfitting
    "en-lstm": 0.3,  # without it, training accuracy reaches 0.97 while validation stalls at 0.888
    "en-rnn": 0.2,  # IMDB validation 0.842 -> 0.856
}
SST2_REPEATS = {  # short phrases seen this many times per epoch: they teach negation ("not bad") that reviews bury
    "en-lstm": 3,
}
SHORT = Path(__file__).resolve().parent / "short_sentences"


def load_data(language: str, sst2_repeats: int = 1):
    """(train texts, labels, times each is seen per epoch, validation sets {name: (texts, labels)},
    a reader of the test split, data card)."""
    if language == "en":
        texts, labels = corpora.imdb("train")
        keep, held = corpora.split_off(len(texts), 0.1, seed=1)
        sst_texts, sst_labels = corpora.sst2()
        sst_keep, sst_held = corpora.split_off(len(sst_texts), 0.05, seed=2)
        train = [texts[i] for i in keep] + [sst_texts[i] for i in sst_keep]
        train_labels = np.concatenate([labels[keep], sst_labels[sst_keep]])
        times = np.concatenate([np.ones(len(keep), int), np.full(len(sst_keep), sst2_repeats)])
        val = {"imdb": ([texts[i] for i in held], labels[held]),
               "sst2": ([sst_texts[i] for i in sst_held], sst_labels[sst_held])}
        repeats = f", each seen {sst2_repeats} times an epoch" if sst2_repeats > 1 else ""
        data = {"train": f"IMDB train ({len(keep)} reviews) + SST-2 train ({len(sst_keep)} phrases{repeats})",
                "validation": f"IMDB train held out ({len(held)}), SST-2 held out ({len(sst_held)}); "
                              "the epoch is chosen on the mean of the two accuracies",
                "test": "IMDB test (25,000 reviews)"}
        return train, train_labels, times, val, lambda: corpora.imdb("test"), data
    texts, labels = corpora.nsmc("train")
    keep, held = corpora.split_off(len(texts), 0.1, seed=1)
    data = {"train": f"NSMC ratings_train ({len(keep)} reviews)",
            "validation": f"NSMC ratings_train held out ({len(held)})",
            "test": "NSMC ratings_test (non-empty reviews)"}
    val = {"nsmc": ([texts[i] for i in held], labels[held])}
    return [texts[i] for i in keep], labels[keep], np.ones(len(keep), int), val, lambda: corpora.nsmc("test"), data


def encode_all(texts, vocab, card: ModelCard) -> list[list[int]]:
    return [vocab.encode(tokenize(t, card.scheme)[-card.maxlen:]) for t in texts]


def make_batches(keras, seqs, labels, batch_size: int, shuffle: bool, seed: int = 0):
    """Batches of similar length (sorted by length, then the batch order shuffled) to spare padding."""

    class Batches(keras.utils.PyDataset):
        def __init__(self):
            super().__init__()
            order = np.argsort([len(s) for s in seqs], kind="stable")
            self.groups = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
            self.rng = np.random.default_rng(seed)
            self.on_epoch_end()

        def __len__(self):
            return len(self.groups)

        def __getitem__(self, k):
            group = self.groups[self.schedule[k]]
            batch = [seqs[i] for i in group]
            ids = pad_sequences(batch, maxlen=max(1, max(map(len, batch))), padding="pre")  # >= 1 step
            return ids, labels[group].astype(np.float32)

        def on_epoch_end(self):
            n = len(self.groups)
            self.schedule = self.rng.permutation(n) if shuffle else np.arange(n)

    return Batches()


def build(keras, card: ModelCard):
    """Embedding(mask_zero) -> SimpleRNN / LSTM / GRU -> Dense(1, sigmoid): the model the lessons open up."""
    return keras.Sequential([
        keras.Input((None,), dtype="int32"),
        keras.layers.Embedding(card.vocab_size, card.embedding_dim, mask_zero=True, name="embedding"),
        getattr(keras.layers, card.cell)(card.units, dropout=DROPOUT.get(card.name, 0.0), name=card.cell.lower()),
        keras.layers.Dense(1, activation="sigmoid", name="verdict"),
    ], name=card.name)


def validation_callback(keras, val_batches: dict):
    """After each epoch, the accuracy on every validation set; 'val_accuracy' is their mean (it picks the epoch)."""
    class Validation(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            scores = {name: batch_accuracy(self.model, batches) for name, batches in val_batches.items()}
            logs.update({f"val_{name}_accuracy": value for name, value in scores.items()})
            logs["val_accuracy"] = float(np.mean(list(scores.values())))

    return Validation()


def batch_accuracy(model, batches) -> float:
    """Accuracy of a Keras model called directly on (ids, labels) batches of any lengths."""
    right = total = 0
    for k in range(len(batches)):
        ids, labels = batches[k]
        right += int(np.sum((np.asarray(model(ids, training=False))[:, 0] >= 0.5) == (labels == 1)))
        total += len(labels)
    return right / total


def progress_callback(keras, epochs: int):
    class Progress(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.start = time.time()

        def on_epoch_end(self, epoch, logs=None):
            spent = time.time() - self.start
            left = spent / (epoch + 1) * (epochs - epoch - 1)
            scores = ", ".join(f"{k} {v:.4f}" for k, v in logs.items() if k.startswith("val_"))
            print(f"epoch {epoch + 1}/{epochs} done in {spent:.0f} s total, {scores}, "
                  f"at most about {left:.0f} s left", flush=True)

    return Progress()


def short_sentence_accuracy(model: SentimentModel, language: str) -> dict:
    rows = [line.split("\t", 1) for line in (SHORT / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    p = model.predict([sentence for _, sentence in rows])
    wrong = [s for (label, s), pi in zip(rows, p) if label_of(pi) != label]
    return {"accuracy": round(1 - len(wrong) / len(rows), 4), "count": len(rows), "wrong": wrong}


def train(name: str, epochs: int, out: Path) -> ModelCard:
    import keras

    keras.utils.set_random_seed(0)
    language, cell_key = name.split("-")[:2]  # "ko-lstm-morphemes": a Korean LSTM reading morphemes
    card = ModelCard(name=name, kind="sentiment", language=language, cell=CELLS[cell_key],
                     **(SETTINGS[language] | OVERRIDES.get(name, {})))
    started = time.time()
    train_texts, train_labels, times, val_sets, read_test, card.data = load_data(language, SST2_REPEATS.get(name, 1))
    vocab = build_vocabulary((tokenize(t, card.scheme) for t in train_texts), card.vocab_size)  # each text once
    print(f"{name}: {len(train_texts)} training texts, vocabulary {len(vocab)}", flush=True)
    seen = np.repeat(np.arange(len(train_texts)), times)
    encoded = encode_all(train_texts, vocab, card)
    train_seqs, train_labels = [encoded[i] for i in seen], train_labels[seen]
    val_batches = {set_name: make_batches(keras, encode_all(texts, vocab, card), labels, 256, shuffle=False)
                   for set_name, (texts, labels) in val_sets.items()}
    model = build(keras, card)
    opt = OPTIMIZER.get(name, OPTIMIZER["default"])
    model.compile(optimizer=keras.optimizers.Adam(opt["learning_rate"], clipnorm=1.0), loss="binary_crossentropy",
                  metrics=["accuracy"])
    stop = keras.callbacks.EarlyStopping("val_accuracy", patience=opt["patience"], mode="max",
                                         restore_best_weights=True)
    history = model.fit(make_batches(keras, train_seqs, train_labels, 64, shuffle=True), epochs=epochs, verbose=2,
                        callbacks=[validation_callback(keras, val_batches), stop, progress_callback(keras, epochs)])
    best_epoch = int(np.argmax(history.history["val_accuracy"])) + 1

    out.mkdir(parents=True, exist_ok=True)
    (out / card.vocab_file).write_text(json.dumps(list(vocab.tokens), ensure_ascii=False), encoding="utf-8")
    clean = build(keras, card)  # an uncompiled copy: the file holds weights only, no optimizer state
    clean.set_weights(model.get_weights())
    clean.save(out / card.model_file)
    card.parameters = (embedding_params(card.vocab_size, card.embedding_dim)
                       + rnn_params(card.cell, card.embedding_dim, card.units) + dense_params(card.units, 1))
    assert card.parameters == clean.count_params()
    card.training = {"epochs_run": len(history.history["loss"]), "best_epoch": best_epoch, "batch_size": 64,
                     "optimizer": f"Adam({opt['learning_rate']:g}, clipnorm=1.0)",
                     "input_dropout": DROPOUT.get(name, 0.0), "sst2_repeats": SST2_REPEATS.get(name, 1),
                     "validation_history": {k: [round(float(x), 4) for x in v]
                                            for k, v in history.history.items() if k.startswith("val_")},
                     "early_stopping_patience": opt["patience"], "seconds": round(time.time() - started),
                     "keras": keras.__version__, "command": f"python -m training.train_sentiment --model {name}"}
    card.write(out)  # records the sha256 of the model and vocabulary files

    shipped = SentimentModel.load(name, out)  # judge the file as the app reads it, in NumPy
    metrics = {}
    for set_name, (texts, labels) in val_sets.items():
        metrics[f"validation_{set_name}_accuracy"] = accuracy(shipped, texts, labels)
    test_texts, test_labels = read_test()
    metrics["test_accuracy"] = accuracy(shipped, test_texts, test_labels)
    metrics["test_size"] = len(test_texts)
    metrics["short_sentences"] = short_sentence_accuracy(shipped, language)
    card.metrics = metrics
    card.training["seconds"] = round(time.time() - started)
    card.write(out)
    print(json.dumps(asdict(card)["metrics"], ensure_ascii=False, indent=1), flush=True)
    return card


def accuracy(model: SentimentModel, texts: list[str], labels: np.ndarray, batch: int = 512) -> float:
    """Accuracy of the NumPy model, batching texts of similar length together."""
    seqs = [model.encode(t)[1] for t in texts]
    order = np.argsort([len(s) for s in seqs], kind="stable")
    correct = 0
    for k in range(0, len(order), batch):
        group = order[k : k + batch]
        p = model.probabilities(pad_sequences([seqs[i] for i in group], padding="pre"))
        correct += int(np.sum((p >= 0.5) == (labels[group] == 1)))
    return round(correct / len(texts), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, choices=[f"{l}-{c}" for l in SETTINGS for c in CELLS] + ["ko-lstm-morphemes"])
    parser.add_argument("--epochs", type=int, default=None,
                        help="at most this many (default: 6 for English, 10 for Korean); early stopping picks the best")
    parser.add_argument("--out", type=Path, default=ASSETS)
    parser.add_argument("--download", action="store_true", help="fetch the official corpora first")
    args = parser.parse_args()
    if args.download:
        corpora.download()
    train(args.model, args.epochs or MAX_EPOCHS.get(args.model, MAX_EPOCHS[args.model[:2]]), args.out)


if __name__ == "__main__":
    main()
