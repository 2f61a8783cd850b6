"""A spaCy tokenizer that segments like jieba, with jieba-rs's speed.

Words are cut by ``rjieba`` (jieba-rs: jieba's algorithm and dictionary in
Rust, about 15× faster than jieba here). jieba-rs keeps a run of ASCII such as
``2022-02-08`` as one token where jieba splits it; those runs are split the
way jieba's HMM stage does, so the tokens are jieba's (identical on every
report of the development set and the examples, tests/test_segment.py). A
private segmenter instance keeps the user dictionary (generated from our
gazetteers) from leaking between pipelines and tests. jieba itself supplies
the dictionary's part-of-speech tags.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["JiebaTokenizer", "create_jieba_tokenizer"]


# jieba's finalseg cuts a run without Chinese characters into alphanumeric
# words (a decimal and a percent sign stay on their number) and single
# characters; jieba-rs returns the run whole.
_JIEBA_ASCII_WORD = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?|.", re.S)
_HAN = re.compile("[\u4e00-\u9fd5]")


def jieba_words(segmenter, text: str) -> list[str]:
    """``text`` cut into the words jieba's ``cut(text, HMM=True)`` gives."""
    words = []
    for word in segmenter.cut(text, True):
        if len(word) > 1 and not _HAN.search(word):
            words.extend(_JIEBA_ASCII_WORD.findall(word))
        elif word:
            words.append(word)
    return words


class JiebaTokenizer:
    """Segment text with jieba into a spaCy :class:`~spacy.tokens.Doc`.

    Args:
        vocab: the pipeline's vocabulary.
        user_words: extra words (gazetteer names, suffixes, trigger verbs)
            that jieba must keep whole, so rule spans align with token
            boundaries.

    The user words are the tokenizer's state: :meth:`to_disk` writes them
    and :meth:`from_disk` restores them, so a pipeline saved with
    ``nlp.to_disk`` reloads (``spacy.load``) with the same tokens.
    """

    def __init__(self, vocab: Vocab, user_words: Iterable[str] = ()) -> None:
        import rjieba

        self.vocab = vocab
        self.segmenter = rjieba.Jieba()
        self._word_tags: dict[str, str] | None = None
        self.user_words: list[str] = []
        self.add_words(user_words)

    def add_words(self, words: Iterable[str]) -> None:
        """Make jieba keep ``words`` whole (idempotent)."""
        known = set(self.user_words)
        for word in sorted(set(words) - known):
            # A high frequency makes jieba prefer the whole word over its parts.
            self.segmenter.add_word(word, max(2000, 500 * len(word)), None)
        self.user_words = sorted(known | set(words))

    @property
    def word_tags(self) -> dict[str, str]:
        """jieba's dictionary part-of-speech tag of each word (loaded lazily).

        Looking tags up in the dictionary costs nothing per token, unlike
        ``jieba.posseg``'s tagging pass.
        """
        if self._word_tags is None:
            with warnings.catch_warnings():
                # jieba/_compat.py imports pkg_resources, which setuptools flags
                warnings.simplefilter("ignore")
                import jieba.posseg

            # Importing jieba.posseg already loads the default dictionary's
            # tags (ours uses the same dictionary): reuse them, don't reload.
            self._word_tags = jieba.posseg.dt.word_tag_tab
        return self._word_tags

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; whitespace runs become their own tokens."""
        words = jieba_words(self.segmenter, text)
        spaces = [False] * len(words)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_: object) -> bytes:
        """Serialise the user words (UTF-8 JSON)."""
        return json.dumps(self.user_words, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, **_: object) -> JiebaTokenizer:
        """Restore the user words written by :meth:`to_bytes`."""
        self.add_words(json.loads(data.decode("utf-8")) if data else ())
        return self

    def to_disk(self, path: str | Path, **_: object) -> None:
        """Write the user words to ``path`` (a file)."""
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **_: object) -> JiebaTokenizer:
        """Read the user words written by :meth:`to_disk`."""
        return self.from_bytes(Path(path).read_bytes())


@registry.tokenizers("kg.jieba.v1")
def create_jieba_tokenizer():
    """spaCy tokenizer ``kg.jieba.v1``: jieba's words, from a private segmenter.

    ``build_nlp`` adds the user words generated from the rule tables; a
    saved pipeline restores them from disk.
    """

    def make(nlp):
        return JiebaTokenizer(nlp.vocab)

    return make
