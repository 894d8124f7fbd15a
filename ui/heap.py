"""What a server process keeps for its whole life (its modules, the models its caches load) is kept out of
Python's cyclic garbage collector.

Why: a full collection walks every object the process holds. On a server that has drawn four lessons (about
176,000 objects) one took 91 ms, and a few came during a learner's actions: a slider move that settles in about
200 ms then took 70 ms more. After ``gc.freeze`` a full collection walks only what came later (well under 1 ms).
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def long_lived(load: Callable[..., T]) -> Callable[..., T]:
    """Wrap a loader whose result a cache keeps for the process (under ``st.cache_resource``): once it has loaded,
    collect what is garbage, then freeze every object alive, the new model's among them. The few objects of a
    session that were alive then and die later are never collected: a few kilobytes per model loaded."""

    @functools.wraps(load)
    def loaded(*args, **kwargs) -> T:
        value = load(*args, **kwargs)
        gc.collect()
        gc.freeze()
        return value
    return loaded
