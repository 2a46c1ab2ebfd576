"""`fanwire demo`: the built-in demo world, crawled end to end into an archive."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing

import click

from fanwire.crawl import project_settings, run_crawl
from fanwire.demo import DemoWorld, start_server


def run_demo(db: str, articles_per_site: int, log_level: str) -> None:
    world = DemoWorld(articles_per_site=articles_per_site)
    with start_server(world) as server:
        click.echo(f"fanwire demo: {len(world.sites)} demo sites served through {server.proxy_url}", err=True)
        os.environ["http_proxy"] = server.proxy_url
        os.environ.pop("no_proxy", None)
        stats = run_crawl(world.start_urls(), project_settings({"FANWIRE_DB": db, "LOG_LEVEL": log_level}))
    with closing(sqlite3.connect(db)) as conn:
        articles, sites, errors = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sites), (SELECT count(*) FROM crawl_errors "
            "WHERE crawl_id = (SELECT max(id) FROM crawls))"
        ).fetchone()
    click.echo(
        f"""
Crawled {stats.get('response_received_count', 0)} responses: {articles} articles from {sites} sites are in {db}
({errors} broken pages planted in the demo world were skipped and recorded in the crawl_errors table.)

Browse and search it:   fanwire serve --db {db}        then open http://127.0.0.1:8001/
Export it:              fanwire export --db {db} --format csv -o articles.csv
Crawl real sites:       scrapy crawl fansite -a start_urls=https://example.com/ -s FANWIRE_DB={db}"""
    )
