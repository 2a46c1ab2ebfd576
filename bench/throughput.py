"""Issues 9 and 18: fanwire's full crawl against the naive spider, side by side on one fansim
world in the same run, against this machine's extraction limit, and how fanwire's wall time,
memory and archive size grow with the number of articles.

    python bench/throughput.py [--seed 19 --sites 12 --articles 250 --latency 100] [--scale 1000,3000,10000]
                               [--growth-only]

The world is calm (`fansim serve --calm`: no Crawl-delay site, no 20 s page, every other fault
stays), so the run measures the crawler, not politeness, and every answer comes `--latency` ms
late, like a real network. The naive spider runs with Scrapy's defaults plus DEPTH_LIMIT=100
(fansim's calendar is infinite). Reported against the machine:

- its extraction limit: cores × the plain-trafilatura pages/s of one core (`trafilatura.extract`
  on the decoded text of `SAMPLE_PAGES` archived pages, CPU time, in this process, this run);
- CPU seconds per archived article of the crawl's whole process tree (extraction processes too)
  against plain trafilatura's CPU seconds per page;
- the floor under both: Scrapy alone fetching the URLs fanwire fetched, with its concurrency, and
  doing nothing with them (`fetch_only_spider.py`), as CPU per archived article.

`--growth-only` skips the side-by-side run (and its naive crawl, the longest part).

Peak memory is the whole process tree's RSS, sampled from /proc. Prints and writes
bench/out/throughput.json; exits 1 when a bar of issue 18 is missed, 0 with a message when
../shared/fansim is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fansim import FANWIRE, OUT, ROOT, Fansim, fansim_score, fresh_db, world_parser  # noqa: E402

sys.path.insert(0, str(ROOT))
import trafilatura  # noqa: E402

from archive.store import decompress_html  # noqa: E402
from pipelines.decode import decode_html  # noqa: E402
from pipelines.pool import ExtractionPool  # noqa: E402

NAIVE = Path(__file__).resolve().parent / "naive_spider.py"
FETCH_ONLY = Path(__file__).resolve().parent / "fetch_only_spider.py"
#: Pages extracted in this process to measure one core's plain-trafilatura rate.
SAMPLE_PAGES = 300
#: Issue 18's bars: wall against the naive spider's, share of the machine's extraction limit,
#: CPU per archived article against plain trafilatura's per page, peak RSS at any scale.
MAX_WALL_RATIO = 0.5
MIN_LIMIT_SHARE = 0.5
MAX_CPU_RATIO = 1.6
MAX_RSS_MIB = 1024


class TreeMemory:
    """Peak RSS of a process and all its descendants, sampled from /proc every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self.done = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.done.wait(0.2):
            parents: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    status = Path(f"/proc/{entry}/status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                parents[int(entry)] = int(fields["PPid"])
                rss[int(entry)] = int(fields.get("VmRSS", "0 kB").split()[0])
            tree = {self.pid}
            grew = True
            while grew:
                grew = False
                for pid, ppid in parents.items():
                    if ppid in tree and pid not in tree:
                        tree.add(pid)
                        grew = True
            self.peak = max(self.peak, sum(rss.get(p, 0) for p in tree) * 1024)

    def stop(self) -> int:
        self.done.set()
        self.thread.join()
        return self.peak


def children_cpu() -> float:
    """CPU seconds of this process's finished descendants (each reaped by its parent)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT) -> tuple[float, int, float]:
    """Run a crawl command; return (wall seconds, peak tree RSS bytes, tree CPU seconds)."""
    cpu, started = children_cpu(), time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(proc.pid)
        proc.wait()
    peak = memory.stop()
    if proc.returncode:
        raise RuntimeError(f"{args[:4]} failed ({proc.returncode}); see {log}")
    return time.perf_counter() - started, peak, children_cpu() - cpu


def polite_hosts(fansim: Fansim) -> list[str]:
    return [f"http://{s['host']}/" for s in fansim.sites() if not s.get("crawl_delay")]


def canonical_articles(truth: list[dict], hosts: list[str]) -> set[str]:
    names = {h.split("/")[2] for h in hosts}
    return {t["url"] for t in truth if t["kind"] == "article" and not t.get("variant") and t["status"] == 200
            and t["host"] in names}


def fanwire_crawl(fansim: Fansim, hosts: list[str], db: Path) -> dict:
    env = {**os.environ, "http_proxy": fansim.proxy}
    wall, peak, cpu = run_measured([*FANWIRE, "crawl", *hosts, "--db", str(db), "--log-level", "WARNING"], env,
                                   OUT / f"{db.stem}-crawl.log")
    with closing(sqlite3.connect(db)) as conn:
        known = {u for row in conn.execute("SELECT url, source_url FROM articles") for u in row}
        known |= {r[0] for r in conn.execute("SELECT url FROM url_aliases")}
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(peak / 2**20, 1), "articles": articles,
            "articles_per_s": round(articles / wall, 1), "cpu_s": round(cpu, 1),
            "cpu_ms_per_article": round(1000 * cpu / max(1, articles), 2),
            "db_bytes_per_article": round(size / max(1, articles)), "known": known}


def naive_crawl(fansim: Fansim, hosts: list[str]) -> dict:
    out = OUT / "naive.jsonl"
    out.unlink(missing_ok=True)
    env = {**os.environ, "http_proxy": fansim.proxy}
    with tempfile.TemporaryDirectory() as outside:  # away from scrapy.cfg: Scrapy's defaults, not fanwire's settings
        wall, peak, cpu = run_measured([sys.executable, "-m", "scrapy", "runspider", str(NAIVE), "-a",
                                   f"start_urls={','.join(hosts)}", "-s", "DEPTH_LIMIT=100", "-s", "LOG_LEVEL=WARNING",
                                   "-O", str(out)], env, OUT / "naive-crawl.log", cwd=Path(outside))
    urls = {json.loads(line)["url"] for line in out.read_text().splitlines() if line.strip()}
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(peak / 2**20, 1), "cpu_s": round(cpu, 1),
            "items": len(urls), "known": urls}


def fetch_only_crawl(fansim: Fansim, db: Path) -> dict:
    """Scrapy alone fetching every URL the fanwire crawl fetched (with fanwire's concurrency),
    doing nothing with the pages: the part of a crawl's CPU no pipeline can save."""
    with closing(sqlite3.connect(db)) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM fetch_state")]
    listing = OUT / "fetch-only-urls.txt"
    listing.write_text("\n".join(urls))
    env = {**os.environ, "http_proxy": fansim.proxy}
    with tempfile.TemporaryDirectory() as outside:
        wall, peak, cpu = run_measured([sys.executable, "-m", "scrapy", "runspider", str(FETCH_ONLY), "-a",
                                        f"urls={listing}", "-s", "LOG_LEVEL=WARNING", "-s", "CONCURRENT_REQUESTS=16",
                                        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"], env,
                                       OUT / "fetch-only-crawl.log", cwd=Path(outside))
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "urls": len(urls)}


def plain_cpu_per_page(db: Path) -> float:
    """CPU seconds plain `trafilatura.extract` takes per page, on the decoded text of pages the
    crawl archived (decoding is not counted: the naive spider gets the text from Scrapy)."""
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT p.html, p.content_type FROM articles a JOIN pages p "
                            "ON p.url = a.source_url ORDER BY a.id LIMIT ?", [SAMPLE_PAGES]).fetchall()
    texts = [decode_html(decompress_html(html), ctype)[0] for html, ctype in rows]
    started = time.process_time()
    for text in texts:
        trafilatura.extract(text)
    return (time.process_time() - started) / len(texts)


def coverage(truth: set[str], known: set[str]) -> float:
    return round(len(truth & known) / len(truth), 4)


def main() -> int:
    parser = world_parser(__doc__, seed=19, sites=12, articles=250)
    parser.add_argument("--latency", type=float, default=100.0, help="milliseconds added to every answer")
    parser.add_argument("--scale", default="1000,3000,10000",
                        help="total article counts for the growth series (fanwire only)")
    parser.add_argument("--growth-only", action="store_true",
                        help="only the growth series (memory and linearity), not the side-by-side run")
    args = parser.parse_args()
    if fansim_score() is None:
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {"world": vars(args) | {"calm": True}, "cores": ExtractionPool.default_size()}
    if not args.growth_only:
        side_by_side(args, report)
    growth = []
    for total in [int(n) for n in args.scale.split(",") if n]:
        with Fansim(args.seed, args.sites, max(1, total // args.sites), calm=True, latency_ms=args.latency) as fansim:
            run = fanwire_crawl(fansim, polite_hosts(fansim), fresh_db(f"throughput-{total}.db"))
        run.pop("known")
        growth.append({"target_articles": total, **run})
    report["growth"] = growth
    report["bars"] = report.get("bars", {}) | {
        "peak_rss": all(g["peak_rss_mib"] <= MAX_RSS_MIB for g in growth),
        "linear_growth": linear(growth),
    }
    report["pass"] = all(report["bars"].values())
    name = "throughput-growth.json" if args.growth_only else "throughput.json"
    (OUT / name).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


def side_by_side(args: argparse.Namespace, report: dict) -> None:
    """fanwire and the naive spider on one world, against the machine's extraction limit."""
    with Fansim(args.seed, args.sites, args.articles, themes_dir=args.themes_dir, calm=True,
                latency_ms=args.latency) as fansim:
        hosts = polite_hosts(fansim)
        truth = canonical_articles(fansim.truth(), hosts)
        naive = naive_crawl(fansim, hosts)
        fanwire = fanwire_crawl(fansim, hosts, fresh_db("throughput.db"))
        fetch_only = fetch_only_crawl(fansim, OUT / "throughput.db")
    plain = plain_cpu_per_page(OUT / "throughput.db")
    limit = report["cores"] / plain
    report["sites_crawled"] = len(hosts)
    report["truth_articles"] = len(truth)
    report["naive"] = {k: v for k, v in naive.items() if k != "known"} | {"coverage": coverage(truth, naive["known"])}
    report["fanwire"] = {k: v for k, v in fanwire.items() if k != "known"} | {
        "coverage": coverage(truth, fanwire["known"])}
    report["fetch_only"] = fetch_only | {"cpu_ms_per_article": round(1000 * fetch_only["cpu_s"]
                                                                    / max(1, fanwire["articles"]), 2)}
    report["wall_ratio_fanwire_to_naive"] = round(report["fanwire"]["wall_s"] / report["naive"]["wall_s"], 3)
    report["plain_trafilatura_cpu_ms_per_page"] = round(1000 * plain, 2)
    report["one_core_plain_trafilatura_pages_per_s"] = round(1 / plain, 1)
    report["machine_limit_articles_per_s"] = round(limit, 1)
    report["fanwire_share_of_machine_limit"] = round(report["fanwire"]["articles_per_s"] / limit, 3)
    report["cpu_ratio_fanwire_article_to_plain_page"] = round(report["fanwire"]["cpu_ms_per_article"]
                                                             / report["plain_trafilatura_cpu_ms_per_page"], 3)
    report["bars"] = {
        "wall_ratio": report["wall_ratio_fanwire_to_naive"] <= MAX_WALL_RATIO,
        "coverage": report["fanwire"]["coverage"] == 1.0,
        "limit_share": report["fanwire_share_of_machine_limit"] >= MIN_LIMIT_SHARE,
        "cpu_ratio": report["cpu_ratio_fanwire_article_to_plain_page"] <= MAX_CPU_RATIO,
    }


def linear(growth: list[dict]) -> bool:
    """Wall time and peak RSS per article at the largest scale no higher than at the smallest
    (10 % slack for a noisy, shared machine): growing no faster than linearly."""
    if len(growth) < 2:
        return True
    first, last = growth[0], growth[-1]
    return all(last[k] / max(1, last["articles"]) <= 1.1 * first[k] / max(1, first["articles"])
               for k in ("wall_s", "peak_rss_mib"))


if __name__ == "__main__":
    sys.exit(main())
