"""The extractor as a spaCy pipeline: components, span groups, save and reload."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.extract import build_nlp, extract
from kg.extract.components import PIPELINE, candidates, sentence_offsets
from kg.extract.entities import Candidate
from kg.types import Document, ReportMeta

TEXT = (
    "2023年，无锡市梁溪区教育局授予广丰中学、广益中心小学“先进集体”称号。\n"
    "区教育局实施“双减”工作！城东中学获评省现代化学校；\n"
    "北师大附中和清华大学签约。"
)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def _doc(text: str = TEXT) -> Document:
    return Document("p.txt", "p.txt", text, ReportMeta("", None, None, 2023, False))


def test_pipeline_is_registered_components(nlp):
    assert nlp.pipe_names == ["span_ruler", *PIPELINE]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "kg.jieba.v1"


def test_finders_write_span_groups_and_the_arbiter_writes_ents(nlp):
    doc = nlp(TEXT)
    assert {"kg_regions", "kg_schools", "kg_awards", "kg_mentions"} <= set(doc.spans)
    school_names = {c.name for c in candidates(doc, "kg_schools")}
    assert {"广丰中学", "广益中心小学", "城东中学"} <= school_names
    # ents never overlap and cover the chosen mentions' tokens
    ends = [(e.start, e.end) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
    assert {e.label_ for e in doc.ents} >= {"School", "Award", "Bureau"}


def test_sentences_come_from_doc_sents(nlp):
    doc = nlp(TEXT)
    texts = [TEXT[s:e] for s, e in sentence_offsets(doc)]
    assert texts[0].startswith("2023年") and texts[0].endswith("称号。")
    assert texts[1] == "区教育局实施“双减”工作！"
    assert texts[2] == "城东中学获评省现代化学校；"
    assert len(texts) == 4


def test_saved_pipeline_reloads_with_the_same_tokens(nlp, tmp_path: Path):
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == nlp.pipe_names
    for text in (TEXT, "南京师范大学溧阳实验小学获评全国文明校园。"):
        assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]
    assert loaded.tokenizer.user_words == nlp.tokenizer.user_words


def test_tokenizer_round_trips_its_user_words(nlp):
    data = nlp.tokenizer.to_bytes()
    fresh = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.jieba.v1"}}}
    )
    fresh.tokenizer.from_bytes(data)
    assert fresh.tokenizer.user_words == nlp.tokenizer.user_words
    assert "被认定为" in fresh.tokenizer.user_words  # triggers tokenize whole


def test_priorities_come_from_data(nlp):
    # 城东中学获评省现代化学校: the honour (priority 8) wins over a school
    # name (priority 1) inside it, as span_priorities.tsv says.
    ex = extract(_doc(), nlp)
    awards = {m.name for m in ex.mentions if m.label == "Award"}
    assert "省现代化学校" in awards
    assert "省现代化学校" not in {m.name for m in ex.mentions if m.label == "School"}


@Language.factory("test_extra_school_finder")
def _make_extra(nlp: Language, name: str):
    from kg.extract.components import write_candidates

    def find(doc):
        at = doc.text.find("火星小学")
        cands = [Candidate(at, at + 4, "School", "火星小学", "school.suffix")]
        write_candidates(doc, "kg_schools", [*candidates(doc, "kg_schools"), *cands])
        return doc

    return find


def test_a_new_component_joins_with_one_add_pipe():
    nlp = build_nlp()
    nlp.add_pipe("test_extra_school_finder", before="kg_arbiter_v1")
    ex = extract(_doc("我们访问了火星小学。"), nlp)
    assert "火星小学" in {m.name for m in ex.mentions if m.label == "School"}
