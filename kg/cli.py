"""The ``kg`` command: thin wrappers over library functions.

Library errors (:class:`kg.errors.KGError`) become one-line messages with
exit code 2 here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .errors import KGError

if TYPE_CHECKING:
    from .query import NamedQuery

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
    help=(
        "Worker processes for ingest and extraction. A rebuild that re-extracts"
        " at most 16 changed reports does it in one worker started at once,"
        " whatever N."
    ),
)
@click.option("--no-html", is_flag=True, help="Skip the interactive HTML graph.")
@click.option(
    "--overrides",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Resolution overrides (merge/drop lines); default: OUTPUT/overrides.tsv.",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read files whose symbolic links point outside REPORTS (skipped by default).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    envvar="EDUKG_SCHEDULER",
    help="Run ingest and extraction on a Dask cluster (tcp://host:8786; "
    "env EDUKG_SCHEDULER) instead of --jobs local processes.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Extract every report anew (default: reuse OUTPUT/cache for "
    "unchanged reports).",
)
@click.option(
    "--no-tables",
    is_flag=True,
    help="Skip the whole-table named queries' tables (OUTPUT/tables), which "
    "kg query otherwise reads instead of evaluating those queries; `kg tables "
    "OUTPUT` writes them later, apart from the build's memory.",
)
def build(
    reports: Path,
    output: Path,
    jobs: int,
    no_html: bool,
    overrides: Path | None,
    follow_symlinks: bool,
    scheduler: str | None,
    no_cache: bool,
    no_tables: bool,
) -> None:
    """Build the graph of a folder of REPORTS (.txt, .html, .htm, .md).

    The outputs switch to the new build all at once; a report that cannot be
    read or extracted is skipped with its reason (see report.json).
    """
    from .pipeline import build as run_build
    from .pipeline import keep_to_exit

    if _ends_with_command:
        # The build's objects need not be freed as it returns: the process
        # ends without freeing them (_exit_without_teardown).
        keep_to_exit()
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

    # `kg build` prints one line per skipped file itself; the library's log
    # records of the same events would say it twice (shown with -v).
    quiet = (
        []
        if logging.getLogger().level <= logging.INFO
        else ["kg.pipeline", "kg.ingest", "kg.workers"]
    )
    saved = {name: logging.getLogger(name).level for name in quiet}
    for name in quiet:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        result = run_build(
            reports,
            output,
            jobs=jobs,
            html=not no_html,
            overrides=overrides,
            progress=progress,
            follow_symlinks=follow_symlinks,
            scheduler=scheduler,
            cache=not no_cache,
            tables=not no_tables,
            # A command ends after the build: nothing of the caller's is
            # copied, and the tables are evaluated once the build's memory
            # is given back.
            isolate=True,
        )
    except (KGError, OSError) as exc:
        _fail(exc)
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)
    for item in result.files_skipped:
        detail = f" ({item['detail']})" if item.get("detail") else ""
        click.echo(
            f"kg: warning: skipped {item['file']}: {item['reason']}{detail}", err=True
        )
    repairs = {
        "bad-bytes-replaced": "invalid UTF-8 bytes replaced with U+FFFD",
        "traditional-converted": "traditional script converted to simplified",
        "html-fallback": "HTML too deeply nested; plain-text extraction used",
    }
    for item in result.reports:
        for flag in item["flags"]:
            if flag in repairs:
                click.echo(f"kg: warning: {item['file']}: {repairs[flag]}", err=True)
    for line in _report_lines(result.reports):
        click.echo(line)
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
    global _built_heap
    _built_heap = True


def _report_lines(reports: list[dict]) -> list[str]:
    """One console line per report: publisher, year, kind, counts, flags."""
    lines = []
    for item in sorted(reports, key=lambda d: d["file"]):
        flags = list(item["flags"])
        if item.get("duplicate_of"):
            flags[flags.index("duplicate")] = f"duplicate of {item['duplicate_of']}"
        lines.append(
            f"  {item['file']}: {item['publisher'] or '?'} | {item['year'] or '?'}"
            f" | {item['kind']} | {item['mentions']} mentions,"
            f" {item['relations']} relations"
            + (f"  [{', '.join(flags)}]" if flags else "")
        )
    return lines


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE, a string (<…> for an IRI); repeatable.",
)
@click.option("-l", "--list", "list_only", is_flag=True, help="List the named queries.")
@click.option(
    "-t",
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    metavar="SECONDS",
    help="Cancel the query after this long (default: no limit).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Let SERVICE send requests to other SPARQL endpoints (off by default).",
)
def query(
    graph: Path | None,
    sparql: str | None,
    fmt: str,
    params: tuple[str, ...],
    list_only: bool,
    timeout: float | None,
    allow_remote: bool,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over a built GRAPH.

    SPARQL is a named query (see --list), a path to a .rq file, or the query
    text. GRAPH is a graph.ttl or the build folder that holds it. The graph
    is only read: updates (INSERT …) are refused, and so is SERVICE unless
    --allow-remote.
    """
    from .query import format_result, load_query, named_queries

    if list_only:
        click.echo(_query_list(named_queries()), nl=False)
        return
    if graph is None or sparql is None:
        raise click.UsageError("give GRAPH and SPARQL (or --list)")
    if not graph.exists() and Path(sparql).exists() and not sparql.endswith(".rq"):
        _fail(
            f"{graph}: no such graph; GRAPH comes first: "
            f"kg query {sparql} {_quote(str(graph))}"
        )
    try:
        bound = _parse_params(params)
        spec = load_query(sparql)
        result = spec.run(graph, bound, timeout=timeout, allow_remote=allow_remote)
        click.echo(format_result(result, fmt), nl=False)
    except (KGError, OSError) as exc:
        _fail(exc)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


@cli.command()
@click.argument("output", type=click.Path(path_type=Path))
def tables(output: Path) -> None:
    """Write the query tables of the build in OUTPUT (after --no-tables).

    The whole-table named queries are evaluated once on the build's store,
    as `kg build` does without --no-tables, so that `kg query` and `kg serve`
    answer them from a file. Run apart from the build, they do not add
    their rows to the build's peak memory.
    """
    from .pipeline import write_build_tables

    try:
        written = write_build_tables(output)
    except KGError as exc:
        _fail(exc)
    for name, size in written.items():
        click.echo(f"  {name}: {size:,} bytes")


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
    global _ends_with_command
    _ends_with_command = True
    try:
        cli(prog_name="kg")
    except SystemExit as exc:
        if _built_heap:
            _exit_without_teardown(exc.code)
        raise


#: Set by :func:`main`: the process ends once its command is done (a test's
#: CliRunner runs commands in a process that goes on).
_ends_with_command = False
#: Set once ``kg build`` has finished in this process: what it built (a
#: corpus's resolution, millions of objects) is still in memory.
_built_heap = False


def _exit_without_teardown(code: object) -> None:
    """End the process as :func:`sys.exit` would, without freeing its objects.

    After a large build the interpreter's teardown frees every object one by
    one: 0.6 s of a 12 s rebuild of 6,600 reports, with nothing left to write.
    Exit handlers (logging's flush among them) still run first; the process
    ends normally when another thread is still running.
    """
    import atexit
    import os
    import threading

    if any(
        t is not threading.main_thread() and not t.daemon and t.is_alive()
        for t in threading.enumerate()
    ):
        return
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message") prints it and ends with 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()  # private, but there is no public way to run them early
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


# ---------------------------------------------------------- export, validate


class _ExportFormats(click.Choice):
    """The choices of ``kg export -f``: :data:`kg.export.FORMATS`, read when needed.

    kg.export imports networkx and rdflib (a third of a second); read at
    import, every command, ``kg query`` above all, would pay for them at start.
    """

    def __init__(self) -> None:  # no super().__init__(): choices is read later
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from .export import FORMATS

        return FORMATS


class _LateHelpOption(click.Option):
    """An option whose help text is made when help is shown (see _ExportFormats)."""

    def __init__(self, *args, late_help: Callable[[], str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.late_help = late_help

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = self.late_help()
        return super().get_help_record(ctx)


def _format_help() -> str:
    from .export import EXPORTS

    return (
        "Output format: "
        + "; ".join(f"{f.name}: {f.summary}" for f in EXPORTS.values())
        + "."
    )


def _output_help() -> str:
    from .export import EXPORTS

    folders = " and ".join(f.name for f in EXPORTS.values() if f.folder)
    return f"Output file (for {folders}: a folder)."


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    required=True,
    cls=_LateHelpOption,
    late_help=_format_help,
    type=_ExportFormats(),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    cls=_LateHelpOption,
    late_help=_output_help,
)
def export(graph: Path, fmt: str, output: Path) -> None:
    """Export a built GRAPH (graph.ttl or its build folder) to another format.

    RDF (JSON-LD, N-Triples, TriG), networks for Gephi (GraphML, GEXF) or
    analysis tables (CSV, Parquet: entities, relations with year, status and
    evidence, reports, mentions, indicators, plus nodes and edges).
    """
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
    """Check a built GRAPH (graph.ttl or its build folder) against the SHACL shapes.

    Exit 1 if it does not conform.
    """
    from .validate import validate_graph

    try:
        result = validate_graph(graph, shapes)
    except (KGError, OSError) as exc:
        _fail(exc)
    click.echo(result.format(), nl=False)
    sys.exit(0 if result.conforms else 1)


# ------------------------------------------------- named queries, serve


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    """``("name=实验小学",)`` → ``{"name": "实验小学"}``; values may hold ``=``."""
    bound: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                f"{item!r} is not NAME=VALUE", param_hint="--param"
            )
        if name.strip() in bound:
            raise click.BadParameter(f"{name} given twice", param_hint="--param")
        bound[name.strip()] = value
    return bound


def _query_list(queries: tuple[NamedQuery, ...]) -> str:
    """One line per named query, then one per parameter it takes."""
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for q in queries:
        lines.append(f"{q.name:<{width}}  {q.description}")
        for p in q.params:
            optional = "" if p.required else " (optional)"
            lines.append(f"{'':<{width}}    --param {p.name}=…{optional}  {p.help}")
    return "\n".join(lines) + "\n"


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (the default: this machine only).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=7878,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--writable",
    is_flag=True,
    help="Accept SPARQL UPDATE, on a scratch copy dropped at exit.",
)
@click.option(
    "--memory",
    is_flag=True,
    help="Load the graph into memory: slower start, faster joins on big graphs.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(0),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Cut a query that runs longer (HTTP 503); 0: no limit.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Query worker processes (default 4, 2 with --memory; 1 if writable).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Let SERVICE (and LOAD, with --writable) reach other servers.",
)
@click.option(
    "--no-cors", is_flag=True, help="Do not let pages of other origins read results."
)
def serve(
    graph: Path,
    host: str,
    port: int,
    writable: bool,
    memory: bool,
    time_limit: float,
    workers: int | None,
    allow_remote: bool,
    no_cors: bool,
) -> None:
    """Serve a built GRAPH as a SPARQL 1.1 endpoint, with the explorer at /.

    Queries go to /query (GET ?query=, or POST); the graph.html explorer is
    at /, a query page at /sparql, named queries at /queries/NAME. Read-only
    unless --writable; queries are cut after --time-limit; SERVICE and LOAD
    are refused unless --allow-remote. Stop with Ctrl-C.
    """
    from .serve import serve as run_server

    def ready(url: str) -> None:
        mode = "writable scratch copy" if writable else "read-only"
        mode += ", in memory" if memory else ""
        limit = f"{time_limit:g} s" if time_limit else "none"
        click.echo(
            f"serving {graph} at {url} ({mode}); SPARQL endpoint {url}query, "
            f"query page {url}sparql, time limit {limit}"
        )
        click.echo("press Ctrl-C to stop")

    try:
        run_server(
            graph,
            host,
            port,
            writable,
            memory=memory,
            time_limit=time_limit,
            workers=workers,
            allow_remote=allow_remote,
            cors=not no_cors,
            on_ready=ready,
        )
    except (KGError, OSError) as exc:
        _fail(exc)
    click.echo("stopped")
