"""The house rules of the package layout, checked on the source (issue 15).

Why a test: folders that follow the data flow (fetch -> decode -> tree -> meta, comments,
body, quotes -> model -> export -> jobs -> cli) only stay that way if a wrong-way import
fails CI. The rules read the modules' ``import`` statements (top-level and local ones), so
they hold whether or not a code path runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"

# What each part of the package may import from the others (besides itself). A part is a
# sub-package (core, meta, ...) or a top-level module (model, pagetype, extract).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "model": set(),
    "fetch": {"core"},
    "meta": {"core", "model"},
    "comments": {"core", "model"},
    "body": {"core", "model"},
    "quotes": {"core", "model"},
    "pagetype": {"core", "model", "meta"},
    "extract": {"core", "model", "meta", "comments", "body", "quotes", "pagetype"},
    # Markdown and HTML renderings of a record (issue 18): they read records by their shape.
    "markup": {"core"},
    "export": {"core", "model", "fetch", "markup"},
    "fixtures": {"core", "model", "fetch", "extract", "export"},
    "jobs": {"core", "model", "fetch", "extract", "export"},
    # The datatrove pipeline step (an extra): extraction of documents another tool has read.
    "datatrove": {"core", "model", "extract"},
    # Optional integrations (an extra each): jobs on a Dask cluster.
    "dask": {"core", "model", "fetch", "extract", "export", "jobs"},
    # Crawling with Scrapy / scrapy-redis (an extra): scrape's fetch rules and records in Scrapy's engine.
    "scrapy": {"core", "model", "fetch", "jobs"},
    "cli": {"core", "model", "fetch", "extract", "export", "jobs", "fixtures", "dask", "__init__"},
    # The public face: re-exports (some lazily) what a user may import from `extractor`.
    "__init__": {"core", "model", "extract", "quotes", "export", "fetch", "jobs"},
    "__main__": {"cli"},
}


# Imports against the floors that a module may make inside a function only, each with its
# reason: loading the module still imports nothing above it, and the import runs when the
# function is called. Article.to_markdown() / to_html() (issue 18): the record renders itself,
# while the renderers (markup) read records by their shape and import only core.
DEFERRED: dict[str, set[str]] = {
    "extractor.model": {"extractor.markup.markdown", "extractor.markup.html"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path, *, deferred: bool = True) -> Iterator[tuple[str, list[str], int]]:
    """(absolute module imported from, names imported, line) for every import in the file;
    ``deferred=False`` leaves out the function-level imports :data:`DEFERRED` allows."""
    module = _module_name(path)
    yield from _imports_in(path.read_text(encoding="utf-8"), module, path.name == "__init__.py", deferred)


def _imports_in(
    source: str, module: str, is_package: bool, deferred: bool
) -> Iterator[tuple[str, list[str], int]]:
    package = module if is_package else module.rsplit(".", 1)[0]
    tree = ast.parse(source)
    in_functions = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not deferred and id(node) in in_functions and target in DEFERRED.get(module, ()):
                continue
            yield target, [alias.name for alias in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_part_is_known() -> None:
    parts = {_part(_module_name(path)) for path in _sources()}
    assert parts <= set(ALLOWED), f"add the new part to ALLOWED with its floor: {parts - set(ALLOWED)}"


def test_no_import_from_a_higher_floor() -> None:
    wrong = []
    for path in _sources():
        here = _part(_module_name(path))
        for target, _names, line in _imports(path, deferred=False):
            if target == "extractor" or target.startswith("extractor."):
                there = _part(target)
                if there != here and there not in ALLOWED[here]:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {here} -> {there}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_another_modules_private_names() -> None:
    wrong = []
    for path in _sources():
        for target, names, line in _imports(path):
            if target.startswith("extractor"):
                private = [n for n in names if n.startswith("_") and not n.startswith("__")]
                if private:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} {target}: {private}")
    assert not wrong, "\n".join(wrong)


def test_deferred_imports_are_allowed_only_inside_functions() -> None:
    """The exception above is narrow: the same import at module level still counts."""
    in_method = "class A:\n    def f(self):\n        from .markup.markdown import article_markdown\n"
    at_top = "from .markup.markdown import article_markdown\n"
    elsewhere = "def f():\n    from .export.csvfmt import cell\n"
    assert not list(_imports_in(in_method, "extractor.model", False, deferred=False))
    assert [t for t, _n, _l in _imports_in(at_top, "extractor.model", False, deferred=False)] == [
        "extractor.markup.markdown"
    ]
    assert [t for t, _n, _l in _imports_in(elsewhere, "extractor.model", False, deferred=False)] == [
        "extractor.export.csvfmt"
    ]


def test_no_import_circles() -> None:
    """Module-level graph, counting local imports too: a circle is a circle even when deferred
    (bar the :data:`DEFERRED` imports, each allowed with its reason)."""
    graph: dict[str, set[str]] = {}
    modules = {_module_name(path) for path in _sources()}
    for path in _sources():
        here = _module_name(path)
        deps = graph.setdefault(here, set())
        for target, names, _line in _imports(path, deferred=False):
            if not target.startswith("extractor"):
                continue
            # `from .pkg import module` imports the module; `from .module import name` the module.
            for name in names:
                if f"{target}.{name}" in modules:
                    deps.add(f"{target}.{name}")
            if target in modules and target != here:
                deps.add(target)
    # A package's __init__ re-exporting its own modules is not a circle with them.
    for module, deps in graph.items():
        graph[module] = {d for d in deps if not module.startswith(d + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []
    circles: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                circles.append(" -> ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not circles, "\n".join(circles)


def test_every_package_declares_its_public_names() -> None:
    missing = []
    for init in sorted(PACKAGE.rglob("__init__.py")):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        targets = [
            target
            for node in tree.body
            for target in (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
        ]
        has_all = any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets)
        if not (ast.get_docstring(tree) and has_all):
            missing.append(str(init.relative_to(PACKAGE.parent)))
    assert not missing, f"docstring and __all__ needed in: {missing}"
