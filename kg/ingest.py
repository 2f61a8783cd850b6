"""Ingest stage: read report files, decode them, drop web boilerplate, read metadata.

One file becomes one :class:`~kg.types.Document` (or a
:class:`~kg.types.SkippedFile` / :class:`~kg.errors.IngestError` when it cannot
be used). The steps are:

1. **Decode** the bytes: BOM sniffing; UTF-16 without a BOM (NUL bytes on one
   side of the ASCII characters); strict UTF-8; UTF-8 with a few invalid
   bytes (replaced by U+FFFD, with a warning); GB18030 or Big5, whichever
   gives more common characters when both decode; then charset-normalizer.
   Other NUL bytes or many control characters mean a binary file. Newlines
   are normalised to ``\\n``.
2. **Extract** the text: ``.txt`` as is; ``.html``/``.htm`` through trafilatura
   (lxml's text as a fallback; the standard library's tokenizer when lxml
   loses a deeply nested body); ``.md`` with its markup stripped. Text in
   traditional script is converted to simplified (OpenCC ``t2s``, character
   for character, so offsets still index the original).
3. **Clean** (:func:`clean_text`): per line, cut spliced notes and injected
   spam, strip the line, then drop boilerplate lines, metadata field lines and
   table-of-contents blocks; collapse blank runs to one blank line.
4. **Metadata** (:class:`~kg.types.ReportMeta`) is read from the same pass, so
   the boilerplate that carries it (发布机构, 发布时间 …) is seen before it goes.

Offsets: :attr:`Document.offset_map` maps the cleaned text back to the *source
text* of step 2, i.e. the decoded file with newlines normalised for ``.txt``,
the extracted main text for HTML, and the markup-stripped text for Markdown.
Every character of the cleaned text is copied from that source text, so
``source[doc.raw_offset(i)] == doc.text[i]`` for every ``i``.

The rules are data: regex and keyword tables in ``kg/data/cleaning/`` (see the
README there), loaded once, lazily, through :mod:`importlib.resources`.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import itertools
import logging
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import DataFileError, IngestError
from kg.resources import load_lexicon
from kg.types import Document, ReportMeta, SkippedFile

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "clean_text",
    "parse_document",
    "read_document",
    "read_documents",
    "read_report_bytes",
]

logger = logging.getLogger(__name__)

#: File suffixes the stage reads (compared case-insensitively).
SUPPORTED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})

# Boilerplate patterns are only tried on short lines: page chrome is short, and
# a long body paragraph that happens to mention 来源 or 版权所有 must survive.
_MAX_BOILERPLATE_LINE = 160
#: Longer lines after 相关文章： are text, not a linked page's title.
_MAX_LINK_TITLE = 60
# Metadata rows can carry a long 内容概述 value, so they get more room.
_MAX_META_LINE = 500
# A title is a short line; longer lines are body text even if they name a plan.
_MAX_TITLE_LINE = 60
# Table-of-contents entries are headings; a long line means the block ended
# without its closing dots, so nothing but the start line is dropped.
_MAX_TOC_ENTRY = 60
_MAX_TOC_LINES = 80
# Only the top of a report carries its issuing body as a heading line.
_PUBLISHER_HEAD_LINES = 5
# Share of control characters above which a file is treated as binary.
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 65536

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|学年)")
_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_ENUMERATED_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(\uff08]\s*[一二三四五六七八九十\d]+\s*[)\uff09]|\d+\s*[、.．])"
)
_FIELD_OPENERS = frozenset("|丨【[((")
_FIELD_LEAD_RE = re.compile(r"[\s|丨【\[(\uff08]*")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# Characters an injected spam "word" is made of: anything but whitespace,
# the underscore that joins the words, and punctuation that delimits real text
# (ASCII and full-width forms, the latter escaped so no normalisation of this
# file can fold them into the former).
_SPAM_SEG = (
    r"[^\s_《》〈〉<>“”\"'‘’「」『』()\uff08\uff09\[\]【】{}\uff5b\uff5d"
    r",\uff0c。;\uff1b:\uff1a!\uff01?\uff1f、…⋯·|丨/\\]"
)
_SPAM_RUN_RE = re.compile(rf"{_SPAM_SEG}+(?:_+{_SPAM_SEG}+)+")
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
# Words that can precede a bureau's name in a title (…2021年度某某区教育局…).
_TITLE_PREFIX_RE = re.compile(r"^(?:年度|年|关于印发|关于转发|关于|印发|转发)")
_HTML_TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\||丨|\s-\s|—{1,2}|–)\s*")
_NOTE_FRAME = frozenset("…⋯")
_VALUE_STRIP = " \t|丨:\uff1a—–-_[]【】()\uff08\uff09\u3000\xa0"
_CONTROL_BYTES = frozenset([*range(0, 9), *range(14, 27), *range(28, 32), 127])
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_HTML_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "section", "article", "header", "footer", "ul", "ol", "dd", "dt", "pre",
    "blockquote", "title",
)  # fmt: skip
_META_ROLES = ("publisher", "source", "date", "summary", "other")
_MD_RULES = (
    (re.compile(r"^\s*(?:```|~~~).*$"), ""),  # code fences
    (re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$"), ""),  # horizontal rules
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"), ""),  # link reference definitions
    (re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)"), ""),  # ATX heading marks
    (re.compile(r"\s+#+\s*$"), ""),  # closing heading marks
    (re.compile(r"^\s*(?:>\s?)+"), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"), ""),  # list markers
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images and links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<!\*)\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)


# --------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rules:
    """Compiled cleaning rules (built once from ``kg/data/cleaning``)."""

    line_drop_start: re.Pattern[str]  # rules anchored with ^, tried with match
    line_drop_any: re.Pattern[str]  # the other rules, tried with search
    spans: re.Pattern[str]
    spam: re.Pattern[str]
    toc_start: re.Pattern[str]
    toc_end: re.Pattern[str]
    related: re.Pattern[str]  # the heading of a list of links to other pages
    meta_key: re.Pattern[str]
    meta_roles: dict[str, tuple[str, int]]  # field name -> (role, rank)
    bureau_in_text: re.Pattern[str]
    bureau_line: re.Pattern[str]
    org_suffixes: tuple[str, ...]
    press_suffixes: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...]
    title: re.Pattern[str]
    summary: re.Pattern[str]
    plan: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str]


def _data_lines(name: str) -> list[tuple[int, str]]:
    """Return ``(line number, rule)`` for the non-comment lines of a rule file."""
    res = resources.files("kg.data").joinpath("cleaning").joinpath(name)
    rows = []
    for number, line in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
        rule = line.strip()
        if rule and not rule.startswith("#"):
            rows.append((number, rule))
    return rows


def _table(name: str, kinds: dict[str, int]) -> dict[str, list[tuple[int, list[str]]]]:
    """Read a ``kind<TAB>value…`` table; ``kinds`` gives each kind's column count."""
    out: dict[str, list[tuple[int, list[str]]]] = {kind: [] for kind in kinds}
    for number, line in _data_lines(name):
        kind, *values = [part.strip() for part in line.split("\t")]
        if kind not in kinds:
            raise DataFileError(name, number, f"unknown kind {kind!r}")
        if len(values) != kinds[kind] or not all(values):
            raise DataFileError(name, number, f"{kind!r} needs {kinds[kind]} value(s)")
        out[kind].append((number, values))
    return out


def _compile(name: str, rows: Iterable[tuple[int, str]]) -> re.Pattern[str]:
    """Compile rules into one alternation, reporting the line of a bad one."""
    parts = []
    for number, rule in rows:
        try:
            pattern = re.compile(rule, re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(name, number, f"bad regex: {exc}") from exc
        if pattern.fullmatch(""):
            # An empty match would cut nothing yet stall the cutting loop.
            raise DataFileError(name, number, "regex matches the empty string")
        parts.append(f"(?:{rule})")
    if not parts:
        raise DataFileError(name, 0, "no rules")
    return re.compile("|".join(parts), re.IGNORECASE)


def _literal_alternation(words: Iterable[str]) -> str:
    """Longest-first alternation; ASCII words only match as whole words."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        escaped = re.escape(word)
        if word.isascii():
            escaped = rf"(?<![A-Za-z]){escaped}(?![A-Za-z])"
        parts.append(escaped)
    return "|".join(parts)


@cache
def _rules() -> _Rules:
    """Load and compile every rule table (once per process)."""
    meta = _table("meta_fields.txt", {r: 1 for r in _META_ROLES})
    roles: dict[str, tuple[str, int]] = {}
    for role, rows in meta.items():
        for rank, (_, (name,)) in enumerate(rows):
            roles[re.sub(r"\s+", "", name)] = (role, rank)
    # A field name may be spaced out to align a table (索 引 号, 名    称), so
    # allow a few spaces between its characters. (_meta_fields checks that a
    # key opens a cell: 数据来源 is no 来源 field.)
    keys = "|".join(
        r"\s{0,4}".join(map(re.escape, name))
        for name in sorted(roles, key=lambda n: (-len(n), n))
    )
    # ASCII and full-width colons (发布时间：2024-03-15): web pages write both.
    meta_key = re.compile(
        rf"(?P<key>{keys})(?=\s|[:\uff1a|丨]|$)(?P<sep>\s*[:\uff1a])?"
    )

    toc = _table("toc_blocks.txt", {"start": 1, "end": 1})
    pubs = _table("publishers.txt", {"org": 1, "press": 1, "alias": 2})
    # One list of bureau endings for every stage (kg/data/lexicon).
    bureau = _literal_alternation(load_lexicon().bureau_suffixes)
    titles = _table(
        "report_titles.txt",
        {"title": 1, "summary": 1, "plan": 1, "future": 1, "past": 1},
    )

    def kind(kind_name: str) -> re.Pattern[str]:
        return _compile("report_titles.txt", ((n, v[0]) for n, v in titles[kind_name]))

    # Anchored rules go into their own alternation used with match(): mixed
    # with floating ones, every branch would be retried at every position.
    drop_rows = _data_lines("boilerplate_lines.txt")
    anchored = [(n, rule) for n, rule in drop_rows if rule.startswith("^")]
    floating = [(n, rule) for n, rule in drop_rows if not rule.startswith("^")]
    spam_words = [rule for _, rule in _data_lines("spam_keywords.txt")]
    if not spam_words:
        raise DataFileError("spam_keywords.txt", 0, "no keywords")
    return _Rules(
        line_drop_start=_compile("boilerplate_lines.txt", anchored),
        line_drop_any=_compile("boilerplate_lines.txt", floating),
        spans=_compile("boilerplate_spans.txt", _data_lines("boilerplate_spans.txt")),
        spam=re.compile(_literal_alternation(spam_words), re.IGNORECASE),
        toc_start=_compile("toc_blocks.txt", ((n, v[0]) for n, v in toc["start"])),
        toc_end=_compile("toc_blocks.txt", ((n, v[0]) for n, v in toc["end"])),
        related=_compile("related_lists.txt", _data_lines("related_lists.txt")),
        meta_key=meta_key,
        meta_roles=roles,
        bureau_in_text=re.compile(rf"[\u4e00-\u9fff]{{0,25}}?(?:{bureau})"),
        # 鹿邑县教育体育局办公室编　2023年10月16日, 光山县教育体育局　2023-12-22
        # 浏览量：2043, X教育体育局　发布时间：2023-09-08: a bureau's byline,
        # its office's and a date after it, labelled or not
        bureau_line=re.compile(
            rf"^(?P<bureau>[\u4e00-\u9fff()\uff08\uff09]{{0,25}}(?:{bureau}))"
            r"(?:办公室)?(?:编印|编)?"
            r"(?:[ \t\u3000]+(?:[\u4e00-\u9fff]{2,4}[:：][ \t\u3000]*)?"
            r"(?:19|20)\d\d(?:年|-|/|\.)[^\n]*)?$"
        ),
        org_suffixes=tuple(v[0] for _, v in pubs["org"]),
        press_suffixes=tuple(v[0] for _, v in pubs["press"]),
        aliases=tuple((v[0], v[1]) for _, v in pubs["alias"]),
        title=kind("title"),
        summary=kind("summary"),
        plan=kind("plan"),
        future=kind("future"),
        past=kind("past"),
    )


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------

_Span = tuple[int, int]


def _merge(spans: list[_Span]) -> list[_Span]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[_Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _cut(pieces: list[_Span], cuts: list[_Span]) -> list[_Span]:
    """Remove ``cuts`` (offsets into the text ``pieces`` spell) from ``pieces``.

    ``pieces`` are source spans whose concatenation is the current text; the
    result is again source spans, so offsets survive any number of cuts.
    """
    out: list[_Span] = []
    pos = 0
    ci = 0
    for src_start, src_end in pieces:
        start, end = pos, pos + (src_end - src_start)
        cur = start
        while ci < len(cuts) and cuts[ci][0] < end:
            cut_start, cut_end = cuts[ci]
            if cut_end > cur:
                if cut_start > cur:
                    out.append((src_start + cur - start, src_start + cut_start - start))
                cur = cut_end
            if cut_end > end:
                break  # the cut goes on into the next piece
            ci += 1
        if cur < end:
            out.append((src_start + cur - start, src_end))
        pos = end
    joined: list[_Span] = []
    for span in out:
        if joined and joined[-1][1] == span[0]:
            joined[-1] = (joined[-1][0], span[1])
        elif span[0] < span[1]:
            joined.append(span)
    return joined


def _brand_end(run: str, tail: str) -> int:
    """Length of the spam brand (``888``, ``9九``) opening the run's last word.

    Spam words repeat a brand (某某赌场888网址_888网址…_888APP); the longest
    start of the last word that every other word contains is that brand, if it
    holds an ASCII letter or digit (a brand-less start may be real text).
    """
    others = [word for word in run[: len(run) - len(tail)].split("_") if word]
    end = 0
    for size in range(1, min(len(tail), 8) + 1):
        if not all(tail[:size] in word for word in others):
            break
        end = size
    brand = tail[:end]
    return end if any(ch in _ASCII_ALNUM for ch in brand) else 0


def _spam_cuts(text: str, rules: _Rules) -> list[_Span]:
    """Spans of underscore-joined spam runs (``某某赌场网址_…_888APP``).

    The run's last word is glued to the real text after it, so only the part
    of it that is spam goes: up to its last spam keyword, plus an ASCII/digit
    tail (``888APP``); a last word without either keeps everything.
    """
    cuts = []
    for match in _SPAM_RUN_RE.finditer(text):
        run = match.group()
        last = run.rfind("_") + 1
        tail = run[last:]
        keyword_ends = [m.end() for m in rules.spam.finditer(tail)]
        spam_end = max(keyword_ends[-1] if keyword_ends else 0, _brand_end(run, tail))
        while spam_end < len(tail) and tail[spam_end] in _ASCII_ALNUM:
            spam_end += 1
        end = match.start() + last + spam_end
        if rules.spam.search(text, match.start(), end):
            cuts.append((match.start(), end))
    return cuts


def _widen(text: str, start: int, end: int) -> _Span:
    """Extend a cut over the ellipses and spaces that frame a spliced note."""
    while start > 0 and (text[start - 1] in _NOTE_FRAME or text[start - 1].isspace()):
        start -= 1
    while end < len(text) and (text[end] in _NOTE_FRAME or text[end].isspace()):
        end += 1
    return start, end


def _line_cuts(text: str, rules: _Rules) -> list[_Span]:
    """Everything to cut from one line: spliced notes, spam, edge whitespace."""
    cuts = [_widen(text, *m.span()) for m in rules.spans.finditer(text)]
    if "_" in text:
        cuts.extend(_spam_cuts(text, rules))
    stripped = text.strip()
    if len(stripped) != len(text):
        if not stripped:
            return [(0, len(text))]
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        if lead:
            cuts.append((0, lead))
        if trail:
            cuts.append((len(text) - trail, len(text)))
    return _merge(cuts)


def _clean_pieces(source: str, start: int, end: int, rules: _Rules) -> list[_Span]:
    """Clean ``source[start:end]`` (one line) until no rule finds anything more.

    Repeating to a fixed point is what makes :func:`clean_text` idempotent: a
    cut can join two fragments into something another rule matches.
    """
    pieces = [(start, end)]
    text = source[start:end]
    while text:
        cuts = _line_cuts(text, rules)
        if not cuts:
            break
        pieces = _cut(pieces, cuts)
        text = "".join(source[a:b] for a, b in pieces)
    return pieces if text else []


def _clean_fragment(text: str) -> str:
    """Clean a standalone string (an HTML title) with the line rules."""
    pieces = _clean_pieces(text, 0, len(text), _rules())
    return "".join(text[a:b] for a, b in pieces)


@dataclass(slots=True)
class _Analysis:
    """Result of one cleaning pass over a source text."""

    text: str
    offset_map: tuple[tuple[int, int], ...]
    kept: list[str]
    fields: list[tuple[str, str]] = field(default_factory=list)  # (field, value)


def _meta_fields(text: str, rules: _Rules) -> list[tuple[str, str]] | None:
    """Read a metadata field line into ``(field, value)`` pairs, or None.

    A line is a field line if it starts with a field name, holds two or more,
    or holds one followed by a colon (``2022-01-01 来源:区教育局``).
    """
    # The key must open a cell: 数据来源 is no 来源 field. (Checked here, not
    # with a lookbehind, which would keep the regex from scanning fast.)
    matches = [
        m
        for m in rules.meta_key.finditer(text)
        if m.start() == 0
        or text[m.start() - 1] in _FIELD_OPENERS
        or text[m.start() - 1].isspace()
    ]
    if not matches:
        return None
    lead = _FIELD_LEAD_RE.match(text)
    head = lead.end() if lead else 0
    if not (matches[0].start() == head or len(matches) > 1 or matches[0]["sep"]):
        return None
    cells_after = _CELL_SPLIT_RE.split(text[matches[0].end() :].strip(" |丨"))
    if len(matches) == 1 and not matches[0]["sep"] and len(cells_after) > 1:
        return None  # 作者　学校　指导老师: a table's header, not a field
    pairs = []
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        name = re.sub(r"\s+", "", match["key"])
        value = text[match.end() : stop]
        # 赤峰市教育局　　发文日期：…: a field whose name is not in the
        # table still ends the value before it, as do the page's tools
        # (来源：X教育局　　【大 中 小】【打印】【关闭】).
        unknown = _UNKNOWN_FIELD_RE.search(value)
        if unknown:
            value = value[: unknown.start()]
        pairs.append((name, value.strip(_VALUE_STRIP)))
    opening = text[head : matches[0].start()].strip()
    byline = rules.bureau_line.match(opening)
    if byline:
        # 于都县教育科技体育局　　发布时间：2023-09-08: the bureau that opens
        # the line, unlabelled, is the page's publisher
        pairs.insert(0, (_BYLINE_FIELD, byline.group("bureau")))
    elif _OPENING_DATE_RE.fullmatch(opening):
        # 2024-03-15 10:20　　来源：X教育局: and its date, the publication's
        pairs.insert(0, (_DATE_FIELD, opening))
    return pairs


_CELL_SPLIT_RE = re.compile(r"[\s|丨]+")
#: The fields an unlabelled bureau or date opening a field line stands for.
_BYLINE_FIELD = "发布机构"
_DATE_FIELD = "发布时间"
_OPENING_DATE_RE = re.compile(_DATE_RE.pattern + r"日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


_UNKNOWN_FIELD_RE = re.compile(
    r"(?:[ \t]{2,}|\u3000+)(?:[\u4e00-\u9fff]{2,6}[:\uff1a]|[【\[])"
)


def _toc_end(texts: list[str], start: int, rules: _Rules) -> int | None:
    """Index of the line closing a table of contents opened at ``start``."""
    for k in range(start + 1, min(len(texts), start + 1 + _MAX_TOC_LINES)):
        text = texts[k]
        if not text:
            continue
        if rules.toc_end.search(text):
            return k
        if len(text) > _MAX_TOC_ENTRY:
            return None
    return None


def _analyze(source: str) -> _Analysis:
    """Clean ``source`` and collect what metadata needs from the same pass.

    Decisions depend on a line's own cleaned text only (plus the lines of a
    table of contents), which is what makes cleaning idempotent.
    """
    rules = _rules()
    spans_search = rules.spans.search
    # First pass: cut and strip every line. pieces is None for a blank source
    # line and [] for a line that cutting emptied (which is no paragraph break).
    ends: list[int] = []
    texts: list[str] = []
    pieces_of: list[list[_Span] | None] = []
    pos = 0
    for chunk in source.split("\n"):
        end = pos + len(chunk)
        text = chunk.strip()
        pieces: list[_Span] | None
        if not text:
            pieces = None
        elif "_" in text or spans_search(text):
            pieces = _clean_pieces(source, pos, end, rules)
            text = "".join(source[a:b] for a, b in pieces)
        else:  # the common case: nothing to cut but the edge whitespace
            lead = pos + chunk.find(text[0])
            pieces = [(lead, lead + len(text))]
        ends.append(end)
        texts.append(text)
        pieces_of.append(pieces)
        pos = end + 1

    # Second pass: drop tables of contents, metadata and boilerplate lines and
    # join the rest. Kept lines are joined by their own "\n"; a blank source
    # line between two kept lines lends its "\n" for one paragraph break.
    toc_start = rules.toc_start.search
    drop_start = rules.line_drop_start.match
    drop_any = rules.line_drop_any.search
    fields: list[tuple[str, str]] = []
    kept: list[str] = []
    parts: list[str] = []
    offset_map: list[tuple[int, int]] = []
    clean_pos = 0
    last_end = -1
    previous_end: int | None = None
    blank_newline: int | None = None
    related_links = False  # inside a list of links under 相关文章：
    i = 0
    while i < len(texts):
        text = texts[i]
        line_pieces = pieces_of[i]
        i += 1
        if not text:
            related_links = False
            is_blank = line_pieces is None
            if is_blank and previous_end is not None and blank_newline is None:
                blank_newline = ends[i - 1]
            continue
        if related_links and len(text) <= _MAX_LINK_TITLE and "。" not in text:
            continue  # another page's title under 相关文章：
        related_links = rules.related.match(text) is not None
        if related_links:
            continue
        if toc_start(text):
            close = _toc_end(texts, i - 1, rules)
            if close is not None:
                i = close + 1
            continue
        pairs = _meta_fields(text, rules) if len(text) <= _MAX_META_LINE else None
        if pairs is not None:
            fields.extend(pairs)
            continue
        if len(text) <= _MAX_BOILERPLATE_LINE and (drop_start(text) or drop_any(text)):
            continue
        spans = line_pieces or []
        if previous_end is not None:
            newlines = [(previous_end, previous_end + 1)]
            if blank_newline is not None:
                newlines.append((blank_newline, blank_newline + 1))
            parts.append("\n" * len(newlines))
            spans = newlines + spans
        for start, end in spans:
            if start != last_end:
                offset_map.append((clean_pos, start))
            clean_pos += end - start
            last_end = end
        parts.append(text)
        kept.append(text)
        previous_end, blank_newline = ends[i - 1], None
    return _Analysis("".join(parts), tuple(offset_map), kept, fields)


def clean_text(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove web boilerplate, spliced notes and injected spam from a report.

    Drops site headers, breadcrumbs, publication-info and metadata-table lines,
    filing/copyright footers, page tools, tables of contents and paywall notes;
    cuts underscore-joined gambling spam out of titles and headings; strips
    every line and collapses runs of blank lines to one. Line breaks between
    paragraphs are kept. The result is a fixed point:
    ``clean_text(clean_text(t)[0])[0] == clean_text(t)[0]``.

    Args:
        text: decoded report text with ``\\n`` newlines.

    Returns:
        ``(cleaned, offset_map)`` where ``offset_map`` is
        ``((clean_start, raw_start), ...)``: the run of ``cleaned`` starting at
        ``clean_start`` (up to the next entry) was copied from ``text`` at
        ``raw_start``. The same form as :attr:`kg.types.Document.offset_map`.

    Example:
        >>> clean_text("当前位置:首页 > 新闻\\n\\n  一、工作回顾  \\n版权所有")[0]
        '一、工作回顾'
    """
    analysis = _analyze(text)
    return analysis.text, analysis.offset_map


# --------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------


def _canonical(name: str, rules: _Rules) -> str:
    """Spell a body's name out in full so short and long forms compare."""
    for short, full in rules.aliases:
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def _publisher(
    fields: list[tuple[str, str]],
    title: str,
    kept: list[str],
    rules: _Rules,
    *,
    press: bool = False,
) -> str | None:
    """Pick the issuing body: the first place that names one, in its fullest form.

    Places in order: 发布机构, 来源 (when it looks like an organisation), a
    bureau inside the title, a bureau heading in the first lines. A later
    place wins only with a fuller spelling of the same body (区教育局 →
    某市某区教育局), never with another body. A news outlet's page
    (``press``) is issued only by a body its fields name (decision 13): a
    bureau in its headline is the news, not its source.
    """
    candidates: list[str] = []
    for name, value in fields:
        role = rules.meta_roles.get(name, ("other", 0))[0]
        if not _CJK_RE.search(value) or len(value) > 40:
            continue
        if role == "publisher" or (
            role == "source"
            and value.endswith(rules.org_suffixes)
            and not value.endswith(rules.press_suffixes)  # 县融媒体中心
        ):
            candidates.append(_bureau_of_office(value, rules))
    if press:
        return candidates[0] if candidates else None
    match = rules.bureau_in_text.search(_TITLE_PREFIX_RE.sub("", title))
    if match:
        candidates.append(_TITLE_PREFIX_RE.sub("", match.group()))
    for line in kept[:_PUBLISHER_HEAD_LINES]:
        byline = rules.bureau_line.match(line)
        if byline:
            candidates.append(byline.group("bureau"))
            break
    if not candidates:
        return None
    base = _canonical(candidates[0], rules)
    best = candidates[0]
    for candidate in candidates[1:]:
        if len(candidate) > len(best) and _canonical(candidate, rules).endswith(base):
            best = candidate
    return best


def _is_press(fields: list[tuple[str, str]], rules: _Rules) -> bool:
    """Whether the page's 来源 is a news outlet (宁夏日报, 川观新闻) or its
    byline a reporter's (作者：记者 马晓霞)."""
    for name, value in fields:
        role = rules.meta_roles.get(name, ("other", 0))[0]
        value = value.strip()
        if role == "source" and value.endswith(rules.press_suffixes):
            return True
        if value.startswith(_REPORTER):
            return True
    return False


#: 作者：记者 X, 本报记者 X: a byline naming a newspaper's reporter.
_REPORTER = ("记者", "本报记者", "本台记者", "本网记者")


def _bureau_of_office(value: str, rules: _Rules) -> str:
    """市教育局办公室 → 市教育局: an office of a bureau publishes for it."""
    match = rules.bureau_in_text.match(value)
    if match and _INTERNAL_OFFICE_RE.fullmatch(value, match.end()):
        return match.group()
    return value


#: A bureau's own office or section after its name (办公室, 政策法规科).
# 区教委宣传中心, 县教育局教研室: a bureau's own units publish for it too
_INTERNAL_OFFICE_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:办公室|科|处|股|中心|室)")


def _parse_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from 2021-03-09, 2020/7/3 or 2021年05月17日, if valid."""
    match = _DATE_RE.search(value)
    if not match:
        return None
    try:
        day = _dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    return day.isoformat()


def _issued(fields: list[tuple[str, str]], rules: _Rules) -> str | None:
    """The publication date from the most preferred date field that parses."""
    dated = []
    for order, (name, value) in enumerate(fields):
        role, rank = rules.meta_roles.get(name, ("other", 0))
        parsed = _parse_date(value) if role == "date" else None
        if parsed:
            dated.append((rank, order, parsed))
    return min(dated)[2] if dated else None


def _title_year(title: str, rules: _Rules) -> int | None:
    """The year a title covers: the one naming its summary, else its plan.

    ``2017年工作总结和2018年工作谋划`` → 2017; ``2022年工作要点`` → 2022.
    """
    years = [(m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(title)]
    if not years:
        return None
    for kind in (rules.summary, rules.plan):
        match = kind.search(title)
        if match:
            before = [year for pos, year in years if pos < match.start()]
            if before:
                return before[-1]
    return years[0][1]


def _body_year(text: str) -> tuple[int | None, int]:
    """The year a text covers when its title does not say, and how many times
    the text writes it (0 when a marked year says it: an anniversary, a review
    section).

    In order: an anniversary (庆祝第26个教师节 → 2010), the year of a review
    section (一、2012年全市教育工作回顾: a meeting reviews that year), else
    the most frequent ``20xx年`` or document-number year (渝府〔2011〕6号),
    not counting full dates (a page's publication date) or years looked
    ahead to (到2026年, the end of （2023—2025年）); ties → the later.
    """
    for event, first in _year_events():
        match = re.search(
            rf"第\s*(\d+|[一二三四五六七八九十]+)\s*[个個届屆]{event}", text
        )
        if match:
            return first + _ordinal(match.group(1)) - 1, 0
    review = _REVIEW_RE.search(text)
    if review:
        return int(review.group(1)), 0
    counts = Counter(
        int(m.group(1))
        for m in _YEAR_RE.finditer(text)
        if not _FULL_DATE_RE.match(text, m.start())
        and not _looked_ahead_to(text, m)
        and not _HISTORY_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())
    )
    counts.update(int(m.group(1)) for m in _DOC_NUMBER_YEAR_RE.finditer(text))
    if not counts:
        # only full dates left (a page's publication date, 2023年10月25日)
        counts = Counter(
            int(m.group(1))
            for m in _YEAR_RE.finditer(text)
            if not _HISTORY_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())
            and not _looked_ahead_to(text, m)
        )
    if not counts:
        return None, 0
    year, mentions = max(counts.items(), key=lambda item: (item[1], item[0]))
    return year, mentions


_REVIEW_RE = re.compile(
    r"^\s*[一二三四五六七八九十]+、\s*((?:19|20)\d{2})年[^\n。]{0,20}(?:回顾|总结)",
    re.MULTILINE,
)
_FULL_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# What makes a year one a text looks ahead to, not one it covers: the end
# of a plan's span (（2023—2025年）, 2024年至2026年), a target (到2026年) or
# an event prepared for (备战2024年全国学生运动会); not 截至2023年, which
# looks back.
_TARGET_BEFORE_RE = re.compile(
    r"(?:[—–\uff0d\-~\uff5e]|(?<!截)[至到]|力争|预计|将于|备战)\s*$"
)
# A year of the past a text recalls, not one it covers: a founding (创办于
# 1906年, 始建于1958年).
_HISTORY_BEFORE_RE = re.compile(r"(?:创办|始建|创建|建校|成立|兴建|建)于\s*$")
_DOC_NUMBER_YEAR_RE = re.compile(r"[〔\[［]((?:19|20)\d{2})[〕\]］]\s*\d+\s*号")


def _looked_ahead_to(text: str, year: re.Match[str]) -> bool:
    """A target (力争2024年实现, 到2026年) or a deadline (于2024年6月底前)."""
    return bool(
        _TARGET_BEFORE_RE.search(text, max(0, year.start() - 8), year.start())
        or _DEADLINE_AFTER_RE.match(text, year.end())
    )


#: 2024年|6月底前, 2024年|底前: a year a deadline falls in.
_DEADLINE_AFTER_RE = re.compile(r"\s*(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?(?:底|末)?前")


def _year_events() -> list[tuple[str, int]]:
    out = []
    for _, row in _data_lines("year_events.txt"):
        event, _, first = row.partition("\t")
        out.append((re.escape(event.strip()), int(first)))
    return out


def _ordinal(digits: str) -> int:
    if digits.isdigit():
        return int(digits)
    import cn2an

    return int(cn2an.cn2an(digits, "smart"))


def _is_title_line(line: str, rules: _Rules) -> bool:
    """A short, unnumbered line naming a work summary or plan."""
    return (
        len(line) < _MAX_TITLE_LINE
        and "。" not in line
        and not line.endswith((":", "\uff1a", ";", "\uff1b", ",", "\uff0c"))
        and not _ENUMERATED_RE.match(line)
        and not _BREADCRUMB_RE.search(line)
        and rules.title.search(line) is not None
    )


#: 岳阳市教育局　>　教育督导　>　督导报告: a site's navigation path, not a title.
_BREADCRUMB_RE = re.compile(r"\S\s*[>\uff1e›»]\s*\S+\s*[>\uff1e›»]\s*\S")


def _html_title(title: str | None, rules: _Rules) -> str:
    """The report part of an HTML ``<title>`` (site names and spam removed)."""
    if not title:
        return ""
    parts = [p for p in _HTML_TITLE_SPLIT_RE.split(_clean_fragment(title)) if p]
    if not parts:
        return ""
    for part in parts:
        if rules.title.search(part):
            return part
    return max(parts, key=len)


def _build_meta(analysis: _Analysis, page: _PageMeta) -> ReportMeta:
    """Assemble :class:`ReportMeta` from one cleaning pass (and HTML metadata)."""
    rules = _rules()
    fields = analysis.fields + page.fields
    named = [line for line in analysis.kept if _is_title_line(line, rules)]
    summaries = [
        value
        for name, value in fields
        if rules.meta_roles.get(name, ("other", 0))[0] == "summary"
        and _is_title_line(value, rules)
    ]
    named += summaries
    html_title = _html_title(page.title, rules)
    if named:
        title = next((t for t in named if _YEAR_RE.search(t)), named[0])
    elif html_title:
        title = html_title
    else:
        title = ""
    # A title only found as the first line is not known to name the report
    # kind, so year and kind then come from the body.
    titled = bool(title)
    if not title and analysis.kept:
        # the first line that is not a site's navigation path
        first = next(
            (line for line in analysis.kept if not _BREADCRUMB_RE.search(line)),
            analysis.kept[0],
        )
        title = first[: _MAX_TITLE_LINE * 2]

    issued = _issued(fields, rules) or _parse_date(page.date or "")
    year = _title_year(title, rules) if titled else None
    if year is None:
        year, mentions = _body_year(analysis.text)
        if year is not None and issued and mentions == 1 and int(issued[:4]) > year:
            # a news item dated 2022 that recalls 2021年启动 and 2020年参与 once
            # each: the past it recalls, not the year it covers
            year = int(issued[:4])
    if year is None and issued:
        year = int(issued[:4])

    press = _is_press(fields, rules)
    if titled:
        is_plan = bool(rules.plan.search(title)) and not rules.summary.search(title)
    else:
        future = len(rules.future.findall(analysis.text))
        past = len(rules.past.findall(analysis.text))
        is_plan = future >= 5 and future > 2 * past
    return ReportMeta(
        title=title,
        publisher_name=_publisher(fields, title, analysis.kept, rules, press=press),
        issued=issued,
        year=year,
        is_plan=is_plan,
        press=press,
    )


# --------------------------------------------------------------------------
# Decoding and extraction
# --------------------------------------------------------------------------

_BOMS = (
    # UTF-32 LE starts with the UTF-16 LE BOM, so it is tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _control_share(text: str) -> float:
    """Share of control characters other than ordinary whitespace."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(
        1
        for ch in sample
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(sample)


def _decode(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode file bytes; return ``(text with \\n newlines, encoding, notes)``.

    ``notes`` holds ``bad-bytes-replaced`` when a UTF-8 file had a few invalid
    bytes (each became U+FFFD; logged as a warning).

    Raises:
        IngestError: ``binary`` or ``undecodable``.
    """
    encoding = None
    notes: tuple[str, ...] = ()
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding, body = codec, data[len(bom) :]
            break
    if encoding is not None:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as exc:
            raise IngestError(name, "undecodable", f"bad {encoding}: {exc}") from exc
    else:
        sample = data[:_SNIFF_BYTES]
        utf16 = _sniff_utf16(data) if b"\x00" in sample else None
        if utf16 is not None:
            text, encoding = utf16
        elif b"\x00" in sample:
            raise IngestError(name, "binary", "NUL bytes and no UTF-16 BOM")
        else:
            controls = sum(1 for b in sample if b in _CONTROL_BYTES)
            if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
                raise IngestError(name, "binary", "too many control bytes")
            text, encoding, notes = _decode_unmarked(data, name)
    text = text.lstrip("\ufeff")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise IngestError(name, "binary", f"too many control characters as {encoding}")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding, notes


def _texty_share(text: str) -> float:
    """Share of CJK, printable ASCII, CJK punctuation and whitespace characters."""
    if not text:
        return 0.0
    good = sum(
        1
        for ch in text
        if ch.isspace()
        or " " <= ch <= "~"
        or "\u3000" <= ch <= "\u303f"
        or "\u4e00" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
    )
    return good / len(text)


def _sniff_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes on one side of most ASCII characters.

    Returns ``(text, codec)``, or None when the bytes are not such text.
    """
    sample = data[: _SNIFF_BYTES & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or max(even, odd) < 2 * min(even, odd) + 1:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _texty_share(text[:_SNIFF_BYTES]) >= 0.9 else None


# A file decoded with replacement may have at most this many bad sequences per
# 1,000 characters (and at least 20 good non-ASCII characters per bad one).
_MAX_BAD_PER_1000 = 5
_MAX_BAD_FLOOR = 8


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few invalid bytes: ``(text with U+FFFD, bad count)``."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    limit = max(_MAX_BAD_FLOOR, len(text) * _MAX_BAD_PER_1000 // 1000)
    if 0 < bad <= limit and good >= 20 * bad:
        return text, bad
    return None


@cache
def _common_chars() -> dict[str, frozenset[str]]:
    """The most frequent characters of GB2312 (level 1) and of Big5 (常用字).

    Text decoded with the right codec is made almost only of them; the bytes
    of one codec read as the other give many rare characters.
    """

    def decode_range(codec: str, leads: range, trails: list[int]) -> frozenset[str]:
        chars = set()
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
        return frozenset(chars)

    high = list(range(0xA1, 0xFF))
    return {
        "gb18030": decode_range("gb2312", range(0xB0, 0xD8), high),
        "big5": decode_range("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *high]),
    }


def _common_share(text: str, codec: str) -> float:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    common = _common_chars()[codec]
    return sum(1 for ch in cjk if ch in common) / len(cjk)


def _decode_unmarked(data: bytes, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode bytes without a BOM: UTF-8, GB18030 or Big5, then charset-normalizer.

    GB18030 comes before any detector: detectors call GBK text GB2312 and
    garble the characters GB2312 lacks (GB18030 is a strict superset of
    both). Big5 bytes mostly decode as GB18030 too (as nonsense), so when
    both decode, the one giving more common characters of its script wins.
    """
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data)
    if repaired is not None:
        text, bad = repaired
        logger.warning(
            "%s: %d invalid UTF-8 byte sequence(s) replaced with U+FFFD", name, bad
        )
        return text, "utf-8", ("bad-bytes-replaced",)
    decoded = {}
    for codec in ("gb18030", "big5"):
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if len(decoded) == 2:
        sample = {c: t[: _SNIFF_BYTES // 2] for c, t in decoded.items()}
        big5 = _common_share(sample["big5"], "big5")
        gb = _common_share(sample["gb18030"], "gb18030")
        codec = "big5" if big5 > gb else "gb18030"
        return decoded[codec], codec, ()
    if decoded:
        ((codec, text),) = decoded.items()
        return text, codec, ()
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(name, "undecodable", "no text encoding fits the bytes")
    return str(best), best.encoding, ()


# A text is converted to simplified script when at least this share of its
# CJK characters (and 3 of them) change under OpenCC's t2s conversion; a few
# changes happen in simplified text too (乾 → 干).
_MIN_TRADITIONAL_SHARE = 0.05


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str | None:
    """The simplified-script form of a traditional-script text, or None.

    The result has the same length as ``text``, character for character, so
    offsets into it are offsets into the original: a line that OpenCC's
    phrase conversion lengthens or shortens is converted one character at a
    time instead.
    """
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < 3:
        return None
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) != len(text):
        lines = []
        for line in text.split("\n"):
            new = converter.convert(line)
            if len(new) != len(line):
                chars = (converter.convert(ch) for ch in line)
                new = "".join(
                    c if len(c) == 1 else ch for c, ch in zip(chars, line, strict=True)
                )
            lines.append(new)
        converted = "\n".join(lines)
    changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    if changed < 3 or changed < _MIN_TRADITIONAL_SHARE * cjk:
        return None
    return converted


@dataclass(frozen=True, slots=True)
class _PageMeta:
    """Metadata an HTML page carries outside its main text."""

    title: str | None = None
    date: str | None = None
    fields: list[tuple[str, str]] = field(default_factory=list)


_NO_PAGE = _PageMeta()


def _lxml_text(tree: HtmlElement) -> str:
    """All visible text of an lxml HTML tree, one block element per line."""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in tree.iter(*_HTML_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    # Cells keep the "| a | b |" form trafilatura gives tables, so metadata
    # tables read the same from either extractor.
    for element in tree.iter("td", "th"):
        element.tail = " | " + (element.tail or "")
    return str(tree.text_content())


class _PlainHTML(HTMLParser):
    """Visible text of a page by the standard library's HTML tokenizer.

    It keeps no tree, so it has no nesting limit: libxml2 (under lxml and
    trafilatura) stops at 255 nested elements and drops everything deeper.
    """

    _SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        if tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "title":
            self._in_title = False
        if tag in _HTML_BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if not self._skipping:
            self.parts.append(data)


def _plain_html(html: str) -> tuple[str, str]:
    """``(visible text, title)`` of a page without building a tree."""
    parser = _PlainHTML()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t]*\n[ \t\n]*\n", "\n\n", "".join(parser.parts))
    return text.replace("\r\n", "\n").replace("\r", "\n"), "".join(parser.title)


def _visible_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _extract_html(html: str, name: str) -> tuple[str, _PageMeta, tuple[str, ...]]:
    """Main text, page metadata and repair notes of an HTML document.

    trafilatura finds the main text and the page title/date; lxml's full page
    text is the fallback when trafilatura finds nothing, and is also scanned
    for metadata fields (发布机构, 发布时间) that trafilatura drops with the
    page chrome. When lxml loses most of the page (elements nested deeper
    than libxml2 allows), the plain text of the standard library's tokenizer
    is used instead, with the note ``html-fallback`` and a warning.
    """
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
        page_text = _lxml_text(tree).replace("\r\n", "\n").replace("\r", "\n")
    except (lxml.etree.ParserError, ValueError):
        page_text = ""
    plain, plain_title = _plain_html(html)
    kept, total = _visible_chars(page_text), _visible_chars(plain)
    if total > 2 * kept + 20:
        logger.warning(
            "%s: the HTML parser kept %d of %d characters (elements nested too "
            "deeply?); using a plain-text extraction of the page",
            name,
            kept,
            total,
        )
        page = _PageMeta(title=plain_title or None, fields=_analyze(plain).fields)
        return plain, page, ("html-fallback",)

    main = None
    title = date = None
    try:
        import trafilatura

        main = trafilatura.extract(
            html, include_comments=False, include_tables=True, favor_recall=True
        )
        # extensive=False: read dates from page metadata only; the extensive
        # search guesses 2022-01-01 from a title that says 2022年.
        meta = trafilatura.extract_metadata(html, extensive=False)
        if meta is not None:
            title, date = meta.title, meta.date
    except Exception as exc:  # a parser bug on one page must not sink the file
        logger.debug("trafilatura failed on %s: %s", name, exc)
    if not main or not main.strip():
        main = page_text
    page = _PageMeta(title=title, date=date, fields=_analyze(page_text).fields)
    return main.replace("\r\n", "\n").replace("\r", "\n"), page, ()


def _strip_markdown(text: str) -> str:
    """Markdown to plain text: headings, emphasis, links, lists, quotes, fences.

    Simple line rules, not a parser: single-underscore emphasis is left alone
    (underscores also join injected spam words, which cleaning must see).
    """
    lines = []
    for line in text.split("\n"):
        for pattern, replacement in _MD_RULES:
            line = pattern.sub(replacement, line)
        lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------


def _display_name(path: Path, root: Path | None) -> str:
    """The id of a file: path relative to ``root`` (posix) or its base name."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def read_document(path: Path, root: Path | None = None) -> Document:
    """Read, decode, clean one report file and read its metadata.

    Args:
        path: a ``.txt``, ``.html``/``.htm`` or ``.md`` file (any case).
        root: when given, :attr:`Document.doc_id` is ``path`` relative to it
            (posix form); otherwise the file's base name.

    Returns:
        The cleaned document. Its offsets map to the decoded text (``.txt``),
        the extracted main text (HTML) or the markup-stripped text (Markdown).

    Raises:
        IngestError: with ``reason`` one of ``missing``, ``permission-denied``,
            ``unreadable``, ``unsupported-type``,
            ``binary``, ``undecodable``, ``empty``, ``boilerplate-only``.
    """
    name, data = read_report_bytes(path, root)
    return parse_document(data, name, Path(path).name)


def read_report_bytes(path: Path, root: Path | None = None) -> tuple[str, bytes]:
    """The id (see :func:`read_document`) and bytes of one report file.

    Raises:
        IngestError: with ``reason`` one of ``missing``, ``permission-denied``,
            ``unreadable``, ``unsupported-type``.
    """
    path = Path(path)
    name = _display_name(path, root)
    if not path.is_file():
        detail = "not a regular file" if path.exists() else "no such file"
        raise IngestError(name, "missing", detail)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(
            name,
            "unsupported-type",
            f"suffix {suffix or '(none)'!r} not in {supported}",
        )
    try:
        return name, path.read_bytes()
    except PermissionError as exc:
        raise IngestError(
            name, "permission-denied", f"cannot read: {exc.strerror}"
        ) from exc
    except OSError as exc:
        raise IngestError(name, "unreadable", f"cannot read: {exc.strerror}") from exc


def parse_document(data: bytes, doc_id: str, source: str) -> Document:
    """Decode, clean and read the metadata of one report's bytes.

    The part of :func:`read_document` after the file is read, for callers
    that hold the bytes already (a worker on another machine, a cache check).

    Args:
        data: the file's content.
        doc_id: the report's id (its path relative to the input folder).
        source: the file's base name; its suffix says how to read ``data``.

    Raises:
        IngestError: as :func:`read_document`, except the file-system reasons.
    """
    name = doc_id
    suffix = Path(source).suffix.lower()
    if not data.strip():
        raise IngestError(name, "empty", "the file has no content")

    text, encoding, notes = _decode(data, name)
    page = _NO_PAGE
    if suffix in (".html", ".htm"):
        text, page, html_notes = _extract_html(text, name)
        notes += html_notes
    elif suffix == ".md":
        text = _strip_markdown(text)
    if not text.strip():
        raise IngestError(name, "empty", "no text after decoding and extraction")
    written = text
    simplified = _to_simplified(text)
    if simplified is not None:
        # Rules and gazetteers are in simplified script; offsets stay valid
        # (the conversion is character for character).
        logger.warning("%s: traditional script converted to simplified", name)
        text = simplified
        notes += ("traditional-converted",)

    analysis = _analyze(text)
    if not analysis.text:
        raise IngestError(name, "boilerplate-only", "nothing left after cleaning")
    return Document(
        doc_id=name,
        source=source,
        text=analysis.text,
        meta=_build_meta(analysis, page),
        encoding=encoding,
        offset_map=analysis.offset_map,
        notes=notes,
        original=_as_written(analysis, written) if simplified is not None else "",
    )


def _as_written(analysis: _Analysis, source: str) -> str:
    """The cleaned text spelled as in ``source`` (the text before conversion)."""
    runs = [*analysis.offset_map, (len(analysis.text), 0)]
    return "".join(
        source[raw : raw + (end - clean)]
        for (clean, raw), (end, _) in itertools.pairwise(runs)
    )


def read_documents(
    paths: Iterable[Path], root: Path | None = None
) -> Iterator[Document | SkippedFile]:
    """Read many report files; a bad one is reported and skipped, never raised.

    Args:
        paths: files to read, in the order results are wanted.
        root: see :func:`read_document`.

    Yields:
        A :class:`Document` per usable file, in input order, or a
        :class:`SkippedFile` whose ``reason`` is the :class:`IngestError`
        reason (``missing``, ``binary``, ``undecodable``, ``empty``,
        ``boilerplate-only``, ``unsupported-type``). Each skip is also logged
        as a warning naming the file.
    """
    for path in paths:
        try:
            doc = read_document(Path(path), root)
        except IngestError as exc:
            logger.warning("skipping %s: %s (%s)", exc.path, exc.reason, exc.detail)
            yield SkippedFile(source=exc.path, reason=exc.reason, detail=exc.detail)
            continue
        yield doc
