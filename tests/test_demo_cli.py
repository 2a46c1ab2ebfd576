"""`fanwire demo` as a user meets it: run twice from a directory that is not the repository, with
fanwire's venv not active; its printed next steps run exactly as printed from there; the export
examples of the README and docs/ give rows on the demo archive; filters that match nothing say why."""
from __future__ import annotations

import csv
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT, environment
from tests.redis_server import free_port

#: A printed next step: its label, the command, and for serve the page to open.
STEP = re.compile(r"^(Browse and search it|Export it|Crawl real sites):\s+(.+?)(?:\s{2,}then open (\S+))?$", re.M)
BROKEN = re.compile(r"\((\d+) broken pages planted in the demo world")


@dataclass
class Demo:
    cwd: Path
    env: dict[str, str]
    outputs: list[str]  # stdout of the first and the second run
    broken: tuple[int, int]  # failed URLs recorded in all, and by the second run, right after it

    @property
    def db(self) -> Path:
        return self.cwd / "archive.db"

    def steps(self, run: int = 1) -> dict[str, str]:
        return {label: command for label, command, _ in STEP.findall(self.outputs[run])}


def inactive_venv() -> dict[str, str]:
    """This environment as a shell without fanwire's venv activated: its bin off PATH."""
    env = environment()
    bin_dir = Path(sys.executable).parent.resolve()
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and Path(p).resolve() != bin_dir)
    env.pop("VIRTUAL_ENV", None)
    return env


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def export(demo: Demo, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fanwire", "export", "--db", str(demo.db), *args], cwd=demo.cwd,
                          env=demo.env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Demo:
    cwd, env = tmp_path_factory.mktemp("user-home"), inactive_venv()
    outputs = []
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "fanwire", "demo"], cwd=cwd, env=env, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        outputs.append(result.stdout)
    broken = query(cwd / "archive.db", "SELECT count(DISTINCT url), count(*) FILTER (WHERE crawl_id = 2) "
                                       "FROM crawl_errors")[0]
    return Demo(cwd, env, outputs, broken)


def test_printed_serve_works_from_where_the_user_is(demo):
    command = demo.steps()["Browse and search it"]
    port = free_port()
    proc = subprocess.Popen([*shlex.split(command), "--port", str(port)], cwd=demo.cwd, env=demo.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with opener.open(f"http://127.0.0.1:{port}/archive/articles.json?_shape=array&_size=max",
                                 timeout=5) as response:
                    rows = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "the printed serve command did not answer"
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert len(rows) == query(demo.db, "SELECT count(*) FROM articles")[0][0] > 0


def test_printed_export_works_from_where_the_user_is(demo):
    result = subprocess.run(shlex.split(demo.steps()["Export it"]), cwd=demo.cwd, env=demo.env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with open(demo.cwd / "articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == query(demo.db, "SELECT count(*) FROM articles")[0][0]


def test_printed_crawl_works_from_where_the_user_is(demo, world, server):
    command = demo.steps()["Crawl real sites"]
    assert "https://example.com/" in command
    args = [world.start_urls()[0] if a == "https://example.com/" else a for a in shlex.split(command)]
    env = {**demo.env, "http_proxy": server.proxy_url}
    result = subprocess.run(args, cwd=demo.cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_second_run_reports_the_broken_pages_still_recorded(demo):
    recorded, met_again = demo.broken
    counts = [int(BROKEN.search(out)[1]) for out in demo.outputs]
    assert counts == [recorded, recorded] and recorded > 0
    assert f"this crawl met {met_again} of them" in demo.outputs[1]


def readme_export_examples() -> list[list[str]]:
    """Every filtered `fanwire export` example of the README, of docs/ and of `export --help`, without `-o`."""
    from fanwire.cli import export as export_command

    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    text = "\n".join(path.read_text(encoding="utf-8") for path in docs) + "\n" + export_command.help
    lines = [line for line in re.findall(r"(?:^|Example: )(fanwire export .*--(?:series|site|since).*)$", text, re.M)
             if "--format warc" not in line]  # the WARC example names a placeholder site
    examples = []
    for line in lines:
        args = shlex.split(line)[2:]
        if "-o" in args:
            del args[args.index("-o"):args.index("-o") + 2]
        del args[args.index("--db"):args.index("--db") + 2]
        examples.append(args)
    return examples


def test_the_readme_export_examples_give_rows_on_the_demo(demo):
    examples = readme_export_examples()
    assert len(examples) >= 3 and any("--season" in e for e in examples)
    for args in examples:
        result = export(demo, *args)
        assert result.returncode == 0, result.stderr
        assert re.search(r"exported [1-9]\d* rows? of", result.stderr), (args, result.stderr)


def test_a_season_no_article_has_is_explained_with_the_archived_seasons(demo):
    series, season_numbers = query(demo.db, """
        SELECT s.title, group_concat(DISTINCT t.season) FROM article_series t JOIN series s ON s.id = t.series_id
        WHERE t.season IS NOT NULL GROUP BY s.id ORDER BY count(*) DESC LIMIT 1""")[0]
    archived = sorted(int(n) for n in season_numbers.split(","))
    missing = max(archived) + 1
    result = export(demo, "--series", series, "--season", str(missing))
    assert result.returncode == 0 and "exported 0 rows" in result.stderr
    assert f"no article of {series} has season {missing}; seasons archived: " \
           f"{', '.join(map(str, archived))}" in result.stderr


def test_a_misspelt_or_unknown_series_gets_close_names(demo):
    (title,), = query(demo.db, "SELECT s.title FROM series s JOIN article_series t ON t.series_id = s.id "
                               "WHERE s.title LIKE 'Bocchi%' LIMIT 1")
    result = export(demo, "--series", "Bochi the Rock")
    assert result.returncode == 0 and "exported 0 rows" in result.stderr
    assert "no series is called 'Bochi the Rock'" in result.stderr and f"did you mean '{title}'" in result.stderr
    result = export(demo, "--series", "Zzyzx Qwvbn Plorf")
    assert "no series is called 'Zzyzx Qwvbn Plorf'" in result.stderr
    result = export(demo, "--series", "Bocchi the Rock", "--format", "jsonl")
    assert len(result.stdout.splitlines()) == len(query(demo.db, "SELECT DISTINCT t.article_id FROM article_series t "
                                                                 "WHERE t.series_id IN (SELECT id FROM series WHERE "
                                                                 "title = ?)", title)) > 0


def test_an_unknown_site_gets_close_names(demo):
    (site,), = query(demo.db, "SELECT site FROM articles LIMIT 1")
    result = export(demo, "--site", site[:-1])
    assert f"no article is from site {site[:-1]!r}; did you mean {site!r}" in result.stderr


def test_one_row_is_one_row(demo):
    site, day = query(demo.db, "SELECT site, substr(published, 1, 10) FROM articles GROUP BY 1, 2 "
                               "HAVING count(*) = 1 LIMIT 1")[0]
    result = export(demo, "--site", site, "--since", day, "--until", day)
    assert "exported 1 row of matching articles" in result.stderr


def test_exported_articles_carry_their_series_and_seasons(demo):
    tags: dict[int, dict[str, set]] = {}
    for article, title, season in query(demo.db, "SELECT t.article_id, s.title, t.season FROM article_series t "
                                                 "JOIN series s ON s.id = t.series_id"):
        seasons = tags.setdefault(article, {}).setdefault(title, set())
        if season is not None:
            seasons.add(season)
    assert tags
    for args in ([], ["--site", query(demo.db, "SELECT site FROM articles LIMIT 1")[0][0]]):
        rows = [json.loads(line) for line in export(demo, *args, "--format", "jsonl").stdout.splitlines()]
        assert rows
        for row in rows:
            expected = tags.get(row["id"], {})
            assert row["series"] == sorted(expected)
            assert {k: set(v) for k, v in row["seasons"].items()} == expected


def test_crawl_without_urls_answers_in_its_own_syntax(tmp_path):
    result = subprocess.run([sys.executable, "-m", "fanwire", "crawl", "--db", str(tmp_path / "a.db")], cwd=tmp_path,
                            env=environment(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "fanwire crawl https://" in result.stderr and "--sites FILE" in result.stderr
    assert "-a start_urls" not in result.stderr
