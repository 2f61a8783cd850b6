"""Streaming writers: the out-of-core sort, Turtle from rows, GraphML in pieces."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from conftest import Built

import kg.serialize
from kg.graph import GraphParts, graph_parts, iter_rows, iter_triples, to_networkx
from kg.serialize import (
    SortedRows,
    graphml_bytes,
    iter_graphml,
    ntriples_line,
    turtle_bytes,
    write_graphml,
    write_turtle_rows,
)

# ------------------------------------------------------------ SortedRows


def _rows(count: int, seed: int) -> list[tuple[str, str, int]]:
    """Rows with many duplicates, some of them far apart in the input."""
    rng = random.Random(seed)
    return [
        (f"s{rng.randrange(50)}", rng.choice("pq"), rng.randrange(3))
        for _ in range(count)
    ]


@pytest.mark.parametrize(("run_size", "runs"), [(7, 286), (100, 20), (10_000, 0)])
def test_sorted_rows_sorts_and_deduplicates_across_runs(
    tmp_path: Path, run_size: int, runs: int
) -> None:
    rows = _rows(2_000, seed=run_size)
    with SortedRows(rows, tmp_path, run_size=run_size) as sorted_rows:
        assert list(sorted_rows) == sorted(set(rows))
        # iterable again: the runs stay until the block ends
        assert list(sorted_rows) == sorted(set(rows))
        assert sorted_rows.runs == runs
    assert list(tmp_path.iterdir()) == []


def test_sorted_rows_spill_to_files_in_the_given_folder(tmp_path: Path) -> None:
    with SortedRows(_rows(1_000, seed=1), tmp_path, run_size=100) as rows:
        (spill,) = tmp_path.iterdir()
        assert spill.name.startswith(".sort-")
        assert len(list(spill.iterdir())) == rows.runs == 10
    assert not spill.exists()


def test_sorted_rows_hold_one_run_at_a_time(tmp_path: Path) -> None:
    """A full run is on disk before the rows of the next one are read."""
    rows = _rows(1_000, seed=4)
    spilled = []

    def watched() -> Iterator[tuple[str, str, int]]:
        for i, row in enumerate(rows):
            files = [p for d in tmp_path.iterdir() for p in d.iterdir()]
            spilled.append(len(files))
            # row i is read once rows 0 … i-2 are sorted and written away
            assert len(files) == max(0, i - 1) // 100
            yield row

    with SortedRows(watched(), tmp_path, run_size=100) as sorted_rows:
        assert list(sorted_rows) == sorted(set(rows))
    assert spilled[-1] == 9


def test_sorted_rows_held_in_memory_write_no_file(tmp_path: Path) -> None:
    with SortedRows(_rows(100, seed=2), tmp_path, run_size=1_000) as rows:
        assert rows.runs == 0
        assert list(tmp_path.iterdir()) == []


def test_sorted_rows_remove_their_runs_when_the_input_fails(tmp_path: Path) -> None:
    def failing() -> Iterator[tuple[str, str, int]]:
        yield from _rows(500, seed=3)
        raise RuntimeError("resolution broke")

    with pytest.raises(RuntimeError, match="resolution broke"):
        SortedRows(failing(), tmp_path, run_size=100)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------ Turtle


def test_streamed_turtle_is_the_turtle_of_the_rdflib_triples(
    example_build: Built, tmp_path: Path
) -> None:
    resolution = example_build.resolution
    lines = map(ntriples_line, iter_rows(resolution))
    with SortedRows(lines, tmp_path, run_size=500) as rows:
        assert rows.runs > 1
        count = write_turtle_rows(rows, tmp_path / "graph.ttl")
    written = (tmp_path / "graph.ttl").read_bytes()
    assert written == turtle_bytes(iter_triples(resolution))
    assert written == example_build.ttl.read_bytes()
    assert count == example_build.report.triples
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_turtle_rows_keep_every_character_of_a_literal(tmp_path: Path) -> None:
    """Report text reaches graph.ttl as it was: quotes, backslashes, line breaks."""
    import pyoxigraph as ox

    from kg.graph import IRI, LITERAL

    s, p = "https://w3id.org/edukg/id/x", "https://w3id.org/edukg/ontology#sentence"
    texts = [
        '他说"好"',
        "a\\b\\\\c",
        "一\n二\r三\r\n四",
        "\t\u2028\x85\x0b",
        "😀 区",
        "",
    ]
    rows = [(s, p, LITERAL, t, "zh", "") for t in texts] + [
        (s, p, LITERAL, "12", "", "http://www.w3.org/2001/XMLSchema#integer"),
        (s, p, LITERAL, 'x"y', "", ""),
        (s, p, IRI, "https://w3id.org/edukg/id/y", "", ""),
    ]
    count = write_turtle_rows(sorted(map(ntriples_line, rows)), tmp_path / "g.ttl")
    assert count == len(rows)
    parsed = set()
    for q in ox.parse(path=str(tmp_path / "g.ttl"), format=ox.RdfFormat.TURTLE):
        o = q.object
        if isinstance(o, ox.Literal):
            datatype = o.datatype.value
            plain = datatype.endswith(("#string", "#langString"))
            parsed.add((o.value, o.language or "", "" if plain else datatype))
        else:
            parsed.add((o.value, "", ""))
    assert parsed == {(o, lang, dt) for *_, o, lang, dt in rows}


# ------------------------------------------------------------ GraphML


def _networkx_graphml(graph: nx.Graph) -> bytes:
    lines = nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _awkward() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    odd = "a&<>\"'\n\r\t 区"
    graph.add_node(odd, label="x\r\ny\u2028z\x85w\x0bv\x1c", n=3, f=1.5, b=True, e="")
    graph.add_node("bare")
    graph.add_node("c", n="now a string")  # a second key of the same name
    graph.add_edge(odd, "bare", key="k&1", relation="中文 \r", w=2)
    graph.add_edge("bare", "c")
    graph.add_edge("bare", "c", key=7)
    return graph


@pytest.mark.parametrize(
    "graph",
    [
        _awkward(),
        nx.MultiDiGraph(),
        nx.MultiDiGraph([(1, 2)]),
        nx.DiGraph([(1, 2, {"w": 1.5})]),
        nx.Graph([(1, 2, {"w": 1})]),
        nx.MultiGraph([(1, 1)]),
        nx.MultiDiGraph(name="with graph attributes"),
    ],
    ids=["awkward", "empty", "multi", "digraph", "graph", "loop", "attributes"],
)
def test_graphml_pieces_are_networkx_bytes(graph: nx.Graph, tmp_path: Path) -> None:
    expected = _networkx_graphml(graph)
    assert graphml_bytes(graph) == expected
    write_graphml(graph, tmp_path / "g.graphml")
    assert (tmp_path / "g.graphml").read_bytes() == expected


#: What ElementTree escapes, what networkx's splitlines() splits lines at,
#: and what its ASCII output writes as character references.
_AWKWARD_STRINGS = [
    *"&<>\"'\r\n\t",
    *"\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    "\r\n",
    "\n\r",
    "&amp;",
    "]]>",
    "é",
    "区",
    "😀",  # outside the BMP
    "",
    " ",
]


@pytest.mark.parametrize("kind", [nx.MultiDiGraph, nx.Graph])
def test_graphml_escapes_text_and_attributes_as_networkx_does(
    kind: type[nx.Graph],
) -> None:
    """Every awkward string as a node id, an edge key, a value and a name."""
    graph = kind()
    every = "".join(_AWKWARD_STRINGS)
    for i, text in enumerate([*_AWKWARD_STRINGS, every]):
        graph.add_node(text)
        graph.add_node(f"n{i}{text}", label=f"a{text}b", value=text, n=i, f=i / 3)
        graph.add_edge(f"n{i}{text}", text, key=text, relation=text, weight=i)
        graph.add_node(f"named {i}", **{f"name{text}": text, "flag": i % 2 == 0})
    assert graphml_bytes(graph) == _networkx_graphml(graph)


@pytest.mark.parametrize("batch", [1, 4, 19, 100])
def test_graphml_is_written_a_batch_of_elements_at_a_time(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((str(i), {"label": f"n{i}"}) for i in range(10))
    graph.add_edges_from((str(i), str(i + 1), {"relation": "r"}) for i in range(9))
    monkeypatch.setattr(kg.serialize, "GRAPHML_BATCH", batch)
    pieces = list(iter_graphml(graph))
    # a head, then the 19 nodes and edges a batch at a time
    assert len(pieces) == 1 + -(-19 // batch)
    assert all(p.count("<node ") + p.count("<edge ") <= batch for p in pieces)
    assert "".join(pieces).encode() == _networkx_graphml(graph)


def test_graphml_rejects_what_networkx_rejects() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", values=[1, 2])
    with pytest.raises(nx.NetworkXError):
        _networkx_graphml(graph)
    with pytest.raises(nx.NetworkXError):
        graphml_bytes(graph)


def test_graphml_of_a_graph_s_parts_is_that_of_its_networkx_graph(
    example_build: Built,
) -> None:
    parts = graph_parts(example_build.resolution)
    assert graphml_bytes(parts) == graphml_bytes(to_networkx(example_build.resolution))
    # Edges listed by source, then by target first linked, whatever the order
    # they were added in; a node an edge names is added with it.
    data = {"relation": "r"}
    parts = GraphParts(
        {"b": {"type": "x"}, "a": {"year": 1}},
        [
            ("a", "c", "k0", data),
            ("b", "a", "k1", data),
            ("a", "b", "k2", {}),
            ("a", "c", "k3", {"relation": "s", "year": 2}),
            ("c", "a", "k4", data),
        ],
    )
    parts.nodes["c"] = {}
    assert graphml_bytes(parts) == graphml_bytes(parts.to_networkx())
    graph = parts.to_networkx()
    assert list(graph.edges(keys=True)) == [e[:3] for e in parts.out_edges()]
