"""Benchmark the build pipeline against bare jieba segmentation.

Makes a corpus of about ``--size-mb`` MB by copying the seed reports under
distinct names into a temporary folder, then in one run measures:

* start-up: the first build of one seed (loads jieba, spaCy, rule tables);
* ``kg.pipeline.build`` on the corpus, warm, with ``jobs=1`` and ``jobs=2``
  (``jobs=2`` includes starting the workers, each of which loads the NLP);
* ``jieba.lcut`` on the same decoded text with a private, warm
  ``jieba.Tokenizer`` — the floor any jieba-based pipeline can reach;
* peak resident memory (``ru_maxrss``) of this process and of the largest
  worker (workers are forked, so theirs includes pages shared with this one).

Prints a table and writes ``bench/results/pipeline.json``. Not a pytest
test: run it by hand, e.g.::

    .venv/bin/python bench/bench_pipeline.py                 # ~5 MB
    .venv/bin/python bench/bench_pipeline.py --size-mb 0.3   # quick check
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import resource
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kg import __version__  # noqa: E402 - needs the path above
from kg.pipeline import build  # noqa: E402

DEFAULT_SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RESULTS = HERE / "results" / "pipeline.json"


def make_corpus(seeds: Path, target: Path, size_bytes: int) -> list[Path]:
    """Copy the seed reports into ``target`` until they total ``size_bytes``.

    Args:
        seeds: a folder of report files.
        target: an empty folder to fill.
        size_bytes: stop once the copies reach this many bytes.

    Returns:
        The copies, in file-name order; each has its own name.
    """
    sources = sorted(
        p for p in seeds.iterdir() if p.is_file() and not p.name.startswith(".")
    )
    if not sources:
        raise SystemExit(f"{seeds}: no seed reports")
    data = [(p, p.read_bytes()) for p in sources]
    copies: list[Path] = []
    total = 0
    i = 0
    while total < size_bytes:
        source, raw = data[i % len(data)]
        path = target / f"{i:05d}_{source.name}"
        path.write_bytes(raw)
        copies.append(path)
        total += len(raw)
        i += 1
    return copies


def decoded_texts(files: list[Path]) -> list[str]:
    """The decoded source text of each distinct seed, repeated like the corpus."""
    cache: dict[bytes, str] = {}
    texts = []
    for path in files:
        raw = path.read_bytes()
        if raw not in cache:
            cache[raw] = _decode(raw)
        texts.append(cache[raw])
    return texts


def _decode(raw: bytes) -> str:
    for codec in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def time_build(corpus: Path, out: Path, jobs: int) -> tuple[float, dict]:
    """Build ``corpus`` into ``out``; return wall seconds and the report dict."""
    start = time.perf_counter()
    report = build(corpus, out, jobs=jobs, html=False)
    return time.perf_counter() - start, report.to_dict()


def time_jieba(texts: list[str]) -> tuple[float, int]:
    """Segment ``texts`` with a private warm jieba instance; return seconds, tokens."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources
        import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.lcut(texts[0])  # warm: dictionary loaded, HMM tables touched
    tokens = 0
    start = time.perf_counter()
    for text in texts:
        tokens += len(tokenizer.lcut(text))
    return time.perf_counter() - start, tokens


def _maxrss_mb(who: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seeds", type=Path, default=DEFAULT_SEEDS, help="seed reports"
    )
    parser.add_argument("--size-mb", type=float, default=5.0, help="corpus size in MB")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results JSON")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        parser.error(f"{args.seeds}: no such folder (use --seeds DIR)")
    logging.basicConfig(level=logging.ERROR)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        files = make_corpus(args.seeds, corpus, int(args.size_mb * 2**20))
        size = sum(p.stat().st_size for p in files)
        texts = decoded_texts(files)
        chars = sum(len(t) for t in texts)
        print(f"corpus: {len(files)} files, {size / 2**20:.2f} MB, {chars:,} chars")

        rss_start = _maxrss_mb(resource.RUSAGE_SELF)
        start = time.perf_counter()
        build(files[0], work / "warmup", html=False)
        startup = time.perf_counter() - start

        # jobs=2 first: its workers fork from a parent that holds only the
        # warm NLP, so their peak RSS is not inflated by a finished build.
        seconds_2, report_2 = time_build(corpus, work / "out2", jobs=2)
        rss_worker = _maxrss_mb(resource.RUSAGE_CHILDREN)
        seconds_1, report_1 = time_build(corpus, work / "out1", jobs=1)
        rss_build = _maxrss_mb(resource.RUSAGE_SELF)
        identical = (work / "out1" / "graph.ttl").read_bytes() == (
            work / "out2" / "graph.ttl"
        ).read_bytes()
        jieba_seconds, tokens = time_jieba(texts)

    rate_1 = chars / seconds_1
    rate_2 = chars / seconds_2
    rate_jieba = chars / jieba_seconds
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "kg_version": __version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "corpus": {
            "seeds": str(args.seeds),
            "files": len(files),
            "bytes": size,
            "chars": chars,
        },
        "startup_seconds": round(startup, 2),
        "pipeline_jobs1": {
            "seconds": round(seconds_1, 2),
            "chars_per_s": round(rate_1),
            "stages": report_1["timings"],
            "triples": report_1["triples"],
        },
        "pipeline_jobs2": {
            "seconds": round(seconds_2, 2),
            "chars_per_s": round(rate_2),
            "stages": report_2["timings"],
            "same_graph_as_jobs1": identical,
        },
        "jieba_lcut": {
            "seconds": round(jieba_seconds, 2),
            "chars_per_s": round(rate_jieba),
            "tokens": tokens,
        },
        "ratio_jieba_over_pipeline_jobs1": round(rate_jieba / rate_1, 2),
        "ratio_jieba_over_pipeline_jobs2": round(rate_jieba / rate_2, 2),
        "peak_rss_mb": {
            "before_builds": round(rss_start, 1),
            "main_process": round(rss_build, 1),
            "largest_worker": round(rss_worker, 1),
        },
    }

    rows = [
        ("start-up (first build, 1 file)", f"{startup:.2f} s", ""),
        ("pipeline jobs=1 (warm)", f"{seconds_1:.2f} s", f"{rate_1:,.0f} chars/s"),
        (
            "pipeline jobs=2 (with worker start)",
            f"{seconds_2:.2f} s",
            f"{rate_2:,.0f} chars/s",
        ),
        ("jieba.lcut (warm)", f"{jieba_seconds:.2f} s", f"{rate_jieba:,.0f} chars/s"),
        ("jieba / pipeline jobs=1", f"{rate_jieba / rate_1:.1f}x", ""),
        ("jieba / pipeline jobs=2", f"{rate_jieba / rate_2:.1f}x", ""),
        (
            "peak RSS main process",
            f"{rss_build:.0f} MB",
            f"(after imports {rss_start:.0f} MB)",
        ),
        ("peak RSS largest worker", f"{rss_worker:.0f} MB", ""),
        ("jobs=2 graph == jobs=1 graph", str(identical), ""),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, extra in rows:
        print(f"{name:<{width}}  {value:>10}  {extra}")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
