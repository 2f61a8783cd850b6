"""Where the per-report stage runs: same results in process, in local
workers and on a Dask cluster; near-duplicate reports are flagged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from kg.pipeline import build
from kg.workers import near_duplicates, signature

OUTPUTS = ("graph.ttl", "graph.graphml", "resolution.jsonl", "graph.html")


def _reports(tmp_path: Path) -> Path:
    """The examples plus a repost of one with other boilerplate around it."""
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    body = (EXAMPLES / "01_chengdu_wenjiang_2023_summary.txt").read_text(
        encoding="utf-8"
    )
    (folder / "zz_repost.txt").write_text(
        "转载自某某教育网 2024-01-05\n" + body + "\n责任编辑：某某\n", encoding="utf-8"
    )
    return folder


def test_a_repost_is_flagged_near_duplicate(tmp_path: Path) -> None:
    report = build(_reports(tmp_path), tmp_path / "out", html=False)
    rows = {r["file"]: r for r in report.reports}
    assert rows["zz_repost.txt"]["near_duplicate_of"] == (
        "01_chengdu_wenjiang_2023_summary.txt"
    )
    assert "near-duplicate" in rows["zz_repost.txt"]["flags"]
    others = [r for name, r in rows.items() if name != "zz_repost.txt"]
    assert all(r["near_duplicate_of"] is None for r in others)


def test_near_duplicates_pair_only_similar_texts_of_other_content() -> None:
    base = "".join(f"第{i}项，区教育局推进第{i}号学校改扩建。" for i in range(60))
    other = "".join(f"第{i}期，市教育局组织{i}名教师参加培训。" for i in range(60))
    found = near_duplicates(
        [
            ("a", "k1", signature(base)),
            ("b", "k2", signature(other)),
            ("c", "k3", signature(base + "责任编辑：某某")),
            ("d", "k1", signature(base)),  # an exact copy: a duplicate, not near
        ]
    )
    assert found == {"c": "a"}


def test_each_repost_of_a_cluster_points_at_the_earliest() -> None:
    base = "".join(f"第{i}项，区教育局推进第{i}号学校改扩建。" for i in range(60))
    reposts = [(f"r{i}", f"k{i}", signature(base + "转载" * i)) for i in range(1, 6)]
    found = near_duplicates([("a", "k0", signature(base)), *reposts])
    assert found == {f"r{i}": "a" for i in range(1, 6)}


def _same(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_two_local_workers_build_the_same_bytes(tmp_path: Path) -> None:
    folder = _reports(tmp_path)
    build(folder, tmp_path / "one", jobs=1, cache=False)
    build(folder, tmp_path / "two", jobs=2, cache=False)
    _same(tmp_path / "one", tmp_path / "two")


def test_workers_file_the_same_cache_entries(tmp_path: Path) -> None:
    """Workers send each result as its cache entry; the client files those
    bytes as they are, and they are the entry it would have written."""
    folder = _reports(tmp_path)
    build(folder, tmp_path / "one", jobs=1, html=False)
    build(folder, tmp_path / "two", jobs=2, html=False)

    def entries(out: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in (out / "cache").rglob("*.json")}

    assert entries(tmp_path / "one")
    assert entries(tmp_path / "one") == entries(tmp_path / "two")


def test_a_result_crosses_processes_whole() -> None:
    """A result pickled as its cache entry comes back equal, skipped or not."""
    import pickle

    from kg.cache import encode
    from kg.types import SkippedFile
    from kg.workers import ReportJob, ReportResult, process_report

    text = "晨曦区东湖小学被评为浙江省文明校园。".encode()
    result = process_report(ReportJob("a.txt", "a.txt", text))
    assert result.extraction is not None
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.encoded == encode(result.extraction, result.signature)
    skipped = ReportResult("b.txt", skipped=SkippedFile("b.txt", "empty", "no text"))
    assert pickle.loads(pickle.dumps(skipped)) == skipped


def test_a_dask_cluster_builds_the_same_bytes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = _reports(tmp_path)
    build(folder, tmp_path / "local", cache=False)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        report = build(
            folder, tmp_path / "dask", scheduler=cluster.scheduler_address, cache=False
        )
    assert report.files_read == sorted(p.name for p in folder.iterdir())
    _same(tmp_path / "local", tmp_path / "dask")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from kg.errors import KGError

    pytest.importorskip("distributed")
    with pytest.raises(KGError, match=r"Dask scheduler at tcp://127\.0\.0\.1:9"):
        build(EXAMPLES, tmp_path / "out", scheduler="tcp://127.0.0.1:9", cache=False)
    assert not (tmp_path / "out" / "graph.ttl").exists()
