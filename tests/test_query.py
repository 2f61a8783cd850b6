"""SPARQL over a built graph: result kinds, output formats, awkward text."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SEEDS, Built
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph

import kg.query
import kg.serialize
import kg.store
import kg.turtle
from kg.cli import cli
from kg.errors import DataFileError, QueryError, QueryTimeoutError
from kg.pipeline import build
from kg.query import (
    STORE_DIR,
    NamedQuery,
    QueryResult,
    RemoteAccessError,
    bind_value,
    format_result,
    graph_stats,
    load_query,
    named_queries,
    named_query,
    open_store,
    run_query,
    store_is_fresh,
    write_store,
)
from kg.resources import list_queries, read_query

SCHOOLS = "SELECT ?s ?label WHERE { ?s a edu:School ; rdfs:label ?label } ORDER BY ?s"


@pytest.fixture(scope="module")
def schools(example_build: Built) -> QueryResult:
    return run_query(example_build.ttl, SCHOOLS)


# ------------------------------------------------------------- run_query


def test_select_returns_variables_and_rows(schools: QueryResult) -> None:
    assert schools.kind == "select"
    assert schools.variables == ("s", "label")
    assert len(schools.rows) > 0
    for iri, label in schools.rows:
        assert iri.startswith("https://w3id.org/edukg/id/school/")
        assert label, iri
    assert schools.to_dicts()[0] == dict(
        zip(("s", "label"), schools.rows[0], strict=True)
    )


def test_unbound_optional_values_are_empty_strings(example_build: Built) -> None:
    result = run_query(
        example_build.ttl,
        "SELECT ?s ?code WHERE { ?s a edu:School "
        "OPTIONAL { ?s edu:divisionCode ?code } } LIMIT 3",
    )
    assert result.rows and all(code == "" for _, code in result.rows)


def test_triples_in_named_graphs_are_queried_with_the_default_graph(
    tmp_path: Path,
) -> None:
    trig = tmp_path / "graph.trig"
    trig.write_text(
        "@prefix edu: <https://w3id.org/edukg/ontology#> .\n"
        "<urn:a> a edu:School .\n"
        "<urn:g> { <urn:b> a edu:School . }\n",
        encoding="utf-8",
    )
    result = run_query(trig, "SELECT ?s WHERE { ?s a edu:School } ORDER BY ?s")
    assert result.rows == (("urn:a",), ("urn:b",))


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("ASK { ?s a edu:Region }", True),
        ("ASK { ?s a edu:Region ; rdfs:label 'no such place'@zh }", False),
    ],
)
def test_ask(example_build: Built, sparql: str, expected: bool) -> None:
    result = run_query(example_build.ttl, sparql)
    assert result.kind == "ask"
    assert result.boolean is expected


def test_construct_returns_parsable_ntriples(example_build: Built) -> None:
    result = run_query(
        example_build.ttl,
        "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a edu:Bureau ; rdfs:label ?l }",
    )
    assert result.kind == "graph"
    graph = Graph().parse(data=result.ntriples, format="nt")
    bureaus = run_query(
        example_build.ttl, "SELECT (COUNT(*) AS ?n) WHERE { ?s a edu:Bureau }"
    )
    assert len(graph) == int(bureaus.rows[0][0]) > 0


def test_user_prefix_declarations_are_allowed(example_build: Built) -> None:
    result = run_query(
        example_build.ttl,
        "PREFIX e: <https://w3id.org/edukg/ontology#> ASK { ?s a e:School }",
    )
    assert result.boolean is True


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        (
            "SELEC ?s WHERE { ?s ?p ?o }",
            "unknown query form 'SELEC': did you mean SELECT?",
        ),
        ("SELECT ?s WHERE { ?s ?p ", "error at 1:"),
        ("ASK { ?s a nope:X }", "unknown prefix nope: (predeclared: edu:"),
        ("PREFIX x: <urn:x#>\nASK { ?s a x:A, y:B }", "unknown prefix y:"),
        ("ASK { ?s ?p ?o", "error at 1:"),
    ],
)
def test_malformed_query_raises_one_line_queryerror(
    example_build: Built, sparql: str, expected: str
) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL") as info:
        run_query(example_build.ttl, sparql)
    message = str(info.value)
    assert "\n" not in message
    assert expected in message, message
    assert len(message) < 200, message  # was ~600 characters of Unicode ranges
    assert "\\u{" not in message


@pytest.mark.parametrize(
    "sparql",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }",
        "# comment\nLOAD <http://127.0.0.1:9/data.ttl>",
        "clear all",
    ],
)
def test_updates_are_refused_with_a_plain_message(
    example_build: Built, sparql: str
) -> None:
    with pytest.raises(QueryError, match="is a SPARQL update") as info:
        run_query(example_build.ttl, sparql)
    assert "expected CONSTRUCT" not in str(info.value)


def test_evaluation_errors_become_queryerror(example_build: Built) -> None:
    """Errors raised while solutions are iterated are QueryErrors too."""
    with pytest.raises(QueryError, match="query failed"):
        run_query(
            example_build.ttl,
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            allow_remote=True,  # port 9 (discard) refuses the connection
        )


def test_missing_graph_raises_queryerror(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such graph"):
        run_query(tmp_path / "graph.ttl", "ASK {}")


def test_unparsable_graph_raises_queryerror(tmp_path: Path) -> None:
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot parse"):
        run_query(bad, "ASK {}")


# --------------------------------------------------------- format_result


def test_csv_round_trips(schools: QueryResult) -> None:
    rows = list(csv.reader(io.StringIO(format_result(schools, "csv"))))
    assert tuple(rows[0]) == schools.variables
    assert [tuple(r) for r in rows[1:]] == list(schools.rows)


def test_tsv_round_trips(schools: QueryResult) -> None:
    text = format_result(schools, "tsv")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert [tuple(r) for r in rows] == [schools.variables, *schools.rows]


def test_json_is_a_list_of_objects(schools: QueryResult) -> None:
    assert json.loads(format_result(schools, "json")) == schools.to_dicts()


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_table_aligns_cjk_columns() -> None:
    result = QueryResult(
        "select",
        ("name", "n"),
        (
            ("北京市海淀区", "1"),
            ("ab", "22"),
            ("教育局", "333"),
            ("A区—第1中学（分校）", "4"),
        ),
    )
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == ["name", "n"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(4 rows)"
    # The second column starts at the same display column on every line.
    starts = {
        _display_width(line[: line.rindex(" ") + 1])
        for line in [lines[0], *lines[2:-1]]
    }
    assert len(starts) == 1, lines


def test_table_of_the_example(schools: QueryResult) -> None:
    text = format_result(schools, "table")
    assert text.endswith(f"({len(schools.rows)} rows)\n")
    assert all(label in text for _, label in schools.rows)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("table", "true\n"), ("csv", "true\n"), ("json", '{"boolean": true}\n')],
)
def test_ask_formats(fmt: str, expected: str) -> None:
    assert format_result(QueryResult("ask", boolean=True), fmt) == expected


def test_graph_results_print_as_ntriples() -> None:
    triple = "<urn:a> <urn:b> <urn:c> .\n"
    assert format_result(QueryResult("graph", ntriples=triple), "json") == triple


# ---------------------------------------------------------- graph_stats


def test_stats_agree_with_report_json(example_build: Built) -> None:
    stats = graph_stats(example_build.ttl)
    data = example_build.report_json
    expected = {k: v for k, v in data["entity_counts"].items() if k != "Report"}
    assert stats["entities"] == expected
    assert stats["relations"] == data["relation_counts"]
    assert stats["reports"] == data["entity_counts"]["Report"]
    assert stats["triples"] == data["triples"]


# ------------------------------------------------------------ awkward text

AWKWARD = (
    "北京市海淀区教育委员会2023年工作总结\n\n"
    '2023年，海淀区教育委员会深入实施"双减"工作，{课后服务}覆盖率达100%。\n'
    '海淀区星光小学荣获北京市科技教育特色学校称号，学生在"C:\\比赛"中获奖。\n'
)


@pytest.fixture(scope="module")
def awkward_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("awkward")
    (folder / "quotes.txt").write_text(AWKWARD, encoding="utf-8")
    build(folder / "quotes.txt", folder / "out", html=False)
    return folder / "out" / "graph.ttl"


def test_quotes_braces_and_backslashes_survive(awkward_graph: Path) -> None:
    Graph().parse(awkward_graph)  # still valid Turtle
    result = run_query(
        awkward_graph,
        "SELECT DISTINCT ?text WHERE { ?n edu:sentence ?text "
        'FILTER(CONTAINS(?text, "\\"")) }',
    )
    sentences = {row[0] for row in result.rows}
    expected = {line for line in AWKWARD.splitlines() if '"' in line}
    for line in expected:
        assert any(s in line and ('"' in s) for s in sentences), (line, sentences)
    assert any("{课后服务}" in s for s in sentences)
    assert any("C:\\比赛" in s for s in sentences)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_awkward_text_formats_cleanly(awkward_graph: Path, fmt: str) -> None:
    result = run_query(
        awkward_graph, "SELECT DISTINCT ?text WHERE { ?n edu:sentence ?text }"
    )
    text = format_result(result, fmt)
    if fmt == "json":
        assert [d["text"] for d in json.loads(text)] == [r[0] for r in result.rows]
    elif fmt in ("csv", "tsv"):
        delimiter = "," if fmt == "csv" else "\t"
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        assert [r[0] for r in rows[1:]] == [r[0] for r in result.rows]
    else:
        assert text.endswith(f"({len(result.rows)} rows)\n")


# ---------------------------------------------------------- named queries

NAMED = named_queries()
#: A value for each required parameter, present in both test corpora.
PARAM_VALUES = {"name": "小学"}
#: Text that would rewrite the query if it were pasted into it.
INJECTIONS = (
    '实验小学" } UNION { ?s ?p ?o } #',
    "\"'} UNION {",
    "} UNION { ?e rdfs:label ?entity }",
    '\\" . ?x ?y ?z . FILTER(true) #',
    "x\n} LIMIT 0 #",
    "<https://w3id.org/edukg/id/> } UNION {",
)


def _params(query: NamedQuery) -> dict[str, str]:
    return {p.name: PARAM_VALUES[p.name] for p in query.params if p.required}


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``../shared/corpus/seeds`` built once for this module (no HTML)."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here")
    out = tmp_path_factory.mktemp("seeds-build")
    build(SEEDS, out, html=False)
    return out / "graph.ttl"


def _count(graph: Path, sparql: str) -> int:
    return int(
        run_query(graph, f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql} }}").rows[0][0]
    )


def test_there_are_at_least_ten_named_queries_with_descriptions() -> None:
    assert len(NAMED) >= 10
    assert tuple(q.name for q in NAMED) == list_queries()
    for query in NAMED:
        assert query.description, f"{query.name}.rq has no description line"
        assert not query.description.startswith("param "), query.name
        for param in query.params:
            assert param.help, (query.name, param.name)
            # Oxigraph binds only projected variables.
            select = query.sparql[query.sparql.index("SELECT") :].split("WHERE")[0]
            assert f"?{param.name}" in select, (query.name, param.name)


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_named_query_runs_on_the_example_graph(example_build: Built, query) -> None:
    result = query.run(example_build.ttl, _params(query))
    assert result.kind == "select"
    assert result.variables
    assert result.rows, f"{query.name} found nothing in the example graph"


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_named_query_runs_on_the_seeds_graph(seeds_graph: Path, query) -> None:
    result = query.run(seeds_graph, _params(query))
    assert result.kind == "select"
    assert result.rows, f"{query.name} found nothing in the seeds graph"


def test_awards_by_region_counts_the_regions_own_awards(example_build: Built) -> None:
    rows = named_query("awards-by-region").run(example_build.ttl).to_dicts()
    by_region = {row["region"]: int(row["awards"]) for row in rows}
    own = run_query(
        example_build.ttl,
        "SELECT ?label (COUNT(DISTINCT ?a) AS ?n) WHERE { ?r a edu:Region ; "
        "rdfs:label ?label ; edu:receivedAward ?a } GROUP BY ?label",
    )
    assert own.rows
    for label, count in own.rows:
        assert by_region.get(label, 0) >= int(count), label


def test_schools_by_region_counts_each_school_once(example_build: Built) -> None:
    rows = named_query("schools-by-region").run(example_build.ttl).to_dicts()
    located = _count(
        example_build.ttl,
        "SELECT DISTINCT ?s WHERE { ?s a edu:School ; edu:locatedIn ?r }",
    )
    assert sum(int(row["schools"]) for row in rows) == located


def test_evidence_lists_every_statement_and_narrows_by_name(
    example_build: Built,
) -> None:
    evidence = named_query("evidence")
    everything = evidence.run(example_build.ttl)
    assert len(everything.rows) == _count(example_build.ttl, "?st a rdf:Statement")
    narrowed = evidence.run(example_build.ttl, {"name": "小学"}).to_dicts()
    assert 0 < len(narrowed) < len(everything.rows)
    assert all("小学" in r["subject"] or "小学" in r["object"] for r in narrowed)


def test_region_record_narrows_to_the_named_region(example_build: Built) -> None:
    record = named_query("region-record")
    everything = record.run(example_build.ttl).to_dicts()
    regions = {r["region"] for r in everything}
    assert len(regions) > 1
    for region in regions:
        narrowed = record.run(example_build.ttl, {"name": region}).to_dicts()
        expected = [{**r, "name": region} for r in everything if r["region"] == region]
        assert narrowed == expected, region


def test_param_binds_a_value(example_build: Built) -> None:
    rows = (
        named_query("reports-mentioning")
        .run(example_build.ttl, {"name": "实验小学"})
        .to_dicts()
    )
    assert rows
    labels = run_query(
        example_build.ttl,
        "SELECT ?l ?form WHERE { ?e rdfs:label ?l "
        "{ ?e rdfs:label ?form } UNION { ?e skos:altLabel ?form } }",
    ).rows
    matching = {label for label, form in labels if "实验小学" in form}
    assert {r["entity"] for r in rows} <= matching
    assert {r["name"] for r in rows} == {"实验小学"}


@pytest.mark.parametrize("value", INJECTIONS)
def test_param_values_cannot_change_the_query(example_build: Built, value: str) -> None:
    # Echoed back verbatim: the value is one literal, whatever it contains.
    echo = run_query(example_build.ttl, "SELECT ?name WHERE {}", {"name": value})
    assert echo.rows == ((value,),)
    # A filter on it finds nothing, where a pasted UNION would find everything.
    assert (
        named_query("reports-mentioning").run(example_build.ttl, {"name": value}).rows
        == ()
    )
    assert named_query("evidence").run(example_build.ttl, {"name": value}).rows == ()


@pytest.mark.parametrize("value", INJECTIONS)
def test_cli_param_values_cannot_change_the_query(
    example_build: Built, value: str
) -> None:
    result = CliRunner().invoke(
        cli,
        ["query", str(example_build.ttl), "entity", "--param", f"name={value}"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("(0 rows)\n")


def test_param_names_may_carry_a_sigil(example_build: Built) -> None:
    for key in ("name", "?name", "$name"):
        echo = run_query(example_build.ttl, "SELECT ?name WHERE {}", {key: "x"})
        assert echo.rows == (("x",),)


def test_an_iri_param_binds_an_iri(example_build: Built) -> None:
    region = run_query(
        example_build.ttl, "SELECT ?r WHERE { ?r a edu:Region } LIMIT 1"
    ).rows[0][0]
    result = run_query(
        example_build.ttl,
        "SELECT ?r ?label WHERE { ?r rdfs:label ?label }",
        {"r": f"<{region}>"},
    )
    assert len(result.rows) == 1
    assert result.rows[0][0] == region
    with pytest.raises(QueryError, match="not a valid IRI"):
        bind_value("<not an iri>")


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("reports-mentioning", {}, r"needs --param name="),
        ("reports", {"name": "x"}, r"has no parameter 'name' \(parameters: none\)"),
        ("entity", {"nmae": "x"}, r"has no parameter 'nmae' \(parameters: name\)"),
        ("entity", {"na me": "x"}, r"not a SPARQL variable name"),
    ],
)
def test_bad_params_raise_queryerror(
    example_build: Built, name: str, params: dict, message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        named_query(name).run(example_build.ttl, params)


def test_a_param_outside_the_select_clause_is_reported(example_build: Built) -> None:
    with pytest.raises(QueryError, match="variable of the SELECT clause"):
        run_query(
            example_build.ttl,
            "SELECT ?s WHERE { ?s rdfs:label ?l FILTER(?l = ?x) }",
            {"x": "a"},
        )


def test_unknown_query_names_are_reported_with_suggestions() -> None:
    with pytest.raises(QueryError, match="did you mean reports-mentioning"):
        named_query("reports-mentionin")
    with pytest.raises(DataFileError, match="no such query"):
        read_query("../resources")


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("awards-by-region", "named"),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "inline"),
        ("../kg/resources", "inline"),  # never a path into the package
    ],
)
def test_load_query_tells_names_from_text(spec: str, kind: str) -> None:
    query = load_query(spec)
    assert (query.name == spec) is (kind == "named")
    assert query.closed is (kind == "named")


def test_rq_files_may_declare_params(example_build: Built, tmp_path: Path) -> None:
    path = tmp_path / "schools.rq"
    path.write_text(
        "# Schools by name.\n# param name: part of the name\n"
        "SELECT ?label ?name WHERE { ?s a edu:School ; rdfs:label ?label "
        "FILTER(CONTAINS(STR(?label), ?name)) }\n",
        encoding="utf-8",
    )
    query = load_query(str(path))
    assert query.description == "Schools by name."
    with pytest.raises(QueryError, match="needs --param name"):
        query.run(example_build.ttl)
    rows = query.run(example_build.ttl, {"name": "小学"}).rows
    assert rows and all("小学" in label for label, _ in rows)


# ------------------------------------------------------------- CLI: query


def test_cli_list_prints_every_name_and_description() -> None:
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for query in NAMED:
        assert any(
            line.startswith(query.name + " ") and query.description in line
            for line in lines
        ), query.name
    assert sum(1 for line in lines if not line.startswith(" ")) == len(NAMED) >= 10
    assert "--param name=" in result.stdout


def test_cli_runs_a_named_query_with_a_param(example_build: Built) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "query",
            str(example_build.out),  # a build folder works as GRAPH
            "reports-mentioning",
            "--param",
            "name=实验小学",
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = named_query("reports-mentioning").run(
        example_build.ttl, {"name": "实验小学"}
    )
    assert [tuple(r.values()) for r in rows] == list(expected.rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reports-mentioning"], "needs --param name="),
        (["reports-mentionin"], "did you mean"),
        (["reports", "--param", "oops"], "is not NAME=VALUE"),
        (["entity", "-p", "name=a", "-p", "name=b"], "given twice"),
    ],
)
def test_cli_query_errors_exit_2(
    example_build: Built, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["query", str(example_build.ttl), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_query_needs_graph_and_sparql_without_list() -> None:
    result = CliRunner().invoke(cli, ["query"])
    assert result.exit_code == 2
    assert "--list" in result.stderr


# ---------------------------------------------------------- the store


@pytest.fixture
def build_copy(example_build: Built, tmp_path: Path) -> Path:
    """A private copy of the example build folder (mtimes kept)."""
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out)
    return out


def test_build_leaves_a_fresh_store(example_build: Built) -> None:
    store = example_build.out / STORE_DIR
    assert example_build.report_json["outputs"][STORE_DIR] == str(store)
    assert store.is_dir()
    assert store_is_fresh(example_build.ttl)
    assert store_is_fresh(example_build.out)
    assert len(open_store(example_build.ttl)) == example_build.report.triples
    leftovers = [p for p in example_build.out.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_queries_use_the_store_not_the_turtle(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = run_query(build_copy / "graph.ttl", SCHOOLS)

    def no_parsing(path: Path) -> None:
        raise AssertionError(f"parsed {path}")

    monkeypatch.setattr(kg.store, "load_graph", no_parsing)
    assert run_query(build_copy / "graph.ttl", SCHOOLS) == expected
    assert graph_stats(build_copy)["triples"] > 0


def test_the_store_answers_when_graph_ttl_is_gone(build_copy: Path) -> None:
    expected = run_query(build_copy / "graph.ttl", SCHOOLS)
    (build_copy / "graph.ttl").unlink()
    assert run_query(build_copy / "graph.ttl", SCHOOLS) == expected
    result = CliRunner().invoke(
        cli, ["query", str(build_copy / "graph.ttl"), "reports"]
    )
    assert result.exit_code == 0, result.output
    assert "(4 rows)" in result.stdout


def test_a_stale_store_is_not_used(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ttl = build_copy / "graph.ttl"
    # Same size, same mtime, other content: a hand edit that keeps both.
    stat = ttl.stat()
    data = ttl.read_bytes()
    assert b"edu:School" in data
    ttl.write_bytes(data.replace(b"edu:School", b"edu:Schoo1", 1))
    os.utime(ttl, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ttl.stat().st_size == stat.st_size
    assert not store_is_fresh(ttl)
    parsed: list[Path] = []
    original = kg.store.load_graph
    monkeypatch.setattr(
        kg.store, "load_graph", lambda p: parsed.append(p) or original(p)
    )
    assert run_query(ttl, "ASK { ?s a edu:Schoo1 }").boolean is True
    assert parsed == [ttl]


def test_an_edited_graph_is_queried_not_the_old_store(build_copy: Path) -> None:
    ttl = build_copy / "graph.ttl"
    ttl.write_text(
        "<urn:x:s> <http://www.w3.org/2000/01/rdf-schema#label> 'edited' .\n",
        encoding="utf-8",
    )
    assert not store_is_fresh(ttl)
    assert run_query(ttl, "SELECT ?l WHERE { ?s rdfs:label ?l }").rows == (("edited",),)


def test_rebuilding_replaces_the_store(build_copy: Path) -> None:
    ttl = build_copy / "graph.ttl"
    before = ttl.read_bytes()
    report = build(EXAMPLES, build_copy, html=False)
    assert ttl.read_bytes() == before  # the store is not part of that contract
    assert store_is_fresh(ttl)
    assert len(open_store(ttl)) == report.triples
    assert [p for p in build_copy.iterdir() if p.name.startswith(".")] == []


def test_write_store_failure_keeps_the_old_store(build_copy: Path) -> None:
    bad = build_copy / "bad.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot write the query store"):
        write_store(bad, build_copy / STORE_DIR)
    assert store_is_fresh(build_copy / "graph.ttl")
    assert [p for p in build_copy.iterdir() if p.name.startswith(".")] == []


def test_the_store_is_loaded_in_slices(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bulk loads of LOAD_SLICE triples give the store one load of the file gives."""
    ttl = build_copy / "graph.ttl"
    whole = set(kg.store.load_graph(ttl))
    monkeypatch.setattr(kg.store, "LOAD_SLICE", 1000)
    sliced = ox.Store()
    slices = 0
    for piece in kg.store._slices(ttl):
        sliced.bulk_extend(piece)
        slices += 1
    assert slices == -(-len(whole) // 1000)
    assert set(sliced) == whole
    write_store(ttl, build_copy / STORE_DIR)
    assert store_is_fresh(ttl)
    assert set(open_store(ttl)) == whole


def test_a_syntax_error_in_a_later_slice_keeps_the_old_store(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = build_copy / "bad.ttl"
    bad.write_bytes((build_copy / "graph.ttl").read_bytes() + b"this is <not turtle")
    monkeypatch.setattr(kg.store, "LOAD_SLICE", 1000)
    with pytest.raises(QueryError, match="cannot write the query store"):
        write_store(bad, build_copy / STORE_DIR)
    assert store_is_fresh(build_copy / "graph.ttl")
    assert [p for p in build_copy.iterdir() if p.name.startswith(".")] == []


def test_a_build_whose_store_fails_still_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    # Where every way of making a store ends (loaded, streamed, updated).
    monkeypatch.setattr(kg.store, "_commit", fail)
    report = build(EXAMPLES, tmp_path, html=False)
    assert STORE_DIR not in report.outputs
    assert "No space left" in caplog.text
    assert run_query(tmp_path / "graph.ttl", "ASK { ?s a edu:School }").boolean
    assert not (tmp_path / STORE_DIR).exists()
    assert [p for p in tmp_path.rglob(".*") if p.name != ".gitignore"] == []


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """StoreLoader loads 4 KB at a time; the (offset, size) of each read."""
    monkeypatch.setattr(kg.store, "LOAD_CHUNK", 4096)
    reads: list[tuple[int, int]] = []
    real = kg.store._read_at

    def read_at(fd: int, offset: int, size: int) -> bytes:
        reads.append((offset, size))
        return real(fd, offset, size)

    monkeypatch.setattr(kg.store, "_read_at", read_at)
    return reads


def test_a_cold_build_loads_the_store_while_writing_the_graph(
    tmp_path: Path, small_chunks: list[tuple[int, int]]
) -> None:
    report = build(EXAMPLES, tmp_path, html=False)
    ttl = tmp_path / "graph.ttl"
    # Piece after piece, each starting where the last ended, to the end.
    assert len(small_chunks) > 10
    assert small_chunks[0][0] == 0
    for (offset, size), (following, _) in itertools.pairwise(small_chunks):
        assert following == offset + size
    assert sum(size for _, size in small_chunks) == ttl.stat().st_size
    assert _full_check(tmp_path) is None
    store = open_store(ttl)
    assert len(store) == report.triples
    assert set(store) == set(kg.store.load_graph(ttl))


@pytest.mark.parametrize("failure", ["syntax", "unexpected"])
def test_a_piece_that_fails_to_load_costs_the_store_not_the_build(
    tmp_path: Path,
    small_chunks: list[tuple[int, int]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    failure: str,
) -> None:
    real = kg.store._read_at

    def garbled(fd: int, offset: int, size: int) -> bytes:
        data = real(fd, offset, size)
        if offset == 0:
            return data
        if failure == "unexpected":
            raise RuntimeError("the loader broke")
        return b"this is <not turtle" + data

    monkeypatch.setattr(kg.store, "_read_at", garbled)
    report = build(EXAMPLES, tmp_path, html=False)
    assert STORE_DIR not in report.outputs
    assert "cannot write the query store" in caplog.text
    assert run_query(tmp_path / "graph.ttl", "ASK { ?s a edu:School }").boolean
    assert [p for p in tmp_path.rglob(".*") if p.name != ".gitignore"] == []


def test_a_build_that_fails_while_writing_the_graph_leaves_no_store(
    tmp_path: Path,
    small_chunks: list[tuple[int, int]],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Dies(kg.serialize._LineReader):
        def readinto(self, buffer: memoryview) -> int:
            if self.count >= 2000:  # after the loader has taken pieces of the graph
                # (on a loaded machine the loader's thread may lag the writer:
                # the failure waits for its first piece, as it would come)
                deadline = time.monotonic() + 30
                while not small_chunks and time.monotonic() < deadline:
                    time.sleep(0.01)
                raise OSError(28, "No space left on device")
            return super().readinto(buffer)

    monkeypatch.setattr(kg.serialize, "_LineReader", Dies)
    with pytest.raises(OSError, match="No space left"):
        build(EXAMPLES, tmp_path, html=False)
    # the loader was at work (if not, the log says why it was not made)
    assert small_chunks, caplog.text
    assert sorted(p.name for p in (tmp_path / "generations").iterdir()) == ["lock"]
    assert not (tmp_path / STORE_DIR).exists()


@pytest.fixture
def edited_corpus(tmp_path: Path) -> Path:
    """The examples, built into ``tmp_path/out``, then one of them edited."""
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    build(corpus, tmp_path / "out", html=False)
    edited = sorted(corpus.glob("*.txt"))[0]
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("\n全区新增一所学校获评市级文明校园。\n")
    return corpus


def _full_check(out: Path) -> str | None:
    """store_problem reading every file, as for a copied build."""
    marker = json.loads((out / STORE_DIR / kg.store.MARKER).read_text("utf-8"))
    return kg.store._read_everything(out / "graph.ttl", out / STORE_DIR, marker)


def test_a_rebuild_updates_the_previous_store(
    edited_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One edited report: the store is the old one with a few subjects replaced."""
    out = edited_corpus.parent / "out"
    before = set(open_store(out / "graph.ttl"))

    def no_load(*_args: object) -> None:
        raise AssertionError("the store was loaded anew")

    monkeypatch.setattr(kg.store, "_load", no_load)
    report = build(edited_corpus, out, html=False)
    ttl = out / "graph.ttl"
    assert _full_check(out) is None
    store = open_store(ttl)
    assert len(store) == report.triples
    after = set(store)
    assert after == set(kg.store.load_graph(ttl))  # what loading graph.ttl gives
    assert after != before
    # Reading the store changes none of its files: the marker still holds.
    assert run_query(ttl, SCHOOLS).rows
    del store
    assert _full_check(out) is None
    assert [p for p in out.iterdir() if p.name.startswith(".")] == []
    # The store shares no file with another generation: removing those (the
    # next build does) would change its files' ctimes, and then every query
    # would read the whole store to check it.
    build(edited_corpus, out, html=False)
    build(edited_corpus, out, html=False)
    store_dir = (out / STORE_DIR).resolve()
    assert all(p.stat().st_nlink == 1 for p in store_dir.iterdir())
    recorded = kg.store._recorded_check(store_dir)
    assert kg.store._identities(ttl.resolve(), store_dir) == recorded


@pytest.mark.parametrize("why", ["too-many-changes", "stale-store"])
def test_a_rebuild_loads_the_store_when_updating_does_not_pay(
    edited_corpus: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    out = edited_corpus.parent / "out"
    previous = out / STORE_DIR
    if why == "too-many-changes":
        monkeypatch.setattr(kg.store, "UPDATE_SHARE", 0.0)
    elif why == "stale-store":
        marker = previous / kg.store.MARKER
        marker.write_text(marker.read_text("utf-8").replace('"triples"', '"x"'))
    loads: list[Path] = []
    real_load = kg.store._load
    monkeypatch.setattr(
        kg.store,
        "_load",
        lambda folder, graph: loads.append(graph) or real_load(folder, graph),
    )
    report = build(edited_corpus, out, html=False)
    assert len(loads) == 1
    assert _full_check(out) is None
    ttl = out / "graph.ttl"
    assert set(open_store(ttl)) == set(kg.store.load_graph(ttl))
    assert len(open_store(out / "graph.ttl")) == report.triples


def test_changed_subjects_are_found_by_one_walk(tmp_path: Path) -> None:
    head = "@prefix id: <https://w3id.org/edukg/id/> .\n"
    old = tmp_path / "old.ttl"
    new = tmp_path / "new.ttl"
    subjects = [f"id:s\\/{i:03d}" for i in range(100)]
    old.write_text(
        head + "".join(f"{s} id:p 1 ;\n\tid:q 2 .\n" for s in subjects), "utf-8"
    )
    edited = [s for s in subjects if s != subjects[10]]  # one gone
    new.write_text(
        head
        + "".join(
            f"{s} id:p {3 if s == subjects[50] else 1} ;\n\tid:q 2 .\n"
            for s in [*edited, "id:s\\/500"]  # one added, one changed
        ),
        "utf-8",
    )
    changes = kg.turtle.changed_subjects(old, new)
    assert changes is not None
    assert changes.subjects == 2
    gone = {
        str(q.subject) for q in ox.parse(changes.removed, format=ox.RdfFormat.TURTLE)
    }
    added = {
        str(q.subject) for q in ox.parse(changes.added, format=ox.RdfFormat.TURTLE)
    }
    base = "https://w3id.org/edukg/id/s/"
    assert gone == {f"<{base}010>", f"<{base}050>"}
    assert added == {f"<{base}050>", f"<{base}500>"}
    # Other prefixes write the same subjects otherwise: no walk.
    new.write_text(new.read_text("utf-8").replace("id:", "x:"), "utf-8")
    assert kg.turtle.changed_subjects(old, new) is None
    # Subjects out of IRI order: not a graph EduKG wrote, so no update.
    new.write_text(head + "id:s\\/200 id:p 1 .\nid:s\\/100 id:p 1 .\n", "utf-8")
    assert kg.turtle.changed_subjects(old, new) is None


def test_a_graph_written_by_edukg_is_walked_when_one_iri_prefixes_another(
    tmp_path: Path,
) -> None:
    """graph.ttl sorts …/1> after …/10>: the walk must accept that order."""
    from kg.graph import IRI
    from kg.serialize import ntriples_line, write_turtle_rows

    base = "https://w3id.org/edukg/id/region/"
    p = "https://w3id.org/edukg/ontology#p"

    def graph(path: Path, codes: list[str], changed: tuple[str, ...] = ()) -> None:
        rows = [
            (base + c, p, IRI, base + ("x" if c in changed else c), "", "")
            for c in codes
        ]
        write_turtle_rows(sorted(map(ntriples_line, rows)), path)

    # Enough subjects that one changed is an update, not a reload.
    codes = ["1", "10", "100", "11", "1-2", *map(str, range(2, 60))]
    graph(tmp_path / "old.ttl", codes)
    graph(tmp_path / "new.ttl", codes, changed=("100", "10"))
    changes = kg.turtle.changed_subjects(tmp_path / "old.ttl", tmp_path / "new.ttl")
    assert changes is not None
    assert changes.subjects == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_is_bound_verbatim(value: str) -> None:
    assume(not (value.startswith("<") and value.endswith(">")))  # <…> is an IRI
    echo = run_query(ox.Store(), "SELECT ?name WHERE {}", {"name": value})
    assert echo.rows == ((value,),)


# ------------------------------------------- time limit, remote requests


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_past_its_time_limit_is_cancelled(example_build: Built) -> None:
    start = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="2 s time limit"):
        run_query(example_build.out, RUNAWAY, timeout=2)
    assert time.monotonic() - start < 15  # spawn + 2 s, not the query's hours


def test_a_query_within_its_time_limit_answers_as_without(
    example_build: Built, schools: QueryResult
) -> None:
    assert run_query(example_build.out, SCHOOLS, timeout=60) == schools


def test_cli_timeout_is_a_one_line_error(example_build: Built) -> None:
    result = CliRunner().invoke(
        cli, ["query", str(example_build.out), RUNAWAY, "--timeout", "1"]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "kg: error: query cancelled: it ran past the 1 s time limit"


@contextlib.contextmanager
def listener() -> Iterator[tuple[int, list]]:
    """A loopback socket that records (and closes) every connection to it."""
    seen: list = []
    stop = threading.Event()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.1)

        def accept() -> None:
            while not stop.is_set():
                with contextlib.suppress(TimeoutError, OSError):
                    conn, address = server.accept()
                    conn.close()
                    seen.append(address)

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        try:
            yield server.getsockname()[1], seen
            time.sleep(0.3)  # a connection made at the last moment is seen
        finally:
            stop.set()
            thread.join(5)


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "select * {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "SELECT * {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        "SELECT * {{ BIND(<http://127.0.0.1:{port}/> AS ?e) "
        "SERVICE ?e {{ ?s ?p ?o }} }}",
    ],
    ids=["plain", "lower-silent", "escaped", "variable"],
)
def test_service_sends_no_request(example_build: Built, template: str) -> None:
    with listener() as (port, seen):
        with pytest.raises(RemoteAccessError, match="SERVICE"):
            run_query(example_build.ttl, template.format(port=port))
        result = CliRunner().invoke(
            cli, ["query", str(example_build.out), template.format(port=port)]
        )
        assert result.exit_code == 2
        assert "--allow-remote" in result.stderr
    assert seen == []


def test_service_in_strings_iris_and_names_is_not_federation(
    example_build: Built,
) -> None:
    sparql = (
        'SELECT ?service WHERE { ?service rdfs:label "SERVICE <http://x/>" . '
        "# SERVICE <http://x/>\n"
        "?service a <http://example.org/SERVICE> }"
    )
    assert run_query(example_build.ttl, sparql).rows == ()


def test_allow_remote_lets_service_reach_out(example_build: Built) -> None:
    with listener() as (port, seen):
        sparql = (
            f"SELECT * {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
        )
        thread = threading.Thread(
            target=lambda: run_query(example_build.ttl, sparql, allow_remote=True),
            daemon=True,
        )
        thread.start()
        thread.join(10)
    assert seen, "the control: with --allow-remote the request does go out"


# ------------------------------------------------------ CLI errors


def test_cli_swapped_arguments_say_so(example_build: Built) -> None:
    result = CliRunner().invoke(cli, ["query", "reports", str(example_build.out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert f"GRAPH comes first: kg query {example_build.out} reports" in result.stderr


def test_cli_update_is_a_one_line_error(example_build: Built) -> None:
    result = CliRunner().invoke(
        cli, ["query", str(example_build.out), "INSERT DATA { <urn:a> <urn:b> 1 }"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "kg: error: INSERT is a SPARQL update; kg query only reads the graph "
        "(use SELECT, ASK, CONSTRUCT or DESCRIBE)\n"
    )


# -------------------------------------------------- store verification


def _flip_bytes_inside_sst(store: Path) -> Path:
    """Corrupt the largest .sst file in place, keeping its size and mtime."""
    sst = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    stat = sst.stat()
    data = bytearray(sst.read_bytes())
    for at in range(64, len(data) - 64, max(1, len(data) // 50)):
        data[at] ^= 0xFF
    sst.write_bytes(bytes(data))
    os.utime(sst, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sst.stat().st_size == stat.st_size
    return sst


def _limited(seconds: int, memory: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    return limit


@pytest.mark.parametrize("command", ["stats", "query"])
def test_a_corrupted_store_is_not_trusted(
    build_copy: Path, example_build: Built, command: str
) -> None:
    expected_stats = graph_stats(example_build.out)
    _flip_bytes_inside_sst(build_copy / STORE_DIR)
    assert not store_is_fresh(build_copy)
    args = {
        "stats": ["stats", "--json", str(build_copy)],
        "query": ["query", str(build_copy), "reports", "-f", "json"],
    }[command]
    start = time.monotonic()
    # Bounded: before the check, a corrupted store could allocate until the
    # OOM killer came; here it would die at 4 GB or 60 s of CPU instead.
    done = subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited(60, 4 << 30),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - start < 30
    assert "not used: store file" in done.stderr and "corrupted" in done.stderr
    if command == "stats":
        assert json.loads(done.stdout) == expected_stats
    else:
        assert len(json.loads(done.stdout)) == len(
            run_query(example_build.out, "SELECT ?r WHERE { ?r a edu:Report }").rows
        )


@pytest.fixture
def restored(build_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """build_copy with its store written anew in place, so its record holds."""
    write_store(build_copy / "graph.ttl", build_copy / STORE_DIR)

    def no_reading(path: Path) -> str:
        raise AssertionError(f"read {path}")

    with monkeypatch.context() as m:
        m.setattr(kg.store, "file_sha256", no_reading)
        assert store_is_fresh(build_copy)  # trusted without reading a file
    return build_copy


def test_a_copied_store_is_read_in_full(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[Path] = []
    original = kg.store.file_sha256
    monkeypatch.setattr(
        kg.store, "file_sha256", lambda p: read.append(p) or original(p)
    )
    assert store_is_fresh(build_copy)
    assert build_copy / "graph.ttl" in read and len(read) > 2


def test_a_recorded_store_still_sees_an_edit_that_keeps_size_and_mtime(
    restored: Path,
) -> None:
    ttl = restored / "graph.ttl"
    stat = ttl.stat()
    ttl.write_bytes(ttl.read_bytes().replace(b"edu:School", b"edu:Schoo1", 1))
    os.utime(ttl, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not store_is_fresh(restored)


def test_a_recorded_store_still_sees_flipped_bytes(restored: Path) -> None:
    _flip_bytes_inside_sst(restored / STORE_DIR)
    assert kg.store.store_problem(restored).startswith("store file")


def test_a_store_with_an_old_marker_is_not_trusted(build_copy: Path) -> None:
    marker = build_copy / STORE_DIR / "edukg-store.json"
    recorded = json.loads(marker.read_text("utf-8"))
    old = {k: recorded[k] for k in ("graph", "graph_size", "triples")}
    marker.write_text(json.dumps(old), "utf-8")
    assert not store_is_fresh(build_copy)
    assert run_query(build_copy, "ASK { ?s a edu:School }").boolean is True


def test_time_limit_works_from_an_unguarded_script(example_build: Built) -> None:
    # The child must not re-run the parent's __main__ (here: stdin).
    script = (
        "from kg.query import run_query\n"
        f"graph = {str(example_build.out)!r}\n"
        "print(run_query(graph, 'ASK {}', timeout=60).boolean)\n"
    )
    done = subprocess.run(
        [sys.executable, "-"],
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip() == "True", done.stderr
