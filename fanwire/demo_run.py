"""`fanwire demo`: the built-in demo world, crawled end to end into an archive."""
from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

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
        articles, sites, met, recorded = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sites), (SELECT count(*) FROM crawl_errors "
            "WHERE crawl_id = (SELECT max(id) FROM crawls)), (SELECT count(DISTINCT url) FROM crawl_errors)"
        ).fetchone()
    fanwire = fanwire_command()
    target = shlex.quote(db)
    click.echo(
        f"""
Crawled {stats.get('response_received_count', 0)} responses: {articles} articles from {sites} sites are in {db}
({broken_pages(met, recorded)})

Browse and search it:   {fanwire} serve --db {target}        then open http://127.0.0.1:8001/
Export it:              {fanwire} export --db {target} --format csv -o articles.csv
Crawl real sites:       {fanwire} crawl https://example.com/ --db {target}"""
    )


def broken_pages(met: int, recorded: int) -> str:
    """What became of the demo's planted broken pages: a recrawl does not ask for them again
    (FANWIRE_RECHECK_FAILED_DAYS), so it meets none while the archive still records them all."""
    if met == recorded:
        return f"{recorded} broken pages planted in the demo world were skipped and recorded in the crawl_errors table."
    return (f"{recorded} broken pages planted in the demo world are recorded in the crawl_errors table; this crawl "
            f"met {met} of them: a failed page is asked for again after FANWIRE_RECHECK_FAILED_DAYS days.")


def fanwire_command() -> str:
    """How to run this fanwire from wherever the user is: `fanwire` when that is what the shell
    finds, else the absolute path of this interpreter's `fanwire` script (its venv is not
    active), else `python -m fanwire` with this interpreter."""
    script = Path(sys.executable).parent / "fanwire"
    found = shutil.which("fanwire")
    if found and script.exists() and Path(found).resolve() == script.resolve():
        return "fanwire"
    if script.exists():
        return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(str(Path(sys.executable).absolute()))} -m fanwire"
