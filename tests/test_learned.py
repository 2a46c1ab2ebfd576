"""Issue 15: aliases learned from the archive, where an article pairs a name the catalog does not
know with one it knows; a crawl stores them with the article, the next crawl and retag use them."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from archive import Archive
from pipelines.catalog import load, records
from pipelines.learned import AliasLearner
from tests.helpers import fanwire
from tests.hijack_site import add_site, article, crawl, query
from tests.proxy_site import ProxySite, serve

NEWS, BLOG = "http://news.test/", "http://blog.test/"


@pytest.fixture(scope="module")
def learner():
    catalog = load()
    return AliasLearner(catalog), {s.id: s.title_ja for s in catalog}


@pytest.mark.parametrize("text, alias", [
    ("The Apothecary Diaries (The Pharmacist's Monologue) returns in January.", "The Pharmacist's Monologue"),
    ("Netflix adds 「薬屋のひとりごと」(Drugstore Soliloquy Tales) to its lineup.", "Drugstore Soliloquy Tales"),
    ("Fans of Kusuriya no Dokuhaku (The Apothecary Diaries) cheered the news.", "Kusuriya no Dokuhaku"),
    ("The Apothecary Diaries, known in Japan as Kusuriya no Dokuhaku, returns.", "Kusuriya no Dokuhaku"),
    ("The Apothecary Diaries (Japanese title: 毒見役の独白) returns.", "毒見役の独白"),  # no catalog name inside
    ("The Apothecary Diaries Season 2 (Kusuriya no Dokuhaku 2nd Season) airs.", "Kusuriya no Dokuhaku"),
])
def test_a_pair_teaches_the_unknown_name(learner, text, alias):
    matcher, titles = learner
    assert [(titles[a.series_id], a.alias) for a in matcher.learn(text)] == [("薬屋のひとりごと", alias)]


@pytest.mark.parametrize("text", [
    "Solo Leveling (A-1 Pictures) and The Apothecary Diaries (Toho Animation Studio) lead.",  # studios
    "The Apothecary Diaries (Aoi Yuki) stars a pharmacist.",  # a person in bare brackets
    "The Apothecary Diaries (English Dub) streams on Crunchyroll.",  # news words
    "Monster (The Tenma Kenzo Story) tops the chart.",  # the known name is one ordinary word
    "The Apothecary Diaries (the show everyone is talking about) returns.",  # a phrase, not a title
    "Spy x Family (Spy x Family Code: White) is a film.",  # a name of the catalog inside it
    "Heavenly Delusion (Tengoku Daimakyou) streams on Disney+.",  # both known
    "Maomao (Kusuriya no Dokuhaku) is the heroine.",  # the known side is not a series
    "「薬屋のひとりごと」（悠木碧）のイベントが開催。",  # Japanese beside Japanese: the cast, not a translation
    "The Apothecary Diaries (原作：日向夏) returns.",  # a label
])
def test_no_name_is_learned_from_pairs_that_are_not_titles(learner, text):
    assert learner[0].learn(text) == []


def test_a_learned_alias_never_takes_a_name_the_catalog_has(tmp_path):
    archive = Archive(tmp_path / "archive.db")
    archive.replace_series(records(load()))
    jjk = archive.find_series("呪術廻戦")["id"]
    archive.add_series_alias(jjk, "Sorcery Fight", "en")
    frieren = archive.find_series("葬送のフリーレン")["id"]
    added = archive.learn_aliases([{"series_id": frieren, "alias": "sorcery fight", "lang": "en", "article_id": 1},
                                   {"series_id": frieren, "alias": "JJK", "lang": "en", "article_id": 1}])
    assert added == 0
    assert [(a["alias"], a["source"]) for a in archive.series_aliases(frieren) if a["source"] == "learned"] == []
    archive.close()


def site() -> ProxySite:
    """An article that pairs a name the catalog does not know with one it knows, and one that uses
    only that name."""
    web = ProxySite()
    add_site(web, NEWS, {
        "teacher/": article("The Apothecary Diaries second season sets its January premiere",
                            ["The Apothecary Diaries (The Pharmacist's Monologue) returns in January on Nippon TV.",
                             "Toho Animation Studio and OLM animate the season."], "2024-10-01T10:00:00+00:00"),
        "pupil/": article("The Pharmacist's Monologue reveals its second cour visual",
                          ["The Pharmacist's Monologue shows Maomao in the rear palace.",
                           "The second cour starts in April."], "2024-10-05T10:00:00+00:00"),
    })
    add_site(web, BLOG, {
        "later/": article("The Pharmacist's Monologue tops the winter ranking",
                          ["The Pharmacist's Monologue led the votes for the third week in a row."],
                          "2025-01-20T10:00:00+00:00"),
    })
    return web


def series_of(db, url: str) -> list[str]:
    return [t for (t,) in query(db, "SELECT s.title_ja FROM article_series t JOIN articles a ON a.id = t.article_id "
                                    "JOIN series s ON s.id = t.series_id WHERE a.url = ?", url)]


def test_a_crawl_learns_an_alias_that_the_next_crawl_and_retag_use(tmp_path):
    db = tmp_path / "archive.db"
    with serve(site()) as proxy:
        crawl(proxy, db, NEWS)
        assert series_of(db, NEWS + "teacher/") == ["薬屋のひとりごと"]
        assert series_of(db, NEWS + "pupil/") == []  # learned while this crawl stored it
        listed = fanwire("catalog", "alias", "list", "薬屋のひとりごと", "--db", str(db)).stdout.splitlines()
        assert [line.split("\t")[2:] for line in listed if "\tlearned" in line] == [
            ["The Pharmacist's Monologue", "en", "learned", NEWS + "teacher/"]]
        crawl(proxy, db, BLOG)
    assert series_of(db, BLOG + "later/") == ["薬屋のひとりごと"]  # the next crawl knows it

    retagged = fanwire("retag", "--db", str(db))
    assert retagged.returncode == 0, retagged.stderr
    assert series_of(db, NEWS + "pupil/") == ["薬屋のひとりごと"]


def test_retag_learns_before_it_tags(tmp_path):
    db = tmp_path / "archive.db"
    with serve(site()) as proxy:
        crawl(proxy, db, NEWS)
    with closing(sqlite3.connect(db)) as conn, conn:  # an archive crawled before aliases were learned
        conn.execute("DELETE FROM series_aliases WHERE source = 'learned'")
    retagged = fanwire("retag", "--db", str(db))
    assert retagged.returncode == 0 and "1 aliases learned" in retagged.stderr
    assert series_of(db, NEWS + "pupil/") == ["薬屋のひとりごと"]
    assert query(db, "SELECT a.alias, r.url FROM series_aliases a JOIN articles r ON r.id = a.article_id "
                     "WHERE a.source = 'learned'") == [("The Pharmacist's Monologue", NEWS + "teacher/")]


def test_learned_aliases_survive_catalog_import(tmp_path):
    db = tmp_path / "archive.db"
    with serve(site()) as proxy:
        crawl(proxy, db, NEWS)
    archive = Archive(db)
    archive.replace_series(records(load()))
    assert [(a["alias"], a["article_url"]) for a in archive.series_aliases(archive.find_series("薬屋のひとりごと")["id"])
            if a["source"] == "learned"] == [("The Pharmacist's Monologue", NEWS + "teacher/")]
    archive.close()
