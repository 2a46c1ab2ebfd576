"""The real-names sets are usable to score issue 15: the acceptance set (bench/data/real_names.jsonl)
and the fifty-six sets written after it, each first scored untuned (real_names_validation, _test, _set4
to _set57; see bench/data/README.md), are each big enough, in both languages, with articles about
no series, every label names one catalog series, and no two sets share a headline or an id."""
from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from pipelines.catalog import load as load_catalog

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from _real_names import (DATA, SET4, SET5, SET6, SET7, SET8, SET9, SET10, SET11, SET12, SET13, SET14,  # noqa: E402
                         SET15, SET16, SET17, SET18, SET19, SET20, SET21, SET22, SET23, SET24, SET25, SET26, SET27,
                         SET28, SET29, SET30, SET31, SET32, SET33, SET34, SET35, SET36, SET37, SET38, SET39, SET40,
                         SET41, SET42, SET43, SET44, SET45, SET46, SET47, SET48, SET49, SET50, SET51, SET52, SET53,
                         SET54, SET55, SET56, SET57, SET58, SET59, SET60, SET61, SET62, SET63, SET64, SET65, SET66,
                         SET67, SET68, SET69, SET70, SET71, SET72, SET73, SET74, SET75, SET76, SET77, SET78, SET79,
                         SET80, SET81, SET82, SET83, SET84, SET85, SET86, SET87, SET88, SET89, SET90, SET91, SET92,
                         SET93, SET94, SET95, SET96, SET97, SET98, SET99, SET100, SET101, SET102, SET103, SET104,
                         SET105, SET106, SET107, SET108, SET109, SET110, SET111, SET112, SET113, SET114, SET115, SET116,
                         SET117, SET118, SET119, SET120, SET121, SET122, SET123, SET124, SET125, SET126, SET127, SET128,
                         SET129, SET130, SET131, SET132, SET133, SET134, SET135, SET136, SET137, SET138, SET139, SET140,
                         SET141, SET142, SET143, SET144, SET145, SET146, SET147, SET148, SET149, SET150, SET151, SET152,
                         SET153, SET154, SET155, SET156, SET157, SET158, SET159, SET160, SET161, SET162, SET163, SET164,
                         SET165, SET166, SET167, SET168, SET169, SET170, SET171, SET172, SET173, SET174, SET175, SET176,
                         SET177, SET178, SET179, SET180, SET181, TEST, VALIDATION, article_page, load, series_by_title)

FIELDS = {"id", "lang", "published", "headline", "body", "source", "labels"}
# set → the least it must hold: articles, Japanese articles, articles about no series,
# articles about two or more series, articles with a season-none label (films, stage, games, manga)
MINIMUMS = {DATA: (220, 60, 25, 5, 30), VALIDATION: (160, 60, 15, 5, 30), TEST: (150, 60, 12, 5, 30),
            SET4: (180, 70, 20, 10, 40), SET5: (160, 60, 20, 10, 40),
            SET6: (140, 55, 15, 10, 35), SET7: (125, 50, 15, 8, 15),
            SET8: (140, 55, 18, 8, 30), SET9: (140, 60, 14, 8, 25),
            SET10: (140, 60, 14, 10, 25), SET11: (140, 60, 15, 10, 25),
            SET12: (140, 55, 15, 10, 25), SET13: (140, 55, 15, 10, 25),
            SET14: (140, 55, 15, 10, 25), SET15: (140, 55, 15, 10, 25),
            SET16: (140, 55, 15, 10, 25), SET17: (140, 55, 15, 10, 25),
            SET18: (140, 55, 15, 10, 25), SET19: (140, 55, 15, 10, 25),
            SET20: (140, 55, 15, 10, 25), SET21: (140, 55, 15, 10, 25),
            SET22: (140, 55, 15, 10, 25), SET23: (140, 55, 15, 10, 25),
            SET24: (140, 55, 15, 10, 25), SET25: (140, 55, 15, 10, 25),
            SET26: (140, 55, 15, 10, 25), SET27: (140, 55, 15, 10, 25),
            SET28: (140, 55, 15, 10, 25),
            SET29: (140, 55, 15, 10, 25),
            SET30: (140, 55, 15, 10, 25),
            SET31: (140, 55, 15, 10, 25),
            SET32: (140, 55, 15, 10, 25),
            SET33: (140, 55, 15, 10, 25),
            SET34: (140, 55, 15, 10, 25),
            SET35: (140, 55, 15, 10, 25),
            SET36: (140, 55, 15, 10, 25),
            SET37: (140, 55, 15, 10, 25),
            SET38: (140, 55, 15, 10, 25),
            SET39: (140, 55, 15, 10, 25),
            SET40: (140, 55, 15, 10, 25),
            SET41: (140, 55, 15, 10, 25),
            SET42: (140, 55, 15, 10, 25),
            SET43: (140, 55, 15, 10, 25),
            SET44: (140, 55, 15, 10, 25),
            SET45: (140, 55, 15, 10, 25),
            SET46: (140, 55, 15, 10, 25),
            SET47: (140, 55, 15, 10, 25),
            SET48: (140, 55, 15, 10, 25),
            SET49: (140, 55, 15, 10, 25),
            SET50: (140, 55, 15, 10, 25),
            SET51: (140, 55, 15, 10, 25),
            SET52: (140, 55, 15, 10, 25),
            SET53: (140, 55, 15, 10, 25),
            SET54: (140, 55, 15, 10, 25),
            SET55: (140, 55, 15, 10, 25),
            SET56: (140, 55, 15, 10, 25),
            SET57: (140, 55, 15, 10, 25),
            SET58: (140, 55, 15, 10, 25),
            SET59: (140, 55, 15, 10, 25),
            SET60: (140, 55, 15, 10, 25),
            SET61: (140, 55, 15, 10, 25),
            SET62: (140, 55, 15, 10, 25),
            SET63: (140, 55, 15, 10, 25),
            SET64: (140, 55, 15, 10, 25),
            SET65: (140, 55, 15, 10, 25),
            SET66: (140, 55, 15, 10, 25),
            SET67: (140, 55, 15, 10, 25),
            SET68: (140, 55, 15, 10, 25),
            SET69: (140, 55, 15, 10, 25),
            SET70: (140, 55, 15, 10, 25),
            SET71: (140, 55, 15, 10, 25),
            SET72: (140, 55, 15, 10, 25),
            SET73: (140, 55, 15, 10, 25),
            SET74: (140, 55, 15, 10, 25),
            SET75: (140, 55, 15, 10, 25),
            SET76: (140, 55, 15, 10, 25),
            SET77: (140, 55, 15, 10, 25),
            SET78: (140, 55, 15, 10, 25),
            SET79: (140, 55, 15, 10, 25),
            SET80: (140, 55, 15, 10, 25),
            SET81: (140, 55, 15, 10, 25),
            SET82: (140, 55, 15, 10, 25),
            SET83: (140, 55, 15, 10, 25),
            SET84: (140, 55, 15, 10, 25),
            SET85: (140, 55, 15, 10, 25),
            SET86: (140, 55, 15, 10, 25),
            SET87: (140, 55, 15, 10, 25),
            SET88: (140, 55, 15, 10, 25),
            SET89: (140, 55, 15, 10, 25),
            SET90: (140, 55, 15, 10, 25),
            SET91: (140, 55, 15, 10, 25),
            SET92: (140, 55, 15, 10, 25),
            SET93: (140, 55, 15, 10, 25),
            SET94: (140, 55, 15, 10, 25),
            SET95: (140, 55, 15, 10, 25),
            SET96: (140, 55, 15, 10, 25),
            SET97: (140, 55, 15, 10, 25),
            SET98: (140, 55, 15, 10, 25),
            SET99: (140, 55, 15, 10, 25),
            SET100: (140, 55, 15, 10, 25),
            SET101: (140, 55, 15, 10, 25),
            SET102: (140, 55, 15, 10, 25),
            SET103: (140, 55, 15, 10, 25),
            SET104: (140, 55, 15, 10, 25),
            SET105: (140, 55, 15, 10, 25),
            SET106: (140, 55, 15, 10, 25),
            SET107: (140, 55, 15, 10, 25),
            SET108: (140, 55, 15, 10, 25),
            SET109: (140, 55, 15, 10, 25),
            SET110: (140, 55, 15, 10, 25),
            SET111: (140, 55, 15, 10, 25),
            SET112: (140, 55, 15, 10, 25),
            SET113: (140, 55, 15, 10, 25),
            SET114: (140, 55, 15, 10, 25),
            SET115: (140, 55, 15, 10, 25),
            SET116: (140, 55, 15, 10, 25),
            SET117: (140, 55, 15, 10, 25),
            SET118: (140, 55, 15, 10, 25),
            SET119: (140, 55, 15, 10, 25),
            SET120: (140, 55, 15, 10, 25),
            SET121: (140, 55, 15, 10, 25),
            SET122: (140, 55, 15, 10, 25),
            SET123: (140, 55, 15, 10, 25),
            SET124: (140, 55, 15, 10, 25),
            SET125: (140, 55, 15, 10, 25),
            SET126: (140, 55, 15, 10, 25),
            SET127: (140, 55, 15, 10, 25),
            SET128: (140, 55, 15, 10, 25),
            SET129: (140, 55, 15, 10, 25),
            SET130: (140, 55, 15, 10, 25),
            SET131: (140, 55, 15, 10, 25),
            SET132: (140, 55, 15, 10, 25),
            SET133: (140, 55, 15, 10, 25),
            SET134: (140, 55, 15, 10, 25),
            SET135: (140, 55, 15, 10, 25),
            SET136: (140, 55, 15, 10, 25),
            SET137: (140, 55, 15, 10, 25),
            SET138: (140, 55, 15, 10, 25),
            SET139: (140, 55, 15, 10, 25),
            SET140: (140, 55, 15, 10, 25),
            SET141: (140, 55, 15, 10, 25),
            SET142: (140, 55, 15, 10, 25),
            SET143: (140, 55, 15, 10, 25),
            SET144: (140, 55, 15, 10, 25),
            SET145: (140, 55, 15, 10, 25),
            SET146: (140, 55, 15, 10, 25),
            SET147: (140, 55, 15, 10, 25),
            SET148: (140, 55, 15, 10, 25),
            SET149: (140, 55, 15, 10, 25),
            SET150: (140, 55, 15, 10, 25),
            SET151: (140, 55, 15, 10, 25),
            SET152: (140, 55, 15, 10, 25),
            SET153: (140, 55, 15, 10, 25),
            SET154: (140, 55, 15, 10, 25),
            SET155: (140, 55, 15, 10, 25),
            SET156: (140, 55, 15, 10, 25),
            SET157: (140, 55, 15, 10, 25),
            SET158: (140, 55, 15, 10, 25),
            SET159: (140, 55, 15, 10, 25),
            SET160: (140, 55, 15, 10, 25),
            SET161: (140, 55, 15, 10, 25),
            SET162: (140, 55, 15, 10, 25),
            SET163: (140, 55, 15, 10, 25),
            SET164: (140, 55, 15, 10, 25),
            SET165: (140, 55, 15, 10, 25),
            SET166: (140, 55, 15, 10, 25),
            SET167: (140, 55, 15, 10, 25),
            SET168: (140, 55, 15, 10, 25),
            SET169: (140, 55, 15, 10, 25),
            SET170: (140, 55, 15, 10, 25),
            SET171: (140, 55, 15, 10, 25),
            SET172: (140, 55, 15, 10, 25),
            SET173: (140, 55, 15, 10, 25),
            SET174: (140, 55, 15, 10, 25),
            SET175: (140, 55, 15, 10, 25),
            SET176: (140, 55, 15, 10, 25),
            SET177: (140, 55, 15, 10, 25),
            SET178: (140, 55, 15, 10, 25),
            SET179: (140, 55, 15, 10, 25),
            SET180: (140, 55, 15, 10, 25),
            SET181: (140, 55, 15, 10, 25)}
SETS = pytest.mark.parametrize("path", list(MINIMUMS), ids=lambda path: path.stem)


@pytest.fixture(scope="module")
def index() -> dict[str, set[int]]:
    return series_by_title((s.id, e.title) for s in load_catalog() for e in s.entries)


@SETS
def test_every_row_has_the_fields_and_a_valid_label_shape(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == len(load(path))
    for row in rows:
        assert set(row) == FIELDS, row["id"]
        assert row["lang"] in ("en", "ja") and row["source"].strip() and row["headline"].strip(), row["id"]
        for label in row["labels"]:
            assert set(label) <= {"series", "season", "film"} and "series" in label and "season" in label, row["id"]
            assert label["season"] is None or (isinstance(label["season"], int) and label["season"] >= 1), row["id"]


@SETS
def test_ids_are_unique_and_dates_fall_in_2018_to_2026(path):
    articles = load(path)
    assert not [i for i, n in Counter(a.id for a in articles).items() if n > 1]
    assert all("2018-01-01" <= a.published <= "2026-12-31" for a in articles)


@SETS
def test_the_set_is_big_enough_in_both_languages_with_articles_about_no_series(path):
    articles = load(path)
    size, ja, about_none, several, season_none = MINIMUMS[path]
    assert len(articles) >= size
    assert sum(a.lang == "ja" for a in articles) >= ja
    assert sum(not a.labels for a in articles) >= about_none
    assert sum(len(a.labels) >= 2 for a in articles) >= several
    assert sum(any(label.season is None for label in a.labels) for a in articles) >= season_none


@SETS
def test_every_label_resolves_to_exactly_one_catalog_series(path, index):
    named = {t for a in load(path) for label in a.labels for t in (label.series, label.film) if t}
    assert {t: len(index.get(t, ())) for t in named if len(index.get(t, ())) != 1} == {}


@pytest.mark.parametrize("pair", list(combinations(MINIMUMS, 2)), ids=lambda pair: f"{pair[0].stem}-{pair[1].stem}")
def test_no_two_sets_share_a_headline_or_an_id(pair):
    first, second = (load(path) for path in pair)
    assert not {a.headline for a in first} & {a.headline for a in second}
    assert not {a.id for a in first} & {a.id for a in second}


@pytest.mark.parametrize("article", [load()[0], next(a for a in load(VALIDATION) if a.lang == "ja")],
                         ids=lambda a: a.id)
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
