"""kg.resolve on hand-made extractions (no NLP): its indexes and linear time."""

from __future__ import annotations

import time

import pytest

from kg.resolve import _region_before, resolve
from kg.types import (
    Document,
    Extraction,
    Figure,
    Mention,
    RelationMention,
    ReportMeta,
)

DAZU, BEILUN, DALATE = "500111", "330206", "150621"


def report(text: str, mentions: list[Mention], relations=(), figures=()) -> Extraction:
    return Extraction(
        Document("d", "d.txt", text, ReportMeta()),
        ((0, len(text)),),
        tuple(mentions),
        tuple(relations),
        figures=tuple(figures),
    )


def mention(start: int, text: str, label: str, region: str = "") -> Mention:
    return Mention("d", start, start + len(text), text, label, text, "r", 0, region)


# ------------------------------------------------------------ indexes, linearity


def test_merge_rules_region_before_matches_a_scan() -> None:
    # Mentions out of start order: the scan stops at the first that starts
    # after the offset, and so must the index.
    ms = [
        mention(0, "北仑区", "Region", BEILUN),
        mention(20, "大足区", "Region", DAZU),
        mention(10, "达拉特旗", "Region", DALATE),
        mention(30, "北仑", "School"),
    ]
    keys = ["a", "b", "c", "d"]
    lookup = _region_before(report("x" * 40, ms), keys)

    def scan(offset: int) -> str | None:
        best = None
        for m, key in zip(ms, keys, strict=True):
            if m.start > offset:
                break
            if m.label == "Region" and len(m.region) == 6:
                best = key
        return best

    for offset in range(-1, 41):
        assert lookup(offset) == scan(offset), offset


UNIT = "北仑区实验小学新增学位100个。"


def corpus(reports: int, units: int) -> list[Extraction]:
    """``reports`` reports of ``units`` sentences: a region, a school, a figure."""
    out = []
    for r in range(reports):
        doc_id = f"r{r:05d}"
        mentions, relations, figures = [], [], []
        for i in range(units):
            at = i * len(UNIT)
            mentions += [
                Mention(
                    doc_id, at, at + 3, "北仑区", "Region", "北仑区", "g", i, BEILUN
                ),
                Mention(
                    doc_id,
                    at,
                    at + 7,
                    "北仑区实验小学",
                    "School",
                    "北仑区实验小学",
                    "s",
                    i,
                ),
            ]
            relations.append(RelationMention(2 * i + 1, 2 * i, "locatedIn", "l", i))
            figures.append(
                Figure(
                    doc_id,
                    at + 7,
                    at + 16,
                    "新增学位100个",
                    "新增学位",
                    "100",
                    "place",
                    False,
                    i,
                    "reported",
                    2023,
                )
            )
        text = UNIT * units
        sentences = tuple((i * len(UNIT), (i + 1) * len(UNIT)) for i in range(units))
        doc = Document(doc_id, doc_id + ".txt", text, ReportMeta())
        out.append(
            Extraction(
                doc,
                sentences,
                tuple(mentions),
                tuple(relations),
                figures=tuple(figures),
            )
        )
    return out


@pytest.mark.parametrize(
    ("small", "large"),
    [((1, 1500), (1, 15000)), ((300, 5), (3000, 5))],
    ids=["one-long-report", "many-reports"],
)
def test_merge_rules_resolve_time_grows_linearly(
    small: tuple[int, int], large: tuple[int, int]
) -> None:
    # A ratio measured in one run, not a wall-clock bound: a scan per figure
    # or per pair of keys shows as 10x the corpus taking far more than 10x.
    few, many = corpus(*small), corpus(*large)
    resolve(few)  # rule tables load once; not what is measured

    def cpu_seconds(extractions: list[Extraction]) -> float:
        # CPU time, so that other processes on a loaded machine do not count.
        start = time.process_time()
        resolve(extractions)
        return time.process_time() - start

    ratio = cpu_seconds(many) / min(cpu_seconds(few) for _ in range(3))
    assert ratio < 30, f"10x the corpus took {ratio:.1f}x the time"
