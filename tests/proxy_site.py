"""A programmable web on 127.0.0.1 for crawl tests: one HTTP proxy answers for any number of
hosts (`http://a.test/`, `http://127.0.0.1:18009/`, ...) from a table of routes, and logs every
request it receives, on any host, so a test can prove what a crawl asked for and what it did not.

A route maps a full URL (`http://host[:port]/path?query`, as a proxy receives it) to an `Answer`,
or to a function of the request that returns one. An answer may write raw bytes itself (`raw`),
for attacks that are about the connection rather than the page (slow bodies, lying lengths).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Union
from urllib.parse import urlsplit


@dataclass
class Answer:
    """What the server sends: a status, headers and a body (str is sent as UTF-8)."""

    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    raw: Callable[[BaseHTTPRequestHandler], None] | None = None  # writes the whole answer itself

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class Hit:
    """One request as the server saw it."""

    at: float
    method: str
    url: str
    headers: dict[str, str]

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc


Route = Union[Answer, Callable[["Hit"], Answer]]


@dataclass
class ProxySite:
    """The routes and the request log; fill `routes` before or during a crawl."""

    routes: dict[str, Route] = field(default_factory=dict)
    fallback: Callable[[Hit], Answer | None] | None = None  # for URLs no route names (whole families)
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, url: str, answer: Route) -> None:
        self.routes[url] = answer

    def answer(self, hit: Hit) -> Answer:
        route = self.routes.get(hit.url)
        if route is None and self.fallback is not None:
            route = self.fallback(hit)
        if route is None:
            return Answer("<html><body><h1>Not found</h1></body></html>", status=404)
        return route(hit) if callable(route) else route

    def requested(self, netloc: str | None = None) -> list[str]:
        """URLs requested so far, in order (of one host[:port] if given)."""
        with self.lock:
            return [h.url for h in self.hits if netloc is None or h.netloc == netloc]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def do_CONNECT(self) -> None:  # noqa: N802 - a tunnel would lead off loopback: log it, refuse it
        with self.server.site.lock:
            self.server.site.hits.append(Hit(time.monotonic(), "CONNECT", f"https://{self.path}/", dict(self.headers.items())))
        self.send_error(405)

    def _serve(self, head: bool) -> None:
        site = self.server.site
        url = self.path if "://" in self.path else f"http://{self.headers.get('Host', '')}{self.path}"
        hit = Hit(time.monotonic(), self.command, url, dict(self.headers.items()))
        with site.lock:
            site.hits.append(hit)
        answer = site.answer(hit)
        if answer.raw is not None:
            self.close_connection = True
            answer.raw(self)
            return
        data = answer.payload()
        self.send_response(answer.status)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        headers = {"Content-Length": str(len(data)), **answer.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: ProxySite) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up mid-answer (a cancelled download) is not an error here


@contextmanager
def serve(site: ProxySite) -> Iterator[str]:
    """Serve `site` on a free loopback port; yields the proxy URL to give a crawl as http_proxy."""
    server = _Server(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
