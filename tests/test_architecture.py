"""The layout the README promises, checked on the source: which package may import which, no
import loops between modules, no oversized modules.

The imports are read with ``ast`` (every ``import``, also the ones inside functions, since those
are how a loop hides), so the test needs nothing installed. ``KNOWN_*`` list what issue #18 is
still taking apart: a new arrow, loop or big module fails, and so does an entry that is gone
(remove it, so the lists only shrink).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Top-level package -> the packages it may import. The core never reaches up: ingest, matching
# and export are siblings that share extraction and storage; only cli and desktop (and the
# workflows they call) put them together; desktop never imports the command line.
CORE = {"resources", "appinfo"}
MAY_IMPORT: dict[str, set[str]] = {
    "appinfo": set(),
    "resources": set(),
    "extraction": CORE,
    "storage": CORE,
    "ingest": CORE | {"extraction", "storage"},
    "matching": CORE | {"extraction", "storage"},
    "export": CORE | {"extraction", "storage"},
    "workflows": CORE | {"extraction", "storage", "ingest", "matching", "export"},
    "desktop": CORE | {"extraction", "storage", "ingest", "matching", "export", "workflows"},
    "cli": CORE
    | {"extraction", "storage", "ingest", "matching", "export", "workflows", "desktop"},
}
PACKAGES = set(MAY_IMPORT)

# Arrows that run the wrong way today (package -> package: the modules that do it).
KNOWN_UPWARD: set[tuple[str, str]] = set()
# argparse belongs to cli/ only.
KNOWN_ARGPARSE: set[str] = set()
# Import loops between modules (each loop as the sorted tuple of its modules).
KNOWN_LOOPS: set[tuple[str, ...]] = set()
MAX_LINES = 500
KNOWN_BIG: set[str] = set()


def _modules() -> dict[str, Path]:
    mods: dict[str, Path] = {}
    for top in PACKAGES:
        folder = ROOT / top
        paths = folder.rglob("*.py") if folder.is_dir() else [ROOT / f"{top}.py"]
        for path in paths:
            if not path.exists() or "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            mods[name.removesuffix(".__init__")] = path
    return mods


def _imports(path: Path) -> set[str]:
    """Every absolute module name ``path`` imports, with ``from a import b`` also as ``a.b``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@cache
def _graph() -> tuple[dict[str, Path], dict[str, set[str]]]:
    mods = _modules()
    return mods, {m: {i for i in _imports(p) if i in mods and i != m} for m, p in mods.items()}


def _loops(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    loops.add(tuple(sorted(component)))
    return loops


def _ratchet(found: set, known: set, what: str) -> None:
    new, gone = found - known, known - found
    assert not new, f"new {what} (the layout forbids them): {sorted(new)}"
    assert not gone, f"{what} no longer present, remove them from the known list: {sorted(gone)}"


def test_every_top_level_package_has_a_layer() -> None:
    on_disk = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    on_disk -= {"tests", "bench", "docs", "packaging"}
    assert on_disk <= PACKAGES, f"add {sorted(on_disk - PACKAGES)} to MAY_IMPORT"


def test_imports_run_one_way() -> None:
    _, graph = _graph()
    upward = set()
    for module, targets in graph.items():
        source = module.split(".")[0]
        for target in targets:
            top = target.split(".")[0]
            if top != source and top not in MAY_IMPORT[source]:
                upward.add((source, top))
    _ratchet(upward, KNOWN_UPWARD, "upward imports")


def test_argparse_only_in_cli() -> None:
    mods, _ = _graph()
    users = {
        str(path.relative_to(ROOT))
        for path in mods.values()
        if path.relative_to(ROOT).parts[0] != "cli" and "argparse" in _imports(path)
    }
    _ratchet(users, KNOWN_ARGPARSE, "argparse users outside cli/")


def test_no_import_loops() -> None:
    _, graph = _graph()
    _ratchet(_loops(graph), KNOWN_LOOPS, "import loops")


def test_no_oversized_modules() -> None:
    mods, _ = _graph()
    big = set()
    for path in mods.values():
        rel = path.relative_to(ROOT)
        if rel.parts[:2] == ("extraction", "figures"):
            continue  # the figure parser is a package of its own concerns (issue #18)
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES:
            big.add(str(rel))
    _ratchet(big, KNOWN_BIG, f"modules over {MAX_LINES} lines")


def test_desktop_holds_no_session() -> None:
    """The window calls storage functions that return plain values (``storage.reads``,
    ``storage.actions``): no SQL of its own and no ``with db.read()/db.write()`` block."""
    mods, _ = _graph()
    found = set()
    for path in mods.values():
        rel = path.relative_to(ROOT)
        if rel.parts[0] != "desktop":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(name.split(".")[0] in {"sqlalchemy", "sqlmodel"} for name in _imports(path)):
            found.add(f"{rel}: imports SQL")
        for node in ast.walk(tree):
            if isinstance(node, ast.With | ast.AsyncWith):
                for item in node.items:
                    call = item.context_expr
                    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                            and call.func.attr in {"read", "write", "write_connection"}):
                        found.add(f"{rel}:{node.lineno}: opens a session")
    assert not found, sorted(found)


def test_every_top_level_package_is_installed() -> None:
    """A package the install leaves out works in the tests (run from the source folder) and
    fails in ``make run``: pyproject.toml must name every layer."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    included = {name.rstrip("*") for name in setuptools["packages"]["find"]["include"]}
    included |= set(setuptools.get("py-modules", []))
    assert included >= PACKAGES, f"add {sorted(PACKAGES - included)} to pyproject.toml"
