"""Wire the stages: report files → graph files (:func:`build`, used by the CLI).

Reports are ingested and extracted independently (in worker processes with
``jobs > 1``); only resolution sees the whole corpus.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import KGError
from .types import BuildReport, Document, Extraction, Resolution, SkippedFile

__all__ = ["OUTPUT_NAMES", "SUPPORTED_SUFFIXES", "build", "collect_files"]

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".md")
#: The files :func:`build` writes into its output folder.
OUTPUT_NAMES = (
    "graph.ttl",
    "graph.graphml",
    "graph.html",
    "report.json",
    "resolution.jsonl",
)
Progress = Callable[[str, int, int], None]

_NLP = None


def collect_files(path: Path) -> list[Path]:
    """Return the report files under ``path`` (or ``path`` itself), sorted.

    Hidden files and everything in hidden folders (``.git``,
    ``.ipynb_checkpoints``) are left out.

    Raises:
        KGError: ``path`` does not exist.
    """
    path = Path(path)
    if not path.exists():
        raise KGError(f"{path}: no such file or directory")
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def _worker_init() -> None:
    global _NLP
    from .extract import build_nlp

    _NLP = build_nlp()


def _extract_one(doc: Document) -> Extraction:
    from .extract import extract

    if _NLP is None:
        _worker_init()
    return extract(doc, _NLP)


def _extract_all(
    docs: list[Document], jobs: int, progress: Progress | None
) -> Iterator[Extraction]:
    if jobs > 1 and len(docs) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
            for i, ex in enumerate(
                pool.map(_extract_one, docs, chunksize=max(1, len(docs) // (jobs * 8))),
                1,
            ):
                if progress:
                    progress("extract", i, len(docs))
                yield ex
    else:
        for i, doc in enumerate(docs, 1):
            yield _extract_one(doc)
            if progress:
                progress("extract", i, len(docs))


def build(
    input_path: Path,
    output_dir: Path,
    *,
    jobs: int = 1,
    html: bool = True,
    overrides: Path | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the knowledge graph of a folder of reports.

    Args:
        input_path: a folder of reports (searched recursively) or one file.
        output_dir: where ``graph.ttl``, ``graph.graphml``, ``graph.html``,
            ``report.json`` and ``resolution.jsonl`` are written, and the
            query store ``store/`` (:func:`kg.query.write_store`).
        jobs: worker processes for ingest+extract (1: in this process).
        html: also render the interactive HTML graph (without it, a stale
            graph.html from an earlier build is removed).
        overrides: a resolution overrides file (:func:`kg.resolve.load_overrides`);
            ``<output_dir>/overrides.tsv`` is used when it exists and none is given.
        progress: optional callback ``(stage, done, total)``.

    Returns:
        What the build did: files read and skipped, counts, timings.

    Raises:
        KGError: ``input_path`` does not exist or ``output_dir`` cannot be
            created.
    """
    from .graph import iter_triples, to_networkx
    from .ingest import read_documents
    from .resolve import load_overrides, resolve
    from .serialize import (
        atomic_write,
        graphml_bytes,
        jsonl_bytes,
        turtle_bytes,
        write_json,
    )

    report = BuildReport()
    t0 = time.perf_counter()
    input_path = Path(input_path)
    output_dir = Path(output_dir)
    files = collect_files(input_path)
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KGError(
            f"{output_dir}: cannot create the output folder: {exc.strerror}"
        ) from exc
    # A previous build's outputs inside the input folder are not reports.
    produced = {(output_dir / name).resolve() for name in OUTPUT_NAMES}
    store = (output_dir / "store").resolve()  # the query store's files too
    files = [
        f
        for f in files
        if f.resolve() not in produced and store not in f.resolve().parents
    ]
    root = input_path if input_path.is_dir() else input_path.parent
    wanted = [f for f in files if f.suffix.lower() in SUPPORTED_SUFFIXES]
    for f in files:
        if f.suffix.lower() not in SUPPORTED_SUFFIXES:
            _skip(
                report,
                SkippedFile(
                    f.relative_to(root).as_posix(),
                    "unsupported-type",
                    f"suffix {f.suffix or '(none)'} is not one of "
                    + ", ".join(SUPPORTED_SUFFIXES),
                ),
            )
    docs: list[Document] = []
    for item in read_documents(wanted, root=root):
        if isinstance(item, SkippedFile):
            _skip(report, item, logged=True)  # ingest has logged it
        else:
            docs.append(item)
            report.files_read.append(item.doc_id)
    report.timings["ingest"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    extractions = list(_extract_all(docs, jobs, progress))
    report.timings["extract"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    if overrides is None and (output_dir / "overrides.tsv").is_file():
        overrides = output_dir / "overrides.tsv"
    resolution = resolve(extractions, load_overrides(overrides) if overrides else None)
    if overrides:
        report.outputs["overrides"] = str(overrides)
    report.timings["resolve"] = time.perf_counter() - t2

    t3 = time.perf_counter()
    triples = set(iter_triples(resolution))
    nx_graph = to_networkx(resolution)
    report.timings["graph"] = time.perf_counter() - t3

    t4 = time.perf_counter()
    _count(report, resolution)
    report.triples = len(triples)
    # Render every artefact before writing any: a failing renderer leaves the
    # previous build's files as they were, not a mix of old and new.
    payloads = {
        "graph.ttl": turtle_bytes(triples),
        "graph.graphml": graphml_bytes(nx_graph),
        "resolution.jsonl": jsonl_bytes(resolution.merges),
    }
    if html:
        from .visualize import render_html

        payloads["graph.html"] = render_html(
            nx_graph, title=f"EduKG: {input_path.resolve().name}"
        ).encode("utf-8")
    for name, data in payloads.items():
        atomic_write(output_dir / name, data)
        report.outputs[name] = str(output_dir / name)
    if not html:
        # An explorer page from an earlier build would no longer match the graph.
        (output_dir / "graph.html").unlink(missing_ok=True)
    report.outputs["report.json"] = str(output_dir / "report.json")
    report.timings["write"] = time.perf_counter() - t4
    _write_store(output_dir, report)
    report.timings["total"] = time.perf_counter() - t0
    write_json(report.to_dict(), output_dir / "report.json")
    return report


def _write_store(output_dir: Path, report: BuildReport) -> None:
    """Load graph.ttl into ``<out>/store`` so ``kg query`` need not parse it.

    The store is a cache of graph.ttl, not part of the build's contract: if it
    cannot be written the build still succeeds and queries read the Turtle.
    """
    from .query import STORE_DIR, write_store

    t = time.perf_counter()
    try:
        store = write_store(output_dir / "graph.ttl", output_dir / STORE_DIR)
    except KGError as exc:
        log.warning("%s (queries will read graph.ttl)", exc)
        return
    report.outputs[STORE_DIR] = str(store)
    report.timings["store"] = time.perf_counter() - t


def _skip(report: BuildReport, item: SkippedFile, *, logged: bool = False) -> None:
    if not logged:
        log.warning(
            "skipped %s: %s%s",
            item.source,
            item.reason,
            f" ({item.detail})" if item.detail else "",
        )
    entry = {"file": item.source, "reason": item.reason, "detail": item.detail}
    if item.reason in ("empty", "boilerplate-only"):
        report.files_empty.append(item.source)
    report.files_skipped.append(entry)


def _count(report: BuildReport, resolution: Resolution) -> None:
    report.entity_counts = dict(Counter(e.label for e in resolution.entities))
    report.entity_counts["Report"] = len(resolution.reports)
    if resolution.indicators:  # counted like `kg stats` counts edu:Indicator nodes
        report.entity_counts["Indicator"] = len(resolution.indicators)
    report.relation_counts = dict(Counter(r.predicate for r in resolution.relations))
