"""Interface labels in Persian and English, read from ``data/labels.yaml``.

Persian is the default language; every label has both.

>>> t("page_claims", "fa")
'ادعاها'
>>> t("rows_count", "en", n=3)
'3 claims'
>>> metric_label("jobs", "fa")
'اشتغال'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dashboard.lang.data_schemas import LabelsFile
from dashboard.lang.datafiles import DataFileError, load_data_file
from dashboard.lang.months import load_months
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy

LANGS = ("fa", "en")
DEFAULT_LANG = "fa"
LABELS_FILE = DATA_DIR / "labels.yaml"


class LabelError(DataFileError):
    """The labels file is missing, malformed or lacks a language; the message names the file."""


@lru_cache(maxsize=4)
def load_labels(path: Path = LABELS_FILE) -> dict[str, dict[str, object]]:
    """Read the labels file: ``{key: {"fa": ..., "en": ...}}``; every key must have both languages."""
    labels = load_data_file(path, LabelsFile, LabelError).root
    return {key: entry.model_dump() for key, entry in labels.items()}


def norm_lang(lang: str | None) -> str:
    """``"en"`` or ``"fa"``; anything else falls back to Persian."""
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    An unknown key comes back as itself, so a missing label shows rather than crashes.

    >>> t("table_capped", "fa", shown="۱۰", total="۲۰")
    '۱۰ ردیف از ۲۰ ردیف نمایش داده شده است؛ همه را با دکمه دریافت بگیرید.'
    """
    entry = load_labels().get(key)
    if entry is None:
        return key
    text = str(entry[norm_lang(lang)])
    return text.format(**values) if values else text


def t_list(key: str, lang: str = DEFAULT_LANG) -> list[str]:
    """A list label such as ``weekdays_short``."""
    entry = load_labels().get(key)
    value = entry[norm_lang(lang)] if entry else []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@lru_cache(maxsize=1)
def _month_names() -> dict[str, list[str]]:
    table = load_months()
    return {"fa": [table.months[m][0] for m in range(1, 13)], "en": list(table.month_names_en)}


def month_names(lang: str = DEFAULT_LANG) -> list[str]:
    """The twelve Jalali months, فروردین first, as ``data/jalali_months.yaml`` names them.

    >>> month_names("fa")[1], month_names("en")[1]
    ('اردیبهشت', 'Ordibehesht')
    """
    return _month_names()[norm_lang(lang)]


def metric_label(key: str, lang: str = DEFAULT_LANG) -> str:
    """A metric's label: ``metric_label("funds", "fa")`` gives «صندوق»; unknown keys come back as they are."""
    metric = load_taxonomy().metrics.get(key)
    if metric is None:
        return key
    return metric.fa if norm_lang(lang) == "fa" else metric.en


def program_label(key: str, lang: str = DEFAULT_LANG) -> str:
    """A program's label: ``program_label("note_16", "fa")`` gives «تسهیلات تبصره ۱۶»."""
    program = load_taxonomy().programs.get(key)
    if program is None:
        return key
    return program.fa if norm_lang(lang) == "fa" else program.en


def province_label(key: str, lang: str = DEFAULT_LANG) -> str:
    """A province's label: ``province_label("Qazvin", "fa")`` gives «قزوین»; ``National`` gives «سراسر کشور»."""
    if key == NATIONAL:
        return t("province_National", lang)
    province = load_taxonomy().provinces.get(key)
    if province is None or norm_lang(lang) == "en":
        return key
    return province.name_fa


def status_label(key: str, lang: str = DEFAULT_LANG) -> str:
    """``reported`` → «انجام‌شده», ``planned`` → «برنامه‌ریزی‌شده»."""
    return t(f"status_{key}", lang) if key in ("reported", "planned") else key


def unit_label(key: str, lang: str = DEFAULT_LANG) -> str:
    """A canonical unit's label; money (``IRR``) is shown in toman: ``unit_label("IRR", "fa")`` gives «تومان»."""
    return t(f"unit_{key}", lang) if f"unit_{key}" in load_labels() else key


def column_label(column: str, lang: str = DEFAULT_LANG) -> str:
    """Label for a filterable column (province, program, metric, status, source, speaker)."""
    return t(f"f_{column}", lang)


def value_label(column: str, key: str, lang: str = DEFAULT_LANG) -> str:
    """Label of one value of a filterable column: taxonomy names for keys, the text itself otherwise."""
    if key == "":
        return t("none_value", lang)
    match column:
        case "province":
            return province_label(key, lang)
        case "program":
            return program_label(key, lang)
        case "metric":
            return metric_label(key, lang)
        case "status":
            return status_label(key, lang)
        case "unit":
            return unit_label(key, lang)
        case "verdict" | "state":
            return t(f"{column}_{key}", lang)
    return key
