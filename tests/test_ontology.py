"""The ontology, the generated vocabulary and the terms the code emits agree."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ONTOLOGY, ROOT
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.graph import BASE
from kg.query import PREFIXES
from kg.types import ENTITY_TYPES, RELATION_TYPES
from kg.vocab import EDU

NS = str(EDU._NS)
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)


def _defined(graph: Graph, *kinds: URIRef) -> dict[str, URIRef]:
    return {
        str(s)[len(NS) :]: s
        for kind in kinds
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(NS)
    }


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


TERMS = sorted(_defined(_ontology(), *KINDS))


def test_vocab_matches_the_ontology(ontology: Graph) -> None:
    assert set(EDU.__annotations__) == set(_defined(ontology, *KINDS))


def test_generated_vocab_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_vocab.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("term", TERMS)
def test_every_term_has_chinese_and_english_labels(ontology: Graph, term: str) -> None:
    languages = {label.language for label in ontology.objects(EDU[term], RDFS.label)}
    assert {"zh", "en"} <= languages, f"edu:{term} labels: {languages}"


@pytest.mark.parametrize("label", ENTITY_TYPES)
def test_entity_types_are_classes(ontology: Graph, label: str) -> None:
    assert label in _defined(ontology, OWL.Class)


@pytest.mark.parametrize("predicate", RELATION_TYPES)
def test_relation_types_are_object_properties(ontology: Graph, predicate: str) -> None:
    assert predicate in _defined(ontology, OWL.ObjectProperty)


def test_undefined_terms_raise() -> None:
    with pytest.raises(AttributeError, match="Shcool"):
        _ = EDU.Shcool
    with pytest.raises(AttributeError):
        _ = EDU["Shcool"]
    assert EDU.School == URIRef(NS + "School")


def test_query_prefixes_match_the_namespaces() -> None:
    assert f"PREFIX edu: <{NS}>" in PREFIXES
    assert f"PREFIX id: <{BASE}>" in PREFIXES


def test_the_built_graph_uses_only_defined_terms(
    ontology: Graph, example_graph: Graph
) -> None:
    defined = {URIRef(NS + term) for term in _defined(ontology, *KINDS)}
    used = {
        term
        for s, p, o in example_graph
        for term in (p, o if p == RDF.type else None)
        if term is not None and str(term).startswith(NS)
    }
    assert used, "the graph uses no edu: terms"
    assert used <= defined, sorted(used - defined)


def _subclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_subjects(RDFS.subClassOf, cls))


#: receivedAward has no rdfs:domain; its comment names the allowed subjects.
AWARD_HOLDERS = {EDU.Bureau, EDU.School, EDU.Region}


@pytest.mark.parametrize("predicate", RELATION_TYPES)
def test_relations_respect_domain_and_range(
    ontology: Graph, example_graph: Graph, predicate: str
) -> None:
    prop = EDU[predicate]
    domain = ontology.value(prop, RDFS.domain)
    range_ = ontology.value(prop, RDFS.range)
    subjects = _subclasses(ontology, domain) if domain else AWARD_HOLDERS
    objects = _subclasses(ontology, range_)
    pairs = list(example_graph.subject_objects(prop))
    assert pairs, f"no edu:{predicate} triples"
    for s, o in pairs:
        assert set(example_graph.objects(s, RDF.type)) & subjects, (predicate, s)
        assert set(example_graph.objects(o, RDF.type)) & objects, (predicate, o)


def test_indicators_are_about_regions_or_bureaus(example_graph: Graph) -> None:
    subjects = list(example_graph.objects(None, EDU.indicatorOf))
    for subject in subjects:
        types = set(example_graph.objects(subject, RDF.type))
        assert types & {EDU.Region, EDU.Bureau}, (subject, types)
