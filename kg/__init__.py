"""EduKG: knowledge graphs from Chinese education-governance reports.

Example:
    >>> from kg import build  # doctest: +SKIP
    >>> report = build("examples/reports", "outputs/")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import KGError, QueryError

if TYPE_CHECKING:
    from .pipeline import build
    from .query import run_query

__version__ = "0.1.0"

__all__ = ["KGError", "QueryError", "__version__", "build", "run_query"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `kg query` and `kg serve` need neither the
    # build's imports nor, for `build`, the query engine's.
    if name == "build":
        from .pipeline import build

        return build
    if name == "run_query":
        from .query import run_query

        return run_query
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
