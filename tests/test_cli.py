"""The `fanwire` command as a user runs it: subprocesses against real files and servers."""
from __future__ import annotations

import csv
import gzip
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import click
import pytest

from fanwire.cli import cli
from tests.helpers import ROOT, fanwire

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def count(db):
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_row_counts_match_the_archive(crawl, tmp_path, fmt):
    out = tmp_path / f"articles.{fmt}"
    result = fanwire("export", "--db", str(crawl.db), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8", newline="") as f:
        if fmt == "csv":
            rows = list(csv.DictReader(f))
        elif fmt == "json":
            rows = json.load(f)
        else:
            rows = [json.loads(line) for line in f]
    assert len(rows) == count(crawl.db) > 0
    assert all(r["text"] for r in rows)


def test_export_to_stdout_and_of_another_table(crawl):
    result = fanwire("export", "--db", str(crawl.db), "--table", "crawl_errors", "--format", "jsonl")
    assert result.returncode == 0
    kinds = {json.loads(line)["kind"] for line in result.stdout.splitlines()}
    assert "binary" in kinds


def test_export_errors_are_clear(crawl, tmp_path):
    result = fanwire("export", "--db", str(crawl.db), "--table", "nope")
    assert result.returncode == 1 and "no table 'nope'" in result.stderr
    result = fanwire("export", "--db", str(tmp_path / "missing.db"))
    assert result.returncode == 1 and "no archive at" in result.stderr


def test_extract_saved_pages(server, truth, tmp_path):
    articles = [t for t in truth.values() if t["kind"] == "article" and not t["variant"] and t["status"] == 200]
    picks = [next(t for t in articles if t["host"] == host) for host in ("akiba-dispatch.test", "sakura-shinbun.test")]
    files = []
    for i, t in enumerate(picks):
        body = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url})).open(t["url"]).read()
        path = tmp_path / (f"page{i}.html.gz" if i else f"page{i}.html")
        path.write_bytes(gzip.compress(body) if i else body)
        files.append(str(path))
    result = fanwire("extract", *files, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == files
    for record, t in zip(records, picks):
        assert set(record) == {"file", "url", "title", "author", "published", "lang", "text"}
        assert (record["url"], record["title"], record["author"], record["lang"]) == (
            t["url"], t["title"], t["author"], t["lang"])
        assert t["body"].split("\n\n")[0] in record["text"]


def test_extract_reports_pages_without_text(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"<html><body></body></html>")
    result = fanwire("extract", str(empty), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["text"] is None
    assert "no article text" in result.stderr


def test_serve_answers_with_the_archive(crawl):
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "fanwire", "serve", "--db", str(crawl.db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                with NO_PROXY.open(f"http://127.0.0.1:{port}/archive/articles.json?_shape=objects&_size=max") as r:
                    data = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("fanwire serve did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert len(data["rows"]) == count(crawl.db)


def test_demo_builds_an_archive_and_says_how_to_browse_it(tmp_path, world):
    result = fanwire("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "fanwire serve --db archive.db" in result.stdout
    expected = len([t for t in world.__class__().truth()
                    if t["kind"] == "article" and not t["variant"] and t["status"] == 200])
    assert count(tmp_path / "archive.db") == expected


def test_crawl_rejects_bad_input_clearly(tmp_path):
    result = fanwire("crawl", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2 and "no start URL" in result.stderr
    result = fanwire("crawl", "ftp://example.test/", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2 and "not an http(s) URL: ftp://example.test/" in result.stderr
    result = fanwire("crawl", "http://a.test/", "-s", "NOEQUALS", "--db", str(tmp_path / "a.db"))
    assert result.returncode == 2 and "NAME=VALUE" in result.stderr


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert isinstance(command, click.Command)
        assert "Example:" in (command.help or ""), name
        assert f"fanwire {name}" in readme, name


def test_metadata_command_serves_plain_datasette(crawl, tmp_path):
    result = fanwire("metadata", "--db", str(crawl.db))
    assert result.returncode == 0
    meta = json.loads(result.stdout)
    assert meta["databases"]["archive"]["tables"]["pages"]["hidden"] is True
    assert meta["databases"]["archive"]["tables"]["articles"]["facets"] == ["site", "author", "lang"]


def test_reextract_updates_in_place_without_fetching(crawl, tmp_path):
    import shutil
    db = tmp_path / "copy.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{crawl.db}{suffix}").exists():
            shutil.copy(f"{crawl.db}{suffix}", f"{db}{suffix}")
    with closing(sqlite3.connect(db)) as conn:
        before = dict(conn.execute("SELECT id, text FROM articles"))
        conn.execute("UPDATE articles SET text = 'stale', title = 'stale' WHERE site = 'cel-shade.test'")
        conn.commit()
    result = fanwire("reextract", "--db", str(db), "--site", "cel-shade.test")
    assert result.returncode == 0, result.stderr
    assert "re-extracted" in result.stderr
    with closing(sqlite3.connect(db)) as conn:
        after = dict(conn.execute("SELECT id, text FROM articles"))
        stale = conn.execute("SELECT count(*) FROM articles WHERE title = 'stale'").fetchone()[0]
    assert stale == 0 and after == before
    result = fanwire("reextract", "--db", str(db), "--site", "nowhere.test")
    assert result.returncode == 1 and "no articles from site 'nowhere.test'" in result.stderr
