"""EduKG: knowledge graphs from Chinese education-governance reports.

Example:
    >>> from kg import build  # doctest: +SKIP
    >>> report = build("examples/reports", "outputs/")  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import KGError, QueryError
from .pipeline import build
from .query import run_query

__version__ = "0.1.0"

__all__ = ["KGError", "QueryError", "__version__", "build", "run_query"]
