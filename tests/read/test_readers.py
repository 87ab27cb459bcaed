"""Readers: each format, each kind of bad input, zip safety and legacy encodings."""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.lang.errors import UserError
from dashboard.read.archive import ZipLimits, iter_members
from dashboard.read.article import Article, ReadProblem
from dashboard.read.decode import DecodeError, decode_text
from dashboard.read.inputs import iter_articles, read_source
from dashboard.read.source import Source

SHARED = Path(__file__).parents[2].parent / "shared"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "corpus" / "dev_gold.json"

HEADLINE = "گشایش ۲۰ کارگاه خیاطی در روستاهای استان"
BODY = "مسئول طرح گفت: با این کارگاه‌ها برای ۱۲۰ نفر شغل فراهم شد و ۸ میلیارد ریال وام پرداخت شد."
# Written with Arabic ي/ك and ASCII digits, as old Windows-1256 archives hold Persian.
LEGACY = "كارگاه خياطي در روستا\n\nمسئول طرح گفت: براي 120 نفر شغل ايجاد شد و كار ادامه دارد."


def read(*paths: Path | str, **kw) -> tuple[list[Article], list[ReadProblem]]:
    items = list(iter_articles(paths, **kw))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)]


def only_problem(*paths: Path | str, **kw) -> ReadProblem:
    articles, problems = read(*paths, **kw)
    assert not articles
    assert len(problems) == 1, problems
    return problems[0]


# --- .txt ---------------------------------------------------------------------------------------


def test_txt_is_one_article_with_its_title(tmp_path: Path) -> None:
    text = f"تاریخ انتشار: ۴ آذر ۱۴۰۲ - ۱۰:۰۰\n\n{HEADLINE}\n\n{BODY}\n"
    (tmp_path / "n1.txt").write_text(text, encoding="utf-8")
    [article], problems = read(tmp_path / "n1.txt")
    assert not problems
    assert (article.document, article.text, article.title) == ("n1.txt", text, HEADLINE)
    assert article.path == str(tmp_path / "n1.txt")
    assert article.published is None


def test_txt_line_ends_are_unix(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_bytes(f"{HEADLINE}\r\n\r\n{BODY}".encode())
    [article], _ = read(tmp_path / "n.txt")
    assert article.text == f"{HEADLINE}\n\n{BODY}"


@pytest.mark.parametrize("suffix", [".TXT", ".Txt"])
def test_extension_case_does_not_matter(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"n{suffix}").write_text(BODY, encoding="utf-8")
    [article], _ = read(tmp_path)
    assert article.text == BODY


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM, little-endian here
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom"],
)
def test_unicode_encodings(tmp_path: Path, encode) -> None:
    text = f"{HEADLINE}\n\n{BODY}"
    (tmp_path / "n.txt").write_bytes(encode(text))
    [article], _ = read(tmp_path / "n.txt")
    assert article.text == text


def test_windows_1256_persian_is_detected(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(LEGACY.encode("cp1256"))
    [article], problems = read(tmp_path / "old.txt")
    assert not problems
    assert article.text == LEGACY
    assert article.title == "كارگاه خياطي در روستا"


def test_windows_1256_page_is_detected(tmp_path: Path) -> None:
    sentence = LEGACY.split("\n")[-1]
    page = f"<html><head><title>t</title></head><body><h1>كارگاه خياطي</h1><p>{sentence}</p></body></html>"
    (tmp_path / "old.html").write_bytes(page.encode("cp1256"))
    [article], _ = read(tmp_path / "old.html")
    assert article.title == "كارگاه خياطي" and "براي 120 نفر" in article.text


def test_declared_charset_is_used_when_the_bytes_are_neither_utf8_nor_persian() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 au lait</p></body></html>'
    assert "Caf\xe9" in decode_text(page.encode("latin-1"))


def test_short_windows_1256_text_is_detected() -> None:
    assert decode_text("گزارش خبري".encode("cp1256")) == "گزارش خبري"


def test_latin_text_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode_text("Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu. ".encode("latin-1") * 5)


# --- bad files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n", "\ufeff  \n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "e.txt").write_bytes(content)
    problem = only_problem(tmp_path / "e.txt")
    assert problem.path == str(tmp_path / "e.txt")
    assert problem.message == "empty file"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in only_problem(tmp_path / "b.txt").message


def test_undecodable_file(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes(bytes([0x81, 0x8D, 0x9D, 0xC0, 0xFF]) * 50)
    problem = only_problem(tmp_path / "u.txt")
    assert "text" in problem.message and problem.path.endswith("u.txt")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(BODY * 10, encoding="utf-8")
    problem = only_problem(tmp_path / "big.txt", max_bytes=100)
    assert "100 bytes" in problem.message and "limit" in problem.message
    articles, _ = read(tmp_path / "big.txt", max_bytes=10_000)
    assert len(articles) == 1


def test_missing_path_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert [a.document for a in articles] == ["ok.txt"]
    assert [(p.path, p.message) for p in problems] == [(str(tmp_path / "nope.txt"), "no such file or folder")]


def test_unsupported_type_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert "unsupported file type" in only_problem(tmp_path / "photo.jpg").message


# --- folders ------------------------------------------------------------------------------------


def test_folder_is_read_recursively_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "cover.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read(tmp_path)
    assert not problems
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in articles] == ["a.txt", "b/z.txt", "c.txt"]


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    articles, _ = read(tmp_path, tmp_path / "a.txt")
    assert len(articles) == 1


# --- .jsonl -------------------------------------------------------------------------------------


def jsonl_record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_records(tmp_path: Path) -> None:
    good = jsonl_record(
        id="n7",
        title=HEADLINE,
        date="۱۴۰۲/۰۹/۰۳",
        source="خبرگزاری نمونه",
        url="https://example.org/n7",
        body=BODY,
        lang="fa",
    )
    (tmp_path / "batch.jsonl").write_text(good + "\n\n", encoding="utf-8")
    [article], problems = read(tmp_path / "batch.jsonl")
    assert not problems
    assert article.document == "batch.jsonl#n7"
    assert article.text == f"{HEADLINE}\n\n{BODY}"
    assert (article.title, article.published, article.source, article.url) == (
        HEADLINE,
        "۱۴۰۲/۰۹/۰۳",
        "خبرگزاری نمونه",
        "https://example.org/n7",
    )
    assert article.meta == {"lang": "fa"}


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        jsonl_record(id="r1", title="یک", body=BODY),
        '{"id": "r2", "body": "بریده',
        "[1, 2, 3]",
        jsonl_record(id="r4", title="چهار"),
        jsonl_record(id="r5", body="   "),
        jsonl_record(title="بی‌شناسه", body=BODY),
        jsonl_record(id="r1", body=BODY),
        jsonl_record(id=8, body=BODY),
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, problems = read(tmp_path / "mixed.jsonl")
    assert [a.document for a in articles] == ["mixed.jsonl#r1", "mixed.jsonl#8"]
    where = {p.where: p.message for p in problems}
    assert set(where) == {"line 2", "line 3", "line 4", "line 5", "line 6", "line 7"}
    assert "JSON" in where["line 2"]
    assert "object" in where["line 3"]
    assert "r4" in where["line 4"] and "body" in where["line 4"]
    assert "body" in where["line 5"]
    assert "id" in where["line 6"]
    assert "duplicate" in where["line 7"] and "line 1" in where["line 7"]
    assert all(p.path == str(tmp_path / "mixed.jsonl") for p in problems)


# --- .csv ---------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_csv_records_with_other_columns_in_meta(tmp_path: Path) -> None:
    body = f"{BODY}\n\nبند دوم با «نقل‌قول» و ویرگول، در متن."
    write_csv(
        tmp_path / "export.csv",
        ["id", "title", "published", "source", "body", "section"],
        [["c1", HEADLINE, "2024-11-21", "نشریه نمونه", body, "اقتصادی"]],
    )
    [article], problems = read(tmp_path / "export.csv")
    assert not problems
    assert article.document == "export.csv#c1"
    assert article.text == f"{HEADLINE}\n\n{body}"
    assert (article.published, article.source, article.meta) == ("2024-11-21", "نشریه نمونه", {"section": "اقتصادی"})


def test_csv_rows_without_body_are_reported(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "e.csv",
        ["id", "title", "published", "source", "body"],
        [["c1", "یک", "", "", BODY], ["c2", "دو", "", "", ""], ["", "سه", "", "", BODY], ["c4", "چهار", "", "", BODY]],
    )
    articles, problems = read(tmp_path / "e.csv")
    assert [a.document for a in articles] == ["e.csv#c1", "e.csv#c4"]
    assert [(p.where, "c2" in p.message) for p in problems] == [("row 2", True), ("row 3", False)]


def test_csv_without_body_column(tmp_path: Path) -> None:
    write_csv(tmp_path / "h.csv", ["id", "title"], [["c1", HEADLINE]])
    problem = only_problem(tmp_path / "h.csv")
    assert "body" in problem.message and problem.where == "header"


def test_csv_with_a_very_large_field(tmp_path: Path) -> None:
    big = (BODY + "\n") * 3000  # well past the csv module's default field limit
    assert len(big) > csv.field_size_limit() or len(big) > 131072
    write_csv(tmp_path / "big.csv", ["id", "body"], [["g1", big]])
    [article], problems = read(tmp_path / "big.csv")
    assert not problems and article.text == big.strip()


# --- .html --------------------------------------------------------------------------------------

PAGE = f"""<!doctype html><html lang="fa"><head><meta charset="utf-8">
<title>{HEADLINE} - پایگاه نمونه</title>
<script>var views = 1234; document.write("تبلیغ");</script><style>.x{{color:red}}</style></head>
<body>
<div class="top-bar"><span class="today">امروز: سه‌شنبه ۴ آذر ۱۴۰۴</span></div>
<nav class="main-menu"><ul><li><a href="/">صفحه نخست</a></li><li><a href="/eco">اقتصادی</a></li></ul></nav>
<main><article>
<div class="news-meta"><span class="code">کد خبر: ۹۸۷۶</span>
<time datetime="2023-11-28T08:30:00+03:30">۷ آذر ۱۴۰۲ - ۰۸:۳۰</time></div>
<h1>{HEADLINE}</h1>
<div class="summary">خلاصه: ده کارگاه تازه در سه شهرستان به کار افتاد.</div>
<div class="body"><p>{BODY}</p><p>بند دوم خبر درباره آموزش ۴۰ کارآموز در این کارگاه‌ها است.</p></div>
</article>
<aside class="related-news"><h3>اخبار مرتبط</h3><ul><li><a href="/1">خبر دیگری درباره ۹۹ کارگاه</a></li></ul></aside>
<section class="comments"><p>نظر یک خواننده درباره ۷۷ کارگاه</p></section>
</main>
<footer><p>تمامی حقوق محفوظ است ۱۴۰۴</p></footer>
</body></html>"""


def test_html_page_gives_headline_and_body_only(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    [article], problems = read(tmp_path / "p.html")
    assert not problems
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "۷ آذر ۱۴۰۲ - ۰۸:۳۰"  # the date line first, for the date finder
    assert paragraphs[1] == HEADLINE
    assert BODY in paragraphs
    assert "خلاصه: ده کارگاه تازه در سه شهرستان به کار افتاد." in paragraphs
    assert "بند دوم خبر درباره آموزش ۴۰ کارآموز در این کارگاه‌ها است." in paragraphs
    for furniture in ("صفحه نخست", "views", "۹۹ کارگاه", "۷۷ کارگاه", "حقوق", "امروز", "color"):
        assert furniture not in article.text, furniture
    assert article.title == HEADLINE
    assert article.published == "2023-11-28"
    assert article.meta["date_text"] == "۷ آذر ۱۴۰۲ - ۰۸:۳۰"
    assert "\u200c" in article.text  # ZWNJ survives (کارگاه‌ها)


def test_html_date_from_meta_tag_and_date_classed_element(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2024-06-10T10:25:00Z"></head><body>'
        f'<div class="item-date">دوشنبه ۲۱ خرداد ۱۴۰۳ - ۱۰:۲۵</div><h1>{HEADLINE}</h1><p>{BODY}</p></body></html>'
    )
    (tmp_path / "m.htm").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "m.htm")
    assert article.published == "2024-06-10"
    assert article.text.startswith("دوشنبه ۲۱ خرداد ۱۴۰۳ - ۱۰:۲۵\n\n" + HEADLINE)


def test_date_line_in_the_page_text_comes_first(tmp_path: Path) -> None:
    page = f"<html><body><h1>{HEADLINE}</h1><p>تاریخ انتشار: ۱۲ آبان ۱۴۰۳</p><p>{BODY}</p></body></html>"
    (tmp_path / "d.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "d.html")
    assert article.text.split("\n\n") == ["تاریخ انتشار: ۱۲ آبان ۱۴۰۳", HEADLINE, BODY]
    assert article.published is None and article.meta["date_text"] == "تاریخ انتشار: ۱۲ آبان ۱۴۰۳"


def test_header_inside_the_article_is_kept(tmp_path: Path) -> None:
    page = (
        '<html><body><header class="site-header"><a href="/">نشریه نمونه</a></header><article><header>'
        f'<h1>{HEADLINE}</h1><time datetime="2024-01-25">پنجشنبه ۵ بهمن ۱۴۰۲</time></header>'
        f"<p>{BODY}</p><footer>برچسب‌ها: کارگاه</footer></article></body></html>"
    )
    (tmp_path / "h.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "h.html")
    assert article.title == HEADLINE and article.published == "2024-01-25"
    assert article.text.split("\n\n")[:3] == ["پنجشنبه ۵ بهمن ۱۴۰۲", HEADLINE, BODY]
    assert "نشریه نمونه" not in article.text


def test_line_breaks_separate_paragraphs(tmp_path: Path) -> None:
    text = f"{BODY}<br><br>بند دوم کوتاه<br/>بند سوم"
    page = f"<html><body><h1>{HEADLINE}</h1><div class='text'>{text}</div></body></html>"
    (tmp_path / "br.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "br.html")
    assert article.text.split("\n\n") == [HEADLINE, BODY, "بند دوم کوتاه", "بند سوم"]


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    page = f"<html><body><h1>{HEADLINE}<p>{BODY}<p>بند دوم بدون بستن <b>برچسب<div>و پایان"
    (tmp_path / "broken.html").write_text(page, encoding="utf-8")
    [article], problems = read(tmp_path / "broken.html")
    assert not problems
    assert BODY in article.text and HEADLINE in article.text


@pytest.mark.parametrize(
    "page", ["<html><head><script>var a = 1;</script></head><body>   </body></html>", "<<<>>>< / >", "<div></div>"]
)
def test_html_without_text_is_a_problem(tmp_path: Path, page: str) -> None:
    (tmp_path / "blank.html").write_text(page, encoding="utf-8")
    assert "no article text" in only_problem(tmp_path / "blank.html").message


# --- .zip ---------------------------------------------------------------------------------------


def make_zip(path: Path, members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_members_of_each_format(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "news.zip",
        {
            "inner/deep/a.txt": f"{HEADLINE}\n\n{BODY}",
            "inner/b.jsonl": jsonl_record(id="z1", title="تیتر", body=BODY),
            "p.html": PAGE,
            "notes/readme.md": "not an article",
            "inner/old.txt": LEGACY.encode("cp1256"),
        },
    )
    articles, problems = read(archive)
    assert not problems
    assert [a.document for a in articles] == [
        "news.zip/inner/b.jsonl#z1",
        "news.zip/inner/deep/a.txt",
        "news.zip/inner/old.txt",
        "news.zip/p.html",
    ]
    assert articles[1].path == f"{archive}/inner/deep/a.txt"
    assert articles[2].text == LEGACY


def test_zip_is_never_extracted_to_disk(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "n.zip", {"x/a.txt": BODY})
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert len(read(archive)[0]) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/abs.txt", "a/../../up.txt", "C:/win.txt"])
def test_zip_path_traversal_is_refused(tmp_path: Path, name: str) -> None:
    archive = make_zip(tmp_path / "t.zip", {name: BODY, "fine.txt": BODY})
    articles, problems = read(archive)
    assert [a.document for a in articles] == ["t.zip/fine.txt"]
    [problem] = problems
    assert problem.path == str(archive) and name in problem.where and "unsafe" in problem.message


def test_zip_member_over_the_size_limit(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "s.zip", {"big.txt": BODY * 20, "small.txt": "کوتاه"})
    articles, problems = read(archive, max_bytes=500)
    assert [a.document for a in articles] == ["s.zip/small.txt"]
    assert problems[0].where == "member big.txt" and "limit" in problems[0].message


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "bomb.zip", {"zeros.txt": b" " * (4 * 2**20), "ok.txt": BODY})
    articles, problems = read(archive)
    assert [a.document for a in articles] == ["bomb.zip/ok.txt"]
    assert problems[0].where == "member zeros.txt" and "bomb" in problems[0].message


def test_zip_total_size_limit(tmp_path: Path) -> None:
    members = {f"m{i:02d}.txt": f"{BODY} {i}" for i in range(30)}  # about 150 bytes each
    archive = make_zip(tmp_path / "many.zip", members)
    articles, problems = read(archive, max_bytes=200)  # 20 files' worth in all: 4000 bytes
    assert 0 < len(articles) < 30
    assert len(problems) == 1 and "in all" in problems[0].message


def test_zip_member_count_limit(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "count.zip", {f"m{i}.txt": BODY for i in range(5)})
    items = list(iter_members(archive, "count.zip", str(archive), {".txt"}, ZipLimits(1000, 10_000, members=4)))
    assert len(items) == 1 and isinstance(items[0], ReadProblem) and "members" in items[0].message


def test_zip_that_is_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "fake.zip").write_bytes(b"PK\x03\x04 not really")
    assert "zip" in only_problem(tmp_path / "fake.zip").message


def test_zip_member_problems_name_archive_and_member(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "p.zip", {"in/empty.txt": "", "in/bad.jsonl": "{nope"})
    _, problems = read(archive)
    assert sorted(str(p) for p in problems) == [
        f"{archive}/in/bad.jsonl: line 1: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{archive}/in/empty.txt: empty file",
    ]


# --- the development corpus ---------------------------------------------------------------------


@pytest.mark.skipif(not GOLD.exists(), reason="the shared development corpus is not beside the repository")
def test_dev_corpus_reads_every_gold_document() -> None:
    articles, problems = read(DEV)
    assert not problems
    gold = {d["document"] for d in json.loads(GOLD.read_text(encoding="utf-8"))}
    assert {a.document for a in articles} == gold
    assert all(a.title for a in articles)


# --- nothing crashes ----------------------------------------------------------------------------

JUNK_ALPHABET = "<>/{}[]\",:;=#\n\r\t 'abcdivphtml0123۰۱۲آذرکتاب\u200c\x00\ufeff"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv"]),
    data=st.one_of(st.binary(max_size=400), st.text(JUNK_ALPHABET, max_size=400).map(str.encode)),
)
def test_any_bytes_give_articles_or_problems_never_an_exception(suffix: str, data: bytes) -> None:
    items = list(read_source(Source(f"x{suffix}", f"in/x{suffix}", data)))
    assert items
    assert all(isinstance(i, Article | ReadProblem) for i in items)
    assert all(i.path == f"in/x{suffix}" for i in items)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=300))
def test_any_bytes_as_a_zip_never_raise(data: bytes) -> None:
    items = list(iter_members(io.BytesIO(b"PK\x03\x04" + data), "j.zip", "in/j.zip", {".txt"}, ZipLimits(1000, 5000)))
    assert all(isinstance(i, Source | ReadProblem) for i in items)


def test_size_limit_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="size limit"):
        list(iter_articles([tmp_path], max_bytes=0))


def test_page_with_an_xml_declaration(tmp_path: Path) -> None:
    page = PAGE.replace("<!doctype html>", '<?xml version="1.0" encoding="utf-8"?>')
    (tmp_path / "x.html").write_text(page, encoding="utf-8")
    [article], _ = read(tmp_path / "x.html")
    assert article.title == HEADLINE and article.published == "2023-11-28"
