"""An article's text as safe HTML with every extracted figure highlighted.

Everything that came from an article or the database is escaped: a text holding
``<script>`` or other markup shows as text, never runs.

>>> highlight_text("ایجاد ۱۸۰ هزار شغل <b>", [(6, 14, "jobs")])
'<div class="article-text" dir="rtl">ایجاد <mark class="claim" title="jobs">۱۸۰ هزار</mark> شغل &lt;b&gt;</div>'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

Span = tuple[int, int, str]


def clean_spans(spans: Iterable[Sequence[object]], length: int) -> list[Span]:
    """Usable, non-overlapping spans in text order: offsets inside ``[0, length]``, start < end.

    Unknown offsets (``-1``), reversed or out-of-range spans are dropped; of overlapping spans
    the earlier (then the longer) one is kept.

    >>> clean_spans([(5, 9, "a"), (-1, -1, "b"), (7, 12, "c"), (20, 30, "d")], 25)
    [(5, 9, 'a')]
    """
    usable = []
    for span in spans:
        try:
            start, end = int(span[0]), int(span[1])  # type: ignore[call-overload]
        except (TypeError, ValueError):
            continue
        label = str(span[2]) if len(span) > 2 else ""
        if 0 <= start < end <= length:
            usable.append((start, end, label))
    usable.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[Span] = []
    last_end = -1
    for start, end, label in usable:
        if start >= last_end:
            out.append((start, end, label))
            last_end = end
    return out


def highlight_text(text: str, spans: Iterable[Sequence[object]]) -> str:
    """The text as escaped HTML with each span wrapped in ``<mark class="claim">`` (its label as a tooltip).

    Paragraph breaks become ``<br>``; the block is right-to-left.

    >>> out = highlight_text("<script>alert(1)</script> ۵ صندوق", [(26, 27, "<i>")])
    >>> "<script" in out, '<mark class="claim" title="&lt;i&gt;">۵</mark>' in out
    (False, True)
    """
    text = text or ""
    pieces = []
    pos = 0
    for start, end, label in clean_spans(spans, len(text)):
        pieces.append(html.escape(text[pos:start]))
        pieces.append(f'<mark class="claim" title="{html.escape(label)}">{html.escape(text[start:end])}</mark>')
        pos = end
    pieces.append(html.escape(text[pos:]))
    body = "".join(pieces).replace("\r\n", "\n").replace("\n", "<br>")
    return f'<div class="article-text" dir="rtl">{body}</div>'


def claim_spans(claims: pd.DataFrame, label_of: Callable[[Any], str] | None = None) -> list[Span]:
    """(start, end, label) for each claim with offsets; ``label_of(row)`` gives the tooltip (the mention by default)."""
    if claims.empty or "start" not in claims:
        return []
    rows = claims[(claims["start"] >= 0) & (claims["end"] > claims["start"])]
    spans: list[Span] = []
    starts, ends = rows["start"].tolist(), rows["end"].tolist()
    for row, start, end in zip(rows.itertuples(index=False), starts, ends, strict=True):
        label = label_of(row) if label_of else str(getattr(row, "mention", ""))
        spans.append((int(start), int(end), label))
    return spans


def find_mention_spans(text: str, mentions: Iterable[str]) -> list[Span]:
    """Fallback spans by searching each mention's first occurrence (for claims stored without offsets)."""
    spans = []
    for mention in mentions:
        if mention:
            at = text.find(mention)
            if at >= 0:
                spans.append((at, at + len(mention), mention))
    return spans
