"""Generated Persian news articles for the store and ingest tests.

Each article states a few figures about a province's programs, built from template
sentences with the numbers and names varied by the article's index, so every article
is different and has claims:

>>> "استان" in article_text(3)
True
>>> article_text(3) != article_text(4)
True
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PROVINCES = ("یزد", "اردبیل", "کرمان", "گیلان", "همدان", "قزوین", "سمنان", "زنجان", "ایلام", "بوشهر")
OUTLETS = ("خبرگزاری نمونه", "پایگاه خبری استان", "روزنامه محلی")
DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

HEADLINES = (
    "ایجاد {jobs} فرصت شغلی در روستاهای {province}",
    "راه‌اندازی {funds} صندوق قرض‌الحسنه در استان {province}",
    "خدمت‌رسانی {groups} گروه جهادی در مناطق محروم {province}",
)
SENTENCES = (
    "به گزارش {outlet}، مدیرکل بسیج سازندگی استان {province} گفت: امسال {jobs} فرصت شغلی در روستاهای استان ایجاد شد.",
    "وی افزود: تاکنون {funds} صندوق قرض‌الحسنه اشتغال‌زا با {members} عضو در این استان راه‌اندازی شده است.",
    "به گفته وی، {groups} گروه جهادی در {villages} روستای محروم استان {province} خدمت‌رسانی کرده‌اند.",
    "برای این طرح‌ها {billions} میلیارد ریال تسهیلات به متقاضیان پرداخت شده است.",
    "همچنین ساخت {houses} واحد مسکونی برای خانواده‌های نیازمند تا پایان سال آغاز خواهد شد.",
)


def persian_number(n: int) -> str:
    """``1234`` as ``۱۲۳۴``."""
    return str(n).translate(DIGITS)


def figures(i: int, salt: int = 0) -> dict[str, str]:
    """The varied names and numbers of article ``i`` (``salt`` changes the numbers only)."""
    k = i + 7 * salt
    return {
        "province": PROVINCES[i % len(PROVINCES)],
        "outlet": OUTLETS[i % len(OUTLETS)],
        "jobs": persian_number(120 + 37 * k),
        "funds": persian_number(15 + k % 90),
        "members": persian_number(900 + 13 * k),
        "groups": persian_number(20 + k % 70),
        "villages": persian_number(31 + k % 50),
        "billions": persian_number(45 + 3 * k),
        "houses": persian_number(60 + k % 40),
    }


def article_text(i: int, salt: int = 0) -> str:
    """A headline and a body of three to five sentences, all varied by ``i``."""
    values = figures(i, salt)
    headline = HEADLINES[i % len(HEADLINES)].format(**values)
    body = [SENTENCES[0], *SENTENCES[1 + i % 2 : 3 + i % 3]]
    return headline + "\n\n" + "\n".join(s.format(**values) for s in body) + "\n"


def write_corpus(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """Write articles ``start`` .. ``start + n - 1`` as ``news_0001.txt``... into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"news_{i:04d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def jsonl_record(i: int, record_id: str) -> str:
    """One JSONL line holding article ``i`` with an id, title and body."""
    text = article_text(i)
    title, _, body = text.partition("\n\n")
    return json.dumps({"id": record_id, "title": title, "body": body}, ensure_ascii=False)


def start_ingest(folder: Path, db: Path | str, workers: int) -> subprocess.Popen:
    """``python -m dashboard ingest FOLDER --db DB`` in its own process group (so a test can kill it, as
    another machine would stop), with a fixed hash seed so that runs in different processes extract alike."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "0"}
    return subprocess.Popen(
        [sys.executable, "-m", "dashboard", "ingest", str(folder), "--db", str(db), "--workers", str(workers)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
