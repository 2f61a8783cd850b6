"""Shared fixtures: paths to the bundled data and one build of the examples.

A build loads jieba and spaCy (seconds), so the example corpus is built once
per session into a temporary folder and shared; tests that build again reuse
the warm pipeline (``kg.workers`` keeps its NLP object).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

import kg.resolve
from kg.pipeline import build
from kg.types import BuildReport, Extraction, Resolution

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "reports"
ONTOLOGY = ROOT / "ontology" / "edukg.ttl"
DATA = ROOT / "kg" / "data"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--runslow`` (tests marked ``slow`` are skipped without it)."""
    parser.addoption("--runslow", action="store_true", help="run tests marked slow")


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Skip ``@pytest.mark.slow`` tests unless ``--runslow`` is given."""
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: needs --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@dataclass(frozen=True)
class Built:
    """One finished build and what went into it."""

    out: Path
    report: BuildReport
    report_json: dict
    extractions: tuple[Extraction, ...]
    resolution: Resolution

    @property
    def ttl(self) -> Path:
        """The build's ``graph.ttl``."""
        return self.out / "graph.ttl"


def build_capturing(input_path: Path, out: Path, **kwargs: object) -> Built:
    """Run :func:`kg.pipeline.build` and keep the extractions and resolution.

    ``kg.resolve.Resolver`` is wrapped for the duration of the build, so the
    resolution is exactly the one the graph files were written from, and
    the extractions are the ones it read, in the order it read them.
    """
    read: list[Extraction] = []
    resolved: list[Resolution] = []
    original_read = kg.resolve.Resolver.read
    original_finish = kg.resolve.Resolver.finish

    def spy_read(self: kg.resolve.Resolver, ex: Extraction) -> None:
        read.append(ex)
        original_read(self, ex)

    def spy_finish(self: kg.resolve.Resolver) -> Resolution:
        resolved.append(original_finish(self))
        return resolved[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.resolve.Resolver, "read", spy_read)
        mp.setattr(kg.resolve.Resolver, "finish", spy_finish)
        report = build(input_path, out, **kwargs)
    report_json = json.loads((out / "report.json").read_text(encoding="utf-8"))
    (resolution,) = resolved
    return Built(out, report, report_json, tuple(read), resolution)


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``examples/reports`` built once (with HTML) for the whole session."""
    return build_capturing(EXAMPLES, tmp_path_factory.mktemp("example-build"))


@pytest.fixture(scope="session")
def example_graph(example_build: Built) -> Graph:
    """The example build's ``graph.ttl`` parsed back with rdflib."""
    return Graph().parse(example_build.ttl, format="turtle")


@pytest.fixture(scope="session")
def ontology() -> Graph:
    """``ontology/edukg.ttl`` parsed with rdflib."""
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture
def example_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of ``examples/reports`` that a test may change."""
    target = tmp_path / "reports"
    target.mkdir()
    for source in sorted(EXAMPLES.iterdir()):
        (target / source.name).write_bytes(source.read_bytes())
    yield target


# --------------------------------------------------------------------------
# In CI a test may not skip for want of its prerequisites (../shared,
# Chromium, Playwright): a skip there would hide a check that never ran.
# --------------------------------------------------------------------------

#: Skip reasons that are choices, not missing prerequisites.
_SKIPS_ALLOWED_IN_CI = ("needs --runslow", "+SKIP", "win32", "POSIX signals")


def _skip_is_a_failure(report: pytest.TestReport | pytest.CollectReport) -> bool:
    if not os.environ.get("CI") or not report.skipped:
        return False
    if hasattr(report, "wasxfail"):
        return False
    reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else "")
    return not any(allowed in reason for allowed in _SKIPS_ALLOWED_IN_CI)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Turn a prerequisite skip into a failure when ``CI`` is set."""
    outcome = yield
    report = outcome.get_result()
    if _skip_is_a_failure(report):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run it: {report.longrepr}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    """A module skipped at import (no Chromium) fails when ``CI`` is set."""
    outcome = yield
    report = outcome.get_result()
    if _skip_is_a_failure(report):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which must run it: {report.longrepr}"
