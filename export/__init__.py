"""Publish: PDF briefings and verdict cards, ClaimReview JSON-LD (export and re-import), CSV. No Qt."""
