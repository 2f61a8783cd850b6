"""``ontology/shapes.ttl``, :func:`kg.validate.validate_graph` and ``kg validate``."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, SEEDS, Built, build_capturing
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import DCTERMS

from kg import validate as validate_module
from kg.cli import cli
from kg.validate import (
    SH,
    SHAPES,
    ValidateError,
    ValidationResult,
    Violation,
    validate_graph,
)
from kg.vocab import EDU

PREFIXES = textwrap.dedent("""\
    @prefix edu: <https://w3id.org/edukg/ontology#> .
    @prefix id: <https://w3id.org/edukg/id/> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    """)

# A small graph with one of everything, valid; the cases below break it.
VALID = PREFIXES + textwrap.dedent("""\
    id:region\\/510000 a edu:Region ; rdfs:label "四川省"@zh ;
        edu:divisionCode "510000" ; edu:divisionLevel 1 .
    id:region\\/510115 a edu:Region ; rdfs:label "温江区"@zh ;
        edu:divisionCode "510115" ; edu:divisionLevel 3 ;
        edu:subRegionOf id:region\\/510000 .
    id:region\\/510115001 a edu:Region ; rdfs:label "柳城街道"@zh ;
        edu:divisionCode "510115001" ; edu:divisionLevel 4 ;
        edu:subRegionOf id:region\\/510115 .
    id:bureau\\/b a edu:Bureau ; rdfs:label "温江区教育局"@zh ;
        edu:locatedIn id:region\\/510115 ; edu:implements id:program\\/p .
    id:school\\/s a edu:School ; rdfs:label "温江中学"@zh ;
        edu:locatedIn id:region\\/510115 ; edu:receivedAward id:award\\/a .
    id:program\\/p a edu:Program ; rdfs:label "强校工程"@zh .
    id:award\\/a a edu:Award ; rdfs:label "省示范高中"@zh .
    id:report\\/r a edu:Report ; edu:sourceFile "wenjiang.txt" ;
        edu:year "2023"^^xsd:gYear ; dcterms:publisher id:bureau\\/b .
    id:evidence\\/e a rdf:Statement ;
        rdf:subject id:school\\/s ; rdf:predicate edu:receivedAward ;
        rdf:object id:award\\/a ; edu:inReport id:report\\/r ;
        edu:sentence "温江中学获评省示范高中。"@zh ;
        edu:startOffset 10 ; edu:endOffset 22 ; edu:rule "award.trigger" .
    id:mention\\/m a edu:Mention ; edu:mentionOf id:school\\/s ;
        edu:inReport id:report\\/r ; edu:sentence "温江中学获评省示范高中。"@zh ;
        edu:startOffset 10 ; edu:endOffset 14 ; edu:rule "school.suffix" .
    id:indicator\\/i a edu:Indicator ; edu:measure "新增学位"@zh ;
        edu:quantity "1080"^^xsd:decimal ; edu:unit "item" ;
        edu:indicatorOf id:bureau\\/b ; edu:inReport id:report\\/r ;
        edu:sentence "新增学位1080个。"@zh ; edu:startOffset 0 ;
        edu:endOffset 10 ; edu:rule "figure.number-unit" .
    """)

ID = "https://w3id.org/edukg/id/"

# (case id, extra or replacing Turtle, focus IRI, path, constraint)
BROKEN = [
    (
        "label missing",
        "id:award\\/x a edu:Award .",
        "award/x",
        "rdfs:label",
        "minCount",
    ),
    (
        "two labels",
        'id:award\\/x a edu:Award ; rdfs:label "甲"@zh , "乙"@zh .',
        "award/x",
        "rdfs:label",
        "maxCount",
    ),
    (
        "label not zh",
        'id:document\\/x a edu:Document ; rdfs:label "Plan"@en .',
        "document/x",
        "rdfs:label",
        "languageIn",
    ),
    (
        "award to a program",
        "id:program\\/p edu:receivedAward id:award\\/a .",
        "program/p",
        "",
        "or",
    ),
    (
        "located in an award",
        "id:school\\/s edu:locatedIn id:award\\/a .",
        "school/s",
        "edu:locatedIn",
        "class",
    ),
    (
        "sub-region of a school",
        "id:region\\/510115 edu:subRegionOf id:school\\/s .",
        "region/510115",
        "edu:subRegionOf",
        "class",
    ),
    (
        "school as sub-region",
        "id:school\\/s edu:subRegionOf id:region\\/510115 .",
        "school/s",
        "",
        "class",
    ),
    (
        "level 5",
        'id:region\\/x a edu:Region ; rdfs:label "某地"@zh ; edu:divisionLevel 5 .',
        "region/x",
        "edu:divisionLevel",
        "maxInclusive",
    ),
    (
        "county without code",
        'id:region\\/x a edu:Region ; rdfs:label "某县"@zh ; edu:divisionLevel 3 .',
        "region/x",
        "",
        "or",
    ),
    (
        "code without level",
        'id:region\\/x a edu:Region ; rdfs:label "某县"@zh ;'
        ' edu:divisionCode "110101" .',
        "region/x",
        "",
        "or",
    ),
    (
        "township with 6 digits",
        'id:region\\/x a edu:Region ; rdfs:label "某镇"@zh ;'
        ' edu:divisionCode "110101" ; edu:divisionLevel 4 .',
        "region/x",
        "",
        "or",
    ),
    (
        "code as integer",
        'id:region\\/x a edu:Region ; rdfs:label "某县"@zh ; edu:divisionCode 110101 ;'
        " edu:divisionLevel 3 .",
        "region/x",
        "edu:divisionCode",
        "datatype",
    ),
    (
        "two source files",
        'id:report\\/r edu:sourceFile "other.txt" .',
        "report/r",
        "edu:sourceFile",
        "maxCount",
    ),
    (
        "year as a string",
        'id:report\\/x a edu:Report ; edu:sourceFile "x.txt" ; edu:year "2023" .',
        "report/x",
        "edu:year",
        "datatype",
    ),
    (
        "two years",
        'id:report\\/r edu:year "2024"^^xsd:gYear .',
        "report/r",
        "edu:year",
        "maxCount",
    ),
    (
        "start after end",
        "id:evidence\\/e edu:startOffset 30 .",
        "evidence/e",
        "edu:startOffset",
        "lessThanOrEquals",
    ),
    (
        "no rule",
        "id:evidence\\/x a rdf:Statement ; rdf:subject id:school\\/s ;"
        " rdf:predicate edu:locatedIn ; rdf:object id:region\\/510115 ;"
        ' edu:inReport id:report\\/r ; edu:sentence "句"@zh ;'
        " edu:startOffset 0 ; edu:endOffset 1 .",
        "evidence/x",
        "edu:rule",
        "minCount",
    ),
    (
        "evidence outside a report",
        "id:mention\\/m edu:inReport id:school\\/s .",
        "mention/m",
        "edu:inReport",
        "class",
    ),
    (
        "quantity not decimal",
        'id:indicator\\/x a edu:Indicator ; edu:measure "学位"@zh ; edu:unit "item" ;'
        ' edu:quantity "12" ; edu:inReport id:report\\/r ; edu:sentence "句"@zh ;'
        ' edu:startOffset 0 ; edu:endOffset 1 ; edu:rule "r" .',
        "indicator/x",
        "edu:quantity",
        "datatype",
    ),
    (
        "no unit",
        'id:indicator\\/x a edu:Indicator ; edu:measure "学位"@zh ;'
        ' edu:quantity "12"^^xsd:decimal ; edu:inReport id:report\\/r ;'
        ' edu:sentence "句"@zh ; edu:startOffset 0 ; edu:endOffset 1 ; edu:rule "r" .',
        "indicator/x",
        "edu:unit",
        "minCount",
    ),
]


def kg(*args: str) -> Result:
    """Run ``kg ARGS…`` through click's runner."""
    return CliRunner().invoke(cli, list(args), prog_name="kg")


def write(tmp_path: Path, text: str, name: str = "graph.ttl") -> Path:
    """Write Turtle text to a file in ``tmp_path``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def broken(example_build: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example graph plus three errors, as the task describes them.

    A school receives another school as an award, a Region has the code
    ``12AB`` and a Report has no source file.
    """
    graph = Graph().parse(example_build.ttl, format="turtle")
    school, other = sorted(graph.subjects(RDF.type, EDU.School))[:2]
    path = tmp_path_factory.mktemp("broken") / "graph.ttl"
    shutil.copyfile(example_build.ttl, path)
    with path.open("a", encoding="utf-8") as handle:
        # Full IRIs: the appended lines must not rely on the file's prefixes.
        handle.write(
            f"\n<{school}> <{EDU.receivedAward}> <{other}> .\n"
            f"<{ID}region/bad> a <{EDU.Region}> ;\n"
            f'    <{RDFS.label}> "错误区"@zh ;\n'
            f'    <{EDU.divisionCode}> "12AB" ; <{EDU.divisionLevel}> 3 .\n'
            f"<{ID}report/nosource> a <{EDU.Report}> ;\n"
            f'    <{DCTERMS.title}> "无来源报告"@zh .\n'
        )
    return path


# ----------------------------------------------------------------- shapes


def test_shapes_ship_next_to_the_package() -> None:
    assert SHAPES == ROOT / "ontology" / "shapes.ttl"
    assert SHAPES.is_file()


def test_every_shape_has_an_english_message() -> None:
    shapes = Graph().parse(SHAPES, format="turtle")
    property_shapes = set(shapes.objects(None, SH.property))
    node_checks = {
        s
        for p in (SH["or"], SH["class"])
        for s in shapes.subjects(p, None)
        if (s, RDF.type, SH.NodeShape) in shapes
    }
    assert property_shapes and node_checks
    for shape in property_shapes | node_checks:
        messages = list(shapes.objects(shape, SH.message))
        assert messages, f"shape {shape} has no sh:message"
        assert all(m.isascii() for m in messages)


# --------------------------------------------------------------- validate


def test_the_example_build_conforms(example_build: Built) -> None:
    result = validate_graph(example_build.ttl)
    assert result.format() == "conforms\n"
    assert result.conforms
    assert result.violations == []
    assert result.triples > 0


def test_the_small_valid_graph_conforms(tmp_path: Path) -> None:
    result = validate_graph(write(tmp_path, VALID))
    assert result.conforms, result.format()


@pytest.mark.parametrize(
    ("extra", "focus", "path", "constraint"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_each_rule_is_checked(
    tmp_path: Path, extra: str, focus: str, path: str, constraint: str
) -> None:
    result = validate_graph(write(tmp_path, VALID + extra + "\n"))
    assert not result.conforms
    found = {(v.focus, v.path, v.constraint) for v in result.violations}
    assert (ID + focus, path, constraint) in found, result.format()
    assert all(v.message and v.message != "(no message)" for v in result.violations)


def test_the_broken_graph_is_reported_readably(broken: Path) -> None:
    result = validate_graph(broken)
    assert not result.conforms
    by_focus: dict[str, list[Violation]] = {}
    for violation in result.violations:
        by_focus.setdefault(violation.focus, []).append(violation)

    award = [v for vs in by_focus.values() for v in vs if v.path == "edu:receivedAward"]
    assert len(award) == 1
    assert award[0].focus_type == "edu:School"
    assert "must be an edu:Award" in award[0].message
    assert award[0].value.endswith(">")  # the other school, by label and IRI

    region = by_focus[ID + "region/bad"]
    assert region[0].focus_label == "错误区"
    assert any(v.value == "'12AB'" and "6 digits" in v.message for v in region)

    report = by_focus[ID + "report/nosource"]
    assert [(v.path, v.constraint) for v in report] == [("edu:sourceFile", "minCount")]
    assert "exactly one edu:sourceFile" in report[0].message

    assert set(by_focus) == {award[0].focus, ID + "region/bad", ID + "report/nosource"}

    text = result.format()
    assert "edu:Region 错误区 <id:region/bad>" in text
    assert "edu:Report <id:report/nosource>" in text
    assert f"{award[0].focus_label} <" in text
    assert text.endswith(f"{len(result.violations)} violations on 3 nodes\n")
    assert "ValidationResult" not in text and "sh:" not in text


def test_filtering_triples_changes_nothing(
    broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = validate_graph(broken)
    monkeypatch.setattr(validate_module, "_needed_predicates", lambda shapes: None)
    full = validate_graph(broken)
    assert full.triples > fast.triples
    assert [str(v) for v in full.violations] == [str(v) for v in fast.violations]
    assert [v.node for v in full.violations] == [v.node for v in fast.violations]


def test_missing_graph(tmp_path: Path) -> None:
    with pytest.raises(ValidateError, match="no such graph file"):
        validate_graph(tmp_path / "none.ttl")


def test_unparsable_graph(tmp_path: Path) -> None:
    with pytest.raises(ValidateError, match="cannot parse graph"):
        validate_graph(write(tmp_path, "not turtle at all"))


def test_missing_shapes(tmp_path: Path) -> None:
    graph = write(tmp_path, VALID)
    with pytest.raises(ValidateError, match="SHACL shapes file not found"):
        validate_graph(graph, tmp_path / "shapes.ttl")


def test_format_of_a_conforming_result() -> None:
    assert ValidationResult(conforms=True).format() == "conforms\n"


# ------------------------------------------------------------------- CLI


def test_cli_help() -> None:
    result = kg("validate", "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: kg validate")


def test_cli_conforming_graph_exits_0(example_build: Built) -> None:
    result = kg("validate", str(example_build.ttl))
    assert result.exit_code == 0, result.output
    assert result.stdout == "conforms\n"


def test_cli_broken_graph_exits_1(broken: Path) -> None:
    result = kg("validate", str(broken))
    assert result.exit_code == 1, result.output
    assert "错误区" in result.stdout
    assert "must be an edu:Award" in result.stdout
    assert "does not conform" in result.stdout


def test_cli_missing_graph_exits_2(tmp_path: Path) -> None:
    result = kg("validate", str(tmp_path / "none.ttl"))
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_shapes_exits_2(tmp_path: Path) -> None:
    graph = write(tmp_path, VALID)
    result = kg("validate", str(graph), "--shapes", str(tmp_path / "none.ttl"))
    assert result.exit_code == 2
    assert "shapes" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="no ../shared/corpus/seeds")
def test_the_seed_build_conforms(tmp_path: Path) -> None:
    built = build_capturing(SEEDS, tmp_path / "seeds", html=False)
    result = validate_graph(built.ttl)
    assert result.conforms, result.format()


def test_cli_accepts_a_build_folder(example_build: Built) -> None:
    """Like `kg query`, `kg validate` takes the folder `kg build` wrote."""
    result = CliRunner().invoke(cli, ["validate", str(example_build.out)])
    assert result.exit_code == 0, result.output
    assert validate_graph(example_build.out).conforms
