"""The extraction cache: rebuilds redo only changed reports, same bytes."""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, Built

import kg.pipeline
import kg.resolve
import kg.workers
from kg.cache import ExtractionCache, content_key, decode, encode, relabel
from kg.pipeline import CACHE_DIR, build
from kg.workers import ReportJob, ReportResult

OUTPUTS = ("graph.ttl", "graph.graphml", "resolution.jsonl")


def _extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the reports the per-report stage reads from now on.

    In this process, or in the warm worker a rebuild starts (told here of
    the reports it is given).
    """
    seen: list[str] = []
    original: Callable[[ReportJob], ReportResult] = kg.workers.process_report

    def counting(job: ReportJob) -> ReportResult:
        seen.append(job.doc_id)
        return original(job)

    warm_run = kg.pipeline._WarmWorker.run

    def counting_warm(self, jobs: list[ReportJob], *args, **kwargs):
        seen.extend(job.doc_id for job in jobs)
        return warm_run(self, jobs, *args, **kwargs)

    monkeypatch.setattr(kg.workers, "process_report", counting)
    monkeypatch.setattr(kg.pipeline._WarmWorker, "run", counting_warm)
    return seen


def _edit_a_report(corpus: Path) -> Path:
    """Append a sentence to the report that sorts first; its path."""
    changed = corpus / "01_chengdu_wenjiang_2023_summary.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n区教育局表彰了温江区实验小学。\n",
        encoding="utf-8",
    )
    return changed


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_an_extraction_survives_the_cache_unchanged(example_build: Built) -> None:
    for ex in example_build.extractions:
        back, signature = decode(encode(ex, (1, 2, 3)))
        assert back == ex
        assert signature == (1, 2, 3)


def _resolved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the reports resolution reads from now on, in its order."""
    read: list[str] = []
    original = kg.resolve.Resolver.read

    def recording(self: kg.resolve.Resolver, ex: kg.resolve.Extraction) -> None:
        read.append(ex.doc.doc_id)
        original(self, ex)

    monkeypatch.setattr(kg.resolve.Resolver, "read", recording)
    return read


def test_a_rebuild_extracts_only_the_changed_report_and_matches_a_cold_build(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False)
    changed = _edit_a_report(example_copy)
    seen = _extracted(monkeypatch)
    read = _resolved(monkeypatch)
    build(example_copy, out, html=False)
    assert seen == [changed.name]
    assert not multiprocessing.active_children()  # the warm worker has ended
    # The changed report sorts first, yet is resolved last: the others were
    # read while the warm worker extracted it.
    others = sorted(p.name for p in example_copy.iterdir() if p != changed)
    assert read == [*others, changed.name]
    build(example_copy, out, html=False)  # nothing to extract: ended at once
    assert seen == [changed.name]
    assert not multiprocessing.active_children()
    monkeypatch.undo()
    build(example_copy, tmp_path / "cold", html=False, cache=False)
    _same_outputs(out, tmp_path / "cold")
    assert not (tmp_path / "cold" / CACHE_DIR).exists()


def _rebuild_after_an_edit(corpus: Path, out: Path) -> None:
    build(corpus, out, html=False)
    _edit_a_report(corpus)
    build(corpus, out, html=False)


def test_a_rebuild_in_a_daemonic_process_extracts_there(
    example_copy: Path, tmp_path: Path
) -> None:
    # A pool's worker may start no process of its own: the rebuild must not
    # try to start the warm worker there. (Spawned: a fork of this process
    # would inherit the locks of Oxigraph's threads that earlier tests
    # started, and hang in its store.)
    child = multiprocessing.get_context("spawn").Process(
        target=_rebuild_after_an_edit, args=(example_copy, tmp_path / "out")
    )
    child.daemon = True
    child.start()
    child.join(timeout=600)
    assert child.exitcode == 0
    assert (tmp_path / "out" / "graph.ttl").is_file()


def _with_a_repost(corpus: Path) -> None:
    """Add a repost of a report, with other boilerplate around it."""
    body = (corpus / "01_chengdu_wenjiang_2023_summary.txt").read_text(encoding="utf-8")
    (corpus / "zz_repost.txt").write_text(
        "转载自某某教育网 2024-01-05\n" + body + "\n责任编辑：某某\n", encoding="utf-8"
    )


def _built_with_a_repost_then_edited(corpus: Path, out: Path) -> None:
    """Build a corpus with a repost into ``out``, then edit another report."""
    _with_a_repost(corpus)
    build(corpus, out, html=False)
    _edit_a_report(corpus)


def _near(report: kg.pipeline.BuildReport) -> dict[str, str]:
    return {
        r["file"]: r["near_duplicate_of"]
        for r in report.reports
        if r["near_duplicate_of"]
    }


def test_a_rebuild_has_the_warm_worker_find_the_near_duplicates(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _built_with_a_repost_then_edited(example_copy, out)
    # The worker is a fork of this process: it calls the recorder too, but
    # into its own copy of the list.
    found_here: list[int] = []
    original = kg.pipeline.near_duplicates

    def recording(listing: list, *args: object) -> dict[str, str]:
        found_here.append(len(listing))
        return original(listing, *args)

    monkeypatch.setattr(kg.pipeline, "near_duplicates", recording)
    rebuilt = build(example_copy, out, html=False)
    assert found_here == []
    assert not multiprocessing.active_children()
    monkeypatch.undo()
    cold = build(example_copy, tmp_path / "cold", html=False, cache=False)
    assert (
        _near(rebuilt)
        == _near(cold)
        == {"zz_repost.txt": "01_chengdu_wenjiang_2023_summary.txt"}
    )


def test_near_duplicates_are_found_here_when_the_warm_worker_dies(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _built_with_a_repost_then_edited(example_copy, out)
    warm_run = kg.pipeline._WarmWorker.run

    def dying_after_extraction(self, *args, **kwargs):
        results = warm_run(self, *args, **kwargs)
        self._process.kill()
        self._process.join()
        return results

    monkeypatch.setattr(kg.pipeline._WarmWorker, "run", dying_after_extraction)
    rebuilt = build(example_copy, out, html=False)
    assert _near(rebuilt) == {"zz_repost.txt": "01_chengdu_wenjiang_2023_summary.txt"}
    assert not multiprocessing.active_children()


def test_a_deleted_report_leaves_no_facts_and_no_cache_entry(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False)
    gone = example_copy / "01_chengdu_wenjiang_2023_summary.txt"
    key = content_key(gone.read_bytes(), gone.name)
    gone.unlink()
    seen = _extracted(monkeypatch)
    build(example_copy, out, html=False)
    assert seen == []
    assert gone.name.encode() not in (out / "graph.ttl").read_bytes()
    assert not list((out / CACHE_DIR).rglob(f"{key}.json"))
    monkeypatch.undo()
    build(example_copy, tmp_path / "cold", html=False, cache=False)
    _same_outputs(out, tmp_path / "cold")


def test_a_corrupt_entry_is_extracted_again(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False)
    before = (out / "graph.ttl").read_bytes()
    entry = sorted((out / CACHE_DIR).rglob("*.json"))[0]
    entry.write_bytes(entry.read_bytes()[:100])
    seen = _extracted(monkeypatch)
    build(example_copy, out, html=False)
    assert len(seen) == 1
    assert (out / "graph.ttl").read_bytes() == before


def test_entries_of_another_version_are_not_used_and_are_removed(
    example_build: Built, tmp_path: Path
) -> None:
    ex = example_build.extractions[0]
    old = ExtractionCache(tmp_path, version="old-rules")
    old.put("ab" * 32, ex, ())
    new = ExtractionCache(tmp_path, version="new-rules")
    assert new.get("ab" * 32) is None
    new.put("cd" * 32, ex, ())
    new.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new-rules"]
    assert new.get("cd" * 32) is not None


def test_a_copied_report_is_extracted_once_and_listed_as_a_duplicate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    source = EXAMPLES / "01_chengdu_wenjiang_2023_summary.txt"
    shutil.copy(source, folder / "a.txt")
    shutil.copy(source, folder / "b.txt")
    seen = _extracted(monkeypatch)
    report = build(folder, tmp_path / "out", html=False, cache=False)
    assert seen == ["a.txt"]
    assert report.files_read == ["a.txt", "b.txt"]
    rows = {r["file"]: r for r in report.reports}
    assert rows["b.txt"]["duplicate_of"] == "a.txt"
    # the copy's facts carry its own name, as a separate build of it would
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"b.txt"' in ttl


def test_relabel_moves_every_offset_holder_to_the_new_file(
    example_build: Built,
) -> None:
    ex = example_build.extractions[0]
    moved = relabel(ex, "sub/copy.txt", "copy.txt")
    assert moved.doc.doc_id == "sub/copy.txt" and moved.doc.source == "copy.txt"
    assert {m.doc_id for m in moved.mentions} == {"sub/copy.txt"}
    assert {f.doc_id for f in moved.figures} <= {"sub/copy.txt"}
    assert moved.mentions[0].start == ex.mentions[0].start
