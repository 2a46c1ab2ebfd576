"""The real-names set (bench/data/real_names.jsonl) is usable as issue 15's acceptance set: big
enough, in both languages, with articles about no series, and every label naming one catalog series."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from pipelines.catalog import load as load_catalog

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _real_names import DATA, article_page, load, series_by_title  # noqa: E402

ARTICLES = load()
FIELDS = {"id", "lang", "published", "headline", "body", "source", "labels"}


def test_every_row_has_the_fields_and_a_valid_label_shape():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == len(ARTICLES)
    for row in rows:
        assert set(row) == FIELDS, row["id"]
        assert row["lang"] in ("en", "ja") and row["source"].strip() and row["headline"].strip(), row["id"]
        for label in row["labels"]:
            assert set(label) <= {"series", "season", "film"} and "series" in label and "season" in label, row["id"]
            assert label["season"] is None or (isinstance(label["season"], int) and label["season"] >= 1), row["id"]


def test_ids_are_unique_and_dates_fall_in_2019_to_2025():
    assert not [i for i, n in Counter(a.id for a in ARTICLES).items() if n > 1]
    assert all("2019-01-01" <= a.published <= "2025-12-31" for a in ARTICLES)


def test_the_set_is_big_enough_in_both_languages_with_articles_about_no_series():
    assert len(ARTICLES) >= 220
    assert sum(a.lang == "ja" for a in ARTICLES) >= 60
    assert sum(not a.labels for a in ARTICLES) >= 25
    assert sum(len(a.labels) >= 2 for a in ARTICLES) >= 5
    assert sum(any(label.season is None for label in a.labels) for a in ARTICLES) >= 30


def test_every_label_resolves_to_exactly_one_catalog_series():
    index = series_by_title((s.id, e.title) for s in load_catalog() for e in s.entries)
    named = {t for a in ARTICLES for label in a.labels for t in (label.series, label.film) if t}
    assert {t: len(index.get(t, ())) for t in named if len(index.get(t, ())) != 1} == {}


@pytest.mark.parametrize("article", [ARTICLES[0], next(a for a in ARTICLES if a.lang == "ja")], ids=lambda a: a.id)
def test_article_pages_carry_the_structured_data_the_crawler_reads(article):
    page = article_page(article)
    assert '<meta property="og:type" content="article">' in page
    assert '"@type": "NewsArticle"' in page and f'"datePublished": "{article.published}' in page
    assert json.dumps(article.headline, ensure_ascii=False) in page


def test_the_scorer_counts_a_film_series_as_its_franchise_and_other_series_as_false():
    from _real_names import Article, Label
    from tagging_real import score

    film = Article("en-1", "en", "2023-12-22", "CODE: White opens", "", "", (Label("SPY", None, "SPY film"),))
    none = Article("ja-1", "ja", "2024-01-20", "ORANGE RANGE tour", "", "", ())
    index = {"SPY": {1}, "SPY film": {2}, "orange": {3}}
    result = score([film, none], {"en-1": [(2, None, "default")], "ja-1": [(3, 1, "default")]}, index,
                   {1: "SPY×FAMILY", 2: "CODE: White", 3: "orange"})
    assert result["figures"]["en"]["precision"] == result["figures"]["en"]["recall"] == 1.0
    assert result["figures"]["all"]["precision"] == 0.5
    assert [e["series"] for e in result["errors"]["false series (article about no series)"]] == ["orange"]
