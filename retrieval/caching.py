"""Caches of an object's method that do not keep the object alive.

``functools.lru_cache(maxsize)(self.method)`` stored on ``self`` is a reference cycle (the
object holds the cache, the cache its bound method, the method the object): such an object is
freed only by a pass of the cyclic garbage collector, which stops every thread while it walks
the heap. An engine is large and replaced on every reload, so its parts hold their caches this
way instead, and a replaced engine is freed as soon as nothing uses it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

R = TypeVar("R")


def method_cache(method: Callable[..., R], maxsize: int) -> Callable[..., R]:
    """``lru_cache(maxsize)(method)``, holding ``method``'s object weakly."""
    bound = weakref.WeakMethod(method)

    @lru_cache(maxsize=maxsize)
    def cached(*args: Any) -> R:
        function = bound()
        if function is None:  # the object is gone: nothing can call this any more
            raise ReferenceError("the object of a cached method was freed")
        return function(*args)

    return cached
