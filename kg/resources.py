"""Load and validate the rule tables shipped in ``kg/data``.

This is the only module that opens bundled data files, so every table is
validated in one place and errors name the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError

__all__ = [
    "Lexicon",
    "list_queries",
    "load_lexicon",
    "read_lines",
    "read_query",
    "read_table",
]

_DATA = "kg.data"


def _data_path(relative: str) -> Path:
    return Path(str(resources.files(_DATA).joinpath(relative)))


def read_lines(relative: str) -> tuple[str, ...]:
    """Read a one-entry-per-line list, skipping blanks and ``#`` comments.

    Args:
        relative: path below ``kg/data`` (``lexicon/school_suffixes.txt``).

    Returns:
        The entries in file order.

    Raises:
        DataFileError: the file is missing or lists an entry twice.
    """
    path = _data_path(relative)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc}") from exc
    seen: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry in seen:
            raise DataFileError(
                str(path), number, f"duplicate entry {entry!r} (line {seen[entry]})"
            )
        seen[entry] = number
    return tuple(seen)


def read_table(relative: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Read a tab-separated table with at least ``columns`` columns per row.

    Args:
        relative: path below ``kg/data``.
        columns: the number of required columns; extra columns are notes.

    Returns:
        Rows cut to ``columns`` fields.

    Raises:
        DataFileError: a row has too few columns or an empty key.
    """
    path = _data_path(relative)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc}") from exc
    rows = []
    keys: set[str] = set()
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < columns or not fields[0].strip():
            raise DataFileError(
                str(path), number, f"expected {columns} tab-separated columns"
            )
        key = fields[0].strip()
        if key in keys:
            raise DataFileError(str(path), number, f"duplicate key {key!r}")
        keys.add(key)
        rows.append(tuple(f.strip() for f in fields[:columns]))
    return tuple(rows)


def list_queries() -> tuple[str, ...]:
    """Return the names of the SPARQL queries shipped in ``kg/data/queries``.

    Returns:
        The file stems (``awards-by-region`` …), sorted.
    """
    folder = resources.files(_DATA).joinpath("queries")
    return tuple(
        sorted(
            entry.name.removesuffix(".rq")
            for entry in folder.iterdir()
            if entry.name.endswith(".rq") and not entry.name.startswith(".")
        )
    )


def read_query(name: str) -> str:
    """Read the text of the shipped query ``kg/data/queries/NAME.rq``.

    Args:
        name: a name from :func:`list_queries`.

    Returns:
        The query text, comments included.

    Raises:
        DataFileError: no shipped query has that name.
    """
    # Only known names reach the file system: a name such as ``../x`` must
    # not read outside the package.
    if name not in list_queries():
        raise DataFileError(f"queries/{name}.rq", 0, "no such query")
    path = _data_path(f"queries/{name}.rq")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every rule table the extractor uses, loaded once."""

    school_suffixes: tuple[str, ...]
    bureau_suffixes: tuple[str, ...]
    organization_suffixes: tuple[str, ...]
    program_suffixes: tuple[str, ...]
    program_quote_followers: tuple[str, ...]
    quote_non_program_followers: tuple[str, ...]
    program_object_verbs: tuple[str, ...]
    program_quote_heads: tuple[str, ...]
    program_achievements: tuple[str, ...]
    zone_leads: tuple[str, ...]
    award_suffixes: tuple[str, ...]
    award_triggers: tuple[str, ...]
    award_pursuit_triggers: tuple[str, ...]
    plan_markers: tuple[str, ...]
    plan_section_markers: tuple[str, ...]
    plan_or_summary_markers: tuple[str, ...]
    next_period_words: tuple[str, ...]
    summary_section_markers: tuple[str, ...]
    name_stop_tokens: frozenset[str]
    school_stems_among_stop_words: frozenset[str]
    program_stop_tokens: frozenset[str]
    generic_name_prefixes: frozenset[str]
    program_generic_heads: frozenset[str]
    award_title_suffixes: tuple[str, ...]
    area_award_suffixes: tuple[str, ...]
    award_blocking_followers: tuple[str, ...]
    counted_honour_leads: tuple[str, ...]
    single_school_kinds: frozenset[str]
    admission_words: tuple[str, ...]
    short_forms_as_words: frozenset[str]
    minority_peoples: tuple[str, ...]
    object_marker_verbs: tuple[str, ...]
    candidate_lists: tuple[str, ...]
    participation_designations: tuple[str, ...]
    contest_prizes: frozenset[str]
    award_stop_tokens: frozenset[str]
    construction_words: tuple[str, ...]
    programs: dict[str, str]  # surface form -> canonical name
    school_aliases: dict[str, str]  # abbreviation -> full name
    region_changes: dict[str, str]  # old name -> current division code
    region_short_names: dict[str, str]  # 喀左县 -> code of 喀喇沁左翼蒙古族自治县
    region_additions: tuple[tuple[str, str, str], ...]  # code, name, parent
    bureau_suffix_aliases: dict[str, str]  # 教委 -> 教育委员会
    # Short endings a name keeps unless the text writes the full form (教委).
    bureau_endings_as_written: frozenset[str]
    figure_units: dict[str, tuple[str, int]]  # unit -> (normalized unit, multiplier)
    participation_cues: tuple[str, ...] = ()
    media_suffixes: tuple[str, ...] = ()
    school_collective_subjects: tuple[str, ...] = ()
    ceremony_words: tuple[str, ...] = ()
    conferring_bodies: tuple[str, ...] = ()
    first_person_bureau: tuple[str, ...] = ()
    speech_openings: tuple[str, ...] = ()
    university_suffixes: tuple[str, ...] = ()
    award_events: tuple[str, ...] = ()
    honour_heads: tuple[str, ...] = ()
    award_title_tails: tuple[str, ...] = ()
    not_prize_words: tuple[str, ...] = ()
    designation_ends: tuple[str, ...] = ()
    achievement_words: tuple[str, ...] = ()
    program_heads: tuple[str, ...] = ()
    level_words: tuple[str, ...] = ()
    non_recipient_words: tuple[str, ...] = ()
    implement_verbs: tuple[str, ...] = ()
    ranking_words: tuple[str, ...] = ()
    praise_words: tuple[str, ...] = ()
    bare_school_kinds: tuple[str, ...] = ()
    quoted_only_programs: frozenset[str] = frozenset()
    street_ends: tuple[str, ...] = ()
    zone_name_words: frozenset[str] = frozenset()
    zone_ending_words: tuple[str, ...] = ()
    direction_words: frozenset[str] = frozenset()
    subject_followers: tuple[str, ...] = ()
    stage_school_kinds: frozenset[str] = frozenset()
    branch_ends: tuple[str, ...] = ()
    host_verbs: tuple[str, ...] = ()
    span_priorities: tuple[tuple[str, int], ...] = ()  # group:rule -> priority
    grant_triggers: tuple[str, ...] = ()
    reforms: tuple[tuple[str, str], ...] = ()  # word -> suffix/introducer/…
    school_short_kinds: tuple[str, ...] = ()
    school_short_followers: frozenset[str] = frozenset()
    school_glued_followers: tuple[str, ...] = ()
    school_ending_followers: tuple[str, ...] = ()
    common_surnames: frozenset[str] = frozenset()
    plural_school_kinds: frozenset[str] = frozenset()
    # 乡村, 农村: kinds of school by part of a place; a town has many too.
    area_school_kinds: frozenset[str] = frozenset()
    # 牵头校, 成员校: a school's role in a group, before its name (牵头校X中学).
    school_roles: tuple[str, ...] = ()
    # 优秀教师, 先进个人: honours people hold, whose lists name units only as
    # where the people work.
    people_honour_ends: tuple[str, ...] = ()
    # Endings of development zones (成都高新区): codeless Regions (decision 17).
    zone_suffixes: tuple[str, ...] = ()
    # Column header of a commendation table -> "unit", "honour" or "tier".
    table_headers: dict[str, str] = field(default_factory=dict)
    list_lead_markers: tuple[str, ...] = ()
    honour_category_heads: tuple[str, ...] = ()
    non_honour_designations: tuple[str, ...] = ()
    award_levels: tuple[tuple[str, str], ...] = ()  # name prefix -> level
    award_level_titles: tuple[tuple[str, str], ...] = ()  # title -> fixed level
    place_kinds: frozenset[str] = frozenset()
    quoted_participation_designations: tuple[str, ...] = ()
    associations: tuple[str, ...] = ()
    assessment_words: tuple[str, ...] = ()
    # An inspecting body (教育督导室): it reports on others' programs.
    supervision_words: tuple[str, ...] = ()
    grouping_schemes: tuple[str, ...] = ()
    grouping_cues: tuple[str, ...] = ()
    # 集团化办学, 教共体: a program that groups schools under lead schools.
    school_group_schemes: tuple[str, ...] = ()
    # 牵头校, 成员园, 核心校: a school's role in a group (with grouping_cues).
    school_group_roles: tuple[str, ...] = ()
    # 集团, 共同体: a group of schools named as a body (X教育集团).
    school_group_bodies: tuple[str, ...] = ()
    # 学区长, 联盟长: words jieba keeps whole (为|学区长|学校, not 为学|区长).
    whole_words: tuple[str, ...] = ()
    # 省 → 1, 市 → 2, 区 → 3: the division level a bureau's level word names.
    relative_bureau_levels: dict[str, int] = field(default_factory=dict)
    # 初中数学|名师工作室: the subjects a teacher's studio is named by.
    teaching_subjects: tuple[str, ...] = ()
    # An honour a group of schools holds: none of its schools holds it.
    group_honour_ends: tuple[str, ...] = ()
    # Endings of a unit's name: school and bureau suffixes, places, 校/园/局.
    unit_name_ends: tuple[str, ...] = ()


@cache
def load_lexicon() -> Lexicon:
    """Load all rule tables (cached: the files are read once per process)."""

    def lines(name: str) -> tuple[str, ...]:
        return read_lines(f"lexicon/{name}.txt")

    bureau_aliases = read_table("lexicon/bureau_suffix_aliases.tsv", 3)
    school_suffixes = lines("school_suffixes")
    bureau_suffixes = lines("bureau_suffixes")

    return Lexicon(
        school_suffixes=school_suffixes,
        bureau_suffixes=bureau_suffixes,
        organization_suffixes=lines("organization_suffixes"),
        program_suffixes=lines("program_suffixes"),
        program_quote_followers=lines("program_quote_followers"),
        quote_non_program_followers=lines("quote_non_program_followers"),
        program_object_verbs=lines("program_object_verbs"),
        program_quote_heads=lines("program_quote_heads"),
        program_achievements=lines("program_achievements"),
        zone_leads=lines("zone_leads"),
        award_suffixes=lines("award_suffixes"),
        award_triggers=lines("award_triggers"),
        award_pursuit_triggers=lines("award_pursuit_triggers"),
        plan_markers=lines("plan_markers"),
        plan_section_markers=lines("plan_section_markers"),
        plan_or_summary_markers=lines("plan_or_summary_markers"),
        next_period_words=lines("next_period_words"),
        summary_section_markers=lines("summary_section_markers"),
        name_stop_tokens=frozenset(
            lines("name_stop_tokens")
            + lines("award_triggers")
            + lines("award_pursuit_triggers")
        ),
        school_stems_among_stop_words=frozenset(lines("school_stems_among_stop_words")),
        program_stop_tokens=frozenset(
            lines("program_stop_tokens")
            + lines("award_triggers")
            + lines("award_pursuit_triggers")
        ),
        generic_name_prefixes=frozenset(lines("generic_name_prefixes")),
        program_generic_heads=frozenset(lines("program_generic_heads")),
        award_title_suffixes=lines("award_title_suffixes"),
        area_award_suffixes=lines("area_award_suffixes"),
        award_blocking_followers=lines("award_blocking_followers"),
        counted_honour_leads=lines("counted_honour_leads"),
        single_school_kinds=frozenset(lines("single_school_kinds")),
        admission_words=lines("admission_words"),
        short_forms_as_words=frozenset(lines("short_forms_as_words")),
        minority_peoples=lines("minority_peoples"),
        object_marker_verbs=lines("object_marker_verbs"),
        candidate_lists=lines("candidate_lists"),
        participation_designations=lines("participation_designations"),
        contest_prizes=frozenset(lines("contest_prizes")),
        # Award names may start with a level (市级, 全市…): the program stop
        # list without those words.
        award_stop_tokens=frozenset(
            set(lines("program_stop_tokens"))
            | set(lines("award_triggers"))
            | set(lines("award_pursuit_triggers"))
            # 西藏表彰|教育战线先进工作者: a granting verb ends a name's left edge
            | set(lines("grant_triggers"))
        )
        - {
            "省级",
            "市级",
            "区级",
            "县级",
            "国家级",
            "全国",
            "全省",
            "全市",
            "全区",
            "全县",
        },
        construction_words=lines("construction_words"),
        programs=dict(read_table("gazetteers/programs.tsv", 2)),
        school_aliases=dict(read_table("gazetteers/school_aliases.tsv", 2)),
        region_changes=dict(read_table("gazetteers/region_changes.tsv", 2)),
        region_short_names=dict(read_table("gazetteers/region_short_names.tsv", 2)),
        region_additions=tuple(read_table("gazetteers/region_additions.tsv", 3)),
        bureau_suffix_aliases={short: full for short, full, _ in bureau_aliases},
        bureau_endings_as_written=frozenset(
            short for short, _, named in bureau_aliases if named == "as-written"
        ),
        figure_units={
            unit: (norm, int(mult))
            for unit, norm, mult in read_table("lexicon/figure_units.tsv", 3)
        },
        participation_cues=lines("participation_cues"),
        media_suffixes=lines("media_suffixes"),
        school_collective_subjects=lines("school_collective_subjects"),
        ceremony_words=lines("ceremony_words"),
        conferring_bodies=lines("conferring_bodies"),
        first_person_bureau=lines("first_person_bureau"),
        speech_openings=lines("speech_openings"),
        university_suffixes=lines("university_suffixes"),
        award_events=lines("award_events"),
        honour_heads=lines("honour_heads"),
        award_title_tails=lines("award_title_tails"),
        not_prize_words=lines("not_prize_words"),
        designation_ends=lines("designation_ends"),
        achievement_words=lines("achievement_words"),
        program_heads=lines("program_heads"),
        level_words=lines("level_words"),
        non_recipient_words=lines("non_recipient_words"),
        implement_verbs=lines("implement_verbs"),
        ranking_words=lines("ranking_words"),
        praise_words=lines("praise_words"),
        bare_school_kinds=lines("bare_school_kinds"),
        quoted_only_programs=frozenset(lines("quoted_only_programs")),
        street_ends=lines("street_ends"),
        zone_name_words=frozenset(lines("zone_name_words")),
        zone_ending_words=lines("zone_ending_words"),
        direction_words=frozenset(lines("direction_words")),
        subject_followers=lines("subject_followers"),
        stage_school_kinds=frozenset(lines("stage_school_kinds")),
        branch_ends=lines("branch_ends"),
        host_verbs=lines("host_verbs"),
        span_priorities=tuple(
            (key, int(value))
            for key, value in read_table("lexicon/span_priorities.tsv", 2)
        ),
        grant_triggers=lines("grant_triggers"),
        reforms=tuple(
            (word, kind)
            for kind, words in read_table("lexicon/reforms.tsv", 2)
            for word in words.split()
        ),
        school_short_kinds=tuple(
            kind for kind, _ in read_table("lexicon/school_short_forms.tsv", 2)
        ),
        school_short_followers=frozenset(lines("school_short_followers")),
        school_glued_followers=lines("school_glued_followers"),
        school_ending_followers=lines("school_ending_followers"),
        common_surnames=frozenset(lines("common_surnames")),
        plural_school_kinds=frozenset(lines("plural_school_kinds")),
        area_school_kinds=frozenset(lines("area_school_kinds")),
        school_roles=lines("school_roles"),
        people_honour_ends=lines("people_honour_ends"),
        place_kinds=frozenset(lines("place_kinds")),
        quoted_participation_designations=lines("quoted_participation_designations"),
        associations=lines("associations"),
        assessment_words=lines("assessment_words"),
        supervision_words=lines("supervision_words"),
        grouping_schemes=lines("grouping_schemes"),
        grouping_cues=lines("grouping_cues"),
        school_group_schemes=lines("school_group_schemes"),
        school_group_roles=lines("school_group_roles"),
        school_group_bodies=lines("school_group_bodies"),
        whole_words=lines("whole_words"),
        relative_bureau_levels={
            word: int(level)
            for word, level in read_table("lexicon/relative_bureau_levels.tsv", 2)
        },
        teaching_subjects=lines("teaching_subjects"),
        group_honour_ends=lines("group_honour_ends"),
        table_headers=dict(read_table("lexicon/table_headers.tsv", 2)),
        zone_suffixes=lines("zone_suffixes"),
        list_lead_markers=lines("list_lead_markers"),
        honour_category_heads=lines("honour_category_heads"),
        non_honour_designations=lines("non_honour_designations"),
        award_levels=_levels("lexicon/award_levels.tsv"),
        award_level_titles=_levels("lexicon/award_level_titles.tsv"),
        unit_name_ends=(*school_suffixes, *bureau_suffixes, *lines("unit_name_ends")),
    )


_LEVEL_NAMES = frozenset({"national", "provincial", "city", "county", "other"})


def _levels(relative: str) -> tuple[tuple[str, str], ...]:
    rows = read_table(relative, 2)
    for word, level in rows:
        if level not in _LEVEL_NAMES:
            raise DataFileError(relative, 0, f"unknown level {level!r} for {word!r}")
    return tuple((word, level) for word, level in rows)
