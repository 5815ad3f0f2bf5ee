"""bench/import_quality.py: the import path stores every claim, matches it, and copies of one
sentence end in one group (the bench's figures mean something only if this holds)."""

from __future__ import annotations

from bench.import_quality import imported_labels


def test_every_claim_is_imported_and_copies_share_a_group() -> None:
    said = "Officials said 41 settlements were retaken in the Kherson region since 1 October."
    other = "The reservoir level fell by 7 metres after the dam was destroyed."
    claims = [{"text": t, "outlet": f"Outlet {k}", "date": "2022-11-0" + str(k + 1)}
              for k, t in enumerate([said, other, said, said])]
    labels, cpu = imported_labels(claims)
    assert len(labels) == 4 and cpu > 0
    assert labels[0] == labels[2] == labels[3]
    assert labels[1] != labels[0]
