"""Reading the data files under ``data/``: one place that names the file, and where in it, when it is broken.

A YAML file is read with :func:`load_data_file` and a model of :mod:`dashboard.lang.data_schemas`, a TSV file
with :func:`load_tsv_rows`; both give the same error message: the file, the entry and the problem.

>>> from dashboard.lang.paths import DATA_DIR
>>> "jobs" in read_yaml_mapping(DATA_DIR / "metrics.yaml")
True
>>> from dashboard.lang.data_schemas import MetricsFile
>>> load_data_file(DATA_DIR / "metrics.yaml", MetricsFile).root["jobs"].en
'Jobs'
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from dashboard.lang.errors import UserError


class DataFileError(UserError, ValueError):
    """A data file is missing, is not YAML, or has the wrong shape; the message names the file."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key written twice in one mapping is an error (YAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml_mapping(path: Path, error: type[Exception] = DataFileError) -> dict[str, Any]:
    """The top-level mapping of a YAML file, or ``error`` with a message naming ``path``.

    A key written twice in one mapping is refused: YAML would silently keep the last one.
    """
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=_UniqueKeyLoader)
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise error(f"{path}: expected a mapping at the top level")
    return data


def problems(exc: ValidationError) -> str:
    """A model's validation errors as one line: ``jobs.fa: missing; jobs.unit: input should be ...``."""
    parts = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(p) for p in err["loc"] if p != "[key]")
        if err["type"] == "missing":
            message = "missing"
        elif err["type"] == "extra_forbidden":
            message = "unknown key"
        elif err["type"] == "value_error":
            message = str(err.get("ctx", {}).get("error", err["msg"]))
        else:
            message = err["msg"][:1].lower() + err["msg"][1:]
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def validate[M: BaseModel](path: Path, model: type[M], data: object, error: type[Exception] = DataFileError) -> M:
    """``data`` (read from ``path``) as ``model``, or ``error`` naming the file, the entry and the problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(f"{path}: {problems(exc)}") from None


def load_data_file[M: BaseModel](path: Path, model: type[M], error: type[Exception] = DataFileError) -> M:
    """Read a YAML data file and check it against ``model`` (see :mod:`dashboard.lang.data_schemas`)."""
    return validate(path, model, read_yaml_mapping(path, error), error)


def load_tsv_rows[M: BaseModel](path: Path, model: type[M], error: type[Exception] = DataFileError) -> list[M]:
    """The rows of a tab-separated data file as ``model`` (``#`` lines are comments); a bad row is named by its
    line number."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = [(n, line) for n, line in enumerate(f, start=1) if not line.startswith("#")]
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not lines:
        raise error(f"{path}: no header row")
    header = next(csv.reader([lines[0][1]], delimiter="\t"))
    rows = []
    for lineno, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t"), [])
        if not cells:
            continue
        if len(cells) != len(header):
            raise error(f"{path}: line {lineno}: {len(cells)} columns where the header has {len(header)}")
        try:
            rows.append(model.model_validate(dict(zip(header, (c.strip() for c in cells), strict=True))))
        except ValidationError as exc:
            raise error(f"{path}: line {lineno}: {problems(exc)}") from None
    return rows
