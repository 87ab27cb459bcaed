"""Official reference figures (e.g. jobs created per province from the statistics centre), uploaded as CSV.

A reference table has the columns ``province, metric, period, value, unit, source, url``:
``province`` a province key or its Persian name («یزد») or ``National``; ``metric`` a metric key
(``jobs``) or one of its Persian words («شغل»); ``period`` a Jalali year («۱۴۰۲» or 1402); ``value`` a
number in the canonical ``unit`` (money in rials, power in W). Tables are stored by name and
versioned: uploading under the same name adds a new version, and the latest one counts.

>>> table = parse_reference_csv("province,metric,period,value,unit,source,url\\nیزد,jobs,۱۴۰۲,12000,count,مرکز آمار,https://amar.org.ir\\n".encode())
>>> table[["province", "metric", "period", "value"]].to_dict("records")
[{'province': 'Yazd', 'metric': 'jobs', 'period': '1402', 'value': 12000.0}]
>>> parse_reference_csv(b"province,metric,period,value,unit,source,url\\nYazd,jobs,next year,5,count,,\\n")
Traceback (most recent call last):
dashboard.lang.errors.UserError: reference table, row 2: period 'next year' is not a Jalali year such as 1402
"""

from __future__ import annotations

import csv
import hashlib
import io
from contextlib import suppress

import pandas as pd
import sqlalchemy as sa

from dashboard.lang.errors import UserError
from dashboard.lang.persian import fold_chars, to_ascii_digits
from dashboard.lang.taxonomy import CANONICAL_UNITS, NATIONAL, load_taxonomy
from dashboard.store import database as store
from dashboard.store import tables

REFERENCE_COLUMNS = ("province", "metric", "period", "value", "unit", "source", "url")
MAX_ROWS = 100_000


def _province(text: str) -> str | None:
    tax = load_taxonomy()
    if text in tax.province_keys:
        return text
    folded = fold_chars(text).replace("استان", "").strip()
    if folded in ("کل کشور", "کشور", "ملی"):
        return NATIONAL
    return next((key for key, p in tax.provinces.items() if fold_chars(p.name_fa) == folded), None)


def _metric(text: str) -> str | None:
    metrics = load_taxonomy().metrics
    if text in metrics:
        return text
    folded = fold_chars(text).strip()
    names = ((key, name) for key, m in metrics.items() for name in (m.fa, *m.heads))
    return next((key for key, name in names if fold_chars(name) == folded), None)


def _number(text: str) -> float | None:
    clean = to_ascii_digits(text).replace("٬", "").replace(",", "").replace("٫", ".").strip()
    with suppress(ValueError):
        return float(clean)
    return None


def parse_reference_csv(data: bytes, where: str = "reference table") -> pd.DataFrame:
    """The rows of an uploaded reference CSV, checked and made canonical; a bad row raises :class:`UserError`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{where}: not UTF-8 text") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REFERENCE_COLUMNS if c not in header]
    if missing:
        raise UserError(f"{where}: missing column(s) {', '.join(missing)} (need {', '.join(REFERENCE_COLUMNS)})")
    rows = []
    for n, raw in enumerate(reader, start=2):
        if n - 1 > MAX_ROWS:
            raise UserError(f"{where}: more than {MAX_ROWS:,} rows")
        row = {k.strip(): str(v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        province, metric = _province(row["province"]), _metric(row["metric"])
        period, value = to_ascii_digits(row["period"]), _number(row["value"])
        problems = [
            f"province {row['province']!r} is not a province key, a Persian province name or National"
            if province is None
            else "",
            f"metric {row['metric']!r} is not a metric key or label" if metric is None else "",
            f"period {row['period']!r} is not a Jalali year such as 1402"
            if not (period.isdigit() and 1300 <= int(period) <= 1500)
            else "",
            f"value {row['value']!r} is not a positive number" if value is None or value <= 0 else "",
            f"unit {row['unit']!r} is not one of {', '.join(CANONICAL_UNITS)}"
            if row["unit"] not in CANONICAL_UNITS
            else "",
            f"url {row['url']!r} must start with http:// or https://"
            if row["url"] and not row["url"].lower().startswith(("http://", "https://"))
            else "",
        ]
        problems = [p for p in problems if p]
        if problems:
            raise UserError(f"{where}, row {n}: {'; '.join(problems)}")
        rows.append({**row, "province": province, "metric": metric, "period": period, "value": value})
    if not rows:
        raise UserError(f"{where}: no rows")
    return pd.DataFrame(rows, columns=list(REFERENCE_COLUMNS))


def save_reference(conn: sa.Connection, name: str, data: bytes) -> tuple[int, bool]:
    """Store the table under ``name`` as its next version; (version, stored). The same bytes again store nothing."""
    name = name.strip()
    if not name:
        raise UserError("a reference table needs a name")
    table = parse_reference_csv(data, name)
    digest = hashlib.sha256(data).hexdigest()
    v = tables.reference_versions
    figures = table.to_dict("records")

    def save(conn: sa.Connection) -> tuple[int, bool]:
        last = conn.execute(
            sa.select(v.c.version, v.c.content_hash).where(v.c.name == name).order_by(v.c.version.desc()).limit(1)
        ).first()
        if last is not None and last[1] == digest:
            return int(last[0]), False
        version = 1 if last is None else int(last[0]) + 1
        row = {"name": name, "version": version, "content_hash": digest, "uploaded_at": store.now_iso()}
        version_id = conn.execute(sa.insert(v).values(**row, n_rows=len(table)).returning(v.c.id)).scalar_one()
        conn.execute(
            sa.insert(tables.reference_figures),
            [{"version_id": version_id, **{c: r[c] for c in REFERENCE_COLUMNS}} for r in figures],
        )
        store.mark_written(conn)
        return version, True

    return store.atomically(conn, save)


def versions_frame(conn: sa.Connection) -> pd.DataFrame:
    """Every stored version of every table: name, version, uploaded_at, n_rows, current (the latest of its name)."""
    rows = store.run(
        conn,
        "SELECT name, version, uploaded_at, n_rows, "
        "version = (SELECT MAX(version) FROM reference_versions w WHERE w.name = v.name) "
        "FROM reference_versions v ORDER BY name, version",
    ).fetchall()
    frame = pd.DataFrame(rows, columns=["name", "version", "uploaded_at", "n_rows", "current"])
    frame["current"] = frame["current"].astype(bool)
    return frame


def current_references(conn: sa.Connection) -> pd.DataFrame:
    """The figures of the latest version of every table: ``table``, ``version`` and :data:`REFERENCE_COLUMNS`."""
    rows = store.run(
        conn,
        "SELECT v.name, v.version, f.province, f.metric, f.period, f.value, f.unit, f.source, f.url "
        "FROM reference_figures f JOIN reference_versions v ON v.id = f.version_id "
        "WHERE v.version = (SELECT MAX(version) FROM reference_versions w WHERE w.name = v.name) ORDER BY f.id",
    ).fetchall()
    return pd.DataFrame(rows, columns=["table", "version", *REFERENCE_COLUMNS])
