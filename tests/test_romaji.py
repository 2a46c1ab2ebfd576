"""Issue 15: romaji aliases generated from the catalog's Japanese titles, as fans type them."""
from __future__ import annotations

import json

import pytest

from pipelines.catalog import build, load
from pipelines.romaji import romaji
from pipelines.tagging import SeriesMatcher
from tests.helpers import fanwire
from tests.hijack_site import query


@pytest.mark.parametrize("title, english, expected", [
    ("進撃の巨人", ["Attack on Titan"], "Shingeki no Kyojin"),
    ("薬屋のひとりごと", ["The Apothecary Diaries"], "Kusuriya no Hitorigoto"),  # の split off its hiragana
    ("僕のヒーローアカデミア", ["MY HERO ACADEMIA"], "Boku no Hero Academia"),  # the loanword as the English title spells it
    ("葬送のフリーレン", ["Frieren: Beyond Journey's End"], "Sousou no Frieren"),
    ("呪術廻戦", ["Jujutsu Kaisen"], "Jujutsu Kaisen"),  # 廻 戦, read one kanji at a time, is one word
    ("夏目友人帳", [], "Natsume Yuujinchou"),
    ("アオのハコ", ["Blue Box"], "Ao no Hako"),  # short katakana words are kept as read
    ("その着せ替え人形は恋をする", ["My Dress-Up Darling"], "Sono Kise Kae Ningyou wa Koi o Suru"),  # は wa, を o
    ("からかい上手の高木さん", ["Teasing Master Takagi-san"], "Karakai Jouzu no Takagi-san"),  # an honorific apart
    ("山田くんとLv999の恋をする", [], "Yamada-kun to Lv999 no Koi o Suru"),  # くんと: the honorific, then と
    ("忍者ハットリくん", [], "Ninja Hattori-kun"),  # a katakana name before an honorific, as read
])
def test_romaji_of_real_catalog_titles(title, english, expected):
    assert romaji(title, english) == expected


@pytest.mark.parametrize("title, english", [
    ("パンでPeace!", ["Pan de Peace!"]),  # "Pan de Peace": every word is English
    ("チェンソーマン", ["CHAINSAW MAN"]),  # only a loanword: the English title itself
    ("ゴールデンカムイ", []),  # a loanword no English name spells: "goorudenkamui" is no name
    ("銀魂", ["Gintama"]),  # one word
    ("ゴーストくん", []),  # a loanword (its long vowel mark) before an honorific is no name read as it is
])
def test_no_romaji_fans_would_not_type(title, english):
    assert romaji(title, english) is None


def test_the_shipped_catalog_carries_romaji_aliases():
    catalog = load()
    by_title = {s.title_ja: s for s in catalog}
    yozakura = by_title["夜桜さんちの大作戦"]
    assert ("Yozakurasanchi no Daisakusen", "ja-Latn") in {(a.alias, a.lang) for a in yozakura.aliases
                                                          if a.source == "romaji"}
    film = by_title["夏目友人帳 石起こしと怪しき来訪者"]  # the TV series' name, not the film's
    assert "Natsume Yuujinchou" not in {a.alias for a in film.aliases}
    assert not [a for a in by_title["パンでPeace!"].aliases if a.source == "romaji"]
    assert sum(a.source == "romaji" for s in catalog for a in s.aliases) >= 2000


def item(title, english, begin="2023-10-21T00:00:00.000Z"):
    return {"title": title, "titleTranslate": {"en": english}, "type": "tv", "begin": begin, "sites": []}


ITEMS = [item("薬屋のひとりごと", ["The Apothecary Diaries"]),
         item("僕のヒーローアカデミア", ["My Hero Academia"], "2016-04-03T00:00:00.000Z")]


def test_romaji_names_tag_articles():
    matcher = SeriesMatcher(build(ITEMS, curated=[]))
    tags = matcher.tag("Kusuriya no Hitorigoto returns in January",
                       "The second cour of Kusuriya no Hitorigoto airs on Nippon TV.")
    assert [t.series.title_ja for t in tags] == ["薬屋のひとりごと"]
    tags = matcher.tag("Boku no Hero Academia final season dated", "Bones animates the last arc.")
    assert [t.series.title_ja for t in tags] == ["僕のヒーローアカデミア"]


def test_catalog_import_makes_romaji_aliases(tmp_path):
    source, db = tmp_path / "data.json", tmp_path / "archive.db"
    source.write_text(json.dumps({"items": [*ITEMS, item("夜桜さんちの大作戦", [], "2024-04-07T00:00:00.000Z")]},
                                 ensure_ascii=False), encoding="utf-8")
    assert fanwire("catalog", "import", str(source), "--db", str(db)).returncode == 0
    rows = query(db, "SELECT s.title_ja, a.alias, a.lang, a.source FROM series_aliases a JOIN series s "
                     "ON s.id = a.series_id WHERE a.alias IN ('Yozakurasanchi no Daisakusen', 'Kusuriya no Hitorigoto')")
    assert sorted(rows) == [("夜桜さんちの大作戦", "Yozakurasanchi no Daisakusen", "ja-Latn", "romaji"),
                            ("薬屋のひとりごと", "Kusuriya no Hitorigoto", "ja-Latn", "curated")]  # curated first
