"""The HTML explorer in a real browser: headless Debian Chromium via Playwright.

Playwright's Python package ships its own driver (a Node binary inside the
wheel), so it installs from PyPI alone; ``executable_path`` points it at
Debian's ``/usr/bin/chromium`` because ``playwright install`` downloads
browsers from a CDN this machine cannot reach. It is preferred to Selenium
here because it reports every request, console message, page error and
dialog as an event, which is exactly what these tests assert on.

Two pages are checked:

* the examples corpus plus one hostile report, built by :func:`kg.build`:
  extraction drops markup-like school names (``<svg/…>实验小学`` becomes
  ``实验小学``) but keeps the raw sentence as evidence, so the hostile text
  reaches the side panel through the evidence;
* a small graph rendered directly with :func:`kg.visualize.render_html` whose
  labels, aliases, regions, types and title are all hostile.

The module is skipped when Chromium (``/usr/bin/chromium``, or the path in
``EDUKG_CHROMIUM``) or Playwright is missing, so a developer machine without a
browser still passes; CI installs both.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
import pytest

from kg.pipeline import build
from kg.visualize import render_html

CHROMIUM = Path(os.environ.get("EDUKG_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (apt-get install chromium fonts-wqy-zenhei)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed (pip install -e '.[dev]')",
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 30_000
IRI = "https://edukg.example/id/"

HOSTILE_IMG = "<img src=x onerror=alert(1)>"
#: Markup in a report's text. Ingest cuts well-formed tags (<p class=…>) left
#: in copied pages, so the report uses a tag in the slash-separated form
#: browsers still run (<svg/onload=…>), which reaches the evidence intact.
HOSTILE_MARKUP = "<svg/onload=alert(1)>"
HOSTILE_REPORT = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>成都市温江区教育局2023年工作总结</title></head>
<body><article>
<h1>成都市温江区教育局2023年工作总结</h1>
<p>2023年，成都市温江区教育局扎实推进教育高质量发展。</p>
<p>温江区{html.escape(HOSTILE_MARKUP)}实验小学被评为四川省示范学校。</p>
<p>温江区&lt;script&gt;alert(2)&lt;/script&gt;第一中学荣获“全国文明校园”称号。</p>
</article></body></html>
"""

HOSTILE_LABEL = f"{HOSTILE_IMG}小学"
HOSTILE_ALIAS = "<script>alert(2)</script>实小"
HOSTILE_REGION = "</script><b>温江</b>区"
HOSTILE_TYPE = "<svg/onload=alert(3)>"
HOSTILE_TITLE = "<script>alert(4)</script>EduKG"
HOSTILE_EVIDENCE = "\"'><iframe src=javascript:alert(5)></iframe>证据"
#: Anything the hostile text would create if it were parsed as HTML.
INJECTED = "img, svg, iframe, b, [onerror], [onload], [onmouseover]"


@dataclass
class Opened:
    """A loaded explorer page and everything it did while it was open."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: object = None) -> Any:
        return self.page.evaluate(script, arg)

    def assert_quiet_and_offline(self) -> None:
        """No console errors, no exceptions, no dialogs, no outside request."""
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []
        assert self.requests, "no request was recorded at all"
        assert [url for url in self.requests if not _is_local(url)] == []


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data"):
        return True
    return parts.scheme in ("http", "https", "ws") and parts.hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open an HTML file in a fresh context that records what the page does."""
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        opened = Opened(page)
        context.on("request", lambda req: opened.requests.append(req.url))
        page.on("websocket", lambda ws: opened.requests.append(ws.url))
        page.on(
            "console",
            lambda msg: (
                opened.console_errors.append(msg.text) if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc: opened.page_errors.append(str(exc)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        # A safety net: whatever the page asks for off this machine is refused
        # (and still recorded above, so the test fails on it).
        context.route(
            lambda url: not _is_local(url), lambda route: route.abort("blockedbyclient")
        )
        page.goto(path.resolve().as_uri())
        # A function, not a bare expression: Playwright eval()s expressions in
        # the page, which its CSP (no 'unsafe-eval') refuses.
        page.wait_for_function(
            "() => document.documentElement.hasAttribute('data-kg-ready')"
        )
        return opened

    yield opener
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------
# pages


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Examples plus one hostile report, built by the pipeline (with HTML)."""
    base = tmp_path_factory.mktemp("browser-build")
    reports = base / "reports"
    shutil.copytree(EXAMPLES, reports)
    (reports / "05_hostile.html").write_text(HOSTILE_REPORT, encoding="utf-8")
    out = base / "out"
    build(reports, out)
    return out


@pytest.fixture(scope="module")
def built_graph(built: Path) -> nx.MultiDiGraph:
    return nx.read_graphml(built / "graph.graphml", force_multigraph=True)


def _hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()

    def node(key: str, type_: str, label: str, **attrs: Any) -> str:
        g.add_node(
            IRI + key,
            type=type_,
            label=label,
            aliases=attrs.get("aliases", ""),
            region=attrs.get("region", ""),
            year=attrs.get("year", 2023),
            evidence=attrs.get("evidence", ""),
            source=attrs.get("source", "hostile.html"),
        )
        return IRI + key

    region = node("region", "Region", HOSTILE_REGION)
    school = node(
        "school",
        "School",
        HOSTILE_LABEL,
        aliases=HOSTILE_ALIAS,
        region=HOSTILE_REGION,
        evidence=HOSTILE_EVIDENCE,
        source='x.txt" onmouseover="alert(6)',
    )
    award = node("award", "Award", "&lt;i&gt;全国文明校园&amp;")
    odd = node("odd", HOSTILE_TYPE, "未知类型节点")
    g.add_edge(school, region, relation="locatedIn", evidence="", status="reported")
    g.add_edge(
        school, award, relation="receivedAward", evidence=HOSTILE_EVIDENCE, status="x"
    )
    g.add_edge(odd, school, relation="<u>rel</u>", evidence="", status="planned")
    return g


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    graph = _hostile_graph()
    path = tmp_path_factory.mktemp("hostile") / "graph.html"
    path.write_text(render_html(graph, title=HOSTILE_TITLE), encoding="utf-8")
    return path, graph.number_of_nodes()


# --------------------------------------------------------------------------
# helpers


def _node_count(opened: Opened) -> dict[str, int]:
    return opened.evaluate(
        """() => ({
            dataset: kgExplorer.network.body.data.nodes.getIds().length,
            positioned: Object.keys(kgExplorer.network.getPositions()).length,
        })"""
    )


def _search_and_pick(opened: Opened, text: str, label: str) -> str:
    """Type ``text`` in the search box, click the result named ``label``.

    Returns the label of the node the network then has selected.
    """
    page = opened.page
    page.locator("#kg-search").press_sequentially(text, delay=5)
    results = page.locator("#kg-results")
    results.wait_for(state="visible")
    # Result buttons hold the label, a space, then a <small> with the type.
    button = results.locator("button").filter(has=page.locator("small"), has_text=label)
    button.first.click()
    page.locator("#kg-panel").wait_for(state="visible")
    return opened.evaluate(
        """() => {
            const ids = kgExplorer.network.getSelectedNodes();
            const data = document.getElementById("kg-data").textContent;
            return ids.length === 1 ? JSON.parse(data).info[ids[0]].label : null;
        }"""
    )


def _first_view_size(graph: nx.MultiDiGraph) -> int:
    """Nodes the first view draws: no isolates, one node per publisher's reports."""
    publishers = {
        v
        for u, v, d in graph.edges(data=True)
        if d["relation"] == "publisher" and graph.nodes[u]["type"] == "Report"
    }
    published = {
        u
        for u, _, d in graph.edges(data=True)
        if d["relation"] == "publisher" and graph.nodes[u]["type"] == "Report"
    }
    connected = [n for n in graph.nodes if graph.degree(n) > 0]
    return len([n for n in connected if n not in published]) + len(publishers)


def _panel_title(opened: Opened) -> str:
    return opened.page.locator("#kg-panel-body h2").text_content()


def _unique_school(graph: nx.MultiDiGraph) -> str:
    labels = [d["label"] for _, d in graph.nodes(data=True)]
    candidates = sorted(
        d["label"]
        for _, d in graph.nodes(data=True)
        if d["type"] == "School"
        and labels.count(d["label"]) == 1
        and not any(d["label"] in other for other in labels if other != d["label"])
    )
    assert candidates, "the examples graph has no uniquely named school"
    return candidates[0]


# --------------------------------------------------------------------------
# the built examples page


def test_built_page_loads_offline_without_errors(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    opened = open_page(built / "graph.html")
    counts = _node_count(opened)
    expected = _first_view_size(built_graph)
    assert counts == {"dataset": expected, "positioned": expected}
    shot = tmp_path / "explorer.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    opened.assert_quiet_and_offline()


def test_search_selects_node_and_shows_panel(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    label = _unique_school(built_graph)
    opened = open_page(built / "graph.html")
    assert _search_and_pick(opened, label, label) == label
    assert _panel_title(opened) == label
    opened.page.screenshot(path=str(tmp_path / "search.png"))
    opened.assert_quiet_and_offline()


def test_hostile_evidence_from_a_report_renders_as_text(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph
) -> None:
    # Extraction keeps the sentence (as evidence) but not the markup-like
    # name, so look for whichever node carries the hostile text.
    hits = sorted(
        {
            built_graph.nodes[u]["label"]
            for u, _, d in built_graph.edges(data=True)
            if HOSTILE_MARKUP in d["evidence"]
        }
        | {
            d["label"]
            for _, d in built_graph.nodes(data=True)
            if HOSTILE_MARKUP in d["evidence"]
        }
    )
    assert hits, "the hostile sentence did not reach the graph"
    opened = open_page(built / "graph.html")
    label = hits[0]
    assert _search_and_pick(opened, label, label) == label
    panel = opened.page.locator("#kg-panel-body").text_content()
    assert HOSTILE_MARKUP in panel
    assert (
        opened.evaluate("(sel) => document.querySelectorAll(sel).length", INJECTED) == 0
    )
    opened.assert_quiet_and_offline()


# --------------------------------------------------------------------------
# a page whose every text field is hostile


def test_hostile_labels_render_as_text(
    open_page: Any, hostile_html: tuple[Path, int], tmp_path: Path
) -> None:
    path, node_count = hostile_html
    opened = open_page(path)
    page = opened.page
    assert _node_count(opened)["dataset"] == node_count
    scripts_before = opened.evaluate("() => document.scripts.length")

    assert _search_and_pick(opened, "<img", HOSTILE_LABEL) == HOSTILE_LABEL
    assert _panel_title(opened) == HOSTILE_LABEL
    panel = page.locator("#kg-panel-body").text_content()
    for text in (HOSTILE_ALIAS, HOSTILE_REGION, HOSTILE_EVIDENCE, "<u>rel</u>"):
        assert text in panel

    # Hover the node: vis-network's tooltip must show the label as text too.
    # Selecting from the search zooms in with a 400 ms animation; let it end.
    page.wait_for_timeout(800)
    box = page.locator("#kg-network canvas").bounding_box()
    at = opened.evaluate(
        """() => {
            const net = kgExplorer.network;
            return net.canvasToDOM(net.getPosition(net.getSelectedNodes()[0]));
        }"""
    )
    page.mouse.move(box["x"] + at["x"] - 2, box["y"] + at["y"] - 2)
    page.mouse.move(box["x"] + at["x"], box["y"] + at["y"], steps=3)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert HOSTILE_LABEL in tooltip.text_content()

    assert page.title() == HOSTILE_TITLE
    assert page.locator("#kg-title").text_content() == HOSTILE_TITLE
    assert HOSTILE_TYPE in page.locator("#kg-legend").text_content()
    regions = opened.evaluate(
        "() => Array.from(document.querySelectorAll('#kg-region option'), o => o.text)"
    )
    assert HOSTILE_REGION in regions

    assert (
        opened.evaluate("(sel) => document.querySelectorAll(sel).length", INJECTED) == 0
    )
    assert opened.evaluate("() => document.scripts.length") == scripts_before == 3
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert (tmp_path / "hostile.png").stat().st_size > 1000
    opened.assert_quiet_and_offline()


def test_hostile_filters_keep_working(
    open_page: Any, hostile_html: tuple[Path, int]
) -> None:
    path, node_count = hostile_html
    opened = open_page(path)
    page = opened.page
    page.locator("#kg-region").select_option(HOSTILE_REGION)
    shown = opened.evaluate("() => kgExplorer.network.body.data.nodes.length")
    assert 0 < shown < node_count
    assert page.locator("#kg-count").text_content().startswith("显示 ")
    page.locator("#kg-reset").click()
    assert opened.evaluate("() => kgExplorer.network.body.data.nodes.length") == (
        node_count
    )
    page.locator(f"input.kg-type[value={json.dumps(HOSTILE_TYPE)}]").uncheck()
    assert opened.evaluate("() => kgExplorer.network.body.data.nodes.length") == (
        node_count - 1
    )
    opened.assert_quiet_and_offline()


# --------------------------------------------------------------------------
# reading aids: isolates, reports, region tree, expand, export, size


def _view(opened: Opened) -> list[Any]:
    return opened.evaluate("() => kgExplorer.network.body.data.nodes.getIds()")


def _labels(opened: Opened, ids: list[Any]) -> set[str]:
    return set(
        opened.evaluate(
            """(ids) => {
                const data = document.getElementById("kg-data").textContent;
                const info = JSON.parse(data).info;
                return ids.filter((i) => typeof i === "number")
                    .map((i) => info[i].label);
            }""",
            ids,
        )
    )


def test_isolates_hidden_until_toggled_and_reports_collapsed(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph
) -> None:
    opened = open_page(built / "graph.html")
    page = opened.page
    isolated = sum(1 for n in built_graph.nodes if built_graph.degree(n) == 0)
    assert isolated, "the examples graph has no isolated node to hide"
    assert page.locator("#kg-notice").is_visible()
    assert str(isolated) in page.locator("#kg-notice").text_content()
    groups = [i for i in _view(opened) if isinstance(i, str)]
    assert groups, "reports were not collapsed per publisher"
    page.locator("#kg-isolated").check()
    assert len(_view(opened)) == _first_view_size(built_graph) + isolated
    page.locator("#kg-collapse").uncheck()
    assert len(_view(opened)) == built_graph.number_of_nodes()
    assert not [i for i in _view(opened) if isinstance(i, str)]
    opened.assert_quiet_and_offline()


def _wait_for_layout(opened: Opened) -> None:
    """Wait until the page's force layout (if one runs) has settled."""
    opened.page.wait_for_function(
        """() => document.documentElement.hasAttribute('data-kg-layout')
            && !document.documentElement.hasAttribute('data-kg-layout-busy')"""
    )


def test_region_filter_includes_sub_regions_and_relayouts(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph
) -> None:
    by_label = {d["label"]: n for n, d in built_graph.nodes(data=True)}
    parent_of = {
        built_graph.nodes[u]["label"]: built_graph.nodes[v]["label"]
        for u, v, d in built_graph.edges(data=True)
        if d["relation"] == "subRegionOf"
    }
    # A region two levels up from a school's district: 大足区's province.
    district = next(
        built_graph.nodes[n]["region"]
        for n in sorted(built_graph.nodes)
        if built_graph.nodes[n]["type"] == "School"
        and built_graph.nodes[n]["region"] in parent_of
        and parent_of[built_graph.nodes[n]["region"]] in parent_of
    )
    top = parent_of[parent_of[district]]
    schools = {
        d["label"]
        for _, d in built_graph.nodes(data=True)
        if d["type"] == "School" and d["region"] == district
    }
    assert top in by_label
    opened = open_page(built / "graph.html")
    page = opened.page
    page.locator("#kg-region").select_option(top)
    _wait_for_layout(opened)
    shown = _labels(opened, _view(opened))
    assert {top, parent_of[district], district} <= shown
    assert schools <= shown
    assert len(shown) < built_graph.number_of_nodes()
    opened.assert_quiet_and_offline()


def test_click_centres_and_expands_neighbours(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph
) -> None:
    opened = open_page(built / "graph.html")
    page = opened.page
    # Narrow the view to one type, then expand a school: its region and
    # awards come back into the view around it.
    for box in page.locator("input.kg-type").all():
        if box.get_attribute("value") != "School":
            box.uncheck()
    _wait_for_layout(opened)
    before = len(_view(opened))
    label = _unique_school(built_graph)
    school = next(n for n, d in built_graph.nodes(data=True) if d["label"] == label)
    neighbours = {
        built_graph.nodes[n]["label"] for n in nx.all_neighbors(built_graph, school)
    }
    index = opened.evaluate(
        """(label) => JSON.parse(document.getElementById("kg-data").textContent)
            .info.findIndex((n) => n.label === label)""",
        label,
    )
    at = opened.evaluate(
        "(id) => kgExplorer.network.canvasToDOM(kgExplorer.network.getPosition(id))",
        index,
    )
    box = page.locator("#kg-network canvas").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.locator("#kg-panel").wait_for(state="visible")
    assert _panel_title(opened) == label
    assert neighbours <= _labels(opened, _view(opened))
    assert len(_view(opened)) > before
    # The centring animation (400 ms, longer on a busy machine) ends with
    # the node in the middle of the canvas.
    page.wait_for_function(
        """(id) => {
            const net = kgExplorer.network;
            const p = net.canvasToDOM(net.getPosition(id));
            const c = net.canvas.frame.canvas;
            return Math.abs(p.x - c.clientWidth / 2) < 5
                && Math.abs(p.y - c.clientHeight / 2) < 5;
        }""",
        arg=index,
        timeout=10_000,
    )
    opened.assert_quiet_and_offline()


def test_view_exports_as_csv_and_png(
    open_page: Any, hostile_html: tuple[Path, int], tmp_path: Path
) -> None:
    path, node_count = hostile_html
    opened = open_page(path)
    page = opened.page
    with page.expect_download() as download:
        page.locator("#kg-csv-nodes").click()
    nodes_csv = tmp_path / "nodes.csv"
    download.value.save_as(nodes_csv)
    text = nodes_csv.read_text(encoding="utf-8-sig")
    assert (
        text.splitlines()[0]
        == '"iri","label","type","region","year","degree","aliases"'
    )
    assert len(text.strip().splitlines()) == node_count + 1
    assert HOSTILE_LABEL.replace('"', '""') in text
    with page.expect_download() as download:
        page.locator("#kg-csv-edges").click()
    edges_csv = tmp_path / "edges.csv"
    download.value.save_as(edges_csv)
    assert "receivedAward" in edges_csv.read_text(encoding="utf-8-sig")
    with page.expect_download() as download:
        page.locator("#kg-png").click()
    png = tmp_path / "view.png"
    download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 2000
    assert (
        opened.evaluate("(sel) => document.querySelectorAll(sel).length", INJECTED) == 0
    )
    opened.assert_quiet_and_offline()


def test_sparql_link_only_when_served(
    open_page: Any, browser: Any, hostile_html: tuple[Path, int]
) -> None:
    path, _ = hostile_html
    opened = open_page(path)
    assert opened.page.locator("#kg-sparql").is_hidden()
    context = browser.new_context()
    try:
        url = "http://127.0.0.1:9/graph.html"
        context.route(
            url,
            lambda route: route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                body=path.read_text(encoding="utf-8"),
            ),
        )
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(
            "() => document.documentElement.hasAttribute('data-kg-ready')"
        )
        link = page.locator("#kg-sparql")
        assert link.is_visible()
        assert link.get_attribute("href") == "/sparql"
    finally:
        context.close()


def test_big_graph_opens_on_an_overview_and_grows_by_search(
    open_page: Any, tmp_path: Path
) -> None:
    from kg.visualize.page import DRAW_BUDGET, OVERVIEW_SIZE

    g = nx.MultiDiGraph()

    def node(key: str, type_: str, label: str, region: str = "") -> str:
        g.add_node(
            IRI + key,
            type=type_,
            label=label,
            aliases="",
            region=region,
            year=2023,
            evidence="",
            source="x.txt",
        )
        return IRI + key

    regions = [node(f"r{i}", "Region", f"区{i}") for i in range(40)]
    bureaus = [node(f"b{i}", "Bureau", f"区{i}教育局", f"区{i}") for i in range(40)]
    for i, b in enumerate(bureaus):
        g.add_edge(b, regions[i], relation="locatedIn", evidence="", status="reported")
    for i in range(DRAW_BUDGET + 500):
        s = node(f"s{i}", "School", f"学校{i:05d}", f"区{i % 40}")
        g.add_edge(
            s, regions[i % 40], relation="locatedIn", evidence="", status="reported"
        )
    page_path = tmp_path / "big.html"
    page_path.write_text(render_html(g), encoding="utf-8")
    opened = open_page(page_path)
    ids = _view(opened)
    assert len(ids) == OVERVIEW_SIZE
    shown = _labels(opened, ids)
    assert {f"区{i}" for i in range(40)} <= shown
    assert {f"区{i}教育局" for i in range(40)} <= shown
    assert "图较大" in opened.page.locator("#kg-notice").text_content()
    hidden = next(
        f"学校{i:05d}" for i in range(DRAW_BUDGET + 500) if f"学校{i:05d}" not in shown
    )
    assert _search_and_pick(opened, hidden, hidden) == hidden
    assert hidden in _labels(opened, _view(opened))
    # Expanding every region (each brings up to 200 schools) never draws
    # more than the budget, and the last one expanded stays in view.
    sizes = opened.evaluate(
        """() => {
            const data = document.getElementById("kg-data").textContent;
            const info = JSON.parse(data).info;
            const sizes = [];
            info.forEach((n, i) => {
                if (n.type === "Region") {
                    kgExplorer.select(i, false, true);
                    sizes.push(kgExplorer.network.body.data.nodes.length);
                }
            });
            return sizes;
        }"""
    )
    assert len(sizes) == 40
    assert max(sizes) <= DRAW_BUDGET
    assert max(sizes) > OVERVIEW_SIZE
    opened.assert_quiet_and_offline()


def test_clicking_a_report_group_opens_it(
    open_page: Any, built: Path, built_graph: nx.MultiDiGraph
) -> None:
    opened = open_page(built / "graph.html")
    group = next(i for i in _view(opened) if isinstance(i, str))
    opened.evaluate("(id) => kgExplorer.select(id, false, true)", group)
    ids = _view(opened)
    assert group not in ids
    panel = opened.page.locator("#kg-panel-body")
    assert "的报告" in panel.locator("h2").text_content()
    files = panel.locator("button").all_text_contents()
    assert files and set(files) <= _labels(opened, ids)
    reports = {
        d["label"] for _, d in built_graph.nodes(data=True) if d["type"] == "Report"
    }
    assert set(files) <= reports
    opened.assert_quiet_and_offline()
