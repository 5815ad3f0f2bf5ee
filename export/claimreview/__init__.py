"""ClaimReview JSON-LD (schema.org, as Google Fact Check Tools reads it): export, check, re-import.

One file holds a JSON array of self-contained ClaimReview objects — the form that can be pasted
into a page's ``<script type="application/ld+json">`` and the form another Claimdesk reads back
(two laptops share work offline by passing this file). Re-import merges by a content hash of
the claim's wording, so importing the same file twice changes nothing the second time.
Writing is ``write``, the check of a file's shape ``validate``, re-import ``reimport``.
"""

from __future__ import annotations

from export.claimreview.reimport import (
    BATCH,
    ImportReport,
    import_claimreview,
    iter_claimreview_items,
    read_claimreview_file,
)
from export.claimreview.validate import validate_claimreview
from export.claimreview.write import (
    CONTEXT,
    MAX_FILE_BYTES,
    MAX_TEXT,
    ClaimReviewError,
    ClaimReviewResult,
    claimreview_document,
    claimreview_item,
    embeddable_json,
    review_url,
    write_claimreview,
)

__all__ = [
    "BATCH",
    "CONTEXT",
    "ClaimReviewError",
    "ClaimReviewResult",
    "ImportReport",
    "MAX_FILE_BYTES",
    "MAX_TEXT",
    "claimreview_document",
    "claimreview_item",
    "embeddable_json",
    "import_claimreview",
    "iter_claimreview_items",
    "read_claimreview_file",
    "review_url",
    "validate_claimreview",
    "write_claimreview",
]
