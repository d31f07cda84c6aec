"""Every report says why claims were compared: each event's type, place, dates and the articles it joins."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from functools import cache
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.model import Article, Claim, Event, Finding
from checker.pipeline import run
from checker.render import RenderOptions, View, renderer_for
from checker.render.terminal import make_console, render_terminal
from checker.result import RunResult

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
GREEN_ZONE_HEADING = "the rocket attack on the Green Zone, 2020-12-20"
GREEN_ZONE_LINE = ("rocket attack · Green Zone (Baghdad, Iraq) · 2020-12-20 · 5 articles: The Kestrel Valley Herald, "
                   "Millbrook Daily Sentinel, Pinecrest Observer, Ashgrove Tribune, c_cinderford_gazette_2020-12-24.txt")


@cache
def example_run() -> RunResult:
    return run([EXAMPLES])


def terminal_text(result: RunResult, width: int = 200) -> str:
    buffer = io.StringIO()
    render_terminal(result, make_console(file=buffer, width=width, color=False), RenderOptions(min_severity="info"))
    return buffer.getvalue()


def test_render_events_text_report_line_under_each_event_heading() -> None:
    lines = [line.rstrip() for line in terminal_text(example_run()).splitlines()]
    headings = [index for index, line in enumerate(lines) if line == GREEN_ZONE_HEADING]
    assert headings, lines
    assert all(lines[index + 1] == GREEN_ZONE_LINE for index in headings), [lines[i + 1] for i in headings]


def test_render_events_text_report_line_wraps_between_words_on_a_narrow_terminal() -> None:
    text = terminal_text(example_run(), width=80)
    assert " ".join(text.split()).count(GREEN_ZONE_LINE) >= 1


def test_render_events_markdown_and_html_give_the_same_line() -> None:
    markdown = renderer_for(View.report, "markdown").render(example_run())
    assert f"### {GREEN_ZONE_HEADING}\n\n{GREEN_ZONE_LINE.replace('_', chr(92) + '_')}\n" in markdown
    page = renderer_for(View.report, "html").render(example_run())
    section = re.search(r"<h3>the rocket attack on the Green Zone, 2020-12-20</h3>\s*<p class=\"event dim\">([^<]*)</p>",
                        page)
    assert section and section.group(1) == GREEN_ZONE_LINE


def test_render_events_json_finding_event_id_leads_to_its_event(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--format", "json", "--output", str(target),
                                      "--exit-zero"])
    assert result.exit_code == 0, result.output
    report = json.loads(target.read_text(encoding="utf-8"))
    events = {event["event_id"]: event for event in report["events"]}
    tied = [finding for finding in report["findings"] if finding["event_id"]]
    assert tied
    for finding in tied:
        event = events[finding["event_id"]]
        assert set(finding["article_ids"]) <= set(event["article_ids"])
    conflict = next(f for f in report["findings"] if f["code"] == "CC101")
    event = events[conflict["event_id"]]
    assert (event["event_type"], event["place"], event["date_low"], event["date_high"]) == (
        "rocket attack", "Green Zone", "2020-12-20", "2020-12-20")
    assert event["place_within"][0] == "Baghdad" and event["place_within"][-1] == "Iraq"
    assert len(event["article_ids"]) == 5


def _article(index: int, outlet: str | None, published: date | None) -> Article:
    return Article(article_id=f"a{index}", source_path=f"desk/a{index}.md", text="Text.", sha256="0" * 64,
                   outlet=outlet, published=published)


def _run_with(event: Event, articles: list[Article]) -> RunResult:
    claim = Claim(claim_id=f"{articles[0].article_id}:1", article_id=articles[0].article_id, kind="count",
                  value_low=3.0, value_high=3.0, subject="person", predicate="killed", sentence="Text.", start=0,
                  end=1, surface="T", line=1, column=1, event_id=event.event_id)
    finding = Finding(finding_id="IC101-1", code="IC101", rule="numbers.unreconciled_figures", severity="warning",
                      message="a message", event_id=event.event_id, claim_ids=[claim.claim_id],
                      article_ids=[articles[0].article_id])
    return RunResult(articles=articles, claims=[claim], events=[event], findings=[finding])


def test_render_events_line_counts_copies_of_an_outlet_and_the_articles_beyond_five() -> None:
    outlets = ["Harbour Post", "Harbour Post", "Valley Ledger", "Ridge Times", "Coast Courier", "Plains Echo",
               "Delta Wire"]
    articles = [_article(i, outlet, date(2021, 7, 1 + i)) for i, outlet in enumerate(outlets)]
    event = Event(event_id="E1", event_type="flood", place="Lismore", date_low=date(2021, 6, 28),
                  date_high=date(2021, 6, 30), article_ids=[a.article_id for a in reversed(articles)],
                  place_within=["New South Wales", "Australia"])
    text = " ".join(terminal_text(_run_with(event, articles)).split())
    assert ("flood · Lismore (New South Wales, Australia) · 2021-06-28 to 2021-06-30 · 7 articles: Harbour Post (2), "
            "Valley Ledger, Ridge Times, Coast Courier, Plains Echo, 1 more") in text


def test_render_events_line_says_what_is_unknown_and_names_a_file_without_an_outlet() -> None:
    articles = [_article(0, None, None)]
    event = Event(event_id="E2", event_type=None, place=None, date_low=None, date_high=None, article_ids=["a0"])
    text = " ".join(terminal_text(_run_with(event, articles)).split())
    assert "type unknown · place unknown · undated · 1 article: a0.md" in text
