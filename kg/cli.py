"""The ``kg`` command: thin wrappers over library functions.

Library errors (:class:`kg.errors.KGError`) become one-line messages with
exit code 2 here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .errors import KGError

__all__ = ["main"]


def _fail(exc: Exception) -> None:
    click.echo(f"kg: error: {exc}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def cli(verbose: bool) -> None:
    """EduKG: build and query knowledge graphs of Chinese education reports."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="kg: %(levelname)s: %(message)s",
    )


@cli.command()
@click.argument("reports", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Output folder.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for ingest and extraction.",
)
@click.option("--no-html", is_flag=True, help="Skip the interactive HTML graph.")
def build(reports: Path, output: Path, jobs: int, no_html: bool) -> None:
    """Build the graph of a folder of REPORTS (.txt, .html, .htm, .md)."""
    from .pipeline import build as run_build

    bar: dict = {}

    def progress(stage: str, done: int, total: int) -> None:
        if total < 20:
            return
        if stage not in bar:
            bar[stage] = click.progressbar(length=total, label=stage, file=sys.stderr)
            bar[stage].__enter__()
        bar[stage].update(1)
        if done == total:
            bar[stage].__exit__(None, None, None)

    try:
        result = run_build(
            reports, output, jobs=jobs, html=not no_html, progress=progress
        )
    except (KGError, OSError) as exc:
        _fail(exc)
    for item in result.files_skipped:
        click.echo(f"kg: warning: skipped {item['file']}: {item['reason']}", err=True)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.entity_counts.items()))
    rels = ", ".join(f"{k} {v}" for k, v in sorted(result.relation_counts.items()))
    click.echo(
        f"read {len(result.files_read)} reports, skipped {len(result.files_skipped)}"
    )
    click.echo(f"entities: {counts}")
    click.echo(f"relations: {rels or 'none'}")
    click.echo(f"{result.triples} triples in {result.timings.get('total', 0):.1f}s")
    for name, path in sorted(result.outputs.items()):
        click.echo(f"  {name}: {path}")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def query(graph: Path, sparql: str, fmt: str) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over a built GRAPH.

    SPARQL is the query text, or a path to a .rq file.
    """
    from .query import format_result, run_query

    try:
        text = (
            Path(sparql).read_text(encoding="utf-8")
            if sparql.endswith(".rq")
            else sparql
        )
        result = run_query(graph, text)
        click.echo(format_result(result, fmt), nl=False)
    except (KGError, OSError) as exc:
        _fail(exc)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(graph: Path, as_json: bool) -> None:
    """Print entity and relation counts of a built GRAPH."""
    from .query import graph_stats

    try:
        counts = graph_stats(graph)
    except KGError as exc:
        _fail(exc)
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2, sort_keys=True))
        return
    for section in ("entities", "relations"):
        click.echo(f"{section}:")
        for name, count in sorted(counts[section].items()):
            click.echo(f"  {name:16}{count:>8}")
    click.echo(f"reports: {counts['reports']}")
    click.echo(f"triples: {counts['triples']}")


def main() -> None:
    """Entry point of the ``kg`` console script."""
    cli(prog_name="kg")


# ---------------------------------------------------------- export, validate


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    required=True,
    help="Output format.",
    type=click.Choice(["csv", "gexf", "graphml", "jsonld", "nt", "trig"]),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file (for csv: a folder).",
)
def export(graph: Path, fmt: str, output: Path) -> None:
    """Export a built GRAPH to JSON-LD, N-Triples, TriG, GraphML, GEXF or CSV."""
    from .export import export_graph

    try:
        click.echo(f"wrote {export_graph(graph, fmt, output)}")
    except (KGError, OSError) as exc:
        _fail(exc)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path),
    help="SHACL shapes file.  [default: ontology/shapes.ttl]",
)
def validate(graph: Path, shapes: Path | None) -> None:
    """Check a built GRAPH against the SHACL shapes; exit 1 if it does not conform."""
    from .validate import validate_graph

    try:
        result = validate_graph(graph, shapes)
    except (KGError, OSError) as exc:
        _fail(exc)
    click.echo(result.format(), nl=False)
    sys.exit(0 if result.conforms else 1)
