"""Issue 15, a catalog of the names fans use: each alias source (bangumi-data translations,
derived forms, the curated file, user aliases), `catalog alias add/list`, and user aliases kept
through `catalog import`; a user alias tags an article of a real crawl."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from pipelines.aliases import TITLES, CuratedRow, derived_forms, load_curated
from pipelines.catalog import build, load
from pipelines.tagging import SeriesMatcher
from tests.helpers import fanwire
from tests.hijack_site import add_site, article, crawl, query
from tests.proxy_site import ProxySite, serve


def item(title, translations=None, kind="tv", begin="2023-01-01T00:00:00.000Z", mal=None):
    return {"title": title, "titleTranslate": translations or {}, "type": kind, "begin": begin,
            "sites": [{"site": "mal", "id": mal}] if mal else []}


def aliases(series):
    return {(a.alias, a.lang, a.source) for a in series.aliases}


def test_every_title_translation_is_a_bangumi_alias_with_its_language():
    (frieren,) = build([
        item("葬送のフリーレン", {"en": ["Frieren: Beyond the Journey's End", "Frieren: Beyond Journey's End"],
                           "zh-Hans": ["葬送的芙莉莲", "芙莉莲"], "zh-Hant": ["葬送的芙莉蓮"]}),
        item("葬送のフリーレン(第2期)", {"en": ["Frieren Season 2"], "zh-Hans": ["葬送的芙莉莲 第二季"]},
             begin="2026-01-16T00:00:00.000Z"),
    ], curated=[])
    assert frieren.title == "Frieren: Beyond the Journey's End"
    assert {("Frieren: Beyond Journey's End", "en", "bangumi"), ("葬送的芙莉莲", "zh-Hans", "bangumi"),
            ("芙莉莲", "zh-Hans", "bangumi"), ("葬送的芙莉蓮", "zh-Hant", "bangumi")} <= aliases(frieren)
    assert not [a for a in frieren.aliases if "第二季" in a.alias or "Season" in a.alias]  # markers stripped


@pytest.mark.parametrize("name, form", [
    ("【推しの子】", "推しの子"),
    ("うる星やつら(2022)", "うる星やつら"),
    ("Frieren: Beyond Journey's End", "Frieren"),
    ("Re:ZERO -Starting Life in Another World-", "Re:ZERO"),
    ("マッシュル-MASHLE-", "マッシュル"),
    ("無職転生～異世界行ったら本気だす～", "無職転生"),
    ("SPY×FAMILY", "SPY x FAMILY"),
    ("Spy x Family", "Spy×Family"),
    ("Hell's Paradise", "Hells Paradise"),
    ("DAN DA DAN", "DANDADAN"),
    ("THE GOD OF HIGH SCHOOL ゴッド・オブ・ハイスクール", "THE GOD OF HIGH SCHOOL"),
    ("SOUL EATER - ソウルイーター -", "ソウルイーター"),  # the katakana between dashes
    ("男女の友情は成立する？（いや、しないっ!!）", "男女の友情は成立する？"),
    ("Fate/stay night (Unlimited Blade Works)", "Fate/stay night"),
    ("The Drops of God", "Drops of God"),
    ("The Apothecary Diaries", "Apothecary Diaries"),
    ("Suppose a Kid from the Last Dungeon Boonies Moved to a Starter Town", "Suppose a Kid from the Last Dungeon Boonies"),
    ("Iwa-Kakeru! Climbing Girls", "Iwa-Kakeru!"),
    ("アークナイツ【黎明前奏/PRELUDE TO DAWN】", "アークナイツ"),
    ("My Neighbor Totoro", "My Neighbour Totoro"),  # British spelling
    ("THE GRAY CASTLE", "THE GREY CASTLE"),
    ("週刊ラノべアニメ", "週刊ラノベアニメ"),  # hiragana べ inside a katakana word: the katakana ベ news writes
])
def test_derived_forms(name, form):
    assert form in derived_forms(name)


def test_no_derived_form_is_too_short_to_be_a_name():
    assert derived_forms("Re:Zero") == []
    assert "Spider" not in derived_forms("Spider-Man")
    assert derived_forms("Air (TV)") == []
    assert "World" not in derived_forms("The World")  # one word left: a word, not a name
    openings = derived_forms("I Got a Cheat Skill in Another World and Became Unrivaled in the Real World, Too")
    assert "I Got a Cheat Skill in Another World" in openings
    assert not [o for o in openings if o.split()[-1] in ("in", "Another", "the")]
    assert derived_forms("That Time I Got Reincarnated as a Slime") == []  # short enough to be written whole
    assert derived_forms("ボールルームへようこそ") == []  # へ, the particle, between katakana and hiragana
    # an opening that ends in a film word names any of the franchise's films
    assert "Demon Slayer: Kimetsu no Yaiba - The Movie" not in \
        derived_forms("Demon Slayer: Kimetsu no Yaiba - The Movie: Mugen Train")
    assert "僕のヒーローアカデミア THE MOVIE" not in derived_forms("僕のヒーローアカデミア THE MOVIE ～2人の英雄～")


def test_derived_and_curated_names_tag_articles():
    catalog = build([item("SPY×FAMILY", {"en": ["SPY×FAMILY"]}), item("ダンダダン", {"en": ["DAN DA DAN"]}),
                     item("キングダム", {"en": ["KINGDOM"]}), item("呪術廻戦", {"en": ["Jujutsu Kaisen"]})],
                    curated=[CuratedRow("ダンダダン", "Dandadan", "English spelling"),
                             CuratedRow("キングダム", "Kingdom", "English title"),
                             CuratedRow("呪術廻戦", "JJK", "abbreviation")])
    matcher = SeriesMatcher(catalog)

    def tagged(title, text=""):
        return sorted(t.series.title_ja for t in matcher.tag(title, text))

    assert tagged("Spy x Family collaboration cafe opens in Shibuya") == ["SPY×FAMILY"]
    assert tagged("Dandadan Season 2 reveals new key visual") == ["ダンダダン"]
    assert tagged("JJK manga ends its run in Weekly Shonen Jump") == ["呪術廻戦"]
    assert tagged("Kingdom gets a sixth season in 2026") == ["キングダム"]
    assert tagged("A film festival in the United Kingdom", "The United Kingdom premiere is in May.") == []
    assert tagged("Fans gathered in the kingdom of Denmark", "The kingdom was busy.") == []


def test_every_curated_row_names_a_series_of_the_shipped_catalog():
    catalog = load()
    names = {n for s in catalog for n in (s.title_ja, *(e.title for e in s.entries))}
    rows = load_curated()
    assert len({r.series for r in rows}) >= 180
    assert [r for r in rows if r.series not in names] == []
    by_alias = {(s.title_ja, a.alias): a for s in catalog for a in s.aliases}
    assert by_alias[("呪術廻戦", "JJK")].source == "curated"
    assert by_alias[("薬屋のひとりごと", "Kusuriya no Hitorigoto")].lang == "ja-Latn"


def test_every_english_title_row_names_a_series_and_passes_the_ordinary_word_guard():
    catalog = load()
    names = {n for s in catalog for n in (s.title_ja, *(e.title for e in s.entries),
                                          *(f"mal:{e.mal_id}" for e in s.entries if e.mal_id))}
    rows = load_curated(TITLES, "titles")
    assert len(rows) >= 400 and [r for r in rows if r.series not in names] == []
    by_alias = {(s.title_ja, a.alias): a for s in catalog for a in s.aliases}
    assert by_alias[("おーばーふろぉ", "Overflow")].source == "titles"
    matcher = SeriesMatcher(catalog)
    assert matcher.tag("Buffer Overflow Bug Patched in Popular Router", "The vendor shipped a fix.") == []
    assert "Overflow" in [t.series.title for t in matcher.tag("Overflow Anime Gets a Blu-ray Box", "")]


def test_alias_add_and_list(tmp_path):
    db = str(tmp_path / "archive.db")
    added = fanwire("catalog", "alias", "add", "JJK", "Sorcery Fight", "--db", db)
    assert added.returncode == 0, added.stderr
    assert "Jujutsu Kaisen" in added.stderr
    listed = fanwire("catalog", "alias", "list", "呪術廻戦", "--db", db)
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert rows[0][2:] == ["Sorcery Fight", "en", "user"]
    assert ["JJK", "en", "curated"] in [r[2:] for r in rows]
    assert {r[1] for r in rows} == {"Jujutsu Kaisen"}
    everything = fanwire("catalog", "alias", "list", "--db", db).stdout.splitlines()
    assert len(everything) > 10000
    unknown = fanwire("catalog", "alias", "add", "No Such Show At All", "x", "--db", db)
    assert unknown.returncode == 1 and "no series 'No Such Show At All'" in unknown.stderr


ITEMS = [item("進撃の巨人", {"en": ["Attack on Titan"]}, mal="16498"),
         item("葬送のフリーレン", {"en": ["Frieren: Beyond Journey's End"]}, mal="52991")]


def test_user_aliases_survive_catalog_import(tmp_path):
    source, db = tmp_path / "data.json", str(tmp_path / "archive.db")
    source.write_text(json.dumps({"items": ITEMS}, ensure_ascii=False), encoding="utf-8")
    assert fanwire("catalog", "import", str(source), "--db", db).returncode == 0
    assert fanwire("catalog", "alias", "add", "Attack on Titan", "Titan Show", "--db", db).returncode == 0
    earlier = item("アキラ", {"en": ["Akira"]}, begin="1988-07-16T00:00:00.000Z", kind="movie")
    source.write_text(json.dumps({"items": [earlier, *ITEMS]}, ensure_ascii=False), encoding="utf-8")
    assert fanwire("catalog", "import", str(source), "--db", db).returncode == 0  # ids move by one
    rows = query(db, "SELECT s.title, a.source FROM series_aliases a JOIN series s ON s.id = a.series_id "
                     "WHERE a.alias = 'Titan Show'")
    assert rows == [("Attack on Titan", "user")]
    assert query(db, "SELECT count(*) FROM series_aliases WHERE source = 'curated'") != [(0,)]


def test_a_user_alias_tags_articles_of_a_crawl(tmp_path):
    db = tmp_path / "archive.db"
    added = fanwire("catalog", "alias", "add", "薬屋のひとりごと", "Drugstore Whispers", "--db", str(db))
    assert added.returncode == 0, added.stderr
    web = ProxySite()
    text = ["Drugstore Whispers returns in January with Maomao back at the rear palace.",
            "The staff announced the broadcast schedule and a new visual on Friday."]
    add_site(web, "http://news.test/", {"drugstore/": article("Drugstore Whispers anime returns in January", text,
                                                               "2025-01-05T10:00:00+00:00")})
    with serve(web) as proxy:
        crawl(proxy, db, "http://news.test/")
    with closing(sqlite3.connect(db)) as conn:
        tags = conn.execute("SELECT s.title_ja FROM article_series t JOIN series s ON s.id = t.series_id "
                            "JOIN articles a ON a.id = t.article_id WHERE a.url = 'http://news.test/drugstore/'"
                            ).fetchall()
    assert tags == [("薬屋のひとりごと",)]


def test_an_older_archive_keeps_its_aliases_in_series_aliases(tmp_path):
    from sqlite_utils import Database

    from archive import Archive
    from archive.schema import MIGRATIONS

    db = Database(tmp_path / "old.db")
    MIGRATIONS.apply(db, stop_before="0011_series_aliases")
    db["series"].insert({"id": 7, "title": "Oshi no Ko", "title_ja": "【推しの子】", "aliases": '["推しの子", "OSHI NO KO"]'})
    db.close()
    archive = Archive(tmp_path / "old.db")
    assert "aliases" not in archive.db["series"].columns_dict
    assert archive.series_aliases(7) == [
        {"series_id": 7, "title": "Oshi no Ko", "alias": alias, "lang": lang, "source": "bangumi", "article_url": None}
        for alias, lang in (("OSHI NO KO", "en"), ("推しの子", "ja"))]
    assert archive.find_series("OSHI NO KO")["id"] == 7
    archive.close()


def test_short_chinese_aliases_are_not_read_in_japanese_text():
    catalog = build([item("BLEACH", {"en": ["Bleach"], "zh-Hans": ["死神", "境·界"]}),
                     item("進撃の巨人", {"zh-Hans": ["进击的巨人"]})], curated=[])
    assert ("死神", "zh-Hans", "bangumi") in aliases(catalog[0])
    matcher = SeriesMatcher(catalog)
    assert matcher.tag("死神をテーマにした新作映画が公開", "死神の姿を描く。") == []
    assert [t.series.title_ja for t in matcher.tag("《进击的巨人》最终季", "")] == ["進撃の巨人"]


def test_a_derived_form_that_names_another_series_is_dropped():
    catalog = build([item("フルーツバスケット", {"en": ["Fruits Basket"]}, begin="2019-04-06T00:00:00.000Z"),
                     item("フルーツバスケット －prelude－", {"en": ["Fruits Basket: prelude"]}, kind="movie",
                          begin="2022-02-18T00:00:00.000Z"),
                     item("THE LAST -NARUTO THE MOVIE-", {"en": ["THE LAST -NARUTO THE MOVIE-"]}, kind="movie")],
                    curated=[])
    film, naruto = (next(s for s in catalog if s.title_ja == name)
                    for name in ("フルーツバスケット －prelude－", "THE LAST -NARUTO THE MOVIE-"))
    assert "Fruits Basket" not in {a.alias for a in film.aliases}
    assert "THE LAST" not in {a.alias for a in naruto.aliases}
    matcher = SeriesMatcher(catalog)
    assert [t.series.title_ja for t in matcher.tag("Fruits Basket anime gets a new visual", "")] == ["フルーツバスケット"]
    assert matcher.tag("Rumours say it would be the last. The manga has sold millions", "") == []


def test_a_derived_form_opening_older_series_names_is_the_franchises_word():
    catalog = build([item("ガンダムビルドファイターズ", {"en": ["Gundam Build Fighters"]}, begin="2013-10-07T00:00:00.000Z"),
                     item("ガンダムブレイカー バトローグ", {"en": ["Gundam Breaker Battlogue"]}, kind="web",
                          begin="2021-07-02T00:00:00.000Z"),
                     item("機動戦士ガンダム 復讐のレクイエム", {"en": ["Gundam: Requiem for Vengeance"]}, kind="web",
                          begin="2024-10-17T00:00:00.000Z"),
                     item("ダンガンロンパ 希望の学園と絶望の高校生 The Animation", {"en": ["Danganronpa: The Animation"]},
                          begin="2013-07-05T00:00:00.000Z"),
                     item("ダンガンロンパ3 -The End of 希望ヶ峰学園- 未来編", {"en": ["Danganronpa 3: Future Arc"]},
                          begin="2016-07-11T00:00:00.000Z"),
                     item("ダンガンロンパ3 -The End of 希望ヶ峰学園- 絶望編", {"en": ["Danganronpa 3: Despair Arc"]},
                          begin="2016-07-14T00:00:00.000Z")], curated=[])
    forms = {s.title: {a.alias for a in s.aliases} for s in catalog}
    assert "Gundam" not in forms["Gundam: Requiem for Vengeance"]  # Build Fighters (2013) had the word first
    assert "Danganronpa" in forms["Danganronpa: The Animation"]  # the franchise's first series keeps it
