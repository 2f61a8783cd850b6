"""The per-report stage: one report's bytes → its extraction, wherever it runs.

Ingest and extraction need nothing but the report, so they run per report:
in this process (``jobs=1``), in worker processes on this machine
(``jobs>1``), or on a Dask distributed cluster (``scheduler="tcp://…"``).
Every worker loads the NLP pipeline once and keeps it; the client ships the
report's bytes, so workers on other machines need only the installed package,
not the input folder. Whichever runs it, :func:`process_report` is the same
function and results come back in input order, so the graph is the same
bytes.

A cleaned text longer than :data:`WINDOW` characters is extracted in windows
cut at paragraph, line or sentence ends (a hard cut as the last resort), with
every offset shifted back into the whole text.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .errors import IngestError, KGError
from .types import Document, Extraction, SkippedFile

__all__ = [
    "SIGNATURE_SIZE",
    "WINDOW",
    "CacheSpot",
    "ReportJob",
    "ReportResult",
    "extract_document",
    "merge_windows",
    "near_duplicates",
    "process_report",
    "run_reports",
    "runs_in_process",
    "windows",
]

log = logging.getLogger(__name__)

#: The longest cleaned text extracted in one piece (spaCy refuses texts over
#: ``nlp.max_length``, 1,000,000 characters; smaller windows bound memory).
WINDOW = 200_000
#: MinHash permutations of a report's signature (near-duplicate detection).
SIGNATURE_SIZE = 64
#: Characters per shingle of the signature: long enough that two unrelated
#: reports on the same topics share few, short enough that a repost with
#: other boilerplate shares most.
SHINGLE = 5
#: datasketch's permutation scheme, named so stored signatures stay comparable.
_SCHEME = "affine32"
#: Bytes of report data sent to a worker in one task: large enough that task
#: overhead is small, small enough that workers stay evenly busy.
BATCH_BYTES = 256 * 1024

Progress = Callable[[str, int, int], None]

_local = threading.local()  # one NLP per thread: spaCy pipelines are not shared


@dataclasses.dataclass(frozen=True)
class ReportJob:
    """One report to read: its id, file name (the suffix says how) and bytes."""

    doc_id: str
    source: str
    data: bytes


@dataclasses.dataclass(frozen=True)
class ReportResult:
    """What the per-report stage made of one report.

    ``extraction`` when it was read and extracted, else ``skipped`` says why
    not. ``signature`` is the MinHash of the cleaned text (empty if skipped).
    """

    doc_id: str
    extraction: Extraction | None = None
    skipped: SkippedFile | None = None
    signature: tuple[int, ...] = ()
    #: The result as a cache entry (:func:`kg.cache.encode`), when it came
    #: from another process: the client files these bytes as they are.
    encoded: bytes = dataclasses.field(default=b"", compare=False, repr=False)
    #: The worker filed the entry in the cache itself (a local worker).
    filed: bool = dataclasses.field(default=False, compare=False, repr=False)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent between processes as a cache entry (msgspec JSON), not as a
        # pickle of nested dataclasses: the client, which takes in every
        # result on the cores the workers use, decodes it in half the time
        # and need not encode it again for the cache.
        if self.extraction is None:
            return (ReportResult, (self.doc_id, None, self.skipped, self.signature))
        from .cache import encode

        entry = self.encoded or encode(self.extraction, self.signature)
        return (_received, (self.doc_id, entry, self.filed))


def _received(doc_id: str, entry: bytes, filed: bool = False) -> ReportResult:
    """A :class:`ReportResult` sent as a cache entry (its ``__reduce__``)."""
    from .cache import decode

    extraction, signature = decode(entry)
    return ReportResult(doc_id, extraction, None, signature, encoded=entry, filed=filed)


@dataclasses.dataclass(frozen=True)
class CacheSpot:
    """Where local workers file the entries of what they extract: the cache
    folder and the fingerprint its entries are filed under."""

    folder: str
    version: str


# ------------------------------------------------------------ the NLP, once


def load_nlp() -> Any:
    """This thread's NLP pipeline, built on first use and kept."""
    nlp = getattr(_local, "nlp", None)
    if nlp is None:
        from .extract import build_nlp

        nlp = _local.nlp = build_nlp()
    return nlp


# ------------------------------------------------------------ one report


def windows(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``size`` characters.

    ``size`` defaults to :data:`WINDOW`. A piece ends after the last paragraph
    break, else line break, else sentence end in the second half of its
    allowance; a hard cut at ``size`` only when there is none.

    Example:
        >>> windows("甲乙。丙丁。戊", 4)
        [(0, 3), (3, 7)]
    """
    size = size or WINDOW
    out = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        floor = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n"):
            found = text.rfind(sep, floor, limit)
            if found != -1:
                cut = found + len(sep)
                break
        if cut == -1:
            ends = [text.rfind(ch, floor, limit) for ch in "。！？；!?;"]
            cut = max(ends) + 1 if max(ends) != -1 else limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _is_metadata_publisher(mention) -> bool:
    return mention.rule == "bureau.metadata" and mention.start == mention.end == 0


def _is_metadata_region(mention) -> bool:
    return mention.rule == "region.metadata" and mention.start == mention.end == 0


def merge_windows(doc: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One :class:`Extraction` of ``doc`` from extractions of its windows.

    ``parts`` are ``(offset of the window in doc.text, its extraction)`` in
    text order. Offsets and sentence indices are shifted into the whole text;
    the publisher recorded from metadata (``bureau.metadata``), and its region
    (``region.metadata``), are kept once.
    """
    sentences: list[tuple[int, int]] = []
    mentions: list = []
    relations: list = []
    figures: list = []
    regions: dict = {}
    publisher: int | None = None
    metadata_region: int | None = None
    home = ""
    for base, ex in parts:
        shift = len(sentences)
        sentences.extend((a + base, b + base) for a, b in ex.sentences)
        index: dict[int, int] = {}
        for i, m in enumerate(ex.mentions):
            if _is_metadata_publisher(m):
                if publisher is not None and i == ex.publisher:
                    index[i] = publisher  # the publisher is already recorded
                    continue
                index[i] = len(mentions)
                mentions.append(m)  # offset 0 of the whole text, as unwindowed
                continue
            if _is_metadata_region(m):
                if metadata_region is None:
                    metadata_region = len(mentions)
                    mentions.append(m)
                index[i] = metadata_region
                continue
            index[i] = len(mentions)
            mentions.append(
                dataclasses.replace(
                    m,
                    start=m.start + base,
                    end=m.end + base,
                    sentence=m.sentence + shift,
                )
            )
        if publisher is None and ex.publisher is not None:
            publisher = index[ex.publisher]
        relations.extend(
            dataclasses.replace(
                r, head=index[r.head], tail=index[r.tail], sentence=r.sentence + shift
            )
            for r in ex.relations
        )
        figures.extend(
            dataclasses.replace(
                f, start=f.start + base, end=f.end + base, sentence=f.sentence + shift
            )
            for f in ex.figures
        )
        regions.update((r.code, r) for r in ex.regions)
        home = home or ex.home_region
    return Extraction(
        doc=doc,
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        relations=tuple(relations),
        publisher=publisher,
        regions=tuple(regions[code] for code in sorted(regions)),
        figures=tuple(figures),
        home_region=home,
    )


def extract_document(doc: Document) -> Extraction:
    """Extract one cleaned document with this thread's NLP, in windows if long."""
    from .extract import extract

    nlp = load_nlp()
    if len(doc.text) <= WINDOW:
        ex = extract(doc, nlp)
    else:
        parts = []
        for start, end in windows(doc.text):
            piece = dataclasses.replace(
                doc,
                text=doc.text[start:end],
                offset_map=(),
                original=doc.original[start:end] if doc.original else "",
            )
            parts.append((start, extract(piece, nlp)))
        ex = merge_windows(doc, parts)
    if ex.doc.original:
        # extraction spelled the names as written; the evidence sentences
        # are read from the text as written too
        ex = dataclasses.replace(
            ex, doc=dataclasses.replace(ex.doc, text=ex.doc.original, original="")
        )
    return ex


@functools.cache
def _permutations() -> object:
    from datasketch import MinHash

    return MinHash(num_perm=SIGNATURE_SIZE, seed=1, scheme=_SCHEME).permutations


def _sketch(**kwargs: object):
    """A MinHash of our shape (making its permutations costs more than using it)."""
    from datasketch import MinHash

    return MinHash(
        num_perm=SIGNATURE_SIZE,
        seed=1,
        scheme=_SCHEME,
        permutations=_permutations(),
        **kwargs,
    )


def signature(text: str) -> tuple[int, ...]:
    """The MinHash of ``text``'s character shingles (near-duplicate search).

    Whitespace is left out, so a repost that only re-wraps lines matches.
    Empty when the text is shorter than one shingle.
    """
    import numpy as np

    compact = "".join(text.split())
    count = len(compact) - SHINGLE + 1
    if count < 1:
        return ()
    # Shingles hashed all at once (a polynomial over code points); datasketch's
    # per-shingle SHA-1 cost more than a tenth of the whole extraction.
    codes = np.frombuffer(compact.encode("utf-32-le"), dtype=np.uint32)
    codes = codes.astype(np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(SHINGLE):
        hashes = (hashes * np.uint64(1_000_003) + codes[k : k + count]) & np.uint64(
            0xFFFFFFFF
        )
    sketch = _sketch(hashfunc=int)
    sketch.update_batch(np.unique(hashes).tolist())
    return tuple(int(v) for v in sketch.hashvalues)


#: Estimated Jaccard similarity of shingles above which two reports are
#: flagged near-duplicates (a repost with other boilerplate, a re-edit).
NEAR_DUPLICATE = 0.8


def near_duplicates(
    reports: list[tuple[str, str, Sequence[int]]],
    threshold: float = NEAR_DUPLICATE,
) -> dict[str, str]:
    """Map each near-duplicate report to the earliest report it repeats.

    Args:
        reports: ``(doc_id, content key, signature)`` in build order; reports
            with the same content key are exact duplicates and not paired.

    Returns:
        ``{doc_id: earlier doc_id}``: each report whose estimated similarity
        to an earlier one (of other content) reaches ``threshold``.
    """
    from datasketch import MinHash, MinHashLSH

    index = MinHashLSH(threshold=threshold, num_perm=SIGNATURE_SIZE)
    order: dict[str, int] = {}
    sketches: dict[str, MinHash] = {}
    out: dict[str, str] = {}
    seen: set[str] = set()
    for doc_id, key, values in reports:
        if not values or key in seen:
            continue  # an exact copy is a duplicate, not a near one
        seen.add(key)
        sketch = _sketch(hashvalues=list(values))
        # Earliest first, and the first similar enough is the one: a report
        # copied into a thousand reposts is compared with one of them, not
        # all (the LSH candidates of a large cluster are most of it).
        earliest = next(
            (
                other
                for other in sorted(index.query(sketch), key=order.__getitem__)
                if sketch.jaccard(sketches[other]) >= threshold
            ),
            None,
        )
        if earliest is not None:
            out[doc_id] = earliest
        order[doc_id] = len(order)
        sketches[doc_id] = sketch
        index.insert(doc_id, sketch)
    return out


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


def process_report(job: ReportJob) -> ReportResult:
    """Read and extract one report; a failure is returned, never raised."""
    from .ingest import parse_document

    try:
        doc = parse_document(job.data, job.doc_id, job.source)
    except IngestError as exc:
        return ReportResult(
            job.doc_id, skipped=SkippedFile(exc.path, exc.reason, exc.detail)
        )
    except Exception as exc:  # one report's failure must not sink the build
        detail = f"while reading: {_one_line(exc)}"
        return ReportResult(
            job.doc_id, skipped=SkippedFile(job.doc_id, "error", detail)
        )
    try:
        extraction = extract_document(doc)
        sketch = signature(doc.text)
    except Exception as exc:  # one report's failure must not sink the build
        detail = f"extraction: {_one_line(exc)}"
        return ReportResult(
            job.doc_id, skipped=SkippedFile(job.doc_id, "error", detail)
        )
    return ReportResult(job.doc_id, extraction=extraction, signature=sketch)


def process_batch(
    batch: list[ReportJob], spot: CacheSpot | None = None
) -> list[ReportResult]:
    """:func:`process_report` over a batch (one task for a worker).

    With ``spot``, each extraction is also filed in that cache under its
    content's key, here rather than by the client, which would otherwise
    write every entry on the cores the workers use.
    """
    results = [process_report(job) for job in batch]
    if spot is None:
        return results
    from .cache import ExtractionCache, content_key, encode

    cache = ExtractionCache(Path(spot.folder), spot.version)
    filed = []
    for job, result in zip(batch, results, strict=True):
        if result.extraction is not None:
            entry = encode(result.extraction, result.signature)
            key = content_key(job.data, job.source)
            cache.put(key, result.extraction, result.signature, entry)
            result = dataclasses.replace(result, encoded=entry, filed=True)
        filed.append(result)
    return filed


# ------------------------------------------------------------ where it runs


def _batches(jobs: Iterable[ReportJob], most: int) -> Iterator[list[ReportJob]]:
    """Batches of at most ``most`` reports and about :data:`BATCH_BYTES`."""
    batch: list[ReportJob] = []
    size = 0
    for job in jobs:
        batch.append(job)
        size += len(job.data)
        if size >= BATCH_BYTES or len(batch) >= most:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _in_order(
    submit: Callable[[list[ReportJob]], Any],
    batches: Iterator[list[ReportJob]],
    window: int,
) -> Iterator[tuple[list[ReportJob], Any]]:
    """Submit batches keeping ``window`` in flight; yield (batch, future) in order.

    Bounded, so the reports' bytes and results are never all in memory at
    once; in order, so the build sees the same sequence however it ran.
    """
    pending: deque[tuple[list[ReportJob], Any]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _failed(batch: list[ReportJob], why: str) -> list[ReportResult]:
    return [
        ReportResult(job.doc_id, skipped=SkippedFile(job.doc_id, "error", why))
        for job in batch
    ]


def _isolated(batch: list[ReportJob]) -> list[ReportResult]:
    """Run a batch one report per fresh worker, to find the one that kills it."""
    out = []
    pool: ProcessPoolExecutor | None = None
    try:
        for job in batch:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=1)
            try:
                out.append(pool.submit(process_report, job).result())
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = None
                out.extend(
                    _failed(
                        [job],
                        "the worker process died on it (killed, or out of memory)",
                    )
                )
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return out


def _run_local(
    batches: Iterator[list[ReportJob]], jobs: int, spot: CacheSpot | None
) -> Iterator[list[ReportResult]]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=load_nlp)
    broken = False
    try:

        def submit(batch: list[ReportJob]) -> Future:
            return pool.submit(process_batch, batch, spot)

        for batch, future in _in_order(submit, batches, 2 * jobs):
            if not broken:
                try:
                    yield future.result()
                    continue
                except BrokenProcessPool:
                    broken = True
                    log.warning(
                        "a worker process died; extracting the remaining "
                        "reports one at a time to find the one that kills it"
                    )
            yield _isolated(batch)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(
    batches: Iterator[list[ReportJob]], scheduler: str
) -> Iterator[list[ReportResult]]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise KGError(
            "--scheduler needs Dask's distributed package: pip install 'edukg[cluster]'"
        ) from exc
    try:
        client = Client(scheduler, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise KGError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        threads = sum(client.nthreads().values()) or 1

        def submit(batch: list[ReportJob]) -> Future:
            # pure=False: two equal batches are still two tasks of this build
            return client.submit(process_batch, batch, pure=False)

        for batch, future in _in_order(submit, batches, 2 * threads):
            try:
                yield future.result()
            except Exception as exc:  # a worker died on it, or it was lost
                yield _failed(batch, f"on the Dask cluster: {_one_line(exc)}")
    finally:
        client.close()


def runs_in_process(jobs: int, scheduler: str | None, total: int) -> bool:
    """Whether :func:`run_reports` extracts in this process (no workers)."""
    return scheduler is None and (jobs <= 1 or total <= 1)


def run_reports(
    reports: Iterable[ReportJob],
    total: int,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    cache: CacheSpot | None = None,
) -> Iterator[ReportResult]:
    """Run :func:`process_report` over ``reports``; results in input order.

    Args:
        reports: the reports to read (consumed lazily).
        total: how many there are (for ``progress``).
        jobs: worker processes on this machine (1: in this process).
        scheduler: a Dask scheduler address (``tcp://host:8786``); when
            given, the reports run on that cluster and ``jobs`` is unused.
        progress: optional callback ``("extract", done, total)``.
        cache: where local workers file each extraction they make (their
            results say so: ``filed``); not used in this process or on a
            cluster, whose workers need not share this disk.

    Raises:
        KGError: the scheduler cannot be reached, or Dask is not installed.
    """
    # Several batches per worker, so a slow one does not leave others idle.
    batches = _batches(reports, max(1, total // (max(jobs, 2) * 8)))
    if scheduler:
        results = _run_dask(batches, scheduler)
    elif not runs_in_process(jobs, scheduler, total):
        results = _run_local(batches, jobs, cache)
    else:
        results = map(process_batch, batches)
    done = 0
    for batch_results in results:
        for result in batch_results:
            done += 1
            if progress:
                progress("extract", done, total)
            yield result
