"""SPARQL over a built graph, on Oxigraph (pyoxigraph).

rdflib's SPARQL engine is one to two orders of magnitude slower on large
graphs; Oxigraph is a store made for SPARQL.

``kg build`` leaves a persisted Oxigraph store (``<out>/store``) next to
``graph.ttl`` (:func:`write_store`), so a query opens an index instead of
parsing Turtle; :func:`open_store` falls back to the Turtle when the store is
missing or older than the graph. Named queries ship in ``kg/data/queries``
(:func:`named_queries`); their parameters are bound with Oxigraph's
``substitutions``, never pasted into the query text.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataFileError, QueryError
from .serialize import rdf_format

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "PREFIX_MAP",
    "STORE_DIR",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "bind_value",
    "format_result",
    "graph_stats",
    "load_query",
    "named_queries",
    "named_query",
    "open_store",
    "run_query",
    "store_is_fresh",
    "write_store",
]

log = logging.getLogger(__name__)

#: Folder name of the persisted store, next to ``graph.ttl``.
STORE_DIR = "store"
#: Written into the store folder last: what it was loaded from.
_MARKER = "edukg-store.json"

PREFIXES = """PREFIX edu: <https://w3id.org/edukg/ontology#>
PREFIX id: <https://w3id.org/edukg/id/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
#: The same prefixes as a mapping, for pyoxigraph's ``prefixes=`` argument.
PREFIX_MAP: dict[str, str] = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", PREFIXES))


@dataclasses.dataclass(frozen=True, slots=True)
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


def _load_store(graph_path: Path) -> ox.Store:
    import pyoxigraph as ox

    path = Path(graph_path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file (run `kg build` first)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot parse graph: {exc}") from exc
    return store


# ------------------------------------------------------------ the store


def _graph_file(graph_path: Path | str) -> Path:
    """``graph.ttl`` itself, or the ``graph.ttl`` inside a build folder."""
    path = Path(graph_path)
    return path / "graph.ttl" if path.is_dir() else path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_store(ttl_path: Path | str, store_dir: Path | str) -> Path:
    """Bulk-load a graph file into a persisted Oxigraph store folder.

    The store is built in a hidden temporary folder next to ``store_dir`` and
    renamed into place, so readers see the old store, no store, or the new
    one, never half of one. A marker file records which graph file it was
    loaded from and that file's size (:func:`store_is_fresh` checks both).

    Args:
        ttl_path: the graph (``graph.ttl``; ``.nt``/``.trig``/``.nq`` also work).
        store_dir: the folder to create or replace (``<out>/store``).

    Returns:
        ``store_dir``.

    Raises:
        QueryError: the graph cannot be parsed or the store cannot be written.
    """
    import pyoxigraph as ox

    ttl_path, store_dir = Path(ttl_path), Path(store_dir)
    tmp: Path | None = None
    try:
        size = ttl_path.stat().st_size
        tmp = Path(
            tempfile.mkdtemp(
                prefix=f".{store_dir.name}.", suffix=".tmp", dir=store_dir.parent
            )
        )
        # mkdtemp makes the folder private (0700); a store is as shareable as
        # the graph.ttl it was loaded from.
        tmp.chmod(0o777 & ~_umask())
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(ttl_path), format=rdf_format(ttl_path))
        store.flush()
        triples = len(store)
        del store  # closes RocksDB: the folder must not move while it is open
        marker = {
            "graph": ttl_path.name,
            "graph_size": size,
            "triples": triples,
            "pyoxigraph": ox.__version__,  # for diagnosis; RocksDB checks formats
        }
        (tmp / _MARKER).write_text(json.dumps(marker, indent=2) + "\n", "utf-8")
        # A non-empty folder cannot be renamed over another: move the old
        # store aside first, then delete it once the new one is in place.
        if store_dir.exists():
            os.replace(store_dir, tmp.with_name(tmp.name + ".old"))
        os.replace(tmp, store_dir)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{store_dir}: cannot write the query store: {exc}") from exc
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(tmp.with_name(tmp.name + ".old"), ignore_errors=True)
    return store_dir


def store_is_fresh(graph_path: Path | str) -> bool:
    """Whether ``<dir>/store`` may answer queries for ``graph_path``.

    True when the store was loaded from a file of this name and size and is at
    least as new as it, or when the graph file is gone but the store is not
    (a store is a complete copy of the graph it was loaded from).

    Args:
        graph_path: a ``graph.ttl`` or a build folder.
    """
    graph = _graph_file(graph_path)
    marker = graph.parent / STORE_DIR / _MARKER
    try:
        recorded = json.loads(marker.read_text("utf-8"))
        marker_mtime = marker.stat().st_mtime_ns
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or recorded.get("graph") != graph.name:
        return False
    try:
        stat = graph.stat()
    except FileNotFoundError:
        return True
    return (
        stat.st_size == recorded.get("graph_size") and marker_mtime >= stat.st_mtime_ns
    )


def open_store(graph_path: Path | str) -> ox.Store:
    """Open the graph for querying: the persisted store if fresh, else the file.

    A fresh ``<dir>/store`` (see :func:`store_is_fresh`) is opened read-only,
    which takes milliseconds and lets many processes share it; otherwise the
    graph file is parsed into an in-memory store, as before stores existed.

    Args:
        graph_path: a ``graph.ttl`` (or .nt/.trig) written by ``kg build``, or
            the build folder that holds it.

    Returns:
        A store whose default graph holds the triples.

    Raises:
        QueryError: there is neither a fresh store nor a readable graph file.
    """
    import pyoxigraph as ox

    graph = _graph_file(graph_path)
    if store_is_fresh(graph):
        store_dir = graph.parent / STORE_DIR
        try:
            return ox.Store.read_only(str(store_dir))
        except (OSError, RuntimeError) as exc:
            # The Turtle is the record; a damaged store only costs speed.
            log.warning(
                "%s: cannot open the store (%s); reading %s", store_dir, exc, graph
            )
    return _load_store(graph)


# --------------------------------------------------------------- queries


def _value(term) -> str:
    return "" if term is None else term.value


_VARNAME = re.compile(r"[?$]?(\w+)")


def bind_value(value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a ``--param`` value stands for.

    ``<…>`` is an IRI; anything else is a plain string literal, whatever
    quotes, braces or SPARQL keywords it contains (it is bound as a term, so
    it cannot change the query).

    Example:
        >>> bind_value("实验小学").value
        '实验小学'
        >>> bind_value("<https://w3id.org/edukg/id/region/510115>")
        <NamedNode value=https://w3id.org/edukg/id/region/510115>

    Raises:
        QueryError: ``<…>`` that is not a valid IRI.
    """
    import pyoxigraph as ox

    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"not a valid IRI: {value}: {exc}") from exc
    return ox.Literal(value)


def _substitutions(params: Mapping[str, str] | None) -> dict | None:
    import pyoxigraph as ox

    if not params:
        return None
    return {ox.Variable(_param_name(k)): bind_value(v) for k, v in params.items()}


def _param_name(key: str) -> str:
    """``name``, ``?name`` and ``$name`` all name the variable ``name``."""
    match = _VARNAME.fullmatch(key)
    if not match:
        raise QueryError(f"--param {key!r}: not a SPARQL variable name")
    return match[1]


def run_query(
    graph_path: Path | str | ox.Store,
    sparql: str,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run a SPARQL SELECT, ASK or CONSTRUCT/DESCRIBE query over a graph.

    The EduKG prefixes (edu:, id:, rdfs:, skos:, dcterms: …) are predeclared.

    Args:
        graph_path: a ``graph.ttl`` (or .nt/.trig) written by ``kg build``, its
            build folder, or a store from :func:`open_store`.
        sparql: the query text.
        params: values for variables of the SELECT clause (``{"name": "实验小学"}``),
            bound with Oxigraph's ``substitutions`` (see :func:`bind_value`).

    Returns:
        The result.

    Raises:
        QueryError: the graph is missing, the query is malformed, or a
            parameter is not a variable of the SELECT clause.
    """
    import pyoxigraph as ox

    store = graph_path if isinstance(graph_path, ox.Store) else open_store(graph_path)
    substitutions = _substitutions(params)
    try:
        result = store.query(
            PREFIXES + sparql,
            use_default_graph_as_union=True,
            substitutions=substitutions,
        )
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
    except RuntimeError as exc:
        # Oxigraph binds only variables of the SELECT clause (and says so
        # with a RuntimeError); no other RuntimeError is expected here.
        if substitutions:
            raise QueryError(
                f"cannot bind --param: {exc} (a parameter must be a variable "
                "of the SELECT clause)"
            ) from exc
        raise QueryError(f"query failed: {exc}") from exc
    return QueryResult("graph", ntriples=data.decode("utf-8"))


# --------------------------------------------------------- named queries


@dataclasses.dataclass(frozen=True, slots=True)
class QueryParam:
    """A parameter a query declares with a ``# param NAME: help`` line."""

    name: str
    help: str
    required: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query with its header: description and declared parameters.

    A header is the leading ``#`` comment block of a ``.rq`` file: the first
    line is the description; ``# param NAME: help`` declares a required
    parameter and ``# param NAME?: help`` an optional one (the query must then
    also work with ``?NAME`` unbound). Other comment lines are notes.
    """

    name: str
    description: str
    sparql: str
    params: tuple[QueryParam, ...] = ()
    #: The declared parameters are all it takes (true for shipped queries).
    closed: bool = False

    @classmethod
    def from_text(cls, name: str, sparql: str) -> NamedQuery:
        """Parse the header of a query text.

        Example:
            >>> q = NamedQuery.from_text("x", "# Find.\\n# param name?: text\\nASK {}")
            >>> q.description, q.params
            ('Find.', (QueryParam(name='name', help='text', required=False),))
        """
        description = ""
        params = []
        for line in sparql.splitlines():
            if not line.startswith("#"):
                break
            text = line.lstrip("#").strip()
            match = _PARAM_LINE.fullmatch(text)
            if match:
                params.append(QueryParam(match[1], match[3].strip(), not match[2]))
            elif not description:
                description = text
        return cls(name, description, sparql, tuple(params))

    def run(
        self, graph_path: Path | str | ox.Store, params: Mapping[str, str] | None = None
    ) -> QueryResult:
        """Run the query, checking ``params`` against the declared parameters.

        A query that declares no parameters (inline text, a user's file) gets
        ``params`` as given; Oxigraph then rejects any that is not in the
        SELECT clause.

        Raises:
            QueryError: a required parameter is missing, an undeclared one is
                given, or the query fails (see :func:`run_query`).
        """
        params = dict(params or {})
        if self.params or self.closed:
            declared = {p.name for p in self.params}
            given = {_param_name(k) for k in params}
            unknown = sorted(given - declared)
            if unknown:
                takes = ", ".join(sorted(declared)) or "none"
                raise QueryError(
                    f"query {self.name} has no parameter {unknown[0]!r} "
                    f"(parameters: {takes})"
                )
            missing = [
                p.name for p in self.params if p.required and p.name not in given
            ]
            if missing:
                raise QueryError(
                    f"query {self.name} needs --param {missing[0]}=… "
                    f"({self._param(missing[0]).help})"
                )
        return run_query(graph_path, self.sparql, params)

    def _param(self, name: str) -> QueryParam:
        return next(p for p in self.params if p.name == name)


_PARAM_LINE = re.compile(r"param\s+(\w+)(\?)?\s*:(.*)")
_QUERY_NAME = re.compile(r"[\w-]+")


def named_queries() -> tuple[NamedQuery, ...]:
    """The queries shipped in ``kg/data/queries``, sorted by name."""
    from .resources import list_queries

    return tuple(named_query(n) for n in list_queries())


def named_query(name: str) -> NamedQuery:
    """The shipped query ``name`` (``awards-by-region`` …).

    Raises:
        QueryError: no shipped query has that name (close names are suggested).
    """
    from .resources import list_queries, read_query

    names = list_queries()
    if name not in names:
        close = difflib.get_close_matches(name, names, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"no query named {name!r} (see `kg query --list`){hint}")
    try:
        query = NamedQuery.from_text(name, read_query(name))
    except DataFileError as exc:
        raise QueryError(str(exc)) from exc
    return dataclasses.replace(query, closed=True)


def load_query(spec: str) -> NamedQuery:
    """Turn what a user typed into a query: a name, a ``.rq`` path or SPARQL.

    A spec ending in ``.rq`` (or ``.sparql``) is read as a file (its header may declare
    parameters); a bare word such as ``awards-by-region`` is a shipped query;
    anything else is query text.

    Raises:
        QueryError: an unknown name, or an unreadable file.
    """
    if spec.endswith((".rq", ".sparql")):
        path = Path(spec)
        try:
            return NamedQuery.from_text(str(path), path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise QueryError(
                f"{path}: cannot read query: {exc.strerror or exc}"
            ) from exc
    if _QUERY_NAME.fullmatch(spec):  # no SPARQL query is a single word
        return named_query(spec)
    return NamedQuery.from_text("", spec)


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
    store = open_store(graph_path)  # opened once for the three queries
    entities = run_query(
        store,
        """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
          ?s a ?c . FILTER(STRSTARTS(STR(?c), STR(edu:)))
          # divisions no report names are reference nodes, not entities
          FILTER(?c != edu:AdministrativeDivision)
          BIND(STRAFTER(STR(?c), "#") AS ?class)
        } GROUP BY ?class""",
    )
    relations = run_query(
        store,
        """
        SELECT ?relation (COUNT(*) AS ?n) WHERE {
          ?s ?p ?o .
          VALUES ?p {
            edu:locatedIn edu:subRegionOf edu:receivedAward edu:implements
            edu:participatesIn
          }
          BIND(STRAFTER(STR(?p), "#") AS ?relation)
        } GROUP BY ?relation""",
    )
    triples = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    counts = {k: int(v) for k, v in entities.rows}
    return {
        "entities": {k: v for k, v in counts.items() if k not in ("Report", "Mention")},
        "relations": {k: int(v) for k, v in relations.rows},
        "reports": counts.get("Report", 0),
        "triples": int(triples.rows[0][0]),
    }
