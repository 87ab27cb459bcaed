"""What a reader filters the claims by, and the same filter as an SQL condition.

:class:`FilterState` is the choice (the filter bar builds it, the URL keeps it); :func:`conditions`
turns it into SQLAlchemy Core conditions on the ``claims`` table, which run on SQLite and PostgreSQL
alike. The free text is matched by one regular expression
(:func:`dashboard.text.search.query_pattern`) in the searched columns, and also finds a province or
programme by its English name («Qazvin»). A verdict is found through the claims it was given to
(:func:`verdict_case`), since a verdict is keyed on the claim's stable key, not on a column.

>>> state = FilterState(province=("Yazd",), text="قرض الحسنه")
>>> state.active()
[('province', 'Yazd'), ('text', 'قرض الحسنه')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace

import sqlalchemy as sa

from dashboard.lang.i18n import value_label
from dashboard.lang.taxonomy import load_taxonomy
from dashboard.text.search import query_pattern

LIST_FILTERS = ("province", "program", "metric", "status", "source", "speaker", "verdict")
SEARCH_COLUMNS = ("quote", "mention", "title", "speaker", "source", "metric_fa", "document")
# Columns of taxonomy keys whose English labels a search also finds («Qazvin», «Note 16»): the
# Persian names are already in the text searched.
LABELLED_COLUMNS = ("province", "program")
NOT_RATED = "not_rated"


@dataclass(frozen=True)
class FilterState:
    """What the user chose; empty means «all».

    >>> FilterState(province=("Qazvin",), metric=("jobs",)).active()
    [('province', 'Qazvin'), ('metric', 'jobs')]
    """

    province: tuple[str, ...] = ()
    program: tuple[str, ...] = ()
    metric: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    verdict: tuple[str, ...] = ()
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def active(self) -> list[tuple[str, str]]:
        """The filters in use as (name, value) pairs, lists joined with ``+``, in a fixed order."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple) and value:
                out.append((f.name, "+".join(value)))
            elif isinstance(value, dt.date):
                out.append((f.name, value.isoformat()))
            elif isinstance(value, str) and value.strip():
                out.append((f.name, value.strip()))
        return out

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return not self.active()

    def without(self, name: str) -> FilterState:
        """The same choice with the list filter ``name`` cleared (a facet counts under the others).

        >>> FilterState(province=("Yazd",), metric=("jobs",)).without("metric").active()
        [('province', 'Yazd')]
        """
        if name not in LIST_FILTERS:
            raise ValueError(f"not a list filter: {name}")
        values: dict[str, tuple[str, ...]] = {name: ()}
        return replace(self, **values)  # type: ignore[arg-type]


def verdict_case(claims: sa.TableClause, rated: Mapping[int, str]) -> sa.ColumnElement[str]:
    """Each claim's verdict as an SQL expression: ``rated`` maps the ids of rated claims to their
    verdict (few: people give them), every other claim is ``not_rated``."""
    by_verdict: dict[str, list[int]] = {}
    for claim_id, verdict in rated.items():
        if verdict != NOT_RATED:
            by_verdict.setdefault(verdict, []).append(int(claim_id))
    if not by_verdict:
        return sa.literal(NOT_RATED, sa.Text)
    whens = [(claims.c.id.in_(sorted(ids)), sa.literal(v, sa.Text)) for v, ids in sorted(by_verdict.items())]
    return sa.case(*whens, else_=sa.literal(NOT_RATED, sa.Text))


def labelled_keys(column: str, pattern: str) -> list[str]:
    """The taxonomy keys of ``column`` (province or program) whose English label matches a search pattern.

    >>> labelled_keys("province", query_pattern("qazvin"))
    ['Qazvin']
    """
    taxonomy = load_taxonomy()
    keys = taxonomy.province_keys if column == "province" else list(taxonomy.programs)
    return [k for k in keys if re.search(pattern, value_label(column, k, "en"), flags=re.IGNORECASE)]


def text_condition(claims: sa.TableClause, text: str) -> sa.ColumnElement[bool] | None:
    """Whether the free text occurs in a searched column or names a province or programme in English;
    None when the text holds nothing to search («  »)."""
    pattern = query_pattern(text)
    if not pattern:
        return None
    found: list[sa.ColumnElement[bool]] = [claims.c[c].regexp_match(pattern, flags="i") for c in SEARCH_COLUMNS]
    for column in LABELLED_COLUMNS:
        keys = labelled_keys(column, pattern)
        if keys:
            found.append(claims.c[column].in_(keys))
    return sa.or_(*found)


def conditions(
    claims: sa.TableClause, state: FilterState, rated: Mapping[int, str] | None = None
) -> list[sa.ColumnElement[bool]]:
    """The SQL conditions whose AND keeps the claims ``state`` chooses (undated claims drop out of a
    date range). ``rated`` maps rated claims' ids to their verdicts (for the verdict filter)."""
    out: list[sa.ColumnElement[bool]] = []
    for name in LIST_FILTERS:
        chosen: Sequence[str] = getattr(state, name)
        if not chosen:
            continue
        column = verdict_case(claims, rated or {}) if name == "verdict" else claims.c[name]
        out.append(column.in_(list(chosen)))
    if state.date_from or state.date_to:
        out.append(claims.c.published != "")
    if state.date_from:
        out.append(claims.c.published >= state.date_from.isoformat())
    if state.date_to:
        out.append(claims.c.published <= state.date_to.isoformat())
    if state.text.strip():
        found = text_condition(claims, state.text)
        if found is not None:
            out.append(found)
    return out
