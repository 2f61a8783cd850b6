"""Deterministic, near-linear node placement for the explorer page.

Layout is computed here, not by vis-network's physics, because the physics
simulation never settles for thousands of nodes in a browser.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["layout"]

#: Seed of every randomised layout step, so equal graphs give equal pages.
_LAYOUT_SEED = 20240607
#: Target distance in pixels between neighbouring nodes.
_SPACING = 110.0
#: networkx's spring layout is dense O(n²) per iteration (and needs scipy
#: above 500 nodes), so it is used only for components up to this size ...
_SPRING_MAX = 300
#: ... and smaller ones are placed on rings, which reads as well for stars.
_SPRING_MIN = 6
#: Work budget (Σ size² + per-call overhead) for spring layouts of one page;
#: past it components fall back to rings so many mid-sized ones stay fast.
_SPRING_BUDGET = 300_000
_SPRING_CALL_COST = 2_000
#: Hubs laid out by spring in a component too big for a direct spring layout.
_MAX_HUBS = 150
#: Members per hub aimed at when choosing how many hubs a big component gets.
_MEMBERS_PER_HUB = 40

# --------------------------------------------------------------------------
# layout


def layout(
    n: int,
    pairs: Iterable[tuple[int, int]],
    sort_keys: Sequence[tuple[str, str]],
) -> list[tuple[int, int]]:
    """Place ``n`` nodes (``0..n-1``) deterministically, in near-linear time.

    Each connected component is laid out alone, then the components are
    packed in rows, biggest first. Small and medium components get a
    networkx spring layout while the work budget lasts; big ones get a
    hub-and-ring layout (:func:`_hub_layout`); isolated nodes share a grid
    ordered by ``sort_keys`` so same-typed nodes sit together.

    Args:
        n: number of nodes.
        pairs: edges as index pairs; direction, duplicates and loops ignored.
        sort_keys: per node, a key ordering isolated nodes in their grid.

    Returns:
        Integer ``(x, y)`` per node, centred on the origin.
    """
    import networkx as nx
    import numpy as np

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(sorted({(min(e), max(e)) for e in pairs if e[0] != e[1]}))
    components = sorted(
        (sorted(c) for c in nx.connected_components(graph)),
        key=lambda c: (-len(c), c[0]),
    )

    blocks: list[tuple[list[int], np.ndarray]] = []
    budget = _SPRING_BUDGET
    for comp in components:
        size = len(comp)
        if size == 1:
            continue
        cost = size * size + _SPRING_CALL_COST
        if _SPRING_MIN <= size <= _SPRING_MAX and cost <= budget:
            budget -= cost
            blocks.append((comp, _spring_block(graph, comp)))
        else:
            blocks.append((comp, _hub_layout(graph, comp)))

    singles = sorted(
        (c[0] for c in components if len(c) == 1), key=lambda i: (sort_keys[i], i)
    )
    if singles:
        cols = math.ceil(math.sqrt(len(singles)))
        # Wide cells: isolated nodes are often documents with long titles.
        grid = np.array(
            [
                ((k % cols) * _SPACING * 1.8, (k // cols) * _SPACING)
                for k in range(len(singles))
            ]
        )
        blocks.append((singles, grid))

    positions = np.zeros((n, 2))
    for members, coords in _pack(blocks):
        positions[members] = coords
    if n:
        positions -= (positions.min(axis=0) + positions.max(axis=0)) / 2
    return [(round(x), round(y)) for x, y in positions.tolist()]


def _spring_block(graph: nx.Graph, comp: list[int]) -> Any:
    """Spring layout of one component, scaled to about ``_SPACING`` per edge."""
    import networkx as nx
    import numpy as np

    sub = nx.Graph()
    sub.add_nodes_from(comp)
    sub.add_edges_from(sorted(graph.subgraph(comp).edges()))
    # Twice networkx's default optimal distance spreads the leaves of a hub
    # (a district's schools) over a wider circle so their labels overlap less.
    pos = nx.spring_layout(
        sub, seed=_LAYOUT_SEED, iterations=100, k=2.0 / math.sqrt(len(comp))
    )
    coords = np.array([pos[v] for v in comp], dtype=float)
    return _rescale(coords, _SPACING * math.sqrt(len(comp)) * 0.6)


def _rescale(coords: Any, half_width: float) -> Any:
    import numpy as np

    coords = coords - coords.mean(axis=0)
    extent = float(np.abs(coords).max()) if len(coords) else 0.0
    return coords * (half_width / extent) if extent > 0 else coords


def _hub_layout(graph: nx.Graph, comp: list[int]) -> Any:
    """Lay out a big component as hubs on a spring layout, members on rings.

    The highest-degree nodes become hubs; a multi-source BFS gives every
    other node to its nearest hub. Hubs are placed by a spring layout of the
    hub graph (two hubs are linked when their territories touch), pushed apart
    until their discs stop overlapping, and each hub's members fill rings
    around it in BFS order. Cost is linear in the component plus the spring
    layout of at most ``_MAX_HUBS`` nodes.
    """
    import networkx as nx
    import numpy as np

    hub_count = max(1, min(_MAX_HUBS, len(comp) // _MEMBERS_PER_HUB))
    hubs = sorted(comp, key=lambda v: (-graph.degree(v), v))[:hub_count]
    owner = {h: h for h in hubs}
    members: dict[int, list[int]] = {h: [] for h in hubs}
    hub_edges: set[tuple[int, int]] = set()
    queue = deque(sorted(hubs))
    while queue:
        v = queue.popleft()
        for w in sorted(graph[v]):
            if w not in owner:
                owner[w] = owner[v]
                members[owner[v]].append(w)
                queue.append(w)
            elif owner[w] != owner[v]:
                a, b = owner[w], owner[v]
                hub_edges.add((min(a, b), max(a, b)))

    ring_gap = _SPACING * 0.8
    radius = {}
    offsets = {}
    for h in hubs:
        offsets[h], radius[h] = _rings(len(members[h]), ring_gap)

    order = sorted(hubs)
    if len(order) == 1:
        centres = np.zeros((1, 2))
    else:
        hub_graph = nx.Graph()
        hub_graph.add_nodes_from(order)
        hub_graph.add_edges_from(sorted(hub_edges))
        pos = nx.spring_layout(hub_graph, seed=_LAYOUT_SEED, iterations=80)
        centres = np.array([pos[h] for h in order], dtype=float)
        radii = np.array([radius[h] for h in order])
        area_side = math.sqrt(float((radii**2).sum()) * math.pi)
        centres = _separate(_rescale(centres, area_side * 0.6), radii)

    coords = {}
    for h, centre in zip(order, centres, strict=True):
        coords[h] = centre
        for w, offset in zip(members[h], offsets[h], strict=True):
            coords[w] = centre + offset
    return np.array([coords[v] for v in comp], dtype=float)


def _rings(count: int, gap: float) -> tuple[Any, float]:
    """Offsets for ``count`` nodes on concentric rings, and the disc radius."""
    import numpy as np

    offsets = np.zeros((count, 2))
    placed, ring = 0, 0
    while placed < count:
        ring += 1
        r = ring * gap
        capacity = max(6, int(2 * math.pi * r / gap))
        take = min(capacity, count - placed)
        # A per-ring phase keeps nodes of successive rings from lining up
        # radially, where their labels would stack.
        angles = 2 * math.pi * np.arange(take) / take + ring * 0.618
        offsets[placed : placed + take, 0] = r * np.cos(angles)
        offsets[placed : placed + take, 1] = r * np.sin(angles)
        placed += take
    return offsets, ring * gap + gap / 2


def _separate(centres: Any, radii: Any, rounds: int = 200) -> Any:
    """Push discs apart until none overlap (or ``rounds`` run out)."""
    import numpy as np

    count = len(centres)
    # Coincident centres have no direction to push along: offset every centre
    # by a tiny, index-dependent amount so the result stays deterministic.
    angles = np.arange(count) * 2.399963
    x = centres[:, 0] + np.cos(angles) * 1e-3
    y = centres[:, 1] + np.sin(angles) * 1e-3
    need = radii[:, None] + radii[None, :] + _SPACING * 0.5
    np.fill_diagonal(need, 0.0)
    for _ in range(rounds):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist = np.hypot(dx, dy)
        overlap = need - dist
        if not (overlap > 1e-6).any():
            break
        # Each overlapping pair moves apart by a share of its overlap along
        # the line between the centres.
        push = np.where(overlap > 0, overlap / np.maximum(dist, 1e-9), 0.0) * 0.25
        x = x + (push * dx).sum(axis=1)
        y = y + (push * dy).sum(axis=1)
    return np.stack([x, y], axis=1)


def _pack(blocks: Sequence[tuple[list[int], Any]]) -> list[tuple[list[int], Any]]:
    """Shelf-pack blocks left to right in rows about as wide as they are tall."""
    import numpy as np

    if not blocks:
        return []
    margin = _SPACING
    boxes = []
    for members, coords in blocks:
        low = coords.min(axis=0)
        size = coords.max(axis=0) - low
        boxes.append((members, coords - low, size))
    area = sum((s[0] + margin) * (s[1] + margin) for _, _, s in boxes)
    row_width = max(max(s[0] for _, _, s in boxes), math.sqrt(area) * 1.2)

    placed = []
    x = y = row_height = 0.0
    for members, coords, size in boxes:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        placed.append((members, coords + np.array([x, y])))
        x += size[0] + margin
        row_height = max(row_height, size[1])
    return placed
