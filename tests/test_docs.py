"""README.md and docs/ against the code they describe: error kinds, schema, commands and their
options, settings, links, the two commands of the README and `.ci/run`, the demo world's hosts
and its documented `scrapy crawl` through the proxy, the benchmark scripts."""
from __future__ import annotations

import re
import shlex
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import click
from click.testing import CliRunner

from tests.error_kinds import error_kinds
from tests.helpers import ROOT, environment
from tests.redis_server import free_port

README = ROOT / "README.md"
DOCS = ROOT / "docs"
#: At most this many lines: the README says what fanwire is and how to start; docs/ has the rest.
README_MAX_LINES = 150
SHELL_OPERATORS = {"&&", "||", "|", ";", ">", ">>", "2>&1", "<"}


def documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def table_rows(text: str, heading: str) -> dict[str, str]:
    """The rows of the first Markdown table under `## heading`, by their first cell's first code span."""
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        name = re.match(r"\| `([^`]+)`", line)
        if name:
            rows[name[1]] = line
    return rows


def code_texts(text: str) -> list[str]:
    """The lines of fenced code blocks and the inline code spans of a Markdown text."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.S | re.M)
    return [line for block in fenced for line in block.splitlines()] + re.findall(r"`([^`\n]+)`", prose)


def fanwire_invocations() -> list[tuple[str, list[str]]]:
    """(document, tokens after `fanwire`) for every `fanwire ...` command in the code of README and docs."""
    found = []
    for path in documents():
        for code in code_texts(path.read_text(encoding="utf-8")):
            # a command starts a line, follows a shell operator or `ExecStart=`, or is run by its path
            for match in re.finditer(r"(?:^|&&|\|\||;|=|/)\s*fanwire[ \t]+(.*)", code):
                try:
                    tokens = shlex.split(match[1], comments=True)
                except ValueError:
                    tokens = match[1].split()
                cut = next((i for i, t in enumerate(tokens) if t in SHELL_OPERATORS), len(tokens))
                if tokens[:cut]:  # `cd /path/to/fanwire && ...` names a directory
                    found.append((path.name, tokens[:cut]))
    return found


# --- crawl_errors kinds ---------------------------------------------------------------------

def test_every_error_kind_the_code_writes_is_documented_with_its_cause():
    written = error_kinds()
    documented = table_rows((DOCS / "schema.md").read_text(encoding="utf-8"), "Error kinds")
    assert len(written) > 1
    missing = {kind: where for kind, where in written.items() if kind not in documented}
    assert not missing, f"crawl_errors kinds missing from docs/schema.md: {missing}"
    stale = set(documented) - set(written)
    assert not stale, f"docs/schema.md lists kinds no code writes: {sorted(stale)}"
    for kind, row in documented.items():
        cause = row.split("|")[2].strip()
        assert len(cause.split()) >= 4, f"{kind}: say what causes it"


def test_the_other_docs_name_no_error_kind_the_code_cannot_write():
    """Where a doc says "a `kind` row" of crawl_errors, that kind exists."""
    written = set(error_kinds())
    tables = set(re.findall(r"^\| `(\w+)`", (DOCS / "schema.md").read_text(encoding="utf-8"), re.M)) - written
    for path in documents():
        text = path.read_text(encoding="utf-8")
        for kind in set(re.findall(r"`([a-z_0-9]+)` rows?\b", text)) - tables:  # "its own `articles` row"
            assert kind in written, f"{path.name} names a crawl_errors kind `{kind}` the code never writes"


# --- the schema -----------------------------------------------------------------------------

def test_every_table_and_column_of_a_new_archive_is_documented(tmp_path):
    from archive.store import Archive

    Archive(tmp_path / "a.db").close()
    with closing(sqlite3.connect(tmp_path / "a.db")) as conn:
        objects = conn.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()
        virtual = [name for name, sql in objects if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")]
        tables = {name: [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
                  for name, _ in objects if not any(name.startswith(f"{v}_") for v in virtual)}
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    rows = {name: line for line in text.splitlines()
            for name in re.findall(r"`(\w+)`", line.split("|")[1] if line.startswith("| `") else "")}
    assert len(tables) > 10 and virtual
    for table, columns in tables.items():
        assert table in rows, f"table {table} is not in docs/schema.md"
        described = set(re.findall(r"\w+", rows[table].split("|", 2)[2]))
        missing = [c for c in columns if c not in described]
        assert not missing, f"docs/schema.md: columns of {table} not described: {missing}"


# --- commands and settings --------------------------------------------------------------------

def test_every_fanwire_command_the_docs_name_exists_with_its_options():
    from fanwire.cli import cli

    invocations = fanwire_invocations()
    assert len(invocations) > 20
    named = set()
    for doc, tokens in invocations:
        command, path = cli, []
        while isinstance(command, click.Group) and tokens[len(path):] and tokens[len(path)] in command.commands:
            command = command.commands[tokens[len(path)]]
            path.append(tokens[len(path)])
        assert path, f"{doc}: `fanwire {' '.join(tokens)}` names no fanwire command"
        named.add(tuple(path))
        options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)} | {"--help"}
        for token in tokens[len(path):]:
            if token.startswith("-") and token != "-":
                assert token.split("=")[0] in options, f"{doc}: `fanwire {' '.join(path)}` has no option {token}"
    runner = CliRunner()
    for path in sorted(named):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)


def test_every_fanwire_setting_is_in_the_settings_table_and_every_named_one_exists():
    import scraper.settings

    defined = {name for name in vars(scraper.settings) if name.startswith("FANWIRE_")}
    text = (DOCS / "crawling.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `(FANWIRE_[A-Z_]+)` \|", text, re.M))
    assert defined and defined <= table, f"settings missing from docs/crawling.md: {sorted(defined - table)}"
    source = "\n".join(p.read_text(encoding="utf-8") for package in ("scraper", "pipelines", "archive", "fanwire")
                       for p in (ROOT / package).rglob("*.py"))
    for path in documents():
        for name in set(re.findall(r"\bFANWIRE_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8"))):
            assert name in source, f"{path.name} names {name}, which no code reads"


# --- links and length -----------------------------------------------------------------------

def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
            for heading in re.findall(r"^#+ (.+)$", text, re.M)}


def test_every_relative_link_points_to_a_file_and_heading_that_exist():
    checked = 0
    for path in documents():
        text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (path.parent / file).resolve() if file else path
            assert linked.exists(), f"{path.name} links to {target}, which does not exist"
            if anchor:
                assert anchor in anchors(linked), f"{path.name} links to {target}: no such heading"
            checked += 1
    assert checked > 10


def test_the_readme_is_short_and_links_every_doc():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= README_MAX_LINES
    for doc in DOCS.glob("*.md"):
        assert f"](docs/{doc.name}" in text, f"README does not link docs/{doc.name}"


# --- the README's two commands ----------------------------------------------------------------

def readme_commands() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_readme_test_command_is_what_ci_runs_and_both_commands_upgrade_pip_first():
    demo_command, test_command = readme_commands()
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert ci == [test_command]
    for command in (demo_command, test_command):
        steps = [step.strip() for step in command.split("&&")]
        assert steps[steps.index("python3 -m venv .venv") + 1] == ".venv/bin/python -m pip install --upgrade pip"
        install = next(i for i, s in enumerate(steps) if s.startswith(".venv/bin/pip install -e "))
        assert install == steps.index(".venv/bin/python -m pip install --upgrade pip") + 1
    assert test_command.split("&&")[-1].split() == [".venv/bin/python", "-m", "pytest"]
    last = demo_command.split("&&")[-1].split()
    assert last[0] == ".venv/bin/fanwire"
    from fanwire.cli import cli
    assert CliRunner().invoke(cli, [*last[1:], "--help"]).exit_code == 0


def test_the_readme_names_what_the_test_command_installs():
    """Everything .ci/setup-services may apt-get install is named in the README, with root and apt."""
    setup = (ROOT / ".ci" / "setup-services").read_text()
    packages = re.findall(r"missing\+=\(([\w-]+)\)", setup)
    text = README.read_text(encoding="utf-8")
    assert packages
    for package in packages:
        assert f"`{package}`" in text, package
    assert "root" in text and "apt-get" in text and ".ci/setup-pywb" in text and ".venv-pywb" in text


# --- benchmarks -------------------------------------------------------------------------------

def test_every_benchmark_script_is_documented():
    text = (DOCS / "benchmarks.md").read_text(encoding="utf-8")
    scripts = [p.name for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_")]
    assert scripts
    for script in scripts:
        assert re.search(rf"^- `{re.escape(script)}`", text, re.M), f"{script} has no entry in docs/benchmarks.md"


# --- the demo world ---------------------------------------------------------------------------

def test_the_demo_doc_names_every_host_of_the_demo_world():
    from fanwire.demo import DemoWorld

    hosts = table_rows((DOCS / "demo.md").read_text(encoding="utf-8"), "Its hosts")
    assert set(hosts) == {site.host for site in DemoWorld().sites}


def test_the_documented_scrapy_crawl_through_the_proxy_archives_the_demo_world(tmp_path):
    """docs/demo.md's server command and `scrapy crawl` command, run as written (on a free port)."""
    from fanwire.demo import DemoWorld

    code = code_texts((DOCS / "demo.md").read_text(encoding="utf-8"))
    serve = next(line for line in code if line.startswith("python -m fanwire.demo.server"))
    crawl = next(line for line in code if "scrapy crawl" in line)
    port = re.search(r"--port (\d+)", serve)[1]
    assert f"http_proxy=http://127.0.0.1:{port} " in crawl
    free = str(free_port())
    serve_args = shlex.split(serve.replace(port, free), comments=True)
    crawl_args = shlex.split(crawl.replace(port, free), comments=True)
    env = environment()
    while "=" in crawl_args[0]:
        name, value = crawl_args.pop(0).split("=", 1)
        env[name] = value
    setting = crawl_args.index("-s") + 1
    name, db = crawl_args[setting].split("=", 1)
    assert name == "FANWIRE_DB"
    crawl_args[setting] = f"FANWIRE_DB={tmp_path / db}"  # the repository stays clean
    server = subprocess.Popen([sys.executable, *serve_args[1:]], cwd=tmp_path, env=environment(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{free}/", timeout=2)
            except urllib.error.HTTPError:
                break  # the server answers (502 for a host it does not serve)
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the demo server did not start"
                time.sleep(0.2)
        assert crawl_args[:2] == ["scrapy", "crawl"]
        result = subprocess.run([sys.executable, "-m", "scrapy", *crawl_args[1:], "-s", "LOG_LEVEL=WARNING"],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-2000:]
    truth = DemoWorld().truth()
    expected = {t["host"]: 0 for t in truth}
    for t in truth:
        expected[t["host"]] += t["kind"] == "article" and not t["variant"] and t["status"] == 200
    with closing(sqlite3.connect(tmp_path / db)) as conn:
        archived = dict(conn.execute("SELECT site, count(*) FROM articles GROUP BY site"))
        errors = conn.execute("SELECT count(*) FROM crawl_errors").fetchone()[0]
    assert archived == expected and errors > 0
