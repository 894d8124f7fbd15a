"""Learn the Korean cuts' vocabularies on NSMC train and measure how often each misses on NSMC test.

    python -m training.train_korean_tokenizer

Writes to assets/models, each with its card (sizes, data, command, sha256, measured unknown share):
- ko-bpe-tokenizer.json: byte-pair encoding (Sennrich et al., 2016) learnt with HuggingFace
  ``tokenizers`` on rnn_core.korean.bpe_pieces of every review: {"tokens": [...], "merges": [[a, b], ...]}.
  The app applies it in pure Python (rnn_core.korean.Bpe); this script checks that both cut every
  test review the same way;
- ko-spaces-vocab.json: the most frequent words between spaces (rnn_core.text 'spaces' scheme);
- ko-morphemes-vocab.json: the most frequent Kiwi morphemes (rnn_core.korean.morphemes).
The syllable vocabulary is the sentiment models' ko-vocab.json; its unknown share is measured too.
"""
from __future__ import annotations

import json
import time

from rnn_core.assets import ASSETS, ModelCard, verify
from rnn_core.korean import Bpe, bpe_pieces, morphemes_of_texts
from rnn_core.text import OOV_TOKEN, PAD_TOKEN, Vocabulary, build_vocabulary, tokenize
from training import corpora

SETTINGS = dict(bpe_vocab_size=8000, bpe_min_frequency=2, bpe_alphabet=3000, spaces_vocab_size=20000,
                morphemes_vocab_size=20000)
COMMAND = "python -m training.train_korean_tokenizer"


def learn_bpe(texts: list[str]):
    """(Bpe, the tokenizers.Tokenizer it was read from): merges learnt on the pieces rnn_core.korean.Bpe splits."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE(unk_token=OOV_TOKEN))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()  # the pieces are joined by spaces below
    trainer = trainers.BpeTrainer(vocab_size=SETTINGS["bpe_vocab_size"], min_frequency=SETTINGS["bpe_min_frequency"],
                                  limit_alphabet=SETTINGS["bpe_alphabet"], special_tokens=["[PAD]", OOV_TOKEN],
                                  show_progress=False)
    tokenizer.train_from_iterator((" ".join(bpe_pieces(t)) for t in texts), trainer)
    model = json.loads(tokenizer.to_str())["model"]
    tokens = sorted(model["vocab"], key=model["vocab"].get)
    assert tokens[:2] == ["[PAD]", OOV_TOKEN]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    bpe = Bpe(tokens=(PAD_TOKEN, *tokens[1:]), merges=tuple(merges))
    return bpe, tokenizer


def unknown_share(token_lists, vocab: Vocabulary) -> tuple[float, int]:
    """(share of tokens the vocabulary lacks, number of tokens)."""
    total = sum(len(tokens) for tokens in token_lists)
    missing = sum(vocab.id_of(t) == 1 for tokens in token_lists for t in tokens)
    return missing / total, total


def write_vocabulary(name: str, scheme: str, vocab: Vocabulary, train_lists, test_lists, started: float,
                     note: str, **versions: str) -> ModelCard:
    (ASSETS / f"{name}-vocab.json").write_text(json.dumps(list(vocab.tokens), ensure_ascii=False), encoding="utf-8")
    share, total = unknown_share(test_lists, vocab)
    distinct = len({t for tokens in train_lists for t in tokens})
    card = ModelCard(
        name=name, kind="vocabulary", language="ko", scheme=scheme, vocab_size=len(vocab),
        data={"train": f"NSMC ratings_train ({len(train_lists)} non-empty reviews)",
              "test": f"NSMC ratings_test ({len(test_lists)} non-empty reviews)"},
        training={"method": f"the {len(vocab) - 2:,} most frequent tokens (ties alphabetical) after padding and "
                            f"[UNK]; {note}", "distinct_tokens_in_train": distinct,
                  **versions, "seconds": round(time.time() - started), "command": COMMAND},
        metrics={"test_unknown_share": round(share, 5), "test_tokens": total,
                 "test_tokens_per_review": round(total / len(test_lists), 2)})
    card.write(ASSETS)
    return card


def main() -> None:
    import kiwipiepy
    import kiwipiepy_model
    import tokenizers

    started = time.time()
    train, _ = corpora.nsmc("train")
    test, _ = corpora.nsmc("test")
    print(f"{len(train)} training reviews, {len(test)} test reviews", flush=True)

    bpe, reference = learn_bpe(train)
    alphabet = {ch for t in train for piece in bpe_pieces(t) for ch in piece}
    test_bpe = [bpe.tokenize(t) for t in test]
    same = sum(ours == reference.encode(" ".join(bpe_pieces(t))).tokens for ours, t in zip(test_bpe, test))
    print(f"BPE: {len(bpe.tokens)} tokens, {len(bpe.merges)} merges; pure Python == tokenizers on "
          f"{same}/{len(test)} test reviews ({time.time() - started:.0f} s)", flush=True)
    assert same == len(test), "the pure-Python BPE must cut every test review as tokenizers does"
    share, total = unknown_share(test_bpe, Vocabulary(bpe.tokens))
    print(f"BPE unknown share on test {share:.4%}", flush=True)

    train_spaces, test_spaces = [tokenize(t, "spaces") for t in train], [tokenize(t, "spaces") for t in test]
    spaces = write_vocabulary("ko-spaces", "spaces", build_vocabulary(train_spaces, SETTINGS["spaces_vocab_size"]),
                              train_spaces, test_spaces, started, "words between spaces, punctuation cut off but ! ?")
    print(f"spaces: unknown share on test {spaces.metrics['test_unknown_share']:.2%}", flush=True)

    train_morphemes, test_morphemes = list(morphemes_of_texts(train)), list(morphemes_of_texts(test))
    morphemes = write_vocabulary("ko-morphemes", "morphemes",
                                 build_vocabulary(train_morphemes, SETTINGS["morphemes_vocab_size"]),
                                 train_morphemes, test_morphemes, started, "Kiwi morphemes as form/tag",
                                 kiwipiepy=kiwipiepy.__version__, kiwipiepy_model=kiwipiepy_model.__version__)
    print(f"morphemes: unknown share on test {morphemes.metrics['test_unknown_share']:.2%}", flush=True)

    syllables = Vocabulary(json.loads(verify("ko-lstm").path("ko-vocab.json").read_text(encoding="utf-8")))
    syllable_share, _ = unknown_share([tokenize(t, "syllables") for t in test], syllables)
    print(f"syllables (ko-vocab.json, {len(syllables)} tokens): unknown share on test {syllable_share:.2%}",
          flush=True)

    (ASSETS / "ko-bpe-tokenizer.json").write_text(
        json.dumps({"tokens": list(bpe.tokens), "merges": [list(m) for m in bpe.merges]}, ensure_ascii=False),
        encoding="utf-8")
    ModelCard(
        name="ko-bpe", kind="tokenizer", language="ko", scheme="bpe", vocab_size=len(bpe.tokens),
        data={"train": f"NSMC ratings_train ({len(train)} non-empty reviews)",
              "test": f"NSMC ratings_test ({len(test)} non-empty reviews)"},
        training={"method": "byte-pair encoding learnt with HuggingFace tokenizers (BpeTrainer) on "
                            "rnn_core.korean.bpe_pieces; applied in pure Python by rnn_core.korean.Bpe",
                  "vocab_size": SETTINGS["bpe_vocab_size"], "min_frequency": SETTINGS["bpe_min_frequency"],
                  "alphabet": f"at most the {SETTINGS['bpe_alphabet']} most frequent characters (NSMC train has "
                              f"{len(alphabet)}, {sum(len(t) == 1 for t in bpe.tokens)} are in the vocabulary); "
                              "any other character is [UNK]",
                  "merges": len(bpe.merges), "tokenizers": tokenizers.__version__,
                  "seconds": round(time.time() - started), "command": COMMAND},
        metrics={"test_unknown_share": round(share, 5), "test_tokens": total,
                 "test_tokens_per_review": round(total / len(test), 2),
                 "same_as_tokenizers_on_test_reviews": same,
                 "test_unknown_share_by_cut": {  # the four cuts of the same test reviews, side by side
                     "spaces": spaces.metrics["test_unknown_share"], "syllables": round(syllable_share, 5),
                     "morphemes": morphemes.metrics["test_unknown_share"], "bpe": round(share, 5)}}).write(ASSETS)
    print(f"{time.time() - started:.0f} s in all", flush=True)


if __name__ == "__main__":
    main()
