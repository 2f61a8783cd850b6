"""Extract stage: a cleaned report → entity and relation mentions with evidence.

``build_nlp()`` makes a blank spaCy ``zh`` pipeline whose tokenizer is a
private jieba instance (user words generated from the gazetteers), with a
sentencizer and a SpanRuler fed with gazetteer patterns. ``extract()`` runs
it and the rule finders over one document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..types import Document, Extraction, Mention, RegionRef
from .entities import (
    Candidate,
    TextView,
    dominant_region,
    find_mentions,
    find_unresolved_area,
)
from .figures import find_figures
from .levels import award_level, conferring_levels, level_of_region, level_of_word
from .relations import find_relations
from .rules import Rules, load_rules
from .script import simplified_shadow
from .segment import JiebaTokenizer

__all__ = ["build_nlp", "extract"]

_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、])"
)


def build_nlp(rules: Rules | None = None) -> Language:
    """Build the spaCy pipeline used by :func:`extract`.

    Args:
        rules: compiled rule tables; loaded from ``kg/data`` when omitted.

    Returns:
        A blank ``zh`` pipeline: jieba tokenizer (own instance), sentencizer
        and a ``span_ruler`` whose phrase patterns come from the gazetteers.
    """
    import spacy

    rules = rules or load_rules()
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, rules.user_words())
    nlp.add_pipe(
        "sentencizer", config={"punct_chars": ["。", "！", "？", "；", "!", "?", ";"]}
    )
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_key": "gazetteer", "phrase_matcher_attr": "ORTH"}
    )
    patterns = [
        {"label": "School", "pattern": alias, "id": f"school.alias:{full}"}
        for alias, full in sorted(rules.lexicon.school_aliases.items())
    ] + [
        {"label": "Program", "pattern": name, "id": f"program.gazetteer:{canonical}"}
        for name, canonical in sorted(rules.lexicon.programs.items())
    ]
    ruler.initialize(lambda: [], patterns=patterns)
    return nlp


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split on Chinese sentence punctuation and line breaks, keeping offsets."""
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            out.append((start + lead, end))
        start = match.end()
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append((start + lead, len(text)))
    return tuple(out)


def _plan_flags(
    text: str, sentences: tuple[tuple[int, int], ...], rules: Rules, whole_plan: bool
) -> list[bool]:
    """Mark each sentence planned (True) or reported (False)."""
    lex = rules.lexicon
    flags = []
    in_plan = whole_plan
    for start, end in sentences:
        sentence = text[start:end]
        is_heading = len(sentence) < 40 and (
            _HEADING.match(sentence) or "\n" in text[end : end + 1]
        )
        if is_heading and any(m in sentence for m in lex.plan_section_markers):
            in_plan = True
        elif is_heading and any(m in sentence for m in lex.summary_section_markers):
            in_plan = False
        modal = any(m in sentence for m in lex.plan_markers)
        flags.append(in_plan or modal)
    return flags


def extract(doc: Document, nlp: Language, rules: Rules | None = None) -> Extraction:
    """Extract entity and relation mentions from one document.

    Args:
        doc: a cleaned report from :func:`kg.ingest.read_documents`.
        nlp: the pipeline from :func:`build_nlp`.
        rules: compiled rule tables (defaults to the bundled ones).

    Returns:
        The document's :class:`~kg.types.Extraction`.
    """
    rules = rules or load_rules()
    index = rules.regions
    original = doc.text
    # Rules read simplified characters; names are cut from the original.
    text = simplified_shadow(original)
    if text is not original:
        doc = replace(doc, text=text)
    sdoc = nlp(text)
    view = _view(text, sdoc, nlp)
    publisher_name = simplified_shadow((doc.meta.publisher_name or "").strip())
    if publisher_name and not _is_bureau_name(publisher_name, rules):
        # 来源：某区政数局, 根据教育部: not the name of an education body.
        publisher_name = ""
    # Regions named by the publisher seed the context of short forms.
    pub_view = _plain_view(publisher_name, nlp)
    _, pub_regions, _ = (
        find_mentions(pub_view, rules, set()) if publisher_name else ([], [], [])
    )
    seed = {r.region for r in pub_regions}
    candidates, regions, statements = find_mentions(view, rules, seed)
    if not publisher_name:
        publisher_name = _own_bureau(text, candidates, regions, index, rules)
        if publisher_name:
            pub_view = _plain_view(publisher_name, nlp)
            _, pub_regions, _ = find_mentions(pub_view, rules, seed)

    level_char = _bureau_level_char(publisher_name, rules)
    home = pub_regions[-1].region if pub_regions else ""
    if not home and publisher_name and level_char:
        home = dominant_region(regions, index, level_char)
    # The publisher's own region names it; an area read from the text only
    # locates the schools (a masked XX区教育局 is not its city's bureau).
    pub_home = home
    if not home:
        # GUIDELINES decision 12: the area a report is about, even when no
        # bureau signs it, locates the schools it lists.
        home = _report_area(text, regions, index)
        if (
            level_char
            and home
            and level_of_region(home, index) != level_of_word(level_char, rules)
        ):
            pub_home = ""
        else:
            pub_home = home
    area_name = ""
    if not home:
        unresolved = find_unresolved_area(text, rules, regions)
        if unresolved:
            regions = sorted([*regions, *unresolved], key=lambda c: c.start)
            area_name = unresolved[0].name
            candidates = _extend_bureaus(candidates, unresolved)

    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    planned = _plan_flags(text, sentences, rules, doc.meta.is_plan)

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    named = seed | {r.region for r in regions}
    home_level = level_of_region(home, index) if home else ""
    if not home_level:
        # 县教育局 / 郊区 with no division: the level its name states.
        home_level = level_of_word(
            _bureau_level_char(publisher_name, rules) or area_name[-1:], rules
        )
    municipal = bool(home) and _in_municipality(home, index)
    if not municipal:
        municipal = any(
            r.region
            and index.by_code[r.region].level == 1
            and index.by_code[r.region].name.endswith("市")
            for r in regions
        )
    county_city = bool(home) and (
        index.by_code[home].level == 3 and index.by_code[home].name.endswith("市")
    )
    conferrers = conferring_levels(text, statements, rules, county_city)
    publisher_full = (
        _bureau_name(publisher_name, pub_home, index, rules) if publisher_name else ""
    )
    mentions: list[Mention] = []
    kept: list[Candidate] = []
    for cand in sorted(
        [*candidates, *regions], key=lambda c: (c.start, c.end, c.label)
    ):
        name, region = cand.name, cand.region
        if cand.label == "Bureau":
            name, region = _resolve_bureau(
                cand, publisher_name, publisher_full, home, index, rules, named
            )
        elif cand.label == "Region":
            region = cand.region
        sent = sentence_of(cand.start)
        status = "planned" if planned[sent] else "reported"
        level = ""
        if cand.label == "Award":
            level = award_level(
                name,
                rules,
                context_level=cand.level or conferrers.get(cand.end, "") or home_level,
                municipal=municipal,
            )
        if original is not text and cand.label != "Region":
            name = _as_written(name, cand.start, cand.end, text, original)
        mentions.append(
            Mention(
                doc.doc_id,
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
        kept.append(cand)
    publisher_index = None
    if publisher_full:
        for i, m in enumerate(mentions):
            if m.label == "Bureau" and m.name == publisher_full:
                publisher_index = i
                break
        else:
            # The publisher is named only in the metadata: record a mention
            # at offset 0 with the rule that says so.
            mentions.insert(
                0,
                Mention(
                    doc.doc_id,
                    0,
                    0,
                    publisher_name,
                    "Bureau",
                    publisher_full,
                    "bureau.metadata",
                    0,
                    home,
                    "reported",
                ),
            )
            publisher_index = 0
    relations = find_relations(
        doc, mentions, sentences, statements, rules, home, publisher_index, area_name
    )
    region_refs = tuple(
        sorted(
            {
                index.by_code[m.region]
                for m in mentions
                if m.label == "Region" and m.region
            },
            key=lambda r: r.code,
        )
    )
    figures = find_figures(text, doc.doc_id, sentences, planned, doc.meta.year)
    if original is not text:
        doc = replace(doc, text=original)
    return Extraction(
        doc=doc,
        figures=tuple(figures),
        home_region=home,
        sentences=sentences,
        mentions=tuple(mentions),
        relations=tuple(relations),
        publisher=publisher_index,
        regions=region_refs,
    )


_FIRST_PERSON = re.compile(r"我局|本局")
_ADDRESS = re.compile(r"同志们|各位代表|各位领导")
_OWN_AREA = re.compile(r"我[省市区县旗州]")
_AREA_WORDS = re.compile(r"(?:我|全|本)([省市区县旗州])")
_SIGNATURE_LINES = 8


def _own_bureau(text, candidates, regions, index, rules: Rules) -> str:
    """The bureau whose own text this is, when no metadata names it.

    GUIDELINES decision 13: a closing signature, the bureau that opens the
    text as its subject, or a first-person summary (我局, 全市教育系统) of
    the area the report is about.
    """
    bureaus = [c for c in candidates if c.label == "Bureau"]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines[-_SIGNATURE_LINES:]:
        if len(line) <= 25 and rules.bureau_ending(line) and line[0] not in "市区县省":
            return line
    words = _AREA_WORDS.findall(text)
    for cand in bureaus:
        if cand.start > 300:
            break
        if not cand.region or text[cand.end : cand.end + 2] in ("关于", "的"):
            continue
        suffix = rules.bureau_ending(cand.name)
        level_char = _bureau_level_char(cand.name, rules)
        own = (
            text.count(cand.name)
            + text.count(level_char + suffix)
            - (cand.name.endswith(level_char + suffix) * text.count(cand.name))
        )
        # A bureau that opens the text and comes back, or speaks as 我局/我县.
        if own >= 2 or _FIRST_PERSON.search(text):
            return cand.name
    own_area = len(_OWN_AREA.findall(text))
    # A speech to the area's own staff (同志们：… 我们 … 我市) is the bureau's.
    speech = bool(_ADDRESS.search(text[:200])) and "我们" in text
    if _FIRST_PERSON.search(text) or own_area >= 2 or (own_area and speech):
        level_char = max(sorted(set(words)), key=words.count) if words else ""
        area = dominant_region(regions, index, level_char) if regions else ""
        if area:
            return _region_prefix(area, index) + "教育局"
    return ""


def _extend_bureaus(candidates, area: list) -> list:
    """郊区教育局: a bureau whose name starts with the area's name.

    The bureau finder read the area's last character as a level character
    (区教育局) or stopped at its end (教育局): the area's name completes it.
    """
    ends = {r.end: r for r in area}
    out = []
    for cand in candidates:
        if cand.label == "Bureau":
            for region in (ends.get(cand.start), ends.get(cand.start + 1)):
                if region is not None:
                    overlap = region.end - cand.start
                    cand = replace(
                        cand,
                        start=region.start,
                        name=region.name + cand.name[overlap:],
                    )
                    break
        out.append(cand)
    return out


def _is_bureau_name(name: str, rules: Rules) -> bool:
    """区教育局, XX区教育局, 福建省教育厅: an ending after a region or level."""
    suffix = rules.bureau_ending(name)
    if not suffix:
        return False
    head = name[: -len(suffix)]
    if not head or head[-1] in "省市区县旗州盟":
        return True
    match = rules.region_pattern.match(head)
    return bool(match) and match.end() == len(head)


def _report_area(text: str, regions, index) -> str:
    """The region a report is about: its most-named county or city."""
    words = _AREA_WORDS.findall(text)
    level_char = max(sorted(set(words)), key=words.count) if words else ""
    counts = {}
    for r in regions:
        counts[r.region] = counts.get(r.region, 0) + 1
    area = dominant_region(regions, index, level_char) if regions else ""
    if not area and level_char:
        # 我区 of a masked district (XX区): its city, the most-named place
        # (decision 26).
        area = dominant_region(regions, index, "")
    if not area or counts.get(area, 0) < 2:
        return ""
    return area


def _as_written(name: str, start: int, end: int, shadow: str, original: str) -> str:
    """The name as the original script writes it (貴州省教育廳, not 贵州省教育厅)."""
    at = shadow.find(name, start, end) if name else -1
    if at < 0:
        return name
    return original[at : at + len(name)]


def _in_municipality(code: str, index) -> bool:
    """True when ``code`` lies in 北京/上海/天津/重庆 (a province-level 市)."""
    top = ([code, *index.ancestors(code)])[-1]
    ref = index.by_code.get(top)
    return ref is not None and ref.level == 1 and ref.name.endswith("市")


def _view(text: str, sdoc: Doc, nlp: Language) -> TextView:
    # Token offsets as arrays: creating a Token object per token costs more
    # than the segmentation itself.
    starts = sdoc.to_array("IDX").tolist() if len(sdoc) else []
    lengths = sdoc.to_array("LENGTH").tolist() if len(sdoc) else []
    ends = [a + n for a, n in zip(starts, lengths, strict=True)]
    tokens = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    return TextView(text, starts, ends, tokens, nlp.tokenizer.word_tags)


def _plain_view(text: str, nlp: Language) -> TextView:
    return _view(text, nlp.tokenizer(text), nlp)


def _bureau_level_char(name: str, rules: Rules) -> str:
    suffix = rules.bureau_ending(name)
    head = name[: -len(suffix)] if suffix else ""
    return head[-1] if head and head[-1] in "省市区县旗州盟" else ""


def _bureau_name(surface: str, home: str, index, rules: Rules) -> str:
    """The fullest name of a bureau: region path + suffix (宁波市北仑区教育局)."""
    suffix = rules.bureau_ending(surface)
    if not suffix or not home:
        return surface
    return _region_prefix(home, index) + _full_suffix(suffix, rules)


def _full_suffix(suffix: str, rules: Rules) -> str:
    """教委 → 教育委员会: canonical names use the full ending."""
    return rules.lexicon.bureau_suffix_aliases.get(suffix, suffix)


def _region_prefix(code: str, index) -> str:
    ref: RegionRef = index.by_code[code]
    if ref.level == 3 and ref.parent:
        return index.by_code[ref.parent].name + ref.name
    return ref.name


def _resolve_bureau(
    cand: Candidate,
    publisher_name: str,
    publisher_full: str,
    home: str,
    index,
    rules: Rules,
    named: set[str],
) -> tuple[str, str]:
    """Expand a bureau mention to its fullest name, using the report's context."""
    surface = cand.name
    suffix = rules.bureau_ending(surface)
    if cand.region:
        return _region_prefix(cand.region, index) + _full_suffix(
            suffix, rules
        ), cand.region
    head = surface[: -len(suffix)] if suffix else surface
    if suffix in ("教育部",) or not suffix:
        return surface, ""
    # 区教育局 / 教体局 in a district bureau's own report is that bureau (省教育厅
    # in a report of 省政府教育督导办公室 is not: another body of the same area).
    same_body = _full_suffix(suffix, rules) == _full_suffix(
        rules.bureau_ending(publisher_name), rules
    )
    if (
        publisher_full
        and same_body
        and head in ("", _bureau_level_char(publisher_name, rules))
    ):
        return publisher_full, home
    if home and head in ("省", "市", "州", "盟", "自治区", "自治州"):
        # 市教育局 in a district's report is the bureau of the district's city
        # (of the municipality itself under 北京/上海/天津/重庆).
        target = {"省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "自治州": 2}[head]
        for code in (home, *index.ancestors(home)):
            ref = index.by_code[code]
            level = (
                2
                if head == "市" and ref.level == 1 and ref.name.endswith("市")
                else ref.level
            )
            if level == target and code in named:
                return _region_prefix(code, index) + _full_suffix(suffix, rules), code
    return surface, ""
