"""Rated claims as schema.org ``ClaimReview`` (JSON-LD): the format fact-checkers publish and search engines read.

Each rated claim (any verdict but ``not_rated``) becomes one ``ClaimReview``: the claim's text
(``claimReviewed``), the ``Claim`` it reviews with its author (the speaker, affiliated with the
organisation the sentence names), its date and the article where it appeared, the rating,
the reviewer's note and evidence URL, and the reviewing organisation (set once in the app).

>>> import pandas as pd
>>> rows = pd.DataFrame([{"quote": "تاکنون ۵۸۲ صندوق قرض‌الحسنه در یزد راه‌اندازی شده است.", "mention": "۵۸۲",
...     "speaker": "مسئول بسیج سازندگی استان یزد", "published": "2024-01-05", "url": "https://example.org/n/1",
...     "title": "۵۸۲ صندوق در یزد", "source": "ایسنا", "verdict": "misleading", "verdict_note": "رقم سال قبل",
...     "verdict_url": "https://example.org/check/1", "verdict_by": "مریم", "verdict_at": "2024-02-01T10:00:00Z"}])
>>> review = claim_reviews(rows, "دیده‌بان آمار", "https://example.org")[0]
>>> review["reviewRating"]["alternateName"], review["itemReviewed"]["author"]["affiliation"]["name"]
('گمراه‌کننده', 'بسیج سازندگی')
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from dashboard.checks.comparability import organisations_in
from dashboard.lang.errors import UserError

# Ratings on a 1-5 scale (worst to best); «unverifiable» has a name but no number.
RATINGS: dict[str, tuple[int | None, str, str]] = {
    "false": (1, "نادرست", "False"),
    "misleading": (2, "گمراه‌کننده", "Misleading"),
    "unverifiable": (None, "غیرقابل راستی‌آزمایی", "Unverifiable"),
    "accurate": (5, "درست", "Accurate"),
}


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def _organisation_of(text: str) -> str:
    named = organisations_in(text)
    return named[0].fa if named else ""


def _claim_author(row: dict) -> dict[str, Any]:
    speaker = _text(row.get("speaker"))
    organisation = _organisation_of(speaker) or _organisation_of(_text(row.get("quote")))
    if speaker:
        author: dict[str, Any] = {"@type": "Person", "name": speaker}
        if organisation:
            author["affiliation"] = {"@type": "Organization", "name": organisation}
        return author
    return {"@type": "Organization", "name": organisation or _text(row.get("source")) or "نامشخص"}


def claim_review(row: dict, org_name: str, org_url: str = "") -> dict[str, Any]:
    """One rated claim row (with :data:`dashboard.store.reviews.VERDICT_COLUMNS`) as a ``ClaimReview``."""
    verdict = _text(row.get("verdict"))
    if verdict not in RATINGS:
        raise UserError(f"verdict {verdict!r} cannot be published; rate the claim first")
    value, name_fa, name_en = RATINGS[verdict]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name_fa, "name": name_en}
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": 5, "worstRating": 1}
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    for key, source in (("url", "url"), ("headline", "title"), ("datePublished", "published")):
        if _text(row.get(source)):
            appearance[key] = _text(row.get(source))
    if _text(row.get("source")):
        appearance["publisher"] = {"@type": "Organization", "name": _text(row.get("source"))}
    claim: dict[str, Any] = {"@type": "Claim", "author": _claim_author(row), "appearance": appearance}
    if _text(row.get("published")):
        claim["datePublished"] = _text(row.get("published"))
    reviewer: dict[str, Any] = {"@type": "Organization", "name": org_name}
    if org_url:
        reviewer["url"] = org_url
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": _text(row.get("quote")) or _text(row.get("mention")),
        "itemReviewed": claim,
        "reviewRating": rating,
        "author": reviewer,
        "datePublished": _text(row.get("verdict_at"))[:10],
        "inLanguage": "fa",
    }
    if _text(row.get("verdict_url")):
        review["url"] = _text(row.get("verdict_url"))
    if _text(row.get("verdict_note")):
        review["reviewBody"] = _text(row.get("verdict_note"))
    return review


def claim_reviews(claims: pd.DataFrame, org_name: str, org_url: str = "") -> list[dict[str, Any]]:
    """A ``ClaimReview`` for every rated row of ``claims``; without a reviewing organisation, a :class:`UserError`."""
    if not org_name.strip():
        raise UserError("set the reviewing organisation first (the app's findings page, or --org)")
    if claims.empty or "verdict" not in claims:
        return []
    rated = claims[claims["verdict"].isin(list(RATINGS))]
    return [claim_review(row, org_name.strip(), org_url.strip()) for row in rated.to_dict("records")]


def claimreview_bytes(claims: pd.DataFrame, org_name: str, org_url: str = "") -> bytes:
    """The JSON-LD file: a list of ``ClaimReview`` objects, UTF-8, Persian kept readable."""
    reviews = claim_reviews(claims, org_name, org_url)
    return (json.dumps(reviews, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
