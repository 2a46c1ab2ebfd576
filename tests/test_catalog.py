"""The series catalog: season markers, grouping into series, the shipped catalog and its CLI."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from pipelines.aliases import CuratedRow
from pipelines.catalog import SeasonRow, _entry, build, load, load_curated_seasons, split_title
from tests.helpers import fanwire


@pytest.mark.parametrize("title, expected", [
    ("【推しの子】 第2期", ("【推しの子】", 2, None, False)),
    ("Oshi no Ko Season 2", ("Oshi no Ko", 2, None, False)),
    ("Re:ゼロから始める異世界生活 2nd season", ("Re:ゼロから始める異世界生活", 2, None, False)),
    ("KINGDOM 4th Season", ("KINGDOM", 4, None, False)),
    ("進撃の巨人 The Final Season", ("進撃の巨人", None, None, True)),
    ("Attack on Titan Final Season Part 2", ("Attack on Titan", None, 2, True)),
    ("Mob Psycho 100 II", ("Mob Psycho 100", 2, None, False)),
    ("ダンジョン飯", ("ダンジョン飯", None, None, False)),
    ("86 EIGHTY-SIX", ("86 EIGHTY-SIX", None, None, False)),
    ("ストライク・ザ・ブラッドFINAL", ("ストライク・ザ・ブラッド", None, None, True)),
    ("HAPPY★LESSON The Final", ("HAPPY★LESSON", None, None, True)),
    ("新テニスの王子様 U-17 WORLD CUP SEMIFINAL", ("新テニスの王子様 U-17 WORLD CUP SEMIFINAL", None, None, False)),
    ("銀魂 THE SEMI-FINAL", ("銀魂 THE SEMI-FINAL", None, None, False)),
])
def test_split_title(title, expected):
    assert split_title(title) == expected


def item(title, en=None, kind="tv", begin="2023-01-01T00:00:00.000Z", mal=None):
    return {"title": title, "titleTranslate": {"en": [en]} if en else {}, "type": kind, "begin": begin,
            "sites": [{"site": "mal", "id": mal}, {"site": "bangumi", "id": f"b{mal}"}] if mal else []}


ITEMS = [
    item("進撃の巨人", "Attack on Titan", begin="2013-04-06T00:00:00.000Z", mal="16498"),
    item("進撃の巨人 Season 2", "Attack on Titan Season 2", begin="2017-04-01T00:00:00.000Z", mal="25777"),
    item("進撃の巨人 The Final Season", "Attack on Titan The Final Season", begin="2020-12-07T00:00:00.000Z",
         mal="40028"),
    item("進撃の巨人 The Final Season Part 2", "Attack on Titan Final Season Part 2", begin="2022-01-09T00:00:00.000Z",
         mal="48583"),
    item("劇場版 進撃の巨人 完結編", None, kind="movie", begin="2024-11-08T00:00:00.000Z"),
    item("葬送のフリーレン", "Frieren: Beyond Journey's End", mal="52991"),
    item("MONSTER", "Monster", begin="2004-04-06T00:00:00.000Z", mal="19"),
]


def test_build_groups_seasons_into_series_and_numbers_them():
    catalog = {s.title: s for s in build(ITEMS)}
    titan = catalog["Attack on Titan"]
    assert (titan.title_ja, titan.mal_id, titan.bangumi_id) == ("進撃の巨人", "16498", "b16498")
    assert [(e.season, e.part, e.final) for e in titan.entries if e.type == "tv"] == [
        (1, None, False), (2, None, False), (3, None, True), (3, 2, True)]
    assert titan.seasons == 3
    assert catalog["Frieren: Beyond Journey's End"].entries[0].season == 1
    assert catalog["Monster"].title_ja == "MONSTER"
    assert sorted(s.id for s in catalog.values()) == list(range(1, len(catalog) + 1))


@pytest.mark.parametrize("title, expected", [
    ("この素晴らしい世界に祝福を！3", ("この素晴らしい世界に祝福を！", 3, None, False)),
    ("炎炎ノ消防隊 参ノ章", ("炎炎ノ消防隊", 3, None, False)),
    ("やはり俺の青春ラブコメはまちがっている。完", ("やはり俺の青春ラブコメはまちがっている。", None, None, True)),
    ("やはり俺の青春ラブコメはまちがっている。続", ("やはり俺の青春ラブコメはまちがっている。", None, None, False)),
    ("Kaiju No. 8", ("Kaiju No. 8", None, None, False)),
    ("キャプテン翼シーズン2 ジュニアユース編", ("キャプテン翼 ジュニアユース編", 2, None, False)),
    ("Captain Tsubasa Season 2: Junior Youth Arc", ("Captain Tsubasa: Junior Youth Arc", 2, None, False)),
])
def test_split_title_reads_numbered_and_continued_sequels(title, expected):
    assert split_title(title) == expected


def test_a_final_season_named_before_its_subtitle_is_final():
    entry = _entry(item("マギアレコード 魔法少女まどか☆マギカ外伝 Final SEASON ‐浅き夢の暁‐"))[0]
    assert entry.final


def test_a_continued_series_is_the_next_season_and_a_remakes_sequel_follows_the_remake():
    catalog = build([
        item("やはり俺の青春ラブコメはまちがっている。", begin="2013-04-04T00:00:00.000Z"),
        item("やはり俺の青春ラブコメはまちがっている。続", begin="2015-04-02T00:00:00.000Z"),
        item("やはり俺の青春ラブコメはまちがっている。完", begin="2020-07-09T00:00:00.000Z"),
        item("らんま1/2", begin="1989-04-15T00:00:00.000Z"),
        item("らんま1/2(2024)", "Ranma1/2", begin="2024-10-05T00:00:00.000Z"),
        item("らんま1/2 第2期", begin="2025-10-04T00:00:00.000Z"),
    ], curated=[])
    seasons = {s.entries[0].title: [(e.title, e.season) for e in s.entries] for s in catalog}
    assert seasons["やはり俺の青春ラブコメはまちがっている。"] == [
        ("やはり俺の青春ラブコメはまちがっている。", 1), ("やはり俺の青春ラブコメはまちがっている。続", 2),
        ("やはり俺の青春ラブコメはまちがっている。完", 3)]
    assert seasons["らんま1/2"] == [("らんま1/2", 1)]
    assert seasons["らんま1/2(2024)"] == [("らんま1/2(2024)", 1), ("らんま1/2 第2期", 2)]


def test_a_reboot_written_with_other_signs_long_after_the_franchise_is_its_own_series():
    catalog = build([
        item("デジモンアドベンチャー", begin="1999-03-07T00:00:00.000Z"),
        item("デジモンアドベンチャー02", begin="2000-04-02T00:00:00.000Z"),
        item("デジモンアドベンチャー：", begin="2020-04-05T00:00:00.000Z"),
        item("ニセコイ", begin="2014-01-11T00:00:00.000Z"),
        item("ニセコイ:", begin="2015-04-10T00:00:00.000Z"),
    ], curated=[])
    seasons = {s.entries[0].title: [(e.title, e.season) for e in s.entries] for s in catalog}
    assert seasons["デジモンアドベンチャー"] == [("デジモンアドベンチャー", 1), ("デジモンアドベンチャー02", 2)]
    assert seasons["デジモンアドベンチャー："] == [("デジモンアドベンチャー：", 1)]
    assert [title for title, _ in seasons["ニセコイ"]] == ["ニセコイ", "ニセコイ:"]  # a year after: the same series


def test_shipped_catalog_has_known_series_and_their_seasons():
    catalog = load()
    assert len(catalog) > 7000
    frieren = next(s for s in catalog if s.title_ja == "葬送のフリーレン")
    assert frieren.mal_id == "52991" and frieren.seasons >= 1
    kingdom = next(s for s in catalog if s.title == "KINGDOM" and s.title_ja == "キングダム")
    assert [e.season for e in kingdom.entries if e.type == "tv"][:4] == [1, 2, 3, 4]


def test_series_are_shown_by_their_english_title_with_the_signs_kept():
    def titled(*english, ja="SPY×FAMILY", **kw):
        return {**item(ja, **kw), "titleTranslate": {"en": list(english)} if english else {}}

    catalog = {s.title_ja: s.title for s in build([
        titled("SPY FAMILY", begin="2022-04-09T00:00:00.000Z"),
        titled("SPY FAMILY", "SPY x FAMILY", ja="SPY×FAMILY(第2クール)", begin="2022-10-01T00:00:00.000Z"),
        titled("HAIKYU", "Haikyu!!", ja="ハイキュー!!", begin="2014-04-06T00:00:00.000Z"),
        titled("K-ON!", ja="けいおん!", begin="2009-04-02T00:00:00.000Z"),
        titled("K-ON!!", ja="けいおん!! 第2期", begin="2010-04-07T00:00:00.000Z"),
        titled("Oshi no Ko", ja="「推しの子」"),
        titled(ja="ダンジョン飯"),
    ], curated=[])}
    assert catalog["SPY×FAMILY"] == "SPY×FAMILY"  # bangumi-data's English dropped the ×
    assert catalog["ハイキュー!!"] == "Haikyu!!"
    assert catalog["けいおん!"] == "K-ON!"  # a later season's !! marks that season, not the name
    assert catalog["「推しの子」"] == "Oshi no Ko"  # quoting brackets are no signs of the name
    assert catalog["ダンジョン飯"] == "ダンジョン飯"
    shipped = {s.title_ja: s.title for s in load()}
    assert shipped["SPY×FAMILY"] == "SPY×FAMILY" and shipped["ハイキュー!!"] == "Haikyu!!"


def test_a_series_named_only_in_japanese_is_shown_by_its_curated_english_title():
    catalog = build([item("ルックバック", kind="movie"), item("ONE PIECE"), item("宇宙兄弟"),
                     item("ポケットモンスター", "Pokemon", begin="1997-04-01T00:00:00.000Z"),
                     item("ポケットモンスター(2023)", begin="2023-04-14T00:00:00.000Z")],
                    curated=[CuratedRow("ルックバック", "Look Back", "English title"),
                             CuratedRow("ONE PIECE", "One Piece", "English title"),
                             CuratedRow("宇宙兄弟", "Uchu Kyodai", "romaji"),
                             CuratedRow("ポケットモンスター", "Pokémon", "English title"),
                             CuratedRow("ポケットモンスター(2023)", "Pokémon Horizons: The Series", "English title")])
    shown = {(s.title_ja, s.entries[0].year): s.title for s in catalog}
    assert shown[("ルックバック", 2023)] == "Look Back"
    assert shown[("ONE PIECE", 2023)] == "ONE PIECE"  # already Latin: written as the catalog writes it
    assert shown[("宇宙兄弟", 2023)] == "宇宙兄弟"  # a romaji alias is no English title
    assert shown[("ポケットモンスター", 1997)] == "Pokemon"  # bangumi-data's English title stays
    assert shown[("ポケットモンスター", 2023)] == "Pokémon Horizons: The Series"  # its own row before the shared one


def test_catalog_import_and_stats(tmp_path):
    source = tmp_path / "data.json"
    source.write_text(json.dumps({"siteMeta": {}, "items": ITEMS}, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "a.db"
    result = fanwire("catalog", "import", str(source), "--db", str(db))
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM series").fetchone()[0] == 3
        assert conn.execute("SELECT count(*) FROM series_entries").fetchone()[0] == len(ITEMS)
        seasons = conn.execute("SELECT e.season FROM series_entries e JOIN series s ON s.id = e.series_id "
                               "WHERE s.title = 'Attack on Titan' AND e.type = 'tv' ORDER BY e.year").fetchall()
    assert seasons == [(1,), (2,), (3,), (3,)]
    stats = fanwire("catalog", "stats", "--db", str(db))
    assert "series: 3" in stats.stdout and "CC-BY-4.0" in stats.stdout
    shipped = fanwire("catalog", "stats")
    assert "bangumi-data" in shipped.stdout and int(shipped.stdout.split("series: ")[1].split()[0]) > 7000


def test_catalog_import_rejects_other_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": []}')
    result = fanwire("catalog", "import", str(bad), "--db", str(tmp_path / "a.db"))
    assert result.returncode == 1 and "is not bangumi-data JSON" in result.stderr


def test_numbered_and_sequel_worded_series_join_their_franchise():
    catalog = build([
        item("からかい上手の高木さん", begin="2018-01-08T00:00:00.000Z"),
        item("からかい上手の高木さん2", begin="2019-07-07T00:00:00.000Z"),
        item("からかい上手の高木さん3", begin="2022-01-07T00:00:00.000Z"),
        item("ゾンビランドサガ", begin="2018-10-04T00:00:00.000Z"),
        item("ゾンビランドサガ リベンジ", begin="2021-04-08T00:00:00.000Z"),
        item("ぼっち・ざ・ろっく！", begin="2022-10-08T00:00:00.000Z"),
        item("ぼっち・ざ・ろっく！ 学園ものがたり", begin="2024-01-08T00:00:00.000Z"),
    ], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["からかい上手の高木さん3"] == ("からかい上手の高木さん", 3)
    assert seasons["ゾンビランドサガ リベンジ"] == ("ゾンビランドサガ", 2)
    assert seasons["ぼっち・ざ・ろっく！ 学園ものがたり"][0] != "ぼっち・ざ・ろっく！"  # no sequel's words: its own series


def test_a_subtitled_series_the_chinese_titles_number_joins_its_franchise_as_that_season():
    def zh(title, begin, chinese):
        return {**item(title, begin=begin), "titleTranslate": {"zh-Hans": [chinese]}}

    catalog = build([
        zh("夏目友人帳", "2008-07-07T00:00:00.000Z", "夏目友人帐"),
        zh("夏目友人帳 陸", "2017-04-11T00:00:00.000Z", "夏目友人帐 第6季"),
        zh("夏目友人帳 漆", "2024-10-07T00:00:00.000Z", "夏目友人帐 第七季"),
        zh("ドラえもん", "1979-04-02T00:00:00.000Z", "哆啦A梦 第2季"),
    ], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["夏目友人帳 漆"] == ("夏目友人帳", 7)  # seven years after the sixth: numbered, so joined
    assert seasons["夏目友人帳 陸"] == ("夏目友人帳", 6)
    assert seasons["ドラえもん"] == ("ドラえもん", 1)  # a number alone makes no sequel of a first season


def test_a_sequel_named_by_letters_after_its_franchise_joins_it():
    catalog = build([
        item("とある科学の超電磁砲", begin="2009-10-02T00:00:00.000Z"),
        item("とある科学の超電磁砲S", begin="2013-04-12T00:00:00.000Z"),
        item("とある科学の超電磁砲T", begin="2020-01-10T00:00:00.000Z"),
        item("黒執事", "Black Butler", begin="2008-10-02T00:00:00.000Z"),
        item("黒執事II", begin="2010-07-02T00:00:00.000Z"),
        item("黒執事 Book of Circus", "Black Butler: Book of Circus", begin="2014-07-10T00:00:00.000Z"),
        item("黒執事 -寄宿学校編-", begin="2024-04-13T00:00:00.000Z"),
        item("黒執事 -緑の魔女編-", begin="2025-04-05T00:00:00.000Z"),
    ], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["とある科学の超電磁砲T"] == ("とある科学の超電磁砲", 3)
    assert seasons["黒執事 -寄宿学校編-"] == ("黒執事", 4)  # an arc ten years after the last season
    assert seasons["黒執事 -緑の魔女編-"] == ("黒執事", 5)  # an arc, however bracketed


def test_a_franchise_entry_named_by_its_first_title_and_signs_is_the_next_season():
    catalog = build([item("けいおん！", begin="2009-04-02T00:00:00.000Z"),
                     item("けいおん!!", "K-ON!!", begin="2010-04-07T00:00:00.000Z")], curated=[])
    assert [(e.title, e.season) for s in catalog for e in s.entries] == [("けいおん！", 1), ("けいおん!!", 2)]


def test_a_web_series_released_at_once_is_a_season_and_titles_are_unescaped():
    def web(title, begin):
        return {**item(title, begin=f"{begin}T00:00:00.000Z"), "type": "web", "end": f"{begin}T00:00:00.000Z"}

    catalog = build([item("TIGER &amp; BUNNY", begin="2011-04-02T00:00:00.000Z"),
                     web("TIGER &amp; BUNNY 2", "2022-04-08")], curated=[])
    assert [(s.title_ja, [(e.title, e.season) for e in s.entries]) for s in catalog] == [
        ("TIGER & BUNNY", [("TIGER & BUNNY", 1), ("TIGER & BUNNY 2", 2)])]


def test_a_subtitled_series_whose_english_title_continues_the_franchises_is_its_season():
    catalog = build([item("ホリミヤ", "Horimiya", begin="2021-01-09T00:00:00.000Z"),
                     item("ホリミヤ -piece-", "Horimiya -piece-", begin="2023-07-01T00:00:00.000Z"),
                     item("デート・ア・ライブ", "Date A Live", begin="2013-03-30T00:00:00.000Z"),
                     item("デート・ア・ライブⅤ", begin="2024-04-10T00:00:00.000Z")], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["ホリミヤ -piece-"] == ("ホリミヤ", 2)
    assert seasons["デート・ア・ライブⅤ"] == ("デート・ア・ライブ", 5)


def test_curated_seasons_join_a_sequel_kept_apart_and_renumber_a_franchise():
    """A sequel bangumi-data keeps apart with no marker joins its franchise as the season the
    curated file gives, with its English title; a curated `none` is no season."""
    items = [item("七つの大罪", "The Seven Deadly Sins", begin="2014-10-05T00:00:00.000Z"),
             item("七つの大罪 聖戦の予兆", begin="2016-08-28T00:00:00.000Z"),
             item("七つの大罪 戒めの復活", "The Seven Deadly Sins: Revival of The Commandments",
                  begin="2018-01-12T00:00:00.000Z"),
             item("七つの大罪 神々の逆鱗", begin="2019-10-09T00:00:00.000Z")]
    rows = [SeasonRow("七つの大罪 聖戦の予兆", "七つの大罪", None),
            SeasonRow("七つの大罪 戒めの復活", "七つの大罪", 2),
            SeasonRow("七つの大罪 神々の逆鱗", "七つの大罪", 3, "The Seven Deadly Sins: Imperial Wrath of the Gods")]
    untouched = {e.title: s.title_ja for s in build(items, curated=[], curated_seasons=[]) for e in s.entries}
    assert untouched["七つの大罪 神々の逆鱗"] == "七つの大罪 神々の逆鱗"
    catalog = build(items, curated=[], curated_seasons=rows)
    sins = next(s for s in catalog if s.title_ja == "七つの大罪")
    assert [(e.title, e.season) for e in sins.entries] == [
        ("七つの大罪", 1), ("七つの大罪 聖戦の予兆", None), ("七つの大罪 戒めの復活", 2), ("七つの大罪 神々の逆鱗", 3)]
    assert "The Seven Deadly Sins: Imperial Wrath of the Gods" in {a.alias for a in sins.aliases}
    assert len(catalog) == 1


def test_the_shipped_curated_seasons_file_names_entries_the_catalog_has():
    rows = load_curated_seasons()
    assert len(rows) > 200
    catalog = load()
    seasons = {(e.title, e.type): (s.title_ja, e.season) for s in catalog for e in s.entries}
    wrath = seasons[("七つの大罪 神々の逆鱗", "tv")]
    assert wrath == ("七つの大罪", 3)
    assert seasons[("アークナイツ【焔燼曙明/RISE FROM EMBER】", "tv")][1] == 3


def test_a_cour_the_english_title_calls_a_season_is_the_season_it_continues():
    catalog = build([item("デッドマウント・デスプレイ", "DEAD MOUNT DEATH PLAY", begin="2023-04-10T00:00:00.000Z"),
                     item("デッドマウント・デスプレイ(第2クール)", "DEAD MOUNT DEATH PLAY Season 2",
                          begin="2023-10-09T00:00:00.000Z")], curated=[], curated_seasons=[])
    assert [(e.season, e.part) for s in catalog for e in s.entries] == [(1, None), (1, 2)]


def test_a_curated_title_gives_its_derived_forms_but_a_films_does_not():
    catalog = build([item("ヒプノシスマイク -Division Rap Battle- Rhyme Anima", begin="2020-10-03T00:00:00.000Z"),
                     item("PSYCHO-PASS サイコパス 3", "PSYCHO-PASS 3", begin="2019-10-24T00:00:00.000Z"),
                     item("PSYCHO-PASS サイコパス 3 FIRST INSPECTOR", kind="movie", begin="2020-03-27T00:00:00.000Z")],
                    curated=[CuratedRow("ヒプノシスマイク -Division Rap Battle- Rhyme Anima",
                                        "Hypnosis Mic: Division Rap Battle: Rhyme Anima", "official English title"),
                             CuratedRow("PSYCHO-PASS サイコパス 3 FIRST INSPECTOR", "Psycho-Pass 3: First Inspector",
                                        "English title (film)")], curated_seasons=[])
    names = {s.title_ja: {a.alias for a in s.aliases} for s in catalog}
    assert "Hypnosis Mic" in names["ヒプノシスマイク -Division Rap Battle- Rhyme Anima"]
    assert "Psycho-Pass 3" not in names["PSYCHO-PASS サイコパス 3 FIRST INSPECTOR"]


def test_a_series_titled_new_and_its_franchises_title_is_the_franchises_next_season():
    catalog = build([
        item("パンティ&ストッキングwithガーターベルト", "Panty & Stocking with Garterbelt",
             begin="2010-10-02T00:00:00.000Z"),
        item("New PANTY & STOCKING with GARTERBELT", begin="2025-07-09T00:00:00.000Z"),
        item("GAME", begin="2010-01-01T00:00:00.000Z"),
        item("NEW GAME!", begin="2016-07-04T00:00:00.000Z"),
    ], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["New PANTY & STOCKING with GARTERBELT"] == ("パンティ&ストッキングwithガーターベルト", 2)
    assert seasons["NEW GAME!"] == ("NEW GAME!", 1)  # a short word after "New" is a title of its own


def test_a_final_ova_after_seasons_released_as_ovas_is_the_next_season():
    catalog = build([
        item("ストライク・ザ・ブラッド", begin="2013-10-04T00:00:00.000Z"),
        item("ストライク・ザ・ブラッド II", kind="ova", begin="2016-11-22T00:00:00.000Z"),
        item("ストライク・ザ・ブラッド III", kind="ova", begin="2018-12-18T00:00:00.000Z"),
        item("ストライク・ザ・ブラッドFINAL", "STRIKE THE BLOOD FINAL", kind="ova", begin="2022-03-29T00:00:00.000Z"),
        item("勇者王ガオガイガー", begin="1997-02-01T00:00:00.000Z"),
        item("勇者王ガオガイガーFINAL", kind="ova", begin="2000-01-21T00:00:00.000Z"),
    ], curated=[])
    seasons = {e.title: (s.title_ja, e.season) for s in catalog for e in s.entries}
    assert seasons["ストライク・ザ・ブラッドFINAL"] == ("ストライク・ザ・ブラッド", 4)
    assert seasons["勇者王ガオガイガーFINAL"] == ("勇者王ガオガイガー", None)  # no OVA seasons: an OVA, no season
