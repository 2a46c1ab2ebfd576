"""Issues 9 and 18 on the simulated fan web: two `fanwire worker`s on one Redis archive the
same articles as one worker, without fetching anything twice, and in less time.

Crawls one calm fansim world (`fansim serve --calm`: no Crawl-delay site, no 20 s page; every
answer `--latency` ms late) twice in the same run, each into a fresh archive through a fresh
redis-server on 127.0.0.1: with 1 worker, then with 2 workers started at once. Each worker
extracts in one process (`FANWIRE_EXTRACT_PROCESSES=1`), so one worker leaves cores idle that a
second one can use and the scale-out can show on a small machine. Reports wall times, the
speed-up, the CPU seconds of the workers and of the fansim server (the server's CPU is taken
from the workers' and caps the speed-up), the article URL sets, duplicate rows and pages fetched
more than once.

    python bench/distributed.py [--seed 19 --sites 12 --articles 100 --latency 100]

Prints and writes bench/out/distributed.json; exits 1 when the archives differ, a page was fetched
twice or the speed-up is under 1.8, and 0 with a message when ../shared/fansim is absent.
"""
from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _fansim import FANWIRE, OUT, ROOT, Fansim, fansim_available, fresh_db, world_parser  # noqa: E402
from tests.redis_server import redis_server  # noqa: E402

#: Speed-up of 2 one-process workers over one below which the run fails (issue 18).
MIN_SPEEDUP = 1.8


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_workers(fansim: Fansim, count: int, hosts: list[str], db: Path, options: list[str]) -> dict:
    """`count` workers at once on a fresh Redis; returns wall and CPU seconds and the server's requests."""
    fansim.control("/__reset")
    env = {**os.environ, "http_proxy": fansim.proxy}
    with redis_server() as url:
        server_cpu, workers_cpu, started = cpu_seconds(fansim.proc.pid), children_cpu(), time.perf_counter()
        logs = [open(OUT / f"{db.stem}-worker{n}.log", "w") for n in range(count)]
        procs = [subprocess.Popen([*FANWIRE, "worker", "--redis", url, *hosts, "--db", str(db), *options],
                                  cwd=ROOT, env=env, stderr=log) for log in logs]
        codes = [p.wait() for p in procs]
        wall = time.perf_counter() - started
        for log in logs:
            log.close()
    if any(codes):
        raise SystemExit(f"a worker failed ({codes}); see {OUT}/{db.stem}-worker*.log")
    return {"wall_s": round(wall, 2), "workers_cpu_s": round(children_cpu() - workers_cpu, 1),
            "server_cpu_s": round(cpu_seconds(fansim.proc.pid) - server_cpu, 1),
            "requests": fansim.control("/__stats")["requests"]}


def archive(db: Path) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        return {"urls": set(urls), "rows": len(urls), "duplicates": len(urls) - len(set(urls)),
                "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
                "crawls": conn.execute("SELECT count(*) FROM crawls").fetchone()[0]}


def refetched(requests: dict[str, dict[str, int]], baseline: dict[str, dict[str, int]]) -> list[str]:
    """Pages asked for more often than by one worker (robots.txt aside: each worker reads it)."""
    return [f"{host}{path}" for host, paths in requests.items() for path, n in paths.items()
            if path != "/robots.txt" and n > max(1, baseline.get(host, {}).get(path, 0))]


def main() -> int:
    parser = world_parser(__doc__, seed=19, sites=12, articles=100)
    parser.add_argument("--latency", type=float, default=100.0, help="milliseconds added to every answer")
    args = parser.parse_args()
    if not fansim_available():
        print("skipped: no fansim next to the repository (../shared/fansim)")
        return 0
    options = ["--log-level", "INFO", "-s", "FANWIRE_EXTRACT_PROCESSES=1"]
    with Fansim(args.seed, args.sites, args.articles, calm=True, latency_ms=args.latency) as fansim:
        hosts = [f"http://{s['host']}/" for s in fansim.sites()]
        runs = {n: run_workers(fansim, n, hosts, fresh_db(f"distributed-{n}.db"), options) for n in (1, 2)}
    archives = {n: archive(OUT / f"distributed-{n}.db") for n in runs}
    twice = refetched(runs[2]["requests"], runs[1]["requests"])
    report = {
        "world": {"seed": args.seed, "sites": len(hosts), "articles_per_site": args.articles, "calm": True,
                  "latency_ms": args.latency, "extract_processes_per_worker": 1, "cores": os.cpu_count()},
        **{f"{n}_worker{'s' if n > 1 else ''}": {
            **{k: v for k, v in runs[n].items() if k != "requests"},
            "pages_requested": sum(sum(p.values()) for p in runs[n]["requests"].values()),
            **{k: v for k, v in archives[n].items() if k != "urls"}} for n in runs},
        "speedup": round(runs[1]["wall_s"] / runs[2]["wall_s"], 2),
        "same_url_set": archives[1]["urls"] == archives[2]["urls"],
        "only_in_1_worker": sorted(archives[1]["urls"] - archives[2]["urls"])[:10],
        "only_in_2_workers": sorted(archives[2]["urls"] - archives[1]["urls"])[:10],
        "fetched_twice_by_2_workers": twice[:20],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "distributed.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))
    ok = (report["same_url_set"] and not twice and archives[2]["duplicates"] == 0
          and report["speedup"] >= MIN_SPEEDUP)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
