"""Traditional-script reports: a simplified shadow of the text for the rules.

Reports from Hong Kong, Taiwan-style sites and some mirrors are written in
traditional characters (貴州省教育廳). Every rule table is simplified, so the
finders read a simplified *shadow* of the text. The shadow is converted
character by character (OpenCC's ``t2s`` per character), so it has the same
length as the text and every offset found in it is an offset of the original:
names are then cut from the original, as the report wrote them.
"""

from __future__ import annotations

from functools import cache

__all__ = ["simplified_shadow"]

# Below this share of traditional-only characters a report is simplified text
# that happens to contain a variant (乾隆, 後 in a quote): leave it alone.
_MIN_TRADITIONAL_SHARE = 0.02


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _simplified_char(ch: str) -> str:
    out = _converter().convert(ch)
    # A character OpenCC expands or drops would shift every later offset.
    return out if len(out) == 1 else ch


def simplified_shadow(text: str) -> str:
    """Return ``text`` in simplified characters, same length, or ``text`` itself.

    Args:
        text: a cleaned report.

    Returns:
        The simplified shadow when the report is written in traditional
        characters, else ``text`` unchanged (the same object).

    Example:
        >>> simplified_shadow("貴州省教育廳")
        '贵州省教育厅'
        >>> simplified_shadow("江苏省教育厅")
        '江苏省教育厅'
    """
    cjk = [ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return text
    changed = {ch: _simplified_char(ch) for ch in cjk}
    changed = {ch: s for ch, s in changed.items() if s != ch}
    if not changed:
        return text
    total = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    traditional = sum(1 for ch in text if ch in changed)
    if traditional < _MIN_TRADITIONAL_SHARE * total:
        return text
    return text.translate(str.maketrans(changed))
