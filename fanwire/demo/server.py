"""HTTP front for a DemoWorld: the world's sites served through `fanwire.demo.proxy` (forward
proxy and virtual-host server in one), with conditional GETs answered 304.

Unknown hosts get a 502; nothing ever connects outward. Every request is recorded so tests can
prove what a crawler did (and did not) fetch.
"""
from __future__ import annotations

import argparse
import sys
import threading
from datetime import timezone
from email.utils import format_datetime, parsedate_to_datetime
from types import TracebackType
from typing import Optional

from .model import Response
from .proxy import Hit, ProxyServer, Reply
from .world import DemoWorld


def _not_modified(response: Response, if_none_match: Optional[str], if_modified_since: Optional[str]) -> bool:
    """RFC 9110 conditional GET: If-None-Match wins over If-Modified-Since."""
    if response.status != 200:
        return False
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return response.etag is not None and ("*" in tags or response.etag in tags)
    if if_modified_since and response.last_modified is not None:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        return since.tzinfo is not None and response.last_modified.replace(microsecond=0) <= since
    return False


def _bad_gateway(host: str) -> Response:
    text = f"502 Bad Gateway: the fanwire demo world does not serve {host or 'this host'}\n"
    return Response(502, text.encode(), "text/plain; charset=utf-8")


def _reply(response: Response) -> Reply:
    headers = [] if response.status == 304 else [("Content-Type", response.content_type)]
    headers += list(response.headers)
    if response.etag:
        headers.append(("ETag", response.etag))
    if response.last_modified:
        headers.append(("Last-Modified", format_datetime(response.last_modified.astimezone(timezone.utc), usegmt=True)))
    return Reply(response.status, response.body, headers)


class DemoServer:
    """A running demo world on 127.0.0.1; also a context manager that stops it."""

    def __init__(self, world: DemoWorld, host: str = "127.0.0.1", port: int = 0) -> None:
        self.world = world
        self._log: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._proxy = ProxyServer(self._answer, host, port)
        self.host = host
        self.port: int = self._proxy.port
        self.proxy_url = self._proxy.proxy_url

    def _answer(self, hit: Hit) -> Reply:
        if hit.method == "CONNECT":
            host, target, response = hit.host, "", _bad_gateway(hit.netloc)
        else:
            host, target = hit.host, hit.target
            response = self.world.serve(host, target) or _bad_gateway(host)
            if _not_modified(response, hit.headers.get("If-None-Match"), hit.headers.get("If-Modified-Since")):
                response = Response(304, b"", "", etag=response.etag, last_modified=response.last_modified)
        with self._lock:  # before replying, so clients never outrun the log
            self._log.append((host, target, response.status))
        return _reply(response)

    def start(self) -> "DemoServer":
        """Begin serving in a daemon thread (the socket is already listening)."""
        self._proxy.start()
        return self

    def requests(self) -> list[tuple[str, str, int]]:
        """(host, path_with_query, status) for every request served so far."""
        with self._lock:
            return list(self._log)

    def reset_log(self) -> None:
        """Forget the requests recorded so far."""
        with self._lock:
            self._log.clear()

    def stop(self) -> None:
        """Stop serving, drop open connections and release the port."""
        self._proxy.stop()

    def __enter__(self) -> "DemoServer":
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        self.stop()


def start_server(world: DemoWorld, host: str = "127.0.0.1", port: int = 0) -> DemoServer:
    """Serve ``world`` in the background; returns once the socket accepts connections."""
    return DemoServer(world, host, port).start()


def main(argv: Optional[list[str]] = None) -> int:
    """``python -m fanwire.demo.server``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Serve the fanwire demo world (HTTP proxy + virtual hosts).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=12, help="articles per site")
    args = parser.parse_args(argv)
    world = DemoWorld(seed=args.seed, articles_per_site=args.articles)
    with start_server(world, args.host, args.port) as server:
        print(f"demo world serving {len(world.sites)} sites on {server.proxy_url} (proxy)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopping", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
