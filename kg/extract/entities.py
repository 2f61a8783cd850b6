"""Rule-based entity mentions: regions, bureaus, schools, programs, awards, documents.

Each finder reads the cleaned text with the jieba token boundaries of the
spaCy ``Doc`` and returns candidate spans; the arbiter component settles
overlaps (awards and documents first, then longer names) and resolves names
that depend on the report's context (区教育局 → the publisher).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial

from ..regions import (
    RegionIndex,
    load_region_index,
    plain_township_name,
    short_form,
)
from ..resources import Lexicon, load_lexicon
from ..types import RegionRef
from .headings import ANNEX_MARK, BATCH_MARK, BRACKET_NOTE, NUMBER_MARK
from .levels import SCOPE_PREFIX, agent_level
from .rules import Rules, WordMatcher

_LEX = load_lexicon()


def _alt(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` in table order (escaped)."""
    return "|".join(map(re.escape, words))


__all__ = [
    "ZONE_COMMITTEES",
    "AwardStatement",
    "Candidate",
    "TextView",
    "drop_regions_in_media",
    "find_award_statements_all",
    "find_bureaus",
    "find_committee_zones",
    "find_documents",
    "find_listed_programs",
    "find_named_zones",
    "find_organizations",
    "find_programs",
    "find_quoted",
    "find_regions",
    "find_schools",
    "find_suffix_awards",
    "find_unlisted_towns",
    "find_unresolved_area",
    "find_zones",
    "is_bare_part",
    "part_in_quoted_program",
    "resolve_overlaps",
    "with_inner_mentions",
]

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: A word that makes a name an honour (先进, 优秀, 示范 …; lexicon/honour_heads.txt).
HONOUR_HEAD = re.compile(_alt(_LEX.honour_heads))
#: 非示范性: the opposite of an honour, a kind.
NEGATED_HONOUR = re.compile("非(?:" + HONOUR_HEAD.pattern + ")")
_GRADED_LEVEL = re.compile(
    "^(?:" + _alt(tuple(w for w in _LEX.level_words if w.endswith("级"))) + ")"
)
_REGION_END = re.compile(r"(?:[省市县区旗镇乡]|街道)$")
#: 全区, 我县, 本市: the area spoken of, no place's name.
_AREA_PRONOUN = re.compile(r"[全我本各该][省市县区旗州盟镇乡]")
_CONJUNCTIONS = frozenset("和与及或同")
# Coverbs that open no place name in the division list (为/给/被/以, unlike 对江镇):
# glued by jieba's HMM onto an unknown name (为杏店), only a 3+ character word.
_GLUED_COVERBS = frozenset("为给被以")
# 小学化, 小学生, 中学段, 项目式(学习): the suffix word is part of a longer
# common word.
_NOT_A_NAME_AFTER = frozenset("化生段式")
_DIVISION_ENDS = "省市区县旗州盟镇乡"
_STAGE_AFTER = re.compile(r"阶段|组(?![织建成团合长队])")
#: 初中数学名师工作室: the subject and studio a stage word opens.
_STUDIO_AFTER = re.compile(r"([\u4e00-\u9fff]{1,8}?)(?:名师|名校长|名班主任)?工作室")


def _studio_named_by_its_stage(text: str, end: int) -> bool:
    """刘晓燕初中|数学名师工作室: the stage word names the studio's subject, no
    school; 第三中学|祁永福名校长工作室: the school hosts its head's studio."""
    studio = _STUDIO_AFTER.match(text, end)
    if studio is None:
        return False
    return studio.group(1).startswith(_LEX.teaching_subjects)


# A quoted name followed by a short head ending in a program word
# (“五问五破”作风建设专项行动, “陇原名师”培育工程) names a program.
#: Matched at the quote's end (``match(text, pos)``: no ``^``).
_FOLLOWER = re.compile(
    # “石榴籽”民族团结进步教育工程: up to eight characters before the head,
    # none a 的 (“X”背景下的…行动 names no scheme)
    # (“精准教学”区域教改实验: an experiment in reform, no lab's experiment)
    r"[^的\W\d][^的\W\d]{0,7}?(?:"
    + _alt((*_LEX.program_heads, "教改实验", "改革实验"))
    + ")"
)
#: “岗课赛证”综合育人试点, “手拉手”结对共建; not …试点项目, the longer name
#: the suffix reads.
_QUOTE_HEAD = re.compile(
    r"(?:[^的\W\d][\u4e00-\u9fff]{0,4}?)?(?:"
    + _alt(_LEX.program_quote_heads)
    + r")(?![\u4e00-\u9fff]{0,4}(?:"
    + _alt(_LEX.program_suffixes)
    + "))"
)
#: 后备人才培养试点 right after “X计划”: a pilot run under the quoted program.
_PILOT_OF_A_PROGRAM = re.compile(r"[^的\W\d]{2,10}?试点(?![\u4e00-\u9fff])")
#: 一对一, 一校一策: a formula of how, no program's name.
_FORMULA = re.compile(
    "[一二三四五六七八九十两][\u4e00-\u9fff][一二三四五六七八九十两][\u4e00-\u9fff]?"
)
_QUOTE_TOKENS = frozenset({"“", "”", "‘", "’", "「", "」"})
#: A closing quote, then a school's part in the quoted program, maybe with a
#: year, level or batch between: “AI课堂”全国项目学校, “X”省级实验校, “X”首批试点校,
#: “X”2024年度项目园.
_QUOTED_THEN = (
    r"[”\"」』](?:工程|计划|行动)?(?:(?:19|20)\d\d年度?)?"
    r"(?:全国|国家级|省级|市级|县级|区级|首批|第[一二三四五六七八九十]批)?"
)
_PART_DESIGNATIONS = (
    "(?:"
    + _alt(
        tuple(
            sorted(
                _LEX.quoted_participation_designations
                + _LEX.participation_designations,
                key=len,
                reverse=True,
            )
        )
    )
    + ")"
)
#: 实施“X工程”，A被确定为首批示范校: a bare model-school part, the program
#: the sentence named before it chose the school (participatesIn, no honour).
PROGRAMS_MODEL_SCHOOL = re.compile(
    r"(?:确定|列|命名|遴选)为(?:首批|第[一二三四五六七八九十]批)?示范(?:学校|校|园)"
    r"(?=$|[，,。；;])"
)
#: “双优”建设计划|项目学校: the rest of the program's name after its quote,
#: before the school's part in it (a pilot keeps its quote's name: “智慧课堂”
#: 应用试点校 is 智慧课堂's).
_PROGRAM_RUN_ON = re.compile(
    "工程|计划|行动|(?:建设|办学|改革|培育|提升|发展|应用|教学|实验)"
    "(?:计划|工程|行动|项目)"
)
#: A program named as a clause ends: 实施“X工程”，, 启动Y计划，.
_PROGRAM_CLAUSE_END = re.compile(r"(?:工程|计划|项目|行动)”?[，,]")
QUOTED_PART = re.compile(_QUOTED_THEN + r"[\u4e00-\u9fff]{0,4}?" + _PART_DESIGNATIONS)
#: “X”2024年度项目园名单 with nothing but a year, level or batch between (not
#: “X”特色项目学校, a title).
_QUOTED_PART_ADJACENT = re.compile(_QUOTED_THEN + _PART_DESIGNATIONS + "(?:名单)?$")
_QUOTE = re.compile(r"[“\"「『]([^“”\"「」『』\n]{1,24})[”\"」』]")
_BOOK = re.compile(r"《([^《》\n]{2,60})》")
_STRIP_QUOTES = str.maketrans("", "", '“”"「」『』《》‘’')
#: The characters a count is written with, in Arabic or Chinese numerals.
_COUNT_CHARS = "[0-9０-９一二三四五六七八九十百千万几两]"
_DIGIT = re.compile(_COUNT_CHARS + "+$")
_ORDINAL_BEFORE = re.compile(r"第[0-9０-９一二三四五六七八九十百〇零两]*$")
# 一〇九学校, 十一学校, 一六八中学: a number of two or more Chinese numerals
# right before the ending names the school (a count has its measure word).
_SCHOOL_NUMBER = re.compile(
    r"[一二三四五六七八九十百〇零]{2,}$|[一二三四五六七八九〇零]*〇[一二三四五六七八九〇零]*$"
)
# 一小, 十一中: a school's ordinal short form, part of a branch's name.
_SCHOOL_ORDINAL = re.compile(r"[一二三四五六七八九十\d]+[小中]")
# A masked part of a name (XX县区, ××学校): as written, decision 20.
_MASK = re.compile(r"[XxＸｘ×*＊]{2,4}")
_MASKED_REGION = re.compile(_MASK.pattern + "[省市县区旗州]")
_QUANTIFIER = set("所个名位家项批条套台篇次人支座")
_BOUNDARY = set("，,。；;！!？?：:、（）()【】[]\n\t 　…—-/|")
_ORDINAL_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十\d]+批|首批|新一批|一批)")
_YEAR_PREFIX = re.compile(r"^(?:20\d\d|19\d\d)年度?")
#: A level word opening a name (省级, 市, 全国 …; lexicon/level_words.txt).
LEVEL_PREFIX = re.compile("^(?:" + _alt(_LEX.level_words) + ")")
# 区内示范性高中: 区内 is where, not who confers it.
_WITHIN_LEVEL = re.compile("^[省市县区旗]内")
#: Program names opening with a numeral (三个课堂, 五项管理): no count.
_NUMBERED_PROGRAMS = tuple(
    sorted(name for name in _LEX.programs if name[0] in "一二三四五六七八九十两")
)
_COUNT_TAIL = re.compile(
    r"(?<=[^第\d])[0-9０-９一二三四五六七八九十两余多]+[个所名位项家支人次篇套台]+[^，。]*$"
)
# jieba dictionary tags that end a name's left edge: verbs, adverbs,
# prepositions, conjunctions, particles, pronouns, locatives, numerals.
#: 十里 (十里墩), 三家 (三家店), 二道 (二道沟): a numeral opening a place's name.
_PLACE_NUMERAL = re.compile(r"[一二三四五六七八九十百两]+[里家道]")


def _after_place_numeral(view: TextView, p_start: int, token: str) -> bool:
    """十里|墩|中心小学: a numeral opening a place's name, or the one character
    after it (a measure word to jieba), is part of the school's name."""
    if _PLACE_NUMERAL.fullmatch(token):
        return True
    before = view.previous_token(p_start)
    return (
        len(token) == 1
        and before is not None
        and bool(_PLACE_NUMERAL.fullmatch(before[1]))
    )


def _place_numeral_after_a_place(view: TextView, p_start: int, token: str) -> bool:
    """江宁区|百家|湖|初级中学: right after a region's name, 百家 (三家, 十里)
    opens a place's name; a count would not follow the region's name."""
    before = view.previous_token(p_start)
    return (
        _PLACE_NUMERAL.fullmatch(token) is not None
        and before is not None
        and before[1] in _region_words()
    )


def _opens_a_numeral_town(text: str, p_start: int, token: str) -> bool:
    """三|汊港|中心小学, 七|都|庙港小学: a numeral that opens a town's name
    (三汊港镇, 七都镇), and the word after it, are part of the school's name."""
    stems, longest = _numeral_town_stems()
    if _NUMERAL_CHARS.fullmatch(token):
        return any(text[p_start : p_start + n] in stems for n in range(2, longest + 1))
    # 七|都|庙港小学: a word inside the stem after its numeral (都, which
    # jieba cuts off as the adverb)
    opening = p_start - 1
    return (
        opening >= 0
        and _NUMERAL_CHARS.fullmatch(text[opening]) is not None
        and any(
            text[opening : opening + n] in stems
            for n in range(max(2, len(token) + 1), longest + 1)
        )
    )


_NUMERAL_CHARS = re.compile(r"[一二三四五六七八九十百两]+")


def _town_stem(name: str) -> str:
    """A town's name without its kind (青阳 of 青阳街道), or "" for no town."""
    kind = next((k for k in ("街道", "镇", "乡") if name.endswith(k)), "")
    return name[: -len(kind)] if kind else ""


@lru_cache(maxsize=1)
def _numeral_town_stems() -> tuple[frozenset[str], int]:
    """The stems of two characters or more that open with a numeral
    (三汊港 of 三汊港镇, 七都 of 七都镇), and the longest one's length."""
    stems = frozenset(
        stem
        for towns in load_region_index().towns.values()
        for ref in towns
        if len(stem := _town_stem(ref.name)) >= 2
        and _NUMERAL_CHARS.match(stem)
        and not _NUMERAL_CHARS.fullmatch(stem)  # 十八 of 十八镇: a number too
    )
    return stems, max(map(len, stems), default=0)


_NAME_STOP_TAGS = frozenset(
    {"v", "d", "p", "c", "u", "uj", "ul", "r", "f", "m", "q", "y", "e", "o", "ad", "vd"}
)
# Program and award names may contain verbs (品格提升工程): stop at function words only.
_PHRASE_STOP_TAGS = frozenset({"p", "c", "u", "uj", "ul", "r", "q", "y", "e", "o", "d"})
# Joiners allowed inside program and award names (课程基地与学校文化建设项目).
_JOINERS = frozenset({"与", "和"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span the finders propose, before overlaps are resolved."""

    start: int
    end: int
    label: str
    name: str
    rule: str
    region: str = ""  # division code, for Region and region-scoped names
    priority: int = 0  # set by the arbiter from span_priorities.tsv
    level: str = ""  # an honour's conferring level stated by its context
    qualified: bool = False  # a bureau named with its region or level


@dataclass
class TextView:
    """The cleaned text with token boundaries, for left-edge decisions."""

    text: str
    token_starts: list[int]
    token_ends: list[int]
    tokens: list[str]
    tags: dict[str, str] = field(default_factory=dict)
    _end_set: set[int] = field(default_factory=set)
    _start_set: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._end_set = set(self.token_ends)
        self._start_set = set(self.token_starts)

    def is_token_start(self, offset: int) -> bool:
        """Return True when a token starts at ``offset``."""
        return offset in self._start_set

    def is_token_end(self, offset: int) -> bool:
        """Return True when a token ends at ``offset``."""
        return offset in self._end_set

    def token_start_at_or_before(self, offset: int) -> int:
        """Return the start of the token containing ``offset``."""
        i = bisect_right(self.token_starts, offset) - 1
        return self.token_starts[i] if i >= 0 else 0

    def next_token(self, offset: int) -> tuple[int, str] | None:
        """Return ``(start, text)`` of the token starting at ``offset``."""
        i = bisect_left(self.token_starts, offset)
        if i < len(self.token_starts) and self.token_starts[i] == offset:
            return offset, self.tokens[i]
        return None

    def previous_token(self, offset: int) -> tuple[int, str] | None:
        """Return ``(start, text)`` of the token ending at ``offset``."""
        i = bisect_left(self.token_ends, offset)
        if i < len(self.token_ends) and self.token_ends[i] == offset:
            return self.token_starts[i], self.tokens[i]
        return None


def _opens_a_place(text: str, pos: int) -> bool:
    """A division's name, or a town's (海努克乡, known or not), starts at
    ``pos``."""
    return _TOWN_AHEAD.match(text, pos) is not None or any(
        text[pos : pos + size] in _region_words() for size in range(3, 8)
    )


_TOWN_AHEAD = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:乡|镇)")


def _after_joined_quotes(text: str, left: int, start: int) -> int:
    """Where a name found from ``left`` to its ending at ``start`` begins: after
    the last of two quotes side by side in it (“A——B”“C中学”, “都昌名师”
    “都昌好老师”: the name is the second quote's)."""
    joined = text.rfind("”“", left, start)
    return left if joined < 0 else joined + 2


#: A road word as the token after a two-character word that stops a name:
#: the two name a road (新建|路|小学), and the road names the school.
_ROAD_WORDS = frozenset({"路", "街", "大街", "大道", "巷"})


#: How a whole school's name ends, before a conjunction that joins another.
_SCHOOL_KIND_ENDS = frozenset({"中学", "小学", "学校", "儿园"})


def _stop_word_named_after_its_place(
    text: str, stem: tuple[int, str], start: int, stop: frozenset[str]
) -> bool:
    """Whether a word that stops names is a school's whole stem (建设 of
    ``school_stems_among_stop_words``): right before the school's ending,
    right after a division's name with its level character or a masked one
    (港北区, XX区). A counted ending (XX区建设小学3所: the district builds
    them) is no school before this is asked (tested)."""
    p_start, token = stem
    if (
        token not in stop
        or token not in _LEX.school_stems_among_stop_words
        or p_start + len(token) != start
    ):
        return False
    if _MASKED_REGION_BEFORE.search(text, max(0, p_start - 6), p_start):
        return True
    # a name of three characters or more, or one of two with 县 (沛县): 城区
    # is also a word
    sizes = range(2, 9) if text[p_start - 1 : p_start] == "县" else range(3, 9)
    return (
        p_start > 0
        and text[p_start - 1] in "省市县区旗"
        and any(text[p_start - size : p_start] in _region_words() for size in sizes)
    )


#: A masked division right before a position: XX区, **县.
_MASKED_REGION_BEFORE = re.compile(_MASKED_REGION.pattern + "$")


def _walk_left(
    view: TextView,
    start: int,
    stop: frozenset[str],
    max_chars: int,
    floor: int,
    stop_tags: frozenset[str] = frozenset(),
    long_places: bool = False,
) -> int:
    """Extend a name's left edge token by token until a stop token.

    Returns the new start offset (``start`` itself when nothing attaches).
    ``long_places``: a place's whole name may open it past ``max_chars``.
    """
    edge = view.token_start_at_or_before(start) if start > floor else start
    if edge < floor:
        edge = start
    # 一〇九学校, 十一学校: a number before the ending names the school.
    number = _SCHOOL_NUMBER.search(view.text, max(floor, start - 6), start)
    number_start = number.start() if number else start
    while edge > floor:
        stem = _county_town_stem_before(view.text, edge, floor)
        if stem < edge:
            edge = stem  # 城关区|拱星|墩|第二小学: a town of the county before
            continue
        prev = view.previous_token(edge)
        if prev is None:
            break
        p_start, token = prev
        if p_start < floor or (
            # 莫力达瓦达斡尔族自治旗尼尔基第一小学: a long place's whole name
            # opens the name, however long
            start - p_start > max_chars
            and not (long_places and token in _region_words())
        ):
            break
        if p_start >= number_start:
            edge = p_start
            continue
        after = view.next_token(edge)
        names_a_road = len(token) > 1 and after is not None and after[1] in _ROAD_WORDS
        if any(ch in _BOUNDARY for ch in token) or (token in stop and not names_a_road):
            break  # (新建|路|小学: a verb that names a road is the name's)
        if (
            token[0] in _CONJUNCTIONS
            and len(token) > 1
            and view.text[p_start - 2 : p_start] in _SCHOOL_KIND_ENDS
        ):
            # 第一中学|和县|城南学校: a conjunction after a whole school's name
            # joins two schools, though jieba glued it into 和县.
            edge = p_start + 1
            break
        if (
            len(token) > 1
            and view.text[p_start - 1] in "我本"
            and _AREA_PRONOUN.fullmatch(view.text[p_start - 1 : p_start + 1])
            and token[1] not in _DIVISION_ENDS  # 各|县市区: kinds, no name
            and token not in _region_words()
            and token not in _town_names()
        ):
            # 我|县城|关小学: jieba glued the area's 县 of 我县 to the name's
            # first character; the name starts after it.
            edge = p_start + 1
            break
        if (
            token not in view.tags
            and token not in _town_names()  # 和平镇 is a town, not 和 + 平镇
            and token not in _region_words()  # 同仁市 is a city, not 同 + 仁市
            and (
                (token[0] in _CONJUNCTIONS and len(token) > 1)
                or (token[0] in _GLUED_COVERBS and len(token) >= 3)
                # 为海|努克乡: the coverb glued to the first character of a place
                or (
                    token[0] in _GLUED_COVERBS
                    and len(token) == 2
                    and _opens_a_place(view.text, p_start + 1)
                )
                # 获|市 (获市教育学会授予): the verb glued to a level word;
                # 以|县 (组建以县实验小学…为龙头): so is the coverb 以
                or (
                    token[0] in "获以"
                    and len(token) == 2
                    and token[1]
                    in ("省市区县州旗镇乡" if token[0] == "以" else "省市区县州")
                )
            )
        ):
            # jieba's HMM glued a conjunction (和兰炼) or a coverb (为杏店) to
            # the next name: the name starts after it.
            edge = p_start + 1
            break
        if (
            len(token) == 2
            and (
                token[1] in _JOINERS or token[1] in _GLUED_COVERBS or token[1] in "到有"
            )
            and token not in view.tags
            and token not in _region_words()
        ):
            # 紫华中|学与|东石镇: the conjunction glued to the name before;
            # 成员|校为|火箭镇: so is a coverb, and 到 (24|名到|矿山镇中学)
            # and 有 (成员|校有|石桥镇|中学)
            break
        # 望|都小学: jieba cut a place name into characters.
        split_place = len(token) == 1 and (
            view.text[p_start - 1 : p_start + 1] in _region_words()
            or view.text[p_start : p_start + 2] in _region_words()
        )
        # 第八|十六中学: jieba cut the ordinal in two; its tail is no count.
        ordinal_tail = bool(_DIGIT.fullmatch(token)) and bool(
            _ORDINAL_BEFORE.search(view.text, max(0, p_start - 4), p_start)
        )
        if (
            stop_tags
            and not token.startswith("第")
            and not ordinal_tail
            and token not in _JOINERS
            and view.tags.get(token) in stop_tags
            # 三台 is tagged a numeral; 振兴 (振兴区) is mostly the verb
            and (token not in _region_words() or token in _LEX.short_forms_as_words)
            and not split_place
            and not _split_name_tail(view, p_start, token, edge)
            and not _SCHOOL_ORDINAL.fullmatch(token)  # 兰炼|一小|XX县区分校
            and not _after_place_numeral(view, p_start, token)
            and not _opens_a_numeral_town(view.text, p_start, token)
            and not token.endswith(_LEX.street_ends)  # 纬|五路|第一小学: a road
            and token not in _LEX.zone_name_words  # 西安|高新|第一中学
            # 新圩镇|中学: a town's name, whatever jieba's dictionary tags it
            and not (len(token) >= 3 and token.endswith(("镇", "乡", "街道")))
            # 、前|黄|实验学校: a one-character word opening a list item
            # before a one-character stem is the name's first character
            and not _opens_a_list_item(view, p_start, token, edge)
            and not _rare_word_split(view, p_start, token)
            and not _trade_in_college_name(view, p_start, token)
            and not _stem_of_a_listed_school(view, p_start, token, start)
            and not _stem_cut_after_a_place(view, p_start, start)
        ):
            before = view.previous_token(p_start)
            # 通山县启智学校, 厦门双十中学, 武进区刘海粟小学: right after a
            # region, a verb-like word, a numeral or a person's name is a name.
            if not (
                before
                and len(token) <= 3
                and not _AREA_PRONOUN.fullmatch(before[1])  # 全区|确定|X小学
                and (
                    _REGION_END.search(before[1])
                    or before[1] in _region_words()
                    # 西柏坡|希望|小学: a place jieba knows, though no division
                    or view.tags.get(before[1]) == "ns"
                )
                and (len(token) <= 2 or view.tags.get(token) == "nr")
            ):
                break
        if token in _QUOTE_TOKENS:
            edge = p_start  # names may quote a part: 市级“四有”好教师团队
            continue
        if (
            not _CJK.search(token)
            and not token.isdigit()
            and not _MASK.fullmatch(token)
            and not _VERSION.fullmatch(token)  # 教育信息化2.0行动计划
        ):
            break  # (兰化一中XX县区分校: a masked place is part of the name)
        if (
            _DIGIT.fullmatch(token)
            and not token.startswith("第")
            and not ordinal_tail
            and not split_place
            and not _opens_a_numeral_town(view.text, p_start, token)
        ):
            # "8所" style counts are not part of names; ordinals (第一) are.
            break
        if (
            token[-1] in _QUANTIFIER
            and len(token) <= 3
            and _DIGIT.match(token[:-1] or "x")
            and token not in _region_words()
            and not _place_numeral_after_a_place(view, p_start, token)
        ):
            break  # 3台: a count; 三台 (三台县): a place
        if token in _QUANTIFIER:
            break
        edge = p_start
    return edge


def _split_name_tail(view: TextView, p_start: int, token: str, edge: int) -> bool:
    """山海|天学校: jieba cut a name's last character off as a measure word.

    A lone character next to the ending, after a place or a noun, is the
    name's tail; after a number or a pronoun (3|所, 这|所) it counts.
    """
    if len(token) != 1 or p_start + 1 != edge or token in _QUANTIFIER:
        return False
    if view.tags.get(token) not in ("q", "m"):
        return False
    before = view.previous_token(p_start)
    return (
        before is not None
        and all(_CJK.match(ch) for ch in before[1])
        and view.tags.get(before[1]) in ("ns", "n", "nr", "nz", "nrt")
    )


def _after_a_listed_town(text: str, at: int) -> bool:
    """Whether the list item ending right before ``at`` (、) is a town alone."""
    if at == 0 or text[at - 1] != "、":
        return False
    opening = max(text.rfind(c, 0, at - 1) for c in "、，,。；;：:赴到在\n") + 1
    return text[opening : at - 1] in _town_names()


def _rare_word_split(view: TextView, p_start: int, token: str) -> bool:
    """鸢|都 of 潍坊鸢都工程职业学院: jieba cut a word it does not know into
    characters, and the second one's tag (都, an adverb) is no boundary
    right after a place."""
    if len(token) != 1:
        return False
    first = view.previous_token(p_start)
    if (
        first is None
        or len(first[1]) != 1
        or not _CJK.match(first[1])
        or view.tags.get(first[1]) not in _NOUN_TAGS
    ):
        return False
    place = view.previous_token(first[0])
    return place is not None and _is_place_word(place[1])


#: A vocational school's or college's ending, perhaps after its trade's last
#: word (智能制造|工程|职业学院).
_VOCATIONAL_AFTER = re.compile(
    r"(?:[\u4e00-\u9fff]{2})?(?:职业|技工学校|技师学院|中等专业学校|高级技工)"
)
_NOUN_TAGS = frozenset({"n", "ng", "nz", "nr", "ns", "vn", "b", None})


def _trade_in_college_name(view: TextView, p_start: int, token: str) -> bool:
    """智能|制造 of 东莞市智能制造职业技术学校: a vocational school is named
    after its trade, whose last word may be a verb (制造, 运输, 管理), right
    after its place and a noun."""
    if len(token) != 2 or not _VOCATIONAL_AFTER.match(view.text, p_start + len(token)):
        return False
    noun = view.previous_token(p_start)
    if (
        noun is None
        or len(noun[1]) != 2
        or view.tags.get(noun[1]) not in _NOUN_TAGS - {None}
    ):
        return False
    place = view.previous_token(noun[0])
    return place is not None and _is_place_word(place[1])


def _is_place_word(word: str) -> bool:
    return word in _region_words() or _REGION_END.search(word) is not None


@lru_cache(maxsize=1)
def _town_names() -> frozenset[str]:
    """Every town's and street's name in the country (和平镇, 新集镇)."""
    index = load_region_index()
    return frozenset(t.name for towns in index.towns.values() for t in towns)


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    index = load_region_index()
    return frozenset(index.by_short) | frozenset(index.by_name)


#: What ends a clause: a comma, a semicolon, a sentence end, a line break.
CLAUSE_MARK = re.compile(r"[，,；;。！？!?\n]")


def clause_of(text: str, offset: int) -> tuple[int, int]:
    """The clause around ``offset``: after the mark before it, to the next mark."""
    start = offset
    while start > 0 and not CLAUSE_MARK.match(text, start - 1):
        start -= 1
    end = CLAUSE_MARK.search(text, offset)
    return start, end.start() if end else len(text)


def sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding ``offset`` starts (after 。；！？ or a line break)."""
    return max(text.rfind(mark, 0, offset) for mark in "。；;！!？?\n") + 1


def _clause_floor(text: str, offset: int) -> int:
    """Return the start of the clause containing ``offset`` (after 、，。 …)."""
    i = offset - 1
    while i >= 0 and text[i] not in _BOUNDARY:
        i -= 1
    return i + 1


# ----------------------------------------------------------------- regions


#: A division name that reads as a conjunction (or 会同, "jointly with") and
#: a level word (和县, 会同县), and what ends the word before such a one.
_CONJUNCTION_THEN_LEVEL = re.compile(r"(?:[和及与]|会同)[县市区]")
_ORGAN_END = re.compile(r"[委府区镇乡县局校园旗盟村点所部门室处科股]")
_ORGAN_THEN_MODAL = re.compile(
    r"[委府局部门室处]" r"(?:要|将|应|需|须|并|还|积极|主动|必须|已|已经)$"
)
_COUNTY_HIGH_SCHOOL = re.compile("中(?![学心专])")


def _without_short_forms_astride(
    text: str, rules: Rules, token_bounds: tuple[set[int], set[int]] | None
) -> list[tuple[int, int]]:
    """The region words' occurrences, less a short form that starts inside a
    word and runs into a full name starting at a word (认|定南|京市: 定南
    would hide 南京市)."""
    every = rules.region_words.occurrences(text)
    if token_bounds is None:
        return every
    index = rules.regions
    full_starts = {
        start
        for start, end in every
        if start in token_bounds[0] and text[start:end] in index.by_name
    }
    return [
        (start, end)
        for start, end in every
        if start in token_bounds[0]
        or text[start:end] in index.by_name
        or text[start:end] in index.other_names
        or not any(inner in full_starts for inner in range(start + 1, end))
    ]


def find_regions(
    text: str,
    rules: Rules,
    seed_codes: set[str],
    token_bounds: tuple[set[int], set[int]] | None = None,
    word_tags: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Region mentions, accepting ambiguous and short names only in context.

    Full unambiguous names (3+ characters) seed the context; short forms
    (北仑) and names shared by several divisions (鼓楼区) are accepted only
    when exactly one reading lies above or below a region already in
    context, so a name is never resolved by a silent guess. A short form
    taken on its own (北京, 泰和) must also be a whole word of the text
    (``token_bounds``: token starts and ends), not part of one (隆重庆祝);
    a full name is no place where it reads as a verb and a word of jieba's
    dictionary (``word_tags``: 新增|城区).
    """
    index = rules.regions
    hits: list[tuple[int, int, str, tuple[str, ...], bool]] = []
    for start, end, surface in rules.region_words.finditer(
        text, _without_short_forms_astride(text, rules, token_bounds)
    ):
        full = index.by_name.get(surface, ())
        if not full and surface in index.other_names:
            full = (index.other_names[surface],)
        short = index.by_short.get(surface, ())
        if (
            full
            and token_bounds
            and start not in token_bounds[0]
            and (len(surface) == 2 or surface[:-1] in _LEX.short_forms_as_words)
        ):
            # 示范县 holds 范县, 主城区 城区, 共同富裕县域 富裕县: a word's
            # start or none
            continue
        if (
            full
            and word_tags
            and len(surface) >= 3
            and start > 0
            and word_tags.get(text[start - 1 : start + 1]) == "v"
            and text[start + 1 : end] in word_tags
        ):
            # 新增|城区学位: the name's first character ends a verb, its rest
            # is a word of its own
            continue
        if full and surface.endswith("区") and text.startswith("域", end):
            continue  # 临河|区域: 区 begins the word 区域 (临河区 is no place here)
        if (
            full
            and _CONJUNCTION_THEN_LEVEL.match(text, start, end)
            and (
                (start > 0 and _ORGAN_END.match(text, start - 1))
                # 县教育局要会同县财政局: a modal between the organ and 会同
                or _ORGAN_THEN_MODAL.search(text, max(0, start - 4), start)
                or text.startswith(("直", "域", "级", "委", "城"), end)
                # 和县中振兴计划: 县中, a county's high school (not 和县中学)
                or _COUNTY_HIGH_SCHOOL.match(text, end) is not None
            )
        ):
            # 县委、县政府和县教育局, 教育局会同县财政局, 会议和县委: 县 begins a word
            continue
        if full:
            hits.append((start, end, surface, full, True))
        elif (
            short
            and surface[0] not in "市区县省州旗盟"
            # 全州教育系统: the whole prefecture; only 全州县 names the county
            and not _WHOLE_AREA.fullmatch(surface)
        ):
            hits.append((start, end, surface, short, False))
    context = set(seed_codes)
    accepted: dict[int, Candidate] = {}
    standalone = _standalone_short_forms(text, hits, rules)
    # The provinces the report is of or names in full: a short form used
    # again and again (镜湖中学, 镜湖教育集团 in a 顺德区 report) is a
    # district of another province only where the text names that province's
    # places in full.
    provinces = {code[:2] for code in seed_codes} | {
        hit[3][0][:2] for hit in hits if hit[4] and len(hit[3]) == 1
    }
    for start, end, surface, codes, is_full in hits:
        if (
            not is_full
            and len(codes) == 1
            # 上海路小学, 北京东路: a street named after the place
            and not _street_after(text, end)
            and (
                (
                    surface in standalone
                    and (not seed_codes or codes[0][:2] in provinces)
                )
                or index.by_code[codes[0]].level == 1
            )
            and (
                token_bounds is None
                or (
                    start in token_bounds[0]
                    and (
                        end in token_bounds[1]
                        # 北京大学 is one word: a university's place (dec. 18)
                        or rules.school_suffix.match(text, end) is not None
                    )
                )
            )
        ):
            # 北京 (a province-level name), or 泰和 used as a place again and
            # again (泰和中学, 泰和教育): one reading, no context needed.
            context.add(codes[0])
            accepted[start] = _region(
                start, end, codes[0], "region.short-unique", index
            )
            continue
        if is_full and len(codes) == 1 and (len(surface) >= 3 or surface[-1] in "县旗"):
            context.add(codes[0])
            accepted[start] = _region(start, end, codes[0], "region.full", index)
    _accept_coordinated_short_forms(text, hits, accepted, context, index)
    hits = [
        hit
        for hit in hits
        if hit[4]
        or hit[0] in accepted
        or _short_form_as_place(text, hit, hits, rules, token_bounds)
    ]
    changed = True
    while changed:
        changed = False
        for start, end, _surface, codes, is_full in hits:
            if start in accepted:
                continue
            follow = text[end : end + 1]
            if not is_full and follow in _LEVEL_CHARS:
                # 红河州 is the prefecture, though 红河县 is named too
                agree = [c for c in codes if index.by_code[c].name.endswith(follow)]
                codes = agree or codes
            fits = [c for c in codes if _supported(c, context, index, is_full)]
            if len(fits) > 1:
                fits = _under_the_place_before(fits, accepted, start, index)
            if len(fits) == 2 and not is_full:
                fits = _city_over_its_namesake_county(fits, index)
            if len(fits) > 1:
                fits = _under_nearest_context(fits, context, index)
            if len(fits) == 2 and not is_full:
                fits = _larger_over_its_namesake(fits, index)
            if len(fits) == 1:
                code = fits[0]
                context.add(code)
                rule = "region.full-context" if is_full else "region.short-context"
                accepted[start] = Candidate(
                    start,
                    end,
                    "Region",
                    index.by_code[code].name,
                    rule,
                    code,
                )
                changed = True
    _find_towns(text, index, context, accepted, token_bounds, word_tags)
    return [accepted[k] for k in sorted(accepted)]


def _city_over_its_namesake_county(fits: list[str], index: RegionIndex) -> list[str]:
    """铁岭 of 铁岭市 and of its 铁岭县, both named in full in the text: the
    city (“铁岭智慧教育平台”); the county is written with its 县, which the
    level char after a short form already decides. Not 吉林 of 吉林省 and
    吉林市, where the context's deeper reading stays."""
    if sorted(index.by_code[c].level for c in fits) != [2, 3]:
        return fits
    return _larger_over_its_namesake(fits, index)


def _larger_over_its_namesake(fits: list[str], index: RegionIndex) -> list[str]:
    """岳阳 of 岳阳市 and of its 岳阳县, 吉林 of 吉林省 and of its 吉林市: the
    larger division, when the context has not chosen (岳阳经开区 and
    岳阳洞庭职业技术学院 are the city's)."""
    first, second = (index.by_code[c] for c in fits)
    if second.parent == first.code:
        return [first.code]
    if first.parent == second.code:
        return [second.code]
    return fits


def _short_form_as_place(
    text: str,
    hit: tuple[int, int, str, tuple[str, ...], bool],
    hits: list[tuple[int, int, str, tuple[str, ...], bool]],
    rules: Rules,
    token_bounds: tuple[set[int], set[int]] | None,
) -> bool:
    """Whether a short form reads as its place where it stands.

    It must be a word of the text (黔西 in 黔西南州 is not), or open a
    school's name; one that is also an everyday word (乡村振兴, 平安校园;
    lexicon/short_forms_as_words.txt) must also stand beside a school, 教育
    or another place of a list.
    """
    start, end, surface, _codes, _full = hit
    if _street_after(text, end):
        return False  # 南阳路分园, 北京路小学: a street named after the place
    school_follows = rules.school_suffix.match(text, end) is not None or bool(
        _SHORT_SCHOOL_AFTER.match(text, end)
    )
    # 呈贡县 (now 呈贡区), 黔西南州: a level word after it is the place's own.
    level_follows = _LEVEL_AFTER_SHORT.match(text, end) is not None
    if token_bounds is not None and not (
        start in token_bounds[0]
        and (end in token_bounds[1] or school_follows or level_follows)
    ):
        return False
    if surface not in rules.lexicon.short_forms_as_words:
        return True
    if school_follows or level_follows or text.startswith("教育", end):
        return True  # (互助县, 振兴区: the level word makes it the place)
    listed_after = text[end : end + 1] in "、和" and any(h[0] == end + 1 for h in hits)
    listed_before = text[start - 1 : start] in "、和" and any(
        h[1] == start - 1 for h in hits
    )
    return listed_after or listed_before


#: Level words a short form may be written with (红河州, 昆山市).
_LEVEL_CHARS = frozenset("州县市区旗盟")
#: 全州, 全市: the whole area the report speaks for, never a short form.
_WHOLE_AREA = re.compile("全[州市县区省旗盟]")


def _listed_zone(text: str, region: Candidate, index: RegionIndex) -> Candidate | None:
    """铜山、贾汪、开发区: a bare zone listed after a city's district is the city's.

    Named with the city's short form (徐州开发区), the written 开发区 an alias.
    """
    ref = index.by_code[region.region]
    if ref.level != 3 or not ref.parent or text[region.end : region.end + 1] != "、":
        return None
    zone = _ZONE_SUFFIX.match(text, region.end + 1)
    if zone is None or (
        _CJK.match(text, zone.end()) and not _ZONE_LIST_END.match(text, zone.end())
    ):
        return None  # 开发区建设: a word, not a listed zone
    return Candidate(
        zone.start(),
        zone.end(),
        "Region",
        _zone_name(index.by_code[ref.parent], zone.group()),
        "region.zone",
        "",
    )


def _zone_name(place: RegionRef, ending: str) -> str:
    """One name however the zone is written: 成都市高新区 → 成都高新区."""
    return (short_form(place.name) or place.name) + ending


# What may follow a listed zone: the list goes on or the subject ends.
_ZONE_LIST_END = re.compile(r"(?:、|和|等|及|教育|加大|通过|开展|完成|均|分别)")
# Zone endings that also read as common words after a full name (X市新区).
_GENERIC_ZONES = frozenset({"新区", "开发区"})
_ZONE_ENDINGS = "|".join(
    map(re.escape, sorted(_LEX.zone_suffixes, key=len, reverse=True))
)
_ZONE_SUFFIX = re.compile(f"(?:{_ZONE_ENDINGS})")


# A zone's own name between its city and its ending: 两江 in 重庆两江新区.
_OWN_NAMED_ZONE = re.compile(
    r"((?![各全本该我其])[\u4e00-\u9fff]{2,3}?)(?:" + _ZONE_ENDINGS + ")"
)


def find_zones(
    text: str, regions: list[Candidate], index: RegionIndex
) -> list[Candidate]:
    """成都高新区, 兰州经开区: a city's or county's development zone (decision 17).

    A Region without a division code, right after the region it lies in
    (which stays a mention of its own, for ``subRegionOf``), or listed after
    one of a city's districts; named with its place's short form and its
    ending (成都市高新区 → 成都高新区), the written form an alias.
    """
    starts = {r.start for r in regions}
    out = []
    for region in regions:
        if not region.region or index.by_code[region.region].level > 3:
            continue
        listed = _listed_zone(text, region, index)
        if listed is not None and listed.start not in starts:
            out.append(listed)
            starts.add(listed.start)
        own = _OWN_NAMED_ZONE.match(text, region.end)
        if (
            own is not None
            and own.group(1) not in _LEX.generic_name_prefixes
            and not any(w in own.group(1) for w in _LEX.zone_ending_words)
            and not any(region.end <= s < own.end() for s in starts)
        ):
            # 重庆两江新区, 东莞松山湖高新区: a zone with a name of its own; a
            # direction is not one (成都东部新区 keeps its city's name).
            name = own.group()
            if own.group(1) in _LEX.direction_words:
                name = _zone_name(index.by_code[region.region], name)
            out.append(
                Candidate(region.start, own.end(), "Region", name, "region.zone", "")
            )
            continue
        zone = _ZONE_SUFFIX.match(text, region.end)
        if zone is None or any(region.end <= s < zone.end() for s in starts):
            continue  # 两江新区 is a division of its own
        if (
            zone.group() in _GENERIC_ZONES
            and text[region.end - 1] in "省市县区州旗"
            and text[region.start : region.end] == index.by_code[region.region].name
        ):
            continue  # 成都市新区建设: the city's new districts; 福州新区 is one
        name = _zone_name(index.by_code[region.region], zone.group())
        out.append(
            Candidate(region.start, zone.end(), "Region", name, "region.zone", "")
        )
    return out


def find_named_zones(text: str, regions: list[Candidate]) -> list[Candidate]:
    """屈原管理区, 八里湖新区: a zone named on its own, with no division before
    it (decision 17): a Region without a division code.

    The name is the clause's words before the ending, past a word that leads
    to a place (在, 位于, 和, 建成 …), two to five characters; a zone after a
    known division is :func:`find_zones`'s.
    """
    taken = [(r.start, r.end) for r in regions]
    out = []
    for match in _NAMED_ZONE_END.finditer(text):
        floor = _clause_floor(text, match.start())
        run = text[floor : match.start()]
        lead = _ZONE_LEAD.search(run)
        if lead is not None:
            run = run[lead.end() :]
        start = match.start() - len(run)
        if (
            not 2 <= len(run) <= 5
            or not _CJK_ONLY.fullmatch(run)
            or run[0] in "各全本该我其"
            or is_generic(run, _LEX.generic_name_prefixes)
            or "教育" in run  # 智慧教育新区: a goal, not a place
            or any(s < match.end() and start < e for s, e in taken)
        ):
            continue
        out.append(
            Candidate(
                start,
                match.end(),
                "Region",
                text[start : match.end()],
                "region.zone",
                "",
            )
        )
        taken.append((start, match.end()))
    return out


def find_committee_zones(
    bureaus: Iterable[Candidate], regions: list[Candidate]
) -> list[Candidate]:
    """长白山 of 长白山管委会教育局: the zone whose administering committee
    (管委会, 管理委员会) runs the bureau (decision 17), a Region without a
    division code, where no region was found."""
    taken = [(r.start, r.end) for r in regions]
    out = []
    for bureau in bureaus:
        committee = _COMMITTEE_IN_NAME.search(bureau.name)
        if bureau.label != "Bureau" or committee is None:
            continue
        name = bureau.name[: committee.start()]
        start, end = bureau.start, bureau.start + len(name)
        if (
            len(name) < 2
            or not _CJK_ONLY.fullmatch(name)
            or name in _LEX.zone_suffixes  # 高新区管委会: which one, unsaid
            or is_generic(name, _LEX.generic_name_prefixes)
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        out.append(Candidate(start, end, "Region", name, "region.zone", ""))
        taken.append((start, end))
    return out


#: The committee that runs a zone and has its bureau (长白山管委会教育局).
ZONE_COMMITTEES = ("管委会", "管理委员会")
#: The committee running a zone, then the bureau's ending.
_COMMITTEE_IN_NAME = re.compile(f"(?:{_alt(ZONE_COMMITTEES)})(?=教育)")
_NAMED_ZONE_END = re.compile(
    "(?:"
    + _alt(tuple(sorted((*_LEX.zone_suffixes, "管理区"), key=len, reverse=True)))
    + ")"
)
#: What leads to a place's name in a clause: the name starts after it.
_ZONE_LEAD = re.compile(".*(?:" + _alt(_LEX.zone_leads) + ")")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _accept_coordinated_short_forms(
    text: str,
    hits: list,
    accepted: dict[int, Candidate],
    context: set[str],
    index: RegionIndex,
) -> None:
    """昆山、泰兴市: short forms listed before a full name share its suffix.

    The suffix the list ends with (市) makes 昆山 the division named 昆山市,
    when exactly one division of that level has that name (decision 3).
    """
    for start, end, surface, codes, is_full in sorted(hits, reverse=True):
        if start in accepted or is_full or text[end : end + 1] != "、":
            continue
        full = accepted.get(end + 1)  # accepted right-to-left: 昆山、常熟、泰兴市
        if full is None:
            continue
        level = index.by_code[full.region].level
        suffix = full.name[-1]
        fits = [
            c
            for c in codes
            if index.by_code[c].name == surface + suffix
            and index.by_code[c].level == level
        ]
        if len(fits) == 1:
            context.add(fits[0])
            accepted[start] = _region(
                start, end, fits[0], "region.coordinated-short", index
            )


def _region(
    start: int, end: int, code: str, rule: str, index: RegionIndex
) -> Candidate:
    return Candidate(start, end, "Region", index.by_code[code].name, rule, code)


# A 乡 made a 镇, a 镇 made a 街道: an older report writes the former name.
_TOWN_UPGRADES = (("乡", "镇"), ("镇", "街道"))


@lru_cache(maxsize=4096)
def _county_town_names(county: str) -> dict[str, tuple[RegionRef, ...]]:
    """The towns of a county by the names a report may write them with.

    A town's current name; the name before its upgrade (六塔乡 for 六塔镇)
    and an ethnic township's name without its peoples (保基乡 for
    保基苗族彝族乡), each when no other town of the county has that name.
    """
    index = load_region_index()
    by_name: dict[str, list[RegionRef]] = defaultdict(list)
    towns = [t for t in index.towns.get(county, ()) if len(t.name) >= 3]
    for town in towns:
        by_name[town.name].append(town)
    current = set(by_name)
    for town in towns:
        plain = plain_township_name(town.name)
        if plain and plain not in current:
            by_name[plain].append(town)
        for before, after in _TOWN_UPGRADES:
            stem = town.name[: -len(after)]
            if town.name.endswith(after) and len(stem) >= 2:
                older = stem + before
                if older not in current:
                    by_name[older].append(town)
        if county.startswith(_AREA_OFFICE_PROVINCES) and town.name.endswith(
            ("乡", "镇")
        ):
            # 朝阳区来广营地区: Beijing names a township by its 地区办事处
            office = town.name[:-1] + "地区"
            if len(office) >= 4 and office not in current:
                by_name[office].append(town)
    return {name: tuple(refs) for name, refs in by_name.items()}


#: Provinces (by code) whose townships are named by their area offices
#: (来广营地区 for 来广营乡): Beijing.
_AREA_OFFICE_PROVINCES = ("11",)


@lru_cache(maxsize=4096)
def _county_short_towns(county: str) -> dict[str, RegionRef]:
    """The county's towns whose whole name is two characters (侯镇, 沙乡).

    :func:`_county_town_names` leaves them out: as bare text they are often
    part of a word. They are read only as the start of a school's name.
    """
    index = load_region_index()
    towns = [t for t in index.towns.get(county, ()) if len(t.name) == 2]
    names = Counter(t.name for t in towns)
    return {t.name: t for t in towns if names[t.name] == 1}


@lru_cache(maxsize=4096)
def _county_streets_as_written(county: str) -> dict[str, RegionRef]:
    """The county's streets by the short form their schools' names use (长岭街
    of 长岭街道: 长岭街第二中学); read only as the start of a school's name."""
    index = load_region_index()
    streets = [
        t
        for t in index.towns.get(county, ())
        if t.name.endswith("街道") and len(t.name) >= 4
    ]
    names = Counter(t.name[:-1] for t in streets)
    return {t.name[:-1]: t for t in streets if names[t.name[:-1]] == 1}


#: Adverbs, prepositions, conjunctions, particles: jieba's tags of words no
#: stem is made of.
_NOT_IN_A_STEM = frozenset("dpcu")


def _stem_cut_after_a_place(view: TextView, p_start: int, start: int) -> bool:
    """洛城街道|斟|灌|小学, X镇|杨家|墩|小学: jieba cut the stem between a
    place and the ending into words it tags verbs; two or three characters
    there, one of them a word of its own, are the school's stem."""
    edge, pieces = p_start, []
    while edge > 0 and start - edge <= 3:
        token = view.next_token(edge)
        before = view.previous_token(edge)
        if token is None or before is None or not _CJK_ONLY.fullmatch(token[1]):
            return False
        pieces.append(token[1])
        place = before[1]
        if (
            2 <= start - edge <= 3
            and (place in _region_words() or place.endswith(("镇", "乡", "街道")))
            and place not in _LEX.generic_name_prefixes  # 城区, 乡镇: no place
        ):
            # (城区|公|民办|幼儿园: kinds of kindergarten, no stem; 红湾寺镇|均|
            # 建有|中心学校: an adverb and a verb, a sentence going on)
            return any(len(piece) == 1 for piece in pieces) and not any(
                piece in _LEX.generic_name_prefixes
                or view.tags.get(piece, "")[:1] in _NOT_IN_A_STEM
                or (len(piece) > 1 and view.tags.get(piece, "").startswith("v"))
                for piece in pieces
            )
        edge = before[0]
    return False


#: What may follow a school's name that ends a list item (启明中学|为, |、).
_AFTER_LISTED_SCHOOL = frozenset("、，,；;。和与及为等")


def _stem_of_a_listed_school(
    view: TextView, p_start: int, token: str, start: int
) -> bool:
    """云帆小学、启明|中学为核心校: a word jieba tags a verb (启明, 启航), right
    after the 、 that follows another school and right before the ending, is
    the next school's stem (not 、提升|小学|办学, which goes on)."""
    ending = view.next_token(start)
    return (
        len(token) == 2
        and ending is not None
        and p_start + len(token) == start
        and view.text[p_start - 1 : p_start] == "、"
        and view.text[p_start - 3 : p_start - 1] in _SCHOOL_KIND_ENDS
        and view.text[start + len(ending[1]) : start + len(ending[1]) + 1]
        in _AFTER_LISTED_SCHOOL
    )


def _opens_a_list_item(view: TextView, p_start: int, token: str, edge: int) -> bool:
    """A one-character locative right after a list mark and before another
    one-character word, in a name (、前|黄|实验学校): the two are its stem.
    Not a verb (，用|好|…平台)."""
    after = view.next_token(edge)
    if (
        len(token) != 1
        or view.tags.get(token) != "f"
        or after is None
        or len(after[1]) != 1
    ):
        return False
    before = view.previous_token(p_start)
    return before is None or before[1] in _LIST_MARKS


#: The marks (jieba tokens) that open a list item.
_LIST_MARKS = frozenset({"、", "，", ",", "；", ";", "：", ":", "\n"})
#: What may stand before a name that starts a list item or a clause.
_NAME_START = _LIST_MARKS | frozenset("。“”（）() \t\u3000")


def _leftmost_longest(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``names``, as a leftmost-longest regex
    alternation finds them.

    A few dozen ``str.find`` scans instead of compiling a pattern per set of
    counties: every report names other counties, so a compiled pattern was
    never reused, and compiling cost a tenth of the extraction.
    """
    found = []
    for name in names:
        at = text.find(name)
        while at != -1:
            found.append((at, at + len(name)))
            at = text.find(name, at + 1)
    found.sort(key=lambda span: (span[0], -span[1]))
    out = []
    end = 0
    for start, stop in found:
        if start >= end:
            out.append((start, stop))
            end = stop
    return out


def _find_towns(
    text: str,
    index: RegionIndex,
    context: set[str],
    accepted: dict[int, Candidate],
    token_bounds: tuple[set[int], set[int]] | None = None,
    word_tags: Mapping[str, str] | None = None,
) -> None:
    """Towns and streets (level 4), only under counties already in context,
    or under a city that has no counties (东莞市虎门镇, 中山市小榄镇)."""
    counties = sorted(
        c
        for c in context
        if index.by_code[c].level == 3
        or (index.by_code[c].level == 2 and index.towns.get(c))
    )
    by_name: dict[str, list[RegionRef]] = defaultdict(list)
    for county in counties:
        for name, refs in _county_town_names(county).items():
            by_name[name].extend(refs)
    if not counties:
        if token_bounds and word_tags:
            _find_towns_of_areas(
                text, index, context, accepted, token_bounds, word_tags
            )
        return
    if not by_name:
        return
    county_ending = {c.end: c.region for c in accepted.values()}
    for start, end in _leftmost_longest(text, by_name):
        refs = by_name.get(text[start:end], [])
        if len(refs) > 1:
            # 马街镇 of 陆良县 and of 罗平县: 陆良县马街镇 says which, or the
            # county heading its line (右江区：阳圩镇中心小学、四塘镇初级中学)
            line_county = _county_on_line(text, start, accepted, counties)
            refs = (
                [r for r in refs if county_ending.get(start) == r.parent]
                or [r for r in refs if r.parent == line_county]
                or refs
            )
        same_start = accepted.get(start)
        if (
            same_start is not None
            and same_start.rule == "region.short-context"
            and same_start.end < end
        ):
            # 那坡镇 (a town of the report's county) read as 那坡 (a county).
            del accepted[start]
        if len(refs) == 1 and not _inside_accepted(start, accepted):
            accepted[start] = Candidate(
                start, end, "Region", refs[0].name, "region.town-context", refs[0].code
            )
    _find_towns_written_with_peoples(text, by_name, accepted)
    _find_short_towns(text, counties, accepted)
    _find_listed_town_stems(text, counties, accepted)


#: The endings of a town's or street's full name (新城街道, 青溪镇, 保基乡).
_TOWN_ENDINGS = ("街道", "镇", "乡")


def _find_towns_of_areas(
    text: str,
    index: RegionIndex,
    context: set[str],
    accepted: dict[int, Candidate],
    token_bounds: tuple[set[int], set[int]],
    word_tags: Mapping[str, str],
) -> None:
    """Towns and streets written in full in a report that names no county,
    under the province or city it names: 区教委 of Beijing reporting on its
    龙山街道 without naming its district. Only a full name that one town of
    those areas has; the county between is known from the town's code.

    No word of jieba's dictionary runs across the name's edges (和平|乡村),
    and neither its stem nor its last two characters are a common word of
    that dictionary (中心镇 of 重点中心镇, 南城乡 of 江南城乡一体化). Words jieba
    makes of characters it does not know (到德胜|街道) may cross an edge: it
    cuts a town it does not know anywhere.
    """
    areas = {c for c in context if index.by_code[c].level in (1, 2)}
    deepest = sorted(
        a for a in areas if not any(a in index.ancestors(b) for b in areas)
    )
    found: dict[tuple[int, int], list[RegionRef]] = defaultdict(list)
    for area in deepest:
        matcher, towns = _area_towns(area)
        for start, end, name in matcher.finditer(text):
            found[start, end].extend(towns[name])
    for (start, end), refs in sorted(found.items()):
        name = text[start:end]
        stem = name[: -2 if name.endswith("街道") else -1]
        if (
            len(refs) != 1
            or _dictionary_word_across(text, start, token_bounds, word_tags)
            or _dictionary_word_across(text, end, token_bounds, word_tags)
            or word_tags.get(stem, "ns") not in _PROPER_NAME_TAGS
            or (
                len(stem) == len(name) - 1
                and word_tags.get(name[-2:], "ns") not in _PROPER_NAME_TAGS
            )
            or _inside_accepted(start, accepted)
        ):
            continue
        accepted[start] = Candidate(
            start, end, "Region", refs[0].name, "region.town-of-area", refs[0].code
        )


def _dictionary_word_across(
    text: str,
    at: int,
    token_bounds: tuple[set[int], set[int]],
    word_tags: Mapping[str, str],
) -> bool:
    """Whether a token that is a word of jieba's dictionary holds ``at``
    inside it (not at its edge)."""
    starts, ends = token_bounds
    if at in starts or at >= len(text):
        return False
    start = next((i for i in range(at - 1, -1, -1) if i in starts), 0)
    end = next((i for i in range(at + 1, len(text) + 1) if i in ends), len(text))
    return text[start:end] in word_tags


#: jieba's part-of-speech tags of proper names: place, person, other, organisation.
_PROPER_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})


@lru_cache(maxsize=64)
def _area_towns(area: str) -> tuple[WordMatcher, dict[str, tuple[RegionRef, ...]]]:
    """The towns under a province or prefecture city, by full name (those of
    three characters or more, as :func:`_county_town_names` reads them)."""
    index = load_region_index()
    prefix = area[:2] if index.by_code[area].level == 1 else area[:4]
    by_name: dict[str, list[RegionRef]] = defaultdict(list)
    for county in sorted(index.towns):
        if county.startswith(prefix):
            for town in index.towns[county]:
                if len(town.name) >= 3 and town.name.endswith(_TOWN_ENDINGS):
                    by_name[town.name].append(town)
    return WordMatcher(by_name), {k: tuple(v) for k, v in by_name.items()}


#: 大市聚镇|中心小学: a town's name before the ending of its school's name.
_UNLISTED_TOWN = re.compile(
    r"([\u4e00-\u9fff]{2,4}?[镇乡])(?=(?:第[一二三四五六七八九十]{1,3})?"
    r"(?:中心小学|中心学校|中心校|中心完小|完小|初级中学|中学|小学|九年一贯制学校"
    r"|中心幼儿园|幼儿园))"
)
#: 各乡镇中心小学, 本乡中学, 两镇学校, 榆树两个镇中心小学: no town named.
_NO_TOWN_NAMED = re.compile(
    # 探索城乡幼儿园: town and country, no town
    r"[各全本该我每其两此某一多诸城乡县市区]|.*(?:乡镇|城乡|[个所等和与及的])"
)


def _verb_opening(text: str, start: int, stop: int) -> int:
    """Where the text after a word of ``name_stop_tokens`` (确定, 包括, 与)
    begins, when one ends between ``start`` and ``stop``; 0 when none does."""
    for cut in range(start + 1, stop):
        if text[max(0, cut - 2) : cut] in _LEX.name_stop_tokens or (
            text[cut - 1] in _LEX.name_stop_tokens
        ):
            return cut
    return 0


def find_unlisted_towns(
    text: str, regions: list[Candidate], index: RegionIndex, home: str
) -> list[Candidate]:
    """A town the division list lacks, named where its school's name starts
    (、大市聚镇中心小学、; 新昌县双彩乡中学): towns merged or renamed since
    (复兴厂镇, now 复兴镇) live on in their schools' names.

    Read only where a county is there to hold it: the county written just
    before it, a county named before it on its line, or the report's county
    (or the one county it names). The town has no division code: a Region by
    its name, as a development zone is (:func:`find_zones`).
    """
    counties = [r for r in regions if r.region and index.by_code[r.region].level == 3]
    own = bool(home) and index.by_code[home].level == 3
    if not counties and not own:
        return []
    county_ends = sorted({c.end for c in counties})
    taken = [(r.start, r.end) for r in regions]
    out = []
    for match in _UNLISTED_TOWN.finditer(text):
        start = match.start()
        verb = _verb_opening(text, start, match.end(1) - 1)
        if verb and text[verb : match.end(1)] in index.by_name:
            continue  # 吸纳|铺镇中心小学: a listed town after the verb
        if verb and (start == 0 or text[start - 1] in _NAME_START):
            # ，确定磁州镇第二小学: the verb before the list is no part of the
            # town (向阳乡, whose rest names no town, keeps its 向)
            match = _UNLISTED_TOWN.match(text, verb) or match
        elif not (start in county_ends or start == 0 or text[start - 1] in _NAME_START):
            # 县|大市聚镇, 确|定大市聚镇: a match may start inside the county
            # (whose end comes first: 太和区钟屯乡) or the verb before it
            inner = [e for e in county_ends if start < e < match.end(1) - 2]
            start = min(inner or ([verb] if verb else []), default=-1)
            match = _UNLISTED_TOWN.match(text, start) if start >= 0 else None
        if match is None:
            continue
        start, name, end = match.start(), match.group(1), match.end(1)
        if (
            _NO_TOWN_NAMED.match(name)
            or is_generic(name[:-1], _LEX.generic_name_prefixes)
            or any(r.level < 4 for r in index.by_name.get(name, ()))
            or any(s < end and start < e for s, e in taken)
        ):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        held = (
            own
            or start in county_ends
            or any(line_start <= c.start < start for c in counties)
            or len({c.region for c in counties}) == 1
        )
        if held:
            out.append(
                Candidate(start, end, "Region", name, "region.unlisted-town", "")
            )
            taken.append((start, end))
    return out


#: 满族 of 拉林满族镇: the peoples a town's written name may carry before its
#: ending when the division list names the town without them (拉林镇).
_PEOPLES_BEFORE_TOWN_END = re.compile(
    r"(?:(?:"
    + "|".join(sorted(_LEX.minority_peoples, key=len, reverse=True))
    + r")族)+(?=[镇乡])"
)


def _find_towns_written_with_peoples(
    text: str,
    by_name: Mapping[str, Sequence[RegionRef]],
    accepted: dict[int, Candidate],
) -> None:
    """拉林满族镇 for the listed 拉林镇: a town of a county in context written
    with the peoples its official name does not carry."""
    for match in _PEOPLES_BEFORE_TOWN_END.finditer(text):
        for start in (match.start() - 3, match.start() - 2):
            if start < 0:
                continue
            refs = by_name.get(text[start : match.start()] + text[match.end()])
            if not refs or len(refs) != 1:
                continue
            if start not in accepted and not _inside_accepted(start, accepted):
                accepted[start] = Candidate(
                    start,
                    match.end() + 1,
                    "Region",
                    refs[0].name,
                    "region.town-context",
                    refs[0].code,
                )
            break


#: 青阳、梅岭、罗山等城区街道, 东石、金井等沿海镇, 安海、磁灶等3个镇: the stems
#: of towns listed before their kind.
_LISTED_STEMS_END = re.compile(
    r"等(?:\d+个)?[\u4e00-\u9fff]{0,3}?(乡镇|镇街|镇|乡|街道)"
)


@lru_cache(maxsize=4096)
def _county_town_stems(county: str) -> dict[str, RegionRef]:
    """The county's towns by their two- or three-character stem (青阳 for
    青阳街道), each stem of one town only."""
    index = load_region_index()
    stems: dict[str, list[RegionRef]] = defaultdict(list)
    for town in index.towns.get(county, ()):
        stem = _town_stem(town.name)
        if 2 <= len(stem) <= 3:
            stems[stem].append(town)
    return {stem: refs[0] for stem, refs in stems.items() if len(refs) == 1}


def _find_listed_town_stems(
    text: str, counties: list[str], accepted: dict[int, Candidate]
) -> None:
    """青阳、梅岭、罗山等城区街道: each listed stem is the town of that kind of a
    county in context, when two of them at least are."""
    stems: dict[str, list[RegionRef]] = defaultdict(list)
    for county in counties:
        for stem, ref in _county_town_stems(county).items():
            stems[stem].append(ref)
    if not stems:
        return
    for end in _LISTED_STEMS_END.finditer(text):
        kind = end.group(1)
        floor = clause_of(text, end.start())[0]
        items = text[floor : end.start()].split("、")
        if len(items) < 2:
            continue
        found = []
        pos = end.start()
        for i in range(len(items) - 1, -1, -1):
            item = items[i]
            pos -= len(item)
            # the first item may follow other words of its clause (向东石)
            sizes = (3, 2) if i == 0 else (len(item),)
            stem = next(
                (item[-n:] for n in sizes if len(stems.get(item[-n:], ())) == 1), ""
            )
            if stem:
                ref = stems[stem][0]
                if kind in ("乡镇", "镇街") or ref.name.endswith(kind):
                    at = pos + len(item) - len(stem)
                    found.append((at, stem, ref))
            pos -= 1  # the 、
        if len(found) < 2:
            continue
        for at, stem, ref in found:
            if at not in accepted and not _inside_accepted(at, accepted):
                accepted[at] = Candidate(
                    at, at + len(stem), "Region", ref.name, "region.town-stem", ref.code
                )


def _county_on_line(
    text: str, at: int, accepted: dict[int, Candidate], counties: list[str]
) -> str:
    """The code of the last county named before ``at`` on its line, or ""."""
    line_start = text.rfind("\n", 0, at) + 1
    before = [c for s, c in accepted.items() if line_start <= s and c.end <= at]
    before = [c for c in before if c.region in counties]
    return max(before, key=lambda c: c.start).region if before else ""


def _inside_accepted(at: int, accepted: dict[int, Candidate]) -> bool:
    """Whether ``at`` falls inside a region already accepted."""
    return any(start <= at < c.end for start, c in accepted.items())


#: 杨镇|第三|中学: the ordinal of a town's school, between the town and its ending.
_TOWN_SCHOOL_ORDINAL = re.compile("第[一二三四五六七八九十]{1,3}")


def _find_short_towns(
    text: str, counties: list[str], accepted: dict[int, Candidate]
) -> None:
    """A two-character town of a county in context, or a street written
    without its 道 (长岭街), that starts a school's name (、侯镇中心小学、,
    杨镇第三中学, 长岭街第二中学): the name begins at a list mark or a clause's
    start and a school's ending follows it, or an ordinal and one."""
    towns: dict[str, list[RegionRef]] = defaultdict(list)
    for county in counties:
        for name, ref in _county_short_towns(county).items():
            towns[name].append(ref)
        for name, ref in _county_streets_as_written(county).items():
            towns[name].append(ref)
    endings = tuple(_LEX.school_suffixes)
    for name, refs in towns.items():
        if len(refs) != 1:
            continue  # towns of two counties in context share the name
        ref = refs[0]
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            ordinal = _TOWN_SCHOOL_ORDINAL.match(text, end)
            if (
                # 推进长岭街第二中学: a street's three characters need no mark
                # before them, as a two-character town's do; 寿光市侯镇中学:
                # nor does a town right after its county
                (
                    at == 0
                    or text[at - 1] in _NAME_START
                    or name.endswith("街")
                    or _after_its_county(text, at, ref)
                    # 吸纳|铺镇中心小学: the verb taking the schools in
                    or text[max(0, at - 2) : at] in _LEX.name_stop_tokens
                )
                and (
                    text.startswith(endings, ordinal.end() if ordinal else end)
                    # 崇明区堡镇东滩中学: right after its county, the town may
                    # open a school's longer name
                    or (
                        _after_its_county(text, at, ref)
                        and _school_ending_soon(text, end, endings)
                    )
                )
                and not _inside_accepted(at, accepted)
            ):
                accepted[at] = Candidate(
                    at, end, "Region", ref.name, "region.town-before-school", ref.code
                )
            at = text.find(name, end)


def _school_ending_soon(text: str, pos: int, endings: tuple[str, ...]) -> bool:
    """Whether a school's ending follows ``pos`` within a few characters of a
    name (东滩|中学), with no mark between."""
    for size in range(1, 7):
        if not _CJK.match(text, pos + size - 1):
            return False
        if text.startswith(endings, pos + size):
            return True
    return False


def _after_its_county(text: str, at: int, town: RegionRef) -> bool:
    county = load_region_index().by_code.get(town.code[:6])
    return county is not None and text.endswith(county.name, 0, at)


def _under_the_place_before(
    fits: list[str], accepted: dict[int, Candidate], start: int, index: RegionIndex
) -> list[str]:
    """The one reading under the place written right before it (沈阳市|铁西区
    where 鞍山市 is named too), else all of them."""
    before = next((c for c in accepted.values() if c.end == start), None)
    if before is None or not before.region:
        return fits
    under = [c for c in fits if before.region in index.ancestors(c)]
    return under if len(under) == 1 else fits


def _under_nearest_context(
    fits: list[str], context: set[str], index: RegionIndex
) -> list[str]:
    """The readings under the lowest region in context that is above any.

    江苏省 and 南京市 in context: 鼓楼区 is 南京市's (under both), not
    徐州市's (under 江苏省 only). Two readings under regions of the same
    level (南京市, 徐州市) stay two.
    """

    def depth(code: str) -> int:
        if code in context:  # 吉林 beside 吉林省: the province, or 吉林市 under it
            return index.by_code[code].level
        return max(
            (index.by_code[a].level for a in index.ancestors(code) if a in context),
            default=0,
        )

    deepest = max(map(depth, fits))
    return [c for c in fits if depth(c) == deepest] if deepest else fits


def _supported(code: str, context: set[str], index: RegionIndex, is_full: bool) -> bool:
    ref = index.by_code[code]
    for other in context:
        if other == code:
            return True
        other_ref = index.by_code[other]
        if (
            not is_full
            and ref.level == 2
            and other_ref.level == 2
            and ref.parent == other_ref.parent
        ):
            return True  # 合肥 beside 六安市: a prefecture of the same province
        if not index.related(code, other):
            continue
        # A short county name needs its own prefecture (or something below it)
        # in context: a province alone would let 大丰/滨海-like words through.
        # A municipality (重庆市) is the prefecture of its districts.
        if (
            not is_full
            and ref.level == 3
            and other_ref.level < 2
            and not (ref.parent == other and other_ref.name.endswith("市"))
        ):
            continue
        return True
    return False


def _street_after(text: str, end: int) -> bool:
    """A street's end right after a place's name (北京|路, 上海|东路)."""
    if text.startswith(_LEX.street_ends, end):
        return True
    return text[end : end + 1] in _DIRECTIONS and text.startswith(
        _LEX.street_ends, end + 1
    )


_DIRECTIONS = frozenset("东南西北中")


def _standalone_short_forms(text: str, hits, rules: Rules) -> set[str]:
    """Unique short forms the text uses as a place at least twice.

    泰和中学, 泰和二中, 泰和教育: a short county or city name that heads a
    school's or the area's name twice names that place (decision 18).
    """
    lex = rules.lexicon
    heads = tuple(lex.school_suffixes) + tuple(lex.school_short_kinds)
    uses: dict[str, int] = {}
    as_place: set[str] = set()
    for _start, end, surface, codes, is_full in hits:
        if is_full or len(codes) != 1 or len(surface) < 2:
            continue
        after = text[end : end + 6]
        if after.startswith("教育") or re.match(r"^[XxＸ*＊]{2}", after):
            as_place.add(surface)  # 泰和教育, 兰州XX县区: the place itself
        elif not re.sub(r"^[一二三四五六七八九十0-9]+", "", after).startswith(heads):
            continue
        uses[surface] = uses.get(surface, 0) + 1
    # A school named after a place word (三都小学) is not enough on its own.
    return {surface for surface, n in uses.items() if n >= 2 and surface in as_place}


# ------------------------------------------------------------ organisations


def _find_suffix_names(
    view: TextView,
    pattern: re.Pattern[str],
    label: str,
    rules: Rules,
    stop: frozenset[str],
    max_chars: int,
    stop_tags: frozenset[str] = frozenset(),
) -> list[Candidate]:
    text = view.text
    out = []
    generic = rules.lexicon.generic_name_prefixes
    for match in pattern.finditer(text):
        start, end = match.span()
        glued = False
        split_from_follower = (
            label == "School"
            and text[end - 1] == "校"
            and text[start : end - 1] in rules.lexicon.school_suffixes
            and text.startswith(rules.lexicon.school_ending_followers, end - 1)
        )
        if split_from_follower:
            end -= 1  # 平桥小学|校舍: the ending is 小学, not 小学校
        elif not view.is_token_end(end):
            if label != "School":
                continue
            end = _end_before_glued_follower(view, start, end, rules)
            if end is None:
                continue
            glued = True
        if text[end : end + 1] in _NOT_A_NAME_AFTER:
            continue
        if label == "School" and _STAGE_AFTER.match(text, end):
            continue  # 小学阶段, 女子高中组, 获小学组一等奖: a stage, a contest's group
        if label == "School" and text.startswith(("布局", "布点"), end):
            continue  # 科学规划学校布局: where schools stand, no school
        if label == "School" and _studio_named_by_its_stage(text, end):
            continue  # 刘晓燕初中数学名师工作室: a teacher's studio, no school
        token_start = view.token_start_at_or_before(start)
        if token_start < start and text[token_start:end] in generic:
            continue  # 中小学: the suffix sits inside a generic word
        floor = _clause_floor(text, start)
        left = _after_joined_quotes(
            text,
            _walk_left(
                view,
                start,
                stop,
                max_chars,
                floor,
                stop_tags,
                long_places=label == "School",
            ),
            start,
        )
        if label == "Program" and left == start:
            verb = view.previous_token(start)
            if (
                verb is not None
                and verb[1] in stop
                and view.tags.get(verb[1]) == "v"
                and verb[1] not in _COPULAS  # A作为|项目学校: no action named
            ):
                # 语言文字推广|行动: the verb that names what the action does,
                # with what it acts on (推广|行动研究 alone is no name)
                further = _walk_left(view, verb[0], stop, max_chars, floor, stop_tags)
                left = further if further < verb[0] else start
        if label == "School" and left == start:
            stem = view.previous_token(start)
            if stem is not None and _stop_word_named_after_its_place(
                text, stem, start, stop
            ):
                # 港北区|建设|小学, XX区|建设|小学: a school named 建设, whose
                # place before it shows the word is its name
                left = _walk_left(
                    view, stem[0], stop, max_chars, floor, stop_tags, long_places=True
                )
        # 3所学校 → the count's measure word is no part of a name (人亚学校
        # starts with 人 and is one).
        while (
            left < start
            and text[left] in _QUANTIFIER
            and _DIGIT.search(text[max(0, left - 3) : left])
        ):
            left += 1
        if label == "School":
            # 牵头校梧州市第一中学, 成员校X中学: the school's role is no part
            # of its name, whether the name starts at it or inside it
            for role in _LEX.school_roles:
                if text.startswith(role, left) and left + len(role) < start:
                    left += len(role)
                elif text.startswith(role, left - len(role) + 1) and left < start:
                    left += 1
        if left == start and label == "School":
            left = _verb_named(view, start, end, rules, stop)
        if (
            label == "School"
            and (
                start - left <= 1
                # 、下|摄司|学校: the walk stopped at a lone character of a
                # listed name
                or (0 < left - floor <= 2 and text[floor - 1 : floor] == "、")
            )
        ):
            left = _clause_opening_name(view, floor, left, start, stop)
        name = text[left:end]
        prefix = name[: len(name) - (end - start)]
        if not prefix or not _CJK.search(prefix):
            continue
        if label == "School" and (
            name[0] in _CLOSING_QUOTES or prefix[-1] in _CLOSING_QUOTES
        ):
            # “X”实验学校, 城乡“专递课堂”教学点: a school's part in the program
            # X, no name
            continue
        if label == "School" and _STATISTIC.search(prefix):
            continue  # 生均教学仪器设备值小学达到2860元: a figure per stage
        if (
            label == "School"
            and prefix.endswith(_PROGRAM_WORDS)
            and not (
                prefix.endswith("工程")
                and len(prefix) > 2
                and (
                    text[start:end] in _COLLEGE_ENDS or _engineering_taught(view, start)
                )
            )
        ):
            # 乡村温馨校园建设项目学校: a school's part in a program (but
            # 机电工程职业学院 and 锦州市机电工程学校 teach engineering)
            continue
        if (
            label == "School"
            and text[start:end] == "学校"
            and (
                (
                    prefix in _region_words()
                    and (
                        prefix[-1] in _DIVISION_ENDS
                        or prefix in _LEX.short_forms_as_words  # 沿江、沿河学校
                    )
                )
                or _places_only(prefix)
                # 赴道场乡、妙西镇、东林镇学校: the listed towns' schools (not
                # 、精武镇学校、 after a school)
                or (prefix in _town_names() and _after_a_listed_town(text, left))
            )
        ):
            # 与香洲区学校, 与杭州市拱墅区学校结对: a district's schools, no one
            # (清水学校, named after a place, is one)
            continue
        areas_own = label == "School" and _the_areas_own(
            text, left, name, prefix, rules
        )
        if areas_own:
            pass  # 县特殊教育学校: the county's one school of that kind
        elif _known_town(view, left, prefix, generic):
            pass  # 新城镇中心小学: a town jieba knows, not 新 + 城镇
        elif is_generic(prefix, generic) or (
            # 学前教育普及普惠工程: a scheme named before a kind word is one
            (label != "Program" or len(prefix) < 6)
            and _ends_generic(view, start, left, generic)
        ):
            continue
        if (
            label == "School"
            and len(prefix) == 1
            and text.startswith("中心", start)
            and text[start - 2 : start] in _town_stems()
        ):
            # 均|溪|中心小学: jieba cut the town's name (均溪镇) in two
            left, prefix = start - 2, text[start - 2 : start]
            name = text[left:end]
        if label == "School" and len(prefix) == 1 and not areas_own:
            continue  # 经学校申报, 镇中心小学: one character names no school
        if label == "School" and (
            name.startswith("各") or text[left - 1 : left] == "各"
        ):
            continue  # 各苏木镇中心学校, 各旗市区实验小学: every one of them
        if glued and not (
            any(name[:size] in _region_words() for size in (2, 3, 4))
            or (len(prefix) >= 3 and _REGION_END.search(prefix))  # 铁日木乡中学|教师
        ):
            continue  # 全体中学|校长: only a place makes it one school's head
        if label == "School" and name[:1] in '“"「『':
            continue  # 结成“姊妹学校”: a kind of school quoted, no name
        if (
            label == "School"
            and name.startswith("原")
            and len(name) > 4
            and not any(name[:size] in _region_words() for size in (2, 3))
            and not _town_named_elsewhere(text, name)
        ):
            # 原城关中学更名为…: the school as it was called; 原平市 is a city
            left += 1
            name = name[1:]
        if (
            label == "School"
            and _COUNTED_AFTER.match(text, end)
            and not _last_of_counted_list(text, left, end)
        ):
            continue  # 特殊教育学校3所, 教师进修学校1所: a kind, counted
        if label == "School" and (
            name.endswith(rules.award_suffixes)
            or prefix in rules.lexicon.school_suffixes
            or _GRADED_KIND.match(name)
        ):
            # 青少年校园足球特色学校 is a designation; 幼儿园小学 a list;
            # 省级义务教育优质均衡发展学校 a grade of school, named by no school
            continue
        if (
            label == "School"
            and name.endswith(("小学校", "中学校"))
            and text[end : end + 1] == "长"
        ):
            end -= 1  # 中心小学|校长: the school's head, not 中心小学校
            name = name[:-1]
        rule = f"{label.lower()}.suffix"
        if label == "School" and _DESCRIBED_AS.search(text, max(0, left - 30), left):
            # 这所海拔1300多米的高山学校, 唯一一所以X为特色的民族小学, 称为
            # “家门口的技能学校”: what the school named before is, no name
            continue
        if label == "Program" and (
            _NO_PROGRAM_PREFIX.search(prefix)
            or _carried_out_names_nothing(prefix, text, end)
        ):
            # 该计划项目学校, 今年计划实施项目14个, 教师平台注册率, 学校取消项目
            # 学校资格: a plan referred to, a count, people's or a verb's
            continue
        if label == "Program":
            out.extend(
                Candidate(left + a, left + b, label, name[a:b], rule, "")
                for a, b in _joined_names(name, rules.lexicon.program_suffixes)
            )
            continue
        out.append(Candidate(left, end, label, name, rule, ""))
    return out


#: 这所…的, 唯一一所…的, 称为“…的 right before a school's kind: what the
#: school already named is (not 新建一所…的城南学校, a new school's name).
_DESCRIBED_AS = re.compile(
    r"(?:[这那]所|唯一一所|称为[“\"]?)[^，,。；;！!？?“”\"]*的[“\"]?$"
)
_NAME_JOINERS = re.compile("和|及|以及|与")
#: Words of a figure (per student, floor area, value of equipment), which no
#: school's name holds.
_STATISTIC = re.compile("生均|面积|设备值")


def _joined_names(name: str, suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """特岗计划和银龄讲学计划: two programs joined, each ``(start, end)`` in
    ``name``; the whole name when no part before a joiner ends a name."""
    spans = []
    start = 0
    for joiner in _NAME_JOINERS.finditer(name):
        part = name[start : joiner.start()]
        if len(part) >= 4 and part.endswith(suffixes):
            spans.append((start, joiner.start()))
            start = joiner.end()
    spans.append((start, len(name)))
    return spans


def _clause_opening_name(
    view: TextView, floor: int, left: int, start: int, stop: frozenset[str]
) -> int:
    """人和街小学, 致和小学, 拱星墩小学 opening a clause: jieba cut an unknown
    name into pieces tagged as a conjunction, a verb or a place word, so the
    walk stopped inside it. The clause's opening run of two to four characters
    is the name when it holds a one-character piece (an unknown word) and no
    stop word; ``left`` otherwise."""
    text = view.text
    while floor < start and text[floor] in " \t\u3000":
        floor += 1
    opening = floor
    place = view.next_token(floor)
    if (
        place is not None
        and place[1] in _region_words()
        and place[0] + len(place[1]) < start
    ):
        floor += len(place[1])  # 海港区|文化|里|小学: a place, then the name
    run = text[floor:start]
    if not 2 <= len(run) <= 4 or not _CJK_RUN.fullmatch(run):
        return left
    if run[0] in "全各我本该每这其" or not view.is_token_start(floor):
        return left
    pieces = []
    pos = start
    while pos > floor:
        prev = view.previous_token(pos)
        if prev is None or prev[0] < floor:
            return left
        pieces.append(prev[1])
        pos = prev[0]
    if len(pieces) < 2 or not any(len(p) == 1 for p in pieces):
        return left
    pieces.reverse()
    if view.tags.get(pieces[0]) in ("c", "p", "d", "r", "u"):
        return left  # 并|作为|学校: a clause opening with a function word
    if any(len(p) > 1 and view.tags.get(p) in _NAME_STOP_TAGS - {"m"} for p in pieces):
        return left  # 作为, 加强: a known word of another kind (八一 may name)
    # 城关小学、下|摄司|学校、中|和|小学: an item of a list of schools, whose
    # lone characters begin its name, whatever jieba makes of them
    listed = text[opening - 1 : opening] == "、" and text.endswith(
        _LEX.school_suffixes, 0, opening - 1
    )
    for i, piece in enumerate(pieces):
        if piece in _CONJUNCTIONS and i > 0 and all(len(p) == 1 for p in pieces[:i]):
            continue  # 人|和|街, 致|和: no list joins a lone character
        if listed and len(piece) == 1:
            continue
        if piece in stop or piece in _LEX.generic_name_prefixes:
            return left
    return opening


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PROGRAM_WORDS = ("项目", "工程", "计划", "行动", "试点")


def _engineering_taught(view: TextView, end: int) -> bool:
    """机电工程|学校, 建筑|工程|学校: 工程 ending at ``end`` is a branch of
    engineering a school teaches, a noun with it (jieba's tag) of two or more
    characters, not a scheme's name (强基|工程, “薄改”工程)."""
    token = view.previous_token(end)
    if token is not None and token[1] == "工程":
        token = view.previous_token(token[0])
    elif token is not None and token[1].endswith("工程"):
        token = (token[0], token[1][: -len("工程")])
    return token is not None and len(token[1]) >= 2 and view.tags.get(token[1]) == "n"


#: Endings of colleges and vocational schools, whose names may hold a
#: discipline: 石化工程职业学院, 建筑工程职业技术学校.
_COLLEGE_ENDS = frozenset(
    {"学院", "职业学院", "职业技术学院", "职业大学", "大学", "职业学校", "职业技术学校"}
)
#: Verbs that say what something is (作为, 成为, 列为): they name no action.
_COPULAS = frozenset({"作为", "成为", "列为", "确定为", "被列为", "是"})
#: A school's part in a program with nothing else named: 项目学校, 首批实施学校.
_BARE_PART = re.compile(
    r"^(?:工程|项目|计划|行动)?(?:首批|第[一二三四五六七八九十]批)?(?:"
    + _alt(_LEX.quoted_participation_designations + _LEX.participation_designations)
    + ")$"
)


def _verb_named(
    view: TextView, start: int, end: int, rules: Rules, stop: frozenset[str]
) -> int:
    """启航小学, 奋进中学: a name jieba tags a verb, where a name stands.

    The word right before the ending opens the name when nothing before it
    could be its subject (a boundary, a joiner, a governing verb such as
    新建) and the school is followed by a boundary, a joiner or an honour's
    verb (启航小学获评…), so 加强中学管理 stays no school. Returns the
    name's start, or ``start`` when the word is no name.
    """
    text = view.text
    if text[start:end] not in _LEX.stage_school_kinds:
        return start  # 帮扶学校: 学校 alone is what is helped
    prev = view.previous_token(start)
    if prev is None or len(prev[1]) != 2 or view.tags.get(prev[1]) not in ("v", "vn"):
        return start
    p_start, word = prev
    before = view.previous_token(p_start)
    # 芦淞区建设中学, XX区建设小学: right after its place, even a verb that
    # governs elsewhere (建设) is the school's name.
    after_place = before is not None and (
        before[1] in _region_words()
        or _MASKED_REGION.fullmatch(before[1]) is not None
        or _listed_town(before[1], _LEX.generic_name_prefixes)  # 王店镇建设小学
    )
    if (word in stop and not after_place) or not _CJK.search(word):
        return start
    opens = (
        before is None
        or after_place
        or before[1][-1] in _BOUNDARY
        or before[1] in _JOINERS
        or before[1] in stop
    )
    after = text[end : end + 3]
    closes = (
        not after
        or after[0] in _BOUNDARY
        or after[0] in _CONJUNCTIONS
        or rules.award_trigger.match(text, end) is not None
        or text.startswith(_LEX.subject_followers, end)
    )
    if not (opens and closes):
        return start
    return before[0] if after_place else p_start


def _the_areas_own(text: str, left: int, name: str, prefix: str, rules: Rules) -> bool:
    """县 or 市 + a kind its area runs one of (县特殊教育学校, 市职业中专,
    县职教中心)."""
    if not prefix or prefix[0] not in "县市区旗":
        return False
    if left > 0 and text[left - 1] in "全各每":
        return False  # 全县特殊教育学校: all of them
    kinds = rules.lexicon.single_school_kinds
    if len(prefix) == 1:
        return name[1:] in kinds  # 县职教中心: the kind is the whole ending
    return is_generic(prefix[1:], kinds)


def _glued_follower(view: TextView, end: int, rules: Rules) -> bool:
    """…第一中学|校长: jieba's word 中学校长 hides the school ending's end; so
    does 中学英语 in …第二中学|英语教研组, a subject's group of the school."""
    if any(
        view.text.startswith(word, end) and view.is_token_end(end + len(word))
        for word in rules.lexicon.school_glued_followers
    ):
        return True
    return any(
        view.text.startswith(subject, end)
        and _SUBJECT_GROUP.match(view.text, end + len(subject)) is not None
        for subject in _LEX.teaching_subjects
    )


#: 教研组, 备课组: a school's group of a subject's teachers.
_SUBJECT_GROUP = re.compile(r"(?:教研组|备课组|学科组|教研室)")


def _end_before_glued_follower(
    view: TextView, start: int, end: int, rules: Rules
) -> int | None:
    """The end of the school ending a glued follower comes after (中学|校长).

    The ending pattern reads 中学校 in 中学校长; a shorter ending that a
    follower completes is the name's end. None when none is.
    """
    endings = rules.lexicon.school_suffixes
    for cut in range(end, start, -1):
        if view.text[start:cut] in endings and _glued_follower(view, cut, rules):
            return cut
    return None


def _ends_generic(
    view: TextView, suffix_start: int, left: int, generic: frozenset[str]
) -> bool:
    """Return True when the token right before the suffix is a generic modifier.

    公办幼儿园 and 义务教育学校 name kinds of schools, not schools.
    """
    before = view.text[left:suffix_start]
    heads = list(_before_plural_kinds(before))
    for head, kind in heads:
        if (
            not head
            or head in _region_words()
            or _MASKED_REGION.fullmatch(head)
            or (kind in _LEX.area_school_kinds and _REGION_END.search(head))
            or _ends_with_verb(view, left + len(head))
        ):
            # 甘肃省民办学校, 明城镇农村学校: a place has many; 推行农村学校:
            # the kind a verb acts on
            return True
    if any(head.endswith("乡镇") for head in (before, *(h for h, _ in heads))):
        return True  # 苏木乡镇中心幼儿园: every township's, not one town's
    place, kind = _peel_places(view.text[left:suffix_start])
    if place.endswith(("省", "自治区")) and kind in _LEX.single_school_kinds:
        return True  # 贵州省中等职业学校: a county runs one, a province many
    if view.text[left:suffix_start] in _LEX.place_kinds:
        return True  # 部分苏木学校: every sumu's schools
    if _DIRECTLY_RUN.search(view.text, left, suffix_start):
        return True  # 乡镇和县直学校: the schools the county runs itself
    if view.text[left:suffix_start].endswith(_SOME_OF):
        return True  # 郑宅镇所属学校, 县域内学校: some or all of a place's schools
    prev = view.previous_token(suffix_start)
    if prev is None or prev[0] < left or prev[1] not in generic:
        return False
    # 荔波县特殊教育学校: a kind of school named by its region is a school.
    head = view.text[left : prev[0]]
    if head in _region_words():
        return False  # 潍坊职业学院: a region's school of a generic kind
    if any(head[-size:] in _region_words() for size in (2, 3, 4) if len(head) > size):
        return False  # 西湖区西湖中心学校: the place after its district
    if _named_after_region(head, prev[1]):
        return False  # 蓟州区启明特殊教育学校: a region, the school's own name
    if any(
        head[:-1][-size:] in _town_names() or head[:-1][-size:] in _region_words()
        for size in range(3, 6)
        if len(head) > size
    ):
        return False  # 外冈镇望|新|小学: one character after the town opens its name
    return not _PLACE_END.search(head)


_PLACE_END = re.compile(r"(?:[省市县区旗镇乡州]|街道)$")


#: The kinds of school a place has many of, longest first, in a fixed order
#: (a set's order changes per process).
_PLURAL_KINDS = tuple(
    sorted(
        _LEX.plural_school_kinds | _LEX.area_school_kinds, key=lambda k: (-len(k), k)
    )
)


def _before_plural_kinds(head: str) -> Iterator[tuple[str, str]]:
    """(明城镇, 农村) of 明城镇农村, then (惠及乡镇, 寄宿制) of 惠及乡镇寄宿制:
    each kind of school a place has many of (农村, 寄宿制, 民办) that ``head``
    ends with, nearest first, and what comes before it."""
    while True:
        kind = next((k for k in _PLURAL_KINDS if head.endswith(k)), "")
        if not kind:
            return
        head = head[: -len(kind)]
        yield head, kind


def _ends_with_verb(view: TextView, end: int) -> bool:
    """Whether the token ending at ``end`` is a verb (推行, 惠及)."""
    prev = view.previous_token(end)
    return (
        prev is not None
        and prev[0] + len(prev[1]) == end
        and view.tags.get(prev[1]) == "v"
    )


def _peel_places(
    head: str, *, leave: int = 0, full_names: bool = False
) -> tuple[str, str]:
    """The last of the places ``head`` opens with, and what follows them
    (成都市|青白江区|现代物流 → 青白江区, 现代物流); ``leave`` characters at
    least stay after them; ``full_names``: only names ending in a level
    (杭州市, not the short form 金湾)."""
    places = _region_words()
    place, rest = "", head
    while True:
        sizes = range(min(len(rest) - leave, 8), 1, -1)
        size = next(
            (
                n
                for n in sizes
                if rest[:n] in places
                and (not full_names or rest[n - 1] in "省市区县旗州盟")
            ),
            0,
        )
        if not size:
            return place, rest
        place, rest = rest[:size], rest[size:]


def _places_only(prefix: str) -> bool:
    """杭州市拱墅区, 江苏省常州市: full names of places and nothing else (not
    江都区金湾, a district and a school's own name)."""
    return not _peel_places(prefix, full_names=True)[1]


def _named_after_region(head: str, kind: str) -> bool:
    """A place, then a name of its own (启明, 珠江航运) before a generic kind.

    A longer own name (three or four characters) counts only after a place
    below a province and before a kind of school (职业, 中职): 山东省高水平
    中职学校 is a designation, 崇川区心理健康教育小学 a topic's schools,
    绵阳财经职业学校 a school.
    """
    place, own = _peel_places(head, leave=2)  # past every place of the chain
    if not place or own in _LEX.plural_school_kinds or own in _LEX.name_stop_tokens:
        return False
    if re.search(r"[省市县区旗镇乡州]$", own):
        return False
    if is_generic(own, _LEX.generic_name_prefixes):
        return False
    if len(own) == 2:
        return True
    return (
        len(own) <= 4
        and kind != "教育"
        and not _is_province(place)
        and not own.endswith(_LEX.school_suffixes)  # 北山中学|新校区: a campus
    )


def _is_province(place: str) -> bool:
    index = load_region_index()
    codes = index.by_name.get(place) or index.by_short.get(place) or ()
    return any(index.by_code[code].level == 1 for code in codes)


#: Words that pick out some of a place's schools, never one named school.
_SOME_OF = ("所属", "直属", "个别", "部分", "其他", "其余", "域内", "辖区内", "境内")
_DIRECTLY_RUN = re.compile(r"[县市区州旗省]直属?$")


#: What opens or ends a program's name only when no program is named: a back
#: reference (该计划), a time (今年), people (教师平台), a verb before the kind
#: word (计划实施项目, 取消项目).
#: 省级…学校, 全省…幼儿园: a grade or kind of school, which no school's name
#: opens with.
_GRADED_KIND = re.compile(r"(?:国家|省|市|县|区)级|全(?:国|省|市|县|区)")
#: 原公镇中心学校: a town whose name starts with 原 (the "former" of
#: 原城关中学), when the report names the town elsewhere too (alone or in
#: another school's name).
_TOWN_WITH_YUAN = re.compile(r"原[\u4e00-\u9fff]{1,3}?(?:镇|乡|街道)")


def _town_named_elsewhere(text: str, name: str) -> bool:
    town = _TOWN_WITH_YUAN.match(name)
    return town is not None and text.count(town.group()) > text.count(name)


_NO_PROGRAM_PREFIX = re.compile(
    r"^(?:该|此|这|上述|本)|今年|去年|明年|年内|全年"
    r"|^(?:两校|各校|学校|教师|学生|家长|计划)+$"
    r"|(?:取消|申报|推荐|立项|承担)$"
)
_COUNT_START = re.compile(_COUNT_CHARS)
#: 计划实施项目, 全面实施项目: 实施 carries out projects, which it names not.
_CARRIED_OUT_BY = re.compile(
    r"(?:计划|拟|将|已|并|全面|深入|进一步|积极|继续|组织|负责|共|累计)$"
)


def _carried_out_names_nothing(prefix: str, text: str, end: int) -> bool:
    """X实施项目 names a program when X does (新课程新教材实施项目: the project
    carrying out the new curriculum); 计划实施项目14个 and 学校实施项目 name
    none."""
    if not prefix.endswith("实施"):
        return False
    what = prefix[:-2]
    return (
        len(what) < 4
        or _CARRIED_OUT_BY.search(what) is not None
        or is_generic(what, _LEX.generic_name_prefixes)
        or _COUNT_START.match(text, end) is not None
    )


def is_generic(prefix: str, generic: frozenset[str]) -> bool:
    """Return True when ``prefix`` is made only of generic modifiers."""
    rest = prefix
    while rest:
        for size in range(min(6, len(rest)), 0, -1):
            if rest[:size] in generic:
                rest = rest[size:]
                break
        else:
            return False
    return True


_EACH_BEFORE = re.compile(r"各[省市县区旗盟州级（）()、]*$")
_MASK_BEFORE = re.compile(_MASK.pattern + "$")
#: 先进教育局, 优秀教育局: words that make a kind of bureau a title.
BUREAU_TITLE_WORDS = ("先进", "优秀", "模范", "标兵")
#: 旗县区, 县市区: a run of levels, the bureaus of all of them (not 新市区,
#: a district's name, which ends a region found there).
_LEVELS_BEFORE = re.compile("[省市县区旗盟州]{2,}$")


_COMMITTEE_BEFORE = re.compile(f"(?:{_alt(ZONE_COMMITTEES)})$")


#: 学前|教育部, 义务|教育部, 职业|教育部: a school's section, not the ministry.
_SCHOOL_SECTION_BEFORE = re.compile("(?:学前|义务|职业|特殊|高中|初中|小学|成人|继续)$")


def _find_bureaus(
    view: TextView, rules: Rules, regions: list[Candidate]
) -> list[Candidate]:
    """Bureau names: optional region chain or level character + a bureau suffix."""
    text = view.text
    region_by_end = {r.end: r for r in regions}
    out = []
    for match in rules.bureau_suffix.finditer(text):
        start, end = match.span()
        if match.group().endswith("部") and text.startswith("门", end):
            continue  # 丰台区教育部门: a place's education departments, no bureau
        if match.group() == "教育部" and _SCHOOL_SECTION_BEFORE.search(
            text, max(0, start - 2), start
        ):
            continue  # 开设学前教育部、义务教育部: a special school's sections
        if _EACH_BEFORE.search(text, max(0, start - 10), start):
            continue  # 各县（市、区）教育局: every one of them, no bureau
        if text[max(0, start - 2) : start] in BUREAU_TITLE_WORDS:
            continue  # 全州教育系统先进教育局: a title, no bureau
        # (旗县|区教育局: a level the match opens with is the run's too)
        levels_end = start + (match.group()[0] in "省市县区旗盟州")
        if start not in region_by_end and _LEVELS_BEFORE.search(
            text, max(0, levels_end - 4), levels_end
        ):
            continue  # 经旗县区教育局推荐: the bureaus of every level, no one
        left, codes = start, []
        while left in region_by_end:
            region = region_by_end[left]
            codes.insert(0, region.region)
            left = region.start
        # What the name says instead of a region: a level word or a committee.
        qualifier = ""
        if not codes and text[max(0, left - 3) : left] in ("自治区", "自治州"):
            qualifier = text[left - 3 : left]
            left -= 3
        elif not codes and text[max(0, left - 2) : left] == "地区":
            qualifier = "地区"  # 地区教育局: the prefecture's, not 区教育局
            left -= 2
        elif not codes and left > 0 and text[left - 1] in "省市区县旗州盟":
            qualifier = text[left - 1]
            left -= 1
            while left in region_by_end:
                # 察布查尔|县|教育局: an autonomous county's short form, then
                # its level
                region = region_by_end[left]
                codes.insert(0, region.region)
                left = region.start
            masked = _MASK_BEFORE.search(text, max(0, left - 4), left)
            if masked:
                # 郴州市XX区教育局 (decision 20): named as written, with the
                # masked region and the place before it.
                left = masked.start()
                while left in region_by_end:  # (the bureau keeps no code)
                    left = region_by_end[left].start
        committee = _COMMITTEE_BEFORE.search(text, max(0, left - 5), left)
        if not codes and not qualifier and committee is not None:
            # 长白山管委会教育局: the bureau of a zone's administering committee
            left = _walk_left(
                view,
                committee.start(),
                rules.lexicon.name_stop_tokens,
                12,
                _clause_floor(text, committee.start()),
                _NAME_STOP_TAGS,
            )
            while left in region_by_end:
                left = region_by_end[left].start
            qualifier = text[left : committee.end()]
        if not codes and not qualifier and text[end : end + 1] == "长":
            continue  # 各区分管领导和教育局长: a post held in any bureau
        out.append(
            Candidate(
                left,
                end,
                "Bureau",
                text[left:end],
                "bureau.suffix",
                codes[-1] if codes else "",
                # A bureau whose name says its region or level outranks a
                # bare ending (priorities: kg/data/lexicon/span_priorities.tsv).
                qualified=bool(codes or qualifier),
            )
        )
        if len(codes) == 1 and codes[0]:
            # 昆山、泰兴市教育局: each place listed before has the bureau too.
            level = rules.regions.by_code[codes[0]].level
            for place in _places_listed_before(
                text, left, region_by_end, rules.regions, level
            ):
                bureau = place.name + match.group()
                out.append(
                    Candidate(
                        place.start,
                        place.end,
                        "Bureau",
                        bureau,
                        "bureau.coordinated",
                        place.region,
                        qualified=True,
                    )
                )
    return out


def _places_listed_before(
    text: str,
    left: int,
    region_by_end: dict[int, Candidate],
    index: RegionIndex,
    level: int,
) -> Iterator[Candidate]:
    """The places joined by 、 right before ``left``, nearest first.

    The list ends at a place of another level (江苏省、南京市教育局: another
    body) or one without a division code (XX区).
    """
    while left > 0 and text[left - 1] == "、":
        place = region_by_end.get(left - 1)
        if (
            place is None
            or not place.region
            or index.by_code[place.region].level != level
        ):
            return
        yield place
        left = place.start


def _find_documents(text: str) -> list[Candidate]:
    out = []
    for match in _BOOK.finditer(text):
        name = match.group(1).translate(_STRIP_QUOTES).strip()
        if len(name) >= 2:
            out.append(
                Candidate(
                    match.start(1),
                    match.end(1),
                    "Document",
                    name,
                    "document.book-title",
                    "",
                )
            )
    return out


#: After a quote's closing mark, the next quote of a run: “A”“B”, “A”、“B”,
#: “A”和“B”.
#: What joins the items of a list of quoted names.
_QUOTE_JOINER = "[、和及与]"
_NEXT_QUOTE = re.compile(_QUOTE_JOINER + r"?[“\"]")
#: What a quoted idea is followed by (“X”意识, “X”理念).
_IDEA = ("意识", "理念", "的原则", "的理念", "的方针", "的宗旨", "原则")
#: A platform, system or app written right before a quote that names it
#: (not 教育系统, the education sector: 全市教育系统“庆祝…”文艺晚会).
_NAMED_PLATFORM_BEFORE = re.compile(
    r"(?:平台|(?<!教育)(?<![全本])系统|小程序|APP|App|客户端|公众号)$"
)
#: 互联网+教育, 学区+集团+托管: words joined by +, each of two or more
#: characters (not “5+2”, “1+N”, codes that name a pattern, not a policy);
#: 党建+共同体 joins party work to a scheme: a party activity, no program.
_COINED_PLUS = re.compile(r"(?!党建)[\u4e00-\u9fff]{2,8}(?:\+[\u4e00-\u9fff]{2,8})+")
#: After an A+B quote: the shape of the work (模式, 方式, 格局, 产教融合), no
#: program; or the next of several quoted shapes (“牵头校+成员校”“领办+新建校”
#: 三种组团方式).
_PLUS_SHAPE = re.compile(
    r"[“\"]|(?:的)?(?:[\u4e00-\u9fff]{0,4}?)"
    r"(?:模式|方式|格局|体系|机制|架构|布局|路径|赛道|思路|融合)"
)
#: What may close a verb's quoted object: the clause's end or the next quote.
_CLOSES_OBJECT = re.compile(r"[，。；,;]|" + _QUOTE_JOINER + r"[“\"]")
_RUN_JOINER = re.compile(_QUOTE_JOINER)
#: “白茶文化进校园”特色品牌: a brand is a program; a party-building brand
#: (党建品牌) stays gray (decision 7).
_BRAND = re.compile(r"^(?!党建)[\u4e00-\u9fff]{0,4}?品牌")


#: 引进工程, 培养工程, 三年行动 right after a quote listing what a scheme brings in
#: (not 四大工程, a count of the schemes the quote lists).
_LISTED_BRAND_TAIL = re.compile(
    r"(?![一二三四五六七八九十两\d]+[大项个类])[\u4e00-\u9fff]{0,4}?(?:工程|计划|行动)"
)


#: “一体化”办学试点学校: a pilot's name running on after a quote.
_PILOT_NAMED_ON = re.compile(r"([\u4e00-\u9fff]{2,8}?)试点(?:学校|校)")
#: “X”称号, “X”荣誉称号, “X”等称号: the quote is a title.
_TITLE_AFTER = re.compile(r"等?(?:荣誉)?称号")


def _program_named_before(text: str, before: int, inner: str) -> str:
    """The program “inner” named before ``before`` with its head after the
    quote (“珠源名师”培养工程: 珠源名师培养工程), or ""."""
    quoted = f"“{inner}”"
    at = text.rfind(quoted, 0, before)
    while at >= 0:
        head = _FOLLOWER.match(text, at + len(quoted), at + len(quoted) + 20)
        if head is not None:
            return inner + head.group()
        at = text.rfind(quoted, 0, at)
    return ""


def _find_quoted_programs(text: str, rules: Rules) -> list[Candidate]:
    lex = rules.lexicon
    out = []
    pending: list[tuple[int, int, str]] = []
    object_run_end = 0  # where the last quoted object of a verb closed
    for match in _QUOTE.finditer(text):
        inner = match.group(1).strip()
        if not _CJK.search(inner):
            code = _coded_program(text, match, inner, rules)
            if code is not None:
                out.append(code)
            continue
        if re.search(r"[，,。；;！!？?]", inner):
            continue
        continued = _quoted_part_of_program(text, match, inner, rules)
        if continued is not None:
            out.append(continued)
            continue
        after = text[match.end() : match.end() + 10]
        school_part = _SCHOOL_PART_END.search(inner)
        designated = None
        pilot = _PILOT_NAMED_ON.match(text, match.end())
        if (
            len(inner) <= 3
            and pilot is not None
            and not any(word in pilot.group(1) for word in lex.program_suffixes)
        ):
            # 入选乡村小规模学校“一体化”办学试点学校: a short quote stressed in
            # a pilot's name, which _find_pilot_lists names whole (not
            # “春晖”行动首批试点学校, the pilot of the program “春晖”行动)
            continue
        if _TITLE_AFTER.match(after):
            # 保留“上饶市体育传统项目学校”称号: a title held, not a school's part
            school_part = None
        elif school_part and school_part.start() >= 4 and "、" not in inner:
            # 入选“贵州省…课堂教学改革试点学校”: the quote names the school's
            # part; the program is the name without its school word
            designated = inner[: school_part.end(1)]
            end = match.start(1) + len(designated)
        elif QUOTED_PART.match(text, match.end() - 1) and (
            not inner.endswith(rules.award_suffixes)
            # “珠源名师”培养工程 … “珠源名师”乡村基地校: the program named before
            or _program_named_before(text, match.start(), inner)
        ):
            # 入选“AI课堂”全国项目学校: the school's part in the program AI课堂
            # “X”工程首批实践基地校: the program is X工程
            head = _PROGRAM_RUN_ON.match(text, match.end())
            designated = (
                lex.programs.get(inner)
                or _program_named_before(text, match.start(), inner)
                or inner + (head.group() if head else "")
            )
            end = match.end(1)
        if designated is not None:
            out.append(
                Candidate(
                    match.start(1),
                    end,
                    "Program",
                    designated,
                    "program.quoted-designation",
                    "",
                )
            )
            continue
        honour = _quoted_honour(inner, after, rules)
        if honour:
            # “2023年度清廉学校”建设示范校: the quote opens an honour's name.
            end = match.end() + len(honour) - len(inner)
            out.append(
                Candidate(
                    match.start(1),
                    end,
                    "Award",
                    inner + honour[len(inner) :],
                    "award.quoted-continued",
                    "",
                )
            )
            continue
        canonical = lex.programs.get(inner)
        if (
            not canonical
            and inner.endswith(lex.program_suffixes)
            and _AS_A_METAPHOR.search(
                text, max(0, match.start() - 8), match.start() + 1
            )
            # 把“双减”作为“一号工程”: what a thing is treated as; not
            # 上述5所学校作为“名校长培养工程”基地校, the schools' part in it
            and _TREATED.search(text, clause_of(text, match.start())[0], match.start())
        ):
            continue  # 把“双减”作为“一号工程”来抓: 一号工程 is no program
        rule = ""
        headed = _FOLLOWER.match(text, match.end(), match.end() + 20) is not None
        followed = after.startswith(lex.program_quote_followers) or headed
        if after.startswith(lex.award_pursuit_triggers):
            continue  # “…普惠县”创建计划: an honour being pursued, an Award
        if (
            inner.endswith(rules.award_suffixes)
            and not followed
            and not _NEXT_QUOTE.match(text, match.end())
        ):
            continue  # a quoted honour (“…普惠县”创建计划) is an Award
        if after.startswith(_IDEA):
            continue  # 铸牢“中华民族共同体”意识: an idea held, no program
        if inner.endswith(
            lex.program_suffixes + lex.program_quote_followers
        ) and not _is_local_works(inner, rules):
            rule = "program.quoted-suffix"
        elif after.startswith(lex.quote_non_program_followers):
            continue
        elif after.startswith(lex.program_quote_followers):
            rule = "program.quoted-follower"
        elif canonical:
            rule = "program.gazetteer"
        elif (
            headed
            or _BRAND.match(after)
            or (
                _QUOTE_HEAD.match(text, match.end(), match.end() + 20)
                and not _FORMULA.fullmatch(inner)
            )
        ):
            rule = "program.quoted-follower"
        elif _CLOSES_OBJECT.match(text, match.end()) and (
            text.endswith(lex.program_object_verbs, 0, match.start())
            or (
                object_run_end
                and _RUN_JOINER.fullmatch(text, object_run_end, match.start())
            )
        ):
            # 推行“阳光分班”和“阳光招生”，: a scheme put into practice
            rule = "program.quoted-object"
        elif _NAMED_PLATFORM_BEFORE.search(
            text, max(0, match.start() - 3), match.start()
        ):
            # 智慧作业管理平台“鹿邑作业通”: the platform's own name
            rule = "program.quoted-platform-name"
        elif _COINED_PLUS.fullmatch(inner) and not _PLUS_SHAPE.match(after):
            # “互联网+教育”示范区建设, “雪场+学校”结对共建: a policy coined as
            # A+B names itself (not “走教+送教”的方式, a way of working)
            rule = "program.quoted-plus"
        if not rule:
            pending.append((match.start(1), match.end(1), inner))
            continue
        name = canonical or inner
        tail = _FOLLOWER.match(text, match.end(), match.end() + 20)
        whole = tail.group() if tail is not None else ""
        if whole and text.startswith("试点", tail.end()):
            whole += "试点"  # “强基提质”课堂教学改革试点: the pilot of the reform
        aid = _QUOTE_HEAD.match(text, match.end(), match.end() + 20)
        if not whole and aid is not None and aid.group().endswith(_AID_HEADS):
            whole = aid.group()  # “组团式”教育人才援藏: the scheme's whole name
        if (
            not canonical
            and rule == "program.quoted-follower"
            and whole.endswith((*lex.program_suffixes, "改革", "试点", *_AID_HEADS))
            and not re.match(r"等|[一二三四五六七八九十两\d]+[大项个类]", whole)
            and "、" not in inner
        ):
            # “新优质学校”集群发展项目: the program's whole name, the quote its
            # short name (the mention's surface, which resolution keeps)
            name = inner + whole
        elif (
            rule in ("program.quoted-suffix", "program.gazetteer")
            and (pilot := _PILOT_OF_A_PROGRAM.match(text, match.end())) is not None
        ):
            # 开展“强基计划”后备人才培养试点: a pilot run under the quoted
            # program, a program of its own named with it (decision 14)
            name = inner + pilot.group()
        object_run_end = match.end() if rule == "program.quoted-object" else 0
        listed_tail = _LISTED_BRAND_TAIL.match(text, match.end())
        if "、" in inner and not canonical and listed_tail is not None:
            # “好校长、好教师”引进工程: one scheme for both, named with its tail
            out.append(
                Candidate(
                    match.start(1),
                    listed_tail.end(),
                    "Program",
                    inner + listed_tail.group(),
                    rule,
                    "",
                )
            )
            continue
        if "、" in inner and not canonical and not after.startswith("活动"):
            # “双减、民转公、新高考”重点改革: one quote, several programs.
            if rule == "program.quoted-object" and _SLOGAN_LIST.fullmatch(inner):
                # 推行“管理互通、研训联动、质量共进”: how a scheme works, in
                # four-character phrases, no programs
                continue
            pos = match.start(1)
            for item in inner.split("、"):
                if len(item.strip()) >= 2:
                    out.append(
                        Candidate(
                            pos, pos + len(item), "Program", item.strip(), rule, ""
                        )
                    )
                pos += len(item) + 1
            continue
        out.append(Candidate(match.start(1), match.end(1), "Program", name, rule, ""))
    # A quoted name right before a quoted program shares its head:
    # “随时学”“随时问”系统 names two systems.
    # From the right, so a run of them (“A”“B”“C”三大工程) shares it too.
    starts = {c.start - 1 for c in out}
    for start, end, inner in reversed(pending):
        joined = _NEXT_QUOTE.match(text, end + 1)
        if joined is not None and joined.end() - 1 in starts:
            out.append(
                Candidate(
                    start, end, "Program", inner, "program.quoted-coordinated", ""
                )
            )
            starts.add(start - 1)
    return out


#: 管理互通、研训联动: four-character phrases listed in one quote, none named
#: with a program's kind.
_SLOGAN_PHRASE = (
    r"(?![\u4e00-\u9fff]{2}(?:工程|计划|行动|项目|改革|平台))[\u4e00-\u9fff]{4}"
)
_SLOGAN_LIST = re.compile(f"(?:{_SLOGAN_PHRASE}、)+{_SLOGAN_PHRASE}")


#: 援藏, 精准帮扶: aid schemes, named whole with their quote.
_AID_HEADS = ("援藏", "援疆", "精准帮扶")


def _is_local_works(name: str, rules: Rules, names_site: bool = False) -> bool:
    """A single construction work (decision 14), not a scheme that funds many.

    A scheme opens with its scope (农村…, 义务教育…) and names no site or
    count; X中学迁建工程 and 30项基建项目 are works.
    """
    if not _is_construction(name, rules):
        return False
    return (
        names_site
        or not name.startswith(_scopes())
        or bool(re.search(r"[0-9]|[一二三四五六七八九十百]+[项个所处]", name))
    )


@cache
def _scope_words() -> frozenset[str]:
    """The generic modifiers of two characters or more (农村, 义务教育, 城区):
    scope words that open a scheme's name, or a stem that names no town."""
    return frozenset(w for w in _LEX.generic_name_prefixes if len(w) >= 2)


@cache
def _scopes() -> tuple[str, ...]:
    """Scope words that open a scheme's name (农村…, 义务教育…), 2+ characters."""
    return tuple(sorted(_scope_words()))


_CODE = re.compile(r"[0-9０-９]+(?:[+＋][0-9０-９A-Za-z]+)*|[0-9０-９]+[+＋][A-Za-z]")


#: A pilot or a reform named with a code (“1+X”证书制度试点).
_CODED_PILOT_ENDS = ("试点", "改革")
_CODED_PILOT_FOLLOWERS = ("工作", "任务", "学校", "院校", "单位")


def _coded_program(
    text: str, match: re.Match[str], inner: str, rules: Rules
) -> Candidate | None:
    """“1358”教师成长工程, “9+3”免费教育计划, “3+2”中高职贯通培养试点: a
    numeric code and the program, pilot or reform head after it name one
    program (the code alone names nothing)."""
    if not _CODE.fullmatch(inner):
        return None
    run = re.match(r"[\u4e00-\u9fff]{2,14}", text[match.end() :])
    if run is None:
        return None
    head = run.group()
    ends = [
        i + len(x)
        for x in rules.program_suffixes
        for i in [head.rfind(x)]
        if i >= 0 and i + len(x) >= 2
    ]
    # a pilot or reform that ends the name (…试点，, …试点工作), not one
    # another word goes on from (“212”集优化改革模式: a model)
    ends += [
        i + len(x)
        for x in _CODED_PILOT_ENDS
        for i in [head.rfind(x)]
        if i >= 0
        and i + len(x) >= 2
        and (
            i + len(x) == len(head)
            or head.startswith(_CODED_PILOT_FOLLOWERS, i + len(x))
        )
    ]
    if not ends:
        return None
    size = max(ends)
    name = inner + head[:size]
    return Candidate(
        match.start(1), match.end() + size, "Program", name, "program.quoted-code", ""
    )


def _quoted_part_of_program(
    text: str, match: re.Match[str], inner: str, rules: Rules
) -> Candidate | None:
    """“三区”人才支持计划教师专项计划, “双优”中职学校建设项目: a quoted
    two-character abbreviation that the rest of a program's name follows, up
    to a program ending that closes the run of characters. A longer quote is
    the program's brand, its short name: the quoted programs' finder names
    “陇原名师”培育工程 in full, written 陇原名师."""
    if len(inner) != 2 or inner.endswith(rules.program_suffixes):
        return None
    if inner in rules.lexicon.programs:
        return None  # “双减”工作专项行动: the known program is the quote
    if text[match.start() - 1 : match.start()] == "”":
        return None  # “两免”“一补”工程: quotes that share the head after them
    run = _NAME_RUN.match(text, match.end())
    if run is None:
        return None
    opening = _category_before(text, match.start())
    if (
        opening is not None
        and run.group().endswith(rules.program_suffixes)
        and len(run.group()) <= 4
    ):
        # 云南省中等职业学校“双优”建设计划: the kind of school and its place
        # open the name
        return Candidate(
            opening,
            run.end(),
            "Program",
            text[opening : match.start()] + inner + run.group(),
            "program.quoted-continued",
            "",
        )
    if len(run.group()) < 4 or run.group().startswith(_PROGRAM_WORKS):
        return None
    if re.match(r"[一二三四五六七八九十两]+[大项个类]", run.group()):
        return None  # “提质”两大行动: a count of programs
    tail = run.group()
    if not tail.endswith(rules.program_suffixes) or tail in rules.program_suffixes:
        return None
    if _is_local_works(inner + tail, rules):
        return None
    return Candidate(
        match.start(1),
        run.end(),
        "Program",
        inner + tail,
        "program.quoted-continued",
        "",
    )


#: Kinds of schools a program for them is named after (…中等职业学校“双优”计划).
_PROGRAM_SCHOOL_KINDS = ("中等职业学校", "职业院校", "中职学校", "高职院校", "中小学")


def _category_before(text: str, at: int) -> int | None:
    """Where a kind of school, with the place before it if any, starts right
    before ``at`` (云南省中等职业学校|“双优”), or None."""
    kind = next((k for k in _PROGRAM_SCHOOL_KINDS if text.endswith(k, 0, at)), "")
    if not kind:
        return None
    start = at - len(kind)
    for size in range(min(8, start), 1, -1):
        place = text[start - size : start]
        if place in _region_words() and place[-1] in "省市区县州旗":
            return start - size
    return start


#: The run of characters right after a quote, up to a mark or a digit.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,14}(?![\u4e00-\u9fff])")
#: “X”工作专项行动: the quote's own work, not a longer name; “X”等重点工程:
#: the kind of a list; “X”和Y: another name.
_PROGRAM_WORKS = (
    *("工作", "建设", "项目", "工程", "计划", "行动", "活动", "政策"),
    *("等", "和", "与", "及"),
)


#: 建设试点, 培育项目 after a title's name: the scheme of building schools up
#: to it, which schools take part in.
_BUILT_UP_TO = re.compile(r"(?:建设|培育)(?:试点|项目)")


def _quoted_honour(inner: str, after: str, rules: Rules) -> str:
    """The honour a quote opens (“X”建设示范校 → X建设示范校), or ""."""
    run = re.match(r"[\u4e00-\u9fff]{1,8}", after)
    if not run:
        return ""
    if re.match(r"[\u4e00-\u9fff]+", after).group().endswith(rules.program_suffixes):
        return ""  # “十百千”名师培养工程: a program's name runs past 名师
    for size in range(1, len(run.group()) + 1):
        tail = run.group()[:size]
        if _TITLE_WORD.match(tail):
            return ""  # “X”称号: the title word is no part of the name
        if tail.endswith(rules.lexicon.participation_designations):
            return ""  # “智慧课堂”试点校: a part in the program the quote names
        if tail.endswith(rules.award_suffixes):
            if _BUILT_UP_TO.match(after, size):
                return ""  # “智慧校园”示范校建设试点: a pilot, no title held
            if len(tail) > 5 and inner.endswith(rules.program_suffixes):
                # 通过“银龄讲学计划”引进退休优秀教师: the quote names a program,
                # and what follows is what it does (“X工程”示范校 stays one)
                return ""
            return inner + tail
    return ""


#: 作为 (and a few words of degree) right before a program-like name: the
#: name says what something is treated as (作为“一号工程”来抓), not a program.
_AS_A_METAPHOR = re.compile(r"作为(?:[^，。；：、\n]{0,5}的)?[“\"]?$")
#: 把, 将 before 作为: the thing treated as something else.
_TREATED = re.compile("[把将]")
_CLOSING_QUOTES = '”"」』'
_QUOTED_THEN_JOINED = re.compile(f"[{_CLOSING_QUOTES}][和与及]")
_COUNTED_WORKS = re.compile(r"\s*[0-9０-９一二三四五六七八九十两百千]+\s*(?:余|多)?个")


def _after_listed_examples(text: str, start: int) -> bool:
    """A name right after 等 closing a 、-list (A、B等…) names the list's kind."""
    if text[start - 1 : start] != "等":
        return False
    clause = _CLAUSE_START.search(text[max(0, start - 40) : start][::-1])
    before = text[start - 1 - (clause.start() if clause else 40) : start]
    return "、" in before


_CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n]")


def _is_construction(name: str, rules: Rules) -> bool:
    return any(word in name for word in rules.lexicon.construction_words)


def _after_a_closing_quote(text: str, at: int) -> bool:
    """Whether ``at`` follows a closing quote: ”, or a straight " that closes
    one its line opened ("科学+"|特色学校培育工程, the quote's program)."""
    before = text[at - 1 : at]
    if before != '"':
        return bool(before) and before in _CLOSING_QUOTES
    return text.count('"', text.rfind("\n", 0, at) + 1, at - 1) % 2 == 1


def _generic_program(
    view: TextView, name: str, end: int, suffix: str, heads: frozenset[str]
) -> bool:
    """招生计划, 重点项目, 标准下达招生计划: a generic head before the suffix."""
    prefix = name[: -len(suffix)]
    head = next(
        (h for h in sorted(heads, key=len, reverse=True) if prefix.endswith(h)), ""
    )
    if not head:
        return False
    if len(prefix) - len(head) <= 3 or head.endswith(_SCHOOL_HEADS):
        return True  # 新开工建设项目; 寄宿制学校项目: a school's own works
    before = view.previous_token(end - len(suffix) - len(head))
    return before is not None and view.tags.get(before[1]) == "v"


#: 计划项目学校: a scheme's name, then a school's part in it.
_SCHEMES_PROJECT_SCHOOL = re.compile(r"(?:计划|工程|行动)项目(?:学校|校|园)")


_GROUP_ROLE = re.compile(
    r"(?:牵头|成员|核心|龙头|领衔|领航|托管|被托管|结对|帮扶|受援|支援)"
    r"(?:学校|校|园|幼儿园)"
)


def _verb_before(view: TextView, pos: int, verbs: frozenset[str]) -> bool:
    """Whether the word before ``pos`` is one of ``verbs`` (做好|平台)."""
    before = view.previous_token(pos)
    return before is not None and before[1] in verbs


_ADVERB_TAGS = frozenset({"d", "ad"})
_VERSION = re.compile(r"\d+\.\d+")


def _strip_leading_verbs(view: TextView, start: int, name: str) -> str:
    """Drop verbs that open an unquoted program name (推行普通高中…工程), and
    the adverbs before them (全面实施农村…计划)."""
    end = start + len(name)
    while True:
        i = bisect_left(view.token_starts, start)
        if i >= len(view.tokens) or view.token_starts[i] != start:
            return view.text[start:end]
        token = view.tokens[i]
        tag = view.tags.get(token)
        if view.token_ends[i] >= end - 2:
            return view.text[start:end]
        if tag in _ADVERB_TAGS:
            following = view.tokens[i + 1] if i + 1 < len(view.tokens) else ""
            if view.tags.get(following) != "v":
                return view.text[start:end]
        elif tag != "v" and not token.endswith(_LEX.implement_verbs):
            return view.text[start:end]  # (全面实施 is one word, tagged a noun)
        start = view.token_ends[i]


def _joined_place_name(name: str) -> re.Match[str] | None:
    """The last 和/与 in ``name`` after which a place's name opens a name of
    its own (X和|金华智慧教育云平台); 课程基地与学校文化建设项目 stays one."""
    for joiner in reversed(list(_JOINER_IN_NAME.finditer(name))):
        rest = name[joiner.end() :]
        if len(rest) >= 6 and any(rest[:n] in _region_words() for n in (2, 3, 4)):
            return joiner
    return None


_JOINER_IN_NAME = re.compile("[和与]")


def _verb_and_ending(view: TextView, start: int, name: str, rules: Rules) -> bool:
    """The name is a verb, perhaps after adverbs, and a program ending
    (推动平台, 积极争取项目)."""
    end = start + len(name)
    token = view.next_token(start)
    while token is not None and view.tags.get(token[1]) in _ADVERB_TAGS:
        token = view.next_token(token[0] + len(token[1]))
    # (积极争取 is one jieba word, tagged an idiom)
    if token is None or view.tags.get(token[1]) not in ("v", "l"):
        return False
    return view.text[token[0] + len(token[1]) : end] in rules.program_suffixes


#: 市场监督管理局, 教育部, 省教育厅, 市教委: a body a program's sponsor is
#: named by, before the program's own name.
_OFFICE_ENDS = ("局", "教育部", "教育厅", "教委")


def _after_an_office(view: TextView, start: int, end: int) -> int | None:
    """Where a program's name starts after an office the walk ran through
    (联合区市场监督管理局|深入开展|校园食品安全守护行动): past the last word
    ending in 局 but 布局 and its kind, or in an education authority's name
    (入选教育部|县中托管帮扶项目); None when there is none."""
    i = bisect_left(view.token_starts, start)
    cut = None
    while i < len(view.tokens) and view.token_ends[i] < end:
        token = view.tokens[i]
        if len(token) >= 3 and token.endswith(_OFFICE_ENDS):
            cut = view.token_ends[i]
        i += 1
    return cut


def _verb_at(view: TextView, offset: int) -> bool:
    """A verb starts at ``offset`` (城关中学|入选)."""
    token = view.next_token(offset)
    return token is not None and view.tags.get(token[1]) == "v"


def _bare_after_verb(view: TextView, start: int, end: int, rules: Rules) -> bool:
    """入选项目: verbs, then nothing but a program word."""
    i = bisect_left(view.token_starts, start)
    while i < len(view.tokens) and view.tags.get(view.tokens[i]) == "v":
        i += 1
    rest = view.text[view.token_starts[i] : end] if i < len(view.tokens) else ""
    return len(rest) < 2 or rest in rules.program_suffixes


def _find_programs(
    view: TextView,
    rules: Rules,
    stop: frozenset[str],
    sites: list[tuple[int, int]] = (),
    schools: list[tuple[int, int]] = (),
) -> list[Candidate]:
    """Programs named by a suffix word (…工程, …计划, …改革).

    A construction work is a Program only when it names no site: a scheme
    that funds building (农村初中校舍改造工程) is one, a school's or a
    county's own works (X中学迁建工程) are not (decision 14).
    """
    out = []
    for cand in _find_suffix_names(
        view, rules.program_suffix, "Program", rules, stop, 16, _PHRASE_STOP_TAGS
    ):
        name = _ORDINAL_PREFIX.sub("", _YEAR_PREFIX.sub("", cand.name))
        if name.startswith("年") and view.text[cand.start - 1 : cand.start].isdigit():
            name = name[2:] if name.startswith("年度") else name[1:]  # 2021|年…
        name = _GRADED_LEVEL.sub("", name)
        body = _after_an_office(view, cand.end - len(name), cand.end)
        if body is not None:
            name = view.text[body : cand.end]  # 联合…管理局|深入开展X行动
        name = _strip_leading_verbs(view, cand.end - len(name), name)
        start = cand.end - len(name)
        end = start + len(name)
        if view.text[start - 1 : start + 1] in _LEX.implement_verbs:
            # 用|好特岗计划: the verb's last character cut off with the name
            name = name[1:]
            start += 1
        if len(name) < 4 or name in rules.program_suffixes:
            continue  # 建设项目 alone names no program
        if _verb_and_ending(view, start, name, rules):
            continue  # 推动|平台资源…: a verb and an ending name nothing
        joined = _QUOTED_THEN_JOINED.search(name) or _joined_place_name(name)
        if joined:
            # “特岗计划”和|农村教师公费定向培养计划, “之江汇”教育广场和|金华
            # 智慧教育云平台: a second program joined on
            start += joined.end()
            name = name[joined.end() :]
        if (
            len(name) < 4
            or name[0] in _CLOSING_QUOTES
            or _after_a_closing_quote(view.text, start)
            # “一校一|特色”创建工程: the end of a quote is no name's start
            # (“红石榴”铸牢…教育行动 is one from its opening quote)
            or (
                any(q in name for q in _CLOSING_QUOTES)
                and "“" not in view.text[start - 1 : start + len(name)]
            )
        ):
            continue  # “1358”|教师成长工程: the quote's program (_coded_program)
        if name[0] in "‘「『":
            # “…推进‘X工程’…”: a name quoted inside a quotation keeps no mark
            name = name[1:]
            start += 1
        if _is_local_works(
            name, rules, any(s < cand.end and start < e for s, e in sites)
        ):
            continue
        acting = [e for s, e in schools if start < e < end and _verb_at(view, e)]
        if acting:
            # 城关中学|入选|项目学校: a school and its verb glued to a part's
            # word; the program, if any, starts after the school's verb
            cut = min(acting)
            if _bare_after_verb(view, cut, end, rules):
                continue
            name = _strip_leading_verbs(view, cut, view.text[cut:end])
            start = end - len(name)
        if re.match(r"^[一二三四五六七八九十两]+[大项个类]", name) and len(name) <= 5:
            continue  # 五大行动, 九大工程: counts of unnamed programs
        if _AS_A_METAPHOR.search(view.text, max(0, start - 8), start):
            continue  # 把教育作为最大的民生工程: what a thing is treated as
        if _COUNTED_WORKS.match(view.text, end) and _is_construction(name, rules):
            # 新开工建设项目33个: a count of building works, where 课程游戏化
            # 项目2个 counts the sites of one program
            continue
        if _after_listed_examples(view.text, start):
            continue  # 开设剪纸、茶艺等职业体验项目: the category of a list
        if re.fullmatch(r"[一二三四五六七八九十两]+年(?:行动)?计划", name):
            continue  # 五年行动计划: a plan's duration, not its name
        suffix = next(
            (x for x in rules.program_suffixes if name.endswith(x)),
            "",
        )
        if suffix and _generic_program(
            view, name, cand.end, suffix, rules.lexicon.program_generic_heads
        ):
            continue
        if _SCHEMES_PROJECT_SCHOOL.match(view.text, end - 4):
            # X提升计划项目学校: the school's part (项目学校) in X提升计划
            name, end = name[:-2], end - 2
        if suffix == "平台" and _verb_before(view, end - len(suffix), stop):
            continue  # 常态化使用平台, 9月底前完成平台账号开通: the platform, unnamed
        if (
            suffix == "平台"
            and view.text.startswith(_PLATFORM_USE, end)
            and not LEVEL_PREFIX.match(name)
        ):
            # 示范校教师平台注册率: how much a platform is used, unnamed (not
            # 国家中小学智慧教育平台注册使用率, a named one)
            continue
        out.append(Candidate(start, end, "Program", name, "program.suffix", ""))
    return out


#: 平台注册率, 平台使用率: figures of a platform's use.
_PLATFORM_USE = ("注册", "使用率", "应用率", "覆盖率", "登录", "账号")


_COUNTED_REFORMS = re.compile(r"[一二三四五六七八九十两\d]+[项个]$")


def _find_reforms(text: str, rules: Rules) -> list[Candidate]:
    """实施X改革, 推进X领导的校长负责制: reforms and systems (decision 14)."""
    kinds: dict[str, list[str]] = {}
    for word, kind in rules.lexicon.reforms:
        kinds.setdefault(kind, []).append(word)
    systems = kinds.get("system-suffix", [])
    suffixes = sorted(kinds.get("suffix", []) + systems, key=len, reverse=True)
    generic = tuple(kinds.get("generic", ()))
    # (“互联网+教研”模式改革: a reform may quote what it reforms)
    name = (
        rf"((?:[\u4e00-\u9fff]|“[\u4e00-\u9fff+]{{2,10}}”){{2,20}}?"
        rf"(?:{'|'.join(map(re.escape, suffixes))}))"
    )
    intro = "|".join(map(re.escape, kinds.get("introducer", [])))
    by_verb = re.compile(rf"(?:{intro}){name}")
    # A system (…校长负责制) may open a clause without a verb before it.
    system_name = rf"([\u4e00-\u9fff]{{2,20}}?(?:{'|'.join(map(re.escape, systems))}))"
    at_clause = re.compile(rf"(?:^|(?<=[，,；;。\n])){system_name}")
    system_intro = "|".join(map(re.escape, kinds.get("system-introducer", [])))
    by_system_verb = re.compile(rf"(?:{system_intro}){system_name}")
    duties = tuple(kinds.get("duty-suffix", ()))
    pilots = tuple(kinds.get("pilot-suffix", ()))
    # X试点工作启动会在A校举行, 召开X试点工作推进会: the pilot a meeting is of
    by_meeting = re.compile(
        r"(?:^|(?<=[，,；;。\n\s])|(?<=召开)|(?<=举行)|(?<=举办))"
        rf"([\u4e00-\u9fff]{{2,20}}?(?:{'|'.join(map(re.escape, pilots))}))"
        r"工作(?:启动|推进|部署|现场|培训|总结|交流)?(?:会|仪式)"
    )
    # 关于X试点工作进展情况的报告: the pilot a report's title is on
    by_report = re.compile(
        r"(?<=关于)"
        rf"([\u4e00-\u9fff]{{2,20}}?(?:{'|'.join(map(re.escape, pilots))}))"
        r"工作(?:进展|开展|推进|实施|落实)?(?:情况)?的(?:报告|汇报|总结|通报)"
    )
    out = []
    seen: set[int] = set()
    spans: list[tuple[int, int]] = []
    for pattern in (by_verb, at_clause, by_system_verb, by_meeting, by_report):
        for match in pattern.finditer(text):
            found = match.group(1).translate(_STRIP_QUOTES)
            begin = match.start(1)
            if found.startswith("了"):  # 承担了X试点: the aspect mark is no part
                found = found[1:]
                begin += 1
            level = _GRADED_LEVEL.match(found)
            if level:  # 承担国家级现代学徒制试点: who runs it is no part of its name
                found = found[level.end() :]
                begin += level.end()
            place = rules.region_pattern.match(found)
            if pattern is by_meeting and place and len(found) - place.end() >= 6:
                # 寿光市X试点工作启动会: the area holding the meeting is no
                # part of the pilot's name
                found = found[place.end() :]
                begin += place.end()
            stop = match.end(1)
            pilot = next((p for p in pilots if text.startswith(p, stop)), "")
            if pilot and not found.endswith((pilot, *systems)):
                # 开展…综合评价改革试点: the pilot of a reform is the Program
                # (a system piloted, …校长负责制试点, stays the system)
                found += pilot
                stop += len(pilot)
            suffix = next(x for x in suffixes if found.endswith(x))
            head = found[: -len(suffix)]
            if len(head) < 4 or _LEVEL_ONLY.fullmatch(head):
                continue  # (入选首批省级试点学校: no pilot named)
            if _COUNTED_REFORMS.search(head):
                continue  # 推进A和B两项改革: a count of the areas reformed
            if suffix in pilots:
                # 开展人工智能教育试点: a pilot of any named thing; only one of
                # nothing but modifiers (开展省级改革试点) names none
                if is_generic(head, rules.lexicon.generic_name_prefixes | set(generic)):
                    continue
            elif head.startswith(generic) or head.endswith(generic):
                continue
            if match.start(1) in seen or any(
                a < stop and match.start(1) < b for a, b in spans
            ):
                continue  # 积极开展X负责制: the verb's reading is already there
            if pattern is at_clause and not text.startswith(
                tuple(kinds.get("system-follower", ())), match.end(1)
            ):
                continue  # 严格落实…责任制: a duty, unless reformed or piloted
            if pattern is by_system_verb and found.endswith(duties):
                continue  # 落实安全工作责任制: a duty, no system of governance
            seen.add(match.start(1))
            spans.append((match.start(1), stop))
            out.append(Candidate(begin, stop, "Program", found, "program.reform", ""))
    by_list = re.compile(
        rf"(?:{intro})([\u4e00-\u9fff]{{2,24}}(?:[、及][\u4e00-\u9fff]{{2,24}})+)"
    )
    reform_ends = tuple(suffixes)
    for match in by_list.finditer(text):
        # 开展X建设项目、Y试点及Z试点三项改革: the verb governs each item
        pos = match.start(1)
        for item in re.split("([、及])", match.group(1)):
            begin, pos = pos, pos + len(item)
            name = _LIST_COUNT_TAIL.sub("", item)
            if (
                item in "、及"
                or not name.endswith(reform_ends)
                or begin in seen
                or any(a < begin + len(name) and begin < b for a, b in spans)
            ):
                continue
            suffix = next(x for x in suffixes if name.endswith(x))
            head = name[: -len(suffix)]
            if (
                len(head) < 4
                or is_generic(head, rules.lexicon.generic_name_prefixes | set(generic))
                or head.endswith(generic)  # 教师统筹的整体改革: a kind of reform
            ):
                continue
            seen.add(begin)
            spans.append((begin, begin + len(name)))
            out.append(
                Candidate(
                    begin, begin + len(name), "Program", name, "program.reform", ""
                )
            )
    return out


#: 三项改革, 两个试点: the count closing a list of programs.
_LIST_COUNT_TAIL = re.compile(
    r"[两二三四五六七八九十\d]+[项个](?:改革|试点|项目|工作)?$"
)


_LISTED = re.compile(
    r"((?:[^，,。；;、\n]{2,20}、)+[^，,。；;、\n]{2,20})等([\u4e00-\u9fff]{0,8}?)(?:"
    + _alt(_LEX.program_heads)
    + ")"
)


def _find_listed_programs(view: TextView, rules: Rules) -> list[Candidate]:
    """Items of a list headed by a program category (A、B、C等教师培训平台)."""
    text = view.text
    out = []
    for match in _LISTED.finditer(text):
        category = match.group(2)
        if category in rules.lexicon.program_generic_heads or len(category) < 2:
            continue  # 等重点项目, 等新项目: construction lists, not programs
        for start, end in _list_items(view, match, rules, "program"):
            quote = _QUOTE.search(text, start, end)
            if quote is not None and quote.start() > start:
                # 城关小学“党建+德育工作”: the school's own brand is the program.
                start, end = quote.start(1), quote.end(1)
            name = text[start:end].translate(_STRIP_QUOTES).strip()
            if name.endswith(rules.school_suffixes) or _is_construction(name, rules):
                continue
            if (
                match.group().endswith("项目")
                and quote is None
                and not name.endswith(rules.program_suffixes)
            ):
                continue  # 开展苗绣、侗族大歌等民族文化传承项目: activities, unnamed
            if len(name) >= 3 and _CJK.search(name):
                out.append(
                    Candidate(
                        start, end, "Program", name, "program.listed-category", ""
                    )
                )
    return out


def _list_items(
    view: TextView, match: re.Match[str], rules: Rules, kind: str
) -> list[tuple[int, int]]:
    """``(start, end)`` of each 、-separated item of ``match.group(1)``.

    The first item starts after the last stop token before it (其中一中 → 一中).
    """
    items = []
    pos = match.start(1)
    for item in match.group(1).split("、"):
        items.append((pos, pos + len(item)))
        pos += len(item) + 1
    # A、B开设C、D等…: the list starts in the last item a stop token cuts
    # (开设), the items before it are another list.
    for i in range(len(items) - 1, -1, -1):
        start, end = items[i]
        cut = _item_start(view, start, end, rules, kind)
        if cut > start or i == 0:
            return [(cut, end), *items[i + 1 :]]
    return items


def _item_start(
    view: TextView, floor: int, end: int, rules: Rules, kind: str = "program"
) -> int:
    """Left edge of a list's first item: after the last stop token before it."""
    lex = rules.lexicon
    stop = lex.program_stop_tokens if kind == "program" else lex.name_stop_tokens
    start = floor
    i = bisect_left(view.token_starts, floor)
    while i < len(view.token_starts) and view.token_starts[i] < end:
        if view.tokens[i] in stop:
            start = view.token_ends[i]
        i += 1
    return start


_COUNTED_AFTER = re.compile(r"\s*[0-9一二三四五六七八九十两]+\s*所")
_LIST_JOINERS = "和及与、"


def _last_of_counted_list(text: str, left: int, end: int) -> bool:
    """杏店小学和柳店小学两所新建园: the count is of the schools just listed.

    Not 中专1所、教师进修学校1所: kinds counted one by one.
    """
    if left == 0 or text[left - 1] not in _LIST_JOINERS:
        return False
    count = _COUNTED_AFTER.match(text, end)
    if count is None or re.search(r"[1一]\s*所$", count.group()):
        return False
    return "所" not in text[max(0, left - 13) : left - 1]


_TITLE_WORD = re.compile(r"^(?:等?荣誉)?称号")
_SCHOOL_HEADS = ("学校", "幼儿园", "小学", "中学")
_NUMERAL = r"(?:[一二三四五六七八九十〇零百]{1,4}|[0-9]{1,3})"
_LIST_OF_SCHOOLS = re.compile(
    r"((?:[^，,。；;、\n]{1,12}、)+[^，,。；;、\n]{1,12})等\s*"
    r"[0-9一二三四五六七八九十百两]+\s*所(?:学校|中小学|小学|中学|幼儿园|学校（园）|校)"
)


#: 本次, 两次, 3次 before a numeral: a count of times. Not 榆次 (榆次一中),
#: a place whose name ends in 次.
_COUNT_OF_TIMES = re.compile(
    r"(?:[0-9一二三四五六七八九十两几多每这此本上下首再屡依历各该]次)$"
)
#: 中等职业学校, 中等专业学校: 中 of a level of schooling, no short form's end.
_MIDDLE_LEVEL = re.compile(r"中等(?:职业|专业|师范|教育)")
#: 县中 after a county's name, a quantifier or a list (A、B等县中): the county
#: high schools as a kind (支持平武县县中提质, 部分县中生源外流; decision 11),
#: not one school.
_COUNTY_HIGH_SCHOOLS = re.compile(r"(?:县|部分|各|全省|全市|所有|薄弱|等)县中$")
#: 县中振兴, 县中托管帮扶: the policy for county high schools as a kind.
_COUNTY_HIGH_SCHOOLS_AS_A_KIND = re.compile("振兴|托管|帮扶|发展提升")


def _find_short_schools(view: TextView, rules: Rules) -> list[Candidate]:
    """Short forms of the area's schools (decision 11).

    Numbered: 三中, 县一中, 中卫六小, 35中; unnumbered after a level word
    or a town: 县职中, 县实小, 城关镇中.
    """
    text = view.text
    lex = rules.lexicon
    kinds = "|".join(
        map(re.escape, sorted(lex.school_short_kinds, key=len, reverse=True))
    )
    pattern = re.compile(rf"{_NUMERAL}(?:{kinds})|(?<=[县市区旗镇乡])(?:{kinds})")
    quoted = [m.span(1) for m in _QUOTE.finditer(text)]
    out = []
    for match in pattern.finditer(text):
        start, end = match.span()
        after = text[end : end + 1]
        if (
            after
            and after not in lex.school_short_followers
            and not after.isspace()
            and not view.is_token_end(end)
        ):
            continue  # 一中 in 统一中国: part of other words
        if text[start - 1 : start] in ("第", "初", "高", "年", "届") or (
            _COUNT_OF_TIMES.search(text, max(0, start - 2), start)
        ):
            continue  # 第三中, 初一, 高三, 本次一中…: ordinals, grades, times
        if _MIDDLE_LEVEL.match(text, end - 1):
            continue  # 县中等职业学校: 中 begins 中等, a level of schooling
        numbered = bool(re.match(_NUMERAL, match.group()))
        if not numbered:
            # 县职中 / 城关镇中: the level word or town is part of the name.
            start -= 1
            if not view.is_token_start(start) and text[start] not in "镇乡":
                continue
            if _COUNTY_HIGH_SCHOOLS.search(text, max(0, start - 3), end) or (
                text[start:end] == "县中"
                and _COUNTY_HIGH_SCHOOLS_AS_A_KIND.match(text, end)
            ):
                # 平武县县中, 部分县中, 县中振兴: county high schools, a kind
                continue
        floor = _clause_floor(text, start)
        left = _short_form_head(view, start, floor, lex)
        if not numbered and text[start] in "镇乡" and left == start:
            continue  # 镇中 alone names no school
        if (
            not numbered
            and text[start - 1 : start + 1] in ("乡镇", "城镇")
            and text[left : start + 1] not in _town_names()  # 五乡镇中
        ):
            continue  # 全县8个乡镇中，…: among the towns, no school
        if any(a <= left and end <= b for a, b in quoted):
            continue  # “县中振兴”, “一村一幼”: a slogan's words, not a school
        out.append(
            Candidate(left, end, "School", text[left:end], "school.short-form", "")
        )
    return out


def _short_form_head(view: TextView, start: int, floor: int, lex) -> int:
    """Left edge of a short form's head (中卫, 县, XX, 城关镇): ≤ 4 characters."""
    text = view.text
    left = start
    while left > floor and start - left < 4 and _CJK.match(text[left - 1]):
        prev = view.previous_token(left)
        if (
            prev is not None
            and prev[1] not in _region_words()  # 互助一中: a place jieba tags a verb
            and (
                prev[1] in lex.name_stop_tokens
                or view.tags.get(prev[1]) in ("v", "p", "c", "u", "uj", "r", "d")
                or prev[1].endswith(lex.implement_verbs)  # 全面实施|县中
            )
        ):
            break
        left -= 1
    if left > floor and text[left - 1 : left] in "XxＸ*＊":
        left -= 1
        while left > floor and text[left - 1] in "XxＸ*＊":
            left -= 1
    return left


def _find_listed_schools(view: TextView, rules: Rules) -> list[Candidate]:
    """Items of a list counted as schools: 一中、城南、北关等10所学校."""
    text = view.text
    out = []
    for match in _LIST_OF_SCHOOLS.finditer(text):
        for start, end in _list_items(view, match, rules, "name"):
            name = text[start:end].strip()
            if 2 <= len(name) <= 10 and _CJK.match(name) and not _DIGIT.match(name):
                out.append(
                    Candidate(start, end, "School", name, "school.listed-count", "")
                )
    return out


# ------------------------------------------------------------------ awards


def clean_award_name(raw: str) -> str:
    """Normalise an award phrase: strip quotes, ordinals, counts and 称号.

    Example:
        >>> clean_award_name("第二批省现代化学校")
        '省现代化学校'
    """
    name = raw.translate(_STRIP_QUOTES).strip()
    # 个省级示范校: the measure word of a count cut off before the name, not
    # the first character of a place or a title (台州市…, 项城市…, 名师).
    while name[:1] in _QUANTIFIER and _NAME_AFTER_COUNT.match(name, 1):
        name = name[1:]
    name = re.sub(r"^(?:共计?|共)?评出", "", name)  # 共评出X二等奖6个: X's tier
    name = re.sub(r"^(?:20\d\d|19\d\d)年(?!度)", "", name)
    name = re.sub(r"(?:拟?推荐|认定|公示)?名单$", "", name)
    name = _ORDINAL_PREFIX.sub("", name)
    count = _COUNT_TAIL.search(name)
    if count is not None and not name.startswith(_NUMBERED_PROGRAMS, count.start()):
        # (“三个课堂”应用示范校: a program's name, no count)
        name = name[: count.start()]
    for tail in _LEX.award_title_tails:
        if name.endswith(tail) and len(name) > len(tail) + 2:
            name = name[: -len(tail)]
    name = re.sub(r"(获得者|单位之一|之一)$", "", name)
    # 市教育局颁发的“优秀组织奖”: the body that gave it is no part of the name.
    name = re.sub(r"^[^的]{2,20}(?:颁发|授予|评选|命名|认定|表彰)的", "", name)
    # 授予以下学校“X”称号： as a list's heading: the honour is X
    name = re.sub(r"^授予以下[^“”\"]{0,8}?(?:学校|单位|集体|幼儿园|党组织)", "", name)
    # 近日揭晓的第五届X大赛: when the contest ended is no part of its name
    name = _EVENT_NEWS_LEAD.sub("", name)
    # 我县学前教育普及普惠县: the report's own area speaking, not the title
    name = re.sub(r"^[我本](?:省|市|区|县|旗|州|盟)(?=[\u4e00-\u9fff“]{4})", "", name)
    return name.strip()


#: 近日揭晓的, 刚刚落幕的: news of a contest before its name.
_EVENT_NEWS_LEAD = re.compile(
    r"^(?:近日|日前|刚刚|最近|不久前)?(?:揭晓|结束|闭幕|落幕|举行|举办|公布)的"
)


#: …证书的教师, …的学生: people described by a clause, not a title they hold.
_DESCRIBED_PEOPLE = re.compile(
    r"的[\u4e00-\u9fff]{0,4}?(?:教师|老师|学生|人员|校长|园长|同志|班主任|干部)$"
)
_NAME_AFTER_COUNT = re.compile(
    "(?:" + _alt(_LEX.level_words) + "|" + _alt(_LEX.honour_heads) + "|全)"
)
_DESIGNATION_END = re.compile("(?:" + _alt(_LEX.designation_ends) + ")$")
_VERBISH = re.compile(_alt(_LEX.achievement_words))


def _is_ranking(name: str, rules: Rules) -> bool:
    """位列全市第一名, 考核第一名: a place in an evaluation, not a prize."""
    if any(word in name for word in rules.lexicon.ranking_words):
        return True
    return "考核" in name and bool(re.search(r"第[一二三四五六七八九十\d]+名$", name))


#: 先进县（市、区）, 均衡县(市)、区: the kinds of area a title is given to.
LEVEL_ALTERNATIVES = re.compile(
    # 先进镇（街道）: towns and streets too
    r"(?<=[县市区旗镇乡])[（(](?:[县市区旗镇乡、]|街道){1,6}[）)](?:、[县市区旗])?$"
)


#: A program's name, then a school's part in it: …建设计划项目学校.
_PROGRAM_PART_END = re.compile(
    "(?:"
    + _alt(_LEX.program_suffixes)
    + ")(?:"
    + _alt(_LEX.quoted_participation_designations + _LEX.participation_designations)
    + ")$"
)


_NO_HONOUR_NAMED = re.compile(
    r"^荣誉(?:称号)?$|^荣誉的|^认定的|(?<!满意)的(?:学校|单位|集体)|于(?:19|20)\d\d年"
)


def _is_award_name(name: str, rules: Rules, after_trigger: bool = False) -> bool:
    name = LEVEL_ALTERNATIVES.sub("", name)
    if len(name) < 3 or len(name) > 40:
        return False
    if (
        name.endswith(_LEX.participation_designations)
        or _PROGRAM_PART_END.search(name)
        or _BARE_PART.match(name)
    ):
        # “智慧校园”试点学校, …建设计划项目学校: a part in a program, no honour
        return False
    if _is_ranking(name, rules):
        return False  # 考核位列全市第一名: a ranking (decision 15)
    if "或" in name:
        return False  # 省市一等奖或特等奖: a choice of prizes names none
    if _DESCRIBED_PEOPLE.search(name):
        return False  # 取得省级教练员证书的教师: people described, no title
    if _NO_HONOUR_NAMED.search(name):
        # 撤销其所获荣誉称号, 获得荣誉的学校, 获得认定的学校于…前将特色学校:
        # honours spoken of, units described, a clause running on
        return False
    if name.endswith(rules.award_suffixes):
        return True
    if name.endswith("奖") and not name.endswith(_LEX.not_prize_words):
        return True
    if after_trigger and _DESIGNATION_END.search(name) and not _VERBISH.search(name):
        return True  # 被认定为X学校: what follows the verb is a designation
    if len(name) <= 16 and HONOUR_HEAD.search(name) and not _VERBISH.search(name):
        return True
    return bool(
        re.search(
            r"(?:第[一二三四五六七八九十]名|全[国省市区县]第[一二三]|等奖|金奖|银奖|铜奖)$",
            name,
        )
    )


#: A school's part in a program at the end of a quoted name: …改革试点学校,
#: …项目校; group 1 ends the program's name (…改革试点).
_SCHOOL_PART_END = re.compile(r"((?:试点|项目|实验|基地))(?:学校|校)$")
_QUOTED_PART_END = re.compile("(?:" + QUOTED_PART.pattern + ")(?:名单)?$")


def is_bare_part(name: str) -> bool:
    """项目学校, 工程首批实施学校: a school's part in a program naming nothing."""
    return _BARE_PART.match(name) is not None


def part_in_quoted_program(phrase: str, *, adjacent: bool = False) -> bool:
    """“AI课堂”全国项目学校(名单): a school's part in the quoted program, no honour.

    ``adjacent``: only a year, level or batch may stand between the quote and
    the part (“X”2024年度项目园, not “X”特色项目学校).
    """
    pattern = _QUOTED_PART_ADJACENT if adjacent else _QUOTED_PART_END
    return bool(pattern.search(phrase.strip()))


#: A word after a trigger that points back to an honour already named.
_BACK_REFERENCES = ("此", "该", "这")


#: 获此称号, 获得该荣誉称号: the words after 此/该 that refer to a title.
_TITLE_REFERENCE = re.compile(r"(?:荣誉)?称号|殊荣")
_QUOTED_NAME = re.compile(r"“([^“”]{3,40})”")
_REFERRED_TITLE = re.compile(r"[此该这](?:" + _TITLE_REFERENCE.pattern + ")")


def _honour_referred_to(
    text: str, trigger: int, after: int, rules: Rules
) -> Candidate | None:
    """对“X”进行了授牌，A、B获此称号: the one quoted honour of the sentence
    before the trigger that 此称号 points back to, or None."""
    reference = _TITLE_REFERENCE.match(text, after)
    if reference is None or text.startswith("的", reference.end()):
        return None  # 首批获此殊荣的县区: which units hold it, not who won
    quoted = [
        m
        for m in _QUOTED_NAME.finditer(text, sentence_start(text, trigger), trigger)
        if m.group(1).endswith(rules.award_suffixes)
    ]
    if not quoted:
        # 市教委为首批X特色学校授牌，A、B等60所学校获此称号: the honour the
        # plaques were given for, unquoted
        quoted = [
            m
            for m in _PLAQUES_FOR.finditer(text, sentence_start(text, trigger), trigger)
            if m.group(1).endswith(rules.award_suffixes)
        ]
    if len(quoted) != 1:
        return None  # none, or several: which one is not said
    (m,) = quoted
    name = clean_award_name(m.group(1))
    return Candidate(m.start(1), m.end(1), "Award", name, "award.back-reference", "")


#: 为首批X授牌: the honour a ceremony gave plaques for.
_PLAQUES_FOR = re.compile(
    r"为(?:首批|第[一二三四五六七八九十\d]+批)?([\u4e00-\u9fff]{4,30}?)(?:授牌|颁牌)"
)


#: 的A市、B市, 的A中学: units right after the 的 closing an honour's clause.
_UNITS_AFTER_DE = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:[市县区旗]|学校|小学|中学|幼儿园|学院|大学)"
)


def _holders_described(
    text: str, start: int, end: int, rules: Rules
) -> tuple[int, int] | None:
    """入选X的A、B: the span of the units after 的 that the clause describes as
    holding X, or None when 的 closes no honour there."""
    de = text.find("的", start, end)
    if de < start + 4:
        return None
    honour = clean_award_name(text[start:de])
    if not honour.endswith(rules.award_suffixes):
        return None
    units = _UNITS_AFTER_DE.match(text, de + 1, end)
    if units is None or _PERSON_OF_UNIT.match(text, units.end()):
        return None  # 获得“X”称号的A中学校长王某: the head holds it (decision 4)
    return (de + 1, end)


#: 校长王某, 教师李某: a person of the unit named before.
_PERSON_OF_UNIT = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:校长|园长|书记|主任|教师|老师|学生|同学|班主任)"
)


#: 命名第二批西宁市“平安校园”示范学校，— an honour a body names, then a comma.
_NAMING_CLAUSE = re.compile(
    r"(?:命名|认定|公布|评选出|确定)了?([^，,。；;！？]{4,40})[，,]"
)


def _honour_named_before(text: str, trigger: int, rules: Rules) -> Candidate | None:
    """The honour an earlier clause of the trigger's sentence names (命名X，
    A、B入选), or None."""
    named = list(_NAMING_CLAUSE.finditer(text, sentence_start(text, trigger), trigger))
    if not named:
        return None
    m = named[-1]
    name = clean_award_name(re.sub(r"名单$", "", m.group(1)))
    if len(name) < 4 or not name.endswith(rules.award_suffixes):
        return None
    if not _is_award_name(name, rules):
        return None  # 公布X项目试点校名单，A、B入选: their part in X
    if joins_two_honours(name, rules):
        return None  # X实验校和Y示范校: which one 入选 means is not said
    return Candidate(m.start(1), m.end(1), "Award", name, "award.named-before", "")


def joins_two_honours(name: str, rules: Rules) -> bool:
    """X实验校和Y示范校: two honours joined, no one honour's name."""
    return any(
        part.endswith(rules.award_suffixes) for part in re.split("[和及与]", name)[:-1]
    )


@dataclass(frozen=True, slots=True)
class AwardStatement:
    """An award phrase after a trigger verb, with the trigger's span."""

    trigger_start: int
    trigger_end: int
    pursued: bool
    awards: tuple[Candidate, ...]
    distributive: bool  # 分获: the i-th subject gets the i-th award
    # Where the recipients are named when they are not the subject before the
    # trigger: 授予A、B“X”称号, a list under 名单如下. None: the subject.
    recipients: tuple[int, int] | None = None


#: 首批品质课堂实验学校: the schools a program is tried out in, by its stem.
_TRIAL_SCHOOLS = re.compile(
    r"(?:首批|第[一二三四五六七八九十]批)?(?P<stem>[\u4e00-\u9fff]{2,10}?)"
    r"(?:实验学校|实验校|实验园)"
)


def tried_in(phrase: str, text: str, pos: int) -> bool:
    """启动“品质课堂三年攻坚行动”，确定A、B为首批品质课堂实验学校: the schools
    the program quoted earlier in the sentence is tried out in, no title."""
    trial = _TRIAL_SCHOOLS.fullmatch(phrase)
    return (
        trial is not None
        and f"“{trial.group('stem')}" in text[sentence_start(text, pos) : pos]
    )


#: 唯一入选的区, 首所省一级高中: what 成为 makes a unit, when not an honour.
_ONLY_ONE = ("唯一", "首所", "首个", "首家", "第一所", "第一个")


#: 示范校培育项目, 实验项目, 项目建设园: a project a school is selected into
#: (特色项目 and 示范项目 are titles).
_SELECTED_PROJECT = re.compile(
    r"(?:培育|建设|实验|试点|改革)项目$|项目(?:建设|实验|试点)(?:学校|校|园)$"
    # 入选自治区“智慧校园”示范校建设试点: the pilot of building them
    r"|(?:学校|校|园)建设试点$"
    # 被列为X改善项目学校, 入选“X实验项目”学校: a project's schools (not
    # 体育传统项目学校, 特色项目学校, titles)
    r"|(?<!传统)(?<!特色)项目[”\"]?(?:学校|校|园)$"
)


#: 高水平中职学校|建设单位, 示范性实训基地|培育对象: a title, and the unit's
#: standing as one being built up to it.
_TITLE_BEING_BUILT = re.compile(
    r"(.{4,40}?(?:学校|院校|示范校|基地|专业|专业群|幼儿园))(?:建设|培育)(?:单位|对象)"
)


def _with_studio(award: Candidate, text: str) -> Candidate:
    """“海东市名师|工作室”: the studio is the honour (a teacher's group holds
    it, decision 4), not the 名师 its name opens with."""
    if not text.startswith("工作室", award.end):
        return award
    return replace(award, end=award.end + 3, name=award.name + "工作室")


def find_award_statements(text: str, rules: Rules) -> list[AwardStatement]:
    """Find trigger verbs and the (coordinated) award names they introduce."""
    lex = rules.lexicon
    out = []
    for match in rules.award_trigger.finditer(text):
        trig = match.group()
        if trig == "获" and text[match.end() : match.end() + 1] in "得批评奖取悉":
            continue
        if any(
            text[match.start() : match.start() + size] in _region_words()
            for size in range(3, 8)
        ):
            continue  # 获嘉县: a county's name, no verb
        start = match.end()
        if text[start : start + 1] == "了":
            start += 1
        if text[start : start + 1] == "为" and not trig.endswith("为"):
            start += 1  # 成功创建为X: the title is X
        if text[start : start + 1] in _BACK_REFERENCES:
            # 获此认定的县, 荣获该称号: an honour named before
            named = _honour_referred_to(text, match.start(), start + 1, rules)
            if named is not None:
                out.append(
                    AwardStatement(match.start(), match.end(), False, (named,), False)
                )
            continue
        if text[start : start + 1] == "的":
            continue  # 获得由省教育厅授予的“X”: X conferred by a body, no statement
        end = start
        while end < len(text) and text[end] not in "，,。；;！!？?：:\n":
            if (
                text[end] == "."
                and _CJK.match(text, end - 1)
                and not text[end + 1 : end + 2].isdigit()
            ):
                break  # …平安校园.双清区…: a half-width full stop
            end += 1
        again = rules.award_trigger.search(text, start, end)
        if again is not None:
            # A荣获X、B荣获Y: the next unit's own statement starts after 、
            cut = text.rfind("、", start, again.start())
            if cut > start:
                end = cut
        clause = text[_clause_floor(text, match.start()) : match.start()]
        bracketed = _bracketed_units(text, start, end, clause)
        if bracketed is not None:
            end = bracketed[0] - 1  # 3所学校被评为X（A、B、C）: X ends at （
        described = _holders_described(text, start, end, rules)
        if described is not None:
            # 支持入选X实验区的合肥市、芜湖市先行先试: the units after 的 hold X
            end, bracketed = described[0] - 1, described
        phrase = text[start:end]
        if not phrase:
            named = (
                _honour_named_before(text, match.start(), rules)
                if trig == "入选"
                else None
            )
            if named is not None:
                # X命名第二批Y示范学校，我县A、B 2所学校入选: Y示范学校
                out.append(
                    AwardStatement(match.start(), match.end(), False, (named,), False)
                )
            continue
        if _MEDAL_TALLY_IN.search(phrase):
            continue  # 共获得金牌23枚、银牌19枚: a tally of medals, no prize
        if _PROGRAM_CLAUSE_END.search(
            text, sentence_start(text, match.start()), match.start()
        ) and PROGRAMS_MODEL_SCHOOL.search(text, match.start(), end):
            continue  # 实施“X工程”，A被确定为首批示范校: X's school, no honour
        if tried_in(phrase.strip(), text, match.start()):
            continue
        if _SELECTED_PROJECT.search(phrase):
            # 入选X示范校培育项目, 入选X项目建设园: a project schools take part
            # in, no honour (the program finders name it)
            continue
        building = _TITLE_BEING_BUILT.fullmatch(phrase)
        if building is not None:
            # 入选浙江省高水平中职学校建设单位: the title the unit is built up to
            phrase = building.group(1)
        if trig == "成为" and (
            any(word in phrase for word in _ONLY_ONE) or _REFERRED_TITLE.search(phrase)
        ):
            # 成为全县首所省一级高中: a distinction, no honour named;
            # 成为首批获此殊荣的县区之一: one of its holders, named before
            continue
        # 力争A、B创成X: the plan word governs every subject of the list.
        whole_clause = text[clause_of(text, match.start())[0] : match.start()]
        pursued = (
            trig in lex.award_pursuit_triggers
            or _plan_marked(_without_places(whole_clause, rules), trig, lex)
            # 被列入省级示范性高中建设计划: a candidate for the title
            or any(word in phrase for word in lex.candidate_lists)
        )
        # 分获, 分别获得: the i-th subject gets the i-th award (decision 23).
        distributive = text[match.start() - 1 : match.start()] == "分" or text[
            max(0, match.start() - 2) : match.start()
        ] in ("分别", "依次")
        events, contest = _event_items(
            text, match.start() - len(clause), match.start(), start, end
        )
        sentence_before = text[sentence_start(text, match.start()) : match.start()]
        titled = partial(_titled_contest, text, match.start(), rules)
        page = partial(contest_named_before, text, match.start(), rules)
        if events:
            awards = _with_events_contest(events, contest, sentence_before, titled)
        else:
            awards = _with_contest(
                [
                    piece
                    for a in _split_awards(phrase, start, rules)
                    for piece in _category_list_pieces(a, text)
                ],
                sentence_before,
                titled,
                page,
            )
        awards = [this_contest_named(a, text, match.start(), rules) for a in awards]
        awards = [_with_studio(a, text) for a in awards]
        awards = [piece for a in awards for piece in _tier_list_pieces(a, text)]
        below = None if bracketed else listed_below(text, end, rules)
        if (
            below is not None
            and all(_TIER_OR_PRIZE_END.search(a.name) for a in awards)
            and _tier_lines_in(text, below)
        ):
            # 授予团体一、二、三等奖，…授予优秀组织奖。具体名单如下： over tier
            # lines: each line below says whose tier it is
            below = None
        listed = bracketed or below or _named_after(text, end, clause)
        if pursued and listed is not None and _published_list(clause, trig, rules):
            pursued = False
        if awards:
            out.append(
                AwardStatement(
                    match.start(),
                    match.end(),
                    pursued,
                    tuple(awards),
                    distributive,
                    listed,
                )
            )
    return out


#: 综合评价一、二、三等奖: the tiers of one prize written as one list.
_TIER_LIST = re.compile(
    r"(?P<ranks>[一二三四五六特](?:[、和及]?[一二三四五六]){1,5})等奖$"
)


def _tier_list_pieces(award: Candidate, text: str) -> list[Candidate]:
    """X一、二、三等奖 → X一等奖, X二等奖, X三等奖 (decision 3), each on the
    characters written for it (X一, 二, 三等奖), so 分获 pairs them in order."""
    written = text[award.start : award.end]
    match = _TIER_LIST.search(written)
    if match is None or not award.name.endswith(match.group()):
        return [award]
    stem = award.name[: -len(match.group())]
    ranks = [
        (award.start + match.start("ranks") + i, ch)
        for i, ch in enumerate(match.group("ranks"))
        if ch not in "、和及"
    ]
    if len(ranks) < 2:
        return [award]
    pieces = []
    for k, (at, rank) in enumerate(ranks):
        start = award.start if k == 0 else at
        end = award.end if k == len(ranks) - 1 else at + 1
        pieces.append(
            replace(
                award,
                start=start,
                end=end,
                name=f"{stem}{rank}等奖",
                rule="award.tier-list",
            )
        )
    return pieces


#: 合唱类、舞蹈类、器乐类一等奖, 中学组、小学组团体总分第一名: categories
#: sharing one tier or place.
_CATEGORY_LIST = re.compile(
    r"^((?:[\u4e00-\u9fff]{1,6}[类组]、)+[\u4e00-\u9fff]{1,6}[类组])"
    r"((?:团体|个人)?(?:总分)?"
    r"(?:(?:[一二三四五六七八九十]等|特等|金|银|铜)奖|冠军|亚军|季军|第[一二三四五六七八]名))$"
)


def _category_list_pieces(award: Candidate, text: str) -> list[Candidate]:
    """合唱类、舞蹈类、器乐类一等奖 → 合唱类一等奖, 舞蹈类一等奖, 器乐类一等奖
    (decision 3), each on its category's characters, so 分获 pairs them in
    order."""
    written = text[award.start : award.end]
    match = _CATEGORY_LIST.match(written)
    if match is None or award.name != written:
        return [award]
    tier = match.group(2)
    pieces = []
    at = award.start
    for part in match.group(1).split("、"):
        pieces.append(
            replace(
                award,
                start=at,
                end=at + len(part),
                name=part + tier,
                rule="award.tier-list",
            )
        )
        at += len(part) + 1
    return pieces


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_NAMED_AFTER = re.compile(r"[，,]\s*(?:分别是|分别为|分别有|依次是|包括)[：:]?")
_COUNTED_SUBJECT = re.compile(r"[0-9一二三四五六七八九十两]+\s*[所个家]")


def _bracketed_units(
    text: str, start: int, end: int, clause: str
) -> tuple[int, int] | None:
    """3所学校被评为X（A、B、C）: the span of the units in the bracket."""
    if not _COUNTED_SUBJECT.search(clause):
        return None
    opening = _OPENING_BRACKET.search(text, start, end)
    if opening is None:
        return None
    closing = text.find(
        "）" if opening.group() == "（" else ")", opening.end(), end + 1
    )
    inside = text[opening.end() : closing] if closing > 0 else ""
    if "、" not in inside and "和" not in inside:
        return None  # 先进县（市、区）and notes in brackets list no units
    if not all(
        item.strip().endswith(_UNIT_NAME_ENDS) for item in re.split("[、和]", inside)
    ):
        return None
    return (opening.end(), closing)


_OPENING_BRACKET = re.compile("[（(]")
_UNIT_NAME_ENDS = _LEX.unit_name_ends


def _named_after(text: str, end: int, clause: str) -> tuple[int, int] | None:
    """3所学校获评X，分别是A、B和C: the units named after the honour."""
    if not _COUNTED_SUBJECT.search(clause):
        return None
    match = _NAMED_AFTER.match(text, end)
    if match is None:
        return None
    stop = _SENTENCE_END.search(text, match.end())
    stop_at = stop.start() if stop else len(text)
    return (match.end(), stop_at) if stop_at > match.end() else None


#: 了, 的, 在: particles that open no name.
_PARTICLES = frozenset("了的在于对把将")


def contest_named_before(text: str, pos: int, rules: Rules) -> str:
    """The contest a document's title or lead names before ``pos``, or "".

    关于2024年平南县中小学生艺术展演活动获奖情况的通报 → 2024年平南县中小学生
    艺术展演: what a bare tier heading below it (一等奖) was won in.
    """
    lines = text[:pos].split("\n")[:_CONTEST_LINES]
    for at, line in enumerate(lines):
        # The title first: a lead may name other events.
        contest = last_contest(line, rules)
        if contest is not None:
            # 关于第十二届X艺术节… over a lead naming 宽甸满族自治县第十二届X艺术节:
            # the same contest, named in full
            fuller = (
                last_contest(clause, rules) or ""
                for later in lines[at + 1 :]
                for clause in re.split("[。，,；;]", later)
            )
            return next(
                (
                    f
                    for f in fuller
                    if len(f) > len(contest)
                    and f.endswith(contest)
                    # 公布了|大理州第八届X, X局荣获|大理州…: a particle or a
                    # subject and its verb is no part of it
                    and f[0] not in _PARTICLES
                    and not any(
                        verb in f[: -len(contest)]
                        for verb in rules.lexicon.award_triggers
                    )
                ),
                contest,
            )
    return ""


def contest_in(sentence: str, rules: Rules) -> str:
    """The last contest ``sentence`` names (…举办第三届全县教师基本功大赛), or ""."""
    return last_contest(sentence, rules) or ""


def last_contest(text: str, rules: Rules) -> str | None:
    """The last contest ``text`` names, without what leads to it ("" when too
    short to be one), or None when it names none."""
    found: list[str] = []
    joined_at = -1
    for m in _contest_pattern(rules.lexicon.award_events).finditer(text):
        if found and m.start() == joined_at:
            # X技能大赛|中职组比赛: the group's contest goes on the name before
            found[-1] += m.group()
        else:
            found.append(m.group())
        joined_at = m.end()
    if not found:
        return None
    # X大赛中职组比赛: the group's part of the contest is named by its group
    last = found[-1]
    if re.search(r"[赛会演][^赛会演]{1,5}组(?:比赛|竞赛)$", last):
        last = _GROUP_CONTEST.sub("", last)
    name = _PRIZES_SELECTION.sub("", _CONTEST_LEAD.sub("", last))
    name = _BRACKETED_GROUP.sub(r"\1", name)
    return clean_award_name(name) if len(name) >= 4 else ""


#: （中职组） after a contest's name: its group, written without the brackets.
_BRACKETED_GROUP = re.compile(r"[（(]([\u4e00-\u9fff]{1,6}组)[）)]$")


#: X大赛中职组|比赛: a group's part of a contest named with it.
_GROUP_CONTEST = re.compile(r"(?<=组)(?:比赛|竞赛)$")
#: 成果奖|评审: a prize's selection, whose tiers are the prize's.
_PRIZES_SELECTION = re.compile(r"(?<=奖)(?:评选|评比|评审)(?:活动)?$")


@cache
def _contest_pattern(events: tuple[str, ...]) -> re.Pattern[str]:
    """A contest's name: up to 40 characters ending in one of ``events``."""
    alternatives = "|".join(map(re.escape, events))
    # “区长杯”校园足球联赛: an event word inside quotes names the cup, not
    # the end of the contest's name
    # 征文|比赛: the contest a kind of entry is judged in goes on the name (not
    # 运动会|比赛, the events of a meet)
    # X大赛（中职组）: the group the contest was held for is part of its name
    return re.compile(
        rf"[^，,。；;：:、\s]{{2,40}}?(?:{alternatives})(?![”」』])"
        r"(?:(?<=征文|比武|展评|会演)(?:比赛|大赛|竞赛))?(?:活动)?"
        r"(?:[（(][\u4e00-\u9fff]{1,6}组[）)])?"
    )


# What a title or lead says before the contest's name: …关于, 组织开展了.
_CONTEST_LEAD = re.compile(
    r"^.*(?:关于|公布|表彰|通报|开展了?|举办了?|组织了?|参加了?|在(?!线)"
    # 运动会按照《X运动会竞赛规程》: the rules it follows name it
    r"|按照|根据|依据"
    # 由X主办、Y承办的: the bodies holding it
    r"|(?:主办|承办|协办)的)"
)


#: The shortest contest name read from an earlier sentence (not 在省赛中).
_FULL_CONTEST = 6
#: Lines of a document's head searched for the contest a tier list is of.
_CONTEST_LINES = 6


def _titled_contest(text: str, pos: int, rules: Rules) -> str:
    """The contest a tier with none in its clause was won in: the one an
    earlier clause of its sentence names (在“诵读中国”经典诵读大赛中，…；A、B
    分获小学组一等奖和二等奖), the honour it commended (对X进行了表彰，A获
    一等奖), the last one an earlier sentence of its paragraph names in full,
    or else the one the page's title line names (我县在第八届全省艺术展演中再
    创佳绩). A lead paragraph may name other events: only title lines, with no
    sentence in them, count."""
    sentence = max(text.rfind(c, 0, pos) for c in "。！!？?\n") + 1
    earlier = _CONTEST_BEFORE.findall(text, sentence, pos)
    if earlier:
        return placed_contest(
            _without_host(earlier[-1]), lambda: contest_named_before(text, pos, rules)
        )
    hosted = _CONTEST_HOSTED.findall(text, sentence, pos)
    if hosted:
        # 县教育体育局举办了祥云县第八届X展演活动；A、B分获中学组团体总分第一名
        # 和…: the contest an earlier clause says was held
        return clean_award_name(hosted[-1])
    won = _PRIZE_WON_BEFORE.findall(text, sentence, pos)
    if won:
        # A获X小学组一等奖，B获二等奖: the contest of the prize an earlier
        # clause gave, with its group unless the tier names its own (decision 3)
        contest, group = won[-1]
        own_group = _OWN_GROUP.match(text, pos) is not None
        return clean_award_name(contest + ("" if own_group else group))
    commended = [
        name
        for name in _COMMENDED_BEFORE.findall(text, sentence, pos)
        if clean_award_name(name).endswith(rules.award_suffixes)
    ]
    if commended:
        # 对2024年度教育教学质量优秀学校进行了表彰，A、B获一等奖: that
        # honour's tiers
        return clean_award_name(commended[-1])
    paragraph = text.rfind("\n", 0, pos) + 1
    told = [
        name
        for name in (
            *_CONTEST_BEFORE.findall(text, paragraph, sentence),
            # X展演在雷山县举行。其中A获小学组一等奖: the contest the paragraph
            # opened with
            *_CONTEST_HELD.findall(text, paragraph, sentence),
        )
        if len(name) >= _FULL_CONTEST
    ]
    if told:
        # 对在2022年吉林省X大赛中取得优异成绩的学校予以通报表扬。…A获得“Y”赛项
        # 一等奖: the contest an earlier sentence of the paragraph named in full
        return placed_contest(
            _without_host(told[-1]), lambda: contest_named_before(text, pos, rules)
        )
    headed = contest_heading_above(text, pos, rules)
    if headed:
        return headed
    # Whole lines above the tier's own only: the start of its line (A获X
    # 一等奖，B获) holds no sentence end yet, but is no title.
    head = "\n".join(
        line
        for line in text[: text.rfind("\n", 0, pos) + 1].split("\n")[:_CONTEST_LINES]
        if "。" not in line and len(line) <= _TITLE_LINE
    )
    contest = contest_in(head, rules)
    # 中职组方面，A获一等奖7个: the title's contest, in the paragraph's group
    group = _PARAGRAPH_GROUP.match(text, text.rfind("\n", 0, pos) + 1, pos)
    return contest + group.group(1) if contest and group else contest


#: 中职组方面，…: a paragraph on one group of a contest's results.
_PARAGRAPH_GROUP = re.compile(r"\s*([\u4e00-\u9fff]{1,4}组)方面[，,]")
#: 一、…: a top-level numbered heading.
TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
#: Lines searched above a results line for its contest's heading.
_HEADING_LINES = 12
#: （一）初中女子组：A、B分获…: the group a results line opens with.
_LINE_GROUP = re.compile(
    r"\s*[（(][一二三四五六七八九十]+[）)]\s*([^：:，,。；;]{2,12}组)[：:]"
)


def lines_above(text: str, pos: int, limit: int) -> Iterator[str]:
    """The lines above the one holding ``pos``, nearest first, stripped: at
    most ``limit`` of them."""
    above = text.rfind("\n", 0, pos) + 1
    for _ in range(limit):
        if above <= 0:
            return
        start = text.rfind("\n", 0, above - 1) + 1
        yield text[start : above - 1].strip()
        above = start


_ENTRANTS_NOTE = re.compile(r"[（(][^（）()]{1,10}[）)]$")


def contest_heading_above(
    text: str, pos: int, rules: Rules, limit: int = _HEADING_LINES
) -> str:
    """二、2024年X篮球联赛 over （一）初中女子组：A、B分获第一、二名: the contest
    of the numbered heading the line sits under, with the group the line
    opens with; "" when the nearest numbered heading names no contest."""
    group = _LINE_GROUP.match(text, text.rfind("\n", 0, pos) + 1, pos)
    for line in lines_above(text, pos, limit):
        heading = TOP_HEADING.match(line)
        if heading is None:
            continue
        contest = _without_host(clean_award_name(line[heading.end() :].strip()))
        # 二、机器人竞赛（学校代表队）: who entered it is no part of its name
        contest = _ENTRANTS_NOTE.sub("", contest)
        if not _EVENT_END.search(contest):
            return ""
        return contest + (group.group(1) if group else "")
    return ""


def this_contest_named(
    award: Candidate, text: str, pos: int, rules: Rules
) -> Candidate:
    """本届大赛优秀组织奖: "this contest" is the one the page's title or lead
    names (第39届全省青少年科技创新大赛优秀组织奖); as written when none."""
    this = _THIS_CONTEST.match(award.name)
    if this is None:
        return award
    event = this.group(1) or ""
    titled = _titled_contest(text, pos, rules)
    contest = (
        ("" if _THIS_CONTEST.match(titled) else titled)
        or _contest_told_before(text, pos, event, rules)
        or contest_named_before(text, pos, rules)
    )
    if not contest:
        return award
    return replace(award, name=contest + award.name[this.end() :])


#: How far back a story is read for the contest "this contest" refers to.
_STORY_REACH = 800


def _contest_told_before(text: str, pos: int, event: str, rules: Rules) -> str:
    """在2024年全省艺术展演活动中，…。在本次展演中，A获一等奖: the last contest
    of that kind (展演) an earlier sentence of the story named, or ""."""
    start = sentence_start(text, pos)
    window = text[max(0, start - _STORY_REACH) : start]
    named = [
        _without_host(_CONTEST_LEAD.sub("", m.group())).removesuffix("活动")
        for m in _contest_pattern(rules.lexicon.award_events).finditer(window)
    ]
    kind = [
        name
        for name in named
        if len(name) >= 4 and event in name and not _THIS_CONTEST.match(name)
    ]
    return kind[-1] if event and kind else ""


#: 本届大赛, 本次展演活动: the contest the text is about, named elsewhere.
_THIS_CONTEST = re.compile(
    "^(?:本届|本次|此次)(" + _alt(_LEX.award_events) + ")?(?:活动)?"
)
#: The longest line read as a page's title.
_TITLE_LINE = 60


def _without_host(phrase: str) -> str:
    """在实验小学举办的全县作文比赛中: the host is no part of the contest's name;
    在X成果奖评选中获一等奖: X成果奖's tier, not its selection's."""
    name = re.sub(f"^.*(?:{_HOST_VERB.pattern})的", "", phrase)
    return clean_award_name(_PRIZES_SELECTION.sub("", name))


#: 全国, 大理州, 第八届, 2024年: what places a contest among others of its kind
#: (a category of one, 艺术表演类评比, has none of them).
_SCOPED_CONTEST = re.compile(
    r"全国|国家|[省市县区州旗盟]|第[0-9一二三四五六七八九十]+届|(?:19|20)\d\d"
)


def names_its_place(contest: str) -> bool:
    """Whether a contest is named with its place, edition or year (大理州第八届
    X展演, 2023年X比赛), not as a category (艺术表演类评比, 各组别比赛)."""
    return _SCOPED_CONTEST.search(contest) is not None


def placed_contest(contest: str, page_contest: Callable[[], str]) -> str:
    """在艺术表演类（合唱、器乐）评比中荣获一等奖 on a page about 大理州第八届中小学生
    艺术展演活动: a category of the page's contest, whose prize the tier is; a
    contest named with its place, edition or year is its own. The page's
    contest is looked for only then (``page_contest``, read from the text
    above)."""
    if not contest or names_its_place(contest) or _THIS_CONTEST.match(contest):
        return contest  # (本次展演: the one told before, see this_contest_named)
    page = page_contest()
    return page if names_its_place(page) else contest


def _with_contest(
    awards: list[Candidate],
    clause: str,
    titled: Callable[[], str] = lambda: "",
    page: Callable[[], str] = lambda: "",
) -> list[Candidate]:
    """Bare tiers named with the contest before the verb, or dropped.

    在全省篮球比赛中荣获一等奖 → 全省篮球比赛一等奖 (decision 3); 荣获一等奖
    with no contest named names no prize. A category's tier (声乐类一等奖)
    with no contest in its sentence takes the one the page's title names
    (``titled``).
    """
    if not any(
        BARE_TIER.fullmatch(a.name)
        or a.name in _CONTEST_PRIZES
        or _HOLDERS_PRIZE.fullmatch(a.name)
        or _ITEM_TIER.fullmatch(a.name)
        for a in awards
    ):
        return awards
    contests = _CONTEST_BEFORE.findall(clause)
    contest = _without_host(contests[-1] if contests else "")
    if contest and not names_its_place(contest):  # (page() reads the title lines)
        contest = placed_contest(contest, page)
    # 参加全省技能大赛，获得汽车维修项目一等奖: an event's placing names the
    # contest it was won in, joined a clause before.
    joined = _CONTEST_JOINED.findall(clause)
    elsewhere = "" if contest or joined else titled()
    event_contest = contest or (clean_award_name(joined[-1]) if joined else elsewhere)
    # A tier alone (一等奖) takes the contest of its sentence, or else the one
    # the page's title names, not one joined a clause before (参加…大赛获一等
    # 奖2项 counts the school's prizes).
    tier_contest = contest or elsewhere
    out = []
    group = ""
    for award in awards:
        # 分获小学组一等奖和二等奖, 分获戏剧类二等奖、三等奖: the second tier is
        # of the first's group or category (decision 3)
        grouped = _GROUP_OF_TIER.match(award.name)
        if grouped is not None:
            group = grouped.group(1)
        elif group and _TIER_ONLY.fullmatch(award.name):
            award = replace(award, name=group + award.name)
        if _ITEM_TIER.fullmatch(award.name):
            # 获中职组A项目二等奖、B项目三等奖: B's event is of the first's group
            item_group = _GROUP_OF_ITEM.match(award.name)
            if item_group is not None:
                group = item_group.group(1)
            elif group.endswith("组"):
                award = replace(award, name=group + award.name)
            out.append(
                replace(award, name=event_contest + award.name)
                if event_contest
                else award
            )
        elif award.name in _CONTEST_PRIZES or _HOLDERS_PRIZE.fullmatch(award.name):
            # 在全市艺术展演中荣获优秀组织奖: that contest's prize; alone, the
            # title's contest's (本次比赛…，A获优秀组织奖), or as written
            prize_contest = contest or elsewhere
            out.append(
                replace(award, name=prize_contest + award.name)
                if prize_contest
                else award
            )
        elif not BARE_TIER.fullmatch(award.name):
            out.append(award)
        elif tier_contest:
            out.append(replace(award, name=tier_contest + award.name))
        elif joined and _GROUP_OF_TIER.match(award.name):
            # 参加X联赛（赣州赛区），获小学男子组第三名: a group's placing names
            # the contest it was won in, joined a clause before
            out.append(replace(award, name=event_contest + award.name))
    return out


def _without_places(clause: str, rules: Rules) -> str:
    """``clause`` with its places' names blanked out (将乐县, 将台堡镇 hold no
    将)."""
    places = rules.region_words.occurrences(clause)
    places += _towns_opening_with_a_modal().occurrences(clause)
    for start, end in places:
        clause = clause[:start] + "　" * (end - start) + clause[end:]
    return clause


@cache
def _towns_opening_with_a_modal() -> WordMatcher:
    """The towns whose names open with a plan word (将台堡镇): a few hundred
    of the forty thousand, so the matcher stays small."""
    markers = tuple(load_lexicon().plan_markers)
    return WordMatcher(
        town.name
        for towns in load_region_index().towns.values()
        for town in towns
        if town.name.startswith(markers)
    )


def _plan_marked(clause: str, trigger: str, lex: Lexicon) -> bool:
    """A plan word in the clause before an honour's trigger.

    将 before a verb that takes its object (将A命名为X, 将我县列为X) is the
    object marker, not "will": the grant is reported.
    """
    object_marker = trigger in lex.object_marker_verbs
    return any(
        m in clause for m in lex.plan_markers if not (object_marker and m == "将")
    )


def _published_list(clause: str, trigger: str, rules: Rules) -> bool:
    """拟认定为X，名单如下：— a list published for designation is conferred.

    GUIDELINES decision 10: the 拟 of a 公示 list marks the notice period,
    not a plan; only a 拟 right before the verb, and no other plan marker.
    """
    lex = rules.lexicon
    if trigger in lex.award_pursuit_triggers or not clause.endswith("拟"):
        return False
    return not any(marker in clause[:-1] for marker in lex.plan_markers)


def _tier_lines_in(text: str, block: tuple[int, int]) -> bool:
    """Whether a line of ``block`` opens on a tier or a contest's prize."""
    return any(
        _TIER_LINE_OPENING.match(line) for line in text[block[0] : block[1]].split("\n")
    )


_LEAD_REMARK = re.compile(r"[（(][^（）()\n]{1,12}[）)]$")


#: 授予以下8所学校, 对以下单位, 授予以下基层党组织: the units the lines below
#: list (a party branch's honour is its school's, decision 19).
UNITS_BELOW = re.compile(
    r"以下(?:\d+|[一二三四五六七八九十两]+)?(?:所|个|家)?"
    r"(?:学校|单位|集体|幼儿园|县（市、区）|县区|县市区|(?:基层)?党组织)"
)
#: ”称号：at the end of a lead's line.
_COLON_ENDS = re.compile(r"[”\"」』]?(?:荣誉)?(?:称号)?\s*[：:]\s*")


#: 。其他主要荣誉如下: a later sentence listing other honours; 。部分学校
#: 获评省级以上荣誉情况如下: one listing the honours its own units won.
_OTHERS_BELOW = re.compile(
    r"[。！？!?；;]\s*(?:其他|其余|另外|此外|另"
    r"|[^。！？!?；;]*?(?:获得?|荣获|获评)[^。！？!?；;]*荣誉)"
)


def listed_below(text: str, end: int, rules: Rules) -> tuple[int, int] | None:
    """拟认定为X，名单如下：— the recipients are the lines below."""
    from .honours import list_block

    nl = text.find("\n", end)
    line_end = len(text) if nl < 0 else nl
    line_start = text.rfind("\n", 0, end) + 1
    if UNITS_BELOW.search(text, line_start, end) and _COLON_ENDS.fullmatch(
        text, end, line_end
    ):
        # 二、授予以下8所学校“X”称号： over a table or lines of schools
        return list_block(text, line_end + 1)
    rest = text[end:line_end].rstrip("：:，, ")
    if _OTHERS_BELOW.search(rest):
        # 全区教育系统获评X。其他主要荣誉如下：— the list is the next
        # sentence's, of other honours (not 认定A等9所学校为X。现将名单公布如下：)
        return None
    # 名单如下（排名不分先后）： / 公布如下（部分）：
    rest = _LEAD_REMARK.sub("", rest).rstrip("：:，, ")
    if not any(rest.endswith(m) for m in rules.lexicon.list_lead_markers):
        return None
    return list_block(text, line_end + 1)


def _last_suffix_end(piece: str, rules: Rules) -> int:
    """End of the last award suffix inside ``piece`` (0 if none).

    Cuts 全国示范县教育领域创建工作取得新突破 back to 全国示范县.
    """
    best = 0
    for match in rules.award_suffix.finditer(piece):
        best = match.end()
    alternatives = LEVEL_ALTERNATIVES.match(piece[best:].rstrip('”」』"称号荣誉'))
    return best + alternatives.end() if best and alternatives else best


_EVENT_WORDS = re.compile("^(.*?(?:" + _alt(_LEX.award_events) + ")(?:活动)?)")
_EVENT_END = re.compile("(?:" + _alt(_LEX.award_events) + ")$")
# A prize's tier: 一等奖, 金奖, 冠军, 第一名.
_TIER = (
    r"(?:[一二三四五六七八九十]等|特等|金|银|铜)奖|[金银铜]牌"
    r"|冠军|亚军|季军|第[一二三四五六七八九十]名"
)
#: 团体一等奖, X优秀组织奖: a tier or a contest's prize ending a name.
_TIER_OR_PRIZE_END = re.compile(
    "(?:" + _TIER + "|" + "|".join(map(re.escape, _LEX.contest_prizes)) + ")$"
)
#: 团体一等奖　A, 一等奖：A, 优秀组织奖 — a line opening on a tier or a prize.
_TIER_LINE_OPENING = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{1,6}组)?(?:团体|个人)?(?:"
    + _TIER
    + "|"
    + "|".join(map(re.escape, _LEX.contest_prizes))
    + ")",
    re.MULTILINE,
)


#: 获X小学组一等奖，: a prize won in a clause, its contest and group before
#: its tier (the group is dropped where the later tier has its own).
_PRIZE_WON_BEFORE = re.compile(
    r"获得?([^，,。；;、\s“”]{4,40}?(?:"
    + _alt(_LEX.award_events)
    + r")(?:活动)?)((?:[\u4e00-\u9fff]{1,6}组)?)(?:团体|个人)?(?:"
    + _TIER
    + "|"
    + _alt(_LEX.contest_prizes)
    + r")[，,；;]"
)
#: 获初中组二等奖: a tier with a group of its own after the trigger.
_OWN_GROUP = re.compile(
    r"[^，,。；;]{0,4}?[\u4e00-\u9fff]{1,6}组(?:团体|个人)?(?:" + _TIER + ")"
)
#: A tier alone (二等奖), with no group or category before it.
_TIER_ONLY = re.compile("(?:" + _TIER + ")")
#: What a tier is of after the contest's name: 男子组, 团体, 小学组团体.
_TIER_QUALIFIER = re.compile(
    r"((?:[\u4e00-\u9fff]{1,6}[组类])?(?:团体总分|团体|个人)?)(?=" + _TIER + ")"
)
#: The group or category a tier is of (小学组 in 小学组一等奖, 戏剧类).
_GROUP_OF_TIER = re.compile(r"([\u4e00-\u9fff]{1,6}[组类])(?=" + _TIER + ")")
#: A prize tier on its own (一等奖, 团体金奖, 冠军): it names no prize until
#: the contest it was won in is put before it.
BARE_TIER = re.compile(
    # 男子团体第一名: a sex's team placing; 小学组团体总分第一名, a group's
    r"(?:男子|女子)?(?:团体总分|团体|个人|[\u4e00-\u9fff]{1,6}组)?(?:团体总分|团体|个人)?(?:"
    + _TIER
    + ")"
)
#: The tier ending a prize's name (一等奖 of 教学成果奖一等奖).
_BARE_TIER_END = re.compile("(?:" + _TIER + ")$")
# 在全省篮球比赛中荣获一等奖: the contest named before the verb.
_CONTEST_BEFORE = re.compile(
    # (在X展演活动中: the contest's name keeps its 活动, as its title writes it)
    r"在([^，,。；;！!？?在]{2,30}?(?:" + _alt(_LEX.award_events) + r")(?:活动)?)[中上]"
)
#: X展演在雷山县举行: a contest held, named as the sentence's subject.
_CONTEST_HELD = re.compile(
    r"([^，,。；;！!？?\n在]{4,30}?(?:" + _alt(_LEX.award_events) + r")(?:活动)?)"
    r"(?:在[^，,。；;！!？?\n]{2,20}?)?(?:隆重|顺利)?(?:举行|举办|开幕|落幕|闭幕)"
)
#: 举办了X展演活动: a contest a clause says someone held.
_CONTEST_HOSTED = re.compile(
    r"(?:举办|举行|承办|组织开展|开展)了?([^，,。；;！!？?\n在]{4,30}?(?:"
    + _alt(_LEX.award_events)
    + r")(?:活动)?)(?=[，,；;])"
)
_COMMENDED_BEFORE = re.compile(
    r"对([^，,。；;！!？?对]{4,40}?)(?:进行了?|予以)(?:表彰|表扬|通报表扬)"
)
_CONTEST_JOINED = re.compile(
    r"参加(?:了)?([^，,。；;！!？?在]{2,30}?(?:" + _alt(_LEX.award_events) + r"))"
)
# 汽车维修项目一等奖: a placing in one event of a contest, named with it.
#: 汽车维修项目一等奖, 声乐类一等奖: a tier of one event or category of a contest.
_ITEM_TIER = re.compile(r"[\u4e00-\u9fff]{2,10}(?:项目|赛项|类)(?:" + _TIER + ")")
#: 中职组汽车维修项目二等奖: the group an event's prize opens with.
_GROUP_OF_ITEM = re.compile(
    r"([\u4e00-\u9fff]{1,4}组)(?=[\u4e00-\u9fff]{2,10}(?:项目|赛项))"
)
#: “A”“B”: a run of quoted events of a contest (赛项), each its own prize.
_QUOTED_ITEMS = r"((?:[“\"][^“”\"\n]{2,20}[”\"][、和及]?){1,8})"
#: 在“A”“B”2个赛项中|获得一等奖: the events named before the trigger.
_EVENT_ITEMS_BEFORE = re.compile(
    _QUOTED_ITEMS + r"(?:[0-9一二三四五六七八九十两]+个)?赛项(?:中|上)?(?:均|分别)?$"
)
#: 获|“A”“B”两个赛项一等奖: the events named after it, with their tier.
_EVENT_ITEMS_AFTER = re.compile(
    _QUOTED_ITEMS + r"(?:[0-9一二三四五六七八九十两]+个)?赛项(" + _TIER + ")$"
)
_QUOTED_ITEM = re.compile(r"[“\"]([^“”\"\n]{2,20})[”\"]")


_LEVEL_AFTER_SHORT = re.compile("[省市县区旗州盟]|地区")
# 振兴一中, 红旗二小: an ordinal school after a place's short form.
_SHORT_SCHOOL_AFTER = re.compile(r"[一二三四五六七八九十\d]+[中小]")
# Prizes a contest gives besides its tiers (…展演优秀组织奖).
_CONTEST_PRIZES = _LEX.contest_prizes
#: 学校优秀组织奖: a contest's prize named with the kind of its holders.
_HOLDERS_PRIZE = re.compile("(?:学校|单位|集体)(?:" + _alt(_LEX.contest_prizes) + ")")
# What follows a school inside 在…比赛中 that hosts the contest.
_HOST_VERB = re.compile(_alt(_LEX.host_verbs))
# The tier a contest awards after its name (…作文大赛一等奖).
_EVENT_TIER = re.compile("(?:" + _alt(_LEX.award_events) + ")(" + _TIER + ")$")


def _event_items(
    text: str, floor: int, trigger: int, start: int, end: int
) -> tuple[list[Candidate], str]:
    """在“A”“B”2个赛项中获得一等奖, 获“A”“B”两个赛项一等奖: one prize per
    event (A赛项一等奖, B赛项一等奖), each spanning its event's name, and the
    contest written right before the events ("" if none; decision 3). Empty
    when the trigger (at ``trigger``, its phrase from ``start`` to ``end``)
    has no such events."""
    after = _EVENT_ITEMS_AFTER.match(text, start, end)
    if after is not None:
        items, tier = after.span(1), after.group(2)
    else:
        before = _EVENT_ITEMS_BEFORE.search(text, floor, trigger)
        tier_at = _TIER_ONLY.match(text, start, end)
        if before is None or tier_at is None or tier_at.end() != end:
            return [], ""
        items, tier = before.span(1), tier_at.group()
    # 在2023年全国X大赛中职组“A”赛项中: the contest right before the events
    contest = _CONTEST_BEFORE_EVENTS.search(text, floor, items[0])
    events = [
        Candidate(
            item.start(1),
            item.end(1),
            "Award",
            item.group(1) + "赛项" + tier,
            "award.event-items",
            "",
        )
        for item in _QUOTED_ITEM.finditer(text, *items)
    ]
    if contest is None:
        return events, ""
    return events, _without_host(contest.group(1)) + contest.group(2)


def _with_events_contest(
    events: list[Candidate], contest: str, clause: str, titled: Callable[[], str]
) -> list[Candidate]:
    """The events' prizes (A赛项一等奖) with ``contest`` before each, or else
    the contest a bare tier of theirs takes (its clause's, paragraph's or
    title's); as they are when none is found."""
    if not contest:
        tier = events[0].name.rpartition("赛项")[2]
        won = _with_contest([replace(events[0], name=tier)], clause, titled)
        contest = won[0].name.removesuffix(tier) if won else ""
    return [replace(e, name=contest + e.name) for e in events]


#: 2023年全国职业院校技能大赛中职组| before “A”赛项: a contest and its group.
_CONTEST_BEFORE_EVENTS = re.compile(
    r"在([^，,。；;！？“”\n在]{2,30}?(?:"
    + _alt(_LEX.award_events)
    + r"))((?:[\u4e00-\u9fff]{1,6}组)?)$"
)


def _shared_tier(last_piece: str) -> str:
    """The prize after the last contest of a list (…作文大赛一等奖 → 一等奖)."""
    match = _EVENT_TIER.search(last_piece.rstrip())
    return match.group(1) if match else ""


_BRACKETED = re.compile(r"[（(][^（）()]{0,8}[）)]")


# 合唱比赛一、二、三等奖: tiers listed by their numbers, the ending said once.
_TIER_NUMBER = "一二三四五六七八九十特"
_ELIDED_LAST = re.compile(f"^[{_TIER_NUMBER}](等奖|名)")


def _elided_tiers(parts: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """``(start, length, name)`` of each tier of 比赛一、二、三等奖 or of
    分获第一、二、三名, or [].

    Each tier is named in full (比赛二等奖, 第二名); with no contest before
    the first number the tiers are bare (二等奖), for the contest named
    before the verb to complete, or for none.
    """
    if len(parts) < 2:
        return []
    first_at, first = parts[0]
    last = _ELIDED_LAST.match(parts[-1][1])
    middle = [piece for _, piece in parts[1:-1]]
    if last is None or not first or first[-1] not in _TIER_NUMBER:
        return []
    if any(len(piece) != 1 or piece not in _TIER_NUMBER for piece in middle):
        return []
    ending = last.group(1)
    ordinal = ""
    if ending == "名":
        if first[-2:-1] != "第":
            return []
        ordinal, first = "第", first[:-2] + first[-1]  # 第一、二、三名
    contest = clean_award_name(first[:-1])
    if contest and not _EVENT_END.search(contest):
        return []
    tiers = [(first_at, len(parts[0][1]), first[-1])]
    tiers += [(at, len(piece), piece) for at, piece in parts[1:-1]]
    # (the span of 三名 stops before 名, which would read as a count of people)
    last_size = 1 if ordinal else 1 + len(ending)
    tiers.append((parts[-1][0], last_size, parts[-1][1][0]))
    return [
        (at, size, contest + ordinal + number + ending) for at, size, number in tiers
    ]


#: 省、市级文明校园, 国家级和省级X: levels sharing one honour's name.
_SHARED_NAME_LEVELS = re.compile(
    r"^(?P<first>国家|全国|省|市|州|县|区)(?:级)?(?:、|和|及|与)"
    r"(?P<second>(?P<level>省|市|州|县|区)级)(?P<rest>[\u4e00-\u9fff“”\"]{3,})"
)


def _elided_levels(phrase: str) -> list[tuple[int, int, str]]:
    """``(start, length, name)`` of each level's honour in 省、市级文明校园, or []
    (decision 3: 省级文明校园 and 市级文明校园)."""
    match = _SHARED_NAME_LEVELS.match(phrase)
    if match is None or _DESCRIBED_PEOPLE.search(phrase):
        return []
    rest = match.group("rest")
    if re.sub(r"[（(][^（）()]*[）)]$", "", rest).endswith(_LEX.not_prize_words):
        return []  # 省级、市级荣誉一览（部分）: honours in general, none named
    first = match.group("first")
    first_name = first + rest if first == "全国" else first + "级" + rest
    return [
        (0, match.end("first"), first_name),
        (
            match.start("second"),
            match.end() - match.start("second"),
            match.group("second") + rest,
        ),
    ]


#: 集体荣誉21项: a count of honours.
_HONOURS_COUNTED = re.compile(r"荣誉\s*\d+\s*[项个次]")


def _split_awards(phrase: str, offset: int, rules: Rules) -> list[Candidate]:
    parts: list[tuple[int, str]] = []
    pos = 0
    # 先进县（市、区）: a 、 in brackets separates no honours.
    masked = _BRACKETED.sub(lambda m: "·" * len(m.group()), phrase)
    # “X”“Y”称号: two quoted titles side by side are two honours.
    for piece in re.split(r"(、|和|及|以及|(?<=[”」』])(?=[“「『]))", masked):
        if piece in ("、", "和", "及", "以及", ""):
            pos += len(piece)
            continue
        parts.append((pos, phrase[pos : pos + len(piece)]))
        pos += len(piece)
    elided = _elided_tiers(parts) or _elided_levels(phrase)
    if elided:
        return [
            Candidate(
                offset + at, offset + at + size, "Award", name, "award.trigger", ""
            )
            for at, size, name in elided
        ]
    # 机器人大赛、作文大赛一等奖: contests listed before the prize they share
    # each won it (decision 3).
    tier = _shared_tier(parts[-1][1]) if len(parts) > 1 else ""
    # Joining on 和 can cut a real name (教育和体育): re-join pieces that are
    # not award names on their own.
    merged: list[tuple[int, str]] = []
    for p_start, piece in parts:
        if (
            merged
            and not _is_award_name(clean_award_name(merged[-1][1]), rules, True)
            and not (tier and _EVENT_END.search(merged[-1][1]))
        ):
            prev_start, _ = merged.pop()
            piece = phrase[prev_start : p_start + len(piece)]
            p_start = prev_start
        merged.append((p_start, piece))
    out = []
    first_level = ""
    first_event = ""
    first_group = ""
    first_stem = ""
    first_prize = ""
    for i, (p_start, piece) in enumerate(merged):
        if piece.strip() in rules.lexicon.participation_cues:
            continue  # 被确定为项目学校: a part in the sentence's program
        if _HONOURS_COUNTED.search(piece) or "级以上" in piece:
            # 获得省级以上集体荣誉9项: honours counted together, none named
            continue
        if piece.strip().endswith(rules.lexicon.participation_designations) or (
            _QUOTE.search(piece) and part_in_quoted_program(piece)
        ):
            # 入选“乡村温馨校园”建设项目学校, 确定为…建设立项学校: a part in a program
            continue
        conferred_level = ""
        conferrer = _CONFERRER_BEFORE_QUOTE.match(piece)
        if conferrer is not None:
            # 获得保定市人民政府“教育工作先进集体”表彰: the body confers the
            # quoted honour, at its own level; it is no part of the name
            conferred_level = agent_level(conferrer.group(1), rules)
            p_start += conferrer.end() - 1
            piece = piece[conferrer.end() - 1 :]
        name = clean_award_name(piece)
        if tier and i < len(merged) - 1 and _EVENT_END.search(name):
            name += tier
        if not LEVEL_ALTERNATIVES.sub("", name).endswith(rules.award_suffixes):
            cut = _last_suffix_end(piece, rules)
            if cut:
                piece = piece[:cut]
                name = clean_award_name(piece)
        if not (
            _is_award_name(name, rules, after_trigger=True) or BARE_TIER.fullmatch(name)
        ):
            continue  # (金奖 is rebuilt with its contest, or dropped, below)
        if i == 0:
            level = LEVEL_PREFIX.match(name) or rules.region_pattern.match(name)
            first_level = level.group() if level else ""
            event = _EVENT_WORDS.match(name)
            first_event = (
                event.group(1) if event and len(event.group(1)) < len(name) else ""
            )
            # 联赛男子组冠军、亚军, 大赛团体一等奖3项、二等奖5项: the group the
            # first tier names is the later bare tiers' too (decision 3)
            qualifier = _TIER_QUALIFIER.match(name, len(first_event))
            first_group = (
                qualifier.group(1)
                if qualifier and _TIER_ONLY.fullmatch(name, qualifier.end())
                else ""
            )
            first_stem = _stem_before_ending(name, rules)
            # 说课活动一等奖、二等奖, 教学成果奖一等奖、二等奖: the prize the first
            # tier is of, whose later bare tiers are its too (decision 3)
            bare = _BARE_TIER_END.search(name)
            first_prize = name[: bare.start()] if bare and bare.start() else ""
        else:
            if (
                not first_event
                and first_stem
                and name in rules.lexicon.award_suffixes
                and not BARE_TIER.fullmatch(name)
                # (X市“智慧校园”示范校、“书香校园”: a quoted name is whole)
                and not _QUOTE.search(piece)
            ):
                # X质量优秀学校和进步学校: the second honour is X's too
                name = first_stem + name
            elif first_event and not _EVENT_WORDS.match(name):
                if first_group and _TIER_ONLY.fullmatch(name):
                    name = first_group + name
                name = first_event + name
            elif first_group and _TIER_ONLY.fullmatch(name):
                # 分获团体一等奖、二等奖: the later bare tiers are 团体 too
                name = first_group + name
            elif first_prize and _BARE_TIER_END.fullmatch(name):
                name = first_prize + name
            elif (
                first_level
                and not LEVEL_PREFIX.match(name)
                and not SCOPE_PREFIX.match(name)  # 全县文明校园 has its own
                and not rules.region_pattern.match(name)
            ):
                name = first_level + name
        lead = len(piece) - len(piece.lstrip())
        start = offset + p_start + lead
        out.append(
            Candidate(
                start,
                offset + p_start + len(piece.rstrip()),
                "Award",
                name,
                "award.trigger",
                "",
                level=conferred_level,
            )
        )
    return out


def _stem_before_ending(name: str, rules: Rules) -> str:
    """武汉市高中教育教学质量 of 武汉市高中教育教学质量优秀学校: the name before
    its longest honour ending, or "" when that is all of it."""
    ending = max(
        (e for e in rules.award_suffixes if name.endswith(e)), key=len, default=""
    )
    return name[: len(name) - len(ending)] if ending else ""


# A conferring body right before the quoted honour it confers.
_CONFERRER_BEFORE_QUOTE = re.compile(
    r"\s*由?((?:[\u4e00-\u9fff]{1,12}?)"
    r"(?:人民政府|政府|教育厅|教育局|教委|教育部|文明委|委员会|学会|协会))"
    r"(?:授予|颁发|评选|认定|命名|表彰)?的?[“\"]"
)


#: 金牌23枚: how many medals of a kind a team won.
_MEDAL_TALLY = re.compile(r"\s*[\d一二三四五六七八九十两]+\s*枚")
_MEDAL_TALLY_IN = re.compile(r"牌\s*[\d一二三四五六七八九十两]+\s*枚")


def _a_chain_of_places(name: str, rules: Rules) -> bool:
    """Whether ``name`` is one place's name (杨凌示范区, a zone's) or a chain
    of them down to a town (西吉县吉强镇)."""
    if (0, len(name)) in rules.region_words.occurrences(name):
        return True
    _, rest = _peel_places(name, full_names=True)
    return not rest or rest in _town_names()


def _find_suffix_awards(
    view: TextView, rules: Rules, stop: frozenset[str]
) -> list[Candidate]:
    out = []
    text = view.text
    for match in rules.award_suffix.finditer(text):
        start, end = match.span()
        if not view.is_token_end(end):
            continue
        floor = _clause_floor(text, start)
        if text[end : end + 4].startswith(rules.lexicon.award_blocking_followers):
            continue  # 特级教师后备人才: candidates for the honour, not holders
        if _MEDAL_TALLY.match(text, end):
            continue  # 共获得金牌23枚、银牌19枚: a tally of medals, no prize
        if text[end : end + 1] in _ROAD_WORDS or text.startswith(
            rules.lexicon.school_suffixes, end
        ):
            continue  # 桃山区冠军路小学, 冠军小学: a school named after the word
        left = _after_joined_quotes(
            text, _walk_left(view, start, stop, 20, floor, _PHRASE_STOP_TAGS), start
        )
        name = clean_award_name(text[left:end])
        if len(name) < 4 or not _CJK.search(name):
            continue
        if _is_ranking(text[max(floor, left - 2) : end], rules):
            # 考核位列全市第一名, 居|各县市区同类学校第一名: a ranking (decision 15)
            continue
        if NEGATED_HONOUR.search(name) or _WITHIN_LEVEL.match(name):
            continue  # 区内非示范性高中: a kind of school, not an honour
        if name.endswith(rules.lexicon.participation_designations):
            continue  # …试点校: a part in a program (participatesIn)
        if part_in_quoted_program(text[max(floor, left - 30) : end], adjacent=True):
            continue  # “新课程新教材实施”省级实验校: a part in the quoted program
        if name.endswith(rules.lexicon.zone_suffixes):
            continue  # 航空港经济综合实验区: a zone (decision 17), no honour
        if _a_chain_of_places(name, rules):
            continue  # 杨凌示范区, 西吉县吉强镇: places' names, however they end
        if rules.award_trigger.search(name):
            continue  # …大赛中获金奖: the verb's statement names the prize
        place = rules.region_pattern.match(name)
        if place and (
            place.group() in rules.lexicon.generic_name_prefixes
            or place.group() in rules.lexicon.short_forms_as_words
        ):
            # 城区优质学校, 平安校园: a district's name as a kind of area, or
            # a place's short form that is an everyday word
            place = None
        # X示范区创建工作: a designation being pursued is named (decision 1).
        pursued = text.startswith("创建", end) and name != match.group()
        if pursued and not (LEVEL_PREFIX.match(name) or place):
            prev = view.previous_token(start)
            if prev is not None and (view.tags.get(prev[1]) == "v" or prev[1] in stop):
                continue  # 制定文明校园创建细则: the kind a verb acts on, no name
        if not (LEVEL_PREFIX.match(name) or place or pursued):
            if not name.endswith(rules.lexicon.award_title_suffixes):
                continue  # 优秀校长 in a list of people is not an honour
            prev = view.previous_token(start)
            if name != match.group() and (
                prev is None
                or view.tags.get(prev[1]) in _NAME_STOP_TAGS
                or prev[1] in stop
            ):
                continue  # 加大名师…: a verb, not a name, before the title
        if name == match.group() and len(name) < 4:
            continue
        out.append(
            Candidate(
                end - len(name) if text[left:end].endswith(name) else left,
                end,
                "Award",
                name,
                "award.suffix",
                "",
            )
        )
    return out


# -------------------------------------------------------------- arbitration


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates (priority, then length).

    A name that opens with a shorter name of the same type (北师大南川附校
    opens with the alias 北师大), or a program named in full around a
    gazetteer name, is the longer name, whatever the priorities.
    """
    heads: dict[int, int] = {}
    for c in cands:
        if c.label == "School":
            heads[c.start] = max(heads.get(c.start, 0), c.end)
    cands = [c for c in cands if c.label != "School" or heads[c.start] == c.end]
    # 义务教育阶段学生营养改善计划 holds the gazetteer's 营养改善计划: the
    # report's fuller name is the program's.
    named = [c for c in cands if c.label == "Program" and c.rule == "program.suffix"]
    cands = [
        c
        for c in cands
        if c.rule != "program.gazetteer"
        or not any(
            n.start <= c.start and c.end <= n.end and n.end - n.start > c.end - c.start
            for n in named
        )
    ]
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: (c.start, c.end))


def with_inner_mentions(
    mentions: list[Candidate], cands: list[Candidate]
) -> list[Candidate]:
    """Bureaus named inside a document's or honour's title (decision 25),
    the pilot inside an area's designation for it, and the honour a
    document's title names for the units listed after it.

    《上海市教育委员会关于…》 names the bureau as 江苏省 in 江苏省…联赛 names
    the region: the bureau is a mention too, beside the longer name; so is
    the pilot 智慧课堂应用试点 in 自治区“智慧课堂”应用试点县, and X in
    《关于命名X的决定》，以下学校获命名：.
    """
    hosts = [m for m in mentions if m.label in ("Document", "Award", "Program")]
    others = [m for m in mentions if m.label not in ("Document", "Award", "Program")]
    extra: list[Candidate] = []
    for cand in cands:
        inner = cand.label == "Bureau" or cand.rule in (
            "program.area-pilot",
            "award.document-list",
        )
        if not inner or cand in mentions:
            continue
        inside = any(h.start <= cand.start and cand.end <= h.end for h in hosts)
        clash = any(o.start < cand.end and cand.start < o.end for o in others)
        if (
            inside
            and not clash
            and not any(e.start < cand.end and cand.start < e.end for e in extra)
        ):
            extra.append(cand)
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda c: (c.start, c.end))


#: The shortest program name marked wherever it is written again.
_NAMED_AGAIN_MIN = 6


def programs_named_again(text: str, mentions: list[Candidate]) -> list[Candidate]:
    """``mentions`` and each program's name written again elsewhere (a table
    cell 幼小科学衔接试点 below 开展…幼小科学衔接试点…三项改革), where no
    other mention is: a program's name means it throughout its report."""
    names = {
        m.name
        for m in mentions
        if m.label == "Program"
        and len(m.name) >= _NAMED_AGAIN_MIN
        and text[m.start : m.end] == m.name
    }
    if not names:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for name in sorted(names):
        for found in re.finditer(re.escape(name), text):
            start, end = found.span()
            if any(s < end and start < e for s, e in taken):
                continue
            extra.append(
                Candidate(start, end, "Program", name, "program.named-again", "")
            )
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda c: (c.start, c.end))


def drop_regions_in_media(
    regions: list[Candidate], mentions: list[Candidate], rules: Rules
) -> list[Candidate]:
    """A short region form inside a media name (浙江日报) is no place (decision 18)."""
    media = [
        m
        for m in mentions
        if m.label == "Organization" and m.name.endswith(rules.lexicon.media_suffixes)
    ]
    return [
        r
        for r in regions
        if not (
            r.rule.startswith("region.short")
            and any(o.start <= r.start < o.end for o in media)
        )
    ]


def find_award_statements_all(text: str, rules: Rules) -> list[AwardStatement]:
    """Every honour statement: grants, lists and categories, then triggers."""
    from .honours import find_honour_statements

    grants = find_honour_statements(text, rules)
    granted = {st.trigger_start for st in grants}
    return [
        st
        for st in find_award_statements(text, rules)
        if st.trigger_start not in granted
    ] + grants


def find_documents(text: str) -> list[Candidate]:
    """《…》 titles."""
    return _find_documents(text)


def find_quoted(text: str, rules: Rules) -> list[Candidate]:
    """Quoted programs and the honours a quote opens."""
    return _find_quoted_programs(text, rules)


def find_bureaus(
    view: TextView, rules: Rules, regions: list[Candidate]
) -> list[Candidate]:
    """Bureau names: a region chain or level character + a bureau ending."""
    return _find_bureaus(view, rules, regions)


#: 澜溪小学集团成员校|南彩中心小学, 实验小学教育集团由|章江实验小学: a school
#: named after its group's words, which jieba glued to the school's name.
_GROUP_BEFORE_SCHOOL = re.compile(
    r"^.*(?:集团|共同体|联盟|联合体)(?:的)?(?:成员校|成员学校|成员单位|牵头校|牵头学校|由)"
)


def _after_its_group(cand: Candidate) -> Candidate:
    """The school's own name after its group's words, if any."""
    group = _GROUP_BEFORE_SCHOOL.match(cand.name)
    if group is None or len(cand.name) - group.end() < 4:
        return cand
    return replace(cand, start=cand.start + group.end(), name=cand.name[group.end() :])


def find_schools(
    view: TextView, rules: Rules, regions: list[Candidate] = ()
) -> tuple[list[Candidate], list[Candidate]]:
    """School names: ``(kept, suffix_names)``; the latter mark sites of works.

    ``regions``: the report's region candidates, for places listed before a
    shared school name (A区、B区特殊教育学校).
    """
    lex = rules.lexicon
    suffix_names = _find_suffix_names(
        view,
        rules.school_suffix,
        "School",
        rules,
        lex.name_stop_tokens,
        14,
        _NAME_STOP_TAGS,
    )
    kept = [
        c
        for c in map(_after_a_time_word, suffix_names)
        if (not c.name.endswith(lex.bare_school_kinds) or len(c.name) > 3)
        and c.name not in lex.school_suffixes
        # “X”首批|实验学校: a batch of a program's schools, no school
        and not _AFTER_A_BATCH.search(view.text, max(0, c.start - 6), c.start)
        # 作为龙头学校, 龙头学校　成员学校: a school's part in a group, no name
        and not _GROUP_ROLE.fullmatch(c.name)
    ]
    # 首批实验学校名单 … 实验学校要…: the program's schools, a kind, wherever
    # the text names them so
    parts = {c.name for c in kept if _PROGRAMS_PART.fullmatch(c.name)}
    kind_only = {
        name
        for name in parts
        if re.search(rf"(?:{BATCH_MARK}|[”\"]){name}|{name}名单", view.text)
    }
    kept = [c for c in kept if c.name not in kind_only]
    kept = [c for c in kept if not _inside_contest_name(view.text, c)]
    kept = [_after_its_group(c) for c in kept]
    kept = _with_bracketed_branches(view.text, kept)
    kept += _coordinated_schools(view.text, kept, regions, rules.regions)
    kept += _find_short_schools(view, rules)
    kept += _find_listed_schools(view, rules)
    return kept, suffix_names


_AFTER_A_BATCH = re.compile(BATCH_MARK + "$")
#: 实验学校, 试点学校: a school's part in a program, written alone.
_PROGRAMS_PART = re.compile(r"(?:实验|试点|项目)(?:学校|校)")
#: 近三年, 近年来, 多年来: a time word glued before a school word (附：近三年
#: 学校获得的主要荣誉), no part of a school's name.
_TIME_BEFORE_NAME = re.compile(
    r"^(?:近[一二三四五六七八九十两\d]+年(?:来)?|近年来?|多年来|历年来?|今年|去年"
    r"|现在|如今|目前|当前|以前|过去)"
)


def _after_a_time_word(school: Candidate) -> Candidate:
    """近年来学校 → 学校 (then dropped: a kind, no name); others as they are."""
    time = _TIME_BEFORE_NAME.match(school.name)
    if time is None:
        return school
    return replace(
        school, start=school.start + time.end(), name=school.name[time.end() :]
    )


def _with_bracketed_branches(text: str, schools: list[Candidate]) -> list[Candidate]:
    """晨光路小学(青龙分校) is one school, 晨光路小学青龙分校."""
    by_start = {c.start: c for c in schools}
    joined: dict[int, Candidate | None] = {}
    for school in schools:
        branch = by_start.get(school.end + 1)
        if (
            branch is not None
            and text[school.end : school.end + 1] in "(（"
            and text[branch.end : branch.end + 1] in ")）"
            and branch.name.endswith(_LEX.branch_ends)
        ):
            name = school.name + branch.name
            joined[school.start] = replace(school, end=branch.end + 1, name=name)
            joined[branch.start] = None
    return [
        joined.get(c.start, c) for c in schools if joined.get(c.start, c) is not None
    ]


def _inside_contest_name(text: str, school: Candidate) -> bool:
    """在全市高中教学质量评估中: the schools the contest assesses, not one."""
    # A contest phrase is at most 在 + 30 characters + its event + 活动中: one
    # around the school lies in this window (not the rest of the report).
    window = (max(0, school.start - 31), school.end + 64)
    for match in _CONTEST_BEFORE.finditer(text, *window):
        if match.start(1) > school.start:
            break
        if school.end < match.end(1) and not _HOST_VERB.match(text, school.end):
            return True
    return False


def _coordinated_schools(
    text: str,
    schools: list[Candidate],
    regions: list[Candidate],
    index: RegionIndex,
) -> list[Candidate]:
    """江宁区、浦口区特殊教育学校: each listed place has the school too.

    Only places of the same level as the one that opens the school's name,
    joined by 、 right before it.
    """
    by_start = {r.start: r for r in regions if r.region}
    by_end = {r.end: r for r in regions}
    out = []
    for school in schools:
        first = by_start.get(school.start)
        if first is None or first.end >= school.end:
            continue
        level = index.by_code[first.region].level
        kind = school.name[first.end - first.start :]
        for place in _places_listed_before(text, school.start, by_end, index, level):
            name = text[place.start : place.end] + kind
            out.append(
                Candidate(
                    place.start, place.end, "School", name, "school.coordinated", ""
                )
            )
    return out


def find_programs(
    view: TextView,
    rules: Rules,
    sites: list[tuple[int, int]],
    schools: list[tuple[int, int]] = (),
) -> list[Candidate]:
    """Programs named by a suffix word, and reforms.

    ``sites``: places a construction work may name (schools' suffix names,
    counties); ``schools``: the schools found, which no program name runs
    across when the school acts in it (城关中学入选项目学校).
    """
    out = _find_programs(view, rules, rules.lexicon.program_stop_tokens, sites, schools)
    # 科技创新特色项目|学校: the name of a title schools hold, no program
    out = [
        c
        for c in out
        if not view.text[c.start : c.end + 2].endswith(rules.award_suffixes)
    ]
    return out + _find_reforms(view.text, rules) + _find_pilot_lists(view.text)


_LEVEL_ONLY = re.compile(
    r"(?:首批|第[一二三四五六七八九十]批|国家级|省级|市级|县级|区级|全国|全省|全市)+"
)
#: 2024年甘肃省中小学人工智能教育试点校名单（节选）: the title of a list of the
#: schools taking part in a program (the program: the title up to 试点).
_PILOT_LIST_TITLE = re.compile(
    r"^[ \t\u3000]*" + NUMBER_MARK + r"?[ \t\u3000]*"
    r"(?:" + ANNEX_MARK + r"[ \t\u3000]*)?"
    r"(?:拟(?:确定|认定))?((?:19|20)\d\d年度?)?"
    r"([\u4e00-\u9fff“”]{4,40}?(?:试点|实验|改善项目|建设项目|提升项目))"
    # X试点学校名单; 第三批X试点拟立项名单: the units a pilot takes on
    r"(?:(?:学校|校|园)|拟?(?:立项|确定|认定|入选)(?:单位|学校)?)名单"
    r"\s*" + BRACKET_NOTE + r"?[ \t\u3000]*$",
    re.MULTILINE,
)


#: 入选湖北省中小学人工智能教育试点学校, 确定为省级乡村温馨校园建设项目学校,
#: 确定A、B为县级作业设计改革试点学校, A作为X试点校, A、B同时为X试点学校:
#: a school's part named after the verb, the program the name up to 试点 or
#: 建设项目 (not 项目 alone: 体育传统项目学校 is a title).
_DESIGNATED_PILOT = re.compile(
    # 作为X试点校; 确定A、B为X试点学校: 为 right after the schools
    r"(?:入选|确定为|列为|遴选为|成为|作为"
    r"|(?:(?<=[学校园])|(?<=[（(][校园][）)]))(?:同时|均|也|都|还|亦)?为)"
    # (“智慧课堂”应用试点校: the quote is part of the name, left out of it)
    r"(?:(?:19|20)\d\d年度?)?([\u4e00-\u9fff“”]{4,30}?(?:试点|建设项目|基地))(?:基地)?"
    # 试点校（园）: schools and kindergartens alike
    r"(?:学校|校|园)(?:[（(][校园][）)])?(?![\u4e00-\u9fff])"
)
#: 教育部|国家智慧教育平台应用试点: the body that designates, before the pilot.
_DESIGNATING_BODY = re.compile(
    r"^(?:教育部|[\u4e00-\u9fff]{2,8}?(?:教育厅|教育局|教委))"
)


#: 全省乡村温馨校园建设项目: the whole area the scheme covers, no part of its name.
_WHOLE_SCOPE = re.compile("全(?:省|市|县|区|州|旗)")
_BATCH_WORD = re.compile("首批|第[一二三四五六七八九十]批")
#: 2.实施“课堂革命·仁寿行动”。— a numbered item whose heading quotes its program.
_QUOTED_ITEM_HEADING = re.compile(
    r"[ \t\u3000]*" + NUMBER_MARK + r"[^。\n]*”[^。\n]*。"
)
#: 首批县级 of 首批县级融合教育试点: a batch and a level before a pilot's name.
_LEADING_BATCH = re.compile(
    r"(?:首批|第[一二三四五六七八九十]批)(?:国家级|省级|市级|县级|区级|县区级)?"
)
#: A sentence's end, not a clause's (；).
_FULL_STOP = re.compile("[。！？!?\n]")


#: 我县作为宝鸡市“高效课堂”改革试点县: an area's designation for a pilot; the
#: pilot itself (the name up to 试点) is the program its schools take part in.
_AREA_PILOT = re.compile(
    r"(?:作为|确定为|列为|成为|入选|获批)(?:(?:19|20)\d\d年度?)?"
    r"([^，,。；;、：:\n]{2,30}?试点)(?:县|区|市|旗|州)(?![\u4e00-\u9fff])"
)


def _area_pilots(text: str) -> list[Candidate]:
    """The pilot an area is designated for (自治区“智慧课堂”应用试点县 →
    智慧课堂应用试点), named from its quote when it has one."""
    out = []
    for match in _AREA_PILOT.finditer(text):
        start = match.start(1)
        if text.startswith("“", start) and text.startswith("”", match.end()):
            continue  # 确定为“河南省X工作试点县”: a title quoted whole, an Award
        quote = text.find("“", start, match.end(1))
        if quote >= 0:
            start = quote + 1  # 宝鸡市“高效课堂”改革试点: the pilot's own name
        name = text[start : match.end(1)].translate(_STRIP_QUOTES)
        generic = name[:-2]
        if len(name) < 4 or is_generic(generic, _LEX.generic_name_prefixes):
            continue
        if _LEVEL_ONLY.fullmatch(generic):
            continue  # 列为省级试点县: no pilot named
        out.append(
            Candidate(start, match.end(1), "Program", name, "program.area-pilot", "")
        )
    return out


#: 实施X工程, 深入推进“X”行动: a program the bureau runs, named with its kind.
_PROGRAM_RUN_BEFORE = re.compile(
    r"(?:实施|推进|推行|开展|启动|深化)[^。；;！？!?\n]{2,30}?(?:工程|行动|计划|项目)"
)
#: “白海豚”教师成长计划: a quoted program named with its kind.
_QUOTED_PROGRAM_BEFORE = re.compile(
    r"”[\u4e00-\u9fff]{0,8}(?:计划|工程|项目|行动)(?![\u4e00-\u9fff]{0,4}(?:学校|校))"
)


def _named_just_before(text: str, at: int, stem: str) -> bool:
    """Whether ``stem`` (综合素质评价改革 of 综合素质评价改革试点) ends a word
    of the text's line before ``at``, or of the line above it."""
    if len(stem) < 2:
        return False
    line = text.rfind("\n", 0, at)
    floor = text.rfind("\n", 0, line) + 1 if line > 0 else 0
    found = text.rfind(stem, floor, at)
    return found >= 0 and text[found + len(stem) : found + len(stem) + 1] in (
        "，",
        "。",
        "；",
        "、",
        "”",
        "",
    )


#: 改革试点校: a pilot of a reform, named by no more than that.
_BARE_REFORM = frozenset({"改革", "课改", "教改"})


def _find_pilot_lists(text: str) -> list[Candidate]:
    """The program a list of its pilot or project schools is titled with, or
    a school's designation names (入选X试点学校)."""
    out = _area_pilots(text)
    areas = [p.end for p in out]
    generic = _LEX.generic_name_prefixes
    for match in _DESIGNATED_PILOT.finditer(text):
        start, name = match.start(1), match.group(1)
        body = _DESIGNATING_BODY.match(name)
        if body is not None and len(name) - body.end() >= 6:
            start, name = start + body.end(), name[body.end() :]
        scope = _WHOLE_SCOPE.match(name)
        if scope:
            start, name = start + scope.end(), name[scope.end() :]
        batch = _LEADING_BATCH.match(name)
        if batch and len(name) - batch.end() >= 4:
            item = _QUOTED_ITEM_HEADING.match(
                text, text.rfind("\n", 0, match.start()) + 1, match.start()
            )
            if item is not None:
                # 2.实施“课堂革命”。以A、B为首批课堂改革试点校: the item's quoted
                # program is the pilot, described again
                continue
            before = text[sentence_start(text, match.start()) : match.start()]
            if _QUOTED_PROGRAM_BEFORE.search(before):
                # 启动“白海豚”教师成长计划，A、B作为首批实践基地校: their part in
                # the program the sentence named, described
                continue
            # 确定A、B为首批县级融合教育试点校: the pilot is what follows the batch
            start, name = start + batch.end(), name[batch.end() :]
        name = name.translate(_STRIP_QUOTES)
        if (
            is_generic(name[:-2], generic | _BARE_REFORM)
            or _LEVEL_ONLY.fullmatch(name[:-2])
            or _BATCH_WORD.search(name)
        ):
            # 确定为首批省级试点学校, 作为平台首批试点学校, 作为全市首批改革试点校:
            # none named (the last, the reform its sentence or item runs)
            continue
        if name.endswith("基地") and _PROGRAM_RUN_BEFORE.search(
            text, text.rfind("\n", 0, match.start()) + 1, match.start()
        ):
            # 实施“X”劳动教育行动，A、B作为茶园劳动教育实践基地校; 深入实施X工程。
            # A、B作为该工程示范基地校: the bases of the program the paragraph
            # runs, described, no program of their own
            continue
        if _named_just_before(text, match.start(), name[:-2]):
            # 推行“酒都少年”综合素质评价改革。确定A、B为综合素质评价改革试点校;
            # 深化X平台应用，A作为应用试点校: their part in the program
            # named just before, described again
            continue
        if match.group().startswith(("作为", "为")) and any(
            end <= match.start() and not _FULL_STOP.search(text, end, match.start())
            for end in areas
        ):
            # 我县作为X试点县，确定A、B为县级课改试点学校: the area's pilot
            continue
        out.append(
            Candidate(start, match.end(1), "Program", name, "program.designated", "")
        )
    for match in _PUBLISHED_PILOT_LIST.finditer(text):
        start, name = match.start(1), match.group(1)
        scope = _WHOLE_SCOPE.match(name)
        if scope:
            start, name = start + scope.end(), name[scope.end() :]
        name = name.translate(_STRIP_QUOTES)
        start, name = _pilot_after_an_honour(text, start, name)
        if len(name) >= 6 and not is_generic(name[:-2], generic):
            out.append(
                Candidate(
                    start, match.end(1), "Program", name, "program.published-list", ""
                )
            )
    for match in _PILOT_LIST_TITLE.finditer(text):
        start = match.start(2)
        joined = _LIST_BEFORE_JOINED.search(text, start, match.end(2))
        if joined is not None:
            # X拟认定名单及Y试点园名单: the title's last list is the pilot's
            start = joined.end()
        batch = _LEADING_BATCH.match(text, start, match.end(2))
        place = _LEADING_PLACE.match(text, start, match.end(2))
        if batch is None and place is not None:
            # 保定市第二批X试点: a place before the batch, no part of the name
            batch = _LEADING_BATCH.match(text, place.end(), match.end(2))
        if batch is not None and match.end(2) - batch.end() >= 4:
            start = batch.end()  # 第三批省级现代学徒制试点: the pilot is after it
        name = text[start : match.end(2)].translate(_STRIP_QUOTES)
        start, name = _pilot_after_an_honour(text, start, name)
        if len(name) < 4:
            continue
        out.append(
            Candidate(start, match.end(2), "Program", name, "program.list-title", "")
        )
    return out


def _pilot_after_an_honour(text: str, start: int, name: str) -> tuple[int, str]:
    """江西省智慧教育示范校和中小学人工智能教育试点: the pilot after an honour
    the title joins to it, with the honour's place (江西省中小学人工智能教育试点);
    else ``(start, name)`` as given."""
    joined = re.search("[和及]", name)
    if joined is None or not name[: joined.start()].endswith(_LEX.award_suffixes):
        return start, name
    place = _LEADING_PLACE.match(_LEADING_BATCH.sub("", name[: joined.start()]))
    rest = name[joined.end() :]
    return start + joined.end(), (place.group() if place else "") + rest


#: 江西省, 南京市: the place an honour's name opens with.
_LEADING_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}?[省市县区州旗盟](?:级)?")


#: 省教育厅公布了2024年全省X试点校名单: a pilot's list published, in prose
#: (relations reads the schools said to be on it).
PUBLISHED_PILOT_LIST = (
    r"(?:公布|公示|发布|印发)了?(?:(?:19|20)\d\d年度?)?"
    r"([\u4e00-\u9fff“”]{4,40}?(?:试点|实验))(?:学校|校|园)名单"
)
_PUBLISHED_PILOT_LIST = re.compile(PUBLISHED_PILOT_LIST)
#: 名单及 in X名单及Y试点园名单: an earlier list the title joins to the last.
_LIST_BEFORE_JOINED = re.compile("名单(?:及|和|与|、)(?!.*名单(?:及|和|与|、))")


def find_suffix_awards(view: TextView, rules: Rules) -> list[Candidate]:
    """Honours named by an honour ending (…先进集体, 省…示范校)."""
    return _find_suffix_awards(view, rules, rules.lexicon.award_stop_tokens)


def find_listed_programs(view: TextView, rules: Rules) -> list[Candidate]:
    """Items of a list headed by a program category."""
    return _find_listed_programs(view, rules)


def find_organizations(view: TextView, rules: Rules) -> list[Candidate]:
    """Other named bodies (…日报, …协会), so their names hide nothing else."""
    orgs = _find_suffix_names(
        view,
        rules.organization_suffix,
        "Organization",
        rules,
        rules.lexicon.name_stop_tokens,
        12,
        _NAME_STOP_TAGS,
    )
    # 晨光小学团委: a school's own unit; the school holds what it wins
    # (decision 19), so the school's name is not hidden.
    return [c for c in orgs if len(c.name) >= 4 and not _schools_unit(c.name, rules)]


@cache
def _county_towns() -> dict[str, frozenset[str]]:
    """A county's full name → the stems of its towns and streets (拱星墩 of
    拱星墩街道), of every county of that name (城关区)."""
    index = load_region_index()
    out: dict[str, frozenset[str]] = {}
    for name, codes in index.by_name.items():
        stems = frozenset(
            stem
            for code in codes
            for ref in index.towns.get(code, ())
            if 2 <= len(stem := _TOWN_SUFFIX.sub("", ref.name)) <= 4
        )
        if stems:
            out[name] = stems
    return out


_TOWN_SUFFIX = re.compile(r"(?:镇|乡|街道|街道办事处)$")


def _county_town_stem_before(text: str, edge: int, floor: int) -> int:
    """Where a town's stem ending at ``edge`` starts, when its county's full
    name is written right before it (安定区|巉口|中学: 巉口镇 of 安定区); else
    ``edge``."""
    towns = _county_towns()
    for size in (2, 3, 4):
        at = edge - size
        if at <= floor:
            break
        stem = text[at:edge]
        for county_size in (3, 4, 5):
            county = text[at - county_size : at]
            if at - county_size >= floor and stem in towns.get(county, ()):
                return at
    return edge


@lru_cache(maxsize=1)
def _town_stems() -> frozenset[str]:
    """均溪 of 均溪镇: the two-character names of towns and townships."""
    return frozenset(
        ref.name[:-1]
        for towns in load_region_index().towns.values()
        for ref in towns
        if len(ref.name) == 3 and ref.name.endswith(("镇", "乡"))
    )


def _known_town(
    view: TextView, left: int, prefix: str, generic: frozenset[str]
) -> bool:
    """A town or village name that jieba's dictionary has as one place word,
    or a town of the division list that jieba knows as no other word."""
    return (
        (
            view.tags.get(prefix) == "ns"
            or (
                view.tags.get(prefix) is None
                and _listed_town(prefix, generic)
                # 、大中街道中心小学, not 其|中城镇学校: a list item's or a
                # clause's first word
                and (left == 0 or view.text[left - 1] in _NAME_START)
            )
        )
        and view.is_token_start(left)
        and prefix.endswith(("镇", "乡", "村", "街道"))
        and prefix not in generic
        and prefix[0] not in "各全每本该"
    )


def _listed_town(name: str, generic: frozenset[str]) -> bool:
    """大中街道, 中原街道: a listed town whose name reads as generic characters
    (大 + 中); not one whose stem is a generic word (城区街道, 新建街道)."""
    if name not in _town_names():
        return False
    stem = re.sub(r"(?:街道|镇|乡)$", "", name)
    return stem not in generic and not is_generic(stem, _scope_words())


def _schools_unit(name: str, rules: Rules) -> bool:
    """晨光小学团委, 中共A中学总支部委员会: a school's youth league or party
    committee (its branch is the school's, decision 19)."""
    unit = _SCHOOL_COMMITTEE.fullmatch(name)
    return unit is not None and rules.school_suffix.search(unit.group(1)) is not None


#: 晨光小学团委, 中共A中学（总）支部委员会, A小学党支部委员会: a school's unit.
_SCHOOL_COMMITTEE = re.compile(
    r"(?:中共|中国共产党)?(.+?)(?:团委|(?:党|党的)?(?:总支部|支部|总支)?委员会)"
)


def find_unresolved_area(
    text: str, rules: Rules, regions: list[Candidate]
) -> list[Candidate]:
    """An area the report is about whose name several divisions share.

    郊区教育局 in a report that names no city: 郊区 is a district of three
    cities and the text does not say which, so it stays a Region without a
    division code rather than a guess (never a silent guess). Only a name
    that heads a bureau's name, and so names the report's own area, counts.
    """
    index = rules.regions
    taken = [(r.start, r.end) for r in regions]
    found: dict[str, list[tuple[int, int]]] = {}
    heads_bureau: set[str] = set()
    for start, end, surface in rules.region_words.finditer(text):
        if len(index.by_name.get(surface, ())) < 2 or len(surface) < 2:
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        found.setdefault(surface, []).append((start, end))
        if rules.bureau_suffix.match(text, end):
            heads_bureau.add(surface)
    if len(heads_bureau) != 1:
        return []
    surface = heads_bureau.pop()
    return [
        Candidate(start, end, "Region", surface, "region.unresolved-area", "")
        for start, end in found[surface]
    ]


def dominant_region(
    regions: list[Candidate], index: RegionIndex, level_char: str
) -> str:
    """Return the most-mentioned region code matching a level character."""
    counts = Counter(r.region for r in regions)
    fits = []
    for code, count in counts.items():
        ref = index.by_code[code]
        ok = {
            "区": ref.level == 3 and ref.name.endswith("区"),
            "县": ref.level == 3 and ref.name.endswith("县"),
            "旗": ref.level == 3 and ref.name.endswith("旗"),
            "市": ref.name.endswith("市") and ref.level in (2, 3),
            "省": ref.level == 1,
            "州": ref.level == 2 and ref.name.endswith("州"),
            "盟": ref.level == 2 and ref.name.endswith("盟"),
            "": ref.level >= 2,
        }.get(level_char, False)
        if ok:
            fits.append((-count, -ref.level, code))
    if not fits:
        return ""
    fits.sort()
    best = fits[0]
    for other in fits[1:]:
        # A tie between a place and the city it lies in (江门 and its 恩平市,
        # each named twice): the report of the whole city names its parts.
        if other[0] == best[0] and other[2] in index.ancestors(best[2]):
            best = other
    return best[2]
