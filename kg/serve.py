"""A SPARQL 1.1 Protocol endpoint over a built graph, with explorer and query page.

``kg serve`` answers SPARQL queries over HTTP at ``/query`` (and ``/sparql``),
serves the build's ``graph.html`` at ``/``, a query editor (YASGUI, vendored
in ``kg/data/yasgui``) at ``/sparql`` in a browser, and the named queries at
``/queries/NAME?param=…``, on one port.

The stack, chosen by measurement (``bench/bench_serve.py``; cheroot kept
p95 under 1 s at 1,000 concurrent clients where waitress reached 1 to 4 s):

* HTTP is served by cheroot, the WSGI server of CherryPy: a listen backlog
  of 2048, a queue of accepted connections and a pool of threads, with idle
  keep-alive connections parked in a selector rather than holding a
  thread, so a burst of a thousand clients queues instead of being refused.
* Queries run in a pool of worker processes, each with the store open
  (read-only RocksDB is shared; ``--memory`` parses ``graph.ttl`` in each).
  Oxigraph cannot interrupt a query, so a query past the time limit
  (``time_limit``, default 30 s) is cut by killing its worker, which is
  replaced; the client gets 503 with a message. While one runaway query
  burns one worker the others keep answering. A writable server has one
  worker, which owns a scratch copy of the store on disk, so killing it
  loses no committed update.

Protocol: queries by ``GET ?query=``, ``POST`` ``application/sparql-query``
or ``POST`` form-encoded ``query=``; ``default-graph-uri`` and
``named-graph-uri`` are honoured. Results are negotiated from ``Accept``:
SPARQL JSON (the default), XML, CSV or TSV for SELECT/ASK; Turtle (the
default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE. ``GET
/query`` without a query returns the SPARQL service description. Read
requests allow any origin (CORS, preflight answered). Updates (``POST
/update`` as ``application/sparql-update``) are refused with 403 unless the
server is writable; a writable server updates a private scratch copy,
accepts updates only with that content type and from its own origin (no
cross-site form can post one), and ``graph.ttl`` and ``<out>/store`` stay
the build's output. ``SERVICE`` and ``LOAD`` are refused (no request leaves
the machine on a query's behalf) unless ``allow_remote``. The EduKG
prefixes (``edu:``, ``rdfs:`` …) are predeclared, as in ``kg query``.

Guards: a loopback server answers only requests whose ``Host`` is a loopback
name (DNS rebinding); bodies are limited to 16 MB and must be UTF-8; every
reply carries ``X-Content-Type-Options``, ``X-Frame-Options`` and a
Content-Security-Policy; the ``Server`` header names EduKG only.
"""

from __future__ import annotations

import contextlib
import io
import ipaddress
import json
import logging
import multiprocessing
import os
import queue
import re
import select
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from .errors import KGError, QueryError
from .query import (
    PREFIX_MAP,
    NamedQuery,
    RemoteAccessError,
    check_query_text,
    check_update_text,
    explain_syntax_error,
    named_queries,
    named_query,
    start_process,
)
from .store import STORE_DIR, graph_file, load_graph, store_problem, write_store

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["SparqlServer", "make_server", "negotiate", "serve"]

log = logging.getLogger(__name__)

#: Largest request body accepted (a query, or an update on a writable server).
MAX_BODY = 16 * 1024 * 1024
#: Seconds a query may run on ``kg serve`` unless configured otherwise.
DEFAULT_TIME_LIMIT = 30.0
#: A query running longer gets a lower CPU priority (nice 10).
SLOW_QUERY = 1.0
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
#: Prefixes of Turtle results; not id:, whose IRIs (id:region/…) would need
#: escaped slashes (id:region\/320200).
_OUTPUT_PREFIXES = {k: v for k, v in PREFIX_MAP.items() if k != "id"}
_YASGUI_FILES = {
    "yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui.min.css": "text/css; charset=utf-8",
    "LICENSE.txt": "text/plain; charset=utf-8",
    "yasgui.min.js.LICENSE.txt": "text/plain; charset=utf-8",
}
#: graph.html inlines its scripts and styles; nothing may come from elsewhere.
_PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
_DATA_CSP = "default-src 'none'; frame-ancestors 'none'"
_READ_PATHS = ("/query", "/sparql", "/queries")

_NO_EXPLORER = b"""<!doctype html>
<html lang="en"><meta charset="utf-8"><title>EduKG SPARQL endpoint</title>
<h1>EduKG SPARQL endpoint</h1>
<p>This graph was built without the HTML explorer (<code>kg build --no-html</code>).
<p>Query page: <a href="/sparql">/sparql</a>.
SPARQL queries: <code>/query?query=...</code> (GET) or POST to <code>/query</code>.
</html>
"""


# ------------------------------------------------------------ query workers


@dataclass(frozen=True)
class _StoreSpec:
    """How a worker opens the graph: ``store`` (read-only RocksDB),
    ``scratch`` (read-write RocksDB copy), ``file`` (parse the graph file) or
    ``dump`` (copy a store into memory: ``--memory`` without ``graph.ttl``)."""

    mode: str
    path: str


def _open_spec(spec: _StoreSpec) -> ox.Store:
    import pyoxigraph as ox

    if spec.mode == "store":
        return ox.Store.read_only(spec.path)
    if spec.mode == "scratch":
        return ox.Store(spec.path)
    if spec.mode == "file":
        return load_graph(spec.path)
    source = ox.Store.read_only(spec.path)
    store = ox.Store()
    nquads = ox.RdfFormat.N_QUADS
    store.bulk_load(source.dump(format=nquads), format=nquads)
    return store


def _worker_main(spec: _StoreSpec, conn: Any) -> None:
    """A query worker: open the store, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    try:
        store = _open_spec(spec)
    except (KGError, OSError, RuntimeError, SyntaxError, ValueError) as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(_execute(store, job))


def _execute(store: ox.Store, job: dict[str, Any]) -> tuple[int, str, bytes]:
    """Run one query or update; (HTTP status, media type, body)."""
    import pyoxigraph as ox

    text = job["text"]
    try:
        if job["op"] == "update":
            store.update(text, prefixes=PREFIX_MAP)
            return HTTPStatus.NO_CONTENT, "", b""
        options: dict[str, Any] = {"prefixes": PREFIX_MAP}
        default = [ox.NamedNode(u) for u in job.get("default", ())]
        named = [ox.NamedNode(u) for u in job.get("named", ())]
        if default:
            options["default_graph"] = default
        if named:
            options["named_graphs"] = named
        if not (default or named):
            # kg build writes the default graph; union keeps kg query's view
            # for stores that gain named graphs (kg export trig, updates).
            options["use_default_graph_as_union"] = True
        if job.get("params"):
            from .query import bind_value

            options["substitutions"] = {
                ox.Variable(k): bind_value(v) for k, v in job["params"].items()
            }
        result = store.query(text, **options)
        buffer = io.BytesIO()
        # Serialising evaluates the query, so errors raised while solutions
        # are produced still get a proper status.
        if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
            fmt = negotiate(job.get("accept"), _result_formats())
            if fmt is None:
                return _not_acceptable(_result_formats())
            result.serialize(buffer, fmt)
            media = fmt.media_type
        else:
            fmt = negotiate(job.get("accept"), _graph_formats())
            if fmt is None:
                return _not_acceptable(_graph_formats())
            ox.serialize(result, buffer, fmt, prefixes=_OUTPUT_PREFIXES)
            media = _with_charset(fmt.media_type)
        return HTTPStatus.OK, media, buffer.getvalue()
    except SyntaxError as exc:
        message = f"malformed SPARQL: {explain_syntax_error(text, exc, offset=0)}"
        return HTTPStatus.BAD_REQUEST, _TEXT, message.encode("utf-8")
    except ValueError as exc:
        return HTTPStatus.BAD_REQUEST, _TEXT, f"bad request: {exc}".encode()
    except (OSError, RuntimeError) as exc:
        if job.get("params"):
            message = f"cannot bind a parameter: {exc}"
            return HTTPStatus.BAD_REQUEST, _TEXT, message.encode("utf-8")
        message = f"{job['op']} failed: {exc}"
        return HTTPStatus.INTERNAL_SERVER_ERROR, _TEXT, message.encode("utf-8")


_TEXT = "text/plain; charset=utf-8"


class _Worker:
    def __init__(self, context: Any, spec: _StoreSpec) -> None:
        self.conn, child = context.Pipe()
        self.process = start_process(_worker_main, (spec, child))
        self.niced = False
        child.close()

    def wait_ready(self) -> None:
        """Block until the worker has opened the store; KGError if it cannot."""
        while not self.conn.poll(0.2):
            if not self.process.is_alive():
                raise KGError("a query worker exited while opening the store")
        try:
            status, message = self.conn.recv()
        except EOFError:
            raise KGError("a query worker exited while opening the store") from None
        if status != "ready":
            self.kill()
            raise KGError(message)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(10)
        self.conn.close()


class _TimeLimitError(Exception):
    """No worker answered within the time limit."""


class WorkerPool:
    """Worker processes answering queries, each killable at the time limit."""

    def __init__(self, spec: _StoreSpec, size: int) -> None:
        self.spec = spec
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._start() for _ in range(size)]
        try:
            for worker in started:
                worker.wait_ready()
        except KGError:
            self.close()
            raise
        for worker in started:
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.spec)
        with self._lock:
            self._workers.add(worker)
        return worker

    def run(
        self,
        job: dict[str, Any],
        deadline: float | None,
        gone: Callable[[], bool] | None = None,
    ) -> tuple:
        """Run a job on a free worker.

        Raises:
            _TimeLimitError: no worker was free, or the job ran, past
                ``deadline``, or the client went away (``gone()`` true); the
                job's worker is then ended and replaced.
        """

        def remaining() -> float | None:
            return None if deadline is None else max(0.0, deadline - time.monotonic())

        try:
            worker = self._idle.get(timeout=remaining())
        except queue.Empty:
            raise _TimeLimitError("busy") from None
        try:
            worker.conn.send(job)
            outcome = self._wait(worker, deadline, gone)
            if outcome == "done":
                reply = worker.conn.recv()
                if worker.niced:
                    self._replace(worker)  # renicing back needs privileges
                else:
                    self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            message = b"query failed: its worker process died (out of memory?)"
            return HTTPStatus.INTERNAL_SERVER_ERROR, _TEXT, message
        # Past the limit or abandoned: the only way to stop Oxigraph is to
        # end its process.
        self._replace(worker)
        raise _TimeLimitError(outcome)

    @staticmethod
    def _wait(
        worker: _Worker, deadline: float | None, gone: Callable[[], bool] | None
    ) -> str:
        """``done``, ``limit`` or ``gone``, checking every quarter second."""
        start = time.monotonic()
        while True:
            step = 0.25
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return "limit"
                step = min(step, left)
            if worker.conn.poll(step):
                return "done"
            if not worker.niced and time.monotonic() - start >= SLOW_QUERY:
                # A long query yields the CPU to the many short ones.
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, worker.process.pid, 10)
                worker.niced = True
            if gone is not None and gone():
                return "gone"

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        with self._lock:
            self._workers.discard(worker)

        def restart() -> None:
            worker.kill()  # reaps it; a RocksDB lock goes with the process
            for attempt in range(3):
                if self._closed:
                    return
                try:
                    fresh = self._start()
                    fresh.wait_ready()
                except (KGError, OSError, EOFError) as exc:
                    # OSError: the pool closed the new worker's pipe while
                    # it started (the server is stopping).
                    if self._closed:
                        return  # stopped while it started
                    log.error("cannot restart a query worker: %s", exc)
                    time.sleep(1 + attempt)
                    continue
                if self._closed:
                    fresh.kill()
                else:
                    self._idle.put(fresh)
                return

        threading.Thread(target=restart, daemon=True).start()

    def close(self) -> None:
        """Stop every worker (a running query is cut)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.kill()


# ------------------------------------------------------------ the server


class SparqlServer:
    """The HTTP server: query workers, the pages and the request handling.

    Start it with :meth:`serve_forever` (in a thread for tests) and stop it
    with :meth:`shutdown` then :meth:`server_close`, which also stops the
    workers and deletes a writable server's scratch store.

    Attributes:
        writable: whether SPARQL UPDATE is accepted.
        loopback: whether the server listens on a loopback address only.
        time_limit: seconds a query may run (None: no limit).
        allow_remote: whether SERVICE and LOAD may reach other servers.
        explorer: the bytes of ``graph.html`` (or a stub page).
    """

    def __init__(
        self,
        graph_path: Path | str,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        writable: bool = False,
        memory: bool = False,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        workers: int | None = None,
        allow_remote: bool = False,
        cors: bool = True,
    ) -> None:
        """Open the graph, start the workers and bind the socket.

        Args:
            graph_path: a ``graph.ttl`` written by ``kg build``, or its folder.
            host: the address to bind; the default is reachable from this
                machine only.
            port: the TCP port; 0 picks a free one (see :attr:`url`).
            writable: accept SPARQL UPDATE, on a scratch copy of the graph.
            memory: each worker loads the graph into memory instead of
                querying the persisted store: seconds to start and about
                0.5 GB per million triples per worker, for faster joins.
            time_limit: seconds a query may run before it is cut (None or 0:
                no limit).
            workers: query worker processes (default 4, 2 with ``memory``;
                always 1 when writable). More than the cores is useful: a
                worker stuck in a long query leaves the others answering.
            allow_remote: let SERVICE (and LOAD, when writable) reach other
                servers.
            cors: allow read requests from pages of any origin.

        Raises:
            KGError: the graph cannot be opened or the address cannot be bound.
        """
        graph = graph_file(graph_path)
        self.writable = writable
        #: Where the build's query tables are read (kg.tables), pinned to
        #: the generation being served; None when updates may change the graph.
        self.table_graph = None if writable else graph.resolve()
        self.loopback = _is_loopback(host)
        self.time_limit = time_limit or None
        self.allow_remote = allow_remote
        self.cors = cors
        self._scratch: Path | None = None
        spec = self._spec(graph, writable, memory)
        size = 1 if writable else workers or (2 if memory else 4)
        try:
            self.pool = WorkerPool(spec, size)
        except KGError:
            self._drop_scratch()
            raise
        html = graph.parent / "graph.html"
        self.explorer = html.read_bytes() if html.is_file() else _NO_EXPLORER
        self.query_page = _query_page()
        from cheroot.wsgi import Server

        self._server = Server(
            (host, port),
            _App(self),
            numthreads=max(16, 4 * size),
            server_name="EduKG",
            request_queue_size=2048,  # the listen backlog
            timeout=60,  # a client that stops sending frees its thread
            accepted_queue_size=4096,
        )
        self._server.max_request_body_size = MAX_BODY
        try:
            # cheroot leaks its socket when bind fails; a probe fails first.
            _probe_bind(host, port)
            self._server.prepare()  # binds and listens
        except OSError as exc:
            self.pool.close()
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

    def _spec(self, graph: Path, writable: bool, memory: bool) -> _StoreSpec:
        """How workers open the graph; for a writable server, a private copy."""
        import pyoxigraph as ox

        store_dir = graph.parent / STORE_DIR
        problem = store_problem(graph)
        if problem not in (None, "no store"):
            log.warning(
                "%s: not used: %s; reading %s (`kg build` writes a new store)",
                store_dir,
                problem,
                graph,
            )
        fresh = problem is None
        if memory:
            # Private already: updates stay in the worker's memory (and are
            # lost if a query is cut at the time limit, which restarts it).
            if graph.is_file():
                return _StoreSpec("file", str(graph))  # parsing beats dumping
            if fresh:
                return _StoreSpec("dump", str(store_dir))
        if not fresh and not graph.is_file():
            raise QueryError(f"{graph}: no such graph file (run `kg build` first)")
        if fresh and not writable:
            return _StoreSpec("store", str(store_dir))
        # A private store on disk: for a writable server one that only its one
        # worker opens, so a worker killed at the time limit loses no
        # committed update; for a read-only server without a usable store,
        # graph.ttl is loaded once here rather than parsed by every worker.
        self._scratch = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        copy = self._scratch / STORE_DIR
        try:
            if fresh:
                # A checkpoint (hard links where possible): fast even for
                # large graphs, and updates never reach the build.
                ox.Store.read_only(str(store_dir)).backup(str(copy))
            elif graph.is_file():
                write_store(graph, copy)
            else:
                raise QueryError(f"{graph}: no such graph file (run `kg build` first)")
        except (OSError, RuntimeError) as exc:
            self._drop_scratch()
            raise KGError(f"cannot make a scratch copy of the store: {exc}") from exc
        except KGError:
            self._drop_scratch()
            raise
        return _StoreSpec("scratch" if writable else "store", str(copy))

    @property
    def server_address(self) -> tuple[str, int]:
        """The (host, port) actually bound."""
        host, port = self._server.bind_addr[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        """The base URL, with the port actually bound (``http://127.0.0.1:7878/``)."""
        host, port = self.server_address
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        """Answer requests until :meth:`shutdown`."""
        self._server.serve()

    def shutdown(self) -> None:
        """Stop answering; :meth:`serve_forever` returns."""
        self._server.stop()

    def server_close(self) -> None:
        """Close the socket, stop the workers, delete a scratch store."""
        self.pool.close()  # a request waiting on a worker gets its answer now
        self._server.stop()
        self._drop_scratch()

    def _drop_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def run_job(
        self, job: dict[str, Any], gone: Callable[[], bool] | None = None
    ) -> tuple[int, str, bytes]:
        """Run a query or update within the time limit; 503 past it.

        ``gone`` tells whether the client has disconnected; its query is then
        cancelled at once rather than at the limit.
        """
        deadline = (
            None if self.time_limit is None else time.monotonic() + self.time_limit
        )
        try:
            return self.pool.run(job, deadline, gone)
        except _TimeLimitError as why:
            if str(why) == "gone":
                message = "query cancelled: the client disconnected"
            elif str(why) == "busy":
                message = (
                    f"server busy: no query worker was free within the "
                    f"{self.time_limit:g} s time limit; try again"
                )
            else:
                message = (
                    f"query cancelled: it ran past the {self.time_limit:g} s "
                    "time limit of this endpoint"
                )
            raise _RequestError(HTTPStatus.SERVICE_UNAVAILABLE, message) from None


def _probe_bind(host: str, port: int) -> None:
    """Raise OSError if (host, port) cannot be bound."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _yasgui_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("kg.data").joinpath("yasgui")))


def _query_page() -> bytes:
    """The /sparql page: YASGUI with the prefixes and named queries preloaded."""
    template = (_yasgui_dir() / "sparql.html").read_text("utf-8")
    examples = [
        {
            "name": q.name,
            "description": q.description,
            "query": q.sparql,
            "params": [
                {"name": p.name, "help": p.help, "required": p.required}
                for p in q.params
            ],
        }
        for q in named_queries()
    ]
    config = {"prefixes": PREFIX_MAP, "queries": examples}
    # </script> cannot end the element early: < is escaped inside the JSON.
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace("/*EDUKG_CONFIG*/null", data).encode("utf-8")


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


class _RequestError(Exception):
    """Stop handling a request and answer with this status and message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class _Request:
    method: str
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    environ: dict[str, Any]

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def content_type(self) -> str:
        raw = self.header("content-type") or ""
        return raw.split(";", 1)[0].strip().lower()

    def body(self) -> bytes:
        length = self.header("content-length")
        if length is None and self.environ.get("HTTP_TRANSFER_ENCODING") is None:
            raise _RequestError(
                HTTPStatus.LENGTH_REQUIRED, "Content-Length is required"
            )
        try:
            size = int(length) if length is not None else MAX_BODY
        except ValueError:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if size > MAX_BODY or size < 0:
            raise _RequestError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {MAX_BODY} bytes"
            )
        return self.environ["wsgi.input"].read(size)

    def text(self) -> str:
        try:
            return self.body().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _RequestError(
                HTTPStatus.BAD_REQUEST,
                f"the request body is not UTF-8 (byte {exc.start})",
            ) from None


def _parse_qs(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise _RequestError(
            HTTPStatus.BAD_REQUEST, "percent-encoded text is not UTF-8"
        ) from None


class _App:
    """The WSGI application: routes, guards, protocol."""

    def __init__(self, server: SparqlServer) -> None:
        self.server = server

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable:
        headers = {
            k[5:].replace("_", "-").lower(): v
            for k, v in environ.items()
            if k.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "/") or "/"
        extra: list[tuple[str, str]] = []
        try:
            request = _Request(
                method,
                path,
                _parse_qs(environ.get("QUERY_STRING", "")),
                headers,
                environ,
            )
            self._check_host(request)
            status, media, body, extra = self._route(request)
        except _RequestError as reply:
            status, media = reply.status, _TEXT
            body = reply.message.encode("utf-8") + b"\n"
            if reply.status == HTTPStatus.METHOD_NOT_ALLOWED:
                extra = [("Allow", "POST")]
        is_read = path.startswith(_READ_PATHS) and path != "/update"
        reply_headers = [
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            (
                "Content-Security-Policy",
                _PAGE_CSP if media.startswith("text/html") else _DATA_CSP,
            ),
            *extra,
        ]
        if media and status != HTTPStatus.NO_CONTENT:
            reply_headers.append(("Content-Type", media))
        if is_read and self.server.cors:
            reply_headers.append(("Access-Control-Allow-Origin", "*"))
        log.info(  # shown by kg -v
            "%s %s %s %d", environ.get("REMOTE_ADDR"), method, path, int(status)
        )
        start_response(f"{int(status)} {HTTPStatus(status).phrase}", reply_headers)
        return [b"" if method == "HEAD" else body]

    def _check_host(self, request: _Request) -> None:
        # A loopback server answers only requests addressed to a loopback
        # name: a web page that rebinds its own domain to 127.0.0.1 (DNS
        # rebinding) cannot read the graph or, if writable, change it.
        host = request.header("host")
        if not self.server.loopback or host is None:
            return
        name = urlsplit(f"//{host}").hostname or ""
        if not _is_loopback(name):
            raise _RequestError(
                HTTPStatus.FORBIDDEN, f"unexpected Host header {host!r}"
            )

    def _route(self, request: _Request) -> tuple:
        path, method = request.path, request.method
        if method == "OPTIONS":
            return self._preflight(request)
        if method in ("GET", "HEAD"):
            if path in ("/", "/index.html", "/graph.html"):
                return HTTPStatus.OK, _HTML, self.server.explorer, []
            if path in ("/query", "/sparql"):
                if "query" in request.params:
                    return self._query(request, request.params)
                if path == "/sparql" and _wants_html(request.header("accept")):
                    return HTTPStatus.OK, _HTML, self.server.query_page, []
                return self._service_description(request)
            if path == "/queries":
                return self._query_list()
            if path.startswith("/queries/"):
                return self._named(request, path.removeprefix("/queries/"))
            if path.startswith("/assets/"):
                return self._asset(path.removeprefix("/assets/"))
            if path == "/update":
                raise _RequestError(HTTPStatus.METHOD_NOT_ALLOWED, "updates are POSTed")
            raise _RequestError(HTTPStatus.NOT_FOUND, f"no such page: {path}")
        if method == "POST":
            if path not in ("/query", "/sparql", "/update"):
                raise _RequestError(HTTPStatus.NOT_FOUND, f"no such endpoint: {path}")
            return self._post(request)
        raise _RequestError(
            HTTPStatus.NOT_IMPLEMENTED, f"method {method} is not supported"
        )

    def _preflight(self, request: _Request) -> tuple:
        extra = [("Allow", "GET, HEAD, POST, OPTIONS")]
        if request.path.startswith(_READ_PATHS) and self.server.cors:
            extra += [
                ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
                ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                ("Access-Control-Max-Age", "600"),
            ]
        return HTTPStatus.NO_CONTENT, "", b"", extra

    def _post(self, request: _Request) -> tuple:
        path = request.path
        params = dict(request.params)
        kind = request.content_type
        if path == "/update":
            self._check_update_request(request)
        if kind == "application/x-www-form-urlencoded":
            params |= _parse_qs(request.text())
        elif kind == "application/sparql-query" and path != "/update":
            params["query"] = [request.text()]
        elif kind == "application/sparql-update":
            params["update"] = [request.text()]
        else:
            raise _RequestError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"unsupported Content-Type {kind or 'none'}: use "
                "application/sparql-query, application/sparql-update or "
                "application/x-www-form-urlencoded",
            )
        if "update" in params and "query" not in params:
            return self._update(request, params, kind)
        if "query" in params and path != "/update":
            return self._query(request, params)
        raise _RequestError(HTTPStatus.BAD_REQUEST, "missing query or update")

    # ------------------------------------------------------------ queries

    def _query(self, request: _Request, params: dict[str, list[str]]) -> tuple:
        texts = params["query"]
        if len(texts) != 1:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "give exactly one query")
        # An extension for the query page: $NAME=VALUE binds ?NAME as a value
        # (Oxigraph's substitutions, as kg query --param), never as text.
        bindings = {}
        for key, values in params.items():
            if key.startswith("$"):
                if not _VARIABLE.fullmatch(key[1:]) or len(values) != 1:
                    raise _RequestError(
                        HTTPStatus.BAD_REQUEST, f"bad parameter binding {key!r}"
                    )
                bindings[key[1:]] = values[0]
        return self._run_query(request, texts[0], params, bindings or None)

    def _run_query(
        self,
        request: _Request,
        text: str,
        params: dict[str, list[str]],
        bindings: dict[str, str] | None,
    ) -> tuple:
        try:
            check_query_text(text, allow_remote=self.server.allow_remote)
        except RemoteAccessError as exc:
            raise _RequestError(HTTPStatus.FORBIDDEN, str(exc)) from exc
        except QueryError as exc:
            raise _RequestError(
                HTTPStatus.BAD_REQUEST, f"{exc}; updates are POSTed to /update"
            ) from exc
        job = {
            "op": "query",
            "text": text,
            "default": params.get("default-graph-uri", []),
            "named": params.get("named-graph-uri", []),
            "accept": request.header("accept"),
            "params": bindings,
        }
        status, media, body = self.server.run_job(job, _client_gone(request.environ))
        return status, media, body, [("Vary", "Accept")]

    def _named(self, request: _Request, name: str) -> tuple:
        try:
            spec = named_query(name)
        except QueryError as exc:
            raise _RequestError(HTTPStatus.NOT_FOUND, str(exc)) from exc
        given = {}
        for key, values in request.params.items():
            if len(values) != 1:
                raise _RequestError(HTTPStatus.BAD_REQUEST, f"give {key} once")
            given[key] = values[0]
        try:
            given = spec.check_params(given)
        except QueryError as exc:
            message = str(exc).replace("--param ", "?")
            raise _RequestError(HTTPStatus.BAD_REQUEST, message) from exc
        if spec.table and not given and self.server.table_graph is not None:
            answer = self._from_table(request, spec)
            if answer is not None:
                return answer
        return self._run_query(request, spec.sparql, {}, given or None)

    def _from_table(self, request: _Request, spec: NamedQuery) -> tuple | None:
        """A tabled query's answer read from the build (see kg.tables), or None."""
        from .tables import table_solutions

        solutions = table_solutions(self.server.table_graph, spec)
        if solutions is None:
            return None
        fmt = negotiate(request.header("accept"), _result_formats())
        if fmt is None:
            return (*_not_acceptable(_result_formats()), [("Vary", "Accept")])
        buffer = io.BytesIO()
        solutions.serialize(buffer, fmt)
        return HTTPStatus.OK, fmt.media_type, buffer.getvalue(), [("Vary", "Accept")]

    def _query_list(self) -> tuple:
        listing = [
            {
                "name": q.name,
                "description": q.description,
                "url": f"/queries/{q.name}",
                "params": [
                    {"name": p.name, "help": p.help, "required": p.required}
                    for p in q.params
                ],
            }
            for q in named_queries()
        ]
        body = json.dumps(listing, ensure_ascii=False, indent=2).encode("utf-8")
        return HTTPStatus.OK, "application/json", body, []

    def _update(
        self, request: _Request, params: dict[str, list[str]], kind: str
    ) -> tuple:
        if not self.server.writable:
            raise _RequestError(
                HTTPStatus.FORBIDDEN,
                "this endpoint is read-only (start `kg serve` with --writable)",
            )
        if kind != "application/sparql-update":
            # An HTML form can send this type from any site; a script on
            # another site cannot send application/sparql-update without a
            # CORS preflight, which /update does not grant.
            raise _RequestError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "updates must be sent as application/sparql-update",
            )
        texts = params["update"]
        if len(texts) != 1:
            raise _RequestError(HTTPStatus.BAD_REQUEST, "give exactly one update")
        try:
            check_update_text(texts[0], allow_remote=self.server.allow_remote)
        except QueryError as exc:
            raise _RequestError(HTTPStatus.FORBIDDEN, str(exc)) from exc
        status, media, body = self.server.run_job({"op": "update", "text": texts[0]})
        return status, media, body, []

    def _check_update_request(self, request: _Request) -> None:
        origin = request.header("origin")
        if origin is None or not self.server.writable:
            return
        expected = {f"http://{request.header('host')}"}
        if origin not in expected:
            raise _RequestError(
                HTTPStatus.FORBIDDEN,
                f"updates from another origin ({origin}) are refused",
            )

    # -------------------------------------------------------------- pages

    def _service_description(self, request: _Request) -> tuple:
        fmt = negotiate(request.header("accept"), _graph_formats())
        if fmt is None:
            return (*_not_acceptable(_graph_formats()), [])
        import pyoxigraph as ox

        host = request.header("host") or "127.0.0.1"
        endpoint = f"http://{host}{request.path}"
        description = _SERVICE_DESCRIPTION.replace("ENDPOINT", endpoint)
        triples = ox.parse(description.encode("utf-8"), format=ox.RdfFormat.TURTLE)
        body = ox.serialize(
            (q.triple for q in triples), format=fmt, prefixes=_SD_PREFIXES
        )
        return HTTPStatus.OK, _with_charset(fmt.media_type), body, [("Vary", "Accept")]

    def _asset(self, name: str) -> tuple:
        media = _YASGUI_FILES.get(name)
        if media is None:
            raise _RequestError(HTTPStatus.NOT_FOUND, f"no such file: {name}")
        body = (_yasgui_dir() / name).read_bytes()
        return HTTPStatus.OK, media, body, [("Cache-Control", "max-age=3600")]


_HTML = "text/html; charset=utf-8"
_VARIABLE = re.compile(r"\w+")
_SD_PREFIXES = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "dcterms": "http://purl.org/dc/terms/",
}
_SERVICE_DESCRIPTION = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
[] a sd:Service ;
  sd:endpoint <ENDPOINT> ;
  dcterms:title "EduKG SPARQL endpoint" ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>,
    <http://www.w3.org/ns/formats/SPARQL_Results_XML>,
    <http://www.w3.org/ns/formats/SPARQL_Results_CSV>,
    <http://www.w3.org/ns/formats/SPARQL_Results_TSV>,
    <http://www.w3.org/ns/formats/Turtle>,
    <http://www.w3.org/ns/formats/N-Triples>,
    <http://www.w3.org/ns/formats/RDF_XML>,
    <http://www.w3.org/ns/formats/JSON-LD> ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""


def _client_gone(environ: dict[str, Any]) -> Callable[[], bool] | None:
    """A check whether the client has closed its connection, if one can be made.

    cheroot does not expose the socket; it is reached through the request's
    input stream (KnownLengthRFile → StreamReader → SocketIO). Without it,
    a query is cut at the time limit only.
    """
    sock: Any = environ.get("wsgi.input")
    for name in ("rfile", "raw", "_sock"):
        sock = getattr(sock, name, None)
    if not isinstance(sock, socket.socket):
        return None

    def gone() -> bool:
        # Readable with nothing to read is a closed connection. (recv alone
        # would wait for data: cheroot's sockets have a timeout.)
        poller = select.poll()
        poller.register(sock, select.POLLIN | select.POLLHUP | select.POLLERR)
        if not poller.poll(0):
            return False  # open, nothing sent: still waiting for us
        try:
            return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    return gone


def _wants_html(accept: str | None) -> bool:
    offers = [(("text/html",), True), (("text/turtle", "application/*"), False)]
    return bool(accept) and negotiate(accept, offers) is True


def _not_acceptable(
    offers: list[tuple[tuple[str, ...], Any]],
) -> tuple[int, str, bytes]:
    types = ", ".join(types[0] for types, _ in offers)
    message = f"not acceptable; available: {types}\n"
    return HTTPStatus.NOT_ACCEPTABLE, _TEXT, message.encode("utf-8")


def _with_charset(media: str) -> str:
    text = media.startswith("text/") and "charset" not in media
    return f"{media}; charset=utf-8" if text else media


# ------------------------------------------------------------ entry points


def make_server(
    graph_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    **options: Any,
) -> SparqlServer:
    """Open the graph, start the workers and bind; start with ``serve_forever()``.

    Tests run ``serve_forever`` in a thread (``port=0`` picks a free port,
    :attr:`SparqlServer.url` names it) and stop it with ``shutdown()`` and
    ``server_close()``. ``options`` are :class:`SparqlServer`'s keywords
    (``memory``, ``time_limit``, ``workers``, ``allow_remote``, ``cors``).

    Raises:
        KGError: the graph cannot be opened or the address cannot be bound.
    """
    return SparqlServer(graph_path, host, port, writable=writable, **options)


def serve(
    graph_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    *,
    on_ready: Callable[[str], None] | None = None,
    **options: Any,
) -> None:
    """Serve a built graph until Ctrl-C (or SIGTERM), then stop cleanly.

    Args:
        graph_path: a ``graph.ttl`` written by ``kg build``, or its folder.
        host: the address to bind (default: this machine only).
        port: the TCP port; 0 picks a free one.
        writable: accept SPARQL UPDATE, on a scratch copy deleted at exit.
        on_ready: called with the base URL once the server is listening.
        **options: :class:`SparqlServer`'s keywords (``memory``,
            ``time_limit``, ``workers``, ``allow_remote``, ``cors``).

    Raises:
        KGError: the graph cannot be opened or the address cannot be bound.
    """
    server = make_server(graph_path, host, port, writable, **options)
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
