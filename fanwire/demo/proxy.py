"""A web of made-up hosts on one loopback port: an HTTP forward proxy and virtual-host server in
one, which answers each request with a function of it and never connects outward.

Absolute-form request lines (`GET http://host/path`, what clients send to an `http_proxy`) and
origin-form lines routed by `Host` are both accepted; a CONNECT (an HTTPS tunnel, which would
lead off loopback) is answered like any request and the connection closed. The demo world
(`fanwire.demo.server`) and the tests' sites serve through it.
"""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

LOG_ENV = "FANWIRE_DEMO_LOG"  # set to 1 to print one stderr line per request
#: Statuses whose answer has no body, so no Content-Length either.
BODILESS = (204, 304)


@dataclass
class Hit:
    """One request as the server received it, its URL absolute."""

    at: float  # time.monotonic() on arrival
    method: str
    url: str
    headers: dict[str, str]

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def host(self) -> str:
        """The host asked for, lower case, without port."""
        return urlsplit(self.url).hostname or ""

    @property
    def target(self) -> str:
        """The path and query asked for."""
        parts = urlsplit(self.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class Reply:
    """What the server sends: a status, headers (Content-Length is added) and a body, or `raw`,
    which writes the whole answer itself (for attacks on the connection: slow bodies, lying lengths)."""

    status: int = 200
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    raw: Callable[[BaseHTTPRequestHandler], None] | None = None


Answer = Callable[[Hit], Reply]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fanwire-demo/1.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections give up eventually
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()  # answers go out at once (no Nagle wait), so logged times are when requests came
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
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

    def do_CONNECT(self) -> None:  # noqa: N802 - a tunnel would lead off loopback
        self.close_connection = True
        self._serve(head=False, url=f"https://{self.path}/")

    def _serve(self, head: bool, url: str | None = None) -> None:
        url = url or (self.path if "://" in self.path else f"http://{self.headers.get('Host', '')}{self.path}")
        reply = self.server.answer(Hit(time.monotonic(), self.command, url, dict(self.headers.items())))
        if reply.raw is not None:
            self.close_connection = True
            reply.raw(self)
            return
        self.send_response(reply.status)
        if reply.status not in BODILESS:
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head and reply.status not in BODILESS:
            try:
                self.wfile.write(reply.body)
            except OSError:
                self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base-class signature
        if os.environ.get(LOG_ENV):
            super().log_message(format, *args)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() closes live sockets itself instead of waiting on keep-alive clients

    def __init__(self, address: tuple[str, int], answer: Answer) -> None:
        self.answer = answer
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket, alive: bool) -> None:
        with self._lock:
            (self._connections.add if alive else self._connections.discard)(connection)

    def close_connections(self) -> None:
        with self._lock:
            live = list(self._connections)
        for connection in live:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-answer (a cancelled download, a killed crawler) is expected."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class ProxyServer:
    """`answer` served on a loopback port (0: a free one) in a daemon thread; a context manager
    that stops it. `proxy_url` is what a client gives as `http_proxy`."""

    def __init__(self, answer: Answer, host: str = "127.0.0.1", port: int = 0) -> None:
        self._httpd = _HTTPServer((host, port), answer)
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self.proxy_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"fanwire-proxy-{self.port}", daemon=True)

    def start(self) -> ProxyServer:
        """Begin serving (the socket is already listening)."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, drop open connections and release the port."""
        if self._thread.is_alive():
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.close_connections()
        self._httpd.server_close()

    def __enter__(self) -> ProxyServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
