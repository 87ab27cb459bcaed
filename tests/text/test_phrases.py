"""The one phrase matcher (``dashboard.text.phrases``) and what the checks read with it: cue words found
whole, with spaces and ZWNJ inside them free, «#» for any number the number finder reads; and the
checks reading a figure's clause, its period and its numbers exactly as the extractor does."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.checks.claim_text import claim_clause, mention_positions
from dashboard.extract.periods import period_from_words
from dashboard.extract.pipeline import extract_article
from dashboard.lang.check_config import load_check_config
from dashboard.lang.number_words import load_number_words
from dashboard.lang.persian import ZWNJ
from dashboard.read.article import Article
from dashboard.read.inputs import iter_articles
from dashboard.text.keyed_text import KeyedText
from dashboard.text.phrases import phrases

REPO = Path(__file__).parents[2]
SHARED = REPO.parent / "shared"

CONFIG = load_check_config()
# Every cue list of the checks without «#», as written in data/checks.yaml and data/period_cues.yaml.
CUE_LISTS = [
    CONFIG.word_list("comparable", "narrowing_words"),
    CONFIG.word_list("comparable", "cumulative_words"),
    CONFIG.word_list("sum_mismatch", "back_reference"),
    CONFIG.word_list("unit_misuse", "time_words"),
    CONFIG.word_list("repeated_claim", "new_wording"),
    CONFIG.word_list(None, "per_item_words"),
    tuple(w for w in CONFIG.period_list("cumulative") if "#" not in w),
]
CUES = sorted({w for words in CUE_LISTS for w in words})
NUMBER_WORDS = sorted(load_number_words().words)
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def _persian(n: int, grouped: bool) -> str:
    written = f"{n:,}".replace(",", "٬") if grouped else str(n)
    return written.translate(str.maketrans("0123456789", PERSIAN_DIGITS))


@given(
    cue=st.sampled_from(CUES),
    joint=st.sampled_from([" ", ZWNJ, ""]),
    before=st.sampled_from(["", "وی گفت ", "در استان، "]),
    after=st.sampled_from(["", " در استان", "، و"]),
)
def test_a_cue_is_found_where_it_is_written_whatever_joins_its_words(cue, joint, before, after) -> None:
    cues = phrases(tuple(CUES))
    written = joint.join(cue.replace(ZWNJ, " ").split())
    text = before + written + after
    hit = cues.search(text, len(before))
    assert hit is not None and hit.start == len(before) and hit.end >= len(before) + len(written) - 1


@given(cue=st.sampled_from([c for c in CUES if c[-1].isalpha()]), glued=st.sampled_from(["ی", "ها", "یت", "ه"]))
def test_a_cue_is_never_found_inside_a_longer_word(cue, glued) -> None:
    longer = cue + glued
    if any(longer.replace(ZWNJ, " ").split()[-1] == other.replace(ZWNJ, " ").split()[-1] for other in CUES):
        return  # «فعال» + «ی» would be a cue of its own
    assert phrases((cue,)).search("وی گفت " + longer + " است") is None


@given(n=st.integers(min_value=0, max_value=10**9), grouped=st.booleans(), word=st.sampled_from(NUMBER_WORDS))
def test_a_number_slot_takes_any_number_in_digits_or_words(n, grouped, word) -> None:
    cues = phrases(("# سال اخیر", "در # دسته"))
    for number in (_persian(n, grouped), str(n), word):
        text = f"طی {number} سال اخیر و در {number} دسته"
        found = [hit.text for hit in cues.finditer(text)]
        assert found == [f"{number} سال اخیر", f"در {number} دسته"], text


def test_a_number_slot_takes_no_word_that_is_not_a_number() -> None:
    assert phrases(("# سال اخیر",)).search("طی چند سال اخیر") is None
    assert phrases(("# سال اخیر",)).search("سال اخیر") is None


@given(text=st.text(alphabet="ابپ تکم۱۲٬ \u200c،.", max_size=40))
def test_hits_are_in_order_and_never_overlap(text) -> None:
    cues = phrases(("ب", "ب پ", "ا ب", "# ب", "تک"))
    hits = cues.finditer(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(hits))
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)


def test_the_extractor_and_the_checks_find_one_cue_list_alike() -> None:
    kt = KeyedText("از ابتدای سال تاکنون ۳ هزار شغل در ۵ سال اخیر ایجاد شده است")
    cues = phrases(("تاکنون", "# سال اخیر"))
    by_tokens = [" ".join(t.text for t in kt.tokens[i:j]) for i, j, _ in cues.find(kt)]
    by_offsets = [hit.text for hit in cues.finditer("از ابتدای سال تاکنون ۳ هزار شغل در ۵ سال اخیر ایجاد شده است")]
    assert by_tokens == by_offsets == ["تاکنون", "۵ سال اخیر"]


@pytest.mark.parametrize(
    ("text", "mention", "whole"),
    [
        ("۲٬۳۱۰ صندوق", "۳۱۰", False),
        ("۳ هزار و ۴۰۰ شغل", "۳ هزار", False),
        ("۱۰ هزار و ۲۵۰ نفر", "هزار و ۲۵۰", False),
        ("۲۴۰ نیروگاه", "۲۴", False),
        ("این ۳۱۰ صندوق", "۳۱۰", True),
        ("۶ هزار و ۵۰۰ میلیارد تومان تسهیلات", "۶ هزار و ۵۰۰ میلیارد تومان", True),
    ],
)
def test_a_figure_is_found_again_only_where_the_number_finder_reads_it_whole(text, mention, whole) -> None:
    assert bool(mention_positions(text, mention)) is whole


def _articles() -> list[Article]:
    paths = [REPO / "seeds"] + ([SHARED / "corpus" / "dev"] if (SHARED / "corpus" / "dev").is_dir() else [])
    return [a for a in iter_articles(paths) if isinstance(a, Article)]


def test_the_checks_read_every_figures_period_as_the_extractor_does() -> None:
    """The checks' clause (claim_text) and period words (periods) against the extractor's stored ``period``:
    one clause rule and one phrase matcher, so they never disagree."""
    checked = 0
    for article in _articles():
        for claim in extract_article(article):
            assert period_from_words(claim_clause(claim, article.text)) == claim["period"], claim["quote"]
            checked += 1
    assert checked > 20
