"""The import contract: the package is a stack of layers, and a module imports only from its own layer or below.

The layers follow the pipeline (``README.md``, "How it works"): the language's data, text, numbers and dates,
reading files, extracting claims, storing them, checking them, presenting them, and on top the command line
and the dashboard. Imports are read from the source with :mod:`ast`, at any depth (an import inside a
function counts), so nothing is imported to run this test.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"

# Lowest first. Each layer is a subpackage of ``dashboard`` (``""`` is the package's own ``__init__``, its
# version); a module belongs to the layer of the subpackage it is in.
LAYERS: list[tuple[str, list[str]]] = [
    # Data files and their loaders, the alphabet (letter and digit folding), labels, the package's own errors.
    ("lang", ["", "lang"]),
    # Match keys, sentences, tokens, verbs; the only layer that imports hazm.
    ("text", ["text"]),
    ("quantities", ["quantities"]),
    ("read", ["read"]),
    ("extract", ["extract"]),
    ("store", ["store"]),
    ("checks", ["checks"]),
    # Labels, formatting and the pure rules and builders behind the pages; no Streamlit.
    ("present", ["present"]),
    ("cli", ["cli", "__main__"]),
    # The Streamlit app: its pages, widgets and cached queries.
    ("app", ["app"]),
]

# Imports that go up a layer today, as (importer, imported). Each one is a debt: the test fails when a new
# one appears, and when one listed here is gone (so the list only shrinks).
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()

# Modules below the command line that import part of the package inside a function, as (importer, imported).
# Such an import hides a dependency (often to dodge an import cycle); the list only shrinks.
KNOWN_FUNCTION_IMPORTS: set[tuple[str, str]] = {
    ("extract.pipeline", "read.inputs"),  # extract_paths reads files itself
    ("store.ingest", "extract.pipeline"),  # the workers import the extractor in their own process
    ("store.ingest", "read.inputs"),
    ("store.ingest_jobs", "extract.pipeline"),
    ("store.ingest_jobs", "read.inputs"),
}

STREAMLIT_LAYER = "app"


def _module_name(path: Path) -> str:
    """``dashboard/read/decode.py`` → ``read.decode``; ``dashboard/__init__.py`` → ``""``."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _layer_of(module: str) -> int | None:
    """The index of the layer that holds ``module`` (or the package it is in), None when none does."""
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            if module == name or (name and module.startswith(name + ".")):
                return index
    return None


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The package module an import names: ``dashboard.read.inputs.iter_articles`` → ``read.inputs``."""
    if name != "dashboard" and not name.startswith("dashboard."):
        return None
    short = name.removeprefix("dashboard").removeprefix(".")
    while short not in modules:
        if not short:
            return None
        short = short.rpartition(".")[0]
    return short


def _imports(path: Path) -> Iterator[tuple[str, bool]]:
    """(imported name, inside a function) for every import of a file; ``from dashboard import x`` gives
    ``dashboard.x``, relative imports are resolved against the file's package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["dashboard", *path.relative_to(PACKAGE).parent.parts]
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            in_function.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        lazy = id(node) in in_function
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, lazy
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            yield base, lazy
            for alias in node.names:
                yield f"{base}.{alias.name}", lazy


def _package_imports() -> set[tuple[str, str, bool]]:
    """(importer, imported, inside a function) between modules of the package."""
    modules = _modules()
    edges = set()
    for module, path in modules.items():
        for name, lazy in _imports(path):
            target = _resolve(name, modules)
            if target is not None and target != module:
                edges.add((module, target, lazy))
    return edges


def _upward() -> set[tuple[str, str]]:
    found = set()
    for importer, imported, _ in _package_imports():
        low, high = _layer_of(importer), _layer_of(imported)
        if low is not None and high is not None and high > low:
            found.add((importer, imported))
    return found


def test_every_module_has_exactly_one_layer() -> None:
    names = [name for _, layer in LAYERS for name in layer]
    assert len(names) == len(set(names)), "a module is listed in two layers"
    unplaced = sorted(m for m in _modules() if _layer_of(m) is None)
    assert not unplaced, f"put these modules in a layer of LAYERS: {unplaced}"
    modules = _modules()
    missing = sorted(n for n in names if n not in modules and not any(m.startswith(n + ".") for m in modules))
    assert not missing, f"LAYERS lists modules that do not exist: {missing}"


def test_no_module_imports_a_higher_layer() -> None:
    new = _upward() - KNOWN_VIOLATIONS
    described = [f"{a} ({LAYERS[_layer_of(a) or 0][0]}) imports {b} ({LAYERS[_layer_of(b) or 0][0]})" for a, b in new]
    assert not new, "imports that go up a layer: " + "; ".join(sorted(described))


def test_every_known_violation_still_exists() -> None:
    gone = KNOWN_VIOLATIONS - _upward()
    assert not gone, f"fixed, so remove them from KNOWN_VIOLATIONS: {sorted(gone)}"


def test_only_the_app_imports_streamlit() -> None:
    app = next(i for i, (name, _) in enumerate(LAYERS) if name == STREAMLIT_LAYER)
    outside = sorted(
        module
        for module, path in _modules().items()
        if _layer_of(module) != app and any(n.split(".")[0] == "streamlit" for n, _ in _imports(path))
    )
    assert not outside, f"only the {STREAMLIT_LAYER} layer may import Streamlit: {outside}"


def test_only_the_text_layer_imports_hazm() -> None:
    text = next(i for i, (name, _) in enumerate(LAYERS) if name == "text")
    outside = sorted(
        module
        for module, path in _modules().items()
        if _layer_of(module) != text and any(n.split(".")[0] == "hazm" for n, _ in _imports(path))
    )
    assert not outside, f"only the text layer may import hazm: {outside}"


def test_the_pipeline_imports_its_own_modules_at_the_top_of_the_file() -> None:
    cli = next(i for i, (name, _) in enumerate(LAYERS) if name == "cli")
    lazy = {(a, b) for a, b, inside in _package_imports() if inside and (_layer_of(a) or 0) < cli}
    assert lazy == KNOWN_FUNCTION_IMPORTS, (
        f"new imports inside functions: {sorted(lazy - KNOWN_FUNCTION_IMPORTS)}; "
        f"gone, remove from KNOWN_FUNCTION_IMPORTS: {sorted(KNOWN_FUNCTION_IMPORTS - lazy)}"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from dashboard.lang.formatting import x\n",
            {("dashboard.lang.formatting", False), ("dashboard.lang.formatting.x", False)},
        ),
        ("def f():\n    import dashboard.store.database\n", {("dashboard.store.database", True)}),
        ("from . import decode\n", {("dashboard.read", False), ("dashboard.read.decode", False)}),
    ],
)
def test_imports_are_read_at_any_depth_and_relative_ones_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, expected: set[tuple[str, bool]]
) -> None:
    fake = tmp_path / "dashboard"
    (fake / "read").mkdir(parents=True)
    path = fake / "read" / "mod.py"
    path.write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert set(_imports(path)) == expected


def test_an_upward_import_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _package_imports()
    monkeypatch.setattr(
        f"{__name__}._package_imports", lambda: {*real, ("quantities.numbers", "present.charts", False)}
    )
    expected = r"quantities.numbers \(quantities\) imports present.charts \(present\)"
    with pytest.raises(AssertionError, match=expected):
        test_no_module_imports_a_higher_layer()


def _import_guards(path: Path) -> Iterator[list[ast.stmt]]:
    """The body of every ``try`` in a file whose handler catches ImportError or ModuleNotFoundError."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        for handler in node.handlers:
            caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            if any(isinstance(c, ast.Name) and c.id in ("ImportError", "ModuleNotFoundError") for c in caught):
                yield node.body


def test_a_broken_import_of_the_package_fails_loudly() -> None:
    """``except ImportError`` may only guard the import of an optional library (pyarrow), never the package's
    own modules or code that calls them: a page once showed «not available» for a broken import."""
    hidden = []
    for module, path in _modules().items():
        for body in _import_guards(path):
            names = [a.name for s in body if isinstance(s, ast.Import) for a in s.names]
            names += [s.module or "." for s in body if isinstance(s, ast.ImportFrom)]
            only_imports = all(isinstance(s, ast.Import | ast.ImportFrom) for s in body)
            if not only_imports or any(n == "." or n.split(".")[0] == "dashboard" for n in names):
                hidden.append(f"{module}:{body[0].lineno}")
    assert not hidden, f"a package import or a call guarded by except ImportError: {hidden}"
