"""Verdicts on claims and decisions on findings, stored in a real SQLite database: they survive
ingesting again with a new extractor version, the CLI rates and exports them, and the ClaimReview
file holds only schema.org terms used where the vocabulary allows them."""

from __future__ import annotations

import csv
import io
import json
import re
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

from dashboard.checks.consistency import find_issues
from dashboard.cli.main import main
from dashboard.lang.errors import UserError
from dashboard.present.claimreview import claim_reviews
from dashboard.store import database as store
from dashboard.store import reviews

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
VOCAB = json.loads((REPO / "tests" / "data" / "schemaorg_claimreview_vocabulary.json").read_text(encoding="utf-8"))
WIND = "001_4d45ecaec08bbccf.txt"


def ingest(db: Path | str, capsys) -> None:
    assert main(["ingest", "--workers", "1", "--quiet", "--db", str(db), str(SEEDS)]) == 0
    capsys.readouterr()


def claims(db: Path | str) -> pd.DataFrame:
    with closing(store.connect(db)) as conn:
        return reviews.with_verdicts(conn, store.export_frame(conn))


def findings(db: Path | str) -> pd.DataFrame:
    with closing(store.connect(db)) as conn:
        frame = store.claims_frame(conn)
        texts = {d: store.article_record(conn, d)["text"] for d in frame["document"].unique()}
        return reviews.with_decisions(conn, find_issues(frame, texts))


@pytest.fixture
def db(db_target: str, capsys) -> str:
    """The seeds ingested into a new database on each backend."""
    ingest(db_target, capsys)
    return db_target


def test_a_verdict_and_a_dismissal_survive_ingesting_again_with_a_new_extractor(
    db, tmp_path, capsys, monkeypatch
) -> None:
    before = claims(db)
    target = before[before["document"] == WIND].iloc[0]
    code = main(
        [
            "rate",
            str(target["claim_id"]),
            "--verdict",
            "misleading",
            "--note",
            "رقم سال قبل",
            "--url",
            "https://example.org/check/1",
            "--by",
            "مریم",
            "--db",
            str(db),
        ]
    )
    assert code == 0
    finding = findings(db).iloc[0]
    with closing(store.connect(db)) as conn:
        reviews.decide(conn, finding.to_dict(), "dismissed", note="واحد درست است", reviewer="علی")
    assert main(["check", "--csv", str(tmp_path / "f.csv"), "--db", str(db)]) == 0
    assert "wrote 0 findings" in capsys.readouterr().out

    import dashboard.store.ingest_jobs

    monkeypatch.setattr(dashboard.store.ingest_jobs, "EXTRACTOR_VERSION", "a-new-extractor")
    ingest(db, capsys)
    after = claims(db)
    assert set(after["claim_id"]).isdisjoint(before["claim_id"]), "ingesting again should replace every row"
    rated = after[after["verdict"] != "not_rated"]
    assert rated[["claim_key", "verdict", "verdict_note", "verdict_by"]].values.tolist() == [
        [target["claim_key"], "misleading", "رقم سال قبل", "مریم"]
    ]
    again = findings(db)
    assert again.loc[again["finding_key"] == finding["finding_key"], "state"].tolist() == ["dismissed"]
    assert main(["check", "--csv", str(tmp_path / "f.csv"), "--db", str(db)]) == 0
    assert "wrote 0 findings" in capsys.readouterr().out
    assert main(["check", "--all", "--csv", str(tmp_path / "f.csv"), "--db", str(db)]) == 0
    assert "wrote 1 findings" in capsys.readouterr().out
    # Reopened, it is back.
    with closing(store.connect(db)) as conn:
        reviews.decide(conn, finding.to_dict(), "new")
    assert findings(db)["state"].tolist() == ["new"]


def test_rate_takes_the_claim_key_and_the_export_carries_the_verdict(db, capsys) -> None:
    key = claims(db).iloc[3]["claim_key"]
    assert main(["rate", key, "--verdict", "accurate", "--db", str(db)]) == 0
    assert main(["export", "--csv", "-", "--db", str(db)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    by_key = {r["claim_key"]: r for r in rows}
    assert by_key[key]["verdict"] == "accurate" and re.match(r"\d{4}-\d\d-\d\dT", by_key[key]["verdict_at"])
    assert {r["verdict"] for r in rows if r["claim_key"] != key} == {"not_rated"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["999999", "--verdict", "false"], "no stored claim"),
        (["1", "--verdict", "false", "--url", "example.org"], "must start with http"),
    ],
)
def test_rate_explains_bad_input(db, capsys, args: list[str], message: str) -> None:
    assert main(["rate", *args, "--db", str(db)]) == 2
    assert message in capsys.readouterr().err


def test_a_bad_verdict_is_refused_by_the_command_line(db, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["rate", "1", "--verdict", "sometimes", "--db", str(db)])
    assert "invalid choice" in capsys.readouterr().err


def _check_node(node: object, expected: set[str], where: str) -> list[str]:
    """Problems of one JSON-LD value against the vocabulary: unknown types or properties, wrong domains and ranges."""
    types, props, datatypes = VOCAB["types"], VOCAB["properties"], set(VOCAB["datatypes"])

    def ancestors(t: str) -> set[str]:
        out = set()
        while t:
            out.add(t)
            t = types.get(t)
        return out

    if not isinstance(node, dict):
        ok = bool(expected & datatypes) or not expected
        return [] if ok else [f"{where}: a literal where {sorted(expected)} is expected"]
    kind = node.get("@type")
    if kind not in types:
        return [f"{where}: unknown type {kind!r}"]
    problems = [] if not expected or ancestors(kind) & expected else [f"{where}: {kind} is not one of {expected}"]
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in props:
            problems.append(f"{where}.{name}: not a schema.org property of this vocabulary")
            continue
        if not ancestors(kind) & set(props[name]["domain"]):
            problems.append(f"{where}.{name}: not a property of {kind}")
        problems += _check_node(value, set(props[name]["range"]), f"{where}.{name}")
    return problems


def test_the_claimreview_file_uses_only_schema_org_terms_where_they_belong(db, tmp_path, capsys) -> None:
    frame = claims(db)
    for i, verdict in enumerate(("false", "misleading", "unverifiable", "accurate")):
        assert (
            main(
                [
                    "rate",
                    str(frame.iloc[i]["claim_id"]),
                    "--verdict",
                    verdict,
                    "--url",
                    f"https://example.org/c/{i}",
                    "--note",
                    "شاهد",
                    "--db",
                    str(db),
                ]
            )
            == 0
        )
    out = tmp_path / "reviews.jsonld"
    assert main(["export", "--claimreview", str(out), "--db", str(db)]) == 2
    assert "reviewing organisation" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                "--claimreview",
                str(out),
                "--org",
                "دیده‌بان آمار",
                "--org-url",
                "https://example.org",
                "--db",
                str(db),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == 4
    for i, review in enumerate(data):
        assert review["@context"] == "https://schema.org"
        assert _check_node(review, {"ClaimReview"}, f"[{i}]") == []
        assert review["author"] == {"@type": "Organization", "name": "دیده‌بان آمار", "url": "https://example.org"}
        assert review["claimReviewed"] and review["itemReviewed"]["appearance"]["@type"] == "NewsArticle"
    ratings = {r["reviewRating"]["name"]: r["reviewRating"].get("ratingValue") for r in data}
    assert ratings == {"False": 1, "Misleading": 2, "Unverifiable": None, "Accurate": 5}


def test_the_vocabulary_check_catches_a_misplaced_property() -> None:
    bad = {"@type": "ClaimReview", "ratingValue": 3, "itemReviewed": {"@type": "Claimm"}}
    problems = _check_node(bad, {"ClaimReview"}, "x")
    assert any("ratingValue: not a property of ClaimReview" in p for p in problems)
    assert any("unknown type 'Claimm'" in p for p in problems)


def test_claim_reviews_need_a_reviewing_organisation() -> None:
    with pytest.raises(UserError, match="reviewing organisation"):
        claim_reviews(pd.DataFrame([{"verdict": "false"}]), " ")


def test_the_keys_of_a_frame_are_those_of_its_rows(db) -> None:
    frame = claims(db)
    assert frame["claim_key"].tolist() == [reviews.claim_key(r) for r in frame.to_dict("records")]
    assert frame["claim_key"].is_unique
    frame.loc[frame.index[:3], "start"] = -1  # without an offset the mention and quote place the figure
    assert reviews.claim_keys(frame).tolist() == [reviews.claim_key(r) for r in frame.to_dict("records")]


def test_a_database_of_the_previous_version_gains_the_review_tables_and_keeps_its_claims(tmp_path: Path) -> None:
    import sqlite3

    from dashboard.store.migrations import MIGRATIONS, SCHEMA_VERSION_TABLE

    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(SCHEMA_VERSION_TABLE)
    for step in MIGRATIONS[:2]:
        for statement in step.statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (step.version, step.description, "then"))
    conn.execute(
        "INSERT INTO articles (document, content_hash, ingested_at, updated_at) VALUES ('a.txt', 'h', 't', 't')"
    )
    conn.execute(
        "INSERT INTO claims (article_id, document, value, unit, metric) VALUES (1, 'a.txt', 5, 'count', 'jobs')"
    )
    conn.commit()
    conn.close()
    with closing(store.connect(path)) as new:
        assert store.schema_version(new) == MIGRATIONS[-1].version
        frame = reviews.with_verdicts(new, store.claims_frame(new))
        assert frame[["document", "province_basis", "verdict"]].values.tolist() == [["a.txt", "", "not_rated"]]
