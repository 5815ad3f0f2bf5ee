"""SQL expressions that each engine spells its own way, compiled per dialect.

The queries in storage/ are written once; only these few differ between SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class nocase(FunctionElement):  # noqa: N801 (reads like the SQL it stands for)
    """Case-insensitive sort key: SQLite's NOCASE collation, lower() on PostgreSQL (which has
    no NOCASE; lower() also folds Cyrillic there)."""

    type = String()
    name = "nocase"
    inherit_cache = True


@compiles(nocase)
def _nocase_sqlite(element: nocase, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)}) COLLATE NOCASE"


@compiles(nocase, "postgresql")
def _nocase_pg(element: nocase, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


class first_figure_text(FunctionElement):  # noqa: N801
    """The first figure's text in a claim's ``figures`` JSON list (NULL without figures)."""

    type = String()
    name = "first_figure_text"
    inherit_cache = True


@compiles(first_figure_text)
def _first_figure_sqlite(element: first_figure_text, compiler: Any, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$[0].text')"


@compiles(first_figure_text, "postgresql")
def _first_figure_pg(element: first_figure_text, compiler: Any, **kw: Any) -> str:
    return f"(({compiler.process(element.clauses, **kw)}) -> 0 ->> 'text')"
