"""Resolve stage: merge mentions from all reports into one entity per real thing.

Keys are deterministic: a Region is its division code; a Bureau its full
name; a School its name plus, when the name carries no region, the region it
was found in (two 实验小学 in different counties stay apart); other types
their normalized name. Abbreviation rules (``gazetteers/abbreviations.tsv``)
and level prefixes (省特级教师 = 特级教师) merge variants; every merge is
logged with its rule in :attr:`Resolution.merges`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import DataFileError
from .regions import RegionIndex, load_region_index
from .resources import load_lexicon, read_lines, read_table
from .types import (
    Entity,
    Evidence,
    Extraction,
    Figure,
    Indicator,
    ReportRecord,
    Resolution,
    ResolvedRelation,
)

__all__ = ["Overrides", "entity_key", "load_overrides", "normalize_name", "resolve"]

_STRIP = str.maketrans(dict.fromkeys(" \t\r\n\u3000“”\"'‘’《》〈〉「」『』【】"))
# Shorter stems (素质提升工程 / 素质提升计划) are shared by unrelated programs.
_MIN_PROGRAM_STEM = 6


@dataclass(frozen=True, slots=True)
class _Tables:
    """The words of the merge rules, read from ``kg/data``."""

    abbreviations: tuple[tuple[str, str], ...]  # (short, full) ending, longest first
    program_tails: tuple[tuple[str, str], ...]  # (long, short) ending, longest first
    program_words: tuple[str, ...]  # longest first
    school_level_marks: frozenset[str]
    level_prefix: re.Pattern[str]
    relative_bureau: re.Pattern[str]


def _longest_first(rows: Iterable[tuple[str, ...]]) -> tuple[tuple[str, str], ...]:
    # A stable sort: among endings of one length the file's order decides.
    return tuple(sorted(((a, b) for a, b in rows), key=lambda r: -len(r[0])))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, words))


@cache
def _merge_tables() -> _Tables:
    """Load the rule words once per process."""
    lexicon = load_lexicon()
    endings = sorted(lexicon.bureau_suffixes, key=len, reverse=True)
    endings += read_lines("lexicon/relative_bureau_endings.txt")
    return _Tables(
        abbreviations=_longest_first(read_table("gazetteers/abbreviations.tsv", 2)),
        program_tails=_longest_first(read_table("lexicon/program_name_tails.tsv", 2)),
        program_words=tuple(
            sorted(
                read_lines("lexicon/program_variant_words.txt"), key=len, reverse=True
            )
        ),
        school_level_marks=frozenset(read_lines("lexicon/school_level_marks.txt")),
        # The first level word listed wins (全国 before 国家), as written.
        level_prefix=re.compile(f"^(?:{_alternatives(lexicon.level_words)})"),
        relative_bureau=re.compile(
            "^(?:"
            + _alternatives(read_lines("lexicon/relative_bureau_levels.txt"))
            + f")?(?:{_alternatives(endings)})$"
        ),
    )


def _swap_ending(name: str, endings: tuple[tuple[str, str], ...]) -> str:
    for old, new in endings:
        if name.endswith(old) and not name.endswith(new):
            return name[: -len(old)] + new
    return name


def normalize_name(name: str) -> str:
    """NFKC-normalize a name and drop quotes and spaces.

    Example:
        >>> normalize_name("“双减”")
        '双减'
    """
    return unicodedata.normalize("NFKC", name).translate(_STRIP)


def entity_key(label: str, name: str, scope: str = "") -> str:
    """Return the deterministic key of an entity (sha1 of label, name, scope)."""
    raw = f"{label}\x1f{name}\x1f{scope}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Overrides:
    """A user's corrections to resolution, honoured by the next build.

    Attributes:
        merge: ``(type, name) -> target name``: mentions named ``name`` become
            the entity named ``target`` (its canonical name).
        drop: ``(type, name)`` pairs whose entities (and their relations) are
            removed from the graph.
    """

    merge: dict[tuple[str, str], str] = field(default_factory=dict)
    drop: frozenset[tuple[str, str]] = frozenset()


def load_overrides(path: Path) -> Overrides:
    """Read an overrides file: ``action<TAB>type<TAB>name[<TAB>target]`` per line.

    ``merge School 北仑职高 北仑职业高级中学`` makes both one entity named by
    the target; ``drop Award 劳育实验区`` removes an entity. Blank lines and
    ``#`` comments are ignored.

    Raises:
        DataFileError: a line has an unknown action or too few columns.
    """
    merge: dict[tuple[str, str], str] = {}
    drop: set[tuple[str, str]] = set()
    for number, line in enumerate(
        Path(path).read_text(encoding="utf-8").splitlines(), 1
    ):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if fields[0] == "merge" and len(fields) >= 4 and fields[3]:
            merge[(fields[1], normalize_name(fields[2]))] = normalize_name(fields[3])
        elif fields[0] == "drop" and len(fields) >= 3:
            drop.add((fields[1], normalize_name(fields[2])))
        else:
            raise DataFileError(
                str(path),
                number,
                "expected 'merge TYPE NAME TARGET' or 'drop TYPE NAME'",
            )
    return Overrides(merge, frozenset(drop))


_LEVEL_ORDER = ("national", "provincial", "city", "county", "other")


def _award_level(votes: Counter[str]) -> str:
    """The level most mentions state; a tie goes to the higher body."""
    if not votes:
        return "other"
    return min(votes, key=lambda lv: (-votes[lv], _LEVEL_ORDER.index(lv)))


def resolve(
    extractions: Iterable[Extraction], overrides: Overrides | None = None
) -> Resolution:
    """Merge the extractions of a corpus into entities and relations.

    Args:
        extractions: one per report, in any order.
        overrides: user corrections (see :func:`load_overrides`).

    Returns:
        The resolution; entities, relations and reports sorted by key, so
        the result does not depend on the order of ``extractions``.
    """
    overrides = overrides or Overrides()
    region_index = load_region_index()
    extractions = sorted(extractions, key=lambda e: e.doc.doc_id)
    tables = _merge_tables()
    forms: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    regions: dict[str, str] = {}
    levels: dict[str, int] = {}
    award_levels: dict[str, Counter[str]] = defaultdict(Counter)
    evidence: dict[str, set[Evidence]] = defaultdict(set)
    rel_evidence: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    merges: list[dict] = []
    reports: list[ReportRecord] = []
    indicators: list[tuple[Figure, str | None, Evidence]] = []

    for ex in extractions:
        school_keys = _school_keys(ex, region_index)
        region_levels: dict[str, int] = {}
        for r in ex.regions:  # a code listed twice: its first entry counts
            region_levels.setdefault(r.code, r.level)
        keys = []
        for i, m in enumerate(ex.mentions):
            name = normalize_name(m.name)
            if m.label == "Program":
                name = _swap_ending(name, tables.program_tails)
            if (m.label, name) in overrides.merge:
                target = overrides.merge[(m.label, name)]
                merges.append(
                    {
                        "into": target,
                        "from": name,
                        "forms": [m.text],
                        "rule": "override-merge",
                    }
                )
                name = target
            if m.label == "Region" and m.region:
                key = f"region-{m.region}"
                levels[key] = region_levels.get(m.region, 0)
            elif m.label == "School":
                key_name, scope = school_keys[i]
                key_name = _swap_ending(key_name, tables.abbreviations)
                key = entity_key("School", key_name, scope)
            elif m.label == "Award":
                # 优秀教师 of a county and of a province are two honours.
                key = entity_key(m.label, name, m.award_level)
            else:
                key = entity_key(m.label, name)
            keys.append(key)
            labels[key] = m.label
            names[key].add(name)
            surface = normalize_name(m.text) or name
            # A fragment an elliptical honour was rebuilt from (…、学前教育普及
            # 普惠区) names no honour on its own: it stays on the mention only.
            if not (m.label == "Award" and surface != name and name.endswith(surface)):
                forms[key].add(surface)
            if m.region:
                regions.setdefault(key, m.region)
            if m.award_level:
                award_levels[key][m.award_level] += 1
            s_start, s_end = ex.sentences[m.sentence] if ex.sentences else (0, 0)
            evidence[key].add(
                Evidence(
                    ex.doc.doc_id,
                    ex.doc.source,
                    ex.doc.text[s_start:s_end],
                    m.start,
                    m.end,
                    m.rule,
                    m.status,
                    m.text,
                )
            )
        for rel in ex.relations:
            head, tail = ex.mentions[rel.head], ex.mentions[rel.tail]
            s_start, s_end = ex.sentences[rel.sentence] if ex.sentences else (0, 0)
            # The span covers the arguments written in the evidence sentence;
            # one may stand elsewhere (the publisher, a region named earlier).
            inside = [
                (m.start, m.end)
                for m in (head, tail)
                if s_start <= m.start and m.end <= s_end and m.end > m.start
            ]
            start = min((a for a, _ in inside), default=s_start)
            end = max((b for _, b in inside), default=s_end)
            rel_evidence[(keys[rel.head], rel.predicate, keys[rel.tail])].add(
                Evidence(
                    ex.doc.doc_id,
                    ex.doc.source,
                    ex.doc.text[s_start:s_end],
                    start,
                    end,
                    rel.rule,
                    rel.status,
                )
            )
        publisher = keys[ex.publisher] if ex.publisher is not None else None
        region_before = _region_before(ex, keys)
        for fig in ex.figures:
            s_start, s_end = ex.sentences[fig.sentence] if ex.sentences else (0, 0)
            ev = Evidence(
                ex.doc.doc_id,
                ex.doc.source,
                ex.doc.text[s_start:s_end],
                fig.start,
                fig.end,
                "figure.number-unit",
                fig.status,
                fig.text,
            )
            indicators.append((fig, publisher or region_before(fig.start), ev))
        meta = ex.doc.meta
        reports.append(
            ReportRecord(
                ex.doc.doc_id,
                ex.doc.source,
                meta.title,
                publisher,
                meta.issued,
                meta.year,
                meta.is_plan,
                tuple(sorted(set(keys))),
            )
        )

    # Level-prefixed variants (省特级教师 / 特级教师) name one honour. An
    # honour's bare name (优秀教师) is shared by every body that confers one,
    # so only a report that writes both forms says they are the same honour.
    redirect: dict[str, str] = {}
    docs = {k: {ev.doc_id for ev in evidence[k]} for k in names}
    prefixed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in sorted(names):
        if labels[key] in ("Award", "Program"):
            for n in names[key]:
                bare = tables.level_prefix.sub("", n)
                if bare != n:
                    prefixed[(labels[key], bare)].add(key)
    for key in sorted(names):
        if labels[key] not in ("Award", "Program"):
            continue
        for name in sorted(names[key]):
            if tables.level_prefix.match(name):
                continue
            longer = sorted(
                k
                for k in prefixed.get((labels[key], name), ())
                if k != key and (labels[key] == "Program" or docs[k] & docs[key])
            )
            if len(longer) == 1:
                redirect[key] = longer[0]
                merges.append(
                    {
                        "into": longer[0],
                        "from": key,
                        "forms": sorted(forms[key]),
                        "rule": "level-prefix-variant",
                    }
                )
                break

    # X工程 / X项目 / X计划 with one long stem name one program (义务教育薄弱
    # 环节改善与能力提升工程 is also called …项目).
    stems: dict[str, list[str]] = defaultdict(list)
    for key in sorted(names):
        if labels[key] == "Program" and key not in redirect:
            for name in sorted(names[key]):
                word = next((w for w in tables.program_words if name.endswith(w)), "")
                stem = name[: len(name) - len(word)]
                if word and len(stem) >= _MIN_PROGRAM_STEM:
                    stems[stem].append(key)
                    break
    for _stem, keys in sorted(stems.items()):
        target = keys[0]
        for key in keys[1:]:
            if key != target:
                redirect[key] = target
                merges.append(
                    {
                        "into": target,
                        "from": key,
                        "forms": sorted(forms[key]),
                        "rule": "program-suffix-variant",
                    }
                )

    def final(key: str) -> str:
        while key in redirect:
            key = redirect[key]
        return key

    merged_forms: dict[str, set[str]] = defaultdict(set)
    merged_names: dict[str, set[str]] = defaultdict(set)
    merged_evidence: dict[str, set[Evidence]] = defaultdict(set)
    merged_levels: dict[str, Counter[str]] = defaultdict(Counter)
    for key in names:
        target = final(key)
        merged_levels[target].update(award_levels.get(key, Counter()))
        merged_forms[target] |= forms[key] | names[key]
        merged_names[target] |= names[key]
        merged_evidence[target] |= evidence[key]
        if key in regions:
            regions.setdefault(target, regions[key])

    entities = []
    for key in sorted(merged_names):
        canonical = max(sorted(merged_names[key]), key=len)
        # Context-relative forms (区教育局) name a different bureau in each
        # report: they stay on the mentions (edu:surfaceForm), not as aliases.
        aliases = tuple(
            sorted(
                f
                for f in merged_forms[key] - {canonical}
                if not (labels[key] == "Bureau" and tables.relative_bureau.match(f))
            )
        )
        if len(merged_forms[key]) > 1:
            merges.append(
                {
                    "into": key,
                    "canonical": canonical,
                    "forms": sorted(merged_forms[key]),
                    "rule": "same-key",
                }
            )
        entities.append(
            Entity(
                key,
                labels[key],
                canonical,
                aliases,
                regions.get(key, ""),
                levels.get(key, 0),
                tuple(sorted(merged_evidence[key], key=_evidence_order)),
                _award_level(merged_levels[key]) if labels[key] == "Award" else "",
            )
        )
    dropped = {e.key for e in entities if (e.label, e.name) in overrides.drop}
    for e in entities:
        if e.key in dropped:
            merges.append(
                {
                    "into": "",
                    "from": e.key,
                    "forms": [e.name, *e.aliases],
                    "rule": "override-drop",
                }
            )
    entities = [e for e in entities if e.key not in dropped]
    relations = []
    grouped: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    for (s, p, o), ev in rel_evidence.items():
        grouped[(final(s), p, final(o))] |= ev
    for s, p, o in sorted(grouped):
        if s == o or s in dropped or o in dropped:
            continue
        relations.append(
            ResolvedRelation(
                s, p, o, tuple(sorted(grouped[(s, p, o)], key=_evidence_order))
            )
        )
    reports = [
        ReportRecord(
            r.doc_id,
            r.source,
            r.title,
            final(r.publisher)
            if r.publisher and final(r.publisher) not in dropped
            else None,
            r.issued,
            r.year,
            r.is_plan,
            tuple(sorted({final(k) for k in r.mentions} - dropped)),
        )
        for r in sorted(reports, key=lambda r: r.doc_id)
    ]
    unique = {json.dumps(m, ensure_ascii=False, sort_keys=True): m for m in merges}
    merges = [unique[k] for k in sorted(unique)]
    resolved_indicators = tuple(
        Indicator(
            key=entity_key("Indicator", fig.doc_id, f"{fig.start}:{fig.end}"),
            measure=fig.measure,
            quantity=fig.quantity,
            unit=fig.unit,
            approximate=fig.approximate,
            year=fig.year,
            subject=final(subject)
            if subject and final(subject) not in dropped
            else None,
            evidence=ev,
        )
        for fig, subject, ev in sorted(
            indicators, key=lambda t: (t[0].doc_id, t[0].start)
        )
    )
    return Resolution(
        tuple(entities),
        tuple(relations),
        tuple(reports),
        tuple(merges),
        resolved_indicators,
    )


def _region_before(ex: Extraction, keys: list[str]) -> Callable[[int], str | None]:
    """Key of the last county-or-larger region named before an offset.

    Mentions are scanned in order up to the first one that starts after the
    offset; a running maximum of starts finds that one by bisection, so a
    report's figures cost a look-up each, not a scan.
    """
    reach: list[int] = []
    last: list[str | None] = []
    high, best = -1, None
    for m, key in zip(ex.mentions, keys, strict=True):
        high = max(high, m.start)
        if m.label == "Region" and m.region and len(m.region) == 6:
            best = key
        reach.append(high)
        last.append(best)

    def lookup(offset: int) -> str | None:
        seen = bisect_right(reach, offset)
        return last[seen - 1] if seen else None

    return lookup


def _evidence_order(ev: Evidence) -> tuple:
    return (ev.doc_id, ev.start, ev.end, ev.rule, ev.status, ev.sentence)


def _school_keys(ex: Extraction, index: RegionIndex) -> dict[int, tuple[str, str]]:
    """Key name and region scope of each school mention.

    A leading region chain is moved from the name into the scope, so
    重庆市大足区北山中学 and 北山中学 (in a 大足区 report) get one key, while
    two 实验小学 in different counties keep two. 旗实验高中 in a 旗's own
    report drops the bare level character the same way.
    """
    # A region name shared by several divisions (新华区) carries no code:
    # it cannot scope a school.
    located = {
        rel.head: ex.mentions[rel.tail].region
        for rel in ex.relations
        if rel.predicate == "locatedIn" and ex.mentions[rel.tail].region
    }
    regions = {m.start: m for m in ex.mentions if m.label == "Region" and m.region}
    starts = sorted(regions)
    marks = _merge_tables().school_level_marks
    out: dict[int, tuple[str, str]] = {}
    for i, m in enumerate(ex.mentions):
        if m.label != "School":
            continue
        name = normalize_name(m.name)
        pos, chain = m.start, []
        while pos in regions and regions[pos].end <= m.end and m.text == m.name:
            chain.append(regions[pos].region)
            pos = regions[pos].end
        first = bisect_left(starts, m.start)
        named = first < len(starts) and starts[first] < m.end
        stripped = name[pos - m.start :] if chain else name
        if chain:
            scope = max(chain, key=lambda c: index.by_code[c].level)
        elif not named and i in located:
            scope = located[i]
            if name[:1] in marks and name[:1] == index.by_code[scope].name[-1:]:
                stripped = name[1:]
        else:
            scope = ""
        if len(stripped) < 2:
            stripped = name
        out[i] = (stripped, scope)
    # Mentions of one school name in one report share a scope.
    by_name: dict[str, str] = {}
    for i in sorted(out):
        if out[i][1]:
            by_name.setdefault(ex.mentions[i].name, out[i][1])
    for i, (stripped, scope) in out.items():
        if not scope and ex.mentions[i].name in by_name:
            out[i] = (stripped, by_name[ex.mentions[i].name])
    return out
