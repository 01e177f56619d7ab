"""The package's layers, bottom first, and the two rules that hold them (see ARCHITECTURE.md).

A *unit* is a top-level module or subpackage of `charterguard` (`engine`, `detectors`...).
1. A unit imports only units of its own layer or of a layer below.
2. No imports make a cycle between units, inside a layer too.
Every import counts: at module top level, inside a function, under `if TYPE_CHECKING:`, and
`import_module("charterguard.x")` with a literal name. A new unit must be given a layer here.
"""

from __future__ import annotations

import ast
import textwrap
from collections import defaultdict
from pathlib import Path

import charterguard

PACKAGE = Path(charterguard.__file__).resolve().parent

# Bottom first. Data flows down as arguments: a lower layer never calls up.
LAYERS: list[tuple[str, set[str]]] = [
    ("foundation", {"errors", "imports", "blas", "files", "channels", "vocabulary", "diskcache"}),
    ("charter spec and report", {"spec", "report"}),
    ("text and NLP utilities", {"text", "validators", "regex_cache", "spacy_vectors", "ner_embedding", "ner_decoder", "nlp"}),
    ("post and analyzers", {"analysis", "linguistics", "tone", "inside", "pii", "secrets", "semantic"}),
    ("detectors", {"detectors"}),
    ("compiled charter and engine", {"charter", "engine"}),
    ("services", {"waivers", "parallel", "examples", "sources", "decisions", "profile_export"}),
    ("fronts", {"cli", "api", "spark", "render", "__main__"}),
]

Edges = dict[tuple[str, str], list[str]]


def units(package: Path) -> set[str]:
    """The top-level modules and subpackages of `package`."""
    found = {p.stem for p in package.glob("*.py") if p.name != "__init__.py"}
    found |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    return found


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """Dotted names an import node (or an import_module("...") call) may bring in."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            parts = module.split(".") if is_package else module.split(".")[:-1]
            parts = parts[: len(parts) - node.level + 1]
            base = ".".join(parts + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "import_module":
            return [node.args[0].value]
    return []


def import_edges(package: Path) -> Edges:
    """(importing unit, imported unit) -> where ("engine.py:27"), for every import between two units."""
    name = package.name
    known = units(package)
    edges: Edges = defaultdict(list)
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative == Path("__init__.py"):
            continue  # the package's public face re-exports from every layer
        source = relative.parts[0].removesuffix(".py")
        dotted = ".".join((name, *relative.with_suffix("").parts))
        is_package = path.name == "__init__.py"
        if is_package:
            dotted = dotted.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for target in _imported(node, dotted, is_package):
                parts = target.split(".")
                if len(parts) >= 2 and parts[0] == name and parts[1] in known and parts[1] != source:
                    where = f"{relative.as_posix()}:{getattr(node, 'lineno', 0)}"
                    if where not in edges[(source, parts[1])]:
                        edges[(source, parts[1])].append(where)
    return dict(edges)


def cycles(edges: Edges) -> list[list[str]]:
    """The strongly connected components of more than one unit (Tarjan), each sorted."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def cycle_report(edges: Edges) -> list[str]:
    """One line per cycle, naming each import that closes it."""
    lines = []
    for component in cycles(edges):
        inside = [f"{a} -> {b} ({', '.join(where[:3])})" for (a, b), where in sorted(edges.items()) if a in component and b in component]
        lines.append(f"import cycle between {', '.join(component)}: " + "; ".join(inside))
    return lines


def layer_violations(edges: Edges, layers: list[tuple[str, set[str]]]) -> list[str]:
    """One line per import of a unit from a layer above the importer's."""
    level = {unit: (i, layer) for i, (layer, members) in enumerate(layers) for unit in members}
    lines = []
    for (a, b), where in sorted(edges.items()):
        if a in level and b in level and level[b][0] > level[a][0]:
            lines.append(
                f"{a} (layer {level[a][1]!r}) may not import {b} (layer {level[b][1]!r}, above it): {', '.join(where[:3])}"
            )
    return lines


# -- the package --------------------------------------------------------------


def test_every_unit_of_the_package_has_exactly_one_layer() -> None:
    placed = [unit for _layer, members in LAYERS for unit in members]
    assert len(placed) == len(set(placed)), "a unit is listed in two layers"
    assert units(PACKAGE) - set(placed) == set(), "give each new module or subpackage a layer in LAYERS (and ARCHITECTURE.md)"
    assert set(placed) - units(PACKAGE) == set(), "LAYERS names a unit the package no longer has"


def test_no_import_cycle_between_units() -> None:
    assert cycle_report(import_edges(PACKAGE)) == []


def test_no_unit_imports_from_a_layer_above_its_own() -> None:
    assert layer_violations(import_edges(PACKAGE), LAYERS) == []


def test_the_charter_spec_imports_nothing_but_the_foundation() -> None:
    foundation = LAYERS[0][1]
    assert {b for a, b in import_edges(PACKAGE) if a == "spec"} - foundation == set()


def test_architecture_md_draws_the_same_layers() -> None:
    """Each layer is a line of ARCHITECTURE.md's picture, top first, naming its units."""
    text = (Path(__file__).resolve().parent.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    picture = text.split("```")[1].strip().splitlines()
    assert [line.split("  ")[0] for line in picture] == [layer for layer, _members in reversed(LAYERS)]
    for line, (layer, members) in zip(picture, reversed(LAYERS)):
        named = {word.rstrip("/") for word in line.removeprefix(layer).split()}
        assert members <= named, f"ARCHITECTURE.md's {layer!r} line lacks {sorted(members - named)}"


# -- the checker itself, on a small package in tmp_path --------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for relative, text in {"__init__.py": "", **files}.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def test_checker_finds_a_cycle_closed_by_function_local_and_type_checking_imports(tmp_path: Path) -> None:
    package = _package(tmp_path, {
        "low.py": """\
            def helper():
                from .high import run  # hidden inside a function
                return run
            """,
        "high/__init__.py": """\
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from ..mid import thing
            """,
        "mid.py": "from pkg import low\n",
        "alone.py": "import os\n",
    })
    assert cycles(import_edges(package)) == [["high", "low", "mid"]]
    (report,) = cycle_report(import_edges(package))
    assert "high -> mid (high/__init__.py:3)" in report
    assert "low -> high (low.py:2)" in report
    assert "mid -> low (mid.py:1)" in report


def test_checker_reads_every_import_form(tmp_path: Path) -> None:
    package = _package(tmp_path, {
        "a.py": "import pkg.b\n",
        "b.py": "from . import c\n",
        "c/__init__.py": "from .inner import x\n",
        "c/inner.py": "from ..d.deep import y\n",
        "d/__init__.py": "",
        "d/deep.py": "import importlib\nimportlib.import_module('pkg.e')\n",
        "e.py": "",
    })
    assert sorted(import_edges(package)) == [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]


def test_checker_names_an_upward_import_and_the_layers(tmp_path: Path) -> None:
    package = _package(tmp_path, {"base.py": "def f():\n    from .top import g\n", "top.py": "from .base import f\n"})
    layers = [("bottom", {"base"}), ("upper", {"top"})]
    assert layer_violations(import_edges(package), layers) == [
        "base (layer 'bottom') may not import top (layer 'upper', above it): base.py:2"
    ]


def test_checker_accepts_imports_down_and_across_a_layer(tmp_path: Path) -> None:
    package = _package(tmp_path, {"a.py": "from . import b\n", "b.py": "from . import c\n", "c.py": ""})
    layers = [("bottom", {"c"}), ("upper", {"a", "b"})]
    edges = import_edges(package)
    assert sorted(edges) == [("a", "b"), ("b", "c")]
    assert layer_violations(edges, layers) == [] and cycle_report(edges) == []
