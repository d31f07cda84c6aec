"""A draft's figures against the record as it stood on the draft's date (issue 21, point 1).

A running count (the dead) moves: a figure is compared with what was on record on the draft's date,
each source by its latest figure; a figure its source has since revised is out of date (CC204), and
"on record" names only figures their sources still stand by. The articles and drafts are ours.
"""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from checker.model import Article, Finding
from checker.pipeline import analyse
from checker.prepublication import check_draft, draft_article
from checker.result import RunResult
from tests.english import KNOWLEDGE


def _article(article_id: str, published: str, outlet: str, text: str) -> Article:
    return Article(article_id=article_id, source_path=f"record/{article_id}.md", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), outlet=outlet,
                   published=date.fromisoformat(published))


# A toll of a train crash: 188 on Saturday (the railway), revised to 175 on Sunday by the state, whose chief
# secretary says the railway's 188 was counted twice ("175 and not 188"), and 191 on Tuesday (the railway).
RECORD = [
    _article("rail-sat", "2023-06-03", "Eastern Courier",
             "Arun Mehta said on Saturday that 188 people were killed in the train crash near Cuttack on Friday, "
             "June 2, 2023."),
    _article("state-sun", "2023-06-04", "Coastal Times",
             "The death toll in the train crash near Cuttack was revised to 175 on Sunday. Chief Secretary Asha "
             "Verma said, \"The railway said on Saturday that 188 people had died and we also announced that. "
             "After checking every body, the number of deaths is 175 and not 188.\""),
    _article("rail-tue", "2023-06-06", "Eastern Courier",
             "The death toll in the train crash near Cuttack rose to 191 on Tuesday after three injured passengers "
             "died in hospital, Arun Mehta said."),
]


@pytest.fixture(scope="module")
def record() -> RunResult:
    return analyse(RECORD, knowledge=KNOWLEDGE)


def check(record: RunResult, published: str, sentence: str) -> list[Finding]:
    """The CC2xx findings of a one-line draft dated ``published`` (front matter)."""
    draft = draft_article(f"---\npublished: {published}\n---\n\n{sentence}\n", "draft.md", knowledge=KNOWLEDGE)
    return [f for f in check_draft(draft, record, knowledge=KNOWLEDGE).findings if f.code.startswith("CC2")]


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_prepublication_as_of_misquote_of_the_figure_its_speaker_stood_by_that_day(record: RunResult) -> None:
    found = check(record, "2023-06-05", "Asha Verma said 157 people were killed in the train crash near Cuttack.")
    assert codes(found) == ["CC202"], found
    assert "on record: Asha Verma said 175 on 2023-06-04, revised from 188" in found[0].message


def test_prepublication_as_of_figures_stated_after_the_draft_are_not_on_record_yet(record: RunResult) -> None:
    found = check(record, "2023-06-04", "157 people were killed in the train crash near Cuttack on June 2.")
    assert codes(found) == ["CC201"], found
    message = found[0].message
    assert "Arun Mehta said 188 on 2023-06-03" in message and "Asha Verma said 175 on 2023-06-04" in message
    assert "191" not in message  # Tuesday's figure came after the draft


def test_prepublication_as_of_a_denied_figure_is_never_said_by_who_denied_it(record: RunResult) -> None:
    """Verma quotes the railway's 188 and then says "175 and not 188": "on record" never has Verma saying 188."""
    for published in ("2023-06-04", "2023-06-05"):
        for finding in check(record, published, "157 people were killed in the train crash near Cuttack."):
            assert "Asha Verma said 188" not in finding.message, finding.message


def test_prepublication_as_of_a_figure_far_below_the_running_count_fails_days_later(record: RunResult) -> None:
    found = check(record, "2023-06-07", "Exactly 15 people were killed in the train crash near Cuttack on June 2.")
    assert codes(found) == ["CC201"], found
    assert "Arun Mehta said 191 on 2023-06-06" in found[0].message


@pytest.mark.parametrize("published", ["2023-06-05", "2023-06-07"])
def test_prepublication_as_of_a_figure_its_source_revised_is_out_of_date(record: RunResult, published: str) -> None:
    found = check(record, published, "Asha Verma said 188 people were killed in the train crash near Cuttack.")
    assert codes(found) == ["CC204"], found
    assert "is out of date: revised to 175 by Asha Verma on 2023-06-04" in found[0].message


def test_prepublication_as_of_the_sources_own_revision_after_the_draft_does_not_date_it(record: RunResult) -> None:
    assert check(record, "2023-06-03", "Arun Mehta said 188 people were killed in the train crash near Cuttack.") == []
    found = check(record, "2023-06-07", "Arun Mehta said 188 people were killed in the train crash near Cuttack.")
    assert codes(found) == ["CC204"] and "revised to 191 by Arun Mehta on 2023-06-06" in found[0].message


def test_prepublication_as_of_a_fixed_count_is_compared_with_figures_stated_after_the_draft() -> None:
    """Rockets fired do not change with time: a later statement of them on record still contradicts the draft."""
    record = analyse([
        _article("later", "2020-12-24", "Valley Courier",
                 "U.S. Central Command said 21 rockets were fired at the Green Zone on Sunday, December 20, 2020."),
    ], knowledge=KNOWLEDGE)
    found = check(record, "2020-12-21", "U.S. Central Command said eight rockets were fired at the Green Zone on "
                                        "Sunday, December 20.")
    assert codes(found) == ["CC202"] and "U.S. Central Command said 21" in found[0].message


def test_prepublication_as_of_the_summary_counts_each_standing(record: RunResult) -> None:
    text = ("---\npublished: 2023-06-05\n---\n\n"
            "Asha Verma said 188 people were killed in the train crash near Cuttack.\n\n"
            "Arun Mehta said 150 people were injured in the train crash near Cuttack.\n")
    draft = draft_article(text, "draft.md", knowledge=KNOWLEDGE)
    summary = check_draft(draft, record, knowledge=KNOWLEDGE).summary
    assert summary is not None
    assert (summary.figures, summary.compared, summary.outdated, summary.no_record, summary.conflicts) == (2, 1, 1, 1, 0)
    assert (summary.published, summary.dated_by) == (date(2023, 6, 5), "given")
