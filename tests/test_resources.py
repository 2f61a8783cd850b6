"""The rule tables in kg/data load, are clean, and bad tables are reported well."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

import kg.resolve
import kg.resources
from kg.errors import DataFileError
from kg.resources import Lexicon, load_lexicon, read_lines, read_table

LEXICON_FILES = sorted(
    p.relative_to(DATA).as_posix() for p in DATA.glob("lexicon/*.txt")
)
GAZETTEERS = sorted(
    p.relative_to(DATA).as_posix()
    for pattern in ("gazetteers/*.tsv", "lexicon/*.tsv")
    for p in DATA.glob(pattern)
)


def test_there_are_tables() -> None:
    assert LEXICON_FILES and GAZETTEERS


@pytest.mark.parametrize("relative", LEXICON_FILES)
def test_lexicon_file_loads_without_duplicates(relative: str) -> None:
    entries = read_lines(relative)  # raises DataFileError on a duplicate
    assert entries, f"{relative} is empty"
    assert len(set(entries)) == len(entries)
    for entry in entries:
        assert entry == entry.strip() and not entry.startswith("#"), entry


@pytest.mark.parametrize("relative", GAZETTEERS)
def test_gazetteer_loads_without_duplicate_keys(relative: str) -> None:
    rows = read_table(relative, 2)
    assert rows, f"{relative} is empty"
    keys = [row[0] for row in rows]
    assert len(set(keys)) == len(keys)
    assert all(all(row) for row in rows), relative


def test_load_lexicon() -> None:
    lexicon = load_lexicon()
    assert isinstance(lexicon, Lexicon)
    assert load_lexicon() is lexicon  # cached
    assert "小学" in lexicon.school_suffixes
    assert lexicon.programs and lexicon.region_changes
    assert all(
        len(code) == 6 and code.isdigit() for code in lexicon.region_changes.values()
    )


def test_every_table_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table nobody loads is dead data (or a typo in a file name)."""
    used: set[str] = set()

    def spy_lines(relative: str) -> tuple[str, ...]:
        used.add(relative)
        return read_lines(relative)

    def spy_table(relative: str, columns: int) -> tuple[tuple[str, ...], ...]:
        used.add(relative)
        return read_table(relative, columns)

    monkeypatch.setattr(kg.resources, "read_lines", spy_lines)
    monkeypatch.setattr(kg.resources, "read_table", spy_table)
    monkeypatch.setattr(kg.resolve, "read_lines", spy_lines)
    monkeypatch.setattr(kg.resolve, "read_table", spy_table)
    load_lexicon.__wrapped__()
    kg.resolve._merge_tables.__wrapped__()
    assert set(LEXICON_FILES + GAZETTEERS) <= used, sorted(
        set(LEXICON_FILES + GAZETTEERS) - used
    )


# ------------------------------------------------------------ bad tables


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the loaders at an empty temporary data folder."""
    monkeypatch.setattr(
        kg.resources, "_data_path", lambda relative: tmp_path / relative
    )
    return tmp_path


def test_duplicate_line_names_file_and_line(data_dir: Path) -> None:
    path = data_dir / "words.txt"
    path.write_text("# comment\n小学\n\n中学\n  小学  \n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_lines("words.txt")
    error = info.value
    assert error.path == str(path)
    assert error.line == 5
    assert str(error).startswith(f"{path}:5: ")
    assert "'小学'" in str(error) and "line 2" in str(error)


def test_comments_and_blank_lines_are_skipped(data_dir: Path) -> None:
    (data_dir / "words.txt").write_text(
        "# heading\n\n  小学 \n  # indented comment\n中学\n", encoding="utf-8"
    )
    assert read_lines("words.txt") == ("小学", "中学")


def test_missing_file_is_a_datafileerror(data_dir: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read") as info:
        read_lines("nope.txt")
    assert info.value.path == str(data_dir / "nope.txt")
    assert info.value.line == 0


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# k\tv\n双减\t双减\n双减\t减负\n", 3, "duplicate key '双减'"),
        ("双减\t双减\n只有一列\n", 2, "expected 2 tab-separated columns"),
        ("双减\t双减\n\t空键\n", 2, "expected 2 tab-separated columns"),
    ],
    ids=["duplicate-key", "too-few-columns", "empty-key"],
)
def test_bad_table_row_names_file_and_line(
    data_dir: Path, text: str, line: int, message: str
) -> None:
    path = data_dir / "table.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        read_table("table.tsv", 2)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_table_rows_are_cut_to_the_wanted_columns(data_dir: Path) -> None:
    (data_dir / "table.tsv").write_text("实小\t实验小学\tnote\n", encoding="utf-8")
    assert read_table("table.tsv", 2) == (("实小", "实验小学"),)


def test_datafileerror_is_a_kgerror() -> None:
    from kg.errors import KGError

    assert issubclass(DataFileError, KGError)
