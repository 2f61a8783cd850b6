"""Faults and abuse: bad input, killed builds, full disks, concurrent builds.

Each case is one the build used to get wrong (issue 8); the whole module runs
in about a minute. Tests run as root here, so refusals that root does not
get (an unreadable file) are simulated, and the ones that need a mount (a
full disk, a read-only folder) are skipped with the reason when mounting is
not allowed.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, build_capturing

import kg.pipeline
from kg.errors import KGError
from kg.pipeline import FAULT_ENV, OUTPUT_NAMES, STATE_DIR, build
from kg.query import STORE_DIR, run_query, store_is_fresh

GOOD = EXAMPLES / "04_chongqing_dazu_2023_summary.txt"
UTF8 = EXAMPLES / "01_chengdu_wenjiang_2023_summary.txt"
HTML = EXAMPLES / "03_neimenggu_zalaiteqi_2022_summary.html"
NAMES = (*OUTPUT_NAMES, STORE_DIR)


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _generation(out: Path) -> Path:
    """The generation every output name resolves into; fails on a mix."""
    gens = {
        (out / name).resolve().parent
        for name in NAMES
        if (out / name).exists() or (out / name).is_symlink()
    }
    assert len(gens) == 1, f"outputs from several generations: {gens}"
    (gen,) = gens
    assert gen == (out / STATE_DIR / "current").resolve()
    return gen


def _files_read(out: Path) -> list[str]:
    return json.loads((out / "report.json").read_text("utf-8"))["files_read"]


# ------------------------------------------------------------ bad input


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> kg.pipeline.BuildReport:
    """One build over a folder of every bad input next to a good report."""
    root = tmp_path_factory.mktemp("matrix")
    folder = root / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    text = UTF8.read_text("utf-8")
    big5 = _traditional(text).encode("big5", errors="replace")
    (folder / "big5.txt").write_bytes(big5)
    raw = text.encode()
    (folder / "one-bad-byte.txt").write_bytes(raw[:300] + b"\xff" + raw[300:])
    (folder / "utf16.txt").write_bytes(text.encode("utf-16-le"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    page = HTML.read_text("utf-8")
    deep = page.replace("<body>", "<body>" + "<div>" * 300, 1).replace(
        "</body>", "</div>" * 300 + "</body>", 1
    )
    (folder / "deep.html").write_text(deep, "utf-8")
    (folder / "markup.txt").write_text(
        "<script>alert(1)</script>实验小学获评省级文明校园。\n" + text, "utf-8"
    )
    outside = root / "secret.txt"
    outside.write_text(text, "utf-8")
    (folder / "link-out.txt").symlink_to(outside)
    (folder / "link-in.txt").symlink_to(folder / "good.txt")
    (folder / "dangling.txt").symlink_to(root / "nowhere.txt")
    # A previous build's page inside the input folder.
    build(GOOD, root / "old", html=True)
    shutil.copy(root / "old" / "graph.html", folder / "graph.html")
    return build(folder, root / "out")


def _row(report: kg.pipeline.BuildReport, name: str) -> dict:
    return next(r for r in report.reports if r["file"] == name)


def _skip_reason(report: kg.pipeline.BuildReport, name: str) -> str:
    return next(s["reason"] for s in report.files_skipped if s["file"] == name)


def test_big5_is_read_as_big5_with_entities(matrix) -> None:
    row = _row(matrix, "big5.txt")
    assert row["encoding"] == "big5"
    assert "traditional-converted" in row["flags"]
    assert row["mentions"] > 20 and row["publisher"] == "成都市温江区教育局"


def test_one_bad_byte_keeps_the_report(matrix) -> None:
    row = _row(matrix, "one-bad-byte.txt")
    assert "bad-bytes-replaced" in row["flags"] and row["mentions"] > 20


def test_utf16_without_bom_is_a_report(matrix) -> None:
    assert _row(matrix, "utf16.txt")["encoding"] == "utf-16-le"


def test_binary_is_skipped(matrix) -> None:
    assert _skip_reason(matrix, "binary.txt") == "binary"


def test_deep_html_keeps_its_body(matrix) -> None:
    row = _row(matrix, "deep.html")
    assert "html-fallback" in row["flags"] and row["mentions"] > 20


def test_markup_in_a_report_stays_text(matrix) -> None:
    page = Path(matrix.outputs["graph.html"]).read_text("utf-8")
    assert "<script>alert(1)" not in page
    assert _row(matrix, "markup.txt")["mentions"] > 0


def test_symlinks_out_of_the_input_folder_are_not_followed(matrix) -> None:
    assert _skip_reason(matrix, "link-out.txt") == "symlink-outside-input"
    assert _skip_reason(matrix, "dangling.txt") == "missing"
    # A link inside the tree is read (and is a duplicate of its target).
    assert "duplicate" in _row(matrix, "link-in.txt")["flags"]


def test_a_link_out_is_read_when_asked(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(GOOD)
    with pytest.raises(KGError, match="no report could be read"):
        build(folder, tmp_path / "out", html=False)
    report = build(folder, tmp_path / "out", html=False, follow_symlinks=True)
    assert report.files_read == ["link.txt"]


def test_a_page_edukg_wrote_is_not_a_report(matrix) -> None:
    assert _skip_reason(matrix, "graph.html") == "edukg-output"


def test_the_good_reports_are_all_read(matrix) -> None:
    assert set(matrix.files_read) == {
        "good.txt",
        "big5.txt",
        "one-bad-byte.txt",
        "utf16.txt",
        "deep.html",
        "markup.txt",
        "link-in.txt",
    }


def test_an_unreadable_file_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads a 0000 file anyway, so the refusal is simulated too."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    locked = folder / "locked.txt"
    shutil.copy(GOOD, locked)
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        original = Path.read_bytes

        def refuse(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", refuse)
    report = build(folder, tmp_path / "out", html=False)
    (skip,) = report.files_skipped
    assert (skip["file"], skip["reason"]) == ("locked.txt", "permission-denied")


def test_the_pipeline_writes_nothing_into_the_shared_temp_folder(
    tmp_path: Path,
) -> None:
    """jieba wrote <tmp>/jieba.cache, shared by all users (a traceback per
    tokenizer for everyone but its owner)."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    env = {**os.environ, "TMPDIR": str(shared)}
    code = (
        "import kg.workers as w\n"
        "from kg.extract import extract\n"
        "from kg.ingest import read_document\n"
        f"extract(read_document({str(GOOD)!r}), w.load_nlp())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert list(shared.iterdir()) == []


# --------------------------------------------------------- the output folder


def test_readers_see_the_new_generation(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(GOOD, out, html=False)
    first = _generation(out)
    built = build_capturing(EXAMPLES, out)
    second = _generation(out)
    assert first != second and first.is_dir()  # the previous one is kept
    assert store_is_fresh(out)
    rows = run_query(out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").to_dicts()
    assert int(rows[0]["n"]) == built.report.triples
    build(GOOD, out, html=False)
    assert not first.exists(), "generations older than the previous one go"
    assert not (out / "graph.html").exists()


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(GOOD, out, html=False)
    junk = [
        out / ".store.abc123.tmp",
        out / ".store.abc123.tmp.old",
        out / ".graph.ttl.xyz.tmp",
        out / STATE_DIR / "gen-stale",
        out / STATE_DIR / ".current.99.link.tmp",
    ]
    for path in junk:
        if path.name.endswith(".tmp") and "graph" in path.name:
            path.write_text("half")
        else:
            path.mkdir()
    (out / "notes.tmp").write_text("mine")  # not ours: kept
    build(GOOD, out, html=False)
    assert [p for p in junk if p.exists()] == []
    assert (out / "notes.tmp").exists()


def test_an_older_layout_is_taken_over(tmp_path: Path) -> None:
    """Plain files and a store folder (before generations) become links."""
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUT_NAMES:
        (out / name).write_text("old")
    (out / STORE_DIR).mkdir()
    (out / STORE_DIR / "OLD.sst").write_text("old")
    build(GOOD, out, html=False)
    _generation(out)
    assert not (out / "graph.html").exists()
    assert _files_read(out) == [GOOD.name]


@pytest.fixture
def lock_held(tmp_path: Path) -> Iterator[Path]:
    """An output folder whose lock another build holds."""
    out = tmp_path / "out"
    (out / STATE_DIR).mkdir(parents=True)
    fd = os.open(out / STATE_DIR / "lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield out
    finally:
        os.close(fd)


def test_a_second_concurrent_build_is_refused(lock_held: Path) -> None:
    with pytest.raises(KGError, match="another kg build is writing"):
        build(GOOD, lock_held, html=False)
    assert not (lock_held / "graph.ttl").exists()


def test_concurrent_cli_builds_one_wins_one_is_told(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kg_cmd = Path(sys.executable).with_name("kg")
    cmd = [str(kg_cmd), "build", str(GOOD), "-o", str(out), "--no-html"]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    codes = sorted(code for code, _ in results)
    assert codes[0] == 0, results
    if codes[1] != 0:  # they overlapped: the later one was refused, clearly
        assert codes[1] == 2
        assert any("another kg build is writing" in err for _, err in results)
    _generation(out)
    assert _files_read(out) == [GOOD.name]


def _mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "size=8m")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_keeps_the_previous_outputs(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = small_disk / "out"
    build(GOOD, out, html=False)
    before = {n: (out / n).read_bytes() for n in OUTPUT_NAMES if (out / n).is_file()}
    gen = _generation(out)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(0, free - 64 * 1024))
    with pytest.raises(OSError) as info:
        build(EXAMPLES, out)
    assert info.value.errno == 28  # ENOSPC
    assert _generation(out) == gen
    after = {n: (out / n).read_bytes() for n in OUTPUT_NAMES if (out / n).is_file()}
    assert after == before
    assert sorted(p.name for p in (out / STATE_DIR).iterdir()) == sorted(
        ["current", "lock", gen.name]
    )
    (small_disk / "filler").unlink()
    build(EXAMPLES, out)
    assert _files_read(out) == sorted(p.name for p in EXAMPLES.iterdir())


def test_an_unwritable_output_fails_before_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It failed only after all the extraction work."""
    ro = tmp_path / "ro"
    _mount_tmpfs(ro, "ro,size=1m")
    try:
        extracted = []
        monkeypatch.setattr(
            kg.pipeline, "run_reports", lambda *a, **k: extracted.append(a) or iter(())
        )
        with pytest.raises(KGError, match="cannot write into the output folder"):
            build(GOOD, ro, html=False)
        assert extracted == []
    finally:
        subprocess.run(["umount", "-l", str(ro)], check=False)


# ------------------------------------------------------------ kill -9


def _build_killed_at(step: str, source: Path, out: Path) -> int:
    code = (
        "import sys\n"
        "from kg.pipeline import build\n"
        "build(sys.argv[1], sys.argv[2], html=False)\n"
    )
    env = {**os.environ, FAULT_ENV: step}
    done = subprocess.run(
        [sys.executable, "-c", code, str(source), str(out)],
        env=env,
        capture_output=True,
        timeout=300,
    )
    return done.returncode


KILL_STEPS = [
    "ingest",
    "extract",
    "write:graph.ttl",
    "write:resolution.jsonl",
    "store",
    "write:report.json",
    "switch",
]


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The previous build (one report) and the one killed (two reports)."""
    root = tmp_path_factory.mktemp("kill")
    new = root / "new"
    new.mkdir()
    shutil.copy(GOOD, new / GOOD.name)
    shutil.copy(UTF8, new / UTF8.name)
    reference = {}
    for name, source in (("old", GOOD), ("new", new)):
        build(source, root / name, html=False)
        reference[name] = (root / name / "graph.ttl").read_bytes()
    return {"root": root, "new": new, "ttl": reference}


@pytest.mark.parametrize("step", KILL_STEPS)
def test_kill_9_leaves_one_generation(two_corpora: dict, step: str) -> None:
    out = two_corpora["root"] / f"out-{step.replace(':', '-')}"
    build(GOOD, out, html=False)
    assert _build_killed_at(step, two_corpora["new"], out) == -9
    _generation(out)
    ttl = (out / "graph.ttl").read_bytes()
    expected = "new" if step == "switch" else "old"
    assert ttl == two_corpora["ttl"][expected], f"killed at {step}"
    assert len(_files_read(out)) == (2 if expected == "new" else 1)
    marker = json.loads((out / STORE_DIR / "edukg-store.json").read_text("utf-8"))
    assert marker["graph_size"] == len(ttl)
    # The next build cleans up and succeeds.
    build(two_corpora["new"], out, html=False)
    gens = [p for p in (out / STATE_DIR).iterdir() if p.name.startswith("gen-")]
    assert len(gens) <= 2
    assert not [p for p in out.rglob("*.tmp")]


def test_kill_9_during_a_first_build_leaves_no_half_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build_killed_at("write:graph.ttl", GOOD, out) == -9
    assert not (out / "graph.ttl").exists()
    assert _build_killed_at("switch", GOOD, out) == -9
    _generation(out)
    assert _files_read(out) == [GOOD.name]


@pytest.mark.parametrize("step", ["extract", "store", "write:report.json", "switch"])
def test_kill_9_of_kg_build_in_its_child_or_while_it_waits(
    two_corpora: dict, step: str
) -> None:
    """``kg build`` builds a cold folder in a child (``isolate``) and writes
    the tables once it has ended: killed in either process, the whole build
    dies and the folder holds the previous build or the new one."""
    out = two_corpora["root"] / f"kg-{step.replace(':', '-')}"
    build(GOOD, out, html=False, cache=False)  # no cache: the next build is cold
    command = ["build", str(two_corpora["new"]), "-o", str(out), "--no-html"]
    done = subprocess.run(
        [sys.executable, "-m", "kg", *command],
        env={**os.environ, FAULT_ENV: step},
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == -9
    _generation(out)
    expected = "new" if step == "switch" else "old"
    assert (out / "graph.ttl").read_bytes() == two_corpora["ttl"][expected]
    build(two_corpora["new"], out, html=False)
    assert (out / "graph.ttl").read_bytes() == two_corpora["ttl"]["new"]
    assert (
        len([p for p in (out / STATE_DIR).iterdir() if p.name.startswith("gen-")]) <= 2
    )


# ------------------------------------------------------------ the command


def _kg(*args: str):
    from click.testing import CliRunner

    from kg.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_kg_build_of_an_empty_folder_exits_2_and_writes_nothing(
    tmp_path: Path,
) -> None:
    """It exited 0 and would overwrite a good build with an empty graph."""
    (tmp_path / "in").mkdir()
    result = _kg("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no report files" in result.stderr
    assert not (tmp_path / "out").exists()


def test_kg_build_follow_symlinks_flag(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    (folder / "link.txt").symlink_to(UTF8)
    out = str(tmp_path / "out")
    result = _kg("build", str(folder), "-o", out, "--no-html")
    assert result.exit_code == 0, result.output
    assert "skipped link.txt: symlink-outside-input" in result.stderr
    result = _kg("build", str(folder), "-o", out, "--no-html", "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert "read 2 reports, skipped 0" in result.stdout
