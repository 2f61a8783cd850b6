"""The region hierarchy.

In RDF, ``edu:subRegionOf`` links the regions the reports name, and every
Region, School and Bureau is ``edu:withinRegion`` each division above it by
code, up to the province (divisions no report names appear as
``edu:AdministrativeDivision``). The explorer's networkx graph shows the
completed tree (:func:`complete_regions`).
"""

from __future__ import annotations

from conftest import Built
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kg.graph import (
    DIVISION_RULE,
    PREFIXES,
    complete_regions,
    iter_triples,
    to_networkx,
)
from kg.regions import load_region_index
from kg.types import Entity, Evidence, ReportRecord, Resolution, ResolvedRelation
from kg.vocab import EDU


def _region(code: str, *, mentioned: bool = True) -> Entity:
    ref = load_region_index().by_code[code]
    ev = Evidence(
        "doc", 0, len(ref.name), "gaz", "reported", f"{ref.name}的学校。", "doc.txt"
    )
    return Entity(
        f"region-{code}",
        "Region",
        ref.name,
        (),
        code,
        ref.level,
        (ev,) if mentioned else (),
    )


def _school(name: str, region: str) -> Entity:
    ev = Evidence("doc", 0, len(name), "suffix", "reported", f"{name}。", "doc.txt")
    return Entity(f"school-{name}", "School", name, (), region, 0, (ev,))


def _located(school: Entity, region: Entity) -> ResolvedRelation:
    return ResolvedRelation(school.key, "locatedIn", region.key, school.mentions)


def test_a_district_gets_its_city_and_province() -> None:
    """崇川区 alone: 南通市 and 江苏省 are added with codes and levels."""
    index = load_region_index()
    chongchuan = next(c for c in index.by_name["崇川区"] if c.startswith("3206"))
    district = _region(chongchuan)
    school = _school("崇川实验小学", chongchuan)
    resolution = Resolution((district, school), (_located(school, district),), ())

    done = complete_regions(resolution)
    by_code = {e.region: e for e in done.entities if e.label == "Region"}
    assert set(by_code) == {chongchuan, "320600", "320000"}
    assert (by_code["320600"].name, by_code["320600"].level) == ("南通市", 2)
    assert (by_code["320000"].name, by_code["320000"].level) == ("江苏省", 1)
    assert by_code["320000"].mentions == ()
    edges = {
        (r.subject, r.object): r for r in done.relations if r.predicate == "subRegionOf"
    }
    assert set(edges) == {
        (district.key, "region-320600"),
        ("region-320600", "region-320000"),
    }
    # Implied edges carry the sentence that named the district, under their own rule.
    for rel in edges.values():
        assert [ev.rule for ev in rel.evidence] == [DIVISION_RULE]
        assert rel.evidence[0].sentence == district.mentions[0].sentence
    assert complete_regions(done) == done


def test_a_skipped_level_is_filled_in() -> None:
    """北仑区 → 浙江省 (宁波市 not named) becomes 北仑区 → 宁波市 → 浙江省."""
    beilun, zhejiang = _region("330206"), _region("330000")
    ev = Evidence(
        "doc", 3, 6, "region.hierarchy", "reported", "浙江省北仑区。", "doc.txt"
    )
    stated = ResolvedRelation(beilun.key, "subRegionOf", zhejiang.key, (ev,))
    done = complete_regions(Resolution((beilun, zhejiang), (stated,), ()))
    pairs = {(r.subject, r.object) for r in done.relations}
    assert pairs == {
        (beilun.key, "region-330200"),
        ("region-330200", zhejiang.key),
    }


def test_containment_query_reaches_schools_of_a_province() -> None:
    """``withinRegion`` from 江苏省 finds a 崇川区 school; no path needed."""
    index = load_region_index()
    chongchuan = next(c for c in index.by_name["崇川区"] if c.startswith("3206"))
    district = _region(chongchuan)
    school = _school("崇川实验小学", chongchuan)
    report = ReportRecord("doc", "doc.txt", "", None, None, 2023, False, ())
    resolution = Resolution(
        (district, school), (_located(school, district),), (report,)
    )
    graph = Graph()
    for triple in iter_triples(resolution):
        graph.add(triple)
    province = next(graph.subjects(EDU.divisionCode, Literal("320000")))
    # 江苏省 is named by no report: a division, not a Region of the reports.
    assert (province, RDF.type, EDU.AdministrativeDivision) in graph
    assert (province, RDF.type, EDU.Region) not in graph
    rows = graph.query(
        "SELECT ?name WHERE { ?s a edu:School ; edu:withinRegion ?r ."
        ' ?r rdfs:label "江苏省"@zh . ?s rdfs:label ?name }',
        initNs=PREFIXES,
    )
    assert [str(r.name) for r in rows] == ["崇川实验小学"]
    nx_graph = to_networkx(resolution)
    assert {a["label"] for _, a in nx_graph.nodes(data=True)} >= {"南通市", "江苏省"}


def test_containment_reaches_schools_of_a_development_zone() -> None:
    """成都高新区 has no code: its school is still within 成都市 and 四川省."""
    city = _region("510100")
    ev = city.mentions
    zone = Entity("region-成都高新区", "Region", "成都高新区", (), "", 0, ev)
    school = _school("成都高新区芳草小学", "")
    report = ReportRecord("doc", "doc.txt", "", None, None, 2023, False, ())
    resolution = Resolution(
        (city, zone, school),
        (
            ResolvedRelation(zone.key, "subRegionOf", city.key, ev),
            _located(school, zone),
        ),
        (report,),
    )
    graph = Graph()
    for triple in iter_triples(resolution):
        graph.add(triple)
    rows = graph.query(
        "SELECT ?name WHERE { ?s a edu:School ; edu:withinRegion ?r ."
        ' ?r rdfs:label "四川省"@zh . ?s rdfs:label ?name }',
        initNs=PREFIXES,
    )
    assert [str(r.name) for r in rows] == ["成都高新区芳草小学"]


def test_every_built_region_reaches_a_province(example_graph: Graph) -> None:
    rows = example_graph.query(
        "SELECT ?r WHERE { ?r a edu:Region ; edu:divisionLevel ?level ."
        " FILTER (?level > 1)"
        " FILTER NOT EXISTS { ?r edu:withinRegion ?p . ?p edu:divisionLevel 1 } }",
        initNs=PREFIXES,
    )
    assert list(rows) == []


def test_within_region_follows_the_codes(example_build: Built) -> None:
    graph = Graph().parse(example_build.ttl)
    index = load_region_index()
    for region in graph.subjects(RDF.type, EDU.Region):
        code = graph.value(region, EDU.divisionCode)
        if code is None:
            continue  # a development zone or an unresolved area has no code
        within = {
            str(graph.value(r, EDU.divisionCode))
            for r in graph.objects(region, EDU.withinRegion)
        }
        assert within == set(index.ancestors(str(code))), region


def test_divisions_the_packaged_list_lacks_are_added() -> None:
    # 重庆市江北区 and 渝北区 are filed under 两江新区 in the package
    index = load_region_index()
    assert index.by_code["500112"].name == "渝北区"
    assert index.by_code["500112"].parent == "500000"
    assert "500105" in index.by_name["江北区"]
