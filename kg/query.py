"""SPARQL over a built graph, on Oxigraph (pyoxigraph).

rdflib's SPARQL engine is one to two orders of magnitude slower on large
graphs; Oxigraph is a store made for SPARQL.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError

__all__ = ["QueryResult", "format_result", "graph_stats", "run_query"]

PREFIXES = """PREFIX edu: <https://w3id.org/edukg/ontology#>
PREFIX id: <https://w3id.org/edukg/id/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The result of a query: a table, a boolean or N-Triples text."""

    kind: str  # "select", "ask" or "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    boolean: bool | None = None
    ntriples: str = ""

    def to_dicts(self) -> list[dict[str, str]]:
        """Return SELECT rows as dicts (variable → value), for pandas."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def _load_store(graph_path: Path):
    import pyoxigraph as ox

    path = Path(graph_path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file (run `kg build` first)")
    fmt = {
        ".nt": ox.RdfFormat.N_TRIPLES,
        ".trig": ox.RdfFormat.TRIG,
        ".nq": ox.RdfFormat.N_QUADS,
    }.get(path.suffix, ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot parse graph: {exc}") from exc
    return store


def _value(term) -> str:
    return "" if term is None else term.value


def run_query(graph_path: Path, sparql: str) -> QueryResult:
    """Run a SPARQL SELECT, ASK or CONSTRUCT/DESCRIBE query over a graph file.

    The EduKG prefixes (edu:, id:, rdfs:, skos:, dcterms: …) are predeclared.

    Args:
        graph_path: a ``graph.ttl`` (or .nt/.trig) written by ``kg build``.
        sparql: the query text.

    Returns:
        The result.

    Raises:
        QueryError: the graph is missing or the query is malformed.
    """
    import pyoxigraph as ox

    store = _load_store(graph_path)
    try:
        result = store.query(PREFIXES + sparql, use_default_graph_as_union=True)
        # Solutions are computed lazily: evaluation errors surface here too.
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(_value(sol[v]) for v in variables) for sol in result)
            return QueryResult("select", variables, rows)
        data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {_syntax_message(exc)}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc
    return QueryResult("graph", ntriples=data.decode("utf-8"))


_PREFIX_LINES = PREFIXES.count("\n")
_POSITION = re.compile(r"\b(\d+):(\d+)\b")


def _syntax_message(exc: SyntaxError) -> str:
    """One line, with positions counted in the user's query, not ours.

    Example:
        >>> _syntax_message(SyntaxError("error at 8:10: expected\\n  one of x"))
        'error at 1:10: expected one of x'
    """
    text = " ".join(str(exc).split())
    return _POSITION.sub(
        lambda m: f"{max(1, int(m[1]) - _PREFIX_LINES)}:{m[2]}", text, count=1
    )


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as an aligned table, CSV, TSV or JSON text."""
    if result.kind == "ask":
        return (
            json.dumps({"boolean": result.boolean}) + "\n"
            if fmt == "json"
            else (f"{str(result.boolean).lower()}\n")
        )
    if result.kind == "graph":
        return result.ntriples
    if fmt == "json":
        return json.dumps(result.to_dicts(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(
            buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n"
        )
        writer.writerow(result.variables)
        writer.writerows(result.rows)
        return buffer.getvalue()
    return _table(result.variables, result.rows)


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _table(variables: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> str:
    widths = [
        max([_width(v), *(_width(r[i]) for r in rows)]) for i, v in enumerate(variables)
    ]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(variables), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n"


def graph_stats(graph_path: Path) -> dict:
    """Count entities per class, relations per property, reports and triples."""
    entities = run_query(
        graph_path,
        """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(edu:)))
          BIND(STRAFTER(STR(?c), "#") AS ?class)
        } GROUP BY ?class""",
    )
    relations = run_query(
        graph_path,
        """
        SELECT ?relation (COUNT(*) AS ?n) WHERE {
          ?s ?p ?o .
          VALUES ?p { edu:locatedIn edu:subRegionOf edu:receivedAward edu:implements }
          BIND(STRAFTER(STR(?p), "#") AS ?relation)
        } GROUP BY ?relation""",
    )
    triples = run_query(graph_path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    counts = {k: int(v) for k, v in entities.rows}
    return {
        "entities": {k: v for k, v in counts.items() if k not in ("Report", "Mention")},
        "relations": {k: int(v) for k, v in relations.rows},
        "reports": counts.get("Report", 0),
        "triples": int(triples.rows[0][0]),
    }
