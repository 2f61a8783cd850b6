"""Relation mentions: receivedAward, locatedIn, subRegionOf and implements.

Relations are read from the sentence that states them; each carries the rule
that produced it so a user can audit it.
"""

from __future__ import annotations

import difflib
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping

from ..regions import load_region_index, short_form
from ..resources import load_lexicon
from ..types import Mention, RelationMention
from .entities import (
    HONOUR_HEAD,
    LEVEL_ALTERNATIVES,
    PROGRAMS_MODEL_SCHOOL,
    PUBLISHED_PILOT_LIST,
    QUOTED_PART,
    AwardStatement,
    clause_of,
    clean_award_name,
    is_generic,
    sentence_start,
)
from .headings import (
    ANNEX_MARK,
    BARE_PART_LIST,
    BATCH_MARK,
    BRACKET_NOTE,
    NUMBER_MARK,
    PROSE_LIST_LEAD,
)
from .honours import (
    PROSE_MARK,
    TEAM_AFTER_SCHOOL,
    grouping_tables,
    list_block,
    put_forward_rows,
)
from .rules import Rules

__all__ = ["find_relations"]

_COLLECTIVE = re.compile(
    r"(全[区县市省旗州盟]|我[区县市省旗州盟]|本[区县市州])(?:教育系统|教育)?"
)
_SYSTEM = re.compile(
    r"(?:全[区县市旗州盟]|我[区县市旗州盟]|本[区县市州])?教育系统|我们|"
    + "|".join(map(re.escape, load_lexicon().first_person_bureau))
)
# Subjects that are people, teams, media or counts: the honour has no
# Bureau/School/Region recipient (GUIDELINES gray zone 4).
_NON_RECIPIENT = re.compile(
    r"(?<![第\d一二三四五六七八九十两])"  # 第一名 is a place, not a count
    r"(?:\d+|[一二三四五六七八九十两]+)(?:所|个|名|位|支|项|篇|件|人)|"
    + "|".join(map(re.escape, load_lexicon().non_recipient_words))
)
#: 组织得力、节目质量高，: a clause on how the units just named did, before
#: the verb of what they won.
_PRAISED_CLAUSE = re.compile(
    r"[^，,。；;]{0,20}?(?:"
    + "|".join(map(re.escape, load_lexicon().praise_words))
    + r")\s*[，,]"
)
_COUNTED_UNITS = re.compile(
    r"(?:等\s*)?[0-9一二三四五六七八九十两]+\s*[所个家](?:学校|单位|幼儿园)?"
)


def _praised(tail: str) -> bool:
    """6所学校组织得力、节目质量高，(获X): the units' own clause on how they did;
    not 李红老师表现突出, a person named first."""
    count = _COUNTED_UNITS.match(tail)
    clause = tail[count.end() if count else 0 :]
    first = re.split("[、，,]", clause, maxsplit=1)[0]
    return bool(_PRAISED_CLAUSE.match(clause)) and not _NON_RECIPIENT.search(first)


#: 都昌县|12所学校: a count of an area's units right after the area.
_COUNT_AFTER_AREA = re.compile(r"\s*(?:共|有)?(?:\d+|[一二三四五六七八九十两]+)\s*所")
# 市优秀教师3人, 优秀班主任二名: an honour counted in people went to people.
# (第一名 is a place, not a count.)
_PEOPLE_COUNT = re.compile(
    r"(?<![第0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+\s*[人名位]"
)
_CONTEST_PHRASE = re.compile(r"在[^，,。；;]{2,40}[中上]$")
_FIRST_CLAUSE_END = re.compile(r"[，,；;]|获")
_BEFORE_VERB = re.compile(r"(?:分别|依次|先后|分|均)$")
# 等3所学校, 3所学校, 两所学校: a count of the units just listed.
_LIST_COUNT = re.compile(
    r"^(?:等\s*[0-9一二三四五六七八九十两]+[所个家]?|\s*共?\s*[0-9一二三四五六七八九十两]+[所个家])"
    r"[\u4e00-\u9fff]{0,4}"
)
_IMPLEMENT_VERBS = re.compile("|".join(map(re.escape, load_lexicon().implement_verbs)))
_SCHOOL_SUBJECTS = load_lexicon().school_collective_subjects
_GENERIC_NAME_PREFIXES = load_lexicon().generic_name_prefixes
_TABLE_HEADERS = load_lexicon().table_headers
_PILOT_PARTS = load_lexicon().participation_designations
_SUPERVISION_WORDS = load_lexicon().supervision_words
# Between two items of a list: a joiner, or nothing but their quotes (“A”“B”).
_LIST_GAP = re.compile(
    r"[”\"」』]?"
    # “宝鸡名师”培养工程和“银龄讲学计划”: the first quote's head, then the next
    # (“县管校聘”管理改革和“强师工程”: a reform's head too)
    r"(?:(?<=[”\"」』])[\u4e00-\u9fff]{0,4}?(?:工程|计划|行动|项目|工作|建设|改革|试点))?"
    # 和县级“强师工程”: the level that runs the next; 和教师“领航”研修计划:
    # the people it is for
    r"\s*(?:、|和|及|以及|与)\s*"
    # 和锦州市“教育强基提质工程”: the area whose program the next is
    r"(?:(?:国家|省|市|县|区)级|(?:青年|乡村|骨干)?教师|学生|校长|班主任"
    r"|[\u4e00-\u9fff]{1,6}[省市县区旗州](?=[“\"「『]))?[“\"「『]?"
    r"|[”\"」』]\s*[“\"「『]"
)
_HEADING_REGION = re.compile(r"^\s*\S{2,12}[:：]")
#: 锦州经济技术开发区（2所）： — a zone's longer label.
_ZONE_HEADING = re.compile(r"^\s*\S{2,20}[:：]")


def _lists_units(line: str) -> bool:
    """黄舣镇：A中学、B小学 — a place's label over the units of its own line,
    not a section's title (溧阳市:深入推进教育高质量发展)."""
    rest = re.split("[:：]", line, maxsplit=1)[1].strip()
    items = [item.strip() for item in rest.split("、")]
    return bool(rest) and all(item.endswith(_UNIT_NAME_ENDS) for item in items)


_UNIVERSITY = load_lexicon().university_suffixes
# Titles that designate an area (…示范区, …达标县): only a Region holds them.
_AREA_TITLE_ENDS = load_lexicon().area_award_suffixes


def _listed_regions(
    text: str, mentions: list[Mention], regions: list[int]
) -> list[int]:
    """The regions a list names, each the last of its chain (兰州市七里河区).

    The list ends at the first region that neither continues a chain nor
    follows 、, 和 or 及.
    """
    out = [regions[0]]
    for nxt in regions[1:]:
        gap = text[mentions[out[-1]].end : mentions[nxt].start]
        if gap == "" or gap in ("县", "市", "区", "旗"):
            # 兰州市七里河区; 威宁|县|雪山镇: a short form's level word between
            out[-1] = nxt
        elif gap in ("、", "和", "及"):
            out.append(nxt)
        else:
            break
    return out


def _names_an_area(award: Mention) -> bool:
    """…示范区, …先进县（市、区）: a title only an area can hold."""
    return LEVEL_ALTERNATIVES.sub("", award.name).endswith(_AREA_TITLE_ENDS)


# What a town's name drops when a school is named after it (阿干镇 → 阿干中学).
_TOWN_SUFFIX = re.compile(r"(?:街道|镇|乡)$")


def find_relations(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    statements: list[AwardStatement],
    rules: Rules,
    home: str,
    publisher: int | None,
    area_name: str = "",
) -> list[RelationMention]:
    """Find relation mentions among a document's entity mentions.

    Args:
        text: the document's text (simplified characters).
        mentions: its entity mentions, sorted by offset.
        sentences: sentence offsets.
        statements: award trigger statements from the entity finder.
        rules: compiled rule tables.
        home: division code of the publishing bureau's region, or "".
        publisher: index of the publisher's mention, or None.
        area_name: the report's area when its name has no single division
            (郊区): schools and the area's bureau are located in it.

    Returns:
        Relation mentions; heads and tails index ``mentions``.
    """
    out: list[RelationMention] = []
    out += _awards(text, mentions, statements, sentences, home, publisher)
    out += _held_in_apposition(text, mentions)
    out += _located(text, mentions, rules, home, publisher)
    if area_name and not home:
        out += _located_in_area(mentions, area_name)
    out += _sub_regions(mentions, rules, home, text)
    out += _implements(text, mentions, sentences, publisher)
    out += _participates(text, mentions, sentences, rules)
    out += _holders_take_part(text, mentions, out)
    out += _implemented_where_schools_take_part(mentions, out, publisher)
    out = [r for r in out if not _a_groups_honour(mentions, r)]
    unique = {(r.head, r.tail, r.predicate): r for r in out}
    return sorted(unique.values(), key=lambda r: (r.head, r.tail, r.predicate))


_GROUP_HONOUR_ENDS = load_lexicon().group_honour_ends


def _a_groups_honour(mentions: list[Mention], relation: RelationMention) -> bool:
    """A school given 优秀教育集团: the group's honour, not its schools'."""
    return (
        relation.predicate == "receivedAward"
        and mentions[relation.head].label == "School"
        and mentions[relation.tail].name.endswith(_GROUP_HONOUR_ENDS)
    )


def _awards(
    text: str,
    mentions: list[Mention],
    statements: list[AwardStatement],
    sentences: tuple[tuple[int, int], ...],
    home: str,
    publisher: int | None,
) -> list[RelationMention]:
    by_span = {
        (m.start, m.end): i for i, m in enumerate(mentions) if m.label == "Award"
    }
    units = {
        m.start: i
        for i, m in enumerate(mentions)
        if m.label in ("School", "Bureau") and m.end > m.start
    }
    sentence_starts = [start for start, _ in sentences]
    out = []
    for st in statements:
        if st.pursued:
            continue
        award_ids = [
            i
            for i in (_award_mention(a, by_span, mentions) for a in st.awards)
            if i is not None and not _planned_creation(text, st, mentions[i])
        ]
        if not award_ids:
            continue
        # 在“A”“B”2个赛项中获得一等奖: prizes named before their verb are no
        # words of who won them
        verb = min(
            [st.trigger_start]
            + [
                mentions[a].start
                for a in award_ids
                if mentions[a].rule == "award.event-items"
                and mentions[a].end <= st.trigger_start
            ]
        )
        sentence = max(0, bisect_right(sentence_starts, st.trigger_start) - 1)
        sent_start = sentences[sentence][0] if sentences else 0
        clause_start = sent_start
        for i in range(st.trigger_start - 1, sent_start - 1, -1):
            if text[i] in "，,；;：:":
                clause_start = i + 1
                break
        # A荣获X、B荣获Y: B's clause starts after the 、 that ends A's honour.
        ended = [
            a.end
            for other in statements
            for a in other.awards
            if clause_start <= a.end < st.trigger_start and text[a.end] == "、"
        ]
        if ended:
            clause_start = max(ended) + 1
        # 对荣获X的A代表队、荣获Y的B予以表扬: the units after each honour's 的
        # hold it
        own = [
            _holders_after(text, mentions, units, mentions[a].end) for a in award_ids
        ]
        holders = own[-1]
        given = None
        recipients = st.recipients
        if recipients is None and not holders:
            # 我市入选X的学校分别是：A、B: the units the clause describes hold
            # X; the area before the verb does not
            recipients = _units_described_by(text, mentions[award_ids[-1]].end)
        if len(award_ids) > 1 and not st.distributive and all(own):
            given = [(h, a) for a, hs in zip(award_ids, own, strict=True) for h in hs]
            subjects = [h for hs in own for h in hs]
        elif holders:
            subjects = holders
        elif recipients is not None:
            area = any(_names_an_area(mentions[a]) for a in award_ids)
            subjects = [
                s
                for s in _listed(text, mentions, recipients, publisher, area)
                if not _not_passed_on_its_row(text, mentions[s])
            ]
        else:
            subjects = _subjects(
                text, mentions, clause_start, verb, home, publisher, award_ids
            )
        if subjects is None and _names_a_person(text[clause_start : st.trigger_start]):
            subjects = []  # …，李红梅获评优秀教师: a person won it (decision 4)
        if subjects is None:
            subjects = _subjects(
                text,
                mentions,
                sent_start,
                verb,
                home,
                publisher,
                award_ids,
                first_only=True,
            )
        if subjects is None and home:
            subjects = _elided_area_subject(mentions, award_ids, home)
        if not subjects:
            continue
        subjects = _without_qualifying_regions(mentions, subjects)
        subjects = _without_regions_in_honours(mentions, subjects, by_span)
        if not subjects:
            continue
        if given is not None:
            pairs = given
        elif st.distributive and len(subjects) == len(award_ids):
            pairs = list(zip(subjects, award_ids, strict=True))
        elif st.distributive and len(award_ids) > 1:
            # A、B分获X、Y、Z: which unit won which is not said (decision 23).
            continue
        else:
            pairs = [(s, a) for s in subjects for a in award_ids]
        for subj, award in pairs:
            if _counted_in_people(text, mentions[award]):
                continue  # …获得市优秀教师3人: people won it (decision 4)
            area = _names_an_area(mentions[award])
            if (
                mentions[subj].label == "Region"
                and not area
                and publisher is not None
                and st.recipients is None
                and _publishers_region(mentions, subj, publisher)
            ):
                subj = publisher
            out.append(
                RelationMention(
                    subj,
                    award,
                    "receivedAward",
                    "award.trigger-subject",
                    sentence,
                    "reported",
                )
            )
    return out


#: A、B等(6所)?(首批)?“X” — the schools just listed, then the honour they
#: hold, in apposition (发挥A、B等X的示范作用).
_APPOSITION = re.compile(
    r"等\s*(?:[0-9一二三四五六七八九十两]+\s*[所个家])?" + BATCH_MARK + r"?[“\"]?$"
)
#: 等X创建学校, 等X培育对象: the honour is pursued, not held.
_PURSUED_AFTER = re.compile(r"[”\"]?(?:创建|培育|候选|申报|建设|评选|遴选)")
#: 市直, 县直属: schools the area runs itself, a kind of school, no honour.
_DIRECTLY_RUN = re.compile("^[省市州县区旗]直")
_PURSUIT = re.compile("|".join(map(re.escape, load_lexicon().award_pursuit_triggers)))


def _held_in_apposition(text: str, mentions: list[Mention]) -> list[RelationMention]:
    """綦江中学、南州中学等全国青少年校园足球特色学校要发挥示范作用: each school
    listed right before 等 holds the honour after it."""
    out = []
    schools = [i for i, m in enumerate(mentions) if m.label == "School"]
    ends = {mentions[i].end: i for i in schools}
    for a, award in enumerate(mentions):
        if award.label != "Award":
            continue
        lead = _APPOSITION.search(text, max(0, award.start - 12), award.start)
        if (
            lead is None
            or _PURSUED_AFTER.match(text, award.end)
            or _DIRECTLY_RUN.match(award.name)
        ):
            continue  # 以A、B等市直优质学校为龙头: the kind of school they are
        holders = []
        pos = lead.start()
        while (school := ends.get(pos)) is not None:
            holders.append(school)
            joiner = text[mentions[school].start - 1 : mentions[school].start]
            if joiner not in ("、", "和", "及", "与"):
                break
            pos = mentions[school].start - 1
        if not holders:
            continue
        first = mentions[holders[-1]].start
        if _PURSUIT.search(text, clause_of(text, first)[0], first):
            continue  # 积极创建A、B等省级示范校: pursued
        out += [
            RelationMention(
                h, a, "receivedAward", "award.apposition", award.sentence, award.status
            )
            for h in holders
        ]
    return out


#: 的学校分别是：, 的单位有: units an honour's clause describes, and where
#: they are listed.
_DESCRIBED_UNITS = re.compile(
    r"的(?:学校|单位|幼儿园|集体)(?:(?:分别)?(?:是|为|有)\s*(?P<colon>[：:])?)?"
)


def _units_described_by(text: str, end: int) -> tuple[int, int] | None:
    """获评X的学校分别是：, 获评X的学校有A、B: where the units the honour ending
    at ``end`` describes are listed — the lines below a lead ending in a
    colon, or the rest of the line — or None (为A、B等6所获评X的学校授牌:
    named before, as any subject)."""
    match = _DESCRIBED_UNITS.match(text, end)
    if match is None or match.end() <= end + 3:
        return None
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    if not text[match.end() : line_end].strip():
        return list_block(text, line_end + 1) if match.group("colon") else None
    return (match.end(), line_end)  # 的学校有A、B: listed on the line


#: 暂缓通过, 不通过, 未通过, 延期验收, 撤销称号: a results table's row whose
#: unit did not pass, in a list whose lead names the honour the others hold.
_NOT_PASSED = re.compile(
    r"(?:暂缓|不予?|未|延期)(?:通过|合格|认定|验收)|撤销|取消|暂不"
)


def _not_passed_on_its_row(text: str, unit: Mention) -> bool:
    """Whether the cells after ``unit`` on its table row say it did not pass."""
    end = text.find("\n", unit.end)
    rest = text[unit.end : len(text) if end < 0 else end]
    return bool(re.match(r"[ \t\u3000]", rest)) and bool(_NOT_PASSED.search(rest))


def _holders_after(
    text: str, mentions: list[Mention], units: dict[int, int], end: int
) -> list[int]:
    """荣获X的A、B (A代表队): the units (``units``: School and Bureau mentions
    by start) listed right after an honour ending at ``end`` and 的, each
    perhaps with its team's word, joined by 、 or 和."""
    if text[end : end + 1] in '”"」』' and end < len(text):
        end += 1  # 获评“X”的A、B: the honour's closing quote first
    if text[end : end + 1] != "的":
        return []
    holders = []
    pos = end + 1
    while pos in units:
        if _PEOPLE_AFTER.match(text, mentions[units[pos]].end):
            return []  # 获得“X”称号的A中学校长王某: a person of the school
        holders.append(units[pos])
        tail = _HOLDER_TAIL.match(text, mentions[units[pos]].end)
        if tail is None:
            break
        pos = tail.end()
    return holders


#: What may follow a holder before the next: its team's word (代表队) and 、.
_HOLDER_TAIL = re.compile(r"(?:代表队|合唱团|舞蹈队|篮球队|足球队|团队|队)?[、和]")


def _without_qualifying_regions(
    mentions: list[Mention], subjects: list[int]
) -> list[int]:
    """Drop a division written only to qualify the next (福州市 of 福州市仓山区):
    the district won, not its city."""
    index = load_region_index()
    starts = {mentions[s].start: mentions[s] for s in subjects}
    kept = []
    for s in subjects:
        m = mentions[s]
        after = starts.get(m.end)
        if (
            m.label == "Region"
            and after is not None
            and after.label == "Region"
            and m.region
            and after.region
            and m.region in index.ancestors(after.region)
        ):
            continue
        kept.append(s)
    return kept


def _without_regions_in_honours(
    mentions: list[Mention],
    subjects: list[int],
    honours: Mapping[tuple[int, int], int],
) -> list[int]:
    """Drop a region written inside an honour's name (宁夏回族自治区 of
    宁夏回族自治区文明校园): it says where the honour is conferred, not who won.
    ``honours``: the honours' mentions by their spans."""

    def inside_an_honour(m: Mention) -> bool:
        return any(
            a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
            for a, b in honours
        )

    return [
        s
        for s in subjects
        if mentions[s].label != "Region" or not inside_an_honour(mentions[s])
    ]


_SURNAMES = load_lexicon().common_surnames
_GIVEN_NAME = re.compile(r"[\u4e00-\u9fff]{1,2}")


def _joined_to(
    text: str, bureau: Mention, schools: list[int], mentions: list[Mention]
) -> bool:
    """A bureau joined by 和/及/与/、 to a school right before or after it."""
    for i in schools:
        school = mentions[i]
        if _JOINER.fullmatch(text[bureau.end : school.start]) or _JOINER.fullmatch(
            text[school.end : bureau.start]
        ):
            return True
    return False


_JOINER = re.compile(r"\s*[和及与、]\s*")
#: What joins the items of a list of units: 、, 和, 及.
_JOINS = ("、", "和", "及")
_FIRST_PERSON_JOINED = re.compile(
    "(?:"
    + "|".join(map(re.escape, load_lexicon().first_person_bureau))
    + r")[和及与、]\s*$"
)


def _names_a_person(lead: str) -> bool:
    """A clause's subject of two or three characters opening with a common
    surname (李红梅) is a person's name."""
    lead = lead.strip()
    return (
        2 <= len(lead) <= 3
        and lead[0] in _SURNAMES
        and bool(_GIVEN_NAME.fullmatch(lead[1:]))
        and not lead.endswith(_TEAM_WORD_ENDS)  # 田径队: a team (田 opens names)
    )


_BOOK_TITLE = re.compile("《[^》]*》")
#: …名师工作室, …名校长工作室: a studio a teacher leads (decision 4).
_STUDIO_END = re.compile("工作室$")
#: 的成果, 的作品: a unit's own work, which won what it won.
_OWN_WORK = re.compile(r"的?(?:教学)?(?:成果|作品|案例|课例|论文|课题)")
#: How a team's name ends: 田径队, 合唱团, 剧社, 教研组.
_TEAM_WORD_ENDS = ("队", "团", "社", "组")
#: 合唱团演唱的《X》, 舞蹈队表演的《X》: a school's team performing the work.
_TEAM_PERFORMS = re.compile(
    r"^[\u4e00-\u9fff]{0,6}(?:队|团|社)(?:演唱|表演|演奏|排演|展演)?的[\u4e00-\u9fff]{0,4}[《“]?$"
)


def _counted_in_people(text: str, award: Mention) -> bool:
    """The award's span ends with, or is followed by, a count of people (3人)."""
    if _PEOPLE_COUNT.match(text, award.end):
        return True
    return any(
        match.end() == award.end
        for match in _PEOPLE_COUNT.finditer(text, award.start, award.end)
    )


def _award_mention(
    award, by_span: dict[tuple[int, int], int], mentions: list[Mention]
) -> int | None:
    """The Award mention kept for a statement's award: its own span, or the
    longer span another finder won it with (2017年“X”)."""
    found = by_span.get((award.start, award.end))
    if found is not None:
        return found
    for (start, end), i in by_span.items():
        if start <= award.start and award.end <= end:
            return i
    return None


_CREATION_VERBS = ("创成", "成功创建", "创建", "建成")


def _planned_creation(text: str, st: AwardStatement, award: Mention) -> bool:
    """推动A创成X, 确保A通过X复评 in a plan: pursued, not received (decision 1).

    A planned list of designations (拟命名…名单) is still conferred.
    """
    return (
        award.status == "planned"
        and st.recipients is None
        and (
            text.startswith(_CREATION_VERBS, st.trigger_start)
            or award.rule == "award.assessed"
        )
    )


#: A school's people right after 学校 (学校教师, 学校师生): they, not the school.
_SCHOOLS_PEOPLE = "教师|老师|学生|师生|校长|园长|党员"

#: 该校, 此校, 这所学校, 该园: the school named before.
#: 该校, 此园; 学校 alone before its verb (…，学校被评为X): the school the
#: text just named.
_THIS_SCHOOL = re.compile(
    r"(?:该|此|这所|我|本)(?:学校|校|幼儿园|园)"
    # 学校足球队, 学校“小百灵”合唱团: the school's team (decision 19)
    r"|^\s*(?:学校|幼儿园)(?:" + TEAM_AFTER_SCHOOL + r"|[\u4e00-\u9fff]{2,4}社团)?"
    # (学校2021年被…评为: the year it won)
    r"(?:(?:19|20)\d{2}年)?(?:又|还|也|先后|曾|多次|连续|相继)?\s*$"
    # 近年来，学校办学质量稳步提升，先后获得…: 学校 opening a clause of the
    # sentence (not 学校教师…, its people), or a heading's (四、学校近五年所获
    # 主要荣誉; 附：近三年学校获得的主要荣誉)
    r"|(?:^|[，,：:])\s*(?:[一二三四五六七八九十]+、)?"
    r"(?:近[一二三四五六七八九十两\d]+年来?|近年来)?学校(?![\u4e00-\u9fff]{0,2}(?:"
    + _SCHOOLS_PEOPLE
    + r"))(?=[\u4e00-\u9fff\d]|$)"
)


#: 学校先后荣获, 2023年，学校又被评为: a sentence going on about the school
#: the story is about, after a time or with an adverb of one more time.
_STORY_GOES_ON = re.compile(
    r"\s*(?:(?:19|20)\d{2}年[^，,。；;]{0,6}[，,]\s*学校|学校(?=又|先后|还|也|曾|多次|连续|相继))"
)


#: Sentences of a paragraph looked back over for the school 学校 goes on about.
_STORY_SENTENCES = 3

#: A team named after its area: 城固县代表队, 河西区代表团.
_AREA_TEAM = re.compile(r"(?:中小学生|学生|青少年)?(?:代表队|代表团|参赛队)")


_STANDS_FOR_OR_JOINS = re.compile(r"(?:代表|参加了?)$")


#: 被 then names joined by 、 up to a position: the agents of a passive.
_AGENT_AFTER_PASSIVE = re.compile(r"被[^，,。；;被]*$")
#: 对成效突出的学校 right before the verb: the units the agent confers on.
_DESCRIBED_OBJECT = re.compile(
    r"对[^，,。；;对]{0,20}?的?(?:学校|单位|幼儿园|集体|园所|县区|地区|团队|个人)\s*$"
)


def _subjects(
    text: str,
    mentions: list[Mention],
    start: int,
    end: int,
    home: str,
    publisher: int | None,
    award_ids: list[int],
    first_only: bool = False,
) -> list[int] | None:
    """Recipients in ``text[start:end]``; None when the span names none."""
    passive = text.rfind("被", start, end)
    if passive >= 0:
        end = passive  # X被市教育局授予…: the agent after 被 is not the recipient
    marker = max(text.rfind("将", start, end), text.rfind("把", start, end))
    if marker >= 0 and not any(m.start <= marker < m.end for m in mentions):
        start = marker + 1  # 省教育厅将我县列为…: the agent before 将/把 is not
    described = _DESCRIBED_OBJECT.search(text, start, end)
    if described is not None:
        # 省教育厅…对成效突出的学校认定为X: the units described after 对 are
        # the ones it names, the agent before it is not
        start = described.start() + 1
    adverb = _BEFORE_VERB.search(text, start, end)
    if adverb is not None:
        end = adverb.start()  # …比赛中分获, …分别荣获: no part of who won
    contest = _CONTEST_PHRASE.search(text, start, end)
    if contest is not None and contest.start() > start:
        end = contest.start()  # 在第一中学承办的…比赛中: the host did not win
    span = text[start:end]
    inside = [
        i
        for i, m in enumerate(mentions)
        if start <= m.start < end
        and m.end > m.start  # the publisher's metadata mention has no span
        and m.label in ("School", "Bureau", "Region")
        and m.end <= end
    ]
    if contest is not None and contest.start() == start:
        # 在2023年四川省…大赛中获…: the province is the contest's, no winner
        inside = [i for i in inside if mentions[i].start >= contest.end()]
    # 我县被省教育厅评为X，被州人民政府授予Y: an earlier clause's agent is no
    # recipient of the later clause's honour either
    inside = [
        i for i in inside if text[mentions[i].start - 1 : mentions[i].start] != "被"
    ]
    # 学校足球队代表通山县参加湖北省…联赛: the area a team stands for, and
    # the one a contest it joined is named after, win nothing
    inside = [
        i
        for i in inside
        if not (
            mentions[i].label == "Region"
            and (
                _STANDS_FOR_OR_JOINS.search(text, 0, mentions[i].start)
                or text.startswith("赛区", mentions[i].end)  # （咸宁赛区）
            )
        )
    ]
    people_units = _people_units(text, mentions, inside)
    if people_units:
        inside = [i for i in inside if not _within(mentions[i], people_units)]
        if not inside:
            return []  # 张明（X中学）获评优秀教师: a person won it (decision 4)
    works = [
        m
        for m in mentions
        if m.label in ("Program", "Document") and start <= m.start and m.end <= end
    ]
    # 《安吉县…指南》: a place inside a work's name is no unit of the clause;
    # nor one inside an honour named earlier in it (该校荣获“潍坊市X”，2022年入选Y)
    work_spans = [(w.start, w.end) for w in works] + [
        (m.start, m.end)
        for m in mentions
        if m.label == "Award" and start <= m.start and m.end <= end
    ]
    inside = [i for i in inside if not _within(mentions[i], work_spans)]
    last_unit = max((mentions[i].end for i in inside), default=start)
    performed = (
        bool(inside)
        and any(
            _TEAM_PERFORMS.match(text[last_unit : w.start])
            # 滨涯小学《X》获一等奖, A的《X》: the school's own work
            or text[last_unit : w.start] in ("《", "的《")
            for w in works
        )
    )
    if not performed and any(last_unit <= w.start for w in works):
        return []  # 我县“县管校聘”改革获评…案例, 《…指南》获评…: the work won it
    # A region inside a school's name is not a recipient of its own.
    schools = [i for i in inside if mentions[i].label == "School"]
    if not schools and any(
        m.label == "Organization"
        and start <= m.start < end
        # (学校被市教委、市科协评为X，又被评为Y: the bodies that named it)
        and not _AGENT_AFTER_PASSIVE.search(text, start, m.start)
        for m in mentions
    ):
        return []  # 武进区人民政府被…表彰: another body won it, not the bureau
    school_spans = [(mentions[i].start, mentions[i].end) for i in schools]
    inside = [
        i
        for i in inside
        if mentions[i].label != "Region"
        or not any(s <= mentions[i].start < e for s, e in school_spans)
    ]
    lead = span[: (mentions[inside[0]].start - start) if inside else len(span)]
    if not inside and (this := _THIS_SCHOOL.search(span)):
        # 凭借突出的科创教育成果，学校…被评为X: what the school had before
        # the school itself, no winner of its own
        lead = span[this.start() :]
    if not inside and (these := _THESE_SCHOOLS.search(span)):
        # A、B实行…管理，两校均被评为…: the schools the sentence named, or
        # else the last sentence before it to name any (A、B…。同年，三所学校
        # 均被评为…), when they are as many as counted (not some 三所 schools)
        named = _counted_schools_before(text, mentions, start, _NUMERALS[these[1]])
        if named:
            return named
    if _NON_RECIPIENT.search(lead):
        return []
    if inside:
        # “X教育”公众号获评…, X学校3名教师获评…: the recipient named after the
        # last entity is a person, team or account.
        tail_start = max(mentions[i].end for i in inside)
        last = max(inside, key=lambda i: mentions[i].end)
        if mentions[last].label == "Region" and _COUNT_AFTER_AREA.match(
            text, tail_start, end
        ):
            return []  # 都昌县12所学校获评X: the county's schools, not the county
        # 等3所学校 after a list counts the schools just named, not people;
        # 在全省中小学生篮球比赛中 names the contest, not who won.
        tail = _LIST_COUNT.sub("", text[tail_start:end])
        if _praised(text[tail_start:end]):
            tail = ""  # A、B组织得力、节目质量高，获X: how they did, no one else
        if first_only:
            # A在X大赛中获一等奖3项，被评为Y: the first clause's own prizes
            # are no words of who won Y
            tail = _FIRST_CLAUSE_END.split(tail, maxsplit=1)[0]
        tail = _CONTEST_PHRASE.sub("", tail)
        if performed:
            tail = _BOOK_TITLE.sub("", tail)  # the team's or school's work
        if _OWN_WORK.fullmatch(tail):
            tail = ""  # A、B的成果获二等奖: the schools' own work (成果 is no name)
        if _STUDIO_END.search(tail):
            return []  # A中学某某名师工作室被认定为X: a teacher's studio won it
        if _NON_RECIPIENT.search(tail) or _names_a_person(tail.removeprefix("的")):
            return []  # …第一中学李梅获评优秀教师: the person won it (decision 4)
    if not inside and "我校" in span and (ours := _contributing_school(text, mentions)):
        return ours  # 我校荣获X on a page a school wrote (供稿单位：A小学)
    if not inside and (this := _THIS_SCHOOL.search(span)):
        # X小学深入开展阅读活动，该校被评为…: the school the sentence named,
        # or else the one the sentence before named (X中学…。早在2021年，该校…);
        # a bare 学校 only its sentence's own, unless the story goes on about
        # it (X小学创办于1906年。学校先后荣获…; 2023年，学校又被评为…)
        floor = _sentence_floor(text, start)
        named = _schools_between(mentions, floor, start)
        if not named and (
            this.group().startswith(("该", "此", "这"))
            or _STORY_GOES_ON.match(text, floor)
            or _STORY_GOES_ON.match(text, start)
        ):
            named = _schools_between(
                mentions, _sentence_floor(text, max(floor - 1, 0)), start
            )
            back = floor
            before = _sentence_floor(text, max(floor - 1, 0))
            if named and _THIS_SCHOOL.search(text, before, mentions[named[0]].start):
                # 在A中学，…。该校与B中学签订协议。今年，该校被评为X: the sentence
                # before speaks of the same school, B its partner; the school
                # is the one named further back
                named = _schools_named_before(text, mentions, before, paragraph=True)
                back = 0  # (the walk is done)
            for _ in range(_STORY_SENTENCES):
                # X中学始建于1958年…。近年来，学校坚持…。学校先后获评…: back
                # over the paragraph's sentences about the school to the one
                # that names it
                if named or back == 0 or text[back - 1] == "\n":
                    break
                back = _sentence_floor(text, back - 1)
                named = _schools_between(mentions, back, start)
        if not named:
            # 该校, 学校 in a later paragraph of a story: the school its title
            # names, or the school that wrote the page (供稿单位：A小学)
            named = _title_school(text, mentions, start) or _contributing_school(
                text, mentions
            )
        if len({mentions[i].name for i in named}) == 1:
            return named[-1:]  # (two schools before: which is not said)
    if schools:
        chosen = _list_run(text, mentions, schools) if first_only else schools
        # 我局和X中学, X中学和县教育局: the bureau joined to the schools wins too
        joined = [
            i
            for i in inside
            if mentions[i].label == "Bureau"
            and _joined_to(text, mentions[i], schools, mentions)
        ]
        lead = text[start : mentions[schools[0]].start]
        if (
            not first_only
            and publisher is not None
            and _FIRST_PERSON_JOINED.search(lead)
        ):
            joined.append(publisher)
        return sorted({*chosen, *joined})
    bureaus = [i for i in inside if mentions[i].label == "Bureau"]
    if bureaus:
        # A局、B局、C局获优秀组织奖: each bureau of the list
        listed = bureaus[:1]
        for nxt in bureaus[1:]:
            if text[mentions[listed[-1]].end : mentions[nxt].start] not in _JOINS:
                break
            listed.append(nxt)
        return listed
    regions = [i for i in inside if mentions[i].label == "Region"]
    area = any(_names_an_area(mentions[a]) for a in award_ids)
    if regions and _AREA_TEAM.match(text, mentions[regions[-1]].end):
        return []  # 城固县代表队获…: the county's pupils won it (decision 4)
    if regions:
        listed = _listed_regions(text, mentions, regions)
        if area and len(listed) > 1:
            return listed  # 远安县、兴山县荣获“…发展县”称号: each holds it
        if area or publisher is None:
            return [listed[0]]
        # 我县被评为先进单位: the reporting bureau; 宜州区被评为先进单位 in
        # the city's report: that county (decision 2)
        own = _publishers_region(mentions, listed[0], publisher)
        return [publisher] if own else [listed[0]]
    collective = _COLLECTIVE.search(span)
    if collective and _AREA_TEAM.match(span, collective.end()):
        return []  # 我区代表团共获金牌12枚: the area's pupils won them
    if (collective or _SYSTEM.search(span)) and not (
        # 在全省…大赛中获…: 全省 is the contest's, not the winner's
        contest is not None and contest.start() == start
    ):
        if area and home:
            region = _home_region_mention(mentions, home)
            if region is not None:
                return [region]
        return [publisher] if publisher is not None else []
    return None


def _sentence_floor(text: str, pos: int) -> int:
    """Where the sentence before ``pos`` starts (after 。！？ or a line break;
    not ；, which a back reference reads past)."""
    return max(text.rfind(c, 0, pos) for c in "。！!？?\n") + 1


#: 供稿单位：A小学, （A小学　供稿）: the school that wrote the page.
_CONTRIBUTOR = re.compile(
    r"(?:供稿单位|供稿|稿件来源|信息来源|来源)[：:]\s*(?P<after>\S)"
    r"|(?P<before>\S)[\s\u3000]*供稿"
)


def _contributing_school(text: str, mentions: list[Mention]) -> list[int]:
    """The one school a 供稿 line names as the page's writer, which 我校 is."""
    found = set()
    for line in _CONTRIBUTOR.finditer(text):
        for i, m in enumerate(mentions):
            if m.label != "School":
                continue
            if (line.group("after") and m.start == line.start("after")) or (
                line.group("before") and m.end == line.end("before")
            ):
                found.add(i)
    if len({mentions[i].name for i in found}) != 1:
        return []
    return [min(found)]


def _paragraph_school(text: str, mentions: list[Mention], at: int) -> list[int]:
    """The schools named in ``at``'s paragraph before it, over at most
    :data:`_STORY_SENTENCES` sentences back from the one naming them."""
    back = _sentence_floor(text, at)
    for _ in range(_STORY_SENTENCES + 1):
        if back == 0 or text[back - 1] == "\n":
            break
        back = _sentence_floor(text, back - 1)
        named = _schools_between(mentions, back, at)
        if named:
            return named
    return []


def _title_school(text: str, mentions: list[Mention], before: int) -> list[int]:
    """The one school a story's title line names (寿光市稻田镇中心小学：稻香育人
    结硕果), which 该校 further down goes on about; [] when the title names
    none or several."""
    title_end = text.find("\n")
    if title_end < 0 or title_end >= before:
        return []
    named = _schools_between(mentions, 0, title_end)
    return named[:1] if len({mentions[i].name for i in named}) == 1 else []


def _schools_between(mentions: list[Mention], lowest: int, end: int) -> list[int]:
    return [
        i
        for i, m in enumerate(mentions)
        if m.label == "School" and lowest <= m.start and m.end <= end
    ]


#: 两校均, 三所学校都, 两所中学同时, 两校又被: the schools just named, counted.
_THESE_SCHOOLS = re.compile(
    r"([两二三四五])(?:校|所(?:学校|中学|小学|初中|高中|幼儿园))"
    r"(?:又|也|还|均|都|同时|双双|先后|一并|共同)*被?$"
)


def _counted_schools_before(
    text: str, mentions: list[Mention], start: int, count: int
) -> list[int]:
    """The ``count`` schools a counted short form (两校, 三所学校) at ``start``
    stands for: those its sentence names before it, or else those of the
    nearest of the few sentences before it that names any; none when the
    number of schools named there is not ``count``."""
    floor = _sentence_floor(text, start)
    named = _schools_between(mentions, floor, start) or _schools_named_before(
        text, mentions, floor, paragraph=False
    )
    return named if len({mentions[i].name for i in named}) == count else []


def _schools_named_before(
    text: str, mentions: list[Mention], end: int, *, paragraph: bool
) -> list[int]:
    """The schools of the nearest of the few sentences before ``end`` that
    names any (within ``end``'s paragraph when ``paragraph``), or none."""
    for _ in range(_STORY_SENTENCES):
        if end == 0 or (paragraph and text[end - 1] == "\n"):
            break
        back = _sentence_floor(text, end - 1)
        named = _schools_between(mentions, back, end)
        if named:
            return named
        end = back
    return []


_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_NUMERALS |= {"九": 9, "十": 10}


def _list_run(text: str, mentions: list[Mention], schools: list[int]) -> list[int]:
    """The first school and those listed with it (A、B开学准备扎实，被…): not
    another school of a later clause."""
    run = schools[:1]
    for before, after in itertools.pairwise(schools):
        if not _LIST_JOIN.fullmatch(text, mentions[before].end, mentions[after].start):
            break
        run.append(after)
    return run


#: 、 or 和 between two listed units, after the first one's team, if any
#: (A“小百灵”合唱团、B民乐团: decision 19).
_LIST_JOIN = re.compile(f"(?:{TEAM_AFTER_SCHOOL})?" + r"\s*[、和及]\s*")


# A person's name right before a bracketed unit: 2 to 5 characters after a
# list mark or a line's start (张明（X中学）、泽仁卓玛（Y小学）); a list may pad
# a two-character name to three with a space (张　勇（X中学）).
_PERSON_BEFORE_BRACKET = re.compile(
    r"(?:^|[、，,：:；;\s])([\u4e00-\u9fff·](?:[\u3000 ]?[\u4e00-\u9fff·]){1,4})[（(]$"
)


# The rest of a bracket after the unit: nothing, or the person's post in it.
_POST_IN_BRACKET = re.compile(r"[\u4e00-\u9fff]{0,6}[）)]")


def _unit_of_a_person(text: str, m: Mention) -> bool:
    """A School or Bureau in brackets after a person's name is where the
    person works (decisions 4 and 19): not a recipient of the person's honour."""
    if m.label not in ("School", "Bureau") or not _POST_IN_BRACKET.match(text, m.end):
        return False  # 张明（X中学）, 杨建平（X中学校长）
    person = _PERSON_BEFORE_BRACKET.search(text[max(0, m.start - 7) : m.start])
    return person is not None and not person.group(1).endswith(_UNIT_NAME_ENDS)


def _people_units(
    text: str, mentions: list[Mention], ids: list[int]
) -> list[tuple[int, int]]:
    """The spans of the mentions among ``ids`` that are a person's unit."""
    return [
        (mentions[i].start, mentions[i].end)
        for i in ids
        if _unit_of_a_person(text, mentions[i])
    ]


def _within(m: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start < b for a, b in spans)


#: Endings of a unit's name, which a person's name does not have.
_UNIT_NAME_ENDS = load_lexicon().unit_name_ends


#: After a region that labels a group of the list: 漳州市：, 兰州市（6所）：.
_GROUP_LABEL_END = re.compile(r"\s*(?:[（(]\s*\d+\s*[个所家名]\s*[）)])?\s*[：:]")


def _listed(
    text: str,
    mentions: list[Mention],
    span: tuple[int, int],
    publisher: int | None,
    area: bool,
) -> list[int]:
    """Every School, Bureau and Region named in a recipients' span.

    A region that groups the list (漳州市：龙文区 长泰县) and a region inside
    a school's name are not recipients; a span naming none but the report's
    own body (我局, 全区教育系统) gives the honour to the publisher.
    """
    start, end = span
    inside = [
        i
        for i, m in enumerate(mentions)
        if start <= m.start
        and m.end <= end
        and m.end > m.start
        and m.label in ("School", "Bureau", "Region")
    ]
    schools = [
        (mentions[i].start, mentions[i].end)
        for i in inside
        if mentions[i].label == "School"
    ]
    people_units = _people_units(text, mentions, inside)
    notes = _notes_after_units(text, mentions, inside)
    out = []
    for i in inside:
        m = mentions[i]
        if _within(m, people_units):
            continue  # 张明（X中学）: the person's school did not win it
        if _within(m, notes):
            continue  # A小学（B小学教育集团成员校）: the note's school is no holder
        if m.label == "Region" and (
            not area
            or any(s <= m.start < e for s, e in schools)
            or _GROUP_LABEL_END.match(text, m.end)
            or _above_a_region_of_its_row(text, mentions, i, inside)
        ):
            continue
        out.append(i)
    if out:
        return out
    if _SYSTEM.search(text[start:end]) or _COLLECTIVE.search(text[start:end]):
        return [publisher] if publisher is not None else []
    return []


def _above_a_region_of_its_row(
    text: str, mentions: list[Mention], region: int, listed: list[int]
) -> bool:
    """1　合肥市　蜀山区: the city column of a row holds the county's title."""
    code = mentions[region].region
    if not code:
        return False
    index = load_region_index()
    line_start = text.rfind("\n", 0, mentions[region].start) + 1
    line_end = text.find("\n", mentions[region].end)
    line_end = len(text) if line_end < 0 else line_end
    return any(
        mentions[j].label == "Region"
        and line_start <= mentions[j].start < line_end
        and code in index.ancestors(mentions[j].region)
        for j in listed
    )


def _publishers_region(mentions: list[Mention], region: int, publisher: int) -> bool:
    """The region mention names the publisher's own region (or none known)."""
    return mentions[region].region in ("", mentions[publisher].region)


def _notes_after_units(
    text: str, mentions: list[Mention], units: list[int]
) -> list[tuple[int, int]]:
    """The spans of brackets right after a school or bureau in a list (A小学
    （B小学教育集团成员校））: notes on the unit before them."""
    out = []
    for i in units:
        m = mentions[i]
        note = _NOTE.match(text, m.end) if m.label in ("School", "Bureau") else None
        if note is not None:
            out.append(note.span())
    return out


#: （…）: a bracket up to its first close, on one line.
_NOTE = re.compile(r"[（(][^）)\n]*[）)]")


def _elided_area_subject(
    mentions: list[Mention], award_ids: list[int], home: str
) -> list[int] | None:
    """被授予“X实验区” with the subject left out: the report's own area.

    A summary leaves its own area unsaid; only an area can hold an area's
    title (GUIDELINES decisions 2 and 12), so no school or person is meant.
    """
    if not all(_names_an_area(mentions[a]) for a in award_ids):
        return None
    region = _home_region_mention(mentions, home)
    return None if region is None else [region]


def _home_region_mention(mentions: list[Mention], home: str) -> int | None:
    for i, m in enumerate(mentions):
        if m.label == "Region" and m.region == home:
            return i
    return None


#: Regions without a division code: development zones (成都高新区) and towns
#: the division list lacks (大市聚镇, read where a school's name starts).
_CODELESS_RULES = ("region.zone", "region.unlisted-town")


def _zones(mentions: list[Mention]) -> list[tuple[int, Mention]]:
    """The regions without a division code among the mentions, by index."""
    return [
        (i, m)
        for i, m in enumerate(mentions)
        if m.label == "Region" and m.rule in _CODELESS_RULES
    ]


def _county_holding(
    text: str, mentions: list[Mention], town: Mention, index, home: str
) -> int | None:
    """The county a town the division list lacks lies in: the county written
    just before it, the last one named before it on its line, the report's
    own county, or the one county the report names."""
    line_start = text.rfind("\n", 0, town.start) + 1
    counties = [
        j
        for j, m in enumerate(mentions)
        if m.label == "Region" and m.region and index.by_code[m.region].level == 3
    ]
    on_line = [j for j in counties if line_start <= mentions[j].start < town.start]
    if on_line:
        return on_line[-1]
    own = [j for j in counties if mentions[j].region == home]
    if own:
        return own[0]
    if len({mentions[j].region for j in counties}) == 1:
        return counties[0]
    return None


def _in_zone(m: Mention, zones: list[tuple[int, Mention]]) -> int | None:
    """The zone a bureau or school is named after (成都高新区教育局), if any."""
    for i, zone in zones:
        if m.start <= zone.start and zone.end < m.end:
            return i
    return None


def _located(
    text: str, mentions: list[Mention], rules: Rules, home: str, publisher: int | None
) -> list[RelationMention]:
    index = rules.regions
    out = []
    zones = _zones(mentions)
    region_mentions = [
        i for i, m in enumerate(mentions) if m.label == "Region" and m.region
    ]
    first_mention_of = {}
    for i in region_mentions:
        first_mention_of.setdefault(mentions[i].region, i)
    section = home
    # 黄舣镇：A、B — a place labelling the units of its own line only; the
    # section goes on after that line (later lists are not the town's).
    labelled, labelled_end = "", -1
    # 锦州经济技术开发区（2所）：A、B — a zone labelling its line's units
    zone_label, zone_label_end = -1, -1
    for i, m in enumerate(mentions):
        if m.label == "Region" and (m.region or m.rule in _CODELESS_RULES):
            line_start = text.rfind("\n", 0, m.start) + 1
            line_end = text.find("\n", m.start)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            if not m.region:
                if (
                    not text[line_start : m.start].strip()
                    and _ZONE_HEADING.match(line)
                    and _lists_units(line)
                ):
                    zone_label, zone_label_end = i, line_end
            elif (
                m.start == line_start and _HEADING_REGION.match(line) and len(line) < 60
            ):
                if _lists_units(line):
                    labelled, labelled_end = m.region, line_end
                else:
                    section = m.region
            continue
        in_label = bool(labelled) and m.start < labelled_end
        line_section = labelled if in_label else section
        zone = _in_zone(m, zones) if m.label in ("Bureau", "School") else None
        if zone is None and m.label == "School":
            # 26　绵阳高新区　普明中学: the zone the row's region column names
            zone = _row_zone(text, m, mentions, zones)
        if zone is not None:
            out.append(
                RelationMention(
                    i, zone, "locatedIn", "located.name-zone", m.sentence, m.status
                )
            )
            continue
        if m.label == "Bureau" and m.region and m.region in first_mention_of:
            out.append(
                RelationMention(
                    i,
                    first_mention_of[m.region],
                    "locatedIn",
                    "located.bureau-region",
                    m.sentence,
                    m.status,
                )
            )
            continue
        if m.label != "School":
            continue
        inner = [j for j in region_mentions if m.start <= mentions[j].start < m.end]
        if not inner and zone_label >= 0 and m.start < zone_label_end:
            out.append(
                RelationMention(
                    i,
                    zone_label,
                    "locatedIn",
                    "located.line-zone",
                    m.sentence,
                    m.status,
                )
            )
            continue
        # The most specific region in the name (岚山区安东卫街道中心小学 → the street).
        inner.sort(key=lambda j: -index.by_code[mentions[j].region].level)
        named = mentions[inner[0]].region if inner else ""
        named_rule = "located.name-region"
        if not named:
            named = _town_by_short_form(m.name, mentions, region_mentions, index)
            named_rule = "located.name-town"
        elif index.by_code[named].level == 3:
            # 房山区良乡中学 of a report that names 良乡镇: the county's town
            rest = m.text[mentions[inner[0]].end - m.start :]
            town = _town_by_short_form(rest, mentions, region_mentions, index)
            if town and index.by_code[town].parent == named:
                named, named_rule = town, "located.name-town"
        row = _row_region(text, m, mentions, region_mentions, index)
        if row and (
            not named
            or named in index.ancestors(row)
            # 嘉积镇　琼海市万泉河中学: the row's town, not one the name's
            # stem (万泉) is guessed to be
            or (named_rule == "located.name-town" and index.by_code[row].level == 4)
        ):
            # 1　福州市　鼓楼区　澄澜小学: the row's own region column
            named, named_rule = row, "located.table-row"
        bracketed = _bracketed_region(text, m, mentions, region_mentions, index)
        if bracketed and (not named or named in index.ancestors(bracketed)):
            # 彭水县第六小学（靛水街道）: the town or street it stands in;
            # 紫蓬中学（肥西县） in a province's list: its county
            named = bracketed
            named_rule = (
                "located.bracketed-town"
                if index.by_code[bracketed].level == 4
                else "located.bracketed-county"
            )
        target = ""
        if named:
            target = named
            if (
                line_section
                and line_section != named
                and named in index.ancestors(line_section)
                and not m.name.endswith(_UNIVERSITY)
            ):
                # 哈尔滨市第十七中学 in a district's report: one of its schools;
                # 贵州师范大学 in a county's is the province's university.
                target = line_section
        elif line_section and not m.name.endswith(_UNIVERSITY):
            target = line_section
        if target and target in first_mention_of:
            rule = named_rule if target == named else "located.report-region"
            out.append(
                RelationMention(
                    i, first_mention_of[target], "locatedIn", rule, m.sentence, m.status
                )
            )
    return out


def _bracketed_region(
    text: str,
    school: Mention,
    mentions: list[Mention],
    region_mentions: list[int],
    index,
) -> str:
    """The county, town or street in brackets right after a school's name
    (思南县第七幼儿园（双塘街道）, 紫蓬中学（肥西县）), or ""."""
    if text[school.end : school.end + 1] not in ("（", "("):
        return ""
    for j in region_mentions:
        place = mentions[j]
        if (
            place.start == school.end + 1
            and place.region
            and index.by_code[place.region].level >= 3
            and text[place.end : place.end + 1] in ("）", ")", "，", ",", "、")
        ):
            return place.region
    return ""


#: 1　福州市　鼓楼区　澄澜小学, 3 星韵初级中学 湖塘镇: a table row set apart by
#: spaces, opening with its number.
_SPACED_ROW = re.compile(
    r"^\s*(?:\d{1,3}[\s\u3000]+\S+(?:[\s\u3000]+\S+)+"
    # 新港街道	滨海新区海韵小学	小学: a row of three cells or more, unnumbered
    r"|\S+(?:(?:\t|\u3000| {2,})[\t\u3000 ]*\S+){2,})\s*$"
)


def _spaced_row(
    text: str, school: Mention, mentions: list[Mention]
) -> tuple[int, int, list[tuple[int, int]]] | None:
    """The span of the spaced table row a school stands in and the spans of
    the units named in it, or None when its line is no such row. (A place
    inside another unit's name in the row is that unit's: 小学男子组　迎宾路
    小学　长凝镇中心小学.)"""
    start = text.rfind("\n", 0, school.start) + 1
    end = text.find("\n", school.end)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if not _SPACED_ROW.match(line) or PROSE_MARK.search(line):
        return None
    units = [
        (u.start, u.end)
        for u in mentions
        if u.label in ("School", "Bureau") and start <= u.start < end
    ]
    return start, end, units


def _row_region(
    text: str,
    school: Mention,
    mentions: list[Mention],
    region_mentions: list[int],
    index,
) -> str:
    """The most specific region a spaced table row names beside its school, or ""."""
    row = _spaced_row(text, school, mentions)
    if row is None:
        return ""
    start, end, units = row
    beside = [
        mentions[j].region
        for j in region_mentions
        if start <= mentions[j].start < end
        and not any(s <= mentions[j].start < e for s, e in units)
    ]
    if not beside:
        return ""
    deepest = max(beside, key=lambda code: index.by_code[code].level)
    # the others must be its ancestors: one place, written at several levels
    if any(c != deepest and c not in index.ancestors(deepest) for c in beside):
        return ""
    return deepest


def _row_zone(
    text: str,
    school: Mention,
    mentions: list[Mention],
    zones: list[tuple[int, Mention]],
) -> int | None:
    """The one zone a spaced table row names beside its school (no place of
    the division list beside it), or None."""
    row = _spaced_row(text, school, mentions)
    if row is None:
        return None
    start, end, units = row
    beside = [
        (i, zone)
        for i, zone in zones
        if start <= zone.start < end and not any(s <= zone.start < e for s, e in units)
    ]
    # (绵阳 of 绵阳高新区 is the zone's, not a place beside it)
    taken = units + [(zone.start, zone.end) for _, zone in beside]
    placed = [
        m
        for m in mentions
        if m.label == "Region"
        and m.region
        and start <= m.start < end
        and not any(s <= m.start < e for s, e in taken)
    ]
    return beside[0][0] if len(beside) == 1 and not placed else None


def _town_by_short_form(
    school: str, mentions: list[Mention], region_mentions: list[int], index
) -> str:
    """阿干中学 of a report that names 阿干镇: the town, by its short form.

    Village and town schools are named after their town without its 镇/乡/
    街道; only a town the report itself names is read that way.
    """
    for j in region_mentions:
        ref = index.by_code[mentions[j].region]
        if ref.level != 4:
            continue
        stem = re.sub(_TOWN_SUFFIX, "", ref.name)
        if len(stem) >= 2 and stem != ref.name and school.startswith(stem):
            return ref.code
    return ""


def _located_in_area(mentions: list[Mention], area_name: str) -> list[RelationMention]:
    """Schools and the bureau of an area that has no division code (郊区)."""
    area = next(
        (
            i
            for i, m in enumerate(mentions)
            if m.label == "Region" and not m.region and m.name == area_name
        ),
        None,
    )
    if area is None:
        return []
    out = []
    for i, m in enumerate(mentions):
        located = m.label == "School" and not m.name.endswith(_UNIVERSITY)
        if m.label == "Bureau" and m.name.startswith(area_name):
            located = True
        if located and not any(
            r.label == "Region" and m.start <= r.start < m.end and r.region
            for r in mentions
        ):
            out.append(
                RelationMention(
                    i, area, "locatedIn", "located.report-area", m.sentence, m.status
                )
            )
    return out


def _sub_regions(
    mentions: list[Mention], rules: Rules, home: str = "", text: str = ""
) -> list[RelationMention]:
    index = rules.regions
    first = {}
    for i, m in enumerate(mentions):
        if m.label == "Region" and m.region:
            first.setdefault(m.region, i)
    out = []
    placed = set()
    for i, zone in _zones(mentions):
        if zone.name in placed:
            continue
        placed.add(zone.name)
        if zone.rule == "region.unlisted-town":
            county = _county_holding(text, mentions, zone, index, home)
            if county is not None:
                out.append(
                    RelationMention(
                        i,
                        county,
                        "subRegionOf",
                        "region.unlisted-town",
                        zone.sentence,
                        "reported",
                    )
                )
            continue
        # 成都高新区 lies in 成都市, the region its name starts with (written
        # there or elsewhere in the report: 铜山、开发区 → 徐州开发区).
        for j, m in enumerate(mentions):
            if (
                m.label == "Region"
                and m.region
                and (
                    zone.name.startswith((m.name, short_form(m.name) or m.name))
                    # 东莞松山湖高新区: the zone written after its place
                    or (m.start == zone.start and m.end < zone.end)
                )
            ):
                out.append(
                    RelationMention(
                        i, j, "subRegionOf", "region.zone", zone.sentence, "reported"
                    )
                )
                break
        else:
            # 屈原管理区, named on its own in 岳阳市's report: the report's area
            # holds it (decision 17)
            if home in first:
                out.append(
                    RelationMention(
                        i,
                        first[home],
                        "subRegionOf",
                        "region.zone-in-area",
                        zone.sentence,
                        "reported",
                    )
                )
    for code, i in sorted(first.items()):
        for ancestor in index.ancestors(code):
            if ancestor in first:
                out.append(
                    RelationMention(
                        i,
                        first[ancestor],
                        "subRegionOf",
                        "region.hierarchy",
                        mentions[i].sentence,
                        "reported",
                    )
                )
                break
    return out


#: 以|“X”|为抓手: the program the work is done through.
_MEANS_BEFORE = re.compile('以[“"《]?$')
_MEANS_AFTER = re.compile(
    # 以“X”行动为抓手: the program's head may follow its quoted name
    # 以“X”品牌建设为统领: so may the brand's building
    '[”"》]?(?:[\u4e00-\u9fff]{0,4}?(?:行动|工程|计划|项目|试点|品牌建设))?'
    "为(?:抓手|载体|引领|统领|突破口|牵引|主线|重要抓手|总抓手|依托)"
)


def _taken_as_the_means(text: str, program: Mention) -> bool:
    """以“特教融合发展三年攻坚行动”为抓手: the bureau works through the program."""
    return bool(
        _MEANS_BEFORE.search(text, max(0, program.start - 2), program.start)
        and _MEANS_AFTER.match(text, program.end)
    )


def _written_end(text: str, program: Mention) -> int:
    """Where a program's name ends in the text: after its head when the
    mention spans only the quote (“石榴花开”|民族团结教育工程)."""
    tail = program.name.removeprefix(program.text)
    quote = text[program.end : program.end + 1]
    if tail and quote in '”"」』' and text.startswith(tail, program.end + 1):
        return program.end + 1 + len(tail)
    return program.end


def _implements(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    publisher: int | None,
) -> list[RelationMention]:
    out = []
    # (end, implemented, name) of the last program
    previous: tuple[int, bool, str] | None = None
    for i, m in enumerate(mentions):
        if m.label != "Program":
            continue
        s_start = sentences[m.sentence][0] if sentences else 0
        before = text[max(s_start, m.start - 12) : m.start]
        if "、" in before or _SECOND_OBJECT.search(before):
            # 落实作业、睡眠、手机、读物、体质“五项管理”: the verb before the
            # list of what the program covers, in the same clause; 推进义务教育
            # 优质均衡发展和“双减”工作: the verb's second object
            floor = max(s_start, clause_of(text, m.start)[0], m.start - 30)
            verbs = list(_IMPLEMENT_VERBS.finditer(text, floor, m.start))
            if verbs and (
                _COVERED_LIST.fullmatch(text, verbs[-1].end(), m.start)
                or _FIRST_OBJECT.fullmatch(text, verbs[-1].end(), m.start)
            ):
                before = text[floor : m.start]
        rule = ""
        schools_do_it = any(
            w in text[s_start : m.start] for w in _SCHOOL_SUBJECTS
        ) or _a_school_does_it(text, mentions, s_start, m)
        if schools_do_it:
            rule = ""  # 各学校…开展“X”活动: the schools' work, not the bureau's
        elif _implement_verb_governs(before):
            rule = "implements.verb-object"
        elif _carried_out(text, m, s_start, mentions):
            rule = "implements.carried-out"
        elif _taken_as_the_means(text, m):
            rule = "implements.as-means"
        elif _heading_topic(text, m):
            # （二）“双减”工作: a section of the report given to the program,
            # the area's own work (GUIDELINES implements)
            rule = "implements.heading"
        elif _LAUNCHED.match(text, _written_end(text, m)):
            # 市教育局在A小学举行“X”工程启动仪式: the bureau starts X
            rule = "implements.launched"
        elif (
            previous is not None
            and previous[1]
            and m.rule == "program.quoted-platform-name"
            and text[previous[0] : m.start] in ("“", '"')
        ):
            # 建成智慧作业管理平台“鹿邑作业通”: the platform's name, run with it
            rule = "implements.named-platform"
        elif (
            previous is not None
            and previous[1]
            and _LIST_GAP.fullmatch(text[previous[0] : m.start])
        ):
            # 启动的“A”、“B”和“C”: the verb before a list's first item
            # governs every item.
            rule = "implements.verb-list"
        # “X”三年攻坚行动和…: the program's unquoted tail, read as its own
        # mention of the same program, carries the verb on to the next item
        carried = previous is not None and previous[1] and m.name == previous[2]
        previous = (_written_end(text, m), bool(rule) or carried, m.name)
        if rule:
            agent = _bureau_subject(text, mentions, i, publisher)
            if agent is None:
                continue  # a story no bureau published, naming none that does it
            if agent == publisher and _inspects(mentions[publisher]):
                # a 督导室's report: the inspected area's work, run by the
                # inspected bureau it last named (县教育体育局全面落实…)
                agent = _inspected_bureau(text, mentions, i, publisher)
                if agent is None:
                    continue
            partners = {
                *_partners(text, mentions, i, agent),
                *_listed_with(text, mentions, agent),
            }
            for each in (agent, *sorted(partners)):
                out.append(
                    RelationMention(each, i, "implements", rule, m.sentence, m.status)
                )
    return out


def _listed_with(text: str, mentions: list[Mention], agent: int) -> list[int]:
    """A、B教育局全面推进X: the bureaus listed right before the agent, the
    subjects of its verb too."""
    bureaus = {
        b.end: j
        for j, b in enumerate(mentions)
        if b.label == "Bureau" and b.end > b.start
    }
    out = []
    at = mentions[agent].start
    while text[at - 1 : at] in ("、", "和", "及") and at - 1 in bureaus:
        j = bureaus[at - 1]
        if mentions[j].name != mentions[agent].name:
            out.append(j)
        at = mentions[j].start
    return out


def _heading_topic(text: str, program: Mention) -> bool:
    """The program, quoted, is all a numbered section heading names:
    （二）“双减”工作。…, 三、“县管校聘”改革 (not 三、科技辅导员项目, a contest's
    category)."""
    line_start = text.rfind("\n", 0, program.start) + 1
    return bool(
        _HEADING_OPENING.fullmatch(text, line_start, program.start)
        and _HEADING_TAIL.match(text, _written_end(text, program))
    )


_HEADING_OPENING = re.compile(r"[ \t\u3000]*" + NUMBER_MARK + r"[ \t\u3000]*[“\"「『]")
#: What may follow the program on its heading, up to the heading's end (the
#: line's or its full stop): a generic head, no predicate.
_HEADING_TAIL = re.compile(
    r"[”\"」』](?:工作|政策|改革|建设)?[ \t\u3000]*(?:[。：:]|$)", re.M
)


#: 启动仪式 after a program: the ceremony that starts it.
_LAUNCHED = re.compile(
    r"[”\"」』]?(?:工程|项目|行动|计划)?(?:启动仪式|启动会|启动大会)"
)
#: 共同实施, 联合开展: the bureaus joined before the verb all run the program.
_JOINTLY = re.compile(r"(?:共同|联合|携手)[^，,。；;]{0,4}$")
_PARTNER_JOIN = re.compile(r"\s*(?:与|和|同|会同)\s*")


def _partners(
    text: str, mentions: list[Mention], program: int, agent: int
) -> list[int]:
    """Bureaus joined to the agent that run the program with it: 县教育局与
    X区教育局签订…，共同实施“Y”."""
    p_start = mentions[program].start
    if not _JOINTLY.search(text, clause_of(text, p_start)[0], p_start):
        return []
    floor = sentence_start(text, p_start)
    named = [
        j
        for j, b in enumerate(mentions)
        if b.label == "Bureau" and b.end > b.start and floor <= b.start < p_start
    ]
    out = []
    for left, right in itertools.pairwise(named):
        joined = _PARTNER_JOIN.fullmatch(
            text, mentions[left].end, mentions[right].start
        )
        if joined is None:
            continue
        for j in (left, right):
            if j != agent and mentions[j].name != mentions[agent].name:
                out.append(j)
    return sorted(set(out))


#: 该校, 我校, 学校 opening a sentence: the school the story is about.
_THE_SCHOOL_AS_SUBJECT = re.compile(
    r"该校|我校|此校|本校|^[\s\u3000]*学校"
    # (学校内涵项目显著提升: the schools' projects, a topic, not the subject)
    r"(?=[，,]|又|还|也|先后|坚持|实施|开展|构建|推进|承担|参与|以|立足|依托|积极|深入|大力|着力|持续)"
)


def _a_school_does_it(
    text: str, mentions: list[Mention], s_start: int, program: Mention
) -> bool:
    """该校构建了“X”育人体系, A中学实施“X”工程: a school, named or referred
    to, is the subject of the sentence up to the program, and no bureau is."""
    span = text[s_start : program.start]
    if any(
        m.label == "Bureau" and s_start <= m.start < program.start and m.end > m.start
        for m in mentions
    ):
        return False
    if _THE_SCHOOL_AS_SUBJECT.search(span):
        return True
    first = next(
        (m for m in mentions if s_start <= m.start < program.start and m.end > m.start),
        None,
    )
    return (
        first is not None
        and first.label == "School"
        and not text[s_start : first.start].strip(" \u3000")
    )


def _inspects(bureau: Mention) -> bool:
    """An inspecting body (人民政府教育督导室), whose reports are on others' work."""
    return any(w in bureau.name for w in _SUPERVISION_WORDS)


def _inspected_bureau(
    text: str, mentions: list[Mention], program: int, publisher: int
) -> int | None:
    """The last bureau named before ``program`` in its section, below the
    inspecting publisher: one in its area (同心县教育体育局 under 吴忠市), or
    a relative short form of a lower level (县教育体育局).

    None where the program's clause names a government as its subject
    (县政府深入推进“县管校聘”), or its section, such as the inspectors'
    advice (四、督导意见 （二）…深化“X”改革), names no bureau.
    """
    start = mentions[program].start
    if "政府" in text[clause_of(text, start)[0] : start]:
        return None
    headings = [m.start() for m in _SECTION_HEADING.finditer(text, 0, start)]
    section = headings[-1] if headings else 0
    area = mentions[publisher].region
    for j in range(program - 1, -1, -1):
        bureau = mentions[j]
        if bureau.start < section:
            return None
        if bureau.label != "Bureau" or bureau.end <= bureau.start or _inspects(bureau):
            continue
        if bureau.region:
            below = bool(area) and bureau.region != area
            below = below and bureau.region.startswith(area.rstrip("0"))
        else:
            below = bureau.text.startswith(_LOWER_RELATIVE)
        if below:
            return j
    return None


#: A line opening a numbered section (四、, （二）, 3.).
_SECTION_HEADING = re.compile(
    # 2024.5 opens no section
    r"^[ \t\u3000]*" + NUMBER_MARK + r"(?!(?<=\d[.．、])\d)",
    re.M,
)
#: Relative short forms of a county-level bureau (县教育局, 区教体局).
_LOWER_RELATIVE = ("县", "区", "旗")


def _implemented_where_schools_take_part(
    mentions: list[Mention], found: list[RelationMention], publisher: int | None
) -> list[RelationMention]:
    """The reporting bureau runs a program its area's schools take part in.

    A school of the report piloting a program (A校入选省“X”试点学校) shows
    the program at work in the area: the area's own work, which GUIDELINES
    gives to the reporting bureau, unless the report names who runs it.
    """
    if (
        publisher is None
        or mentions[publisher].label != "Bureau"
        or _inspects(mentions[publisher])
    ):
        return []
    run = {r.tail for r in found if r.predicate == "implements"}
    out = []
    for r in found:
        if r.predicate != "participatesIn" or r.tail in run:
            continue
        run.add(r.tail)
        program = mentions[r.tail]
        if program.rule != "program.area-pilot" and _owned_by_another_area(
            mentions, program, mentions[publisher]
        ):
            # 入选邵阳市“专递课堂”试点学校: the city's, in a county's report
            # (not 我县作为宝鸡市“X”改革试点县: the area's own pilot)
            continue
        out.append(
            RelationMention(
                publisher,
                r.tail,
                "implements",
                "implements.school-takes-part",
                program.sentence,
                program.status,
            )
        )
    return out


def _owned_by_another_area(
    mentions: list[Mention], program: Mention, publisher: Mention
) -> bool:
    """A region other than the publisher's written right before the program
    (邵阳市“专递课堂”, 湖北省“楚天…”工程): that area's program."""
    return any(
        m.label == "Region"
        and m.end > m.start
        and 0 <= program.start - m.end <= 1
        and m.region
        and m.region != publisher.region
        for m in mentions
    )


def _carried_out(
    text: str, program: Mention, s_start: int, mentions: list[Mention]
) -> bool:
    """（二）“双减”政策落实有力, X计划覆盖全县196所学校: the program is the
    subject of what the area achieved with it, and no other place or unit
    opens the clause (绥棱县部分学校执行X时…: the county's doing)."""
    if not _ACHIEVED.match(text, program.end):
        return False
    clause_start = max(s_start, clause_of(text, program.start)[0])
    return not any(
        m.label in ("Region", "School", "Bureau", "Organization")
        and m.end > m.start
        and clause_start <= m.start < program.start
        for m in mentions
    )


#: What a program, as the subject, says the area achieved with it.
_ACHIEVED = re.compile(
    # “凉都名师”培养工程深入实施: the quote's head before what was achieved
    r"[”\"」』]?(?:[\u4e00-\u9fff]{0,4}?(?:政策|工作|行动|改革|建设|项目|计划|工程))?(?:"
    + "|".join(map(re.escape, load_lexicon().program_achievements))
    + ")"
)


def _implement_verb_governs(before: str) -> bool:
    """A verb of doing in ``before`` (the words right before a program) whose
    object is the program: not 推动冰雪运动从“季节性活动”向…, where it is
    what changes from the quoted name."""
    verbs = list(_IMPLEMENT_VERBS.finditer(before))
    return bool(verbs) and not _CHANGED_FROM.search(before, verbs[-1].end())


_CHANGED_FROM = re.compile("从")
#: 和“: a program that is the second object of a verb (推进A和“双减”工作).
#: 落实学前教育资助和义务教育“两免一补”政策: the verb's second object, which
#: may open with what it is for (义务教育).
_SECOND_OBJECT = re.compile(r"[和及][^\W\d的以为从]{0,6}[“\"]?$")
_FIRST_OBJECT = re.compile(r"[^\W\d的以为从]{2,20}[和及][^\W\d的以为从]{0,6}[“\"]?")
#: 作业、睡眠、手机“: what a program covers, listed between its verb and it
#: (not 以“A、B”为主要内容的: what an activity is about).
_COVERED_LIST = re.compile(r"[^\W\d的以为]+(?:、[^\W\d的以为]+)+[“\"]?")


def _bureau_subject(
    text: str, mentions: list[Mention], program: int, publisher: int | None
) -> int | None:
    """The bureau that runs a program: one named before it in its clause
    (兄弟县教育局实施“X”), or else the reporting bureau (None in a story
    no bureau published)."""
    start = clause_of(text, mentions[program].start)[0]
    named = [
        j
        for j, b in enumerate(mentions)
        if b.label == "Bureau"
        and b.end > b.start
        and start <= b.start
        and b.end <= mentions[program].start
        # 在市教育局指导下, 联合县卫健局: the bureau guides or helps, the
        # reporting bureau runs it
        and not _NOT_THE_AGENT.search(text, max(start, b.start - 4), b.start)
    ]
    floor = sentence_start(text, start)
    area = max(
        _THAT_AREA.finditer(text, floor, mentions[program].start),
        key=lambda m: m.start(),
        default=None,
    )
    if not named and area is not None:
        # 互助县教育局局长介绍，该县深入实施“X”，实施“Y”: the area the
        # sentence's bureau serves runs them
        named = [
            j
            for j, b in enumerate(mentions)
            if b.label == "Bureau"
            and b.end > b.start
            and floor <= b.start
            and b.end <= area.start()
        ][-1:]
    if not named:
        # 德清县教育局依托…资源，推动“X”课程进校园: the bureau that opens the
        # sentence is the subject of each of its clauses
        named = [
            j
            for j, b in enumerate(mentions)
            if b.label == "Bureau"
            and b.end > b.start
            and b.start >= floor
            and not text[floor : b.start].strip(" \t\u3000")
            and b.end <= mentions[program].start
        ]
    if (
        not named
        and publisher is not None
        and _another_area_opens(
            text, mentions, start, mentions[program].start, mentions[publisher].region
        )
    ):
        # 江津区实施“X”行动 in 璧山区's report: that area's work, its bureau
        # unnamed, none of the publisher's
        return None
    if not named or (
        publisher is not None and mentions[named[-1]].name == mentions[publisher].name
    ):
        return publisher
    return named[-1]


def _another_area_opens(
    text: str, mentions: list[Mention], start: int, stop: int, home: str
) -> bool:
    """Whether the clause from ``start`` opens with a county-level region that
    is neither the publisher's area ``home`` nor one above it."""
    if not home:
        return False
    index = load_region_index()
    for m in mentions:
        if m.label != "Region" or not m.region or not start <= m.start < stop:
            continue
        if text[start : m.start].strip(" \t\u3000"):
            return False  # the clause opens with something else
        ref = index.by_code.get(m.region)
        return (
            ref is not None
            and ref.level >= 3
            and m.region != home
            and m.region not in index.ancestors(home)
            and home not in index.ancestors(m.region)
        )
    return False


#: 该县, 该区: the area the text spoke of just before.
_THAT_AREA = re.compile(r"该(?:县|区|市|旗)")
_NOT_THE_AGENT = re.compile(
    r"(?:在|与|和|同|及|联合|配合|会同|协同|协助|按照|根据|向)$"
)


#: A clause that names its own program before 试点/实验 (入选X试点学校): its
#: schools take no part in another clause's program (…为试点单位 names none).
_OWN_PROGRAM_NAMED = re.compile(
    r"(?:入选|列为|确定为|作为)"
    # (作为临沂市首批试点学校: a place and a batch name no program)
    r"(?![\u4e00-\u9fff]{0,6}?(?:首批|第[一二三四五六七八九十]批)(?:试点|实验|项目))"
    # (not past the school's part: 作为改革试点校已完成首轮实验)
    r"(?P<name>(?:(?!试点校|实验校|试点学校|实验学校)[\u4e00-\u9fff“”\"]){4,}?)"
    r"(?:试点|实验|项目)"
)


def _own_program_named(text: str, start: int, end: int) -> bool:
    """A入选X试点学校: the clause names the school's own program; not
    作为全省应用试点校, a scope and generic words only."""
    named = _OWN_PROGRAM_NAMED.search(text, start, end)
    return named is not None and not is_generic(
        named.group("name").removeprefix("全").lstrip("省市县区州旗"),
        _GENERIC_NAME_PREFIXES,
    )


#: People of a school right after its name (X小学教师, X中学的3名学生).
_PEOPLE_AFTER = re.compile(
    r"的?(?:\d+|[一二三四五六七八九十两]+)?[名位]?"
    r"(?:教师|老师|学生|校长|园长|班主任|师生|骨干教师|党员)"
    # 学生宿舍, 教师周转房: the school's buildings, not its people
    r"(?!宿舍|公寓|食堂|周转)"
)


def _topic_takes_part(
    text: str,
    mentions: list[Mention],
    school: int,
    programs: list[int],
    cues: tuple[str, ...],
) -> int | None:
    """A围绕…调整专业结构，开展“现代学徒制”试点: the school that opens the
    sentence is the subject of its later clauses; the one program of a later
    clause that says it takes part, with no other unit named in between."""
    m = mentions[school]
    if text[sentence_start(text, m.start) : m.start].strip():
        return None  # the school does not open the sentence
    later = [p for p in programs if mentions[p].start > m.end]
    if len(later) != 1:
        return None
    program = mentions[later[0]]
    p_start, _ = clause_of(text, program.start)
    if p_start <= m.start or not any(
        cue in text[p_start : program.start] for cue in cues
    ):
        return None
    between = [
        o
        for o in mentions
        if o.label in ("School", "Bureau", "Region", "Award")
        and m.end <= o.start < program.start
    ]
    return None if between else later[0]


#: （以下简称“: a short name declared for the name just before.
#: X计划（以下简称“Y”）, X计划（“Y”计划）: Y, in the bracket right after X,
#: is X's short name.
_SHORT_NAME_DECLARED = re.compile(
    r"(?:[（(]?(?:以下)?简称|(?:计划|工程|项目|行动|改革|试点)[（(])[“\"]?$"
)


def _program_taken_part_in(
    text: str,
    mentions: list[Mention],
    school: int,
    programs: list[int],
    cues: tuple[str, ...],
) -> int | None:
    """The program a school takes part in, by its clause, or None.

    The one program of the school's clause when the clause says it takes
    part (承担, 参与, 签署 …); or the sentence's one program when the school's
    own clause says so of works done in it (实施“薄改”项目，改造晨光小学校舍)
    and names no honour of its own: 实施“双减”，晨光小学获评全国文明校园
    says nothing of the school and 双减.
    """
    # (X工程（以下简称“Y”）: Y is X's short name, one program)
    programs = [
        p
        for p in programs
        if not _SHORT_NAME_DECLARED.search(
            text, max(0, mentions[p].start - 8), mentions[p].start
        )
    ] or programs
    start, end = clause_of(text, mentions[school].start)
    if (
        not any(cue in text[start:end] for cue in cues)
        and not QUOTED_PART.search(text, start, end)
        # 实施X，在A、B等18所学校建立…: the clause's work, after the program's,
        # is done at the schools
        and not (
            _AT_THE_SCHOOLS.fullmatch(text, start, mentions[school].start)
            and any(mentions[p].end <= start for p in programs)
        )
        # 确定A、B为首批建设学校: chosen for the sentence's program
        and not _BARE_DESIGNATION.search(text, start, end)
        and not PROGRAMS_MODEL_SCHOOL.search(text, start, end)
    ):
        # (确定A为“X”实验校: the designation says it)
        return _topic_takes_part(text, mentions, school, programs, cues)
    if _PEOPLE_AFTER.match(text, mentions[school].end) and not re.search(
        r"该校|此校|我校", text[mentions[school].end : end]
    ):
        # 城关小学教师参加“国培计划”: the teachers took part (not A校长介绍
        # 该校作为“X”实验校的经验: the school did)
        return None
    own = [p for p in programs if start <= mentions[p].start < end]
    if (
        own
        and _ONLY_OFFERS.search(text, start, end)
        and not any(cue in text[start:end] for cue in cues if cue != "开设")
    ):
        # A开设“X”课程: the school's own course, no program it takes part in
        # (开展Y试点，在A开设课程 is Y's)
        return None
    if len(own) == 1:
        return own[0]
    designation = _BARE_DESIGNATION.search(text, start, end)
    if not own and designation is not None and len(programs) > 1:
        # 以A、B为试点学校，开展“X”应用试点: the pilot the next clause starts
        kind = next(
            (k for k in ("试点", "项目", "实验") if k in designation.group()), ""
        )
        following = [p for p in programs if mentions[p].start >= end]
        if kind and following:
            p_end = clause_of(text, mentions[following[0]].start)[1]
            if kind in text[mentions[following[0]].start : p_end]:
                return following[0]
    if not own and len(programs) > 1:
        # 打造“X”品牌，实施“Y”行动，A、B作为Y的基地校: the program of the clause
        # right before the school's, when the rest stand further back
        programs = _program_of_the_clause_before(text, mentions, programs, start)
    if own or len(programs) != 1:
        return None  # two programs: which one is not said by position alone
    if _own_program_named(text, start, end):
        return None  # A入选X试点学校，B承担“Y”项目: A's program is X, not Y
    if any(m.label == "Award" and start <= m.start < end for m in mentions):
        return None
    program = mentions[programs[0]]
    if program.rule == "program.area-pilot":
        return programs[0]  # A县被确定为X试点县，B、C为试点学校: B and C pilot X
    p_start = clause_of(text, program.start)[0]
    designated = any(
        pattern.search(text, start, end) is not None
        for pattern in (_BARE_DESIGNATION, PROGRAMS_MODEL_SCHOOL)
    )
    if (
        p_start != start
        and not designated
        # 按照市教委关于“X”的部署，A与B结对: the bureau directed what the
        # schools do
        and not _DIRECTED.match(text, p_start)
        and not _works_under_the_scheme(text, program, start, end)
        and not _grouped_under_the_scheme(text, program, start, end)
        and any(
            m.label in ("School", "Bureau")
            and m.end > m.start  # (the publisher's metadata mention has no span)
            and p_start <= m.start < program.start
            for m in mentions
        )
    ):
        # A新建操场，区教育局开展“双减”督查: the bureau's program (an area
        # running it, 义县实施“X”行动，A、B入选…, is the schools' too; so is
        # the pilot 县教育局启动“X”试点，确定A、B为试点学校 designates them for)
        return None
    return programs[0]


def _program_of_the_clause_before(
    text: str, mentions: list[Mention], programs: list[int], start: int
) -> list[int]:
    """The one program of the clause that ends where the school's clause
    (from ``start``) begins, if every other program stands before it;
    ``programs`` as given otherwise."""
    if start == 0 or text[start - 1] not in "，,":
        return programs  # (a list's 、 or a sentence's end: no clause before)
    before_start, _ = clause_of(text, start - 1)
    before = [p for p in programs if before_start <= mentions[p].start < start]
    if len(before) == 1 and all(
        mentions[p].end <= before_start for p in programs if p not in before
    ):
        return before
    return programs


_ONLY_OFFERS = re.compile("开设")
#: 按照…, 根据…: a clause naming the directive the sentence's work follows.
_DIRECTED = re.compile(r"\s*(?:按照|根据|依据|遵照)")
#: 在A、B…: a clause opening with the place its work is done at, the schools.
_AT_THE_SCHOOLS = re.compile(r"\s*在(?:[^，,。；;]*、)?")
#: 薄弱环节改善与能力提升项目, 校舍改造工程: a scheme that builds in schools.
_WORKS_SCHEME = re.compile(r"(?:改善|改造|改扩建|扩容|补短板|标准化|薄弱|校舍|宿舍)")
#: 新建学生宿舍楼, 完成校舍维修: works done in a school.
_WORKS_DONE = re.compile(r"(?:新建|改建|扩建|改扩建|改造|维修|建成|建设|改善)")


def _grouped_under_the_scheme(
    text: str, program: Mention, start: int, end: int
) -> bool:
    """承接市教委X委托管理项目，由A托管B: schools grouped in a later clause the
    way the earlier-named grouping scheme groups them (托管, 结对 …)."""
    return program.end <= start and any(
        word in program.name and word in text[start:end] for word in _GROUPING_SCHEMES
    )


def _works_under_the_scheme(text: str, program: Mention, start: int, end: int) -> bool:
    """县教体局实施薄改项目，A、B新建学生宿舍楼: works in the schools of a later
    clause are the earlier-named building scheme's (not so for any program:
    县教育局开展“双减”督查，A新建操场)."""
    return (
        program.end <= start
        and _WORKS_SCHEME.search(program.name) is not None
        and _WORKS_DONE.search(text, start, end) is not None
    )


def _listed_under_a_pilot_title(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """X试点校名单 over lines of schools: each takes part in X."""
    out = []
    for p, m in enumerate(mentions):
        if m.label != "Program" or m.rule != "program.list-title":
            continue
        line_end = text.find("\n", m.end)
        block = list_block(text, line_end + 1) if line_end >= 0 else None
        if block is None:
            continue
        out += [
            r
            for row in _pilot_rows(text, *block)
            for r in _schools_take_part(mentions, p, *row, "participates.listed")
        ]
    return out


def _pilot_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rows of a list that are a pilot's: all of them, or, under a header
    with a category column (序号　学校名称　类别) naming a pilot's part in
    some rows, those whose category is that part (试点学校), not an honour
    beside it (示范校). Categories that name no designation at all (A类,
    初中) only sort the pilot's schools: every row is the pilot's."""
    header_end = text.find("\n", start, end)
    names = text[start : header_end if header_end >= 0 else end].split()
    roles = [_TABLE_HEADERS.get(n) for n in names]
    if "category" not in roles:
        return [(start, end)]
    column = roles.index("category")
    rows, kept = [], []
    designations = False
    pos = header_end + 1
    while 0 < pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        cells = text[pos:stop].split()
        if len(cells) == len(names):
            rows.append((pos, stop))
            if cells[column].endswith(_PILOT_PARTS):
                kept.append((pos, stop))
            designations |= cells[column].endswith(_DESIGNATION_ENDS)
        pos = stop + 1
    return rows if not designations else kept


#: 示范校, 试点园, 先进单位: a category cell naming a designation.
_DESIGNATION_ENDS = ("校", "园", "单位", "基地")


def _grouped_in_a_table(
    text: str, mentions: list[Mention], rules: Rules
) -> list[RelationMention]:
    """县中“托管帮扶”结对名单 over 帮扶学校　受援学校 rows: each school of the
    rows takes part in the program the title names, or in the one named
    earlier that the title speaks of (2024年度城乡学校结对帮扶名单 after
    “城乡教育手拉手”结对帮扶工程)."""
    out = []
    for t_start, t_end, r_start, r_end in grouping_tables(text, rules):
        program = _the_one_program(
            mentions, lambda m, a=t_start, b=t_end: a <= m.start and m.end <= b
        )
        if program is None:
            program = _program_a_title_speaks_of(text[t_start:t_end], mentions, t_start)
        if program is not None:
            out += _schools_take_part(
                mentions, program, r_start, r_end, "participates.grouping-table"
            )
    return out


#: ★, √, ●: a cell that marks its row as taking part in its column's program.
_MARK_CELL = re.compile(r"[★☆√✓✔●▲◆◎]|是")
#: 试点项目, 承担项目: a column whose cells name the programs of their row.
_PROGRAMS_COLUMN = re.compile(r"(?:试点|实验|参与|承担|入选|申报|所属)?项目(?:名称)?")
#: Quotes and spaces around a program's name as written.
_NAME_WRAP = "“”\"'‘’「」『』 \u3000"
_SPACED_CELLS = re.compile(r"[\u3000 ]+")
_LISTED_NAMES = re.compile(r"[、，,；;/]")


def _row_cells(line: str) -> list[str]:
    """A table line's cells: split at tabs, where empty cells keep their
    place, or else at runs of spaces."""
    if "\t" in line:
        return [cell.strip(" \u3000") for cell in line.split("\t")]
    return _SPACED_CELLS.split(line.strip(" \u3000"))


def _programs_in_columns(text: str, mentions: list[Mention]) -> list[RelationMention]:
    """Tables that say which program each school's row takes part in:
    序号　学校名称　“X”实验校　“Y”基地校 over rows marking a column with ★ or
    √, or 学校名称　试点项目 over rows naming programs (X、Y). A column is a
    program's when its header holds the name, as written, of a program the
    report names (X of X实验校); the rows are the lines below the header with
    as many cells (any number, where tabs set them), as far as they go."""
    programs = [
        (m.text.strip(_NAME_WRAP), i)
        for i, m in enumerate(mentions)
        if m.label == "Program" and len(m.text.strip(_NAME_WRAP)) >= 2
    ]

    def named_in(cell: str) -> int | None:
        named = [(len(mentions[i].name), i) for core, i in programs if core in cell]
        return max(named)[1] if named else None

    out: list[RelationMention] = []
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    row = 0
    while row < len(lines):
        header = _row_cells(lines[row])
        row += 1
        if len(header) < 2:
            continue
        marked = {
            j: program
            for j, cell in enumerate(header)
            if not _MARK_CELL.fullmatch(cell)
            and (program := named_in(cell)) is not None
        }
        listing = [
            j for j, cell in enumerate(header) if _PROGRAMS_COLUMN.fullmatch(cell)
        ]
        if not (marked or listing):
            continue
        tabbed = "\t" in lines[row - 1]
        while row < len(lines) and ("\t" in lines[row]) == tabbed:
            cells = _row_cells(lines[row])
            if len(cells) < 2 or (not tabbed and len(cells) != len(header)):
                break
            cells += [""] * (len(header) - len(cells))
            taken = [p for j, p in marked.items() if _MARK_CELL.fullmatch(cells[j])]
            for j in listing:
                for name in _LISTED_NAMES.split(cells[j]):
                    program = named_in(name) if len(name) >= 2 else None
                    if program is not None:
                        taken.append(program)
            for program in dict.fromkeys(taken):
                out += _schools_take_part(
                    mentions,
                    program,
                    starts[row],
                    starts[row] + len(lines[row]),
                    "participates.program-column",
                )
            row += 1
    return out


def _program_a_title_speaks_of(
    title: str, mentions: list[Mention], before: int
) -> int | None:
    """The last program named before ``before`` whose name shares four or more
    characters in a row with ``title`` (结对帮扶, 学区制改革), or None."""
    for i in range(len(mentions) - 1, -1, -1):
        m = mentions[i]
        if m.label != "Program" or m.end > before:
            continue
        shared = difflib.SequenceMatcher(None, title, m.name, autojunk=False)
        if shared.find_longest_match().size >= _SHARED_WITH_TITLE:
            return i
    return None


#: Characters in a row a grouping table's title shares with its program.
_SHARED_WITH_TITLE = 4


def _the_one_program(
    mentions: list[Mention], named: Callable[[Mention], bool]
) -> int | None:
    """The program mention ``named`` accepts, when they all share one name
    (the last of them), or None."""
    programs = {
        m.name: i for i, m in enumerate(mentions) if m.label == "Program" and named(m)
    }
    return next(iter(programs.values())) if len(programs) == 1 else None


def _schools_take_part(
    mentions: list[Mention], program: int, start: int, end: int, rule: str
) -> list[RelationMention]:
    """The schools named between ``start`` and ``end`` take part in ``program``."""
    return [
        RelationMention(i, program, "participatesIn", rule, m.sentence, m.status)
        for i, m in enumerate(mentions)
        if m.label == "School" and start <= m.start and m.end <= end
    ]


#: 附件：2024年义务教育“强校提质”行动重点扶持学校名单: an annex's title over
#: a list of the schools of the one program it names.
_SCHOOLS_LIST_TITLE = re.compile(
    r"^[ \t\u3000]*(?:" + ANNEX_MARK + r"[ \t\u3000]*)?(?P<title>[^\n。；;，,]{4,60}?)"
    r"(?:学校|校|园)(?:[（(]园[）)])?名单" + BRACKET_NOTE + r"?[ \t\u3000]*$",
    re.MULTILINE,
)


def _listed_under_a_programs_title(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """附件：2024年X行动重点扶持学校名单 over a line of schools: each takes part in
    X, the one program the title names, when no honour word (先进, 示范 …)
    follows it (2024年X行动先进学校名单 lists an honour's holders)."""
    out = []
    for title in _SCHOOLS_LIST_TITLE.finditer(text):
        program = _the_one_program(
            mentions,
            lambda m, t=title: t.start("title") <= m.start and m.end <= t.end("title"),
        )
        if program is None:
            continue
        if HONOUR_HEAD.search(text, mentions[program].end, title.end("title")):
            continue
        out += _listed_take_part(
            text, title.end() + 1, mentions, program, "participates.program-list"
        )
    return out


#: 2023年新确定托管关系3对，名单如下：— a lead whose list below names the
#: schools of its paragraph's program; so does one ending on the schools
#: (在各镇遴选首批培育学校：) or saying they follow (在以下学校开展X试点，…：).
_FOLLOWS_BELOW = re.compile(r"(?:如下|学校|校|园)?[：:]\s*$", re.MULTILINE)
_SCHOOLS_BELOW = re.compile(
    r"(?:以下|下列)(?:\d+|[一二三四五六七八九十]+)?[所个家]?(?:学校|单位|幼儿园)"
    r"|遴选[^，,。；;]{0,10}(?:学校|校|园)"
)


def _listed_below_a_programs_lead(
    text: str, mentions: list[Mention], cues: tuple[str, ...]
) -> list[RelationMention]:
    """深入实施“名校托管”工程…。新确定托管关系3对，名单如下：\n1.A——B: the
    schools listed take part in the one program of the lead's paragraph, when
    the lead says how (托管, 结对 …)."""
    out = []
    for lead in _FOLLOWS_BELOW.finditer(text):
        line_start = text.rfind("\n", 0, lead.start()) + 1
        sentence = text[sentence_start(text, lead.start()) : lead.start()]
        if not lead.group().startswith(("如下", "学校", "校", "园")) and not (
            _SCHOOLS_BELOW.search(sentence)
        ):
            continue
        lead_start = lead.start()
        program = _the_one_program(
            mentions, lambda m, a=line_start, b=lead_start: a <= m.start < b
        )
        if program is None or not any(cue in sentence for cue in cues):
            continue
        out += _listed_take_part(
            text, lead.end() + 1, mentions, program, "participates.listed-below"
        )
    return out


def _listed_take_part(
    text: str, line_end: int, mentions: list[Mention], program: int, rule: str
) -> list[RelationMention]:
    """The schools of the list below the line ending at ``line_end`` take part
    in ``program``."""
    block = list_block(text, line_end)
    if block is None:
        return []
    return [
        r
        for row in _pilot_rows(text, *block)
        for r in _schools_take_part(mentions, program, *row, rule)
    ]


#: 其中，X试点校为：A、B；— a pilot's part named in prose over the schools.
_PILOTS_PART_IS = re.compile(
    PROSE_LIST_LEAD + r"“?(?P<pilot>[^：:，,。；;\n]{4,30}?(?:试点|实验))”?"
    r"(?:学校|校|园)(?:分别)?(?:为|是)[：:]"
)


def _listed_after_a_pilots_part(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """其中，X试点校为：A、B: the schools listed after take part in the one
    program the part names."""
    out = []
    for part in _PILOTS_PART_IS.finditer(text):
        program = _the_one_program(
            mentions,
            lambda m, p=part: (
                p.start("pilot") <= m.start < m.end <= p.end("pilot") + 1
                # named in the sentence before (为2所“X试点校”授牌): the same name
                or m.name == p.group("pilot")
            ),
        )
        if program is None:
            continue
        end = _LIST_STATEMENT_END.search(text, part.end())
        stop = end.start() if end else len(text)
        out += _schools_take_part(
            mentions, program, part.end(), stop, "participates.part-listed"
        )
    return out


_LIST_STATEMENT_END = re.compile("[。；;\n]")


#: 公布了X试点校名单，我市A、B等11所学校榜上有名: the schools on the list.
_PUBLISHED_PILOT_LIST = re.compile(
    PUBLISHED_PILOT_LIST + r"[，,。]\s*"
    r"(?P<units>[^。；;！？!?\n]{2,300}?)(?:均|全部|成功|同时)?"
    r"(?:榜上有名|入选|上榜|名列其中|位列其中)"
)


def _on_a_published_pilot_list(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """省教育厅公布了X试点校名单，我市A、B等11所学校榜上有名: each school on
    the list takes part in the pilot X."""
    out = []
    for match in _PUBLISHED_PILOT_LIST.finditer(text):
        program = _the_one_program(
            mentions, lambda m, g=match: g.start(1) <= m.start < m.end <= g.end(1)
        )
        if program is not None:
            out += _schools_take_part(
                mentions,
                program,
                match.start("units"),
                match.end("units"),
                "participates.published-list",
            )
    return out


#: 二、X试点学校拟确定名单（20所）, 五、“X”阅读推广项目学校（6所）: a heading
#: over the schools of a pilot, a project or an experiment; a list title, or
#: numbered or counted.
_PILOT_LIST_HEADING = re.compile(
    r"^[ \t]*(?P<numbered>" + NUMBER_MARK + r")?[ \t]*"
    r"(?:" + ANNEX_MARK + r"[ \t]*)?"
    r"(?P<pilot>\S{2,40}?(?:试点|项目|实验|基地|建设|工程))(?:(?:学校|校|园)"
    # X试点学校（第一批）名单: the batch before the list's title
    # X试点学校拟立项名单: the schools a pilot takes on
    r"(?P<title>(?:[（(][^（）()\n]{1,8}[）)])?(?:拟?(?:确定|认定|入选|推荐|立项)|拟定)?名单)?"
    # 第三批X试点拟立项名单: a list of the units a pilot takes on
    r"|(?P<units>拟?(?:立项|确定|认定|入选)(?:单位|学校)?名单)"
    # 一、江苏省普通高中课程基地（10个）: the projects themselves, counted
    r"|(?<=[目地程]))"
    r"[ \t]*(?P<count>" + BRACKET_NOTE + r")?[ \t]*$",
    re.MULTILINE,
)


def _listed_under_a_pilots_heading(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """二、曲靖市X试点学校拟确定名单（20所）\n（一）高中阶段（5所）：A、B: the
    schools listed under a heading naming a pilot the report names as a
    program take part in it."""
    out = []
    for heading in _PILOT_LIST_HEADING.finditer(text):
        if (
            not heading.group("title")
            and not heading.group("units")
            and not (heading.group("numbered") and heading.group("count"))
        ):
            continue  # a line of prose ending in 试点学校
        pilot = re.sub('[“”"]', "", heading.group("pilot"))
        # 南海区第二批中小学X试点 is the 南海区中小学X试点 the lead named
        pilot = _BATCH_WORD.sub("", pilot)
        programs: dict[str, int] = {}
        for i, m in enumerate(mentions):
            # 九江市义务教育“领航学校”培育项目: the quoted part may be the name
            if m.label == "Program" and m.name in pilot:
                programs.setdefault(m.name, i)
        longest = max(programs, key=len, default="")
        if not longest or not all(name in longest for name in programs):
            continue  # none, or two pilots (中小学X试点 in 四平市中小学X试点 is one)
        program = programs[longest]
        out += _listed_take_part(
            text, heading.end() + 1, mentions, program, "participates.pilot-list"
        )
    return out


_BATCH_WORD = re.compile(BATCH_MARK)


#: 二、试点学校（30所）: a heading over a pilot's schools that names no pilot.
_BARE_PILOT_HEADING = re.compile(
    r"^[ \t]*" + NUMBER_MARK + r"?[ \t]*" + BARE_PART_LIST + r"(?:名单)?[ \t]*"
    r"(?:[（(]\s*(?:共\s*)?\d+\s*所[）)]|[（(][^（）()\n]{0,20}[）)])?[：:]?[ \t]*$",
    re.MULTILINE,
)


def _listed_under_a_bare_pilot_heading(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """拟认定A等30所学校为“X试点学校” … 二、试点学校（30所）\n渭滨区（5所）：
    A、B: the schools listed take part in the one pilot the text before names
    with its schools."""
    out = []
    for heading in _BARE_PILOT_HEADING.finditer(text):
        heading_start = heading.start()
        program = _the_one_program(
            mentions,
            lambda m, h=heading_start: (
                m.start < h
                and m.name.endswith(("试点", "项目", "行动", "计划", "工程"))
                and _named_with_its_schools(text, m.name, 0, h)
            ),
        )
        if program is None:
            continue
        out += _listed_take_part(
            text, heading.end() + 1, mentions, program, "participates.pilot-list"
        )
    return out


def _named_with_its_schools(text: str, program: str, start: int, end: int) -> bool:
    """``text[start:end]`` writes the program with its schools (X试点学校,
    X第二批项目学校)."""
    return (
        re.compile(re.escape(program) + _WITH_ITS_SCHOOLS).search(text, start, end)
        is not None
    )


_WITH_ITS_SCHOOLS = (
    r"[”\"]?" + BATCH_MARK + "?"
    r"(?:项目学校|试点学校|实验学校|项目校|试点校|实验校|学校|校)"
)


#: 入选学校分别是：, 本批入选的7所学校是：A、B — a lead over (or before, on its
#: line) the schools chosen for what the paragraph before it names.
_CHOSEN_LEAD = re.compile(
    r"^[ \t]*(?:本批|此次|本次|首批|新)?(?:入选|试点|项目|参与)的?"
    r"(?:[0-9一二三四五六七八九十]+所)?(?:学校|校)(?:名单)?"
    r"(?:分别是|分别为|是|为|如下|包括)[：:][ \t]*",
    re.MULTILINE,
)
#: How far back the paragraph naming the pilot may start.
_CHOSEN_LEAD_REACH = 400


def _chosen_below_a_pilots_paragraph(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """…公布X试点学校名单…我区16所学校榜上有名。\n入选学校分别是：\nA、B (or
    本批入选的7所学校是：A、B): the schools listed take part in the one pilot
    the paragraph before names with its schools (X试点学校)."""
    out = []
    for lead in _CHOSEN_LEAD.finditer(text):
        floor, at = max(0, lead.start() - _CHOSEN_LEAD_REACH), lead.start()
        program = _the_one_program(
            mentions,
            lambda m, a=floor, b=at: (
                a <= m.start < b and _named_with_its_schools(text, m.name, a, b)
            ),
        )
        if program is None:
            continue
        line_end = text.find("\n", lead.end())
        line_end = len(text) if line_end < 0 else line_end
        rule = "participates.chosen-list"
        if text[lead.end() : line_end].strip():
            out += _schools_take_part(mentions, program, lead.end(), line_end, rule)
        else:
            out += _listed_take_part(text, line_end + 1, mentions, program, rule)
    return out


#: A batch (首批) and a school's part in a program (试点学校, 项目校 …).
_BATCH = r"(?:首批|第[一二三四五六七八九十]批)?"
_SCHOOL_PARTS = "|".join(
    sorted(
        {
            *("参与学校", "试点学校", "试点校", "项目学校", "项目校"),
            *("实验学校", "实验校", "基地校", "成员校"),
            # 其中A、B作为示范基地校作交流发言: the model ones of the base schools
            *("示范基地校", "示范基地学校"),
            # 首批结对学校为：A与B: the pairs of a pairing scheme
            *("结对学校", "结对校"),
            *load_lexicon().participation_designations,
        },
        key=lambda w: (-len(w), w),
    )
)
#: 成为首批参与学校, 被确定为试点校: a school's part in a program the
#: sentence does not name.
#: 为综合素质评价改革试点校: a designation naming a pilot in words of its own.
_DESIGNATED_AGAIN = re.compile(
    r"(?:确定为|作为|列为|为)(?P<stem>[\u4e00-\u9fff]{2,16}?)(?:试点|实验)(?:学校|校|园)"
)
_BASE_SCHOOLS = (
    r"(?:(?:该|此)(?:工程|项目|计划|行动)|[\u4e00-\u9fff]{2,10}?(?:实践|示范|研学))"
    r"基地(?:学校|校)"
)
_BASE_DESIGNATION = re.compile("作为" + _BASE_SCHOOLS)
_BARE_DESIGNATION = re.compile(
    r"(?:成为|确定为|作为|列为|遴选为|入选|纳入|为)(?:工程|项目|计划|行动|改革)?"
    # 作为临沂市首批试点学校: the place that chose them
    + r"(?:[\u4e00-\u9fff]{2,6}?[省市县区州旗](?=首批|第[一二三四五六七八九十]批))?"
    # 作为市级试点校: the level that chose them
    + r"(?:(?:国家|省|市|县|区)级)?"
    + _BATCH
    # 作为首批实践基地校: a qualified part after the batch
    + r"(?:(?<=批)[\u4e00-\u9fff]{1,4}?)?"
    + rf"(?:{_SCHOOL_PARTS}|实施学校)"
    + r"(?![\u4e00-\u9fff]*(?:名单|称号))"
    # 作为该工程示范基地校, 作为红色研学实践基地校: the bases of a program
    # the paragraph ran, described in words of their own
    + r"|作为"
    + _BASE_SCHOOLS
)


#: 重点培育, 扶持: a sentence opening with a verb that a program's name may
#: hold (培育计划), whose objects are then that program's schools.
_PROGRAMS_OWN_VERB = re.compile(
    r"\s*(?:重点|着力|优先|首批)?(?P<verb>培育|扶持|支持|打造|创建|遴选)"
)
#: 项目学校包括：A、B; 首批试点学校为A、B: the schools after the designation.
_DESIGNATION_LEAD = re.compile(
    # 2022年确定的首批8所实验校为: when and how they were chosen, how many
    r"\s*(?:(?:19|20)\d{2}年度?)?(?:[\u4e00-\u9fff]{1,4}?的)?"
    + _BATCH
    + r"(?:[0-9一二三四五六七八九十两]{1,3}所)?"
    + rf"(?:{_SCHOOL_PARTS})"
    + r"(?:分别)?(?:包括|为|是|有|名单)[：:]?"
)


#: 四是…: a sentence opening a new task of a prose enumeration (numbered
#: lines, 1.以A为牵头校…, may list one scheme's groups).
_ITEM_OPENING = re.compile(r"\s*[一二三四五六七八九十]+是")
#: Sentences looked back over for the pilot a lead of its schools is of.
_PILOT_REACH = 3
_GROUPING_SCHEMES = load_lexicon().grouping_schemes
_GROUPING_CUES = load_lexicon().grouping_cues
#: Sentences looked back over for the grouping scheme of a run of groupings.
_GROUPING_SENTENCES = 4


def _item_title_programs(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    sentence: int,
    by_sentence: dict[int, list[int]],
) -> tuple[int, list[int]]:
    """The first sentence of ``sentence``'s line and its programs, when that
    sentence is a numbered item's title (（四）实施X工程。); else (-1, [])."""
    first = sentence
    while first > 0 and "\n" not in text[sentences[first - 1][1] : sentences[first][0]]:
        first -= 1
    if first == sentence or not _ITEM_TITLE.fullmatch(text, *sentences[first]):
        return -1, []
    return first, _programs_of(mentions, by_sentence, first)


def _programs_of(
    mentions: list[Mention], by_sentence: dict[int, list[int]], sentence: int
) -> list[int]:
    return [i for i in by_sentence.get(sentence, ()) if mentions[i].label == "Program"]


#: 城乡学校“领雁工程”: how far before a program its words may say it groups
#: schools.
_SCHEME_LEAD = 6


def _grouped_under(
    text: str,
    mentions: list[Mention],
    start: int,
    end: int,
    schools: list[int],
    program: int,
    continued: bool = False,
) -> list[RelationMention]:
    """深化“名校+”集团化办学改革。以A为龙头，联合B、C组建…: a sentence that
    groups schools right after a grouping scheme puts them in it; so does a
    later group of its list (``continued``: 乙镇：C；)."""
    scheme = text[
        max(0, mentions[program].start - _SCHEME_LEAD) : mentions[program].end + 8
    ]
    if not any(word in scheme for word in _GROUPING_SCHEMES):
        return []
    if (len(schools) < 2 and not continued) or not any(
        cue in text[start:end] for cue in _GROUPING_CUES
    ):
        return []
    return [
        RelationMention(
            school,
            program,
            "participatesIn",
            "participates.grouped-after",
            mentions[school].sentence,
            mentions[school].status,
        )
        for school in schools
        if not _PEOPLE_AFTER.match(text, mentions[school].end)
    ]


#: 2.实施“小而优”培育计划。: a plan's item titled by its one program.
_ITEM_TITLE = re.compile(
    r"\s*(?:" + NUMBER_MARK + r"|[一二三四五六七八九十]+是)"
    r"[^，,；;。]{2,40}[。；;]?"
)


def _item_body_takes_part(
    text: str,
    mentions: list[Mention],
    schools: list[int],
    program: int,
    cues: tuple[str, ...],
) -> list[RelationMention]:
    """2.实施“小而优”培育计划。在A、B等6所学校先行试点: the schools of the
    item's body whose clause says they take part are the title program's."""

    def says_it_takes_part(school: int) -> bool:
        start, end = clause_of(text, mentions[school].start)
        return any(cue in text[start:end] for cue in cues) and not (
            _PEOPLE_AFTER.match(text, mentions[school].end)
        )

    return [
        RelationMention(
            school,
            program,
            "participatesIn",
            "participates.item-body",
            mentions[school].sentence,
            mentions[school].status,
        )
        for school in schools
        if says_it_takes_part(school)
    ]


#: 乙镇：, 五常市：— a group's label opening a later piece of a list.
_GROUP_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,8}[：:]")


#: Lines read for a story's headline.
_HEADLINE_LINES = 3


def _headline_pilot(text: str, mentions: list[Mention]) -> list[int]:
    """崇礼区启动“X行动”　12所中小学成为首批试点校: the programs a headline
    (one of the first lines, no sentence) names where it says schools became
    its pilot schools."""
    pos = 0
    for _ in range(_HEADLINE_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if "。" not in line and re.search("试点(?:学校|校)", line):
            return [
                i
                for i, m in enumerate(mentions)
                if m.label == "Program" and pos <= m.start and m.end <= end
            ]
        pos = end + 1
    return []


def _designated_for_the_program_before(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    sentence: int,
    schools: list[int],
    by_sentence: dict[int, list[int]],
    cues: tuple[str, ...],
) -> list[RelationMention]:
    """今年启动“X”计划。A、B成为首批参与学校: the schools named before the
    designation take part in the one program of the sentence before."""
    start, end = sentences[sentence]
    designation = _BARE_DESIGNATION.search(text, start, end)
    lead = _DESIGNATION_LEAD.match(text, start) if designation is None else None
    first = sentence
    while (
        first > 0
        and _GROUP_LABEL.match(text, sentences[first][0])
        and text[: sentences[first][0]].rstrip().endswith(("；", ";"))
    ):
        # 成员校按乡镇划分：甲镇：A、B；乙镇：C；— the later groups go on the
        # sentence that began the grouping
        first -= 1
    grouped_from = sentences[first][0]
    if _ITEM_OPENING.match(text, grouped_from):
        # 三是开展“X”…。四是推进集团化办学，组建A、B等教育集团: a new item
        # says what its schools are in itself
        return []
    earlier = first - 1
    before = _programs_of(mentions, by_sentence, earlier)
    while not before and earlier > 0 and first - earlier < _GROUPING_SENTENCES:
        # 以A为龙头…；以B为龙头…: a run of grouping sentences after the scheme
        e_start, e_end = sentences[earlier]
        if not any(cue in text[e_start:e_end] for cue in _GROUPING_CUES):
            break
        earlier -= 1
        before = _programs_of(mentions, by_sentence, earlier)
    titled = False
    if len({mentions[i].name for i in before}) != 1 and lead is not None:
        # （九）启动“X”试点。在区内遴选学校先行先试。第一批试点校为A、B: the
        # item's title names the program the later designation is for
        earlier, before = _item_title_programs(
            text, mentions, sentences, sentence, by_sentence
        )
        titled = True
    if len({mentions[i].name for i in before}) != 1 and lead is not None:
        # X试点工作启动会…。…为首批12所试点学校授牌。首批试点学校分别为：A、B
        # — the pilot a sentence shortly before named
        kind = next((k for k in ("试点", "项目") if k in lead.group()), "")
        for back in range(first - 1, max(-1, first - 1 - _PILOT_REACH), -1):
            named = [
                i
                for i in _programs_of(mentions, by_sentence, back)
                if kind and mentions[i].name.endswith(kind)
            ]
            if named:
                earlier, before, titled = back, named, True
                break
    if (
        len({mentions[i].name for i in before}) != 1
        and designation is not None
        and _BASE_DESIGNATION.match(designation.group())
    ):
        # 深入实施“X”行动。依托…。A、B作为红色研学实践基地校: the one program
        # a sentence shortly before in the paragraph ran
        paragraph = text.rfind("\n", 0, start) + 1
        for back in range(first - 1, max(-1, first - 1 - _PILOT_REACH), -1):
            if sentences[back][0] < paragraph:
                break
            named = _programs_of(mentions, by_sentence, back)
            if named:
                if len({mentions[i].name for i in named}) == 1:
                    earlier, before, titled = back, named, True
                break
    if (
        len({mentions[i].name for i in before}) != 1
        and designation is not None
        and "试点" in designation.group()
    ):
        # 关于X试点工作进展情况的报告 … 将A、B确定为区级试点学校: the pilot the
        # report's title is on
        title_end = text.find("\n")
        in_title = [
            i
            for i, m in enumerate(mentions)
            if m.label == "Program" and m.end <= title_end and m.name.endswith("试点")
        ]
        if len({mentions[i].name for i in in_title}) != 1:
            # 确定以下8所学校为“智慧课堂”首批试点学校 … C、D作为第二批试点学校:
            # the one pilot the report names
            in_title = [
                i
                for i, m in enumerate(mentions)
                if m.label == "Program" and m.end <= start and "试点" in m.name
            ]
        if len({mentions[i].name for i in in_title}) != 1:
            in_title = _headline_pilot(text, mentions)
        if len({mentions[i].name for i in in_title}) == 1:
            earlier, before, titled = 0, in_title, True
    if len({mentions[i].name for i in before}) != 1:
        return []
    program = before[-1]
    if designation is None and lead is None:
        # 推行“X”综合素质评价改革。确定A、B为综合素质评价改革试点校: a pilot
        # the program's own words name
        again = _DESIGNATED_AGAIN.search(text, start, end)
        if again is not None and mentions[program].name.endswith(again.group("stem")):
            designation = again
    if designation is None and lead is None:
        # 实施“新优质学校”培育计划。重点培育A、B等8所学校: the schools the
        # program's own verb takes
        own = _PROGRAMS_OWN_VERB.match(text, start)
        if own is not None and own.group("verb") in mentions[program].name:
            lead = own
    grouping_run = all(
        any(cue in text[slice(*sentences[between])] for cue in _GROUPING_CUES)
        for between in range(earlier + 1, first)
    )
    if (
        earlier < first - 1
        and not titled
        and not grouping_run
        and (designation is not None or lead is not None)
    ):
        # a designation speaks of the sentence right before only, or of the
        # scheme a run of grouping sentences describes (实施X。组织A与B结对。
        # 首批结对学校为：…)
        return []
    if designation is None and lead is None:
        grouped = _grouped_under(
            text, mentions, grouped_from, end, schools, program, first < sentence
        )
        if earlier == sentence - 1 and _ITEM_TITLE.fullmatch(text, *sentences[earlier]):
            # 一、深化“X”建设 over A牵头组建…：甲镇：B、C；— the body's schools
            # that say they take part, and those its grouping lists
            body = _item_body_takes_part(text, mentions, schools, program, cues)
            taken = {r.head for r in body}
            return body + [r for r in grouped if r.head not in taken]
        return grouped
    return [
        RelationMention(
            school,
            program,
            "participatesIn",
            "participates.designated-after",
            sentence,
            mentions[school].status,
        )
        for school in schools
        if (
            mentions[school].end <= designation.start()
            if designation is not None
            else mentions[school].start >= lead.end()
        )
    ]


def _participates(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    rules: Rules,
) -> list[RelationMention]:
    """Schools and the program their clause says they take part in."""
    cues = rules.lexicon.participation_cues
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.label in ("School", "Program") and m.end > m.start:
            by_sentence.setdefault(m.sentence, []).append(i)
    out = _listed_under_a_pilot_title(text, mentions)
    out += _listed_below_a_programs_lead(text, mentions, cues)
    out += _listed_under_a_pilots_heading(text, mentions)
    out += _listed_under_a_bare_pilot_heading(text, mentions)
    out += _chosen_below_a_pilots_paragraph(text, mentions)
    out += _listed_under_a_programs_title(text, mentions)
    out += _listed_after_a_pilots_part(text, mentions)
    out += _on_a_published_pilot_list(text, mentions)
    out += _role_lines_take_part(text, mentions)
    out += _grouped_in_a_table(text, mentions, rules)
    out += _programs_in_columns(text, mentions)
    out += _counted_schools_take_part(text, mentions)
    out += _named_among_a_programs_schools(text, mentions)
    out += _roles_in_the_one_scheme(text, mentions)
    for sentence, ids in sorted(by_sentence.items()):
        programs = [i for i in ids if mentions[i].label == "Program"]
        schools = [i for i in ids if mentions[i].label == "School"]
        if schools and not programs:
            out += _designated_for_the_program_before(
                text, mentions, sentences, sentence, schools, by_sentence, cues
            )
        if programs and not schools:
            out += _school_referred_to_takes_part(
                text, mentions, sentences, sentence, programs, by_sentence, cues
            )
        taken: list[RelationMention] = []
        for school in schools if programs else ():
            program = _program_taken_part_in(text, mentions, school, programs, cues)
            if program is None:
                continue
            program = _the_pilot_started_before(
                text, mentions, school, program, by_sentence.get(sentence - 1, [])
            )
            taken.append(
                RelationMention(
                    school,
                    program,
                    "participatesIn",
                    "participates.sentence-cue",
                    sentence,
                    mentions[program].status,
                )
            )
        out += taken + _cores_of_the_partnership(text, mentions, schools, taken)
    # 序号　学校名称　推荐类别 over “X”试点学校 rows: put forward for X, in it
    # only once chosen (decision 1)
    candidates = put_forward_rows(text, rules)
    return [r for r in out if not _within(mentions[r.head], candidates)]


#: 遴选A、B等10所学校开展试点: a pilot its clause does not name.
_BARE_PILOT = re.compile(r"(?:开展|参与|参加|承担|进行|先行)试点(?:工作)?$")


def _the_pilot_started_before(
    text: str, mentions: list[Mention], school: int, program: int, before: list[int]
) -> int:
    """推进“X”试点。遴选A、B开展试点，推广应用Y平台: the schools pilot X, the
    one pilot of the sentence before, not Y of the clause after theirs."""
    start, end = clause_of(text, mentions[school].start)
    if (
        not _BARE_PILOT.search(text, start, end)
        or mentions[program].start < end
        or mentions[program].name.endswith("试点")
    ):
        return program
    pilots = [
        i
        for i in before
        if mentions[i].label == "Program"
        and (
            mentions[i].name.endswith("试点")
            # 推进“数字赋能课堂革命”试点: the quote's program, piloted
            or _PILOTED.match(text, _written_end(text, mentions[i]))
        )
    ]
    return pilots[0] if len({mentions[i].name for i in pilots}) == 1 else program


_PILOTED = re.compile(r"[”\"」』]?试点")


#: 被认定为“X”的学校，同时作为“Y”试点校: the schools the report says hold X.
_HOLDERS_OF = re.compile(
    r"(?:被|获)?(?:认定|命名|评|确定)为[“\"]?(?P<honour>[^”\"，,。；;：:]{4,40}?)"
    r"[”\"]?(?:称号)?的(?:学校|单位|幼儿园|各校)"
)


def _holders_take_part(
    text: str, mentions: list[Mention], found: list[RelationMention]
) -> list[RelationMention]:
    """被认定为“X”的学校，同时作为全市“Y”应用试点校，参与“Z”改革项目: every
    school the report gives X takes part in each program the sentence names
    after it, when the sentence says what part they have."""
    holders: dict[str, list[int]] = {}
    for r in found:
        if r.predicate == "receivedAward" and mentions[r.head].label == "School":
            holders.setdefault(mentions[r.tail].name, []).append(r.head)
    out = []
    for match in _HOLDERS_OF.finditer(text):
        honour = clean_award_name(match["honour"])
        schools = sorted(set(holders.get(honour, ())))
        end = _sentence_end(text, match.end())
        programs = [
            i
            for i, m in enumerate(mentions)
            if m.label == "Program" and match.end() <= m.start < end
        ]
        if len(schools) < 2 or not programs:
            continue
        if not _A_SCHOOLS_PART.search(text, match.end(), end) and not any(
            cue in text[match.end() : end] for cue in ("参与", "承担", "参加")
        ):
            continue
        out += [
            RelationMention(
                school,
                p,
                "participatesIn",
                "participates.holders",
                mentions[p].sentence,
                mentions[p].status,
            )
            for school in schools
            for p in programs
        ]
    return out


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends (at 。！？ or a line break)."""
    found = _SENTENCE_STOP.search(text, pos)
    return found.start() if found else len(text)


_SENTENCE_STOP = re.compile(r"[。！？!?\n]")


#: 两校均为“X”基地校, 上述5所学校作为“X”基地校, 以上3所学校（拟）认定为“X”
#: 试点校 (a published list counts, decision 10): the schools just named,
#: counted, then their part in the program.
#: 两校又被一并纳入“X”工程, 两校共同参与X: counted schools taking part,
#: whatever their part's name.
_COUNTED_SCHOOLS = re.compile(
    r"(?P<back>上述|以上)?(?P<count>[两二三四五六七八九十]|\d{1,2})"
    r"(?:校|所(?:学校|中学|小学|幼儿园|示范学校|示范基地|基地校|试点校))"
    r"(?:均|都|同时|也|还|又|一并|共同|双双)*"
    r"(?:(?P<part>为|作为|是|成为|入选|(?:被|拟)?(?:确定|认定|遴选|选定|列)为)"
    r"|(?:被(?:一并|同时)?)?(?:纳入|列入|参与|参加|承担|加入)了?)"
)
_A_SCHOOLS_PART = re.compile(_SCHOOL_PARTS)


#: 牵头校, 成员园, 领办, 托管, 集团内: a school's role in a group of schools.
_GROUP_ROLE_WORDS = (*_GROUPING_CUES, *load_lexicon().school_group_roles)
#: 集团化办学, 教共体, 托管帮扶: schemes that group schools.
_GROUP_SCHEMES = load_lexicon().school_group_schemes
#: 教育集团, 共同体: a group of schools named as a body.
_GROUP_BODIES = load_lexicon().school_group_bodies
#: ；四是…: a later task of a prose enumeration.
_NEW_TASK = re.compile(r"[；;。]\s*[一二三四五六七八九十]+是")


def _group_kinds(text: str) -> set[str]:
    """The kinds of group of schools ``text`` names as a body (集团, 共同体 …;
    教共体 is a 共同体)."""
    return {
        "共同体" if word == "教共体" else word for word in _GROUP_BODIES if word in text
    }


def _said_with(text: str, m: Mention) -> str:
    """A program's name with the words of its clause just after it (“名校+”
    教育联合体建设)."""
    end = clause_of(text, m.start)[1]
    return text[m.start : min(end, m.end + 8)]


def _roles_in_the_one_scheme(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """深入实施“强校带弱校”集团化办学工程，组建教育集团14个 … A作为牵头校，与B、C
    组建A教育集团; 将D交由A领办: where a report runs one grouping scheme, each
    school its later clauses give a role in a group takes part in it."""
    schemes = {
        m.name: i
        for i, m in enumerate(mentions)
        if m.label == "Program"
        and any(word in _said_with(text, m) for word in _GROUP_SCHEMES)
    }
    # (集团化办学工程 again after “强校带弱校”集团化办学工程: one scheme)
    longest = max(schemes, key=len, default="")
    if not schemes or any(name not in longest for name in schemes):
        return []
    program = schemes[longest]
    said = [m for m in mentions if m.label == "Program" and m.name in schemes]
    kinds = _group_kinds(" ".join(_said_with(text, m) for m in said))
    first = min(m.start for m in said)
    # 实施县中崛起行动，A对口帮扶B: a sentence with a program of its own
    own_programs = {
        p.sentence for p in mentions if p.label == "Program" and p.name not in schemes
    }
    out = []
    for i, m in enumerate(mentions):
        if m.label != "School" or m.start < first:
            continue
        if _NEW_TASK.search(text, first, m.start):
            break  # …；四是推进集团化办学，组建A、B等教育集团: a task of its own
        if m.sentence in own_programs:
            continue
        start, end = clause_of(text, m.start)
        clause = text[start:end]
        bodies = _group_kinds(clause)
        if bodies and bodies.isdisjoint(kinds):
            continue  # a row of a 共同体 list under a 结对帮扶 scheme: another group
        if any(word in clause for word in _GROUP_ROLE_WORDS) and not (
            _PEOPLE_AFTER.match(text, m.end)
        ):
            out.append(
                RelationMention(
                    i,
                    program,
                    "participatesIn",
                    "participates.group-role",
                    m.sentence,
                    m.status,
                )
            )
    return out


#: 试点学校中，, 项目校中: among a program's schools (the clause after names
#: some of them).
_AMONG_THE_SCHOOLS = re.compile(
    r"[”\"]?(?:应用|建设|改革)?(?:试点|项目|实验)(?:学校|校|园)中[，,]"
)


def _named_among_a_programs_schools(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """第一批“数智课堂”应用试点学校中，A、B、C成效显著: the schools the next clause
    names are among the program's pilot schools, so they take part in it."""
    out = []
    for p, m in enumerate(mentions):
        if m.label != "Program":
            continue
        among = _AMONG_THE_SCHOOLS.match(text, _written_end(text, m))
        if among is None:
            among = _AMONG_THE_SCHOOLS.match(text, m.end)
        if among is None:
            continue
        _, end = clause_of(text, among.end())
        out += _schools_take_part(
            mentions, p, among.end(), end, "participates.named-among"
        )
    return out


def _counted_schools_take_part(
    text: str, mentions: list[Mention]
) -> list[RelationMention]:
    """A、B…，两校均为“X”首批基地校; a table of five schools, then 上述5所学校
    作为“X”基地校: each school counted takes part in the one program its
    clause names, when exactly that many schools were named: in the sentence
    (两校), or in it and the paragraph or table just above (上述, 以上)."""
    out = []
    for match in _COUNTED_SCHOOLS.finditer(text):
        count = match["count"]
        n = int(count) if count.isdigit() else _NUMERALS[count]
        _, end = clause_of(text, match.end())
        programs = [
            i
            for i, m in enumerate(mentions)
            if m.label == "Program" and match.end() <= m.start < end
        ]
        if len(programs) != 1 or (
            match["part"] and not _A_SCHOOLS_PART.search(text, match.end(), end)
        ):
            continue  # (两校均为市级文明校园: an honour, no program's part)
        if match["back"]:
            floor = _paragraph_above(text, sentence_start(text, match.start()))
            named = _schools_between(mentions, floor, match.start())
        else:
            # A、B结为对子。2021年，两校又被一并纳入X: the sentence's schools,
            # or those of the nearest sentence before that names any
            named = _counted_schools_before(text, mentions, match.start(), n)
        if n < 2 or len({mentions[i].name for i in named}) != n:
            continue
        program = mentions[programs[0]]
        out += [
            RelationMention(
                school,
                programs[0],
                "participatesIn",
                "participates.counted",
                program.sentence,
                program.status,
            )
            for school in named
        ]
    return out


def _paragraph_above(text: str, pos: int) -> int:
    """The start of the paragraph (or table) above the one holding ``pos``,
    past the blank line between; the start of ``pos``'s own when none is."""
    own = text.rfind("\n\n", 0, pos)
    if own < 0:
        return text.rfind("\n", 0, pos) + 1
    above = text.rfind("\n\n", 0, own)
    return above + 2 if above >= 0 else 0


#: 第一共同体　牵头校：A；成员校：B、C — a line naming a group's schools by
#: their part in it.
_ROLE_LABEL = re.compile(r"(?:牵头|龙头|核心|领衔|成员)(?:学校|校|园)[：:]")
_LINE = re.compile(r"^.*$", re.MULTILINE)
#: Lines (headings) looked back over, from a role line, for the program its
#: groups are of; blank lines and the other groups' lines are not counted.
_ROLE_LINES_REACH = 3


def _role_lines_take_part(text: str, mentions: list[Mention]) -> list[RelationMention]:
    """决定实施X。现将名单公布如下：\n一、小学共同体\n第一共同体　牵头校：A；成员校：
    B、C: the schools of a role line take part in the one program named on the
    closest line above that names one (headings, blank lines and other role
    lines between), not in an honour (先进牵头校：A). So do the rows of a table
    whose header names the schools' roles (帮扶学校　受援学校)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    programs = [(m.start, i) for i, m in enumerate(mentions) if m.label == "Program"]
    out = []
    n = 0
    while n < len(lines):
        start, end = lines[n]
        header = _ROLE_HEADER.fullmatch(text, start, end)
        if header is not None:
            rows = _role_table_rows(text, lines, n, len(header.group().split()))
            program = _program_above(text, mentions, programs, lines, n, start)
            if program is None:
                # 签订城乡教育共同体结对帮扶协议 over a news item's 帮扶学校
                # 受援学校 table: the scheme the item is about
                program = _the_one_program(
                    mentions, lambda m, e=lines[0][1]: m.end <= e
                )
            if program is None:
                program = _program_of_roles(mentions, programs, header.group(), start)
            if program is not None and rows:
                out += _schools_take_part(
                    mentions, program, rows[0], rows[1], "participates.role-table"
                )
            n += 1
            continue
        role = _ROLE_LABEL.search(text, start, end)
        if role is not None and not HONOUR_HEAD.search(text, start, end):
            program = _program_above(text, mentions, programs, lines, n, role.start())
            if program is not None:
                out += _schools_take_part(
                    mentions, program, role.start(), end, "participates.role-line"
                )
        n += 1
    return out


def _program_above(
    text: str,
    mentions: list[Mention],
    programs: list[tuple[int, int]],
    lines: list[tuple[int, int]],
    n: int,
    stop_at: int,
) -> int | None:
    """The one program named on the closest line above line ``n`` (or on it,
    before ``stop_at``) that names one, past blank lines, other role lines and
    a few headings; None when that line names two."""
    end = lines[n][1]
    passed = 0  # lines passed that are neither blank nor a group's
    for above in range(n, -1, -1):
        above_start, above_end = lines[above]
        if above_end < end and (
            _ROLE_LABEL.search(text, above_start, above_end)
            or not text[above_start:above_end].strip()
        ):
            continue  # the group before, or a gap: the program is further up
        stop = stop_at if above_end == end else above_end
        if text.count("。", above_start, stop) > 1:
            # a paragraph: a program it names in passing (依托X平台实现共享)
            # is not the one the groups below are of
            return None
        named = {mentions[i].name: i for at, i in programs if above_start <= at < stop}
        if len(named) > 1:
            return None  # two programs: which one the groups are of is not said
        if named:
            return named.popitem()[1]
        passed += above_end < end
        if passed > _ROLE_LINES_REACH:
            return None
    return None


def _program_of_roles(
    mentions: list[Mention], programs: list[tuple[int, int]], header: str, pos: int
) -> int | None:
    """The one program before ``pos`` whose name holds a role's stem (帮扶 of
    帮扶学校 in X结对帮扶行动), when two are named together above."""
    stems = {_ROLE_STEM.sub("", cell) for cell in header.split()}
    named = {
        mentions[i].name: i
        for at, i in programs
        if at < pos and any(stem and stem in mentions[i].name for stem in stems)
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _role_table_rows(
    text: str, lines: list[tuple[int, int]], n: int, width: int
) -> tuple[int, int] | None:
    """The span of the rows under the role header at line ``n``: each as many
    cells as the header, up to the first line that is not."""
    first = last = None
    for start, end in lines[n + 1 :]:
        if len(text[start:end].split()) != width:
            break
        first = start if first is None else first
        last = end
    return None if first is None else (first, last)


#: 帮扶学校　受援学校, 托管学校　受托学校: a table header naming each column's
#: schools by their part in a pairing.
_ROLE_HEADER = re.compile(
    r"[ \t\u3000]*(?:序号[ \t\u3000]+)?"
    r"(?:(?:帮扶|受援|结对|托管|受托|牵头|成员|支教|对口)(?:学校|校|园)"
    r"[ \t\u3000]*){2,}"
)
_ROLE_STEM = re.compile(r"(?:学校|校|园)$")


#: 该校是…, 2023年，该校入选…: a sentence opening on the school named before.
_OPENS_ON_THIS_SCHOOL = re.compile(
    r"\s*(?:[^，,。；;]{0,12}[，,])?(?:"
    r"(?P<this>(?:该|此|这所|我|本)(?:学校|校|幼儿园|园))"
    # 2022年，学校入选…, 学校还积极参与…: 学校 opening its clause (not
    # 学校教师参加…, its people)
    r"|(?:学校|幼儿园)(?![\u4e00-\u9fff]{0,2}(?:" + _SCHOOLS_PEOPLE + ")))"
)


def _school_referred_to_takes_part(
    text: str,
    mentions: list[Mention],
    sentences: tuple[tuple[int, int], ...],
    sentence: int,
    programs: list[int],
    by_sentence: dict[int, list[int]],
    cues: tuple[str, ...],
) -> list[RelationMention]:
    """随后来到A中学。该校是“X”行动首批试点学校: the one school the sentence
    before named takes part in the sentence's first program, when a cue of
    taking part follows 该校."""
    start, end = sentences[sentence]
    this = _OPENS_ON_THIS_SCHOOL.match(text, start, end)
    if this is None or sentence == 0:
        return []
    program = next((p for p in programs if mentions[p].start >= this.end()), None)
    if program is None:
        return []
    clause_end = _clause_end(text, mentions[program].end, end)
    if not any(cue in text[this.end() : clause_end] for cue in cues):
        return []
    before = [
        i for i in by_sentence.get(sentence - 1, []) if mentions[i].label == "School"
    ]
    if not before:
        # the school the paragraph, the page's writer (我校) or the story's
        # title names
        before = (
            (
                (this.group("this") or "").startswith(("我", "本"))
                and _contributing_school(text, mentions)
            )
            or _paragraph_school(text, mentions, start)
            or _title_school(text, mentions, start)
        )
    if len({mentions[i].name for i in before}) != 1:
        return []  # none named, or two: which is meant is not said
    return [
        RelationMention(
            before[-1],
            program,
            "participatesIn",
            "participates.school-referred-to",
            sentence,
            mentions[program].status,
        )
    ]


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the clause holding ``pos`` ends (before ，；。), at most ``end``."""
    found = PROSE_MARK.search(text, pos, end)
    return found.start() if found else end


#: 以A、B为核心校，与C、D组建X: the schools a partnership is built around.
_CORE_ROLE = re.compile(
    r"为(?:核心校|核心学校|核心园|龙头|龙头学校|牵头校|牵头学校|领衔校)"
)


def _cores_of_the_partnership(
    text: str, mentions: list[Mention], schools: list[int], taken: list[RelationMention]
) -> list[RelationMention]:
    """以A、B为核心校，与C、D组建“X”: A and B take part in the one program the
    sentence's other schools take part in."""
    programs = {r.tail for r in taken}
    if len(programs) != 1:
        return []
    (program,) = programs
    done = {r.head for r in taken}
    out = []
    for school in schools:
        m = mentions[school]
        if school in done:
            continue
        role = _CORE_ROLE.search(text, m.end, m.end + 80)
        lead = text.rfind("以", max(0, m.start - 60), m.start)
        if (
            role is None
            or lead < 0
            # 以A、B为核心校: the school is an item of the list 以 opens
            or PROSE_MARK.search(text, lead, m.start)
            or PROSE_MARK.search(text, m.end, role.start())
        ):
            continue
        out.append(
            RelationMention(
                school,
                program,
                "participatesIn",
                "participates.core-school",
                m.sentence,
                mentions[program].status,
            )
        )
    return out
