"""JSON and JSON Lines: written record by record, the same bytes as one json.dumps, and every record typed."""

from __future__ import annotations

import io
import json
from dataclasses import asdict, replace
from functools import cache
from pathlib import Path

from typer.testing import CliRunner

from checker import __version__
from checker.cli import app
from checker.model import _plain
from checker.render import RenderOptions, View, renderer_for
from checker.render.json_report import summary
from checker.result import RunResult

REPO = Path(__file__).resolve().parents[1]


@cache
def example_run() -> RunResult:
    from checker.pipeline import run

    return run([REPO / "claims" / "corpus"])


def one_string(result: RunResult) -> str:
    """The report as the JSON renderer wrote it before it streamed: one dict, one json.dumps."""
    document = {"checker_version": __version__, "summary": summary(result),
                **{table: [record.to_dict() for record in getattr(result, table)]
                   for table in ("articles", "skipped", "claims", "events", "disputes", "findings", "sources")}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class CountingStream(io.StringIO):
    """Records the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


def test_render_json_streamed_report_has_the_bytes_of_one_dumps() -> None:
    for result in (example_run(), RunResult(), RunResult(articles=example_run().articles[:1])):
        assert renderer_for(View.report, "json").render(result) == one_string(result)


def test_render_json_report_is_written_record_by_record() -> None:
    result = example_run()
    out = CountingStream()
    renderer_for(View.report, "json").write(result, RenderOptions(), out)
    largest_record = max(len(json.dumps(r.to_dict(), ensure_ascii=False, indent=2)) * 2
                         for r in result.articles + result.claims + result.findings)
    assert len(out.sizes) > len(result.articles) + len(result.claims)  # many writes, not one
    assert max(out.sizes) <= largest_record < len(out.getvalue()) / 4  # none holds more than about a record


def test_render_json_lines_one_typed_record_per_line() -> None:
    result = example_run()
    lines = renderer_for(View.report, "jsonl").render(result).splitlines()
    records = [json.loads(line) for line in lines]
    first, rest = records[0], records[1:]
    assert first["type"] == "summary" and first["checker_version"] == __version__ and first["claims"] == 34
    types = [record["type"] for record in rest]
    order = ["article", "claim", "event", "dispute", "finding", "source", "skipped"]
    assert types == sorted(types, key=order.index)  # grouped, in this order
    for kind, table in zip(order, ("articles", "claims", "events", "disputes", "findings", "sources", "skipped"),
                           strict=True):
        expected = [{"type": kind, **record.to_dict()} for record in getattr(result, table)]
        assert [r for r in rest if r["type"] == kind] == expected
    assert lines[1] == json.dumps(records[1], ensure_ascii=False, separators=(",", ":"))  # compact


def test_render_json_lines_from_the_command_line(tmp_path: Path) -> None:
    target = tmp_path / "report.jsonl"
    completed = CliRunner().invoke(app, ["report", str(REPO / "claims" / "corpus"), "--format", "jsonl",
                                         "--exit-zero", "--output", str(target)])
    assert completed.exit_code == 0, completed.output
    kinds = {json.loads(line)["type"] for line in target.read_text(encoding="utf-8").splitlines()}
    assert kinds == {"summary", "article", "claim", "event", "dispute", "finding", "source"}


def test_render_json_to_dict_is_shallow_and_equals_the_deep_conversion() -> None:
    result = example_run()
    for record in result.articles + result.claims + result.events + result.findings + result.sources:
        assert record.to_dict() == {key: _plain(value) for key, value in asdict(record).items()}
    finding = next(f for f in result.findings if f.spans)
    assert finding.to_dict()["spans"][0] is finding.spans[0]  # not a deep copy


def test_render_json_lone_surrogate_is_written_as_its_escape_not_a_crash(tmp_path: Path) -> None:
    """A lone surrogate (from a JSON escape in input) cannot be encoded as UTF-8: it is written as \\udXXX."""
    run = example_run()
    article = replace(run.articles[0], outlet="Harbor \ud800 Ledger")
    result = RunResult(articles=[article], claims=[], events=[], findings=[], sources=[])
    target = tmp_path / "report.json"
    from checker.cli import emit
    from checker.config import Settings

    emit(View.report, "json", result, target, Settings())
    assert json.loads(target.read_text(encoding="utf-8"))["articles"][0]["outlet"] == "Harbor \ud800 Ledger"
    for name in ("json", "jsonl"):  # written as the escape itself, so any stream can take it
        text = renderer_for(View.report, name).render(result)
        assert "\ud800" not in text and "Harbor \\ud800 Ledger" in text
        text.encode("utf-8")


def test_render_json_disputes_list_every_position_and_findings_name_them() -> None:
    """The eight against 21 rockets of claims/corpus is one dispute with two positions, each with who stated it,
    the outlets that carried it and when; the CC101 finding names it."""
    document = json.loads(renderer_for(View.report, "json").render(example_run()))
    (dispute,) = document["disputes"]
    assert dispute["quantity"] == "rockets fired" and dispute["dispute_id"].startswith("D-")
    eight, twenty_one = dispute["positions"]
    assert (eight["value_low"], eight["speakers"], eight["independent"]) == (8, ["Iraqi military"], 2)
    assert len(eight["outlets"]) == 3 and eight["first_stated"] == "2020-12-20" and eight["conflicts_with"] == [1]
    assert (twenty_one["value_low"], twenty_one["speakers"]) == (21, ["U.S. Central Command"])
    (conflict,) = [f for f in document["findings"] if f["code"] == "CC101"]
    assert conflict["dispute_id"] == dispute["dispute_id"]
    assert document["summary"]["disputes"] == 1


def test_json_a_lone_surrogate_in_an_article_still_writes_valid_json(tmp_path) -> None:
    """orjson refuses lone surrogates; the report falls back to the json module for that record, escaped."""
    import hashlib
    import io
    import json as json_module
    from datetime import date

    from checker.model import Article
    from checker.pipeline import analyse
    from checker.render import RenderOptions
    from checker.render.json_report import write_report

    text = "Rockets hit the base\n\nEight rockets hit the base on Sunday, officials said \ud800.\n"
    article = Article(article_id="odd", source_path="odd.md", text=text, sha256=hashlib.sha256(b"x").hexdigest(),
                      published=date(2020, 12, 20))
    out = io.StringIO()
    write_report(analyse([article]), RenderOptions(), out)
    document = json_module.loads(out.getvalue())
    assert document["articles"][0]["text"].endswith("\ud800.\n")
    assert "\\ud800" in out.getvalue()
