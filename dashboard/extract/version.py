"""The extractor's version: a hash of its own code and of the data files it reads.

Stored claims must never go stale: the version is part of every article's content hash, so after any
change to the extractor's modules or to a word list under ``data/``, ingesting an article again
re-extracts it. The modules are found by following ``dashboard.extract.pipeline``'s imports inside the package.

>>> v = extractor_version()
>>> len(v), v == extractor_version()
(16, True)
>>> "dashboard/quantities/numbers.py" in [f.relative_to(PACKAGE_DIR.parent).as_posix() for f in extractor_files()]
True
"""

from __future__ import annotations

import ast
import hashlib
from functools import cache
from pathlib import Path

from dashboard.lang.paths import DATA_DIR

PACKAGE_DIR = Path(__file__).resolve().parents[1]
ENTRY_MODULE = "dashboard.extract.pipeline"
DATA_SUFFIXES = (".yaml", ".tsv")
PRESENTATION_DATA = frozenset({"labels.yaml"})  # the dashboard's wording, never read by the extractor


def _module_file(name: str) -> Path | None:
    """A module's file: ``dashboard.quantities.numbers`` gives ``dashboard/quantities/numbers.py``."""
    path = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_imports(path: Path) -> set[str]:
    """The ``dashboard`` modules a file imports (at any depth of the file: lazy imports count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("dashboard"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dashboard"):
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)  # «from dashboard import x»
    return names


@cache
def extractor_files() -> tuple[Path, ...]:
    """Every module file the extractor runs, found from its entry module's imports."""
    seen: dict[str, Path] = {}
    todo = [ENTRY_MODULE]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen[name] = path
        todo.extend(_package_imports(path))
    return tuple(sorted(set(seen.values())))


@cache
def extractor_version() -> str:
    """16 hex digits that change whenever the extractor's code or data files change."""
    digest = hashlib.sha256()
    data = sorted(p for p in DATA_DIR.iterdir() if p.suffix in DATA_SUFFIXES and p.name not in PRESENTATION_DATA)
    for path in (*extractor_files(), *data):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
