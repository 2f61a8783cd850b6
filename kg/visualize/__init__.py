"""The interactive HTML explorer: ``render_html`` turns a graph into one page.

* :mod:`kg.visualize.style`: colours, shapes and names from ``viz_style.toml``;
* :mod:`kg.visualize.layout`: deterministic node positions;
* :mod:`kg.visualize.page`: the vis-network data and the standalone page.
"""

from __future__ import annotations

from .page import VisualizationError, render_html

__all__ = ["VisualizationError", "render_html"]
