"""Deduplication through a real crawl of the demo world (variants, copies, same-series stories)
and the story index on its own."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from contextlib import closing
from itertools import combinations

from archive import Archive
from pipelines.dedupe import Signature, StoryIndex
from pipelines.normalize import content_hash


def query(db, sql, *params):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def test_stories_match_the_truth_clusters_exactly(crawl, truth):
    story = dict(query(crawl.db, "SELECT url, story_id FROM articles"))
    clusters = defaultdict(set)
    for url in story:
        clusters[truth[url]["cluster"]].add(url)
    for a, b in combinations(story, 2):
        assert (story[a] == story[b]) == (truth[a]["cluster"] == truth[b]["cluster"]), (a, b)
    assert query(crawl.db, "SELECT count(*) FROM stories") == [(len(clusters),)]


def test_copies_join_the_original_and_keep_their_own_rows(crawl, truth):
    copies = [t for t in truth.values() if t.get("syndicated_from") and not t["variant"]]
    assert {t["exact_copy"] for t in copies} == {True, False}
    rows = {url: (site, story, published) for url, site, story, published in
            query(crawl.db, "SELECT url, site, story_id, published FROM articles")}
    for copy in copies:
        original = copy["syndicated_from"]
        assert rows[copy["url"]][1] == rows[original][1]
        assert rows[copy["url"]][0] != rows[original][0]
        (first_url, count, sites), = query(crawl.db, "SELECT first_url, article_count, sites FROM stories WHERE id = ?",
                                          rows[original][1])
        assert first_url == original and count == 3 and len(json.loads(sites)) == 2


def test_same_series_different_stories_stay_apart(crawl, truth):
    by_series = defaultdict(set)
    for t in truth.values():
        if t["kind"] == "article" and not t["variant"] and t.get("series"):
            by_series[(t["host"], t["series"])].add(t["cluster"])
    pairs = [clusters for clusters in by_series.values() if len(clusters) > 1]
    assert pairs
    story = dict(query(crawl.db, "SELECT url, story_id FROM articles"))
    for clusters in pairs:
        assert len({story[c] for c in clusters}) == len(clusters)


def test_every_variant_is_an_alias_or_never_fetched(crawl, truth):
    articles = {r[0] for r in query(crawl.db, "SELECT url FROM articles")}
    aliases = dict(query(crawl.db, "SELECT a.url, r.url FROM url_aliases a JOIN articles r ON r.id = a.article_id"))
    requested = {f"http://{host}{path}" for host, path, _ in crawl.requests}
    variants = [t for t in truth.values() if t["variant"]]
    assert {t["variant"] for t in variants} >= {"utm", "amp", "print", "replytocom", "shortlink", "short_slug",
                                               "no_trailing_slash"}
    for t in variants:
        assert t["url"] not in articles, t["url"]
        if t["url"] in requested:
            assert aliases.get(t["url"]) == t["canonical_url"], t["url"]
    fetched = [t for t in variants if t["url"] in requested]
    article_requests = [t for t in truth.values() if t["kind"] == "article" and not t["variant"]
                        and t["url"] in requested]
    assert len(fetched) <= 0.25 * len(article_requests)


EXACT = (
    "Science SARU confirmed that the Dandadan sequel is in production. Director Fuga Yamashiro returns, "
    "and the Evil Eye arc will be adapted across twelve episodes next year. The announcement came during "
    "a livestream on the official channel, where the cast read a short scene from the manga. Naoko Takahashi "
    "keeps her role as character designer, and Kensuke Ushio returns to compose the music. The studio also "
    "showed a teaser visual of Momo and Okarun standing in front of the Kito family house. Netflix and "
    "Crunchyroll will stream the new season worldwide, as they did the first one."
)
EDITED = EXACT.replace("Science SARU confirmed that the Dandadan sequel is in production.",
                       "It is official: the studio behind Dandadan is making a sequel.") + \
    " Fans at the event cheered when the first teaser played."
OTHER = (
    "Dandadan scale figures of Momo and Okarun open for preorder this week. The figures stand 24 centimetres "
    "tall and come with swappable faces and a Turbo Granny base. Shipping is planned for the spring, and a "
    "limited edition with an art card is sold only at the official online store. Prices start at 19,800 yen. "
    "The maker also teased a smaller line of acrylic stands for the autumn event season."
)


def test_story_index_exact_near_and_different():
    index = StoryIndex()
    assert index.assign("http://a.test/1", content_hash(EXACT), Signature.of(EXACT)).via == "new"
    assert index.assign("http://b.test/1", content_hash(EXACT), Signature.of(EXACT)).story_key == "http://a.test/1"
    edited = index.assign("http://c.test/9", content_hash(EDITED), Signature.of(EDITED))
    assert (edited.story_key, edited.via) == ("http://a.test/1", "near") and 0.65 <= edited.similarity < 1
    assert index.assign("http://a.test/2", content_hash(OTHER), Signature.of(OTHER)).story_key == "http://a.test/2"


def test_story_index_survives_through_the_archive(tmp_path):
    archive = Archive(tmp_path / "a.db")
    archive.start_crawl([], "2025-01-01T00:00:00+00:00")
    first = StoryIndex()
    signature = Signature.of(EXACT)
    first.assign("http://a.test/1", content_hash(EXACT), signature)
    archive.write_batch([{
        "url": "http://a.test/1", "source_url": "http://a.test/1", "site": "a.test", "text": EXACT,
        "published": "2025-01-01T00:00:00+00:00", "fetched_at": "2025-01-02", "crawl_id": 1,
        "content_hash": content_hash(EXACT), "story_key": "http://a.test/1", "signature": signature.to_record(),
    }])
    later = StoryIndex()
    for record in archive.signatures():
        later.add(record["url"], record["story_key"], record["content_hash"], Signature.from_record(record))
    match = later.assign("http://c.test/9", content_hash(EDITED), Signature.of(EDITED))
    assert match.story_key == "http://a.test/1" and match.via == "near"


def test_export_stories_lists_copies_origin_first(crawl, truth):
    from tests.helpers import fanwire
    result = fanwire("export", "--db", str(crawl.db), "--stories", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(stories) == query(crawl.db, "SELECT count(*) FROM stories")[0][0]
    copied = [s for s in stories if s["article_count"] > 1]
    assert copied and all(len(s["copies"]) == s["article_count"] for s in stories)
    for story in copied:
        assert story["copies"][0]["url"] == story["first_url"]
        assert not truth[story["first_url"]].get("syndicated_from")


def test_datasette_story_copies_query(crawl):
    import asyncio

    from datasette.app import Datasette

    from archive.metadata import metadata_for

    (story_id,), = query(crawl.db, "SELECT id FROM stories WHERE article_count = 3")

    async def fetch():
        ds = Datasette([str(crawl.db)], metadata=metadata_for(crawl.db))
        await ds.invoke_startup()
        return await ds.client.get(f"/archive/story_copies.json?story_id={story_id}&_shape=objects")
    rows = asyncio.run(fetch()).json()["rows"]
    assert len(rows) == 3 and rows[0]["origin"] == 1 and sum(r["origin"] for r in rows) == 1
