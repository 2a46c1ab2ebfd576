"""The archive: fanwire's SQLite database, its schema, writes, export and Datasette metadata.

It takes plain dicts and never imports `scraper` or `pipelines`, so it works without Scrapy.
`Archive` is loaded on first use: the extraction processes import `archive.text` and friends
and need not load sqlite-utils.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.store import Archive, BatchResult

__all__ = ["Archive", "BatchResult"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from archive import store

        return getattr(store, name)
    raise AttributeError(f"module 'archive' has no attribute {name!r}")
