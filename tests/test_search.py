"""Search in Japanese, Chinese and English through every entry point: the library view, the home
page's search box and `fanwire export --search`, on real archives read through Datasette's own
test client and the CLI."""
from __future__ import annotations

import asyncio
import html
import json
import random
import re
import shutil
import sqlite3
import unicodedata
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from datasette.utils import escape_fts

from archive.metadata import metadata_for
from archive.store import Archive
from tests.helpers import fanwire

JAPANESE_SITE = "sakura-shinbun.test"
WORDS_PER_ARTICLE = 30
#: Text typed into a search box that is FTS5 syntax when not escaped.
SYNTAX = ['"', "AND", "OR", "NOT", "*", "(", ")", ":", "-", "^", "NEAR", "NEAR(", '"""', 'anime"', "a AND (",
          "title:", "+", "{x}"]
MARK = re.compile(r"<mark>(.*?)</mark>")


def browse(db: Path, paths: list[str]) -> list:
    """GET each path from one Datasette serving `db` with fanwire's metadata and plugin."""
    async def fetch():
        ds = Datasette([str(db)], metadata=metadata_for(db))
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]
    return asyncio.run(fetch())


def library_json(word: str, **filters: str) -> str:
    query = {"_search": word, "_shape": "objects", "_size": "max", "_col": "id", **filters}
    return "/archive/library.json?" + "&".join(f"{k}={_quote(v)}" for k, v in query.items())


def _quote(value: str) -> str:
    return quote(value, safe="")


def ids(response) -> set[int]:
    assert response.status_code == 200, response.text[:500]
    return {row["id"] for row in response.json()["rows"]}


def query(db: Path, sql: str, params=()) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def is_cjk(char: str) -> bool:
    """Kana and kanji, told by their Unicode names (not by the code under test)."""
    return unicodedata.category(char).startswith("L") and unicodedata.name(char, "").startswith(
        ("CJK UNIFIED", "HIRAGANA", "KATAKANA"))


def words_of(text: str, count: int, rng: random.Random) -> list[str]:
    """`count` words of 1–6 characters cut at random places from the text's runs of kana, kanji
    and digits, each with at least one kana or kanji."""
    folded = unicodedata.normalize("NFKC", text)
    runs = [m.group() for m in re.finditer(r"[0-9\w]+", folded)
            if any(is_cjk(c) for c in m.group())]
    runs = ["".join(c if is_cjk(c) or c.isdigit() else " " for c in r) for r in runs]
    runs = [part for r in runs for part in r.split() if any(is_cjk(c) for c in part)]
    words = []
    while len(words) < count:
        run = rng.choices(runs, weights=[len(r) for r in runs])[0]
        size = rng.randint(1, min(6, len(run)))
        start = rng.randrange(len(run) - size + 1)
        word = run[start:start + size]
        if any(is_cjk(c) for c in word):
            words.append(word)
    return words


def kinds(word: str) -> set[str]:
    names = [unicodedata.name(c, "") for c in word]
    return {"digits" if n.startswith("DIGIT") else "kanji" if n.startswith("CJK") else "kana" for n in names}


def test_every_japanese_word_finds_its_article(crawl):
    articles = query(crawl.db, "SELECT id, title, text FROM articles WHERE site = ? ORDER BY id", [JAPANESE_SITE])
    assert len(articles) >= 6
    rng = random.Random(17)
    picked = [(article_id, word) for article_id, title, text in articles
              for word in words_of(f"{title}\n{text}", WORDS_PER_ARTICLE, rng)]
    seen = [kinds(w) for _, w in picked]
    assert {"kana"} in seen and {"kanji"} in seen and {"kana", "kanji"} in seen and any("digits" in k for k in seen)
    assert {len(w) for _, w in picked} == {1, 2, 3, 4, 5, 6}
    responses = browse(crawl.db, [library_json(word) for _, word in picked])
    missed = [(article_id, word) for (article_id, word), r in zip(picked, responses) if article_id not in ids(r)]
    assert missed == [], f"recall {1 - len(missed) / len(picked):.3f}"


def test_japanese_snippets_mark_the_word_in_the_original_text(crawl):
    article_id, title, text = query(crawl.db, "SELECT id, title, text FROM articles WHERE site = ? ORDER BY id "
                                              "LIMIT 1", [JAPANESE_SITE])[0]
    words = [w for w in words_of(text, 12, random.Random(3)) if len(w) >= 2]
    pages = browse(crawl.db, [f"/archive/library?_search={_quote(w)}&id={article_id}" for w in words])
    for word, page in zip(words, pages):
        marked = [html.unescape(m) for m in MARK.findall(page.text)]
        assert marked and all(word in unicodedata.normalize("NFKC", m) for m in marked), (word, marked)
        assert all(m in text for m in marked)


def test_chinese_sentence(tmp_path):
    sentence = "《咒术回战》第二季将于2023年7月在日本播出，动画制作由MAPPA负责，全24集。"
    archive = Archive(tmp_path / "archive.db")
    archive.start_crawl(["http://zh.test/"], "2025-01-03T00:00:00+00:00")
    archive.write_batch([_record("http://zh.test/1", "咒术回战第二季定档", sentence),
                         _record("http://zh.test/2", "Frieren season 2", "Frieren returns in January.")])
    archive.close()
    (zh,), = query(tmp_path / "archive.db", "SELECT id FROM articles WHERE url = 'http://zh.test/1'")
    found = ["咒术", "术回", "回战", "第二季", "二季将", "2023年7月", "3年7", "年", "播出", "动画制作", "画制", "负责",
             "24集", "MAPPA", "定档", "咒术回战 播出"]
    absent = ["进击", "第三季", "2024年", "制动"]
    responses = browse(tmp_path / "archive.db", [library_json(w) for w in found + absent])
    assert [ids(r) for r in responses[:len(found)]] == [{zh}] * len(found)
    assert [ids(r) for r in responses[len(found):]] == [set()] * len(absent)


def _record(url: str, title: str, text: str) -> dict:
    return {"url": url, "canonical_url": url, "source_url": url, "site": "zh.test", "site_name": "ZH", "title": title,
            "author": None, "published": "2025-01-02T10:00:00+00:00", "modified": None, "lang": "zh", "text": text,
            "content_hash": str(hash(text)), "story_id": None, "fetched_at": "2025-01-03T00:00:00+00:00",
            "crawl_id": 1, "aliases": []}


def english_queries(db: Path, rng: random.Random) -> list[str]:
    """Words and two-word phrases of the English articles, and a few with signs and accents."""
    texts = [t for (t,) in query(db, "SELECT title || ' ' || text FROM articles WHERE lang LIKE 'en%'")]
    words = sorted({w for t in texts for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", t)})
    phrases = []
    for text in rng.sample(texts, 10):
        tokens = re.findall(r"[A-Za-z]+", text)
        at = rng.randrange(len(tokens) - 1)
        phrases.append(f'"{tokens[at]} {tokens[at + 1]}"')
    return rng.sample(words, 40) + phrases + ["Pokémon", "pokemon", "SPY×FAMILY", "season 2", "2024", "Re:Zero",
                                              "the", "don't"]


def test_english_search_is_unchanged(crawl, tmp_path):
    """Each English query finds the English articles the unicode61 index with Datasette's escaping
    found before; it may find more Japanese ones, where the word was written against kana (MAPPAが)."""
    old = tmp_path / "old.db"
    shutil.copy(crawl.db, old)
    with closing(sqlite3.connect(old)) as conn:
        conn.execute("CREATE VIRTUAL TABLE old_fts USING fts5(title, text, content='articles', content_rowid='id', "
                     "tokenize='unicode61')")
        conn.execute("INSERT INTO old_fts (old_fts) VALUES ('rebuild')")
        conn.commit()
    searches = english_queries(crawl.db, random.Random(5))
    before = [{i for (i,) in query(old, "SELECT rowid FROM old_fts WHERE old_fts MATCH ?", [escape_fts(s)])}
              for s in searches]
    after = [ids(r) for r in browse(crawl.db, [library_json(s) for s in searches])]
    assert sum(map(bool, before)) >= 40
    english = {i for (i,) in query(crawl.db, "SELECT id FROM articles WHERE lang LIKE 'en%'")}
    assert {s: a & english for s, a in zip(searches, after)} == {s: b & english for s, b in zip(searches, before)}
    assert all(b <= a for a, b in zip(after, before))
    japanese = {i for (i,) in query(crawl.db, "SELECT id FROM articles WHERE lang = 'ja'")}
    assert set().union(*(a - b for a, b in zip(after, before))) <= japanese


def test_any_typed_text_is_a_search(crawl):
    """FTS5 syntax typed into the library's search box or the home page's is searched as text."""
    home, = browse(crawl.db, ["/"])
    action = html.unescape(re.search(r'<form class="fanwire-search" action="([^"]+)"', home.text).group(1))
    paths = [p for s in SYNTAX for p in (library_json(s), f"/archive/library?_search={_quote(s)}",
                                         f"{action}?_search={_quote(s)}",
                                         f"/archive/articles.json?_search={_quote(s)}&_shape=objects&_size=max")]
    responses = browse(crawl.db, paths)
    texts = query(crawl.db, "SELECT id, title || ' ' || text FROM articles")
    for i, search in enumerate(SYNTAX):
        found, page, from_home, articles = responses[4 * i:4 * i + 4]
        assert (page.status_code, from_home.status_code) == (200, 200), search
        assert "Invalid SQL" not in page.text + from_home.text
        words = re.findall(r"\w+", search.lower())
        expected = {a for a, t in texts if all(re.search(rf"\b{w}\b", t.lower()) for w in words)} if words else set()
        assert ids(found) == expected == ids(articles), search
        assert from_home.text.count('class="fanwire-read"') == len(expected), search


def export_ids(db: Path, search: str) -> set[int]:
    result = fanwire("export", "--db", str(db), "--search", search, "--format", "jsonl")
    assert result.returncode == 0, (search, result.stderr)
    return {json.loads(line)["id"] for line in result.stdout.splitlines()}


@pytest.mark.parametrize("search", ["アニメ", "第2期", "放送", "Pokémon", "season", '"', "NEAR(", "a AND ("])
def test_export_search_finds_what_the_library_finds(crawl, search):
    library, = browse(crawl.db, [library_json(search)])
    assert export_ids(crawl.db, search) == ids(library)


def test_export_search_combines_with_filters(crawl):
    found = export_ids(crawl.db, "アニメ")
    assert found and found <= {i for (i,) in query(crawl.db, "SELECT id FROM articles WHERE site = ?", [JAPANESE_SITE])}
    result = fanwire("export", "--db", str(crawl.db), "--search", "アニメ", "--site", "akiba-dispatch.test",
                     "--format", "jsonl")
    assert result.returncode == 0 and result.stdout == ""


def downgrade(db: Path) -> None:
    """Make `db` what fanwire wrote before Japanese search: the unicode61 index sqlite-utils made."""
    import sqlite_utils
    conn = sqlite_utils.Database(db)
    for trigger in ("articles_search_insert", "articles_search_update", "articles_search_delete"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE articles_fts")
    conn.execute("DROP TABLE search_queue")
    conn["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_cjk_search'")
    conn.conn.commit()
    conn.close()


def test_an_older_archive_is_reindexed_on_open_and_keeps_every_article(crawl, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawl.db, db)
    downgrade(db)
    everything = "SELECT * FROM articles ORDER BY id"
    before = query(db, everything)
    old_export = fanwire("export", "--db", str(db), "--search", "アニメ")
    assert old_export.returncode == 1 and "rebuild" in old_export.stderr
    Archive(db).close()
    assert query(db, everything) == before
    assert query(db, "SELECT count(*) FROM articles_fts") == query(db, "SELECT count(*) FROM articles")
    japanese = {i for (i,) in query(db, "SELECT id FROM articles WHERE title || text LIKE '%アニメ%'")}
    assert japanese and export_ids(db, "アニメ") == japanese


def test_index_follows_writes_from_any_client(crawl, tmp_path):
    """Changes made without fanwire (the sqlite3 shell) are indexed on the archive's next open."""
    db = tmp_path / "archive.db"
    shutil.copy(crawl.db, db)
    first, second = [i for (i,) in query(db, "SELECT id FROM articles ORDER BY id LIMIT 2")]

    def edit(sql: str, params=()) -> None:
        with closing(sqlite3.connect(db)) as conn:
            conn.execute(sql, params)
            conn.commit()
        Archive(db).close()

    def search(*words: str) -> list[set[int]]:
        return [ids(r) for r in browse(db, [library_json(w) for w in words])]

    edit("UPDATE articles SET text = '旧い文章：ほげ太郎の新作' WHERE id = ?", [first])
    assert search("げ太", "ほげ太郎") == [{first}, {first}]
    edit("UPDATE articles SET text = '新しい文章：ふが花子', title = 'Brand new title' WHERE id = ?", [first])
    assert search("げ太", "ふが花", "brand") == [set(), {first}, {first}]
    edit("DELETE FROM articles WHERE id IN (?, ?)", [first, second])
    assert search("ふが花", "brand") == [set(), set()]
    assert query(db, "SELECT count(*) FROM articles_fts") == query(db, "SELECT count(*) FROM articles")
    assert query(db, "SELECT count(*) FROM search_queue") == [(0,)]
