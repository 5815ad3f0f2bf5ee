"""Scores do not depend on Python's per-run string hashing (the order sets iterate in)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Many content words, so that set order changes the floating-point summation order.
SCRIPT = """
from matching.pairs import text_similarity
from matching.signature import signature
a = signature("a", "Russian forces captured about 3,600 square kilometres of Ukrainian territory "
              "around Pokrovsk, Kurakhove and Vuhledar during the autumn offensive of 2024, "
              "according to the Institute for the Study of War and DeepState maps.")
b = signature("b", "According to DeepState and ISW mapping, Russia's autumn 2024 offensive near "
              "Kurakhove, Vuhledar and Pokrovsk took roughly 3,600 km2 of Ukrainian land.")
idf = {t: 1.0 + (sum(map(ord, t)) % 97) / 7.0 for t in a.token_set | b.token_set}
print(repr(text_similarity(a, b, idf=idf, default_idf=1.3)))
"""


def test_text_similarity_is_the_same_to_the_last_bit_under_any_hash_seed():
    outputs = set()
    for seed in ("0", "1", "2", "12345", "987654"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
        outputs.add(run.stdout.strip())
    assert len(outputs) == 1, outputs
