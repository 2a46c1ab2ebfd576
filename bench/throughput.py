"""Issue 9: fanwire's full crawl against the naive spider, side by side on one fansim world, and
how fanwire's wall time, memory and archive size grow with the number of articles.

    python bench/throughput.py [--seed 19 --sites 6 --articles 400] [--scale 1000,3000,10000]

Both crawls skip the world's site with a robots.txt Crawl-delay: fanwire honours it (one
request every 2 s) and the naive spider ignores robots.txt, so that site would only measure the
delay. The naive spider runs with Scrapy's defaults plus DEPTH_LIMIT=100 (fansim's calendar is
infinite). Peak memory is the whole process tree's RSS (fanwire's extraction processes too),
sampled from /proc. Prints and writes bench/out/throughput.json; exits 1 when a bar is missed,
0 with a message when ../shared/fansim is absent.
"""
from __future__ import annotations

import json
import os
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
from archive.store import decompress_html  # noqa: E402
from pipelines.extract import NoArticleText, extract_article  # noqa: E402
from pipelines.pool import ExtractionPool  # noqa: E402

NAIVE = Path(__file__).resolve().parent / "naive_spider.py"
#: Pages extracted in this process to measure one core's extraction rate.
SAMPLE_PAGES = 150


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


def run_measured(args: list[str], env: dict[str, str], log: Path, cwd: Path = ROOT) -> tuple[float, int]:
    """Run a crawl command; return (wall seconds, peak tree RSS bytes)."""
    started = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(proc.pid)
        proc.wait()
    peak = memory.stop()
    if proc.returncode:
        raise RuntimeError(f"{args[:4]} failed ({proc.returncode}); see {log}")
    return time.perf_counter() - started, peak


def polite_hosts(fansim: Fansim) -> list[str]:
    return [f"http://{s['host']}/" for s in fansim.sites() if not s.get("crawl_delay")]


def canonical_articles(truth: list[dict], hosts: list[str]) -> set[str]:
    names = {h.split("/")[2] for h in hosts}
    return {t["url"] for t in truth if t["kind"] == "article" and not t.get("variant") and t["status"] == 200
            and t["host"] in names}


def fanwire_crawl(fansim: Fansim, hosts: list[str], db: Path) -> dict:
    env = {**os.environ, "http_proxy": fansim.proxy}
    wall, peak = run_measured([*FANWIRE, "crawl", *hosts, "--db", str(db), "--log-level", "WARNING"], env,
                              OUT / f"{db.stem}-crawl.log")
    with closing(sqlite3.connect(db)) as conn:
        known = {u for row in conn.execute("SELECT url, source_url FROM articles") for u in row}
        known |= {r[0] for r in conn.execute("SELECT url FROM url_aliases")}
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(peak / 2**20, 1), "articles": articles,
            "articles_per_s": round(articles / wall, 1), "db_bytes_per_article": round(size / max(1, articles)),
            "known": known}


def naive_crawl(fansim: Fansim, hosts: list[str]) -> dict:
    out = OUT / "naive.jsonl"
    out.unlink(missing_ok=True)
    env = {**os.environ, "http_proxy": fansim.proxy}
    with tempfile.TemporaryDirectory() as outside:  # away from scrapy.cfg: Scrapy's defaults, not fanwire's settings
        wall, peak = run_measured([sys.executable, "-m", "scrapy", "runspider", str(NAIVE), "-a",
                                   f"start_urls={','.join(hosts)}", "-s", "DEPTH_LIMIT=100", "-s", "LOG_LEVEL=WARNING",
                                   "-O", str(out)], env, OUT / "naive-crawl.log", cwd=Path(outside))
    urls = {json.loads(line)["url"] for line in out.read_text().splitlines() if line.strip()}
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(peak / 2**20, 1), "items": len(urls), "known": urls}


def one_core_rate(db: Path) -> float:
    """Pages per second one core extracts (fanwire's extraction, in this process)."""
    with closing(sqlite3.connect(db)) as conn:
        pages = conn.execute("SELECT p.url, p.html, p.content_type FROM articles a JOIN pages p "
                             "ON p.url = a.source_url ORDER BY a.id LIMIT ?", [SAMPLE_PAGES]).fetchall()
    started = time.process_time()
    for url, html, ctype in pages:
        try:
            extract_article(decompress_html(html), url, ctype)
        except NoArticleText:
            pass
    return len(pages) / (time.process_time() - started)


def main() -> int:
    parser = world_parser(__doc__, seed=19, sites=6, articles=400)
    parser.add_argument("--scale", default="1000,3000,10000",
                        help="total article counts for the growth series (fanwire only)")
    args = parser.parse_args()
    if fansim_score() is None:
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {"world": vars(args), "cores": ExtractionPool.default_size()}
    with Fansim(args.seed, args.sites, args.articles, themes_dir=args.themes_dir) as fansim:
        hosts = polite_hosts(fansim)
        truth = canonical_articles(fansim.truth(), hosts)
        naive = naive_crawl(fansim, hosts)
        fanwire = fanwire_crawl(fansim, hosts, fresh_db("throughput.db"))
    rate = one_core_rate(OUT / "throughput.db")
    limit = report["cores"] * rate
    report["sites_crawled"] = len(hosts)
    report["truth_articles"] = len(truth)
    report["naive"] = {k: v for k, v in naive.items() if k != "known"} | {
        "coverage": round(len(truth & naive.pop("known")) / len(truth), 4)}
    report["fanwire"] = {k: v for k, v in fanwire.items() if k != "known"} | {
        "coverage": round(len(truth & fanwire.pop("known")) / len(truth), 4)}
    report["wall_ratio_fanwire_to_naive"] = round(report["fanwire"]["wall_s"] / report["naive"]["wall_s"], 3)
    report["one_core_extraction_pages_per_s"] = round(rate, 1)
    report["machine_limit_articles_per_s"] = round(limit, 1)
    report["fanwire_share_of_machine_limit"] = round(report["fanwire"]["articles_per_s"] / limit, 3)
    growth = []
    for total in [int(n) for n in args.scale.split(",") if n]:
        per_site = max(1, total // (args.sites - 1))
        with Fansim(args.seed, args.sites, per_site) as fansim:
            run = fanwire_crawl(fansim, polite_hosts(fansim), fresh_db(f"throughput-{total}.db"))
        run.pop("known")
        growth.append({"target_articles": total, **run})
    report["growth"] = growth
    at_3000 = [g for g in growth if g["target_articles"] == 3000]
    report["pass"] = (report["wall_ratio_fanwire_to_naive"] <= 0.6 and report["fanwire"]["coverage"] >= 0.95
                      and all(g["peak_rss_mib"] <= 1024 for g in at_3000))
    (OUT / "throughput.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0 if report["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
