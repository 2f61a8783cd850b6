"""Whole-table named queries written by ``kg build`` and read by ``kg query``."""

from __future__ import annotations

import dataclasses
import json
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, Built
from test_serve import http, post, running

import kg.query
import kg.tables
from kg.cli import cli
from kg.pipeline import build
from kg.query import NamedQuery, format_result, named_query, open_store
from kg.serve import make_server
from kg.tables import MANIFEST, TABLES_DIR, read_table, tabled_queries, write_tables

TABLED = tabled_queries()
WHOLE_TABLES = {"evidence", "planned-and-reported", "figures-by-year", "region-record"}


@pytest.fixture
def build_copy(example_build: Built, tmp_path: Path) -> Path:
    """A private copy of the example build folder (links and mtimes kept)."""
    out = tmp_path / "out"
    shutil.copytree(example_build.out, out, symlinks=True)
    return out


def _live(out: Path, query: NamedQuery, params: dict | None = None):
    """The query evaluated on the store, never from a table."""
    return kg.query.run_query(open_store(out), query.sparql, params)


def _no_evaluation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the query was evaluated")

    monkeypatch.setattr(kg.query, "run_query", refuse)


def _evaluations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = kg.query.run_query

    def spy(graph, sparql, *args, **kwargs):
        calls.append(sparql)
        return original(graph, sparql, *args, **kwargs)

    monkeypatch.setattr(kg.query, "run_query", spy)
    return calls


def test_the_whole_table_queries_are_the_tabled_ones() -> None:
    assert {q.name for q in TABLED} == WHOLE_TABLES
    # A table is the answer without parameters: none may be required.
    assert all(not p.required for q in TABLED for p in q.params)


def test_a_header_line_asks_for_a_table() -> None:
    tabled = NamedQuery.from_text("x", "# Find.\n# table: why\nSELECT * {}")
    assert tabled.table and tabled.description == "Find."
    assert not NamedQuery.from_text("x", "# Find.\nSELECT * {}").table
    assert not NamedQuery.from_text("x", "# Tables of schools.\nSELECT * {}").table


def test_a_build_writes_a_table_per_tabled_query(example_build: Built) -> None:
    folder = example_build.out / TABLES_DIR
    assert example_build.report_json["outputs"][TABLES_DIR] == str(folder)
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    assert set(manifest["tables"]) == WHOLE_TABLES
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [MANIFEST, *(f"{name}.tsv" for name in WHOLE_TABLES)]
    )
    assert "tables" in example_build.report_json["timings"]


@pytest.mark.parametrize("query", TABLED, ids=lambda q: q.name)
def test_a_table_answers_as_the_query_does(example_build: Built, query) -> None:
    table = read_table(example_build.out, query)
    assert table is not None
    assert table.rows, f"{query.name}: an empty table proves nothing"
    assert table == _live(example_build.out, query)
    for fmt in ("csv", "tsv", "json", "table"):
        assert format_result(table, fmt) == format_result(
            _live(example_build.out, query), fmt
        )


def test_kg_query_reads_the_table_without_evaluating(
    example_build: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = format_result(_live(example_build.out, named_query("evidence")), "csv")
    _no_evaluation(monkeypatch)
    for graph in (example_build.out, example_build.ttl):
        result = CliRunner().invoke(cli, ["query", str(graph), "evidence", "-f", "csv"])
        assert result.exit_code == 0, result.output
        assert result.stdout == expected


def test_a_parameter_evaluates_the_query(
    example_build: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _evaluations(monkeypatch)
    query = named_query("evidence")
    narrowed = query.run(example_build.out, {"name": "幼儿园"})
    assert calls == [query.sparql]
    assert narrowed.rows
    assert len(narrowed.rows) < len(read_table(example_build.out, query).rows)


def test_an_edited_query_is_evaluated(
    example_build: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = named_query("figures-by-year")
    edited = dataclasses.replace(query, sparql=query.sparql.replace("?unit", "?u"))
    assert read_table(example_build.out, edited) is None
    calls = _evaluations(monkeypatch)
    result = edited.run(example_build.out)
    assert calls == [edited.sparql]
    assert "u" in result.variables


def test_an_edited_graph_is_evaluated_not_the_old_table(build_copy: Path) -> None:
    ttl = build_copy / "graph.ttl"
    ttl.write_text(
        "<urn:x:r> a <https://w3id.org/edukg/ontology#Report> .\n", encoding="utf-8"
    )
    query = named_query("figures-by-year")
    assert read_table(build_copy, query) is None
    assert query.run(build_copy).rows == ()


def test_a_changed_table_file_is_not_used(
    build_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    query = named_query("evidence")
    expected = _live(build_copy, query)
    path = build_copy / TABLES_DIR / "evidence.tsv"
    data = bytearray(path.read_bytes())
    data[-3] ^= 1  # same size, other bytes
    path.chmod(0o644)
    path.write_bytes(bytes(data))
    assert read_table(build_copy, query) is None
    assert "changed since the build" in caplog.text
    assert query.run(build_copy) == expected


def test_a_missing_manifest_means_no_table(build_copy: Path) -> None:
    (build_copy / TABLES_DIR / MANIFEST).unlink()
    query = named_query("region-record")
    assert read_table(build_copy, query) is None
    assert query.run(build_copy) == _live(build_copy, query)


def test_a_build_without_tables_removes_the_old_ones(build_copy: Path) -> None:
    report = build(EXAMPLES, build_copy, html=False, tables=False)
    assert not (build_copy / TABLES_DIR).exists()
    assert TABLES_DIR not in report.outputs
    assert read_table(build_copy, named_query("evidence")) is None
    assert named_query("evidence").run(build_copy).rows


def test_kg_tables_writes_after_no_tables_what_a_build_writes(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_tables = _tables(build_copy / TABLES_DIR)
    build(EXAMPLES, build_copy, html=False, tables=False)
    assert not (build_copy / TABLES_DIR).exists()

    result = CliRunner().invoke(cli, ["tables", str(build_copy)])
    assert result.exit_code == 0, result.output
    for name in WHOLE_TABLES:
        assert name in result.output
    # The same files, manifest included, in the current generation.
    assert _tables(build_copy / TABLES_DIR) == with_tables
    assert (build_copy / TABLES_DIR).resolve().parent == (
        (build_copy / "graph.ttl").resolve().parent
    )
    _no_evaluation(monkeypatch)
    assert format_result(named_query("evidence").run(build_copy), "csv")


def test_a_build_after_kg_tables_switches_its_tables(
    build_copy: Path, example_copy: Path
) -> None:
    build(example_copy, build_copy, html=False, tables=False)
    assert CliRunner().invoke(cli, ["tables", str(build_copy)]).exit_code == 0
    first = sorted(example_copy.iterdir())[0]
    first.write_text(first.read_text("utf-8") + "\n全县新建学校3所。\n", "utf-8")

    build(example_copy, build_copy, html=False)
    query = named_query("evidence")
    table = read_table(build_copy, query)
    assert table is not None
    assert table.rows == _live(build_copy, query).rows
    build(example_copy, build_copy, html=False, tables=False)
    assert not (build_copy / TABLES_DIR).exists()


def test_kg_tables_names_a_folder_without_a_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tables", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{tmp_path}: no build here" in result.output
    assert not (tmp_path / TABLES_DIR).exists()


def test_kg_tables_refuses_a_stale_store(build_copy: Path) -> None:
    build(EXAMPLES, build_copy, html=False, tables=False)
    graph = (build_copy / "graph.ttl").resolve()
    graph.write_bytes(graph.read_bytes() + b"\n")  # the store no longer matches
    result = CliRunner().invoke(cli, ["tables", str(build_copy)])
    assert result.exit_code == 2
    assert "no query tables written" in result.output
    assert not (build_copy / TABLES_DIR).exists()


def test_a_rebuild_of_the_same_graph_copies_its_tables(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {
        p.name: p.read_bytes() for p in sorted((build_copy / TABLES_DIR).iterdir())
    }

    def refuse(*args: object) -> None:
        raise AssertionError("evaluated again")

    monkeypatch.setattr(kg.tables, "_evaluate", refuse)
    build(EXAMPLES, build_copy, html=False)
    after = {
        p.name: p.read_bytes() for p in sorted((build_copy / TABLES_DIR).iterdir())
    }
    assert after == before


def _tables(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_two_threads_write_the_same_tables_as_one(build_copy: Path) -> None:
    ttl = (build_copy / "graph.ttl").resolve()
    one = _tables(ttl.parent / TABLES_DIR)
    shutil.rmtree(ttl.parent / TABLES_DIR)
    assert set(write_tables(ttl, threads=2)) == WHOLE_TABLES
    assert _tables(ttl.parent / TABLES_DIR) == one


def test_the_second_thread_waits_for_its_start(
    build_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The build lets a second table start only once GraphML is written:
    # until then every table is evaluated on the first thread.
    ttl = (build_copy / "graph.ttl").resolve()
    more = threading.Event()
    threads: list[int] = []
    original = kg.tables._evaluate

    def spy(store, sparql: str, path: Path) -> None:
        threads.append(threading.get_ident())
        original(store, sparql, path)
        if len(threads) == len(WHOLE_TABLES):
            more.set()

    monkeypatch.setattr(kg.tables, "_evaluate", spy)
    written = write_tables(ttl, threads=2, more_after=more)
    assert set(written) == WHOLE_TABLES
    assert len(set(threads)) == 1


def test_a_query_that_fails_costs_its_table_only(
    build_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = NamedQuery("broken", "", "SELECT ?x WHERE { ?x edu:p ?y ", table=True)
    good = named_query("figures-by-year")
    ttl = (build_copy / "graph.ttl").resolve()
    shutil.rmtree(ttl.parent / TABLES_DIR)
    written = write_tables(ttl, (broken, good))
    assert set(written) == {"figures-by-year"}
    assert "no table for query broken" in caplog.text
    assert read_table(build_copy, good) == _live(build_copy, good)


@pytest.mark.parametrize(
    "accept",
    [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_kg_serve_answers_a_tabled_query_from_its_table(
    example_build: Built, accept: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[bool] = []
    original = kg.tables.table_solutions

    def spy(graph, query):
        solutions = original(graph, query)
        read.append(solutions is not None)
        return solutions

    monkeypatch.setattr(kg.tables, "table_solutions", spy)
    with running(make_server(example_build.out, "127.0.0.1", 0)) as url:
        tabled = http(url + "queries/evidence", headers={"Accept": accept})
        sparql = named_query("evidence").sparql
        live = http(
            url + "query",
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
        )
    assert read == [True]
    assert tabled.status == live.status == 200
    assert tabled.type == live.type
    assert tabled.body == live.body


def test_a_writable_server_evaluates_what_its_updates_changed(
    build_copy: Path,
) -> None:
    server = make_server(build_copy, port=0, writable=True)
    with running(server) as url:
        before = http(url + "queries/figures-by-year").json()["results"]["bindings"]
        delete = "DELETE WHERE { ?i a edu:Indicator }"
        assert post(url, "update", delete, "application/sparql-update").status == 204
        after = http(url + "queries/figures-by-year").json()["results"]["bindings"]
    assert before and after == []


def test_tables_that_cannot_be_written_cost_the_tables_not_the_build(
    example_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.tables, "_evaluate", disk_full)
    out = tmp_path / "out"
    report = build(example_copy, out, html=False)
    assert "No space left on device" in caplog.text
    assert TABLES_DIR not in report.outputs
    assert not (out / TABLES_DIR).exists()
    assert named_query("evidence").run(out).rows


# ------------------------------------------------------- updated tables

_NEW_REPORT = (
    "绵阳市涪城区教育局2024年工作总结\n\n"
    "2024年，涪城区实验小学荣获全国文明校园称号，全区新建学校3所，"
    "新增学位2400个。区教育局实施“强校工程”。\n"
)


def _edit_honour(corpus: Path) -> None:
    report = corpus / "01_chengdu_wenjiang_2023_summary.txt"
    text = report.read_text("utf-8")
    report.write_text(
        text + "\n温江区东大街第一小学荣获全国青少年校园足球特色学校称号。"
        "全年资助学生1200人次。\n",
        "utf-8",
    )


def _delete_one(corpus: Path) -> None:
    (corpus / "04_chongqing_dazu_2023_summary.txt").unlink()


def _add_one(corpus: Path) -> None:
    (corpus / "05_mianyang_fucheng_2024_summary.txt").write_text(_NEW_REPORT, "utf-8")


def _add_one_naming_a_school_whole(corpus: Path) -> None:
    # 大足区宝顶镇中心小学 becomes the label of the school another report
    # names 宝顶镇中心小学: that report's rows change too.
    (corpus / "06_jingxian_brief_2024.txt").write_text(
        "泾县教育局2024年工作简报\n大足区宝顶镇中心小学获评市级文明校园。\n", "utf-8"
    )


@pytest.mark.parametrize(
    "edit", [_edit_honour, _delete_one, _add_one, _add_one_naming_a_school_whole]
)
def test_a_rebuild_updates_the_tables_a_cold_build_would_write(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit
) -> None:
    out = tmp_path / "out"
    build(example_copy, out, html=False)
    before = _tables(out / TABLES_DIR)
    edit(example_copy)
    evaluated: list[str] = []
    original = kg.tables._evaluate

    def spy(store, sparql: str, path: Path) -> None:
        evaluated.append(path.stem)
        original(store, sparql, path)

    monkeypatch.setattr(kg.tables, "_evaluate", spy)
    build(example_copy, out, html=False)
    assert evaluated == []  # every shipped table is updated
    monkeypatch.undo()
    cold = tmp_path / "cold"
    build(example_copy, cold, html=False)
    updated = _tables(out / TABLES_DIR)
    assert updated == _tables(cold / TABLES_DIR)
    assert updated != before


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT REDUCED ?file WHERE { ?r edu:sourceFile ?file } ORDER BY ?file",
        "SELECT ?file WHERE { ?r edu:sourceFile ?file } ORDER BY DESC(?file)",
        "SELECT ?file WHERE { ?r edu:sourceFile ?file } ORDER BY (STR(?file))",
        "SELECT ?file WHERE { ?r edu:sourceFile ?file }",
        # a predicate it cannot name: a change to it would go unseen
        "SELECT ?file WHERE { ?r foo:file ?file } ORDER BY ?file",
    ],
)
def test_a_table_it_cannot_keep_in_order_is_evaluated_whole(sparql: str) -> None:
    assert kg.tables._updatable(NamedQuery("q", "", sparql, table=True)) is None


def test_an_update_reads_the_predicates_its_query_names() -> None:
    query = NamedQuery(
        "q",
        "",
        "SELECT ?file ?l WHERE { ?r a edu:Report ; edu:sourceFile ?file . "
        "OPTIONAL { ?r dcterms:publisher/rdfs:label ?l } } "
        'ORDER BY (CONCAT("~", ?file)) ?l',
        table=True,
    )
    updatable = kg.tables._updatable(query)
    assert updatable is not None
    assert updatable.order == ((True, "file"), (False, "l"))
    edu = "https://w3id.org/edukg/ontology#"
    assert {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        edu + "sourceFile",
        "http://purl.org/dc/terms/publisher",
        "http://www.w3.org/2000/01/rdf-schema#label",
    } <= updatable.predicates


class _ReachedFiles:
    """A change reaching the reports whose rows have ``cells`` as file, whose
    part of the new graph is ``part`` (what kg.tables._Delta gives)."""

    def __init__(self, part, cells: set[bytes]) -> None:
        self.part, self.cells = part, cells

    def reports_reached(self, predicates, store) -> set[str]:
        return {"reached"}

    def part_of(self, reached, predicates, store):
        return self.part

    def file_cells(self, reached, store) -> set[bytes]:
        return self.cells


def _report_store(reports: dict[str, list]):
    """A store of reports (file name: the literals they are labelled with)."""
    import pyoxigraph as ox

    edu = "https://w3id.org/edukg/ontology#"
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store = ox.Store()
    for file, labels in reports.items():
        report = ox.NamedNode(f"https://w3id.org/edukg/id/report/{file}")
        store.add(ox.Quad(report, ox.NamedNode(edu + "sourceFile"), ox.Literal(file)))
        for text in labels:
            store.add(ox.Quad(report, label, text))
    return store


_LABELLED = NamedQuery(
    "labelled",
    "",
    "SELECT ?file ?l WHERE { ?r edu:sourceFile ?file . OPTIONAL { ?r rdfs:label ?l } }"
    ' ORDER BY (CONCAT("~", ?file)) (CONCAT("~", ?l))',
    table=True,
)


def _labels(*texts: str, lang: str | None = "zh"):
    import pyoxigraph as ox

    return [ox.Literal(text, language=lang) for text in texts]


def test_an_updated_table_places_each_new_row_as_the_query_orders_it(
    tmp_path: Path,
) -> None:
    old = {
        "a.txt": _labels("乙", "甲"),
        "c.txt": _labels("丙"),
        "e.txt": [],
        "g.txt": _labels("丁", "戊", "甲"),
    }
    new = {"b.txt": _labels("己", "甲"), "f.txt": [], "h.txt": _labels("庚")}
    old_table, updated = tmp_path / "old.tsv", tmp_path / "new.tsv"
    kg.tables._evaluate(_report_store(old), _LABELLED.sparql, old_table)
    # c.txt changed: its row goes, its new rows come.
    new["c.txt"] = _labels("辛", "丙")
    cells = {b'"c.txt"', b'"b.txt"', b'"f.txt"', b'"h.txt"'}
    delta = _ReachedFiles(_report_store(new), cells)
    digest = kg.tables._update_table(
        _report_store({}), _LABELLED, old_table, updated, delta, reports=100
    )
    whole = tmp_path / "whole.tsv"
    kg.tables._evaluate(_report_store({**old, **new}), _LABELLED.sparql, whole)
    assert updated.read_bytes() == whole.read_bytes()
    assert digest == kg.tables.file_sha256(updated)


def test_a_new_row_equal_in_order_to_another_row_is_not_placed(
    tmp_path: Path,
) -> None:
    # CONCAT("~", ?l) orders "甲"@zh and "甲" alike: which comes first is the
    # engine's choice, so the table is evaluated whole instead.
    old = {"a.txt": _labels("甲"), "c.txt": []}
    old_table = tmp_path / "old.tsv"
    kg.tables._evaluate(_report_store(old), _LABELLED.sparql, old_table)
    delta = _ReachedFiles(_report_store({"a.txt": _labels("甲", lang=None)}), set())
    updated = tmp_path / "new.tsv"
    assert (
        kg.tables._update_table(
            _report_store({}), _LABELLED, old_table, updated, delta, reports=100
        )
        is None
    )
    assert not updated.exists()


def test_a_graphs_checksum_is_read_from_its_store_while_the_file_is_unchanged(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    import kg.store

    out = tmp_path / "out"
    build(example_copy, out, html=False)
    ttl = (out / "graph.ttl").resolve()
    expected = hashlib.sha256(ttl.read_bytes()).hexdigest()
    real_sha256 = kg.store.file_sha256

    def refuse(path: Path) -> str:
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(kg.store, "file_sha256", refuse)
    assert kg.store.graph_checksum(out) == expected
    monkeypatch.setattr(kg.store, "file_sha256", real_sha256)
    ttl.write_bytes(ttl.read_bytes() + b"\n")
    assert kg.store.graph_checksum(out) == hashlib.sha256(ttl.read_bytes()).hexdigest()
