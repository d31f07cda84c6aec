"""Rule packs: the shipped rules are valid and documented; a broken rule file is reported and left out;
rules are selected, ignored and re-levelled by configuration."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker.checks import CheckData, Phase
from checker.cli import app
from checker.config import Settings, load_settings
from checker.pipeline import run
from checker.rulebook import DESCRIPTION_SECTIONS, load_rules, run_phases, selected_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


def test_rulebook_shipped_rules_load_without_problems() -> None:
    book = load_rules()
    assert not book.problems, book.problems
    codes = [rule.code for rule in book.rules]
    assert len(codes) == len(set(codes))
    assert {"CC101", "CC102", "CC103", "CC104", "IC101", "IC102", "IC103", "SR101", "SR102", "SV001", "SV002"} <= set(codes)


def test_rulebook_every_rule_documents_itself() -> None:
    for rule in load_rules().rules:
        text = rule.explain()
        for title in ("What it finds", "Why it matters", "Example", "What to do"):
            assert f"## {title}" in text, (rule.code, title)
        assert all(rule.description[section].strip() for section in DESCRIPTION_SECTIONS)


def test_rulebook_broken_rule_file_is_reported_with_path_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "rules:\n"
        "  - code: CC901\n"
        "    name: house.good_rule\n"
        "    check: anonymous_source\n"
        "    severity: warning\n"
        "    message: \"house rule: {speaker}\"\n"
        "    description: {what: a, why: b, example: c, fix: d}\n"
        "  - code: CC902\n"
        "    name: house.bad_rule\n"
        "    check: no_such_check\n"
        "    severity: warning\n"
        "    message: x\n"
        "    description: {what: a, why: b, example: c, fix: d}\n",
        encoding="utf-8",
    )
    book = load_rules(Settings(rule_paths=(str(pack),)))
    assert [p.line for p in book.problems] == [8]
    assert book.problems[0].path == str(pack) and "no_such_check" in book.problems[0].reason
    assert "CC901" in {r.code for r in book.rules} and "CC902" not in {r.code for r in book.rules}


def test_rulebook_unknown_message_field_is_a_problem(tmp_path: Path) -> None:
    pack = tmp_path / "fields.yaml"
    pack.write_text(
        "rules:\n  - code: SR901\n    name: house.fields\n    check: anonymous_source\n    severity: info\n"
        "    message: \"{nonsense}\"\n    description: {what: a, why: b, example: c, fix: d}\n",
        encoding="utf-8",
    )
    problems = load_rules(Settings(rule_paths=(str(pack),))).problems
    assert problems and "nonsense" in problems[0].reason and problems[0].line == 2


def test_rulebook_invalid_yaml_reported_and_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.yaml").write_text("rules:\n  - code: [unclosed\n", encoding="utf-8")
    (tmp_path / "checker.toml").write_text('rule-paths = ["rules"]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--format", "json", "--exit-zero",
                                      "--config", str(tmp_path / "checker.toml")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    problems = [s for s in report["skipped"] if s["path"].endswith("bad.yaml")]
    assert problems and problems[0]["line"] in (2, 3) and "rule pack problem" in problems[0]["reason"]
    assert any(f["code"] == "CC101" for f in report["findings"])


def test_rulebook_select_ignore_and_severity_from_config(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.checker]\nselect = ["CC", "SR101"]\nignore = ["responsibility.conflicting_attribution"]\n'
                      'severity = {CC101 = "warning"}\nfail-on = "warning"\n', encoding="utf-8")
    settings = load_settings(config)
    rules = {rule.code: rule for rule in selected_rules(load_rules(settings), settings)}
    assert set(rules) == {"CC101", "CC103", "CC104", "CC105", "CC201", "CC202", "CC203", "CC204", "CC205", "SR101"}
    assert rules["CC101"].severity == "warning"
    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--format", "json", "--config", str(config)])
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes <= {"CC101", "CC103", "CC104", "CC105", "SR101"} and "CC101" in codes
    assert result.exit_code == 1  # fail-on warning, and CC101 is now a warning


def test_rulebook_unknown_setting_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "checker.toml"
    config.write_text('colour = "blue"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--config", str(config)])
    assert result.exit_code == 2 and "colour" in result.stderr


def test_cli_rules_lists_and_explains() -> None:
    listing = CliRunner().invoke(app, ["rules"])
    assert listing.exit_code == 0 and "CC101" in listing.stdout and "numbers.conflicting_count" in listing.stdout
    explained = CliRunner().invoke(app, ["rules", "numbers.conflicting_count"])
    assert explained.exit_code == 0 and explained.stdout.startswith("CC101") and "## Why it matters" in explained.stdout
    family = CliRunner().invoke(app, ["rules", "IC"])
    assert family.stdout.count("## What it finds") == len(load_rules().find("IC"))
    assert CliRunner().invoke(app, ["rules", "ZZ999"]).exit_code == 2


def test_rulebook_phases_run_in_order_and_each_step_sees_the_phases_before() -> None:
    """The one assessor: figures, then disputes, then scoring, then suppressions; the step after a phase sees
    every finding of it and of the phases before, and none of the phases after."""
    example = run([EXAMPLES])
    data = CheckData(example.articles, example.claims, example.events)
    rules = selected_rules(load_rules(Settings()), Settings())
    seen: dict[Phase, set[str]] = {}

    def step(phase: Phase):
        def remember(found: list) -> list:
            seen[phase] = {f.code for f in found}
            return found
        return remember

    run_phases(rules, data, {phase: step(phase) for phase in Phase})
    assert "SR101" in seen[Phase.FIGURES] and "CC101" not in seen[Phase.FIGURES]
    assert "CC101" in seen[Phase.DISPUTES] and seen[Phase.FIGURES] <= seen[Phase.DISPUTES]
    assert {rule.phase for rule in rules if rule.check == "numeric_conflict"} == {Phase.DISPUTES}
    assert {rule.phase for rule in rules if rule.check == "unused_suppression"} == {Phase.SUPPRESSIONS}
