"""The `fanwire` command: crawl, extract, export, serve and the built-in demo."""
from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import IO

import click

from archive import Archive
from archive.errors import ArchiveError
from archive.connect import require_archive
from archive.export import FORMATS, ArticleFilter, export_articles, export_stories, export_table
from archive.metadata import metadata_for
from fanwire.crawl import NothingFetched, parse_setting_options, project_settings, run_crawl

DEFAULT_DB = "archive.db"
#: What `fanwire crawl` (and `worker`) says when given nothing to start from, in its own syntax.
NO_START_URL = "no start URL: give the URLs to start from (fanwire crawl https://site.example/) or --sites FILE"
#: Failures a user can act on: shown as one `Error:` line, never as a traceback.
USER_ERRORS = (ArchiveError, NothingFetched)


class FanwireGroup(click.Group):
    """Turns the library's named errors into click errors, for every command in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=FanwireGroup)
@click.version_option(package_name="fanwire")
def cli() -> None:
    """Archive anime fan news: crawl sites with Scrapy, extract articles with trafilatura,
    store them in SQLite and publish them with Datasette.

    Example: fanwire crawl https://example-anime-news.com/ --db archive.db
    """


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Archive database file (FANWIRE_DB).")
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False),
              help="File with one start URL per line.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or FANWIRE_* setting, as with `scrapy crawl -s`.")
@click.option("--log-level", default="INFO", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
@click.option("--warc", "warc_dir", type=click.Path(file_okay=False),
              help="Also write every HTTP exchange to WARC files in this directory (FANWIRE_WARC).")
def crawl(urls: tuple[str, ...], db: str, sites_file: str | None, settings: tuple[str, ...], log_level: str,
          warc_dir: str | None) -> None:
    """Crawl fan-news sites into the archive; the same crawl as `scrapy crawl fansite`.

    Honours the http_proxy environment variable.

    Example: fanwire crawl http://a.test/ http://b.test/ --db archive.db --warc warc/
    """
    from scraper.spiders.fansite import NoStartUrl, parse_start_urls

    try:
        parse_start_urls(",".join(urls), None, sites_file)
    except NoStartUrl as exc:
        raise click.UsageError(NO_START_URL) from exc
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        overrides = parse_setting_options(settings)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s") from exc
    overrides.update({"FANWIRE_DB": db, "LOG_LEVEL": log_level.upper()})
    if warc_dir:
        overrides["FANWIRE_WARC"] = warc_dir
    Archive(db).close()  # an unusable --db fails here, in one line, not inside the engine
    stats = run_crawl(list(urls), project_settings(overrides), sites_file)
    click.echo(summary(stats, db), err=True)
    if stats.get("finish_reason") != "finished":
        raise click.ClickException(f"crawl ended early: {stats.get('finish_reason')}")
    if stats.get("fanwire/store/failed"):
        raise click.ClickException(f"{stats['fanwire/store/failed']} items could not be stored in {db} "
                                   "(crawl_errors rows of kind store_error say why)")


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--redis", "redis_url", required=True, metavar="URL",
              help="Redis server the workers share, e.g. redis://host:6379/0 (REDIS_URL).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Archive database file (FANWIRE_DB).")
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False),
              help="File with one start URL per line.")
@click.option("--key", default="fanwire", show_default=True, help="Redis key prefix of this crawl (FANWIRE_REDIS_KEY).")
@click.option("--reset", is_flag=True, help="Forget this crawl's queue and seen requests in Redis first.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or FANWIRE_* setting, as with `scrapy crawl -s`.")
@click.option("--log-level", default="INFO", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
@click.pass_context
def worker(ctx: click.Context, urls: tuple[str, ...], redis_url: str, db: str, sites_file: str | None, key: str,
           reset: bool, settings: tuple[str, ...], log_level: str) -> None:
    """One worker of a distributed crawl: `fanwire crawl` with its queue and seen requests in Redis.

    Start any number, anywhere, with the same command; the start URLs are requested once.

    Example: fanwire worker --redis redis://127.0.0.1:6379/0 --sites sites.txt --db archive.db
    """
    import redis

    from scraper.distributed import SCHEDULER, reset_crawl

    Archive(db).close()  # an unusable --db, then an unreachable Redis, fail here in one line, not in the engine
    try:
        client = redis.Redis.from_url(redis_url)
        client.ping()
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--redis") from exc
    except redis.RedisError as exc:
        raise click.ClickException(f"cannot reach Redis at {redis_url}: {exc}") from exc
    if reset:
        click.echo(f"fanwire: deleted {reset_crawl(client, key)} Redis keys of {key}", err=True)
    distributed = (f"SCHEDULER={SCHEDULER}", f"REDIS_URL={redis_url}", f"FANWIRE_REDIS_KEY={key}")
    ctx.invoke(crawl, urls=urls, db=db, sites_file=sites_file, settings=(*settings, *distributed),
               log_level=log_level, warc_dir=None)


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="Archive to merge into (created if missing).")
def merge(shards: tuple[str, ...], db: str) -> None:
    """Merge archives (e.g. one per worker) into one; merging the same shard again changes nothing.

    Example: fanwire merge --db archive.db worker-1.db worker-2.db
    """
    from archive.merge import merge as merge_archives

    result = merge_archives(db, list(shards))
    click.echo(f"fanwire: merged {result.shards} archives into {db}: {result.articles} articles, "
               f"{result.stories} stories", err=True)


def summary(stats: dict, db: str) -> str:
    """One line a person reads after a crawl."""
    failed = stats.get("fanwire/store/failed", 0)
    lost = f"; {failed} items could not be stored (crawl_errors kind store_error)" if failed else ""
    return (
        f"fanwire: {stats.get('fanwire/store/articles_new', 0)} new and "
        f"{stats.get('fanwire/store/articles_updated', 0)} updated articles in {db} "
        f"from {stats.get('response_received_count', 0)} responses; "
        f"{stats.get('fanwire/store/errors', 0)} skips/errors recorded in crawl_errors{lost} "
        f"({stats.get('finish_reason', 'unknown')})"
    )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--url", help="URL the pages were fetched from (helps metadata and relative links).")
def extract(files: tuple[str, ...], fmt: str, url: str | None) -> None:
    """Extract article text and metadata from saved .html or .html.gz files.

    Prints one JSON object per file: file, url, title, author, published, lang, text.

    Example: fanwire extract page.html saved/*.html.gz --format jsonl > articles.jsonl
    """
    from pipelines.extractor import NoArticleText, extract_article

    limit = project_settings().getint("DOWNLOAD_MAXSIZE")
    records = []
    for name in files:
        path = Path(name)
        body = path.read_bytes()
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(limit + 1)
            except (OSError, EOFError) as exc:  # EOFError: cut short, which click would take for Ctrl-D
                raise click.ClickException(f"{name} is not a whole gzip file: {exc}") from exc
            if len(body) > limit:
                raise click.ClickException(f"{name} unpacks to more than {limit} bytes (DOWNLOAD_MAXSIZE)")
        try:
            found = extract_article(body, url or path.resolve().as_uri())
        except NoArticleText:
            click.echo(f"fanwire: no article text in {name}", err=True)
            record = {"file": name, "url": url, "title": None, "author": None, "published": None, "lang": None,
                      "text": None}
        else:
            record = {"file": name, "url": found.canonical_url or url, "title": found.title, "author": found.author,
                      "published": found.published, "lang": found.lang, "text": found.text}
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "warc"]), default="csv", show_default=True)
@click.option("--table", default="articles", show_default=True, help="Table to export.")
@click.option("--stories", is_flag=True, help="Export stories, each with the list of its copies (origin first).")
@click.option("--series", help="Only articles about this series (title, Japanese title, alias or id); "
              "a name that matches nothing gets close names to try.")
@click.option("--season", type=int, help="With --series: only articles about this season.")
@click.option("--site", metavar="HOST", help="Only articles from this site (with --format warc: their captures).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or after this day.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or before this day.")
@click.option("--search", metavar="TEXT", help="Only articles matching this search, as the library's search box "
                                                "finds them (Japanese and Chinese words too).")
@click.option("--replay", is_flag=True,
              help="With --format warc: every capture of the articles, 304 revisits resolved to the page they "
                   "confirmed: the file to hand to pywb or ReplayWeb.page.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Output file (default: stdout).")
def export(db: str, fmt: str, table: str, stories: bool, series: str | None, season: int | None, site: str | None,
           since: datetime | None, until: datetime | None, search: str | None, replay: bool, output: str | None) -> None:
    """Export a table of the archive, the articles matching filters, or its stories with their
    copies, as CSV, JSON or JSON lines, streaming in constant memory. Filtered articles come
    oldest first.

    `--format warc` writes the WARC captures of the archived articles instead (of one site with
    `--site`), as they were recorded by `fanwire crawl --warc` or `fanwire import-warc`; with
    `--replay`, every capture of them, each recrawl's 304 shown as the page it confirmed, so the
    latest capture replays in pywb or ReplayWeb.page.

    Example: fanwire export --db archive.db --series "Bocchi the Rock!" --season 2 --since 2024-04-01 --format json -o bocchi-s2.json
    """
    if fmt == "warc":
        if stories or series or since or until or search or table != "articles":
            raise click.UsageError("--format warc exports the captures of articles; choose them with --site")
        export_warc(db, site, output, replay)
        return
    if replay:
        raise click.UsageError("--replay goes with --format warc")
    if season is not None and not series:
        raise click.UsageError("--season needs --series")
    where = ArticleFilter(series, season, site, since and since.date().isoformat(), until and until.date().isoformat(),
                          search)
    filtered = where != ArticleFilter()
    if filtered and (stories or table != "articles"):
        raise click.UsageError("--series, --site, --since, --until and --search filter articles, not --stories or --table")
    require_archive(db)
    out = open_output(output, "w") if output else sys.stdout
    try:
        if stories:
            count, what = export_stories(db, fmt, out), "stories"
        elif filtered:
            count, what = export_articles(db, where, fmt, out), "matching articles"
        else:
            count, what = export_table(db, table, fmt, out), table
    finally:
        if output:
            out.close()
    click.echo(f"fanwire: exported {plural(count, 'row')} of {what}", err=True)
    if filtered and not count:
        from archive.explain import why_empty

        click.echo(f"fanwire: {why_empty(db, where)}", err=True)


def plural(n: int, word: str) -> str:
    """`1 row`, `2 rows`."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def export_warc(db: str, site: str | None, output: str | None, replay: bool) -> None:
    """The `export --format warc` branch: binary output, to a file or stdout."""
    from archive.warc.export import export_captures
    from archive.warc.replay import export_replay

    require_archive(db)
    out = open_output(output, "wb") if output else sys.stdout.buffer
    name = Path(output).name if output else ""
    try:
        if replay:
            result = export_replay(db, out, site, name)
            written, missing = result.captures, result.missing
        else:
            written, missing = export_captures(db, out, site, name)
    finally:
        if output:
            out.close()
    resolved = (f"; {result.resolved} not-modified revisits resolved to the page they confirmed"
                + (f", {result.unresolved} without an earlier capture left out" if result.unresolved else "")
                if replay else "")
    click.echo(f"fanwire: exported {written} captures of {site or 'all'} articles{resolved}"
               + (f"; {missing} articles have no WARC capture" if missing else ""), err=True)


def open_output(path: str, mode: str) -> IO:
    """The export's output file; one that cannot be created is a click error naming it."""
    try:
        return open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""}))
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror}") from exc


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; 0.0.0.0 exposes it.")
@click.option("--live", is_flag=True, help="Never immutable: show what a crawl started later writes.")
def serve(db: str, port: int, host: str, live: bool) -> None:
    """Browse, search, read and follow the archive in Datasette, with fanwire's metadata and plugin.

    The archive is opened read-only, and immutable when no crawl is running (then started crawls
    are seen after a restart, or use --live).

    Example: fanwire serve --db archive.db --port 8001
    """
    from datasette.cli import cli as datasette_cli

    from archive.serving import datasette_args, prepare

    require_archive(db)  # before anything starts: a file that is not an archive gets no server
    immutable = prepare(db) and not live
    meta = Path(tempfile.mkdtemp(prefix="fanwire-")) / "metadata.json"
    meta.write_text(json.dumps(metadata_for(db), indent=2), encoding="utf-8")
    mode = "immutable" if immutable else "read-only, live"
    click.echo(f"fanwire: serving {db} ({mode}) at http://{host}:{port}/", err=True)
    datasette_cli.main(datasette_args(db, meta, host, port, immutable), prog_name="datasette")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--site", "only_site", metavar="HOST", help="Only this site (as in the articles' site column).")
def reextract(db: str, only_site: str | None) -> None:
    """Extract every archived article again from its stored raw HTML, updating text and metadata
    in place without re-crawling; each site's template is learned again from all its pages.

    Example: fanwire reextract --db archive.db --site akiba-dispatch.test
    """
    from fanwire.reextract import reextract as run

    require_archive(db)
    archive = Archive(db)
    sites = archive.article_sites()
    if only_site:
        if only_site not in sites:
            raise click.ClickException(f"no articles from site {only_site!r} in {db}; sites: {', '.join(sites)}")
        sites = [only_site]
    total = 2 * sum(archive.count_article_pages(s) for s in sites)
    with click.progressbar(length=total, label="Re-extracting", file=sys.stderr) as bar:
        result = run(archive, sites, bar.update)
    archive.close()
    click.echo(f"fanwire: re-extracted {result.articles} articles from {len(sites)} sites; "
               f"{result.changed} changed, {result.failed} without text (kept as they were)", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--site", "only_site", metavar="HOST", help="Only this site (as in the articles' site column).")
def retag(db: str, only_site: str | None) -> None:
    """Tag every archived article with its series and seasons again, with the archive's catalog
    and aliases as they are now (after `catalog import` or `catalog alias add`); a crawl of the
    same article today would give it the same tags. Nothing is fetched or extracted.

    Example: fanwire retag --db archive.db --site animenews.example.com
    """
    from fanwire.retag import retag as run

    require_archive(db)
    archive = Archive(db)
    if only_site and only_site not in archive.article_sites():
        archive.close()
        raise click.ClickException(f"no articles from site {only_site!r} in {db}")
    with click.progressbar(length=archive.count_articles(only_site), label="Retagging", file=sys.stderr) as bar:
        result = run(archive, only_site, bar.update)
    archive.close()
    click.echo(f"fanwire: retagged {result.articles} articles in {db}; {result.tagged} tagged, "
               f"{result.changed} with tags that changed; {result.learned} aliases learned", err=True)


@cli.command(name="import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or FANWIRE_* setting, as with `scrapy crawl -s`.")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
def import_warc(files: tuple[str, ...], db: str, settings: tuple[str, ...], log_level: str) -> None:
    """Build or extend the archive from WARC files (fanwire's own, or another crawler's such as
    `wget --warc-file`): every HTML response goes through the same extraction, dedupe, tagging
    and store stages as in a crawl, without network access. A file imported before is skipped.

    Example: fanwire import-warc --db rebuilt.db warc/*.warc.gz
    """
    from fanwire.import_warc import plan, run_import
    from scraper.spiders.warcfile import NoResponses, first_url

    try:
        overrides = parse_setting_options(settings)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s") from exc
    todo = plan(db, list(files))
    for path in todo.already:
        click.echo(f"fanwire: {path} was imported into {db} before; skipped", err=True)
    if not todo.files:
        click.echo(f"fanwire: nothing new to import into {db}", err=True)
        return
    try:
        first_url([Path(f["path"]) for f in todo.files])
    except NoResponses as exc:
        raise click.ClickException(str(exc)) from exc
    overrides["LOG_LEVEL"] = log_level.upper()
    with click.progressbar(length=todo.size, label="Importing", file=sys.stderr) as bar:
        result = run_import(db, todo, overrides, bar.update)
    stats = result.stats
    skipped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("fanwire/import/skipped/")}
    click.echo(f"fanwire: {stats.get('fanwire/store/articles_new', 0)} new and "
               f"{stats.get('fanwire/store/articles_updated', 0)} updated articles in {db} from "
               f"{stats.get('fanwire/import/responses', 0)} HTTP responses in {len(todo.files)} WARC files; "
               f"{stats.get('fanwire/store/errors', 0)} skips/errors recorded in crawl_errors; not pages: "
               f"{', '.join(f'{n} {k}' for k, n in sorted(skipped.items())) or 'none'}", err=True)
    if stats.get("finish_reason") != "finished":
        raise click.ClickException(f"import ended early: {stats.get('finish_reason')}")
    if result.damaged:
        raise click.ClickException("; ".join(f"{path}: {why}" for path, why in result.damaged.items())
                                   + " (what could be read was imported; not recorded as imported)")


@cli.group()
def catalog() -> None:
    """The series catalog (anime series and their seasons, from bangumi-data, CC-BY-4.0).

    Example: fanwire catalog stats
    """


@catalog.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def catalog_import(file: str, db: str) -> None:
    """Build the series catalog from a bangumi-data JSON file into the archive's `series` and
    `series_entries` tables.

    FILE is bangumi-data's `data.json` (`npm pack bangumi-data`, file `dist/data.json`): an object
    whose `items` list has one entry per season, part or film, each with `title` (Japanese),
    `titleTranslate.en` (English titles), `type` (tv, web, movie, ova), `begin` (ISO date) and
    `sites` (ids on other sites, among them `mal` and `bangumi`).

    Example: fanwire catalog import data.json --db archive.db
    """
    from pipelines.catalog import build, load_bangumi_data, records

    try:
        items = load_bangumi_data(file)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:  # these say where, not which file
        raise click.ClickException(f"{file} is not bangumi-data JSON: {exc}") from exc
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    series = build(items)
    archive = Archive(db)
    archive.replace_series(records(series))
    stats = archive.series_stats()
    archive.close()
    click.echo(f"fanwire: {len(items)} bangumi-data entries -> {stats['series']} series "
               f"({stats['series_with_sequels']} with sequels) in {db}", err=True)


@catalog.group(name="alias")
def catalog_alias() -> None:
    """The names a series is known by (`series_aliases`): from bangumi-data, derived from its
    titles, curated, or added by you; the tagger matches them all.

    Example: fanwire catalog alias list "Jujutsu Kaisen" --db archive.db
    """


def catalog_archive(db: str) -> Archive:
    """The archive at `db` with a catalog: the shipped one, as a crawl would seed it, if it has none."""
    from pipelines.catalog import seed

    archive = Archive(db)
    seed(archive)
    return archive


@catalog_alias.command(name="add")
@click.argument("series")
@click.argument("alias")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def catalog_alias_add(series: str, alias: str, db: str) -> None:
    """Add ALIAS as a name of SERIES (its title, Japanese title, an alias or its id, as
    `export --series` takes it). Crawls from now on tag articles that use it; `fanwire retag`
    tags the archived ones. User aliases are kept by `fanwire catalog import`.

    Example: fanwire catalog alias add 薬屋のひとりごと "Drugstore Diaries" --db archive.db
    """
    from pipelines.aliases import guess_lang

    if not alias.strip():
        raise click.BadParameter("the alias is empty", param_hint="ALIAS")
    archive = catalog_archive(db)
    try:
        found = archive.find_series(series)
        archive.add_series_alias(found["id"], alias.strip(), guess_lang(alias))
    finally:
        archive.close()
    click.echo(f"fanwire: {alias.strip()!r} is now an alias of {found['title']} ({found['title_ja']}, "
               f"id {found['id']}) in {db}; run `fanwire retag --db {db}` to tag archived articles by it", err=True)


@catalog_alias.command(name="list")
@click.argument("series", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def catalog_alias_list(series: str | None, db: str) -> None:
    """Print the aliases of SERIES (title, Japanese title, alias or id), or of every series: one
    line each, tab-separated: series id, series title, alias, language, source, and for a
    learned alias the URL of the article that taught it.

    Example: fanwire catalog alias list Frieren --db archive.db
    """
    archive = catalog_archive(db)
    try:
        rows = archive.series_aliases(archive.find_series(series)["id"] if series else None)
    finally:
        archive.close()
    for row in rows:
        fields = ("series_id", "title", "alias", "lang", "source") + (("article_url",) if row["article_url"] else ())
        click.echo("\t".join(str(row[k]) for k in fields))


@catalog.command(name="stats")
@click.option("--db", type=click.Path(exists=True, dir_okay=False),
              help="An archive with an imported catalog (default: the catalog shipped with fanwire).")
def catalog_stats(db: str | None) -> None:
    """Print counts of the series catalog: series, entries, films, series with sequels.

    Example: fanwire catalog stats --db archive.db
    """
    from pipelines.catalog import ATTRIBUTION, load, records

    if db:
        require_archive(db)
        archive = Archive(db)
        stats = archive.series_stats()
        archive.close()
    else:
        rows = records(load())
        entries = [e for s in rows for e in s["entries"]]
        stats = {"series": len(rows), "entries": len(entries),
                 "movies": sum(e["type"] == "movie" for e in entries),
                 "series_with_sequels": sum(s["seasons"] > 1 for s in rows)}
    for name, value in stats.items():
        click.echo(f"{name}: {value}")
    click.echo(ATTRIBUTION)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
def metadata(db: str) -> None:
    """Print the Datasette metadata fanwire serves an archive with, for plain `datasette`.

    Example: fanwire metadata --db archive.db > metadata.json && datasette archive.db -m metadata.json
    """
    require_archive(db)
    click.echo(json.dumps(metadata_for(db), indent=2, ensure_ascii=False))


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--articles", "articles_per_site", default=12, show_default=True, type=int,
              help="Articles per demo site.")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))
def demo(db: str, articles_per_site: int, log_level: str) -> None:
    """Serve the built-in demo world of fan-news sites on 127.0.0.1, crawl it into the archive
    through the real Scrapy engine, and say how to browse and export it.

    Example: fanwire demo
    """
    from fanwire.demo_run import run_demo

    Archive(db).close()  # an unusable --db fails before the demo server starts
    run_demo(db, articles_per_site, log_level.upper())
