"""A SPARQL 1.1 Protocol endpoint over a built graph, with the HTML explorer.

``kg serve`` answers SPARQL queries over HTTP at ``/query`` (also
``/sparql``) and serves the build's ``graph.html`` at ``/``, on one port.

The endpoint runs Oxigraph in this process (pyoxigraph) behind the standard
library's :class:`~http.server.ThreadingHTTPServer`, rather than starting the
``oxigraph`` server binary from PyPI behind a proxy. The binary cannot serve
``graph.html``, so a Python front would be needed anyway, and proxying to it
would add a second process on a second port (a free-port race at start-up,
a child to reap on every exit path, an orphan if the parent is killed) and a
22 MB platform-specific dependency whose storage format must match the
pyoxigraph that wrote the store. In-process, the query engine is the same
Oxigraph, the store is the one :func:`kg.query.open_store` opens, and
pyoxigraph releases the GIL while it evaluates, so threads answer queries in
parallel. What the binary has and this does not: a query timeout, the Graph
Store Protocol and a service description.

Queries run on the persisted store (``<out>/store``), opened read-only in
milliseconds and shared with ``kg query``. ``memory=True`` (``kg serve
--memory``) parses ``graph.ttl`` into memory instead: seconds and about
0.5 GB per million triples, for join-heavy queries five to ten times faster
than on RocksDB (see ``bench/bench_query.py``).

Protocol: queries by ``GET ?query=``, ``POST`` ``application/sparql-query``
or ``POST`` form-encoded ``query=``; ``default-graph-uri`` and
``named-graph-uri`` are honoured. Results are negotiated from ``Accept``:
SPARQL JSON (the default), XML, CSV or TSV for SELECT/ASK; Turtle (the
default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE. Updates
(``POST /update`` as ``application/sparql-update`` or form ``update=``) are
refused with 403 unless the server is writable, and a writable server
updates a private scratch copy: ``graph.ttl`` and ``<out>/store`` stay the
build's output. The EduKG prefixes (``edu:``, ``rdfs:`` …) are predeclared,
as in ``kg query``.
"""

from __future__ import annotations

import ipaddress
import logging
import shutil
import signal
import socket
import socketserver
import tempfile
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from . import __version__
from .errors import KGError
from .query import PREFIX_MAP
from .store import STORE_DIR, open_store, store_is_fresh
from .store import graph_file as _graph_file
from .store import load_graph as _load_store

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["SparqlServer", "make_server", "serve"]

log = logging.getLogger(__name__)

#: Largest request body accepted (a query, or an update on a writable server).
MAX_BODY = 16 * 1024 * 1024
#: Results up to this size are buffered in memory, larger ones in a temp file.
_SPOOL = 8 * 1024 * 1024
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
#: Prefixes of Turtle results; not id:, whose IRIs (id:region/…) would need
#: escaped slashes (id:region\/320200).
_OUTPUT_PREFIXES = {k: v for k, v in PREFIX_MAP.items() if k != "id"}

_NO_EXPLORER = b"""<!doctype html>
<html lang="en"><meta charset="utf-8"><title>EduKG SPARQL endpoint</title>
<h1>EduKG SPARQL endpoint</h1>
<p>This graph was built without the HTML explorer (<code>kg build --no-html</code>).
<p>SPARQL queries: <code>/query?query=...</code> (GET) or POST to <code>/query</code>.
</html>
"""


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: a store, the explorer page and the request handler.

    Start it with :meth:`serve_forever` (in a thread for tests) and stop it
    with :meth:`shutdown` then :meth:`server_close`, which also deletes a
    writable server's scratch store.

    Attributes:
        store: the Oxigraph store queries run on.
        writable: whether SPARQL UPDATE is accepted.
        explorer: the bytes of ``graph.html`` (or a stub page).
    """

    # Request threads may be stuck in a long query; they must not keep the
    # process alive after the server is closed (Ctrl-C stops at once).
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        graph_path: Path | str,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        writable: bool = False,
        memory: bool = False,
    ) -> None:
        """Open the graph and bind the socket (it listens once this returns).

        Args:
            graph_path: a ``graph.ttl`` written by ``kg build``, or its folder.
            host: the address to bind; the default is reachable from this
                machine only.
            port: the TCP port; 0 picks a free one (see :attr:`url`).
            writable: accept SPARQL UPDATE, on a scratch copy of the graph.
            memory: load the graph into memory instead of querying the
                persisted store: seconds to start and about 0.5 GB per
                million triples, for joins several times faster.

        Raises:
            KGError: the graph cannot be opened or the address cannot be bound.
        """
        graph = _graph_file(graph_path)
        self.writable = writable
        self.loopback = _is_loopback(host)
        self._scratch: Path | None = None
        self.store = self._open(graph, writable, memory)
        html = graph.parent / "graph.html"
        self.explorer = html.read_bytes() if html.is_file() else _NO_EXPLORER
        if ":" in host:
            self.address_family = socket.AF_INET6
        try:
            super().__init__((host, port), _Handler)
        except OSError as exc:
            self._drop_scratch()
            raise KGError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}"
            ) from exc
        if not self.loopback:
            log.warning(
                "serving on %s: other machines can reach this endpoint, "
                "and it has no authentication",
                host,
            )

    def _open(self, graph: Path, writable: bool, memory: bool) -> ox.Store:
        """The store to serve; for a writable server, a private copy."""
        import pyoxigraph as ox

        if memory:
            return _memory_store(graph)  # private: updates stay in memory
        if writable and store_is_fresh(graph):
            # A checkpoint (hard links where possible) of the persisted store:
            # fast even for large graphs, and updates never reach the build.
            self._scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            copy = self._scratch / STORE_DIR
            try:
                ox.Store.read_only(str(graph.parent / STORE_DIR)).backup(str(copy))
                return ox.Store(str(copy))
            except (OSError, RuntimeError) as exc:
                log.warning("cannot copy the store (%s); reading %s", exc, graph)
                self._drop_scratch()
        # Read-only: the persisted store (opened read-only) or, without one,
        # an in-memory store parsed from the file; writable: the latter is
        # already private.
        return open_store(graph)

    def server_bind(self) -> None:
        """Bind without :func:`socket.getfqdn`, which can stall offline."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def url(self) -> str:
        """The base URL, with the port actually bound (``http://127.0.0.1:7878/``)."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        """Close the socket and delete a writable server's scratch store."""
        super().server_close()
        self._drop_scratch()

    def _drop_scratch(self) -> None:
        if self._scratch is not None:
            # RocksDB must be closed before its files go.
            self.__dict__.pop("store", None)
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


def _memory_store(graph: Path) -> ox.Store:
    """An in-memory store of the graph: parsed from the file, else copied."""
    import pyoxigraph as ox

    if graph.is_file():
        return _load_store(graph)  # parsing Turtle beats dumping RocksDB
    source = open_store(graph)  # graph.ttl is gone but the store is not
    store = ox.Store()
    nquads = ox.RdfFormat.N_QUADS
    store.bulk_load(source.dump(format=nquads), format=nquads)
    return store


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------- content negotiation


def _result_formats() -> list[tuple[tuple[str, ...], ox.QueryResultsFormat]]:
    import pyoxigraph as ox

    f = ox.QueryResultsFormat
    return [
        (("application/sparql-results+json", "application/json"), f.JSON),
        (("application/sparql-results+xml", "application/xml", "text/xml"), f.XML),
        (("text/csv",), f.CSV),
        (("text/tab-separated-values",), f.TSV),
    ]


def _graph_formats() -> list[tuple[tuple[str, ...], ox.RdfFormat]]:
    import pyoxigraph as ox

    f = ox.RdfFormat
    return [
        (("text/turtle", "application/x-turtle"), f.TURTLE),
        (("application/n-triples", "text/plain"), f.N_TRIPLES),
        (("application/rdf+xml",), f.RDF_XML),
        (("application/ld+json",), f.JSON_LD),
    ]


def negotiate(accept: str | None, offers: Iterable[tuple[tuple[str, ...], Any]]) -> Any:
    """Pick the offer an ``Accept`` header prefers (RFC 9110 §12.5.1).

    Each offer is (media types, value); the first offer wins ties and is the
    answer when ``Accept`` is missing or empty.

    Example:
        >>> offers = [(("application/json",), "json"), (("text/csv",), "csv")]
        >>> negotiate("text/csv, application/json;q=0.5", offers)
        'csv'
        >>> negotiate("text/*;q=0.9, */*;q=0.1", offers)
        'csv'
        >>> negotiate("text/html", offers) is None
        True

    Returns:
        The chosen value, or None when nothing offered is acceptable.
    """
    offers = list(offers)
    ranges = _parse_accept(accept)
    if not ranges:
        return offers[0][1] if offers else None
    best, best_q = None, 0.0
    for types, value in offers:
        q = max((_quality(t, ranges) for t in types), default=0.0)
        if q > best_q:
            best, best_q = value, q
    return best


def _parse_accept(accept: str | None) -> list[tuple[str, str, float]]:
    ranges = []
    for item in (accept or "").split(","):
        parts = [p.strip() for p in item.split(";")]
        if "/" not in parts[0]:
            continue
        kind, _, sub = parts[0].lower().partition("/")
        q = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((kind, sub, q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, str, float]]) -> float:
    # The most specific matching range decides: "text/csv;q=0" refuses CSV
    # even when "*/*" is acceptable.
    kind, _, sub = media_type.partition("/")
    best_specificity, q = -1, 0.0
    for r_kind, r_sub, r_q in ranges:
        if (r_kind, r_sub) == (kind, sub):
            specificity = 2
        elif (r_kind, r_sub) == (kind, "*"):
            specificity = 1
        elif (r_kind, r_sub) == ("*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, q = specificity, r_q
    return q


# ------------------------------------------------------------ the handler


def _sparql_error(exc: Exception, action: str) -> _RequestError:
    """Map an Oxigraph error to the HTTP reply: 400 for bad SPARQL, else 500."""
    if isinstance(exc, SyntaxError):
        return _RequestError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL: {exc}")
    return _RequestError(HTTPStatus.INTERNAL_SERVER_ERROR, f"{action} failed: {exc}")


class _RequestError(Exception):
    """Stop handling a request and answer with this status and message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    # Every reply carries Content-Length, so connections can be kept alive.
    protocol_version = "HTTP/1.1"
    server_version = f"EduKG/{__version__}"
    # A client that stops sending mid-request frees its thread after this.
    timeout = 60

    def log_message(self, format: str, *args: Any) -> None:
        """Log requests through :mod:`logging` (shown by ``kg -v``)."""
        log.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        """Serve the explorer, or a query given as ``?query=``."""
        self._handle(self._get)

    def do_POST(self) -> None:
        """A query or an update in the request body."""
        self._handle(self._post)

    def _handle(self, method: Callable[[], None]) -> None:
        try:
            self._check_host()
            method()
        except _RequestError as reply:
            self._send(reply.status, reply.message.encode("utf-8") + b"\n")

    def _check_host(self) -> None:
        # A loopback server answers only requests addressed to a loopback
        # name: a web page that rebinds its own domain to 127.0.0.1 (DNS
        # rebinding) cannot read the graph or, if writable, change it.
        host = self.headers.get("Host")
        if not self.server.loopback or host is None:
            return
        name = urlsplit(f"//{host}").hostname or ""
        if not _is_loopback(name):
            raise _RequestError(
                HTTPStatus.FORBIDDEN, f"unexpected Host header {host!r}"
            )

    def _get(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html", "/graph.html"):
            self._send(HTTPStatus.OK, self.server.explorer, "text/html; charset=utf-8")
        elif url.path in ("/query", "/sparql"):
            params = parse_qs(url.query, keep_blank_values=True)
            if "query" not in params:
                raise _RequestError(
                    HTTPStatus.BAD_REQUEST, "missing query: use /query?query=SPARQL"
                )
            self._query(params)
        elif url.path == "/update":
            raise _RequestError(HTTPStatus.METHOD_NOT_ALLOWED, "updates are POSTed")
        else:
            raise _RequestError(HTTPStatus.NOT_FOUND, f"no such page: {url.path}")

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/query", "/sparql", "/update"):
            self._body()  # read it, so a kept-alive connection stays in step
            raise _RequestError(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}")
        params = parse_qs(url.query, keep_blank_values=True)
        body = self._body()
        kind = self.headers.get_content_type()
        if kind == "application/x-www-form-urlencoded":
            params |= parse_qs(body.decode("utf-8"), keep_blank_values=True)
        elif kind == "application/sparql-query" and url.path != "/update":
            params["query"] = [body.decode("utf-8")]
        elif kind == "application/sparql-update":
            params["update"] = [body.decode("utf-8")]
        else:
            raise _RequestError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {kind}: use application/sparql-query, "
                "application/sparql-update or application/x-www-form-urlencoded",
            )
        if "update" in params and "query" not in params:
            self._update(params)
        elif "query" in params and url.path != "/update":
            self._query(params)
        else:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "missing query or update")

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            self.close_connection = True
            raise _RequestError(
                HTTPStatus.LENGTH_REQUIRED, "Content-Length is required"
            )
        try:
            size = int(length)
        except ValueError:
            self.close_connection = True
            raise _RequestError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if size > MAX_BODY or size < 0:
            self.close_connection = True  # the body is not read
            raise _RequestError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY} bytes"
            )
        return self.rfile.read(size)

    # ------------------------------------------------------------ queries

    def _query(self, params: dict[str, list[str]]) -> None:
        import pyoxigraph as ox

        texts = params["query"]
        if len(texts) != 1:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "give exactly one query")
        options: dict[str, Any] = {"prefixes": PREFIX_MAP}
        try:
            default = [ox.NamedNode(u) for u in params.get("default-graph-uri", [])]
            named = [ox.NamedNode(u) for u in params.get("named-graph-uri", [])]
        except ValueError as exc:
            raise _RequestError(
                HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}"
            ) from exc
        if default or named:
            if default:
                options["default_graph"] = default
            if named:
                options["named_graphs"] = named
        else:
            # kg build writes the default graph; union keeps kg query's view
            # for stores that gain named graphs (kg export trig, updates).
            options["use_default_graph_as_union"] = True
        accept = self.headers.get("Accept")
        try:
            result = self.server.store.query(texts[0], **options)
            with tempfile.SpooledTemporaryFile(_SPOOL) as buffer:
                # Serialising evaluates the query, so errors raised while
                # solutions are produced still get a proper status line.
                if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
                    fmt = negotiate(accept, _result_formats())
                    if fmt is None:
                        raise _not_acceptable(_result_formats())
                    result.serialize(buffer, fmt)
                    media = fmt.media_type
                else:
                    fmt = negotiate(accept, _graph_formats())
                    if fmt is None:
                        raise _not_acceptable(_graph_formats())
                    ox.serialize(result, buffer, fmt, prefixes=_OUTPUT_PREFIXES)
                    media = _with_charset(fmt.media_type)
                self._send_file(buffer, media)
        except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
            raise _sparql_error(exc, "query") from exc

    def _update(self, params: dict[str, list[str]]) -> None:
        if not self.server.writable:
            raise _RequestError(
                HTTPStatus.FORBIDDEN,
                "this endpoint is read-only (start `kg serve` with --writable)",
            )
        texts = params["update"]
        if len(texts) != 1:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "give exactly one update")
        try:
            self.server.store.update(texts[0], prefixes=PREFIX_MAP)
        except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
            raise _sparql_error(exc, "update") from exc
        self._send(HTTPStatus.NO_CONTENT, b"")

    # ------------------------------------------------------------ replies

    def _send(
        self, status: HTTPStatus, body: bytes, media: str = "text/plain; charset=utf-8"
    ) -> None:
        self.send_response(status)
        if status != HTTPStatus.NO_CONTENT:
            self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "POST")
        self.end_headers()
        self.wfile.write(body)

    def _send_file(self, buffer: Any, media: str) -> None:
        size = buffer.tell()
        buffer.seek(0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(size))
        self.send_header("Vary", "Accept")
        self.end_headers()
        shutil.copyfileobj(buffer, self.wfile)


def _not_acceptable(offers: list[tuple[tuple[str, ...], Any]]) -> _RequestError:
    types = ", ".join(types[0] for types, _ in offers)
    return _RequestError(
        HTTPStatus.NOT_ACCEPTABLE, f"not acceptable; available: {types}"
    )


def _with_charset(media: str) -> str:
    text = media.startswith("text/") and "charset" not in media
    return f"{media}; charset=utf-8" if text else media


# ------------------------------------------------------------ entry points


def make_server(
    graph_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    *,
    memory: bool = False,
) -> SparqlServer:
    """Open the graph and bind the socket; start it with ``serve_forever()``.

    Tests run ``serve_forever`` in a thread (``port=0`` picks a free port,
    :attr:`SparqlServer.url` names it) and stop it with ``shutdown()`` and
    ``server_close()``.

    Raises:
        KGError: the graph cannot be opened or the address cannot be bound.
    """
    return SparqlServer(graph_path, host, port, writable=writable, memory=memory)


def serve(
    graph_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    *,
    memory: bool = False,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve a built graph until Ctrl-C (or SIGTERM), then stop cleanly.

    Args:
        graph_path: a ``graph.ttl`` written by ``kg build``, or its folder.
        host: the address to bind (default: this machine only).
        port: the TCP port; 0 picks a free one.
        writable: accept SPARQL UPDATE, on a scratch copy deleted at exit.
        memory: query an in-memory copy rather than the persisted store.
        on_ready: called with the base URL once the server is listening.

    Raises:
        KGError: the graph cannot be opened or the address cannot be bound.
    """
    server = make_server(graph_path, host, port, writable, memory=memory)
    previous = None
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (kill, systemd, docker stop) stops like Ctrl-C does, so a
        # writable server's scratch store is deleted too.
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if on_ready is not None:
            on_ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.server_close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
