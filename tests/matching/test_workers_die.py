"""Worker processes die with their parent: a killed `claimdesk match` or `cluster` leaves no
forked worker running (issue #20, point 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCORING_POOL = """
import os, time
from matching.parallel import fork_pool
pool = fork_pool(2)
print(pool.submit(os.getpid).result(), flush=True)
time.sleep(600)
"""

# record_signatures' own pool (claimdesk cluster): its work replaced by one that reports the
# worker's id and then hangs, as a long parse would.
SIGNATURE_POOL = """
import os, time
import matching.records as records

def hang(chunk):
    print(os.getpid(), flush=True)
    time.sleep(600)

records.PARALLEL_FROM = 2
records._signatures_worked_out = records._signatures_of = hang
records.record_signatures([{"text": f"claim {k}"} for k in range(40)])
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has died (its reaper is elsewhere)


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="forked worker pools: Linux with at least two cores")
@pytest.mark.parametrize("script", [SCORING_POOL, SIGNATURE_POOL], ids=["scoring", "signatures"])
def test_workers_die_when_their_parent_is_killed(script):
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    try:
        worker = int(parent.stdout.readline())
        assert _alive(worker)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    # Not a speed bar: the worker gets a minute (a loaded machine) to be gone.
    deadline = time.monotonic() + 60
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(worker)
    if alive:
        os.kill(worker, signal.SIGKILL)
    assert not alive
