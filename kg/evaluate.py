"""Score a built graph against gold annotations (precision, recall, F1).

Gold is one JSON file per report, in the format of the annotation guidelines
(``doc``, ``publisher``, ``year``, ``entities`` with ``type``/``name``/
``aliases``/``level``, ``relations`` with ``s``/``p``/``o``, ``gray``).
Matching follows the project's scorer: names are compared after Unicode
normalisation without spaces, quotes and punctuation, and match when equal
or when one contains the other and is at least half as long ("relaxed");
names listed as gray are neither rewarded nor punished; ``locatedIn`` and
``subRegionOf`` are closed over ``subRegionOf`` on both sides, so asserting
the most specific region is enough.

Used by the quality tests (``tests/test_quality.py``) on the repository's own
gold reports, and by anyone who annotates a few reports of their own::

    from kg.evaluate import score_graph
    scores = score_graph("my-gold/", "outputs/graph.ttl")
    scores.entity_f1, scores.by_type["School"].recall
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Counts", "Scores", "score_graph"]

ENTITY_TYPES = ("Region", "Bureau", "School", "Program", "Award")
RELATIONS = ("locatedIn", "subRegionOf", "receivedAward")
EXTRA_RELATIONS = ("participatesIn", "implements")
_NAME_PREDICATES = ("label", "prefLabel", "altLabel")
_STRIP = set(" \t\r\n\u3000“”\"'‘’《》〈〉「」『』()（）[]【】•·・.。,，、:：;；!！?？")


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKC", str(name))
    return "".join(ch for ch in text if ch not in _STRIP)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) * 2 >= len(long_)


def _local(iri: object) -> str:
    text = str(iri)
    for sep in ("#", "/", ":"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text


@dataclass
class Counts:
    """True and false positives and the gold total of one type or relation."""

    tp: int = 0
    fp: int = 0
    gold: int = 0
    found: int = 0  # gold items matched

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when none)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when the gold has none)."""
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Scores of one graph against one gold folder."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    by_relation: dict[str, Counts] = field(default_factory=dict)
    publisher_right: int = 0
    publisher_total: int = 0
    year_right: int = 0
    year_total: int = 0

    @staticmethod
    def _micro(parts: list[Counts]) -> Counts:
        total = Counts()
        for c in parts:
            total.tp += c.tp
            total.fp += c.fp
            total.gold += c.gold
            total.found += c.found
        return total

    @property
    def entities(self) -> Counts:
        """Micro counts over the five entity types."""
        return self._micro([self.by_type[t] for t in ENTITY_TYPES])

    @property
    def relations(self) -> Counts:
        """Micro counts over locatedIn, subRegionOf and receivedAward."""
        return self._micro([self.by_relation[r] for r in RELATIONS])

    @property
    def entity_f1(self) -> float:
        """Micro F1 of the entity types."""
        return self.entities.f1

    @property
    def relation_f1(self) -> float:
        """Micro F1 of the headline relations."""
        return self.relations.f1

    def table(self) -> str:
        """A printable table of every line."""
        rows = [f"{'':16}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}"]
        for name, c in [*self.by_type.items(), *self.by_relation.items()]:
            rows.append(
                f"{name:16}{c.gold:>6}{c.precision:>7.2f}{c.recall:>7.2f}{c.f1:>7.2f}"
            )
        rows.append(
            f"publisher {self.publisher_right}/{self.publisher_total}, "
            f"year {self.year_right}/{self.year_total}"
        )
        return "\n".join(rows)


def _load_gold(folder: Path):
    entities: dict[tuple[str, str], set[str]] = {}
    relations: set[tuple[tuple[str, str], str, tuple[str, str]]] = set()
    gray: set[str] = set()
    reports: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        by_name = {}
        for ent in doc["entities"]:
            key = (ent["type"], _norm(ent["name"]))
            names = {_norm(ent["name"])} | {_norm(a) for a in ent.get("aliases", [])}
            entities.setdefault(key, set()).update(n for n in names if n)
            by_name[ent["name"]] = key
        for rel in doc["relations"]:
            relations.add((by_name[rel["s"]], rel["p"], by_name[rel["o"]]))
        gray.update(_norm(g) for g in doc.get("gray", []))
        reports[doc["doc"]] = doc
    # An alias several gold entities share (区教育局) names none of them.
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (etype, name), names in entities.items():
        for alias in names:
            owners[(etype, alias)].add(name)
    for (etype, name), names in entities.items():
        names.difference_update(
            {a for a in names if a != name and len(owners[(etype, a)]) > 1}
        )
    return entities, relations, gray, reports


def _close(triples: set) -> set:
    """Close locatedIn and subRegionOf over subRegionOf."""
    parents: dict = defaultdict(set)
    for s, p, o in triples:
        if p == "subRegionOf":
            parents[s].add(o)

    def ancestors(node, seen=None):
        seen = seen or set()
        for parent in parents.get(node, ()):
            if parent not in seen:
                seen.add(parent)
                ancestors(parent, seen)
        return seen

    closed = set(triples)
    for s, p, o in triples:
        if p in ("locatedIn", "subRegionOf"):
            closed.update((s, p, a) for a in ancestors(o))
    return closed


def score_graph(gold_dir: Path | str, graph_path: Path | str) -> Scores:
    """Score the graph at ``graph_path`` against the gold in ``gold_dir``.

    Args:
        gold_dir: a folder of gold JSON files, one per report.
        graph_path: a built ``graph.ttl``.

    Returns:
        Per-type and per-relation counts, and the report facts.
    """
    import rdflib

    entities, gold_relations, gray, reports = _load_gold(Path(gold_dir))
    graph = rdflib.Graph().parse(str(graph_path), format="turtle")
    types: dict = defaultdict(set)
    names: dict = defaultdict(set)
    edges = []
    for s, p, o in graph:
        pname = _local(p)
        if p == rdflib.RDF.type:
            types[s].add(_local(o))
        elif pname in _NAME_PREDICATES and isinstance(o, rdflib.Literal):
            names[s].add(_norm(o))
        elif pname in RELATIONS or pname in EXTRA_RELATIONS:
            edges.append((s, pname, o))

    matches: dict = {}
    scores = Scores()
    for etype in ENTITY_TYPES:
        counts = Counts(gold=sum(1 for t, _ in entities if t == etype))
        found: set = set()
        for node, node_types in types.items():
            if etype not in node_types:
                continue
            hit = {
                key
                for key, gold_names in entities.items()
                if key[0] == etype
                and any(_similar(a, b) for a in names[node] for b in gold_names)
            }
            matches[node] = hit
            if hit:
                counts.tp += 1
                found |= hit
            elif not any(_similar(n, g) for n in names[node] for g in gray):
                counts.fp += 1
        counts.found = len(found)
        scores.by_type[etype] = counts

    predicted = set()
    for s, p, o in edges:
        for gs in matches.get(s, ()):
            for go in matches.get(o, ()):
                predicted.add((gs, p, go))
    gold_closed = _close(gold_relations)
    predicted_closed = _close(predicted)
    for relation in (*RELATIONS, *EXTRA_RELATIONS):
        counts = Counts(gold=sum(1 for _, p, _ in gold_relations if p == relation))
        for s, p, o in edges:
            if p != relation or not matches.get(s) or not matches.get(o):
                continue  # an end that names nothing in the gold is gray
            candidates = {(gs, p, go) for gs in matches[s] for go in matches[o]}
            if candidates & gold_closed:
                counts.tp += 1
            else:
                counts.fp += 1
        counts.found = sum(
            1
            for triple in gold_relations
            if triple[1] == relation and triple in predicted_closed
        )
        scores.by_relation[relation] = counts

    _score_reports(graph, reports, scores)
    return scores


def _score_reports(graph, reports: dict, scores: Scores) -> None:
    import rdflib

    by_file: dict[str, rdflib.term.Node] = {}
    for s, p, o in graph:
        if _local(p) == "sourceFile":
            by_file[str(o)] = s
    for source, doc in reports.items():
        node = by_file.get(source)
        if doc.get("publisher"):
            scores.publisher_total += 1
            if node is not None:
                published = {
                    _norm(label)
                    for _, p, pub in graph.triples((node, None, None))
                    if _local(p) == "publisher"
                    for _, lp, label in graph.triples((pub, None, None))
                    if _local(lp) in _NAME_PREDICATES
                }
                scores.publisher_right += any(
                    _similar(n, _norm(doc["publisher"])) for n in published
                )
        if doc.get("year"):
            scores.year_total += 1
            if node is not None:
                years = {
                    str(o)
                    for _, p, o in graph.triples((node, None, None))
                    if _local(p) == "year"
                }
                scores.year_right += str(doc["year"]) in years
