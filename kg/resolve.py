"""Resolve stage: merge mentions from all reports into one entity per real thing.

Resolution applies small merge rules in a fixed order. Each returns typed
:class:`~kg.types.MergeRecord` s naming the rule; they become the rows of
:attr:`Resolution.merges`, the audit log ``resolution.jsonl``.

1. **Key rules** give each mention a deterministic key; mentions with one key
   are one entity. A name is normalized (:func:`normalize_name`), a program
   loses its project tail (:func:`strip_program_tail`), and the user's
   overrides rename it (:func:`rename_by_override`, ``override-merge``). Then
   a Region is its division code (:func:`key_region`); a School its name,
   abbreviations expanded, scoped by the region it is in when the name
   carries none, by its county when the name's town opens a name of its own
   (:func:`school_scopes`, :func:`key_school`); an Award its
   name and conferring level (:func:`key_award`); anything else its name.
2. **Entity rules** merge whole keys, in this order, so that a key merged by
   the first rule is not offered to the second:
   :func:`merge_level_prefixed_variants` (``level-prefix-variant``), then
   :func:`merge_program_stem_variants` (``program-suffix-variant``).
3. **Entities**: the forms that ended up under one key make one entity
   (:func:`merge_same_key_forms`, ``same-key``); the overrides then drop
   entities (:func:`drop_overridden_entities`, ``override-drop``).
4. **Relations** join on the merged keys; an entity keeps only the most
   specific of the regions it is located in (decision 5: the others are
   above it, as ``withinRegion`` says).

Each rule reads dict indexes built in one pass, never compares all pairs, so
resolution time grows linearly with the corpus. The words the rules use are
data files in ``kg/data`` (:func:`_merge_tables` lists them).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from .errors import DataFileError
from .regions import RegionIndex, divisions_of_level, load_region_index
from .resources import load_lexicon, read_lines, read_table
from .types import (
    Entity,
    Evidence,
    Extraction,
    Figure,
    Indicator,
    Mention,
    MergeRecord,
    RelationMention,
    ReportRecord,
    Resolution,
    ResolvedRelation,
)

__all__ = ["Overrides", "entity_key", "load_overrides", "normalize_name", "resolve"]

_STRIP = str.maketrans(dict.fromkeys(" \t\r\n\u3000“”\"'‘’《》〈〉「」『』【】"))
# Shorter stems (素质提升工程 / 素质提升计划) are shared by unrelated programs.
_MIN_PROGRAM_STEM = 6
_LEVEL_ORDER = ("national", "provincial", "city", "county", "other")


# ------------------------------------------------------------ rule tables


@dataclass(frozen=True, slots=True)
class _Tables:
    """The words of the merge rules, read from ``kg/data``."""

    abbreviations: tuple[tuple[str, str], ...]  # (short, full) ending, longest first
    program_tails: tuple[tuple[str, str], ...]  # (long, short) ending, longest first
    program_words: tuple[str, ...]  # longest first
    school_level_marks: frozenset[str]
    level_prefix: re.Pattern[str]
    relative_bureau: re.Pattern[str]  # group "level": the level word, if any


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
            "^(?P<level>"
            + _alternatives(
                sorted(lexicon.relative_bureau_levels, key=len, reverse=True)
            )
            + f")?(?:{_alternatives(endings)})$"
        ),
    )


def _swap_ending(name: str, endings: tuple[tuple[str, str], ...]) -> str:
    for old, new in endings:
        if name.endswith(old) and not name.endswith(new):
            return name[: -len(old)] + new
    return name


# ------------------------------------------------------------ names and keys


@lru_cache(maxsize=1 << 17)  # names repeat across a corpus's mentions
def normalize_name(name: str) -> str:
    """NFKC-normalize a name and drop quotes and spaces.

    Example:
        >>> normalize_name("“双减”")
        '双减'
    """
    return unicodedata.normalize("NFKC", name).translate(_STRIP)


@lru_cache(maxsize=1 << 17)
def entity_key(label: str, name: str, scope: str = "") -> str:
    """Return the deterministic key of an entity (sha1 of label, name, scope)."""
    raw = f"{label}\x1f{name}\x1f{scope}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def strip_program_tail(name: str) -> str:
    """Key rule: a program written with a project tail is the program itself.

    中小学生品格提升工程建设项目 is what 中小学生品格提升工程 builds: reports
    use both for one program (``lexicon/program_name_tails.tsv``).

    Example:
        >>> strip_program_tail("中小学生品格提升工程建设项目")
        '中小学生品格提升工程'
    """
    return _swap_ending(name, _merge_tables().program_tails)


def rename_by_override(
    label: str, name: str, text: str, merges: Mapping[tuple[str, str], str]
) -> tuple[str, MergeRecord | None]:
    """Key rule ``override-merge``: the user's overrides file renames a mention.

    ``merge School 北仑职高 北仑职业高级中学`` makes 北仑职高 one entity with
    北仑职业高级中学 where no table says they are the same.

    Args:
        label: the mention's class.
        name: its normalized name.
        text: its surface form, for the record.
        merges: :attr:`Overrides.merge`.

    Returns:
        The name to key the mention by, and the record if it was renamed.
    """
    target = merges.get((label, name))
    if target is None:
        return name, None
    return target, MergeRecord("override-merge", target, (text,), source=name)


def key_region(code: str) -> str:
    """Key rule: a Region is its division code, whatever it is called.

    北仑 and 北仑区 both carry 330206: one region.

    Example:
        >>> key_region("330206")
        'region-330206'
    """
    return f"region-{code}"


def key_school(name: str, scope: str) -> str:
    """Key rule: a School is its name with abbreviations expanded, in its scope.

    肃州职高 and 肃州职业高级中学 are one school (``abbreviations.tsv``); the
    scope (from :func:`school_scopes`) keeps two 实验小学 of two counties apart.

    Example:
        >>> key_school("肃州职高", "620902") == key_school("肃州职业高级中学", "620902")
        True
    """
    return entity_key(
        "School", _swap_ending(name, _merge_tables().abbreviations), scope
    )


#: The ministry: one bureau, though its name is a bare bureau ending.
_NATIONAL_BUREAUS = frozenset({"教育部"})


def key_relative_bureau(
    name: str, home: str, doc_id: str, index: RegionIndex
) -> str | None:
    """Key rule: 省教育厅 in a 江苏 report and in a 湖北 report are two bureaus.

    A bureau named by level and kind alone (省教育厅, 自治区教育厅, 市教委,
    教育局), which the report's context could not name in full, is keyed in
    the division of its level that holds the report's region, or in its
    report when that region is unknown; one name would make every
    province's 省教育厅 one node.

    Args:
        name: the bureau's normalized name.
        home: the division code of the report's region, or "".
        doc_id: the report's id.
        index: the division list.

    Returns:
        The key, or None when the name is no context-relative form.

    Example:
        >>> from kg.regions import load_region_index
        >>> index = load_region_index()
        >>> jiangsu = key_relative_bureau("省教育厅", "320613", "a", index)
        >>> jiangsu == key_relative_bureau("省教育厅", "320282", "b", index)
        True
        >>> jiangsu == key_relative_bureau("省教育厅", "420602", "c", index)
        False
    """
    found = _merge_tables().relative_bureau.match(name)
    if found is None or name in _NATIONAL_BUREAUS:
        return None
    scope = next(divisions_of_level(home, found["level"] or "", index), "")
    return entity_key("Bureau", name, scope or f"report {doc_id}")


def key_award(name: str, level: str) -> str:
    """Key rule: an Award is its name and conferring level.

    优秀教师 of a county and 优秀教师 of a province are two honours.

    Example:
        >>> key_award("优秀教师", "county") == key_award("优秀教师", "provincial")
        False
    """
    return entity_key("Award", name, level)


def school_scopes(ex: Extraction, index: RegionIndex) -> dict[int, tuple[str, str]]:
    """Key rule: the key name and region scope of each school mention of a report.

    A leading region chain is moved from the name into the scope, so
    重庆市大足区北山中学 and 北山中学 (in a 大足区 report) get one key, while
    two 实验小学 in different counties keep two. 旗实验高中 in a 旗's own
    report drops the bare level character the same way.

    Returns:
        ``mention index -> (name to key by, scope division code or "")``.
    """
    # A region name shared by several divisions (新华区) carries no code:
    # it cannot scope a school.
    located = {
        rel.head: ex.mentions[rel.tail].region
        for rel in ex.relations
        if rel.predicate == "locatedIn" and ex.mentions[rel.tail].region
    }
    regions = _RegionSpans(ex.mentions)
    out = {
        i: _school_scope(m, regions, located.get(i, ""), index)
        for i, m in enumerate(ex.mentions)
        if m.label == "School"
    }
    # A short form given the fuller name the report writes (市二中 after
    # 通辽市第二中学（简称市二中）) is keyed as that written name is: the
    # region chain opening the written name is no part of the key.
    written: dict[str, tuple[str, str]] = {}
    for i in sorted(out):
        if ex.mentions[i].text == ex.mentions[i].name and out[i][1]:
            written.setdefault(ex.mentions[i].name, out[i])
    for i in out:
        if ex.mentions[i].text != ex.mentions[i].name:
            out[i] = written.get(ex.mentions[i].name, out[i])
    # Mentions of one school name in one report share a scope.
    by_name: dict[str, str] = {}
    for i in sorted(out):
        if out[i][1]:
            by_name.setdefault(ex.mentions[i].name, out[i][1])
    for i, (stripped, scope) in out.items():
        if not scope and ex.mentions[i].name in by_name:
            out[i] = (stripped, by_name[ex.mentions[i].name])
    return out


class _RegionSpans:
    """The coded region mentions of a report, by start offset."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_start = {
            m.start: m for m in mentions if m.label == "Region" and m.region
        }
        self.starts = sorted(self.by_start)

    def chain(self, m: Mention) -> tuple[list[str], int]:
        """The codes of the regions that open ``m`` back to back, and where they end."""
        pos, codes = m.start, []
        while pos in self.by_start and self.by_start[pos].end <= m.end:
            codes.append(self.by_start[pos].region)
            pos = self.by_start[pos].end
        return codes, pos

    def any_within(self, m: Mention) -> bool:
        """Whether a region mention starts inside ``m``."""
        first = bisect_left(self.starts, m.start)
        return first < len(self.starts) and self.starts[first] < m.end


#: 中心小学, 第一中学, 初级中学: a school's kind and rank only, which every
#: town of a county may have.
_KIND_ONLY = re.compile(
    r"(?:中心|第?[一二三四五六七八九十\d]+|实验|民族|寄宿制?|九年一贯制|希望|镇|乡)?"
    r"(?:小学|中学|学校|幼儿园|初级中学|高级中学|完全小学|完小|中心校|初中|高中)"
)


def _school_scope(
    m: Mention, regions: _RegionSpans, located: str, index: RegionIndex
) -> tuple[str, str]:
    name = normalize_name(m.name)
    # Offsets say which regions open the name only if it is as written (not
    # a short form given its fuller name, 二中 = 县二中).
    codes, end = regions.chain(m) if m.text == m.name else ([], m.start)
    stripped, scope = name, ""
    if codes:
        stripped = name[end - m.start :]
        scope = max(codes, key=lambda c: index.by_code[c].level)
    elif located and not regions.any_within(m):
        scope = located
        mark = name[:1]
        own = index.by_code[scope].name[-1:]
        if mark in _merge_tables().school_level_marks and mark == own:
            stripped = name[1:]
    county = index.by_code[scope].parent if scope else ""
    if (
        county
        and index.by_code[scope].level == 4
        and not _KIND_ONLY.fullmatch(stripped)
    ):
        # 六都寨镇荷香小学 and the 荷香小学 of its county's report: one school;
        # not 甲镇中心小学 and 乙镇中心小学, each its town's
        scope = county
    return (stripped if len(stripped) >= 2 else name), scope


# ------------------------------------------------------------ entity rules


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity key before the entity rules run: what its mentions say.

    Attributes:
        key: the key the key rules gave its mentions.
        label: ontology class local name.
        names: the normalized names its mentions stand for.
        forms: their surface forms.
        docs: the reports that mention it.

    The sets are read-only views (not copies: a corpus has many keys).
    """

    key: str
    label: str
    names: Set[str]
    forms: Set[str] = frozenset()
    docs: Set[str] = frozenset()


def merge_level_prefixed_variants(
    candidates: Mapping[str, Candidate],
) -> tuple[MergeRecord, ...]:
    """Entity rule ``level-prefix-variant``: 特级教师 is 省特级教师.

    A level word (``lexicon/level_words.txt``) opening an honour's or a
    program's name is often left out. An honour's bare name (优秀教师) is
    shared by every body that confers one, so it is merged only with the one
    prefixed honour that a report naming both writes; a program, with the one
    prefixed program of that name. A bare name with two prefixed variants
    (省优秀教师, 市优秀教师) stays apart: it could be either.

    Args:
        candidates: every key, by key.

    Returns:
        One record per merged key, ``from`` the bare key ``into`` the prefixed.
    """
    level = _merge_tables().level_prefix
    prefixed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in _labelled(candidates, ("Award", "Program")):
        for n in c.names:
            bare = level.sub("", n)
            if bare != n:
                prefixed[(c.label, bare)].add(c.key)
    records = []
    for c in _labelled(candidates, ("Award", "Program")):
        for name in sorted(c.names):
            if level.match(name):
                continue
            longer = sorted(
                k
                for k in prefixed.get((c.label, name), ())
                if k != c.key and (c.label == "Program" or candidates[k].docs & c.docs)
            )
            if len(longer) == 1:
                records.append(_merge_record("level-prefix-variant", c, longer[0]))
                break
    return tuple(records)


def merge_program_stem_variants(
    candidates: Mapping[str, Candidate], merged: Collection[str] = ()
) -> tuple[MergeRecord, ...]:
    """Entity rule ``program-suffix-variant``: X工程 = X项目 = X计划 for a long X.

    义务教育薄弱环节改善与能力提升工程 is also called …项目: with a stem of six
    characters or more the kind word (``lexicon/program_variant_words.txt``)
    does not change the program. All keys of one stem merge into the first.

    Args:
        candidates: every key, by key.
        merged: keys an earlier rule merged already; they are left alone.

    Returns:
        One record per merged key.
    """
    words = _merge_tables().program_words
    stems: dict[str, list[Candidate]] = defaultdict(list)
    for c in _labelled(candidates, ("Program",)):
        if c.key in merged:
            continue
        for name in sorted(c.names):
            word = next((w for w in words if name.endswith(w)), "")
            stem = name[: len(name) - len(word)]
            if word and len(stem) >= _MIN_PROGRAM_STEM:
                stems[stem].append(c)
                break
    return tuple(
        _merge_record("program-suffix-variant", c, same[0].key)
        for _stem, same in sorted(stems.items())
        for c in same[1:]
    )


def _labelled(
    candidates: Mapping[str, Candidate], labels: tuple[str, ...]
) -> list[Candidate]:
    # Filtered before it is sorted: honours and programs are a twentieth of
    # the keys.
    return [
        candidates[k]
        for k in sorted(k for k, c in candidates.items() if c.label in labels)
    ]


def _merge_record(rule: str, merged: Candidate, into: str) -> MergeRecord:
    return MergeRecord(rule, into, tuple(sorted(merged.forms)), source=merged.key)


# ------------------------------------------------------------ entities


def merge_same_key_forms(
    key: str, label: str, names: Set[str], forms: Set[str]
) -> tuple[str, tuple[str, ...], MergeRecord | None]:
    """Entity rule ``same-key``: all forms that reached one key name one entity.

    北仑 and 北仑区 (one code) become 北仑区 with the alias 北仑: the longest
    name is canonical. A context-relative bureau form (区教育局,
    ``lexicon/relative_bureau_*.txt``) names a different bureau in each
    report: it stays on the mentions (edu:surfaceForm), not as an alias.

    Args:
        key: the entity key.
        label: its class.
        names: the normalized names merged into it.
        forms: every surface form and name merged into it.

    Returns:
        The canonical name, the aliases (sorted), and the record if more than
        one form was merged.

    Example:
        >>> forms = {"北仑", "北仑区"}
        >>> merge_same_key_forms("k", "Region", forms, forms)[:2]
        ('北仑区', ('北仑',))
    """
    relative = _merge_tables().relative_bureau
    canonical = max(sorted(names), key=len)
    aliases = tuple(
        sorted(
            f
            for f in forms - {canonical}
            if not (label == "Bureau" and relative.match(f))
        )
    )
    record = None
    if len(forms) > 1:
        record = MergeRecord("same-key", key, tuple(sorted(forms)), canonical=canonical)
    return canonical, aliases, record


def drop_overridden_entities(
    entities: Iterable[Entity], drop: Set[tuple[str, str]]
) -> tuple[MergeRecord, ...]:
    """Rule ``override-drop``: the user's overrides file removes entities.

    ``drop Award 劳育实验区`` removes an honour that is no honour, with its
    relations; the record keeps its name and aliases for the audit.

    Args:
        entities: the resolved entities.
        drop: :attr:`Overrides.drop`, ``(label, canonical name)`` pairs.

    Returns:
        One record per dropped entity, ``from`` its key ``into`` "".
    """
    return tuple(
        MergeRecord("override-drop", "", (e.name, *e.aliases), source=e.key)
        for e in entities
        if (e.label, e.name) in drop
    )


# ------------------------------------------------------------ overrides


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


# ------------------------------------------------------------ the stage


def resolve(
    extractions: Iterable[Extraction], overrides: Overrides | None = None
) -> Resolution:
    """Merge the extractions of a corpus into entities and relations.

    The merge rules run in the order of the module docstring: key rules
    while the reports are read, then the entity rules, then the entities are
    built and the overrides' drops applied.

    Args:
        extractions: one per report, in any order.
        overrides: user corrections (see :func:`load_overrides`).

    Returns:
        The resolution; entities, relations and reports sorted by key, so
        the result does not depend on the order of ``extractions``.
    """
    resolver = Resolver(overrides)
    for ex in sorted(extractions, key=lambda e: e.doc.doc_id):
        resolver.read(ex)
    return resolver.finish()


class Resolver:
    """:func:`resolve`, fed one report at a time, in any order.

    A build reads the reports it holds already while it waits for the few
    it extracts anew; the result is the one :func:`resolve` gives the same
    reports. (What the first mention in report order decides, an entity's
    region among them, is kept with its place and settled by it.)
    """

    def __init__(self, overrides: Overrides | None = None) -> None:
        self._overrides = overrides or Overrides()
        self._corpus = _Corpus()
        self._index = load_region_index()
        self._read: set[str] = set()

    def read(self, ex: Extraction) -> None:
        """Key one report's mentions and file what it says.

        Raises:
            ValueError: a report of this ``doc_id`` was read already.
        """
        if ex.doc.doc_id in self._read:
            raise ValueError(f"{ex.doc.doc_id}: this report was read already")
        self._read.add(ex.doc.doc_id)
        self._corpus.read(ex, self._index, self._overrides)

    def has_read(self, doc_id: str) -> bool:
        return doc_id in self._read

    def finish(self) -> Resolution:
        """The resolution of every report read."""
        return _resolution(self._corpus, self._overrides)

    def release(self) -> None:
        """Drop every report read, as if none had been: a build that no
        longer needs them frees them here rather than when the resolver
        goes."""
        self._corpus = _Corpus()
        self._read = set()


def _resolution(corpus: _Corpus, overrides: Overrides) -> Resolution:
    corpus.settle_order()
    candidates = corpus.candidates()
    by_level = merge_level_prefixed_variants(candidates)
    by_stem = merge_program_stem_variants(candidates, {r.source for r in by_level})
    final = _follow({r.source: r.into for r in (*by_level, *by_stem)})
    entities, same_key = _entities(corpus.facts, final)
    drops = drop_overridden_entities(entities, overrides.drop)
    dropped = {r.source for r in drops}

    def keep(key: str) -> str | None:
        target = final(key)
        return None if target in dropped else target

    return Resolution(
        tuple(e for e in entities if e.key not in dropped),
        _relations(corpus.relations, keep),
        _reports(corpus.reports, keep),
        _audit_log((*corpus.records, *by_level, *by_stem, *same_key, *drops)),
        _indicators(corpus.indicators, keep),
    )


#: Rules whose mention's surface is a fragment of the prize it names (二 of
#: 一、二、三等奖; the event A of 在“A”“B”赛项中获一等奖), not a form of it.
_FRAGMENT_RULES = ("award.tier-list", "award.event-items")


#: Where a mention stands in the corpus: its report, its index in it.
_Place = tuple[str, int]


@dataclass(slots=True)
class _Facts:
    """What the mentions with one key say, gathered over the corpus.

    ``first``, ``region_at`` and ``level_at`` are the places of the key's
    first mention, of the mention its region was taken from and of the one
    its level was: a report read out of order changes them only if it
    stands before (after, for the level) them.
    """

    label: str
    first: _Place
    names: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    evidence: set[Evidence] = field(default_factory=set)
    award_levels: dict[str, int] | None = None  # votes, for an Award only
    region: str = ""  # the first one stated
    region_at: _Place | None = None
    level: int = 0  # of a Region, the last one stated
    level_at: _Place | None = None

    def add(
        self, m: Mention, name: str, evidence: Evidence, at: _Place, late: bool
    ) -> None:
        """File a mention at ``at``; ``late`` when a report after it was read."""
        self.names.add(name)
        surface = normalize_name(m.text) or name
        # A fragment an elliptical honour was rebuilt from (…、学前教育普及
        # 普惠区; 二 of 综合评价一、二、三等奖) names no honour on its own: it
        # stays on the mention only.
        if not (
            m.label == "Award"
            and surface != name
            and (name.endswith(surface) or m.rule in _FRAGMENT_RULES)
        ):
            self.forms.add(surface)
        if m.region and (
            not self.region
            or (late and self.region_at is not None and at < self.region_at)
        ):
            self.region, self.region_at = m.region, at
        if m.award_level:
            self._vote(m.award_level, 1)
        self.evidence.add(evidence)

    def _vote(self, level: str, count: int) -> None:
        if self.award_levels is None:
            self.award_levels = {}
        self.award_levels[level] = self.award_levels.get(level, 0) + count

    def merged(self, others: Iterable[_Facts]) -> _Facts:
        """These facts with those of the keys the entity rules merged in."""
        votes = dict(self.award_levels) if self.award_levels else None
        out = _Facts(
            self.label,
            self.first,
            set(self.names),
            set(self.forms),
            set(self.evidence),
            votes,
            self.region,
            self.region_at,
            self.level,
            self.level_at,
        )
        for other in others:
            out.names |= other.names
            out.forms |= other.forms
            out.evidence |= other.evidence
            out.region = out.region or other.region
            for level, count in (other.award_levels or {}).items():
                out._vote(level, count)
        return out


@dataclass(slots=True)
class _Corpus:
    """The reports read so far, indexed by key."""

    facts: dict[str, _Facts] = field(default_factory=dict)
    relations: defaultdict[tuple[str, str, str], set[Evidence]] = field(
        default_factory=lambda: defaultdict(set)
    )
    reports: list[ReportRecord] = field(default_factory=list)
    indicators: list[tuple[Figure, str | None, Evidence]] = field(default_factory=list)
    records: list[MergeRecord] = field(default_factory=list)
    last_read: str = ""  # the doc_id of the report read last, in order
    out_of_order: bool = False  # a report was read after one it precedes

    def read(self, ex: Extraction, index: RegionIndex, overrides: Overrides) -> None:
        """Key every mention of one report and file what it says."""
        doc_id = ex.doc.doc_id
        late = doc_id < self.last_read
        if late:
            self.out_of_order = True
        else:
            self.last_read = doc_id
        scopes = school_scopes(ex, index)
        levels: dict[str, int] = {}
        for r in ex.regions:  # a code listed twice: its first entry counts
            levels.setdefault(r.code, r.level)
        # A sentence's text, sliced once for all its evidence (a mention,
        # relation or figure per clause: slicing it each time was a tenth of
        # resolution, and as many copies of it were held).
        texts: dict[int, str] = {}
        keys = [
            self._key(
                ex, m, (doc_id, i), late, scopes.get(i), levels, overrides, index, texts
            )
            for i, m in enumerate(ex.mentions)
        ]
        for rel in ex.relations:
            self.relations[(keys[rel.head], rel.predicate, keys[rel.tail])].add(
                _relation_evidence(ex, rel, texts)
            )
        publisher = keys[ex.publisher] if ex.publisher is not None else None
        if ex.figures:
            region_before = _region_before(ex, keys)
            for fig in ex.figures:
                ev = _evidence(
                    ex,
                    fig.sentence,
                    (fig.start, fig.end),
                    "figure.number-unit",
                    fig.status,
                    fig.text,
                    texts,
                )
                self.indicators.append((fig, publisher or region_before(fig.start), ev))
        meta = ex.doc.meta
        self.reports.append(
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

    def _key(
        self,
        ex: Extraction,
        m: Mention,
        at: _Place,
        late: bool,
        scope: tuple[str, str] | None,
        levels: Mapping[str, int],
        overrides: Overrides,
        index: RegionIndex,
        texts: dict[int, str] | None = None,
    ) -> str:
        name = normalize_name(m.name)
        if m.label == "Program":
            name = strip_program_tail(name)
        name, record = rename_by_override(m.label, name, m.text, overrides.merge)
        if record:
            self.records.append(record)
        if m.label == "Region" and m.region:
            key = key_region(m.region)
        elif m.label == "School" and scope is not None:
            key = key_school(*scope)
        elif m.label == "Award":
            key = key_award(name, m.award_level)
        elif m.label == "Bureau" and (
            relative := key_relative_bureau(name, ex.home_region, ex.doc.doc_id, index)
        ):
            key = relative
        else:
            key = entity_key(m.label, name)
        facts = self.facts.get(key)
        if facts is None:
            facts = self.facts[key] = _Facts(m.label, at)
        elif late and at < facts.first:
            facts.first = at
        if (
            m.label == "Region"
            and m.region
            and not (late and facts.level_at is not None and at < facts.level_at)
        ):
            facts.level, facts.level_at = levels.get(m.region, 0), at
        ev = _evidence(
            ex, m.sentence, (m.start, m.end), m.rule, m.status, m.text, texts
        )
        facts.add(m, name, ev, at, late)
        return key

    def settle_order(self) -> None:
        """Order the keys by their first mention, as reading the reports in
        order would have (the entity rules and merges take them so)."""
        if self.out_of_order:
            self.facts = dict(sorted(self.facts.items(), key=lambda kv: kv[1].first))
            self.out_of_order = False

    def candidates(self) -> dict[str, Candidate]:
        """The keys as the entity rules see them."""
        return {
            key: Candidate(
                key,
                f.label,
                f.names,
                f.forms,
                frozenset(ev.doc_id for ev in f.evidence),
            )
            for key, f in self.facts.items()
        }


def _follow(redirect: Mapping[str, str]) -> Callable[[str], str]:
    """The key a key ends up in after the entity rules' merges."""

    def final(key: str) -> str:
        while key in redirect:
            key = redirect[key]
        return key

    return final


def _entities(
    facts: Mapping[str, _Facts], final: Callable[[str], str]
) -> tuple[list[Entity], list[MergeRecord]]:
    """One entity per final key, with the ``same-key`` records."""
    merged_in: dict[str, list[_Facts]] = defaultdict(list)
    for key, f in facts.items():  # first-mention order: the first region stated wins
        if final(key) != key:
            merged_in[final(key)].append(f)
    entities, records = [], []
    for key in sorted(facts):
        if final(key) != key:
            continue
        f = facts[key].merged(merged_in[key]) if key in merged_in else facts[key]
        # A name is a form too, whether or not any mention was written so.
        forms = f.forms | f.names
        canonical, aliases, record = merge_same_key_forms(key, f.label, f.names, forms)
        if record:
            records.append(record)
        entities.append(
            Entity(
                key,
                f.label,
                canonical,
                aliases,
                f.region,
                f.level,
                tuple(sorted(f.evidence)),
                _award_level(f.award_levels) if f.label == "Award" else "",
            )
        )
    return entities, records


def _relations(
    found: Mapping[tuple[str, str, str], set[Evidence]],
    keep: Callable[[str], str | None],
) -> tuple[ResolvedRelation, ...]:
    grouped: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    for (s, p, o), ev in found.items():
        subject, obj = keep(s), keep(o)
        if subject and obj and subject != obj:
            grouped[(subject, p, obj)] |= ev
    for s, p, o in _located_above_another(grouped):
        del grouped[(s, p, o)]
    return tuple(
        ResolvedRelation(s, p, o, tuple(sorted(grouped[(s, p, o)])))
        for s, p, o in sorted(grouped)
    )


def _located_above_another(
    grouped: Mapping[tuple[str, str, str], set[Evidence]],
) -> list[tuple[str, str, str]]:
    """Relation rule: an entity is located in the most specific region the
    reports support (decision 5). 县职业中专 in 隆回县 (its report's area) and
    in 桃洪镇 (its name's town) is in 桃洪镇; the county is above it, which
    ``withinRegion`` says."""
    index = load_region_index()
    regions: dict[str, set[str]] = defaultdict(set)
    for s, p, o in grouped:
        if p == "locatedIn" and o.startswith(key_region("")):
            regions[s].add(o.removeprefix(key_region("")))
    above = []
    for s, codes in regions.items():
        for code in codes:
            if any(
                code in index.ancestors(other)
                for other in codes
                if other in index.by_code
            ):
                above.append((s, "locatedIn", key_region(code)))
    return above


def _reports(
    reports: Iterable[ReportRecord], keep: Callable[[str], str | None]
) -> tuple[ReportRecord, ...]:
    return tuple(
        replace(
            r,
            publisher=keep(r.publisher) if r.publisher else None,
            mentions=tuple(sorted({keep(k) for k in r.mentions} - {None})),
        )
        for r in sorted(reports, key=lambda r: r.doc_id)
    )


def _indicators(
    found: Iterable[tuple[Figure, str | None, Evidence]],
    keep: Callable[[str], str | None],
) -> tuple[Indicator, ...]:
    return tuple(
        Indicator(
            key=entity_key("Indicator", fig.doc_id, f"{fig.start}:{fig.end}"),
            measure=fig.measure,
            quantity=fig.quantity,
            unit=fig.unit,
            approximate=fig.approximate,
            year=fig.year,
            subject=keep(subject) if subject else None,
            evidence=ev,
        )
        for fig, subject, ev in sorted(found, key=lambda t: (t[0].doc_id, t[0].start))
    )


def _audit_log(records: Iterable[MergeRecord]) -> tuple[dict, ...]:
    """The records as ``resolution.jsonl`` rows: each once, in a stable order."""
    rows = {
        json.dumps(row, ensure_ascii=False, sort_keys=True): row
        for row in (r.to_dict() for r in records)
    }
    return tuple(rows[k] for k in sorted(rows))


def _award_level(votes: Mapping[str, int] | None) -> str:
    """The level most mentions state; a tie goes to the higher body."""
    if not votes:
        return "other"
    return min(votes, key=lambda lv: (-votes[lv], _LEVEL_ORDER.index(lv)))


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


def _evidence(
    ex: Extraction,
    sentence: int,
    span: tuple[int, int],
    rule: str,
    status: str,
    surface: str = "",
    texts: dict[int, str] | None = None,
) -> Evidence:
    """The evidence of a span in a sentence; ``texts`` keeps each sentence's
    text once sliced."""
    text = None if texts is None else texts.get(sentence)
    if text is None:
        s_start, s_end = ex.sentences[sentence] if ex.sentences else (0, 0)
        text = ex.doc.text[s_start:s_end]
        if texts is not None:
            texts[sentence] = text
    return Evidence(
        doc_id=ex.doc.doc_id,
        start=span[0],
        end=span[1],
        rule=rule,
        status=status,
        sentence=text,
        source=ex.doc.source,
        surface=surface,
    )


def _relation_evidence(
    ex: Extraction, rel: RelationMention, texts: dict[int, str] | None = None
) -> Evidence:
    s_start, s_end = ex.sentences[rel.sentence] if ex.sentences else (0, 0)
    # The span covers the arguments written in the evidence sentence;
    # one may stand elsewhere (the publisher, a region named earlier).
    inside = [
        (m.start, m.end)
        for m in (ex.mentions[rel.head], ex.mentions[rel.tail])
        if s_start <= m.start and m.end <= s_end and m.end > m.start
    ]
    start = min((a for a, _ in inside), default=s_start)
    end = max((b for _, b in inside), default=s_end)
    return _evidence(ex, rel.sentence, (start, end), rel.rule, rel.status, "", texts)
