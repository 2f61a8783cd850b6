"""A spaCy tokenizer backed by a private ``jieba.Tokenizer`` instance.

spaCy's own Chinese tokenizer uses jieba's global ``jieba.dt``; a private
instance keeps the user dictionary (generated from our gazetteers) from
leaking between pipelines and tests.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["JiebaTokenizer", "create_jieba_tokenizer"]


def _new_jieba_tokenizer():
    with warnings.catch_warnings():
        # jieba/_compat.py imports pkg_resources, which newer setuptools flags.
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class JiebaTokenizer:
    """Segment text with jieba into a spaCy :class:`~spacy.tokens.Doc`.

    Args:
        vocab: the pipeline's vocabulary.
        user_words: extra words (gazetteer names, suffixes) that jieba must
            keep whole, so rule spans align with token boundaries.
    """

    def __init__(self, vocab: Vocab, user_words: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.jieba = _new_jieba_tokenizer()
        self._word_tags: dict[str, str] | None = None
        for word in sorted(set(user_words)):
            # A high frequency makes jieba prefer the whole word over its parts.
            self.jieba.add_word(word, freq=max(2000, 500 * len(word)))

    @property
    def word_tags(self) -> dict[str, str]:
        """jieba's dictionary part-of-speech tag of each word (loaded lazily).

        Looking tags up in the dictionary costs nothing per token, unlike
        ``jieba.posseg``'s tagging pass.
        """
        if self._word_tags is None:
            import jieba.posseg

            # Importing jieba.posseg already loads the default dictionary's
            # tags (ours uses the same dictionary): reuse them, don't reload.
            self._word_tags = jieba.posseg.dt.word_tag_tab
        return self._word_tags

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; whitespace runs become their own tokens."""
        words = [w for w in self.jieba.cut(text, HMM=True) if w]
        spaces = [False] * len(words)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_: object) -> bytes:
        """Serialisation is not needed: the tokenizer is rebuilt from data."""
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> JiebaTokenizer:
        """See :meth:`to_bytes`."""
        return self


@registry.tokenizers("kg.jieba.v1")
def create_jieba_tokenizer():
    """spaCy factory ``kg.jieba.v1``; user words are added by ``build_nlp``."""

    def make(nlp):
        return JiebaTokenizer(nlp.vocab)

    return make
