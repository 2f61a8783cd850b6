"""Each merge rule of kg.resolve alone, on hand-made inputs (no NLP)."""

from __future__ import annotations

import time

import pytest

from kg.regions import load_region_index
from kg.resolve import (
    Candidate,
    Overrides,
    _region_before,
    drop_overridden_entities,
    key_award,
    key_region,
    key_school,
    merge_level_prefixed_variants,
    merge_program_stem_variants,
    merge_same_key_forms,
    rename_by_override,
    resolve,
    school_scopes,
    strip_program_tail,
)
from kg.types import (
    Document,
    Entity,
    Extraction,
    Figure,
    Mention,
    MergeRecord,
    RelationMention,
    ReportMeta,
)

DAZU, BEILUN, DALATE = "500111", "330206", "150621"


def candidates(*rows: tuple[str, str, str, tuple[str, ...]]) -> dict[str, Candidate]:
    """``(key, label, name, docs)`` rows as the entity rules see them."""
    return {
        key: Candidate(
            key, label, frozenset({name}), frozenset({name}), frozenset(docs)
        )
        for key, label, name, docs in rows
    }


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


# ------------------------------------------------------------ key rules


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("中小学生品格提升工程建设项目", "中小学生品格提升工程"),
        ("省品格提升工程项目", "省品格提升工程"),
        ("中小学生品格提升工程", "中小学生品格提升工程"),
        ("校舍建设项目", "校舍建设项目"),  # no 工程: a project, not a tail
    ],
)
def test_merge_rules_strip_program_tail(name: str, expected: str) -> None:
    assert strip_program_tail(name) == expected


def test_merge_rules_rename_by_override() -> None:
    merges = {("School", "北仑职高"): "北仑职业高级中学"}
    name, record = rename_by_override("School", "北仑职高", "“北仑职高”", merges)
    assert name == "北仑职业高级中学"
    assert record == MergeRecord(
        "override-merge", "北仑职业高级中学", ("“北仑职高”",), source="北仑职高"
    )
    assert rename_by_override("Award", "北仑职高", "北仑职高", merges) == (
        "北仑职高",
        None,
    )


def test_merge_rules_key_region_is_the_code() -> None:
    assert key_region(BEILUN) == key_region(BEILUN) != key_region(DAZU)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("肃州职高", "肃州职业高级中学"),
        ("城关实小", "城关实验小学"),
        ("一高中", "一高级中学"),
        # 中专 is written with and without 学校 for one 中等专业学校
        ("职业中专", "职业中专学校"),
        ("职业中专", "职业中等专业学校"),
        ("泾县职教中心", "泾县职业教育中心"),
    ],
)
def test_merge_rules_key_school_expands_abbreviations(short: str, full: str) -> None:
    assert key_school(short, BEILUN) == key_school(full, BEILUN)


def test_merge_rules_key_school_keeps_scopes_apart() -> None:
    assert key_school("实验小学", BEILUN) != key_school("实验小学", DAZU)


def test_merge_rules_key_award_keeps_levels_apart() -> None:
    assert key_award("优秀教师", "county") == key_award("优秀教师", "county")
    assert key_award("优秀教师", "county") != key_award("优秀教师", "provincial")


def test_merge_rules_school_scopes_move_the_region_chain_into_the_scope() -> None:
    text = "重庆市大足区北山中学与北山中学"
    ex = report(
        text,
        [
            mention(0, "重庆市", "Region", "500000"),
            mention(3, "大足区", "Region", DAZU),
            mention(0, "重庆市大足区北山中学", "School"),
            mention(11, "北山中学", "School"),
        ],
        [RelationMention(3, 1, "locatedIn", "located.report-area", 0)],
    )
    scopes = school_scopes(ex, load_region_index())
    # The county, the deepest level of the chain, scopes the first; the
    # second is located there.
    assert scopes == {2: ("北山中学", DAZU), 3: ("北山中学", DAZU)}


def test_merge_rules_school_scopes_drop_the_own_level_mark() -> None:
    text = "达拉特旗旗实验高中"
    ex = report(
        text,
        [mention(0, "达拉特旗", "Region", DALATE), mention(4, "旗实验高中", "School")],
        [RelationMention(1, 0, "locatedIn", "located.report-area", 0)],
    )
    assert school_scopes(ex, load_region_index()) == {1: ("实验高中", DALATE)}


# ------------------------------------------------------------ entity rules


def test_merge_rules_level_prefix_merges_an_honour_named_both_ways_in_a_report() -> (
    None
):
    found = merge_level_prefixed_variants(
        candidates(
            ("bare", "Award", "特级教师", ("a",)),
            ("prov", "Award", "省特级教师", ("a", "b")),
        )
    )
    assert found == (
        MergeRecord("level-prefix-variant", "prov", ("特级教师",), source="bare"),
    )


def test_merge_rules_level_prefix_needs_a_shared_report_for_an_honour() -> None:
    # 优秀教师 in one report and 省优秀教师 in another may be two honours.
    assert not merge_level_prefixed_variants(
        candidates(
            ("bare", "Award", "优秀教师", ("a",)),
            ("prov", "Award", "省优秀教师", ("b",)),
        )
    )


def test_merge_rules_level_prefix_merges_programs_across_reports() -> None:
    found = merge_level_prefixed_variants(
        candidates(
            ("bare", "Program", "品格提升工程", ("a",)),
            ("prov", "Program", "省品格提升工程", ("b",)),
        )
    )
    assert [(r.source, r.into) for r in found] == [("bare", "prov")]


def test_merge_rules_level_prefix_leaves_an_ambiguous_bare_name() -> None:
    assert not merge_level_prefixed_variants(
        candidates(
            ("bare", "Award", "优秀教师", ("a",)),
            ("prov", "Award", "省优秀教师", ("a",)),
            ("city", "Award", "市优秀教师", ("a",)),
        )
    )


LONG = "义务教育薄弱环节改善与能力提升"


def test_merge_rules_program_stem_merges_kind_words_of_a_long_stem() -> None:
    found = merge_program_stem_variants(
        candidates(
            ("k1", "Program", LONG + "工程", ("a",)),
            ("k2", "Program", LONG + "项目", ("b",)),
            ("k3", "Program", LONG + "计划", ("c",)),
        )
    )
    assert found == (
        MergeRecord("program-suffix-variant", "k1", (LONG + "项目",), source="k2"),
        MergeRecord("program-suffix-variant", "k1", (LONG + "计划",), source="k3"),
    )


def test_merge_rules_program_stem_leaves_short_stems_and_merged_keys() -> None:
    short = candidates(
        ("k1", "Program", "素质提升工程", ("a",)),
        ("k2", "Program", "素质提升计划", ("a",)),
    )
    assert not merge_program_stem_variants(short)
    long = candidates(
        ("k1", "Program", LONG + "工程", ("a",)),
        ("k2", "Program", LONG + "项目", ("a",)),
    )
    assert not merge_program_stem_variants(long, merged={"k2"})
    assert not merge_program_stem_variants(
        {k: Candidate(k, "Award", c.names) for k, c in long.items()}
    )


# ------------------------------------------------------------ entities


def test_merge_rules_same_key_names_the_longest_form() -> None:
    canonical, aliases, record = merge_same_key_forms(
        "region-330206", "Region", {"北仑", "北仑区"}, {"北仑", "北仑区"}
    )
    assert (canonical, aliases) == ("北仑区", ("北仑",))
    assert record == MergeRecord(
        "same-key", "region-330206", ("北仑", "北仑区"), canonical="北仑区"
    )
    assert merge_same_key_forms("k", "School", {"三中"}, {"三中"}) == (
        "三中",
        (),
        None,
    )


@pytest.mark.parametrize("relative", ["区教育局", "教体局", "市局", "局"])
def test_merge_rules_same_key_keeps_relative_bureau_forms_off_the_aliases(
    relative: str,
) -> None:
    names = {"宁波市北仑区教育局"}
    _, aliases, record = merge_same_key_forms(
        "k", "Bureau", names, names | {relative, "北仑区教育局"}
    )
    assert aliases == ("北仑区教育局",)
    assert record is not None and relative in record.forms


def test_merge_rules_drop_overridden_entities() -> None:
    entities = [
        Entity("k1", "Award", "劳育实验区", ("劳育实验",)),
        Entity("k2", "School", "劳育实验区", ()),
    ]
    assert drop_overridden_entities(entities, {("Award", "劳育实验区")}) == (
        MergeRecord("override-drop", "", ("劳育实验区", "劳育实验"), source="k1"),
    )


def test_merge_rules_records_become_the_audit_rows() -> None:
    record = MergeRecord("same-key", "k", ("北仑", "北仑区"), canonical="北仑区")
    assert record.to_dict() == {
        "into": "k",
        "forms": ["北仑", "北仑区"],
        "rule": "same-key",
        "canonical": "北仑区",
    }


def test_merge_rules_level_prefix_runs_before_program_stems() -> None:
    """A bare program merged into its prefixed form is not offered to stems."""
    text = f"{LONG}工程。省{LONG}工程。{LONG}项目。"
    first, second = len(LONG) + 3, 2 * len(LONG) + 6
    ex = report(
        text,
        [
            mention(0, LONG + "工程", "Program"),
            mention(first, "省" + LONG + "工程", "Program"),
            mention(second, LONG + "项目", "Program"),
        ],
    )
    rules = [m["rule"] for m in resolve([ex]).merges]
    # Offered to the stem rule as well, X工程 would also take X项目.
    assert rules.count("level-prefix-variant") == 1
    assert "program-suffix-variant" not in rules
    assert LONG + "项目" in {e.name for e in resolve([ex]).entities}
    overrides = Overrides(drop=frozenset({("Program", "省" + LONG + "工程")}))
    names = {e.name for e in resolve([ex], overrides).entities}
    assert "省" + LONG + "工程" not in names


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

    # The best of repeated runs on each side: a busy machine's spikes (cache
    # and frequency) only ever add time.
    best_many = min(cpu_seconds(many) for _ in range(3))
    ratio = best_many / min(cpu_seconds(few) for _ in range(3))
    assert ratio < 30, f"10x the corpus took {ratio:.1f}x the time"
