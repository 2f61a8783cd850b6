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

import re

from .entities import AwardStatement, Candidate, clean_award_name
from .levels import level_of_word
from .rules import Rules

__all__ = ["find_honour_statements"]

_CLAUSE_END = re.compile(r"[。；;！!？?\n]")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,40})[”\"」』]")
_TITLE_WORDS = re.compile(r"^(?:等?荣誉称号|等?称号|荣誉|的?荣誉称号)")
# 龙文区等10个县（市、区）, 安宁市县街学校等18所校（园）: a count after a list.
_COUNT = re.compile(r"等\s*[0-9一二三四五六七八九十百两]+\s*[个所家名位支][^为]{0,8}$")
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两]+\s*[个名位所家支项人]")
_PAREN_TAIL = re.compile(r"[（(][^（）()]{1,8}[）)]$")
_HEADING_LIST = re.compile(
    r"^(?:附件\s*\d*\s*[:：]?\s*)?(.{4,50}?)(?:拟?认定|推荐|表彰)?名单\s*$"
)
_MAX_LIST_LINE = 80
_MAX_LIST_LINES = 300


def find_honour_statements(text: str, rules: Rules) -> list[AwardStatement]:
    """Find grants, listed recipients and honour categories in a report.

    Args:
        text: the cleaned report (simplified characters).
        rules: compiled rule tables.

    Returns:
        Award statements with their recipients' span, sorted by trigger.
    """
    out = _grants(text, rules) + _heading_lists(text, rules)
    out += _categories(text, rules)
    return sorted(out, key=lambda st: (st.trigger_start, st.trigger_end))


def list_block(text: str, line_end: int) -> tuple[int, int] | None:
    """The lines listing units after a lead line ending at ``line_end``.

    A list line is short and holds no sentence end; blank lines are skipped;
    the block ends at the first line of prose.
    """
    pos = line_end
    start = end = -1
    for _ in range(_MAX_LIST_LINES):
        if pos >= len(text):
            break
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        line = text[pos:stop].strip()
        if line:
            if len(line) > _MAX_LIST_LINE or "。" in line or "，" in line[:-1]:
                break
            if line.endswith("名单") or line.startswith("附件"):
                break  # the next list's heading
            if start < 0:
                start = pos
            end = stop
        pos = stop + 1
    return (start, end) if start >= 0 else None


def _line_end(text: str, offset: int) -> int:
    nl = text.find("\n", offset)
    return len(text) if nl < 0 else nl


def _is_designation(name: str, rules: Rules) -> bool:
    lex = rules.lexicon
    if len(name) < 3 or len(name) > 40:
        return False
    return not any(word in name for word in lex.non_honour_designations)


def _award(start: int, name: str, rule: str, level: str = "") -> Candidate:
    return Candidate(start, start + len(name), "Award", name, rule, "", 8, level)


def _grants(text: str, rules: Rules) -> list[AwardStatement]:
    """授予A、B“X”称号; 确认A等10个县为X; 同意以下学校为X：(list below)."""
    lex = rules.lexicon
    out = []
    pattern = re.compile("|".join(map(re.escape, lex.grant_triggers)))
    for match in pattern.finditer(text):
        t_end = match.end()
        if text[t_end : t_end + 1] in ("为", "了"):
            continue  # 认定为X: the subject comes before; the usual reading
        limit = _CLAUSE_END.search(text, t_end)
        clause_end = limit.start() if limit else len(text)
        clause = text[t_end:clause_end]
        statement = _quoted_grant(text, match, t_end, clause, rules)
        if statement is None:
            statement = _grant_as(text, match, t_end, clause, rules)
        if statement is not None:
            out.append(statement)
    return out


def _quoted_grant(
    text: str, match: re.Match[str], t_end: int, clause: str, rules: Rules
) -> AwardStatement | None:
    quotes = list(_QUOTED.finditer(clause))
    if not quotes:
        return None
    last = quotes[-1]
    after = clause[last.end() :]
    if not _TITLE_WORDS.match(after) or last.start() < 2:
        return None
    name = clean_award_name(last.group(1))
    if not _is_designation(name, rules):
        return None
    start = t_end + last.start(1) + last.group(1).find(name)
    return AwardStatement(
        match.start(),
        match.end(),
        False,
        (_award(start, name, "award.grant-quoted"),),
        False,
        (t_end, t_end + last.start()),
    )


def _grant_as(
    text: str, match: re.Match[str], t_end: int, clause: str, rules: Rules
) -> AwardStatement | None:
    """确认A等10个县为X, 同意以下学校为X：."""
    wei = clause.find("为")
    if wei < 2:
        return None
    head = clause[:wei]
    raw = re.split(r"[，,：:（(]|的", clause[wei + 1 :], maxsplit=1)[0]
    name = clean_award_name(_PAREN_TAIL.sub("", raw.strip()))
    if not name or not _is_designation(name, rules):
        return None
    if re.search(r"[，,。]", head):
        return None
    start = t_end + wei + 1 + clause[wei + 1 :].find(name)
    lead = any(head.endswith(m) for m in rules.lexicon.list_lead_markers)
    if lead:
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


def _heading_lists(text: str, rules: Rules) -> list[AwardStatement]:
    """A line ``X名单`` naming an honour, the units on the lines below it."""
    out = []
    pos = 0
    while pos < len(text):
        stop = _line_end(text, pos)
        line = text[pos:stop]
        stripped = line.strip()
        match = _HEADING_LIST.match(stripped)
        if match and "关于" not in stripped and "的通知" not in stripped:
            raw = _PAREN_TAIL.sub("", match.group(1).strip())
            name = clean_award_name(raw)
            block = list_block(text, stop + 1)
            if block is not None and _is_designation(name, rules):
                at = text.find(name, pos, stop)
                if at >= 0:
                    out.append(
                        AwardStatement(
                            at,
                            at,
                            False,
                            (_award(at, name, "award.list-heading"),),
                            False,
                            block,
                        )
                    )
        pos = stop + 1
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
        limit = _CLAUSE_END.search(text, match.end())
        end = limit.start() if limit else len(text)
        awards = []
        pos = match.end()
        for item in text[match.end() : end].split("、"):
            name = clean_award_name(item.strip())
            at = text.find(name, pos, pos + len(item)) if name else -1
            if at >= 0 and len(name) >= 3:
                awards.append(_award(at, name, "award.category-list", level))
            pos += len(item) + 1
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
