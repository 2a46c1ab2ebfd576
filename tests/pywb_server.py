"""pywb, the replay tool, run as a reader would: `wb-manager` collections and `wayback` on a free
loopback port. pywb lives in its own venv (`.venv-pywb`, made by `.ci/setup-pywb`): it pins a
redis client older than fanwire's."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers import ROOT
from tests.redis_server import free_port

PYWB_BIN = ROOT / ".venv-pywb" / "bin"
#: One memento line of a link-format timemap: its URL and datetime.
MEMENTO = re.compile(r'<([^>]+)>; rel="[^"]*memento[^"]*"; datetime="([^"]+)"')
#: Loopback only: no proxy of the environment in between.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def pywb_bin() -> Path:
    """The venv's bin directory, made first when missing (idempotent; CI's first run installs it)."""
    if not (PYWB_BIN / "wayback").exists():
        subprocess.run(["bash", str(ROOT / ".ci" / "setup-pywb"), sys.executable], check=True, timeout=600)
    return PYWB_BIN


def add_collection(root: Path, name: str, warcs: list[Path]) -> None:
    """`wb-manager init` a collection under `root` and `add` the WARC files to it (pywb indexes them)."""
    bin_dir = pywb_bin()
    for args in (["init", name], ["add", name, *map(str, warcs)]):
        result = subprocess.run([str(bin_dir / "wb-manager"), *args], cwd=root, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]


@contextmanager
def wayback(root: Path, timeout: float = 60.0) -> Iterator[str]:
    """Serve the collections under `root` with `wayback` on 127.0.0.1; yield its base URL."""
    port = free_port()
    log = open(root / "wayback.log", "wb")
    proc = subprocess.Popen([str(pywb_bin() / "wayback"), "-p", str(port), "-b", "127.0.0.1", "-d", str(root)],
                            cwd=root, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                OPENER.open(base + "/", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"wayback did not start: {(root / 'wayback.log').read_text()[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def mementos(base: str, collection: str, url: str) -> list[tuple[str, str]]:
    """(memento URL, datetime) of every capture of `url`, oldest first, from pywb's timemap."""
    with OPENER.open(f"{base}/{collection}/timemap/link/{url}", timeout=30) as response:
        return MEMENTO.findall(response.read().decode("utf-8"))


def fetch(url: str) -> tuple[int, bytes]:
    """Status and body of a replayed page; an HTTP error status is an answer, not an exception."""
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
