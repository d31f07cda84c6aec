"""A small run whose every string from input carries the same payload: for tests that renderers keep it inert."""

from __future__ import annotations

from datetime import date

from checker.model import Article, Claim, Event, Finding, SkippedInput, SourceScore
from checker.result import RunResult

# Rich markup (a closing tag that raises MarkupError, a link), terminal escapes (clear screen, an OSC 8
# link, an OSC 52 clipboard write, a window title), a forged GitHub workflow command after a newline,
# Markdown and HTML that would be live, a bare URL, and a spreadsheet formula.
MARKUP = "[/oops] [link=https://evil.example]click[/link] [bold red]loud"
ESCAPES = "\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\x1b]52;c;ZXZpbA==\x07\x1b]0;title\x07\x9b31m"
FORGED = "\n::error title=forged::forged"
MARKDOWN = "`x` <img src=x onerror=alert(1)> [a](javascript:alert(1)) https://evil.example/p www.evil.example"
FORMULA = "=HYPERLINK(\"https://evil.example\",\"x\")"
PAYLOAD = f"{MARKUP} {ESCAPES} {MARKDOWN}{FORGED}"


def hostile_run(payload: str = PAYLOAD) -> RunResult:
    """Two articles that disagree on a figure: ids, outlets, titles, speakers, messages and reasons hold ``payload``."""
    articles, claims = [], []
    for index, figure in enumerate(("8", "21")):
        article_id = f"{payload} id{index}"
        before = f"{payload} said "
        text = f"{before}{figure} rockets were fired at the Green Zone."
        articles.append(Article(article_id=article_id, source_path=f"{payload}.md", text=text, sha256="0" * 64,
                                outlet=f"{payload} outlet", url=f"https://example.org/{index}",
                                title=f"{payload} title", published=date(2020, 12, 21)))
        claims.append(Claim(claim_id=f"{article_id}:1", article_id=article_id, kind="count", value_low=float(figure),
                            value_high=float(figure), value_text=figure, subject="rocket", predicate="fired",
                            event_type="rocket attack", place="Green Zone", event_date_low=date(2020, 12, 20),
                            event_date_high=date(2020, 12, 20), speaker=f"{payload} speaker",
                            speaker_kind="organisation", speaker_text=payload, sentence=text, start=len(before),
                            end=len(before) + len(figure), surface=figure, line=1, column=len(before) + 1,
                            event_id="E1"))
    event = Event(event_id="E1", event_type="rocket attack", place="Green Zone", date_low=date(2020, 12, 20),
                  date_high=date(2020, 12, 20), claim_ids=[c.claim_id for c in claims],
                  article_ids=[a.article_id for a in articles])
    finding = Finding(finding_id="CC101-1", code="CC101", rule="numbers.conflicting_count", severity="error",
                      message=f"{payload} message", event_id="E1", claim_ids=[c.claim_id for c in claims],
                      article_ids=[a.article_id for a in articles], path=f"{payload}.md", line=1, column=3)
    source = SourceScore(source=f"{payload} source", level="outlet", score=None, score_low=0.1, score_high=0.9,
                         n_claims=1, n_compared=0, agreement=None, anonymous_share=0.0, findings=0,
                         reasons=f"{payload} reasons")
    return RunResult(articles=articles, claims=claims, events=[event], findings=[finding], sources=[source],
                     skipped=[SkippedInput(path=f"{payload}.txt", reason=f"{payload} reason", line=3)])
