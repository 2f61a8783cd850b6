"""The tokenizer cuts exactly the words jieba cuts, with our user words."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from kg.extract.segment import jieba_words
from kg.ingest import read_document
from kg.workers import load_nlp

SHARED = ROOT.parent / "shared" / "corpus"


def _reports() -> list[Path]:
    found = [*EXAMPLES.iterdir(), *(ROOT / "tests" / "data").rglob("*")]
    if SHARED.is_dir():  # the real reports, read in place when present
        found += SHARED.rglob("*")
    return sorted(p for p in found if p.suffix in (".txt", ".md", ".html", ".htm"))


@pytest.fixture(scope="module")
def python_jieba():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    for word in load_nlp().tokenizer.user_words:
        reference.add_word(word, freq=max(2000, 500 * len(word)))
    return reference


def test_tokens_are_jiebas_on_every_report(python_jieba) -> None:
    tokenizer = load_nlp().tokenizer
    compared = 0
    for path in _reports():
        try:
            text = read_document(path).text
        except Exception:
            continue  # the fault fixtures: unreadable on purpose
        expected = [w for w in python_jieba.cut(text, HMM=True) if w]
        assert jieba_words(tokenizer.segmenter, text) == expected, path.name
        compared += 1
    assert compared >= 20


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2022-02-08发布", ["2022", "-", "02", "-", "08", "发布"]),
        ("达到100%。", ["达到", "100%", "。"]),
        ("投资1.95亿元", ["投资", "1.95", "亿元"]),
        ("www.example.cn", ["www", ".", "example", ".", "cn"]),
    ],
)
def test_ascii_runs_are_cut_as_jieba_cuts_them(text: str, words: list[str]) -> None:
    assert jieba_words(load_nlp().tokenizer.segmenter, text) == words
