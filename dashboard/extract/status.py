"""Reported or planned: the tense and aspect of the figure's own verb and the words around it.

>>> from dashboard.text.keyed_text import KeyedText
>>> status_of(KeyedText("قرار است ۱۰ هزار نیروگاه در استان قزوین نصب شود"), 2, 4)
'planned'
"""

from __future__ import annotations

from dashboard.extract.clauses import clause_bounds, is_past, punct_bounds, verb_after
from dashboard.extract.periods import CUMULATIVE, period_words
from dashboard.lang.cues import load_cues
from dashboard.text.keyed_text import KeyedText

PAST_COPULAS = frozenset({"بود", "بودند", "بوده", "بودهاست"})  # match keys of «بود», «بوده است»
BRACKET_TOKENS = 8  # «(۱۵ کارگزاری اقماری و یک ...»: tokens from a bracket to a figure inside it
PURPOSE = frozenset({"با", "به"})  # «با هدف», «به منظور»: a purpose, not a plan


def status_of(kt: KeyedText, first: int, last: int) -> str:
    """``planned`` when the figure is promised, targeted, needed or announced, else ``reported``.

    Planned: a cue before it in its clause («قرار است»، «امیدواریم»، «در حال احداث»), a cue in the
    verb phrase that closes it («هدف‌گذاری شده است»، «نیاز داریم»), a future or subjunctive verb
    («خواهد شد»، «برسد»), a future time with a verb not in the past («تا پایان سال ... نصب می‌شود»),
    or an imperfective present that announces a change («ساخته می‌شود»، «به ۷۸ باب می‌رسد»، «۵۰۰ هزار
    شغل ایجاد می‌کند»). A past «could» («توانستیم ... ایجاد کنیم»), a habitual present of an activity
    («وام پرداخت می‌کنند», «سالانه ... تولید می‌شود») and a present that says how things stand now («در حال
    حاضر») report.

    >>> [status_of(KeyedText(s), 1, 2) for s in ("امسال ۵۰۰ شغل ایجاد می‌کند", "امسال ۵۰۰ وام پرداخت می‌کنند")]
    ['planned', 'reported']
    """
    cues = load_cues()
    lo, hi = punct_bounds(kt, first, last)
    clause_lo, _clause_hi = clause_bounds(kt, first, last)
    verb, lead = verb_after(kt, last, hi)
    verb_end = verb + 1 if verb is not None else hi
    # «توانستیم ... ایجاد کنیم», «منجر شد که ۷۰ درصد ... باشند»: a past «could» or «led to» makes the
    # subjunctive after it an achievement.
    if any(end >= clause_lo - 1 for _start, end, _k in kt.find(cues.achieved_modal, lo, verb_end)):
        return "reported"
    governing = [c for c in kt.find(cues.planned_governing, lo, clause_lo) if c[1] >= clause_lo - 1]
    past_copula = verb is not None and kt.tokens[verb].key in PAST_COPULAS
    ready = kt.find(cues.ready_to_open, clause_lo, verb_end) and not past_copula
    if (
        governing
        or ready
        or _plan_cues(kt, clause_lo, first)
        or _plan_cues(kt, lead, verb_end, measured_against=True)
        or kt.find(cues.planned_verbs, lead, verb_end)
        or (kt.find(cues.consent_verbs, lead, verb_end) and _consented_event(kt, first))
        or kt.find(cues.possibility_modals, max(lo, clause_lo - 1), verb_end)
    ):
        # «قرار بود ... ایجاد شود که این هدف محقق شده است»: the target was met.
        return "reported" if kt.find(cues.target_met, verb_end, hi) else "planned"
    if _needed(kt, lead, verb if verb is not None else hi):
        return "planned"
    # «از احداث ...» announces, unless the sentence (after its colon too) counts the figure so far or
    # places it in the past («در یک سال گذشته»).
    if _announced_event(kt, first, clause_lo, verb) and not (
        period_words(CUMULATIVE).find(kt) or kt.find(cues.past_time)
    ):
        return "planned"
    if verb is None:
        return "reported"
    key = kt.tokens[verb].key
    past = not key.startswith(("می", "نمی")) and key not in cues.planned_verbs and is_past(key)
    # «تا پایان سال ... نصب می‌شود»; «از آغاز ... از فردا خبر داد»: news of what is still to come.
    if (not past or _reports_news(kt, verb)) and kt.find(cues.future_time, clause_lo, verb):
        return "planned"
    # A present after a past clause of the same sentence describes what was done («... ایجاد شده و ۱٬۹۰۰
    # خانوار بهره‌مند می‌شوند»); a present total («در مجموع به ۴۸ مگاوات می‌رسد») is how things stand.
    before = kt.tokens[clause_lo - 1] if clause_lo > lo else None
    narrated = before is not None and before.is_word and is_past(before.key)
    now = (
        kt.find(cues.present_now, lo, verb)
        or period_words(CUMULATIVE).find(kt, clause_lo, verb)
        or (kt.find(cues.habitual_time, clause_lo, verb) and kt.tokens[verb - 1].key not in cues.event_nouns)
    )
    if key.startswith("می") and not now:
        if (_announces_change(kt, verb) and not narrated) or kt.find(cues.more_to_come, lead, verb):
            return "planned"
        if kt.find(cues.agreement_cues, lo, first):
            return "planned"
    return "reported"


def _consented_event(kt: KeyedText, first: int) -> bool:
    """Is the figure the object of an event agreed to, «با» and an event noun right before it: «با راه‌اندازی ۱۶
    کارگزاری موافقت شد»? Not «با ۱۵۳ رأی موافق ... موافقت کردند», votes that were cast."""
    events = load_cues().event_nouns
    first = _outside_brackets(kt, first)
    return first >= 2 and kt.tokens[first - 1].key in events and kt.tokens[first - 2].key == "با"


def _outside_brackets(kt: KeyedText, first: int) -> int:
    """The figure a bracketed breakdown details: «۱۶ کارگزاری (۱۵ اقماری و یک جایگزین)» gives the token of ۱۶
    for ۱۵ and for «یک»; any other figure is its own.

    >>> kt = KeyedText("با راه‌اندازی ۱۶ کارگزاری (۱۵ کارگزاری اقماری) موافقت شد")
    >>> _outside_brackets(kt, 5), _outside_brackets(kt, 2)
    (2, 2)
    """
    for i in range(first - 1, max(-1, first - BRACKET_TOKENS), -1):
        text = kt.tokens[i].text
        if text == ")":
            break
        if text == "(":
            return next((j for j in range(i - 1, max(-1, i - 3), -1) if kt.tokens[j].text[:1].isdigit()), first)
    return first


def _plan_cues(kt: KeyedText, lo: int, hi: int, *, measured_against: bool = False) -> list[tuple[int, int, str]]:
    """Plan words in tokens ``[lo, hi)`` and work in progress («در حال تملک»), less those after «با» or «به»
    that give a purpose («با هدف صیانت از جنگل‌ها ... اجرا شده است» was done), those inside a name
    («معاونت برنامه‌ریزی») and, when ``measured_against``, a plan after «از» that a figure is measured against
    («۲ میلیون تن از اهداف پیش‌بینی شده عقب هستیم» says how things stand).

    >>> _plan_cues(KeyedText("۴۴ درصد نامه‌ها در حوزه معاونت برنامه‌ریزی بوده است"), 0, 9)
    []
    """
    cues = load_cues()
    names = kt.find(cues.plan_false_friends)
    ongoing = [
        (start, end + 1, key)
        for start, end, key in kt.find(cues.in_progress, lo, hi - 1)
        if kt.tokens[end].key in cues.event_nouns
    ]
    return [
        hit
        for hit in kt.find(cues.planned_before, lo, hi) + ongoing
        if (hit[0] == 0 or kt.tokens[hit[0] - 1].key not in PURPOSE)
        and not (measured_against and _after_from(kt, hit[0]))
        and not any(start <= hit[0] and hit[1] <= end for start, end, _k in names)
    ]


def _after_from(kt: KeyedText, i: int) -> bool:
    """Is the plan word at ``i`` what a figure is measured against, after «از» («از اهداف پیش‌بینی شده عقب
    هستیم»)? Not «از جمله برنامه‌های ما» (among our plans).

    >>> kt = KeyedText("۲ میلیون تن از اهداف پیش‌بینی شده عقب هستیم")
    >>> _after_from(kt, 4), _after_from(kt, 5), _after_from(KeyedText("از جمله برنامه‌های ما"), 2)
    (True, True, False)
    """
    before = [t.key for t in kt.tokens[max(0, i - 2) : i]]
    if before[-1:] == ["از"]:
        return True
    return len(before) == 2 and before[0] == "از" and before[1] in load_cues().planned_before


def _reports_news(kt: KeyedText, verb: int) -> bool:
    """Is the verb at ``verb`` the reporting verb «خبر داد», «اعلام کرد» (with the word before it)?"""
    pair = kt.tokens[verb - 1].key + kt.tokens[verb].key if verb > 0 else ""
    return pair in load_cues().news_verbs


def _needed(kt: KeyedText, last: int, verb: int) -> bool:
    """A need that is the predicate: «۲۰ میلیارد ریال اعتبار نیاز است», «به ۸ هزار واحد نیاز داریم».

    The need word stands right before the verb; «خانواده‌های نیازمند» or «پاسخ‌های لازم» inside the
    clause only describe a noun.
    """
    return any(end == verb for _start, end, _key in kt.find(load_cues().planned_needs, last, verb))


def _announces_change(kt: KeyedText, verb: int) -> bool:
    """An imperfective present of a change: «ساخته می‌شود», «افزایش می‌یابد», «ایجاد می‌کند»."""
    cues = load_cues()
    clause_lo, _hi = clause_bounds(kt, verb, verb + 1)
    if any(t.key in cues.stative_predicates for t in kt.tokens[clause_lo:verb]):
        return False  # «شامل می‌شود», «محسوب می‌شود», «شامل ... به ارزش ۱۰ میلیارد دلار می‌شود»: a state
    stem = kt.tokens[verb].key[2:]  # «میشود» -> «شود»
    for ending in ("ند", "د"):
        if stem.endswith(ending) and stem[: -len(ending)] in cues.inchoative_stems:
            return True
    return verb > 0 and kt.tokens[verb - 1].key in cues.event_nouns


def _announced_event(kt: KeyedText, first: int, clause_lo: int, verb: int | None) -> bool:
    """«از احداث ۷ پارک ... خبر داد»: a figure inside «از» + an event noun is announced, not done.

    The figure follows the noun closely, or anywhere in a clause a reporting verb closes («از افتتاح
    یک سازه به حجم ۱۲۰۰ متر مکعب و ۹ بند سنگی ... خبر داد»).
    """
    cues = load_cues()
    lo = clause_lo if verb is not None and _reports_news(kt, verb) else max(0, first - 3)
    window = kt.tokens[lo:first]
    return any(t.key in cues.announced_nouns and i > 0 and window[i - 1].key == "از" for i, t in enumerate(window))
