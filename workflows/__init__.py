"""Work that puts the core packages together: what ``cli/`` and ``desktop/`` call when one user
action spans ingest, extraction, storage, matching and export (import then match, …)."""
