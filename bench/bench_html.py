"""Benchmark the HTML explorer: Python render time and browser time to first draw.

Renders synthetic EduKG-shaped graphs (a region hierarchy with bureaus,
schools, awards, programs, documents, organisations and reports) and opens
each page in headless Chromium. The page marks ``<html data-kg-ready=MS>``
with ``performance.now()`` when vis-network first finishes drawing; Chromium's
``--dump-dom`` (with a virtual-time budget, so timers and animation frames
run) returns the DOM with that mark.

Not a pytest test: run it by hand, e.g.::

    .venv/bin/python bench/bench_html.py            # 500, 2000, 10000 nodes
    .venv/bin/python bench/bench_html.py 50 --keep out/   # also keep the pages

Needs Debian's ``chromium`` (``apt-get install -y chromium fonts-wqy-zenhei``);
without it only the Python side is measured.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.visualize import render_html

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
_WIDTHS = (7, 7, 9, 8, 14)
_READY = re.compile(r'data-kg-ready="(\d+)"')


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


def time_to_first_draw(page: Path, chromium: str, budget_ms: int) -> int | None:
    """Milliseconds from navigation to vis-network's first draw, or None."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--window-size=1400,900",
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            page.resolve().as_uri(),
        ]
        try:
            out = subprocess.run(
                cmd, capture_output=True, text=True, timeout=300, check=False
            ).stdout
        except subprocess.TimeoutExpired:
            return None
    match = _READY.search(out)
    return int(match.group(1)) if match else None


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 10000])
    parser.add_argument("--keep", type=Path, help="directory to keep pages in")
    parser.add_argument("--budget-ms", type=int, default=120_000)
    args = parser.parse_args(argv)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found: measuring the Python side only", file=sys.stderr)
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)

    # The first call imports pyvis and compiles the template: keep that out
    # of the first row.
    render_html(synthetic_graph(20))
    header = ("nodes", "edges", "render s", "page MB", "first draw ms")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, _WIDTHS, strict=True)))
    for size in args.sizes:
        graph = synthetic_graph(size)
        start = time.perf_counter()
        page = render_html(graph, title=f"EduKG bench {size}")
        elapsed = time.perf_counter() - start
        path = out_dir / f"bench_{size}.html"
        path.write_text(page, encoding="utf-8")
        draw = time_to_first_draw(path, chromium, args.budget_ms) if chromium else None
        row = (
            graph.number_of_nodes(),
            graph.number_of_edges(),
            f"{elapsed:.2f}",
            f"{len(page.encode()) / 1e6:.2f}",
            "-" if draw is None else draw,
        )
        print(" ".join(f"{v:>{w}}" for v, w in zip(row, _WIDTHS, strict=True)))
    if args.keep is None:
        shutil.rmtree(out_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
