"""Tests for kg.visualize.render_html: offline, safe, deterministic pages."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import networkx as nx
import pytest

from kg.errors import DataFileError, KGError
from kg.visualize import VisualizationError, render_html

IRI = "https://edukg.example/id/"
HOSTILE_SCRIPT = "</script><script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


class _PageParser(HTMLParser):
    """Collects every tag with its attributes, and each script's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open, self._text = (tag, dict(attrs)), []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            if tag == "script":
                self.scripts.append((self._open[1], "".join(self._text)))
            else:
                self.styles.append("".join(self._text))
            self._open = None


def _parse(page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    return parser


def _data(page: str) -> dict[str, Any]:
    scripts = [
        text for attrs, text in _parse(page).scripts if attrs.get("id") == "kg-data"
    ]
    assert len(scripts) == 1
    return json.loads(scripts[0])


def _node(g: nx.MultiDiGraph, key: str, type_: str, label: str, **attrs: Any) -> str:
    iri = IRI + key
    g.add_node(
        iri,
        type=type_,
        label=label,
        aliases=attrs.get("aliases", ""),
        region=attrs.get("region", ""),
        year=attrs.get("year", 2021),
        evidence=attrs.get("evidence", ""),
        source=attrs.get("source", "梁溪区2021.txt"),
    )
    return iri


def _edge(g: nx.MultiDiGraph, u: str, v: str, relation: str, **attrs: Any) -> None:
    g.add_edge(
        u,
        v,
        relation=relation,
        evidence=attrs.get("evidence", ""),
        status=attrs.get("status", "reported"),
    )


def _sample_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    city = _node(g, "r0", "Region", "无锡市")
    district = _node(g, "r1", "Region", "梁溪区", region="无锡市")
    _edge(g, district, city, "subRegionOf", evidence="梁溪区隶属无锡市。")
    bureau = _node(
        g, "b1", "Bureau", "梁溪区教育局", aliases="梁溪区教体局", region="梁溪区"
    )
    _edge(g, bureau, district, "locatedIn")
    award = _node(g, "a1", "Award", "全国文明校园", year=0)
    program = _node(g, "p1", "Program", "“双减”工作")
    _edge(g, bureau, program, "implements", status="planned", evidence="计划推进。")
    report = _node(g, "rep1", "Report", "梁溪区教育局2021年工作总结")
    _edge(g, report, bureau, "publisher")
    for i in range(12):
        school = _node(
            g,
            f"s{i}",
            "School",
            f"梁溪区实验小学{i}",
            aliases=f"实小{i} | 梁溪实小{i}",
            region="梁溪区",
            year=2019 + i % 3,
            evidence=f"梁溪区实验小学{i}荣获全国文明校园称号。",
        )
        _edge(g, school, district, "locatedIn")
        if i % 3 == 0:
            _edge(g, school, award, "receivedAward", evidence="荣获全国文明校园。")
    _node(g, "d1", "Document", "《义务教育质量评价指南》")
    return g


def _big_graph(n: int) -> nx.MultiDiGraph:
    """A 10,000-node graph shaped like a real one: regions, bureaus, schools."""
    g = nx.MultiDiGraph()
    regions = [_node(g, f"r{i}", "Region", f"区{i}") for i in range(100)]
    for i in range(1, 100):
        _edge(g, regions[i], regions[(i - 1) // 10], "subRegionOf")
    awards = [_node(g, f"a{i}", "Award", f"荣誉{i}") for i in range(50)]
    i = 0
    while g.number_of_nodes() < n:
        school = _node(g, f"s{i}", "School", f"学校{i}", region=f"区{i % 100}")
        _edge(g, school, regions[i % 100], "locatedIn")
        if i % 4 == 0:
            _edge(g, school, awards[i % 50], "receivedAward")
        i += 1
    return g


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(_sample_graph(), title="无锡市教育知识图谱")


def _style() -> dict[str, Any]:
    path = resources.files("kg") / "data" / "viz_style.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# self-contained


def test_page_loads_nothing_from_outside(page: str) -> None:
    parsed = _parse(page)
    url_attrs = {"src", "href", "srcset", "action", "formaction", "poster", "data"}
    refs = [
        (tag, name, value)
        for tag, attrs in parsed.tags
        for name, value in attrs.items()
        if name in url_attrs
    ]
    assert refs == []
    assert not [tag for tag, _ in parsed.tags if tag in ("link", "iframe", "img")]
    # CSS may only use data: URLs and must not import anything.
    for css in parsed.styles:
        assert "@import" not in css
        for target in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
            assert target.startswith("data:"), target


def test_page_has_csp_that_forbids_network(page: str) -> None:
    metas = [
        attrs
        for tag, attrs in _parse(page).tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    policy = metas[0]["content"] or ""
    assert "default-src 'none'" in policy
    assert "connect-src 'none'" in policy


def test_vis_network_is_inlined(page: str) -> None:
    vis_dir = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    vis_js = (vis_dir / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (vis_dir / "vis-network.css").read_text(encoding="utf-8")
    scripts = _parse(page).scripts
    # The data island, vis-network and the explorer: nothing else.
    assert len(scripts) == 3
    assert any(vis_js.strip() in text for _, text in scripts)
    assert vis_css.strip() in page
    assert "window.kgExplorer" in scripts[2][1]


# --------------------------------------------------------------------------
# data


def test_every_node_and_edge_is_embedded(page: str) -> None:
    graph = _sample_graph()
    data = _data(page)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["info"]) == graph.number_of_nodes()
    assert {n["iri"] for n in data["info"]} == set(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()
    for node, info in zip(data["nodes"], data["info"], strict=True):
        attrs = graph.nodes[info["iri"]]
        assert info["label"] == attrs["label"]
        assert info["type"] == attrs["type"]
        assert node["label"] == attrs["label"]
        # Tooltips are built in the page, only for the nodes it draws.
        assert "title" not in node


def test_node_fields_reach_tooltip_and_panel_data(page: str) -> None:
    data = _data(page)
    by_iri = {
        i["iri"]: (n, i) for n, i in zip(data["nodes"], data["info"], strict=True)
    }
    node, info = by_iri[IRI + "s3"]
    assert info["aliases"] == ["实小3", "梁溪实小3"]
    assert info["region"] == "梁溪区"
    assert info["year"] == 2019
    assert info["evidence"] == "梁溪区实验小学3荣获全国文明校园称号。"
    # Size (and label size) by degree: locatedIn and receivedAward.
    assert node["value"] == 2


def test_edges_carry_relation_status_and_evidence(page: str) -> None:
    data = _data(page)
    iris = [i["iri"] for i in data["info"]]
    planned = [
        (e, info)
        for e, info in zip(data["edges"], data["edgeInfo"], strict=True)
        if info["status"] == "planned"
    ]
    assert len(planned) == 1
    edge, info = planned[0]
    assert info == {
        "relation": "implements",
        "status": "planned",
        "evidence": "计划推进。",
    }
    assert edge["dashes"] is True
    assert (iris[edge["from"]], iris[edge["to"]]) == (IRI + "b1", IRI + "p1")
    # Few edges: relation names are drawn on them.
    assert edge["label"] == _style()["relations"]["implements"]["name"]


def test_layout_is_precomputed_and_physics_off(page: str) -> None:
    data = _data(page)
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(isinstance(c, int) for p in points for c in p)
    assert len(set(points)) == len(points)


def test_parallel_edges_are_bent_apart() -> None:
    g = nx.MultiDiGraph()
    a = _node(g, "a", "Region", "甲区")
    b = _node(g, "b", "Region", "乙市")
    _edge(g, a, b, "subRegionOf")
    _edge(g, a, b, "locatedIn")
    edges = _data(render_html(g))["edges"]
    assert "smooth" not in edges[0]
    assert edges[1]["smooth"]["enabled"] is True


def test_filters_get_sorted_regions_and_years(page: str) -> None:
    data = _data(page)
    assert data["regions"] == sorted({"无锡市", "梁溪区"})
    # The region filter is a tree: 梁溪区 sits under 无锡市.
    assert data["regionParents"] == {"梁溪区": "无锡市"}
    assert data["years"] == [0, 2019, 2020, 2021]


# --------------------------------------------------------------------------
# hostile text


def _hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    a = _node(
        g,
        "x1",
        "School",
        HOSTILE_SCRIPT,
        aliases=f"{HOSTILE_IMG} | <!--",
        region="<b>区</b>",
        evidence="证据</script><img src=x onerror=alert(2)>\u2028下一行",
    )
    b = _node(g, "x2", "Region", HOSTILE_IMG)
    c = _node(g, "x3", '"><script>alert(3)</script>', "类型也不可信")
    _edge(g, a, b, "locatedIn", evidence="</SCRIPT><script>alert(4)</script>")
    _edge(g, c, b, "<svg onload=alert(5)>")
    return g


def test_hostile_text_never_appears_raw() -> None:
    page = render_html(_hostile_graph(), title="<script>alert(6)</script>")
    for raw in (
        HOSTILE_SCRIPT,
        HOSTILE_IMG,
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "</SCRIPT><script>",
        "<b>区</b>",
        "<!--",
        "\u2028",
    ):
        assert raw not in page, raw
    parsed = _parse(page)
    assert len(parsed.scripts) == 3
    assert not [tag for tag, _ in parsed.tags if tag in ("img", "svg", "b")]
    assert not [
        name for _, attrs in parsed.tags for name in attrs if name.startswith("on")
    ]


def test_hostile_text_round_trips_through_json() -> None:
    graph = _hostile_graph()
    data = _data(render_html(graph))
    labels = {i["iri"]: i["label"] for i in data["info"]}
    assert labels[IRI + "x1"] == HOSTILE_SCRIPT
    assert labels[IRI + "x2"] == HOSTILE_IMG
    info = next(i for i in data["info"] if i["iri"] == IRI + "x1")
    assert info["aliases"] == [HOSTILE_IMG, "<!--"]
    assert info["evidence"] == graph.nodes[IRI + "x1"]["evidence"]
    assert info["region"] == "<b>区</b>"
    node = data["nodes"][data["info"].index(info)]
    # The canvas label is cut to label_max_chars; info (tooltip, panel) has it whole.
    assert node["label"].endswith("…")
    assert HOSTILE_SCRIPT.startswith(node["label"][:-1])
    relations = {e["relation"] for e in data["edgeInfo"]}
    assert "<svg onload=alert(5)>" in relations


def test_hostile_title_and_type_are_escaped_in_markup() -> None:
    page = render_html(_hostile_graph(), title="<script>alert(6)</script>")
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in page
    assert "<title>&lt;script&gt;" in page
    boxes = [
        attrs["value"]
        for tag, attrs in _parse(page).tags
        if tag == "input" and "kg-type" in (attrs.get("class") or "")
    ]
    assert '"><script>alert(3)</script>' in boxes


def test_lone_surrogates_do_not_break_encoding() -> None:
    g = nx.MultiDiGraph()
    _node(g, "s", "School", "坏\udcff字")
    page = render_html(g)
    page.encode("utf-8")
    assert _data(page)["info"][0]["label"] == "坏\ufffd字"


# --------------------------------------------------------------------------
# determinism, legend, style


def test_same_graph_same_bytes() -> None:
    first = render_html(_sample_graph(), title="T")
    assert render_html(_sample_graph(), title="T") == first
    # Insertion order must not matter either.
    graph = _sample_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    assert render_html(shuffled, title="T") == first


def test_same_bytes_across_hash_seeds() -> None:
    # Set iteration order changes with PYTHONHASHSEED; the page must not.
    code = (
        "import hashlib, tests.test_visualize as t, kg.visualize as v;"
        "print(hashlib.sha256(v.render_html(t._big_graph(700)).encode()).hexdigest())"
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_explorer_script_never_parses_html() -> None:
    script = (resources.files("kg") / "data" / "templates" / "explorer.js").read_text(
        encoding="utf-8"
    )
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in code, sink


def test_legend_lists_each_present_type(page: str) -> None:
    style = _style()
    parsed = _parse(page)
    boxes = [
        attrs["value"]
        for tag, attrs in parsed.tags
        if tag == "input" and "kg-type" in (attrs.get("class") or "")
    ]
    present = {"Region", "Bureau", "School", "Award", "Program", "Report", "Document"}
    assert set(boxes) == present
    assert "Organization" not in boxes
    # Legend order follows the style file.
    assert boxes == [t for t in style["types"] if t in present]
    for type_ in present:
        assert style["types"][type_]["name"] in page


def test_colours_and_shapes_come_from_style_file(page: str) -> None:
    style = _style()
    data = _data(page)
    groups = data["options"]["groups"]
    for type_, entry in data["types"].items():
        expected = style["types"][type_]
        group = groups[entry["group"]]
        assert group["color"]["background"] == expected["color"]
        assert group["color"]["border"] == expected["border"]
        assert group["shape"] == expected["shape"]
        assert f"background:{expected['color']}" in page
    for edge, info in zip(data["edges"], data["edgeInfo"], strict=True):
        assert edge["color"]["color"] == style["relations"][info["relation"]]["color"]


def test_unknown_type_uses_default_style() -> None:
    g = nx.MultiDiGraph()
    _node(g, "q", "Committee", "某委员会")
    data = _data(render_html(g))
    group = data["options"]["groups"][data["types"]["Committee"]["group"]]
    assert group["color"]["background"] == _style()["default_type"]["color"]


def test_bad_style_is_a_data_file_error() -> None:
    from kg.visualize.style import parse_style as _parse_style

    raw = _style()
    raw["types"]["School"]["color"] = "red; background:url(http://x)"
    with pytest.raises(DataFileError, match=r"types\.School\.color"):
        _parse_style(raw, "viz_style.toml")
    raw = _style()
    raw["page"]["font_face"] = "x;}</style><script>"
    with pytest.raises(DataFileError, match="font_face"):
        _parse_style(raw, "viz_style.toml")


# --------------------------------------------------------------------------
# size and dependencies


def test_empty_graph_renders() -> None:
    data = _data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == []
    assert data["edges"] == []


def test_ten_thousand_nodes_render() -> None:
    graph = _big_graph(10_000)
    page = render_html(graph)
    data = _data(page)
    assert len(data["nodes"]) == 10_000
    assert len(data["edges"]) == graph.number_of_edges()
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert all(math.isfinite(v) for v in xs + ys)
    # Big graphs drop edge labels and hide edges while dragging.
    assert "label" not in data["edges"][0]
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True


def test_missing_pyvis_gives_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry makes `import pyvis.network` raise ImportError.
    monkeypatch.setitem(sys.modules, "pyvis.network", None)
    with pytest.raises(VisualizationError, match="needs pyvis") as excinfo:
        render_html(_sample_graph())
    assert isinstance(excinfo.value, KGError)
    assert isinstance(excinfo.value, ImportError)


def test_size_and_labels_follow_degree(page: str) -> None:
    """Hubs are bigger and keep their labels longest when zooming out."""
    data = _data(page)
    scaling = data["options"]["nodes"]["scaling"]
    assert scaling["label"]["enabled"] is True
    # At 40 % zoom a leaf's label (min px) is gone; a hub's (max px) stays.
    assert scaling["label"]["min"] * 0.4 < scaling["label"]["drawThreshold"]
    assert scaling["label"]["max"] * 0.4 >= scaling["label"]["drawThreshold"]
    values = {
        i["label"]: n["value"] for n, i in zip(data["nodes"], data["info"], strict=True)
    }
    assert (
        values["梁溪区"]
        > values["梁溪区实验小学1"]
        > values["《义务教育质量评价指南》"]
    )


def test_page_limits_what_it_draws(page: str) -> None:
    from kg.visualize.page import DRAW_BUDGET, OVERVIEW_SIZE

    limits = _data(page)["limits"]
    assert limits["draw"] == DRAW_BUDGET
    assert OVERVIEW_SIZE <= limits["relayout"] < DRAW_BUDGET
