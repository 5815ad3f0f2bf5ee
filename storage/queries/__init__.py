"""Read-only queries behind the review screens, by what they serve: the claims table
(``claims``), one claim's detail (``detail``), the articles, outlets and counts (``browse``),
the claim groups list and one group with its verdict (``groups``). The names callers import are
re-exported here.
"""

from __future__ import annotations

from storage.queries.browse import (
    ArticleRow,
    OutletRow,
    ReviewCounts,
    list_articles,
    list_categories,
    list_outlets,
    outlet_names,
    review_counts,
)
from storage.queries.claims import (
    FIGURES_SHOWN,
    NOT_RATED,
    PAGE_SIZE,
    ClaimFilter,
    ClaimRow,
    GroupFacts,
    PageCursor,
    SortKey,
    claim_page,
    count_claims,
    group_facts,
)
from storage.queries.detail import ClaimDetail, ClaimSpan, FigureInfo, claim_detail
from storage.queries.groups import (
    ConflictSide,
    GroupAppearance,
    GroupConflictInfo,
    GroupDetail,
    GroupFilter,
    GroupRow,
    HistoryEntry,
    VerdictEvidence,
    VerdictState,
    count_groups,
    group_detail,
    group_page,
    verdict_history,
    verdict_state,
)

__all__ = [
    "ArticleRow",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "ClaimSpan",
    "ConflictSide",
    "FIGURES_SHOWN",
    "FigureInfo",
    "GroupAppearance",
    "GroupConflictInfo",
    "GroupDetail",
    "GroupFacts",
    "GroupFilter",
    "GroupRow",
    "HistoryEntry",
    "NOT_RATED",
    "OutletRow",
    "PAGE_SIZE",
    "PageCursor",
    "ReviewCounts",
    "SortKey",
    "VerdictEvidence",
    "VerdictState",
    "claim_detail",
    "claim_page",
    "count_claims",
    "count_groups",
    "group_detail",
    "group_facts",
    "group_page",
    "list_articles",
    "list_categories",
    "list_outlets",
    "outlet_names",
    "review_counts",
    "verdict_history",
    "verdict_state",
]
