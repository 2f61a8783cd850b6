"""Frozen value objects passed between the stages of the pipeline.

Offsets (``start``/``end``) always index the *cleaned* text held on
:class:`Document`; :meth:`Document.raw_offset` maps them back to the decoded
source text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import msgspec

__all__ = [
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "BuildReport",
    "Document",
    "Entity",
    "Evidence",
    "Extraction",
    "Figure",
    "Indicator",
    "Mention",
    "MergeRecord",
    "RegionRef",
    "RelationMention",
    "ReportMeta",
    "ReportRecord",
    "Resolution",
    "ResolvedRelation",
    "SkippedFile",
]

#: Ontology class local names an entity mention may carry.
ENTITY_TYPES = (
    "Region",
    "Bureau",
    "School",
    "Program",
    "Award",
    "Document",
    "Organization",
)
#: Ontology property local names a relation mention may carry.
RELATION_TYPES = (
    "locatedIn",
    "subRegionOf",
    "receivedAward",
    "implements",
    "participatesIn",
)


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Metadata of one report, read from its header, title and boilerplate.

    Attributes:
        title: the report's own title (without site names or spam).
        publisher_name: the issuing body as written (发布机构/来源/title), if any.
        issued: publication date as ``YYYY-MM-DD``, if found.
        year: the year the report covers (a plan: the year planned for).
        is_plan: the report as a whole is a plan (工作计划/要点/目标) rather
            than a summary.
        press: the page is a news outlet's item (来源：宁夏日报, 作者：记者 X):
            no bureau issued it unless its metadata names one (decision 13).
    """

    title: str = ""
    publisher_name: str | None = None
    issued: str | None = None
    year: int | None = None
    is_plan: bool = False
    press: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """One report after ingest: cleaned text plus metadata.

    Attributes:
        doc_id: stable id derived from the file name.
        source: the file's base name.
        text: cleaned text; every offset downstream refers to it.
        meta: report metadata.
        encoding: the encoding the file was decoded with.
        offset_map: ``((clean_start, raw_start), ...)`` sorted by
            ``clean_start``: each run of cleaned text starting at
            ``clean_start`` was copied from the decoded source at
            ``raw_start``.
        notes: what reading had to repair, each also logged as a warning
            (``bad-bytes-replaced``, ``traditional-converted``,
            ``html-fallback``).
        original: for a report in traditional script (``text`` converted to
            simplified, character for character), the cleaned text as
            written; same length and offsets as ``text``; else "".
    """

    doc_id: str
    source: str
    text: str
    meta: ReportMeta
    encoding: str = "utf-8"
    offset_map: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()
    original: str = ""

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in :attr:`text` to the decoded source text.

        Args:
            clean_offset: a character offset into the cleaned text.

        Returns:
            The offset of the same character in the decoded source.

        Example:
            >>> d = Document("d", "d.txt", "ab", ReportMeta(), offset_map=((0, 5),))
            >>> d.raw_offset(1)
            6
        """
        if not self.offset_map:
            return clean_offset
        starts = [c for c, _ in self.offset_map]
        i = bisect_right(starts, clean_offset) - 1
        if i < 0:
            return clean_offset
        clean_start, raw_start = self.offset_map[i]
        return raw_start + (clean_offset - clean_start)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file the build could not use, with the reason."""

    source: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RegionRef:
    """An official administrative division.

    Attributes:
        code: the 6-digit division code (GB/T 2260 as published by MCA).
        name: the official full name (浙江省, 宁波市, 北仑区).
        level: 1 province, 2 prefecture, 3 county, 4 township.
        parent: the parent's code, or "" for a province.
    """

    code: str
    name: str
    level: int
    parent: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a named entity in a document.

    Attributes:
        doc_id: the document it occurs in.
        start: offset of the first character in the cleaned text.
        end: offset one past the last character.
        text: the surface form as written.
        label: ontology class local name (``School``…).
        name: the normalized name this mention stands for (区教育局 → the
            publisher's full name); equals ``text`` when nothing was expanded.
        rule: id of the rule or gazetteer entry that produced it.
        sentence: index of the sentence in :attr:`Extraction.sentences`.
        region: division code that scopes the entity (its own or its
            context's), or "".
        status: ``reported`` or ``planned``.
        award_level: for an Award, the conferring level read from its name
            and context (national, provincial, city, county, other).
    """

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    name: str
    rule: str
    sentence: int
    region: str = ""
    status: str = "reported"
    award_level: str = ""


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relation stated (or implied by a name) in one sentence.

    ``head``/``tail`` are indices into :attr:`Extraction.mentions`.
    """

    head: int
    tail: int
    predicate: str
    rule: str
    sentence: int
    status: str = "reported"


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantitative statement in one document (新增学位2800个).

    Attributes:
        measure: what is counted, as written (新增学位, 课后服务参与率).
        quantity: the normalized number as a decimal string (1.16亿 → 116000000).
        unit: normalized unit (CNY, person, school, percent …).
        approximate: the text says 余/多 (more than).
        year: the year the figure is about.
    """

    doc_id: str
    start: int
    end: int
    text: str
    measure: str
    quantity: str
    unit: str
    approximate: bool
    sentence: int
    status: str
    year: int | None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    doc: Document
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    publisher: int | None = None  # index of the publisher's mention
    regions: tuple[RegionRef, ...] = ()  # every region the document names
    figures: tuple[Figure, ...] = ()
    home_region: str = ""  # division code of the publisher's region

    def sentence_text(self, index: int) -> str:
        """Return the text of sentence ``index``."""
        start, end = self.sentences[index]
        return self.doc.text[start:end]


class Evidence(msgspec.Struct, frozen=True, order=True, array_like=True):
    """Where a fact was read: report, sentence and offsets in the cleaned text.

    A msgspec Struct, not a dataclass like its neighbours: a build makes one
    per mention and per piece of relation evidence, hashes each into a set,
    sorts and digests them all (:meth:`kg.graph.ReportNodes.digest`), and a
    Struct's constructor, hash and comparisons run in C. (At 16 MB a frozen
    dataclass's ``__init__`` took 0.4 s of the 1.5 s resolution spent
    reading the reports, and sorting by a key function 0.35 s of the rest.)
    Evidence sorts by its fields in order: by report, offsets, rule, status,
    then sentence. Encoded as an array: the digest reads no field names.
    """

    doc_id: str
    start: int
    end: int
    rule: str
    status: str
    sentence: str
    source: str
    surface: str = ""  # the mention's text, for entity mentions


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity after resolution.

    Attributes:
        key: deterministic id (the IRI is minted from it).
        label: ontology class local name.
        name: canonical (fullest) name.
        aliases: every other surface form, sorted.
        region: division code of the entity itself (Region) or of its location.
        level: division level for Regions, else 0.
        mentions: evidence of every mention.
        award_level: for an Award, its conferring level (national,
            provincial, city, county, other), else "".
    """

    key: str
    label: str
    name: str
    aliases: tuple[str, ...]
    region: str = ""
    level: int = 0
    mentions: tuple[Evidence, ...] = ()
    award_level: str = ""


@dataclass(frozen=True, slots=True)
class ResolvedRelation:
    """A relation between two resolved entities with all its evidence."""

    subject: str  # Entity.key
    predicate: str
    object: str  # Entity.key
    evidence: tuple[Evidence, ...]


class Indicator(msgspec.Struct, frozen=True, array_like=True):
    """A figure attached to its subject (a Region or Bureau entity key).

    A msgspec Struct encoded as an array, as :class:`Evidence` is: a build
    makes one per figure (70,000 at 16 MB) and digests them with their
    report's nodes.
    """

    key: str
    measure: str
    quantity: str
    unit: str
    approximate: bool
    year: int | None
    subject: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """A report node: its metadata and the entities it mentions."""

    doc_id: str
    source: str
    title: str
    publisher: str | None  # Entity.key of the publishing bureau
    issued: str | None
    year: int | None
    is_plan: bool
    mentions: tuple[str, ...]  # Entity.key, sorted


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """One merge the resolver made, with the rule that made it.

    Attributes:
        rule: the merge rule (``same-key``, ``level-prefix-variant``,
            ``program-suffix-variant``, ``override-merge``, ``override-drop``).
        into: the entity key that absorbed the merged one; for
            ``override-merge`` the name it was renamed to; "" for a drop.
        forms: the surface forms concerned.
        source: the key (or, for ``override-merge``, the name) merged away;
            None where the record names no source (``same-key``).
        canonical: for ``same-key``, the name the entity keeps; else None.
    """

    rule: str
    into: str
    forms: tuple[str, ...]
    source: str | None = None
    canonical: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the row written to ``resolution.jsonl`` (absent fields left out).

        Example:
            >>> MergeRecord("override-drop", "", ("劳育实验区",), source="k").to_dict()
            {'into': '', 'forms': ['劳育实验区'], 'rule': 'override-drop', 'from': 'k'}
        """
        row: dict[str, object] = {
            "into": self.into,
            "forms": list(self.forms),
            "rule": self.rule,
        }
        if self.source is not None:
            row["from"] = self.source
        if self.canonical is not None:
            row["canonical"] = self.canonical
        return row


@dataclass(frozen=True, slots=True)
class Resolution:
    """The corpus after resolution: one entity per real-world thing.

    ``merges`` holds :meth:`MergeRecord.to_dict` rows, sorted, each once.
    """

    entities: tuple[Entity, ...]
    relations: tuple[ResolvedRelation, ...]
    reports: tuple[ReportRecord, ...]
    merges: tuple[dict, ...] = ()
    indicators: tuple[Indicator, ...] = ()


@dataclass(slots=True)
class BuildReport:
    """What a build did: counts, files read and skipped, timings (JSON-able)."""

    files_read: list[str] = field(default_factory=list)
    files_skipped: list[dict] = field(default_factory=list)
    files_empty: list[str] = field(default_factory=list)
    entity_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    #: one summary per report read (file, publisher, year, kind, counts, flags)
    reports: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Return a JSON-serialisable dict with sorted keys inside."""
        return {
            "files_read": sorted(self.files_read),
            "files_skipped": sorted(self.files_skipped, key=lambda d: d["file"]),
            "files_empty": sorted(self.files_empty),
            "entity_counts": dict(sorted(self.entity_counts.items())),
            "relation_counts": dict(sorted(self.relation_counts.items())),
            "triples": self.triples,
            "timings": {k: round(v, 3) for k, v in sorted(self.timings.items())},
            "outputs": dict(sorted(self.outputs.items())),
            "reports": sorted(self.reports, key=lambda d: d["file"]),
        }
