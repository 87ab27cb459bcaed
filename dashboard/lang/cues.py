"""The extractor's word lists (``data/extraction_cues.yaml``), loaded once as match keys.

Month names are not listed there: they come from their own file (:mod:`dashboard.lang.months`), so
«۷ آذر» and «آذر ۱۴۰۲» are dates with every spelling the date reader knows.

>>> cues = load_cues()
>>> "تبصره" in cues.label_before
True
>>> "آذر" in cues.year_before and "آذرماه" in cues.not_claim_after
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dashboard.lang.datafiles import read_yaml_mapping
from dashboard.lang.months import jalali_month_words, month_words
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import match_key
from dashboard.lang.taxonomy import TaxonomyError

CUES_FILE = DATA_DIR / "extraction_cues.yaml"

_WORD_LISTS = (
    "label_before",
    "item_weight_words",
    "year_before",
    "counters",
    "not_claim_after",
    "no_head",
    "qualifiers",
    "approximate_qualifiers",
    "anaphora_before",
    "money_nouns",
    "amount_nouns",
    "per_item",
    "time_nouns",
    "person_counter",
    "people_plurals",
    "index_words",
    "market_words",
    "role_false_friends",
    "classifiers",
    "non_dwelling_units",
    "wording_nouns",
    "metre_length_context",
    "metre_area_context",
    "national_markers",
    "place_cues",
    "rank_words",
    "region_words",
    "area_words",
    "vote_words",
    "casualty_words",
    "consent_verbs",
    "measure_nouns",
    "continuation_starts",
    "item_size_words",
    "region_adjectives",
    "this_province",
    "foreign_countries",
    "iran_markers",
    "national_titles",
    "provincial_titles",
    "planned_before",
    "plan_false_friends",
    "ready_to_open",
    "in_progress",
    "planned_verbs",
    "future_time",
    "event_nouns",
    "announced_nouns",
    "inchoative_stems",
    "present_now",
    "habitual_time",
    "planned_needs",
    "past_time",
    "possibility_modals",
    "stative_predicates",
    "target_met",
    "agreement_cues",
    "more_to_come",
    "planned_governing",
    "achieved_modal",
    "finite_verbs",
    "speech_verbs",
    "news_verbs",
    "speaker_pronouns",
    "speaker_stop",
    "body_end_lines",
    "head_furniture",
    "source_lead",
    "source_stop",
)


@dataclass(frozen=True)
class Cues:
    """Each list as a set of match keys (ZWNJ and spaces removed), plus the raw qualifier words."""

    label_before: frozenset[str]
    item_weight_words: frozenset[str]
    year_before: frozenset[str]
    counters: frozenset[str]
    not_claim_after: frozenset[str]
    no_head: frozenset[str]
    qualifiers: dict[str, str]  # match key -> the word as written in the data file
    approximate_qualifiers: frozenset[str]
    anaphora_before: frozenset[str]
    money_nouns: frozenset[str]
    amount_nouns: frozenset[str]
    per_item: frozenset[str]
    time_nouns: frozenset[str]
    person_counter: frozenset[str]
    people_plurals: frozenset[str]
    index_words: frozenset[str]
    market_words: frozenset[str]
    role_false_friends: frozenset[str]
    classifiers: frozenset[str]
    non_dwelling_units: frozenset[str]
    wording_nouns: frozenset[str]
    metre_length_context: frozenset[str]
    metre_area_context: frozenset[str]
    person_roles: dict[str, frozenset[str]]  # metric key -> role words
    national_markers: frozenset[str]
    place_cues: frozenset[str]
    rank_words: frozenset[str]
    region_words: frozenset[str]
    area_words: frozenset[str]
    vote_words: frozenset[str]
    casualty_words: frozenset[str]
    consent_verbs: frozenset[str]
    measure_nouns: frozenset[str]
    continuation_starts: frozenset[str]
    item_size_words: frozenset[str]
    region_adjectives: frozenset[str]
    this_province: frozenset[str]
    foreign_countries: frozenset[str]
    iran_markers: frozenset[str]
    national_titles: frozenset[str]
    provincial_titles: frozenset[str]
    planned_before: frozenset[str]
    plan_false_friends: frozenset[str]
    ready_to_open: frozenset[str]
    in_progress: frozenset[str]
    planned_verbs: frozenset[str]
    future_time: frozenset[str]
    event_nouns: frozenset[str]
    announced_nouns: frozenset[str]
    inchoative_stems: frozenset[str]
    present_now: frozenset[str]
    habitual_time: frozenset[str]
    planned_needs: frozenset[str]
    past_time: frozenset[str]
    possibility_modals: frozenset[str]
    stative_predicates: frozenset[str]
    target_met: frozenset[str]
    agreement_cues: frozenset[str]
    more_to_come: frozenset[str]
    planned_governing: frozenset[str]
    achieved_modal: frozenset[str]
    finite_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    news_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_stop: frozenset[str]
    body_end_lines: frozenset[str]
    head_furniture: frozenset[str]
    source_lead: frozenset[str]
    source_stop: tuple[str, ...]  # raw strings, matched in the text itself


NOUN_SUFFIXES = ("ای", "ها", "های", "هایی")


def with_suffixes(keys: frozenset[str]) -> frozenset[str]:
    """Keys plus their plural and indefinite forms: «تفاهمنامه» also as «تفاهمنامهای», «تفاهمنامهها»."""
    return frozenset(k + s for k in keys for s in ("", *NOUN_SUFFIXES))


def _word_list(path: Path, data: dict, name: str) -> list[str]:
    value = data.get(name)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{path}: '{name}' must be a list of non-empty strings")
    return [v.strip() for v in value]


@cache
def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read and check the cue file; a problem names the file and the list."""
    data = read_yaml_mapping(path, TaxonomyError)
    lists = {name: _word_list(path, data, name) for name in _WORD_LISTS}
    roles = data.get("person_roles")
    if not isinstance(roles, dict):
        raise TaxonomyError(f"{path}: 'person_roles' must map metric keys to word lists")
    keyed = {name: frozenset(match_key(w) for w in words) for name, words in lists.items()}
    keyed["planned_before"] = with_suffixes(keyed["planned_before"])
    keyed["agreement_cues"] = with_suffixes(keyed["agreement_cues"])
    keyed["year_before"] |= jalali_month_words()  # «آذر ۱۴۰۲»
    keyed["not_claim_after"] |= month_words()  # «۷ آذر», «۱۲ رمضان»
    return Cues(
        **{name: keyed[name] for name in _WORD_LISTS if name not in ("qualifiers", "source_stop")},
        qualifiers={match_key(w): w for w in lists["qualifiers"]},
        person_roles={metric: frozenset(match_key(w) for w in _word_list(path, roles, metric)) for metric in roles},
        source_stop=tuple(lists["source_stop"]),
    )
