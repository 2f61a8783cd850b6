"""Generate kg/vocab.py from ontology/edukg.ttl (deterministic, no timestamp).

Usage: python tools/gen_vocab.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, Graph

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "edukg.ttl"
TARGET = ROOT / "kg" / "vocab.py"
NAMESPACE = "https://w3id.org/edukg/ontology#"

HEADER = '''"""EduKG vocabulary, generated from ontology/edukg.ttl (tools/gen_vocab.py).

Do not edit: run ``make vocab``.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class EDU(DefinedNamespace):
    """Terms of the EduKG ontology; an undefined term raises (``_fail``)."""

    _NS = Namespace("{ns}")
    _fail = True

'''


def render() -> str:
    """Return the text of kg/vocab.py for the current ontology."""
    graph = Graph().parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    terms = sorted(
        {
            str(s)[len(NAMESPACE) :]
            for kind in kinds
            for s in graph.subjects(RDF.type, kind)
            if str(s).startswith(NAMESPACE)
        }
    )
    body = "".join(f"    {term}: URIRef\n" for term in terms)
    return HEADER.replace("{ns}", NAMESPACE) + body


def main() -> int:
    """Write (or with --check, compare) kg/vocab.py."""
    text = render()
    if "--check" in sys.argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print("kg/vocab.py is stale: run make vocab", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
