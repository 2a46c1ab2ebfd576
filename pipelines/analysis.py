"""The per-article work that needs only what extraction made (the text, title and date): the
dedupe signature and the series tags. It runs where the text is made, in the extraction
process, so the crawl's thread keeps only what needs the crawl's state (the story index, the
archive): tagging and shingling were a quarter of that thread's work per article.

Each extraction process builds its series matcher once, from the archive's catalog, which the
crawl hands over as pickled records when the process starts (`load_catalog`).
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import Any

from pipelines.dedupe import Signature
from pipelines.tagging import SeriesMatcher, tag_rows
from pipelines.catalog import from_records


@dataclass
class Analysis:
    signature: dict[str, bytes]  # `Signature.to_record()` of the text
    series_tags: list[dict[str, Any]] | None  # `tag_rows`; None when this process has no catalog


class _Catalog:
    """This process's series matcher, built once from the records `load_catalog` was given."""

    records: bytes | None = None
    matcher: SeriesMatcher | None = None

    @classmethod
    def get(cls) -> SeriesMatcher | None:
        if cls.matcher is None and cls.records:
            cls.matcher = SeriesMatcher(from_records(pickle.loads(cls.records)))
            cls.records = None
        return cls.matcher


def load_catalog(records: bytes | None) -> None:
    """Give this process the archive's catalog (`pickle` of its series records; None: no tagging
    here). The matcher is built when the first article needs it."""
    _Catalog.records, _Catalog.matcher = records, None


def pickled_catalog(series: list[dict[str, Any]]) -> bytes | None:
    """The archive's series records as `load_catalog` takes them (None for an empty catalog)."""
    return pickle.dumps(series, protocol=pickle.HIGHEST_PROTOCOL) if series else None


def analyse(title: str | None, text: str, published: str | None) -> Analysis:
    matcher = _Catalog.get()
    tags = tag_rows(matcher.tag(title or "", text, published)) if matcher is not None else None
    return Analysis(Signature.of(text).to_record(), tags)
