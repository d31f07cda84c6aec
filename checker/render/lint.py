"""Line-oriented renderers for editors and CI: `path:line:col: CODE message`, and GitHub Actions annotations.

Both print file names and messages that come from input; neither lets them break a line (a
newline in a draft's file name could otherwise start a forged workflow command).
"""

from __future__ import annotations

from typing import TextIO

from checker.model import Dispute, Finding
from checker.render import RenderOptions
from checker.render.escape import escape_controls
from checker.render.evidence import file_and_row, from_here
from checker.result import RunResult

GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def finding_line(finding: Finding) -> str:
    """``path:line:col: CODE message`` on one line (the path from the working directory), control characters
    escaped."""
    path = from_here(finding.path) if finding.path else finding.path
    return escape_controls(f"{path}:{finding.line}:{finding.column}: {finding.code} {finding.message}")


def write_lines(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """One line per finding, as editors and CI read them, then one line that says what was checked."""
    for finding in result.findings:
        out.write(finding_line(finding) + "\n")
    if result.drafts and not options.quiet:  # -q: findings only
        out.write(summary_line(result) + "\n")


# what each count of a draft's summary says of its figures: (attribute, one figure, several)
FLAGGED = (("conflicts", "conflicts with the record", "conflict with the record"),
           ("disputed", "disputed on record", "disputed on record"),
           ("outdated", "outdated", "outdated"),
           ("no_record", "with no record", "with no record"))
DATED_BY = {"text": "the latest date its text states", "today": "today, as it states no date"}


def summary_line(result: RunResult) -> str:
    """"1 draft checked: 3 figures compared, 1 conflicts with the record, 1 outdated, 1 with no record; 1 error,
    2 infos." A draft whose date was not given says which date it was checked as of."""
    drafts = result.drafts
    head = f"{_count(len(drafts), 'draft')} checked"
    assumed = [f"{d.path + ' ' if len(drafts) > 1 else ''}as of {d.published}, {DATED_BY[d.dated_by]}"
               for d in drafts if d.dated_by in DATED_BY]
    if assumed:
        head += f" ({'; '.join(assumed)})"
    if sum(d.figures for d in drafts):
        parts = [f"{_count(sum(d.compared for d in drafts), 'figure')} compared"]
    else:
        parts = ["no figures to compare"]
    for attribute, one, several in FLAGGED:
        count = sum(getattr(d, attribute) for d in drafts)
        if count:
            parts.append(f"{count} {one if count == 1 else several}")
    levels = [_count(n, level) for level in ("error", "warning", "info")
              if (n := sum(f.severity == level for f in result.findings))]
    return escape_controls(f"{head}: {', '.join(parts)}; {', '.join(levels) or 'all checks passed'}.")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _escape_property(value: str) -> str:
    return escape_controls(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                           .replace(":", "%3A").replace(",", "%2C"))


def _escape_data(value: str) -> str:
    return escape_controls(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def write_github(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """GitHub Actions workflow commands: ::warning file=...,line=...,col=...,title=CODE::message.

    A dispute's finding gives one annotation per position in conflict, each in the file that states it, so a
    reviewer sees every side where it is written; other findings give one annotation at their first evidence."""
    disputes = {d.dispute_id: d for d in result.disputes}
    for f in result.findings:
        dispute = disputes.get(f.dispute_id or "") if f.code != "CC104" else None
        places = _position_places(f, dispute) if dispute else [_place(f.path, f.line, f.column, f.message)]
        for path, line, column, message in places:
            out.write(f"::{GITHUB_LEVEL[f.severity]} file={_escape_property(path or '')},line={line},col={column},"
                      f"title={_escape_property(f.code + ' ' + f.rule)}::{_escape_data(message)}\n")


def _position_places(finding: Finding, dispute: Dispute) -> list[tuple[str | None, int | None, int | None, str]]:
    """Where each position of a dispute that a finding holds is first stated, with the finding's message."""
    span_of = dict(zip(finding.claim_ids, finding.spans, strict=False))
    places = []
    for position in dispute.positions:
        span = next((span_of[c] for c in position["claim_ids"] if c in span_of), None)
        if span is not None:
            said = f"{position['value_text']} ({', '.join(position['speakers'])})"
            message = f"this position: {said}. {finding.message}"
            places.append(_place(span["path"], span["line"], span["column"], message))
    return places or [_place(finding.path, finding.line, finding.column, finding.message)]


def _place(path: str | None, line: int | None, column: int | None,
           message: str) -> tuple[str | None, int | None, int | None, str]:
    """An annotation's file (from the working directory, the root of the repository in a workflow), line and
    column: for an article read from a manifest row, the manifest and its row (the line inside the row's text is
    not a line of any file)."""
    if path is None:
        return path, line, column, message
    file, row = file_and_row(path)
    file = from_here(file)
    return (file, row, 1, message) if row is not None else (file, line, column, message)
