"""The command line: parsing options and wiring the pipeline to the renderers, nothing more."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console
from rich.text import Text

from checker.config import ConfigError, Settings, load_settings
from checker.render import OutputFormat

app = typer.Typer(
    help="Check news articles for conflicting figures and weigh their sources.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)  # long paths stay on one line


class ExitCode(IntEnum):
    """Exit status of every command."""

    CLEAN = 0  # nothing at or above the failing level
    FINDINGS = 1  # findings at or above the failing level
    ERROR = 2  # usage or input error: bad option, nothing readable


class ClaimsFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class FailLevel(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


PathsArgument = Annotated[
    list[Path], typer.Argument(help="Article files or directories (walked recursively): .txt .md .html .jsonl .json .csv")
]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of the terminal.")]
ConfigOption = Annotated[
    Optional[Path],
    typer.Option("--config", help="A checker.toml or pyproject.toml to read settings from (default: the nearest one)."),
]
SelectOption = Annotated[
    Optional[str], typer.Option("--select", help="Only these rules: codes, dotted names or families, comma-separated.")
]
IgnoreOption = Annotated[
    Optional[str], typer.Option("--ignore", help="Leave out these rules: codes, dotted names or families, comma-separated.")
]


def _codes(option: str | None) -> tuple[str, ...] | None:
    return tuple(part.strip() for part in option.split(",") if part.strip()) if option else None


MaxBytesOption = Annotated[
    Optional[int], typer.Option("--max-file-bytes", help="Skip input files larger than this (default 10 MB).")
]


def fail(message: str) -> None:
    """Print an input or usage error and exit with status 2."""
    stderr.print(Text.assemble(("error: ", "bold red"), message))
    raise typer.Exit(ExitCode.ERROR)


def settings_for(config: Path | None, **overrides: object) -> Settings:
    if config is not None and not config.is_file():
        fail(f"{config}: no such configuration file")
    try:
        settings = load_settings(config).with_overrides(**overrides)
    except ConfigError as error:
        fail(str(error))
        raise  # unreachable: fail() exits
    if settings.select or settings.ignore or settings.severity:  # an unknown rule selector is a usage error
        from checker.rulebook import load_rules, unknown_selectors

        book = load_rules(settings)
        for key in ("select", "ignore", "severity"):
            for selector in unknown_selectors(book, getattr(settings, key)):
                origin = f"--{key}" if overrides.get(key) is not None else f"{settings.source}: {key}"
                fail(f"unknown rule selector {selector!r} in {origin}; 'checker rules' lists the rules")
    return settings


@contextmanager
def scan_progress(paths: list[Path]) -> Iterator[object]:
    """A progress bar on stderr while reading inputs, shown only on a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from checker.ingest import iter_input_files

    total = sum(1 for item in iter_input_files(paths) if isinstance(item, Path))
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=stderr, transient=True) as progress:
        task = progress.add_task("reading", total=total)
        yield lambda _path: progress.advance(task)


def run_pipeline(paths: list[Path], settings: Settings, priors: dict | None = None):
    from checker.pipeline import run

    with scan_progress(paths) as on_file:
        result = run(paths, settings, on_file=on_file, priors=priors)
    if not result.articles:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:5]) or "no input files"
        fail(f"nothing readable in the inputs ({reasons})")
    return result


@contextmanager
def terminal_output(output: Path | None) -> Iterator[Console]:
    """A themed console on stdout, or on ``output`` (plain text, fixed width) when a file is given."""
    from checker.render.terminal import make_console

    if output is None:
        yield make_console()
        return
    try:
        handle = output.open("w", encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")
    with handle:
        yield make_console(file=handle, width=120, color=False)


def ledger_record(ledger: Path, settings: Settings, priors: dict | None = None):
    """The report's data from a ledger; a missing or unreadable ledger is an input error (exit 2)."""
    from checker.ledger import LedgerError, report_from

    try:
        result = report_from(ledger, settings, priors=priors)
    except LedgerError as error:
        fail(str(error))
    if not result.articles:
        fail(f"{ledger}: the ledger holds no articles")
    return result


def ledger_must_hold_articles(ledger: Path) -> None:
    """An empty or unusable ledger is an input error (exit 2), as for `report --ledger`."""
    from checker.ledger import Ledger, LedgerError

    try:
        with Ledger(ledger, read_only=True) as opened:
            if not opened.count("articles"):
                fail(f"{ledger}: the ledger holds no articles")
    except LedgerError as error:
        fail(str(error))


def ledger_near(ledger: Path, draft):
    """What is on record near a draft's claims, read from a ledger (only the events it could match)."""
    from checker.extract import extract_claims
    from checker.ledger import Ledger, LedgerError

    try:
        with Ledger(ledger, read_only=True) as opened:
            return opened.record_near(extract_claims(draft))
    except LedgerError as error:
        fail(str(error))


def record_from(paths: list[Path] | None, ledger: Path | None, settings: Settings, priors: Path | None):
    """The run's data from article paths or from a ledger (exactly one of them), with prior ratings."""
    if bool(paths) == bool(ledger):
        fail("give article PATHs or --ledger FILE (one of them)")
    ratings = load_priors_for(priors, settings)
    return run_pipeline(paths, settings, ratings) if paths else ledger_record(ledger, settings, ratings)


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")


PriorsOption = Annotated[
    Optional[Path], typer.Option("--priors", help="A CSV of outlet ratings (outlet, prior 0..1, note) to blend in.")
]


def load_priors_for(option: Path | None, settings: Settings) -> dict | None:
    """Prior outlet ratings from --priors or the configuration; a bad file is an input error (exit 2)."""
    from checker.reliability import load_priors

    path = option or (settings.resolve(settings.priors) if settings.priors else None)
    if path is None:
        return None
    try:
        return load_priors(path)
    except OSError as error:
        fail(f"{path}: cannot read the priors file: {error.strerror or error}")
    except ValueError as error:
        fail(str(error))


FailOnOption = Annotated[
    Optional[FailLevel], typer.Option("--fail-on", help="Exit 1 when there are findings at or above this level (default error).")
]
ExitZeroOption = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]
LedgerOption = Annotated[
    Optional[Path], typer.Option("--ledger", help="A claim ledger (DuckDB file) written by 'checker scan'.")
]


@app.command()
def report(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Article files or folders (or use --ledger): .txt .md .html .jsonl .json .csv")
    ] = None,
    ledger: LedgerOption = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.terminal,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    priors: PriorsOption = None,
    config: ConfigOption = None,
    max_file_bytes: MaxBytesOption = None,
) -> None:
    """Read articles, find conflicting claims, score the sources, and print the report (the main job)."""
    settings = settings_for(config, fail_on=fail_on.value if fail_on else None, max_file_bytes=max_file_bytes,
                            select=_codes(select), ignore=_codes(ignore))
    result = record_from(paths, ledger, settings, priors)
    if output_format is OutputFormat.json:
        from checker.render.json_report import render_json

        write_output(render_json(result), output)
    elif output_format is OutputFormat.html:
        from checker.render.html import render_html

        write_output(render_html(result), output)
    elif output_format is OutputFormat.claimreview:
        from checker.render.claimreview import render_claimreview

        write_output(render_claimreview(result), output)
    elif output_format is OutputFormat.markdown:
        from checker.render.markdown import render_markdown

        write_output(render_markdown(result), output)
    elif output_format is OutputFormat.sarif:
        from checker.render.sarif import render_sarif
        from checker.rulebook import load_rules

        write_output(render_sarif(result.findings, load_rules(settings).rules), output)
    elif output_format is OutputFormat.github:
        from checker.render.lint import render_github

        write_output(render_github(result.findings), output)
    else:
        from checker.render.terminal import render_terminal

        with terminal_output(output) as console:
            render_terminal(result, console)
    from checker.model import at_or_above

    if at_or_above(result.findings, settings.fail_on) and not exit_zero:
        raise typer.Exit(ExitCode.FINDINGS)


@app.command()
def claims(
    paths: PathsArgument,
    output_format: Annotated[ClaimsFormat, typer.Option("--format", "-f", help="table (capped), or csv / jsonl (all claims).")] = ClaimsFormat.table,
    output: OutputOption = None,
    config: ConfigOption = None,
    max_file_bytes: MaxBytesOption = None,
) -> None:
    """List the claims extracted from articles: who said which figure about which event."""
    settings = settings_for(config, max_file_bytes=max_file_bytes)
    result = run_pipeline(paths, settings)
    from checker.render import claims_table

    if output_format is ClaimsFormat.table:
        with terminal_output(output) as console:
            console.print(claims_table.render_claims_table(result))
    elif output_format is ClaimsFormat.csv:
        write_output(claims_table.claims_csv(result), output)
    else:
        write_output(claims_table.claims_jsonl(result), output)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


@app.command()
def check(
    drafts: Annotated[list[Path], typer.Argument(help="Draft articles to check (.md or .txt).")],
    against: Annotated[
        Optional[list[Path]],
        typer.Option("--against", help="Articles or folders on record to check against (repeatable; "
                                       "default: 'against' in the configuration)."),
    ] = None,
    ledger: LedgerOption = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    config: ConfigOption = None,
) -> None:
    """Pre-publication check: each figure in a draft against the figures on record, like a linter.

    Prints path:line:col: CODE message for every conflict, and exits 1 when there are findings
    at or above --fail-on. Silence a deliberate choice with <!-- checker: ignore CODE --> on the
    line or the line before.
    """
    from checker.prepublication import DraftError, check_draft, read_draft

    settings = settings_for(config, fail_on=fail_on.value if fail_on else None)
    if against and ledger is not None:
        fail("give --against PATH or --ledger FILE, not both")
    record_paths = list(against or [])
    if not record_paths and ledger is None and settings.against:
        record_paths = [settings.resolve(path) for path in settings.against]
    if not record_paths and ledger is None:
        fail("nothing to check against: give --against PATH or --ledger FILE (or 'against' in [tool.checker])")
    missing = [str(d) for d in drafts if not d.is_file()]
    if missing:
        fail(f"no such draft: {', '.join(missing)}")
    record = run_pipeline(record_paths, settings) if record_paths else None
    if ledger is not None:
        ledger_must_hold_articles(ledger)
    findings, unreadable = [], []
    for draft_path in drafts:  # a draft that cannot be read is reported, and the others are still checked
        try:
            draft = read_draft(draft_path, settings)
        except DraftError as error:
            unreadable.append(str(error))
            continue
        findings.extend(check_draft(draft, record or ledger_near(ledger, draft), settings).findings)
    if output_format is CheckFormat.json:
        from checker.render.lint import render_findings_json as render
    elif output_format is CheckFormat.sarif:
        from checker.render.sarif import render_sarif
        from checker.rulebook import load_rules

        rules = load_rules(settings).rules
        render = lambda items: render_sarif(items, rules)  # noqa: E731 - one renderer signature
    elif output_format is CheckFormat.github:
        from checker.render.lint import render_github as render
    else:
        from checker.render.lint import render_text as render
    write_output(render(findings), output)
    for problem in unreadable:
        stderr.print(Text.assemble(("error: ", "bold red"), problem))
    if unreadable:
        raise typer.Exit(ExitCode.ERROR)
    from checker.model import at_or_above

    if at_or_above(findings, settings.fail_on) and not exit_zero:
        raise typer.Exit(ExitCode.FINDINGS)


class SourcesFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    csv = "csv"


@app.command()
def sources(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Article files or folders (or use --ledger).")
    ] = None,
    ledger: LedgerOption = None,
    output_format: Annotated[SourcesFormat, typer.Option("--format", "-f", help="Output format.")] = SourcesFormat.terminal,
    output: OutputOption = None,
    priors: PriorsOption = None,
    config: ConfigOption = None,
    max_file_bytes: MaxBytesOption = None,
) -> None:
    """Score outlets and speakers: agreement with the weighted consensus, sourcing, contradictions, copies."""
    settings = settings_for(config, max_file_bytes=max_file_bytes)
    result = record_from(paths, ledger, settings, priors)
    if output_format is SourcesFormat.terminal:
        from checker.render.terminal import sources_table

        with terminal_output(output) as console:
            console.print(sources_table(result))
        return
    rows = [source.to_dict() for source in result.sources]
    if output_format is SourcesFormat.json:
        import json

        write_output(json.dumps({"sources": rows}, ensure_ascii=False, indent=2) + "\n", output)
        return
    import csv
    import io

    from checker.model import SourceScore

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(SourceScore.__dataclass_fields__), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    write_output(buffer.getvalue(), output)


@app.command()
def scan(
    paths: PathsArgument,
    ledger: Annotated[
        Path, typer.Option("--ledger", help="The ledger file to create or update (default .checker/ledger.duckdb).")
    ] = Path(".checker/ledger.duckdb"),
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles written per transaction.")] = 200,
    config: ConfigOption = None,
    max_file_bytes: MaxBytesOption = None,
) -> None:
    """Add articles to the claim ledger: unchanged ones (same content hash) are skipped, changed ones replaced."""
    from checker.ledger import LedgerError
    from checker.ledger import scan as scan_into

    settings = settings_for(config, max_file_bytes=max_file_bytes)
    try:
        with scan_progress(paths) as on_file:
            stats, totals = scan_into(ledger, paths, settings, on_file=on_file, batch_articles=batch_size)
    except LedgerError as error:
        fail(str(error))
    stderr.print(f"{ledger}: {stats.added} articles added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
                 f"{stats.skipped} inputs skipped; {totals['articles']} articles, {totals['claims']} claims, "
                 f"{totals['events']} events, {totals['findings']} findings on record", markup=False)
    if not totals["articles"]:
        fail("nothing readable in the inputs, and the ledger holds no articles")
    if not (stats.added or stats.replaced or stats.unchanged):
        fail("nothing readable in the inputs (the ledger is unchanged)")


@app.command()
def export(
    ledger: Annotated[Path, typer.Option("--ledger", help="The ledger file to export.")],
    directory: Annotated[Path, typer.Argument(help="Folder to write one Parquet file per table into.")],
) -> None:
    """Export the ledger's tables (articles, claims, events, findings, skipped) to Parquet files."""
    from checker.ledger import Ledger, LedgerError

    try:
        with Ledger(ledger, read_only=True) as opened:
            written = opened.export(directory)
    except LedgerError as error:
        fail(str(error))
    for path in written:
        sys.stdout.write(f"{path}\n")


@app.command()
def rules(
    selector: Annotated[
        Optional[str], typer.Argument(help="A rule code (CC101), dotted name (numbers.conflicting_count) or family (CC).")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """List the rules, or explain the ones a code, name or family selects."""
    from checker.rulebook import FAMILIES, load_rules, selected_rules

    settings = settings_for(config)
    book = load_rules(settings)
    for problem in book.problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        stderr.print(Text.assemble(("warning: ", "yellow"), f"{where}: {problem.reason} (rule left out)"))
    if selector is None:
        from rich.table import Table

        from checker.render.terminal import make_console

        enabled = {rule.code for rule in selected_rules(book, settings)}
        console = make_console()
        wide = console.width >= 110  # the summary column only where it fits; `checker rules CODE` has it all
        table = Table(title=f"Rules ({len(book.rules)})", expand=False)
        for column in ("code", "name", "severity", "status", "on"):
            table.add_column(column, no_wrap=True)
        if wide:
            table.add_column("what it finds", no_wrap=True, overflow="ellipsis", max_width=console.width - 82)
        for rule in book.rules:
            row = [rule.code, rule.name, rule.severity, rule.status, "yes" if rule.code in enabled else "no"]
            table.add_row(*row, *([" ".join(rule.description["what"].split())] if wide else []))
        console.print(table)
        console.print("Families: " + "; ".join(f"{code} {name}" for code, name in FAMILIES.items()))
        console.print("Explain one with: checker rules CODE")
        return
    matches = book.find(selector)
    if not matches:
        fail(f"no rule matches {selector!r}; run 'checker rules' to list them")
    sys.stdout.write("\n\n".join(rule.explain() for rule in matches) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
