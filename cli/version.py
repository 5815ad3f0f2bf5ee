"""Claimdesk's version: the one place it is written (pyproject.toml, the CLI, the About box read it).

Kept in a module of its own, free of imports, so that setuptools can read it without importing
Claimdesk and a frozen bundle (which has no package metadata) still knows its version.
"""

__version__ = "0.1.0"
