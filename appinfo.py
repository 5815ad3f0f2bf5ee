"""Claimdesk's version: the one place it is written (pyproject.toml, the CLI, the About box read it).

A top-level module free of imports (and of Qt), so that setuptools can read it without importing
Claimdesk, both cli/ and desktop/ may import it, and a frozen bundle (which has no package
metadata) still knows its version.
"""

__version__ = "0.1.0"
