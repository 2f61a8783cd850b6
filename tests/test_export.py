"""``kg export`` and :func:`kg.export.export_graph` on the example build."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, Built
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS

from kg.cli import cli
from kg.export import (
    EDGE_COLUMNS,
    ENTITY_CLASSES,
    EXPORTS,
    FORMATS,
    NODE_COLUMNS,
    ExportError,
    export_graph,
)
from kg.types import RELATION_TYPES
from kg.vocab import EDU

#: Every relation between entities the pipeline writes (kg.types).
RELATIONS = tuple(EDU[name] for name in RELATION_TYPES)
FILE_NAMES = {fmt: fmt if EXPORTS[fmt].folder else f"graph.{fmt}" for fmt in FORMATS}
# rdflib 7's own JSON-LD and TriG parsers still build a ConjunctiveGraph, and
# the TriG parser calls the deprecated Dataset.default_context.
JSONLD_WARNING = "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
TRIG_WARNING = "ignore:Dataset.default_context is deprecated:DeprecationWarning"


def kg(*args: str) -> Result:
    """Run ``kg ARGS…`` through click's runner."""
    return CliRunner().invoke(cli, list(args), prog_name="kg")


@pytest.fixture(scope="session")
def exports(
    example_build: Built, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every format exported once from the example build."""
    out = tmp_path_factory.mktemp("exports")
    return {
        fmt: export_graph(example_build.ttl, fmt, out / FILE_NAMES[fmt])
        for fmt in FORMATS
        if fmt != "parquet" or _has_pyarrow()
    }


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="session")
def entities(example_graph: Graph) -> set[URIRef]:
    """IRIs of every typed entity and report (the network's nodes)."""
    classes = {EDU[name] for name in ENTITY_CLASSES}
    return {s for s, o in example_graph.subject_objects(RDF.type) if o in classes}


@pytest.fixture(scope="session")
def relations(example_graph: Graph) -> list[tuple]:
    """The relation triples between entities (and report publishers)."""
    return [
        t
        for p in (*RELATIONS, DCTERMS.publisher)
        for t in example_graph.triples((None, p, None))
    ]


def read_bytes(path: Path) -> dict[str, bytes]:
    """A file's bytes, or every file's bytes of a folder, by name."""
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


# ------------------------------------------------------------ RDF formats


def test_nt_parses_back_to_the_same_triples(
    exports: dict[str, Path], example_graph: Graph
) -> None:
    graph = Graph().parse(exports["nt"], format="nt")
    assert len(graph) == len(example_graph)
    assert set(graph) == set(example_graph)


@pytest.mark.filterwarnings(JSONLD_WARNING)
def test_jsonld_parses_back_to_the_same_triples(
    exports: dict[str, Path], example_graph: Graph
) -> None:
    graph = Graph().parse(exports["jsonld"], format="json-ld")
    assert len(graph) == len(example_graph)
    assert set(graph) == set(example_graph)


def test_jsonld_has_a_prefix_context_and_compact_keys(
    exports: dict[str, Path],
) -> None:
    document = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    context = document["@context"]
    for prefix in ("edu", "rdfs", "skos", "dcterms"):
        assert prefix in context
    school = next(n for n in document["@graph"] if n.get("@type") == "edu:School")
    assert school["@id"].startswith("id:school/")
    assert school["rdfs:label"]["@language"] == "zh"
    assert "edu:locatedIn" in school


@pytest.mark.filterwarnings(TRIG_WARNING, JSONLD_WARNING)
def test_trig_puts_evidence_in_one_named_graph_per_report(
    exports: dict[str, Path], example_graph: Graph
) -> None:
    dataset = Dataset()
    dataset.parse(exports["trig"], format="trig")
    quads = [
        (s, p, o, None if g in (None, DATASET_DEFAULT_GRAPH_ID) else g)
        for s, p, o, g in dataset.quads((None, None, None, None))
    ]
    assert len(quads) == len(example_graph)
    assert {(s, p, o) for s, p, o, _ in quads} == set(example_graph)

    reports = set(example_graph.subjects(RDF.type, EDU.Report))
    named = {g for *_, g in quads if g is not None}
    assert named == {URIRef(f"{r}/evidence") for r in reports}
    evidence_types = {RDF.Statement, EDU.Mention}
    for s, p, o, g in quads:
        if p == RDF.type and o in evidence_types:
            assert g is not None, f"evidence {s} is in the default graph"
            report = URIRef(str(g).removesuffix("/evidence"))
            assert (s, EDU.inReport, report) in example_graph
        if p in RELATIONS or (p == RDF.type and o == EDU.School):
            assert g is None, f"fact {s} {p} {o} is in a named graph"


# ------------------------------------------------------- network formats


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_read_back_with_networkx(
    fmt: str,
    exports: dict[str, Path],
    entities: set[URIRef],
    relations: list[tuple],
) -> None:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    graph = reader(exports[fmt])
    assert graph.number_of_nodes() == len(entities)
    assert set(graph.nodes) == {str(e) for e in entities}
    assert graph.number_of_edges() == len(relations)
    for _, data in graph.nodes(data=True):
        assert {"type", "label", "aliases", "region", "division_code"} <= set(data)
        assert data["type"] in ENTITY_CLASSES
    relation_names = {str(p).rsplit("#", 1)[-1] for p in RELATIONS} | {"publisher"}
    for _, _, data in graph.edges(data=True):
        assert data["relation"] in relation_names
        assert isinstance(data["evidence_count"], int)


def test_graphml_is_gephi_safe(exports: dict[str, Path]) -> None:
    text = exports["graphml"].read_text(encoding="utf-8")
    types = {
        line.split('attr.type="')[1].split('"')[0]
        for line in text.splitlines()
        if "<key " in line
    }
    assert types <= {"string", "long", "int"}
    ids = [
        line.split(' id="')[1].split('"')[0]
        for line in text.splitlines()
        if line.lstrip().startswith("<edge ")
    ]
    assert len(ids) == len(set(ids)), "GraphML edge ids must be unique"


def test_gexf_has_no_date(exports: dict[str, Path]) -> None:
    assert "lastmodifieddate" not in exports["gexf"].read_text(encoding="utf-8")


def test_network_attributes_match_the_graph(
    exports: dict[str, Path], example_graph: Graph
) -> None:
    graph = nx.read_graphml(exports["graphml"])
    region = next(example_graph.subjects(EDU.divisionLevel, None))
    data = graph.nodes[str(region)]
    assert data["type"] == "Region"
    assert data["division_code"] == str(example_graph.value(region, EDU.divisionCode))
    assert data["region"] == data["label"]
    school, place = next(
        (s, o)
        for s, o in example_graph.subject_objects(EDU.locatedIn)
        if (s, RDF.type, EDU.School) in example_graph
    )
    regions = graph.nodes[str(school)]["region"].split(" | ")
    assert str(example_graph.value(place, RDFS.label)) in regions


# ------------------------------------------------------------------- CSV


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file read with the csv module."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_csv_has_the_documented_columns_and_counts(
    exports: dict[str, Path],
    entities: set[URIRef],
    relations: list[tuple],
    example_graph: Graph,
) -> None:
    header, nodes = read_csv(exports["csv"] / "nodes.csv")
    assert header == list(NODE_COLUMNS)
    assert header == ["id", "type", "label", "aliases", "region", "division_code"]
    assert len(nodes) == len(entities)
    assert {row["id"] for row in nodes} == {str(e) for e in entities}

    header, edges = read_csv(exports["csv"] / "edges.csv")
    assert header == list(EDGE_COLUMNS)
    assert len(edges) == len(relations)
    statements = {
        (s, p, o): sum(
            1
            for st in example_graph.subjects(RDF.subject, s)
            if (st, RDF.predicate, p) in example_graph
            and (st, RDF.object, o) in example_graph
        )
        for s, p, o in relations
        if p != DCTERMS.publisher
    }
    located = [row for row in edges if row["relation"] == "locatedIn"]
    assert located
    for row in located:
        key = (URIRef(row["source"]), EDU.locatedIn, URIRef(row["target"]))
        assert int(row["evidence_count"]) == statements[key] >= 1
        assert row["first_evidence_sentence"]


def test_csv_is_utf8_without_bom(exports: dict[str, Path]) -> None:
    for name in ("nodes.csv", "edges.csv"):
        raw = (exports["csv"] / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")


def test_csv_reads_with_pandas(
    exports: dict[str, Path], entities: set[URIRef], relations: list[tuple]
) -> None:
    pd = pytest.importorskip("pandas")
    nodes = pd.read_csv(exports["csv"] / "nodes.csv", dtype={"division_code": str})
    edges = pd.read_csv(exports["csv"] / "edges.csv")
    assert list(nodes.columns) == list(NODE_COLUMNS)
    assert list(edges.columns) == list(EDGE_COLUMNS)
    assert len(nodes) == len(entities)
    assert len(edges) == len(relations)
    codes = nodes.loc[nodes["type"] == "Region", "division_code"]
    assert codes.str.fullmatch(r"[0-9]{6}|[0-9]{9}").all()
    assert edges["evidence_count"].dtype.kind == "i"


TRICKY = textwrap.dedent("""\
    @prefix edu: <https://w3id.org/edukg/ontology#> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <https://w3id.org/edukg/id/school/a> a edu:School ;
        rdfs:label "第一,\\"实验\\"小学\\n(分校)"@zh ;
        skos:altLabel "一小"@zh , "实验, 一小"@zh ;
        edu:locatedIn <https://w3id.org/edukg/id/region/110101> .
    <https://w3id.org/edukg/id/region/110101> a edu:Region ;
        rdfs:label "东城区"@zh ;
        edu:divisionCode "110101" .
    <https://w3id.org/edukg/id/evidence/1> a rdf:Statement ;
        rdf:subject <https://w3id.org/edukg/id/school/a> ;
        rdf:predicate edu:locatedIn ;
        rdf:object <https://w3id.org/edukg/id/region/110101> ;
        edu:sentence "他说:\\"好,很好\\"\\r\\n下一行" .
    """)


def test_csv_keeps_commas_quotes_and_newlines(tmp_path: Path) -> None:
    source = tmp_path / "tricky.ttl"
    source.write_text(TRICKY, encoding="utf-8")
    out = export_graph(source, "csv", tmp_path / "csv")
    _, nodes = read_csv(out / "nodes.csv")
    school = next(row for row in nodes if row["type"] == "School")
    assert school["label"] == '第一,"实验"小学\n(分校)'
    assert school["aliases"] == "一小 | 实验, 一小"
    assert school["region"] == "东城区"
    assert school["division_code"] == ""
    _, edges = read_csv(out / "edges.csv")
    assert edges == [
        {
            "source": "https://w3id.org/edukg/id/school/a",
            "target": "https://w3id.org/edukg/id/region/110101",
            "relation": "locatedIn",
            "evidence_count": "1",
            "first_evidence_sentence": '他说:"好,很好"\r\n下一行',
        }
    ]


# ---------------------------------------------------------- determinism


def test_exports_are_byte_identical(
    example_build: Built, exports: dict[str, Path], tmp_path: Path
) -> None:
    for fmt in exports:
        again = export_graph(example_build.ttl, fmt, tmp_path / FILE_NAMES[fmt])
        assert read_bytes(again) == read_bytes(exports[fmt]), fmt


def test_exports_do_not_depend_on_the_hash_seed(
    example_build: Built, exports: dict[str, Path], tmp_path: Path
) -> None:
    script = (
        "import sys; from pathlib import Path; from kg.export import export_graph\n"
        "for fmt, name in zip(sys.argv[3::2], sys.argv[4::2]):\n"
        "    export_graph(Path(sys.argv[1]), fmt, Path(sys.argv[2]) / name)\n"
    )
    pairs = [arg for fmt in exports for arg in (fmt, FILE_NAMES[fmt])]
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run(
        [sys.executable, "-c", script, str(example_build.ttl), str(tmp_path), *pairs],
        check=True,
        env=env,
        cwd=ROOT,
    )
    for fmt in exports:
        assert read_bytes(tmp_path / FILE_NAMES[fmt]) == read_bytes(exports[fmt]), fmt


def test_no_temporary_files_are_left(exports: dict[str, Path]) -> None:
    folder = exports["nt"].parent
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- errors


def test_unknown_format(example_build: Built, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export_graph(example_build.ttl, "xml", tmp_path / "g.xml")


def test_missing_graph(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such graph file"):
        export_graph(tmp_path / "missing.ttl", "nt", tmp_path / "g.nt")


def test_unparsable_graph(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot parse graph"):
        export_graph(bad, "nt", tmp_path / "g.nt")


def test_csv_into_an_existing_file(example_build: Built, tmp_path: Path) -> None:
    target = tmp_path / "file.csv"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        export_graph(example_build.ttl, "csv", target)


def test_file_format_into_a_folder(example_build: Built, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        export_graph(example_build.ttl, "nt", tmp_path)


# ------------------------------------------------------------------- CLI


def test_cli_help_lists_every_format() -> None:
    result = kg("export", "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: kg export")
    for fmt in FORMATS:
        assert fmt in result.stdout


def test_cli_format_choices_match_the_library() -> None:
    option = next(p for p in cli.commands["export"].params if p.name == "fmt")
    assert tuple(option.type.choices) == FORMATS


def test_cli_export_writes_the_file(example_build: Built, tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.nt"
    result = kg("export", str(example_build.ttl), "-f", "nt", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert str(target) in result.stdout


def test_cli_missing_graph_exits_2(tmp_path: Path) -> None:
    result = kg("export", str(tmp_path / "none.ttl"), "-f", "nt", "-o", "x.nt")
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_unknown_format_exits_2(example_build: Built, tmp_path: Path) -> None:
    result = kg("export", str(example_build.ttl), "-f", "xml", "-o", "x.xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


# ------------------------------------------------------- analysis tables

TABLES = ("entities", "relations", "reports", "mentions", "indicators")


def test_csv_has_the_analysis_tables(
    exports: dict[str, Path], example_graph: Graph, entities: set[URIRef]
) -> None:
    from kg.export import (
        ENTITY_COLUMNS,
        INDICATOR_COLUMNS,
        MENTION_COLUMNS,
        RELATION_COLUMNS,
        REPORT_COLUMNS,
    )

    columns = dict(
        zip(
            TABLES,
            (
                ENTITY_COLUMNS,
                RELATION_COLUMNS,
                REPORT_COLUMNS,
                MENTION_COLUMNS,
                INDICATOR_COLUMNS,
            ),
            strict=True,
        )
    )
    rows = {}
    for name in TABLES:
        header, rows[name] = read_csv(exports["csv"] / f"{name}.csv")
        assert header == list(columns[name]), name
    reports = set(example_graph.subjects(RDF.type, EDU.Report))
    assert {r["id"] for r in rows["reports"]} == {str(r) for r in reports}
    assert len(rows["entities"]) == len(entities) - len(reports)
    assert len(rows["mentions"]) == len(
        set(example_graph.subjects(RDF.type, EDU.Mention))
    )
    assert len(rows["indicators"]) == len(
        set(example_graph.subjects(RDF.type, EDU.Indicator))
    )
    # One relation row per piece of evidence, each with its report's year.
    statements = [
        st
        for st in example_graph.subjects(RDF.type, RDF.Statement)
        if example_graph.value(st, RDF.predicate) in RELATIONS
    ]
    assert len([r for r in rows["relations"] if r["sentence"]]) == len(statements)
    years = {
        str(example_graph.value(r, EDU.sourceFile)): str(
            example_graph.value(r, EDU.year) or ""
        )
        for r in reports
    }
    for row in rows["relations"]:
        if row["report_file"]:
            assert row["year"] == years[row["report_file"]], row
            assert row["status"] in ("reported", "planned")
    for row in rows["reports"]:
        assert row["kind"] in ("summary", "plan")
        assert int(row["mentions"]) >= int(row["entities"]) > 0


def test_parquet_tables_match_the_csv(exports: dict[str, Path]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    for name in (*TABLES, "nodes", "edges"):
        table = pd.read_parquet(exports["parquet"] / f"{name}.parquet")
        frame = pd.read_csv(
            exports["csv"] / f"{name}.csv", dtype=str, keep_default_na=False
        )
        assert list(table.columns) == list(frame.columns), name
        assert len(table) == len(frame), name
    relations = pd.read_parquet(exports["parquet"] / "relations.parquet")
    assert str(relations["year"].dtype).lower() == "int64"


def test_gexf_colours_and_sizes_nodes_by_type(exports: dict[str, Path]) -> None:
    from kg.visualize.style import load_style

    text = exports["gexf"].read_text(encoding="utf-8")
    style = load_style()
    colour = style.type_style("School").color
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    assert f'<viz:color r="{r}" g="{g}" b="{b}"' in text
    sizes = {float(v) for v in re.findall(r'viz:size value="([\d.]+)"', text)}
    assert len(sizes) > 3, "sizes should follow degree"


@pytest.mark.parametrize("fmt", ["nt", "csv"])
def test_a_build_folder_is_accepted(
    example_build: Built, exports: dict[str, Path], fmt: str, tmp_path: Path
) -> None:
    target = tmp_path / FILE_NAMES[fmt]
    result = kg("export", str(example_build.out), "-f", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert read_bytes(target) == read_bytes(exports[fmt])
