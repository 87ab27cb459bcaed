"""Consistency checks over a claims table: where the numbers officials claim do not add up.

Precision comes first: each check reports only what the text makes clear, and says why,
with the arithmetic written out and the sentences it rests on.

>>> import pandas as pd
>>> text = ("در مجموع ۵ هزار و ۲۰۰ شغل ایجاد شد. از این تعداد ۲ هزار و ۱۰۰ شغل با وام صندوق‌ها، "
...         "هزار و ۸۰۰ شغل با تسهیلات و ۹۰۰ شغل در مشاغل خانگی ایجاد شده است.")
>>> def claim(value, mention):
...     start = text.index(mention)
...     return {"document": "a.txt", "value": value, "unit": "count", "metric": "jobs", "program": "general",
...             "province": "Isfahan", "status": "reported", "mention": mention, "metric_fa": "شغل",
...             "start": start, "end": start + len(mention), "quote": text}
>>> claims = pd.DataFrame([claim(5200, "۵ هزار و ۲۰۰"), claim(2100, "۲ هزار و ۱۰۰"),
...                        claim(1800, "هزار و ۸۰۰"), claim(900, "۹۰۰")])
>>> issues = find_issues(claims, {"a.txt": text})
>>> issues[["kind", "values"]].values.tolist()
[['sum_mismatch', '2100;1800;900;5200']]
>>> issues.loc[0, "message_en"].split(": ")[1]
'2,100 + 1,800 + 900 = 4,800 ≠ 5,200'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.checks.article_checks import check_article
from dashboard.checks.claim_rows import prepare_claims, records
from dashboard.checks.claim_text import article_text
from dashboard.checks.findings import ISSUE_COLUMNS, KINDS, Finding, findings_frame
from dashboard.checks.reference_checks import against_references
from dashboard.checks.timeline_checks import province_exceeds_national, repeated_claim, shrinking_total
from dashboard.lang.check_config import load_check_config

__all__ = ["ISSUE_COLUMNS", "KINDS", "find_issues"]


def find_issues(
    claims: pd.DataFrame, texts: Mapping[Any, str] | None = None, references: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every finding in ``claims`` (columns :data:`ISSUE_COLUMNS`), one row each.

    ``texts`` maps an ``article_id`` (or, for claims without one, a document) to its stored
    article text (the text the claims' offsets point into); without it the in-article checks
    read the claims' quotes. ``documents`` is ``;``-joined, ``values`` the numbers involved
    (``;``-joined plain decimals),
    ``references`` the official figures (:func:`dashboard.store.references.current_references`),
    ``message`` is ``message_fa + " | " + message_en``, ``quotes`` the evidence, one per line.
    """
    config = load_check_config()
    df = prepare_claims(claims)
    findings: list[Finding] = []
    texts = dict(texts or {})
    # One article at a time: by its id when the claims carry one (base names may repeat across folders).
    by_article: dict[Any, list[dict]] = {}
    for record in records(df):
        by_article.setdefault(record.get("article_id", str(record["document"])), []).append(record)
    for article, rows in by_article.items():
        document = str(rows[0]["document"])
        own = texts.get(article)
        text = own if isinstance(own, str) and own.strip() else article_text(rows, texts, document)
        findings.extend(check_article(document, rows, text, config))
    for check in (province_exceeds_national, shrinking_total, repeated_claim):
        findings.extend(check(df, config))
    findings.extend(against_references(df, references, config))
    return findings_frame(findings)
