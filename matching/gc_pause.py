"""Pausing Python's cycle collector while many acyclic objects are built or unpickled."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cycle collection inside the block (it is restored after, as it was).

    Building or unpickling signatures allocates millions of small containers and no cycles
    (tests/matching/test_signature_speed_rules.py checks it), yet each allocation burst
    triggers collections that walk every live object: ~7% of the work of building signatures
    in a worker and ~70% of unpickling them in the parent.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collector_paused(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """``fn`` run inside :func:`gc_paused`: for a function that allocates many objects and no
    cycles while many live ones exist (grouping 100,000 signatures: each allocation burst of
    its pair decisions and keys made the collector walk every signature again, and in forked
    scoring workers it wrote to every inherited object's header, copying its page)."""

    @functools.wraps(fn)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with gc_paused():
            return fn(*args, **kwargs)

    return paused
