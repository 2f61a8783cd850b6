"""Streaming writers: the out-of-core sort and Turtle from rows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Built

from kg.graph import iter_rows, iter_triples
from kg.serialize import (
    SortedRows,
    turtle_bytes,
    write_turtle_rows,
)

# ------------------------------------------------------------ SortedRows


def _rows(count: int, seed: int) -> list[tuple[str, str, int]]:
    """Rows with many duplicates, some of them far apart in the input."""
    rng = random.Random(seed)
    return [
        (f"s{rng.randrange(50)}", rng.choice("pq"), rng.randrange(3))
        for _ in range(count)
    ]


@pytest.mark.parametrize(("run_size", "runs"), [(7, 286), (100, 20), (10_000, 0)])
def test_sorted_rows_sorts_and_deduplicates_across_runs(
    tmp_path: Path, run_size: int, runs: int
) -> None:
    rows = _rows(2_000, seed=run_size)
    with SortedRows(rows, tmp_path, run_size=run_size) as sorted_rows:
        assert list(sorted_rows) == sorted(set(rows))
        # iterable again: the runs stay until the block ends
        assert list(sorted_rows) == sorted(set(rows))
        assert sorted_rows.runs == runs
    assert list(tmp_path.iterdir()) == []


def test_sorted_rows_spill_to_files_in_the_given_folder(tmp_path: Path) -> None:
    with SortedRows(_rows(1_000, seed=1), tmp_path, run_size=100) as rows:
        (spill,) = tmp_path.iterdir()
        assert spill.name.startswith(".sort-")
        assert len(list(spill.iterdir())) == rows.runs == 10
    assert not spill.exists()


def test_sorted_rows_hold_one_run_at_a_time(tmp_path: Path) -> None:
    """A full run is on disk before the rows of the next one are read."""
    rows = _rows(1_000, seed=4)
    spilled = []

    def watched() -> Iterator[tuple[str, str, int]]:
        for i, row in enumerate(rows):
            files = [p for d in tmp_path.iterdir() for p in d.iterdir()]
            spilled.append(len(files))
            # row i is read once rows 0 … i-2 are sorted and written away
            assert len(files) == max(0, i - 1) // 100
            yield row

    with SortedRows(watched(), tmp_path, run_size=100) as sorted_rows:
        assert list(sorted_rows) == sorted(set(rows))
    assert spilled[-1] == 9


def test_sorted_rows_held_in_memory_write_no_file(tmp_path: Path) -> None:
    with SortedRows(_rows(100, seed=2), tmp_path, run_size=1_000) as rows:
        assert rows.runs == 0
        assert list(tmp_path.iterdir()) == []


def test_sorted_rows_remove_their_runs_when_the_input_fails(tmp_path: Path) -> None:
    def failing() -> Iterator[tuple[str, str, int]]:
        yield from _rows(500, seed=3)
        raise RuntimeError("resolution broke")

    with pytest.raises(RuntimeError, match="resolution broke"):
        SortedRows(failing(), tmp_path, run_size=100)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------ Turtle


def test_streamed_turtle_is_the_turtle_of_the_rdflib_triples(
    example_build: Built, tmp_path: Path
) -> None:
    resolution = example_build.resolution
    with SortedRows(iter_rows(resolution), tmp_path, run_size=500) as rows:
        assert rows.runs > 1
        count = write_turtle_rows(rows, tmp_path / "graph.ttl")
    written = (tmp_path / "graph.ttl").read_bytes()
    assert written == turtle_bytes(iter_triples(resolution))
    assert written == example_build.ttl.read_bytes()
    assert count == example_build.report.triples
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
