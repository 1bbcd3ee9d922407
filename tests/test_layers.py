"""The architecture's layers, stated and enforced: every import in src/draft points down, and none goes round.

Every import counts: at module level, inside functions (the lazy ones that keep start-up fast)
and under ``TYPE_CHECKING``, because each of them is a dependency a reader of the code must follow
and each becomes a real import the day it is moved. The walk reads the source (``ast``); nothing
is imported.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

#: The layers, lowest first: a package may import only from layers below its own (and from itself).
#: Two packages in one layer are siblings and import nothing of each other (no writer reads another's
#: module, the check and the import's reader stand side by side, so do the build and the import).
#:
#: * ``version`` and ``problems`` are what everything may say;
#: * ``text`` (Chinese text as such) and ``files`` (files on disk) know no report;
#: * ``model`` is the one report model; ``kinds`` the kinds of report, built from the model;
#: * ``form`` reads (and ``form.write`` writes) the YAML form; ``render`` lays a report out as blocks
#:   in the template's wording, and reads the template folder's form for its kind;
#: * ``word`` and ``html`` write blocks; ``pdf`` has LibreOffice typeset the .docx;
#: * ``check`` reviews a form read; ``importer`` reads last year's report into the model;
#: * ``build`` (the 版记's page included) and ``imports`` (writing the imported form, reading it back)
#:   are the application's steps over readers and writers;
#: * ``cli``, with the words of click's usage messages below it, is the front door for people; the
#:   package ``draft`` itself (its public names, imported on first use) the one for programs.
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "version problems",
        "text",
        "files",
        "model",
        "kinds",
        "form",
        "render",
        "word html",
        "pdf",
        "check importer",
        "build imports",
        "command_name",
        "usage_messages",
        "cli draft",
        "__main__",
    )
)


def modules() -> dict[str, Path]:
    """Every module of draft by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted((SRC / "draft").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The draft modules ``name`` imports anywhere in its source: top level, in functions, under TYPE_CHECKING."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # ``from draft.word import styles`` imports the module draft.word.styles; ``from draft.word.page import
            # Place`` imports from draft.word.page.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # ``import draft.x.y as z`` of a name inside a module
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imports(name, path, known)) for name, path in known.items()}


def package(module: str) -> str:
    """The top-level part of draft a module belongs to: ``draft.word.page`` → ``word``; ``draft`` → ``draft``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            successor = next(successors, None)
            if successor is not None:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges.get(successor, ())))))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_no_cycle_between_modules() -> None:
    assert cycles(graph()) == []


def test_no_cycle_between_packages() -> None:
    packages: dict[str, set[str]] = {}
    for source, targets in graph().items():
        packages.setdefault(package(source), set()).update(package(target) for target in targets if package(target) != package(source))
    assert cycles(packages) == []


def test_every_import_points_to_a_lower_layer() -> None:
    layer_of = {name: number for number, layer in enumerate(LAYERS) for name in layer}
    edges = graph()
    assert {package(module) for module in edges} <= set(layer_of), "a new package: give it its layer in LAYERS"
    upward = sorted(
        f"{source} → {target}"
        for source, targets in edges.items()
        for target in targets
        if package(source) != package(target) and layer_of[package(target)] >= layer_of[package(source)]
    )
    assert upward == []


def test_the_walk_sees_every_kind_of_import(tmp_path: Path) -> None:
    """Top level, in a function, under TYPE_CHECKING, relative, and ``from package import module``."""
    (tmp_path / "draft" / "a").mkdir(parents=True)
    (tmp_path / "draft" / "__init__.py").write_text("")
    (tmp_path / "draft" / "a" / "__init__.py").write_text("")
    (tmp_path / "draft" / "a" / "b.py").write_text("")
    (tmp_path / "draft" / "a" / "c.py").write_text("")
    (tmp_path / "draft" / "d.py").write_text("")
    (tmp_path / "draft" / "e.py").write_text("")
    source = tmp_path / "draft" / "a" / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\nfrom draft.a import b\nif TYPE_CHECKING:\n    from draft.d import X\n"
        "def f():\n    from . import c\n    import draft.e\n"
    )
    known = {name: tmp_path for name in ("draft", "draft.a", "draft.a.b", "draft.a.c", "draft.d", "draft.e", "draft.a.m")}
    assert set(imports("draft.a.m", source, known)) == {"draft.a.b", "draft.a.c", "draft.d", "draft.e"}
    assert cycles({"x": {"y"}, "y": {"z"}, "z": {"x"}, "w": {"x"}}) == [{"x", "y", "z"}]
