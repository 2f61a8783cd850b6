"""The extraction pipeline's spaCy components.

Each finder is a registered factory that reads the ``Doc`` and writes its
candidates to ``doc.spans[<group>]``: a span per candidate (token-aligned,
``alignment_mode="expand"``) whose ``span.id_`` points to the candidate, with
its exact character offsets, name, rule and region, in
``doc._.kg_candidates[<group>]``. ``kg_arbiter_v1`` settles the
overlaps with the priorities of ``kg/data/lexicon/span_priorities.tsv`` and
writes the mentions to ``doc.spans["kg_mentions"]`` and ``doc.ents``; the
context, mention and relation components read those and ``doc.sents``.

A statistical component joins by writing its own span group and listing the
group's rules in ``span_priorities.tsv``: ``nlp.add_pipe(name,
before="kg_arbiter_v1")`` and one table row, no code change.

Per-report inputs travel on the Doc: ``doc._.kg_meta`` (the report's
metadata) and ``doc._.kg_original`` (the text as written, when the Doc holds
its simplified shadow) are set by :func:`kg.extract.extract` before the
components run.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..regions import load_region_index
from ..types import Mention
from .context import (
    ReportContext,
    as_written,
    fullest_bureau_names,
    read_context,
    resolve_bureau,
)
from .entities import (
    CLAUSE_MARK,
    Candidate,
    TextView,
    drop_regions_in_media,
    find_award_statements_all,
    find_bureaus,
    find_documents,
    find_listed_programs,
    find_organizations,
    find_programs,
    find_quoted,
    find_regions,
    find_schools,
    find_suffix_awards,
    programs_named_again,
    resolve_overlaps,
    with_inner_mentions,
)
from .figures import find_figures, status_at
from .headings import NUMBER_MARK
from .levels import award_level, conferring_levels, level_of_region
from .relations import find_relations
from .rules import Rules, load_rules
from .script import simplified_shadow

__all__ = [
    "CANDIDATE_GROUPS",
    "PIPELINE",
    "candidates",
    "sentence_offsets",
    "write_candidates",
]

#: The components :func:`kg.extract.build_nlp` adds, in order.
PIPELINE = (
    "kg_sentences_v1",
    "kg_regions_v1",
    "kg_honours_v1",
    "kg_documents_v1",
    "kg_quoted_v1",
    "kg_gazetteer_v1",
    "kg_bureaus_v1",
    "kg_schools_v1",
    "kg_programs_v1",
    "kg_suffix_awards_v1",
    "kg_listed_programs_v1",
    "kg_organizations_v1",
    "kg_arbiter_v1",
    "kg_context_v1",
    "kg_mentions_v1",
    "kg_relations_v1",
    "kg_figures_v1",
)

# A numbered heading: 一、, （二）, 3. — where plan and summary sections start.
_HEADING = re.compile(r"^\s*" + NUMBER_MARK)
#: Sentence-ending characters (a run of them ends one sentence).
_SENTENCE_END = frozenset("。！？；!?;")
# A character that may begin a sentence-ending token (a half-width full stop
# only in Chinese text, :func:`_cjk_full_stop`).
_STOP_CHAR = re.compile("[。！？；!?;.]")
_LINE_BREAK = re.compile("\n")

for _name in (
    "kg_text",
    "kg_candidates",
    "kg_doc_id",
    "kg_planned",
    "kg_meta",
    "kg_original",
    "kg_view",
    "kg_token_starts",
    "kg_sentences",
    "kg_statements",
    "kg_context",
    "kg_mentions",
    "kg_publisher",
    "kg_relations",
    "kg_figures",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _priorities(rules: Rules) -> dict[str, dict[str, int]]:
    """``{group: {rule: priority}}`` in the table's order."""
    table: dict[str, dict[str, int]] = {}
    for key, priority in rules.lexicon.span_priorities:
        group, _, rule = key.partition(":")
        table.setdefault(group, {})[rule] = priority
    return table


#: The candidate groups the arbiter reads, in order (from the data table).
CANDIDATE_GROUPS = tuple(_priorities(load_rules()))


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset (cached: the tokens never change)."""
    if doc._.kg_token_starts is None:
        doc._.kg_token_starts = doc.to_array("IDX").tolist() if len(doc) else []
    return doc._.kg_token_starts


def write_candidates(doc: Doc, group: str, cands: Iterable[Candidate]) -> None:
    """Store ``cands`` as ``doc.spans[group]``.

    Each span is token-aligned (``alignment_mode="expand"``) and its
    ``span.id_`` (``group:i``) points to the candidate in
    ``doc._.kg_candidates[group]``, which keeps the exact character offsets,
    name, rule and region (span extensions are keyed by offsets alone, so
    two candidates over one span would share them).
    """
    cands = list(cands)
    store = doc._.kg_candidates
    if store is None:
        store = doc._.kg_candidates = {}
    store[group] = cands
    starts = token_starts(doc)
    spans = []
    for i, cand in enumerate(cands):
        # The tokens the characters touch, as char_span's "expand" mode
        # finds them, without making a Token object per token it walks.
        first = bisect_right(starts, cand.start) - 1
        last = bisect_left(starts, max(cand.end, cand.start + 1))
        if 0 <= first < last:
            spans.append(
                Span(doc, first, last, label=cand.label, span_id=f"{group}:{i}")
            )
    doc.spans[group] = spans


def candidates(doc: Doc, group: str) -> list[Candidate]:
    """The candidates a component wrote to ``doc.spans[group]``."""
    store = doc._.kg_candidates or {}
    return list(store.get(group, ()))


def text_of(doc: Doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token per call)."""
    if doc._.kg_text is None:
        doc._.kg_text = doc.text
    return doc._.kg_text


def view_of(doc: Doc, nlp: Language) -> TextView:
    """The Doc's text with token boundaries and dictionary tags (cached)."""
    if doc._.kg_view is None:
        # Token offsets as arrays: creating a Token object per token costs
        # more than the segmentation itself.
        starts = token_starts(doc)
        lengths = doc.to_array("LENGTH").tolist() if len(doc) else []
        ends = [a + n for a, n in zip(starts, lengths, strict=True)]
        text = text_of(doc)
        tokens = [text[a:b] for a, b in zip(starts, ends, strict=True)]
        tags = getattr(nlp.tokenizer, "word_tags", {})
        doc._.kg_view = TextView(text, starts, ends, tokens, tags)
    return doc._.kg_view


def sentence_offsets(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The Doc's sentences (its ``SENT_START`` annotation) as character offsets.

    A sentence that ends before a line break leaves the break out; leading
    whitespace is trimmed. Read from arrays: iterating ``doc.sents`` token by
    token costs more than the whole extraction on a long report.
    """
    if not len(doc):
        return ()
    text = text_of(doc)
    idx = token_starts(doc)
    lengths = doc.to_array("LENGTH").tolist()
    starts = doc.to_array("SENT_START").tolist()
    bounds = [i for i, flag in enumerate(starts) if flag == 1 or i == 0]
    out = []
    for n, first in enumerate(bounds):
        last = (bounds[n + 1] if n + 1 < len(bounds) else len(idx)) - 1
        start, end = idx[first], idx[last] + lengths[last]
        token = text[idx[last] : end]
        if "\n" in token and token.isspace():
            end = idx[last]
        piece = text[start:end]
        if piece.strip():
            out.append((start + len(piece) - len(piece.lstrip()), end))
    return tuple(out)


def _cjk_full_stop(text: str, at: int, token: str) -> bool:
    """A half-width full stop ending a Chinese sentence (…文明校园.双清区…), not
    a decimal point or an abbreviation's."""
    return (
        token == "."
        and at > 0
        and _CJK_CHAR.match(text, at - 1) is not None
        and (
            at + 1 >= len(text)
            or text[at + 1].isspace()
            or _CJK_CHAR.match(text, at + 1) is not None
        )
    )


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


@Language.factory("kg_sentences_v1")
def make_sentences(nlp: Language, name: str):
    """Sentence boundaries at 。！？； runs and at line breaks."""
    import numpy
    from spacy.attrs import SENT_START

    def set_sentences(doc: Doc) -> Doc:
        if not len(doc):
            doc._.kg_sentences = ()
            return doc
        text = text_of(doc)
        idx = token_starts(doc)
        count = len(idx)
        lengths = doc.to_array("LENGTH").tolist()
        # Only tokens that start with a stop or hold a line break can end a
        # sentence: find those characters in the text and the tokens at
        # them, rather than testing every token (2.5% of extraction).
        ends: set[int] = set()
        for match in _STOP_CHAR.finditer(text):
            at = match.start()
            i = bisect_left(idx, at)
            if i < count and idx[i] == at:
                token = text[at : at + lengths[i]]
                if all(ch in _SENTENCE_END for ch in token) or _cjk_full_stop(
                    text, at, token
                ):
                    ends.add(i)
        breaks = set()
        for match in _LINE_BREAK.finditer(text):
            i = bisect_right(idx, match.start()) - 1
            if text[idx[i] : idx[i] + lengths[i]].isspace():
                breaks.add(i)
        values = numpy.full((count, 1), -1, dtype="int64")
        values[0] = 1
        for i in breaks | {i for i in ends if i + 1 not in ends}:
            if i + 1 < count:
                values[i + 1] = 1
        doc.from_array([SENT_START], values.astype("uint64"))
        doc._.kg_sentences = sentence_offsets(doc)
        return doc

    return set_sentences


def _publisher_name(doc: Doc) -> str:
    meta = doc._.kg_meta
    return simplified_shadow(((meta.publisher_name if meta else None) or "").strip())


@Language.factory("kg_regions_v1")
def make_regions(nlp: Language, name: str):
    """Regions from the official division list, short forms only in context."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        publisher = _publisher_name(doc)
        seed = (
            {r.region for r in find_regions(publisher, rules, set())}
            if publisher
            else set()
        )
        view = view_of(doc, nlp)
        bounds = (set(view.token_starts), set(view.token_ends))
        write_candidates(
            doc,
            "kg_regions",
            find_regions(text_of(doc), rules, seed, bounds, view.tags),
        )
        return doc

    return find


@Language.factory("kg_honours_v1")
def make_honours(nlp: Language, name: str):
    """Honour statements: triggers, grants, lists, categories (their awards)."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        statements = find_award_statements_all(text_of(doc), rules)
        doc._.kg_statements = statements
        write_candidates(doc, "kg_awards", (a for st in statements for a in st.awards))
        return doc

    return find


def _simple(group: str, finder):
    def find(doc: Doc) -> Doc:
        write_candidates(doc, group, finder(doc))
        return doc

    return find


@Language.factory("kg_documents_v1")
def make_documents(nlp: Language, name: str):
    """《…》 document titles."""
    return _simple("kg_documents", lambda doc: find_documents(text_of(doc)))


@Language.factory("kg_quoted_v1")
def make_quoted(nlp: Language, name: str):
    """Quoted programs (“双减”) and the honours a quote opens."""
    rules = load_rules()
    return _simple("kg_quoted", lambda doc: find_quoted(text_of(doc), rules))


#: 郭小学 after 南大: the alias opens another school's name.
_INSIDE_A_SCHOOL_NAME = re.compile(r"[\u4e00-\u9fff]{1,3}(?:小学|中学|学校|幼儿园)")


@Language.factory("kg_gazetteer_v1")
def make_gazetteer(nlp: Language, name: str):
    """Gazetteer names: one PhraseMatcher pass (the ``span_ruler``'s patterns).

    Reads ``doc.spans["gazetteer"]`` written by the span ruler; a school
    alias counts only where a token starts (北师大 inside 西北师大 does not),
    and programs that are generic when bare (课后服务) only when quoted.
    """
    rules = load_rules()
    lex = rules.lexicon

    def find(doc: Doc) -> Doc:
        out = []
        text = text_of(doc)
        for span in doc.spans.get("gazetteer", []):
            kind, _, canonical = span.id_.partition(":")
            if kind == "program.gazetteer" and canonical in lex.quoted_only_programs:
                continue
            if kind == "school.alias" and text.startswith("附", span.end_char):
                continue  # 南大附中: the university's affiliated school, not it
            if kind == "school.alias" and _INSIDE_A_SCHOOL_NAME.match(
                text, span.end_char
            ):
                continue  # 信都区南大郭小学: the start of another school's name
            out.append(
                Candidate(
                    span.start_char,
                    span.end_char,
                    span.label_,
                    canonical,
                    kind,
                    "",
                )
            )
        write_candidates(doc, "kg_gazetteer", out)
        return doc

    return find


@Language.factory("kg_bureaus_v1")
def make_bureaus(nlp: Language, name: str):
    """Education authorities: a region chain or level + a bureau ending."""
    rules = load_rules()
    return _simple(
        "kg_bureaus",
        lambda doc: find_bureaus(
            view_of(doc, nlp), rules, candidates(doc, "kg_regions")
        ),
    )


@Language.factory("kg_schools_v1")
def make_schools(nlp: Language, name: str):
    """Schools: suffix names, numbered short forms, units of a counted list."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        kept, suffix_names = find_schools(
            view_of(doc, nlp), rules, candidates(doc, "kg_regions")
        )
        write_candidates(doc, "kg_schools", kept)
        # Every suffix name marks a site, even one too bare to be a school.
        write_candidates(doc, "kg_school_sites", suffix_names)
        return doc

    return find


@Language.factory("kg_programs_v1")
def make_programs(nlp: Language, name: str):
    """Programs named by a suffix word, and reforms; works at a site are not."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        index = rules.regions
        sites = [(c.start, c.end) for c in candidates(doc, "kg_school_sites")] + [
            (r.start, r.end)
            for r in candidates(doc, "kg_regions")
            if index.by_code[r.region].level >= 3
        ]
        # Named by their ending: a short form (县中) may open a program's
        # name (县中振兴计划).
        schools = [
            (c.start, c.end)
            for c in candidates(doc, "kg_schools")
            if c.rule == "school.suffix"
        ]
        write_candidates(
            doc,
            "kg_programs",
            find_programs(view_of(doc, nlp), rules, sites, schools),
        )
        return doc

    return find


@Language.factory("kg_suffix_awards_v1")
def make_suffix_awards(nlp: Language, name: str):
    """Honours named by an honour ending."""
    rules = load_rules()
    return _simple(
        "kg_suffix_awards", lambda doc: find_suffix_awards(view_of(doc, nlp), rules)
    )


@Language.factory("kg_listed_programs_v1")
def make_listed_programs(nlp: Language, name: str):
    """Items of a list headed by a program category."""
    rules = load_rules()
    return _simple(
        "kg_listed_programs", lambda doc: find_listed_programs(view_of(doc, nlp), rules)
    )


@Language.factory("kg_organizations_v1")
def make_organizations(nlp: Language, name: str):
    """Other named bodies (media, associations)."""
    rules = load_rules()
    return _simple(
        "kg_organizations", lambda doc: find_organizations(view_of(doc, nlp), rules)
    )


@Language.factory("kg_arbiter_v1")
def make_arbiter(nlp: Language, name: str):
    """Settle overlapping candidates by the priorities in the data table.

    Writes the chosen mentions to ``doc.spans["kg_mentions"]``, the regions
    to ``doc.spans["kg_regions"]``,
    and the non-overlapping token spans to ``doc.ents``.
    """
    rules = load_rules()
    table = _priorities(rules)

    def arbitrate(doc: Doc) -> Doc:
        cands = []
        for group, by_rule in table.items():
            for cand in candidates(doc, group):
                key = cand.rule + ("+qualified" if cand.qualified else "")
                priority = by_rule.get(key, by_rule.get(cand.rule))
                if priority is None:
                    raise KeyError(
                        f"span_priorities.tsv: no priority for {group}:{key}"
                    )
                cands.append(replace(cand, priority=priority))
        mentions = with_inner_mentions(resolve_overlaps(cands), cands)
        mentions = programs_named_again(text_of(doc), mentions)
        regions = drop_regions_in_media(candidates(doc, "kg_regions"), mentions, rules)
        write_candidates(doc, "kg_mentions", mentions)
        write_candidates(doc, "kg_regions", regions)
        doc.ents = filter_spans([*doc.spans["kg_mentions"], *doc.spans["kg_regions"]])
        return doc

    return arbitrate


@Language.factory("kg_context_v1")
def make_context(nlp: Language, name: str):
    """The report's publisher and area (decisions 12, 13, 26)."""
    rules = load_rules()

    def read(doc: Doc) -> Doc:
        context, mentions, regions = read_context(
            text_of(doc),
            _publisher_name(doc),
            candidates(doc, "kg_mentions"),
            candidates(doc, "kg_regions"),
            rules,
        )
        doc._.kg_context = context
        write_candidates(doc, "kg_mentions", mentions)
        write_candidates(doc, "kg_regions", regions)
        return doc

    return read


def _plan_flags(
    text: str,
    sentences: tuple[tuple[int, int], ...],
    rules: Rules,
    whole_plan: bool,
    token_starts: set[int],
    year: int | None,
) -> list[int | None]:
    """Where each sentence turns planned: an offset, or None (reported).

    A plan section (or a plan document) is planned from each sentence's
    start, unless the sentence dates itself before the report's year
    (2023年，我区新增学位2800个 in a plan for 2024). Elsewhere a modal word
    (将, 力争, 拟 …; a word of its own, not 模拟, and not the object marker of
    将X纳入…) marks the rest of its sentence from there: 获评X，新校区将于明年
    投入使用 leaves the honour reported.
    """
    lex = rules.lexicon
    flags: list[int | None] = []
    in_plan = whole_plan
    for start, end in sentences:
        sentence = text[start:end]
        is_heading = len(sentence) < 40 and (
            _HEADING.match(sentence) or "\n" in text[end : end + 1]
        )
        if is_heading and any(m in sentence for m in lex.summary_section_markers):
            in_plan = False  # 重点工作完成情况: what was done
        elif is_heading and _opens_plan(sentence, lex):
            in_plan = True
        elif is_heading and any(m in sentence for m in lex.plan_or_summary_markers):
            # 一、重点工作 in a summary is the year's work; in a plan (after
            # its review of last year too) or a plan section, or turned to
            # what comes next (2024年重点工作), it is planned.
            in_plan = (
                in_plan or whole_plan or _turns_to_next_period(sentence, year, lex)
            )
        modal = _first_modal(text, start, end, lex, token_starts)
        past = year is not None and any(
            int(y) < year for y in _STATED_YEAR.findall(sentence)
        )
        if in_plan and (modal is not None or not past):
            flags.append(start)
        else:
            flags.append(modal)
    return flags


_STATED_YEAR = re.compile(r"(20\d\d)年")


#: After a plan heading's word (年度目标), what makes it a heading about
#: meeting targets: 年度目标管理考核 reports results, it plans nothing.
_ASSESSED = ("管理", "考核", "责任", "完成", "达成")


def _opens_plan(heading: str, lex) -> bool:
    """A heading that opens a plan section (工作要点, 年度目标)."""
    for marker in lex.plan_section_markers:
        at = heading.find(marker)
        while at >= 0:
            if not heading.startswith(_ASSESSED, at + len(marker)):
                return True
            at = heading.find(marker, at + 1)
    return False


def _turns_to_next_period(heading: str, year: int | None, lex) -> bool:
    if any(word in heading for word in lex.next_period_words):
        return True
    return year is not None and any(
        int(y) > year for y in _STATED_YEAR.findall(heading)
    )


def _first_modal(
    text: str, start: int, end: int, lex, token_starts: set[int]
) -> int | None:
    """Offset of the first modal word of ``text[start:end]``, or None."""
    first = None
    for marker in lex.plan_markers:
        at = text.find(marker, start, end)
        while at >= 0 and (first is None or at < first):
            clause_end = CLAUSE_MARK.search(text, at)
            clause = text[at : clause_end.start() if clause_end else end]
            object_marker = marker == "将" and any(
                verb in clause for verb in lex.object_marker_verbs
            )
            # 将 opening 将台堡镇, a word of its own: no modal
            whole = at + len(marker) in token_starts or at + len(marker) >= end
            if at in token_starts and whole and not object_marker:
                first = at
                break
            at = text.find(marker, at + 1, end)
    return first


def _planned(doc: Doc, rules: Rules) -> list[int | None]:
    """Where each sentence turns planned (computed once per Doc)."""
    if doc._.kg_planned is None:
        meta = doc._.kg_meta
        doc._.kg_planned = _plan_flags(
            text_of(doc),
            doc._.kg_sentences,
            rules,
            bool(meta and meta.is_plan),
            set(token_starts(doc)),
            meta.year if meta else None,
        )
    return doc._.kg_planned


@Language.factory("kg_mentions_v1")
def make_mentions(nlp: Language, name: str):
    """Mentions with their names in context, status and honour level."""
    rules = load_rules()

    def build(doc: Doc) -> Doc:
        context: ReportContext = doc._.kg_context
        text = text_of(doc)
        original = doc._.kg_original or text
        doc_id = doc._.kg_doc_id or ""
        sentences = doc._.kg_sentences
        starts = [s for s, _ in sentences]
        planned = _planned(doc, rules)
        conferrers = conferring_levels(
            text, doc._.kg_statements, rules, bool(context.county_city)
        )
        host_level = _ceremony_host_level(
            text,
            sentences,
            [*candidates(doc, "kg_mentions"), *candidates(doc, "kg_regions")],
            context,
            rules,
        )
        mentions: list[Mention] = []
        chosen = sorted(
            [*candidates(doc, "kg_mentions"), *candidates(doc, "kg_regions")],
            key=lambda c: (c.start, c.end, c.label),
        )
        for cand in chosen:
            name, region = cand.name, cand.region
            if cand.label == "Bureau":
                name, region = resolve_bureau(cand, context, rules)
            sent = max(0, bisect_right(starts, cand.start) - 1)
            status = status_at(planned, sent, cand.start)
            level = ""
            if cand.label == "Award":
                level = award_level(
                    name,
                    rules,
                    context_level=cand.level
                    or conferrers.get(cand.end, "")
                    or host_level
                    or context.home_level,
                    municipal=context.municipal,
                    county_city=bool(context.county_city),
                    autonomous=context.autonomous,
                )
            if original is not text and cand.label != "Region":
                name = as_written(
                    name,
                    cand.start,
                    cand.end,
                    text,
                    original,
                    sentences[sent] if cand.label == "Award" and sentences else None,
                )
            mentions.append(
                Mention(
                    doc_id,
                    cand.start,
                    cand.end,
                    original[cand.start : cand.end],
                    cand.label,
                    name,
                    cand.rule,
                    sent,
                    region,
                    status,
                    level,
                )
            )
        mentions = _bracketed_short_forms(text, _fullest_short_forms(mentions))
        mentions = _programs_named_again_by_their_end(mentions)
        mentions, publisher_full = _fullest_bureaus(
            mentions, context.publisher_full, rules
        )
        publisher_index = None
        if publisher_full:
            named = [
                i
                for i, m in enumerate(mentions)
                if m.label == "Bureau" and m.name == publisher_full
            ]
            written = {mentions[i].text for i in named}
            if not named or (
                context.publisher_name
                and context.publisher_name not in written
                and context.publisher_name != publisher_full
            ):
                # The publisher is named only in the metadata, or the text
                # writes it only otherwise (市教育局 under 来源：昌吉市教育局):
                # record the metadata's form at offset 0, with the rule that
                # says so, so the name as the page writes it is kept.
                mentions.insert(
                    0,
                    Mention(
                        doc_id,
                        0,
                        0,
                        context.publisher_name,
                        "Bureau",
                        publisher_full,
                        "bureau.metadata",
                        0,
                        context.home,
                        "reported",
                    ),
                )
                # (the report's own naming, when it has one, stays the
                # publisher's mention: its evidence is a sentence)
                named = [*(i + 1 for i in named), 0]
                home = load_region_index().by_code.get(context.home)
                if home is not None and not any(
                    m.label == "Region" and m.region == context.home for m in mentions
                ):
                    # 来源：襄州区教育局 over a text that says only 区教育局 and
                    # 我区: the publisher's region is named by its name (decision
                    # 8), so the bureau, and the towns below, are located in it
                    mentions.insert(
                        1,
                        Mention(
                            doc_id,
                            0,
                            0,
                            home.name,
                            "Region",
                            home.name,
                            "region.metadata",
                            0,
                            context.home,
                            "reported",
                        ),
                    )
                    named = [i + 1 if i else 0 for i in named]
            publisher_index = named[0]
        doc._.kg_mentions = tuple(mentions)
        doc._.kg_publisher = publisher_index
        return doc

    return build


def _fullest_bureaus(
    mentions: list[Mention], publisher_full: str, rules: Rules
) -> tuple[list[Mention], str]:
    """Bureaus (and the publisher) named in the fullest form the report writes.

    市教委 stays 重庆市教委 unless the report also writes 重庆市教育委员会.
    """
    fuller = fullest_bureau_names(
        [m.name for m in mentions if m.label == "Bureau"]
        + ([publisher_full] if publisher_full else []),
        rules,
    )
    if not fuller:
        return mentions, publisher_full
    renamed = [
        replace(m, name=fuller[m.name])
        if m.label == "Bureau" and m.name in fuller
        else m
        for m in mentions
    ]
    return renamed, fuller.get(publisher_full, publisher_full)


def _ceremony_host_level(text, sentences, mentions, context, rules: Rules) -> str:
    """The level of the body that holds the report's commendation ceremony.

    西藏自治区教育厅…举行表彰大会 (provincial), 西四镇举行…表彰大会 (a town:
    "other"): the honours the report lists are that body's.
    """
    index = rules.regions
    words = rules.lexicon.ceremony_words
    for start, end in sentences:
        sentence = text[start:end]
        held = sentence.find("举行")
        if held < 0 or not any(w in sentence for w in words):
            continue
        hosts = [
            m
            for m in mentions
            if start <= m.start < start + held and m.label in ("Region", "Bureau")
        ]
        if not hosts:
            continue
        # The body that holds it, not the place it is held in (在拉萨举行).
        bureaus = [m for m in hosts if m.label == "Bureau"]
        host = max(bureaus or hosts, key=lambda m: m.start)
        code = host.region
        if host.label == "Bureau" and not code:
            continue
        if not code:
            return ""
        ref = index.by_code.get(code)
        if ref is None:
            return ""
        return level_of_region(code, index) if ref.level < 4 else "other"
    return ""


def _fullest_short_forms(mentions: list[Mention]) -> list[Mention]:
    """二中 and 县二中 in one report are one school, named in full (decision 11).

    A short form takes the name of the one longer short form of the report
    that ends with it after a level word (县, 市, 区).
    """
    shorts = {m.name for m in mentions if m.rule == "school.short-form"}
    out = []
    for m in mentions:
        if m.rule == "school.short-form":
            longer = {
                n for n in shorts if n.endswith(m.name) and n[: -len(m.name)] in _LEVELS
            }
            if len(longer) == 1:
                m = replace(m, name=longer.pop())
        out.append(m)
    return out


_LEVELS = frozenset("县市区")


def _programs_named_again_by_their_end(mentions: list[Mention]) -> list[Mention]:
    """开展幼小科学衔接攻坚行动，遴选A、B为攻坚行动试点园校: a program named
    again, later in its sentence, by the end of its name is that program.

    Only an end of four characters or more, and only when one program named
    before it in the sentence ends with it.
    """
    out: list[Mention] = []
    for m in mentions:
        if m.label == "Program" and len(m.name) >= _PROGRAM_END_MIN:
            fuller = {
                p.name
                for p in out
                if p.label == "Program"
                and p.sentence == m.sentence
                and p.end <= m.start
                and len(p.name) > len(m.name)
                and p.name.endswith(m.name)
            }
            if len(fuller) == 1:
                m = replace(m, name=fuller.pop())
        out.append(m)
    return out


#: The fewest characters of a program's end that name it again (攻坚行动).
_PROGRAM_END_MIN = 4


def _bracketed_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """翁牛特旗第一中学（以下简称旗一中）: the bracketed short form names the
    school before it, there and wherever the report uses it (decision 11)."""
    named: dict[str, str] = {}
    schools = [m for m in mentions if m.label == "School"]
    for before, short in itertools.pairwise(schools):
        if (
            _SHORT_FORM_OPENS.fullmatch(text, before.end, short.start)
            and _SHORT_FORM_CLOSES.match(text, short.end)
            and short.name != before.name
        ):
            named.setdefault(short.name, before.name)
    if not named:
        return mentions
    return [
        replace(m, name=named[m.name]) if m.label == "School" and m.name in named else m
        for m in mentions
    ]


_SHORT_FORM_OPENS = re.compile(r"[（(]\s*(?:以下)?(?:简称)?[：:]?[“\"]?")
_SHORT_FORM_CLOSES = re.compile(r"[”\"]?\s*[）)]")


@Language.factory("kg_relations_v1")
def make_relations(nlp: Language, name: str):
    """locatedIn, subRegionOf, receivedAward, implements, participatesIn."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        context: ReportContext = doc._.kg_context
        doc._.kg_relations = tuple(
            find_relations(
                text_of(doc),
                list(doc._.kg_mentions),
                doc._.kg_sentences,
                doc._.kg_statements,
                rules,
                context.home,
                doc._.kg_publisher,
                context.area_name,
            )
        )
        return doc

    return find


@Language.factory("kg_figures_v1")
def make_figures(nlp: Language, name: str):
    """Figures (新增学位2800个) as indicator observations."""
    rules = load_rules()

    def find(doc: Doc) -> Doc:
        meta = doc._.kg_meta
        doc._.kg_figures = tuple(
            find_figures(
                text_of(doc),
                doc._.kg_doc_id or "",
                doc._.kg_sentences,
                _planned(doc, rules),
                meta.year if meta else None,
            )
        )
        return doc

    return find
