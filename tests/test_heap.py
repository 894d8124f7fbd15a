"""ui.heap: the models a server loads, and what it held then, are kept out of the cyclic garbage collector."""
from __future__ import annotations

import gc

from ui import models
from ui.heap import long_lived


def test_a_loader_freezes_what_is_alive_once_it_has_loaded():
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        value = long_lived(lambda: {"table": [[0.0] * 8 for _ in range(1000)]})()
        assert gc.get_freeze_count() > 1000 and len(value["table"]) == 1000
    finally:
        gc.unfreeze()


def test_the_sentiment_models_loader_freezes_and_a_full_collection_then_skips_it():
    """The real loader is wrapped: the check fails without @long_lived on ui.models._sentiment."""
    gc.unfreeze()
    try:
        models._sentiment.clear()
        models.sentiment_model("en-lstm")
        frozen = gc.get_freeze_count()
        assert frozen > 10_000
        gc.collect()
        assert gc.get_freeze_count() == frozen  # a collection leaves the frozen objects where they are
    finally:
        gc.unfreeze()
