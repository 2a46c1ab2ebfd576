"""Issue 15 acceptance on the demo world: every article about a series is tagged with it, scored
on the suite's real crawl of the demo (the `crawl` fixture) as `bench/tagging_demo.py` scores it."""
from __future__ import annotations

import sys
from pathlib import Path

from fanwire.demo import corpus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from tagging_demo import headline_season, score  # noqa: E402


def test_every_demo_article_is_tagged_with_its_series_and_season(world, crawl):
    result = score(world, crawl.db)
    assert result.articles > 20 and not result.not_archived
    assert all(result.mapping.values()), result.mapping  # every demo series is found in the catalog
    assert result.missed == []
    assert result.wrong_season == []


def test_the_season_truth_is_read_from_the_headline_template():
    dandadan = next(s for s in corpus.SERIES if s.slug == "dandadan")
    assert headline_season("Dandadan Season 2 reveals new key visual", dandadan) == 2
    assert headline_season("Dandadan Season 3 Reveals New Key Visual: what we know so far", dandadan) == 3
    assert headline_season("「ダンダダン」第4期PV公開、オープニング主題歌も解禁", dandadan) == 4
    assert headline_season("Dandadan anime announces premiere date", dandadan) is None
