"""``kg serve``'s pages in a real browser: headless Debian Chromium via Playwright.

As in ``test_browser.py`` (which explains the set-up), the module is skipped
without Chromium or Playwright. The server runs in a thread on a free
loopback port; every request the page makes off 127.0.0.1 is refused and
fails the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import Built
from test_serve import running

from kg.query import run_query
from kg.serve import make_server

CHROMIUM = Path(os.environ.get("EDUKG_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed"
)

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 30_000
QUERY = "SELECT ?name WHERE { ?b a edu:Bureau ; rdfs:label ?name } ORDER BY ?name"


@dataclass
class Opened:
    """A page and what it did."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_quiet_and_offline(self) -> None:
        assert self.errors == []
        outside = [u for u in self.requests if urlsplit(u).hostname != "127.0.0.1"]
        assert outside == []


@pytest.fixture(scope="module")
def base(example_build: Built) -> Iterator[str]:
    with running(make_server(example_build.out, port=0)) as url:
        yield url


@pytest.fixture
def open_page() -> Iterator[Any]:
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
        )
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)

        def opener(url: str) -> Opened:
            page = context.new_page()
            opened = Opened(page)
            context.on("request", lambda req: opened.requests.append(req.url))
            page.on(
                "console",
                lambda msg: (
                    opened.errors.append(msg.text) if msg.type == "error" else None
                ),
            )
            page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
            context.route(
                lambda u: urlsplit(u).hostname != "127.0.0.1",
                lambda route: route.abort("blockedbyclient"),
            )
            page.goto(url)
            return opened

        try:
            yield opener
        finally:
            context.close()
            browser.close()


def test_type_a_query_run_it_see_rows(
    base: str, open_page: Any, example_build: Built
) -> None:
    expected = [row[0] for row in run_query(example_build.out, QUERY).rows]
    assert expected
    opened = open_page(base + "sparql")
    page = opened.page
    page.wait_for_selector(".CodeMirror")
    page.click(".CodeMirror")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(QUERY)
    page.click(".yasqe_queryButton")
    page.wait_for_function(
        "n => document.querySelectorAll('.yasr table.dataTable tbody tr').length >= n",
        arg=len(expected),
    )
    cells = page.eval_on_selector_all(
        ".yasr table.dataTable tbody tr td:nth-child(2)",
        "tds => tds.map(td => td.textContent.trim())",
    )
    for name in expected:
        assert any(name in cell for cell in cells), (name, cells)
    assert page.locator('a[href="/"]').count() == 1
    opened.assert_quiet_and_offline()


def test_a_named_query_is_one_click(base: str, open_page: Any) -> None:
    opened = open_page(base + "sparql")
    page = opened.page
    page.wait_for_selector(".CodeMirror")
    page.click("#examples button:text-is('reports')")
    page.wait_for_function(
        "() => document.querySelectorAll('.yasr table.dataTable tbody tr').length > 0"
    )
    # With a parameter: bound as a value ($name on /query), then run.
    page.click("#examples button:text-is('reports-mentioning')")
    page.fill("#params input[name=name]", "实验小学")
    page.dispatch_event("#params input[name=name]", "change")
    page.click(".yasqe_queryButton")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.yasr table.dataTable tbody td')]"
        ".some(td => td.textContent.includes('实验小学'))"
    )
    opened.assert_quiet_and_offline()


def test_the_explorer_runs_under_the_servers_csp(base: str, open_page: Any) -> None:
    opened = open_page(base)
    opened.page.wait_for_function(
        "() => document.documentElement.hasAttribute('data-kg-ready')"
    )
    opened.assert_quiet_and_offline()
