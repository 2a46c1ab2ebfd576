"""Helpers for benchmarks against the simulated fan web in ../shared/fansim (skipped when absent)."""
from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FANWIRE_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"
FANWIRE = [sys.executable, "-m", "fanwire"]


def fansim_available() -> bool:
    return (SHARED / "fansim" / "__main__.py").exists()


def fansim_score() -> ModuleType | None:
    """fansim's scoring module, or None (saying so) when ../shared is absent."""
    if not fansim_available():
        print(f"skipped: no fansim at {SHARED}")
        return None
    sys.path.insert(0, str(SHARED))
    return importlib.import_module("fansim.score")


def world_parser(doc: str, seed: int, sites: int, articles: int) -> argparse.ArgumentParser:
    """A benchmark's command line: the fansim world it runs on, with its default size."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--sites", type=int, default=sites)
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--themes-dir", help="extra fansim themes, e.g. bench/themes (held-out templates)")
    return parser


def fresh_db(name: str) -> Path:
    """bench/out/NAME, deleted with its WAL files, for a crawl to start from nothing."""
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def world_args(seed: int, sites: int, articles: int) -> list[str]:
    return ["--seed", str(seed), "--sites", str(sites), "--articles", str(articles)]


class Fansim:
    """A fansim server on a free port, started and stopped with the benchmark."""

    def __init__(self, seed: int, sites: int, articles: int, themes_dir: str | None = None, calm: bool = False,
                 latency_ms: float = 0.0) -> None:
        """`calm`: no Crawl-delay site nor 20 s page; `latency_ms`: every site answer delayed so long."""
        self.args = world_args(seed, sites, articles) + (["--themes-dir", str(Path(themes_dir).resolve())] if themes_dir else [])
        self.args += ["--calm"] if calm else []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fansim", "serve", *self.args, "--port", "0", "--latency", str(latency_ms)],
            cwd=SHARED, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        line = self.proc.stdout.readline()
        if "serving" not in line:
            self.proc.kill()
            raise RuntimeError(f"fansim did not start: {line!r}")
        self.proxy = line.split("http://", 1)[1].split()[0].rstrip("/")
        self.proxy = "http://" + self.proxy

    def control(self, path: str) -> dict:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": self.proxy}))
        with opener.open(f"http://fansim.test{path}", timeout=30) as resp:
            return json.loads(resp.read())

    def run(self, command: str, *extra: str) -> str:
        return subprocess.run([sys.executable, "-m", "fansim", command, *self.args, *extra], cwd=SHARED,
                              capture_output=True, text=True, check=True).stdout

    def truth(self, epoch: int = 1) -> list[dict]:
        return [json.loads(line) for line in self.run("truth", "--epoch", str(epoch)).splitlines() if line.strip()]

    def sites(self) -> list[dict]:
        return json.loads(self.run("sites"))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def __enter__(self) -> "Fansim":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def crawl(fansim: Fansim, db: Path, *options: str) -> float:
    """`fanwire crawl` every site of the world into `db`, as a user would (with any further
    `fanwire crawl` options); returns wall seconds."""
    hosts = [f"http://{s['host']}/" for s in fansim.sites()]
    env = {**os.environ, "http_proxy": fansim.proxy}
    started = time.perf_counter()
    with open(OUT / f"{db.stem}-crawl.log", "w") as log:
        subprocess.run([*FANWIRE, "crawl", *hosts, "--db", str(db), "--log-level", "WARNING", *options],
                       cwd=ROOT, env=env, check=True, stderr=log)
    return time.perf_counter() - started


@dataclass
class CrawledWorld:
    db: Path
    wall: float
    stats: dict
    truth: list[dict]
    sites: list[dict]


def crawl_world(seed: int, sites: int, articles: int, db_name: str, themes_dir: str | None = None) -> CrawledWorld:
    """Serve a fansim world, crawl it into a fresh bench/out/DB_NAME, and keep its stats and truth."""
    db = fresh_db(db_name)
    with Fansim(seed, sites, articles, themes_dir=themes_dir) as fansim:
        wall = crawl(fansim, db)
        return CrawledWorld(db, wall, fansim.control("/__stats"), fansim.truth(), fansim.sites())
