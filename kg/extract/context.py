"""The report's own context: who published it, which area it is about.

Names that depend on the report (区教育局 is the publisher; 市教育局 is its
city's bureau), the area that locates the schools it lists (decision 12),
and the publisher when no metadata names one (decision 13) are read here,
once per report, by the ``kg_context_v1`` component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..regions import divisions_of_level
from ..resources import load_lexicon
from ..types import RegionRef
from .entities import (
    ZONE_COMMITTEES,
    Candidate,
    dominant_region,
    find_committee_zones,
    find_named_zones,
    find_regions,
    find_unlisted_towns,
    find_unresolved_area,
    find_zones,
)
from .levels import level_of_region, level_of_word
from .rules import Rules

_LEX = load_lexicon()

__all__ = [
    "ReportContext",
    "as_written",
    "fullest_bureau_names",
    "read_context",
    "resolve_bureau",
]

_FIRST_PERSON = re.compile("|".join(map(re.escape, _LEX.first_person_bureau)))
_ADDRESS = re.compile("|".join(map(re.escape, _LEX.speech_openings)))
_OWN_AREA = re.compile(r"我[省市区县旗州]")
_AREA_WORDS = re.compile(r"(?:我|全|本)([省市区县旗州])")
_SIGNATURE_LINES = 8
# 2018年某区政府教育工作自评报告: a government reports on its education work;
# its 我区 is the government's, not the bureau's (decision 13).
_GOVERNMENT_TITLE = re.compile(
    r"^[^，。,\n]{0,20}政府[^，。,\n]{0,16}(?:报告|总结|汇报|自评|自查)[^，。,\n]{0,4}$"
)
_TITLE_LINES = 4


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a report says about itself.

    Attributes:
        publisher_name: the issuing bureau as written ("" when none).
        publisher_full: its fullest name (宁波市北仑区教育局).
        home: division code of the area the report is about ("" if none).
        area_name: the area's name when it has no single division (郊区).
        named: every division code the report names or is seeded with.
        home_level: the award level of the area's own bodies.
        municipal: the report is about a province-level 市 (北京/重庆…).
        county_city: the county-level 市 the area is or lies in (its 市教育局
            is that city's), or "".
        autonomous: the area lies in an autonomous region (内蒙古, 广西 …)
            and is no 区 itself, so its 全区 is the autonomous region.
    """

    publisher_name: str = ""
    publisher_full: str = ""
    home: str = ""
    area_name: str = ""
    named: frozenset[str] = frozenset()
    home_level: str = ""
    municipal: bool = False
    county_city: str = ""
    autonomous: bool = False


def read_context(
    text: str,
    metadata_publisher: str,
    candidates: list[Candidate],
    regions: list[Candidate],
    rules: Rules,
) -> tuple[ReportContext, list[Candidate], list[Candidate]]:
    """Read a report's context from its metadata and its mentions.

    Args:
        text: the report (simplified characters).
        metadata_publisher: the issuing body the metadata names, or "".
        candidates: the arbitrated mentions (bureaus are completed here
            when the area's name heads them: 郊区教育局).
        regions: the region mentions.
        rules: compiled rule tables.

    Returns:
        ``(context, candidates, regions)``; an unresolved area (郊区) adds
        codeless region mentions.
    """
    index = rules.regions
    publisher_name = metadata_publisher
    if publisher_name and not _is_bureau_name(publisher_name, rules):
        # 来源：某区政数局, 根据教育部: not the name of an education body.
        publisher_name = ""
    pub_regions = find_regions(publisher_name, rules, set()) if publisher_name else []
    seed = {r.region for r in pub_regions}
    if not publisher_name:
        publisher_name = _own_bureau(text, candidates, regions, index, rules)
        if publisher_name:
            pub_regions = find_regions(publisher_name, rules, seed)

    level_char = bureau_level_char(publisher_name, rules)
    home = pub_regions[-1].region if pub_regions else ""
    if not home and publisher_name and level_char:
        home = dominant_region(regions, index, level_char)
    # The publisher's own region names it; an area read from the text only
    # locates the schools (a masked XX区教育局 is not its city's bureau).
    pub_home = home
    if home and any(w in publisher_name for w in rules.lexicon.supervision_words):
        # 泸州市…督导委员会办公室 关于合江县…督导评估的报告: the report is
        # about the area it inspects (decision 12)
        home = _inspected_area(text, regions, home, index) or home
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
    zones = find_zones(text, regions, index)
    zones += find_named_zones(text, [*regions, *zones])
    zones += find_committee_zones(candidates, [*regions, *zones])
    zones += find_unlisted_towns(text, [*regions, *zones], index, home)
    if zones:
        # 成都高新区 (decision 17): a Region of its own, and the bureau named
        # after it (成都高新区教育局) starts with it.
        regions = sorted([*regions, *zones], key=lambda c: (c.start, c.end))
        candidates = _extend_bureaus(candidates, zones)
        candidates = _schools_from_their_zone(text, candidates, zones)

    home_level = level_of_region(home, index) if home else ""
    if not home_level:
        # 县教育局 / 郊区 with no division: the level its name states, or the
        # level of the area the text speaks of (全县, 我县).
        spoken = _spoken_level_char(text)
        home_level = level_of_word(level_char or area_name[-1:] or spoken, rules)
    municipal = bool(home) and _in_municipality(home, index)
    if not municipal:
        municipal = any(
            r.region
            and index.by_code[r.region].level == 1
            and index.by_code[r.region].name.endswith("市")
            for r in regions
        )
    county_city = _county_city(home, index) if home else ""
    autonomous = bool(home) and _in_autonomous_region(home, index)
    publisher_full = (
        _zone_bureau(publisher_name, pub_regions, index, rules)
        or bureau_name(publisher_name, pub_home, index, rules)
        if publisher_name
        else ""
    )
    context = ReportContext(
        publisher_name=publisher_name,
        publisher_full=publisher_full,
        home=home,
        area_name=area_name,
        named=frozenset(seed | {r.region for r in regions}),
        home_level=home_level,
        municipal=municipal,
        county_city=county_city,
        autonomous=autonomous,
    )
    return context, candidates, regions


def _own_bureau(text, candidates, regions, index, rules: Rules) -> str:
    """The bureau whose own text this is, when no metadata names it.

    GUIDELINES decision 13: a closing signature, the bureau that opens the
    text as its subject, or a first-person summary (我局, 全市教育系统) of
    the area the report is about.
    """
    bureaus = [c for c in candidates if c.label == "Bureau"]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for line in lines[-_SIGNATURE_LINES:]:
        # (not a table's row: 3　2021　X特色学校　教育部 names who conferred X)
        if (
            len(line) <= 25
            and rules.bureau_ending(line)
            and line[0] not in "市区县省"
            and not line[0].isdigit()
            and "\t" not in line
        ):
            return line
    for cand in bureaus:
        if cand.start > 300:
            break
        if not cand.region or text[cand.end : cand.end + 2] in ("关于", "的"):
            continue
        suffix = rules.bureau_ending(cand.name)
        level_word = bureau_level_word(cand.name, rules)
        own = (
            text.count(cand.name)
            + text.count(level_word + suffix)
            - (cand.name.endswith(level_word + suffix) * text.count(cand.name))
        )
        # A bureau that opens the text and comes back, or speaks as 我局/我县.
        if own >= 2 or _FIRST_PERSON.search(text):
            return cand.name
    if any(_GOVERNMENT_TITLE.match(line) for line in lines[:_TITLE_LINES]):
        return ""
    own_area = len(_OWN_AREA.findall(text))
    # A speech to the area's own staff (同志们：… 我们 … 我市) is the bureau's.
    speech = bool(_ADDRESS.search(text[:200])) and "我们" in text
    if _FIRST_PERSON.search(text) or own_area >= 2 or (own_area and speech):
        level_char = _spoken_level_char(text)
        area = dominant_region(regions, index, level_char) if regions else ""
        if area:
            return region_prefix(area, index) + "教育局"
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


def _schools_from_their_zone(text: str, candidates, zones: list) -> list:
    """天|易经开区实验学校: a school jieba cut inside its zone's name starts
    with the zone (八里湖新区琵琶湖学校)."""
    out = []
    for cand in candidates:
        if cand.label == "School":
            for zone in zones:
                if zone.start < cand.start < zone.end < cand.end:
                    cand = replace(
                        cand, start=zone.start, name=text[zone.start : cand.end]
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
    if not head or head[-1] in "省市区县旗州盟" or head.endswith(ZONE_COMMITTEES):
        return True  # …管理委员会教育局: a zone's administering committee
    match = rules.region_pattern.match(head)
    return bool(match) and match.end() == len(head)


def _spoken_level_char(text: str) -> str:
    """The level of the area the text speaks of most (县 of 全县/我县), or ""."""
    words = _AREA_WORDS.findall(text)
    return max(sorted(set(words)), key=words.count) if words else ""


def _inspected_area(text: str, regions, home: str, index) -> str:
    """The one region below ``home`` that a title line 关于X… names, or ""."""
    title_end = _title_end(text)
    named = {
        r.region
        for r in regions
        if r.region
        and r.start < title_end
        and text.rfind("关于", 0, r.start) >= text.rfind("\n", 0, r.start)
        and home in index.ancestors(r.region)
        and index.by_code[r.region].level == 3
    }
    return named.pop() if len(named) == 1 else ""


def _title_end(text: str) -> int:
    """Where the first lines (publisher and title) end."""
    end = 0
    for _ in range(_TITLE_LINES):
        nl = text.find("\n", end)
        if nl < 0:
            return len(text)
        end = nl + 1
    return end


def _report_area(text: str, regions, index) -> str:
    """The region a report is about: its most-named county or city."""
    level_char = _spoken_level_char(text)
    counts: dict[str, int] = {}
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


def as_written(
    name: str,
    start: int,
    end: int,
    shadow: str,
    original: str,
    rebuilt_within: tuple[int, int] | None = None,
) -> str:
    """The name as the original script writes it (貴州省教育廳, not 贵州省教育厅).

    ``rebuilt_within``: the sentence a rebuilt name borrows from
    (全國…大賽、職業技能大賽一等獎 → 全国职业技能大赛一等奖 takes 全國 from
    before its span); each longest piece found there is written as the text
    writes it, so both spellings of one award resolve to one entity.
    """
    at = shadow.find(name, start, end) if name else -1
    if at >= 0:
        return original[at : at + len(name)]
    if rebuilt_within is None:
        return name
    low, high = min(rebuilt_within[0], start), max(rebuilt_within[1], end)
    out = []
    i = 0
    while i < len(name):
        j = len(name)
        while j > i and (at := shadow.find(name[i:j], low, high)) < 0:
            j -= 1
        if j == i:
            out.append(name[i])
            i += 1
        else:
            out.append(original[at : at + j - i])
            i = j
    return "".join(out)


def _in_municipality(code: str, index) -> bool:
    """True when ``code`` lies in 北京/上海/天津/重庆 (a province-level 市)."""
    top = ([code, *index.ancestors(code)])[-1]
    ref = index.by_code.get(top)
    return ref is not None and ref.level == 1 and ref.name.endswith("市")


def _in_autonomous_region(code: str, index) -> bool:
    """True when ``code`` lies in a 自治区 and is not a 区 (district, 地区)."""
    top = index.by_code.get(([code, *index.ancestors(code)])[-1])
    return (
        top is not None
        and top.level == 1
        and top.name.endswith("自治区")
        and not index.by_code[code].name.endswith("区")
    )


def bureau_level_word(name: str, rules: Rules) -> str:
    """The level word before a bureau's ending as written (区 of 区教育局,
    自治区 of 自治区教育厅), or ""."""
    suffix = rules.bureau_ending(name)
    head = name[: -len(suffix)] if suffix else ""
    if head.endswith("自治区"):
        return "自治区"
    return head[-1] if head and head[-1] in "省市区县旗州盟" else ""


def bureau_level_char(name: str, rules: Rules) -> str:
    """The level character of a bureau's name (区 of 区教育局), or ""; 省 for
    自治区教育厅, whose 区 is a province's, not a district's."""
    word = bureau_level_word(name, rules)
    return "省" if word == "自治区" else word


def _zone_bureau(name: str, regions: list[Candidate], index, rules: Rules) -> str:
    """The bureau of a development zone (decision 17), named after the zone.

    甘肃省兰州新区教育和体育局 is 兰州新区's bureau, not 兰州市's; 贵州省
    贵安新区教育局, whose zone names no division, is 贵安新区教育局, not a
    provincial 贵州省教育局. "" when no zone stands before the ending.
    """
    suffix = rules.bureau_ending(name)
    if not suffix:
        return ""
    head = name[: -len(suffix)]
    zones = find_zones(head, regions, index)
    if zones and zones[-1].end == len(head):
        return zones[-1].name + suffix
    start = max((r.end for r in regions), default=0)
    rest = head[start:]
    if len(rest) > 2 and rest.endswith(
        (*rules.lexicon.zone_suffixes, *ZONE_COMMITTEES)
    ):
        return rest + suffix  # 贵安新区: a zone of the province, no city's
    return ""


def bureau_name(surface: str, home: str, index, rules: Rules) -> str:
    """The fullest name of a bureau: region path + suffix (宁波市北仑区教育局)."""
    suffix = rules.bureau_ending(surface)
    if not suffix or not home:
        return surface
    return region_prefix(home, index) + named_suffix(suffix, rules)


def full_suffix(suffix: str, rules: Rules) -> str:
    """教委 → 教育委员会: bodies compare in their full ending."""
    return rules.lexicon.bureau_suffix_aliases.get(suffix, suffix)


def named_suffix(suffix: str, rules: Rules) -> str:
    """The ending a bureau's name uses: 督导室 in full, 教委 as written.

    ``fullest_bureau_names`` gives 教委 its full form when the text does.
    """
    if suffix in rules.lexicon.bureau_endings_as_written:
        return suffix
    return full_suffix(suffix, rules)


def fullest_bureau_names(names: list[str], rules: Rules) -> dict[str, str]:
    """上海市教委 → 上海市教育委员会 when the report writes the latter too, and
    合江县教体局 → 合江县教育和体育局 (another written form of that full one)."""
    present = set(names)
    endings = {name: rules.bureau_ending(name) for name in present}
    full_of = {
        name: name[: -len(ending)] + full_suffix(ending, rules)
        for name, ending in endings.items()
        if ending
    }
    # 合江县教体局 and 合江县教育和体育局: one bureau (both 教育体育局 in full),
    # named as the text writes it longest
    written: dict[str, str] = {}
    for name in sorted(full_of):
        if len(name) > len(written.get(full_of[name], "")):
            written[full_of[name]] = name
    out = {}
    for name, full in full_of.items():
        if endings[name] in rules.lexicon.bureau_endings_as_written:
            if full in present:
                out[name] = full
            elif len(written[full]) > len(name):
                out[name] = written[full]
    return out


def _county_city(home: str, index) -> str:
    """The county-level 市 that ``home`` is or lies in (溧阳市 for its towns), or ""."""
    for code in (home, *index.ancestors(home)):
        ref = index.by_code[code]
        if ref.level == 3:
            return code if ref.name.endswith("市") else ""
    return ""


def region_prefix(code: str, index) -> str:
    """The region part of a bureau's full name (宁波市北仑区 for a district)."""
    ref: RegionRef = index.by_code[code]
    if ref.level == 3 and ref.parent:
        return index.by_code[ref.parent].name + ref.name
    return ref.name


def resolve_bureau(
    cand: Candidate, context: ReportContext, rules: Rules
) -> tuple[str, str]:
    """Expand a bureau mention to its fullest name, using the report's context."""
    index = rules.regions
    publisher_name = context.publisher_name
    publisher_full = context.publisher_full
    home = context.home
    surface = cand.name
    suffix = rules.bureau_ending(surface)
    # 区教育局 / 教体局 in a district bureau's own report is that bureau (省教育厅
    # in a report of 省政府教育督导办公室 is not: another body of the same area).
    same_body = bool(suffix) and full_suffix(suffix, rules) == full_suffix(
        rules.bureau_ending(publisher_name), rules
    )
    if cand.region:
        if publisher_full and same_body and cand.region == home:
            return publisher_full, home  # 郓城县教体局 of 郓城县教育和体育局
        return bureau_name(surface, cand.region, index, rules), cand.region
    head = surface[: -len(suffix)] if suffix else surface
    if suffix in ("教育部",) or not suffix:
        return surface, ""
    if (
        publisher_full
        and same_body
        and head in ("", bureau_level_word(publisher_name, rules))
    ):
        return publisher_full, home
    city = context.county_city
    if head == "市" and city:
        # 市教育局 in the report of a county-level city (or of one of its
        # towns) is that city's bureau, not its prefecture's.
        return bureau_name(surface, city, index, rules), city
    if (
        home
        and head in ("区", "县", "旗")
        and index.by_code[home].level == 3
        and index.by_code[home].name.endswith(head)
    ):
        # 区教委 in a report about a district (decision 12): that district's.
        return bureau_name(surface, home, index, rules), home
    if home and rules.lexicon.relative_bureau_levels.get(head, 3) < 3:
        # 市教育局 in a district's report is the bureau of the district's city
        # (of the municipality itself under 北京/上海/天津/重庆).
        for code in divisions_of_level(home, head, index):
            if code in context.named:
                return bureau_name(surface, code, index, rules), code
    return surface, ""
