"""Bad input to every command ends in one `Error:` line that names the offending path or value,
and a non-zero exit, never a traceback: each case runs `python -m fanwire ...` in a subprocess
against real files (an archive, SQLite impostors, a WARC file, missing and blocked paths)."""
from __future__ import annotations

import gzip
import io
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive import Archive
from tests.helpers import ROOT

#: Long enough for a crawl to give up on a closed port; a server started by mistake fails the
#: case by running into it instead of being left running.
TIMEOUT = 120


@dataclass
class Files:
    """The inputs every case is built from."""

    dir: Path
    archive: Path
    warc: Path
    catalog: Path
    html: Path

    def path(self, name: str) -> Path:
        return self.dir / name


def closed_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Files:
    base = tmp_path_factory.mktemp("bad-input")
    archive = base / "archive.db"
    Archive(archive).close()
    warc = base / "good.warc.gz"
    with open(warc, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://a.test/", "response", payload=io.BytesIO(b"<p>hi</p>"),
                                                      http_headers=http))
    (base / "catalog.json").write_text('{"items": []}', encoding="utf-8")
    (base / "page.html").write_text("<!DOCTYPE html><html><body><p>a saved page</p></body></html>", encoding="utf-8")
    (base / "random.db").write_bytes(os.urandom(8192))
    (base / "page.db").write_text("<!DOCTYPE html><html><body><p>not SQLite</p></body></html>", encoding="utf-8")
    (base / "empty.db").write_bytes(b"")
    (base / "a-file").write_text("a file where a directory is expected", encoding="utf-8")
    (base / "bomb.html.gz").write_bytes(gzip.compress(b"<p>filler</p>" * 1_000_000))  # 13 MB unpacked
    (base / "cut.html.gz").write_bytes(gzip.compress(b"<p>a saved page</p>" * 1000)[:60])
    return Files(base, archive, warc, base / "catalog.json", base / "page.html")


#: Paths an archive cannot be created at: in a missing directory, under a regular file.
UNWRITABLE = ["missing-dir/archive.db", "a-file/archive.db"]
#: Files that are not archives (SQLite takes an empty file for an empty database).
NOT_SQLITE = ["random.db", "page.db", "empty.db"]
#: Commands that write an archive at --db {db}, with what else they need.
WRITERS = {
    "crawl": ["crawl", "http://a.test/"],
    "worker": ["worker", "--redis", "redis://127.0.0.1:{closed}/0", "http://a.test/"],
    "import-warc": ["import-warc", "{warc}"],
    "catalog import": ["catalog", "import", "{catalog}"],
    "merge": ["merge", "{archive}"],
    "demo": ["demo"],
}
#: Commands that read the archive at {db}.
READERS = {
    "serve": ["serve", "--db", "{db}", "--port", "{closed}"],
    "export": ["export", "--db", "{db}"],
    "export warc": ["export", "--db", "{db}", "--format", "warc"],
    "reextract": ["reextract", "--db", "{db}"],
    "metadata": ["metadata", "--db", "{db}"],
    "merge": ["merge", "--db", "{out}", "{db}"],
    "catalog stats": ["catalog", "stats", "--db", "{db}"],
}

CASES = [
    *[pytest.param(WRITERS[c] + ["--db", "{db}"], "{db}", "cannot create or write the archive", path,
                   id=f"{c}-unwritable-{path.split('/')[0]}") for c in WRITERS for path in UNWRITABLE],
    *[pytest.param(READERS[c], "{db}", "is not a fanwire archive", name, id=f"{c}-{name}")
      for c in READERS for name in NOT_SQLITE],
    pytest.param(["export", "--db", "{archive}", "-o", "{dir}/no/such/dir/x.csv"], "{dir}/no/such/dir/x.csv",
                 "cannot write", None, id="export-to-missing-dir"),
    pytest.param(["export", "--db", "{archive}", "--format", "warc", "-o", "{dir}/no/such/dir/x.warc.gz"],
                 "{dir}/no/such/dir/x.warc.gz", "cannot write", None, id="export-warc-to-missing-dir"),
    pytest.param(["import-warc", "--db", "{dir}/imported.db", "{html}"], "{html}", "not a WARC file", None,
                 id="import-warc-of-html"),
    pytest.param(["reextract", "--db", "{dir}/none.db"], "{dir}/none.db", "does not exist", None,
                 id="reextract-missing-db"),
    pytest.param(["worker", "--redis", "redis://127.0.0.1:{closed}/0", "--db", "{dir}/w.db", "http://a.test/"],
                 "redis://127.0.0.1:{closed}/0", "cannot reach Redis", None, id="worker-redis-unreachable"),
    pytest.param(["extract", "{dir}/bomb.html.gz"], "{dir}/bomb.html.gz", "unpacks to more than", None,
                 id="extract-gzip-bomb"),
    pytest.param(["extract", "{dir}/cut.html.gz"], "{dir}/cut.html.gz", "is not a whole gzip file", None,
                 id="extract-cut-gzip"),
    pytest.param(["catalog", "import", "{html}", "--db", "{dir}/c.db"], "{html}", "is not bangumi-data JSON", None,
                 id="catalog-import-of-html"),
]


def fanwire(args: list[str], proxy: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    if proxy:
        env["http_proxy"] = proxy
    return subprocess.run([sys.executable, "-m", "fanwire", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)


def one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, result.stderr[-2000:]
    return lines[0]


@pytest.mark.parametrize("args, offending, message, db", CASES)
def test_bad_input_is_one_clear_error_line(files, args, offending, message, db):
    values = {"dir": files.dir, "archive": files.archive, "warc": files.warc, "catalog": files.catalog,
              "html": files.html, "closed": closed_port(), "out": files.path("merged.db"),
              "db": files.path(db) if db else ""}
    before = {p: p.read_bytes() for p in files.dir.iterdir() if p.is_file()}
    result = fanwire([a.format(**values) for a in args])
    line = one_error_line(result)
    assert message in line and offending.format(**values) in line, line
    assert {p: p.read_bytes() for p in before} == before  # no input was changed, no impostor migrated


def test_serve_checks_the_archive_before_starting_a_server(files):
    result = fanwire(["serve", "--db", str(files.path("empty.db")), "--port", str(closed_port())])
    assert "serving" not in result.stderr and "Uvicorn" not in result.stderr
    assert one_error_line(result) == f"Error: {files.path('empty.db')} is not a fanwire archive (it is empty)"


@pytest.mark.parametrize("through_proxy", [False, True], ids=["start-url-on-closed-port", "proxy-on-closed-port"])
def test_a_crawl_that_fetches_nothing_fails_with_the_reason(files, through_proxy):
    port = closed_port()
    db = files.path(f"nothing-{through_proxy}.db")
    url = "http://a.test/" if through_proxy else f"http://127.0.0.1:{port}/"
    result = fanwire(["crawl", url, "--db", str(db)], proxy=f"http://127.0.0.1:{port}" if through_proxy else None)
    line = one_error_line(result)
    assert line.startswith("Error: the crawl fetched nothing") and "DownloadConnectionRefusedError" in line, line
    assert (f"through http_proxy http://127.0.0.1:{port}" in line) == through_proxy
    assert "robots.txt" in result.stderr  # the robots.txt failure is still logged, in one line
