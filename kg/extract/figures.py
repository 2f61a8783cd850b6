"""Quantitative statements (新增学位2800个, 投入1.16亿元) as Indicator observations.

A figure is an Arabic number with an optional 万/亿 multiplier and a unit
from ``lexicon/figure_units.tsv``; what is counted is the phrase before it in
the same clause (新增学位, 招录新教师, 课后服务参与率). Numbers are normalized
with cn2an, so 1.16亿元 becomes 116000000 CNY.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from ..resources import load_lexicon
from ..types import Figure
from .rules import trie_pattern

__all__ = ["find_figures", "status_at"]

_CLAUSE_END = set("，,。；;！!？?：:、\n（）()0123456789%")
_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|全[区市县省旗]|我[区市县]|本[区市县]|共计|共有|共|累计|"
    r"年内|全年|今年|目前|已|现有|同比|约|为|为了|与|对|将|力争|以|把|向|等)+"
)
_TAIL = re.compile(
    r"(?:达到|提升至|提高到|提高至|增加到|增至|超过|不少于|以上|达|超|约|为|至|共|逾|近|了|累计)+$"
)
_FOLLOWING_NOUN = re.compile(r"^[\u4e00-\u9fff]{1,8}")
_DATE_UNIT = re.compile("年度|年|月|日|届|期|批")


@cache
def _figure_pattern() -> re.Pattern[str]:
    units = load_lexicon().figure_units
    unit_alt = trie_pattern(sorted(units, key=len, reverse=True))
    return re.compile(
        # 2,800个 and 95 %: thousands separators and a space before the unit
        r"(?<![\d.,])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        r"[ \u00a0]?(?P<mult>[万亿])?(?P<approx>[余多])?[ \u00a0]?"
        rf"(?P<unit>{unit_alt})"
    )


def _normalize(number: str, multiplier: str) -> Decimal:
    import cn2an

    number = number.replace(",", "")
    value = cn2an.cn2an(number + multiplier, "smart") if multiplier else number
    return Decimal(str(value))


def status_at(planned: list[int | None], sentence: int, offset: int) -> str:
    """``planned`` or ``reported`` for what starts at ``offset`` in ``sentence``.

    ``planned``: per sentence, the offset from which it is planned, or None.
    """
    turn = planned[sentence] if planned else None
    return "planned" if turn is not None and offset >= turn else "reported"


def find_figures(
    text: str,
    doc_id: str,
    sentences: tuple[tuple[int, int], ...],
    planned: list[int | None],
    year: int | None,
) -> list[Figure]:
    """Find quantitative statements in a document's cleaned text.

    Args:
        text: the cleaned text.
        doc_id: the document's id.
        sentences: sentence offsets.
        planned: per sentence, the offset from which it is planned, or None.
        year: the year the report covers (a figure's default year).

    Returns:
        The figures in text order.

    Example:
        >>> figs = find_figures("投入1.16亿元。", "d", ((0, 7),), [None], 2022)
        >>> [(f.measure, f.quantity, f.unit) for f in figs]
        [('投入', '116000000', 'CNY')]
    """
    units = load_lexicon().figure_units
    out: list[Figure] = []
    sentence = 0
    for match in _figure_pattern().finditer(text):
        while (
            sentence + 1 < len(sentences)
            and sentences[sentence + 1][0] <= match.start()
        ):
            sentence += 1
        unit_text = match.group("unit")
        norm_unit, factor = units[unit_text]
        try:
            value = _normalize(match.group("num"), match.group("mult") or "") * factor
        except (ValueError, ArithmeticError):
            continue
        if out and out[-1].end == match.start() and out[-1].unit != norm_unit:
            # 1842人48.3375万元: the amount belongs to the count before it.
            measure = out[-1].measure
        else:
            measure = _measure(text, match.start(), match.end())
        if not measure:
            continue
        s_start = sentences[sentence][0] if sentences else 0
        stated_year = _stated_years(text[s_start : match.start()])
        status = status_at(planned, sentence, match.start())
        out.append(
            Figure(
                doc_id=doc_id,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                measure=measure,
                quantity=format(value.normalize(), "f"),
                unit=norm_unit,
                approximate=bool(match.group("approx")) or "余" in unit_text,
                sentence=sentence,
                status=status,
                year=int(stated_year[-1]) if stated_year else year,
            )
        )
    return out


# A year the figure is stated for: not a comparison's base (较2022年), an
# edition (2022年版) or an end of a period (2024—2026年).
_YEAR = re.compile(r"(?<![较比与—\-－~～至\d])(20\d\d)年(?![版—\-－~～至])")
_TITLE = re.compile(r"《[^《》]*》")


def _stated_years(before: str) -> list[str]:
    """The years stated in ``before`` (the sentence up to a figure), outside
    titles (《…（2022年版）》)."""
    return _YEAR.findall(
        _TITLE.sub(lambda m: "《" + "·" * (len(m.group()) - 2) + "》", before)
    )


def _measure(text: str, start: int, end: int) -> str:
    """The phrase naming what a number counts."""
    if text[start - 1 : start] in "）)":
        # 学校（含教学点）213所: what is counted comes before the aside
        opening = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
        if opening >= 0 and start - opening <= 16:
            start = opening
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_END and start - left < 20:
        left -= 1
    # 2023年新增学位, 第38届…: the unit of a date or an ordinal before is no
    # part of the measure (the number itself ended the walk)
    dated = _DATE_UNIT.match(text, left) if text[left - 1 : left].isdigit() else None
    if dated:
        left = dated.end()
    before = _TAIL.sub("", _LEAD.sub("", text[left:start].strip()))
    before = before.translate(str.maketrans("", "", '“”"《》'))
    if len(before) <= 2:
        following = _FOLLOWING_NOUN.match(text[end : end + 10])
        if following:
            before += following.group()
    return before if re.search(r"[\u4e00-\u9fff]", before) else ""
