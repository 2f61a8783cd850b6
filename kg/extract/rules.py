"""Compiled rule tables shared by the entity and relation finders.

Everything here is derived from ``kg/data`` (suffixes, triggers, gazetteers)
once per process; no rule strings live in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick

from ..regions import RegionIndex, load_region_index
from ..resources import Lexicon, load_lexicon

__all__ = ["Rules", "WordMatcher", "load_rules", "trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` shaped as a trie.

    A trie-shaped pattern lets ``re`` reject a position after one or two
    characters instead of trying thousands of alternatives; longer words win
    because each branch tries its continuations before ending.

    Example:
        >>> import re
        >>> re.fullmatch(trie_pattern(["北京", "北京市", "南京"]), "北京市") is not None
        True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def render(node: dict) -> str:
        end = "" in node
        branches = [
            re.escape(ch) + render(sub) for ch, sub in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return render(trie)


class WordMatcher:
    """The leftmost-longest, non-overlapping occurrences of a set of words.

    What ``re.finditer`` of :func:`trie_pattern` finds (tested), by an
    Aho-Corasick automaton (pyahocorasick) that reads each character once:
    the region names are 6,000 words scanned twice per report, a sixth of
    extraction with the regex.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in sorted(set(words)):
            if word:
                self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()
        self._empty = len(self._automaton) == 0

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every occurrence, overlapping ones included,
        by start and then longest first."""
        if self._empty:
            return []
        return [
            (start, start - minus_size)
            for start, minus_size in sorted(
                (last - size + 1, -size) for last, size in self._automaton.iter(text)
            )
        ]

    def finditer(
        self, text: str, occurrences: list[tuple[int, int]] | None = None
    ) -> Iterator[tuple[int, int, str]]:
        """``(start, end, word)`` of each occurrence, left to right.

        ``occurrences``: a subset of :meth:`occurrences` to choose from (the
        caller dropped some, so that one they overlapped can be chosen).
        """
        # Every occurrence, then the longest at each start left to right:
        # pyahocorasick's iter_long() misses 楼 in 鼓楼 when 鼓楼区 is a word.
        free = 0
        for start, end in (
            self.occurrences(text) if occurrences is None else occurrences
        ):
            if start >= free:
                free = end
                yield start, end, text[start:end]


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(trie_pattern(sorted(set(words), key=len, reverse=True)))


@dataclass(frozen=True)
class Rules:
    """Rule tables compiled for fast matching."""

    lexicon: Lexicon
    regions: RegionIndex
    region_pattern: re.Pattern[str]
    region_words: WordMatcher
    school_suffix: re.Pattern[str]
    bureau_suffix: re.Pattern[str]
    organization_suffix: re.Pattern[str]
    program_suffix: re.Pattern[str]
    award_suffix: re.Pattern[str]
    award_trigger: re.Pattern[str]
    gazetteer_pattern: re.Pattern[str]
    school_suffixes: tuple[str, ...]
    award_suffixes: tuple[str, ...]
    bureau_suffixes: tuple[str, ...]
    program_suffixes: tuple[str, ...]

    def bureau_ending(self, name: str) -> str:
        """The longest bureau ending of ``name`` (教育体育局 before 体育局), or ""."""
        return next((s for s in self.bureau_suffixes if name.endswith(s)), "")

    def user_words(self) -> list[str]:
        """Words jieba must keep whole: names and suffixes from the tables."""
        lex = self.lexicon
        words: set[str] = set()
        words.update(lex.bureau_suffixes, lex.award_suffixes, lex.school_suffixes)
        words.update(lex.programs, lex.school_aliases)
        # Trigger verbs stay whole so a name's left edge stops at them.
        words.update(lex.award_triggers, lex.award_pursuit_triggers, lex.grant_triggers)
        words.update(lex.whole_words)
        words.update(name for name in self.regions.by_name if len(name) >= 3)
        words.update(
            t.name
            for towns in self.regions.towns.values()
            for t in towns
            if len(t.name) >= 3
        )
        return sorted(words)


@cache
def load_rules() -> Rules:
    """Compile every rule table (cached per process)."""
    lex = load_lexicon()
    regions = load_region_index()
    region_words = (
        set(regions.by_name) | set(regions.by_short) | set(regions.other_names)
    )
    return Rules(
        lexicon=lex,
        regions=regions,
        region_pattern=_alternation(region_words),
        region_words=WordMatcher(region_words),
        school_suffix=_alternation(lex.school_suffixes),
        bureau_suffix=_alternation(lex.bureau_suffixes),
        organization_suffix=_alternation(lex.organization_suffixes),
        program_suffix=_alternation(lex.program_suffixes),
        award_suffix=_alternation(lex.award_suffixes),
        award_trigger=_alternation(lex.award_triggers + lex.award_pursuit_triggers),
        gazetteer_pattern=_alternation(list(lex.programs) + list(lex.school_aliases)),
        school_suffixes=tuple(sorted(lex.school_suffixes, key=len, reverse=True)),
        award_suffixes=tuple(sorted(lex.award_suffixes, key=len, reverse=True)),
        bureau_suffixes=tuple(sorted(lex.bureau_suffixes, key=len, reverse=True)),
        program_suffixes=tuple(sorted(lex.program_suffixes, key=len, reverse=True)),
    )
