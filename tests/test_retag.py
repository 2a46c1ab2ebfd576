"""Issue 15: `fanwire retag` tags archived articles again with the archive's catalog as it is now;
a crawl's tags and a retag's agree."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import fanwire
from tests.hijack_site import add_site, article, crawl, query
from tests.proxy_site import ProxySite, serve

NEWS, BLOG = "http://news.test/", "http://blog.test/"


def fan_web() -> ProxySite:
    """Two sites: news about series the catalog knows, one article by a name it does not know
    (yet), and one about no series."""
    web = ProxySite()
    add_site(web, NEWS, {
        "frieren/": article("Frieren: Beyond Journey's End Season 2 reveals its January premiere",
                            ["Frieren returns in January 2026 on Nippon TV.", "Madhouse animates the second season."],
                            "2025-06-01T10:00:00+00:00"),
        "drugstore/": article("Drugstore Whispers anime returns in January",
                              ["Drugstore Whispers follows Maomao, a pharmacist in the rear palace.",
                               "The second cour airs on Nippon TV."], "2025-06-02T10:00:00+00:00"),
        "expo/": article("Anime Expo 2025 sets an attendance record",
                         ["More than 400,000 fans visited the convention in Los Angeles."],
                         "2025-07-08T10:00:00+00:00"),
    })
    add_site(web, BLOG, {
        "jjk/": article("『呪術廻戦』第2期、渋谷事変のPV公開",
                        ["TVアニメ『呪術廻戦』第2期の新PVが公開された。", "放送は7月から。"],
                        "2023-05-01T10:00:00+09:00"),
    })
    return web


def tags(db: Path) -> set[tuple]:
    return set(query(db, "SELECT a.url, s.title_ja, t.season, t.evidence FROM article_series t "
                         "JOIN articles a ON a.id = t.article_id JOIN series s ON s.id = t.series_id"))


def test_retag_after_an_alias_add_agrees_with_a_crawl(tmp_path):
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert fanwire("catalog", "alias", "add", "薬屋のひとりごと", "Drugstore Whispers", "--db", str(after)).returncode == 0
    web = fan_web()
    with serve(web) as proxy:
        crawl(proxy, before, NEWS, BLOG)
        crawl(proxy, after, NEWS, BLOG)
    crawled = tags(before)
    assert {(url, title) for url, title, _, _ in crawled} == {(NEWS + "frieren/", "葬送のフリーレン"),
                                                              (BLOG + "jjk/", "呪術廻戦")}

    unchanged = fanwire("retag", "--db", str(before))
    assert unchanged.returncode == 0, unchanged.stderr
    assert "retagged 4 articles" in unchanged.stderr and "0 with tags that changed" in unchanged.stderr
    assert tags(before) == crawled  # a crawl's tags and a retag's agree

    assert fanwire("catalog", "alias", "add", "Kusuriya no Hitorigoto", "Drugstore Whispers",
                   "--db", str(before)).returncode == 0
    only_blog = fanwire("retag", "--db", str(before), "--site", "blog.test")
    assert "retagged 1 articles" in only_blog.stderr and tags(before) == crawled
    retagged = fanwire("retag", "--db", str(before))
    assert retagged.returncode == 0 and "1 with tags that changed" in retagged.stderr
    assert (NEWS + "drugstore/", "薬屋のひとりごと") in {(url, title) for url, title, _, _ in tags(before)}
    assert tags(before) == tags(after)  # the same tags as a crawl made with the alias known


def test_retag_refuses_an_unknown_site(tmp_path):
    db = tmp_path / "archive.db"
    with serve(fan_web()) as proxy:
        crawl(proxy, db, BLOG)
    result = fanwire("retag", "--db", str(db), "--site", "nope.test")
    assert result.returncode == 1 and "no articles from site 'nope.test'" in result.stderr
