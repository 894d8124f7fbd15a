"""The Korean cuts (spaces, syllables, Kiwi morphemes, BPE) and their vocabularies learnt on NSMC
(training/train_korean_tokenizer.py): cards and measured figures, the pure-Python BPE == HuggingFace
tokenizers, which tokens each vocabulary lacks, and the shares of unknown tokens the cards state."""
from __future__ import annotations

import functools
import json
import shutil

import numpy as np
import pytest

from rnn_core.assets import ASSETS, ModelCard, ModelFileError, files_of, sha256_of, verify
from rnn_core.korean import (Bpe, bpe_pieces, form_of, korean_cuts, korean_tokenizations, load_bpe, morphemes,
                             vocabulary)
from rnn_core.text import tokenize
from tests.test_isolation import loaded_after
from training import corpora

KOREAN = ("ko-bpe", "ko-spaces", "ko-morphemes")
OWN_SENTENCES = (  # written for these tests: reviews as people type them, and text no review has
    "이 영화 정말 재밌었다!!", "배우들 연기는 좋은데 스토리가 엉망이에요 ㅠㅠ", "재밌닼ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ",
    "감독님의 섬세한 연출에 감탄했습니다...", "10점 만점에 9점!", "ㅋ" * 60, "최악의영화였음정말로시간아까움",
    "the movie was fun 🙂 진짜로", "<b>영화</b> 😀 中文 日本語 ελληνικά", "쀍뛟영화 봤어요", "a\x00b\x07c 영화",
    "", "   ", "!!!???...", "영화가 영화를 영화는 영화도 영화만", "2024년 개봉작 중 best ㅎㅎ",
)


@functools.lru_cache(maxsize=1)
def sample_reviews(n: int = 2000) -> list[str]:
    """n reviews of NSMC's test split drawn at random (fixed seed)."""
    texts = corpora.nsmc("test")[0]
    return [texts[i] for i in np.random.default_rng(7).choice(len(texts), n, replace=False)]


@pytest.mark.parametrize("name", KOREAN)
def test_card_verifies_and_files_are_small(name):
    card = verify(name, ASSETS).card
    assert card.language == "ko" and card.training["command"].startswith("python -m training.")
    for file in files_of(name):
        assert card.sha256[file] == sha256_of(ASSETS / file)
        assert (ASSETS / file).stat().st_size < 7_000_000
    assert card.training["seconds"] > 0


def test_importing_the_korean_module_loads_no_analyser():
    modules = loaded_after("import rnn_core.korean, rnn_core.language_model")
    assert "numpy" in modules and not modules & {"kiwipiepy", "tensorflow", "keras", "tokenizers", "streamlit"}


# --- the four cuts ----------------------------------------------------------------------------------

def test_morphemes_are_form_and_tag():
    assert morphemes("이 영화 정말 재밌었다!!") == ["이/MM", "영화/NNG", "정말/MAG", "재밌/VA", "었/EP", "다/EF", "!!/SF"]
    assert morphemes("재밌닼ㅋㅋ") == ["재밌/VA", "다/EF", "ㅋㅋㅋ/SW"]  # the sound glued on is split off
    assert morphemes("") == morphemes("   ") == []
    assert tokenize("최악의 영화", "morphemes") == ["최악/NNG", "의/JKG", "영화/NNG"]
    assert [form_of(t) for t in morphemes("최악의 영화")] == ["최악", "의", "영화"]


def test_spaces_and_bpe_pieces():
    assert tokenize("영화가 너무 지루해서, 잤다!", "spaces") == ["영화가", "너무", "지루해서", "잤다", "!"]
    assert bpe_pieces("재밌었다!! ㅋㅋ") == ["▁재밌었다", "!!", "▁ㅋㅋ"]
    assert bpe_pieces("ㅋ" * 60) == ["▁" + "ㅋ" * 24, "ㅋ" * 24, "ㅋ" * 12]  # long runs are cut first


def test_bpe_applies_the_earliest_merge_first():
    bpe = Bpe(tokens=("", "[UNK]", "a", "b", "c", "ab", "bc", "abc"), merges=(("b", "c"), ("a", "b"), ("a", "bc")))
    assert bpe.split("abc") == ["abc"]  # b+c first (rank 0), then a+bc
    assert bpe.split("abab") == ["ab", "ab"] and bpe.split("axb") == ["a", "[UNK]", "b"]


@functools.lru_cache(maxsize=1)
def reference_bpe():
    """HuggingFace tokenizers' BPE over the shipped tokens and merges: the reference the pure-Python Bpe follows."""
    tokenizers = pytest.importorskip("tokenizers")
    bpe = load_bpe()
    reference = tokenizers.Tokenizer(tokenizers.models.BPE(
        vocab={t or "[PAD]": i for i, t in enumerate(bpe.tokens)}, merges=list(bpe.merges), unk_token="[UNK]"))
    reference.pre_tokenizer = tokenizers.pre_tokenizers.WhitespaceSplit()
    return reference


@pytest.mark.parametrize("text", OWN_SENTENCES)
def test_pure_python_bpe_cuts_our_sentences_as_tokenizers_does(text):
    assert load_bpe().tokenize(text) == reference_bpe().encode(" ".join(bpe_pieces(text))).tokens


def test_pure_python_bpe_cuts_test_reviews_as_tokenizers_does():
    bpe, reference = load_bpe(), reference_bpe()
    for text in sample_reviews():
        assert bpe.tokenize(text) == reference.encode(" ".join(bpe_pieces(text))).tokens, text


def test_a_wrong_merge_order_is_caught():
    """The comparison can fail: applying the same merges latest-first cuts differently from tokenizers."""
    bpe = load_bpe()
    reversed_bpe = Bpe(tokens=bpe.tokens, merges=bpe.merges[::-1])
    differ = [t for t in OWN_SENTENCES if reversed_bpe.tokenize(t) != reference_bpe().encode(
        " ".join(bpe_pieces(t))).tokens]
    assert len(differ) >= 3


def test_each_unk_stands_for_one_unknown_character():
    bpe = load_bpe()
    for text in OWN_SENTENCES:
        tokens, missing = bpe.tokenize(text), bpe.unknown_characters(text)
        assert tokens.count("[UNK]") == len(missing)
        assert "".join(korean_cuts(text)["bpe"].shown) == "".join(bpe_pieces(text))  # nothing lost, nothing moved
    assert bpe.unknown_characters("쀍뛟영화 🙂") == ["뛟", "🙂"]
    cut = korean_cuts("쀍뛟영화 🙂")["bpe"]
    assert cut.shown == ["▁", "쀍", "뛟", "영화", "▁", "🙂"] and cut.tokens == ["▁", "쀍", "[UNK]", "영화", "▁", "[UNK]"]
    assert cut.unknown == [t == "[UNK]" for t in cut.tokens]


def test_a_tokenizer_file_with_a_broken_merge_is_refused(tmp_path):
    for file in ("ko-bpe.json", "ko-bpe-tokenizer.json"):
        shutil.copy(ASSETS / file, tmp_path / file)
    raw = json.loads((tmp_path / "ko-bpe-tokenizer.json").read_text(encoding="utf-8"))
    raw["merges"][0] = ["쀍", "뛟"]  # 쀍뛟 is no token
    (tmp_path / "ko-bpe-tokenizer.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    card = verify("ko-bpe").card
    ModelCard(**{**card.__dict__, "sha256": {}}).write(tmp_path)  # the card matches the damaged file
    with pytest.raises(ModelFileError) as err:
        load_bpe(tmp_path)
    assert err.value.reason == "malformed"


def test_four_cuts_and_their_unknown_tokens():
    text = "이 영화 정말 재밌었닼ㅋㅋ 쀍뛟영화"
    cuts = korean_cuts(text)
    assert korean_tokenizations(text) == {s: c.tokens for s, c in cuts.items()}
    assert list(cuts) == ["spaces", "syllables", "morphemes", "bpe"]
    assert cuts["syllables"].tokens[:5] == ["이", "영", "화", "정", "말"]
    assert "쀍뛟영화" in cuts["spaces"].tokens and cuts["spaces"].unknown[cuts["spaces"].tokens.index("쀍뛟영화")]
    assert cuts["bpe"].tokens[:3] == ["▁이", "▁영화", "▁정말"] and not any(cuts["bpe"].unknown[:3])
    for cut in cuts.values():
        assert len(cut.unknown) == len(cut.tokens) and cut.vocab_size == len(vocabulary(cut.scheme))
        assert cut.unknown[:1] == [False]  # 이 is known to every cut
    sizes = {s: c.vocab_size for s, c in cuts.items()}
    assert sizes["syllables"] < sizes["bpe"] < sizes["spaces"] <= sizes["morphemes"]


def test_the_cards_agree_on_the_shares():
    """ko-bpe's side-by-side shares are the ones each vocabulary's own card measured."""
    shares = verify("ko-bpe").card.metrics["test_unknown_share_by_cut"]
    assert set(shares) == {"spaces", "syllables", "morphemes", "bpe"}
    assert shares["bpe"] == verify("ko-bpe").card.metrics["test_unknown_share"]
    for name in ("spaces", "morphemes"):
        card = verify(f"ko-{name}").card
        assert shares[name] == card.metrics["test_unknown_share"] and card.vocab_size == len(vocabulary(name))


def test_unknown_shares_on_the_test_split_hold():
    """The card's shares, measured again on 2,000 test reviews: spaces miss often, BPE almost never."""
    shares = verify("ko-bpe").card.metrics["test_unknown_share_by_cut"]
    assert shares["spaces"] > 0.2 > shares["morphemes"] > shares["syllables"] > shares["bpe"] and shares["bpe"] < 0.001
    texts = sample_reviews()
    cuts = {"spaces": lambda t: tokenize(t, "spaces"), "syllables": lambda t: tokenize(t, "syllables"),
            "morphemes": morphemes, "bpe": load_bpe().tokenize}
    for scheme, cut in cuts.items():
        tokens = [tok for t in texts for tok in cut(t)]
        vocab = vocabulary(scheme)
        measured = float(np.mean([vocab.id_of(tok) == 1 for tok in tokens]))
        assert abs(measured - shares[scheme]) < 0.005 + 0.2 * shares[scheme], (scheme, measured)
