"""Who publishes an export (organisation, author, corrections contact, public URL), with fallbacks.

A settings module will supply these later; until then they are parameters, filled from the
command line, then the environment, then the operating-system user.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from storage.audit import default_actor

# Reserved by RFC 2606: a ClaimReview url that visibly needs configuring, and never resolves.
DEFAULT_BASE_URL = "https://fact-checks.invalid"


@dataclass(frozen=True)
class Publisher:
    organisation: str
    author: str
    # Shown in every page footer: where readers send corrections.
    corrections: str = ""
    # Public address of the fact-check pages; ClaimReview urls are built under it.
    base_url: str = DEFAULT_BASE_URL

    @property
    def corrections_line(self) -> str:
        if self.corrections:
            return f"Corrections: {self.corrections}"
        return (f"Corrections: tell {self.organisation}; verdicts may be revised, "
                "the latest version replaces this one.")

    @classmethod
    def resolve(
        cls,
        organisation: str | None = None,
        author: str | None = None,
        corrections: str | None = None,
        base_url: str | None = None,
    ) -> Publisher:
        """Explicit values first, then CLAIMDESK_ORGANISATION / CLAIMDESK_AUTHOR /
        CLAIMDESK_CORRECTIONS / CLAIMDESK_BASE_URL, then the OS user."""
        env = os.environ
        who = (author or env.get("CLAIMDESK_AUTHOR") or default_actor()).strip()
        org = (organisation or env.get("CLAIMDESK_ORGANISATION") or who).strip()
        return cls(
            organisation=org,
            author=who,
            corrections=(corrections or env.get("CLAIMDESK_CORRECTIONS") or "").strip(),
            base_url=(base_url or env.get("CLAIMDESK_BASE_URL") or DEFAULT_BASE_URL).rstrip("/"),
        )
