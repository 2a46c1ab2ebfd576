"""Helpers for benchmarks against the simulated fan web in ../shared/fansim (skipped when absent)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FANWIRE_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"


def fansim_available() -> bool:
    return (SHARED / "fansim" / "__main__.py").exists()


def world_args(seed: int, sites: int, articles: int) -> list[str]:
    return ["--seed", str(seed), "--sites", str(sites), "--articles", str(articles)]


class Fansim:
    """A fansim server on a free port, started and stopped with the benchmark."""

    def __init__(self, seed: int, sites: int, articles: int, themes_dir: str | None = None) -> None:
        self.args = world_args(seed, sites, articles) + (["--themes-dir", str(themes_dir)] if themes_dir else [])
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "fansim", "serve", *self.args, "--port", "0"],
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

    def run(self, command: str) -> str:
        return subprocess.run([sys.executable, "-m", "fansim", command, *self.args], cwd=SHARED,
                              capture_output=True, text=True, check=True).stdout

    def truth(self) -> list[dict]:
        return [json.loads(line) for line in self.run("truth").splitlines() if line.strip()]

    def sites(self) -> list[dict]:
        return json.loads(self.run("sites"))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)

    def __enter__(self) -> "Fansim":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
