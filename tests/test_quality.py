"""Quality floors: the extractor on the repository's own gold-annotated reports.

Three corpora written for EduKG (never copied from the development set), each
with gold in the guidelines' format:

* ``tests/data/quality_reports``: commendation lists, school short forms,
  traditional script, news-page noise, a teachers' day report;
* ``tests/data/unseen_reports``: county and city reports of five provinces;
* ``examples/reports``: the bundled example corpus.

A change that loses precision or recall on any entity type or relation below
its floor fails ``make test``. Floors sit a little under what the extractor
scores today, so they catch losses, not noise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import Scores, score_graph
from kg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"

CORPORA = {
    "quality": (DATA / "quality_reports", DATA / "gold_quality"),
    "unseen": (DATA / "unseen_reports", DATA / "gold_unseen"),
    "examples": (ROOT / "examples" / "reports", DATA / "gold_examples"),
}

#: (precision, recall) floors per corpus and entity type or relation.
FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "quality": {
        "Region": (0.95, 0.95),
        "Bureau": (0.95, 0.95),
        "School": (0.95, 0.90),
        "Program": (0.90, 0.75),
        "Award": (0.95, 0.95),
        "locatedIn": (0.90, 0.90),
        "subRegionOf": (0.95, 0.95),
        "receivedAward": (0.93, 0.95),
    },
    "unseen": {
        "Region": (0.97, 0.95),
        "Bureau": (0.95, 0.95),
        "School": (0.97, 0.95),
        "Program": (0.95, 0.86),
        "Award": (0.95, 0.90),
        "locatedIn": (0.95, 0.95),
        "subRegionOf": (0.95, 0.95),
        "receivedAward": (0.95, 0.92),
        "implements": (0.90, 0.85),
    },
    "examples": {
        "Region": (0.97, 0.95),
        "Bureau": (0.95, 0.95),
        "School": (0.97, 0.97),
        "Program": (0.95, 0.88),
        "Award": (0.97, 0.97),
        "locatedIn": (0.95, 0.97),
        "subRegionOf": (0.95, 0.95),
        "receivedAward": (0.94, 0.97),
        "implements": (0.95, 0.80),
    },
}

MICRO_FLOORS = {
    "quality": (0.95, 0.90),
    "unseen": (0.93, 0.93),
    "examples": (0.97, 0.97),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Scores]:
    out = {}
    for name, (reports, gold) in CORPORA.items():
        target = tmp_path_factory.mktemp(f"quality-{name}")
        build(reports, target, html=False)
        out[name] = score_graph(gold, target / "graph.ttl")
    return out


@pytest.mark.parametrize(
    ("corpus", "line"),
    [(corpus, line) for corpus, lines in FLOORS.items() for line in lines],
)
def test_quality_precision_and_recall_floors(
    scores: dict[str, Scores], corpus: str, line: str
) -> None:
    result = scores[corpus]
    counts = result.by_type.get(line) or result.by_relation[line]
    floor_p, floor_r = FLOORS[corpus][line]
    assert counts.precision >= floor_p, f"{corpus} {line}\n{result.table()}"
    assert counts.recall >= floor_r, f"{corpus} {line}\n{result.table()}"


@pytest.mark.parametrize("corpus", sorted(MICRO_FLOORS))
def test_quality_micro_f1_floors(scores: dict[str, Scores], corpus: str) -> None:
    entity_floor, relation_floor = MICRO_FLOORS[corpus]
    result = scores[corpus]
    assert result.entity_f1 >= entity_floor, result.table()
    assert result.relation_f1 >= relation_floor, result.table()


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_quality_report_facts(scores: dict[str, Scores], corpus: str) -> None:
    result = scores[corpus]
    assert result.publisher_right == result.publisher_total, result.table()
    assert result.year_right == result.year_total, result.table()


def test_scorer_counts_a_miss_and_a_spurious_name(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "r.json").write_text(
        '{"doc": "r.txt", "publisher": null, "year": 2023, "entities": ['
        '{"type": "School", "name": "城东中学", "aliases": []},'
        '{"type": "School", "name": "城西小学", "aliases": []}],'
        ' "relations": [], "gray": ["实验幼儿园"]}',
        encoding="utf-8",
    )
    graph = tmp_path / "graph.ttl"
    graph.write_text(
        "@prefix edu: <https://w3id.org/edukg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<urn:a> a edu:School ; rdfs:label "城东中学"@zh .\n'
        '<urn:b> a edu:School ; rdfs:label "城北中学"@zh .\n'
        '<urn:c> a edu:School ; rdfs:label "实验幼儿园"@zh .\n',
        encoding="utf-8",
    )
    school = score_graph(gold, graph).by_type["School"]
    assert (school.tp, school.fp, school.found, school.gold) == (1, 1, 1, 2)
