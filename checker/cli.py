"""The command line: parsing options and wiring the pipeline to the renderers, nothing more."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar, cast

import typer
from rich.console import Console
from rich.text import Text

from checker import __version__
from checker.config import ConfigError, Settings, load_settings
from checker.render import RenderOptions, UnknownFormat, View, format_names, renderer_for
from checker.render.escape import escape_controls
from checker.result import RunResult
from checker.triage import Triage

if TYPE_CHECKING:
    from checker.cache import Cache
    from checker.knowledge import Knowledge

app = typer.Typer(
    help="Check news articles for conflicting figures and weigh their sources.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,  # locals hold article text and paths: never in a CI log
)
# Long paths stay on one line; nothing printed here is read as markup or emoji codes.
stderr = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)


class ExitCode(IntEnum):
    """Exit status of every command."""

    CLEAN = 0  # nothing at or above the failing level
    FINDINGS = 1  # findings at or above the failing level
    ERROR = 2  # usage or input error: bad option, nothing readable; or a crash


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# --- messages -------------------------------------------------------------------------------------


def print_problem(message: str, label: str = "error", style: str = "bold red") -> None:
    """One line on stderr; control characters in it (from file names, input) are shown escaped."""
    stderr.print(Text.assemble((f"{label}: ", style), escape_controls(message)))


def fail(message: str) -> NoReturn:
    """Print an input or usage error and exit with status 2."""
    print_problem(message)
    raise typer.Exit(ExitCode.ERROR)


_debug = False  # set by --debug for the command being run
QUIET_HELP = "Print only the findings (or the report) and errors: no progress bar, notes or closing summary line."
_quiet = False  # set by -q/--quiet (before or after the command's name): findings, reports and errors only


def _quiet_too(value: bool) -> None:
    """-q after the command's name; ``main_options`` has reset the flag for this run."""
    global _quiet
    _quiet = _quiet or value


_show_settings = False  # set by --show-settings: print the settings in force and exit


def _show_settings_too(value: bool) -> None:
    global _show_settings
    _show_settings = _show_settings or value


def note(message: str) -> None:
    """A note on stderr (what was assumed or capped, what was written); -q leaves it out."""
    if not _quiet:
        print_problem(message, label="note", style="cyan")


def report_crash(error: Exception) -> NoReturn:
    """A bug: one line and status 2, or the traceback (without local variables) under --debug."""
    if _debug:  # the frames (our code), then the exception on one line: its text may come from input
        import traceback

        frames = "".join(traceback.format_tb(error.__traceback__))
        exception = "".join(traceback.format_exception_only(type(error), error)).rstrip("\n")
        sys.stderr.write(f"Traceback (most recent call last):\n{frames}{escape_controls(exception)}\n")
    else:
        detail = " ".join(str(error).split())
        detail = detail if len(detail) <= 200 else detail[:199] + "…"
        print_problem(f"checker crashed ({type(error).__name__}{': ' + detail if detail else ''}); this is a bug. "
                      "Run the same command with --debug (checker --debug COMMAND ...) to see the traceback.")
    raise typer.Exit(ExitCode.ERROR)


F = TypeVar("F", bound=Callable[..., Any])


def command(function: F) -> F:
    """Register a command whose unexpected exceptions end in ``report_crash``, not in a traceback."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the one place a crash is turned into a message
            report_crash(error)

    # the list of commands in `checker -h` shows the first paragraph of each description whole (click cuts it
    # at 45 characters with "..." unless a short help is given)
    summary = " ".join((function.__doc__ or "").strip().split("\n\n")[0].split())
    app.command(short_help=summary or None)(guarded)
    return cast(F, guarded)


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"checker {__version__}\n")
        raise typer.Exit(ExitCode.CLEAN)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", envvar="CHECKER_DEBUG", help="Show the traceback if checker crashes.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Check news articles for conflicting figures and weigh their sources."""
    global _debug, _quiet, _show_settings
    _debug, _quiet, _show_settings = debug, quiet, False


# --- options shared by the commands (declared once) ----------------------------------------------

# Every command takes -q and --show-settings; their values go to ``_quiet`` and ``_show_settings`` (the commands
# do not read them: ``settings_for`` and the writers do).
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", callback=_quiet_too, expose_value=False, help=QUIET_HELP)
]
ShowSettingsOption = Annotated[
    bool, typer.Option("--show-settings", callback=_show_settings_too, expose_value=False,
                       help="Print the settings in force and where each comes from (default, configuration file "
                            "and line, option), then exit.")
]

PathsArgument = Annotated[
    list[Path],
    typer.Argument(help="Article files or directories (walked recursively): .txt .md .html .jsonl .json .csv"),
]
RecordPathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(help="Article files or folders (or use --ledger): .txt .md .html .jsonl .json .csv"),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="A checker.toml or pyproject.toml to read settings from (default: the nearest one)."),
]
SelectOption = Annotated[
    str | None, typer.Option("--select", help="Only these rules: codes, dotted names or families, comma-separated.")
]
IgnoreOption = Annotated[
    str | None,
    typer.Option("--ignore", help="Leave out these rules: codes, dotted names or families, comma-separated."),
]
ExtendSelectOption = Annotated[
    str | None,
    typer.Option("--extend-select", help="Add these rules to those selected (by --select or the configuration)."),
]
ExtendIgnoreOption = Annotated[
    str | None,
    typer.Option("--extend-ignore", help="Leave out these rules too (besides --ignore or the configuration's)."),
]
MaxBytesOption = Annotated[
    int | None, typer.Option("--max-file-bytes", help="Skip input files larger than this (default 10 MB).")
]
FailOnOption = Annotated[
    FailLevel | None,
    typer.Option("--fail-on", help="Exit 1 when there are findings at or above this level (default error)."),
]
ExitZeroOption = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings.")]
LedgerOption = Annotated[
    Path | None, typer.Option("--ledger", help="A claim ledger (DuckDB file) written by 'checker scan'.")
]
MinSeverityOption = Annotated[
    FailLevel | None,
    typer.Option("--min-severity", help="Only findings at or above this level, in every format (the text report "
                                        "lists errors and warnings by default and counts infos)."),
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Print the number of findings per rule instead (--format text or json).")
]
PriorsOption = Annotated[
    Path | None, typer.Option("--priors", help="A CSV of outlet ratings (outlet, prior 0..1, note) to blend in.")
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Processes that read and extract the articles (default: 'jobs' in the "
                                             "configuration, else every core; 1 runs in this process)."),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="ADDRESS",
                 help="Extract on the Dask cluster at this scheduler address (e.g. tcp://10.0.0.5:8786; needs "
                      "the dask extra and checker on every worker); files are read here."),
]
InputRootOption = Annotated[
    Path | None,
    typer.Option("--input-root", help="The folder that manifest rows may read files from (default: each "
                                      "manifest's own folder); a row's path outside it is skipped."),
]
FollowSymlinksOption = Annotated[
    bool | None,
    typer.Option("--follow-symlinks/--no-follow-symlinks",
                 help="Follow symbolic links that lead out of the folders given (default: skip them, naming each)."),
]


def input_overrides(jobs: int | None, input_root: Path | None, follow_symlinks: bool | None) -> dict[str, Any]:
    """The settings given by the options on reading inputs (a relative --input-root is from the working folder)."""
    return {"jobs": jobs, "input_root": str(input_root.absolute()) if input_root else None,
            "follow_symlinks": follow_symlinks}


def record_overrides(ledger: Path | None = None, priors: Path | None = None,
                     against: list[Path] | None = None) -> dict[str, Any]:
    """The settings that --ledger, --priors and --against give (absolute: they are from the working folder), so
    that --show-settings shows what is in force."""
    return {"ledger": str(ledger.absolute()) if ledger else None,
            "priors": str(priors.absolute()) if priors else None,
            "against": tuple(str(path.absolute()) for path in against) if against else None}


def format_option(view: View) -> Any:
    """The --format option of a command: the formats of its view in the registry, old names accepted as aliases."""

    def canonical(name: str) -> str:
        try:
            return renderer_for(view, name).name
        except UnknownFormat as error:
            raise typer.BadParameter(str(error)) from None

    names = format_names(view)
    return typer.Option("--format", "--output-format", "-f", callback=canonical,
                        metavar="[" + "|".join(names) + "]",
                        help="Output format ('terminal' and 'table' are older names of text; --output-format is "
                             "ruff's name for this option).")


def _day(value: datetime | None) -> Any:
    return value.date() if value else None


def _codes(option: str | None) -> tuple[str, ...] | None:
    return tuple(part.strip() for part in option.split(",") if part.strip()) if option else None


SELECTOR_KEYS = ("select", "extend_select", "ignore", "extend_ignore", "severity", "per_file_ignores")


def settings_for(config: Path | None, **overrides: object) -> Settings:
    """The settings in force: the configuration file's, overridden by the options given (None: not given).
    A bad file or an unknown rule selector is a usage error (exit 2); --show-settings prints them and exits 0."""
    if config is not None and not config.is_file():
        fail(f"{config}: no such configuration file")
    try:
        configured = load_settings(config)
        settings = configured.with_overrides(**overrides)
    except ConfigError as error:
        fail(str(error))
        raise  # unreachable: fail() exits
    if any(getattr(settings, key) for key in SELECTOR_KEYS):  # an unknown rule selector is a usage error
        from checker.rulebook import load_rules, unknown_selectors

        book = load_rules(settings)
        for key in SELECTOR_KEYS:
            given = overrides.get(key) or ()
            for selector in unknown_selectors(book, _selectors(getattr(settings, key))):
                origin = (f"--{key.replace('_', '-')}" if selector in given  # type: ignore[operator]
                          else f"{settings.origins.get(key, settings.source)}: {key.replace('_', '-')}")
                fail(f"unknown rule selector {selector!r} in {origin}; 'checker rules' lists the rules")
    if _show_settings:
        from checker.render.settings import write_settings

        write_settings(settings, configured, {key for key, value in overrides.items() if value is not None},
                       sys.stdout)
        raise typer.Exit(ExitCode.CLEAN)
    if settings.jobs is not None:
        from checker.parallel import default_jobs

        cores = default_jobs()
        if settings.jobs > cores:  # more processes than cores only costs memory (a pull request can set jobs)
            origin = "--jobs" if overrides.get("jobs") is not None else f"{settings.source}: jobs"
            note(f"{origin} = {settings.jobs} capped at {cores}, the cores this process may use")
            settings = replace(settings, jobs=cores)
    return settings


def _selectors(value: object) -> list[str]:
    """The rule selectors a setting holds: a list, a table's keys (severity) or its lists' items (per-file-ignores)."""
    if isinstance(value, dict):
        return [item for key, items in value.items() for item in ((key,) if isinstance(items, str) else items)]
    return list(value)  # type: ignore[call-overload]


def exit_status(findings: list, settings: Settings, exit_zero: bool) -> None:
    """Exit 1 when findings reach the failing level (unless --exit-zero); return otherwise."""
    from checker.model import at_or_above

    if at_or_above(findings, settings.fail_on) and not exit_zero:
        raise typer.Exit(ExitCode.FINDINGS)


# --- reading ---------------------------------------------------------------------------------------


@contextmanager
def scan_progress(paths: list[Path], settings: Settings) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while reading inputs, shown only on a terminal: it counts articles (a manifest
    holds one a row), and moves on as each file has been read."""
    if _quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from checker.ingest import articles_in, iter_input_files

    articles = {item: articles_in(item, settings) for item in iter_input_files(paths, settings)
                if isinstance(item, Path)}
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                  TimeRemainingColumn(), console=stderr, transient=True) as progress:
        task = progress.add_task("reading", total=sum(articles.values()))
        yield lambda path: progress.advance(task, articles.get(path, 1))


def load_knowledge(settings: Settings, cache: Cache | None = None) -> Knowledge:
    """The language packs, gazetteer and taxonomy; a mistake in one is an input error (exit 2) naming file and line."""
    from checker.knowledge import Knowledge
    from checker.lang import DataFileError

    try:
        return Knowledge.load(settings.lexicon_folders(), cache)
    except DataFileError as error:
        fail(str(error))


def run_pipeline(paths: list[Path], settings: Settings, priors: dict | None = None,
                 knowledge: Knowledge | None = None, scheduler: str | None = None,
                 cache: Cache | None = None) -> RunResult:
    from checker.lang import DataFileError
    from checker.parallel import ParallelError, open_workers
    from checker.pipeline import run

    knowledge = knowledge or load_knowledge(settings)
    try:  # the workers start before the progress bar's thread
        with open_workers(settings, knowledge, paths, scheduler) as workers, scan_progress(paths, settings) as on_file:
            result = run(paths, settings, on_file=on_file, priors=priors, knowledge=knowledge, workers=workers,
                         cache=cache)
    except DataFileError as error:  # a language pack is loaded when its first article is read
        fail(str(error))
    except ParallelError as error:
        fail(str(error))
    if not result.articles:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:5]) or "no input files"
        fail(f"nothing readable in the inputs ({reasons})")
    return result


def configured_ledger(settings: Settings) -> Path:
    """The ledger `scan` writes: ``ledger`` in the configuration, else .checker/ledger.duckdb."""
    if settings.ledger:
        return settings.resolve(settings.ledger)
    from checker.ledger import DEFAULT_LEDGER  # duckdb is imported only by commands that use a ledger

    return DEFAULT_LEDGER


def default_ledger(settings: Settings, instead: str) -> Path:
    """The ledger to read when no articles (``instead``) and no --ledger were given: the configured one, else
    .checker/ledger.duckdb when `scan` wrote it; a usage error (exit 2) otherwise."""
    ledger = configured_ledger(settings)
    if settings.ledger or ledger.is_file():
        return ledger
    fail(f"give {instead} or --ledger FILE (there is no ledger at {ledger}: 'checker scan PATH' writes one)")


def ledger_record(ledger: Path, settings: Settings, priors: dict | None = None) -> RunResult:
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


def ledger_near(ledger: Path, draft: Any, knowledge: Knowledge) -> RunResult:
    """What is on record near a draft's claims, read from a ledger (only the events it could match)."""
    from checker.ledger import Ledger, LedgerError
    from checker.pipeline import extract

    found = extract([draft], knowledge)  # the draft's claims, framed as a report frames them
    try:
        with Ledger(ledger, read_only=True) as opened:
            return opened.record_near(found.claims, found.articles, knowledge)
    except LedgerError as error:
        fail(str(error))


def record_from(paths: list[Path] | None, ledger: Path | None, settings: Settings, priors: Path | None,
                scheduler: str | None = None) -> RunResult:
    """The run's data from article paths (extracted on the Dask cluster at ``scheduler``, if given) or from a
    ledger (one of them; neither: the default ledger), with prior ratings."""
    if paths and ledger:
        fail("give article PATHs or --ledger FILE (one of them)")
    if not paths and ledger is None:
        ledger = default_ledger(settings, "article PATHs")
    ratings = load_priors_for(priors, settings)
    if paths:
        result = run_pipeline(paths, settings, ratings, scheduler=scheduler)
    elif scheduler:
        fail("--scheduler extracts articles: give article PATHs (a ledger's claims are extracted already)")
    else:
        assert ledger is not None
        result = ledger_record(ledger, settings, ratings)
    if ratings:
        warn_unused_priors(ratings, result, "--priors" if priors else f"priors in {settings.source}")
    return result


def warn_unused_priors(ratings: dict, result: RunResult, origin: str) -> None:
    """A warning on stderr for each prior rating of an outlet that no article read is from (it is not used)."""
    from checker.reliability import unused_priors

    outlets = {a.outlet for a in result.articles if a.outlet}
    outlets |= {s.source for s in result.sources if s.level == "outlet"}
    path = getattr(ratings, "path", None)
    for unused in unused_priors(ratings, outlets):
        where = f"{path}:{unused.line}" if path and unused.line else str(path or origin)
        hint = f"; did you mean {unused.suggestion!r}?" if unused.suggestion else ""
        print_problem(f"{where} ({origin}): the prior for {unused.outlet!r} is not used: no article read is from "
                      f"that outlet (ratings match outlet names exactly){hint}", label="warning", style="yellow")


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


# --- writing ---------------------------------------------------------------------------------------


@contextmanager
def opened_output(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``output`` opened for writing (UTF-8; a lone surrogate is written as ``\\udXXX``)."""
    if output is None:
        yield sys.stdout
        return
    try:
        handle = output.open("w", encoding="utf-8", errors="backslashreplace", newline="")
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")
    with handle:
        yield handle


def emit(view: View, format_name: str, result: RunResult, output: Path | None, settings: Settings,
         **options_given: Any) -> None:
    """Write ``result`` with the renderer of ``view`` named ``format_name``, to ``output`` or standard output.

    A file gets the terminal formats as plain text 120 columns wide; standard output gets them
    as the terminal (or NO_COLOR) says. ``options_given`` are further ``RenderOptions``.
    """
    try:
        renderer = renderer_for(view, format_name)
    except UnknownFormat as error:
        fail(str(error))
    options = RenderOptions(width=120 if output else None, color=False if output else None, settings=settings,
                            quiet=_quiet, **options_given)
    with opened_output(output) as out:
        try:
            renderer.write(result, options, out)
            out.flush()
        except BrokenPipeError:  # the reader went away (`checker report | head`): stop quietly
            with suppress(OSError, ValueError):  # and keep Python from complaining when it flushes at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(ExitCode.ERROR) from None
        except OSError as error:
            fail(f"{output or 'standard output'}: cannot write: {error.strerror or error}")


# --- commands --------------------------------------------------------------------------------------


@command
def report(
    paths: RecordPathsArgument = None,
    ledger: LedgerOption = None,
    output_format: Annotated[str, format_option(View.report)] = "text",
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    extend_select: ExtendSelectOption = None,
    extend_ignore: ExtendIgnoreOption = None,
    min_severity: MinSeverityOption = None,
    show_info: Annotated[
        bool, typer.Option("--show-info", help="List info findings too in the text report (they are counted anyway).")
    ] = False,
    event: Annotated[
        list[str] | None,
        typer.Option("--event", help="Only findings about this event: its id or words of its description "
                                     "(repeatable)."),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option("--outlet", help="Only findings in articles of this outlet: a part of its name, any case "
                                      "(repeatable)."),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only findings about events on or after this date "
                                                            "(or, with no event, in articles published since)."),
    ] = None,
    until: Annotated[
        datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="Only findings up to this date.")
    ] = None,
    statistics: StatisticsOption = False,
    full: Annotated[
        bool, typer.Option("--full", help="Markdown: everything (every finding quoted, every source and article); "
                                          "by default a summary under 60,000 characters, the size of a ticket.")
    ] = False,
    priors: PriorsOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
) -> None:
    """Read articles, find conflicting claims, score the sources, and print the report (the main job).

    With no PATH and no --ledger, the report is read from the ledger 'checker scan' wrote
    ('ledger' in the configuration, else .checker/ledger.duckdb).
    """
    settings = settings_for(config, fail_on=fail_on.value if fail_on else None, max_file_bytes=max_file_bytes,
                            select=_codes(select), ignore=_codes(ignore), extend_select=_codes(extend_select),
                            extend_ignore=_codes(extend_ignore), **record_overrides(ledger, priors),
                            **input_overrides(jobs, input_root, follow_symlinks))
    triage = Triage(events=tuple(event or ()), outlets=tuple(outlet or ()), since=_day(since), until=_day(until),
                    min_severity=min_severity.value if min_severity else None)
    result = record_from(paths, ledger, settings, priors, scheduler)
    shown = triage.narrow(result)
    if statistics:
        emit(View.statistics, output_format, shown, output, settings)
    else:
        emit(View.report, output_format, shown, output, settings,
             min_severity="info" if show_info else triage.min_severity, filters=triage.describe(),
             total_findings=len(result.findings), full=full)
    exit_status(shown.findings, settings, exit_zero)


@command
def claims(
    paths: PathsArgument,
    output_format: Annotated[str, format_option(View.claims)] = "text",
    output: OutputOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
) -> None:
    """List the claims extracted from articles: who said which figure about which event."""
    settings = settings_for(config, max_file_bytes=max_file_bytes, **input_overrides(jobs, input_root, follow_symlinks))
    emit(View.claims, output_format, run_pipeline(paths, settings), output, settings)


STDIN = Path("-")


@command
def check(
    drafts: Annotated[
        list[Path] | None, typer.Argument(help="Draft articles to check (.md or .txt); '-' reads standard input.",
                                          show_default=False)
    ] = None,
    against: Annotated[
        list[Path] | None,
        typer.Option("--against", help="Articles or folders on record to check against (repeatable; "
                                       "default: 'against' in the configuration)."),
    ] = None,
    ledger: LedgerOption = None,
    output_format: Annotated[str, format_option(View.check)] = "text",
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    extend_select: ExtendSelectOption = None,
    extend_ignore: ExtendIgnoreOption = None,
    min_severity: MinSeverityOption = None,
    statistics: StatisticsOption = False,
    stdin_filename: Annotated[
        str | None, typer.Option("--stdin-filename", help="The name of the draft read from '-', for messages "
                                                             "(a name ending in .txt is read as plain text).")
    ] = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read and write no cache: build the language pack, the places and "
                                              "the record's claims afresh (default: kept in the user's cache "
                                              "folder, or $CHECKER_CACHE_DIR).")
    ] = False,
) -> None:
    """Pre-publication check: each figure in a draft against the figures on record, like a linter.

    Prints path:line:col: CODE message for every conflict, then one line saying what was checked,
    and exits 1 when there are findings at or above --fail-on. Silence a deliberate choice with
    <!-- checker: ignore CODE --> on the line or the line before. A draft that cannot be read is
    reported and the others are still checked (exit 2 at the end). Without --against or --ledger,
    the drafts are checked against 'against' or 'ledger' in the configuration, else the ledger
    'checker scan' wrote.
    """
    from checker.cache import Cache
    from checker.prepublication import DraftError, check_draft, read_draft, read_draft_stream

    settings = settings_for(config, fail_on=fail_on.value if fail_on else None, max_file_bytes=max_file_bytes,
                            select=_codes(select), ignore=_codes(ignore), extend_select=_codes(extend_select),
                            extend_ignore=_codes(extend_ignore), **record_overrides(ledger, against=against),
                            **input_overrides(jobs, input_root, follow_symlinks))
    if not drafts:
        fail("give a DRAFT to check (or '-' to read it from standard input)")
    if against and ledger is not None:
        fail("give --against PATH or --ledger FILE, not both")
    record_paths = list(against or [])
    if not record_paths and ledger is None and settings.against:
        record_paths = [settings.resolve(path) for path in settings.against]
    if not record_paths and ledger is None:
        ledger = default_ledger(settings, "--against PATH ('against' in [tool.checker])")
    if drafts.count(STDIN) > 1:
        fail("standard input ('-') can be read once")
    cache = Cache() if no_cache else Cache.from_environment()
    knowledge = load_knowledge(settings, cache)
    readable, unreadable = [], []
    for draft_path in drafts:  # a draft that cannot be read is reported, and the others are still checked
        try:
            if draft_path == STDIN:
                readable.append(read_draft_stream(sys.stdin.buffer, stdin_filename or "<stdin>", settings,
                                                  knowledge=knowledge))
            elif not draft_path.is_file():
                unreadable.append(f"{draft_path}: no such draft" + (" (a folder)" if draft_path.is_dir() else ""))
            else:
                readable.append(read_draft(draft_path, settings, knowledge=knowledge))
        except DraftError as error:
            unreadable.append(str(error))
    if not readable:
        for problem in unreadable:
            print_problem(problem)
        raise typer.Exit(ExitCode.ERROR)
    record = run_pipeline(record_paths, settings, knowledge=knowledge, cache=cache) if record_paths else None
    if ledger is not None:
        ledger_must_hold_articles(ledger)
    findings, summaries = [], []
    for draft in readable:
        on_record = record if record is not None else ledger_near(ledger, draft, knowledge)  # type: ignore[arg-type]
        checked_draft = check_draft(draft, on_record, settings, knowledge=knowledge)
        findings.extend(checked_draft.findings)
        summaries.extend([checked_draft.summary] if checked_draft.summary else [])
    checked = Triage(min_severity=min_severity.value if min_severity else None).narrow(
        RunResult(articles=readable, findings=findings, drafts=summaries))
    emit(View.statistics if statistics else View.check, output_format, checked, output, settings)
    findings = checked.findings
    for problem in unreadable:
        print_problem(problem)
    if unreadable:
        raise typer.Exit(ExitCode.ERROR)
    exit_status(findings, settings, exit_zero)


@command
def sources(
    paths: RecordPathsArgument = None,
    ledger: LedgerOption = None,
    output_format: Annotated[str, format_option(View.sources)] = "text",
    output: OutputOption = None,
    priors: PriorsOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
) -> None:
    """Score outlets and speakers: agreement with the weighted consensus, sourcing, contradictions, copies."""
    settings = settings_for(config, max_file_bytes=max_file_bytes, **record_overrides(ledger, priors),
                            **input_overrides(jobs, input_root, follow_symlinks))
    emit(View.sources, output_format, record_from(paths, ledger, settings, priors), output, settings)


@command
def claimreview(
    paths: RecordPathsArgument = None,
    ledger: LedgerOption = None,
    confirm: Annotated[
        list[str] | None,
        typer.Option("--confirm", help="A finding id an editor confirmed for publication (repeatable, or "
                                       "comma-separated)."),
    ] = None,
    confirmations: Annotated[
        Path | None, typer.Option("--confirmations", help="A YAML file of confirmed findings, with the desk's "
                                                          "choices (url, claim, reviewed, date).")
    ] = None,
    review_url: Annotated[
        str | None, typer.Option("--review-url", help="The address of each review, with {finding_id} filled in "
                                                      "(for confirmations without their own url).")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option("--publisher", help="The organisation publishing the reviews (default: "
                                                     "'publisher' in the configuration).")
    ] = None,
    author: Annotated[
        str | None, typer.Option("--author", help="Who wrote the reviews (default: 'author', else the publisher).")
    ] = None,
    review_date: Annotated[
        datetime | None, typer.Option("--date", formats=["%Y-%m-%d"], help="The reviews' datePublished "
                                                                            "(default: today).")
    ] = None,
    output: OutputOption = None,
    priors: PriorsOption = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
) -> None:
    """Write schema.org ClaimReview JSON-LD for the findings an editor confirmed (and only those).

    Without --confirm or --confirmations, list the findings that may be confirmed (rules marked
    claimreview: true), one a line: id, file:line, message.
    """
    from checker.confirmations import (
        Confirmation,
        ConfirmationError,
        load_confirmations,
        problems_with,
        with_review_urls,
    )

    settings = settings_for(config, max_file_bytes=max_file_bytes, publisher=publisher, author=author,
                            **record_overrides(ledger, priors), **input_overrides(jobs, input_root, follow_symlinks))
    confirmed = [Confirmation(finding_id) for option in confirm or [] for finding_id in _codes(option) or ()]
    if confirmations is not None:
        try:
            confirmed += load_confirmations(confirmations)
        except ConfirmationError as error:
            fail(str(error))
    result = record_from(paths, ledger, settings, priors)
    if not confirmed:
        emit(View.claimreview, "text", result, output, settings)
        note("nothing confirmed: these findings may be published; confirm them with --confirm ID "
             "(or --confirmations FILE)")
        return
    confirmed = with_review_urls(list({c.finding_id: c for c in confirmed}.values()), review_url)
    problems = problems_with(confirmed, result)
    if not settings.publisher:
        problems.append("no publisher for the reviews: set 'publisher' under [tool.checker] or give --publisher")
    if problems:
        for problem in problems:
            print_problem(problem)
        raise typer.Exit(ExitCode.ERROR)
    emit(View.claimreview, "json", result, output, settings, confirmed=tuple(confirmed),
         review_date=_day(review_date))


@command
def scan(
    paths: PathsArgument,
    ledger: Annotated[
        Path | None, typer.Option("--ledger", help="The ledger file to create or update (default: 'ledger' in the "
                                                   "configuration, else .checker/ledger.duckdb).")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles written per transaction.")] = 200,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
    max_file_bytes: MaxBytesOption = None,
    jobs: JobsOption = None,
    scheduler: SchedulerOption = None,
    input_root: InputRootOption = None,
    follow_symlinks: FollowSymlinksOption = None,
) -> None:
    """Add articles to the claim ledger: unchanged ones (same content hash) are skipped, changed ones replaced."""
    from checker.lang import DataFileError
    from checker.ledger import LedgerError
    from checker.ledger import scan as scan_into
    from checker.parallel import ParallelError, open_workers

    settings = settings_for(config, max_file_bytes=max_file_bytes, **record_overrides(ledger),
                            **input_overrides(jobs, input_root, follow_symlinks))
    ledger = ledger or configured_ledger(settings)
    knowledge = load_knowledge(settings)
    try:  # the workers start before the progress bar's and DuckDB's threads
        with open_workers(settings, knowledge, paths, scheduler) as workers, scan_progress(paths, settings) as on_file:
            stats, totals = scan_into(ledger, paths, settings, on_file=on_file, batch_articles=batch_size,
                                      knowledge=knowledge, workers=workers)
    except (LedgerError, DataFileError, ParallelError) as error:
        fail(str(error))
    if not _quiet:
        stderr.print(escape_controls(
            f"{ledger}: {stats.added} articles added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
            f"{stats.skipped} inputs skipped; {totals['articles']} articles, {totals['claims']} claims, "
            f"{totals['events']} events, {totals['disputes']} disputes, {totals['findings']} findings on record"))
    if not totals["articles"]:
        fail("nothing readable in the inputs, and the ledger holds no articles")
    if not (stats.added or stats.replaced or stats.unchanged):
        fail("nothing readable in the inputs (the ledger is unchanged)")


@command
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write one Parquet file per table into.")],
    ledger: Annotated[
        Path | None, typer.Option("--ledger", help="The ledger file to export (default: 'ledger' in the "
                                                   "configuration, else .checker/ledger.duckdb).")
    ] = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
) -> None:
    """Export the ledger's tables (articles, claims, events, findings, skipped, sources) to Parquet files."""
    from checker.ledger import Ledger, LedgerError

    settings = settings_for(config, **record_overrides(ledger))
    ledger = ledger or default_ledger(settings, "--ledger FILE")
    try:
        with Ledger(ledger, read_only=True) as opened:
            written = opened.export(directory)
    except LedgerError as error:
        fail(str(error))
    for path in written:
        sys.stdout.write(escape_controls(str(path)) + "\n")


@command
def rules(
    selector: Annotated[
        str | None, typer.Argument(help="A rule code (CC101), dotted name (numbers.conflicting_count) or family (CC).")
    ] = None,
    config: ConfigOption = None,
    quiet: QuietOption = False,
    show_settings: ShowSettingsOption = False,
) -> None:
    """List the rules, or explain the ones a code, name or family selects."""
    from checker.rulebook import load_rules, selected_rules

    settings = settings_for(config)
    book = load_rules(settings)
    for problem in book.problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        print_problem(f"{where}: {problem.reason} (rule left out)", label="warning", style="yellow")
    if selector is None:
        from checker.render.rules_table import write_rules_table

        enabled = {rule.code for rule in selected_rules(book, settings)}
        write_rules_table(book.rules, enabled, sys.stdout)
        return
    matches = book.find(selector)
    if not matches:
        fail(f"no rule matches {selector!r}; run 'checker rules' to list them")
    sys.stdout.write("\n\n".join(rule.explain() for rule in matches) + "\n")


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate from input is shown escaped, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except Exception as error:  # noqa: BLE001 - outside a command (commands report their own crashes)
        try:
            report_crash(error)
        except typer.Exit as exit_:
            sys.exit(exit_.exit_code)


if __name__ == "__main__":
    main()
