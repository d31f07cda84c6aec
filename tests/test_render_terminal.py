"""The terminal report, rendered on a fixed-width console into a string and read as text."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from checker.model import Finding
from checker.pipeline import RunResult, run
from rich.console import Console

from checker.render.terminal import QUOTED_FINDINGS, TABLE_ROW_CAP, THEME, make_console, render_terminal

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
ANSI = re.compile(r"\x1b\[")
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9]+)*m")  # bold may stay


@cache
def example_run() -> RunResult:
    return run([EXAMPLES])


def render(result: RunResult, color: bool | None = False, width: int = 100) -> str:
    buffer = io.StringIO()
    render_terminal(result, make_console(file=buffer, width=width, color=color))
    return buffer.getvalue()


def test_render_terminal_conflict_quotes_side_by_side() -> None:
    text = render(example_run(), width=140)
    assert "the rocket attack on the Green Zone, 2020-12-20" in text
    assert "CC101 rockets fired at the Green Zone on 2020-12-20: 8 (Iraqi military) vs 21 (U.S. Central Command)" in text
    titles = next(line for line in text.splitlines() if "Iraqi military ·" in line)
    assert "U.S. Central Command ·" in titles  # both quotes start on one line: side by side
    assert "Sources" in text and "not enough evidence" in text


def test_render_terminal_no_colour_codes_off_a_terminal_or_with_no_color(monkeypatch) -> None:
    assert not ANSI.search(render(example_run(), color=False))
    monkeypatch.setenv("NO_COLOR", "1")
    buffer = io.StringIO()  # even a terminal gets no colour under NO_COLOR
    render_terminal(example_run(), Console(file=buffer, width=100, force_terminal=True, theme=THEME))
    assert not COLOUR.search(buffer.getvalue())


def test_render_terminal_highlights_the_figure_in_colour_on_a_terminal(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    buffer = io.StringIO()
    render_terminal(example_run(), Console(file=buffer, width=140, force_terminal=True, theme=THEME))
    assert re.search(r"\x1b\[[0-9;]*m(eight|21)\x1b\[0m", buffer.getvalue())


def test_render_terminal_long_lists_are_capped_with_a_count() -> None:
    base = example_run()
    extra = [Finding(finding_id=f"SR101-x{i}", code="SR101", rule="sourcing.anonymous_source", severity="info",
                     message=f"anonymous source number {i}") for i in range(QUOTED_FINDINGS + TABLE_ROW_CAP + 7)]
    result = RunResult(articles=base.articles, claims=base.claims, events=base.events,
                       findings=base.findings + extra, sources=base.sources)
    text = render(result)
    assert "more findings" in text and "use --format json to get them all" in text
