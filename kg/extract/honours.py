"""Honours conferred on many units at once: grants, lists and categories.

Commendation notices and summaries name honours in shapes a subject-verb-
object reading misses (GUIDELINES decision 10):

- a grant whose object is the recipients: 授予A、B、C“X”称号; 确认A等10个县为X;
  同意以下学校为X：;
- a lead naming an honour, the units listed on the lines below it:
  拟认定为X，名单如下： / a heading ``X名单``;
- categories of honours after one subject: 我局获得各级表彰，其中国家级表彰：
  A；市级表彰：B、C.

Each shape becomes an :class:`AwardStatement` whose ``recipients`` span says
where the units are named; the relation finder gives every School, Bureau
or Region named there the honour.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..resources import load_lexicon
from .entities import (
    BARE_TIER,
    BUREAU_TITLE_WORDS,
    HONOUR_HEAD,
    LEVEL_PREFIX,
    NEGATED_HONOUR,
    TOP_HEADING,
    UNITS_BELOW,
    AwardStatement,
    Candidate,
    clause_of,
    clean_award_name,
    contest_heading_above,
    contest_in,
    contest_named_before,
    is_bare_part,
    joins_two_honours,
    last_contest,
    lines_above,
    listed_below,
    names_its_place,
    part_in_quoted_program,
    placed_contest,
    this_contest_named,
    tried_in,
)
from .headings import (
    ANNEX_MARK,
    BARE_PART_LIST,
    BATCH_MARK,
    NUMBER_MARK,
    PROSE_LIST_LEAD,
)
from .levels import level_of_word
from .rules import Rules

_LEX = load_lexicon()
_BUREAU_ENDS = tuple(_LEX.bureau_suffixes)

__all__ = ["find_honour_statements"]

_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,40})[”\"」』]")
_TITLE_WORDS = re.compile(r"^(?:等?荣誉称号|等?称号|荣誉|的?荣誉称号)")
# 龙文区等10个县（市、区）, 安宁市县街学校等18所校（园）: a count after a list.
_COUNT = re.compile(r"等\s*[0-9一二三四五六七八九十百两]+\s*[个所家名位支][^为]{0,8}$")
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两]+\s*[个名位所家支项人]")
_PAREN_TAIL = re.compile(r"[（(][^（）()]{1,8}[）)]$")
_COUNT_PAREN = (
    r"(?:[（(]\s*(?:共\s*)?\d+\s*[个名所家人项对]"
    # （20所，按县域排列，排名不分先后）: the count and a note on the order,
    # which may hold brackets of its own (按县（市、区）排序)
    r"(?:\s*[，,、]\s*(?:按|排名)(?:[^（）()]|[（(][^（）()\n]{1,8}[）)]){0,16})?\s*[）)])"
)
# 二、安全工作先进集体（3个）: a heading naming an honour and its count.
_HEADING_HONOUR = re.compile(
    r"^" + NUMBER_MARK + r"?\s*"
    # (“互联网+教育”应用优秀学校: a program's name may hold a plus)
    r"([\u4e00-\u9fff“”\"0-9+＋]{3,30}?)\s*"
    # 先进县（区）（3个）: the kinds of area the honour goes to, then the count
    # 先进镇（街道）（6个）: towns and streets too
    r"(?:[（(](?:[县市区旗镇乡、]|街道){1,7}[）)])?\s*"
    + _COUNT_PAREN
    # 二、艺术表演类二等奖（部分）: a part of the list
    + r"?\s*(?:[（(](?:节选|部分)[）)])?\s*[:：]?\s*$"
)
# 2022年度先进单位名单（20个）: the count may follow 名单.
_HEADING_LIST = re.compile(
    r"^(?:" + ANNEX_MARK + r"\s*)?(?:" + NUMBER_MARK + r"\s*)?(.{4,50}?)"
    r"(?:拟?认定|拟?命名|拟?评定|拟?确定|推荐|表彰|(?:获奖|拟?入选)(?:单位|学校|集体)?)?名单\s*"
    + _COUNT_PAREN
    + r"?\s*(?:[（(](?:节选|部分|排名不分先后\S{0,8}|按\S{0,10}排序)[）)])?"
    # （20所，排名不分先后）: the count and the note in one bracket
    + r"(?:[（(]\s*\d+\s*[个名所家人项][，,、\s]*"
    + r"(?:排名不分先后|按\S{0,10}排序)[）)])?\s*$"
)
#: 拟立项名单, 立项项目名单: projects approved for a scheme, which hold no honour.
_APPROVED_PROJECTS = re.compile(r"立项(?:单位|学校|项目)?名单")
_MAX_LIST_LINE = 80
_MAX_LIST_LINES = 300


# 对A、B进行表彰; 为A、B代表颁发奖牌: a roll of honours, holders unnamed.
_ROLL = re.compile(
    # 被评为X，…受到表彰: the 为 of a verb (评为) opens no roll, which no
    # comma breaks
    r"(?:对|(?<![评选名定列称])为)([^。；;！？!?\n（(，,]{4,200}?)(?:等?代表)?"
    r"(?:进行了?|予以)?(?:表彰|颁发)"
)
_COLLECTIVE_LEAD = re.compile(r"^(?:全[区县市省旗]|本[区县市])")
# 先进基层党组织2个, 优秀共产党员5人: an honour counted out.
_COUNTED_ITEM = re.compile(
    r"([\u4e00-\u9fff“”\"XxＸ*＊]{3,30}?)\s*[0-9一二三四五六七八九十两]+\s*[个名人位项所家支]"
)
# Who holds a counted honour, or the verb before it: no part of its name.
_LEAD_WORDS = sorted(load_lexicon().counted_honour_leads, key=len, reverse=True)
_LEADS = re.compile("^(?:" + "|".join(map(re.escape, _LEAD_WORDS)) + ")+")
# The last trigger verb inside a counted item (区教育局获得|X): greedy .* so
# the match ends at the last one; 获得者 (winners) and 获奖 are no verb here.
_LAST_TRIGGER = re.compile(
    ".*(?:"
    + "|".join(
        map(re.escape, sorted(load_lexicon().award_triggers, key=len, reverse=True))
    )
    + ")(?!得?者|奖)"
)
# The last verb selecting winners inside a counted item (本次比赛共评出|一等奖).
_SELECTING = re.compile(r".*(?:评选出|评出|决出)")
# 通过省教育强镇督导验收: passing the assessment confers the title.
_ASSESSED = re.compile(
    r"通过了?([^，,。；;、\n]{3,30}?)(?:督导|省级|市级)?(?:验收|评估验收|复评|认定)"
)


# 被评为“X”的学校有A、B、C: the holders follow the honour.
_HOLDERS_FOLLOW = re.compile(
    r"(?:被评为|评为|获评|荣获|获得|被命名为|被认定为|被授予|授予)“?([^，,。；;：:\n]{3,30}?)”?"
    r"(?:称号)?的(?:学校|单位|幼儿园|集体|县区|县|区)?(?:有|是)[：:]?"
)
# 下列学校被评为X：A、B; 获评X：A、B — the holders after the honour and a colon.
_HOLDERS_AFTER_COLON = re.compile(
    r"(?:被评为|评为|获评|荣获|被命名为|被认定为|认定为)“?([^，,。；;：:\n]{3,30}?)”?"
    r"(?:称号|荣誉称号)?[：:]"
)
# 全市教育系统先进单位：A、B、C — an honour heading its holders on one line
# (（一）优秀学校（5所）：A B C in a commendation notice).
_HONOUR_COLON = re.compile(
    r"(?:^|(?<=[。；;\n]))\s*" + NUMBER_MARK + r"?\s*"
    # (江津区2023年教育质量…优秀学校: a year may stand in the honour's name)
    r"([\u4e00-\u9fff“”]{0,12}?(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff“”]{2,30}?)"
    r"\s*(?:[（(]\s*\d+\s*[个名所家人]\s*[）)])?[：:]"
)
# 一等奖　A、B: a tier, then its units after spaces instead of a colon.
_TIER_SPACED = re.compile(
    r"(?:^|(?<=\n))[ \t\u3000]*" + NUMBER_MARK + r"?[ \t\u3000]*"
    r"(" + BARE_TIER.pattern + r")(?:[（(]\s*\d+\s*[个名所家人]\s*[）)])?"
    r"(?:[\t\u3000]|  )[ \t\u3000]*(?=[\u4e00-\u9fff])"
)
# 小学组　一等奖：A；二等奖：B — a group's label opening the line of its tiers.
_GROUP_OPENS_LINE = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff]{1,6}?组)[ \t\u3000]+")
_GROUP_THEN_TIER = re.compile(
    r"(?:^|(?<=\n))[ \t\u3000]*[\u4e00-\u9fff]{1,6}?组[ \t\u3000]+"
    r"(" + BARE_TIER.pattern + r")\s*(?:[（(]\s*\d+\s*[个名所家人]\s*[）)])?[：:]"
)
# 一等奖（小学组）：A代表队、B代表队 — a tier, its group in brackets, its units.
_TIER_THEN_GROUP = re.compile(
    r"(?:^|(?<=\n))[ \t\u3000]*" + NUMBER_MARK + r"?[ \t\u3000]*"
    r"(" + BARE_TIER.pattern + r")[（(]([\u4e00-\u9fff]{1,6}组)[）)][：:]"
)
# 荷塘区宋家桥小学：湖南省文明校园、株洲市平安校园 — a unit, then its honours.
_UNIT_COLON = re.compile(
    r"(?:^|(?<=[。；;\n]))\s*(?:[一二三四五六七八九十]+、|\d+[.、])?\s*"
    r"([\u4e00-\u9fff（）()、]{4,120}?)(?:[：:]|——|—|--)([^：:。；;\n—]{3,200})"
)
# A（省级文明校园）、B（市级平安校园）: each unit's honour in brackets after it.
_BRACKETED_HONOUR = re.compile(r"[（(]([^（）()\n，,。；;]{3,60})[）)]")
_LIST_MARK = re.compile(r"[、，,：:；;。\n]")


def find_honour_statements(text: str, rules: Rules) -> list[AwardStatement]:
    """Find grants, listed recipients and honour categories in a report.

    Args:
        text: the cleaned report (simplified characters).
        rules: compiled rule tables.

    Returns:
        Award statements with their recipients' span, sorted by trigger.
    """
    out = _grants(text, rules) + _heading_lists(text, rules) + _table_rows(text, rules)
    out += _categories(text, rules)
    out += _rolls(text, rules) + _counted(text, rules) + _assessed(text, rules)
    out += _honours_listed_after_lead(text, rules)
    out += _honours_table_of_its_holder(text, rules) + _unit_honour_rows(text, rules)
    out += _holders_follow(text, rules) + _selected_holders(text, rules)
    placements = _placements_first(text, rules)
    # 第一名：A under its contest's headings: the placement reader names it
    placed = {st.trigger_start for st in placements}
    out += [
        st for st in _honour_headed_lists(text, rules) if st.trigger_start not in placed
    ]
    out += _unit_honour_lists(text, rules) + _bracketed_honours(text, rules)
    out += _tiers_over_their_lines(text, rules)
    out += _spaced_rows(text, rules)
    out += _category_rows(text, rules)
    out += _result_rows(text, rules)
    out += _became_area_title(text, rules)
    out += _added_with_holders(text, rules)
    out += _published_lists(text, rules)
    out += placements
    return sorted(out, key=lambda st: (st.trigger_start, st.trigger_end))


#: 入选X的学校分别是：: a lead naming who holds X, no honour of its own.
_WINNERS_LEAD = re.compile(
    r"的(?:学校|单位|幼儿园|集体)(?:分别)?(?:是|为|有)\s*[：:]\s*$"
)
_NUMBERED_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)"
    # 2.2023年度X优秀组织单位: an item's number before a year, no decimal
    r"|\d{1,2}[.．](?=(?:19|20)\d\d年))"
)


#: 五常市：— the place a line's units are grouped under.
_PLACE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,12}[：:]")


#: 昆明市（4所）：— a place's group of a list, its units on the lines below.
_PLACE_GROUP = re.compile(r"[\u4e00-\u9fff]{2,12}[（(]\s*\d+\s*[所个家][）)][：:]")


def list_block(text: str, line_end: int) -> tuple[int, int] | None:
    """The lines listing units after a lead line ending at ``line_end``.

    A list line is short and holds no sentence end; blank lines are skipped;
    the block ends at the first line of prose.
    """
    pos = line_end
    start = end = -1
    # The block's end before its last line, and that line's start.
    before_last = last_start = -1
    for _ in range(_MAX_LIST_LINES):
        if pos >= len(text):
            break
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        line = text[pos:stop].strip()
        if line and _LIST_NOTE.fullmatch(line):
            pos = stop + 1
            continue  # （共40所，按地区排列）: a note on the list under its title
        if line:
            # A long line is a list only when 、 or ； joins it, or spaces
            # space it (ten units in one line).
            joined = _JOINED_UNITS.search(line) or _SPACED_UNITS.search(line)
            longest = _MAX_LIST_LINE * (8 if joined else 1)
            if len(line) > longest or (
                "，" in line[:-1] and not _units_joined_by_commas(line)
            ):
                break
            if "。" in line[:-1] or (
                line.endswith("。")
                and "；" not in line
                and not _units_only(
                    _PLACE_LABEL.sub("", _NUMBERED_HEADING.sub("", line[:-1]))
                )
            ):
                # prose; not 新罗区：A、B；永定区：C。, groups by place, or
                # A、B、C。, 五常市：A、B。 and 6.尕让乡：A。, units only
                break
            grouped = _GROUP_UNITS.fullmatch(line)
            if grouped is not None and _grouped_units(grouped.group("units")):
                # （一）普通高中组：A、B under 二、X（12所）: a group of the list
                if start < 0:
                    start = pos
                before_last, last_start = end, pos
                end = stop
                pos = stop + 1
                continue
            numbered = _NUMBERED_HEADING.match(line)
            item = line[numbered.end() :].strip() if numbered else ""
            if item and line[0].isdigit():
                item = _NOTE_AT_END.sub("", item)  # 2.大沙中学（茶园种植类）
            if _group_heading(line) and not _numbered_school(line):
                pos = stop + 1
                continue  # （一）高中组（2个）, 中学组（6个）：a group of the same list
            if (
                numbered
                # (1.河阴镇：A中心学校；: a list line's mark after it)
                and item.rstrip("；;。").endswith((*_UNIT_ENDS, *_TEAM_ENDS))
                and not (line[0] in _CHINESE_NUMERALS and item.endswith(_HONOUR_ENDS))
            ):
                # 1.渝北区统景中学: a numbered unit of the list (四、普通高中教育
                # 教学质量优秀学校 heads the next list)
                numbered = None
            if _PLACE_GROUP.fullmatch(line):
                pos = stop + 1
                continue  # 昆明市（4所）： over its numbered schools, a group
            if (
                line.endswith(("名单", "：", ":"))
                or line.startswith("附件")
                or numbered
                or _TIER_HEADING.fullmatch(line)
            ):
                # the next list's heading (二、安全工作先进集体（3个）), or the
                # next tier's (二等奖（15项）)
                break
            if _SIGNATURE_DATE.match(line):
                # 灌阳县教育局\n2025年1月20日: a signature, no list; the lines
                # before the signer's are the list when units are joined in them
                listed = (
                    start < last_start
                    and (
                        _JOINED_UNITS.search(text, start, before_last)
                        # 1　成都市　A\n2　成都市　B: numbered rows of a table
                        or _numbered_rows(text[start:before_last])
                    )
                )
                return (start, before_last) if listed else None
            if _DOCUMENT_FOOTER.search(line):
                break  # 抄送：…, X办公室　2024年1月22日印发: the document's footer
            if _REMEDIAL_LABEL.match(line):
                break  # 限期整改学校（5所）：A、B — units that did not make the list
            if start < 0:
                start = pos
            before_last, last_start = end, pos
            end = stop
        pos = stop + 1
    return (start, end) if start >= 0 else None


#: （一）普通高中组：A、B — a group's label, then its units.
_GROUP_UNITS = re.compile(
    "(?:" + NUMBER_MARK + r")?\s*[\u4e00-\u9fff]{1,6}[组类段][：:]\s*(?P<units>.+)"
)


def _short_school_pattern() -> re.Pattern[str]:
    """A school's short name (decision 11): 曲靖一中, 五十一中 and 宣威八中 (a
    numbered kind), 吴集镇中 (a kind after a town), 晋江实小 and 建阳职专 (a
    kind of two characters); the kinds are the lexicon's."""
    kinds = load_lexicon().school_short_kinds
    numbered = "|".join(map(re.escape, sorted(kinds, key=len, reverse=True)))
    named = "|".join(
        map(re.escape, sorted((k for k in kinds if len(k) > 1), key=len, reverse=True))
    )
    return re.compile(
        rf"[\u4e00-\u9fff]{{1,5}}(?:[一二三四五六七八九十]+(?:{numbered})"
        rf"|[镇乡](?:{numbered})|{named})"
    )


#: 曲靖一中, 吴集镇中, 晋江实小: a school's short name.
_SHORT_SCHOOL = _short_school_pattern()


def _grouped_units(units: str) -> bool:
    """A、B；C　D: units joined by 、, ；, or spaces, and nothing else."""
    items = [
        i for i in re.split(r"[、；;\s\u3000]+", units.strip().rstrip("。；;")) if i
    ]
    return bool(items) and all(_one_unit(item) for item in items)


def _units_joined_by_commas(line: str) -> bool:
    """A，B，C: a line of units joined by commas, not a sentence."""
    pieces = [p.strip() for p in re.split("[，,]", line.strip().rstrip("，,；;。"))]
    return len(pieces) >= 2 and all(
        len(p) <= 30 and p.endswith((*_UNIT_ENDS, *_TEAM_ENDS)) for p in pieces
    )


def _numbered_rows(block: str) -> bool:
    """Every line of ``block`` (two or more) a numbered row (1　成都市　A)."""
    rows = [
        line.strip()
        for line in block.split("\n")
        if line.strip() and not line.strip().startswith("序号")
    ]
    return len(rows) >= 2 and all(_NUMBERED_ROW.match(row) for row in rows)


_NUMBERED_ROW = re.compile(r"\d{1,3}[\s\u3000]+\S")
#: 、 or ； joining the units of a list line.
_JOINED_UNITS = re.compile("[、；;]")
#: A　　B　　C: spaces between the units of a list line (ten units on a line
#: of an annex).
_SPACED_UNITS = re.compile(r"\S(?:\u3000+| {2,})\S")
_CHINESE_NUMERALS = "一二三四五六七八九十"
#: （茶园种植类）: a note after a unit, not a count.
_NOTE_AT_END = re.compile(r"\s*[（(][^（）()\d]{1,12}[）)]\s*$")
_HONOUR_ENDS = tuple(_LEX.award_suffixes)
#: （共40所，按地区排列）, （35所，按市排序）, （共12对，…）: a note on the list
#: under its title.
_LIST_NOTE = re.compile(
    r"[（(](?:共?\s*\d+\s*[所个家名项对]|按|排名)"
    # （共26所，按县（市、区）排序）: a bracket inside the note
    r"(?:[^（）()]|[（(][^（）()\n]{1,8}[）)]){0,20}[）)]"
)
#: 限期整改学校（5所）：, 不合格单位：— a label of units kept off the list.
_REMEDIAL_LABEL = re.compile(
    r"^[^：:，,。]{0,12}(?:整改|不合格|未通过|暂缓|撤销|摘牌|黄牌|警告)[^：:，,。]{0,10}[：:]"
)
#: 抄送：, （此件主动公开）, X办公室　2024年1月22日印发: a document's footer.
_DOCUMENT_FOOTER = re.compile(r"^(?:抄送|主送|[（(]此件)|印发$")
#: The date under a signature: 2025年1月20日.
_SIGNATURE_DATE = re.compile(r"^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _line_end(text: str, offset: int) -> int:
    nl = text.find("\n", offset)
    return len(text) if nl < 0 else nl


def _statement_end(text: str, pos: int) -> int:
    """Where the sentence (or line) going on at ``pos`` ends."""
    limit = _CLAUSE_END.search(text, pos)
    return limit.start() if limit else len(text)


#: A bracketed part of a name (先进县（市、区）), where 、 joins no honours.
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def _is_designation(name: str, rules: Rules) -> bool:
    lex = rules.lexicon
    if len(name) < 3 or len(name) > 40 or name.endswith(lex.not_prize_words):
        return False  # 市级以上表彰: a kind of honour, not one
    if "、" in _BRACKETED.sub("", name) or joins_two_honours(name, rules):
        return False  # 特色学校、示范校认定名单: several honours, none whole
    return not any(
        word in name
        and not _PRAISED_AFTER.search(name, name.find(word))
        # 集团化办学先进牵头校: praise for a school in the role
        and not _PRAISED_BEFORE.search(name, 0, name.find(word))
        for word in lex.non_honour_designations
    )


#: 国家智慧教育平台应用试点先进学校: an honour for the pilot's work, not a
#: selection for it.
_PRAISED_AFTER = re.compile(r"(?:先进|优秀)[\u4e00-\u9fff]{0,4}$")
_PRAISED_BEFORE = re.compile(r"(?:先进|优秀|示范)$")


def _award(start: int, name: str, rule: str, level: str = "") -> Candidate:
    return Candidate(start, start + len(name), "Award", name, rule, "", level=level)


def _cell_award(start: int, written: str, name: str) -> Candidate:
    """The honour ``name`` a table cell holds, on the characters ``written``."""
    return Candidate(start, start + len(written), "Award", name, "award.table-row", "")


#: 对A等3个单位、B等14所学校予以“X”通报表扬: the units praised with X.
_PRAISED_WITH = re.compile(
    r"对([^。；;！？!?\n]{2,200}?)予以“([^”]{3,40})”(?:通报表扬|通报嘉奖|表彰|表扬)"
)


def _praised_with(text: str, rules: Rules) -> list[AwardStatement]:
    out = []
    for match in _PRAISED_WITH.finditer(text):
        name = clean_award_name(match.group(2))
        if not (_is_honour(name, rules) and _is_designation(name, rules)):
            continue
        award = Candidate(
            match.start(2), match.end(2), "Award", name, "award.praised-with", ""
        )
        out.append(
            AwardStatement(
                match.start(), match.start(1), False, (award,), False, match.span(1)
            )
        )
    return out


def _grants(text: str, rules: Rules) -> list[AwardStatement]:
    """授予A、B“X”称号; 确认A等10个县为X; 同意以下学校为X：(list below);
    对A、B予以“X”通报表扬."""
    lex = rules.lexicon
    out = _praised_with(text, rules)
    pattern = re.compile("|".join(map(re.escape, lex.grant_triggers)))
    for match in pattern.finditer(text):
        t_end = match.end()
        if text[t_end : t_end + 1] == "了":
            named = _quoted_titles(text, t_end + 1, rules)  # after 了
            if named:
                # 命名了“X”和“Y”: honours conferred, holders not named here.
                out.append(
                    AwardStatement(
                        match.start(), match.end(), False, named, False, (t_end, t_end)
                    )
                )
            continue
        if text[t_end : t_end + 1] == "为":
            continue  # 认定为X: the subject comes before; the usual reading
        clause_end = _statement_end(text, t_end)
        following = pattern.search(text, t_end, clause_end)
        if following is not None:
            # 授予A等10个单位“X”称号，授予B等20名同志“Y”称号: two grants
            clause_end = following.start()
        # 认定A等12所学校为X，B等10所学校为Y: the verb governs each part
        starts = [t_end] + [
            m.end() for m in _NEXT_GRANT_PART.finditer(text, t_end, clause_end)
        ]
        for start, end in zip(starts, [*starts[1:], clause_end], strict=True):
            clause = text[start:end].rstrip("，, ")
            statement = _quoted_grant(text, match, start, clause, rules)
            if statement is None:
                statement = _grant_as(text, match, start, clause, rules)
            if statement is not None:
                out.append(statement)
                out.extend(_counted_list_below(text, statement, clause_end, rules))
    return out


def _counted_list_below(
    text: str, statement: AwardStatement, clause_end: int, rules: Rules
) -> list[AwardStatement]:
    """认定A等40所学校为X。现将名单公布如下（部分）：— the rest are listed below.

    A grant that names some units and counts the rest (等40所学校) holds them
    all when its line goes on to say the list follows.
    """
    start, end = statement.recipients
    if not _COUNT.search(text[start:end].rstrip("为")):
        return []
    if "名单" not in text[clause_end : _line_end(text, clause_end)]:
        return []
    block = listed_below(text, clause_end, rules)
    if block is None:
        return []
    return [replace(statement, recipients=block)]


#: ，B等10所学校为, ，C区、D区为“Y” — the next part of a grant whose verb is
#: not repeated.
_NEXT_GRANT_PART = re.compile(
    # (not ，被B评为“Y”, a grant of its own)
    r"[，,](?!被)(?=[^，,。；;]{2,40}?(?:等\s*\d+\s*[所个家名][^，,。；;]{0,4}?为"
    r"|(?<![评选称作成定])为[“\"])"
    # ，A区、B区、C县为X实验区: the units listed, then the honour
    r"|(?:[^，,。；;、]{2,12}、)+[^，,。；;、]{2,12}(?<![评选称作成定])为)"
)


#: 为2022年度天水市“: a year, place or level before a quoted honour.
_QUALIFIED_QUOTE = re.compile(
    r"为((?:(?:19|20)\d{2}年度?)?(?:[\u4e00-\u9fff]{2,10}?[省市区县州旗盟])?"
    r"(?:(?:国家|省|市|县|区)级)?)$"
)


def _quoted_grant(
    text: str, match: re.Match[str], t_end: int, clause: str, rules: Rules
) -> AwardStatement | None:
    quotes = list(_QUOTED.finditer(clause))
    if not quotes or clause.startswith(("，", ",")):
        # 开展优秀教师表彰，A教师张三获“X”称号: the verb's object came before
        return None
    last = quotes[-1]
    after = clause[last.end() :]
    if last.start() < 2:
        return None
    quoted = clean_award_name(last.group(1))
    if not _TITLE_WORDS.match(after) and (
        after.strip() or not (_is_honour(quoted, rules) or quoted.endswith("奖"))
    ):
        # 授予A“X”: an honour's name (or a prize's, 授予A等5个单位“X奖”)
        # ending the clause needs no 称号
        return None
    # 授予A“X”“Y”称号: the titles side by side (or joined by 、/和) are each granted.
    run = [last]
    for quote in reversed(quotes[:-1]):
        if clause[quote.end() : run[0].start()].strip(" 、和及") or quote.start() < 2:
            break
        run.insert(0, quote)
    awards = []
    # 命名A等18所学校为2022年度天水市“平安校园”: the year and place before
    # the quote are the honour's
    qualified = _QUALIFIED_QUOTE.search(clause, 0, run[0].start())
    if qualified is not None and (len(run) > 1 or not qualified.group(1)):
        qualified = None
    for quote in run:
        written = clean_award_name(quote.group(1))
        name = written
        if qualified is not None:
            name = clean_award_name(qualified.group(1) + written)
        if name in _LEX.contest_prizes:
            # 授予A、B“体育道德风尚奖” after a league's results: the league's
            name = _contest_named_above(text, match.start(), rules) + name
        if _is_designation(name, rules):
            start = t_end + quote.start(1) + quote.group(1).find(written)
            award = _award(start, name, "award.grant-quoted")
            awards.append(replace(award, end=start + len(written)))
    if not awards:
        return None
    first = run[0]
    recipients = (t_end, t_end + (qualified.start() if qualified else first.start()))
    head = clause[: first.start()]
    if any(head.endswith(m) for m in rules.lexicon.list_lead_markers) or (
        UNITS_BELOW.fullmatch(head.strip())  # 授予以下8所学校“X”称号：
    ):
        # 授予以下学校“X”称号：— the schools are listed on the lines below.
        block = list_block(text, _line_end(text, t_end) + 1)
        if block is None:
            return None
        recipients = block
    return AwardStatement(
        match.start(), match.end(), False, tuple(awards), False, recipients
    )


#: X行动项目学校, X计划试点学校: a program's name, then its schools' part.
_PROGRAMS_SCHOOLS = re.compile(
    # X计划第二批项目学校: the batch the schools were chosen in; X行动培育学校:
    # the schools it grows toward its project schools
    r"(?:行动|计划|工程|改革)" + BATCH_MARK + "?"
    r"(?:项目|试点|实验|培育)(?:学校|校|园)$"
)


#: 以下12所学校, 下列5个单位: the count of a list lead.
_LISTED_COUNT = re.compile(
    r"(?<=以下|下列)\s*[0-9一二三四五六七八九十百两]+\s*[所个家名](?=[\u4e00-\u9fff]{1,4}$)"
)


def _grant_as(
    text: str, match: re.Match[str], t_end: int, clause: str, rules: Rules
) -> AwardStatement | None:
    """确认A等10个县为X, 同意以下学校为X：."""
    if clause.startswith("的"):
        return None  # 2022年确定的首批8所实验校为A、B: who they are, no grant
    wei = clause.find("为")
    if wei < 2:
        return None
    head = clause[:wei]
    if head.count("（") > head.count("）") or head.count("(") > head.count(")"):
        return None  # 获命名（括号内为特色项目）：: a note on the list, no honour
    raw = re.split(r"[，,：:（(]|的", clause[wei + 1 :], maxsplit=1)[0]
    if (
        part_in_quoted_program(raw)
        or is_bare_part(clean_award_name(raw))
        or raw.strip().endswith(rules.lexicon.participation_designations)
        # X深化行动项目学校: the schools of a program named before their part
        or _PROGRAMS_SCHOOLS.search(_PAREN_TAIL.sub("", raw.strip()))
    ):
        # 确定A为“X”实验学校, 确定A为工程首批实施学校, 确定A为课程基地建设学校:
        # a part in a program
        return None
    if tried_in(raw.strip(), text, match.start()):
        return None  # 启动“X攻坚行动”，确定A为首批X实验学校: the program's schools
    name = clean_award_name(_PAREN_TAIL.sub("", raw.strip()))
    if not name or not _is_designation(name, rules):
        return None
    if re.search(r"[，,。]", head):
        return None
    start = t_end + wei + 1 + clause[wei + 1 :].find(name)
    # 认定以下12所学校为X: the count says how many the list below holds
    lead = any(
        _LISTED_COUNT.sub("", head).endswith(m) for m in rules.lexicon.list_lead_markers
    )
    colon = re.search(r"[：:]", clause)
    inline = (
        (t_end + colon.end(), _line_end(text, t_end))
        if colon is not None and colon.start() > wei
        else None
    )
    if lead and inline is not None and _is_list(text[inline[0] : inline[1]]):
        # 拟认定以下学校为X：A、B、C。— the units follow on the lead's line
        recipients = inline
    elif lead:
        block = list_block(text, _line_end(text, t_end) + 1)
        if block is None:
            return None
        recipients = block
    elif _COUNT.search(head) or len(head) <= 40:
        recipients = (t_end, t_end + wei)
    else:
        return None
    return AwardStatement(
        match.start(),
        match.end(),
        False,
        (_award(start, name, "award.grant-as"),),
        False,
        recipients,
    )


_TABLE_ROW = re.compile(r"^\|.*\|[ \t]*$", re.MULTILINE)
_TABLE_CELL = re.compile(r"\|([^|\n]*)(?=\|)")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a table row's cells, spaces trimmed."""
    out = []
    for match in _TABLE_CELL.finditer(text, start, end):
        a, b = match.span(1)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _table_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """| 单位 | 荣誉 |: each row's unit won the honour in its row (decision 10).

    Tables reach the text as ``| … |`` rows (HTML tables, Markdown). The
    header row says which column names the units, which the honours and,
    when the prize is split, which its tier (| 比赛项目 | 等次 | → 项目一等奖);
    a row whose honour cell is empty (a merged cell) has the one above.
    """
    headers = rules.lexicon.table_headers
    out = []
    columns: tuple[int, int, int | None] | None = None
    written = ""  # the honour cell, or the merged one above it
    span = (0, 0)
    previous_end = -2
    for row in _TABLE_ROW.finditer(text):
        cells = _cells(text, row.start(), row.end())
        if row.start() != previous_end + 1:
            columns, written = None, ""  # a new table
        previous_end = row.end()
        roles = [headers.get(text[a:b].replace(" ", "")) for a, b in cells]
        if "unit" in roles and "honour" in roles:
            tier = roles.index("tier") if "tier" in roles else None
            columns = (roles.index("unit"), roles.index("honour"), tier)
            written = ""
            continue
        if columns is None or max(c for c in columns if c is not None) >= len(cells):
            continue
        unit_span, honour_span = cells[columns[0]], cells[columns[1]]
        if honour_span[0] < honour_span[1]:
            written = text[honour_span[0] : honour_span[1]]
            span = honour_span
        raw = written
        if columns[2] is not None:
            tier_span = cells[columns[2]]
            tier_text = text[tier_span[0] : tier_span[1]]
            if raw and BARE_TIER.fullmatch(tier_text) and not raw.endswith(tier_text):
                raw += tier_text
                # Each row's prize has a span of its own (its tier), so a
                # merged contest cell does not make two rows one mention.
                span = honour_span if honour_span[0] < honour_span[1] else tier_span
        name = clean_award_name(raw)
        named = not BARE_TIER.fullmatch(name)  # 一等奖 alone names no prize
        honour = (
            name
            if named and (_is_honour(name, rules) or _is_designation(name, rules))
            else ""
        )
        if not honour or unit_span[0] == unit_span[1]:
            continue
        out.append(
            AwardStatement(
                row.start(),
                row.start(),
                False,
                (Candidate(*span, "Award", honour, "award.table-row", ""),),
                False,
                unit_span,
            )
        )
    return out


#: 获奖, 获奖节目, 获奖单位, 拟认定学校, 复核通过学校: a list's title naming the
#: results, and no honour.
_RESULTS_ONLY = re.compile(
    r"(?:获奖|表彰|入选|(?:拟|复核|验收)?(?:认定|命名|通过))"
    r"(?:节目|作品|单位|学校|集体|项目|情况)?"
)
#: X评比获奖, X大赛获奖作品: a contest's results.
_CONTEST_RESULTS = re.compile(
    "(?:"
    + "|".join(map(re.escape, _LEX.award_events))
    + r")获奖(?:节目|作品|单位|学校|集体|项目|情况)?$"
)


#: A unit, then the verb of its win: a statement of who won, not a title.
_WIN_STATED = re.compile(
    r"[\u4e00-\u9fff]{2}(?:获评|荣获|获得|被评为|被授予|被认定为|被命名为|获(?!奖))"
)


def _listed_what(line: str, title: re.Match[str]) -> str:
    """What a list's title line says it lists: its words up to 名单
    (X评比获奖 of X评比获奖名单), or the title's name where 名单 is absent."""
    list_word = line.find("名单", title.end(1))
    words = line[title.start(1) : list_word if list_word > 0 else title.end(1)]
    return clean_award_name(_PAREN_TAIL.sub("", words).strip())


#: 艺术表演类二等奖, 科技创新成果一等奖: a class of entries, then its tier.
_CLASS_TIER = re.compile(
    r"(?P<head>[\u4e00-\u9fff]{2,10}?(?:类|成果|作品|节目))"
    r"(?:[一二三四五六七八九十]等|特等|金|银|铜)奖"
)


def _with_its_contest(text: str, pos: int, name: str, rules: Rules) -> str:
    """二、艺术表演类二等奖 under a title or lead naming the contest: that
    contest's prize (decision 3: 2023年X艺术展演活动艺术表演类二等奖)."""
    tier = _CLASS_TIER.fullmatch(name)
    if tier is None or last_contest(tier.group("head"), rules) is not None:
        return name
    contest = contest_named_before(text, pos, rules)
    return contest + name if contest else name


def _names_results(name: str) -> bool:
    """A list title naming results, no honour: 获奖, X评比获奖."""
    return bool(_RESULTS_ONLY.fullmatch(name) or _CONTEST_RESULTS.search(name))


#: 全州教育系统先进教育局: a title bureaus hold, named as a kind of bureau.
_BUREAU_TITLE = re.compile(
    "(?:" + "|".join(BUREAU_TITLE_WORDS) + ")(?:教育局|教体局|教育体育局)$"
)


def _heading_lists(text: str, rules: Rules) -> list[AwardStatement]:
    """A line ``X名单`` naming an honour, the units on the lines below it."""
    out = []
    pos = 0
    title: Candidate | None = None  # the honour the list's title names
    # 二、单项工作先进集体（18个） right over its classes (1.“双减”工作先进学校):
    # the honour every class's units hold too (decision 10)
    parent: Candidate | None = None
    while pos < len(text):
        stop = _line_end(text, pos)
        line = text[pos:stop]
        stripped = line.strip()
        top = TOP_HEADING.match(stripped) is not None
        if top:
            parent = None
        match = _HEADING_LIST.match(stripped)
        is_title = match is not None
        if _WINNERS_LEAD.search(stripped):
            match = None  # 我市入选X的学校分别是：: X's holders, below (relations)
        elif match is None:
            honour = _HEADING_HONOUR.match(stripped)
            named = clean_award_name(honour.group(1)) if honour else ""
            if named.endswith(_BUREAU_ENDS) and not _BUREAU_TITLE.search(named):
                # 杨凌示范区教育局 in a list: a unit, no heading (先进教育局
                # is a title)
                honour = None
            if _WIN_STATED.search(named):
                # 盛泽镇锦华小学获评江苏省文明校园 in a 荣誉榜 of lines with no
                # full stop: a sentence (its winner is its own), no heading
                honour = None
            if honour and (
                _is_honour(named, rules)
                # 六、乡村学校办学特色奖（5个） under 授予…“X乡村学校办学特色奖”;
                # 四、X质量奖（15所） under 授予A等15所学校“X质量奖”
                or (
                    named.endswith("奖")
                    and (
                        _named_in_full_before(text, pos, named)
                        or _quoted_before(text, pos, named)
                    )
                )
            ):
                match = honour
        if match is not None and re.fullmatch(
            BARE_PART_LIST, _listed_what(stripped, match)
        ):
            # 一、首批实验学校名单: a program's schools (relations), no honour
            match = None
        if match is not None and _names_results(_listed_what(stripped, match)):
            # 一、获奖名单, X评比获奖名单: the results, no honour's name (the
            # table below holds the contest's tiers)
            match = None
        if match is not None and _grouping_header_at(text, stop + 1, rules):
            # 二、县中“托管帮扶”结对名单 over 帮扶学校　受援学校: a program's
            # pairs (relations), no honour
            match = None
        if match is not None and (
            part_in_quoted_program(match.group(1), adjacent=True)
            or _programs_role(match.group(1))
            # X深化行动首批项目学校名单: the batch of a program's schools
            or _PROGRAMS_SCHOOLS.search(_PAREN_TAIL.sub("", match.group(1).strip()))
            # X项目拟立项名单: the projects a scheme takes on, no honour
            or _APPROVED_PROJECTS.search(stripped) is not None
        ):
            # 四、“X”2024年度项目园名单, 附件：“X”行动重点扶持学校名单: a
            # program's schools (relations)
            match = None
        if match and "关于" not in stripped and "的通知" not in stripped:
            raw = _TABLE_CAPTION.sub("", _PAREN_TAIL.sub("", match.group(1).strip()))
            recommended = _RECOMMENDED.match(raw)
            if recommended is not None:
                raw = recommended.group(1)
            put_forward = recommended is not None or bool(_PUT_FORWARD.search(stripped))
            name = _with_its_contest(text, pos, clean_award_name(raw), rules)
            award = _listed_honour(text, pos, stop, raw, name)
            fuller = _named_in_full_before(text, pos, name)
            if award is not None and fuller:
                # 一、先进集体（17个） under a lead that gave the units
                # “2024年度全市教育工作先进集体”: that honour
                award = replace(award, name=fuller)
            if is_title:
                title = award
            block = list_block(text, stop + 1)
            if block is not None and (
                _rows_hold_own_honours(text, block, rules)
                or _tier_lines_only(text, block)
                or _honour_lines_only(text, block, rules)
            ):
                # 九、示范学校\nA——县级文明校园: each row its own; 一等奖：A、B:
                # each row a tier of the heading's honour; 安全工作先进单位：
                # A、B under 二、专项工作先进单位: a category of honours
                block = None
            if block is not None and put_forward:
                # 拟推荐参加X评选名单, X推荐名单: X is pursued, not held
                # (decision 1)
                block = (stop, stop)
            if block is not None and _PEOPLE_COLUMNS.search(
                text, block[0], _line_end(text, block[0])
            ):
                # 序号　作品名称　作者　学校 over the rows: named people won, their
                # schools nothing (decision 4)
                block = (stop, stop)
            if block is not None and name.endswith(_LEX.people_honour_ends):
                # 全县优秀教师名单 over 临朐县第一中学：李玉霞: the people hold
                # it, their units nothing (decision 4)
                block = (stop, stop)
            if (
                top
                and block is None
                and award is not None
                and _is_designation(name, rules)
                and _COUNT_AT_END.search(stripped)
            ):
                parent = award
            if block is not None and award is not None and _is_designation(name, rules):
                awards = _tier_of_heading_above(text, pos, award, rules)
                if awards == (award,) and not is_title and title is not None:
                    awards = _class_of(award, title, rules)
                if parent is not None and not top and parent.name != award.name:
                    awards = (*awards, parent)
                out.append(
                    AwardStatement(
                        award.start, award.start, False, awards, False, block
                    )
                )
        pos = stop + 1
    return out


#: “强校提质”行动|重点扶持学校: a quoted program's kind, then the role its
#: schools have in it.
_QUOTED_PROGRAM_ROLE = re.compile(
    r"[”\"」』](?P<between>[\u4e00-\u9fff]{0,10}?)(?P<kind>行动|工程|计划|项目)"
    r"(?P<role>[^”\"」』]+)$"
)
#: 名师领航工程部分基地校: an unquoted program's kind, then its schools' part
#: (三类项目学校: the schools of the kinds of program named before).
_PROGRAMS_PART = re.compile(
    r"(?:行动|工程|计划|[两二三四五六七八九十]类)(?:部分|首批|第[一二三四五六七八九十]批)?"
    r"(?:基地校|基地学校|项目学校|项目校|试点学校|试点校|成员校|实施学校)$"
)


def _programs_role(title: str) -> bool:
    """A list title naming the role of schools in a quoted program, with no
    honour word (先进, 示范 …) in it: “X”行动重点扶持学校, “X”集群发展项目学校,
    “X”应用示范项目学校; not “X”行动先进学校 or “X”体育特色项目学校 (a title)."""
    if _PROGRAMS_PART.search(_PAREN_TAIL.sub("", title.strip())):
        return True
    role = _QUOTED_PROGRAM_ROLE.search(_PAREN_TAIL.sub("", title.strip()))
    if role is None or HONOUR_HEAD.search(role.group("role")):
        return False
    between = role.group("between")
    if role.group("kind") == "项目" and between.endswith("示范"):
        # “X”应用示范项目学校: the schools of a demonstration project
        between = between[:-2]
    return not (between.endswith(("特色", "传统")) or HONOUR_HEAD.search(between))


#: A table header naming a column of people (作者, 姓名, 选手).
_PEOPLE_COLUMNS = re.compile(
    r"(?:^|[\s|｜])(?:作者|姓名|学生姓名|学生|选手|获奖者|获奖学生|获奖教师|教师姓名)"
    r"(?=[\s|｜]|$)",
    # (searched from a line's start, where only MULTILINE's ^ matches)
    re.MULTILINE,
)
#: 拟推荐参加X评选: the units are put forward for X, which they do not hold.
#: X推荐名单, X候选名单: the units put forward for X, which they do not hold.
_PUT_FORWARD = re.compile(r"(?:推荐|候选|申报)(?:对象|学校|单位)?名单")
#: 表1　X名单: a table's number before its title.
_TABLE_CAPTION = re.compile(r"^表\s*[0-9一二三四五六七八九十]+[\s\u3000：:.、]*")
_RECOMMENDED = re.compile(
    r"^拟?推荐(?:参加|申报|参评)?(.{4,}?)(?:评选|评审|遴选)?(?:活动)?$"
)
#: 二、 — a heading of the top level, which closes the classes of the last.
#: （18个）— the count a heading over its units ends with.
_COUNT_AT_END = re.compile(_COUNT_PAREN + r"\s*[：:]?\s*$")


def _named_in_full_before(text: str, pos: int, name: str) -> str:
    """The honour ``name`` (a bare 先进集体) is the end of: the one the
    document's title confers, else the last quoted before ``pos``, or ""."""
    if not 2 <= len(name) <= 10 or BARE_TIER.fullmatch(name):
        return ""  # (一等奖 is a tier of the heading above, not a quoted prize)
    conferred = _conferred_by_title(text, name)
    if conferred:
        # 一、先进集体 of 关于表彰2023年度全区教育系统先进集体和先进个人的通报:
        # the title's, not a “遵义市教育工作先进集体” the area won above it
        return conferred
    # “先进镇（街道）” over 一、先进镇（街道）（6个）, whose bracket was cut
    longer = [
        f
        for f in _quoted_names_before(text, pos)
        if _PAREN_TAIL.sub("", f).endswith(name) and len(f) > len(name)
    ]
    return longer[-1] if longer else ""


#: 关于表彰X和Y的通报: what a commendation's title confers.
_COMMENDATION_TITLE = re.compile(
    r"表彰(?P<what>[^，。；：\n]{4,60}?)的(?:通报|决定|通知)"
)


def _conferred_by_title(text: str, name: str) -> str:
    """The honour ending in ``name`` that the title of a commendation (its
    first lines) confers, or ""."""
    found = _COMMENDATION_TITLE.search(text, 0, _TITLE_REACH)
    if found is None:
        return ""
    for part in re.split("[和及与、]", found.group("what")):
        part = clean_award_name(part)
        if part.endswith(name) and len(part) > len(name):
            return part
    return ""


#: How far into a text its title runs.
_TITLE_REACH = 120


def _quoted_before(text: str, pos: int, name: str) -> bool:
    """Whether a quote before ``pos`` names ``name`` itself."""
    return name in _quoted_names_before(text, pos)


def _quoted_names_before(text: str, pos: int) -> Iterator[str]:
    """The honours' names quoted before ``pos``, in order."""
    return (clean_award_name(q.group(1)) for q in _QUOTED.finditer(text, 0, pos))


def _listed_honour(
    text: str, pos: int, stop: int, raw: str, name: str
) -> Candidate | None:
    """The honour a heading line names, spanning its written form."""
    at = text.find(name, pos, stop)
    if at >= 0:
        return _award(at, name, "award.list-heading")
    at = text.find(raw, pos, stop)  # 2024年度鄞州区“品质校园”示范校名单
    if at < 0:
        return None
    return replace(_award(at, name, "award.list-heading"), end=at + len(raw))


#: 2024年度鄞州区: a title's qualifiers that are only its year and area.
_YEAR_AND_AREA = re.compile(
    r"(?:(?:19|20)\d\d年度?)?(?:[\u4e00-\u9fff]{1,8}?(?:省|市|区|县|州|旗|盟))?"
)


def _class_of(
    award: Candidate, title: Candidate, rules: Rules
) -> tuple[Candidate, ...]:
    """一、体育特色学校 under 2024年度鄞州区特色学校名单: a class of the title's
    honour, named with its qualifiers, whose units hold the title's honour too
    (decision 10)."""
    joined = _joined_title_class(award.name, title.name, rules)
    if joined:
        return (replace(award, name=joined),)
    kind = next(
        (
            k
            for k in rules.award_suffixes
            if award.name.endswith(k) and title.name.endswith(k)
        ),
        "",
    )
    if not kind or award.name == title.name or len(award.name) <= len(kind):
        return (award,)
    qualifiers = title.name[: -len(kind)]
    if not _YEAR_AND_AREA.fullmatch(qualifiers):
        return (award,)  # 全区教育教学工作先进集体 over 教育科研先进集体: its own
    if award.name.startswith(qualifiers):
        return award, title
    year = _YEAR_ONLY.match(qualifiers).group()
    if award.name.startswith(qualifiers[len(year) :]):
        # 天长市劳动教育特色学校 under 2024年度天长市特色学校: only the year
        return replace(award, name=year + award.name), title
    return replace(award, name=qualifiers + award.name), title


_YEAR_ONLY = re.compile(r"(?:(?:19|20)\d\d年度?)?")


def _joined_title_class(name: str, title: str, rules: Rules) -> str:
    """一、示范学校 and 二、达标学校 under X示范学校和达标学校拟认定名单: each
    class is one of the two honours the title joins, named with the title's
    qualifiers (X达标学校); "" when the title joins no such pair."""
    for joiner in "和及与、":
        head, sep, tail = title.rpartition(joiner)
        if not sep:
            continue
        if tail == name:
            other = next((k for k in _SUFFIXES_LONGEST_FIRST if head.endswith(k)), "")
            qualifiers = head[: -len(other)] if other else ""
        elif head.endswith(name) and tail in rules.award_suffixes:
            qualifiers = head[: -len(name)]
        else:
            continue
        if len(qualifiers) >= 2 and qualifiers[-1] not in "和及与、":
            return qualifiers + name
    return ""


_SUFFIXES_LONGEST_FIRST = sorted(_LEX.award_suffixes, key=len, reverse=True)


def _tier_of_heading_above(
    text: str, pos: int, award: Candidate, rules: Rules
) -> tuple[Candidate, ...]:
    """二、X奖（12所）/（一）一等奖: the tier of the honour the heading above
    names, whose units hold that honour too (decisions 3, 10); 一、一等奖（8个）
    under a title naming the contest: that contest's."""
    name = award.name
    if not (BARE_TIER.fullmatch(name) or name in _LEX.contest_prizes):
        return (award,)
    above = _sibling_prize_dropped(_heading_above(text, pos, rules), name, text, pos)
    if above:
        contest = above[0] + above[1]
    elif name in _LEX.contest_prizes:
        # 优秀组织奖 on a line of its own after 高中组's tiers: the whole
        # event's prize, beside the groups; so is 四、优秀组织奖, a top
        # heading beside the sections above
        section = (
            ""
            if _on_top_heading(text, pos)
            else contest_heading_above(text, pos, rules, _TIER_LINES)
        )
        contest = section or contest_named_before(text, pos, rules)
    else:
        contest = _contest_of_tier(text, pos, rules)
    if contest:
        award = replace(award, name=_tier_name(text, contest, name))
    if (
        above
        and above[2] is not None
        and BARE_TIER.fullmatch(name)
        # 先进单位名单 over its tiers: a title held; not 优秀成果获奖名单, a
        # contest whose prizes are the tiers
        and above[0].endswith(rules.award_suffixes)
    ):
        return award, above[2]
    return (award,)


def _contest_of_tier(text: str, pos: int, rules: Rules) -> str:
    """What a tier or prize at ``pos`` with no honour heading above was won
    in: the contest of the numbered heading it sits under (（二）体育道德风尚奖
    under 一、X运动会), else the one the title names; with the category
    heading over its tier lines (一、声乐类 over 一等奖：A, decision 3)."""
    if _on_top_heading(text, pos):
        # 五、优秀组织奖: the whole event's prize, beside the sections above
        return contest_named_before(text, pos, rules)
    section = contest_heading_above(text, pos, rules, _TIER_LINES) or _lead_contest(
        text, pos, rules
    )
    contest = section or contest_named_before(text, pos, rules)
    if section and _UNPLACED_EVENT.fullmatch(section):
        # 二、机器人竞赛 under a title naming X科技节: X科技节's 机器人竞赛
        whole = contest_named_before(text, pos, rules)
        if whole and section not in whole:
            contest = whole.removesuffix("活动") + section
    elif section:
        # 在艺术表演类（合唱、朗诵）评比中 over a table of tiers: the page's contest
        contest = placed_contest(
            section, lambda: contest_named_before(text, pos, rules)
        )
    return contest + _category_above(text, pos, rules) if contest else ""


#: 在X比赛中，我区获奖情况如下——: a lead over tier lines naming their contest.
_LEAD_OVER_TIERS = re.compile(r".*(?:如下|名单)[：:—\-]*$")


def _lead_contest(text: str, pos: int, rules: Rules) -> str:
    """4．在2023年襄阳市中小学生合唱比赛中，我区获奖情况如下—— over 一等奖：A、B:
    the contest the lead right above the tier lines names, or ""."""
    for line in lines_above(text, pos, _TIER_LINES):
        if not line or _TIER_LINE.match(line) or _TIER_ALONE.fullmatch(line):
            continue  # an earlier tier's line
        if not _LEAD_OVER_TIERS.fullmatch(line):
            return ""
        # (各组别比赛结果如下: no contest of its own, the page's)
        contest = last_contest(line, rules) or ""
        return contest if names_its_place(contest) else ""
    return ""


#: 机器人竞赛, 征文比赛: a section's contest named by its event alone (no
#: place, level, year or edition before it).
_UNPLACED_EVENT = re.compile(
    r"(?![省市县区全第\d])[\u4e00-\u9fff]{2,8}(?:竞赛|比赛|大赛)"
)


#: 一、团体总分前三名: a section of the groups' team totals.
_TEAM_TOTAL_HEADING = re.compile(
    NUMBER_MARK + r"?\s*团体总分(?:前[一二三四五六七八九十\d]+名)?\s*"
)


def _category_above(text: str, pos: int, rules: Rules) -> str:
    """The category heading right above the tier lines before ``pos``
    (一、声乐类 over 一等奖：A), "" when another line comes first."""
    lines = lines_above(text, pos, _TIER_LINES)
    for line in lines:
        if (
            not line
            or _TIER_LINE.match(line)
            or _TIER_SPACED.match(line)
            or _TIER_ALONE.fullmatch(line)
            or _unit_alone(line, rules)
            or _entry_row(line, rules)
            or _TABLE_LINE.fullmatch(line)  # an earlier tier's table
        ):
            continue
        if _BARE_GROUP.fullmatch(line) and not line.endswith("小组"):
            # 小学组 on a line of its own over its tiers; not over （二）X奖,
            # a section of its own beside the groups' tiers
            own_line = text[text.rfind("\n", 0, pos) + 1 : _line_end(text, pos)]
            if re.match(NUMBER_MARK, own_line.strip()):
                return ""
            return line + _team_total_above(lines)
        entry = _ENTRY_KIND_HEADING.fullmatch(line)
        if entry is not None:
            # 一、团体项目 over 一等奖（3个）: the team prizes, 团体一等奖; or
            # 集体项目一等奖 where the report writes them so
            written = entry.group("kind") + entry.group("what")
            if re.search(re.escape(written) + "(?:" + BARE_TIER.pattern + ")", text):
                return written
            return entry.group("kind")
        named = _group_heading(line)
        sub = _SUB_HEADING.match(line) if named is None else None
        if sub is not None:
            # 一、中职组 over （一）机器人系统集成 over 一等奖：A: the event's
            # group, named by the section the event is in; with no group,
            # the event (（一）合唱 over 一等奖：A: X艺术节合唱一等奖)
            event = line[sub.end() :].strip()
            return _section_group(lines) or (
                event
                if _EVENT_ALONE.fullmatch(event)
                and not HONOUR_HEAD.search(event)
                and not _RESULTS_WORD.search(event)
                else ""
            )
        if named is None:
            return ""
        group = _group_name(named)
        return group + _team_total_above(lines) if group.endswith("组") else group
    return ""


def _team_total_above(lines: Iterator[str]) -> str:
    """团体总分 when the heading above a group's table (past an earlier
    group's rows: 初中组 under 高中组's) is 一、团体总分(前三名): the group's
    team-total placings (X高中组团体总分第一名); else ""."""
    heading = next(
        (
            above
            for above in lines
            if above
            and not _TABLE_LINE.fullmatch(above)
            and not _BARE_GROUP.fullmatch(above)
            and _group_heading(above) is None
            and len(above.split()) < 2
        ),
        "",
    )
    return "团体总分" if _TEAM_TOTAL_HEADING.fullmatch(heading) else ""


#: 合唱, 器乐, 书画作品: an event's name alone on a sub-heading.
_EVENT_ALONE = re.compile(r"[\u4e00-\u9fff]{2,8}")
#: 二等奖（4个）: a tier heading over its entries.
_TIER_ALONE = re.compile(
    NUMBER_MARK
    + r"?\s*(?:"
    + BARE_TIER.pattern
    # （一）一等（2个）: a tier written without 奖
    + r"|(?:[一二三四五六七八九十]|特)等)"
    + r"\s*(?:[（(]\s*(?:\d+\s*[个名所家人项]|部分|节选)\s*[）)])?"
)


def _entry_row(line: str, rules: Rules) -> bool:
    """合唱《春天在哪里》　　A中学: an entry and, set apart, its unit."""
    cells = line.split()
    return len(cells) >= 2 and cells[-1].endswith(rules.lexicon.school_suffixes)


#: 一、团体项目, （二）个人奖: a section of the prizes of one kind of entry.
#: 团体, 个人, 集体: the kinds of entry a contest's prizes are given by, and
#: the words a section of one kind is titled with after it (团体项目).
_ENTRY_KINDS = ("团体", "个人", "集体")
_ENTRY_KIND = "|".join(_ENTRY_KINDS)
_ENTRY_WHAT = r"项目|奖项?|赛|类"
_ENTRY_KIND_HEADING = re.compile(
    NUMBER_MARK + rf"\s*(?P<kind>{_ENTRY_KIND})(?P<what>{_ENTRY_WHAT}|)"
    r"\s*(?:[（(][^（）()]{1,8}[）)])?[：:]?"
)


def _section_group(lines: Iterator[str]) -> str:
    """The group (中职组) the first top heading among ``lines`` names, or ""."""
    for line in lines:
        if TOP_HEADING.match(line):
            named = _group_heading(line)
            group = _group_name(named) if named is not None else ""
            return group if group.endswith("组") else ""
    return ""


def _tier_name(text: str, honour: str, tier: str) -> str:
    """The name of ``honour``'s ``tier``: 教育教学质量奖 over 一等奖 is
    教育教学质量一等奖 when the report writes a tier so (分别授予“教育教学质量一等奖”;
    评出团体一等奖4个、二等奖6个 names 团体二等奖 too), else the two joined
    (考核奖一等奖)."""
    if honour.endswith("奖") and honour + tier not in text:
        stem = honour[:-1]
        if re.search(re.escape(stem) + BARE_TIER.pattern, text):
            return stem + tier
    for kind in ("团体", "个人"):
        if honour.endswith(kind) and kind in tier:
            # 一、团体奖 over 团体一等奖：A or 初中组团体一等奖：A — the line
            # names the kind itself
            return honour[: -len(kind)] + tier
    return honour + tier


def _sibling_prize_dropped(
    above: tuple[str, str, Candidate | None] | None, name: str, text: str, pos: int
) -> tuple[str, str, Candidate | None] | None:
    """``above`` unless the prize heads a section of its own beside it
    (三、体育道德风尚奖 or 四、冰雪运动会 over 五、优秀组织奖: the prize of the whole
    event the title names)."""
    if above is None or name not in _LEX.contest_prizes:
        return above
    if _on_top_heading(text, pos) or above[0] in _LEX.contest_prizes:
        return None  # （二）体育道德风尚奖 over （三）优秀组织奖: siblings
    return above


def _on_top_heading(text: str, pos: int) -> bool:
    """The line holding ``pos`` is a top-level heading (五、优秀组织奖)."""
    line = text[text.rfind("\n", 0, pos) + 1 : _line_end(text, pos)]
    return TOP_HEADING.match(line.strip()) is not None


def _honour_lines_only(text: str, block: tuple[int, int], rules: Rules) -> bool:
    """Every line of a list opens with an honour of its own and a colon."""
    lines = [line.strip() for line in text[block[0] : block[1]].split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return False
    for line in lines:
        match = _HONOUR_COLON.match(line)
        name = clean_award_name(match.group(1)) if match else ""
        if not (name.endswith(rules.award_suffixes) and _is_designation(name, rules)):
            return False
    return True


def _rows_hold_own_honours(text: str, block: tuple[int, int], rules: Rules) -> bool:
    """Every line of a list names its unit's own honour after a dash, or its
    own honours after a colon (A：X、Y under 八、单项工作先进单位, a category,
    not an honour)."""
    lines = [line for line in text[block[0] : block[1]].split("\n") if line.strip()]
    return bool(lines) and all(
        (_OWN_HONOUR_ROW.search(line) and not _work_then_holder(line, rules))
        or _honours_after_colon(line.strip(), rules)
        for line in lines
    )


def _work_then_holder(line: str, rules: Rules) -> bool:
    """1.《果园里的四季》——花牛镇中心小学: a work, then the unit that holds
    the list's honour for it."""
    holder = re.split("——|—|--", line.strip())[-1].strip()
    return _names_a_unit(holder) and not _is_honour(holder, rules)


_OWN_HONOUR_ROW = re.compile(r"\S(?:——|—|--)\s*\S")


def _honours_after_colon(line: str, rules: Rules) -> bool:
    """A：X、Y — a unit, then honours only (as :func:`_unit_honour_lists`
    reads them)."""
    match = _UNIT_COLON.match(line)
    return (
        match is not None
        and match.end() == len(line)
        and all(
            _names_a_unit(u) and not _is_honour(u, rules)
            for u in match.group(1).split("、")
        )
        and bool(_honour_items(line, match.start(2), match.end(2), rules))
    )


#: A list line opening with a tier and a colon: 一等奖：A、B.
#: 二等奖（15项）: a tier heading its own lines.
_TIER_HEADING = re.compile(
    r"(?:"
    + BARE_TIER.pattern
    + r")\s*(?:"
    + _COUNT_PAREN
    + r"|[（(](?:部分|节选)[）)])?"
)
_TIER_LINE = re.compile(
    "^"
    + NUMBER_MARK
    + r"?\s*(?:"
    + BARE_TIER.pattern
    + r")\s*(?:[（(]\s*\d+\s*[个名所家人]\s*[）)])?[：:]"
)


#: （一）一等（6个） on a line of its own, its units on the next line.
#: （一）一等（6个）, 三等奖（部分）: a tier's own line over its units' line.
_TIER_OWN_LINE = re.compile(
    NUMBER_MARK + r"?[ \t\u3000]*((?:[一二三四五六七八九十]|特)等奖?)[ \t\u3000]*"
    r"(?:[（(]\s*(?:\d+\s*[个名所家人]|部分|节选)\s*[）)])?"
)


def _tiers_over_their_lines(text: str, rules: Rules) -> list[AwardStatement]:
    """一、X（24个） / （一）一等（6个） / A、B、C: the units on the line below a
    tier's own line hold that tier of the heading's honour (decisions 3, 10),
    and the honour itself, as under 一等奖：A、B."""
    out = []
    line_start = 0
    while line_start < len(text):
        line_end = _line_end(text, line_start)
        next_start = line_end + 1
        match = _TIER_OWN_LINE.fullmatch(text[line_start:line_end].strip())
        items_end = _line_end(text, next_start) if match else next_start
        items = text[next_start:items_end]
        # (a unit a line below 一等奖（4所）, 高中组：A、B below 一等奖: the
        # heading lists' readers')
        if match and _is_list(items) and not re.search("[：:]", items):
            above = _heading_above(text, line_start, rules)
            if above is None:
                # 一、小学组 / 三等奖（部分） / A、B under a contest's title: the
                # contest's tier of that group
                contest = _contest_of_tier(text, line_start, rules)
                above = (contest, "", None) if contest else None
            if above is not None:
                tier = match.group(1)
                at = text.find(tier, line_start, line_end)
                name = _tier_name(text, above[0] + above[1], tier)
                award = Candidate(
                    at, at + len(tier), "Award", name, "award.heading-list", ""
                )
                awards = (award,) if above[2] is None else (award, above[2])
                out.append(
                    AwardStatement(
                        at, at, False, awards, False, (next_start, items_end)
                    )
                )
        line_start = next_start
    return out


def _categories(text: str, rules: Rules) -> list[AwardStatement]:
    """国家级表彰：A；省级表彰：B、C — honours grouped by conferring level."""
    heads = "|".join(map(re.escape, rules.lexicon.honour_category_heads))
    levels = sorted(
        (w for w, _ in rules.lexicon.award_levels if w.endswith("级")),
        key=len,
        reverse=True,
    )
    level_words = "|".join(map(re.escape, levels))
    pattern = re.compile(rf"({level_words})?(?:{heads})[:：]")
    out = []
    for match in pattern.finditer(text):
        level = level_of_word(match.group(1) or "", rules)
        end = _statement_end(text, match.end())
        awards = [
            a
            for a in _item_awards(text, match.end(), end, "award.category-list", level)
            # 荣誉：县教育局被市政府授予“X”称号: a statement, read by its verb
            if not rules.award_trigger.search(text, a.start, a.end)
        ]
        if not awards:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        sentence_start = max(text.rfind(p, 0, match.start()) for p in "。！？") + 1
        lead_start = max(line_start, sentence_start)
        if _COUNTED.search(text[match.end() : end]):
            # 优秀教师20名: honours counted out to people the text does not name.
            lead_start = match.start()
        out.append(
            AwardStatement(
                match.start(),
                match.end(),
                False,
                tuple(awards),
                False,
                (lead_start, match.start()),
            )
        )
    return out


def _item_awards(
    text: str, start: int, end: int, rule: str, level: str = "", rules=None
) -> list[Candidate]:
    """One Award per item of a 、-separated run ``text[start:end]``."""
    out = []
    for piece in re.finditer(r"[^、]+", text[start:end]):
        raw = piece.group()
        lead = len(raw) - len(raw.lstrip())
        raw = raw.strip()
        name = clean_award_name(raw)
        if len(name) < 3:
            continue
        if rules is not None and not _is_honour(name, rules):
            continue
        at = start + piece.start() + lead
        out.append(Candidate(at, at + len(raw), "Award", name, rule, "", level=level))
    return out


def _is_honour(name: str, rules: Rules) -> bool:
    return (
        name.endswith(rules.award_suffixes)
        or bool(HONOUR_HEAD.search(name))
        or name in rules.lexicon.contest_prizes  # 体育道德风尚奖
    )


def _quoted_titles(text: str, start: int, rules: Rules) -> tuple[Candidate, ...]:
    """命名了“X”和“Y”: the quoted titles right after the verb, in a row."""
    clause = text[start : _statement_end(text, start)]
    out = []
    expected = 0
    for match in _QUOTED.finditer(clause):
        if clause[expected : match.start()].strip(" 和、及以"):
            break  # the row of titles ended
        name = clean_award_name(match.group(1))
        if len(name) >= 3 and _is_designation(name, rules):
            at = start + match.start(1)
            out.append(
                Candidate(
                    at, at + len(match.group(1)), "Award", name, "award.named", ""
                )
            )
        expected = match.end()
    return tuple(out)


def _rolls(text: str, rules: Rules) -> list[AwardStatement]:
    """对A、B进行表彰 / 为A、B代表颁发奖牌: the honours of a commendation."""
    out = []
    for match in _ROLL.finditer(text):
        if "另行" in match.group():
            continue  # 对A、B等先进个人，另行发文表彰: commended elsewhere
        start, end = match.span(1)
        lead = _COLLECTIVE_LEAD.match(text, start)
        if lead:
            start = lead.end()
        # 和/及 join the last item as 、 does (same length: offsets hold).
        segment = re.sub(r"和|及", "、", text[start:end])
        awards = [
            replace(a, start=a.start + start, end=a.end + start)
            for a in _item_awards(segment, 0, len(segment), "award.roll", "", rules)
        ]
        if len(awards) >= 2:
            at = match.start()
            out.append(AwardStatement(at, at, False, tuple(awards), False, (at, at)))
    return out


#: 学校…先后获得以下荣誉：— a lead whose subject holds the honours listed
#: on the lines below it.
_HONOURS_LEAD = re.compile(
    r"(?P<verb>获得|荣获|获)了?(?:以下|如下|下列)(?:荣誉|奖项|称号|表彰)(?:称号)?"
    r"[：:][ \t\u3000]*$"
    # 四、近年来学校获得的主要荣誉: a numbered heading naming them
    r"|^[ \t\u3000]*" + NUMBER_MARK + r"[^\n：:。]{0,10}?(?P<verb2>获得|荣获|获)的?"
    r"(?:主要|部分)?(?:荣誉|奖项)(?:称号)?[ \t\u3000]*$"
    # 四、近三年学校主要荣誉: the school's, said without a verb
    r"|^[ \t\u3000]*" + NUMBER_MARK + r"[^\n：:。]{0,6}?学校(?P<own>)"
    r"(?:主要|部分)?(?:荣誉|奖项)[ \t\u3000]*$",
    re.M,
)
#: 2018年　全国青少年校园足球特色学校（教育部）: a year, an honour, the body
#: that conferred it.
_HONOUR_LINE = re.compile(
    r"[ \t\u3000]*(?:(?:19|20)\d{2}年度?[ \t\u3000]*)?"
    r"(?P<name>[^\s（(：:，,。；;]{4,40}?)[ \t\u3000]*(?:[（(][^）)\n]{1,30}[）)])?"
    r"[ \t\u3000。；;]*"
)


def _names_its_holder(line: str, rules: Rules) -> bool:
    """县教育和体育局被…评为X先进单位, A中学获X称号: a holder, an award verb,
    then an honour, not an honour's name."""
    verb = _LAST_TRIGGER.match(line)
    if verb is None or verb.end() == len(line):
        return False
    holder = line[: verb.end()]
    honour = clean_award_name(line[verb.end() :])
    return len(holder) > 3 and (
        _is_honour(honour, rules) or honour.endswith(rules.award_suffixes)
    )


def _honours_listed_after_lead(text: str, rules: Rules) -> list[AwardStatement]:
    """A先后获得以下荣誉：over lines of honours (2018年　X（教育部）): the lead's
    subject holds each (decision 10)."""
    out = []
    for lead in _HONOURS_LEAD.finditer(text):
        awards = []
        pos = _past_blank_lines(text, lead.end() + 1)
        while pos < len(text):
            stop = _line_end(text, pos)
            line = _HONOUR_LINE.fullmatch(text, pos, stop)
            if line is None:
                break
            name = clean_award_name(line.group("name"))
            if _names_its_holder(name, rules):
                # 3.A中学获X称号 under 二、全年获得的主要荣誉: a sentence with a
                # holder of its own, read where sentences are
                pos = stop + 1
                continue
            if not (_is_honour(name, rules) or name.endswith(rules.award_suffixes)):
                break
            awards.append(_award(line.start("name"), name, "award.heading-list"))
            pos = stop + 1
        if awards:
            verb = lead.span(
                next(g for g in ("verb", "verb2", "own") if lead.group(g) is not None)
            )
            out.append(AwardStatement(*verb, False, tuple(awards), False))
    return out


#: 四、学校近五年所获主要荣誉 over a table of honours with no unit column:
#: the heading's subject holds every row's honour.
_OWN_HONOURS_HEADING = re.compile(
    r"(?P<verb>荣获|获得|获)的?(?:主要|部分|各级|各类|重要)?(?:荣誉|奖项|表彰|称号)"
)


_CJK_NAME = re.compile(r"[\u4e00-\u9fff“”（）()·]+")


def _honours_table_of_its_holder(text: str, rules: Rules) -> list[AwardStatement]:
    """序号　年度　荣誉名称　授予单位 under 学校近五年所获主要荣誉: a table
    with an honour column and no unit or person column lists the honours of
    the heading's subject, one per row (decision 10)."""
    out = []
    for header, roles in _headed_tables(text, rules):
        if "honour" not in roles or "unit" in roles or "person" in roles:
            continue
        above = slice(*_line_above(text, header.start()))
        heading = _OWN_HONOURS_HEADING.search(text, above.start, above.stop)
        if heading is None or above.stop - above.start > 40 or "名单" in text[above]:
            continue
        column = roles.index("honour")
        awards = []
        for cells in _body_rows(text, header, len(roles)):
            # (the column says it is an honour: 山东省红色文化教育基地)
            name = clean_award_name(cells[column].group())
            if len(name) >= 4 and _CJK_NAME.fullmatch(name):
                at = cells[column].start()
                awards.append(_award(at, name, "award.heading-list"))
        if awards:
            verb = heading.span("verb")
            out.append(AwardStatement(*verb, False, tuple(awards), False))
    return out


def _unit_honour_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """序号　单位名称　荣誉称号 over 1　A中心学校　控辍保学工作先进单位、教育宣传
    工作先进单位: each row's unit holds every honour its honour cell names,
    placed or not (decision 10: a unit followed by several honours)."""
    out = []
    for header, roles in _headed_tables(text, rules):
        if "unit" not in roles or "honour" not in roles or "tier" in roles:
            continue
        unit, column = roles.index("unit"), roles.index("honour")
        for cells in _body_rows(text, header, len(roles)):
            if not _unit_cell(cells[unit].group()):
                continue
            awards = []
            for part in _LISTED_PART.finditer(cells[column].group()):
                name = clean_award_name(part.group())
                if len(name) >= 4 and name.endswith(rules.award_suffixes):
                    at = cells[column].start() + part.start()
                    awards.append(_cell_award(at, part.group(), name))
            if awards:
                at = cells[column].start()
                out.append(
                    AwardStatement(
                        at, at, False, tuple(awards), False, cells[unit].span()
                    )
                )
    return out


def _counted(text: str, rules: Rules) -> list[AwardStatement]:
    """贵港市优秀共产党员1人、优秀党务工作者1人: counted honours.

    An item without a level or body before its honour word takes the first
    item's (decision 3: 贵港市优秀党务工作者).
    """
    out = []
    for group in re.finditer(r"[^；;。！？\n]+", text):
        items = []
        for piece in re.finditer(r"[^、，,]+", group.group()):
            counted = _COUNTED_ITEM.fullmatch(piece.group().strip())
            if counted is None:
                continue
            raw = counted.group(1)
            # 区教育局获得X1个: the subject and its verb are no part of X.
            granted = _LAST_TRIGGER.search(raw)
            if granted is not None and granted.end() < len(raw):
                raw = raw[granted.end() :]
            # 本次比赛共评出一等奖9个: the contest selecting is no part of the
            # tier's name; it stays before the tier, where its contest is read
            selected = _SELECTING.search(raw)
            if selected is not None and selected.end() < len(raw):
                raw = raw[selected.end() :]
            # 有获得“优秀教师”荣誉称号的184名: the verbs before and 的 after
            # the honour are no part of it.
            raw = _LEADS.sub("", raw)
            raw = re.sub(r"的$", "", raw)
            # 创建四星级高中2所: the honour pursued is 四星级高中
            for verb in sorted(
                rules.lexicon.award_pursuit_triggers, key=len, reverse=True
            ):
                if raw.startswith(verb):
                    raw = raw[len(verb) :]
                    break
            name = clean_award_name(raw)
            if len(name) < 3 or not _is_honour(name, rules):
                continue
            if NEGATED_HONOUR.search(name) or any(
                word in name for word in rules.lexicon.admission_words
            ):
                continue  # 非示范性高中录取102人: pupils admitted, not honours
            at = group.start() + piece.start() + piece.group().find(raw)
            items.append((at, raw, name))
        if len(items) < 2:
            continue
        awards = []
        prefix = ""
        for at, raw, name in items:
            if BARE_TIER.fullmatch(name):
                # 举办…基本功大赛，评出一等奖15名: that contest's tiers (decision 3);
                # 授予…“X奖”，其中一等奖3个: the prize's
                before = text[group.start() : at]
                # 授予A等16所学校“X优秀单位”称号，其中一等奖6所: the quoted
                # honour's tiers, before any contest word inside it (考核)
                whose = _prize_quoted_in(before, rules) or contest_in(before, rules)
                if not whose:
                    continue  # 一等奖3个 of nothing named: no prize
                name = whose + name
            first = HONOUR_HEAD.search(name)
            if first is not None and first.start() > 0:
                own = name[: first.start()]
                if re.search(r"(?:[省市区县旗州]|工委|党委|自治区)$", own):
                    prefix = own  # the level or body the next items omit
            elif first is not None and prefix:
                name = prefix + name
            award = Candidate(at, at + len(raw), "Award", name, "award.counted", "")
            # 本次比赛二等奖: this contest is the one the title names
            awards.append(this_contest_named(award, text, at, rules))
        if not awards:
            continue
        out.append(
            AwardStatement(
                items[0][0],
                items[0][0],
                False,
                tuple(awards),
                False,
                (items[0][0], items[0][0]),
            )
        )
    return out


def _prize_quoted_in(text: str, rules: Rules) -> str:
    """The last quoted prize (…奖) or honour in ``text``, or ""."""
    prizes = [
        clean_award_name(q.group(1))
        for q in _QUOTED.finditer(text)
        if q.group(1).endswith(("奖", *rules.award_suffixes))
    ]
    return prizes[-1] if prizes else ""


# A、B分别通过了X复评、“Y”创建评估验收和授牌: one assessment each, in order.
_ASSESSED_EACH = re.compile(r"(?:分别|依次)通过了?([^，,。；;\n]{6,80})")
# Items end at 、 or at 和 after an assessment word (复评和…评估验收).
_ASSESSMENT_ITEM = re.compile(r"(?:[^、和]|(?<!复评|验收|认定|复核)和)+")
_ASSESSMENT_TAIL = re.compile(
    r"^(?:授牌|挂牌)$|[”\"]?(?:创建|督导|评估|验收|复评|复核|认定)*$"
)


def _assessed_each(text: str, rules: Rules) -> list[AwardStatement]:
    """A、B分别通过了X复评、“Y”创建评估验收: the i-th unit holds the i-th title."""
    out = []
    for match in _ASSESSED_EACH.finditer(text):
        raw = match.group(1)
        if not re.search(r"(?:验收|复评|复核|认定)", raw):
            continue
        awards = []
        offset = match.start(1)
        for piece in _ASSESSMENT_ITEM.finditer(raw):
            part = _ASSESSMENT_TAIL.sub("", piece.group()).lstrip('“"')
            if not part:
                continue  # …验收和授牌: the ceremony after the assessment
            name = clean_award_name(part)
            if len(name) < 3 or not name.endswith(rules.award_suffixes):
                awards = []
                break
            at = offset + piece.start() + piece.group().find(part)
            awards.append(
                Candidate(at, at + len(part), "Award", name, "award.assessed", "")
            )
        if len(awards) > 1:
            out.append(
                AwardStatement(
                    match.start(), match.start(1), False, tuple(awards), True
                )
            )
    return out


def _assessed(text: str, rules: Rules) -> list[AwardStatement]:
    """X通过省教育强镇督导验收: the title the assessment confers."""
    out = _assessed_each(text, rules)
    taken = {(s.trigger_start, s.trigger_end) for s in out}
    for match in _ASSESSED.finditer(text):
        if any(start <= match.start() < end + 2 for start, end in taken):
            continue
        raw = match.group(1)
        name = clean_award_name(raw)
        if "创建" in text[max(0, match.start() - 20) : match.start()]:
            continue  # 创建X…通过评估: on the way to a title (decision 27)
        if len(name) < 3 or not name.endswith(rules.award_suffixes):
            continue
        at = match.start(1) + raw.find(raw.strip('“”"'))
        out.append(
            AwardStatement(
                match.start(),
                match.start() + 2,
                False,
                (Candidate(at, match.end(1), "Award", name, "award.assessed", ""),),
                False,
            )
        )
    return out


_BECAME = re.compile(r"成为([^，,。；;！!？?：:\n]{3,40})")
_AREA_TITLE = re.compile(
    "^(.*?(?:" + "|".join(map(re.escape, load_lexicon().area_award_suffixes)) + "))"
)
# 全省首个, 南三县第一个, 第二批: what places the area among holders.
_RANK_HEAD = re.compile(r"^.*(?:首个|首批|第[一二三四五六七八九十0-9]+[个批家]|的)")


def _became_area_title(text: str, rules: Rules) -> list[AwardStatement]:
    """率先成为全省首个…达标县: an area that becomes a title's holder has it.

    Only an area's title (…示范县, …达标县): 成为 before anything else names
    no honour. A plan marker in the clause (力争成为) marks it pursued.
    """
    out = []
    for match in _BECAME.finditer(text):
        title = _AREA_TITLE.match(match.group(1))
        if title is None:
            continue
        phrase = title.group(1)
        head = _RANK_HEAD.match(phrase)
        raw = phrase[head.end() :] if head else phrase
        name = clean_award_name(raw)
        if len(name) < 4 or not _is_designation(name, rules):
            continue
        clause = text[clause_of(text, match.start())[0] : match.start()]
        pursued = any(m in clause for m in rules.lexicon.plan_markers)
        at = match.start(1) + (head.end() if head else 0) + raw.find(name)
        out.append(
            AwardStatement(
                match.start(),
                match.start(1),
                pursued,
                (Candidate(at, at + len(name), "Award", name, "award.became", ""),),
                False,
            )
        )
    return out


# 新增省级示范性普通高中1所（彩虹中学）: the honour, its count, its holders;
# 全区有X 9所（A、B），Y 4所（C、D）: the area's holders, a second after the first.
_HONOUR_COUNT_HOLDERS = (
    r"([^，,。；;！？\n（）()0-9]{3,30}?)\s*"
    r"[0-9一二三四五六七八九十两]+\s*[所个家]\s*[（(]([^（）()\n]{2,120})[）)]"
)
#: 新增, 建成, 有 …: what makes the units counted holders of the honour.
_ADDED_LEAD = r"(?:新增|新创建|新创成|新认定|新评|建成|创成|(?<![没未])有)"
_ADDED_WITH_HOLDERS = re.compile(_ADDED_LEAD + _HONOUR_COUNT_HOLDERS)
#: 新认定普惠性民办幼儿园5所，分别是：A、B: the holders listed after the count.
_ADDED_THEN_LISTED = re.compile(
    _ADDED_LEAD
    + r"([^，,。；;！？\n（）()0-9]{3,30}?)\s*[0-9一二三四五六七八九十两]+\s*[所个家]"
    r"[，,]\s*(?:分别是|分别为|包括)[：:]?\s*([^。；;\n]{2,300})"
)
#: 新增11所X，A、B等榜上有名: the count before the honour, the holders after
#: it with the words that say they made its list.
_ADDED_COUNT_FIRST = re.compile(
    _ADDED_LEAD + r"\s*[0-9一二三四五六七八九十两]+\s*[所个家]\s*"
    r"([^，,。；;！？\n（）()0-9]{3,30}?)[，,]\s*([^。；;\n，,]{2,300}?)"
    r"(?:等(?:[0-9一二三四五六七八九十两]+[所个家](?:学校)?)?)?(?:榜上有名|上榜|名列其中)"
)
#: ，Y 4所（C、D）: the next honour of the same count, right after the first.
_NEXT_WITH_HOLDERS = re.compile(r"[，,；;、]\s*" + _HONOUR_COUNT_HOLDERS)


def _added_with_holders(text: str, rules: Rules) -> list[AwardStatement]:
    """新增X 2所（A、B）, 全区有X 2所（A、B）, 新认定X 2所，分别是：A、B: the
    units in brackets, or listed after the count, hold X."""
    out = []
    firsts = sorted(
        [
            *_ADDED_WITH_HOLDERS.finditer(text),
            *_ADDED_THEN_LISTED.finditer(text),
            *_ADDED_COUNT_FIRST.finditer(text),
        ],
        key=lambda m: m.start(),
    )
    for first in firsts:
        match: re.Match[str] | None = first
        while match is not None:
            raw = match.group(1)
            name = clean_award_name(raw)
            if not (_is_designation(name, rules) or _is_honour(name, rules)):
                break
            if (
                match is first
                and not text.startswith(("新认定", "新评"), match.start())
                and not (LEVEL_PREFIX.match(name) or HONOUR_HEAD.search(name))
            ):
                # 新增幼儿园3所（…）: new schools, no title (新认定X: a title)
                break
            at = match.start(1) + raw.find(name)
            out.append(
                AwardStatement(
                    match.start(),
                    match.start(1),
                    False,
                    (_award(at, name, "award.added"),),
                    False,
                    match.span(2),
                )
            )
            match = _NEXT_WITH_HOLDERS.match(text, match.end())
    return out


# 入选的5所学校分别是A、B和C: the holders of an honour named just before.
_SELECTED_HOLDERS = re.compile(
    r"(?:入选|入围|获评|获此殊荣)的\s*[0-9一二三四五六七八九十两]*\s*[所个家]?"
    r"[\u4e00-\u9fff]{0,6}?(?:分别是|分别为)[：:]?"
)
# How far back (characters) the honour a list of selected holders refers to
# may be named: the report's paragraph or headline before it.
_SELECTED_REACH = 400


def _selected_holders(text: str, rules: Rules) -> list[AwardStatement]:
    """…评选出“X”… 入选的5所学校分别是A、B和C: the last quoted honour before."""
    out = []
    for match in _SELECTED_HOLDERS.finditer(text):
        named = None
        floor = max(0, match.start() - _SELECTED_REACH)
        for quote in _QUOTED.finditer(text, floor, match.start()):
            # “省级文明校园（中小学、职业学校）”: the kinds it covers follow.
            raw = re.split(r"[（(]", quote.group(1).strip(), maxsplit=1)[0]
            name = clean_award_name(raw)
            if name.endswith(rules.award_suffixes) and _is_designation(name, rules):
                named = (quote.start(1), raw, name)
        if named is None:
            continue
        end = _statement_end(text, match.end())
        if end == match.end():
            continue
        at, raw, name = named
        out.append(
            AwardStatement(
                match.start(),
                match.end(),
                False,
                (Candidate(at, at + len(raw), "Award", name, "award.selected", ""),),
                False,
                (match.end(), end),
            )
        )
    return out


#: 省教育厅公布X名单，A、B榜上有名 (or 。我县A、B等12所学校榜上有名); 在…公布的X
#: 名单中，A入选: a published list
#: confers X (decision 10) on the units said to be on it.
_PUBLISHED_LIST = re.compile(
    r"(?:公布|公示|发布|印发)了?的?([^，,。；;！？!?\n]{4,50}?)(?:拟认定|拟命名|认定)?"
    r"名单中?[，,。]\s*"
    r"([^。；;！？!?\n]{2,200}?)(?:均|全部|成功|同时)?(?:榜上有名|入选|上榜|名列其中|位列其中)"
)
#: 在2025年度X评选中，A、B成功入选: the units selected in X's selection hold X.
_SELECTED_IN = re.compile(
    r"在([^，,。；;！？!?\n]{4,50}?)(?:评选|评审|认定|遴选|推选)(?:活动|工作)?中[，,]\s*"
    r"([^。；;！？!?\n]{2,200}?)(?:均|全部|成功|同时)?(?:榜上有名|入选|上榜|名列其中|位列其中)"
    r"(?=[，,。；;！!？?\n]|$)"
)


#: 根据《关于命名X的决定》，以下学校获命名：A、B; 根据《X拟认定名单公示》，以下
#: 学校列入名单：A、B — the document's title names what the listed units hold.
_LISTED_AFTER_DOCUMENT = re.compile(
    r"《(?:关于)?(?:命名|公布|认定|确定|表彰)?([^《》\n]{4,50}?)"
    r"(?:拟认定|拟命名|拟确定|认定|命名)?(?:名单)?(?:公示|的决定|的通知)?》"
    r"[^《》。；;！？!?\n：:]{0,30}?(?:以下|下列)(?:学校|单位|幼儿园|集体)"
    r"[^。；;！？!?\n：:]{0,12}?(?:获命名|被命名|列入名单|入选|被认定|获认定|上榜)"
    r"[^。；;！？!?\n：:]{0,20}[：:]"
    r"([^。！？!?\n]{2,400}?)(?=[。！？!?\n]|$)"
)


def _published_lists(text: str, rules: Rules) -> list[AwardStatement]:
    """省教育厅公布X名单，A、B榜上有名; 在X评选中，A、B入选; 根据《关于命名X的
    决定》，以下学校获命名：A、B — the units on a published list, or selected
    in X's selection, hold X."""
    out = []
    matches = [
        *_PUBLISHED_LIST.finditer(text),
        *_SELECTED_IN.finditer(text),
        *_LISTED_AFTER_DOCUMENT.finditer(text),
    ]
    for match in sorted(matches, key=lambda m: m.start()):
        raw = match.group(1)
        name = clean_award_name(raw)
        if not (
            _is_honour(name, rules) or name.endswith(_LEX.designation_ends)
        ) or not _is_designation(name, rules):
            continue  # 公布招生名单: no honour's list
        if _PROGRAMS_SCHOOLS.search(name):
            continue  # 公布X计划第二批项目学校名单: a program's schools
        at = match.start(1) + raw.find(name) if name in raw else match.start(1)
        size = len(name) if name in raw else len(raw)
        rule = (
            "award.document-list"
            if match.re is _LISTED_AFTER_DOCUMENT
            else "award.published-list"
        )
        award = Candidate(at, at + size, "Award", name, rule, "")
        out.append(
            AwardStatement(
                match.start(),
                match.start(1),
                False,
                (award,),
                False,
                (match.start(2), match.end(2)),
            )
        )
    return out


#: （一）小学男子组：冠军　A；亚军　B — a results line written placement
#: first: an optional label and colon, then placements each before a unit.
_PLACE = r"冠军|亚军|季军|第[一二三四五六七八九十]名"
_PLACEMENT_LINE = re.compile(
    r"^(?:" + NUMBER_MARK + r")?\s*(?:(?P<label>[^：:，,；;。\s]{2,24})[：:])?\s*"
    r"(?P<rest>(?:" + _PLACE + r")[\s\S]*)$"
)
# 第一名：A — the place may take a colon before its unit
_PLACEMENT = re.compile(
    r"(" + _PLACE + r")\s*[：:]?\s*([^；;，,。、：:\s]{2,40})\s*[；;，,。]?\s*"
)


def _placements_first(text: str, rules: Rules) -> list[AwardStatement]:
    """冠军　A；亚军　B under a contest's heading (decisions 3, 15): each unit
    holds its placement in the contest, the line's group or event named in it
    (2024年…足球联赛小学男子组冠军)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        match = _PLACEMENT_LINE.match(line.strip())
        if match is None:
            continue
        offset = line_start + line.index(match.group("rest"))
        rest = match.group("rest")
        placements = []
        at = 0
        for placed in _PLACEMENT.finditer(rest):
            unit = placed.group(2)
            if placed.start() != at or not (_names_a_unit(unit)):
                placements = []
                break  # prose, or a person placed: no results line
            placements.append(placed)
            at = placed.end()
        if not placements or at != len(rest):
            continue
        contest = _placements_contest(text, line_start, match.group("label"), rules)
        if not contest:
            continue  # 第一名 A with nothing naming the contest: no prize named
        for placed in placements:
            start = offset + placed.start(1)
            units = (offset + placed.start(2), offset + placed.end(2))
            span = (start, start + len(placed.group(1)))
            out.append(_placement(span, placed.group(1), contest, units))
    return out + _ranked_rows(text, rules)


def _placement(
    span: tuple[int, int], place: str, contest: str, units: tuple[int, int]
) -> AwardStatement:
    """The unit at ``units`` holds ``place`` (written at ``span``) in
    ``contest``."""
    award = Candidate(*span, "Award", contest + place, "award.placement-first", "")
    return AwardStatement(span[0], span[0], False, (award,), False, units)


def _placements_contest(
    text: str, line_start: int, label: str | None, rules: Rules
) -> str:
    """What the placements of the line at ``line_start`` are in: the contest
    (its heading's, or the title's) with the group and the line's own label
    or else the heading it sits under; "" when no contest is named."""
    heading, sub, group = _placement_headings(text, line_start)
    contest = (
        heading
        if heading.endswith(_LEX.award_events)
        else _contest_led_in(text, line_start, rules)
        or contest_named_before(text, line_start, rules)
    )
    if not contest:
        return ""
    # 男子4×100米接力（初中组）: the group in brackets is part of the event
    label = re.sub(r"[（(]([^）)]+)[）)]", r"\1", label or "")
    if not label:
        # 一、团体总分 / （一）高中组 / 冠军 A, or 一、X运动会 / （一）团体总分 /
        # 小学组 / 第一名：A: what the placement is in
        label = heading if heading != contest else sub
    elif label.endswith("组") and heading in ("团体总分", "团体", "个人"):
        # 三、团体总分 over 小学组：第一名　A: the group's team total
        label += heading
    elif label.endswith("组"):
        # 各组团体总分前三名如下：over 高中组：第一名 A: the group's team total
        label += _kind_led_in(text, line_start)
    return contest + group + label


#: 各组团体总分前三名如下：— the kind of placing the results lines below are.
_PLACING_KIND = re.compile(
    r"(团体总分|团体|个人)(?=前[一二三四五六七八九十\d]+名|名次|排名|成绩)"
)


def _kind_led_in(text: str, line_start: int) -> str:
    """团体总分 when the lead above the results lines says their placings are
    the team totals (各组团体总分前三名如下：), else ""."""
    for line in lines_above(text, line_start, _TIER_LINES):
        if not line or _PLACEMENT_LINE.match(line):
            continue
        kind = _PLACING_KIND.search(line) if line.endswith(("：", ":")) else None
        return kind.group(1) if kind else ""
    return ""


def _contest_led_in(text: str, line_start: int, rules: Rules) -> str:
    """The contest the paragraph right above a block of results lines names
    first (另悉，2024年X联赛已落下帷幕。…各组别前三名如下：), "" when the
    line above is no such paragraph: a news item may report another contest
    than its title's."""
    for line in lines_above(text, line_start, _TIER_LINES):
        if not line or _PLACEMENT_LINE.match(line):
            continue
        if not line.endswith(("：", ":")) or "。" not in line:
            return ""
        named = _contests_named(line)
        return named[0] if named else ""
    return ""


def _contest_named_above(text: str, pos: int, rules: Rules) -> str:
    """The contest the line holding ``pos`` names before it, or else the
    nearest line above that names one (a results paragraph's lead), ""
    when none does within a few lines."""
    line_start = text.rfind("\n", 0, pos) + 1
    lines = [text[line_start:pos], *lines_above(text, pos, _CONTEST_REACH)]
    for line in lines:
        named = _contests_named(line)
        if named:
            return named[0] if line is not lines[0] else named[-1]
    return ""


def _contests_named(line: str) -> list[str]:
    """The contests a line of prose names by a name of their own, in order
    (not 本届联赛, which points back to one)."""
    names = (clean_award_name(m.group(1)) for m in _CONTEST_IN_PROSE.finditer(line))
    return [n for n in names if len(n) >= 6 and not n.startswith(_THIS_CONTEST)]


#: Lines searched above a granted prize for the contest it was given in.
_CONTEST_REACH = 8
#: A contest named in a sentence, after the words that lead to it.
_CONTEST_IN_PROSE = re.compile(
    r"(?:^|[，,。；;]|另悉|据悉)\s*([^，,。；;：:、\s]{2,40}?(?:"
    + "|".join(map(re.escape, _LEX.award_events))
    + r")(?![”」』]))"
)
#: 本届联赛, 该比赛: the contest already named, no name of its own.
_THIS_CONTEST = ("本届", "本次", "该", "此次", "这次", "进行")


#: 名次　单位　总分: the header of a table of ranks; 1　A中学　286: its row.
_RANK_HEADER = re.compile(r"^\s*名次\s+(?:参赛)?(?:单位|学校|代表队)(?:\s|$)")
_RANK_ROW = re.compile(r"^\s*(\d{1,2})\s+(\S{2,40}?)(?=\s|$)")


def _ranked_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """名次　单位　总分 over rows 1　A中学　286: each unit holds its rank (第一名)
    in the contest and group the table sits under."""
    out = []
    contest = ""
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if _RANK_HEADER.match(line):
            contest = _placements_contest(text, line_start, None, rules)
            continue
        row = _RANK_ROW.match(line) if contest else None
        if row is None or not _names_a_unit(row.group(2)):
            contest = "" if line.strip() else contest  # the table ended
            continue
        rank = int(row.group(1))
        if not 1 <= rank <= len(_CHINESE_NUMERALS):
            continue
        span = (line_start + row.start(1), line_start + row.end(1))
        units = (line_start + row.start(2), line_start + row.end(2))
        place = f"第{_CHINESE_NUMERALS[rank - 1]}名"
        out.append(_placement(span, place, contest, units))
    return out


def _placement_headings(text: str, pos: int) -> tuple[str, str, str]:
    """The numbered heading above a results line at ``pos`` (一、X联赛 or
    一、团体总分), the first heading of a lower level between them (（一）团体总分)
    and the group heading between them (（一）高中组, or 小学组 on a line of
    its own), "" when none."""
    group = sub = ""
    for line in lines_above(text, pos, _TIER_LINES):
        named_group = _group_heading(line) if line else None
        if named_group is not None and _GROUP_ONLY.match(line):
            group = group or _group_name(named_group)
            continue
        if _BARE_GROUP.fullmatch(line):
            group = group or line
            continue
        top = TOP_HEADING.match(line)
        if top is not None:
            heading = clean_award_name(_PAREN_TAIL.sub("", line[top.end() :]))
            return heading, sub, group
        lower = _SUB_HEADING.match(line)
        if lower is not None and not sub:
            sub = clean_award_name(_PAREN_TAIL.sub("", line[lower.end() :]))
    return "", sub, group


#: 小学组 on a line of its own, over its placements.
_BARE_GROUP = re.compile(r"[\u4e00-\u9fff]{1,6}组")
#: （一）团体总分: a heading of the level below 一、.
_SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*(?=\S)")


#: （一）高中组: a group heading alone on its line, no results after it.
_GROUP_ONLY = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*[^：:，,；;。]{1,8}组$")


#: 其中，X示范校为：A、B；Y为：C — an honour named in prose over its holders.
_HONOUR_IS_COLON = re.compile(
    PROSE_LIST_LEAD + r"“?([\u4e00-\u9fff]{4,30}?)”?(?:分别)?(?:为|是)[：:]"
)


def _honour_headed_lists(text: str, rules: Rules) -> list[AwardStatement]:
    """先进单位：A、B、C (decision 10): the units listed after an honour and a colon."""
    out = []
    headed = sorted(
        itertools.chain(
            _HONOUR_COLON.finditer(text),
            _HONOUR_IS_COLON.finditer(text),
            _TIER_SPACED.finditer(text),
            _GROUP_THEN_TIER.finditer(text),
            _TIER_THEN_GROUP.finditer(text),
        ),
        key=lambda m: m.start(),
    )
    for match in headed:
        raw = match.group(1)
        name = clean_award_name(raw)
        if match.re is _TIER_THEN_GROUP:
            name = match.group(2) + name  # 一等奖（小学组）: 小学组一等奖
        tier = BARE_TIER.fullmatch(name) or name in _LEX.contest_prizes
        if not (
            tier
            or (name.endswith(rules.award_suffixes) and _is_designation(name, rules))
        ):
            continue
        end = _statement_end(text, match.end())
        items = text[match.end() : end]
        if not (_is_list(items) or _one_unit(items)):
            continue  # 先进单位：创建工作… is prose, not a list
        at = match.start(1)
        parent = None
        ranked = BARE_TIER.fullmatch(name) is not None
        if tier and BARE_TIER.fullmatch(name) and "组" not in name:
            # 小学组　一等奖：A；二等奖：B — the line's group is each tier's
            line_group = _GROUP_OPENS_LINE.match(text, text.rfind("\n", 0, at) + 1)
            if line_group is not None:
                name = line_group.group(1) + name
        if tier:
            # 二、…优胜奖（9个）\n一等奖：A、B: the tier of the heading's honour
            # (decisions 3, 10); 优秀组织奖：A、B, the heading's prize
            above = _sibling_prize_dropped(
                _heading_above(text, match.start(), rules), name, text, match.start()
            )
            heading = (
                above[0] + above[1]
                if above
                else _contest_of_tier(text, match.start(), rules)
            )
            if not heading:
                continue  # 一等奖：A with nothing naming whose: no prize named
            if heading.endswith("奖") and _METAL.fullmatch(name):
                heading = heading[:-1]  # 团体奖 + 金奖: 团体金奖
                ranked = False  # one prize, no tier of another
            name = _tier_name(text, heading, name)
            if above and ranked:
                # the units of every ranked tier hold the heading's honour
                # too (decision 10); a prize (优秀组织奖) is its own
                parent = above[2]
        elif ranked_kind := _RANKED_KIND.fullmatch(name):
            # 二、X示范校（12所）then （一）一类示范校：A、B: X's first class,
            # and X itself (decision 10)
            above = _heading_above(text, match.start(), rules)
            kind = ranked_kind[2]
            if above and above[2] is not None and above[0].endswith(kind):
                name = above[0][: -len(kind)] + ranked_kind[1] + kind
                parent = above[2]
        elif name in _BARE_HONOURS:
            # 五、X工作先进县（2个）及先进学校（6所） over 先进县：A and 先进学校：B
            name = _joined_heading_part(text, match.start(), name) or name
        elif not (LEVEL_PREFIX.match(name) or rules.region_pattern.match(name)):
            # 示范校：A、B under 认定A等12所学校为X劳动教育示范校，B等11所学校为
            # X劳动教育特色校: the one honour conferred above that it ends;
            # 科学教育实验校：A、B under 入选山西省第二批中小学科学教育实验校和
            # 劳动教育示范校名单: the honour as the report named it in full
            name = (
                _lead_honour(_conferred_before(text, match.start(), rules), name)
                or _qualified_before(text, match.start(), name, rules)
                or name
            )
        if _BARE_PART.fullmatch(name):
            continue  # 第二批实验校分别是：A、B: the schools' part in a program
        award = Candidate(at, at + len(raw), "Award", name, "award.heading-list", "")
        awards = (award,) if parent is None else (award, parent)
        out.append(AwardStatement(at, at, False, awards, False, (match.end(), end)))
    return out


#: 实验校, 试点学校: a school's part in a program, named by nothing else, is
#: no honour's name.
_BARE_PART = re.compile(r"(?:试点|实验|基地|项目|培育|立项)(?:校|学校|园|幼儿园)")
#: What may qualify an honour's name before it, after its place: 2023年度,
#: 第二批, 省级, 中小学.
_QUALIFIER_REST = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?" + BATCH_MARK + "?"
    r"(?:国家级|省级|市级|县级|区级)?(?:中小学校?|义务教育)?"
)
#: The characters looked back over for an honour's qualifier.
_QUALIFIER_REACH = 24


def _qualifier_ending(run: str, rules: Rules) -> str:
    """The longest end of ``run`` that is a place, batch, level or stage
    (山西省第二批中小学), or ""."""
    best = ""
    for k in range(1, len(run) + 1):
        piece = run[-k:]
        place = rules.region_pattern.match(piece)
        rest = piece[place.end() :] if place else piece
        if _QUALIFIER_REST.fullmatch(rest) and (place or rest):
            best = piece
    return best


def _qualified_before(text: str, pos: int, name: str, rules: Rules) -> str:
    """``name`` with the longest qualifier it has where the text before
    ``pos`` names it (…入选山西省第二批中小学科学教育实验校), or the one the
    honour joined before it has (…实验校和劳动教育示范校: 山西省第二批中小学
    劳动教育示范校); "" when it is never named so."""
    best = ""
    for found in re.compile(re.escape(name)).finditer(text, 0, pos):
        start = found.start()
        run = _CJK_RUN_BEFORE.search(text, max(0, start - _QUALIFIER_REACH), start)
        before = run.group() if run else ""
        qualifier = _qualifier_ending(before, rules)
        if not qualifier and before[-1:] in ("和", "及", "与"):
            joined = before[:-1]
            for j in range(1, len(joined)):
                head = joined[j:]
                if len(head) >= 4 and head.endswith(rules.award_suffixes):
                    q = _qualifier_ending(joined[:j], rules)
                    if q and joined[:j].endswith(q) and len(q) > len(qualifier):
                        qualifier = q
        if len(qualifier) > len(best):
            best = qualifier
    fuller = best + name if best else ""
    return fuller if fuller and _is_designation(fuller, rules) else ""


_CJK_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff\d]+$")


#: 先进县, 先进学校: an honour's bare ending, which a heading above may name
#: in full (longest first, so a heading's ending is found the same way every
#: run).
_BARE_HONOURS = tuple(
    sorted(
        (w for w in _LEX.award_suffixes if w.startswith("先进")),
        key=len,
        reverse=True,
    )
)
#: …先进县（2个）及先进学校（6所）: the parts of a heading naming honours.
_JOINED_PARTS = re.compile(
    r"\s*(?:[（(]\s*\d+\s*[个名所家人项]\s*[）)])?\s*(?:及|和|以及|、|$)\s*"
)


def _joined_heading_part(text: str, pos: int, name: str) -> str:
    """X先进县 when the heading above the label line at ``pos`` is 五、X先进县
    （2个）及先进学校（6所）and ``name`` is one of its parts' endings, else ""."""
    for line in lines_above(text, pos, 8):
        if not line or _HONOUR_COLON.match(line):
            continue  # blank, or the label line of another part
        numbered = _NUMBERED_HEADING.match(line)
        if numbered is None:
            return ""
        parts = [p for p in _JOINED_PARTS.split(line[numbered.end() :]) if p]
        if len(parts) < 2 or not any(p.endswith(name) for p in parts):
            return ""
        first = parts[0]
        ending = next((w for w in _BARE_HONOURS if first.endswith(w)), "")
        stem = first[: -len(ending)] if ending else ""
        return stem + name if len(stem) >= 2 else ""
    return ""


#: 1	智能垃圾分类小助手	A小学	刘慧: a table's row (or its header), cells
#: set apart by tabs, with no prose in them.
_TABLE_LINE = re.compile(r"[^\t，。；：:\n]+(?:\t+[^\t，。；：:\n]+)+")


def _heading_above(
    text: str, pos: int, rules: Rules
) -> tuple[str, str, Candidate | None] | None:
    """The honour a heading names above the tier lines before ``pos``: its
    name, the nearest group's name ("" when none or a kind of school) and
    the honour as named in the heading."""
    line_start = text.rfind("\n", 0, pos) + 1
    group: str | None = None
    # a top heading passed or started from (二、小学组 or 二、一等奖 over the
    # tiers' units): a top heading further up is another section's
    own_line = text[line_start : _line_end(text, line_start)].strip()
    top_group = TOP_HEADING.match(own_line) is not None
    for _ in range(_TIER_LINES):
        if line_start <= 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1].strip()
        line_start = above
        if (
            not line
            or _TIER_LINE.match(line)
            or _TIER_SPACED.match(line)
            or _TIER_ALONE.fullmatch(line)
            or _LIST_NOTE.fullmatch(line)
            or _unit_alone(line, rules)
            or _TABLE_LINE.fullmatch(line)
            or _spaced_units(line, rules)
        ):
            # 一等奖：A、B above 二等奖：C — the same heading's tiers;
            # （共18个，按组别和等次排列）— a note on the list; a school
            # on its own line, a table's rows — an earlier tier's units
            continue
        named_group = _group_heading(line)
        if named_group is not None or (
            _BARE_GROUP.fullmatch(line) and not line.endswith("小组")
        ):
            # （一）高中组 over the tiers: 考核奖高中组一等奖 (the nearest group)
            if group is None:
                group = _group_name(named_group) if named_group else line
            top_group = top_group or TOP_HEADING.match(line) is not None
            continue
        if top_group and TOP_HEADING.match(line):
            # 一、优秀组织奖 above 二、小学组 over 一等奖, or above 二、一等奖:
            # another section's prize, no honour these tiers are of
            return None
        heading = (
            _HEADING_LIST.match(line)
            or _HEADING_HONOUR.match(line)
            # 评定以下单位为X：over （一）一等奖: the lead naming the honour
            or _LEAD_AS.search(line)
        )
        if heading is None:
            if (
                # (二、个人奖（部分）: the 、 of a heading's number joins nothing)
                "、" in re.sub("^" + NUMBER_MARK, "", line)
                or _LABELLED_UNITS.match(line)
                or (_HONOUR_COLON.match(line) and not line.endswith(("：", ":")))
            ):
                # 高中组：A、B, （一）一类示范校：A — an earlier tier's units
                continue
            return None
        raw = _PAREN_TAIL.sub("", heading.group(1).strip())
        name = clean_award_name(raw)
        name = _named_in_full_before(text, above, name) or name
        # 一、2023年度学校综合考核获奖单位 over its tiers: the evaluation's
        # (whatever its name ends with: 三、X展示活动获奖学校)
        winners = _WINNERS_TAIL.search(name) is not None
        name = _WINNERS_TAIL.sub("", name)
        if BARE_TIER.fullmatch(name):
            continue  # （一）一等奖 above （二）二等奖: an earlier tier
        kind = next((k for k in _PRIZE_KINDS if name.endswith(k)), "")
        event = name[: -len(kind)] if kind else ""
        if event in _PRIZE_HOLDERS:
            event = ""  # 一、学校团体奖: who holds it, no event of the contest
        if kind and len(event) <= _EVENT_OF_PRIZE_KIND:
            # 一、团体奖 over 小学组： over 一等奖　A: the contest's team prize
            # of that group (X比赛小学组团体一等奖), no honour of its own; （二）
            # 机器人竞技团体奖 over 团体一等奖：A: the team prize of the
            # contest's event (X大赛机器人竞技团体一等奖)
            contest = contest_named_before(text, above, rules)
            if not contest or (event and event in contest):
                return None
            return contest + event + (group or "") + kind[:-1], "", None
        # 一、教育教学质量综合考核奖: a prize in tiers is named with 奖;
        # 三、乡镇教育工作综合考评（9个）over 一等奖：A: the evaluation's prizes
        held = _is_honour(name, rules) or name.endswith("奖")
        if not (held or winners or name.endswith(_LEX.award_events)):
            return None
        at = text.find(raw, above, _line_end(text, above))
        honour = None
        if at >= 0 and held:  # an evaluation's name is no honour held
            honour = replace(_award(at, name, "award.list-heading"), end=at + len(raw))
        return name, group or "", honour
    return None


#: 一、团体奖, 二、个人奖: the kinds of a contest's prizes, not prizes.
_PRIZE_KINDS = ("团体奖", "个人奖", "集体奖")
#: The longest event a kind of prize may name before it (机器人竞技团体奖).
_EVENT_OF_PRIZE_KIND = 8
#: Who a kind of prize is for, named before it (学校团体奖, 学生个人奖).
_PRIZE_HOLDERS = frozenset({"学校", "学生", "教师", "单位", "集体", "中小学", "幼儿园"})


def _numbered_school(line: str) -> bool:
    """1.湓浦小学: a school numbered in its list, not a kind of school heading
    a group (三、小学（5个）, 二、初中：), which has a count or a colon; a note
    may follow the school (2.大沙中学（茶园种植类）)."""
    return bool(_DIGIT_ITEM.match(line)) and not re.search(
        r"[（(:：]", _NOTE_AT_END.sub("", line)
    )


_DIGIT_ITEM = re.compile(r"^\d+[、.．]\s*[\u4e00-\u9fff]")


#: Full-width or double spaces between the units of a list line.
_UNIT_GAP = re.compile(r"[\t\u3000]+| {2,}")


def _spaced_units(line: str, rules: Rules) -> bool:
    """A line of units set apart by spaces (A中学　　B小学　　C小学): an earlier
    tier's units."""
    cells = [c for c in _UNIT_GAP.split(line.strip()) if c]
    return len(cells) >= 2 and all(
        c.endswith(rules.lexicon.school_suffixes) for c in cells
    )


def _unit_alone(line: str, rules: Rules) -> bool:
    """A line that is one school's name and nothing else (a list of one per
    line), or one school and its work (夏县瑶峰镇初级中学　《X》)."""
    line = _WORK_AFTER_UNIT.sub("", line)
    return (
        len(line) <= _UNIT_LINE_MAX
        and line.endswith(rules.lexicon.school_suffixes)
        and not _is_honour(line, rules)
        and not PROSE_MARK.search(line)
        and "（" not in line
        and "(" not in line
    )


#: 　《家校社协同的劳动教育实践》: the work a row's school won with.
_WORK_AFTER_UNIT = re.compile(r"[\s\u3000]+《[^》]*》$")
#: Longer lines are sentences, not a school's name.
_UNIT_LINE_MAX = 24


def _group_heading(line: str) -> re.Match[str] | None:
    """（一）高中组: a group of one honour's list; not 七、优秀教研组 or
    一、体育特色学校（6所）, honours."""
    match = _GROUP_HEADING.match(line)
    if match is None or HONOUR_HEAD.search(match.group()):
        return None
    kind = match.group("kind") or match.group("kind2") or ""
    if kind.endswith(_HONOUR_KINDS + tuple(_LEX.participation_designations)):
        return None  # 二、试点学校（30所）: a list of its own, a part in a program
    return match


#: 特色学校, 示范校: a kind of school that is an honour, not a group of a list.
_HONOUR_KINDS = tuple(
    w
    for w in _LEX.award_suffixes
    if w.endswith(("学校", "小学", "中学", "幼儿园", "单位"))
)


def _group_name(match: re.Match[str]) -> str:
    """The group a heading names for its prizes: 高中组; "" for a kind of school."""
    return match.group(1) or match.group(3) or ""


#: 高中学校, 小学, 直属单位: the kinds of unit a list is sorted by.
_ONE_SCHOOL_KIND = (
    r"(?:九年一贯制|十二年一贯制|[\u4e00-\u9fff]{0,4})"
    # 镇（街道）学校: the kinds of place a kind of school is of
    r"(?:[（(][\u4e00-\u9fff、]{1,6}[）)])?"
    # 一、高等职业院校（14个）: colleges and vocational schools too
    r"(?:学校|小学|中学|高中|初中|幼儿园|单位|职校|职高|职中|院校|高校)"
)
_SCHOOL_KIND = (
    # 一、普通高中、职业学校（3个）, 一、高中及中等职业学校: kinds sorted together
    r"(?:" + _ONE_SCHOOL_KIND + r"(?:[、及和与]" + _ONE_SCHOOL_KIND + r")*"
    # （一）县级教育行政部门（3个）, （一）旗县区教育局（3个）, （一）县（市、区）
    # 教育局（3个）: the bureaus of a list of units
    r"|[\u4e00-\u9fff]{2,6}行政部门|[\u4e00-\u9fff]{0,6}"
    r"(?:[（(][\u4e00-\u9fff、]{1,6}[）)])?(?:教育局|教育体育局|教体局))"
)


#: （一）高中组, 二、小学类, 中学组（6个）：— a group of one honour's list,
#: named in its prizes (考核奖高中组一等奖); （一）高中学校（4个）— a kind of
#: school the list is sorted by, no part of a prize's name.
_GROUP_HEADING = re.compile(
    "^(?:" + NUMBER_MARK + r"\s*"
    # （三）劳动教育与传统文化类（3所）: a category named with 类 may be long;
    # 一、融合型教共体（4所）: a type of what the list is of
    # 四、戏剧、朗诵类: two categories judged together
    r"(?:([\u4e00-\u9fff]{1,4}[组段]|[\u4e00-\u9fff]{1,4}(?:[与和、][\u4e00-\u9fff]{1,6})?类"
    r"|[\u4e00-\u9fff]{1,4}型[\u4e00-\u9fff]{0,4})"
    r"|(?P<kind>" + _SCHOOL_KIND + r"))"
    r"\s*(?:[（(][^（）()]{1,8}[）)])?[：:]?"
    r"|(?:([\u4e00-\u9fff]{1,4}[组类段])|(?P<kind2>" + _SCHOOL_KIND + r"))"
    r"\s*(?:[（(][^（）()]{1,8}[）)])?[：:]"
    # 二、秀英区（4所）, 石家庄市（5所）: the schools of one place, counted
    r"|"
    + NUMBER_MARK
    # 八、省直属（1所）, 区属（2所）: the units a level runs directly
    + r"?\s*(?P<place>[\u4e00-\u9fff]{1,10}?(?:新区|开发区|街道|[区县市旗州盟镇乡])"
    r"|[省市区县](?:直属|属|直))"
    r"\s*[（(]\s*\d+\s*[所个家][）)][：:]?)$"
)


#: 评定以下单位为2024年度先进单位：— a lead naming the honour of the tiers below.
_LEAD_AS = re.compile(r"(?:以下|下列)(?:单位|学校|集体|幼儿园)为(.{3,40}?)[：:]$")
_METAL = re.compile("[金银铜]奖")
#: 一类示范校, 甲级…, 三星级…: a class of the honour a heading names.
_RANKED_KIND = re.compile(r"([一二三四五甲乙丙ABC][类级等]|[一二三四五]星级?)(\S{2,})")
#: 高中组：A、B — a group's label and its units on one line.
_LABELLED_UNITS = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}[组类段]|[\u4e00-\u9fff]{2,10}"
    # 平马镇：A — the units of one place
    r"(?:新区|开发区|[区县市旗州盟镇乡]|学校|单位))\s*" + _COUNT_PAREN + r"?[：:]\S"
)
#: 获奖单位 after an evaluation's name in a heading over its tiers.
_WINNERS_TAIL = re.compile(r"(?<=\S{2})获奖(?:单位|学校|集体)$")
#: Lines searched above a tier line for the heading of its honour.
_TIER_LINES = 40


def _tier_lines_only(text: str, block: tuple[int, int]) -> bool:
    """Every line of a list opens with a tier and a colon (一等奖：A、B)."""
    lines = [
        line.strip()
        for line in text[block[0] : block[1]].split("\n")
        if line.strip() and not _group_heading(line.strip())
    ]
    return bool(lines) and all(_TIER_LINE.match(line) for line in lines)


def _holders_follow(text: str, rules: Rules) -> list[AwardStatement]:
    """被评为X的学校有A、B、C, 获评X：A、B (or the lines below): one honour, its
    holders after it."""
    out = []
    matches = [*_HOLDERS_FOLLOW.finditer(text), *_HOLDERS_AFTER_COLON.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        raw = match.group(1)
        if raw.endswith("有"):
            continue  # 被评为X的有：— the other pattern reads it
        name = clean_award_name(raw)
        if not _is_designation(name, rules):
            continue
        end = _statement_end(text, match.end())
        recipients = (match.end(), end)
        if end == match.end() or not text[match.end() : end].strip():
            block = list_block(text, _line_end(text, match.end()) + 1)
            if block is None:
                continue
            recipients = block
        at = match.start(1)
        size = len(raw) + (raw.count("“") > raw.count("”"))  # 全国“X”: to its ”
        out.append(
            AwardStatement(
                match.start(),
                match.start(1),
                False,
                (Candidate(at, at + size, "Award", name, "award.holders-follow", ""),),
                False,
                recipients,
            )
        )
    return out


def _is_list(items: str) -> bool:
    """Units joined by 、, or names of four characters or more set apart by
    spaces (a list copied from a table): not a sentence."""
    if "、" in items:
        return True
    words = items.split()
    return (
        len(words) >= 2
        and "，" not in items
        and all(len(w) >= 4 and _CJK_WORD.fullmatch(w) for w in words)
    )


_CJK_WORD = re.compile(r"[\u4e00-\u9fff（）()]+")
#: （朗诵《少年中国说》）: the entry a unit won with, after its name.
_ENTRY_NOTE = re.compile(r"[（(][^（）()]*《[^》]+》[^（）()]*[）)]$|《[^》]+》$")


#: （巴宜一中）: the short name a unit's full name gives in brackets.
_SHORT_NAME_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]$")


def _units_only(line: str) -> bool:
    """A（short name）、B、C: units joined by 、 and nothing else."""
    return all(_one_unit(item) for item in line.split("、"))


def _one_unit(items: str) -> bool:
    """全国文明校园：宿城区实验学校 — a list of one: a unit's name alone, perhaps
    with its entry after it (A（朗诵《少年中国说》）)."""
    item = _ENTRY_NOTE.sub("", items.strip())
    item = _SHORT_NAME_NOTE.sub("", item)  # 巴宜区第一初级中学（巴宜一中）
    return (
        4 <= len(item) <= 30
        and _CJK_WORD.fullmatch(item) is not None
        and (item.endswith(_TEAM_ENDS) or _names_a_unit(item) or _school_team(item))
    )


def _honour_items(
    text: str, start: int, end: int, rules: Rules
) -> tuple[Candidate, ...]:
    """Each honour of the 、-list ``text[start:end]`` as an Award, or () when
    an item is a sentence or neither an honour nor a name (then the list is
    something else). A name of another kind (…实践基地, …建设单位) among
    honours is passed over; a note in brackets after an honour is no part of
    it (浙江省体育特色学校（武术））."""
    out = []
    pos = start
    for piece in re.split("([、；;])", text[start:end]):
        raw = _NOTE_AT_END.sub("", piece.strip())
        name = clean_award_name(raw)
        if raw and piece not in "、；;":
            if rules.award_trigger.search(raw):
                return ()  # 温宿县民族中学入选…文明校园: a sentence, not a title
            if _is_honour(name, rules) and _is_designation(name, rules):
                at = pos + piece.find(raw)
                out.append(
                    Candidate(at, at + len(raw), "Award", name, "award.unit-list", "")
                )
            elif not (len(raw) >= 4 and _CJK_WORD.fullmatch(raw)):
                return ()
        pos += len(piece)
    return tuple(out)


#: A school's team, named with its school (decision 19: the school holds it).
_TEAM_ENDS = ("教研组", "备课组", "年级组", "教研室", "队", "合唱团", "艺术团")
_UNIT_ENDS = load_lexicon().unit_name_ends


def _names_a_unit(name: str) -> bool:
    """A unit's name: a full name's ending (中学, 局) or a school's short name
    (晋江一中, 吴集镇中, 晋江实小)."""
    return name.endswith(_UNIT_ENDS) or _SHORT_SCHOOL.fullmatch(name) is not None


#: ；2023年度安全稳定先进单位 — a further honour of the unit the line opens on.
_NEXT_HONOUR = re.compile(r"[；;]([^：:。；;\n—]{3,60})(?=[；;。\n]|$)")


def _honours_run_on(text: str, match: re.Match[str]) -> int:
    """Where the honours after a unit and its colon end: A：X；Y goes on to Y,
    not A：X；B：Y, whose second part is another unit's."""
    end = match.end(2)
    while (more := _NEXT_HONOUR.match(text, end)) is not None:
        end = more.end()
    return end


def _unit_honour_lists(text: str, rules: Rules) -> list[AwardStatement]:
    """荷塘区宋家桥小学：湖南省文明校园、株洲市平安校园 (decision 10): a unit
    (or units joined by 、) followed by its honours gets each of them."""
    out = []
    for match in _UNIT_COLON.finditer(text):
        units = match.group(1).split("、")  # A、B：X — each unit holds it
        if not all(_names_a_unit(u) and not _is_honour(u, rules) for u in units):
            continue  # 先进单位：A、B is the honour heading its holders
        awards = _honour_items(
            text, match.start(2), _honours_run_on(text, match), rules
        )
        if awards:
            out.append(
                AwardStatement(
                    match.start(1),
                    match.start(1),
                    False,
                    awards,
                    False,
                    (match.start(1), match.end(1)),
                )
            )
    return out


def _bracketed_honours(text: str, rules: Rules) -> list[AwardStatement]:
    """A（省级文明校园）、B（市级平安校园、省级绿色学校） (decision 10): the
    honours in brackets are held by the unit named right before them. Only
    honours with their level or place (省级…, 台州市…): a bracket holds many
    other things."""
    out = []
    for match in _BRACKETED_HONOUR.finditer(text):
        # A（省级文明校园、市级平安校园）: each honour of the bracket's list
        awards = []
        at = match.start(1)
        for part in match.group(1).split("、"):
            raw = part.strip()
            name = clean_award_name(raw)
            if not _placed_honour(name, rules):
                awards = []
                break
            begin = at + part.find(raw)
            awards.append(
                Candidate(begin, begin + len(raw), "Award", name, "award.bracketed", "")
            )
            at += len(part) + 1
        if not awards:
            continue
        floor = max(0, match.start() - 40)
        marks = list(_LIST_MARK.finditer(text, floor, match.start()))
        unit_start = marks[-1].end() if marks else floor
        if match.start() - unit_start < 4:
            continue
        out.append(
            AwardStatement(
                match.start(),
                match.start(),
                False,
                tuple(awards),
                False,
                (unit_start, match.start()),
            )
        )
    return out


_CELL = re.compile(r"\S+")
#: A line with these is prose, not a table row.
PROSE_MARK = re.compile("[，,。；;：:]")
_TABBED_PROSE_MARK = re.compile("[，,。：:]")


def _placed_honour(name: str, rules: Rules) -> bool:
    """An honour named with its level or place (省级文明校园, 台州市书香校园):
    what a bracket or a table cell holds when it is the unit's honour."""
    return (
        bool(LEVEL_PREFIX.match(name) or rules.region_pattern.match(name))
        and _is_honour(name, rules)
        and _is_designation(name, rules)
    )


@dataclass(frozen=True, slots=True)
class _TieredTable:
    """序号 组别 等次 学校名称 under 二、X奖（12所）: the title's prize in tiers."""

    title: Candidate
    width: int
    unit: int
    tier: int
    group: int | None
    #: a contest's results (序号 节目名称 报送单位 等次 under a contest's
    #: title): the contest is no honour a row's unit holds
    contest: bool = False
    #: the column naming a row's players (参赛选手): a player's prize is no
    #: unit's, a team's (团体一等奖) is
    person: int | None = None
    #: the column naming the event a row's tier was won in (项目: 合唱)
    event: int | None = None
    #: whether the group column is headed 组别 (not 类别)
    group_named: bool = True

    def row(self, pos: int, cells: list[re.Match[str]]) -> AwardStatement | None:
        """A row's unit holds the title's prize of its group and tier, and the
        title's prize itself (decision 10)."""
        unit, tier = cells[self.unit], cells[self.tier]
        if not BARE_TIER.fullmatch(tier.group()) or not _unit_cell(unit.group()):
            return None  # a row with its tier cell empty, or a person's
        if self.person is not None and "团体" not in tier.group():
            return None  # 一等奖 of 王浩 of A中学: the player's
        name = self.title.name
        if self.event is not None and self.person is None:
            # 一、团体项目 over 项目　组别　等次: the row's event says which (a
            # row of players holds its team's prize, named by its kind)
            name = _ENTRY_KIND_END.sub("", name) + cells[self.event].group()
        if self.group is not None and (
            # (类别 holds a group, 高中组, or the kind of an entry, 合唱)
            self.group_named or cells[self.group].group().endswith("组")
        ):
            # 一、团体奖项 over 组别　奖次　学校: X小学组团体一等奖, the group
            # before the kind of entry
            kind = _ENTRY_KIND_END.search(name)
            at_kind = kind.start() if kind else len(name)
            name = name[:at_kind] + cells[self.group].group() + name[at_kind:]
        name = _with_tier(name, tier.group())
        at = pos + tier.start()
        prize = Candidate(
            at, at + len(tier.group()), "Award", name, "award.table-row", ""
        )
        span = (pos + unit.start(), pos + unit.end())
        awards = (prize,) if self.contest else (prize, self.title)
        return AwardStatement(span[0], span[0], False, awards, False, span)


#: 二、赛项获奖情况: a section that names the results, not a part of the contest.
_RESULTS_WORD = re.compile(r"获奖|情况|结果|名单|成绩|名次")
#: 一、科技创新成果竞赛（学生项目）: a numbered section of a contest's results.
_SECTION_OF_CONTEST = re.compile(
    NUMBER_MARK + r"\s*([\u4e00-\u9fff]{2,12})\s*(?:[（(][^（）()\n]{1,10}[）)])?"
)
#: 团体, 团体项目: the kind of entry a section's title ends with.
_ENTRY_KIND_END = re.compile(rf"(?:{_ENTRY_KIND})(?:{_ENTRY_WHAT})?$")


def _with_tier(name: str, tier: str) -> str:
    """``name``'s ``tier``, the kind of entry said once (一、团体奖 over a
    团体一等奖 cell: X团体一等奖)."""
    for kind in _ENTRY_KINDS:
        if name.endswith(kind) and tier.startswith(kind):
            return name[: -len(kind)] + tier
    return name + tier


def _group_column(roles: list[str | None]) -> int | None:
    """The column naming a row's group: 组别, or 类别 beside a tier column
    (类别　等次　单位 over 高中组　一等奖　A)."""
    for role in ("group", "category"):
        if role in roles:
            return roles.index(role)
    return None


def _tiered_header(
    text: str, pos: int, cells: list[re.Match[str]], rules: Rules
) -> _TieredTable | None:
    """A spaced table's header with a unit and a tier column and no honour
    column, under a heading naming a prize (二、2023年度X质量奖（12所）)."""
    roles = [rules.lexicon.table_headers.get(c.group()) for c in cells]
    if "tier" not in roles and roles.count("honour") == 1:
        # 序号　单位　奖项 over 1　A中学　一等奖: the honour column holds tiers
        column = roles.index("honour")
        below = _line_end(text, pos) + 1
        first = _CELL.findall(text, below, _line_end(text, below))
        if len(first) == len(cells) and BARE_TIER.fullmatch(first[column]):
            roles[column] = "tier"
    if "unit" not in roles or "tier" not in roles or "honour" in roles:
        return None
    above, above_end = _line_above(text, pos)
    heading = _HEADING_HONOUR.match(text[above:above_end].strip())

    def table(title: Candidate, contest: bool = False) -> _TieredTable:
        return _TieredTable(
            title,
            len(cells),
            roles.index("unit"),
            roles.index("tier"),
            _group_column(roles),
            contest=contest,
            person=roles.index("person") if "person" in roles else None,
            event=roles.index("event") if "event" in roles else None,
            group_named="group" in roles,
        )

    heading_name = clean_award_name(heading.group(1)) if heading else ""
    # 2023年度X优胜单位名单 over 类别　等次　单位: an honour in tiers too
    tiered = heading_name.endswith("奖") or _is_honour(heading_name, rules)
    if (
        not tiered
        or heading_name in _PRIZE_KINDS
        or _names_results(heading_name)  # 一、获奖名单, X评比获奖名单
    ):
        # 序号 节目名称 报送单位 等次 under a contest's title or section: the
        # contest's tiers (decision 3); the contest the line right above
        # names first (2023年X评比获奖名单)
        contest = placed_contest(
            contest_in(text[above:above_end], rules),
            lambda: contest_named_before(text, pos, rules),
        ) or _contest_of_tier(text, pos, rules)
        if not contest:
            return None
        section = _SECTION_OF_CONTEST.fullmatch(text[above:above_end].strip())
        if (
            section is not None
            and not section.group(1).endswith(("奖", "名单", "组"))
            and not _RESULTS_WORD.search(section.group(1))
            and _ENTRY_KIND_HEADING.fullmatch(text[above:above_end].strip()) is None
            and section.group(1) not in contest
        ):
            # 二、科技实践活动 over 序号 学校 项目名称 奖次: the contest's section
            contest += section.group(1)
        return table(
            Candidate(pos, pos, "Award", contest, "award.table-row", ""), contest=True
        )
    raw = _PAREN_TAIL.sub("", heading.group(1).strip())
    name = clean_award_name(raw)
    if BARE_TIER.fullmatch(name):
        return None
    title = _listed_honour(text, above, above_end, raw, name)
    if title is None:
        return None
    fuller = _named_in_full_before(text, above, name)
    if fuller:
        # 三、教学质量提升奖（7个） under 给予“2023年度教学质量提升奖”: that prize
        title = replace(title, name=fuller)
    return table(title)


#: The honours of a table cell, set apart by semicolons.
_CELL_PART = re.compile(r"[^；;]+")
#: … or by 、 too (an honour column's cell, or whole honours with their place).
_LISTED_PART = re.compile(r"[^；;、]+")


def _cell_honours(cell: str, rules: Rules) -> list[re.Match[str]]:
    """The honours of a table cell: set apart by semicolons, or by 、 where
    each piece is a whole honour with its place (福建省文明校园、福建省中小学
    德育工作先进集体; not 省、市级文明校园, one honour at two levels)."""
    listed = list(_LISTED_PART.finditer(cell))
    if len(listed) > 1 and all(
        _placed_honour(clean_award_name(p.group()), rules) for p in listed
    ):
        return listed
    return list(_CELL_PART.finditer(cell))


def _event_tier_unit_row(
    text: str, pos: int, cells: list[re.Match[str]], rules: Rules
) -> AwardStatement | None:
    """高中组女子篮球　冠军　A中学 under a contest's title: the unit holds the
    contest's prize in that event (decision 3); a person's row
    (李思琪（A小学）) holds none."""
    if len(cells) != 3:
        return None
    event, tier, unit = cells
    if (
        not BARE_TIER.fullmatch(tier.group())
        or BARE_TIER.fullmatch(event.group())
        or not re.fullmatch(r"[\u4e00-\u9fff]{2,20}", event.group())
        or event.group().endswith(_UNIT_ENDS)
        or not _unit_cell(unit.group())
    ):
        return None
    contest = _contest_of_tier(text, pos, rules)
    if not contest:
        return None
    at = pos + event.start()
    prize = Candidate(
        at,
        pos + tier.end(),
        "Award",
        contest + event.group() + tier.group(),
        "award.table-row",
        "",
    )
    span = (pos + unit.start(), pos + unit.end())
    return AwardStatement(span[0], span[0], False, (prize,), False, span)


def _tier_matrix_header(
    text: str, pos: int, cells: list[re.Match[str]], rules: Rules
) -> tuple[str, int] | None:
    """组别　冠军　亚军　季军 (or 项目　组别　第一名　第二名) under a contest's
    title: a table whose rows are the contest's events and whose columns are
    its tiers; the contest and how many label columns open a row, or None."""
    roles = [rules.lexicon.table_headers.get(c.group()) for c in cells]
    labels = 0
    while labels < len(roles) and roles[labels] in ("group", "event"):
        labels += 1
    if not labels or len(cells) - labels < 2:
        return None
    if not all(BARE_TIER.fullmatch(c.group()) for c in cells[labels:]):
        return None
    contest = _contest_of_tier(text, pos, rules)
    return (contest, labels) if contest else None


#: 小学男子组, 4×100米接力: a row's event or group in a tiers table.
_MATRIX_LABEL = re.compile(r"[\u4e00-\u9fff\d×xX.]{2,16}")


def _tier_matrix_rows(
    text: str, pos: int, header: list[re.Match[str]], matrix: tuple[str, int]
) -> list[AwardStatement]:
    """小学男子组　A小学　B小学　C小学 under 组别　冠军　亚军　季军: each unit
    holds the contest's prize of its row's event and its column's tier
    (decision 3); a cell with no unit (—) holds none."""
    contest, labels = matrix
    out = []
    while pos < len(text):
        stop = _line_end(text, pos)
        cells = list(_CELL.finditer(text, pos, stop))
        if len(cells) != len(header) or PROSE_MARK.search(text, pos, stop):
            break
        row_labels = [c.group() for c in cells[:labels]]
        if not all(
            _MATRIX_LABEL.fullmatch(label) and re.search("[\u4e00-\u9fff]", label)
            for label in row_labels
        ) or row_labels[-1].endswith(_UNIT_ENDS):
            break
        event = "".join(row_labels)
        for cell, tier in zip(cells[labels:], header[labels:], strict=True):
            if not _unit_cell(cell.group()):
                continue
            # Named by the row and the column, written nowhere: placed, with
            # no text, where its unit is (one row's prizes differ in place).
            prize = Candidate(
                cell.start(),
                cell.start(),
                "Award",
                contest + event + tier.group(),
                "award.table-row",
                "",
            )
            span = (cell.start(), cell.end())
            out.append(AwardStatement(span[0], span[0], False, (prize,), False, span))
        pos = stop + 1
    return out


def _category_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """X示范校和培育校名单 over 序号　地（市）　学校名称　类别 and rows ending in
    示范校 or 培育校: each row's unit holds the title's honour its category
    names (X示范校, X培育校; X星级乡村学校 over 三星级: X三星级乡村学校)."""
    out = []
    for header, roles in _headed_tables(text, rules):
        if "category" not in roles or "unit" not in roles or "tier" in roles:
            continue
        title = _title_above(text, header.start())
        if title and not _is_honour(title, rules):
            title = ""  # 一、拟认定名单: a list's title naming no honour
        # 一、拟认定名单 over the table: the lead names each category's honour
        # (拟认定A等12所学校为X体育传统特色学校，B等9所学校为Y艺术教育特色学校)
        lead = () if title else _honours_of_the_lead(text, header.start(), rules)
        if not title and not lead:
            continue
        unit, category = roles.index("unit"), roles.index("category")
        for cells in _body_rows(text, header, len(roles)):
            kind = cells[category].group()
            name = _category_honour(title, kind) if title else _lead_honour(lead, kind)
            if name and _unit_cell(cells[unit].group()):
                out.append(_row_holds(cells[unit], cells[category], name))
    return out


#: 认定A等40所学校为X（部分名单见下表）, 命名为“X”: the honour a results
#: table's lead confers on the rows that passed.
_CONFERRED_IN_LEAD = re.compile(
    r"(?:(?:认定|命名|确定)[^，,。；;：:“]{0,30}?为|继续保留)"
    # (吴江区“品质校园”特色学校: quotes may stand inside the name)
    r"(?P<name>[^，,。；;：:（(]{4,40}?)"
    r"(?=[（(，,。；;：:]|称号|$)"
)
#: 通过, 认定, 复核合格: a row's unit holds the lead's honour (not 暂缓通过,
#: 不通过, 未通过, 延期验收, 撤销称号, 基本合格，暂不认定).
_PASSED = re.compile(r"(?:拟|同意|予以)?认定|(?:验收|复核|评估)?(?:通过|合格|达标)")


def _result_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """认定…为“X”（部分名单见下表） over 序号　地区　学校名称　…　结论 and rows
    ending 认定 or 通过: each row's unit that passed holds X; a row that did not
    (暂缓通过, 不通过, 撤销称号) holds nothing (decision 10)."""
    out = []
    for header, roles in _headed_tables(text, rules):
        if "unit" not in roles or "result" not in roles or "honour" in roles:
            continue
        honour = _honour_of_the_lead(text, header.start(), rules)
        if honour is None:
            continue
        unit, result = roles.index("unit"), roles.index("result")
        for cells in _body_rows(text, header, len(roles)):
            if _PASSED.fullmatch(cells[result].group()) and _unit_cell(
                cells[unit].group()
            ):
                out.append(_row_holds(cells[unit], cells[result], honour))
    return out


def _row_holds(unit: re.Match[str], cell: re.Match[str], honour: str) -> AwardStatement:
    """A table row's ``unit`` holds ``honour``, read at the ``cell`` that
    says so (its category, its result)."""
    at = cell.start()
    prize = Candidate(at, cell.end(), "Award", honour, "award.table-row", "")
    return AwardStatement(at, at, False, (prize,), False, unit.span())


#: ，B等9所学校为Y after a lead's 认定A等12所学校为X: the next part's honour.
_NEXT_CONFERRED = re.compile(
    r"[，,；;]\s*[^，,。；;：:“”]{2,40}?等\s*\d+\s*[所个家]\S{0,3}?为"
    r"(?P<name>[^，,。；;：:（(]{4,40}?)(?=[（(，,。；;：:]|称号|$)"
)


def _honours_of_the_lead(text: str, header: int, rules: Rules) -> tuple[str, ...]:
    """Every honour the lead over a table confers, in order: the first after
    its verb (认定…为X), then each part that follows it (，B等9所学校为Y), on
    the nearest lines above that confer (one line per honour: 命名A等8所幼儿园
    为“X”；); empty when none is an honour."""
    lines: list[list[str]] = []
    start, end = _line_above(text, header)
    for _ in range(_LEAD_LINES + _LEAD_PARTS):
        if start >= end:
            break
        names = _conferred_names(text, start, end)
        if names:
            lines.insert(0, names)
        elif lines:
            break  # the lines that confer are behind
        start, end = _line_above(text, start)
    return _honours_among([n for line in lines for n in line], rules)


#: Lines of a lead naming one honour each, read over a table with a category.
_LEAD_PARTS = 6
#: （摔跤）after a row's category: the sport or trait it is known for.
_CATEGORY_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


def _conferred_before(text: str, pos: int, rules: Rules) -> tuple[str, ...]:
    """Every honour a sentence before ``pos`` confers (认定A等12所学校为X，
    B等11所学校为Y), in order."""
    return _honours_among(_conferred_names(text, 0, pos), rules)


def _conferred_names(text: str, start: int, end: int) -> list[str]:
    """The names each grant in ``text[start:end]`` confers, as written: the
    first after its verb (认定…为X), then each part after it (，B等9所学校为Y)."""
    names = []
    for first in _CONFERRED_IN_LEAD.finditer(text, start, end):
        names.append(first.group("name"))
        part = first
        while (part := _NEXT_CONFERRED.match(text, part.end(), end)) is not None:
            names.append(part.group("name"))
    return names


def _honours_among(names: list[str], rules: Rules) -> tuple[str, ...]:
    """The honours of ``names``, cleaned, in order."""
    cleaned = (clean_award_name(n) for n in names)
    return tuple(n for n in cleaned if len(n) >= 4 and _is_honour(n, rules))


def _lead_honour(honours: tuple[str, ...], category: str) -> str:
    """The one honour of a lead that a row's ``category`` (体育传统特色学校)
    ends, or "" (none, or two)."""
    kind = clean_award_name(_CATEGORY_NOTE.sub("", category))
    named = [h for h in honours if h.endswith(kind)] if len(kind) >= 2 else []
    return named[0] if len(named) == 1 else ""


def _honour_of_the_lead(text: str, header: int, rules: Rules) -> str | None:
    """The honour the lead paragraph over a table confers (认定…为X), looked
    for in the last lines above the table's header, or None."""
    start, end = _line_above(text, header)
    for _ in range(_LEAD_LINES):
        if start >= end:
            return None
        named = list(_CONFERRED_IN_LEAD.finditer(text, start, end))
        if named:
            name = clean_award_name(named[-1].group("name"))
            ok = len(name) >= 4 and not joins_two_honours(name, rules)
            return name if ok and _is_honour(name, rules) else None
        start, end = _line_above(text, start)
    return None


#: Lines above a results table looked over for the lead naming its honour.
_LEAD_LINES = 3


def _grouping_header_at(text: str, pos: int, rules: Rules) -> re.Match[str] | None:
    """The header of a grouping table (帮扶学校　受援学校, 牵头学校　成员学校) on
    the first line from ``pos`` that is not blank, or None."""
    header = _HEADER_LINE.match(text, _past_blank_lines(text, pos))
    if header is None:
        return None
    return header if "member" in _header_roles(header, rules) else None


def grouping_tables(text: str, rules: Rules) -> Iterator[tuple[int, int, int, int]]:
    """Each grouping table: the span of the title line above its header, and
    the span of its rows (while they have the header's number of cells)."""
    for header, roles in _headed_tables(text, rules):
        if "member" not in roles:
            continue
        rows = list(_body_rows(text, header, len(roles)))
        if rows:
            yield (
                *_line_above(text, header.start()),
                rows[0][0].start(),
                rows[-1][-1].end(),
            )


def put_forward_rows(text: str, rules: Rules) -> list[tuple[int, int]]:
    """The span of the rows of each table with a column of what its schools
    are put forward for (推荐类别): candidates, not holders or members."""
    out = []
    for header, roles in _headed_tables(text, rules):
        if "put-forward" not in roles:
            continue
        rows = list(_body_rows(text, header, len(roles)))
        if rows:
            out.append((rows[0][0].start(), rows[-1][-1].end()))
    return out


def _headed_tables(
    text: str, rules: Rules
) -> Iterator[tuple[re.Match[str], list[str | None]]]:
    """Each header line of a spaced table, with its columns' roles."""
    for header in _HEADER_LINE.finditer(text):
        yield header, _header_roles(header, rules)


def _header_roles(header: re.Match[str], rules: Rules) -> list[str | None]:
    """The roles of a header line's columns (``table_headers.tsv``; None for
    a column of no role)."""
    return [rules.lexicon.table_headers.get(n) for n in header.group().split()]


def _past_blank_lines(text: str, pos: int) -> int:
    """The start of the first line from ``pos`` that is not blank (a blank
    line under a heading)."""
    while text.startswith("\n", pos):
        pos += 1
    return pos


def _body_rows(
    text: str, header: re.Match[str], width: int
) -> Iterator[list[re.Match[str]]]:
    """The cells of each row under ``header``, while a row has its ``width``."""
    pos = header.end() + 1
    while pos < len(text):
        stop = _line_end(text, pos)
        cells = list(_CELL.finditer(text, pos, stop))
        if len(cells) != width:
            return
        yield cells
        pos = stop + 1


#: A table's header line: two or more words set apart by spaces or tabs.
_HEADER_LINE = re.compile(r"(?m)^[ \t\u3000]*\S+(?:[ \t\u3000]+\S+)+[ \t\u3000]*$")
#: X名单, X拟认定名单: a list's title, the honour it names.
_LIST_TITLE = re.compile(r"^(?P<name>\S{4,40}?)(?:拟?认定|拟?命名|拟?确定)?名单$")


def _line_above(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the line above the one starting at ``pos``, past
    blank lines between (the heading or title over a table); empty at the
    text's start."""
    end = max(pos - 1, 0)
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text.rfind("\n", 0, end) + 1, end


def _title_above(text: str, pos: int) -> str:
    """The honour named by the list title right above ``pos`` (blank lines
    between), or ""."""
    title = _LIST_TITLE.match(text[slice(*_line_above(text, pos))].strip())
    return clean_award_name(title.group("name")) if title else ""


#: The kind word ending a title's first honour (示范校, 特色学校, 示范幼儿园).
_KIND_WORD = re.compile(
    "(?:"
    + "|".join(
        sorted(
            (re.escape(w) for w in load_lexicon().award_suffixes if 2 <= len(w) <= 5),
            key=len,
            reverse=True,
        )
    )
    + ")$"
)


def _category_honour(title: str, category: str) -> str:
    """The honour of ``title`` a row's ``category`` names: 示范校 of
    X示范校和培育校 is X示范校, 培育校 is X培育校; 三星级 of X星级乡村学校 is
    X三星级乡村学校; "" when the title names no such kinds."""
    parts = re.split("[和及]", title)
    if len(parts) == 2 and parts[0].endswith(category):
        return parts[0]  # X示范校和Y试点学校 over 示范校
    if len(parts) == 2 and 2 <= len(parts[1]) <= 4 and len(parts[0]) > len(parts[1]):
        # X示范校和培育校 over 培育校: X培育校; X示范校和特色学校 over 特色学校:
        # X特色学校 (the first's kind word gives way, whatever its length)
        kind = _KIND_WORD.search(parts[0])
        stem_end = kind.start() if kind else len(parts[0]) - len(parts[1])
        return parts[0][:stem_end] + category if category == parts[1] else ""
    if category.endswith("星级") and "星级" in title and category != "星级":
        return title.replace("星级", category, 1)
    return ""


def _unit_cell(cell: str) -> bool:
    """Units' names joined by 、, each maybe with its short name in brackets
    after it (弥勒市第一中学（弥勒一中）), or a school's team."""
    return all(
        _names_a_unit(_SHORT_NAME_NOTE.sub("", unit)) or _school_team(unit)
        for unit in cell.split("、")
    )


#: 合唱团, “小百灵”合唱团, 民乐团, 代表队 after a school's name: its team, whose
#: prize is the school's (decision 19).
TEAM_AFTER_SCHOOL = r"(?:“[^”]{1,8}”)?[\u4e00-\u9fff]{0,4}[队团]"
_SCHOOL_TEAM = re.compile(TEAM_AFTER_SCHOOL)


def _school_team(cell: str) -> bool:
    """A unit's name, then its team (岳麓二中合唱团, A中学女子足球队)."""
    return any(
        _names_a_unit(cell[:at]) and _SCHOOL_TEAM.fullmatch(cell, at)
        for at in range(2, len(cell))
    )


def _spaced_rows(text: str, rules: Rules) -> list[AwardStatement]:
    """1 荷塘区文化路小学 湖南省文明校园 湖南省文明委 (decision 10): a table row
    whose cells are set apart by spaces; the row's unit holds the honours of
    its later cells that carry their level or place."""
    out = []
    pos = 0
    tiered: _TieredTable | None = None
    while pos < len(text):
        stop = _line_end(text, pos)
        line = text[pos:stop]
        # (a tab-set row may join two honours in a cell with ；)
        prose = _TABBED_PROSE_MARK if "\t" in line else PROSE_MARK
        cells = [] if prose.search(line) else list(_CELL.finditer(line))
        header = _tiered_header(text, pos, cells, rules)
        if header is not None:
            tiered = header
            pos = stop + 1
            continue
        matrix = _tier_matrix_header(text, pos, cells, rules)
        if matrix is not None:
            out += _tier_matrix_rows(text, stop + 1, cells, matrix)
        if tiered is not None and len(cells) != tiered.width:
            tiered = None  # the table ended
        if tiered is not None:
            statement = tiered.row(pos, cells)
            if statement is not None:
                out.append(statement)
            pos = stop + 1
            continue
        event_row = _event_tier_unit_row(text, pos, cells, rules)
        if event_row is not None:
            out.append(event_row)
            pos = stop + 1
            continue
        if len(cells) >= 2:
            unit = next(
                (
                    c
                    for c in cells
                    if _names_a_unit(c.group()) and not _is_honour(c.group(), rules)
                ),
                None,
            )
            awards = []
            for cell in cells:
                if unit is None or cell.start() <= unit.start():
                    continue
                # 江西省文明校园；江西省平安校园: one cell, two honours
                for part in _cell_honours(cell.group(), rules):
                    name = clean_award_name(part.group())
                    if _placed_honour(name, rules):
                        at = pos + cell.start() + part.start()
                        awards.append(_cell_award(at, part.group(), name))
            if unit is not None and awards:
                span = (pos + unit.start(), pos + unit.end())
                out.append(
                    AwardStatement(span[0], span[0], False, tuple(awards), False, span)
                )
        pos = stop + 1
    return out
