"""Lesson 3's part-of-speech tagger on the learner's Korean sentence (rnn_core.tagger, ko-tagger), and the claims
the page states about it, each computed from the numbers shown. One cached call, one frozen dataclass."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from rnn_core.assets import ModelFileError
from rnn_core.tagger import TAG_NAMES, Tagger
from ui.heap import long_lived
from ui.models import digest_of
from ui.state import cut

TAGGER = "ko-tagger"
DEFAULT = "이 영화가 최고이다"  # 이 twice: a determiner first, the copula (이다) after 최고
VIEW_CHARS = 200  # characters of the sentence tagged: bounds Kiwi's work and the figure's rows


@dataclass(frozen=True)
class TaggingView:
    forms: tuple[str, ...]  # (T,) the forms the tagger read
    P: np.ndarray  # (T, K) p(tag | forms 1..t)
    predicted: tuple[int, ...]  # (T,) argmax of each row
    kiwi: tuple[int, ...]  # (T,) Kiwi's tag, folded into rnn_core.tagger.TAG_NAMES
    unknown: int  # forms outside the tagger's vocabulary
    agree: int  # steps where predicted == kiwi
    cut: bool  # more morphemes than rnn_core.tagger.MAX_MORPHEMES: only the first were tagged
    contrast: tuple[str, int, int] | None  # (form, step i, step j): one form, two different predicted tags
    test: dict  # the card's measured agreement on NSMC test (rnn_core training/train_tagger.py scores)
    train_reviews: int  # how many NSMC reviews it was trained on (the card's reviews minus the held-out share)

    @property
    def context_helps(self) -> bool:
        """On the test split, the tagger agrees with Kiwi more often than the lookup that ignores context."""
        return self.test["accuracy"] > self.test["baseline_accuracy"]

    @property
    def gain_points(self) -> float:
        """Percentage points the tagger agrees with Kiwi above the lookup, on all test morphemes."""
        return 100 * (self.test["accuracy"] - self.test["baseline_accuracy"])

    @property
    def ambiguous_gain_points(self) -> float:
        """The same on test morphemes whose form carries several tags (where only context can decide)."""
        return 100 * (self.test["ambiguous_accuracy"] - self.test["ambiguous_baseline_accuracy"])


def tagger() -> Tagger:
    return _tagger(digest_of(TAGGER))


@st.cache_resource(show_spinner=False, max_entries=2)
@long_lived
def _tagger(digest: str) -> Tagger:
    return Tagger.load(TAGGER)


def pos_tagging(text: str) -> TaggingView | None:
    """ko-tagger on ``text`` (cut to the one limit, then to VIEW_CHARS); None when it holds no morpheme.
    Raises ModelFileError when the tagger cannot be used."""
    return _pos_tagging(cut(text)[:VIEW_CHARS], digest_of(TAGGER))


@st.cache_data(max_entries=256, show_spinner=False)
def _pos_tagging(text: str, digest: str) -> TaggingView | None:
    from rnn_core.korean import morphemes

    model = tagger()
    tagging = model.tag(morphemes(text))
    if not tagging.forms:
        return None
    predicted = tuple(int(k) for k in tagging.predicted)
    contrast = next(((f, i, j) for i, f in enumerate(tagging.forms) for j in range(i + 1, len(tagging.forms))
                     if tagging.forms[j] == f and predicted[j] != predicted[i]), None)
    test = model.card.metrics.get("test")
    if not isinstance(test, dict):
        raise ModelFileError(f"{TAGGER}: its card has no test scores", "malformed", f"{TAGGER}.json")
    return TaggingView(forms=tagging.forms, P=tagging.P, predicted=predicted,
                       kiwi=tuple(int(k) for k in tagging.kiwi), unknown=int((~tagging.known).sum()),
                       agree=tagging.agree, cut=tagging.cut, contrast=contrast, test=test,
                       train_reviews=train_reviews(model.card.training))


def train_reviews(training: dict) -> int:
    """The reviews the tagger learnt from: the card's ``reviews`` minus the share held out for validation."""
    reviews = int(training.get("reviews", 0))
    return reviews - int(round(reviews * float(training.get("validation_fraction", 0.0))))


def tag_label(k: int) -> str:
    """The string key of tag k ('pos.tag.noun')."""
    return f"pos.tag.{TAG_NAMES[k]}"
