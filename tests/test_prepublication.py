"""The pre-publication check, as an editor or a CI job runs it: `checker check DRAFT --against PATH`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker
from checker.cli import app
from tests.shared_data import SEEDS, require_seeds

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"

FRONT = "---\ntitle: Rockets over the Green Zone\npublished: 2020-12-23\n---\n\n"
BODY_EIGHT = (
    "# Rockets over the Green Zone\n\n"
    "Rockets were fired at Baghdad's Green Zone late on Sunday, December 20, 2020.\n"
    "U.S. Central Command counted eight rockets fired at the Green Zone in the attack.\n"
)


def write(tmp_path: Path, text: str, name: str = "draft.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_check(*args: str):
    return CliRunner().invoke(app, ["check", *args])


def test_prepublication_misattributed_count_exits_1_at_its_line_and_column(tmp_path: Path) -> None:
    require_seeds()
    draft = write(tmp_path, FRONT + BODY_EIGHT)
    result = run_check(str(draft), "--against", str(SEEDS))
    assert result.exit_code == 1, result.output
    line_number = (FRONT + BODY_EIGHT).split("\n").index(
        "U.S. Central Command counted eight rockets fired at the Green Zone in the attack.") + 1
    column = "U.S. Central Command counted eight".index("eight") + 1
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"{draft}:{line_number}:{column}: CC")]
    assert lines, result.stdout
    assert "U.S. Central Command said 21" in lines[0] and "004_c31d4bc7025f9123" in lines[0]


def test_prepublication_the_record_figure_exits_0_with_at_most_a_warning(tmp_path: Path) -> None:
    require_seeds()
    draft = write(tmp_path, FRONT + BODY_EIGHT.replace("counted eight", "counted 21"))
    result = run_check(str(draft), "--against", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert not [line for line in result.stdout.splitlines() if " CC201 " in line or " CC202 " in line]


def test_prepublication_other_attack_on_the_same_zone_raises_nothing_about_these_figures(tmp_path: Path) -> None:
    require_seeds()
    text = ("---\npublished: 2021-02-23\n---\n\nThree rockets struck the Green Zone on Monday, February 22, 2021, "
            "Iraqi security officials said in a statement.\n")
    result = run_check(str(write(tmp_path, text)), "--against", str(SEEDS), "--format", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert not codes & {"CC201", "CC202", "CC203"}, result.stdout
    assert result.exit_code == 0


def test_prepublication_missing_draft_exits_2_with_a_message(tmp_path: Path) -> None:
    result = run_check(str(tmp_path / "missing.md"), "--against", str(EXAMPLES))
    assert result.exit_code == 2 and "missing.md" in result.stderr


def test_prepublication_nothing_to_check_against_exits_2(tmp_path: Path) -> None:
    result = run_check(str(write(tmp_path, BODY_EIGHT)), "--config", str(write(tmp_path, "", "checker.toml")))
    assert result.exit_code == 2 and "--against" in result.stderr


def test_prepublication_malformed_front_matter_exits_2_naming_the_line(tmp_path: Path) -> None:
    draft = write(tmp_path, "---\ntitle: [unclosed\n---\nText.\n")
    result = run_check(str(draft), "--against", str(EXAMPLES))
    assert result.exit_code == 2 and f"{draft}:" in result.stderr


def test_prepublication_suppression_on_the_line_before_silences_the_finding(tmp_path: Path) -> None:
    draft = write(tmp_path, FRONT + BODY_EIGHT.replace(
        "U.S. Central Command counted", "<!-- checker: ignore CC202 -->\nU.S. Central Command counted"))
    result = run_check(str(draft), "--against", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    assert " CC202 " not in result.stdout and " IC190 " not in result.stdout


def test_prepublication_unused_suppression_is_reported(tmp_path: Path) -> None:
    draft = write(tmp_path, FRONT + "<!-- checker: ignore CC201 -->\nThe embassy reopened on Monday.\n")
    result = run_check(str(draft), "--against", str(EXAMPLES))
    assert " IC190 " in result.stdout and "CC201" in result.stdout
    assert result.exit_code == 0  # a warning, below the default failing level
    assert run_check(str(draft), "--against", str(EXAMPLES), "--fail-on", "warning").exit_code == 1


def test_prepublication_exit_zero_and_fail_on(tmp_path: Path) -> None:
    draft = write(tmp_path, FRONT + BODY_EIGHT)
    assert run_check(str(draft), "--against", str(EXAMPLES), "--exit-zero").exit_code == 0
    assert run_check(str(draft), "--against", str(EXAMPLES)).exit_code == 1


def test_prepublication_sarif_has_rules_results_and_locations(tmp_path: Path) -> None:
    draft = write(tmp_path, FRONT + BODY_EIGHT)
    result = run_check(str(draft), "--against", str(EXAMPLES), "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and "$schema" in sarif
    run = sarif["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert run["results"] and {r["ruleId"] for r in run["results"]} <= rule_ids
    first = next(r for r in run["results"] if r["ruleId"] == "CC202")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("draft.md")
    assert location["region"]["startLine"] == 9 and location["region"]["snippet"]["text"] == "eight"
    assert first["level"] == "error" and first["partialFingerprints"]


def test_prepublication_github_annotations(tmp_path: Path) -> None:
    draft = write(tmp_path, FRONT + BODY_EIGHT)
    result = run_check(str(draft), "--against", str(EXAMPLES), "--format", "github")
    assert any(line.startswith(f"::error file={draft},line=9,col=") for line in result.stdout.splitlines()), result.stdout


def test_prepublication_against_from_configuration(tmp_path: Path) -> None:
    config = write(tmp_path, f'against = ["{EXAMPLES}"]\n', "checker.toml")
    result = run_check(str(write(tmp_path, FRONT + BODY_EIGHT)), "--config", str(config))
    assert result.exit_code == 1 and " CC202 " in result.stdout


def test_prepublication_python_api_plain_text_draft() -> None:
    record = checker.scan([EXAMPLES])
    text = "Rockets hit the Green Zone on Sunday, December 20, 2020.\n\nCentral Command said eight rockets were fired.\n"
    findings = checker.check(text, against=record, path="desk/draft.txt")
    conflict = next(f for f in findings if f.code == "CC202")
    assert (conflict.path, conflict.line) == ("desk/draft.txt", 3)
    assert "21" in conflict.message


@pytest.mark.parametrize("extra", [[], ["--format", "json"]])
def test_prepublication_two_drafts_in_one_run(tmp_path: Path, extra: list[str]) -> None:
    first = write(tmp_path, FRONT + BODY_EIGHT, "one.md")
    second = write(tmp_path, FRONT + "Nothing happened on Monday.\n", "two.md")
    result = run_check(str(first), str(second), "--against", str(EXAMPLES), *extra)
    assert result.exit_code == 1 and str(first) in result.stdout


# --- what was checked: the summary line (issue 21, point 2) ------------------------------------------

SUMMARY_DRAFT = (
    "---\npublished: 2020-12-23\n---\n\n"
    "U.S. Central Command said eight rockets were fired at the Green Zone on Sunday, December 20, 2020.\n\n"
    "Iraq's military said eight rockets were fired at the Green Zone.\n\n"
    "Separately, twelve people died when a bus fell into a gorge in Kenya on Monday, December 21.\n"
)


def test_prepublication_summary_line_ends_every_text_run_and_counts_what_was_compared(tmp_path: Path) -> None:
    result = run_check(str(write(tmp_path, SUMMARY_DRAFT)), "--against", str(EXAMPLES))
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines[-1] == ("1 draft checked: 2 figures compared, 1 conflicts with the record, 1 disputed on record, "
                         "1 with no record; 1 error, 1 warning, 2 infos."), lines
    assert [line for line in lines[:-1] if " CC205 " in line and "not compared, no event on record" in line]


def test_prepublication_summary_line_of_a_clean_draft_says_all_checks_passed(tmp_path: Path) -> None:
    draft = write(tmp_path, "---\npublished: 2020-12-23\n---\n\nNothing happened at the embassy on Monday.\n")
    result = run_check(str(draft), "--against", str(EXAMPLES))
    assert result.exit_code == 0 and result.stdout == "1 draft checked: no figures to compare; all checks passed.\n"


@pytest.mark.parametrize(("text", "assumed"), [
    ("Iraqi officials said three people were wounded when rockets hit the Green Zone on Sunday, December 20, 2020.\n",
     "(as of 2020-12-20, the latest date its text states)"),
    ("Nothing happened at the embassy on Monday.\n", f"(as of {date.today()}, today, as it states no date)"),
])
def test_prepublication_summary_line_says_which_date_an_undated_draft_was_checked_as_of(
        tmp_path: Path, text: str, assumed: str) -> None:
    result = run_check(str(write(tmp_path, text)), "--against", str(EXAMPLES))
    assert result.stdout.splitlines()[-1].startswith(f"1 draft checked {assumed}: "), result.stdout


def test_prepublication_summary_only_in_text_machine_formats_stay_valid(tmp_path: Path) -> None:
    draft = str(write(tmp_path, SUMMARY_DRAFT))
    report = json.loads(run_check(draft, "--against", str(EXAMPLES), "--format", "json").stdout)
    assert report["drafts"] == [{"path": draft, "published": "2020-12-23", "dated_by": "given", "figures": 3,
                                 "compared": 2, "conflicts": 1, "disputed": 1, "outdated": 0, "no_record": 1}]
    sarif = json.loads(run_check(draft, "--against", str(EXAMPLES), "--format", "sarif").stdout)
    assert "draft checked" not in json.dumps(sarif) and sarif["runs"][0]["results"]
    github = run_check(draft, "--against", str(EXAMPLES), "--format", "github").stdout.splitlines()
    assert github and all(line.startswith("::") for line in github)


def test_prepublication_an_outlets_bound_of_a_speakers_figure_bears_out_no_other_figure(tmp_path: Path) -> None:
    """On record the Pentagon said 13, and another outlet carries it as "at least 13": a draft's "the Pentagon said
    18" misquotes the Pentagon (CC202), and "the Pentagon said at least 13" does not."""
    when = "in the bombing at Kabul airport on Thursday, August 26, 2021"
    write(tmp_path, f"---\npublished: 2021-08-27\noutlet: Desk One\n---\n\nThirteen soldiers were killed {when}, "
                    "the Pentagon said.\n", "one.md")
    write(tmp_path, f"---\npublished: 2021-08-27\noutlet: Desk Two\n---\n\nAt least 13 soldiers were killed {when}."
                    "\n", "two.md")
    record = checker.scan([tmp_path])
    misquote = checker.check(f"The Pentagon said 18 soldiers were killed {when}.\n", against=record, path="draft.md")
    assert any(f.code == "CC202" and "Pentagon said 13" in f.message for f in misquote), misquote
    faithful = checker.check(f"The Pentagon said at least 13 soldiers were killed {when}.\n", against=record,
                             path="draft.md")
    assert not [f for f in faithful if f.code in ("CC201", "CC202")], faithful


def test_prepublication_an_outdated_figure_names_the_day_its_source_revised_it(tmp_path: Path) -> None:
    """The railway gave 61 dead on 2 June and revised it to 58 on 3 June; a story of 4 June quotes the 58 again. A
    draft's "61" is out of date (CC204), revised on 3 June, the day the railway changed it."""
    when = "in the train crash near Cuttack on Thursday, June 1, 2023"
    for name, day, sentence in (("one", "2023-06-02", f"61 people were killed {when}, the railway said."),
                                ("two", "2023-06-03", f"The railway revised the toll to 58 people killed {when}."),
                                ("three", "2023-06-04", f"58 people were killed {when}, the railway said.")):
        write(tmp_path, f"---\npublished: {day}\noutlet: Desk {name}\n---\n\n{sentence}\n", f"{name}.md")
    record = checker.scan([tmp_path])
    found = checker.check(f"---\npublished: 2023-06-04\n---\n\nThe railway said 61 people were killed {when}.\n",
                          against=record, path="draft.md")
    outdated = [f for f in found if f.code == "CC204"]
    assert outdated and "on 2023-06-03" in outdated[0].message, found
