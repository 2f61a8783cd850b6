"""One exception tree for the library; only ``kg.cli`` turns these into exit codes."""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "ExtractionError",
    "IngestError",
    "KGError",
    "OntologyError",
    "QueryError",
    "QueryTimeoutError",
]


class KGError(Exception):
    """Base class of every error EduKG raises on purpose."""


class IngestError(KGError):
    """A report file cannot be read: it is missing, binary, undecodable or empty.

    Attributes:
        path: the file that failed.
        reason: a short machine-friendly reason (``binary``, ``undecodable`` …).
    """

    def __init__(self, path: str, reason: str, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        message = f"{path}: {reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class DataFileError(KGError):
    """A bundled or user rule table is malformed."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {message}")


class OntologyError(KGError):
    """The ontology does not define a term the code needs."""


class ExtractionError(KGError):
    """Extraction failed on a document for a reason other than bad input."""


class QueryError(KGError):
    """A SPARQL query is unknown, malformed or failed to run."""


class QueryTimeoutError(QueryError):
    """A SPARQL query ran past its time limit and was cancelled."""
