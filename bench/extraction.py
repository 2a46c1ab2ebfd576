"""Issues 4 and 16: fanwire's extraction against plain trafilatura, side by side on the same
pages in the same run.

    python bench/extraction.py [--seed 12 --sites 6 --articles 50] [--db EXISTING_CRAWL.db]
    python bench/extraction.py --real-only [--corpora DIR]

1. Real pages with expected output, each page on its own (no site template): the public
   article-extraction benchmark (../shared/benchmarks/article-extraction, when present) and
   every corpus in bench/data/extraction/ (built by bench/build_extraction_corpora.py; then
   ../shared/benchmarks/extraction-corpora/): per corpus and language, body F1 macro and micro,
   exact title, author and date where the corpus states them, and fanwire − trafilatura
   (bench/_real_pages.py says how each is counted).
2. A fansim world crawled by `fansite` (or an existing crawl given with --db): per theme, body
   F1, boilerplate leak, exact title, author and published date of what the crawl archived
   (site templates included), against plain trafilatura on the same stored raw pages.
3. Speed: pages per CPU second of both on the same pages, alternating, as a ratio; fanwire's
   time includes learning and applying the site templates, as in a crawl.
--real-only runs part 1 and times the first 120 real pages (fansim takes minutes). Writes
bench/out/extraction.json; part 2 is skipped when ../shared is absent.
"""
from __future__ import annotations

import gzip
import json
import sqlite3
import sys
import time
from collections import defaultdict
from contextlib import closing
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Callable
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # this tree's code, not the editable install's (a git worktree)
from _corpora import guess_lang  # noqa: E402
from _fansim import OUT, ROOT, SHARED, Fansim, crawl_world, fansim_score, world_parser  # noqa: E402
from _real_pages import Page, load_corpora, score_pages, table  # noqa: E402

from archive.store import decompress_html  # noqa: E402
from pipelines.extractor import NoArticleText, extract_article, extract_parsed, parse_page  # noqa: E402
from pipelines.template import SiteTemplate  # noqa: E402
from trafilatura import bare_extraction  # noqa: E402

BENCHMARK = SHARED / "benchmarks" / "article-extraction"
CORPORA = [ROOT / "bench" / "data" / "extraction", SHARED / "benchmarks" / "extraction-corpora"]


def plain(body: bytes, url: str, content_type: str | None = None) -> dict:
    """What a user gets from trafilatura alone, with metadata."""
    doc = bare_extraction(body, url=url, with_metadata=True)
    if doc is None:
        return {"text": "", "title": None, "author": None, "published": None}
    return {"text": doc.text or "", "title": doc.title, "author": doc.author, "published": doc.date}


def ours(body: bytes, url: str, content_type: str | None = None) -> dict:
    try:
        e = extract_article(body, url, content_type)
    except NoArticleText:
        return {"text": "", "title": None, "author": None, "published": None}
    return {"text": e.text, "title": e.title, "author": e.author, "published": e.published}


SYSTEMS: dict[str, Callable[..., dict]] = {"trafilatura": plain, "fanwire": ours}


def same_instant(a: str | None, b: str | None) -> bool:
    """Equal timestamps; a date-only value matches only a date-only truth."""
    if not a or not b:
        return False
    try:
        x, y = datetime.fromisoformat(a), datetime.fromisoformat(b)
    except ValueError:
        return False
    if (x.tzinfo is None) != (y.tzinfo is None):
        return False
    return x == y


def benchmark_pages() -> list[tuple[str, bytes, str, str]]:
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, page in sorted(truth.items()):
        path = BENCHMARK / "html" / f"{key}.html.gz"
        pages.append((key, gzip.decompress(path.read_bytes()), page["url"], page["articleBody"]))
    return pages


def fansim_pages(db: Path, truth: list[dict], themes: dict[str, str]) -> list[tuple[dict, bytes, str | None, dict]]:
    """(truth, raw page, content type, archived article) for each truth article the crawl archived."""
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        stored = {r["url"]: (r["html"], r["content_type"]) for r in conn.execute("SELECT url, html, content_type FROM pages")}
        archived = {r["url"]: dict(r) for r in conn.execute("SELECT * FROM articles")}
    pages = []
    for t in truth:
        if t["kind"] == "article" and t.get("variant") is None and t["status"] == 200 and t["url"] in stored:
            html, ctype = stored[t["url"]]
            row = archived.get(t["url"], {"text": "", "title": None, "author": None, "published": None})
            pages.append(({**t, "theme": themes[t["host"]]}, decompress_html(html), ctype, row))
    return pages


def real_pages(folders: list[Path]) -> list[Page]:
    """The benchmark's pages (when ../shared has it), then every corpus in the folders."""
    bench = [Page("article-extraction", key, url, body, guess_lang(gold), {"body": gold})
             for key, body, url, gold in benchmark_pages()] if BENCHMARK.exists() else []
    return bench + load_corpora(folders)


def score_fansim(pages, score: ModuleType) -> dict:
    by_theme: dict[str, list] = defaultdict(list)
    for page in pages:
        by_theme[page[0]["theme"]].append(page)
    by_theme["ALL"] = pages
    out: dict[str, dict] = {}
    for theme, group in sorted(by_theme.items()):
        out[theme] = {"pages": len(group)}
        for name in SYSTEMS:
            preds = {t["url"]: row if name == "fanwire" else plain(body, t["url"], ctype)
                     for t, body, ctype, row in group}
            truths = {t["url"]: t for t, _, _, _ in group}
            f1, _, _ = score.body_f1({u: t["body"] for u, t in truths.items()}, {u: p["text"] for u, p in preds.items()})
            n = len(group)
            out[theme][name] = {
                "body_f1": round(f1, 4),
                "leak": round(score.boilerplate_leak({u: p["text"] for u, p in preds.items()},
                                               {u: t["boilerplate"] for u, t in truths.items()}), 4),
                "title": round(sum(preds[u]["title"] == t["title"] for u, t in truths.items()) / n, 4),
                "author": round(sum(preds[u]["author"] == t["author"] for u, t in truths.items()) / n, 4),
                "published": round(sum(same_instant(preds[u]["published"], t["published"])
                                       for u, t in truths.items()) / n, 4),
            }
    return out


def crawl_like() -> Callable[..., dict]:
    """fanwire as a crawl runs it: each page observed by its site's template, then extracted with it."""
    templates: dict[str, SiteTemplate] = {}

    def run(body: bytes, url: str, content_type: str | None = None) -> dict:
        page = parse_page(body, url, content_type)
        template = templates.setdefault(urlsplit(url).netloc, SiteTemplate(urlsplit(url).netloc))
        template.observe(page.document, page.tree)
        try:
            return {"text": extract_parsed(page, template).text}
        except NoArticleText:
            return {"text": ""}
    return run


#: Real pages timed with `--real-only` (the benchmark's, when ../shared has it).
SPEED_PAGES = 120


def speed(bodies: list[tuple[bytes, str]], rounds: int = 3) -> dict:
    """Pages per CPU second of each system over the same pages, in alternated rounds: CPU time,
    not wall time, so that other jobs on a shared machine slow neither side. Each system first
    runs the pages once untimed (a fresh template for fanwire), as a crawl's long-lived workers
    have: first calls pay once per process what no page pays again (dateparser, which htmldate
    calls on dates only its extensive search finds, compiles every locale's patterns on its first
    call: about 2 s of CPU), and that is not a rate of pages."""
    for system in (plain, crawl_like()):
        for body, url in bodies:
            system(body, url)
    systems = {"trafilatura": plain, "fanwire": crawl_like()}
    spent = {name: 0.0 for name in systems}
    for _ in range(rounds):
        for name, system in systems.items():
            started = time.process_time()
            for body, url in bodies:
                system(body, url)
            spent[name] += time.process_time() - started
    rate = {name: round(rounds * len(bodies) / s, 1) for name, s in spent.items()}
    return {"pages_per_s": rate, "ratio": round(rate["fanwire"] / rate["trafilatura"], 3)}


def main() -> int:
    parser = world_parser(__doc__, seed=12, sites=6, articles=50)
    parser.add_argument("--db", type=Path, help="score an existing crawl of that world instead of crawling")
    parser.add_argument("--real-only", action="store_true", help="score the real-page corpora alone, no fansim crawl")
    parser.add_argument("--corpora", type=Path, action="append",
                        help="a folder of <name>.jsonl.gz corpora (repeatable; default bench/data/extraction, "
                             "then ../shared/benchmarks/extraction-corpora)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    real = score_pages(real_pages(args.corpora or CORPORA), SYSTEMS)
    print(table(real, *SYSTEMS))
    report: dict = {"real_pages": real}
    fansim = None if args.real_only else fansim_score()
    if fansim is not None:
        report.update(crawled(args, fansim))
    else:  # the benchmark's pages alone (the fansim run adds 60 of its own pages to 60 of them)
        report["speed"] = speed([(p.html, p.url) for p in real_pages(args.corpora or CORPORA)[:SPEED_PAGES]])
    (OUT / "extraction.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps({k: v for k, v in report.items() if k != "real_pages"}, indent=2))
    return 0


def crawled(args, score: ModuleType) -> dict:
    """Parts 2 and 3: a fansim world's archived articles, and speed."""
    bench = benchmark_pages()
    if args.db is None:
        world = crawl_world(args.seed, args.sites, args.articles, "extraction.db", args.themes_dir)
        db, truth, sites = world.db, world.truth, world.sites
    else:
        with Fansim(args.seed, args.sites, args.articles, themes_dir=args.themes_dir) as fansim:
            db, truth, sites = args.db, fansim.truth(), fansim.sites()
    themes = {s["host"]: s["theme"] for s in sites}
    pages = fansim_pages(db, truth, themes)
    return {
        "world": {"seed": args.seed, "sites": args.sites, "articles": args.articles, "themes_dir": args.themes_dir},
        "fansim": score_fansim(pages, score),
        "speed": speed([(b, u) for _, b, u, _ in bench[:60]] + [(b, t["url"]) for t, b, _, _ in pages[:60]]),
    }


if __name__ == "__main__":
    sys.exit(main())
