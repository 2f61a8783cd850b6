"""Validate a built graph against the SHACL shapes in ``ontology/shapes.ttl``.

pySHACL runs with no inference (``inference="none"``): the shapes test the
asserted triples only, which is what ``kg build`` writes and what a consumer
of the Turtle file sees.

The graph file is parsed with pyoxigraph (much faster than rdflib) and only
the triples the shapes can look at are handed to pySHACL: those whose
predicate is named in the shapes (``sh:path``, ``sh:targetSubjectsOf``,
``sh:lessThanOrEquals`` …), plus ``rdf:type``. Bulky triples no shape reads
(``edu:mentions``, ``skos:altLabel``, ``edu:surfaceForm``, ``dcterms:title``
…) are skipped. This is exact for shapes without ``sh:closed`` and without
SHACL-SPARQL constraints, which is true of ``ontology/shapes.ttl``;
:func:`validate_graph` falls back to the whole graph when a shapes file uses
either.

Example:
    >>> from kg.validate import validate_graph  # doctest: +SKIP
    >>> result = validate_graph(Path("outputs/graph.ttl"))  # doctest: +SKIP
    >>> print(result.format())  # doctest: +SKIP
    conforms
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

import kg

from .errors import KGError
from .graph import PREFIXES
from .serialize import rdf_format

__all__ = [
    "SHAPES",
    "ValidateError",
    "ValidationResult",
    "Violation",
    "format_result",
    "validate_graph",
]


def _bundled(name: str) -> Path:
    """A file of ``ontology/``: package data ``kg.ontology`` when installed
    (setup.py maps the folder), else beside the source tree."""
    try:
        path = Path(str(resources.files("kg.ontology").joinpath(name)))
    except (ModuleNotFoundError, TypeError):
        path = None
    if path is not None and path.is_file():
        return path.resolve()
    return Path(kg.__file__).resolve().parents[1] / "ontology" / name


#: The bundled shapes (``ontology/shapes.ttl``, shipped as ``kg.ontology``).
SHAPES = _bundled("shapes.ttl")

SH = Namespace("http://www.w3.org/ns/shacl#")
_EDU = "https://w3id.org/edukg/ontology#"
#: The EduKG prefixes (one table, :data:`kg.graph.PREFIXES`) plus the shapes'.
_PREFIXES = {
    **PREFIXES,
    "eshape": "https://w3id.org/edukg/shapes#",
    "sh": str(SH),
}
# Shape properties whose objects are predicates of the data graph.
_PREDICATE_SLOTS = (
    SH.path,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.equals,
    SH.disjoint,
    SH.lessThan,
    SH.lessThanOrEquals,
)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = str(RDF.langString)


class ValidateError(KGError):
    """The graph or the shapes file is missing or cannot be parsed."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, in words.

    Attributes:
        focus: IRI (or blank node id) of the node that fails.
        focus_label: a readable name for it: ``rdfs:label``, else a report's
            source file, else the compact IRI.
        focus_type: its class(es), compact (``edu:School``), ``|``-joined.
        path: the property, compact (``edu:sourceFile``); empty for a check
            on the node itself.
        value: the offending value, readable; empty when there is none (for
            a missing property).
        message: the shape's ``sh:message``.
        constraint: the SHACL constraint that failed (``minCount``,
            ``class``, ``pattern`` …).
        shape: the node shape that holds the constraint, compact.
        severity: ``Violation``, ``Warning`` or ``Info``.
    """

    focus: str
    focus_label: str
    focus_type: str
    path: str
    value: str
    message: str
    constraint: str
    shape: str
    severity: str = "Violation"

    @property
    def node(self) -> str:
        """The failing node in words: ``edu:School 县域高中 <id:school/…>``."""
        iri = _compact(self.focus)
        name = "" if self.focus_label == iri else f"{self.focus_label} "
        kind = f"{self.focus_type} " if self.focus_type else ""
        return f"{kind}{name}<{iri}>"

    def __str__(self) -> str:
        """One line: ``path: message [constraint] (value: …)``, node not included."""
        # The path is shown unless the message already names it.
        where = f"{self.path}: " if self.path and self.path not in self.message else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{where}{self.message} [{self.constraint}]{value}"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """The outcome of :func:`validate_graph`.

    Attributes:
        conforms: True when no shape is violated.
        violations: the results, sorted by the failing node's type, label
            and IRI, then path and message (so one node's results are
            adjacent).
        triples: how many data triples were validated.
        seconds: wall time of parsing and validation.
    """

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    def format(self) -> str:
        """Render as text: ``conforms``, or one line per violation and a count."""
        return format_result(self)


def format_result(result: ValidationResult) -> str:
    """Render a validation result as readable text ending in a newline.

    ``conforms``, or each failing node on a line followed by its violations
    indented, then a count.

    Example:
        >>> format_result(ValidationResult(conforms=True))
        'conforms\\n'
    """
    if result.conforms:
        return "conforms\n"
    lines: list[str] = []
    last = None
    for violation in result.violations:
        if violation.focus != last:
            lines.append(violation.node)
            last = violation.focus
        lines.append(f"  {violation}")
    count = len(result.violations)
    nodes = len({v.focus for v in result.violations})
    lines.append(
        f"does not conform: {count} violation{'s' * (count != 1)}"
        f" on {nodes} node{'s' * (nodes != 1)}"
    )
    return "\n".join(lines) + "\n"


def validate_graph(
    graph_path: Path, shapes_path: Path | None = None
) -> ValidationResult:
    """Validate a built graph with pySHACL (no inference).

    Args:
        graph_path: a ``graph.ttl`` written by ``kg build`` or its build
            folder (``.nt``, ``.nq`` and ``.trig`` are read too; named graphs
            are merged).
        shapes_path: a SHACL shapes file; by default :data:`SHAPES`.

    Returns:
        The result, with readable violations.

    Raises:
        ValidateError: the graph or shapes file is missing or unparsable.
    """
    import pyshacl

    started = time.perf_counter()
    graph_path = Path(graph_path)
    if graph_path.is_dir():  # a build folder, as `kg query` accepts
        graph_path = graph_path / "graph.ttl"
    shapes = _load_shapes(Path(shapes_path) if shapes_path else SHAPES)
    data = _load_data(graph_path, _needed_predicates(shapes))
    conforms, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=False,
        advanced=False,
        meta_shacl=False,
    )
    violations = sorted(
        (_violation(report, result, data, shapes) for result in _results(report)),
        key=lambda v: (v.focus_type, v.focus_label, v.focus, v.path, v.message),
    )
    return ValidationResult(
        conforms=bool(conforms),
        violations=violations,
        triples=len(data),
        seconds=time.perf_counter() - started,
    )


def _load_shapes(path: Path) -> Graph:
    if not path.is_file():
        raise ValidateError(
            f"{path}: SHACL shapes file not found (it ships as ontology/shapes.ttl "
            "next to the kg package; pass --shapes to use another)"
        )
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser exception types
        raise ValidateError(f"{path}: cannot parse shapes: {exc}") from exc


def _needed_predicates(shapes: Graph) -> set[str] | None:
    """Predicates the shapes can read, or None when every triple may matter."""
    if (None, SH.closed, None) in shapes or (None, SH.sparql, None) in shapes:
        return None
    needed = {str(RDF.type), str(RDFS.subClassOf)}
    for slot in _PREDICATE_SLOTS:
        for path in shapes.objects(None, slot):
            if isinstance(path, URIRef):
                needed.add(str(path))
            else:  # a complex path (sequence, inverse …): keep it all
                return None
    return needed


def _load_data(path: Path, needed: set[str] | None) -> Graph:
    if not path.is_file():
        raise ValidateError(f"{path}: no such graph file (run `kg build` first)")
    fmt = rdf_format(path)
    graph = Graph()
    memo: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node] = {}

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        # IRIs repeat a lot (predicates, classes, reports): convert each once.
        found = memo.get(node)
        if found is None:
            found = memo[node] = _rdflib(node)
        return found

    try:
        quads = ox.parse(path=str(path), format=fmt)
        graph.addN(
            (term(q.subject), term(q.predicate), term(q.object), graph)
            for q in quads
            if needed is None or q.predicate.value in needed
        )
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValidateError(f"{path}: cannot parse graph: {exc}") from exc
    return graph


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """Convert a pyoxigraph term into the rdflib term rdflib's parser makes."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    datatype = term.datatype.value
    if term.language:
        return Literal(term.value, lang=term.language)
    if datatype in (_XSD_STRING, _LANG_STRING):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def _results(report: Graph) -> list[Node]:
    return list(report.subjects(RDF.type, SH.ValidationResult))


def _compact(iri: str) -> str:
    """Shorten an IRI with the EduKG prefixes.

    Example:
        >>> _compact("https://w3id.org/edukg/ontology#sourceFile")
        'edu:sourceFile'
    """
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _label(node: Node, data: Graph) -> str:
    """A readable name of a data node: its label, source file or compact IRI."""
    for predicate in (RDFS.label, URIRef(_EDU + "sourceFile")):
        names = sorted(str(o) for o in data.objects(node, predicate))
        if names:
            return names[0]
    return _compact(str(node))


def _term(value: Node | None, data: Graph) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        text = (
            repr(str(value)) if len(str(value)) <= 60 else repr(str(value)[:57] + "…")
        )
        if value.language:
            return f"{text}@{value.language}"
        if value.datatype:
            return f"{text}^^{_compact(str(value.datatype))}"
        return text
    label = _label(value, data)
    iri = _compact(str(value))
    return iri if label == iri else f"{label} <{iri}>"


def _shape_name(shape: Node | None, shapes: Graph) -> str:
    """Name a source shape; an inline property shape by its node shape."""
    if shape is None:
        return ""
    if isinstance(shape, BNode):
        parent = next(shapes.subjects(SH.property, shape), None)
        if parent is not None:
            return _shape_name(parent, shapes)
    return _compact(str(shape))


def _violation(report: Graph, result: Node, data: Graph, shapes: Graph) -> Violation:
    focus = report.value(result, SH.focusNode)
    value = report.value(result, SH.value)
    path = report.value(result, SH.resultPath)
    component = str(report.value(result, SH.sourceConstraintComponent) or "")
    severity = str(report.value(result, SH.resultSeverity) or SH.Violation)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    types = sorted(_compact(str(t)) for t in data.objects(focus, RDF.type))
    return Violation(
        focus=str(focus),
        focus_label=_label(focus, data) if focus is not None else "",
        focus_type=" | ".join(types),
        path=_compact(str(path)) if isinstance(path, URIRef) else "",
        value="" if value == focus else _term(value, data),
        message=messages[0] if messages else "(no message)",
        constraint=_short(component, "ConstraintComponent"),
        shape=_shape_name(report.value(result, SH.sourceShape), shapes),
        severity=_short(severity, ""),
    )


def _short(iri: str, suffix: str) -> str:
    """``sh:MinCountConstraintComponent`` → ``minCount``.

    Example:
        >>> _short("http://www.w3.org/ns/shacl#MinCountConstraintComponent",
        ...        "ConstraintComponent")
        'minCount'
    """
    name = iri.rsplit("#", 1)[-1]
    if suffix and name.endswith(suffix):
        name = name[: -len(suffix)]
        return name[:1].lower() + name[1:]
    return name
