"""Train a next-token language model on movie reviews: which token comes next?

    python -m training.train_language_model                  # en-lm: IMDB, English words
    python -m training.train_language_model --model ko-lm    # ko-lm: NSMC, Kiwi morphemes (재밌/VA, 다/EF)

Embedding(V, 64) -> LSTM(units, return_sequences=True) -> Dense(64) -> Dense(V, softmax). The small
linear Dense(64) before the softmax keeps the output layer at 64 x V weights instead of units x V
(en-lm's file stays about 8 MB). ko-lm reads morphemes: each predicted token is a unit of meaning
or grammar (최고/NNG, 재밌/VA, 다/EF), its vocabulary covers Korean's glued-on particles and endings
with a few thousand entries, and it shares its tokens with ko-word2vec.

Every review is cut into rows of ``chunk + 1`` ids (inputs row[:-1], each next token row[1:]) that
never run into another review: consecutive rows of a review share one token, so every token but
the review's first is a target exactly once, and the last, shorter row is padded in front with 0
(masked: Embedding(mask_zero=True) skips the padding and its targets). Epochs and settings are
judged on reviews held out of the training file; the test split is read once, at the end.

Training computes the softmax over ``sampled`` words drawn at random (frequent ones more often) plus
the right one instead of over all V (sampled softmax, Jean et al., 2015): the output layer then
costs a tenth as much and the same hour buys twice the epochs. Validation and test use the full
softmax, the one the shipped model computes.

Perplexity is exp(mean over targets of -ln p(target)). The out-of-vocabulary token [UNK] is one
of the V tokens: a target outside the vocabulary counts as the model predicting [UNK] (the share
of such targets is written in the card beside the figure).

Writes assets/models/<name>.keras, its vocabulary <name>-vocab.json and its card <name>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from rnn_core.assets import ASSETS, ModelCard  # noqa: E402
from rnn_core.language_model import review_rows  # noqa: E402
from rnn_core.text import OOV, build_vocabulary, tokenize  # noqa: E402
from training import corpora  # noqa: E402

SETTINGS = dict(scheme="words", vocab_size=10000, embedding_dim=64, units=384, projection=64, chunk=40, epochs=6,
                batch=64, sampled=1024, learning_rate=3e-3, final_learning_rate=3e-4, clipnorm=1.0,
                validation_fraction=0.05, test_every=5, batches_by_length=False, seed=0)
SETTINGS_OF = {
    "en-lm": SETTINGS,
    # NSMC reviews are short (about 22 morphemes): batches of rows of similar length spare the padding
    "ko-lm": dict(SETTINGS, scheme="morphemes", vocab_size=8000, units=256, epochs=3, test_every=1,
                  batches_by_length=True),
}
EXAMPLES = {
    "en-lm": ("this is the worst movie i have ever", "the movie is", "i like the movie . the movie is",
              "i hated the movie . the movie is", "i watched the", "one of the best"),
    "ko-lm": ("이 영화 정말", "최악의", "배우들 연기가", "이 영화 정말 최고", "시간 가는 줄"),
}


def build(keras, vocab_size: int, settings: dict = SETTINGS, name: str = "en-lm"):
    return keras.Sequential([
        keras.Input((None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, settings["embedding_dim"], mask_zero=True, name="embedding"),
        keras.layers.LSTM(settings["units"], return_sequences=True, name="lstm"),
        keras.layers.Dense(settings["projection"], name="projection"),  # linear: h_t (units) -> 64 numbers
        keras.layers.Dense(vocab_size, activation="softmax", name="next_word"),
    ], name=name)


def sampled_softmax_trainer(keras, network, sampled: int):
    """A model for training only: it runs ``network`` up to the projection and computes the loss on the
    right next token against ``sampled`` random ones (tf.nn.sampled_softmax_loss, log-uniform sampler:
    the vocabulary is sorted by frequency), with the weights of the network's softmax layer."""
    import tensorflow as tf

    class SampledSoftmax(keras.Model):
        def __init__(self):
            super().__init__()
            self.network, self.body = network, keras.Sequential(network.layers[:-1])

        def call(self, x, training=False):
            return self.body(x, training=training)  # (b, T, projection)

        def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
            head = self.network.layers[-1]
            losses = tf.nn.sampled_softmax_loss(
                weights=tf.transpose(head.kernel), biases=head.bias, labels=tf.reshape(tf.cast(y, "int64"), (-1, 1)),
                inputs=tf.reshape(y_pred, (-1, y_pred.shape[-1])), num_sampled=sampled, num_classes=head.units)
            real = tf.reshape(tf.cast(tf.not_equal(x, 0), losses.dtype), (-1,))  # targets read from padding: none
            return tf.reduce_sum(losses * real) / tf.maximum(tf.reduce_sum(real), 1.0)

    return SampledSoftmax()


def corpus(name: str, settings: dict):
    """(token lists of train, of held-out train, of test; data card) for model ``name``."""
    if name == "ko-lm":
        from rnn_core.korean import morphemes_of_texts

        texts, test = corpora.nsmc("train")[0], corpora.nsmc("test")[0]
        analyse, what = (lambda ts: list(morphemes_of_texts(ts))), "NSMC ratings_{}"
        cut = "Kiwi morphemes as form/tag (rnn_core.korean.morphemes)"
    else:
        texts, test = corpora.imdb("train")[0], corpora.imdb("test")[0]
        analyse, what = (lambda ts: [tokenize(t, "words") for t in ts]), "IMDB {}"
        cut = "rnn_core.text 'words' scheme"
    keep, held = corpora.split_off(len(texts), settings["validation_fraction"], seed=settings["seed"])
    tokens = analyse(texts)
    test = test[:: settings["test_every"]]
    every = f"every {settings['test_every']}th review, " if settings["test_every"] > 1 else ""
    data = {"train": f"{what.format('train')}, {len(keep)} reviews (all but the held-out ones), cut into rows of "
                     f"{settings['chunk'] + 1} tokens that never cross from one review into the next",
            "validation": f"{what.format('train')}, {len(held)} reviews held out (seed {settings['seed']})",
            "test": f"{what.format('test')} split, {every}{len(test)} reviews", "tokens": cut}
    return [tokens[i] for i in keep], [tokens[i] for i in held], analyse(test), data


def length_batches(keras, rows: np.ndarray, batch: int, seed: int):
    """Batches of rows of similar length (rows sorted by length, the batch order shuffled every epoch),
    each cut to its longest row: rows are padded in front, so the columns dropped are padding only."""

    class Batches(keras.utils.PyDataset):
        def __init__(self):
            super().__init__()
            order = np.argsort((rows != 0).sum(axis=1), kind="stable")
            self.groups = [order[i : i + batch] for i in range(0, len(order), batch)]
            self.rng = np.random.default_rng(seed)
            self.on_epoch_end()

        def __len__(self):
            return len(self.groups)

        def __getitem__(self, k):
            part = rows[self.groups[self.schedule[k]]]
            part = part[:, -max(2, int((part != 0).sum(axis=1).max())):]  # (b, longest + 0 padding)
            return part[:, :-1], part[:, 1:]

        def on_epoch_end(self):
            self.schedule = self.rng.permutation(len(self.groups))

    return Batches()


def perplexity(model, rows: np.ndarray, batch: int = 128) -> tuple[float, int, float]:
    """(perplexity, number of targets, share of targets that are [UNK]) of rows (N, T + 1), as
    rnn_core.language_model.LanguageModel.perplexity counts them, with a compiled Keras forward pass."""
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def target_probabilities(x, y):
        return tf.gather(model(x, training=False), y, batch_dims=2)  # (b, T): p(y_t | x_1..x_t)

    total, count, unknown = 0.0, 0, 0
    for start in range(0, len(rows), batch):
        x, y = rows[start : start + batch, :-1], rows[start : start + batch, 1:]
        p = target_probabilities(tf.constant(x), tf.constant(y)).numpy()
        real = x != 0
        total += float(-np.log(np.maximum(p[real], 1e-30)).sum())
        count += int(real.sum())
        unknown += int((y[real] == OOV).sum())
    return float(np.exp(total / count)), count, unknown / count


def top_next(model, vocab, tokens: list[str], k: int = 5) -> list[list]:
    p = np.array(model(np.asarray([vocab.encode(tokens)], np.int32)))[0, -1]
    p[[0, OOV]] = 0.0
    return [[vocab.tokens[i], round(float(p[i]), 4)] for i in np.argsort(-p)[:k]]


def main(argv: list[str] | None = None) -> None:
    import keras

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(SETTINGS_OF), default="en-lm")
    for option in ("epochs", "units", "batch"):
        parser.add_argument(f"--{option}", type=int, default=None, help=f"{option} (default: the model's setting)")
    args = parser.parse_args(argv)
    name = args.model
    changed = {o: getattr(args, o) for o in ("epochs", "units", "batch") if getattr(args, o) is not None}
    settings = dict(SETTINGS_OF[name], **changed)
    command = "python -m training.train_language_model" + (f" --model {name}" if name != "en-lm" else "") + \
        "".join(f" --{o} {v}" for o, v in changed.items())
    keras.utils.set_random_seed(settings["seed"])
    started = time.time()
    train_tokens, held_tokens, test_tokens, data = corpus(name, settings)
    vocab = build_vocabulary(train_tokens, settings["vocab_size"])
    train = review_rows([vocab.encode(t) for t in train_tokens], settings["chunk"])
    val = review_rows([vocab.encode(t) for t in held_tokens], settings["chunk"])
    print(f"{len(train_tokens)} reviews -> {len(train)} training rows, {len(held_tokens)} held out -> {len(val)} "
          f"rows, vocabulary {len(vocab)} ({time.time() - started:.0f} s)", flush=True)

    model = build(keras, len(vocab), settings, name)
    trainer = sampled_softmax_trainer(keras, model, settings["sampled"])
    batches = length_batches(keras, train, settings["batch"], settings["seed"]) if settings["batches_by_length"] \
        else None
    steps = settings["epochs"] * (len(batches) if batches else -(-len(train) // settings["batch"]))
    schedule = keras.optimizers.schedules.CosineDecay(
        settings["learning_rate"], decay_steps=steps, alpha=settings["final_learning_rate"] / settings["learning_rate"])
    trainer.compile(optimizer=keras.optimizers.Adam(schedule, clipnorm=settings["clipnorm"]))
    val_perplexities = []

    def after_epoch(epoch, logs):
        val_perplexities.append(round(perplexity(model, val)[0], 1))
        print(f"epoch {epoch + 1}/{settings['epochs']}: sampled training loss {logs['loss']:.3f}, "
              f"validation perplexity {val_perplexities[-1]}, {time.time() - started:.0f} s so far", flush=True)

    def every_few_batches(batch, logs):
        if batch % 200 == 0:
            print(f"  batch {batch}: loss {logs['loss']:.3f} ({time.time() - started:.0f} s)", flush=True)

    callbacks = [keras.callbacks.LambdaCallback(on_epoch_end=after_epoch, on_train_batch_end=every_few_batches)]
    if batches:
        trainer.fit(batches, epochs=settings["epochs"], verbose=0, callbacks=callbacks)
    else:
        trainer.fit(train[:, :-1], train[:, 1:], batch_size=settings["batch"], epochs=settings["epochs"], verbose=0,
                    callbacks=callbacks)

    test = review_rows([vocab.encode(t) for t in test_tokens], settings["chunk"])
    test_perplexity, test_targets, test_unknown = perplexity(model, test)
    print(f"test perplexity {test_perplexity:.1f} on {test_targets} targets ({test_unknown:.1%} [UNK])", flush=True)

    (ASSETS / f"{name}-vocab.json").write_text(json.dumps(list(vocab.tokens), ensure_ascii=False), encoding="utf-8")
    clean = build(keras, len(vocab), settings, name)  # uncompiled: the file holds the weights only
    clean.set_weights(model.get_weights())
    clean.save(ASSETS / f"{name}.keras")
    card = ModelCard(
        name=name, kind="language_model", language=name.split("-")[0], cell="LSTM", scheme=settings["scheme"],
        vocab_size=len(vocab), maxlen=settings["chunk"], embedding_dim=settings["embedding_dim"],
        units=settings["units"], parameters=int(clean.count_params()), data=data,
        training={"layers": "Embedding(mask_zero) -> LSTM(return_sequences=True) -> Dense(projection, linear) "
                            "-> Dense(softmax)", **settings,
                  "schedule": "Adam, cosine decay of the learning rate from learning_rate to final_learning_rate",
                  "loss": "sampled softmax while training (sampled random tokens + the right one, log-uniform "
                          "sampler); validation and test with the full softmax",
                  "validation_perplexity_per_epoch": val_perplexities,
                  "seconds": round(time.time() - started), "cpu_seconds": round(time.process_time()),
                  "keras": keras.__version__,
                  "command": command},
        metrics={"validation_perplexity": val_perplexities[-1],
                 "test_perplexity": round(test_perplexity, 1),
                 "test_measured_on": f"{data['test']}, {test_targets:,} predicted tokens",
                 "perplexity_counts": "exp(mean -ln p(next token)) over every token of a review but its first, "
                                      f"each read after at most the {settings['chunk']} tokens before it in the "
                                      "same review; a token outside the vocabulary counts as the token [UNK] "
                                      "(one of the vocabulary's entries)",
                 "test_unknown_share": round(test_unknown, 4),
                 "next_words": {prefix: top_next(clean, vocab, tokenize(prefix, settings["scheme"]))
                                for prefix in EXAMPLES[name]}})
    card.write(ASSETS)
    print(card.to_json())


if __name__ == "__main__":
    main()
