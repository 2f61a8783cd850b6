"""``kg serve``: the SPARQL 1.1 Protocol endpoint and the explorer, over HTTP.

Servers bind 127.0.0.1 on a free port, run in a thread (or a subprocess for
the CLI) and are always stopped in fixture teardown or ``finally``; every
network wait is bounded.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ROOT, Built
from rdflib import Graph, URIRef
from test_query import _flip_bytes_inside_sst, listener

from kg.errors import KGError
from kg.query import STORE_DIR, named_query, run_query, store_is_fresh
from kg.serve import SparqlServer, make_server, negotiate

TIMEOUT = 10  # seconds, for every HTTP request and every wait
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s a edu:School }"
INSERT = "INSERT DATA { <urn:kg-test:thing> a edu:School }"
ASK_NEW = "ASK { <urn:kg-test:thing> a edu:School }"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a edu:Bureau ; rdfs:label ?l }"


@dataclass(frozen=True)
class Reply:
    """An HTTP response, errors included."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def type(self) -> str:
        return self.headers.get("Content-Type", "")

    def json(self) -> dict:
        return json.loads(self.body.decode("utf-8"))


def http(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """GET (or POST ``data``) with a bounded wait; HTTP errors are replies."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return Reply(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, dict(error.headers), error.read())


def get_query(base: str, sparql: str, accept: str | None = None) -> Reply:
    headers = {"Accept": accept} if accept else {}
    return http(f"{base}query?{urlencode({'query': sparql})}", headers=headers)


def post(base: str, path: str, body: str, content_type: str) -> Reply:
    return http(
        base + path, data=body.encode("utf-8"), headers={"Content-Type": content_type}
    )


def count_of(reply: Reply) -> int:
    assert reply.status == 200, reply.body
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


@contextlib.contextmanager
def running(server: SparqlServer) -> Iterator[str]:
    """Serve in a thread; always shut down and close, with a bounded join."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
        assert not thread.is_alive()


@pytest.fixture(scope="module")
def base(example_build: Built) -> Iterator[str]:
    """A read-only server over the example build; yields its base URL."""
    with running(make_server(example_build.out, "127.0.0.1", 0)) as url:
        yield url


@pytest.fixture(scope="module")
def schools(example_build: Built) -> int:
    return int(run_query(example_build.ttl, COUNT).rows[0][0])


# ---------------------------------------------------------------- queries


def test_get_select_count_equals_run_query(base: str, schools: int) -> None:
    reply = get_query(base, COUNT)
    assert reply.type == "application/sparql-results+json"
    assert count_of(reply) == schools > 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (COUNT, "application/sparql-query"),
        (urlencode({"query": COUNT}), "application/x-www-form-urlencoded"),
        (COUNT, "application/sparql-query; charset=utf-8"),
    ],
    ids=["direct", "form", "charset"],
)
def test_post_select(base: str, schools: int, body: str, content_type: str) -> None:
    assert count_of(post(base, "query", body, content_type)) == schools


def test_sparql_is_an_alias_of_query(base: str, schools: int) -> None:
    reply = http(f"{base}sparql?{urlencode({'query': COUNT})}")
    assert count_of(reply) == schools


def test_select_rows_match_run_query(base: str, example_build: Built) -> None:
    sparql = (
        "SELECT ?s ?label WHERE { ?s a edu:Bureau ; rdfs:label ?label } ORDER BY ?s"
    )
    rows = get_query(base, sparql).json()["results"]["bindings"]
    expected = run_query(example_build.ttl, sparql).rows
    assert [(r["s"]["value"], r["label"]["value"]) for r in rows] == list(expected)
    assert rows[0]["s"]["type"] == "uri"
    assert rows[0]["label"]["xml:lang"] == "zh"


@pytest.mark.parametrize(
    ("accept", "media", "delimiter"),
    [
        ("text/csv", "text/csv", ","),
        ("text/tab-separated-values", "text/tab-separated-values", "\t"),
    ],
)
def test_select_as_csv_and_tsv(
    base: str, schools: int, accept: str, media: str, delimiter: str
) -> None:
    reply = get_query(base, COUNT, accept)
    assert reply.status == 200
    assert reply.type.startswith(media)
    rows = list(csv.reader(io.StringIO(reply.body.decode()), delimiter=delimiter))
    assert rows[0][0].lstrip("?") == "n"
    assert int(rows[1][0].split("^^")[0].strip('"')) == schools


def test_select_as_xml(base: str, schools: int) -> None:
    reply = get_query(base, COUNT, "application/sparql-results+xml")
    assert reply.type == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    literal = ET.fromstring(reply.body).find(".//r:binding/r:literal", ns)
    assert literal is not None and int(literal.text or "") == schools


def test_accept_quality_values_are_honoured(base: str) -> None:
    reply = get_query(base, COUNT, "application/sparql-results+json;q=0.2, text/csv")
    assert reply.type.startswith("text/csv")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert get_query(base, COUNT, browser).status == 200


def test_ask(base: str) -> None:
    reply = get_query(base, "ASK { ?s a edu:Region }")
    assert reply.json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [(None, "turtle"), ("application/n-triples", "nt"), ("text/turtle", "turtle")],
)
def test_construct(
    base: str, example_build: Built, accept: str | None, rdflib_format: str
) -> None:
    reply = get_query(base, CONSTRUCT, accept)
    assert reply.status == 200
    graph = Graph().parse(data=reply.body.decode("utf-8"), format=rdflib_format)
    bureaus = run_query(example_build.ttl, CONSTRUCT)
    assert len(graph) == len(bureaus.ntriples.splitlines()) > 0


def test_unacceptable_type_is_406(base: str) -> None:
    reply = get_query(base, COUNT, "image/png")
    assert reply.status == 406
    assert b"application/sparql-results+json" in reply.body


@pytest.mark.parametrize(
    "sparql", ["SELEC ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s a nope:X }"]
)
def test_malformed_query_is_400(base: str, sparql: str) -> None:
    reply = get_query(base, sparql)
    assert reply.status == 400
    assert reply.body.startswith(b"malformed SPARQL")


@pytest.mark.parametrize(
    ("path", "status"),
    [("nowhere", 404), ("update", 405)],
)
def test_bad_requests(base: str, path: str, status: int) -> None:
    assert http(base + path).status == status


def test_unsupported_body_type_is_415(base: str) -> None:
    assert post(base, "query", COUNT, "text/plain").status == 415


def test_default_graph_uri_is_honoured(base: str) -> None:
    # kg build writes only the default graph; no named graph has triples.
    url = f"{base}query?{urlencode({'query': COUNT, 'default-graph-uri': 'urn:x'})}"
    assert count_of(http(url)) == 0


def test_concurrent_queries(base: str, schools: int) -> None:
    with ThreadPoolExecutor(8) as pool:
        counts = list(pool.map(lambda _: count_of(get_query(base, COUNT)), range(16)))
    assert counts == [schools] * 16


# ------------------------------------------------------------ read-only


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("update", INSERT, "application/sparql-update"),
        ("update", urlencode({"update": INSERT}), "application/x-www-form-urlencoded"),
        ("query", urlencode({"update": INSERT}), "application/x-www-form-urlencoded"),
    ],
)
def test_updates_are_refused_when_read_only(
    base: str, path: str, body: str, content_type: str
) -> None:
    reply = post(base, path, body, content_type)
    assert reply.status == 403
    assert b"read-only" in reply.body
    assert get_query(base, ASK_NEW).json()["boolean"] is False


def test_an_update_sent_as_a_query_is_not_run(base: str) -> None:
    assert post(base, "query", INSERT, "application/sparql-query").status == 400
    assert get_query(base, ASK_NEW).json()["boolean"] is False


# ------------------------------------------------------ explorer, binding


def test_root_serves_the_html_explorer(base: str, example_build: Built) -> None:
    reply = http(base)
    assert reply.status == 200
    assert reply.type == "text/html; charset=utf-8"
    assert reply.body == (example_build.out / "graph.html").read_bytes()


def test_a_build_without_html_still_has_a_page(
    example_build: Built, tmp_path: Path
) -> None:
    shutil.copytree(example_build.out, tmp_path / "out")
    (tmp_path / "out" / "graph.html").unlink()
    with running(make_server(tmp_path / "out", port=0)) as url:
        reply = http(url)
    assert reply.status == 200
    assert b"/query" in reply.body


def test_binds_only_to_loopback(example_build: Built) -> None:
    server = make_server(example_build.out, port=0)  # the default host
    with running(server) as url:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        assert url == f"http://127.0.0.1:{port}/"
        # Listening on 127.0.0.1 only, not on every address: Linux routes all
        # of 127/8 to the loopback device, so a wildcard bind would answer
        # 127.0.0.2; so would any other address of this machine.
        others = ["127.0.0.2", *_other_addresses()]
        for address in others:
            with socket.socket() as probe:
                probe.settimeout(TIMEOUT)
                assert probe.connect_ex((address, port)) != 0, address


def _other_addresses() -> list[str]:
    """Non-loopback IPv4 addresses of this machine, if it has any."""
    found = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    with (
        contextlib.suppress(OSError),
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s,
    ):
        s.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
        found.add(s.getsockname()[0])
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


def test_the_default_host_is_loopback(example_build: Built) -> None:
    server = make_server(example_build.out, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.loopback
    finally:
        server.server_close()


def test_foreign_host_headers_are_refused(base: str) -> None:
    # A page that rebinds its domain to 127.0.0.1 cannot read the graph.
    reply = http(
        f"{base}query?{urlencode({'query': COUNT})}", headers={"Host": "evil.example"}
    )
    assert reply.status == 403
    assert http(base, headers={"Host": "localhost"}).status == 200


def test_a_busy_port_is_a_kgerror(example_build: Built) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(KGError, match=f"cannot listen on 127.0.0.1:{port}"):
            make_server(example_build.out, port=port)


def test_a_missing_graph_is_a_kgerror(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="no such graph"):
        make_server(tmp_path / "graph.ttl", port=0)


# --------------------------------------------------------------- writable


def test_writable_server_updates_a_scratch_copy(
    example_build: Built, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out)
    files = {p: p.read_bytes() for p in (out / STORE_DIR).iterdir()}
    server = make_server(out, port=0, writable=True)
    scratch = server._scratch
    assert scratch is not None and scratch.is_dir()
    with running(server) as url:
        assert post(url, "update", INSERT, "application/sparql-update").status == 204
        assert get_query(url, ASK_NEW).json()["boolean"] is True
        delete = "DELETE DATA { <urn:kg-test:thing> a edu:School }"
        assert post(url, "update", delete, "application/sparql-update").status == 204
        assert get_query(url, ASK_NEW).json()["boolean"] is False
        assert post(url, "update", INSERT, "application/sparql-update").status == 204
        bad = post(url, "update", "INSERT NONSENSE", "application/sparql-update")
        assert bad.status == 400
    # The build is untouched and the scratch copy is gone.
    assert not scratch.exists()
    assert store_is_fresh(out / "graph.ttl")
    assert run_query(out, ASK_NEW).boolean is False
    assert {p: p.read_bytes() for p in (out / STORE_DIR).iterdir()} == files


def test_writable_server_without_a_store(example_build: Built, tmp_path: Path) -> None:
    shutil.copy(example_build.ttl, tmp_path / "graph.ttl")
    server = make_server(tmp_path / "graph.ttl", port=0, writable=True)
    with running(server) as url:
        assert post(url, "update", INSERT, "application/sparql-update").status == 204
        assert get_query(url, ASK_NEW).json()["boolean"] is True
    assert run_query(tmp_path / "graph.ttl", ASK_NEW).boolean is False


@pytest.mark.parametrize("ttl_present", [True, False], ids=["turtle", "store-only"])
def test_memory_server_answers_like_the_store(
    example_build: Built, tmp_path: Path, schools: int, ttl_present: bool
) -> None:
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out)
    if not ttl_present:
        (out / "graph.ttl").unlink()  # copied from the store instead
    server = make_server(out, port=0, writable=True, memory=True)
    assert server._scratch is None  # memory is private already
    with running(server) as url:
        assert count_of(get_query(url, COUNT)) == schools
        assert post(url, "update", INSERT, "application/sparql-update").status == 204
        assert get_query(url, ASK_NEW).json()["boolean"] is True
    assert run_query(out, ASK_NEW).boolean is False


# --------------------------------------------------------------- the CLI


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    """One line of the child's stdout, waiting at most ``timeout`` seconds."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            raise AssertionError(f"no output within {timeout}s")
    return process.stdout.readline()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_cli_serves_until_ctrl_c(example_build: Built) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(example_build.out), "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = _read_line(process, 60)  # imports, then the store opens in ms
        assert line.startswith("serving "), line
        url = line.split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert http(url).status == 200
        assert count_of(get_query(url, COUNT)) > 0
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
        assert process.returncode == 0, stderr
        assert "stopped" in stdout
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=TIMEOUT)


# ----------------------------------------------------------- negotiation


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("text/csv", "csv"),
        ("text/*", "csv"),
        ("text/csv;q=0, */*", "json"),
        ("application/json;q=0.1, text/csv;q=0.5", "csv"),
        ("text/csv;q=0, application/json;q=0", None),
        ("application/sparql-results+json;q=bogus, text/csv", "csv"),
        ("image/png", None),
    ],
)
def test_negotiate(accept: str | None, expected: str | None) -> None:
    offers = [(("application/sparql-results+json", "application/json"), "json")]
    offers.append((("text/csv",), "csv"))
    assert negotiate(accept, offers) == expected


# ------------------------------------------------ time limit, isolation

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_runaway_query_is_cut_and_others_are_answered(
    example_build: Built, schools: int
) -> None:
    server = make_server(example_build.out, port=0, time_limit=3, workers=2)
    with running(server) as url:
        replies: list[Reply] = []
        start = time.monotonic()
        runaway = threading.Thread(
            target=lambda: replies.append(get_query(url, RUNAWAY)), daemon=True
        )
        runaway.start()
        time.sleep(0.5)
        # While one worker burns, the other answers at once.
        for _ in range(5):
            t = time.monotonic()
            assert count_of(get_query(url, COUNT)) == schools
            assert time.monotonic() - t < 2
        runaway.join(TIMEOUT)
        assert not runaway.is_alive()
        assert 2.5 < time.monotonic() - start < 8
        assert replies[0].status == 503
        assert replies[0].body.startswith(b"query cancelled: it ran past the 3 s")
        # The cut worker is replaced: two queries can run side by side again.
        time.sleep(3)
        with ThreadPoolExecutor(4) as pool:
            counts = list(pool.map(lambda _: count_of(get_query(url, COUNT)), range(8)))
        assert counts == [schools] * 8


def test_busy_workers_answer_503_at_the_limit_not_hang(
    example_build: Built, schools: int
) -> None:
    server = make_server(example_build.out, port=0, time_limit=2, workers=1)
    with running(server) as url:
        # The only worker is taken, as by a long query. (Holding it directly
        # keeps the test exact: a cut runaway's replacement may start fast
        # enough to answer the waiting query in time.)
        held = server.pool._idle.get(timeout=TIMEOUT)
        try:
            start = time.monotonic()
            waited = get_query(url, COUNT)
            elapsed = time.monotonic() - start
        finally:
            server.pool._idle.put(held)
        assert waited.status == 503
        assert b"no query worker was free" in waited.body
        assert 1.5 < elapsed < 6
        # Freed, the worker answers again.
        assert count_of(get_query(url, COUNT)) == schools


# ----------------------------------------------------- no outbound requests


def test_service_is_refused_and_sends_nothing(base: str) -> None:
    with listener() as (port, seen):
        sparql = f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
        reply = get_query(base, sparql)
        assert reply.status == 403
        assert b"SERVICE" in reply.body
    assert seen == []


def test_load_is_refused_on_a_writable_server(
    example_build: Built, tmp_path: Path
) -> None:
    shutil.copytree(example_build.out, tmp_path / "out")
    with (
        listener() as (port, seen),
        running(make_server(tmp_path / "out", port=0, writable=True)) as url,
    ):
        load = f"LOAD <http://127.0.0.1:{port}/data.ttl>"
        reply = post(url, "update", load, "application/sparql-update")
        assert reply.status == 403
        assert b"LOAD is off" in reply.body
    assert seen == []


# ------------------------------------------------------------- hardening


def test_a_non_utf8_body_is_400(base: str) -> None:
    body = "SELECT * WHERE { ?s rdfs:label '测试' }".encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    reply = http(
        base + "query", data=body, headers={"Content-Type": "application/sparql-query"}
    )
    assert reply.status == 400
    assert b"not UTF-8" in reply.body


@pytest.mark.parametrize("path", ["", "sparql", "query?query=ASK%7B%7D", "nowhere"])
def test_security_headers(base: str, path: str) -> None:
    reply = http(base + path, headers={"Accept": "text/html"})
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]
    assert reply.headers["Server"] == "EduKG"


def test_pages_allow_nothing_from_elsewhere(base: str) -> None:
    csp = http(base).headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert "http" not in csp


def test_writable_refuses_cross_origin_and_form_updates(
    example_build: Built, tmp_path: Path
) -> None:
    shutil.copytree(example_build.out, tmp_path / "out")
    with running(make_server(tmp_path / "out", port=0, writable=True)) as url:
        form = urlencode({"update": INSERT})
        reply = post(url, "update", form, "application/x-www-form-urlencoded")
        assert reply.status == 415
        evil = http(
            url + "update",
            data=INSERT.encode(),
            headers={
                "Content-Type": "application/sparql-update",
                "Origin": "http://evil.example",
            },
        )
        assert evil.status == 403
        assert get_query(url, ASK_NEW).json()["boolean"] is False
        own = http(
            url + "update",
            data=INSERT.encode(),
            headers={
                "Content-Type": "application/sparql-update",
                "Origin": url.rstrip("/"),
            },
        )
        assert own.status == 204
        assert get_query(url, ASK_NEW).json()["boolean"] is True


# ------------------------------------------------------ CORS, named queries


def test_cors_preflight_and_read_replies(base: str) -> None:
    request = urllib.request.Request(
        base + "query",
        method="OPTIONS",
        headers={
            "Origin": "https://observablehq.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert get_query(base, COUNT).headers["Access-Control-Allow-Origin"] == "*"


def test_update_gets_no_cors(base: str) -> None:
    request = urllib.request.Request(base + "update", method="OPTIONS")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert "Access-Control-Allow-Origin" not in response.headers


def test_named_queries_over_http(base: str, example_build: Built) -> None:
    listing = http(base + "queries").json()
    names = [q["name"] for q in listing]
    assert "reports-mentioning" in names
    reply = http(f"{base}queries/reports-mentioning?{urlencode({'name': '实验小学'})}")
    assert reply.status == 200
    expected = named_query("reports-mentioning").run(
        example_build.out, {"name": "实验小学"}
    )
    assert len(reply.json()["results"]["bindings"]) == len(expected.rows) > 0
    csv_reply = http(base + "queries/reports", headers={"Accept": "text/csv"})
    assert csv_reply.type.startswith("text/csv")


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("queries/reports-mentioning", 400, b"needs ?name"),
        ("queries/reports?nope=1", 400, b"no parameter 'nope'"),
        ("queries/no-such-query", 404, b"no query named"),
    ],
)
def test_named_query_errors(base: str, path: str, status: int, message: bytes) -> None:
    reply = http(base + path)
    assert reply.status == status
    assert message in reply.body


def test_dollar_parameters_bind_values(base: str) -> None:
    sparql = "SELECT ?name WHERE {}"
    url = f"{base}query?{urlencode({'query': sparql, '$name': '} INSERT {'})}"
    rows = http(url).json()["results"]["bindings"]
    assert rows == [{"name": {"type": "literal", "value": "} INSERT {"}}]


def test_service_description(base: str) -> None:
    reply = http(base + "query", headers={"Accept": "text/turtle"})
    assert reply.status == 200
    graph = Graph().parse(data=reply.body.decode(), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = {str(o) for o in graph.objects(None, URIRef(sd + "endpoint"))}
    assert endpoints == {base + "query"}


def test_query_page_and_its_assets(base: str) -> None:
    page = http(base + "sparql", headers={"Accept": "text/html"})
    assert page.status == 200
    assert page.type == "text/html; charset=utf-8"
    text = page.body.decode()
    assert '<a href="/">' in text
    assert "/assets/yasgui.min.js" in text
    assert "reports-mentioning" in text  # the named queries are preloaded
    assert "https://w3id.org/edukg/ontology#" in text
    script = http(base + "assets/yasgui.min.js")
    assert script.status == 200 and script.type.startswith("text/javascript")
    assert http(base + "assets/LICENSE.txt").status == 200
    assert http(base + "assets/../serve.py").status == 404


def test_a_corrupted_store_is_not_served(
    example_build: Built, tmp_path: Path, schools: int, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out)
    _flip_bytes_inside_sst(out / STORE_DIR)
    server = make_server(out, port=0)
    assert "corrupted" in caplog.text
    with running(server) as url:
        assert count_of(get_query(url, COUNT)) == schools
    assert not store_is_fresh(out)  # the build's store is left as it was


def test_a_query_whose_client_disconnects_is_cancelled(
    example_build: Built, schools: int
) -> None:
    server = make_server(example_build.out, port=0, time_limit=60, workers=1)
    with running(server) as url:
        host, port = server.server_address
        with socket.create_connection((host, port), timeout=TIMEOUT) as client:
            request = f"GET /query?{urlencode({'query': RUNAWAY})} HTTP/1.1\r\n"
            client.sendall(f"{request}Host: {host}:{port}\r\n\r\n".encode())
            time.sleep(1)
        # The only worker was busy with the runaway; it is ended once the
        # client has gone, not 60 s later, and the next query is answered.
        start = time.monotonic()
        assert count_of(get_query(url, COUNT)) == schools
        assert time.monotonic() - start < 8
