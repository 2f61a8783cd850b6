"""The marks that open a report's headings, items and list titles.

Headings decide what a list below them means (its honour, its program, its
tier), so every finder must read 一、, （二） and 3. alike: the marks are
written here once and composed into each finder's pattern.
"""

from __future__ import annotations

__all__ = [
    "ANNEX_MARK",
    "BARE_PART_LIST",
    "BATCH_MARK",
    "BRACKET_NOTE",
    "NUMBER_MARK",
    "PROSE_LIST_LEAD",
]

#: 一、, （二）, （3）, 4. 4、 4．: the number of a heading, an item or a line.
NUMBER_MARK = (
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]"
    # ①小学组一等奖：, ⑴, ❶: circled and parenthesized digits mark items too
    r"|[\u2460-\u2473\u2474-\u2487\u2776-\u277f])"
)
#: 附件, 附件2：, 附：: an annex's mark before its title. 附 alone needs its
#: colon: 附属中学 opens a name.
ANNEX_MARK = r"(?:附件[ \t\u3000]*\d*[ \t\u3000]*[:：]?|附[:：])"
#: （20所）, （第一批）, （节选）: a short note in brackets after a title.
BRACKET_NOTE = r"(?:[（(][^（）()\n]{1,12}[）)])"
#: Where a list named in prose starts: after a sentence's end, or after
#: 其中 (其中，X示范校为：A、B；Y试点校为：C).
PROSE_LIST_LEAD = r"(?:(?<=[。；;\n])|其中[，,]?)\s*"
#: 首批, 第十一批: the batch of a list's schools or a program's designation.
BATCH_MARK = r"(?:首批|第[一二三四五六七八九十]+批)"
#: 试点学校, 首批实验学校: a list title naming only the schools' part in a
#: program the text names before (a program's list, no honour's).
BARE_PART_LIST = (
    r"(?:首批|第[一二三四五六七八九十]批)?(?:试点|项目|培育|实验)(?:学校|校)"
)
