"""End-to-end builds: outputs, report.json, determinism, bad input, atomicity."""

from __future__ import annotations

import codecs
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEEDS, Built, build_capturing
from rdflib import Graph, Literal
from rdflib.namespace import RDF

import kg.pipeline
import kg.serialize
import kg.visualize
import kg.workers
from kg.errors import KGError
from kg.pipeline import OUTPUT_NAMES, build, collect_files
from kg.query import STORE_DIR, run_query
from kg.tables import TABLES_DIR
from kg.vocab import EDU

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir())
ENTITY_CLASSES = ("Region", "Bureau", "School", "Program", "Award", "Document")
RELATIONS = ("locatedIn", "subRegionOf", "receivedAward", "implements")
GOOD = EXAMPLES / "04_chongqing_dazu_2023_summary.txt"


def build_report_json(out: Path) -> dict:
    """Read ``report.json`` of a build folder."""
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _tmp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- outputs


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_every_output_is_written_and_listed(example_build: Built, name: str) -> None:
    path = example_build.out / name
    assert path.is_file(), f"{name} was not written"
    assert path.stat().st_size > 0, f"{name} is empty"
    assert example_build.report.outputs[name] == str(path)
    assert example_build.report_json["outputs"][name] == str(path)


def test_outputs_is_the_documented_set(example_build: Built) -> None:
    # The files, the query store folder loaded from graph.ttl, and the
    # tables of the whole-table named queries evaluated on it.
    assert set(example_build.report.outputs) == {*OUTPUT_NAMES, STORE_DIR, TABLES_DIR}
    assert (example_build.out / STORE_DIR).is_dir()
    assert not _tmp_files(example_build.out)


def test_output_files_respect_the_umask(example_build: Built) -> None:
    """Outputs are readable like any file the user creates (not mkstemp's 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    for name in OUTPUT_NAMES:
        mode = (example_build.out / name).stat().st_mode & 0o777
        assert mode == 0o666 & ~mask, f"{name} has mode {mode:o}"


def test_report_json_lists_every_file_read(example_build: Built) -> None:
    data = example_build.report_json
    assert data["files_read"] == EXAMPLE_FILES
    assert data["files_skipped"] == []
    assert data["files_empty"] == []
    assert data["entity_counts"]["Report"] == len(EXAMPLE_FILES)


def test_report_json_is_the_returned_report(example_build: Built) -> None:
    assert example_build.report_json == example_build.report.to_dict()


@pytest.mark.parametrize("label", ENTITY_CLASSES)
def test_entity_counts_match_the_graph(example_build: Built, label: str) -> None:
    count = example_build.report_json["entity_counts"].get(label, 0)
    assert count > 0, f"no {label} found in the examples"
    in_graph = run_query(
        example_build.ttl,
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a edu:{label} }}",
    )
    assert int(in_graph.rows[0][0]) == count


@pytest.mark.parametrize("predicate", RELATIONS)
def test_relation_counts_match_the_graph(example_build: Built, predicate: str) -> None:
    count = example_build.report_json["relation_counts"].get(predicate, 0)
    assert count > 0, f"no {predicate} relation found in the examples"
    in_graph = run_query(
        example_build.ttl, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s edu:{predicate} ?o }}"
    )
    assert int(in_graph.rows[0][0]) == count


def test_triple_count_matches_the_turtle(
    example_build: Built, example_graph: Graph
) -> None:
    assert example_build.report.triples == len(example_graph)


def test_every_report_is_a_report_node(example_graph: Graph) -> None:
    sources = {str(o) for o in example_graph.objects(None, EDU.sourceFile)}
    assert sources == set(EXAMPLE_FILES)
    assert len(set(example_graph.subjects(RDF.type, EDU.Report))) == len(EXAMPLE_FILES)


# ---------------------------------------------------------- determinism


def test_two_builds_are_byte_identical(example_build: Built, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    build(EXAMPLES, tmp_path, progress=lambda *a: calls.append(a))
    tables = sorted(
        f"tables/{p.name}" for p in (example_build.out / "tables").iterdir()
    )
    names = ["graph.ttl", "graph.graphml", "graph.html", "resolution.jsonl", *tables]
    assert len(names) > 5
    for name in names:
        again = (tmp_path / name).read_bytes()
        assert again == (example_build.out / name).read_bytes(), f"{name} differs"
    total = len(EXAMPLE_FILES)
    assert calls == [("extract", i, total) for i in range(1, total + 1)]


def test_worker_processes_give_the_same_graph(
    example_build: Built, tmp_path: Path
) -> None:
    build(EXAMPLES, tmp_path, jobs=2, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == example_build.ttl.read_bytes()


def test_a_graph_sorted_in_many_runs_is_the_same_graph(
    example_build: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Triples sorted out of core (spilled runs, merged) give the same bytes,
    and the query store, loaded from the runs, holds the same triples."""
    import kg.store

    runs: list[Path] = []
    loaded: list[Path] = []
    read_run = kg.serialize.SortedLines._read_run
    load_run = kg.store.StoreLoader.load_run

    def spy(self: kg.serialize.SortedLines, path: Path):
        runs.append(path)
        return read_run(self, path)

    def spy_load(self: kg.store.StoreLoader, path: Path) -> None:
        loaded.append(path)
        load_run(self, path)

    monkeypatch.setattr(kg.serialize, "RUN_SIZE", 300)
    monkeypatch.setattr(kg.serialize.SortedLines, "_read_run", spy)
    monkeypatch.setattr(kg.store.StoreLoader, "load_run", spy_load)
    report = build(EXAMPLES, tmp_path, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == example_build.ttl.read_bytes()
    assert report.triples == example_build.report.triples
    # the runs were spilled into the generation, and are gone
    assert len(runs) > 10
    assert all(kg.pipeline.STATE_DIR in path.parts for path in runs)
    assert not any(path.exists() for path in runs)
    # the store was loaded from those runs, and is the graph's
    assert loaded == runs
    assert kg.store.store_problem(tmp_path / "graph.ttl") is None
    store = kg.store.open_store(tmp_path / "graph.ttl")
    assert len(store) == report.triples
    assert set(store) == set(kg.store.load_graph(tmp_path / "graph.ttl"))


def test_a_run_the_store_cannot_load_costs_the_store_not_the_build(
    example_build: Built,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import kg.store

    garbage = tmp_path / "garbage.nt"
    garbage.write_bytes(b"this is <not n-triples\n")
    load_run = kg.store.StoreLoader.load_run

    def corrupted(self: kg.store.StoreLoader, path: Path) -> None:
        load_run(self, garbage if "00003" in path.name else path)

    monkeypatch.setattr(kg.serialize, "RUN_SIZE", 300)
    monkeypatch.setattr(kg.store.StoreLoader, "load_run", corrupted)
    out = tmp_path / "out"
    report = build(EXAMPLES, out, html=False)
    assert (out / "graph.ttl").read_bytes() == example_build.ttl.read_bytes()
    assert STORE_DIR not in report.outputs
    assert "cannot write the query store" in caplog.text
    assert run_query(out / "graph.ttl", "ASK { ?s a edu:School }").boolean


def test_no_html_skips_the_page(tmp_path: Path) -> None:
    report = build(GOOD, tmp_path, html=False)
    assert not (tmp_path / "graph.html").exists()
    assert "graph.html" not in report.outputs
    assert report.files_read == [GOOD.name]


def test_outputs_inside_the_input_folder_are_not_read_back(example_copy: Path) -> None:
    out = example_copy / "out"
    first = build(example_copy, out)
    ttl = (out / "graph.ttl").read_bytes()
    second = build(example_copy, out)
    assert second.files_read == first.files_read == EXAMPLE_FILES
    assert second.files_skipped == []
    assert (out / "graph.ttl").read_bytes() == ttl


def test_hidden_files_and_folders_are_not_reports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for sub in ("2023", ".ipynb_checkpoints", ".git/objects"):
        (folder / sub).mkdir(parents=True)
    shutil.copy(GOOD, folder / "2023" / "dazu.txt")
    shutil.copy(GOOD, folder / ".ipynb_checkpoints" / "dazu-checkpoint.txt")
    shutil.copy(GOOD, folder / ".hidden.txt")
    (folder / ".git" / "objects" / "ab12").write_bytes(b"x\x00\x01")
    assert collect_files(folder) == [folder / "2023" / "dazu.txt"]
    report = build(folder, tmp_path / "out", html=False)
    assert report.files_read == ["2023/dazu.txt"]  # ids are relative paths
    assert report.files_skipped == []


# ------------------------------------------------------------ bad input


def _write_bad(folder: Path, kind: str) -> str:
    rnd = random.Random(7)
    files = {
        "empty": ("empty.txt", b""),
        "binary": (
            "binary.txt",
            bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00" * 64,
        ),
        # A UTF-8 BOM promises UTF-8; the bytes after it are not.
        "undecodable": ("undecodable.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfa\xc3(\xa0"),
        "boilerplate-only": (
            "boilerplate.txt",
            "版权所有 © 2023 某某区教育局\n网站标识码 1234567890\n".encode(),
        ),
        "unsupported-type": ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    }
    name, data = files[kind]
    (folder / name).write_bytes(data)
    return name


@pytest.mark.parametrize(
    "reason", ["empty", "binary", "undecodable", "boilerplate-only", "unsupported-type"]
)
def test_a_bad_file_is_skipped_with_a_reason_and_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, reason: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    bad = _write_bad(folder, reason)
    with caplog.at_level(logging.WARNING):
        report = build(folder, tmp_path / "out", html=False)

    assert report.files_read == ["good.txt"]
    data = build_report_json(tmp_path / "out")
    assert data["files_read"] == ["good.txt"]
    assert [(s["file"], s["reason"]) for s in data["files_skipped"]] == [(bad, reason)]
    assert data["files_skipped"][0]["detail"], "a skip needs a human-readable detail"
    if reason in ("empty", "boilerplate-only"):
        assert data["files_empty"] == [bad]
    warnings = [
        r
        for r in caplog.records
        if r.levelno == logging.WARNING and bad in r.getMessage()
    ]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert reason in warnings[0].getMessage()

    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert (None, EDU.sourceFile, Literal("good.txt")) in graph
    assert len(set(graph.subjects(RDF.type, EDU.Region))) > 0


def test_all_bad_files_together(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    kinds = ["empty", "binary", "undecodable", "boilerplate-only", "unsupported-type"]
    expected = sorted((_write_bad(folder, k), k) for k in kinds)
    report = build(folder, tmp_path / "out", html=False)
    assert report.files_read == ["good.txt"]
    skipped = build_report_json(tmp_path / "out")["files_skipped"]
    assert [(s["file"], s["reason"]) for s in skipped] == expected


def test_missing_input_raises_kgerror(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="no such file"):
        build(tmp_path / "nowhere", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_output_folder_that_is_a_file_raises_kgerror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(KGError, match="output folder"):
        build(GOOD, blocker / "out")


# ------------------------------------------------------------ atomicity


def _explode(*_args: object, **_kwargs: object) -> bytes:
    raise RuntimeError("disk on fire")


@pytest.mark.parametrize(
    ("module", "attribute"),
    [(kg.serialize, "write_graphml"), (kg.visualize, "render_html")],
    ids=["graphml", "html"],
)
def test_a_failing_writer_leaves_the_previous_build_intact(
    example_build: Built,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    attribute: str,
) -> None:
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out)
    # Every file, the query store's included.
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(module, attribute, _explode)
    # A different corpus, so a half-updated folder would show.
    with pytest.raises(RuntimeError, match="disk on fire"):
        build(GOOD, out)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not _tmp_files(out)


def _graphml_killed(*_args: object, **_kwargs: object) -> None:
    if os.getpid() == _TEST_PROCESS:  # never kill the test run itself
        raise AssertionError("GraphML was written in the building process")
    os.kill(os.getpid(), signal.SIGKILL)


_TEST_PROCESS = os.getpid()


@pytest.mark.parametrize(
    ("writer", "error", "message"),
    [
        (_explode, RuntimeError, "disk on fire"),
        (_graphml_killed, KGError, "writing GraphML ended with signal 9"),
    ],
    ids=["raises", "killed"],
)
def test_a_rebuild_whose_graphml_writer_fails_keeps_the_previous_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: Callable[..., object],
    error: type[Exception],
    message: str,
) -> None:
    # A rebuild (its store is updated) writes GraphML in a child process:
    # what stops the child fails the build as it would in the build itself.
    out = tmp_path / "out"
    build(GOOD, out, html=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(kg.serialize, "write_graphml", writer)
    with pytest.raises(error, match=message):
        build(GOOD, out, html=False)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not _tmp_files(out)


def test_a_stopped_child_is_gone_and_its_work_undone(tmp_path: Path) -> None:
    marker = tmp_path / "written"

    def slow() -> None:
        time.sleep(30)
        marker.write_text("late", encoding="utf-8")

    child = kg.pipeline._InChild(slow, "sleeping")
    child.start()
    started = time.monotonic()
    child.kill()  # what a failed build does before removing its generation
    assert time.monotonic() - started < 10
    child.kill()  # twice is harmless
    assert not marker.exists()


def test_a_childs_work_is_seen_by_the_parent(tmp_path: Path) -> None:
    marker = tmp_path / "written"
    child = kg.pipeline._InChild(
        lambda: marker.write_text("done", encoding="utf-8"), "writing"
    )
    child.join()
    assert marker.read_text(encoding="utf-8") == "done"


def test_a_childs_result_is_returned_and_its_error_raised() -> None:
    assert kg.pipeline._InChild(lambda: {"triples": 3}, "counting").join() == {
        "triples": 3
    }

    def fail() -> None:
        raise KGError("reports/a.txt: unreadable")

    with pytest.raises(KGError, match=r"reports/a\.txt: unreadable"):
        kg.pipeline._InChild(fail, "failing").join()


# ------------------------------------------------ a build in a child process

#: Builds as ``kg build`` does, recording the process that resolved and wrote
#: the graph; prints this process's id. argv: reports, output, record file.
_ISOLATED = """
import os, sys
import kg.pipeline as pipeline
publish = pipeline._publish
def recorded(*args, **kwargs):
    with open(sys.argv[3], "a") as out:
        out.write(f"{os.getpid()}\\n")
    if os.environ.get("TEST_DIE_IN_PUBLISH"):
        os.kill(os.getpid(), 9)
    return publish(*args, **kwargs)
pipeline._publish = recorded
pipeline.build(sys.argv[1], sys.argv[2], html=False, isolate=True)
print(os.getpid())
"""


def _build_isolated(
    reports: Path, out: Path, record: Path, **env: str
) -> tuple[subprocess.CompletedProcess, list[int]]:
    done = subprocess.run(
        [sys.executable, "-c", _ISOLATED, str(reports), str(out), str(record)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )
    written = record.read_text().split() if record.exists() else []
    record.unlink(missing_ok=True)
    return done, [int(pid) for pid in written]


def _outputs(out: Path) -> dict[str, bytes]:
    files = {
        name: (out / name).read_bytes()
        for name in ("graph.ttl", "graph.graphml", "resolution.jsonl")
    }
    for table in sorted((out / TABLES_DIR).iterdir()):
        files[f"tables/{table.name}"] = table.read_bytes()
    report = build_report_json(out)
    report.pop("timings")
    report.pop("outputs")
    files["report.json"] = json.dumps(report, sort_keys=True).encode()
    return files


def test_an_isolated_build_runs_in_a_child_and_writes_the_same_bytes(
    tmp_path: Path, example_copy: Path
) -> None:
    """The memory a cold build leaves behind goes with its child, before the
    tables: what it writes is what a build in one process writes."""
    here = tmp_path / "here"
    build(example_copy, here, html=False)
    out, record = tmp_path / "out", tmp_path / "pids"

    done, pids = _build_isolated(example_copy, out, record)
    assert done.returncode == 0, done.stderr
    assert len(pids) == 1 and pids[0] != int(done.stdout.split()[-1])
    assert _outputs(out) == _outputs(here)
    report = build_report_json(out)
    assert set(report["outputs"]) >= {TABLES_DIR, STORE_DIR, "report.json"}
    assert report["timings"]["total"] >= report["timings"]["tables"] > 0
    assert sorted(p.name for p in (out / "generations").iterdir()) == sorted(
        ["current", "lock", (out / "generations" / "current").resolve().name]
    )

    # A rebuild from the cache stays in the process: it is seconds, and
    # updates the store and tables the child would make anew.
    first = sorted(example_copy.iterdir())[0]
    first.write_text(first.read_text("utf-8") + "\n全县新建学校3所。\n", "utf-8")
    build(example_copy, here, html=False)
    done, pids = _build_isolated(example_copy, out, record)
    assert done.returncode == 0, done.stderr
    assert pids == [int(done.stdout.split()[-1])]
    assert _outputs(out) == _outputs(here)


def test_an_isolated_build_whose_child_dies_keeps_the_previous_outputs(
    tmp_path: Path,
) -> None:
    out, record = tmp_path / "out", tmp_path / "pids"
    build(GOOD, out, html=False, cache=False)  # so the next build is cold

    def built() -> dict[Path, bytes]:
        # Not the cache: the reports extracted before the death are kept.
        return {
            p: p.read_bytes()
            for p in out.rglob("*")
            if p.is_file() and "cache" not in p.relative_to(out).parts
        }

    before = built()
    done, pids = _build_isolated(EXAMPLES, out, record, TEST_DIE_IN_PUBLISH="1")
    assert done.returncode == 1 and len(pids) == 1
    assert "ended with signal 9" in done.stderr
    assert built() == before
    assert len(list((out / "generations").glob("gen-*"))) == 1
    assert not _tmp_files(out)


def test_an_isolated_build_raises_what_its_child_raised(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "empty.txt").write_bytes(b"")
    (reports / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(KGError, match="no report could be read"):
        build(reports, tmp_path / "out", isolate=True)
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert not list((tmp_path / "out" / "generations").glob("gen-*"))


def test_atomic_write_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(kg.serialize.os, "replace", fail)
    with pytest.raises(OSError, match="no space"):
        kg.serialize.atomic_write(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_atomic_write_replaces_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.txt"
    kg.serialize.atomic_write(target, "第一")
    kg.serialize.atomic_write(target, "第二")
    assert target.read_text(encoding="utf-8") == "第二"
    assert list(target.parent.iterdir()) == [target]


# ------------------------------------------------------------ real reports


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not available")
def test_smoke_build_of_real_reports(tmp_path: Path) -> None:
    built = build_capturing(SEEDS, tmp_path, html=False)
    names = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    assert built.report_json["files_read"] == names
    assert built.report_json["files_skipped"] == []
    for label in ("Region", "Bureau", "School"):
        assert built.report_json["entity_counts"].get(label, 0) > 0, label
    assert sum(built.report_json["relation_counts"].values()) > 0
    graph = Graph().parse(built.ttl)
    assert len(graph) == built.report.triples
    # Every real report yields at least one entity.
    for record in built.resolution.reports:
        assert record.mentions, f"{record.source}: nothing extracted"


# ------------------------------------------------------- long reports


def _good_copies(tmp_path: Path, *names: str) -> Path:
    """A fresh input folder holding the good report under each name."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(GOOD, folder / name)
    return folder


def test_a_report_over_a_million_characters_is_extracted_in_windows(
    tmp_path: Path,
) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088): the build did too."""
    folder = _good_copies(tmp_path, "good.txt")
    # One line, no punctuation: no paragraph or sentence end to cut at.
    (folder / "huge.txt").write_text("教育" * 550_000, encoding="utf-8")
    report = build(folder, tmp_path / "out", html=False)
    assert report.files_read == ["good.txt", "huge.txt"]
    huge = next(r for r in report.reports if r["file"] == "huge.txt")
    assert "windowed" in huge["flags"]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert (None, EDU.sourceFile, Literal("good.txt")) in graph


def test_windows_cut_at_paragraphs_then_lines_then_sentences() -> None:
    text = "甲" * 6 + "\n\n" + "乙" * 6 + "\n" + "丙" * 6 + "。" + "丁" * 20
    pieces = kg.workers.windows(text, 10)
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(b - a <= 10 for a, b in pieces)
    assert [text[b - 1] for a, b in pieces[:3]] == ["\n", "\n", "。"]
    assert kg.workers.windows("", 10) == [(0, 0)]


def test_windowed_extraction_keeps_offsets_into_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = build_capturing(GOOD, tmp_path / "whole", html=False)
    monkeypatch.setattr(kg.workers, "WINDOW", 400)
    cut = build_capturing(GOOD, tmp_path / "cut", html=False)
    (ex,) = cut.extractions
    (reference,) = whole.extractions
    assert len(kg.workers.windows(ex.doc.text, 400)) > 3
    metadata = ("bureau.metadata", "region.metadata")
    for m in ex.mentions:
        assert ex.doc.text[m.start : m.end] == m.text or m.rule in metadata
        start, end = ex.sentences[m.sentence]
        assert (start <= m.start and m.end <= end) or m.rule in metadata
    assert all(r.sentence < len(ex.sentences) for r in ex.relations)
    assert sum(m.rule == "bureau.metadata" for m in ex.mentions) <= 1
    assert sum(m.rule == "region.metadata" for m in ex.mentions) <= 1
    assert (
        ex.mentions[ex.publisher].name == reference.mentions[reference.publisher].name
    )
    # Most of what the whole text yields is still found across the cuts.
    found = {(m.start, m.label) for m in ex.mentions}
    expected = {(m.start, m.label) for m in reference.mentions}
    assert len(found & expected) >= 0.8 * len(expected)


# --------------------------------------------------- traditional script


def test_a_traditional_report_keeps_its_spelling_in_the_graph(tmp_path: Path) -> None:
    """Extraction reads the simplified text; evidence shows the report's own."""
    import opencc

    folder = tmp_path / "in"
    folder.mkdir()
    source = EXAMPLES / "01_chengdu_wenjiang_2023_summary.txt"
    written = opencc.OpenCC("s2t").convert(source.read_text("utf-8"))
    (folder / "trad.txt").write_text(written, "utf-8")
    built = build_capturing(folder, tmp_path / "out", html=False)
    (ex,) = built.extractions
    simplified = build_capturing(source, tmp_path / "simple", html=False)
    (reference,) = simplified.extractions
    assert len(ex.mentions) >= 0.9 * len(reference.mentions)
    assert "溫江區" in ex.doc.text and ex.doc.original == ""
    for m in ex.mentions:
        if m.rule != "bureau.metadata":
            assert ex.doc.text[m.start : m.end] == m.text
    names = {e.name for e in built.resolution.entities} | {
        a for e in built.resolution.entities for a in e.aliases
    }
    assert any("學" in name for name in names)


# ------------------------------------------------- per-report failures


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_report_whose_extraction_fails_is_skipped_not_the_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    jobs: int,
) -> None:
    import kg.extract

    original = kg.extract.extract

    def flaky(doc, nlp, rules=None):
        if doc.doc_id.startswith("02_"):
            raise MemoryError("out of memory in a rule")
        return original(doc, nlp, rules)

    monkeypatch.setattr(kg.extract, "extract", flaky)
    with caplog.at_level(logging.WARNING):
        report = build(EXAMPLES, tmp_path, html=False, jobs=jobs)
    assert report.files_read == [f for f in EXAMPLE_FILES if not f.startswith("02_")]
    (skip,) = build_report_json(tmp_path)["files_skipped"]
    assert skip["reason"] == "error"
    assert "MemoryError" in skip["detail"]
    assert any("02_" in r.getMessage() for r in caplog.records)


def test_a_report_that_kills_its_worker_is_skipped_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dead worker (out of memory, a native crash) broke the whole pool."""
    import signal

    import kg.extract

    original = kg.extract.extract

    def deadly(doc, nlp, rules=None):
        if doc.doc_id.startswith("02_"):
            os.kill(os.getpid(), signal.SIGKILL)
        return original(doc, nlp, rules)

    monkeypatch.setattr(kg.extract, "extract", deadly)  # forked workers inherit it
    report = build(EXAMPLES, tmp_path, html=False, jobs=2)
    assert report.files_read == [f for f in EXAMPLE_FILES if not f.startswith("02_")]
    (skip,) = report.files_skipped
    assert skip["reason"] == "error" and "worker process died" in skip["detail"]


def test_a_report_whose_reading_fails_is_skipped_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.ingest

    original = kg.ingest.parse_document

    def flaky(data, doc_id, source):
        if source.startswith("03_"):
            raise RecursionError("maximum recursion depth exceeded")
        return original(data, doc_id, source)

    monkeypatch.setattr(kg.ingest, "parse_document", flaky)
    report = build(EXAMPLES, tmp_path, html=False)
    assert len(report.files_read) == len(EXAMPLE_FILES) - 1
    (skip,) = report.files_skipped
    assert skip["reason"] == "error" and "RecursionError" in skip["detail"]


# ---------------------------------------------------- per-report summary


def test_report_json_summarises_every_report(example_build: Built) -> None:
    rows = example_build.report_json["reports"]
    assert [r["file"] for r in rows] == EXAMPLE_FILES
    for row in rows:
        assert row["publisher"] and row["year"], row
        assert row["kind"] in ("plan", "summary")
        assert row["mentions"] > 0 and row["relations"] > 0
        assert row["flags"] == [], row
    kinds = {r["file"][:2]: r["kind"] for r in rows}
    assert kinds["02"] == "plan" and kinds["01"] == "summary"


def test_summary_flags_duplicates_missing_metadata_and_little_text(
    tmp_path: Path,
) -> None:
    folder = _good_copies(tmp_path, "a.txt", "b.txt")
    (folder / "note.txt").write_text("学校开展了读书活动。\n", encoding="utf-8")
    built = build_capturing(folder, tmp_path / "out", html=False)
    rows = {r["file"]: r for r in built.report_json["reports"]}
    assert rows["a.txt"]["duplicate_of"] is None
    assert rows["b.txt"]["duplicate_of"] == "a.txt"
    assert "duplicate" in rows["b.txt"]["flags"]
    assert {"publisher-unresolved", "no-year", "little-text"} <= set(
        rows["note.txt"]["flags"]
    )


def test_no_extraction_is_held_once_resolution_has_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large build's memory: each report's extraction is freed as soon as
    resolution has read it, not held to the end of extraction."""
    import gc

    from kg.types import Extraction

    # Names no other test's reports have: other builds of this session may
    # still hold their own extractions.
    names = {"held-a.txt", "held-b.txt", "held-c.txt"}
    folder = _good_copies(tmp_path, "held-a.txt", "held-b.txt")
    shutil.copy(
        EXAMPLES / "01_chengdu_wenjiang_2023_summary.txt", folder / "held-c.txt"
    )
    held: list[int] = []
    publish = kg.pipeline._publish

    def counting(*args: object, **kwargs: object) -> None:
        gc.unfreeze()  # the build froze what it read: count those too
        gc.collect()
        held.append(
            sum(
                isinstance(o, Extraction) and o.doc.doc_id in names
                for o in gc.get_objects()
            )
        )
        publish(*args, **kwargs)

    monkeypatch.setattr(kg.pipeline, "_publish", counting)
    build(folder, tmp_path / "out", html=False)
    assert held == [0]
    rows = {r["file"]: r for r in build_report_json(tmp_path / "out")["reports"]}
    assert set(rows) == names
    assert rows["held-b.txt"]["duplicate_of"] == "held-a.txt"
    assert rows["held-a.txt"]["mentions"] == rows["held-b.txt"]["mentions"] > 0
    assert rows["held-c.txt"]["chars"] > rows["held-c.txt"]["mentions"] > 0


def test_build_prints_one_line_per_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    folder = _good_copies(tmp_path, "a.txt", "b.txt")
    result = CliRunner().invoke(
        cli, ["build", str(folder), "-o", str(tmp_path / "out"), "--no-html"]
    )
    assert result.exit_code == 0, result.output
    assert "a.txt: 重庆市大足区教育委员会 | 2023 | summary |" in result.output
    assert "[duplicate of a.txt]" in result.output


# ------------------------------------------------------- empty input


def test_an_empty_folder_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with pytest.raises(KGError, match="no report files"):
        build(tmp_path / "in", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_folder_without_a_readable_report_keeps_the_previous_outputs(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    build(GOOD, out, html=False)
    before = (out / "graph.ttl").read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    _write_bad(folder, "binary")
    _write_bad(folder, "empty")
    with pytest.raises(KGError, match="no report could be read"):
        build(folder, out, html=False)
    assert (out / "graph.ttl").read_bytes() == before


# ------------------------------------------------------------ GraphML


def test_graphml_edge_keys_count_edges_without_rescanning(
    example_build: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys were ``number_of_edges()`` per edge (quadratic); the same keys now."""
    import networkx as nx

    from kg.graph import complete_regions, to_networkx
    from kg.serialize import graphml_bytes

    calls = []
    original = nx.MultiDiGraph.number_of_edges

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(nx.MultiDiGraph, "number_of_edges", counting)
    graph = to_networkx(example_build.resolution)
    assert calls == []
    # the explorer's graph shows the completed region tree
    resolution = complete_regions(example_build.resolution)
    names = ["publisher" for r in resolution.reports if r.publisher] + [
        r.predicate for r in resolution.relations
    ]
    expected = {f"{name}-{i}" for i, name in enumerate(names)}
    assert {key for _, _, key in graph.edges(keys=True)} == expected
    assert graphml_bytes(graph) == (example_build.out / "graph.graphml").read_bytes()


# ------------------------------------------------------ installed wheel


def test_kg_validate_works_from_an_installed_wheel(
    example_build: Built, tmp_path: Path
) -> None:
    """The shapes were read from beside the source tree, absent from a wheel."""
    import subprocess
    import sys
    import sysconfig

    root = Path(__file__).resolve().parents[1]
    src = tmp_path / "src"
    src.mkdir()
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(root / name, src / name)
    for folder in ("kg", "ontology"):
        shutil.copytree(
            root / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    # The installed wheel alone must serve: no PYTHONPATH into the source tree.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = {"check": True, "capture_output": True, "text": True, "timeout": 300}
    run["env"] = env
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(wheels),
            str(src),
        ],
        **run,
    )
    (wheel,) = wheels.glob("edukg-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], **run)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            *pip,
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        **run,
    )
    # The dependencies come from this environment's site-packages (a path
    # entry only: its .pth files, the editable install's among them, are not run).
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        **run,
    ).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    shutil.rmtree(src)  # nothing of the source tree may be needed any more
    graph = tmp_path / "graph.ttl"
    shutil.copy(example_build.ttl, graph)
    where = subprocess.run(
        [str(python), "-c", "import kg.validate as v; print(v.__file__, v.SHAPES)"],
        cwd=tmp_path,
        **run,
    ).stdout.split()
    assert all(p.startswith(str(venv)) for p in where), where
    result = subprocess.run(
        [str(venv / "bin" / "kg"), "validate", str(graph)], cwd=tmp_path, **run
    )
    assert "conforms" in result.stdout
