"""The claims table's columns: the spec's first (docs/claims.md), then the product's own."""

from __future__ import annotations

# Columns the spec fixes, in its order.
SPEC_COLUMNS: tuple[str, ...] = (
    "document",
    "value",
    "unit",
    "metric",
    "program",
    "province",
    "status",
    "published",
    "source",
)

# Columns this product adds after them (see docs/claims.md, "Columns this product adds").
EXTRA_COLUMNS: tuple[str, ...] = (
    "metric_fa",
    "qualifier",
    "mention",
    "quote",
    "start",
    "end",
    "speaker",
    "period",
    "published_jalali",
    "title",
    "url",
    "province_basis",
)

CLAIM_COLUMNS: tuple[str, ...] = SPEC_COLUMNS + EXTRA_COLUMNS

STATUSES = ("reported", "planned")
PERIODS = ("cumulative", "period", "")
PROVINCE_BASES = ("sentence", "speaker", "article", "default", "")
