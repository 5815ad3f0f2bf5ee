"""Pausing Python's cycle collector while many acyclic objects are built or unpickled."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
