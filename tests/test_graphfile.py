"""A rebuild copies unchanged reports' Turtle from the previous graph, same bytes."""

from __future__ import annotations

import dataclasses
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from conftest import Built

import kg.graphfile
import kg.store
from kg.graph import report_nodes
from kg.graphfile import INDEX, WrittenGraph
from kg.pipeline import build
from kg.store import CHECKED, STORE_DIR, load_graph, open_store, store_problem
from kg.turtle import turtle_blocks

EDITED = "01_chengdu_wenjiang_2023_summary.txt"


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[WrittenGraph]:
    """Record what each build's graph writer did."""
    written: list[WrittenGraph] = []
    original = kg.graphfile.write_graph

    def recording(*args, **kwargs) -> WrittenGraph:
        written.append(original(*args, **kwargs))
        return written[-1]

    monkeypatch.setattr(kg.graphfile, "write_graph", recording)
    return written


def _edit(corpus: Path) -> None:
    path = corpus / EDITED
    path.write_text(
        path.read_text(encoding="utf-8") + "\n区教育局表彰了温江区实验小学。\n",
        encoding="utf-8",
    )


def _cold(corpus: Path, out: Path) -> bytes:
    build(corpus, out, html=False, cache=False, tables=False)
    return (out / "graph.ttl").read_bytes()


def test_a_rebuild_copies_the_unchanged_reports_and_writes_the_same_bytes(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False, tables=False)
    reports = len(list(example_copy.iterdir()))
    _edit(example_copy)
    written = _spy(monkeypatch)
    report = build(example_copy, out, html=False, tables=False)
    assert written[0].reports_copied == reports - 1
    assert written[0].changes is not None
    assert written[0].triples == report.triples
    monkeypatch.undo()
    assert (out / "graph.ttl").read_bytes() == _cold(example_copy, tmp_path / "cold")
    ttl = out / "graph.ttl"
    assert set(open_store(ttl)) == set(load_graph(ttl))  # the store kept up
    assert len(open_store(ttl)) == report.triples


def test_the_index_counts_graph_ttl_s_subjects_written_whole_or_spliced(
    example_copy: Path, tmp_path: Path
) -> None:
    # The next splice takes the count from the index instead of reading the
    # whole previous graph for it.
    out = tmp_path / "out"
    index = out / "generations" / "current" / INDEX
    for edit in (False, True):  # cold, then a splice
        if edit:
            _edit(example_copy)
        build(example_copy, out, html=False, tables=False)
        blocks = sum(1 for _ in turtle_blocks(out / "graph.ttl"))
        assert blocks > 100
        assert json.loads(index.read_text("utf-8"))["subjects"] == blocks


def test_subjects_are_counted_whatever_the_pieces_graph_ttl_is_written_in(
    example_build: Built,
) -> None:
    data = example_build.ttl.read_bytes()[:3000]
    data = data[: data.rindex(b"\n", 0, data.rindex(b"\n\t")) + 1]  # whole blocks
    blocks = sum(
        1 for line in data.splitlines() if not line.startswith((b"\t", b"@prefix "))
    )
    for cut in range(0, len(data), 7):
        for step in (1, 2, 64):
            count = kg.graphfile._SubjectCount(None)
            pieces = [
                data[:cut],
                *(data[i : i + step] for i in range(cut, len(data), step)),
            ]
            for piece in pieces:
                count(io.BytesIO(), piece)
            assert count.subjects(1) == blocks
    assert kg.graphfile._SubjectCount(None).subjects(0) == 0


def test_added_and_deleted_reports_are_spliced_in_and_out(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False, tables=False)
    gone = sorted(example_copy.iterdir())[-1]
    gone.rename(tmp_path / gone.name)
    written = _spy(monkeypatch)
    build(example_copy, out, html=False, tables=False)
    assert written[-1].changes is not None
    assert b"inReport" in (out / "graph.ttl").read_bytes()
    assert (out / "graph.ttl").read_bytes() == _cold(example_copy, tmp_path / "cold")
    (tmp_path / gone.name).rename(gone)
    build(example_copy, out, html=False, tables=False)
    assert written[-1].changes is not None
    assert written[-1].reports_copied == len(list(example_copy.iterdir())) - 1
    assert (out / "graph.ttl").read_bytes() == _cold(example_copy, tmp_path / "cold2")


def test_a_rebuild_s_store_is_a_copy_updated_whose_checksums_hold(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False, tables=False)
    _edit(example_copy)
    copies: list[object] = []
    original = kg.store.copy_store

    def recording(*args, **kwargs):
        copies.append(original(*args, **kwargs))
        return copies[-1]

    monkeypatch.setattr(kg.store, "copy_store", recording)
    build(example_copy, out, html=False, tables=False)
    assert len(copies) == 1 and copies[0] is not None  # copied ahead, and used
    assert not copies[0].folder.exists()  # moved into the new store
    assert copies[0].known  # checksums the marker did not read again
    store = out / "generations" / "current" / STORE_DIR
    # Every recorded checksum, the copied files' included, is the file's.
    (store / CHECKED).unlink()
    assert store_problem(out / "graph.ttl") is None
    assert not list((out / "generations").glob(".store.*"))


def test_a_previous_graph_written_since_is_not_copied(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False, tables=False)
    ttl = out / "graph.ttl"
    # Same size, another byte in a report's sentence: only the index's
    # record of the file (its ctime) shows it was written.
    data = ttl.read_bytes()
    at = data.index("温江".encode())
    ttl.write_bytes(data[:at] + "温冮".encode() + data[at + len("温江".encode()) :])
    _edit(example_copy)
    written = _spy(monkeypatch)
    build(example_copy, out, html=False, tables=False)
    assert written[0].changes is None  # written whole
    assert ttl.read_bytes() == _cold(example_copy, tmp_path / "cold")


def test_an_index_of_other_code_is_not_used(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False, tables=False)
    index = out / "generations" / "current" / INDEX
    recorded = json.loads(index.read_text("utf-8"))
    # Writing the index leaves graph.ttl as it was: only the writer differs.
    index.write_text(json.dumps({**recorded, "writer": "older"}), "utf-8")
    written = _spy(monkeypatch)
    build(example_copy, out, html=False, tables=False)
    assert written[0].changes is None


def test_a_report_s_digest_is_the_same_in_another_process_and_sees_every_field(
    example_build: Built,
) -> None:
    nodes = report_nodes(example_build.resolution)
    script = (
        "import pickle, sys\n"
        "from kg.graph import report_nodes\n"
        "resolution = pickle.load(sys.stdin.buffer)\n"
        "print(*(n.digest() for n in report_nodes(resolution)))\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps(example_build.resolution),
        capture_output=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    assert other.stdout.decode().split() == [n.digest() for n in nodes]
    first = nodes[0]
    key, iri, ev = first.mentions[0]
    for changed in (
        msgspec.structs.replace(ev, rule=ev.rule + "x"),
        msgspec.structs.replace(ev, sentence=ev.sentence + "。"),
        msgspec.structs.replace(ev, status=ev.status + "x"),
    ):
        edited = dataclasses.replace(
            first, mentions=((key, iri, changed), *first.mentions[1:])
        )
        assert edited.digest() != first.digest()
    moved = dataclasses.replace(first, mentions=((key + "x", iri, ev),))
    assert moved.digest() != first.digest()
