"""Benchmark the HTML explorer: render time and time-to-interactive in Chromium.

Renders synthetic EduKG-shaped graphs (a region hierarchy with bureaus,
schools, awards, programs, documents, organisations and reports) with
:func:`kg.visualize.render_html`, then opens each page in headless Debian
Chromium driven by Playwright and measures, from navigation start:

* ``dom ms``: ``DOMContentLoaded`` (the page parsed, vis-network and the
  explorer script run, the network built);
* ``ready ms``: first complete draw, the page's own mark: the explorer sets
  ``<html data-kg-ready=MS>`` from ``performance.now()`` on vis-network's
  first ``afterDrawing``, after every listener is attached (physics is off,
  so there is no ``stabilized`` event to wait for);
* ``TTI ms``: time to interactive, the later of the two;
* ``select ms``: one interaction once ready: search a school by name, select
  it (dimming the rest of the graph) and wait for the redraw;
* ``heap MB``: JS heap in use once ready.

``drawn`` is the number of nodes vis-network holds: the page draws at most
``kg.visualize.page.DRAW_BUDGET`` and opens a bigger graph on an overview.
``--sigma DIR`` also times a sigma.js + graphology (WebGL) page that draws
every node of the same graph, the alternative renderer (DIR holds
``sigma.min.js`` and ``graphology.umd.min.js`` from ``npm pack sigma
graphology``; nothing of it ships). Measured 2026-11, 2 cores, no GPU:

=======  ==============  ================  =================  ===============
nodes    vis-network,    vis-network,      sigma.js, all      sigma.js,
         all, TTI/select budget, TTI/sel.  drawn, TTI/select  page MB
         (before)        (now)
=======  ==============  ================  =================  ===============
1,000    0.5 s / 80 ms   1.2 s / 258 ms    1.9 s / 30 ms      0.5
10,000   1.8 s / 0.6 s   2.4 s / 27 ms     6.1 s / 0.2 s      1.2
100,000  21.8 s / 12.9 s 4.2 s / 50 ms     51.7 s / 2.9 s     7.8
=======  ==============  ================  =================  ===============

Browser figures are medians of ``--repeat`` fresh page loads (a new browser
context each, so nothing is cached). Prints a table and writes
``bench/results/html.json``. Not a pytest test: run it by hand, e.g.::

    .venv/bin/python bench/bench_html.py                 # 1000, 10000, 100000 nodes
    .venv/bin/python bench/bench_html.py 50 --keep out/  # also keep the pages

Needs Debian's ``chromium`` (``apt-get install -y chromium fonts-wqy-zenhei``)
and the ``playwright`` package (in the ``dev`` extra; ``playwright install``
is not needed); without them only the Python side is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import networkx as nx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.visualize import render_html  # noqa: E402 - needs the path above

RESULTS = HERE / "results" / "html.json"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_IRI = "https://edukg.example/id/"
_DISTRICT_SUFFIXES = ("区", "县", "市")
_SCHOOL_KINDS = (
    "实验小学",
    "中心小学",
    "第一中学",
    "外国语学校",
    "中心幼儿园",
    "职业学校",
)
_AWARDS = ("全国文明校园", "省级示范学校", "绿色学校", "书香校园", "体育传统项目学校")
_PROGRAMS = ("“双减”工作", "集团化办学", "智慧校园建设", "课后服务", "教师队伍建设")
_COLUMNS = (
    ("nodes", 7),
    ("edges", 7),
    ("render s", 9),
    ("page MB", 8),
    ("dom ms", 8),
    ("ready ms", 9),
    ("TTI ms", 8),
    ("select ms", 10),
    ("heap MB", 8),
    ("drawn", 6),
)


def synthetic_graph(n: int, seed: int = 0) -> nx.MultiDiGraph:
    """Build an EduKG-shaped graph with about ``n`` nodes.

    Args:
        n: target node count (the result has exactly ``n`` nodes).
        seed: random seed; equal arguments give equal graphs.

    Returns:
        A MultiDiGraph following the pipeline's node and edge contract.
    """
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()

    def node(
        key: str, type_: str, label: str, region: str = "", **extra: object
    ) -> str:
        iri = _IRI + key
        g.add_node(
            iri,
            type=type_,
            label=label,
            aliases=str(extra.get("aliases", "")),
            region=region,
            year=int(extra.get("year", rnd.choice((0, 2019, 2020, 2021, 2022)))),
            evidence=str(extra.get("evidence", f"{label}在报告中被提及。")),
            source=f"report{rnd.randrange(20)}.txt",
        )
        return iri

    def edge(u: str, v: str, relation: str, status: str = "reported") -> None:
        g.add_edge(
            u, v, relation=relation, status=status, evidence=f"{relation}的证据句。"
        )

    provinces = max(1, n // 2000)
    cities_per = 4
    districts_per = max(2, n // (provinces * cities_per * 60))
    districts: list[tuple[str, str]] = []
    for p in range(provinces):
        prov = node(f"prov{p}", "Region", f"第{p}省")
        for c in range(cities_per):
            city_label = f"{p}-{c}市"
            city = node(f"city{p}_{c}", "Region", city_label, f"第{p}省")
            edge(city, prov, "subRegionOf")
            for d in range(districts_per):
                label = f"{p}-{c}-{d}{_DISTRICT_SUFFIXES[d % 3]}"
                dist = node(f"dist{p}_{c}_{d}", "Region", label, city_label)
                edge(dist, city, "subRegionOf")
                districts.append((dist, label))

    awards = [
        node(f"award{i}", "Award", f"{_AWARDS[i % len(_AWARDS)]}{i}")
        for i in range(max(1, n // 150))
    ]
    programs = [
        node(f"prog{i}", "Program", f"{_PROGRAMS[i % len(_PROGRAMS)]}{i}")
        for i in range(max(1, n // 250))
    ]
    for i, (dist, label) in enumerate(districts):
        bureau = node(
            f"bureau{i}",
            "Bureau",
            f"{label}教育局",
            label,
            aliases=f"{label}教体局 | {label}教育和体育局",
        )
        edge(bureau, dist, "locatedIn")
        edge(
            bureau,
            rnd.choice(programs),
            "implements",
            rnd.choice(("reported", "planned")),
        )
        if i % 3 == 0:
            report = node(f"report{i}", "Report", f"{label}教育局年度工作总结", label)
            edge(report, bureau, "publisher")
    for i in range(max(1, n // 400)):
        node(f"doc{i}", "Document", f"《教育文件第{i}号》")
        node(f"org{i}", "Organization", f"教育研究会{i}")
    i = 0
    while g.number_of_nodes() < n:
        dist, label = districts[rnd.randrange(len(districts))]
        kind = _SCHOOL_KINDS[i % len(_SCHOOL_KINDS)]
        school = node(
            f"school{i}",
            "School",
            f"{label}{kind}{i}",
            label,
            evidence=f"{label}{kind}{i}积极推进课程改革，办学质量稳步提升。",
        )
        edge(school, dist, "locatedIn")
        if rnd.random() < 0.3:
            edge(school, rnd.choice(awards), "receivedAward")
        i += 1
    while g.number_of_nodes() > n:
        g.remove_node(max(g.nodes))
    return g


#: Per-load browser figures, in table order after the Python columns.
_METRICS = ("dom_ms", "ready_ms", "tti_ms", "select_ms", "heap_mb")
_MEASURE_SELECT = """(label) => new Promise((resolve) => {
    const net = kgExplorer.network;
    const start = performance.now();
    const ids = kgExplorer.search(label);
    net.once("afterDrawing", () => resolve({
        ms: performance.now() - start,
        found: ids.length > 0,
    }));
    kgExplorer.select(ids[0], false);
    net.redraw();
})"""


def _launch() -> tuple[Any, Any] | None:
    """Start Playwright and headless Chromium, or None if either is missing."""
    chromium = os.environ.get("EDUKG_CHROMIUM", CHROMIUM)
    if not Path(chromium).is_file():
        print(f"no Chromium at {chromium}: measuring the Python side only")
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is not installed: measuring the Python side only")
        return None
    pw = sync_playwright().start()
    browser = pw.chromium.launch(
        executable_path=chromium, args=LAUNCH_ARGS, headless=True
    )
    return pw, browser


def measure_page(browser: Any, page_path: Path, probe_label: str) -> dict[str, Any]:
    """Load ``page_path`` once in a fresh context and time it.

    Returns:
        ``dom_ms``, ``ready_ms`` (from navigation start), ``select_ms``,
        ``heap_mb``, ``wall_s`` (goto until ready, seen from Python), the
        node count vis-network holds, and any console errors.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(300_000)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri(), wait_until="commit")
        # A function, not an expression: Playwright eval()s a bare expression
        # in the page, which the page's CSP (no 'unsafe-eval') refuses.
        page.wait_for_function(
            "() => document.documentElement.hasAttribute('data-kg-ready')"
        )
        wall = time.perf_counter() - start
        timing = page.evaluate(
            """() => ({
                ready: Number(document.documentElement.dataset.kgReady),
                dom: performance.getEntriesByType("navigation")[0]
                    .domContentLoadedEventEnd,
                heap: performance.memory ? performance.memory.usedJSHeapSize : 0,
                nodes: kgExplorer.network.body.data.nodes.length,
            })"""
        )
        select = page.evaluate(_MEASURE_SELECT, probe_label)
        if not select["found"]:
            errors.append(f"search found no {probe_label!r}")
    finally:
        context.close()
    return {
        "dom_ms": round(timing["dom"]),
        "ready_ms": timing["ready"],
        "tti_ms": max(round(timing["dom"]), timing["ready"]),
        "select_ms": round(select["ms"], 1),
        "heap_mb": round(timing["heap"] / 1e6, 1),
        "wall_s": round(wall, 2),
        "nodes_in_network": timing["nodes"],
        "errors": errors,
    }


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _row(values: tuple[object, ...]) -> str:
    return " ".join(f"{v:>{w}}" for v, (_, w) in zip(values, _COLUMNS, strict=True))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a table and write the JSON; returns the status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3, help="page loads per size")
    parser.add_argument("--keep", type=Path, help="directory to keep pages in")
    parser.add_argument("--json", type=Path, default=RESULTS, help="results file")
    parser.add_argument(
        "--sigma",
        type=Path,
        help="folder with sigma.min.js and graphology.umd.min.js (from `npm pack"
        " sigma graphology`): also time a sigma.js (WebGL) page drawing every node",
    )
    args = parser.parse_args(argv)

    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    launched = _launch()
    browser = launched[1] if launched else None
    browser_version = browser.version if browser else None

    # The first call imports pyvis and compiles the template: keep that out
    # of the first row.
    render_html(synthetic_graph(20))
    print(_row(tuple(name for name, _ in _COLUMNS)))
    rows = []
    failed = False
    try:
        for size in args.sizes:
            graph = synthetic_graph(size)
            start = time.perf_counter()
            page = render_html(graph, title=f"EduKG bench {size}")
            elapsed = time.perf_counter() - start
            path = out_dir / f"bench_{size}.html"
            path.write_text(page, encoding="utf-8")
            probe = max(
                (
                    d["label"]
                    for _, d in graph.nodes(data=True)
                    if d["type"] == "School"
                ),
                default=graph.nodes[min(graph.nodes)]["label"],
            )
            runs = (
                [measure_page(browser, path, probe) for _ in range(args.repeat)]
                if browser
                else []
            )
            row: dict[str, Any] = {
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
                "render_s": round(elapsed, 3),
                "page_mb": round(len(page.encode()) / 1e6, 2),
                "runs": runs,
            }
            for key in (*_METRICS, "wall_s"):
                row[key] = _median(runs, key) if runs else None
            row["drawn"] = runs[0]["nodes_in_network"] if runs else None
            for run in runs:
                if run["errors"]:
                    failed = True
                    print(f"  {size}: {run['errors']}")
            rows.append(row)
            print(
                _row(
                    (
                        row["nodes"],
                        row["edges"],
                        f"{elapsed:.2f}",
                        f"{row['page_mb']:.2f}",
                        *("-" if row[k] is None else f"{row[k]:g}" for k in _METRICS),
                        "-" if row["drawn"] is None else row["drawn"],
                    )
                )
            )
            if args.sigma and browser:
                row["sigma"] = _sigma_row(browser, args, graph, out_dir, probe, size)
    finally:
        if launched:
            launched[1].close()
            launched[0].stop()
        if args.keep is None:
            shutil.rmtree(out_dir)

    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "browser": browser_version,
        "playwright": _version("playwright"),
        "pyvis": _version("pyvis"),
        "repeat": args.repeat,
        "sizes": rows,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.json}")
    return 1 if failed else 0


_SIGMA_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>sigma bench</title>
<style>html,body,#g{{margin:0;width:100%;height:100%}}</style></head>
<body><div id="g"></div>
<script id="d" type="application/json">{data}</script>
<script>{graphology}</script>
<script>{sigma}</script>
<script>
(function () {{
  const d = JSON.parse(document.getElementById("d").textContent);
  const g = new graphology.MultiDirectedGraph();
  d.nodes.forEach((n, i) => g.addNode(i, {{ label: n[0], x: n[1], y: -n[2],
    size: n[3], color: n[4] }}));
  d.edges.forEach((e) => g.addEdge(e[0], e[1], {{ color: "#cccccc" }}));
  let focus = null, near = new Set();
  const r = new Sigma(g, document.getElementById("g"), {{
    labelRenderedSizeThreshold: 10,
    nodeReducer: (n, a) => focus === null || near.has(n) ? a
      : {{ ...a, color: "#e4e4e4", label: "" }},
    edgeReducer: (e, a) => focus === null
      || near.has(g.source(e)) && near.has(g.target(e)) ? a : {{ ...a, hidden: true }},
  }});
  const labels = d.nodes.map((n) => n[0].toLowerCase());
  window.kgExplorer = {{
    network: {{ body: {{ data: {{ nodes: {{ length: g.order }} }} }},
      once: (ev, f) => r.once("afterRender", f), redraw: () => r.refresh() }},
    search: (q) => {{ q = q.toLowerCase(); const out = [];
      labels.forEach((l, i) => {{ if (l.indexOf(q) >= 0) out.push(i); }});
      return out; }},
    select: (i) => {{ focus = String(i); near = new Set([focus, ...g.neighbors(focus)]);
      r.refresh(); }},
  }};
  r.once("afterRender", () => document.documentElement.setAttribute(
    "data-kg-ready", String(Math.round(performance.now()))));
  r.refresh();
}})();
</script></body></html>
"""


def _sigma_row(
    browser: Any,
    args: argparse.Namespace,
    graph: nx.MultiDiGraph,
    out_dir: Path,
    probe: str,
    size: int,
) -> dict[str, Any]:
    """Time the same graph drawn whole by sigma.js (WebGL) with graphology.

    A comparison only: the page draws every node (no budget) with the
    positions the explorer uses, and ``select`` dims all but a node's
    neighbours, like the explorer's selection.
    """
    from kg.visualize.layout import layout
    from kg.visualize.style import load_style

    style = load_style()
    order = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(order)}
    pairs = [(index[u], index[v]) for u, v in graph.edges()]
    attrs = [graph.nodes[n] for n in order]
    positions = layout(len(order), pairs, [(a["type"], a["label"]) for a in attrs])
    degree = dict(graph.degree())
    data = {
        "nodes": [
            [
                a["label"],
                x,
                y,
                round(2 + min(12.0, degree[n] ** 0.5), 1),
                style.type_style(a["type"]).color,
            ]
            for n, a, (x, y) in zip(order, attrs, positions, strict=True)
        ],
        "edges": pairs,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    page = _SIGMA_PAGE.format(
        data=text.replace("<", "\\u003c"),
        graphology=(args.sigma / "graphology.umd.min.js").read_text(encoding="utf-8"),
        sigma=(args.sigma / "sigma.min.js").read_text(encoding="utf-8"),
    )
    path = out_dir / f"sigma_{size}.html"
    path.write_text(page, encoding="utf-8")
    runs = [measure_page(browser, path, probe) for _ in range(args.repeat)]
    row = {key: _median(runs, key) for key in (*_METRICS, "wall_s")}
    row["page_mb"] = round(len(page.encode()) / 1e6, 2)
    row["errors"] = sorted({e for run in runs for e in run["errors"]})
    print(
        f"  sigma.js {size}: page {row['page_mb']} MB, TTI {row['tti_ms']:g} ms,"
        f" select {row['select_ms']:g} ms, heap {row['heap_mb']:g} MB"
        + (f", errors {row['errors']}" if row["errors"] else "")
    )
    return row


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
