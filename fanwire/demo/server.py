"""HTTP front for a DemoWorld: forward proxy and virtual-host server in one.

Absolute-form request lines (``GET http://host/path``, what clients send to an
``http_proxy``) and origin-form lines routed by ``Host`` are both accepted.
Unknown hosts get a 502; nothing ever connects outward. Every request is
recorded so tests can prove what a crawler did (and did not) fetch.
"""
from __future__ import annotations

import argparse
import os
import socket
import sys
import threading
from datetime import timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Optional
from urllib.parse import urlsplit

from .model import Response
from .world import DemoWorld

LOG_ENV = "FANWIRE_DEMO_LOG"  # set to 1 to print one stderr line per request


def _split_target(raw: str, host_header: str) -> tuple[str, str]:
    """(host without port, path?query) for absolute-form or origin-form targets."""
    if "://" in raw:
        parts = urlsplit(raw)
        host, path, query = parts.hostname or "", parts.path or "/", parts.query
        return host, path + ("?" + query if query else "")
    return host_header.lower().partition(":")[0], raw or "/"


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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fanwire-demo/1.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections give up eventually
    server: "_HTTPServer"

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, False)

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_CONNECT(self) -> None:  # noqa: N802 - HTTPS tunnelling would mean going outward
        self.close_connection = True
        self._send(self.path.partition(":")[0].lower(), "", _bad_gateway(self.path), head=False)

    def _serve(self, head: bool) -> None:
        host, target = _split_target(self.path, self.headers.get("Host", ""))
        response = self.server.world.serve(host, target) or _bad_gateway(host)
        if _not_modified(response, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
            response = Response(304, b"", "", etag=response.etag, last_modified=response.last_modified)
        self._send(host, target, response, head)

    def _send(self, host: str, target: str, response: Response, head: bool) -> None:
        self.server.record(host, target, response.status)  # before replying, so clients never outrun the log
        self.send_response(response.status)
        if response.status != 304:
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        if response.etag:
            self.send_header("ETag", response.etag)
        if response.last_modified:
            stamp = response.last_modified.astimezone(timezone.utc)
            self.send_header("Last-Modified", format_datetime(stamp, usegmt=True))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head and response.status != 304:
            try:
                self.wfile.write(response.body)
            except OSError:
                self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        if os.environ.get(LOG_ENV):
            super().log_message(format, *args)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() closes live sockets itself instead of waiting on keep-alive clients

    def __init__(self, address: tuple[str, int], world: DemoWorld) -> None:
        self.world = world
        self._log: list[tuple[str, str, int]] = []
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def record(self, host: str, target: str, status: int) -> None:
        with self._lock:
            self._log.append((host, target, status))

    def track(self, connection: socket.socket, alive: bool) -> None:
        with self._lock:
            (self._connections.add if alive else self._connections.discard)(connection)

    def snapshot(self) -> list[tuple[str, str, int]]:
        with self._lock:
            return list(self._log)

    def clear(self) -> None:
        with self._lock:
            self._log.clear()

    def close_connections(self) -> None:
        with self._lock:
            live = list(self._connections)
        for connection in live:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class DemoServer:
    """A running demo world on 127.0.0.1; also a context manager that stops it."""

    def __init__(self, world: DemoWorld, host: str = "127.0.0.1", port: int = 0) -> None:
        self.world = world
        self._httpd = _HTTPServer((host, port), world)
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self.proxy_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"fanwire-demo-{self.port}", daemon=True)

    def start(self) -> "DemoServer":
        """Begin serving in a daemon thread (the socket is already listening)."""
        self._thread.start()
        return self

    def requests(self) -> list[tuple[str, str, int]]:
        """(host, path_with_query, status) for every request served so far."""
        return self._httpd.snapshot()

    def reset_log(self) -> None:
        """Forget the requests recorded so far."""
        self._httpd.clear()

    def stop(self) -> None:
        """Stop serving, drop open connections and release the port."""
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.close_connections()
        self._httpd.server_close()

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
