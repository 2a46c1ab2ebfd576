"""Helpers for running fanwire and Scrapy as a user would: in a subprocess, with http_proxy set."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def environment(proxy: str | None = None) -> dict[str, str]:
    """This process's environment with only the given proxy: nothing a test runs leaves loopback."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    if proxy:
        env["http_proxy"] = proxy
    return env


def run(args: list[str], proxy: str | None = None, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=environment(proxy), capture_output=True, text=True, timeout=timeout)


def fanwire(*args: str, proxy: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "fanwire", *args], proxy=proxy, cwd=cwd)
