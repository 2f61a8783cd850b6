"""Render the knowledge graph as one standalone, offline HTML explorer page.

The page is meant to be opened straight from disk on a machine without
network access, so everything it needs is inlined: vis-network's JS and CSS
(read from the installed pyvis package), the explorer's own script and style
(``kg/data/templates``) and the graph itself as a JSON island.

Every label, alias, region and evidence sentence comes from scraped web pages
and is treated as hostile. It reaches the page only

* inside the JSON island, where ``<``, ``>``, ``&``, U+2028 and U+2029 are
  written as ``\\uXXXX`` escapes so nothing can close the ``<script>`` element;
* through Jinja2 autoescaping (the same escaping as :func:`html.escape`) for
  the page title and the legend;
* through ``textContent``/``innerText`` in the browser (vis-network 9 renders
  a string ``title`` as text; the explorer never assigns ``innerHTML``).

Positions come from :mod:`kg.visualize.layout`, colours and shapes from
:mod:`kg.visualize.style`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kg.errors import DataFileError, KGError

from .layout import layout
from .style import Style, load_style, node_color

if TYPE_CHECKING:
    import jinja2
    import networkx as nx

__all__ = ["VisualizationError", "render_html"]

#: vis-network build shipped inside pyvis 0.3.x that the page inlines.
_VIS_LIB = ("templates", "lib", "vis-9.1.2")
#: Most nodes the page puts into vis-network at once; past it the page shows
#: an overview (regions and bureaus first, by degree) and grows by search and
#: expand. Chosen with bench/bench_html.py in headless Chromium: drawing every
#: node took 21.8 s to interactive and 12.9 s to select at 100k entities with
#: vis-network, 51.7 s and 2.9 s with sigma.js/graphology (WebGL, software
#: rendered without a GPU); with this budget vis-network is interactive in
#: 1-4 s and selects in under 0.3 s at any size, so it remains the renderer.
DRAW_BUDGET = 2500
#: Nodes of the overview a graph past DRAW_BUDGET opens on (the most
#: connected regions and bureaus), laid out afresh so it reads as a map.
OVERVIEW_SIZE = 400
#: Filtered views up to this many nodes get a fresh force layout in the page.
RELAYOUT_MAX = 600
#: Most neighbours one click on a node adds to the view.
EXPAND_MAX = 200
_TEMPLATE_FILES = ("explorer.html.j2", "explorer.css", "explorer.js")

_ALIAS_SEPARATOR = " | "

#: (character, JSON escape) pairs; str.replace per pair is ~50x faster than
#: str.translate on a multi-megabyte page.
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCRIPT_CLOSE = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</(style)", re.IGNORECASE)


class VisualizationError(KGError, ImportError):
    """The HTML page cannot be rendered because an optional dependency is missing.

    It is an :class:`ImportError` too, so callers that already guard optional
    imports keep working.
    """


@dataclass(frozen=True, slots=True)
class _NodeInfo:
    iri: str
    type: str
    label: str
    aliases: tuple[str, ...]
    region: str
    year: int
    evidence: str
    source: str


def render_html(graph: nx.MultiDiGraph, *, title: str = "EduKG") -> str:
    """Render ``graph`` as a complete, standalone HTML explorer page.

    The page needs no network: vis-network and the explorer script are
    inlined, and node positions are precomputed so the browser does not run a
    physics simulation. The same graph and title always give the same bytes.

    Args:
        graph: the knowledge graph; node ids are IRIs and nodes/edges carry
            the attributes listed in the pipeline contract (``type``,
            ``label``, ``aliases``, ``region``, ``year``, ``evidence``,
            ``source``; edges ``relation``, ``evidence``, ``status``).
            Missing attributes are treated as empty.
        title: page title, shown in the tab and the header (escaped).

    Returns:
        The HTML document as a string.

    Raises:
        VisualizationError: pyvis is not installed.
        DataFileError: the bundled ``viz_style.toml`` or templates are broken.
    """
    network_cls = _import_pyvis_network()
    style = load_style()
    order = sorted(graph.nodes, key=str)
    index = {node: i for i, node in enumerate(order)}
    infos = [_node_info(node, graph.nodes[node]) for node in order]
    edge_rows = _sorted_edges(graph, index)
    type_keys = _present_types(infos, style)
    relations = sorted({row["relation"] for _, _, row in edge_rows})

    nodes, edges, options = _network_data(
        network_cls, infos, edge_rows, type_keys, style
    )
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "info": [_info_json(info) for info in infos],
        "edgeInfo": [row for _, _, row in edge_rows],
        "types": {
            t: {
                "name": style.type_style(t).name,
                "group": _group(i),
                "color": node_color(style.type_style(t)),
            }
            for i, t in enumerate(type_keys)
        },
        "relations": {r: style.relation_style(r).name for r in relations},
        "statuses": {k: s.name for k, s in style.statuses.items()},
        "regions": _regions(infos),
        "regionParents": _region_parents(infos, edge_rows),
        "limits": {
            "draw": DRAW_BUDGET,
            "overview": OVERVIEW_SIZE,
            "relayout": RELAYOUT_MAX,
            "expand": EXPAND_MAX,
        },
        "years": sorted({info.year for info in infos}),
        "dim": {"color": style.dim_color, "font": style.dim_font_color},
        "fontColor": style.font_color,
    }

    type_counts = Counter(info.type for info in infos)
    legend = [
        {
            "type": t,
            "name": ts.name,
            "color": ts.color,
            "border": ts.border,
            "shape": ts.shape,
            "count": type_counts[t],
        }
        for t, ts in ((t, style.type_style(t)) for t in type_keys)
    ]
    relation_legend = [
        {
            "relation": r,
            "name": style.relation_style(r).name,
            "color": style.relation_style(r).color,
        }
        for r in relations
    ]

    template, css, script = _templates()
    vis_js, vis_css = _vis_assets()
    from markupsafe import Markup  # installed with jinja2, which pyvis needs

    return template.render(
        title=_clean_text(title),
        node_count=len(nodes),
        edge_count=len(edges),
        legend=legend,
        relation_legend=relation_legend,
        background=style.background,
        font_face=Markup(style.font_face),
        font_color=style.font_color,
        vis_css=Markup(vis_css),
        app_css=Markup(css),
        vis_js=Markup(vis_js),
        app_js=Markup(script),
        data_json=Markup(_json_for_html(payload)),
    )


def _import_pyvis_network() -> type:
    """Import pyvis only when a page is rendered: it is heavy and optional."""
    try:
        from pyvis.network import Network
    except ImportError as exc:
        raise VisualizationError(
            "rendering the HTML explorer needs pyvis"
            f" (pip install 'pyvis>=0.3.2,<0.4'): {exc}"
        ) from exc
    return Network


# --------------------------------------------------------------------------
# data files


@lru_cache(maxsize=1)
def _templates() -> tuple[jinja2.Template, str, str]:
    """Load the page template and the explorer's CSS and JS (cached)."""
    import jinja2

    folder = resources.files("kg") / "data" / "templates"
    texts = []
    for name in _TEMPLATE_FILES:
        try:
            texts.append((folder / name).read_text(encoding="utf-8"))
        except OSError as exc:
            raise DataFileError(str(folder / name), 0, f"cannot read: {exc}") from exc
    page, css, script = texts
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.from_string(page), _style_safe(css), _script_safe(script)


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """Read vis-network's JS and CSS from the installed pyvis package."""
    folder = resources.files("pyvis").joinpath(*_VIS_LIB)
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise VisualizationError(
            f"pyvis is installed but its vis-network files are missing: {exc}"
        ) from exc
    return _script_safe(js), _style_safe(css)


def _script_safe(js: str) -> str:
    """Keep inlined JS from ending its ``<script>`` element early.

    ``<\\/script`` means the same inside JS strings, regexes and comments, the
    only places the sequence can occur in valid JS.
    """
    return _SCRIPT_CLOSE.sub(r"<\\/\1", js)


def _style_safe(css: str) -> str:
    """Keep inlined CSS from ending its ``<style>`` element early."""
    return _STYLE_CLOSE.sub(r"<\\/\1", css)


def _json_for_html(obj: Any) -> str:
    """Serialise ``obj`` as JSON that is inert inside an HTML ``<script>``."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JSON_ESCAPES:
        text = text.replace(char, escape)
    return text


# --------------------------------------------------------------------------
# graph to vis-network data


def _clean_text(value: object) -> str:
    """Coerce an attribute to ``str`` that is safe to encode as UTF-8.

    Lone surrogates (from ``surrogateescape`` decoding of broken pages) would
    make the page unwritable, so they become U+FFFD.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _clean_year(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return max(value, 0)
    try:
        return max(int(str(value).strip()), 0)
    except ValueError:
        return 0


def _node_info(node: object, attrs: Mapping[str, Any]) -> _NodeInfo:
    iri = _clean_text(node)
    label = _clean_text(attrs.get("label")).strip()
    if not label:
        # The IRI's local name is the most readable fallback for unnamed nodes.
        label = re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri
    aliases: list[str] = []
    for alias in _clean_text(attrs.get("aliases")).split(_ALIAS_SEPARATOR):
        alias = alias.strip()
        if alias and alias != label and alias not in aliases:
            aliases.append(alias)
    return _NodeInfo(
        iri=iri,
        type=_clean_text(attrs.get("type")).strip() or "Unknown",
        label=label,
        aliases=tuple(aliases),
        region=_clean_text(attrs.get("region")).strip(),
        year=_clean_year(attrs.get("year")),
        evidence=_clean_text(attrs.get("evidence")).strip(),
        source=_clean_text(attrs.get("source")).strip(),
    )


def _sorted_edges(
    graph: nx.MultiDiGraph, index: Mapping[object, int]
) -> list[tuple[int, int, dict[str, str]]]:
    """Edges as ``(from, to, attrs)`` in an order independent of insertion."""
    rows = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        relation = _clean_text(attrs.get("relation")).strip() or "related"
        status = _clean_text(attrs.get("status")).strip() or "reported"
        evidence = _clean_text(attrs.get("evidence")).strip()
        rows.append((index[u], index[v], relation, status, evidence, _clean_text(key)))
    rows.sort()
    return [
        (u, v, {"relation": rel, "status": status, "evidence": evidence})
        for u, v, rel, status, evidence, _key in rows
    ]


def _network_data(
    network_cls: type,
    infos: Sequence[_NodeInfo],
    edge_rows: Sequence[tuple[int, int, Mapping[str, str]]],
    type_keys: Sequence[str],
    style: Style,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """vis-network nodes, edges and options, assembled through a pyvis Network.

    Node and edge ids are indexes into ``infos`` and ``edge_rows``: the page
    stays smaller than with IRIs repeated in every edge, and the explorer
    can look the extra data up by position.
    """
    positions = layout(
        len(infos),
        [(u, v) for u, v, _ in edge_rows],
        [(info.type, info.label) for info in infos],
    )
    degree: Counter[int] = Counter()
    for u, v, _ in edge_rows:
        degree[u] += 1
        degree[v] += 1
    groups = {t: _group(i) for i, t in enumerate(type_keys)}
    vis_nodes = [
        _vis_node(i, info, positions[i], degree[i], groups[info.type], style)
        for i, info in enumerate(infos)
    ]

    # pyvis owns the vis-network data model and options serialisation; its
    # add_node/add_edge are skipped because they scan a list per call
    # (quadratic), so the prepared dicts are installed in bulk.
    net = network_cls(
        height="100%", width="100%", directed=True, bgcolor=style.background
    )
    net.nodes = vis_nodes
    net.edges = _vis_edges(edge_rows, style)
    net.node_ids = [node["id"] for node in vis_nodes]
    net.node_map = {node["id"]: node for node in vis_nodes}
    net.options = _vis_options(type_keys, groups, style, len(edge_rows))
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    return nodes, edges, json.loads(options_json)


def _group(position: int) -> str:
    """vis group id of the type at ``position`` in the legend.

    Type names are untrusted; plain ``t0``, ``t1`` … ids keep them out of
    vis-network's option lookups.
    """
    return f"t{position}"


def _present_types(infos: Sequence[_NodeInfo], style: Style) -> list[str]:
    """Types in the graph: styled ones in style-file order, then the rest."""
    present = {info.type for info in infos}
    known = [t for t in style.types if t in present]
    return known + sorted(present - set(known))


def _region_parents(
    infos: Sequence[_NodeInfo],
    edge_rows: Sequence[tuple[int, int, Mapping[str, str]]],
) -> dict[str, str]:
    """Region name → its parent's name, from subRegionOf edges (for the filter).

    A region with several parents (never in a complete build) keeps the
    first in edge order, so the filter's tree stays a tree.
    """
    parents: dict[str, str] = {}
    for u, v, row in edge_rows:
        if row["relation"] != "subRegionOf":
            continue
        if infos[u].type == "Region" and infos[v].type == "Region":
            child, parent = infos[u].label, infos[v].label
            if child != parent:
                parents.setdefault(child, parent)
    # Drop cycles (two regions sharing a name across provinces can make one).
    for name in list(parents):
        seen = {name}
        step = parents.get(name)
        while step is not None:
            if step in seen:
                parents.pop(name, None)
                break
            seen.add(step)
            step = parents.get(step)
    return dict(sorted(parents.items()))


def _regions(infos: Sequence[_NodeInfo]) -> list[str]:
    names = {info.region for info in infos if info.region}
    names |= {info.label for info in infos if info.type == "Region"}
    return sorted(names)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _vis_node(
    idx: int,
    info: _NodeInfo,
    pos: tuple[int, int],
    degree: int,
    group: str,
    style: Style,
) -> dict[str, Any]:
    # No tooltip here: the page builds it from ``info`` for the nodes it
    # draws, which keeps a 100,000-node page a third smaller.
    return {
        "id": idx,
        "label": _short(info.label, style.label_max_chars),
        "group": group,
        "x": pos[0],
        "y": pos[1],
        # Size and label size grow with degree (options.nodes.scaling), so
        # hubs read first and labels of leaves appear only when zoomed in.
        "value": degree,
    }


def _vis_edges(
    rows: Sequence[tuple[int, int, Mapping[str, str]]], style: Style
) -> list[dict[str, Any]]:
    show_labels = len(rows) <= style.edge_label_limit
    seen_pairs: Counter[tuple[int, int]] = Counter()
    edges = []
    for i, (u, v, row) in enumerate(rows):
        rel = style.relation_style(row["relation"])
        status = style.statuses.get(row["status"])
        edge: dict[str, Any] = {
            "id": i,
            "from": u,
            "to": v,
            "color": {"color": rel.color, "highlight": rel.color, "hover": rel.color},
            "dashes": bool(status and status.dashes),
        }
        if show_labels:
            edge["label"] = rel.name
        # Parallel edges would be drawn on top of each other as straight
        # lines; bend every further one alternately to either side.
        pair = (min(u, v), max(u, v))
        nth = seen_pairs[pair]
        seen_pairs[pair] += 1
        if nth:
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if nth % 2 else "curvedCCW",
                "roundness": round(0.2 * ((nth + 1) // 2), 2),
            }
        edges.append(edge)
    return edges


def _vis_options(
    type_keys: Sequence[str],
    groups: Mapping[str, str],
    style: Style,
    edge_count: int,
) -> dict[str, Any]:
    big = edge_count > style.edge_label_limit
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        # improvedLayout clusters and pre-simulates big graphs on load; the
        # positions are already computed, so it would only cost time.
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1.5,
            # Labels thin out by zoom and importance: a label's font grows
            # with the node's degree and is not drawn below drawThreshold
            # pixels on screen, so zoomed out only the hubs are named.
            "scaling": {
                "min": 8,
                "max": 34,
                "label": {
                    "enabled": True,
                    "min": 12,
                    "max": 26,
                    "maxVisible": 26,
                    "drawThreshold": 8,
                },
            },
            "font": {
                "face": style.font_face,
                "size": 14,
                "color": style.font_color,
                "strokeWidth": 3,
                "strokeColor": style.background,
                # Labels are untrusted text: never let vis parse markup.
                "multi": False,
            },
        },
        "edges": {
            "smooth": False,
            "width": 1.2,
            "selectionWidth": 2.5,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": style.font_face,
                "size": 11,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": style.background,
                "align": "middle",
                "multi": False,
            },
        },
        "groups": {
            groups[t]: {
                "shape": style.type_style(t).shape,
                "color": node_color(style.type_style(t)),
            }
            for t in type_keys
        },
    }


def _info_json(info: _NodeInfo) -> dict[str, Any]:
    return {
        "iri": info.iri,
        "type": info.type,
        "label": info.label,
        "aliases": list(info.aliases),
        "region": info.region,
        "year": info.year,
        "evidence": info.evidence,
        "source": info.source,
    }
