"""Turn input paths into articles: files and folders of .txt, .html, .jsonl, .csv and .zip.

Every bad input (missing, empty, binary, too large, a broken line or row) becomes one
``ReadProblem`` naming the file and where in it, and reading goes on with the rest.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("تیتر خبر\\n\\nمتن خبر", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> _ = (folder / "README.md").write_text("not an article")
>>> [x.document if isinstance(x, Article) else x.message for x in iter_articles([folder])]
['a.txt', 'empty file']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dashboard.lang.errors import UserError
from dashboard.read.archive import ZipLimits, iter_members
from dashboard.read.article import Article, ReadProblem
from dashboard.read.decode import DecodeError, decode
from dashboard.read.html_page import iter_html
from dashboard.read.records import iter_csv, iter_jsonl
from dashboard.read.source import Source
from dashboard.read.text_file import iter_text

DEFAULT_MAX_BYTES = 20 * 2**20
FormatReader = Callable[[Source, str], Iterator[Article | ReadProblem]]
FORMATS: dict[str, FormatReader] = {
    ".txt": iter_text,
    ".html": iter_html,
    ".htm": iter_html,
    ".jsonl": iter_jsonl,
    ".csv": iter_csv,
}
ARCHIVE = ".zip"
SUPPORTED = (*FORMATS, ARCHIVE)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED",
    "Article",
    "ReadProblem",
    "ZipLimits",
    "iter_articles",
    "read_path",
    "read_source",
    "unreadable_folder",
]


def _size_text(n: int) -> str:
    """``20971520`` gives ``"20 MiB"``; sizes that are not whole MiB stay in bytes."""
    return f"{n // 2**20} MiB" if n >= 2**20 and n % 2**20 == 0 else f"{n:,} bytes"


def read_source(source: Source) -> Iterator[Article | ReadProblem]:
    """Decode one file's bytes and hand them to the reader for its format."""
    try:
        decoded = decode(source.data)
    except DecodeError as exc:
        yield ReadProblem(source.path, None, str(exc), code=exc.code, params=exc.params)
        return
    text = decoded.text
    if decoded.note:
        yield ReadProblem(
            source.path,
            None,
            f"read all the same: {decoded.note}",
            kept=True,
            code="bytes_replaced",
            params={"n": decoded.bad_bytes, "first": decoded.first_bad},
        )
    if not text.strip():
        yield ReadProblem(source.path, None, "empty file", code="empty_file")
        return
    yield from FORMATS[source.suffix](source, text)


def unreadable_folder(error: OSError) -> ReadProblem:
    """The problem line for a folder that a walk could not list.

    >>> str(unreadable_folder(PermissionError(13, "Permission denied", "news/locked")))
    'news/locked: cannot read the folder (Permission denied); its files were not read'
    """
    return ReadProblem(
        str(error.filename),
        None,
        f"cannot read the folder ({error.strerror or error}); its files were not read",
        code="folder_unreadable",
        params={"error": str(error.strerror or error)},
    )


def _walk(folder: Path) -> Iterator[Path | ReadProblem]:
    """Files under ``folder`` with a supported extension, sorted by path, skipping hidden files and
    folders; a sub-folder that cannot be listed is a problem."""
    found: list[Path] = []
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / n for n in files if not n.startswith(".") and Path(n).suffix.lower() in SUPPORTED]
    yield from (unreadable_folder(error) for error in errors)
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_path(path: Path, key: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | ReadProblem]:
    """The articles of one file, stored under ``key`` (its place in the folder ingested:
    ``2023/a01.txt``; records and zip members extend it: ``2023/b.jsonl#b13``)."""
    shown = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix == ARCHIVE:
            yield from _read_archive(path, max_bytes, key)
            return
        if size > max_bytes:
            yield ReadProblem(
                shown,
                None,
                f"file is larger than the {_size_text(max_bytes)} limit ({size:,} bytes)",
                code="file_too_big",
                params={"limit": _size_text(max_bytes), "size": size},
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(
            shown,
            None,
            f"cannot read the file ({exc.strerror or exc})",
            code="file_unreadable",
            params={"error": str(exc.strerror or exc)},
        )
        return
    yield from read_source(Source(document=path.name, path=shown, data=data, key=key))


def _read_archive(path: Path, max_bytes: int, key: str) -> Iterator[Article | ReadProblem]:
    limits = ZipLimits.for_max_bytes(max_bytes)
    for item in iter_members(path, path.name, str(path), set(FORMATS), limits, key=key):
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield from read_source(item)


def iter_articles(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadProblem]:
    """Articles from files and folders (read recursively, sorted), with a problem for each bad input.

    Inside folders, files of other types are skipped silently; named explicitly they are a problem.
    ``max_bytes`` limits each file and each zip member. Each article's ``key`` is its path inside
    the folder given (``2023/a01.txt``), or the file's name when the file was given itself.
    """
    if max_bytes <= 0:
        raise UserError(f"the size limit must be a positive number of bytes, not {max_bytes}")
    if isinstance(paths, str | Path):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        root = path if path.is_dir() else path.parent
        files: list[Path | ReadProblem]
        if path.is_dir():
            files = list(_walk(path))
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                yield ReadProblem(
                    str(path),
                    None,
                    f"unsupported file type (expected one of {', '.join(SUPPORTED)})",
                    code="unsupported_type",
                    params={"types": ", ".join(SUPPORTED)},
                )
                continue
            files = [path]
        elif path.exists():
            yield ReadProblem(str(path), None, "not a regular file or folder", code="not_a_file")
            continue
        else:
            yield ReadProblem(str(path), None, "no such file or folder", code="no_such_file")
            continue
        for file in files:
            if isinstance(file, ReadProblem):
                yield file
                continue
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            yield from read_path(file, file.relative_to(root).as_posix(), max_bytes)
