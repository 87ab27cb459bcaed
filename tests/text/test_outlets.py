"""One name per outlet: the ways news writes an outlet map to it, and the data file holds together."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extract.pipeline import extract_article
from dashboard.lang.datafiles import DataFileError
from dashboard.read.article import Article
from dashboard.text.outlets import OUTLETS_FILE, canonical_outlet, outlet_names


def outlet_of(text: str) -> str:
    rows = extract_article(Article(document="t.txt", text=text, path="t.txt"))
    assert rows, "expected a claim"
    return rows[0]["source"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("به گزارش خبرنگار ایرنا، امسال ۲۰ طرح در استان افتتاح شد.", "ایرنا"),
        ("به گزارش خبرگزاری جمهوری اسلامی، امسال ۲۰ طرح در استان افتتاح شد.", "ایرنا"),
        ("تبریز- ایرنا- مدیرکل بهزیستی آذربایجان شرقی گفت: ۳۰۰ مددجو صاحب خانه شدند.", "ایرنا"),
        ("به گزارش گروه اجتماعی خبرگزاری فارس، ۴۰ مدرسه در روستاها ساخته شد.", "خبرگزاری فارس"),
        ("به گزارش فارس از اراک، ۴۰ مدرسه در روستاها ساخته شد.", "خبرگزاری فارس"),
        ("به گزارش خبرگزاری صداوسیما مرکز اردبیل، ۱۲ کارگاه افتتاح شد.", "خبرگزاری صدا و سیما مرکز اردبیل"),
        ("به گزارش روابط عمومی اداره کل بهزیستی، ۱۲ کارگاه افتتاح شد.", "روابط عمومی اداره کل بهزیستی"),
    ],
)
def test_every_way_of_writing_an_outlet_gives_its_one_name(text: str, outlet: str) -> None:
    assert outlet_of(text) == outlet


def test_arabic_letters_in_an_outlet_read_the_same() -> None:
    assert canonical_outlet("خبرگزاري فارس") == "خبرگزاری فارس"


def test_an_outlets_own_name_is_one_of_its_ways() -> None:
    names = outlet_names()
    assert set(names.values()) <= {canonical_outlet(n) for n in names.values()}


def test_one_way_of_writing_listed_under_two_outlets_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text("ایرنا: [ایرنا, خبرنگار]\nایسنا: [ایسنا, خبرنگار]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="خبرنگار"):
        outlet_names(bad)


def test_a_broken_outlets_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "outlets.yaml"
    bad.write_text("ایرنا: ایرنا\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=str(bad)):
        outlet_names(bad)
    assert OUTLETS_FILE.exists()
