"""Run ``notebooks/explore.ipynb`` from a clean kernel and check what it shows.

The notebook runs as Jupyter would run it: in a fresh ``python3`` kernel
(ipykernel, resolved from the venv's Jupyter paths) with ``notebooks/`` as
the working directory. ``EDUKG_REPORTS`` points it at the bundled examples (so
the expected numbers do not depend on ``../shared``) and ``EDUKG_OUT`` at a
temporary folder, so it always builds afresh and never touches ``outputs/``.

Its tables are checked against the same build read independently with
networkx, through a cell appended to the in-memory copy that reports the
kernel's DataFrames as JSON.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import networkx as nx
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
EXAMPLES = ROOT / "examples" / "reports"
TIMEOUT_S = 300

#: Printed by the probe cell; the JSON follows it on the same line.
_MARK = "KG-NOTEBOOK-STATE "
_PROBE = f"""
import json as _json
import sys as _sys
print({_MARK!r} + _json.dumps({{
    "prefix": _sys.prefix,
    "cwd": str(Path.cwd()),
    "out": str(OUT),
    "has_level": bool(HAS_LEVEL),
    "honours": int(honours_by_year.to_numpy().sum()),
    "honours_by_year": honours_by_year.sum(axis=1).to_dict(),
    "programs_per_bureau": programs_per_bureau.reset_index().to_dict("records"),
    "district": DISTRICT,
    "district_nodes": sorted(district.nodes),
    "region_comparison": region_comparison.reset_index().to_dict("records"),
}}, ensure_ascii=False, default=int))
"""
_TABLES = ("stats", "honours", "programs", "district", "regions")
_CHARTS = {
    "honours": "honours_by_year.png",
    "programs": "programs_by_bureau.png",
    "district": "district_network.png",
    "regions": "region_comparison.png",
}
_BODY_ROW = re.compile(r"<tbody>\s*<tr>")


@dataclass(frozen=True)
class Run:
    """The executed notebook, the kernel's reported state and its build folder."""

    notebook: nbformat.NotebookNode
    state: dict[str, Any]
    out: Path


def _tagged(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def _rich(cell: nbformat.NotebookNode, mime: str) -> list[str]:
    return [
        "".join(out["data"][mime])
        for out in cell.outputs
        if out.output_type in ("execute_result", "display_data") and mime in out["data"]
    ]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Execute the notebook once for the module (a kernel and a build)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    probe = nbformat.v4.new_code_cell(_PROBE.strip())
    probe.id = "test-probe"
    nb.cells.append(probe)
    out = tmp_path_factory.mktemp("notebook") / "out"
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    with pytest.MonkeyPatch.context() as mp:
        # The kernel is a child process and inherits this environment.
        mp.setenv("EDUKG_REPORTS", str(EXAMPLES))
        mp.setenv("EDUKG_OUT", str(out))
        # Prefer the venv's kernelspec and data over per-user ones.
        mp.setenv("JUPYTER_PREFER_ENV_PATH", "1")
        client.execute()
    lines = [
        line
        for o in nb.cells[-1].outputs
        if o.output_type == "stream"
        for line in o.text.splitlines()
        if line.startswith(_MARK)
    ]
    assert len(lines) == 1, nb.cells[-1].outputs
    return Run(nb, json.loads(lines[0][len(_MARK) :]), out)


@pytest.fixture(scope="module")
def graph(run: Run) -> nx.MultiDiGraph:
    """The notebook's build, read back without the notebook."""
    return nx.read_graphml(run.out / "graph.graphml", force_multigraph=True)


def test_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [], cell.id
        assert cell.execution_count is None, cell.id


def test_runs_in_the_venv_kernel_from_notebooks_dir(run: Run) -> None:
    assert Path(run.state["prefix"]).resolve() == Path(sys.prefix).resolve()
    assert Path(run.state["cwd"]).resolve() == NOTEBOOK.parent.resolve()
    assert Path(run.state["out"]) == run.out
    assert (run.out / "graph.ttl").is_file()


def test_no_errors_or_warnings(run: Run) -> None:
    for cell in run.notebook.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", (cell.id, out)
            if out.output_type == "stream" and out.name == "stderr":
                assert "Warning" not in out.text, (cell.id, out.text)
                assert "Traceback" not in out.text, (cell.id, out.text)


@pytest.mark.parametrize("table", _TABLES)
def test_shows_table(run: Run, table: str) -> None:
    html = _rich(_tagged(run.notebook, f"table:{table}"), "text/html")
    assert len(html) == 1
    assert 'class="dataframe"' in html[0]
    assert _BODY_ROW.search(html[0]), f"{table} is empty"


@pytest.mark.parametrize("chart", sorted(_CHARTS))
def test_chart_is_inline_and_saved(run: Run, chart: str) -> None:
    cell = _tagged(run.notebook, f"chart:{chart}")
    assert _rich(cell, "image/png")
    assert (run.out / _CHARTS[chart]).stat().st_size > 1000


def test_default_input_is_the_bundled_examples() -> None:
    """No path outside the repository: REPORTS defaults to examples/reports."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    setup = nb.cells[1].source
    assert 'ROOT / "examples" / "reports"' in setup
    assert "shared" not in setup
    assert "REPORTS = " in setup


def _select(path: Path, sparql: str) -> list[dict[str, str]]:
    from kg.query import run_query

    return run_query(path, sparql).to_dicts()


def test_honours_match_the_graph(run: Run) -> None:
    rows = _select(
        run.out,
        """SELECT DISTINCT ?y ?a ?w WHERE {
          ?st rdf:predicate edu:receivedAward ; rdf:subject ?w ; rdf:object ?a ;
              edu:status "reported" ; edu:inReport/edu:year ?y .
          ?w a ?t . FILTER(?t IN (edu:School, edu:Bureau, edu:Region)) }""",
    )
    assert run.state["honours"] == len(rows) > 0
    per_year = Counter(row["y"] for row in rows)
    assert run.state["honours_by_year"] == dict(per_year)
    from kg.query import run_query

    levels = run_query(run.out, "ASK { ?a a edu:Award ; edu:level ?l }")
    assert run.state["has_level"] is levels.boolean
    if not run.state["has_level"]:
        cell = _tagged(run.notebook, "table:honours")
        said = "".join(o.get("text", "") for o in cell.outputs)
        assert "no award level" in said


def test_programs_match_the_named_query(run: Run) -> None:
    from kg.query import named_query

    rows = named_query("programs-by-bureau").run(run.out).to_dicts()
    expected = Counter(row["bureau"] for row in rows)
    shown = {r["bureau"]: r for r in run.state["programs_per_bureau"]}
    assert {b: r["total"] for b, r in shown.items()} == dict(expected)
    planned = Counter(row["bureau"] for row in rows if row["statuses"] == "planned")
    assert {b: r["planned"] for b, r in shown.items() if r["planned"]} == dict(planned)


def test_regions_match_the_named_query(run: Run) -> None:
    from kg.query import named_query

    awards = {
        row["code"]: int(row["awards"])
        for row in named_query("awards-by-region").run(run.out).to_dicts()
    }
    compared = run.state["region_comparison"]
    assert compared
    for row in compared:
        assert row["awards"] == awards.get(row["code"], 0), row
    schools = _select(
        run.out,
        """SELECT ?code (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a edu:School ; edu:locatedIn/edu:subRegionOf* ?r .
          ?r edu:divisionCode ?code ; edu:divisionLevel 3 } GROUP BY ?code""",
    )
    by_code = {row["code"]: int(row["n"]) for row in schools}
    for row in compared:
        assert row["schools"] == by_code.get(row["code"], 0), row


def test_district_network_holds_its_schools(run: Run, graph: nx.MultiDiGraph) -> None:
    district = run.state["district"]
    assert district
    nodes = set(run.state["district_nodes"])
    centre = next(
        n
        for n, d in graph.nodes(data=True)
        if d["label"] == district and d["type"] == "Region"
    )
    assert centre in nodes
    direct = {
        u
        for u, v, d in graph.edges(data=True)
        if v == centre and d["relation"] == "locatedIn"
    }
    assert direct and direct <= nodes
    assert not [n for n in nodes if graph.nodes[n]["type"] == "Report"]
