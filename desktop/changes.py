"""What an operation changed, so each screen decides what to redraw (one value, one signal)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Flags of what changed in the database; controllers emit one on their ``changes`` signal.

    The window's ``on_changes`` is the one place that turns them into reloads.
    """

    claims: bool = False  # claim rows were added or removed: reload the claims table
    articles: bool = False  # articles (and so outlets) were stored: reload their lists
    categories: bool = False  # the filter choices (categories, outlets) may differ
    groups: bool = False  # claim groups, matches, verdicts or fact-checks changed
    counts: bool = False  # only the counts in the sidebar and status bar

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def any_counts(self) -> bool:
        """Whether the counts (claims, proposed, per view) may have changed."""
        return self.claims or self.articles or self.groups or self.counts


COUNTS = Changes(counts=True)
CATEGORIES = Changes(categories=True)
GROUPS = Changes(groups=True)
ARTICLES = Changes(claims=True, articles=True, categories=True)  # an import, or Refresh
MATCHED = Changes(claims=True, groups=True)
COPIED_IN = ARTICLES | GROUPS
