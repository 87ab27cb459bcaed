"""The shape of every data file under ``data/``, as pydantic models.

A loader reads its file with :func:`dashboard.lang.datafiles.load_data_file` (YAML) or
:func:`dashboard.lang.datafiles.load_tsv_rows` (TSV) and one of these models, so every file gets the same
error: the file, where in it, and what is wrong (``metrics.yaml: jobs.fa: missing``).
:data:`SCHEMAS` names the model of each file; ``tests/lang/test_data_files.py`` checks that every data file has
one and fits it.

>>> MetricEntry.model_validate({"fa": " اشتغال ", "en": "Jobs"})
MetricEntry(fa='اشتغال', en='Jobs', unit='count', program=None, heads=None)
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictInt,
    StringConstraints,
    model_validator,
)

from dashboard.lang.persian import ZWNJ, fold_chars

CANONICAL_UNITS = ("count", "IRR", "USD", "EUR", "W", "Wh", "percent", "ha", "tonne", "m3", "km", "m2", "other")

# Persian and Arabic letters (digits, punctuation, ٪ ٫ ٬ excluded), as a regex class body.
LETTERS = "\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff"
_WORD_RE = re.compile(f"[{LETTERS}]+")

# A non-empty word or phrase, surrounding spaces dropped.
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
WordList = list[Word]
CanonicalUnit = Literal["count", "IRR", "USD", "EUR", "W", "Wh", "percent", "ha", "tonne", "m3", "km", "m2", "other"]


def _identifier(key: str) -> str:
    if not key.isidentifier():
        raise ValueError(f"key {key!r} is not a plain identifier")
    return key


def _one_word(word: str) -> str:
    """One Persian word with no space or ZWNJ (compounds such as «یک‌صد» are read by the number finder)."""
    if not _WORD_RE.fullmatch(word):
        raise ValueError(f"{word!r} is not a single Persian word")
    return word


def _one_word_or_compound(word: str) -> str:
    """One Persian word, a ZWNJ allowed inside («ده‌ها»)."""
    if not _WORD_RE.fullmatch(word.replace(ZWNJ, "")):
        raise ValueError(f"{word!r} is not a single Persian word")
    return word


Key = Annotated[str, AfterValidator(_identifier)]
PersianWord = Annotated[str, AfterValidator(_one_word)]
PersianCompound = Annotated[str, AfterValidator(_one_word_or_compound)]


class _Strict(BaseModel):
    """A mapping whose keys are all known: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- taxonomy ---------------------------------------------------------------------------------


class MetricEntry(_Strict):
    """One entry of ``metrics.yaml``: what a claim counts."""

    fa: Word
    en: Word
    unit: CanonicalUnit = "count"
    program: Key | None = None
    heads: WordList | None = None


class MetricsFile(RootModel[dict[Key, MetricEntry]]):
    """``metrics.yaml``: metric key → labels, unit and head nouns."""


class ProgramEntry(_Strict):
    """One entry of ``programs.yaml``."""

    fa: Word
    en: Word
    cues: WordList | None = None
    weak_cues: WordList | None = None
    false_friends: WordList | None = None


class ProgramsFile(RootModel[dict[Key, ProgramEntry]]):
    """``programs.yaml``: program key → labels, cue words and false friends."""


class UnitSpec(_Strict):
    """A unit word's canonical unit and the factor to it (تومان: IRR × 10)."""

    unit: CanonicalUnit
    factor: Annotated[float, Field(gt=0, strict=True)]


class UnitsFile(_Strict):
    """``units.yaml``: currency words and measurement unit words."""

    currencies: dict[str, UnitSpec]
    units: dict[str, UnitSpec]

    @model_validator(mode="after")
    def _each_word_once(self) -> UnitsFile:
        twice = sorted(set(self.currencies) & set(self.units))
        if twice:
            raise ValueError(f"unit word {twice[0]!r} appears twice")
        return self


YesNo = Literal["yes", "no", ""]


class ProvinceRow(_Strict):
    """One row of ``provinces.tsv``; ``variants`` and ``false_friends`` are ``|``-separated."""

    key: Word
    iso: str
    name_fa: Word
    capital_fa: str
    centroid_lat: float
    centroid_lon: float
    variants: str = ""
    false_friends: str = ""
    require_prefix: YesNo = ""


class CountyRow(_Strict):
    """One row of ``counties.tsv``."""

    province: Word
    county_fa: Word
    county_en: str
    needs_cue: YesNo


# --- number words -----------------------------------------------------------------------------


def _is_power_of_1000(v: int) -> bool:
    while v >= 1000 and v % 1000 == 0:
        v //= 1000
    return v == 1


def _scale_check(value: int) -> int:
    if value < 1000 or not _is_power_of_1000(value):
        raise ValueError(f"value {value!r} is not a power of 1000 (1000, 1000000, ...)")
    return value


def _value_range(low: int, high: int, step: int, wanted: str) -> AfterValidator:
    def check(value: int) -> int:
        if not (low <= value <= high and value % step == 0):
            raise ValueError(f"value {value!r} is not {wanted}")
        return value

    return AfterValidator(check)


def _denominator(value: int) -> int:
    if value < 2:
        raise ValueError("needs a whole denominator of 2 or more")
    return value


class Ordinals(_Strict):
    """Ordinal suffixes («م», «مین») and irregular ordinal words («سوم»)."""

    suffixes: list[PersianWord]
    irregular: list[PersianWord]


class Fractions(_Strict):
    """The suffix of a denominator («چهارم») and the irregular ones («سوم» = 3)."""

    suffix: PersianWord
    irregular: dict[PersianWord, Annotated[StrictInt, AfterValidator(_denominator)]] | None = None


class Ambiguous(_Strict):
    """A number word that is no number after some words."""

    not_before: list[PersianWord]


class NumberWordsFile(_Strict):
    """``number_words.yaml``: every class of number word with its value; each word listed once."""

    zero: PersianWord
    units: Annotated[
        dict[PersianWord, Annotated[StrictInt, _value_range(1, 9, 1, "a whole number from 1 to 9")]],
        Field(min_length=1),
    ]
    teens: Annotated[
        dict[PersianWord, Annotated[StrictInt, _value_range(10, 19, 1, "a whole number from 10 to 19")]],
        Field(min_length=1),
    ]
    tens: Annotated[
        dict[PersianWord, Annotated[StrictInt, _value_range(20, 90, 10, "a multiple of 10 from 20 to 90")]],
        Field(min_length=1),
    ]
    hundreds: Annotated[
        dict[PersianWord, Annotated[StrictInt, _value_range(100, 900, 100, "a multiple of 100 from 100 to 900")]],
        Field(min_length=1),
    ]
    scales: Annotated[dict[PersianWord, Annotated[StrictInt, AfterValidator(_scale_check)]], Field(min_length=1)]
    half: PersianWord
    joiner: PersianWord
    ordinals: Ordinals
    fractions: Fractions
    plural_suffixes: list[PersianWord]
    glued_after_scale: list[PersianWord] | None = None
    vague_before: list[PersianCompound]
    ambiguous: dict[str, Ambiguous] | None = None

    def number_words(self) -> dict[str, tuple[str, int]]:
        """Each number word (folded) → (section, value), zero and half included; the first listing wins."""
        words: dict[str, tuple[str, int]] = {}
        for section, block in self._sections():
            for word, value in block.items():
                words.setdefault(fold_chars(word), (section, value))
        return words

    def _sections(self) -> list[tuple[str, dict[str, int]]]:
        return [
            ("zero", {self.zero: 0}),
            ("units", self.units),
            ("teens", self.teens),
            ("tens", self.tens),
            ("hundreds", self.hundreds),
            ("scales", self.scales),
            ("half", {self.half: 0}),
        ]

    @model_validator(mode="after")
    def _consistent(self) -> NumberWordsFile:
        seen: set[str] = set()
        for section, block in self._sections():
            for word in block:
                folded = fold_chars(word)
                if folded in seen:
                    raise ValueError(f"{section}: the word {folded!r} appears twice")
                seen.add(folded)
        if 100 not in self.hundreds.values():
            raise ValueError("hundreds: needs the plain hundred word (value 100)")
        if fold_chars(self.joiner) in seen:
            raise ValueError(f"joiner: the word {self.joiner!r} is also a number word")
        irregular = {fold_chars(w) for w in self.ordinals.irregular}
        for word in sorted(irregular & seen):
            raise ValueError(f"ordinals.irregular: {word!r} is also a number word")
        for word in self.fractions.irregular or {}:
            if fold_chars(word) not in irregular:
                raise ValueError(f"fractions.irregular.{word}: not listed in ordinals.irregular")
        for word in self.ambiguous or {}:
            if fold_chars(word) not in seen:
                raise ValueError(f"ambiguous.{word}: not a number word of this file")
        return self


# --- dates, labels, cue words -----------------------------------------------------------------

MonthNumber = Annotated[int, Field(ge=1, le=12)]


def _twelve(months: dict[int, list[str]]) -> dict[int, list[str]]:
    if sorted(months) != list(range(1, 13)):
        raise ValueError("must map each of 1..12 to its spellings")
    return months


Months = Annotated[dict[MonthNumber, Annotated[WordList, Field(min_length=1)]], AfterValidator(_twelve)]


class JalaliMonthsFile(_Strict):
    """``jalali_months.yaml``: month spellings of both calendars, weekdays and the words of a date line."""

    months: Months
    month_names_en: Annotated[WordList, Field(min_length=12, max_length=12)]
    gregorian_months: Months
    lunar_months: WordList
    month_suffix: Word = "ماه"
    weekdays: WordList
    publication_labels: WordList
    line_words: WordList
    not_publication_labels: WordList


LabelText = str | list[str]


class LabelEntry(_Strict):
    """One interface label, in both languages."""

    fa: LabelText
    en: LabelText


class LabelsFile(RootModel[dict[str, LabelEntry]]):
    """``labels.yaml``: label key → Persian and English text."""


class ExtractionCuesFile(BaseModel):
    """``extraction_cues.yaml``: named word lists, and ``person_roles`` (metric key → role words)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, WordList] = Field(init=False)

    person_roles: dict[Key, WordList]


class PeriodCuesFile(_Strict):
    """``period_cues.yaml``: words that make a figure a running total or one period's."""

    cumulative: WordList
    period: WordList


class OutletsFile(RootModel[dict[Word, WordList]]):
    """``outlets.yaml``: an outlet's one name → the ways news writes it."""


class HtmlPageFile(RootModel[dict[Key, WordList]]):
    """``html_page.yaml``: named lists of class and id tokens (and tag names) of saved pages."""


_Setting = float | WordList | str


class Organisation(_Strict):
    """One organisation that counts figures: its English name and the Persian ways it is written."""

    en: str
    fa: WordList


class ComparableSection(_Strict):
    """``checks.yaml``'s ``comparable``: the evidence two figures need before they are compared."""

    confident_place: WordList
    narrowing_words: WordList
    cumulative_words: WordList
    organisations: dict[Key, Organisation]


class ChecksFile(BaseModel):
    """``checks.yaml``: thresholds and word lists at the top, and one section per kind of finding."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, dict[str, _Setting]] = Field(init=False)

    news_cycle_days: Annotated[StrictInt, Field(ge=0)]
    restatement_min_significant_digits: Annotated[StrictInt, Field(ge=1)]
    per_item_words: WordList
    per_item_window_words: Annotated[StrictInt, Field(ge=0)]
    approximate_words: WordList
    lower_bound_words: WordList
    comparable: ComparableSection


# The model of each data file, by file name.
SCHEMAS: dict[str, type[BaseModel]] = {
    "metrics.yaml": MetricsFile,
    "programs.yaml": ProgramsFile,
    "units.yaml": UnitsFile,
    "provinces.tsv": ProvinceRow,
    "counties.tsv": CountyRow,
    "number_words.yaml": NumberWordsFile,
    "jalali_months.yaml": JalaliMonthsFile,
    "labels.yaml": LabelsFile,
    "extraction_cues.yaml": ExtractionCuesFile,
    "period_cues.yaml": PeriodCuesFile,
    "outlets.yaml": OutletsFile,
    "html_page.yaml": HtmlPageFile,
    "checks.yaml": ChecksFile,
}
