"""EduKG vocabulary, generated from ontology/edukg.ttl (tools/gen_vocab.py).

Do not edit: run ``make vocab``.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class EDU(DefinedNamespace):
    """Terms of the EduKG ontology; an undefined term raises (``_fail``)."""

    _NS = Namespace("https://w3id.org/edukg/ontology#")
    _fail = True

    AdministrativeDivision: URIRef
    Award: URIRef
    AwardLevel: URIRef
    Bureau: URIRef
    Document: URIRef
    Indicator: URIRef
    Mention: URIRef
    Organization: URIRef
    Program: URIRef
    Region: URIRef
    Report: URIRef
    School: URIRef
    approximate: URIRef
    city: URIRef
    county: URIRef
    divisionCode: URIRef
    divisionLevel: URIRef
    endOffset: URIRef
    implements: URIRef
    inReport: URIRef
    indicatorOf: URIRef
    level: URIRef
    locatedIn: URIRef
    measure: URIRef
    mentionOf: URIRef
    mentions: URIRef
    national: URIRef
    other: URIRef
    participatesIn: URIRef
    provincial: URIRef
    quantity: URIRef
    receivedAward: URIRef
    reportKind: URIRef
    rule: URIRef
    sentence: URIRef
    sourceFile: URIRef
    startOffset: URIRef
    status: URIRef
    subRegionOf: URIRef
    surfaceForm: URIRef
    unit: URIRef
    withinRegion: URIRef
    year: URIRef
