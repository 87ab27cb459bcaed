"""The checks' cue lists of ``data/checks.yaml``, found with the one phrase matcher.

>>> from dashboard.lang.check_config import load_check_config
>>> cue_words(load_check_config(), "unit_misuse", "time_words").search("روزانه ۱۵ مگاوات").text
'روزانه'
"""

from __future__ import annotations

from dashboard.lang.check_config import CheckConfig
from dashboard.text.phrases import Phrases, phrases


def cue_words(config: CheckConfig, section: str | None, key: str) -> Phrases:
    """The list ``section.key`` (``key`` at the top level when ``section`` is None) as :class:`Phrases`."""
    return phrases(config.word_list(section, key))
