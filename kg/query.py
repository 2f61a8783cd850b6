"""SPARQL over a built graph, on Oxigraph (pyoxigraph).

rdflib's SPARQL engine is one to two orders of magnitude slower on large
graphs; Oxigraph is a store made for SPARQL.

``kg build`` leaves a persisted Oxigraph store (``<out>/store``) next to
``graph.ttl``, so a query opens an index instead of parsing Turtle; the store
lives in :mod:`kg.store` (``write_store``, ``open_store``, ``store_is_fresh``
are re-exported here), which falls back to the Turtle when the store is
missing, stale or damaged. Named queries ship in ``kg/data/queries``
(:func:`named_queries`); their parameters are bound with Oxigraph's
``substitutions``, never pasted into the query text. The few that list a
whole table are answered, when run without parameters on a build, from the
table the build wrote (:mod:`kg.tables`).

Queries only read: an update, or ``SERVICE`` (which would send requests to
other servers) unless ``allow_remote``, is refused before it runs
(:func:`check_query_text`). Oxigraph cannot interrupt a query, so a time
limit runs it in a child process that is killed at the limit.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import json
import logging
import re
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataFileError, QueryError, QueryTimeoutError

# The store's API lives in kg.store; these names stay importable from here
# (kg.pipeline and older callers use them).
from .store import STORE_DIR, open_store, store_is_fresh, write_store

if TYPE_CHECKING:
    import multiprocessing

    import pyoxigraph as ox

__all__ = [
    "PREFIX_MAP",
    "STORE_DIR",
    "NamedQuery",
    "QueryParam",
    "QueryResult",
    "RemoteAccessError",
    "bind_value",
    "check_query_text",
    "check_update_text",
    "explain_syntax_error",
    "format_result",
    "graph_stats",
    "load_query",
    "named_queries",
    "named_query",
    "open_store",
    "run_query",
    "solutions_result",
    "store_is_fresh",
    "write_store",
]

log = logging.getLogger(__name__)


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


# --------------------------------------------------------------- queries


def _value(term) -> str:
    return "" if term is None else term.value


def solutions_result(solutions: ox.QuerySolutions) -> QueryResult:
    """Read SELECT solutions into a :class:`QueryResult` (unbound: "")."""
    variables = tuple(v.value for v in solutions.variables)
    # A solution iterates over its values in the order of the variables;
    # looking each up by name costs twice as much.
    rows = tuple(tuple(_value(term) for term in sol) for sol in solutions)
    return QueryResult("select", variables, rows)


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
    *,
    timeout: float | None = None,
    allow_remote: bool = False,
) -> QueryResult:
    """Run a SPARQL SELECT, ASK or CONSTRUCT/DESCRIBE query over a graph.

    The EduKG prefixes (edu:, id:, rdfs:, skos:, dcterms: …) are predeclared.

    Args:
        graph_path: a ``graph.ttl`` (or .nt/.trig) written by ``kg build``, its
            build folder, or a store from :func:`open_store`.
        sparql: the query text.
        params: values for variables of the SELECT clause (``{"name": "实验小学"}``),
            bound with Oxigraph's ``substitutions`` (see :func:`bind_value`).
        timeout: seconds the query may take; it then runs in a child process
            that is killed at the limit (Oxigraph cannot be interrupted
            otherwise). None: no limit, in this process.
        allow_remote: let ``SERVICE`` send the query to other endpoints; off,
            a query with ``SERVICE`` is refused before it runs.

    Returns:
        The result.

    Raises:
        QueryError: the graph is missing, the query is malformed, uses
            ``SERVICE`` without ``allow_remote``, is an update, or a
            parameter is not a variable of the SELECT clause.
        QueryTimeoutError: the query ran past ``timeout``.
    """
    check_query_text(sparql, allow_remote=allow_remote)
    if timeout is not None:
        return _run_with_limit(graph_path, sparql, params, timeout)
    return _run(graph_path, sparql, params)


def _run(
    graph_path: Path | str | ox.Store,
    sparql: str,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    import pyoxigraph as ox

    store = graph_path if isinstance(graph_path, ox.Store) else open_store(graph_path)
    substitutions = _substitutions(params)
    try:
        result = store.query(
            PREFIXES + sparql,
            # The union of all graphs, for a store with named graphs (TriG);
            # kg build writes only the default graph, which is that union
            # then, and answering from it spares a fifth of every lookup.
            use_default_graph_as_union=_has_named_graphs(store),
            substitutions=substitutions,
        )
        # Solutions are computed lazily: evaluation errors surface here too.
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            return solutions_result(result)
        data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise QueryError(
            f"malformed SPARQL: {explain_syntax_error(sparql, exc)}"
        ) from exc
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


def _has_named_graphs(store: ox.Store) -> bool:
    return next(iter(store.named_graphs()), None) is not None


# ------------------------------------------------------------- time limit


def _run_with_limit(
    graph_path: Path | str | ox.Store,
    sparql: str,
    params: Mapping[str, str] | None,
    timeout: float,
) -> QueryResult:
    """Run the query in a child process, killed if it is not done in time."""
    import multiprocessing

    import pyoxigraph as ox

    if isinstance(graph_path, ox.Store):
        raise QueryError("a time limit needs a graph path, not an open store")
    if timeout <= 0:
        raise QueryError(f"the time limit must be positive, not {timeout}")
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = start_process(
        _child_query, (str(graph_path), sparql, dict(params or {}), sender)
    )
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeoutError(
                f"query cancelled: it ran past the {timeout:g} s time limit"
            )
        outcome, value = receiver.recv()
    except EOFError:
        raise QueryError(
            f"query failed: the query process died (exit code {child.exitcode})"
        ) from None
    finally:
        child.kill()
        child.join()
        receiver.close()
    if outcome == "error":
        raise QueryError(value)
    return value


def start_process(target: Callable, args: tuple) -> multiprocessing.Process:
    """Start ``target(*args)`` in a fresh (spawned) daemon process.

    The child imports only ``target``'s module: the parent's ``__main__`` is
    hidden while it starts, so a script without an ``if __name__`` guard, a
    notebook or ``python -`` cannot be re-run (or fail to be) in the child.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    child = context.Process(target=target, args=args, daemon=True)
    main = sys.modules["__main__"]
    saved = {k: main.__dict__.pop(k) for k in ("__file__",) if k in main.__dict__}
    spec = getattr(main, "__spec__", None)
    with _MAIN_LOCK:
        try:
            main.__spec__ = None
            child.start()
        finally:
            main.__spec__ = spec
            main.__dict__.update(saved)
    return child


_MAIN_LOCK = threading.Lock()


def _child_query(graph: str, sparql: str, params: dict[str, str], sender) -> None:
    """Body of the child process of :func:`_run_with_limit`."""
    logging.basicConfig(format="kg: %(levelname)s: %(message)s")
    try:
        reply = ("ok", _run(graph, sparql, params))
    except QueryError as exc:
        reply = ("error", str(exc))
    sender.send(reply)
    sender.close()


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
    #: ``kg build`` writes its solutions without parameters (:mod:`kg.tables`).
    table: bool = False

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
        table = False
        for line in sparql.splitlines():
            if not line.startswith("#"):
                break
            text = line.lstrip("#").strip()
            match = _PARAM_LINE.fullmatch(text)
            if match:
                params.append(QueryParam(match[1], match[3].strip(), not match[2]))
            elif _TABLE_LINE.fullmatch(text):
                table = True
            elif not description:
                description = text
        return cls(name, description, sparql, tuple(params), table=table)

    def run(
        self,
        graph_path: Path | str | ox.Store,
        params: Mapping[str, str] | None = None,
        *,
        timeout: float | None = None,
        allow_remote: bool = False,
    ) -> QueryResult:
        """Run the query, checking ``params`` against the declared parameters.

        A query that declares no parameters (inline text, a user's file) gets
        ``params`` as given; Oxigraph then rejects any that is not in the
        SELECT clause. A query tabled at build time (``# table``), run
        without parameters on a build folder or its graph, is read from its
        table when that is valid for the graph (:func:`kg.tables.read_table`).

        Raises:
            QueryError: a required parameter is missing, an undeclared one is
                given, or the query fails (see :func:`run_query`, which
                ``timeout`` and ``allow_remote`` are passed to).
        """
        params = self.check_params(params)
        if self.table and not params and isinstance(graph_path, str | Path):
            from .tables import read_table

            table = read_table(graph_path, self)
            if table is not None:
                return table
        return run_query(
            graph_path,
            self.sparql,
            params,
            timeout=timeout,
            allow_remote=allow_remote,
        )

    def check_params(self, params: Mapping[str, str] | None) -> dict[str, str]:
        """``params`` as a dict, checked against the declared parameters.

        Raises:
            QueryError: a required parameter is missing or an undeclared one
                is given (for a query that declares parameters, or a shipped one).
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
        return params

    def _param(self, name: str) -> QueryParam:
        return next(p for p in self.params if p.name == name)


_PARAM_LINE = re.compile(r"param\s+(\w+)(\?)?\s*:(.*)")
_TABLE_LINE = re.compile(r"table(?::.*)?")
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
#: What carries no keyword: comments, strings and IRIs (SPARQL grammar §19.8).
_OPAQUE = re.compile(
    "|".join(
        (
            r"'''(?:[^'\\]|\\.|'(?!''))*'''",  # long strings
            r'"""(?:[^"\\]|\\.|"(?!""))*"""',
            r"'(?:[^'\\\n\r]|\\.)*'",  # strings
            r'"(?:[^"\\\n\r]|\\.)*"',
            r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
            r"#[^\n\r]*",  # comments
        )
    ),
    re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_UPDATE_WORDS = frozenset(
    [
        "INSERT",
        "DELETE",
        "LOAD",
        "CLEAR",
        "CREATE",
        "DROP",
        "COPY",
        "MOVE",
        "ADD",
        "WITH",
    ]
)
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[\w.-]*:|BASE)\s*", re.IGNORECASE)
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?![/:])")


def skeleton(sparql: str) -> str:
    """The query text with comments, strings and IRIs blanked out.

    ``\\uXXXX`` escapes are decoded first, as a SPARQL parser does, so a
    keyword cannot hide behind them.

    Example:
        >>> skeleton('SELECT * { ?s ?p "SERVICE" } # SERVICE')
        'SELECT * { ?s ?p   }  '
    """
    text = _CODEPOINT.sub(lambda m: chr(int(m[1] or m[2], 16)), sparql)
    return _OPAQUE.sub(" ", text)


def _first_word(sparql: str) -> str:
    text = skeleton(sparql)
    while match := _PROLOGUE.match(text):
        text = text[match.end() :]
    word = re.match(r"\s*([A-Za-z]+)", text)
    return word[1].upper() if word else ""


def _has_keyword(sparql: str, keyword: str) -> bool:
    pattern = rf"(?<![\w?$:]){keyword}(?![\w:-])"
    return re.search(pattern, skeleton(sparql), re.IGNORECASE) is not None


class RemoteAccessError(QueryError):
    """A query or update would send requests to other servers, which is off."""


def check_query_text(sparql: str, *, allow_remote: bool = False) -> None:
    """Refuse, before it runs, a query that would update or reach out.

    Raises:
        QueryError: the text is an update (``INSERT`` …) rather than a query,
            or it uses ``SERVICE`` (which sends requests to other servers)
            and ``allow_remote`` is False.
    """
    word = _first_word(sparql)
    if word in _UPDATE_WORDS:
        raise QueryError(
            f"{word} is a SPARQL update; kg query only reads the graph "
            "(use SELECT, ASK, CONSTRUCT or DESCRIBE)"
        )
    if not allow_remote and _has_keyword(sparql, "SERVICE"):
        raise RemoteAccessError(
            "SERVICE (federated query) is off: it would send requests to other "
            "servers (allow it with --allow-remote)"
        )


def check_update_text(sparql: str, *, allow_remote: bool = False) -> None:
    """Refuse an update that would fetch URLs (``LOAD``) or reach out (``SERVICE``).

    Raises:
        QueryError: ``LOAD`` or ``SERVICE`` without ``allow_remote``.
    """
    for keyword in ("LOAD", "SERVICE"):
        if not allow_remote and _has_keyword(sparql, keyword):
            raise RemoteAccessError(
                f"{keyword} is off: it would fetch from other servers "
                "(allow it with --allow-remote)"
            )


def explain_syntax_error(
    sparql: str, exc: SyntaxError, *, offset: int = _PREFIX_LINES
) -> str:
    """One line on what is wrong, in the user's terms.

    Oxigraph's messages name grammar rules (an unknown prefix lists ~600
    characters of Unicode ranges; ``SELEC`` or an update says "expected
    CONSTRUCT"); the common mistakes get a plain message instead, others
    the parser's, on one line, with positions counted in the user's query
    (``offset``: lines prepended to it before parsing).

    Example:
        >>> explain_syntax_error("SELEC * {}", SyntaxError("expected CONSTRUCT"))
        "unknown query form 'SELEC': did you mean SELECT?"
    """
    word = _first_word(sparql)
    if word in _UPDATE_WORDS:
        return f"{word} is a SPARQL update, not a query (queries only read the graph)"
    if word and word not in _QUERY_FORMS:
        close = difflib.get_close_matches(word, _QUERY_FORMS, n=1, cutoff=0.6)
        hint = (
            f": did you mean {close[0]}?"
            if close
            else (": a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE")
        )
        return f"unknown query form {word!r}{hint}"
    text = " ".join(str(exc).split())
    unknown = _undeclared_prefixes(sparql)
    if unknown:  # whatever the parser tripped on, this is the likely cause
        known = ", ".join(f"{p}:" for p in PREFIX_MAP)
        return (
            f"unknown prefix {unknown[0]}: (predeclared: {known}; declare "
            f"others with PREFIX {unknown[0]}: <IRI>)"
        )
    text = re.sub(r"expected one of .{200,}", "unexpected text", text)
    return _POSITION.sub(
        lambda m: f"{max(1, int(m[1]) - offset)}:{m[2]}", text, count=1
    )


def _undeclared_prefixes(sparql: str) -> list[str]:
    text = skeleton(sparql)
    declared = set(PREFIX_MAP) | set(
        re.findall(r"PREFIX\s+([\w.-]*):", text, re.IGNORECASE)
    )
    found = []
    for match in _PREFIXED.finditer(text):
        name = match[1] or ""
        if name not in declared and name not in found:
            found.append(name)
    return found


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


#: Characters that take two terminal columns (CJK and full-width forms).
_WIDE = re.compile("[\u2e80-\uffef]+")


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    # One regex pass in C: a per-character test in Python made the table of
    # a hundred thousand rows take seconds.
    return 2 * len(text) - len(_WIDE.sub("", text))


def _table(variables: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> str:
    cell_widths = [[_width(c) for c in r] for r in (variables, *rows)]
    widths = [max(column) for column in zip(*cell_widths, strict=True)]

    def line(cells: tuple[str, ...], cell_width: list[int]) -> str:
        return "  ".join(
            c + " " * (w - cw)
            for c, cw, w in zip(cells, cell_width, widths, strict=True)
        ).rstrip()

    out = [line(variables, cell_widths[0]), "  ".join("-" * w for w in widths)]
    out += [line(r, cw) for r, cw in zip(rows, cell_widths[1:], strict=True)]
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
