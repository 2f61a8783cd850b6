"""Extract stage: a cleaned report → entity and relation mentions with evidence.

``build_nlp()`` makes a blank spaCy ``zh`` pipeline: the ``kg.jieba.v1``
tokenizer (a private jieba instance whose user words come from the rule
tables), a ``span_ruler`` with the gazetteers, and the registered components
of :mod:`kg.extract.components` (finders → arbiter → context → mentions →
relations → figures). ``extract()`` runs it over one document and reads the
results off the ``Doc``. The pipeline saves with ``nlp.to_disk`` and
reloads with ``spacy.load`` (after ``import kg.extract``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from importlib import import_module

from spacy.language import Language

from ..types import Document, Extraction
from . import components
from . import lac as _lac  # noqa: F401 - registers kg_lac_v1 (for spacy.load)
from .rules import Rules, load_rules
from .script import simplified_shadow
from .segment import JiebaTokenizer

__all__ = ["OPTIONAL_COMPONENTS", "build_nlp", "extract"]

#: Optional components (not in the default pipeline) and the module that
#: registers each; :func:`build_nlp` adds them before the arbiter.
OPTIONAL_COMPONENTS = {
    "kg_lac_v1": "kg.extract.lac",
}

#: Environment variable naming optional components to add (comma-separated),
#: for ``kg build`` and its worker processes.
EXTRA_COMPONENTS_ENV = "KG_EXTRA_COMPONENTS"


def build_nlp(
    rules: Rules | None = None, extra_components: Iterable[str] | None = None
) -> Language:
    """Build the spaCy pipeline used by :func:`extract`.

    Args:
        rules: compiled rule tables; loaded from ``kg/data`` when omitted.
        extra_components: optional candidate sources to add before the
            arbiter (keys of :data:`OPTIONAL_COMPONENTS`, e.g.
            ``("kg_lac_v1",)``); when omitted, read from the
            ``KG_EXTRA_COMPONENTS`` environment variable (comma-separated).

    Returns:
        A ``zh`` pipeline with the jieba tokenizer, the gazetteer span ruler
        and the EduKG components (see :data:`components.PIPELINE`).

    Example:
        >>> nlp = build_nlp()
        >>> nlp.pipe_names[:2]
        ['span_ruler', 'kg_sentences_v1']
    """
    import spacy

    rules = rules or load_rules()
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.jieba.v1"}}}
    )
    tokenizer: JiebaTokenizer = nlp.tokenizer
    tokenizer.add_words(rules.user_words())
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_key": "gazetteer", "phrase_matcher_attr": "ORTH"}
    )
    patterns = [
        {"label": "School", "pattern": alias, "id": f"school.alias:{full}"}
        for alias, full in sorted(rules.lexicon.school_aliases.items())
    ] + [
        {"label": "Program", "pattern": name, "id": f"program.gazetteer:{canonical}"}
        for name, canonical in sorted(rules.lexicon.programs.items())
    ]
    ruler.initialize(lambda: [], patterns=patterns)
    for name in components.PIPELINE:
        nlp.add_pipe(name)
    if extra_components is None:
        extra_components = os.environ.get(EXTRA_COMPONENTS_ENV, "").split(",")
    for name in (n.strip() for n in extra_components):
        if not name:
            continue
        if name not in OPTIONAL_COMPONENTS:
            raise ValueError(
                f"unknown optional component {name!r}; "
                f"known: {', '.join(OPTIONAL_COMPONENTS)}"
            )
        import_module(OPTIONAL_COMPONENTS[name])
        nlp.add_pipe(name, before="kg_arbiter_v1")
    return nlp


def extract(doc: Document, nlp: Language, rules: Rules | None = None) -> Extraction:
    """Extract entity and relation mentions from one document.

    Args:
        doc: a cleaned report from :func:`kg.ingest.read_documents`.
        nlp: the pipeline from :func:`build_nlp`.
        rules: compiled rule tables (defaults to the bundled ones).

    Returns:
        The document's :class:`~kg.types.Extraction`.
    """
    rules = rules or load_rules()
    # Rules read simplified characters; names are cut from the original.
    if doc.original:
        # ingest converted a traditional-script report (same offsets)
        original, text = doc.original, doc.text
    else:
        original = doc.text
        text = simplified_shadow(original)
    sdoc = nlp.make_doc(text)
    sdoc._.kg_text = text
    sdoc._.kg_doc_id = doc.doc_id
    sdoc._.kg_meta = doc.meta
    sdoc._.kg_original = original if text is not original else None
    for _, component in nlp.pipeline:
        sdoc = component(sdoc)
    context = sdoc._.kg_context
    index = rules.regions
    mentions = sdoc._.kg_mentions
    region_refs = tuple(
        sorted(
            {
                index.by_code[m.region]
                for m in mentions
                if m.label == "Region" and m.region
            },
            key=lambda r: r.code,
        )
    )
    return Extraction(
        doc=doc if text is original else replace(doc, text=original, original=""),
        figures=sdoc._.kg_figures,
        home_region=context.home,
        sentences=sdoc._.kg_sentences,
        mentions=mentions,
        relations=sdoc._.kg_relations,
        # A news outlet's page no bureau issued (decision 13): the bureau the
        # text is about still stands for its area's work, but is no publisher.
        publisher=(
            None
            if doc.meta.press and not doc.meta.publisher_name
            else sdoc._.kg_publisher
        ),
        regions=region_refs,
    )
