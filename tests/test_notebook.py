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
    "schools_per_region": schools_per_region.to_dict("records"),
    "awards_per_school": awards_per_school.to_dict("records"),
    "programs_per_bureau": programs_per_bureau.to_dict("records"),
    "centrality": centrality[["iri", "degree"]].to_dict("records"),
    "component_sizes": components["size"].tolist(),
    "most_awarded_schools": most_awarded_schools["awards"].to_dict(),
    "awards_per_region": awards_per_region["awards"].to_dict(),
}}, ensure_ascii=False, default=int))
"""
_TABLES = (
    "stats",
    "schools_per_region",
    "awards_per_school",
    "programs_per_bureau",
    "node_types",
    "degree_centrality",
    "components",
    "most_awarded_schools",
    "awards_per_region",
)
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


def test_chart_is_inline_and_saved(run: Run) -> None:
    cell = _tagged(run.notebook, "chart:awards_per_region")
    assert _rich(cell, "image/png")
    assert (run.out / "awards_per_region.png").stat().st_size > 1000


def test_sparql_tables_match_graph(run: Run, graph: nx.MultiDiGraph) -> None:
    nodes = graph.nodes
    edges = [(u, v, d["relation"]) for u, v, d in graph.edges(data=True)]
    schools = {n for n in nodes if nodes[n]["type"] == "School"}
    awarded = Counter(u for u, _, r in edges if r == "receivedAward" and u in schools)
    implements = {(u, v) for u, v, r in edges if r == "implements"}

    by_region = run.state["schools_per_region"]
    assert sum(row["schools"] for row in by_region) >= len(schools) > 0

    by_school = run.state["awards_per_school"]
    assert len(by_school) == len(awarded) > 0
    assert sorted(row["awards"] for row in by_school) == sorted(awarded.values())

    by_bureau = run.state["programs_per_bureau"]
    assert sum(row["programs"] for row in by_bureau) == len(implements) > 0


def test_networkx_tables_match_graph(run: Run, graph: nx.MultiDiGraph) -> None:
    state = run.state
    degrees = dict(graph.degree())
    top = state["centrality"]
    assert len(top) == min(10, graph.number_of_nodes())
    assert [row["degree"] for row in top] == sorted(degrees.values(), reverse=True)[
        : len(top)
    ]
    assert all(degrees[row["iri"]] == row["degree"] for row in top)

    sizes = state["component_sizes"]
    assert sum(sizes) == graph.number_of_nodes()
    assert len(sizes) == nx.number_weakly_connected_components(graph)

    awards = [
        (u, graph.nodes[u])
        for u, _, d in graph.edges(data=True)
        if d["relation"] == "receivedAward"
    ]
    school_awards = Counter(a["label"] for _, a in awards if a["type"] == "School")
    assert max(state["most_awarded_schools"].values()) == max(school_awards.values())
    assert sum(state["awards_per_region"].values()) == len(awards)
