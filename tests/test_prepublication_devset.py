"""One-line drafts about the six events of ../shared/devset, checked as an editor runs them: with --against the
articles, and with --ledger a ledger scanned from them. A draft that misstates a figure on record fails (exit 1)
with an error naming that figure; the faithful draft passes. The drafts are ours; the facts and figures are the
news's. Skipped when ../shared/devset is absent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.knowledge import Knowledge
from checker.ledger import Ledger
from checker.pipeline import extract
from checker.prepublication import draft_article
from tests.shared_data import SHARED

DEVSET = SHARED / "devset"
CORPUS = DEVSET / "corpus.jsonl"
RECORD_ERRORS = (" CC201 ", " CC202 ")  # the draft-vs-record errors (CC203, a warning, may name a dispute)


@dataclass(frozen=True)
class Draft:
    """A one-line draft that misstates a figure on record, the same draft stating it faithfully, and how the
    error names the figure on record ("said 10")."""

    name: str
    misstated: str
    faithful: str
    on_record: str
    known_bug: str = ""  # why the misstated draft passes today (extraction or event resolution), if it does


DRAFTS = (
    # P: the rocket attack on K-1 Air Base near Kirkuk, 27 December 2019
    Draft("k1-contractors-killed",
          "Two U.S. civilian contractors were killed in the rocket attack on K-1 air base near Kirkuk on "
          "December 27, 2019, the coalition said.",
          "One U.S. civilian contractor was killed in the rocket attack on K-1 air base near Kirkuk on "
          "December 27, 2019, the coalition said.",
          "said 1"),
    Draft("k1-iraqi-injured",
          "The Iraqi military said three Iraqi security officers were injured in the rocket attack on K-1 air "
          "base on December 27, 2019.",
          "The Iraqi military said one Iraqi security officer was injured in the rocket attack on K-1 air base "
          "on December 27, 2019.",
          "Iraqi military said 1"),
    # Q: the rocket attack on Ain al-Asad air base, 3 March 2021
    Draft("ain-al-asad-rockets-struck",
          "Officials said 14 rockets struck Ain al-Asad air base on March 3, 2021.",
          "Officials said 10 rockets struck Ain al-Asad air base on March 3, 2021.",
          "said 10"),
    Draft("ain-al-asad-rockets-fired",
          "The Pentagon said 15 rockets were fired at Ain al-Asad air base on March 3, 2021.",
          "The Pentagon said 10 rockets were fired at Ain al-Asad air base on March 3, 2021.",
          "Pentagon said 10"),
    # R: the ballistic-missile attack on Erbil, 13 March 2022
    Draft("erbil-missiles-struck",
          "Iraqi security officials said 16 missiles struck Irbil near the U.S. consulate on March 13, 2022.",
          "Iraqi security officials said 12 missiles struck Irbil near the U.S. consulate on March 13, 2022.",
          "said 12"),
    Draft("erbil-people-wounded",
          "The Kurdistan Region's interior ministry said three people were wounded in the missile attack on "
          "Erbil on March 13, 2022.",
          "The Kurdistan Region's interior ministry said one person was wounded in the missile attack on Erbil "
          "on March 13, 2022.",
          "said 1"),
    # S: the bombing at Kabul airport, 26 August 2021
    Draft("kabul-us-troops-killed",
          "The Pentagon said 18 U.S. service members were killed in the bombing at Kabul airport on "
          "August 26, 2021.",
          "The Pentagon said 13 U.S. service members were killed in the bombing at Kabul airport on "
          "August 26, 2021.",
          "said 13"),
    Draft("kabul-explosions",
          "The Pentagon said on August 27, 2021 that three explosions had struck outside Kabul airport.",
          "The Pentagon said on August 27, 2021 that only one explosion had struck outside Kabul airport.",
          "Pentagon said 1"),
    # T: the collapse of Champlain Towers South in Surfside, 24 June 2021 (a toll that rose for a month)
    Draft("surfside-final-toll",
          "Miami-Dade County Mayor Daniella Levine Cava said on July 26, 2021, that the Surfside condo collapse "
          "killed 89 people.",
          "Miami-Dade County Mayor Daniella Levine Cava said on July 26, 2021, that the Surfside condo collapse "
          "killed 98 people.",
          "said 98"),
    Draft("surfside-unaccounted",
          "Mayor Daniella Levine Cava said on June 25, 2021, that 190 people were unaccounted for after the "
          "Surfside collapse.",
          "Mayor Daniella Levine Cava said on June 25, 2021, that 159 people were unaccounted for after the "
          "Surfside collapse.",
          "said 159"),
    # U: the triple train crash near Balasore, 2 June 2023 (288, revised to 275, then 278 and 288)
    Draft("balasore-toll",
          "Odisha Chief Secretary Pradeep Jena said on June 4, 2023, that the Balasore train crash had killed "
          "257 people.",
          "Odisha Chief Secretary Pradeep Jena said on June 4, 2023, that the Balasore train crash had killed "
          "275 people.",
          "said 275"),
    Draft("balasore-injured",
          "The Odisha government said on June 4, 2023, that 1,715 people were injured in the Balasore train crash.",
          "The Odisha government said on June 4, 2023, that 1,175 people were injured in the Balasore train crash.",
          "said 1,175"),
    # the contractor who died of a heart attack: "A civilian U.S. contractor died" counts one (the miss was fixed)
    Draft("ain-al-asad-contractors-died",
          "Two U.S. contractors died after the rocket attack on Al Asad Air Base on March 3, 2021, the Pentagon "
          "said.",
          "One U.S. contractor died after the rocket attack on Al Asad Air Base on March 3, 2021, the Pentagon "
          "said.",
          "said 1"),
)

# Wordings whose misstated figure goes unnoticed because of a cause in extraction or event resolution: kept so
# that the fix shows (strict xfail), each with its cause.
KNOWN_MISSES = (
    Draft("kabul-us-troops-wounded-by-taylor",
          "Maj. Gen. William Taylor said 25 U.S. service members were wounded in the bombing at Kabul airport on "
          "August 26, 2021.",
          "Maj. Gen. William Taylor said 18 U.S. service members were wounded in the bombing at Kabul airport on "
          "August 26, 2021.",
          "William Taylor said 18",
          known_bug="Taylor's own 18 (EFE: the 18 wounded U.S. troops were flown out to Germany) is framed as an event in Germany, and his name keeps 'Army' (Army Maj. Gen. "
                    "William Taylor); left with 'at least 18' (U.S. officials) against 15, the 25 is borne out"),
    Draft("erbil-civilians-wounded",
          "The Kurdistan Region's interior ministry said three civilians were wounded when missiles struck Erbil "
          "on March 13, 2022.",
          "The Kurdistan Region's interior ministry said one civilian was wounded when missiles struck Erbil on "
          "March 13, 2022.",
          "said 1",
          known_bug="'The attack resulted in the wounding of a civilian' (IANS) gives no count (only 'several "
                    "buildings'), so nothing on record counts civilians wounded; the other count says 'one "
                    "person', a broader quantity that a civilians count is not compared with"),
)

SOURCES = ("against", "ledger")


def require_devset() -> None:
    if not CORPUS.is_file():
        pytest.skip(f"the dev set is not at {DEVSET}")


@pytest.fixture(scope="session")
def devset_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev set scanned into a ledger, once per test session."""
    require_devset()
    ledger = tmp_path_factory.mktemp("devset") / "ledger.duckdb"
    result = CliRunner().invoke(app, ["scan", str(CORPUS), "--ledger", str(ledger)])
    assert result.exit_code == 0, result.output
    return ledger


def check(text: str, source: str, tmp_path: Path, request: pytest.FixtureRequest) -> tuple[int, list[str], Path]:
    """``checker check`` on a one-line draft, against the articles or the ledger: exit code, lines, draft path."""
    require_devset()
    draft = tmp_path / "draft.md"
    draft.write_text(text + "\n", encoding="utf-8")
    if source == "against":
        record = ["--against", str(CORPUS)]
    else:
        record = ["--ledger", str(request.getfixturevalue("devset_ledger"))]
    result = CliRunner().invoke(app, ["check", str(draft), *record])
    return result.exit_code, result.stdout.splitlines(), draft


def _misstated(draft: Draft) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=draft.known_bug)] if draft.known_bug else []
    return pytest.param(draft, id=draft.name, marks=marks)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("draft", [_misstated(d) for d in DRAFTS + KNOWN_MISSES])
def test_prepublication_devset_misstated_figure_fails_naming_the_figure_on_record(
        draft: Draft, source: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    status, lines, path = check(draft.misstated, source, tmp_path, request)
    errors = [line for line in lines if line.startswith(f"{path}:1:") and any(c in line for c in RECORD_ERRORS)]
    assert status == 1 and errors, lines
    assert any("on record: " in line and draft.on_record in line.split("on record: ", 1)[1] for line in errors), errors


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("draft", [pytest.param(d, id=d.name) for d in DRAFTS + KNOWN_MISSES])
def test_prepublication_devset_faithful_figure_passes(draft: Draft, source: str, tmp_path: Path,
                                                      request: pytest.FixtureRequest) -> None:
    status, lines, _ = check(draft.faithful, source, tmp_path, request)
    assert status == 0 and not [line for line in lines if any(c in line for c in RECORD_ERRORS)], lines


def test_prepublication_devset_ledger_reads_only_the_events_a_draft_can_join(devset_ledger: Path) -> None:
    """An undated draft about Kabul airport (published two days after) reads the events in Afghanistan (and
    those with no place), with all their claims and articles, and nothing from Iraq, Florida or India."""
    knowledge = Knowledge.load()
    text = ("---\npublished: 2021-08-28\n---\n\nThe Pentagon said 18 U.S. service members were killed in the "
            "bombing at Kabul airport.\n")
    found = extract([draft_article(text, "kabul.md", knowledge=knowledge)], knowledge)
    with Ledger(devset_ledger, read_only=True) as ledger:
        near = ledger.record_near(found.claims, found.articles, knowledge)
        on_record = ledger.count("claims")
    articles = {claim.article_id for claim in near.claims}
    assert {"S_fox-via-paine", "S_newser", "S_gsnplus", "S_thenational-via-gulfinsider"} <= articles
    assert {knowledge.gazetteer.country_of(claim.place) for claim in near.claims} <= {"Afghanistan", None}
    assert len(near.claims) < on_record / 2
    assert {a.article_id for a in near.articles} == articles


def test_prepublication_devset_undated_draft_fails_alike_against_articles_and_ledger(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    text = ("---\npublished: 2021-08-28\n---\n\nThe Pentagon said 18 U.S. service members were killed in the "
            "bombing at Kabul airport.")
    outcomes = [check(text, source, tmp_path, request)[:2] for source in SOURCES]
    assert outcomes[0] == outcomes[1]
    status, lines = outcomes[0]
    # the Pentagon's own 13 is on record (the New York Times gives it, crediting the Pentagon): a misquote (CC202)
    assert status == 1 and any(" CC202 " in line and "Pentagon said 13" in line for line in lines), lines


# The Balasore toll as the record stood on each day (issue 21): 288 on 3 June (the railways), revised to 275 by the
# Odisha government on 4 June ("275 and not 288"), 278 and 288 on 6 June. A draft dated by its front matter is
# compared with the record of its date; none passes silently, and "on record" never puts the 288 Jena withdrew in
# his mouth.
BALASORE = "The Odisha government said 257 people were killed in the train crash in Balasore on Friday, June 2."
BALASORE_DAYS = (
    # the Odisha government's 275 was given on Sunday, 4 June ("on Sunday revised the toll"), in an article of the 5th
    ("2023-06-04", BALASORE, " CC202 ", ["Odisha Government said 275 on 2023-06-04, revised from 288"]),
    ("2023-06-05", BALASORE, " CC202 ", ["Odisha Government said 275 on 2023-06-04, revised from 288"]),
    ("2023-06-07", BALASORE, " CC202 ", ["Odisha Government said 275"]),
    ("2023-06-07", "Exactly 25 people were killed in the train crash in Balasore on Friday, June 2.", " CC201 ",
     ["said 288 on 2023-06-06"]),
    ("2023-06-05", BALASORE.replace("257", "288"), " CC204 ", ["revised to 275 by Odisha Government on 2023-06-04"]),
)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize(("published", "sentence", "code", "named"), BALASORE_DAYS)
def test_prepublication_devset_running_toll_against_the_record_of_the_drafts_date(
        published: str, sentence: str, code: str, named: list[str], source: str, tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    status, lines, _ = check(f"---\npublished: {published}\n---\n\n{sentence}", source, tmp_path, request)
    found = [line for line in lines if code in line]
    assert status == 1 and found, lines
    assert all(words in found[0] for words in named), found
    assert not [line for line in lines if "Pradeep Jena said 288" in line], lines
    assert lines[-1].startswith("1 draft checked: 1 figure compared, 1 "), lines
