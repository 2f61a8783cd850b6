"""Cross-report resolution: one node per real entity, audit log, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import build_nlp, extract
from kg.resolve import load_overrides, resolve
from kg.types import Document, Extraction, ReportMeta

REPORTS = {
    "a.txt": (
        "酒泉市肃州区教育局",
        "酒泉市肃州区实验小学获评省文明校园。区教育局与西北师大签约。"
        "肃州职高获评省技能大赛一等奖。",
    ),
    "b.txt": (
        "酒泉市金塔县教育局",
        "金塔县实验小学获评省文明校园。县教育局与西北师范大学合作。"
        "肃州职业高级中学获评市优秀组织奖。",
    ),
    "c.txt": (
        "酒泉市肃州区教育局",
        "2023年，区教育局推进“强师”工程，酒泉市肃州区实验小学新建图书馆。",
    ),
}


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    nlp = build_nlp()
    out = []
    for name, (publisher, text) in sorted(REPORTS.items()):
        doc = Document(name, name, text, ReportMeta("", publisher, None, 2023))
        out.append(extract(doc, nlp))
    return out


def entity_names(resolution, label: str) -> list[str]:
    return sorted(e.name for e in resolution.entities if e.label == label)


def test_resolve_merges_same_entity_across_reports(extractions):
    res = resolve(extractions)
    schools = [e for e in res.entities if e.name == "酒泉市肃州区实验小学"]
    assert len(schools) == 1
    assert {ev.doc_id for ev in schools[0].mentions} == {"a.txt", "c.txt"}


def test_resolve_keeps_same_named_schools_in_different_regions_apart(extractions):
    res = resolve(extractions)
    names = entity_names(res, "School")
    assert "酒泉市肃州区实验小学" in names
    assert "金塔县实验小学" in names


def test_resolve_abbreviations_and_aliases(extractions):
    res = resolve(extractions)
    universities = [e for e in res.entities if e.name == "西北师范大学"]
    assert len(universities) == 1
    assert "西北师大" in universities[0].aliases
    vocational = [e for e in res.entities if "肃州职" in e.name]
    assert len(vocational) == 1
    assert vocational[0].name == "肃州职业高级中学"
    assert "肃州职高" in vocational[0].aliases


def test_resolve_relative_bureau_names_follow_each_report(extractions):
    res = resolve(extractions)
    bureaus = entity_names(res, "Bureau")
    assert "酒泉市肃州区教育局" in bureaus
    assert "酒泉市金塔县教育局" in bureaus
    for entity in res.entities:
        if entity.label == "Bureau":
            # 区教育局 names a different bureau in each report: not an alias.
            assert "区教育局" not in entity.aliases
    publishers = {r.doc_id: r.publisher for r in res.reports}
    assert publishers["a.txt"] == publishers["c.txt"] != publishers["b.txt"]


def test_resolve_keeps_each_provinces_unnamed_department_apart():
    """省教育厅 in two provinces' reports is two bureaus; in one province's, one."""
    nlp = build_nlp()
    reports = {
        "js1.txt": ("南通市崇川区教育局", "崇川区第一小学被省教育厅评为省文明校园。"),
        "js2.txt": ("无锡市梁溪区教育局", "梁溪区第一小学被省教育厅评为省文明校园。"),
        "hb.txt": ("襄阳市襄城区教育局", "襄城区第一小学被省教育厅评为省文明校园。"),
        "nx.txt": ("银川市兴庆区教育局", "兴庆区第一小学被自治区教育厅表彰。"),
        "gx.txt": ("南宁市青秀区教育局", "青秀区第一小学被自治区教育厅表彰。"),
    }
    res = resolve(
        [
            extract(Document(name, name, text, ReportMeta("", pub, None, 2023)), nlp)
            for name, (pub, text) in sorted(reports.items())
        ]
    )
    reports_of = {
        e.name: [] for e in res.entities if e.name in ("省教育厅", "自治区教育厅")
    }
    for e in res.entities:
        if e.name in reports_of:
            reports_of[e.name].append(sorted({ev.doc_id for ev in e.mentions}))
    assert sorted(reports_of["省教育厅"]) == [["hb.txt"], ["js1.txt", "js2.txt"]]
    assert sorted(reports_of["自治区教育厅"]) == [["gx.txt"], ["nx.txt"]]


def test_resolve_is_order_independent(extractions):
    assert resolve(extractions) == resolve(list(reversed(extractions)))


def test_resolve_logs_merges_with_rule(extractions):
    res = resolve(extractions)
    forms = {tuple(m["forms"]): m["rule"] for m in res.merges}
    assert any("肃州职高" in f and "肃州职业高级中学" in f for f in forms)
    assert all(m["rule"] for m in res.merges)


def test_resolve_overrides_merge_and_drop(extractions, tmp_path: Path):
    path = tmp_path / "overrides.tsv"
    path.write_text(
        "# corrections\n"
        "merge\tSchool\t金塔县实验小学\t金塔县第一实验小学\n"
        "drop\tAward\t市优秀组织奖\n",
        encoding="utf-8",
    )
    res = resolve(extractions, load_overrides(path))
    assert "金塔县第一实验小学" in entity_names(res, "School")
    assert "金塔县实验小学" not in entity_names(res, "School")
    assert "市优秀组织奖" not in entity_names(res, "Award")
    keys = {e.key for e in res.entities}
    assert all(r.subject in keys and r.object in keys for r in res.relations)
    rules = {m["rule"] for m in res.merges}
    assert {"override-merge", "override-drop"} <= rules


def test_resolve_overrides_reject_bad_lines(tmp_path: Path):
    from kg.errors import DataFileError

    path = tmp_path / "overrides.tsv"
    path.write_text("rename\tSchool\tA\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"overrides\.tsv:1"):
        load_overrides(path)


def test_resolve_every_relation_has_evidence(extractions):
    res = resolve(extractions)
    assert res.relations
    for rel in res.relations:
        assert rel.evidence
        for ev in rel.evidence:
            assert ev.sentence and ev.rule and ev.start <= ev.end


def test_build_honours_the_overrides_file_in_the_output_folder(tmp_path: Path):
    from kg.pipeline import build

    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "a.txt").write_text(
        "酒泉市肃州区教育局2023年工作总结\n" + REPORTS["a.txt"][1], encoding="utf-8"
    )
    out = tmp_path / "out"
    out.mkdir()
    (out / "overrides.tsv").write_text(
        "merge\tSchool\t肃州职高\t酒泉市肃州职业高级中学\n", encoding="utf-8"
    )
    report = build(reports, out, html=False)
    assert report.outputs["overrides"].endswith("overrides.tsv")
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "酒泉市肃州职业高级中学" in ttl
    merges = (out / "resolution.jsonl").read_text(encoding="utf-8")
    assert "override-merge" in merges


def test_a_bad_overrides_line_fails_the_build_before_any_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import kg.workers
    from kg.errors import DataFileError
    from kg.pipeline import build

    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORTS["a.txt"][1], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "overrides.tsv").write_text("merge\tSchool\t肃州职高\n", encoding="utf-8")
    extracted: list[str] = []
    monkeypatch.setattr(
        kg.workers, "process_report", lambda job: extracted.append(job.doc_id)
    )
    with pytest.raises(DataFileError, match=r"overrides\.tsv:1"):
        build(reports, out, html=False)
    assert extracted == []
    assert not (out / "graph.ttl").exists()


def test_resolve_school_located_in_an_ambiguous_region():
    """新华区 names several districts (no code): 县春晖路小学 there stays unscoped."""
    from kg.types import Mention, RelationMention

    text = "新华区县春晖路小学"
    mentions = (
        Mention("d", 0, 3, "新华区", "Region", "新华区", "gazetteer", 0),
        Mention("d", 3, 9, "县春晖路小学", "School", "县春晖路小学", "suffix", 0),
    )
    ex = Extraction(
        Document("d", "d.txt", text, ReportMeta()),
        ((0, len(text)),),
        mentions,
        (RelationMention(1, 0, "locatedIn", "located.report-area", 0),),
    )
    res = resolve([ex])
    assert "县春晖路小学" in entity_names(res, "School")


def test_resolve_keeps_no_tier_fragment_as_an_honours_form():
    """X一、二、三等奖 gives three honours; 二 and X一, the characters each
    was read from, are no names of them."""
    text = "晨光中学、彩虹中学、阳光中学分获教育教学质量综合评价一、二、三等奖。"
    doc = Document("t.txt", "t.txt", text, ReportMeta("", "晨光县教育局", None, 2023))
    res = resolve([extract(doc, build_nlp())])
    awards = {e.name: e.aliases for e in res.entities if e.label == "Award"}
    assert awards == {
        "教育教学质量综合评价一等奖": (),
        "教育教学质量综合评价二等奖": (),
        "教育教学质量综合评价三等奖": (),
    }


def test_resolve_keeps_no_event_name_as_its_prizes_form():
    """在“A”“B”2个赛项中获得一等奖 gives a prize per event, each read from its
    event's name: the event alone is no name of the prize."""
    text = (
        "在2023年浙江省职业院校技能大赛中，晨光市职业技术学校"
        "在“工业机器人技术应用”“汽车机电维修”2个赛项中获得一等奖。"
    )
    doc = Document("t.txt", "t.txt", text, ReportMeta("", "晨光市教育局", None, 2023))
    res = resolve([extract(doc, build_nlp())])
    awards = {e.name: e.aliases for e in res.entities if e.label == "Award"}
    assert awards == {
        "浙江省职业院校技能大赛工业机器人技术应用赛项一等奖": (),
        "浙江省职业院校技能大赛汽车机电维修赛项一等奖": (),
    }


def test_resolve_a_declared_short_form_is_the_school_it_stands_for():
    """通辽市第二中学（简称市二中）… 市二中还获评X: one school, whose honours
    both mentions bring, with the short form as its alias."""
    text = (
        "通辽市第二中学（简称市二中）、通辽市蒙古族中学被评为自治区文明校园。"
        "市二中还获评全国青少年校园足球特色学校。"
    )
    doc = Document("t.txt", "t.txt", text, ReportMeta("", "通辽市教育局", None, 2023))
    res = resolve([extract(doc, build_nlp())])
    schools = [e for e in res.entities if e.label == "School"]
    assert sorted((e.name, e.aliases) for e in schools) == [
        ("通辽市第二中学", ("市二中",)),
        ("通辽市蒙古族中学", ()),
    ]


def test_resolve_a_school_named_with_and_without_its_town_is_one():
    """六都寨镇荷香小学 in the body and 荷香小学 in a digest's heading of the
    county's report: one school, in its town only (decision 5: the most
    specific region; the county is above it). Two towns' 中心小学 stay two."""
    text = (
        "六、荷香小学入选湖南省书香校园\n"
        "近日，六都寨镇荷香小学入选湖南省书香校园。"
        "六都寨镇中心小学、司门前镇中心小学获评邵阳市文明校园。"
    )
    doc = Document("t.txt", "t.txt", text, ReportMeta("", "隆回县教育局", None, 2023))
    res = resolve([extract(doc, build_nlp())])
    by_key = {e.key: e for e in res.entities}
    schools = sorted(e.name for e in res.entities if e.label == "School")
    assert schools == ["六都寨镇中心小学", "六都寨镇荷香小学", "司门前镇中心小学"]
    located = {
        by_key[r.object].name
        for r in res.relations
        if r.predicate == "locatedIn" and by_key[r.subject].name == "六都寨镇荷香小学"
    }
    assert located == {"六都寨镇"}


def _one_mention_report(doc_id: str, region: str, regions: tuple) -> Extraction:
    """A report naming one institute, placed in ``region``, and 金塔县 (whose
    level is what ``regions`` says)."""
    from kg.types import Mention

    text = "甘肃省教育科学研究院在金塔县。"
    doc = Document(doc_id, doc_id, text, ReportMeta("", "", None, 2023))
    mentions = (
        Mention(doc_id, 0, 10, text[:10], "Bureau", text[:10], "test", 0, region),
        Mention(doc_id, 11, 14, "金塔县", "Region", "金塔县", "test", 0, "620921"),
    )
    return Extraction(doc, ((0, len(text)),), mentions, (), regions=regions)


def test_a_resolver_fed_in_any_order_resolves_as_resolve_does():
    # What the first mention decides (the institute's region: a's) and the
    # last (金塔县's level: c's) follow the reports' order, not the reading's.
    from itertools import permutations

    from kg.resolve import Resolver
    from kg.types import RegionRef

    county = RegionRef("620921", "金塔县", 3, "620900")
    reports = [
        _one_mention_report("a.txt", "620921", ()),
        _one_mention_report("b.txt", "620902", (county,)),
        _one_mention_report("c.txt", "620900", ()),
    ]
    expected = resolve(reports)
    institute = next(e for e in expected.entities if e.label == "Bureau")
    assert institute.region == "620921"
    assert next(e for e in expected.entities if e.label == "Region").level == 0
    for order in permutations(reports):
        resolver = Resolver()
        for ex in order:
            resolver.read(ex)
        assert resolver.finish() == expected, [ex.doc.doc_id for ex in order]


def test_a_resolver_reads_each_report_once(extractions):
    from kg.resolve import Resolver

    resolver = Resolver()
    resolver.read(extractions[0])
    with pytest.raises(ValueError, match="read already"):
        resolver.read(extractions[0])


def test_a_released_resolver_holds_no_report(extractions):
    # A build releases the resolver before the tables hold their rows: what
    # it read must be gone, not hidden behind a flag.
    from kg.resolve import Resolver

    resolver = Resolver()
    for ex in extractions:
        resolver.read(ex)
    assert resolver.finish().entities
    resolver.release()
    assert not resolver.has_read(extractions[0].doc.doc_id)
    assert resolver.finish() == resolve([])
    resolver.read(extractions[0])
    assert resolver.finish() == resolve(extractions[:1])


def test_merged_keys_give_their_region_in_report_order_whatever_the_reading():
    # Three names of one program (a long stem with 项目, 计划, 工程) merge
    # into one key; the one they merge into states no region, so the
    # entity's is the first the others state in report order.
    from itertools import permutations

    from kg.resolve import Resolver, entity_key
    from kg.types import Mention

    names = ["义务教育能力提升项目", "义务教育能力提升计划", "义务教育能力提升工程"]
    target = min(names, key=lambda n: entity_key("Program", n))
    others = iter(["620921", "620902"])
    reports = []
    for doc_id, name in zip(["a.txt", "b.txt", "c.txt"], names, strict=True):
        text = f"推进{name}。"
        region = "" if name == target else next(others)
        doc = Document(doc_id, doc_id, text, ReportMeta("", "", None, 2023))
        mention = Mention(doc_id, 2, 12, name, "Program", name, "test", 0, region)
        reports.append(Extraction(doc, ((0, len(text)),), (mention,), ()))
    expected = resolve(reports)
    (program,) = expected.entities
    first = next(ex for ex in reports if ex.mentions[0].region)
    assert program.region == first.mentions[0].region
    for order in permutations(reports):
        resolver = Resolver()
        for ex in order:
            resolver.read(ex)
        assert resolver.finish() == expected, [ex.doc.doc_id for ex in order]
