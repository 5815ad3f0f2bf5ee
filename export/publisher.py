"""Who publishes an export (organisation, author, corrections contact, public URL), with fallbacks.

The desk sets these once (``claimdesk config``, Preferences → Organisation; stored in the
database, see storage.settings). An explicit value (a command-line option) wins, then the
environment (CLAIMDESK_ORGANISATION / CLAIMDESK_AUTHOR / CLAIMDESK_CORRECTIONS /
CLAIMDESK_BASE_URL), then the stored settings. The operating-system user is never used: an
output that names nobody says the organisation is not set.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from storage.settings import Organisation

# Reserved by RFC 2606: a ClaimReview url that visibly needs configuring, and never resolves.
DEFAULT_BASE_URL = "https://fact-checks.invalid"
UNSET_ORGANISATION = "(organisation not set)"
SET_IT_UP = ("set it once with `claimdesk config --organisation NAME --corrections CONTACT "
             "--base-url URL` (or Preferences → Organisation in the window)")


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
        if not self.organisation_set:
            return "Verdicts may be revised; the latest version replaces this one."
        return (f"Corrections: tell {self.organisation}; verdicts may be revised, "
                "the latest version replaces this one.")

    @property
    def organisation_set(self) -> bool:
        return self.organisation != UNSET_ORGANISATION

    @property
    def placeholder_url(self) -> bool:
        return self.base_url.rstrip("/") == DEFAULT_BASE_URL

    @classmethod
    def resolve(
        cls,
        organisation: str | None = None,
        author: str | None = None,
        corrections: str | None = None,
        base_url: str | None = None,
        *,
        stored: Organisation | None = None,
    ) -> Publisher:
        """Explicit values first, then the environment, then the settings stored in the
        database (``stored``)."""
        env = os.environ
        stored = stored or Organisation()
        org = (organisation or env.get("CLAIMDESK_ORGANISATION") or stored.name
               or UNSET_ORGANISATION).strip()
        who = (author or env.get("CLAIMDESK_AUTHOR") or org).strip()
        return cls(
            organisation=org,
            author=who,
            corrections=(corrections or env.get("CLAIMDESK_CORRECTIONS") or stored.corrections
                         or "").strip(),
            base_url=(base_url or env.get("CLAIMDESK_BASE_URL") or stored.base_url
                      or DEFAULT_BASE_URL).rstrip("/"),
        )
