"""Scale benchmark: ``kg build`` on a varied corpus of 1, 4, 16 and 64 MB.

The corpus is made at run time from the real reports in
``../shared/corpus/seeds`` and ``../shared/corpus/dev`` (never copied into the
repository). Each copy of a report gets other divisions from the official
list in place of the ones it names, so resolution sees many distinct regions,
bureaus and schools rather than the same few hundred again and again:

* regions: every division the report names (full name or short form) becomes
  another division of the same level and kind (a 县 for a 县, so 全县 still
  fits) whose name no other division shares (``--any-names`` allows 桥西区),
  chosen so the hierarchy still holds (a county named with its city becomes a
  county of the city that replaces it); a short form stays a short form, so
  ``梁溪实验小学`` follows ``梁溪区`` to its new name;
* schools: ordinals before a school ending change (第二中学 → 第七中学,
  中卫三中 → 中卫九中), and ``实验小学`` sometimes gains one (第三实验小学);
* years: every year the report dates shifts by the same few years.

All choices come from a seeded random generator, so a seed gives the same
corpus byte for byte. A size in MB is the bytes of the UTF-8 files
(1 MB = 2**20 bytes).

For each size, in one run:

* a cold ``python -m kg build CORPUS -o OUT --no-html -j N`` in a child
  process, so imports and start-up count, with the peak resident memory of
  its process tree (sampled, summed: forked workers' shared pages count once
  per process) and of its largest single process (the kernel's peak, from
  ``wait4``); its wall and CPU seconds (user + system of the build and the
  workers it reaped) and the 1-minute load average as it started, since on a
  shared machine other work shows in the wall time;
* reports, cleaned characters, chars/s, stage times and triples from
  ``OUT/report.json``; sizes of graph.ttl, graph.graphml and store/;
* ``jieba.lcut`` with one warm private ``jieba.Tokenizer`` over the same
  files' raw text (as written, before cleaning), and the ratio of the build's
  chars/s to jieba's, in wall seconds and in CPU seconds;
* for sizes up to ``--incremental-max-mb``: one report gains a sentence and
  the build runs again into the same OUT; its wall time against the cold one;
* for sizes up to ``--queries-max-mb``: every named query as a user runs
  it, ``python -m kg query OUT NAME -f csv`` in a child process (start-up
  included; a required parameter gets :data:`QUERY_PARAM`), its wall
  seconds and rows;
* on ``--jobs-size``: the build with ``-j 2`` against ``-j 1``.

Prints Markdown tables; ``--json PATH`` writes the results. Not a pytest
test: run it by hand, e.g.::

    .venv/bin/python bench/bench_scale.py --sizes 1,4
    .venv/bin/python bench/bench_scale.py --sizes 1 --keep /tmp/scale
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import io
import json
import logging
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kg.regions import load_region_index, short_form  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SOURCES = (SHARED_CORPUS / "seeds", SHARED_CORPUS / "dev")
REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
MB = 2**20
# Appended to one report before the incremental rebuild: a new honour, so the
# changed report yields something new rather than only more characters.
APPENDED_SENTENCE = "\n本年度，全区新增一所学校获评市级文明校园。\n"
POLL_SECONDS = 0.1
# report.json keeps its timings sorted by name; a table reads better in the
# order the stages run. Keys not listed here follow in name order.
STAGE_ORDER = ("ingest", "extract", "resolve", "graph", "write", "store", "total")

# -------------------------------------------------------------------- corpus

NUMERALS = "一二三四五六七八九十"
# An ordinal before a school ending (第二中学, 三小学) or the abbreviated
# school (中卫三中、, 中宁一小、); not after 届, which is a plenum (三中全会).
SCHOOL_ORDINAL = re.compile(
    rf"(?<![{NUMERALS}第届])第?[{NUMERALS}]{{1,3}}"
    rf"(?=(?:实验|中心|高级|初级|职业)?(?:中学|小学|幼儿园|学校)"
    r"|[中小](?:[、，,。；;）)“\s]|$))"
)
EXPERIMENTAL_SCHOOL = re.compile(rf"(?<![{NUMERALS}第])(?=实验(?:小学|中学|幼儿园))")
YEAR = re.compile(r"(?<![\d.])(?:19[89]\d|20[0-4]\d)(?!\d)")
# A number in the year range is a year only next to a date or range sign or in
# a document number (〔2015〕); 2000万元 and 2000个 stay amounts.
YEAR_AFTER = re.compile(r"\s*(?:年|[-/－—–~～至]\s*\d)|[〕\]】]")
YEAR_BEFORE = frozenset("-－—–~～至〔[【")
YEAR_SHIFTS = (-6, -5, -4, -3, -2, -1, 1, 2, 3)
# A count before a measure word (7所, 220人, 30余个): another report of the
# same kind has other numbers, and the counts make copies of a report with few
# names distinct. Not after 第, since 第26个教师节 dates the report.
COUNT = re.compile(
    r"(?<![\d.第])\d{1,4}(?=[余多]?(?:所|人|个|個|名|项|項|家|次|篇|节|場|场|支|批|台|套|间|万元|元))"
)
# Tries at a copy that differs from every earlier copy of its source; a
# source with nothing to vary gives the same copy each time.
DISTINCT_TRIES = 5
# jieba's part-of-speech tags for proper names: a short form that jieba knows
# with any other tag (资源, 合作, 振兴) is an ordinary word first.
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
# A short form with no full name in the report is read as a place only when
# the report repeats it (泰和教育, 泰和中学, 泰和二中).
REPEATED_SHORT_FORM = 3


@dataclass(frozen=True)
class Slot:
    """A varying piece of a source report.

    ``kind`` is ``region`` (``code`` the division read, ``short`` when written
    as its short form), ``ordinal`` (a school's number), ``experimental``
    (the empty place before 实验小学 where an ordinal may go), ``year`` or
    ``count``.
    """

    kind: str
    text: str
    code: str = ""
    short: bool = False


@dataclass(frozen=True)
class Template:
    """A source report cut into fixed text and slots."""

    name: str
    pieces: tuple[str | Slot, ...]

    @cached_property
    def varies(self) -> bool:
        return any(isinstance(p, Slot) for p in self.pieces)

    @cached_property
    def region_codes(self) -> tuple[str, ...]:
        return tuple(sorted({p.code for p in self.pieces if _is(p, "region")}))

    @cached_property
    def short_codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.pieces if _is(p, "region") and p.short)

    @cached_property
    def ordinals(self) -> tuple[str, ...]:
        return tuple(sorted({p.text for p in self.pieces if _is(p, "ordinal")}))


def _is(piece: str | Slot, kind: str) -> bool:
    return isinstance(piece, Slot) and piece.kind == kind


@cache
def common_words() -> frozenset[str]:
    """Words jieba's dictionary lists with a tag other than a proper name."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources
        import jieba

    words = set()
    with jieba.Tokenizer().get_dict_file() as lines:
        for line in lines:
            word, _freq, *tag = line.decode("utf-8").split()
            if tag and tag[0] not in NAME_TAGS:
                words.add(word)
    return frozenset(words)


@cache
def region_names() -> re.Pattern[str]:
    """Every full name and short form (two characters or more) of a division."""
    index = load_region_index()
    names = set(index.by_name)
    names.update(s for s in index.by_short if len(s) >= 2)
    # Longest first, so 梁溪区 is read whole rather than as 梁溪 + 区.
    return re.compile(
        "|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n))))
    )


def chinese_ordinal(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (numbers 1 to 99)."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens - 1] + "十")
    return head + (NUMERALS[units - 1] if units else "")


ORDINALS = tuple(chinese_ordinal(n) for n in range(1, 21))


class CorpusGenerator:
    """Varied copies of source reports, the same for the same seed."""

    def __init__(
        self,
        sources: Sequence[tuple[str, str]],
        seed: int = 0,
        unique_names: bool = True,
    ) -> None:
        """Cut each ``(file name, text)`` source into a template.

        Args:
            sources: the reports to copy, in the order copies are written.
            seed: the seed of every random choice.
            unique_names: replace with divisions whose name (and short form)
                no other division has; with False, 桥西区 or 鼓楼区 too.
        """
        self.seed = seed
        self.index = index = load_region_index()
        self.common = common_words()
        # Replacements by (level, last character, has a short form): a 县
        # stays a 县, so the report's 全县 and 县委 still fit.
        self.pools: dict[tuple[int, str, bool], list[str]] = {}
        self.children: dict[str, list[str]] = {}
        for ref in sorted(index.by_code.values(), key=lambda ref: ref.code):
            if ref.level > 3 or ref.name in self.common:
                continue
            self.children.setdefault(ref.parent, []).append(ref.code)
            if unique_names and len(index.by_name[ref.name]) > 1:
                continue
            short = short_form(ref.name)
            usable_short = bool(short) and short not in self.common
            if unique_names and usable_short:
                usable_short = (
                    short not in index.by_name and len(index.by_short[short]) == 1
                )
            for with_short in (False, True) if usable_short else (False,):
                key = (ref.level, ref.name[-1], with_short)
                self.pools.setdefault(key, []).append(ref.code)
        self.pool_members = {key: frozenset(pool) for key, pool in self.pools.items()}
        self.templates = [self.template(name, text) for name, text in sources]

    # ------------------------------------------------------------- reading

    def template(self, name: str, text: str) -> Template:
        """Cut ``text`` into fixed text and the slots a copy varies."""
        spans: list[tuple[int, int, Slot]] = []
        read: dict[str, tuple[str, bool] | None] = {}
        for match in region_names().finditer(text):
            surface = match.group(0)
            if surface not in read:
                read[surface] = self._read_region(surface, text)
            if read[surface] is not None:
                code, short = read[surface]
                spans.append(
                    (match.start(), match.end(), Slot("region", surface, code, short))
                )
        for match in SCHOOL_ORDINAL.finditer(text):
            ordinal = match.group(0).removeprefix("第")
            spans.append(
                (match.end() - len(ordinal), match.end(), Slot("ordinal", ordinal))
            )
        for match in EXPERIMENTAL_SCHOOL.finditer(text):
            spans.append((match.start(), match.start(), Slot("experimental", "")))
        for match in COUNT.finditer(text):
            spans.append((match.start(), match.end(), Slot("count", match.group(0))))
        for match in YEAR.finditer(text):
            before = text[match.start() - 1] if match.start() else ""
            if before in YEAR_BEFORE or YEAR_AFTER.match(text, match.end()):
                spans.append((match.start(), match.end(), Slot("year", match.group(0))))
        spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
        pieces: list[str | Slot] = []
        end = 0
        for start, stop, slot in spans:
            if start < end:
                continue  # overlaps a span already taken (regions come first)
            pieces.extend((text[end:start], slot))
            end = stop
        pieces.append(text[end:])
        return Template(name, tuple(p for p in pieces if p != ""))

    def _read_region(self, surface: str, text: str) -> tuple[str, bool] | None:
        """The division ``surface`` names in ``text`` and whether it is short.

        None when it is not read as a place: a common word (城区, 资源), or a
        short form whose division the report neither names in full nor
        places under a division it names, and does not repeat.
        """
        index = self.index
        codes = index.by_name.get(surface)
        short = codes is None
        if short:
            codes = index.by_short.get(surface, ())

        def named(code: str) -> bool:
            return index.by_code[code].name in text

        # Of several divisions of one name (鼓楼区), the one under a division
        # the report names, else one the report names in full.
        placement = {c: (any(map(named, index.ancestors(c))), named(c)) for c in codes}
        placed = sorted(
            (c for c in codes if any(placement[c])),
            key=lambda c: (not placement[c][0], not placement[c][1], c),
        )
        if surface in self.common and not (short and any(map(named, codes))):
            return None
        if short and not placed:
            repeated = text.count(surface) >= REPEATED_SHORT_FORM
            if not (repeated and len(codes) == 1):
                return None
        return (placed or list(codes))[0], short

    # ------------------------------------------------------------- writing

    def render(self, template: Template, copy_number: int, attempt: int = 0) -> str:
        """The text of copy ``copy_number`` of ``template``.

        ``attempt`` draws other choices for the same copy (see :meth:`write`).
        """
        rng = random.Random(f"{self.seed}:{copy_number}:{attempt}:{template.name}")
        regions = self._region_mapping(template, rng)
        ordinals = dict(
            zip(
                template.ordinals,
                rng.sample(ORDINALS, len(template.ordinals)),
                strict=True,
            )
        )
        inserted = rng.choice(("", "", f"第{rng.choice(ORDINALS[1:9])}"))
        shift = rng.choice(YEAR_SHIFTS)
        out = []
        for piece in template.pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece.kind == "region":
                name = self.index.by_code[regions[piece.code]].name
                out.append((piece.short and short_form(name)) or name)
            elif piece.kind == "ordinal":
                out.append(ordinals[piece.text])
            elif piece.kind == "experimental":
                out.append(inserted)
            elif piece.kind == "count":
                digits = len(piece.text)
                out.append(str(rng.randint(10 ** (digits - 1), 10**digits - 1)))
            else:
                out.append(str(int(piece.text) + shift))
        return "".join(out)

    def _region_mapping(self, template: Template, rng: random.Random) -> dict[str, str]:
        """Map each division the template names to its replacement.

        Deepest first, so a county's replacement fixes its city's: the
        replacement's ancestors replace the original's ancestors, and a
        second county of an already replaced city is chosen inside it.
        """
        index = self.index
        mapping: dict[str, str] = {}
        wants_short = template.short_codes
        codes = sorted(
            template.region_codes, key=lambda c: (-index.by_code[c].level, c)
        )
        for code in codes:
            if code in mapping:
                continue
            ref = index.by_code[code]
            key = (ref.level, ref.name[-1], code in wants_short)
            if key not in self.pools:
                key = (ref.level, ref.name[-1], False)
            pool = self.pools.get(key, [code])
            if ref.parent in mapping:
                members = self.pool_members.get(key, frozenset())
                siblings = [
                    c
                    for c in self.children.get(mapping[ref.parent], ())
                    if c in members
                ]
                pool = siblings or pool
            replacement = rng.choice(pool)
            mapping[code] = replacement
            for old, new in zip(
                index.ancestors(code), index.ancestors(replacement), strict=False
            ):
                mapping.setdefault(old, new)
        return mapping

    def write(self, target: Path, size_bytes: int) -> list[Path]:
        """Write copies into ``target`` until they total ``size_bytes``.

        Copies go round the templates in order (copy 0 of each, then copy 1
        of each, …), named ``NNNN_<source name>``. A copy equal to an earlier
        copy of its source is drawn again, so that resolution and any cache
        see new text; a source with nothing to vary is written once.
        """
        if not self.templates:
            raise ValueError("no source reports")
        target.mkdir(parents=True, exist_ok=True)
        seen: set[bytes] = set()
        written: list[Path] = []
        total = 0
        copy_number = 0
        varying = any(t.varies for t in self.templates)
        while total < size_bytes and (varying or copy_number == 0):
            for template in self.templates:
                if copy_number and not template.varies:
                    continue
                for attempt in range(DISTINCT_TRIES):
                    data = self.render(template, copy_number, attempt).encode()
                    digest = hashlib.blake2b(data).digest()
                    if digest not in seen:
                        break
                seen.add(digest)
                path = target / f"{copy_number:04d}_{template.name}"
                path.write_bytes(data)
                written.append(path)
                total += len(data)
                if total >= size_bytes:
                    break
            copy_number += 1
        return written


def read_sources(folders: Iterable[Path]) -> list[tuple[str, str]]:
    """The UTF-8 reports in ``folders`` as ``(folder_file, text)``, sorted."""
    sources = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if (
                path.is_file()
                and not path.name.startswith(".")
                and path.suffix.lower() in REPORT_SUFFIXES
            ):
                try:
                    text = path.read_text(encoding="utf-8-sig")
                except UnicodeDecodeError:
                    print(f"skipped {path}: not UTF-8", file=sys.stderr)
                    continue
                sources.append((f"{folder.name}_{path.name}", text))
    return sources


# --------------------------------------------------------------- measuring


@dataclass
class BuildRun:
    """One ``kg build`` child process: how it ended and what it used."""

    status: str  # "ok", "timeout" or "exit N"
    wall_s: float
    cpu_s: float  # user + system of the build and the workers it reaped
    load_before: float  # 1-minute load average as it started
    peak_tree_rss_mb: float
    peak_process_rss_mb: float
    stderr_tail: str = ""
    report: dict[str, Any] = field(default_factory=dict)
    outputs_mb: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def chars(self) -> int:
        return sum(r.get("chars", 0) for r in self.report.get("reports", ()))

    def summary(self) -> dict[str, Any]:
        """The run as JSON-ready numbers."""
        out: dict[str, Any] = {
            "status": self.status,
            "wall_s": round(self.wall_s, 2),
            "cpu_s": round(self.cpu_s, 2),
            "load_before": round(self.load_before, 2),
            "peak_tree_rss_mb": round(self.peak_tree_rss_mb, 1),
            "peak_process_rss_mb": round(self.peak_process_rss_mb, 1),
        }
        if self.ok:
            out |= {
                "reports": len(self.report.get("reports", ())),
                "files_skipped": len(self.report.get("files_skipped", ())),
                "chars": self.chars,
                "chars_per_s": round(self.chars / self.wall_s),
                "timings_s": {
                    k: round(v, 2) for k, v in self.report.get("timings", {}).items()
                },
                "triples": self.report.get("triples"),
                "outputs_mb": self.outputs_mb,
            }
        elif self.stderr_tail:
            out["stderr_tail"] = self.stderr_tail
        return out


def run_build(corpus: Path, out: Path, jobs: int, timeout: float) -> BuildRun:
    """Run ``kg build`` on ``corpus`` in a child process and measure it."""
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)]
    command += ["--no-html", "-j", str(jobs)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
    )
    log = out.with_name(out.name + ".log")
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    with log.open("wb") as sink:
        # Its own process group, so a timeout ends the build and its workers.
        child = subprocess.Popen(
            command, stdout=sink, stderr=sink, env=env, start_new_session=True
        )
        tree_peak, process_peak, timed_out = _watch(child.pid, start + timeout)
        if timed_out:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
        _, wait_status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(wait_status)
    wall = time.perf_counter() - start
    # ru_maxrss is the kernel's peak of the child and of the workers it
    # reaped, in KiB on Linux: exact where sampling can miss a short peak.
    process_peak = max(process_peak, usage.ru_maxrss * 1024 / MB)
    status = "timeout" if timed_out else "ok" if child.returncode == 0 else ""
    run = BuildRun(
        status=status or f"exit {child.returncode}",
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        load_before=load_before,
        peak_tree_rss_mb=tree_peak,
        peak_process_rss_mb=process_peak,
    )
    if run.ok:
        run.report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        run.outputs_mb = {
            name: round(_size(out / name) / MB, 2)
            for name in ("graph.ttl", "graph.graphml", "store")
        }
    else:
        run.stderr_tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
    return run


def _watch(pid: int, deadline: float) -> tuple[float, float, bool]:
    """Sample the RSS of ``pid`` and its descendants until it exits.

    Returns the peak of the summed RSS and of one process's RSS (MB), and
    whether ``deadline`` passed first.
    """
    root = psutil.Process(pid)
    tree_peak = process_peak = 0.0
    while True:
        try:
            if root.status() == psutil.STATUS_ZOMBIE:
                return tree_peak, process_peak, False
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return tree_peak, process_peak, False
        sizes = []
        for member in members:
            try:
                sizes.append(member.memory_info().rss / MB)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        tree_peak = max(tree_peak, sum(sizes))
        process_peak = max(process_peak, *sizes, 0.0)
        if time.perf_counter() > deadline:
            return tree_peak, process_peak, True
        time.sleep(POLL_SECONDS)


def _size(path: Path) -> int:
    """Bytes of a file, or of every file below a folder (links followed)."""
    path = path.resolve()
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def time_jieba(files: Sequence[Path]) -> dict[str, Any]:
    """``jieba.lcut`` over the raw text of ``files`` with one warm tokenizer."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources
        import jieba

    jieba.setLogLevel(logging.WARNING)
    texts = [p.read_text(encoding="utf-8") for p in files]
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.lcut(texts[0])  # warm: dictionary loaded, HMM tables touched
    start, cpu_start = time.perf_counter(), time.process_time()
    tokens = sum(len(tokenizer.lcut(text)) for text in texts)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    chars = sum(map(len, texts))
    return {
        "text": "raw",
        "chars": chars,
        "tokens": tokens,
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu_seconds, 3),
        "chars_per_s": round(chars / seconds),
    }


def measure_size(
    generator: CorpusGenerator, size_mb: float, folder: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Make the corpus of ``size_mb`` in ``folder``, build it, take every measure."""
    label = f"{size_mb:g} MB"
    began = time.perf_counter()
    corpus = folder / "corpus"
    files = generator.write(corpus, int(size_mb * MB))
    result: dict[str, Any] = {
        "size_mb": size_mb,
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "generate_s": round(time.perf_counter() - began, 2),
    }
    out = folder / "out"
    cold = run_build(corpus, out, args.jobs, args.timeout)
    result["build"] = cold.summary()
    print(f"  {label}: cold build {cold.status} in {cold.wall_s:.1f} s", flush=True)
    if cold.ok:
        jieba = result["jieba"] = time_jieba(files)
        result["ratio_build_over_jieba"] = round(
            cold.chars / cold.wall_s / jieba["chars_per_s"], 4
        )
        # The same ratio in CPU seconds, which other work on the machine
        # disturbs less than wall seconds.
        result["ratio_build_over_jieba_cpu"] = round(
            cold.chars / cold.cpu_s / (jieba["chars"] / jieba["cpu_s"]), 4
        )
        if size_mb <= args.queries_max_mb:
            result["queries"] = time_named_queries(out)
        if size_mb == args.jobs_size and args.compare_jobs != args.jobs:
            result["jobs"] = compare_jobs(cold, corpus, out, args)
        if size_mb <= args.incremental_max_mb:
            result["incremental"] = rebuild_after_edit(
                cold, files[0], corpus, out, args
            )
    result["bench_s"] = round(time.perf_counter() - began, 1)
    return result


#: The value a named query's required parameter gets (every corpus has one).
QUERY_PARAM = "实验小学"


def time_named_queries(out: Path) -> list[dict[str, Any]]:
    """Run every named query on the build in ``out`` as ``kg query`` does."""
    from kg.query import named_queries

    timings = []
    for query in named_queries():
        command = [
            sys.executable,
            "-m",
            "kg",
            "query",
            str(out),
            query.name,
            "-f",
            "csv",
        ]
        for param in query.params:
            if param.required:
                command += ["--param", f"{param.name}={QUERY_PARAM}"]
        began = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        seconds = time.perf_counter() - began
        timings.append(
            {
                "query": query.name,
                "seconds": round(seconds, 2),
                "rows": _csv_rows(done.stdout) if done.returncode == 0 else None,
                "status": "ok" if done.returncode == 0 else "error",
            }
        )
    slowest = max(timings, key=lambda t: t["seconds"])
    print(f"    named queries: slowest {slowest['query']} {slowest['seconds']} s")
    return timings


def _csv_rows(data: bytes) -> int:
    """Rows of a CSV text after its header (a quoted cell may hold a newline)."""
    return sum(1 for _ in csv.reader(io.StringIO(data.decode("utf-8")))) - 1


#: The stages (report.json timings) that run per report, in the workers.
PER_REPORT_STAGES = ("ingest", "extract")


def compare_jobs(
    base: BuildRun, corpus: Path, base_out: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Build ``corpus`` with ``--compare-jobs`` workers against ``base``.

    ``base_out`` holds the graph ``base`` wrote, not yet rebuilt.
    """
    out = base_out.with_name(f"out-j{args.compare_jobs}")
    other = run_build(corpus, out, args.compare_jobs, args.timeout)
    print(f"    -j {args.compare_jobs}: {other.status} in {other.wall_s:.1f} s")
    comparison: dict[str, Any] = {
        "jobs": [args.jobs, args.compare_jobs],
        "wall_s": [round(base.wall_s, 2), round(other.wall_s, 2)],
        "build": other.summary(),
    }
    if other.ok:
        comparison["ratio"] = round(other.wall_s / base.wall_s, 3)
        # What the workers run (reading and extraction), without the serial
        # resolution and writing that follow: what -j can speed up.
        per_report = [
            sum(run.report["timings"].get(stage, 0.0) for stage in PER_REPORT_STAGES)
            for run in (base, other)
        ]
        if per_report[0] > 0:
            comparison["per_report_ratio"] = round(per_report[1] / per_report[0], 3)
        # Free determinism check: the README promises the same graph for any -j.
        same = (base_out / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
        comparison["same_graph"] = same
    return comparison


def rebuild_after_edit(
    cold: BuildRun, report: Path, corpus: Path, out: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Append a sentence to ``report`` and rebuild ``corpus`` into ``out``."""
    with report.open("a", encoding="utf-8") as handle:
        handle.write(APPENDED_SENTENCE)
    again = run_build(corpus, out, args.jobs, args.timeout)
    print(f"    rebuild after one edit: {again.status} in {again.wall_s:.1f} s")
    rebuild: dict[str, Any] = {"changed": report.name, "build": again.summary()}
    if again.ok:
        rebuild["ratio"] = round(again.wall_s / cold.wall_s, 3)
    return rebuild


# ---------------------------------------------------------------- printing


def markdown_tables(results: list[dict[str, Any]]) -> str:
    """The results as Markdown tables, one per aspect."""
    built = [r for r in results if r["build"]["status"] == "ok"]
    keys = {k for r in built for k in r["build"]["timings_s"]}
    stages = [k for k in STAGE_ORDER if k in keys] + sorted(keys - set(STAGE_ORDER))
    rebuilt = [r for r in built if "incremental" in r]
    compared = [r for r in built if "jobs" in r]
    tables = [
        _table("Cold builds", COLD_COLUMNS, [_cold_row(r) for r in results]),
        _table(
            "Stage seconds (report.json timings)",
            ["size", *stages],
            [[_size_label(r), *_stage_cells(r, stages)] for r in built],
        ),
        _table(
            "Outputs (MB)",
            ["size", "graph.ttl", "graph.graphml", "store/"],
            [
                [_size_label(r), *map(_num, r["build"]["outputs_mb"].values())]
                for r in built
            ],
        ),
        _table(
            "Rebuild after appending a sentence to one report",
            ["size", "cold s", "rebuild s", "rebuild / cold"],
            [_rebuild_row(r) for r in rebuilt],
        ),
        _table("Worker processes", JOBS_COLUMNS, [_jobs_row(r) for r in compared]),
        _table(
            "Named queries (kg query OUT NAME -f csv, process start included)",
            ["size", "query", "s", "rows"],
            [
                [_size_label(r), q["query"], _num(q["seconds"], 2), _num(q["rows"])]
                for r in built
                for q in r.get("queries", ())
            ],
        ),
    ]
    return "\n\n".join(t for t in tables if t)


COLD_COLUMNS = [
    "size",
    "reports",
    "chars",
    "wall s",
    "cpu s",
    "load",
    "chars/s",
    "jieba chars/s",
    "build / jieba",
    "build / jieba (cpu s)",
    "peak RSS tree MB",
    "peak RSS process MB",
    "triples",
    "bench s",
]
JOBS_COLUMNS = [
    "size",
    "-j A s",
    "-j B s",
    "B / A",
    "per-report stages B / A",
    "-j A peak RSS tree MB",
    "-j B peak RSS tree MB",
    "same graph",
]


def _cold_row(result: dict[str, Any]) -> list[str]:
    build = result["build"]
    return [
        _size_label(result),
        _num(build.get("reports")),
        _num(build.get("chars")),
        _wall(build),
        _num(build["cpu_s"]),
        _num(build["load_before"]),
        _num(build.get("chars_per_s")),
        _num(result.get("jieba", {}).get("chars_per_s")),
        _num(result.get("ratio_build_over_jieba"), 4),
        _num(result.get("ratio_build_over_jieba_cpu"), 4),
        _num(build["peak_tree_rss_mb"]),
        _num(build["peak_process_rss_mb"]),
        _num(build.get("triples")),
        _num(result.get("bench_s")),
    ]


def _stage_cells(result: dict[str, Any], stages: list[str]) -> list[str]:
    return [_num(result["build"]["timings_s"].get(stage)) for stage in stages]


def _rebuild_row(result: dict[str, Any]) -> list[str]:
    rebuild = result["incremental"]
    return [
        _size_label(result),
        _num(result["build"]["wall_s"]),
        _wall(rebuild["build"]),
        _num(rebuild.get("ratio"), 3),
    ]


def _jobs_row(result: dict[str, Any]) -> list[str]:
    jobs = result["jobs"]
    a, b = jobs["jobs"]
    return [
        f"{_size_label(result)}, A={a}, B={b}",
        _num(result["build"]["wall_s"]),
        _wall(jobs["build"]),
        _num(jobs.get("ratio"), 3),
        _num(jobs.get("per_report_ratio"), 3),
        _num(result["build"]["peak_tree_rss_mb"]),
        _num(jobs["build"]["peak_tree_rss_mb"]),
        str(jobs.get("same_graph", "–")),
    ]


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    """A titled Markdown table, or "" without rows."""
    if not rows:
        return ""
    rule = ["---", *("---:" for _ in header[1:])]
    lines = [f"### {title}", "", _cells(header), _cells(rule)]
    return "\n".join(lines + [_cells(row) for row in rows])


def _cells(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _size_label(result: dict[str, Any]) -> str:
    return f"{result['size_mb']:g} MB"


def _wall(build: dict[str, Any]) -> str:
    return _num(build["wall_s"]) if build["status"] == "ok" else build["status"]


def _num(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


# -------------------------------------------------------------------- main


def _sizes(text: str) -> list[float]:
    try:
        sizes = sorted({float(s) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not sizes or sizes[0] <= 0:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[1, 4, 16, 64],
        metavar="MB,MB",
        help="corpus sizes in MB (default 1,4,16,64)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        action="append",
        metavar="DIR",
        help="a folder of source reports, repeatable (default: seeds and dev"
        " in ../shared/corpus)",
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--any-names",
        action="store_true",
        help="replace regions with names several divisions share (桥西区) too",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="build workers (default 1)"
    )
    parser.add_argument(
        "--compare-jobs",
        type=int,
        default=2,
        help="workers compared with --jobs (default 2)",
    )
    parser.add_argument(
        "--jobs-size",
        type=float,
        default=1.0,
        metavar="MB",
        help="size of the workers comparison, added to --sizes if missing;"
        " 0 skips it (default 1)",
    )
    parser.add_argument(
        "--incremental-max-mb",
        type=float,
        default=16.0,
        metavar="MB",
        help="rebuild after an edit for sizes up to this; 0 skips it (default 16)",
    )
    parser.add_argument(
        "--queries-max-mb",
        type=float,
        default=16.0,
        metavar="MB",
        help="time every named query for sizes up to this; 0 skips it (default 16)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800.0,
        metavar="SECONDS",
        help="a build running longer is ended and recorded as timeout (default 1800)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="write corpora and outputs here and keep them (default: a temporary"
        " folder, each size removed once measured)",
    )
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the results here"
    )
    args = parser.parse_args(argv)
    args.source = args.source or list(DEFAULT_SOURCES)
    for folder in args.source:
        if not folder.is_dir():
            parser.error(f"{folder}: no such folder (use --source DIR)")
    if args.jobs_size and args.jobs_size not in args.sizes:
        args.sizes = sorted({*args.sizes, args.jobs_size})
    return args


def _git_commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every build succeeded."""
    args = parse_args(argv)
    # Read now: the branch may move while a long run is going.
    commit = _git_commit()
    sources = read_sources(args.source)
    generator = CorpusGenerator(
        sources, seed=args.seed, unique_names=not args.any_names
    )
    print(
        f"{len(sources)} source reports,"
        f" {sum(len(t.encode()) for _, t in sources):,} bytes;"
        f" sizes {', '.join(f'{s:g}' for s in args.sizes)} MB",
        flush=True,
    )
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size_mb in args.sizes:
            if results and results[-1]["build"]["status"] == "timeout":
                # A larger corpus would run out of time too.
                print(f"  {size_mb:g} MB: skipped after a timeout")
                continue
            folder = work / f"{size_mb:g}mb"
            results.append(measure_size(generator, size_mb, folder, args))
            if not args.keep:
                # The outputs of 64 MB take gigabytes: free them before the next.
                shutil.rmtree(folder)

    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "sources": [str(p) for p in args.source],
        "seed": args.seed,
        "unique_names": not args.any_names,
        "jobs": args.jobs,
        "timeout_s": args.timeout,
    }
    print()
    print(
        f"EduKG {meta['commit']}, Python {meta['python']}, {meta['cpus']} CPUs,"
        f" -j {args.jobs}, seed {args.seed}; jieba timed on the raw text"
    )
    print()
    print(markdown_tables(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": meta, "results": results}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        print(f"\nwrote {args.json}")
    failed = [r for r in results if r["build"]["status"] != "ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
