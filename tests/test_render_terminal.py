"""The terminal report, rendered on a fixed-width console into a string and read as text."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from hostile_records import ESCAPES, MARKUP, hostile_run

from checker.model import Finding
from checker.pipeline import run
from checker.render import RenderOptions, View, renderer_for
from checker.render.terminal import QUOTED_FINDINGS, TABLE_ROW_CAP, make_console, render_terminal
from checker.result import RunResult

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
ANSI = re.compile(r"\x1b\[")
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9]+)*m")  # bold may stay


@cache
def example_run() -> RunResult:
    return run([EXAMPLES])


def render(result: RunResult, color: bool | None = False, width: int = 100, min_severity: str | None = None) -> str:
    buffer = io.StringIO()
    render_terminal(result, make_console(file=buffer, width=width, color=color), RenderOptions(min_severity=min_severity))
    return buffer.getvalue()


def test_render_terminal_conflict_quotes_side_by_side() -> None:
    text = render(example_run(), width=140)
    assert "the rocket attack on the Green Zone, 2020-12-20" in text
    assert ("CC101 rockets fired at the Green Zone on 2020-12-20: 8 (Iraqi military; 3 outlets, 2 independent) vs 21 "
            "(U.S. Central Command)") in text
    titles = next(line for line in text.splitlines() if "Iraqi military ·" in line)
    assert "U.S. Central Command ·" in titles  # both quotes start on one line: side by side
    assert "Sources" in text and "not enough evidence" in text


class TerminalBuffer(io.StringIO):
    """A string buffer that says it is a terminal, as a real one does: Rich colours what it writes."""

    def isatty(self) -> bool:
        return True


def render_on_a_terminal(result: RunResult, width: int = 140) -> str:
    buffer = TerminalBuffer()
    render_terminal(result, make_console(file=buffer, width=width))  # the project's console, as the CLI makes it
    return buffer.getvalue()


def test_render_terminal_no_colour_codes_off_a_terminal_or_with_no_color(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not ANSI.search(render(example_run(), color=None))  # not a terminal: plain text
    assert COLOUR.search(render_on_a_terminal(example_run()))  # a terminal: colour (so the next line can fail)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not COLOUR.search(render_on_a_terminal(example_run()))  # even a terminal gets no colour under NO_COLOR


def test_render_terminal_highlights_the_figure_in_colour_on_a_terminal(monkeypatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert re.search(r"\x1b\[[0-9;]*m(eight|21)\x1b\[0m", render_on_a_terminal(example_run()))


def test_render_terminal_markup_from_input_is_shown_as_written_never_parsed(monkeypatch) -> None:
    """Outlets, titles, speakers, ids, messages and skip reasons with "[/oops]" or "[link=...]": text, not markup."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render_on_a_terminal(hostile_run(MARKUP), width=400)  # MarkupError would be raised here
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    for where in ("outlet", "title", "speaker", "message", "reason", "source", "reasons"):
        assert f"{MARKUP} {where}" in plain, where
    assert f"{MARKUP}.md:1" in plain  # the location: file and line
    assert "\x1b]8;" not in text  # no hyperlink made from [link=...]


@pytest.mark.parametrize("view", [View.report, View.sources, View.claims])
def test_render_terminal_escape_sequences_from_input_never_reach_the_terminal(monkeypatch, view: View) -> None:
    """Clear screen, OSC 8 links, OSC 52 clipboard writes, window titles and C1 controls are stripped."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    buffer = TerminalBuffer()
    renderer_for(view, "text").write(hostile_run(f"before {ESCAPES} after"), RenderOptions(width=400), buffer)
    text = buffer.getvalue()
    assert "before" in text and "link" in text  # the words stay
    assert not re.search(r"\x1b\[(?![0-9;]*m)", text)  # CSI: only Rich's own colour codes (SGR)
    assert "\x1b]" not in text and "\x07" not in text and "\x9b" not in text and "\x1b\\" not in text
    off_terminal = renderer_for(view, "text").render(hostile_run(ESCAPES), RenderOptions(width=400, color=False))
    assert "\x1b" not in off_terminal


def test_render_terminal_long_lists_are_capped_with_a_count() -> None:
    base = example_run()
    extra = [Finding(finding_id=f"SR101-x{i}", code="SR101", rule="sourcing.anonymous_source", severity="info",
                     message=f"anonymous source number {i}") for i in range(QUOTED_FINDINGS + TABLE_ROW_CAP + 7)]
    result = RunResult(articles=base.articles, claims=base.claims, events=base.events,
                       findings=base.findings + extra, sources=base.sources)
    text = render(result, min_severity="info")
    assert "more findings" in text and "use --format json to get them all" in text
