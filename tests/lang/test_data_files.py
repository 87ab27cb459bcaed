"""The data files under ``data/``: each fits its schema, and their words do not repeat or contradict.

A list may not hold one entry twice (spaces trimmed, Arabic letters folded). Keys, contradictions and the
homes of the month names and number words are compared as the extractor looks words up
(:func:`dashboard.lang.persian.match_key`: Arabic and Persian letters folded, ZWNJ, spaces and diacritics
ignored), so «سال‌های» and «سالهای» are one word there.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from dashboard.lang.data_schemas import SCHEMAS
from dashboard.lang.datafiles import DataFileError, load_data_file, load_tsv_rows, read_yaml_mapping
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import fold_chars, match_key

DATA_FILES = sorted(p for p in DATA_DIR.iterdir() if p.suffix in (".yaml", ".tsv"))


def _yaml(name: str) -> dict[str, Any]:
    return read_yaml_mapping(DATA_DIR / name)


def _key(word: str) -> str:
    """The word as the extractor looks it up; «#» (any number) kept, so «# سال» differs from «سال»."""
    return match_key(word)


def _word_lists(data: object, where: str = "") -> Iterator[tuple[str, list[str]]]:
    """Every list of words in a data file, with where it is (``sum_mismatch.back_reference``)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _word_lists(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list) and all(isinstance(w, str) for w in data):
        yield where, data


def _entry(word: str) -> str:
    """An entry as every reader sees it: spaces trimmed and collapsed, Arabic letters folded."""
    return " ".join(fold_chars(word).split())


def _repeats(words: list[str], key: Any = _key) -> dict[str, list[str]]:
    """The words of a list that are one word under ``key``: key → the spellings."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for word in words:
        spellings[key(word)].append(word)
    return {k: v for k, v in spellings.items() if len(v) > 1}


# --- every file fits its schema -----------------------------------------------------------------


def test_every_data_file_has_a_schema() -> None:
    assert {p.name for p in DATA_FILES} == set(SCHEMAS)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_fits_its_schema(path: Path) -> None:
    if path.suffix == ".tsv":
        assert load_tsv_rows(path, SCHEMAS[path.name])
    else:
        load_data_file(path, SCHEMAS[path.name])


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("metrics.yaml", lambda d: d["jobs"].pop("fa"), "jobs.fa: missing"),
        ("metrics.yaml", lambda d: d["jobs"].update(unit="litre"), "jobs.unit: input should be 'count'"),
        ("metrics.yaml", lambda d: d["jobs"].update(head=["شغل"]), "jobs.head: unknown key"),
        ("programs.yaml", lambda d: d.update({"note 16": {"fa": "x", "en": "x"}}), "note 16: key 'note 16' is not"),
        ("units.yaml", lambda d: d["currencies"]["تومان"].update(factor=0), "currencies.تومان.factor: input should be"),
        ("units.yaml", lambda d: d["units"].update({"تومان": {"unit": "IRR", "factor": 10}}), "appears twice"),
        ("number_words.yaml", lambda d: d["units"].update({"یک": 11}), "units.یک: value 11 is not"),
        ("jalali_months.yaml", lambda d: d["months"].pop(12), "months: must map each of 1..12"),
        ("labels.yaml", lambda d: d["app_title"].pop("en"), "app_title.en: missing"),
        ("extraction_cues.yaml", lambda d: d["counters"].append(" "), "counters.4: string should have at least"),
        ("extraction_cues.yaml", lambda d: d.update(person_roles=["x"]), "person_roles: input should be a valid dict"),
        ("period_cues.yaml", lambda d: d.update(periods=["امسال"]), "periods: unknown key"),
        ("outlets.yaml", lambda d: d.update({"ایرنا": "ایرنا"}), "ایرنا: input should be a valid list"),
        ("html_page.yaml", lambda d: d.update(drop_tags="nav"), "drop_tags: input should be a valid list"),
        ("checks.yaml", lambda d: d.update(news_cycle_days="60"), "news_cycle_days: input should be a valid integer"),
        ("checks.yaml", lambda d: d["sum_mismatch"].update(tolerance=None), "sum_mismatch.tolerance"),
    ],
)
def test_a_broken_yaml_file_is_named_with_the_entry_and_the_problem(
    tmp_path: Path, name: str, change: Any, message: str
) -> None:
    data = _yaml(name)
    change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_data_file(path, SCHEMAS[name])
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def _set_cell(line: str, index: int, value: str) -> str:
    cells = line.split("\t")
    cells[index] = value
    return "\t".join(cells)


@pytest.mark.parametrize(
    ("name", "edit", "message"),
    [
        ("counties.tsv", lambda line: line.replace("\tno", "\tmaybe"), "needs_cue: input should be"),
        ("provinces.tsv", lambda line: _set_cell(line, 4, "north"), "centroid_lat: input should be a valid number"),
        ("provinces.tsv", lambda line: line.rsplit("\t", 1)[0], "columns where the header has 9"),
    ],
)
def test_a_broken_tsv_row_is_named_by_its_line(tmp_path: Path, name: str, edit: Any, message: str) -> None:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines[header + 1] = edit(lines[header + 1])
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(message)) as err:
        load_tsv_rows(path, SCHEMAS[name])
    assert str(err.value).startswith(f"{path}: line {header + 2}: ")


def test_a_key_written_twice_in_a_yaml_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "outlets.yaml"
    path.write_text("ایرنا: [خبرگزاری ایرنا]\nایسنا: [ایسنا]\nایرنا: [ایرنا]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"(?s)outlets\.yaml: not valid YAML: .*'ایرنا' appears twice.*line 3"):
        read_yaml_mapping(path)


# --- words listed twice ---------------------------------------------------------------------------

YAML_FILES = [p for p in DATA_FILES if p.suffix == ".yaml"]


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_no_list_holds_an_entry_twice(path: Path) -> None:
    twice = {where: r for where, words in _word_lists(read_yaml_mapping(path)) if (r := _repeats(words, _entry))}
    assert not twice, f"{path.name}: listed twice: {twice}"


def test_a_repeated_entry_is_found() -> None:
    assert _repeats(["کمتر از", "حدود", "كمتر  از "], _entry) == {"کمتر از": ["کمتر از", "كمتر  از "]}


def test_a_yaml_mapping_has_no_two_keys_that_are_one_word() -> None:
    for path in YAML_FILES:
        for where, keys in _mapping_keys(read_yaml_mapping(path)):
            repeats = _repeats([k for k in keys if isinstance(k, str)])
            assert not repeats, f"{path.name}: {where or 'top level'}: keys that are one word: {repeats}"


def _mapping_keys(data: object, where: str = "") -> Iterator[tuple[str, list[Any]]]:
    if isinstance(data, dict):
        yield where, list(data)
        for key, value in data.items():
            yield from _mapping_keys(value, f"{where}.{key}" if where else str(key))


def test_no_outlet_spelling_names_two_outlets() -> None:
    owner: dict[str, str] = {}
    for outlet, spellings in _yaml("outlets.yaml").items():
        for spelling in (outlet, *spellings):
            assert owner.setdefault(_key(spelling), outlet) == outlet, f"{spelling} names {owner[_key(spelling)]}"


def test_no_county_is_also_a_province_or_listed_twice() -> None:
    provinces = load_tsv_rows(DATA_DIR / "provinces.tsv", SCHEMAS["provinces.tsv"])
    counties = load_tsv_rows(DATA_DIR / "counties.tsv", SCHEMAS["counties.tsv"])
    keys = [_key(c.county_fa) for c in counties]  # type: ignore[attr-defined]
    assert len(keys) == len(set(keys))
    province_keys = {_key(p.key) for p in provinces}  # type: ignore[attr-defined]
    assert len(province_keys) == len(provinces) == 31


# --- lists that contradict each other --------------------------------------------------------------

# (file, list, list): a word in both would be read both ways. A list inside a section is named with dots.
CONTRADICTIONS: list[tuple[str, str, str]] = [
    ("period_cues.yaml", "cumulative", "period"),
    ("checks.yaml", "comparable.narrowing_words", "comparable.cumulative_words"),
    ("checks.yaml", "unit_misuse.energy_words", "unit_misuse.capacity_growth_words"),
    ("checks.yaml", "sum_mismatch.partial", "sum_mismatch.remainder"),
    ("checks.yaml", "sum_mismatch.back_reference", "sum_mismatch.total_before"),
    ("html_page.yaml", "lead_tokens", "boilerplate_tokens"),
    ("html_page.yaml", "date_tokens", "boilerplate_tokens"),
    ("html_page.yaml", "lead_tokens", "date_tokens"),
    ("html_page.yaml", "drop_tags", "outside_tags"),
    ("extraction_cues.yaml", "national_markers", "this_province"),
    ("extraction_cues.yaml", "national_titles", "provincial_titles"),
    ("extraction_cues.yaml", "foreign_countries", "iran_markers"),
    ("extraction_cues.yaml", "past_time", "future_time"),
    *(
        ("extraction_cues.yaml", planned, achieved)
        for planned in ("planned_before", "planned_governing", "planned_verbs", "planned_needs", "future_time")
        for achieved in ("achieved_modal", "target_met", "past_time")
    ),
]


@pytest.mark.parametrize(("name", "one", "other"), CONTRADICTIONS, ids=lambda v: str(v))
def test_no_word_is_claimed_by_two_lists_that_contradict(name: str, one: str, other: str) -> None:
    lists = dict(_word_lists(_yaml(name)))
    both = {_key(w) for w in lists[one]} & {_key(w) for w in lists[other]}
    assert not both, f"{name}: in both {one} and {other}: {sorted(both)}"


# (file, mapping, field): each entry of the mapping owns its words in ``field``; a word owned by two entries
# would send a figure to either («صندوق» of two programs, «بسیج» of two organisations).
OWNERSHIPS: list[tuple[str, str, str]] = [
    ("metrics.yaml", "", "heads"),
    ("programs.yaml", "", "cues"),
    ("checks.yaml", "comparable.organisations", "fa"),
    ("jalali_months.yaml", "months", ""),
    ("jalali_months.yaml", "gregorian_months", ""),
    ("extraction_cues.yaml", "person_roles", ""),
]


@pytest.mark.parametrize(("name", "mapping", "field"), OWNERSHIPS, ids=lambda v: str(v))
def test_no_word_belongs_to_two_entries(name: str, mapping: str, field: str) -> None:
    entries: Any = _yaml(name)
    for part in filter(None, mapping.split(".")):
        entries = entries[part]
    owner: dict[str, Any] = {}
    for entry, value in entries.items():
        words = value.get(field, []) if field else value
        for word in words:
            assert owner.setdefault(_key(word), entry) == entry, f"{name}: «{word}» of {entry} and {owner[_key(word)]}"


# --- one home for the months and the number words ----------------------------------------------------


def _files_listing(word: str) -> list[str]:
    """The data files with an entry (a list item or a mapping key) that is ``word`` to the extractor."""
    return [name for name, keys in _entry_keys().items() if _key(word) in keys]


@cache
def _entry_keys() -> dict[str, frozenset[str]]:
    """Each YAML data file's entries (list items and mapping keys) as the extractor looks them up."""
    found = {}
    for path in YAML_FILES:
        data = read_yaml_mapping(path)
        entries = [w for _, words in _word_lists(data) for w in words]
        entries += [k for _, keys in _mapping_keys(data) for k in keys if isinstance(k, str)]
        found[path.name] = frozenset(map(_key, entries))
    return found


JALALI_MONTHS = [spellings[0] for _, spellings in sorted(_yaml("jalali_months.yaml")["months"].items())]
NUMBER_WORDS_1_TO_10 = ["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده"]


@pytest.mark.parametrize(
    ("word", "home"),
    [*((m, "jalali_months.yaml") for m in JALALI_MONTHS), *((w, "number_words.yaml") for w in NUMBER_WORDS_1_TO_10)],
)
def test_month_names_and_number_words_live_in_one_file(word: str, home: str) -> None:
    assert _files_listing(word) == [home]


def test_no_period_cue_is_written_both_with_and_without_a_number() -> None:
    """«سال گذشته» and «# سال گذشته» are one key to the extractor, which then read the cue only after a number
    while the checks read it anywhere; the plain cue already finds «۵ سال گذشته» for both."""
    cues = _yaml("period_cues.yaml")
    listed = [str(w) for kind in ("cumulative", "period") for w in cues[kind]]
    after_number = {_key(w.replace("#", " ")) for w in listed if w.strip().startswith("#")}
    plain = {_key(w) for w in listed if "#" not in w}
    assert not after_number & plain


# --- two files that say the same thing agree ----------------------------------------------------------


def test_every_county_is_in_a_province_of_the_province_file() -> None:
    provinces = {p.key for p in load_tsv_rows(DATA_DIR / "provinces.tsv", SCHEMAS["provinces.tsv"])}  # type: ignore[attr-defined]
    counties = load_tsv_rows(DATA_DIR / "counties.tsv", SCHEMAS["counties.tsv"])
    unknown = {c.province for c in counties} - provinces  # type: ignore[attr-defined]
    assert not unknown, f"counties.tsv: provinces not in provinces.tsv: {sorted(unknown)}"


def test_the_province_file_agrees_with_its_source_table() -> None:
    """``geo/provinces.csv`` is where ``provinces.tsv`` came from: the same codes, names, capitals and centroids."""
    rows = load_tsv_rows(DATA_DIR / "provinces.tsv", SCHEMAS["provinces.tsv"])
    ours = {r.iso: (r.key, r.name_fa, r.capital_fa, r.centroid_lat, r.centroid_lon) for r in rows}  # type: ignore[attr-defined]
    with (DATA_DIR / "geo" / "provinces.csv").open(encoding="utf-8", newline="") as f:
        source = {
            r["iso"]: (r["name_en"], r["name_fa"], r["capital_fa"], float(r["centroid_lat"]), float(r["centroid_lon"]))
            for r in csv.DictReader(f)
        }
    assert ours == source


def test_the_checks_name_only_metrics_and_units_the_taxonomy_has() -> None:
    metrics = set(_yaml("metrics.yaml"))
    units = {u["unit"] for table in ("currencies", "units") for u in _yaml("units.yaml")[table].values()} | {"count"}
    for where, words in _word_lists(_yaml("checks.yaml")):
        if where.endswith(("_metrics", "skip_metrics")):
            assert set(words) <= metrics, f"checks.yaml: {where}: {sorted(set(words) - metrics)} are no metrics"
        if where.endswith("skip_units"):
            assert set(words) <= units, f"checks.yaml: {where}: {sorted(set(words) - units)} are no units"


def test_a_running_total_word_of_the_checks_is_no_one_period_word() -> None:
    """«تاکنون» in checks.yaml makes figures comparable as running totals; period_cues.yaml must not call
    the same words one period's."""
    running = {_key(w) for w in _yaml("checks.yaml")["comparable"]["cumulative_words"]}
    one_period = {_key(w) for w in _yaml("period_cues.yaml")["period"]}
    assert not running & one_period


# --- every data file is checked ------------------------------------------------------------------------

# What this module checks of each file beyond its schema (every YAML file's lists and keys are also checked for
# repeats): adding a data file means adding its integrity test and naming it here.
INTEGRITY: dict[str, str] = {
    "checks.yaml": "contradicting lists, organisations' names, metrics, units and period words of other files",
    "counties.tsv": "no county twice or also a province; every province known",
    "extraction_cues.yaml": "contradicting lists, person roles, month names and number words kept elsewhere",
    "html_page.yaml": "contradicting token and tag lists",
    "jalali_months.yaml": "one home of the month names, a spelling of one month only",
    "labels.yaml": "keys that are one word",
    "metrics.yaml": "a head of one metric only",
    "number_words.yaml": "one home of the number words",
    "outlets.yaml": "a spelling of one outlet only",
    "period_cues.yaml": "contradicting lists, a cue with and without a number, the checks' running-total words",
    "programs.yaml": "a cue of one program only",
    "provinces.tsv": "agrees with geo/provinces.csv",
    "units.yaml": "the units the checks skip exist",
    "geo/provinces.csv": "agrees with provinces.tsv",
    "geo/iran_provinces.geojson": "its provinces are the province file's (tests/lang/test_taxonomy.py)",
}


def test_every_data_file_has_its_integrity_test() -> None:
    files = {p.relative_to(DATA_DIR).as_posix() for p in DATA_DIR.rglob("*") if p.is_file() and p.name != "README.md"}
    files -= {"claims.sqlite", *(f for f in files if f.startswith("claims.sqlite"))}
    assert files == set(INTEGRITY)
