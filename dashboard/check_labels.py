"""Names for metrics and provinces in the checks' messages, from the taxonomy data files.

>>> metric_label("jobs", "en"), province_label("Qazvin", "fa"), province_label("National", "fa")
('Jobs', 'قزوین', 'کل کشور')
"""

from __future__ import annotations

from dashboard.taxonomy import NATIONAL, load_taxonomy


def metric_label(metric: str, lang: str) -> str:
    """The metric's Persian or English label; the key itself when unknown."""
    found = load_taxonomy().metrics.get(metric)
    if found is None:
        return metric
    return found.fa if lang == "fa" else found.en


def province_label(province: str, lang: str) -> str:
    """The province's Persian name (or its key in English); «کل کشور» / "Iran (national)" for National."""
    if province == NATIONAL:
        return "کل کشور" if lang == "fa" else "Iran (national)"
    if lang != "fa":
        return province
    found = load_taxonomy().provinces.get(province)
    return found.name_fa if found else province
