"""The ``kg`` command through click's CliRunner."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, ROOT, Built

from kg import __version__
from kg.cli import cli
from kg.pipeline import OUTPUT_NAMES
from kg.query import graph_stats
from kg.resolve import Resolver

COMMANDS = sorted(cli.commands)
README = ROOT / "README.md"
SELECT = "SELECT ?s ?label WHERE { ?s a edu:Bureau ; rdfs:label ?label } ORDER BY ?s"


def kg(*args: str) -> Result:
    """Run ``kg ARGS…`` and return the result (stdout and stderr apart)."""
    return CliRunner().invoke(cli, list(args), prog_name="kg")


def test_there_are_commands() -> None:
    assert {"build", "query", "stats"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = kg(command, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: kg {command}")
    assert cli.commands[command].help, f"kg {command} has no docstring"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    if not README.is_file():
        pytest.skip("README.md does not exist yet")
    assert re.search(rf"\bkg {command}\b", README.read_text(encoding="utf-8")), (
        f"README.md does not show `kg {command}`"
    )


def test_version() -> None:
    result = kg("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_the_command_imports_no_export_machinery() -> None:
    # `kg query` starts with this import; networkx and rdflib (kg.export's)
    # cost it a third of a second.
    code = (
        "import sys, kg.cli; "
        "print(sorted({'kg.export', 'networkx', 'rdflib'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


# ------------------------------------------------------------------ build


def test_a_build_run_as_a_command_ends_with_its_whole_output_and_exit_handlers(
    tmp_path: Path,
) -> None:
    # After a build, main() ends the process without the interpreter's
    # teardown: what was printed into a pipe and the exit handlers must
    # still come out, and the exit status must be the command's.
    code = (
        "import atexit, sys, kg.cli; "
        "atexit.register(lambda: print('exit handlers ran')); "
        f"sys.argv = ['kg', 'build', {str(EXAMPLES)!r}, '-o', "
        f"{str(tmp_path / 'out')!r}, '--no-html']; "
        "kg.cli.main()"
    )
    # Buffered, as a pipe's output is unless the environment says otherwise.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "exit handlers ran"
    assert lines[-2] == f"  tables: {tmp_path / 'out' / 'tables'}"
    assert (tmp_path / "out" / "report.json").is_file()


def test_build_of_a_missing_folder_exits_2_with_one_line(tmp_path: Path) -> None:
    result = kg("build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    assert "missing" in lines[0]


def test_build_into_a_file_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = kg("build", str(EXAMPLES), "-o", str(blocker / "out"))
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: ")
    assert "Traceback" not in result.output


def test_build_prints_counts_and_outputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = kg("build", str(EXAMPLES), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "read 4 reports, skipped 0" in result.stdout
    assert re.search(r"^entities: .*School \d+", result.stdout, re.M)
    assert re.search(r"^relations: .*locatedIn \d+", result.stdout, re.M)
    for name in OUTPUT_NAMES:
        assert f"{name}: {out / name}" in result.stdout
        assert (out / name).is_file()


def test_a_build_in_a_process_that_goes_on_frees_what_it_read(tmp_path: Path) -> None:
    # Only `kg build` run as the process's command leaves its objects to the
    # exit; a notebook's or a test's process would hold every build's.
    for n in range(2):
        assert (
            kg("build", str(EXAMPLES), "-o", str(tmp_path / f"out{n}")).exit_code == 0
        )
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Resolver)]


def test_build_warns_about_skipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(
        (EXAMPLES / "04_chongqing_dazu_2023_summary.txt").read_bytes()
    )
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    result = kg("build", str(folder), "-o", str(tmp_path / "out"), "--no-html")
    assert result.exit_code == 0, result.output
    assert "skipped scan.pdf: unsupported-type" in result.stderr
    assert "read 1 reports, skipped 1" in result.stdout
    assert not (tmp_path / "out" / "graph.html").exists()


@pytest.mark.parametrize("jobs", ["0", "x"])
def test_build_rejects_bad_jobs(tmp_path: Path, jobs: str) -> None:
    result = kg("build", str(EXAMPLES), "-o", str(tmp_path), "-j", jobs)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


# ------------------------------------------------------------------ query


def test_query_table(example_build: Built) -> None:
    result = kg("query", str(example_build.ttl), SELECT)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["s", "label"]
    assert re.fullmatch(r"\(\d+ rows\)", lines[-1])
    assert int(lines[-1][1:].split()[0]) == len(lines) - 3 > 0


def test_query_csv(example_build: Built) -> None:
    result = kg("query", str(example_build.ttl), SELECT, "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["s", "label"]
    assert len(rows) > 1 and all(
        r[0].startswith("https://w3id.org/edukg/id/") for r in rows[1:]
    )


def test_query_tsv(example_build: Built) -> None:
    result = kg("query", str(example_build.ttl), SELECT, "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "s\tlabel"


def test_query_json(example_build: Built) -> None:
    result = kg("query", str(example_build.ttl), SELECT, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and set(rows[0]) == {"s", "label"}


def test_query_ask_and_construct(example_build: Built) -> None:
    ask = kg("query", str(example_build.ttl), "ASK { ?s a edu:School }")
    assert (ask.exit_code, ask.stdout) == (0, "true\n")
    construct = kg(
        "query",
        str(example_build.ttl),
        "CONSTRUCT { ?s a edu:Region } WHERE { ?s a edu:Region }",
    )
    assert construct.exit_code == 0
    assert all(line.endswith(" .") for line in construct.stdout.splitlines())


def test_query_from_an_rq_file(example_build: Built, tmp_path: Path) -> None:
    query = tmp_path / "bureaus.rq"
    query.write_text(SELECT, encoding="utf-8")
    from_file = kg("query", str(example_build.ttl), str(query), "-f", "csv")
    inline = kg("query", str(example_build.ttl), SELECT, "-f", "csv")
    assert from_file.exit_code == 0, from_file.output
    assert from_file.stdout == inline.stdout


@pytest.mark.parametrize(
    "sparql", ["SELEC ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s a bogus:X }"]
)
def test_malformed_query_exits_2_with_one_line(
    example_build: Built, sparql: str
) -> None:
    result = kg("query", str(example_build.ttl), sparql)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("kg: error: malformed SPARQL")
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("missing", ["graph.ttl", "query.rq"])
def test_query_with_missing_files_exits_2(
    example_build: Built, tmp_path: Path, missing: str
) -> None:
    graph = (
        str(tmp_path / missing) if missing == "graph.ttl" else str(example_build.ttl)
    )
    sparql = str(tmp_path / missing) if missing == "query.rq" else "ASK {}"
    result = kg("query", graph, sparql)
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: ")


def test_query_rejects_unknown_format(example_build: Built) -> None:
    result = kg("query", str(example_build.ttl), SELECT, "-f", "xml")
    assert result.exit_code == 2


# ------------------------------------------------------------------ stats


def test_stats_text(example_build: Built) -> None:
    result = kg("stats", str(example_build.ttl))
    assert result.exit_code == 0, result.output
    counts = graph_stats(example_build.ttl)
    for name, count in counts["entities"].items():
        assert re.search(rf"^  {name}\s+{count}$", result.stdout, re.M), name
    for name, count in counts["relations"].items():
        assert re.search(rf"^  {name}\s+{count}$", result.stdout, re.M), name
    assert f"reports: {counts['reports']}" in result.stdout
    assert f"triples: {counts['triples']}" in result.stdout


def test_stats_json(example_build: Built) -> None:
    result = kg("stats", str(example_build.ttl), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == graph_stats(example_build.ttl)


def test_stats_of_a_missing_graph_exits_2(tmp_path: Path) -> None:
    result = kg("stats", str(tmp_path / "graph.ttl"))
    assert result.exit_code == 2
    assert "kg build" in result.stderr
