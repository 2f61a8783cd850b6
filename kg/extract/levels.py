"""The conferring level of an honour: national, provincial, city, county, other.

GUIDELINES: decide from the name first (全国…, 省级…, 贵港市…), then from who
confers it (被市教育局评为, a list headed 区级表彰), then from the report's own
bureau, whose honours these are when nothing else is said.
"""

from __future__ import annotations

import re

from ..regions import RegionIndex
from ..resources import load_lexicon
from .rules import Rules

__all__ = [
    "LEVELS",
    "agent_level",
    "award_level",
    "conferring_levels",
    "level_of_region",
    "level_of_word",
]

#: Levels in the order a tie is broken (the higher conferring body first).
LEVELS = ("national", "provincial", "city", "county", "other")

_INNER_LEVEL = re.compile(r"全国|国家级|全省|省级|全市|市级|全区|区级|全县|县级")
# The conferring body before a verb: a region or level word and an organ.
_AGENT = re.compile(
    r"[\u4e00-\u9fffXx*]{0,12}?(?:"
    + "|".join(
        map(re.escape, load_lexicon().conferring_bodies + load_lexicon().associations)
    )
    + ")"
)
_LEAGUE = re.compile(r"^(?:共青团|团)(?=.)")
_MASK = re.compile(r"^[XxＸｘ*＊某]{1,4}(?=[省市区县旗州])")
# A year, an edition or a count before the level word: 2023年度, 第七届, 首届,
# a span of years (2022—2023学年度).
_LEAD = re.compile(
    r"^(?:(?:19|20)\d\d(?:\s*[—\-－~～至]\s*(?:19|20)?\d\d)?(?:学年度|年度|学年|年)?"
    r"|第[一二三四五六七八九十\d]+[届批次]|首届|首批)*"
)


#: 全州, 全县 …: the whole of an area (全州 is no 全州县); a name opened so
#: says its own scope.
SCOPE_PREFIX = re.compile("^全[国省市区县州旗盟]")


def level_of_region(code: str, index: RegionIndex) -> str:
    """The level of a body of region ``code`` (北京市 is provincial)."""
    ref = index.by_code.get(code)
    if ref is None:
        return ""
    return {1: "provincial", 2: "city", 3: "county"}.get(ref.level, "other")


def level_of_word(word: str, rules: Rules) -> str:
    """The level a level word or a body's name states (市级, 县教育局), or ""."""
    best = ""
    for prefix, level in rules.lexicon.award_levels:
        if word.startswith(prefix) and len(prefix) > len(best):
            best, found = prefix, level
    return found if best else ""


def _region_prefix_level(name: str, rules: Rules) -> str:
    match = rules.region_pattern.match(name)
    if not match:
        return ""
    index = rules.regions
    surface = match.group()
    codes = index.by_name.get(surface) or index.by_short.get(surface) or ()
    if not codes and surface in index.other_names:
        codes = (index.other_names[surface],)  # 恩施州, 喀左县: names in use
    after = name[match.end() : match.end() + 1]
    if after and after in "州盟市县区旗":
        # 恩施州 (not 恩施市): the level word after a short form picks its reading.
        codes = [c for c in codes if index.by_code[c].name.endswith(after)] or codes
    levels = {level_of_region(code, index) for code in codes}
    if len(levels) != 1:
        return ""
    return levels.pop()


def award_level(
    name: str,
    rules: Rules,
    *,
    context_level: str = "",
    municipal: bool = False,
    county_city: bool = False,
    autonomous: bool = False,
) -> str:
    """Return the conferring level of the honour ``name``.

    Args:
        name: the honour's name, in simplified characters.
        rules: compiled rule tables.
        context_level: the level the context states (a list heading, the
            conferring body, the report's bureau), used when the name says
            nothing.
        municipal: the report is about a 直辖市 (北京/上海/天津/重庆), where
            a 市 honour is a provincial one.
        county_city: the report is about a county-level 市 (义乌市), where
            全市 is that county's whole.
        autonomous: the report is about a place in an autonomous region that
            is no 区 itself (a 旗, a county, a city), where 全区 is the
            autonomous region's whole.

    Returns:
        One of :data:`LEVELS`.

    Example:
        >>> from kg.extract.rules import load_rules
        >>> award_level("全国优秀教师", load_rules())
        'national'
        >>> award_level("2023年度先进集体", load_rules(), context_level="county")
        'county'
    """
    for title, level in rules.lexicon.award_level_titles:
        if name.endswith(title):
            return level
    head = _LEAD.sub("", name)
    inner = _INNER_LEVEL.search(head)
    # 全州, 全县: the whole of the report's prefecture or county, not 全州县.
    level = "" if SCOPE_PREFIX.match(head) else _region_prefix_level(head, rules)
    if not level:
        # A masked region (XX区, **市) still says its level.
        level = level_of_word(_MASK.sub("", head), rules)
        if level == "city" and municipal:
            level = "provincial"
        elif level == "city" and county_city and head.startswith("全市"):
            level = "county"
        elif head.startswith("全区") and (autonomous or context_level == "provincial"):
            # 被自治区教育厅评为“全区…先进单位”, or 全区 in a 旗's report.
            level = "provincial"
    if not level and inner:
        # 青少年…主题教育全国先进集体: the level word inside the name.
        level = level_of_word(inner.group(), rules)
    if (
        not level
        and head.endswith("奖")
        and any(word in head for word in rules.lexicon.award_events)
        and not any(word in head for word in rules.lexicon.assessment_words)
    ):
        # A contest's prize with no level word is a society's (…竞赛金奖).
        return "other"
    if not level:
        level = context_level
    return level or "other"


def conferring_levels(
    text: str, statements, rules: Rules, county_city: bool = False
) -> dict[int, str]:
    """The level of the body that confers each honour (by the honour's end).

    被自治区教育工委命名为X, 被鞍山市教育局评为X, 郊区教育局授予…X: the agent
    of the verb confers the honour. ``county_city``: the report is about a
    county-level city, whose 市教育局 is a county-level body.
    """
    out: dict[tuple[int, int], str] = {}
    for st in statements:
        floor = max(text.rfind(p, 0, st.trigger_start) for p in "，,。；;\n") + 1
        clause = text[floor : st.trigger_start]
        passive = clause.rfind("被")
        agent = clause[passive + 1 :] if passive >= 0 else clause
        level = agent_level(agent, rules) or _agent_named_around(text, st, rules)
        if (
            level == "city"
            and county_city
            and not rules.region_pattern.search(agent)
            and "地区" not in agent  # 地区教育局: the prefecture's
        ):
            level = "county"  # 市教育局 in 海城市's report: a county-level city
        if level:
            for award in st.awards:
                out[award.end] = level
    return out


#: 获得由省教育厅授予的“X”: the body between the verb and the honour.
_GRANTED_BY = re.compile(
    r"由([^，,。；;“”]{2,24}?)(?:授予|颁发|评选|认定|命名|表彰)的?"
)
#: 经省教育厅批准，A被认定为X; 在教育部组织的评选中，A被评为X: the body
#: earlier in the sentence.
_APPROVED_BY = re.compile(
    r"(?:^|[，,])(?:经|在|由)([^，,。；;“”]{2,24}?)"
    r"(?:批准|审核|评审|评估|认定|同意|组织|举办|开展|主办)"
)


def _agent_named_around(text: str, statement, rules: Rules) -> str:
    """The level of a conferring body named after the verb or earlier in the
    sentence, or ""."""
    if statement.awards:
        between = text[statement.trigger_end : statement.awards[0].start]
        granted = _GRANTED_BY.search(between)
        if granted:
            return agent_level(granted.group(1), rules)
    start = max(text.rfind(p, 0, statement.trigger_start) for p in "。；;！!？?\n") + 1
    bodies = list(_APPROVED_BY.finditer(text, start, statement.trigger_start))
    # the last body before the verb
    return agent_level(bodies[-1].group(1), rules) if bodies else ""


def agent_level(agent: str, rules: Rules) -> str:
    """省委、省政府 → provincial; 贵港市组织部 → city; 市教育局 → city."""
    match = _AGENT.search(agent)
    if not match:
        return ""
    # 共青团陕西省委, 团省委, 团中央: the League's body at the level after it
    body = _LEAGUE.sub("", match.group())
    if body.endswith(rules.lexicon.associations):
        return "other"  # 市教育学会: an association's honour (GUIDELINES levels)
    level = _region_prefix_level(body, rules)
    if level:
        return level
    return level_of_word(_MASK.sub("", body), rules)
