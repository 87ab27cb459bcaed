"""A finding of the consistency checks and the table they make.

>>> f = Finding("sum_mismatch", ["a.txt"], "Qazvin", "general", "jobs", [3000, 2450, 6000],
...             "جمع اجزا: ۳٬۰۰۰ + ۲٬۴۵۰ = ۵٬۴۵۰ ≠ ۶٬۰۰۰", "Parts: 3,000 + 2,450 = 5,450 ≠ 6,000", ["..."])
>>> row = f.as_row()
>>> row["values"], row["message"].split(" | ")[1]
('3000;2450;6000', 'Parts: 3,000 + 2,450 = 5,450 ≠ 6,000')
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

ISSUE_COLUMNS = (
    "kind",
    "documents",
    "province",
    "program",
    "metric",
    "values",
    "message",
    "message_fa",
    "message_en",
    "quotes",
    "basis_fa",
    "basis_en",
    "finding_key",
)
KINDS = (
    "sum_mismatch",
    "province_exceeds_national",
    "shrinking_total",
    "product_mismatch",
    "unit_misuse",
    "repeated_claim",
    "unverified_against_reference",
)


def plain_number(value: float) -> str:
    """A value as a plain decimal: 5450.0 gives '5450', 2.5 gives '2.5'."""
    return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        item = str(item).strip()
        if item and item not in seen:
            seen.append(item)
    return seen


@dataclass
class Finding:
    """One inconsistency: what kind, where, the numbers, the explanation in both languages, the evidence."""

    kind: str
    documents: list[str]
    province: str
    program: str
    metric: str
    values: list[float]
    message_fa: str
    message_en: str
    quotes: list[str] = field(default_factory=list)
    basis_fa: str = ""
    basis_en: str = ""

    @property
    def key(self) -> str:
        """A key that stays the same when the same finding is found again (re-ingest, new extractor version).

        It covers the kind, the documents, what is compared and the values, not the wording.
        """
        parts = [self.kind, ";".join(sorted(_unique(self.documents))), self.province, self.program, self.metric]
        parts.append(";".join(plain_number(float(v)) for v in self.values))
        return hashlib.blake2b("|".join(parts).encode("utf-8"), digest_size=8).hexdigest()

    def as_row(self) -> dict[str, str]:
        """The finding as a table row: documents ``;``-joined, values as plain decimals, quotes one per line."""
        return {
            "kind": self.kind,
            "documents": ";".join(_unique(self.documents)),
            "province": self.province,
            "program": self.program,
            "metric": self.metric,
            "values": ";".join(plain_number(float(v)) for v in self.values),
            "message": f"{self.message_fa} | {self.message_en}",
            "message_fa": self.message_fa,
            "message_en": self.message_en,
            "quotes": "\n".join(_unique(self.quotes)),
            "basis_fa": self.basis_fa,
            "basis_en": self.basis_en,
            "finding_key": self.key,
        }


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    """The findings as a table with :data:`ISSUE_COLUMNS`, in the order of :data:`KINDS`, duplicates dropped."""
    rows = [f.as_row() for f in findings]
    frame = pd.DataFrame(rows, columns=list(ISSUE_COLUMNS)).drop_duplicates(ignore_index=True)
    order = {k: i for i, k in enumerate(KINDS)}
    frame["_order"] = frame["kind"].map(order).fillna(len(KINDS))
    return frame.sort_values(["_order", "documents"], kind="stable").drop(columns="_order").reset_index(drop=True)
