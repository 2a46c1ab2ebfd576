"""The archive: fanwire's SQLite database, its schema, writes, export and Datasette metadata.

It takes plain dicts and never imports `scraper` or `pipelines`, so it works without Scrapy.
"""
from archive.store import Archive, BatchResult

__all__ = ["Archive", "BatchResult"]
