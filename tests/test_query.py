"""SPARQL over a built graph: result kinds, output formats, awkward text."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest
from conftest import Built
from rdflib import Graph

from kg.errors import QueryError
from kg.pipeline import build
from kg.query import QueryResult, format_result, graph_stats, run_query

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
    "sparql",
    ["SELEC ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p ", "ASK { ?s a nope:X }"],
)
def test_malformed_query_raises_one_line_queryerror(
    example_build: Built, sparql: str
) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL") as info:
        run_query(example_build.ttl, sparql)
    message = str(info.value)
    assert "\n" not in message
    # Positions refer to the user's text, not to the predeclared prefixes.
    assert " 1:" in message, message


def test_error_position_counts_the_users_lines(example_build: Built) -> None:
    with pytest.raises(QueryError, match=r"\b3:\d+"):
        run_query(example_build.ttl, "SELECT ?s\nWHERE {\n  ?s ?p ?o ?bad }")


def test_evaluation_errors_become_queryerror(example_build: Built) -> None:
    """Errors raised while solutions are iterated are QueryErrors too."""
    with pytest.raises(QueryError, match="query failed"):
        run_query(
            example_build.ttl,
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
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
        (("北京市海淀区", "1"), ("ab", "22"), ("教育局", "333")),
    )
    lines = format_result(result, "table").splitlines()
    assert lines[0].split() == ["name", "n"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(3 rows)"
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
