"""Issue 17: Japanese and Chinese search at archive scale: latency, index size and build rate.

    python bench/search.py [--rows 100000] [--repeat 15]

1. Builds a synthetic archive of `--rows` articles (the real schema), half Japanese and half English,
   each a headline and five paragraphs drawn from the demo world's corpus generator
   (`fanwire.demo.content`) over many seeds, with a random number in each paragraph.
2. Times the index build: `archive.fts.rebuild` (search forms, bigrams of CJK runs) and, on the
   same rows, the unicode61 index fanwire had before (an external-content FTS5 'rebuild');
   articles/s for each. Times `archive.fts.sync` of 10,000 newly inserted articles too (the
   crawl's path: triggers queue, the write transaction indexes).
3. Index sizes from SQLite's `dbstat` (pages of each index's shadow tables).
4. Search latency, p50/p95 over `--repeat` runs of each query: the FTS match alone (every
   matching rowid) for both indexes, and the library view's JSON page through Datasette's own
   test client (what the search box costs, with its row count).
Prints a table and writes bench/out/search.json.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import timezone
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from archive import fts  # noqa: E402
from archive.schema import migrate  # noqa: E402
from archive.segment import fts_query  # noqa: E402
from fanwire.demo import content  # noqa: E402

OUT = ROOT / "bench" / "out"
SEEDS = 40
PARAGRAPHS = 5
JAPANESE = ["アニメ", "第2期", "放送", "の", "公開", "声優", "制作決定", "スタッフ", "キービジュアル", "2期",
            "劇場版", "発表", "ファン", "イベント", "原作コミックス"]
ENGLISH = ["anime", "season", "trailer", "Pokémon", "SPY×FAMILY", "the", "announced", '"key visual"', "studio",
           "premiere date", "Frieren", "MAPPA"]
OLD_INDEX = "old_fts"


def corpus() -> dict[str, tuple[list[str], list[str]]]:
    """Headlines and paragraphs of the demo generator, per language, over `SEEDS` seeds."""
    out = {}
    for lang in ("ja", "en"):
        articles = [a for seed in range(SEEDS)
                    for a in content.generate_articles(seed, f"s{seed}.test", lang, content.max_articles(), ["A"],
                                                       timezone.utc)]
        out[lang] = ([a.headline for a in articles], [p for a in articles for p in a.paragraphs])
    return out


def build(path: Path, rows: int, seed: int = 17) -> int:
    """An archive with `rows` synthetic articles (not yet indexed); returns the bytes of text."""
    rng = random.Random(seed)
    texts = corpus()
    db = Database(path)
    migrate(db)
    total, batch = 0, []
    for i in range(1, rows + 1):
        lang = "ja" if i % 2 else "en"
        headlines, paragraphs = texts[lang]
        body = "\n".join(f"{p} {rng.randint(1, 99999)}" for p in rng.sample(paragraphs, PARAGRAPHS))
        total += len(body.encode())
        batch.append((i, f"http://s.test/{i}", "s.test", rng.choice(headlines), lang, body,
                      f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-01T12:00:00+09:00"))
        if len(batch) == 10_000 or i == rows:
            db.conn.executemany("INSERT INTO articles (id, url, site, title, lang, text, published) "
                                "VALUES (?,?,?,?,?,?,?)", batch)
            db.conn.commit()
            batch = []
    db.execute(f"DELETE FROM {fts.QUEUE_TABLE}")  # indexed below, timed
    db.conn.commit()
    db.close()
    return total


def timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def index_bytes(db: Database, prefix: str) -> int:
    return db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE ? || '%'", [prefix]).fetchone()[0]


def build_indexes(path: Path, rows: int) -> dict:
    db = Database(path)
    new = timed(lambda: (fts.rebuild(db), db.conn.commit()))
    old = timed(lambda: (db.execute(f"CREATE VIRTUAL TABLE {OLD_INDEX} USING fts5(title, text, content='articles', "
                                    "content_rowid='id', tokenize='unicode61')"),
                         db.execute(f"INSERT INTO {OLD_INDEX} ({OLD_INDEX}) VALUES ('rebuild')"), db.conn.commit()))
    # The crawl's path: 10,000 new articles queued by the triggers, indexed by sync.
    db.execute("CREATE TEMP TABLE extra AS SELECT * FROM articles ORDER BY id LIMIT 10000")
    db.execute("UPDATE temp.extra SET id = id + (SELECT max(id) FROM articles), url = url || '/copy'")
    db.execute("INSERT INTO articles SELECT * FROM temp.extra")
    synced = timed(lambda: (fts.sync(db), db.conn.commit()))
    db.execute("DELETE FROM articles WHERE id > ?", [rows])
    fts.sync(db)
    db.conn.commit()
    sizes = {"search_forms": index_bytes(db, fts.FTS_TABLE), "unicode61": index_bytes(db, OLD_INDEX),
             "articles_table": index_bytes(db, "articles")}
    db.close()
    return {"rebuild_seconds": round(new, 2), "rebuild_articles_per_s": round(rows / new),
            "unicode61_seconds": round(old, 2), "unicode61_articles_per_s": round(rows / old),
            "sync_10000_seconds": round(synced, 2), "sync_articles_per_s": round(10_000 / synced),
            "bytes": sizes, "size_ratio": round(sizes["search_forms"] / sizes["unicode61"], 2)}


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000, 2)}


def fts_latency(path: Path, repeat: int) -> dict:
    """The FTS match alone: every matching rowid, for each query on both indexes."""
    from datasette.utils import escape_fts
    db = Database(path)
    out = {}
    for search in JAPANESE + ENGLISH:
        row = {}
        for name, table, query in (("new", fts.FTS_TABLE, fts_query(search)), ("old", OLD_INDEX, escape_fts(search))):
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
            samples, hits = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                hits = len(db.execute(sql, [query]).fetchall())
                samples.append(time.perf_counter() - start)
            row[name] = {"hits": hits, **percentiles(samples)}
        out[search] = row
    db.close()
    return out


def library_latency(path: Path, repeat: int) -> dict:
    """The library view's first JSON page of each search, with its count, through Datasette."""
    from datasette.app import Datasette

    from archive.metadata import metadata_for

    async def run() -> dict:
        ds = Datasette([str(path)], metadata=metadata_for(path), settings={"sql_time_limit_ms": 60_000})
        await ds.invoke_startup()
        out = {}
        for search in JAPANESE + ENGLISH:
            url = f"/{path.stem}/library.json?_search={quote(search)}&_size=50"
            samples, count = [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                response = await ds.client.get(url)
                samples.append(time.perf_counter() - start)
                assert response.status_code == 200, response.text[:300]
                count = response.json()["filtered_table_rows_count"]
            out[search] = {"rows": count, **percentiles(samples)}
        return out

    return asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.db"
        text_bytes = build(path, args.rows)
        index = build_indexes(path, args.rows)
        matches = fts_latency(path, args.repeat)
        library = library_latency(path, max(3, args.repeat // 3))
    result = {"rows": args.rows, "text_bytes": text_bytes, "index": index, "fts_match": matches,
              "library_json": library}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "search.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"{args.rows} articles, {text_bytes / 2**20:.0f} MiB of text")
    b = index["bytes"]
    print(f"index build: search forms {index['rebuild_articles_per_s']} articles/s, unicode61 "
          f"{index['unicode61_articles_per_s']} articles/s; crawl path (sync) {index['sync_articles_per_s']} articles/s")
    print(f"index size: search forms {b['search_forms'] / 2**20:.1f} MiB, unicode61 {b['unicode61'] / 2**20:.1f} MiB "
          f"(x{index['size_ratio']}); articles table {b['articles_table'] / 2**20:.1f} MiB")
    print(f"{'query':<16}{'hits':>7}{'p50 ms':>9}{'p95 ms':>9} | {'old hits':>8}{'p50':>8}{'p95':>8} | "
          f"{'library rows':>12}{'p50':>9}{'p95':>9}")
    for search, row in matches.items():
        new, old, page = row["new"], row["old"], library[search]
        print(f"{search:<16}{new['hits']:>7}{new['p50_ms']:>9}{new['p95_ms']:>9} | {old['hits']:>8}{old['p50_ms']:>8}"
              f"{old['p95_ms']:>8} | {page['rows']:>12}{page['p50_ms']:>9}{page['p95_ms']:>9}")


if __name__ == "__main__":
    main()
