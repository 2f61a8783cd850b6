"""The graph stage: Turtle round trip, evidence, stable IRIs, networkx/GraphML."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from conftest import EXAMPLES, Built, build_capturing
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF

from kg.graph import (
    BASE,
    IRI,
    LITERAL,
    build_rdf,
    complete_regions,
    entity_iri,
    iter_rows,
    iter_triples,
    to_networkx,
)
from kg.query import run_query
from kg.resolve import resolve
from kg.types import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import EDU

RELATIONS = ("locatedIn", "subRegionOf", "receivedAward", "implements")
EVIDENCE_PROPERTIES = ("sentence", "inReport", "startOffset", "endOffset", "rule")


def _entity_iris(graph: Graph) -> set[URIRef]:
    classes = {EDU[label] for label in ENTITY_TYPES}
    return {s for s, _, o in graph.triples((None, RDF.type, None)) if o in classes}


# ---------------------------------------------------------------- Turtle


def test_turtle_round_trips_to_the_built_graph(
    example_build: Built, example_graph: Graph
) -> None:
    expected = build_rdf(example_build.resolution)
    if not isomorphic(expected, example_graph):
        _, only_built, only_parsed = graph_diff(
            to_isomorphic(expected), to_isomorphic(example_graph)
        )
        print("only in build_rdf():", *sorted(only_built)[:20], sep="\n  ")
        print("only in graph.ttl:", *sorted(only_parsed)[:20], sep="\n  ")
        pytest.fail(f"{len(only_built)} + {len(only_parsed)} triples differ")


def test_turtle_declares_the_query_prefixes(example_build: Built) -> None:
    head = example_build.ttl.read_text(encoding="utf-8").split("\n", 20)
    prefixes = {line.split()[1] for line in head if line.startswith("@prefix")}
    assert {"edu:", "id:", "rdf:", "rdfs:", "skos:", "xsd:"} <= prefixes


def test_a_row_is_its_rdflib_triple_as_strings(example_build: Built) -> None:
    """Rows hold the triples rdflib would make, rdflib's lexical forms included."""
    from kg.serialize import _row

    rows = list(iter_rows(example_build.resolution))
    triples = list(iter_triples(example_build.resolution))
    assert [_row(t) for t in triples] == rows
    assert {row[2] for row in rows} == {IRI, LITERAL}


def test_typed_literals_keep_rdflib_lexical_forms() -> None:
    """rdflib writes decimal 1e3 as 1000; graph.ttl always held rdflib's form."""
    from kg.graph import _typed

    assert _typed("1e3", "http://www.w3.org/2001/XMLSchema#decimal")[0] == "1000"
    assert _typed(True) == ("true", "", "http://www.w3.org/2001/XMLSchema#boolean")
    assert _typed(1)[2] == "http://www.w3.org/2001/XMLSchema#integer"


# -------------------------------------------------------------- evidence


@pytest.mark.parametrize("predicate", RELATIONS)
def test_every_relation_triple_has_complete_evidence(
    example_build: Built, predicate: str
) -> None:
    total = run_query(
        example_build.ttl,
        f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s edu:{predicate} ?o }}",
    )
    assert int(total.rows[0][0]) > 0, f"no {predicate} triples to check"
    required = " ; ".join(f"edu:{p} ?{p}" for p in EVIDENCE_PROPERTIES)
    missing = run_query(
        example_build.ttl,
        f"""SELECT ?s ?o WHERE {{
              ?s edu:{predicate} ?o .
              FILTER NOT EXISTS {{
                ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate edu:{predicate} ;
                    rdf:object ?o ; {required} .
                ?inReport a edu:Report .
              }}
            }}""",
    )
    assert missing.rows == (), f"{predicate} triples without evidence: {missing.rows}"


def test_every_statement_describes_an_asserted_triple(example_build: Built) -> None:
    result = run_query(
        example_build.ttl,
        """ASK { ?st a rdf:Statement ;
                     rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                 FILTER NOT EXISTS { ?s ?p ?o } }""",
    )
    assert result.boolean is False


def test_evidence_offsets_are_ordered_integers(example_build: Built) -> None:
    bad = run_query(
        example_build.ttl,
        """SELECT ?node WHERE {
             ?node edu:startOffset ?start ; edu:endOffset ?end .
             FILTER(datatype(?start) != xsd:integer || datatype(?end) != xsd:integer
                    || ?start < 0 || ?end <= ?start)
           }""",
    )
    assert bad.rows == ()


def test_mention_offsets_point_at_the_surface_form(example_build: Built) -> None:
    """``text[start:end]`` of the cleaned report is exactly what was read."""
    texts = {ex.doc.doc_id: ex.doc.text for ex in example_build.extractions}
    checked = 0
    for entity in example_build.resolution.entities:
        for ev in entity.mentions:
            text = texts[ev.doc_id]
            assert text[ev.start : ev.end] == ev.surface, (entity.name, ev)
            assert ev.sentence in text
            checked += 1
    assert checked > 0


def _inside_sentence(text: str, sentence: str, start: int, end: int) -> bool:
    at = text.find(sentence)
    while at != -1:
        if at <= start and end <= at + len(sentence):
            return True
        at = text.find(sentence, at + 1)
    return False


def test_relation_offsets_lie_inside_the_evidence_sentence(
    example_build: Built,
) -> None:
    texts = {ex.doc.doc_id: ex.doc.text for ex in example_build.extractions}
    outside = [
        (rel.predicate, ev.doc_id, ev.start, ev.end)
        for rel in example_build.resolution.relations
        for ev in rel.evidence
        if not _inside_sentence(texts[ev.doc_id], ev.sentence, ev.start, ev.end)
    ]
    assert outside == []


# ------------------------------------------------------------------ IRIs


def test_entity_iris_do_not_depend_on_file_names_or_order(
    example_build: Built, example_graph: Graph, tmp_path: Path
) -> None:
    """Renamed files that sort the other way round mint the same entity IRIs."""
    folder = tmp_path / "renamed"
    folder.mkdir()
    for i, source in enumerate(sorted(EXAMPLES.iterdir(), reverse=True)):
        (folder / f"{i:02d}_{source.stem[::-1]}{source.suffix}").write_bytes(
            source.read_bytes()
        )
    other = build_capturing(folder, tmp_path / "out", html=False)
    assert _entity_iris(Graph().parse(other.ttl)) == _entity_iris(example_graph)


def test_resolution_does_not_depend_on_extraction_order(example_build: Built) -> None:
    again = resolve(reversed(example_build.extractions))
    assert again == example_build.resolution


def test_iris_are_minted_under_the_base(example_graph: Graph) -> None:
    kinds = {"region", "report", "mention", "evidence", "indicator"} | {
        label.lower() for label in ENTITY_TYPES
    }
    for node in set(example_graph.subjects()):
        assert isinstance(node, URIRef), f"blank node {node!r}"
        assert node.startswith(str(BASE)), node
        kind, _, local = node[len(BASE) :].partition("/")
        assert kind in kinds, node
        assert re.fullmatch(r"[0-9a-f]{20}|\d{6}|\d{9}", local), f"unsafe IRI {node}"


#: Digits of a division code that identify it at each level: the rest are 0.
_SIGNIFICANT = {1: 2, 2: 4, 3: 6, 4: 9}


def test_regions_are_named_by_their_division_code(example_graph: Graph) -> None:
    """GB/T 2260 codes (6 digits) down to counties; townships add 3 digits."""
    regions = set(example_graph.subjects(RDF.type, EDU.Region))
    assert regions
    for node in regions:
        codes = [str(c) for c in example_graph.objects(node, EDU.divisionCode)]
        assert len(codes) == 1, f"{node} has division codes {codes}"
        levels = [int(v) for v in example_graph.objects(node, EDU.divisionLevel)]
        assert len(levels) == 1 and 1 <= levels[0] <= 4, (node, levels)
        digits = 9 if levels[0] == 4 else 6
        assert re.fullmatch(rf"\d{{{digits}}}", codes[0]), (codes, levels)
        assert node == BASE[f"region/{codes[0]}"]


def test_sub_regions_sit_below_their_parent(example_graph: Graph) -> None:
    pairs = list(example_graph.subject_objects(EDU.subRegionOf))
    assert pairs
    for child, parent in pairs:
        child_level = int(example_graph.value(child, EDU.divisionLevel))
        parent_level = int(example_graph.value(parent, EDU.divisionLevel))
        assert child_level > parent_level, (child, parent)
        prefix = str(example_graph.value(parent, EDU.divisionCode))
        prefix = prefix[: _SIGNIFICANT[parent_level]]
        assert str(example_graph.value(child, EDU.divisionCode)).startswith(prefix)


# -------------------------------------------------------------- networkx


@pytest.fixture(scope="module")
def nx_graph(example_build: Built) -> nx.MultiDiGraph:
    return to_networkx(example_build.resolution)


def test_networkx_nodes_carry_type_label_region(
    example_build: Built, nx_graph: nx.MultiDiGraph
) -> None:
    # The explorer's graph shows the completed region tree (ancestors too).
    region_names = {
        e.name
        for e in complete_regions(example_build.resolution).entities
        if e.label == "Region"
    }
    types = set(ENTITY_TYPES) | {"Report"}
    for node, attrs in nx_graph.nodes(data=True):
        assert attrs["type"] in types, node
        assert isinstance(attrs["label"], str) and attrs["label"], node
        assert attrs["region"] == "" or attrs["region"] in region_names, attrs
    expected = {str(entity_iri(e)) for e in example_build.resolution.entities}
    assert expected <= set(nx_graph.nodes)


def test_networkx_edges_carry_the_relation(
    example_build: Built, nx_graph: nx.MultiDiGraph
) -> None:
    relations = set(RELATION_TYPES) | {"publisher"}
    for u, v, key, attrs in nx_graph.edges(keys=True, data=True):
        assert attrs["relation"] in relations, (u, v, attrs)
        # unique per edge: GraphML writes the key as the edge id
        assert key.startswith(attrs["relation"] + "-")
    keys = [key for _, _, key in nx_graph.edges(keys=True)]
    assert len(keys) == len(set(keys))
    rel_edges = [
        (u, v, a["relation"])
        for u, v, a in nx_graph.edges(data=True)
        if a["relation"] != "publisher"
    ]
    assert len(rel_edges) == len(complete_regions(example_build.resolution).relations)


def test_networkx_matches_the_rdf_graph(
    nx_graph: nx.MultiDiGraph, example_graph: Graph
) -> None:
    from_rdf = {
        (str(s), str(p).rpartition("#")[2], str(o))
        for p in (EDU[r] for r in RELATION_TYPES)
        for s, o in example_graph.subject_objects(p)
    }
    from_nx = {
        (u, a["relation"], v)
        for u, v, a in nx_graph.edges(data=True)
        if a["relation"] != "publisher"
    }
    # The explorer's graph completes the region tree from the division codes
    # (the RDF graph states that containment as edu:withinRegion instead):
    # every extra edge is a subRegionOf that the RDF graph's withinRegion
    # entails.
    within = {
        (str(s), str(o)) for s, o in example_graph.subject_objects(EDU.withinRegion)
    }
    assert from_rdf - {t for t in from_rdf if t[1] == "subRegionOf"} <= from_nx
    for u, relation, v in from_nx - from_rdf:
        assert relation == "subRegionOf" and (u, v) in within, (u, relation, v)


def test_graphml_reads_back(example_build: Built, nx_graph: nx.MultiDiGraph) -> None:
    parsed = nx.read_graphml(example_build.out / "graph.graphml")
    assert parsed.is_directed()
    assert set(parsed.nodes) == set(nx_graph.nodes)
    for node, attrs in nx_graph.nodes(data=True):
        assert parsed.nodes[node] == attrs, node
    edges = {(u, v, a["relation"]) for u, v, a in nx_graph.edges(data=True)}
    back = {(u, v, a["relation"]) for u, v, a in parsed.edges(data=True)}
    assert back == edges
    assert parsed.number_of_edges() == nx_graph.number_of_edges()
