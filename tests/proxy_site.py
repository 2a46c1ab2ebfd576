"""A programmable web on 127.0.0.1 for crawl tests: one HTTP proxy answers for any number of
hosts (`http://a.test/`, `http://127.0.0.1:18009/`, ...) from a table of routes, and logs every
request it receives, on any host, so a test can prove what a crawl asked for and what it did not.

Served through `fanwire.demo.proxy`, the demo world's proxy server. A route maps a full URL (`http://host[:port]/path?query`, as a proxy receives it) to an `Answer`,
or to a function of the request that returns one. An answer may write raw bytes itself (`raw`),
for attacks that are about the connection rather than the page (slow bodies, lying lengths).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Union

from fanwire.demo.proxy import Hit, ProxyServer, Reply

__all__ = ["Answer", "Hit", "ProxySite", "Route", "serve"]


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

    def reply(self) -> Reply:
        headers = [("Content-Type", self.content_type)] if self.content_type else []
        return Reply(self.status, self.payload(), headers + list(self.headers.items()), self.raw)


Route = Union[Answer, Callable[[Hit], Answer]]


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
        if hit.method == "CONNECT":  # a tunnel would lead off loopback: logged, refused
            return Answer(status=405, content_type=None)
        route = self.routes.get(hit.url)
        if route is None and self.fallback is not None:
            route = self.fallback(hit)
        if route is None:
            return Answer("<html><body><h1>Not found</h1></body></html>", status=404)
        return route(hit) if callable(route) else route

    def reply(self, hit: Hit) -> Reply:
        """Log the request, then answer it."""
        with self.lock:
            self.hits.append(hit)
        return self.answer(hit).reply()

    def requested(self, netloc: str | None = None) -> list[str]:
        """URLs requested so far, in order (of one host[:port] if given)."""
        with self.lock:
            return [h.url for h in self.hits if netloc is None or h.netloc == netloc]


@contextmanager
def serve(site: ProxySite) -> Iterator[str]:
    """Serve `site` on a free loopback port; yields the proxy URL to give a crawl as http_proxy."""
    with ProxyServer(site.reply).start() as server:
        yield server.proxy_url
