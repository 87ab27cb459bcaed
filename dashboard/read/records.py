"""Files of many articles: JSON Lines (one object a line) and CSV (one row an article).

Each record becomes an article named ``FILE#ID`` (``batch.jsonl#b13``) whose text is the title,
a blank line, then the body. A broken line or row is reported with its number and the rest is read.

>>> src = Source("b.jsonl", "in/b.jsonl", b"")
>>> line = '{"id": "b1", "title": "تیتر", "date": "۱۴۰۲/۰۹/۰۳", "body": "متن خبر"}'
>>> for item in iter_jsonl(src, line + "\\n{bad"):
...     print(item.document if isinstance(item, Article) else item)
b.jsonl#b1
in/b.jsonl: line 2: not valid JSON (Expecting property name enclosed in double quotes)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from dashboard.read.article import Article, ReadProblem
from dashboard.read.source import Source

CSV_FIELD_LIMIT = 2**31 - 1  # a body may be megabytes long; the file size limit guards memory
DATE_FIELDS = ("date", "published")
KNOWN_FIELDS = {"id", "title", "source", "url", "body", *DATE_FIELDS}


def _as_text(value: Any) -> str | None:
    """A field as stripped text; numbers become text, empty or missing becomes None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def record_article(source: Source, record: Mapping[str, Any], where: str) -> Article | ReadProblem:
    """One record (a JSON object or a CSV row as a dict) to an article, or the problem with it.

    >>> record_article(Source("b.csv", "b.csv", b""), {"id": "7", "body": "  "}, "row 1")
    ReadProblem(path='b.csv', where='row 1', message='record 7 has no body', kept=False)
    """
    record_id = _as_text(record.get("id"))
    if record_id is None:
        return ReadProblem(source.path, where, "record has no id", code="record_no_id")
    raw_body = record.get("body")
    if raw_body is not None and not isinstance(raw_body, str):
        return ReadProblem(
            source.path,
            where,
            f"record {record_id}: body is not text",
            code="record_body_not_text",
            params={"id": record_id},
        )
    body = (raw_body or "").strip()
    if not body:
        return ReadProblem(
            source.path, where, f"record {record_id} has no body", code="record_no_body", params={"id": record_id}
        )
    title = _as_text(record.get("title"))
    published = next((v for v in (_as_text(record.get(k)) for k in DATE_FIELDS) if v), None)
    meta = {}
    for key, value in record.items():
        if key in KNOWN_FIELDS or key is None or value is None:
            continue
        meta[str(key)] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return Article(
        document=f"{source.document}#{record_id}",
        text=f"{title}\n\n{body}" if title else body,
        path=source.path,
        title=title,
        published=published,
        source=_as_text(record.get("source")),
        url=_as_text(record.get("url")),
        meta=meta,
        key=f"{source.key}#{record_id}" if source.key else "",
    )


def _dedupe(source: Source, items: Iterator[tuple[str, Article | ReadProblem]]) -> Iterator[Article | ReadProblem]:
    """Pass articles through once per id; a repeated id is a problem naming where it first stood."""
    first_seen: dict[str, str] = {}
    for where, item in items:
        if isinstance(item, Article):
            if item.document in first_seen:
                record_id = item.document.rsplit("#", 1)[-1]
                first = first_seen[item.document]
                item = ReadProblem(
                    source.path,
                    where,
                    f"duplicate id {record_id} (first at {first})",
                    code="duplicate_id",
                    params={"id": record_id, "first": first},
                )
            else:
                first_seen[item.document] = where
        yield item


def iter_jsonl(source: Source, text: str) -> Iterator[Article | ReadProblem]:
    """Articles from JSON Lines text; blank lines are skipped, a broken line is one problem."""

    def items() -> Iterator[tuple[str, Article | ReadProblem]]:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"line {number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, ReadProblem(source.path, where, f"not valid JSON ({exc.msg})", code="not_json")
                continue
            if not isinstance(record, dict):
                yield (
                    where,
                    ReadProblem(
                        source.path, where, f"not a JSON object (a {type(record).__name__})", code="not_json_object"
                    ),
                )
                continue
            yield where, record_article(source, record, where)

    yield from _dedupe(source, items())


def _delimiter(header_line: str) -> str:
    """Comma unless the header line plainly uses semicolons, tabs or bars."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return "," if counts[","] or not counts[best] else best


def iter_csv(source: Source, text: str) -> Iterator[Article | ReadProblem]:
    """Articles from CSV text with a header row naming at least ``id`` and ``body``."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield ReadProblem(source.path, "header", f"no readable header row ({exc or 'empty'})", code="no_header")
        return
    columns = [name.strip().lstrip("\ufeff").lower() for name in header]
    missing = [name for name in ("id", "body") if name not in columns]
    if missing:
        shown = ", ".join(c for c in columns if c) or "none"
        yield ReadProblem(
            source.path,
            "header",
            f"no {' or '.join(missing)} column (columns: {shown})",
            code="missing_columns",
            params={"missing": ", ".join(missing), "columns": shown},
        )
        return

    def items() -> Iterator[tuple[str, Article | ReadProblem]]:
        number = 0
        while True:
            where = f"row {number + 1}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield where, ReadProblem(source.path, where, f"broken CSV ({exc})", code="broken_csv")
                return
            number += 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                yield (
                    where,
                    ReadProblem(
                        source.path,
                        where,
                        f"{len(row)} fields but the header has {len(columns)}",
                        code="too_many_fields",
                        params={"n": len(row), "columns": len(columns)},
                    ),
                )
                continue
            yield where, record_article(source, dict(zip(columns, row, strict=False)), where)

    yield from _dedupe(source, items())
