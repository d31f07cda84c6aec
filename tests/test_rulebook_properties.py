"""Facts about a rule live on the rule, so a user's own rule pack gets the same behaviour as the shipped
rules: ClaimReview, counting against an outlet's score, the HTML chart, and running after scoring; and
check types take typed parameters, a bad value left out with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checker.checks import CHECK_TYPES
from checker.cli import app
from checker.config import Settings
from checker.pipeline import run
from checker.rulebook import load_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"
DESCRIPTION = "    description: {what: a, why: b, example: c, fix: d}\n"


def house_pack(tmp_path: Path, rules: str, ignore: tuple[str, ...] = ()) -> Path:
    """A user's rule pack in ``house/`` and a checker.toml that loads it (and ignores ``ignore``)."""
    (tmp_path / "house").mkdir(exist_ok=True)
    (tmp_path / "house" / "rules.yaml").write_text("rules:\n" + rules, encoding="utf-8")
    config = tmp_path / "checker.toml"
    config.write_text('rule-paths = ["house"]\n' + f"ignore = {json.dumps(list(ignore))}\n", encoding="utf-8")
    return config


def report(config: Path, output_format: str) -> str:
    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--format", output_format, "--exit-zero",
                                      "--config", str(config)])
    assert result.exit_code == 0, result.output
    return result.stdout


SHIPPED_CC = ("CC101", "CC102", "CC103")
HOUSE_CONFLICT = ("  - code: CC901\n    name: house.conflicting_count\n    check: numeric_conflict\n"
                  "    severity: error\n    message: \"{quantity}: {value_a} vs {value_b}\"\n"
                  "    params: {scope: cross_speaker}\n" + DESCRIPTION)


def claimreview(config: Path, *args: str):
    return CliRunner().invoke(app, ["claimreview", str(EXAMPLES), "--config", str(config), "--publisher", "Desk",
                                    "--review-url", "https://desk.example/{finding_id}", *args])


def test_rule_property_claimreview_publishes_a_user_rules_findings(tmp_path: Path) -> None:
    marked = house_pack(tmp_path, HOUSE_CONFLICT + "    claimreview: true\n", ignore=SHIPPED_CC)
    [candidate] = claimreview(marked).stdout.split()[:1]
    assert candidate.startswith("CC901-")
    published = claimreview(marked, "--confirm", candidate)
    assert [review["identifier"] for review in json.loads(published.stdout)] == [candidate]
    unmarked = house_pack(tmp_path, HOUSE_CONFLICT, ignore=SHIPPED_CC)
    assert claimreview(unmarked).stdout == ""  # the same finding, from a rule not marked publishable: no candidate
    refused = claimreview(unmarked, "--confirm", candidate)
    assert refused.exit_code == 2 and "not marked claimreview" in refused.stderr


def test_rule_property_counts_against_outlet_lowers_a_user_rules_outlets(tmp_path: Path) -> None:
    rule = ("  - code: SR901\n    name: house.anonymous\n    check: anonymous_source\n    severity: info\n"
            "    message: \"{speaker}\"\n" + DESCRIPTION)
    counted = json.loads(report(house_pack(tmp_path, rule + "    counts_against_outlet: true\n"), "json"))
    outlets = {s["source"]: s for s in counted["sources"] if s["level"] == "outlet"}
    assert outlets["Pinecrest Observer"]["findings"] == 1  # its one anonymous source
    assert "1 internal contradiction" in outlets["Pinecrest Observer"]["reasons"]
    plain = json.loads(report(house_pack(tmp_path, rule), "json"))
    assert all(s["findings"] == 0 for s in plain["sources"])


def test_rule_property_compares_figures_charts_a_user_rules_findings(tmp_path: Path) -> None:
    page = report(house_pack(tmp_path, HOUSE_CONFLICT, ignore=("CC101",)), "html")
    finding = page.split('<span class="code">CC901</span>', 1)[1].split('<div class="finding', 1)[0]
    assert '<svg role="img" aria-label=' in finding  # its dispute's time axis, as CC101's
    assert CHECK_TYPES["numeric_conflict"].compares_figures and not CHECK_TYPES["anonymous_source"].compares_figures


def test_rule_reading_source_scores_runs_after_scoring(tmp_path: Path) -> None:
    rule = ("  - code: SV901\n    name: house.invalid_source\n    check: schema_validation\n    severity: error\n"
            "    message: \"{reason}\"\n    params: {table: source}\n" + DESCRIPTION)
    house_pack(tmp_path, rule)
    result = run([EXAMPLES], Settings(rule_paths=(str(tmp_path / "house"),), ignore=("SV003",)),
                 priors={"Pinecrest Observer": (4.0, "a rating on the wrong scale")})
    assert {f.code for f in result.findings if f.code.startswith("SV")} == {"SV901"}
    assert "Pinecrest Observer" in next(f.message for f in result.findings if f.code == "SV901")
    assert next(r for r in load_rules(Settings(rule_paths=(str(tmp_path / "house"),))).rules
                if r.code == "SV901").runs_after_scoring


def test_rule_properties_of_the_shipped_rules() -> None:
    rules = {rule.code: rule for rule in load_rules().rules}
    assert {code for code, rule in rules.items() if rule.claimreview} == {"CC101", "CC102", "CC103", "CC105"}
    assert {code for code, rule in rules.items() if rule.counts_against_outlet} == {"IC101", "IC102", "IC103"}
    assert {code for code, rule in rules.items() if rule.compares_figures} == {
        "CC101", "IC101", "CC104", "CC105", "CC201", "CC202", "CC203", "CC204", "CC205"}
    assert {code for code, rule in rules.items() if rule.runs_after_scoring} == {"SV003"}
    assert "Properties: claimreview" in rules["CC101"].explain()
    assert "Parameters: scope=cross_speaker, include_vague=false" in rules["CC101"].explain()


def load_pack(tmp_path: Path, text: str):
    pack = tmp_path / "pack.yaml"
    pack.write_text(text, encoding="utf-8")
    return load_rules(Settings(rule_paths=(str(pack),))), str(pack)


GOOD_RULE = ("  - code: CC950\n    name: house.good\n    check: anonymous_source\n    severity: info\n"
             "    message: \"{speaker}\"\n" + DESCRIPTION)


def test_rulebook_params_that_are_a_list_leave_the_rule_out_with_its_line(tmp_path: Path) -> None:
    # regression (issue 13): `params: [1]` raised AttributeError and stopped the run
    book, pack = load_pack(tmp_path, "rules:\n" + GOOD_RULE + (
        "  - code: CC951\n    name: house.listed\n    check: numeric_conflict\n    severity: error\n"
        "    message: x\n    params: [1]\n" + DESCRIPTION))
    assert [(p.path, p.line) for p in book.problems] == [(pack, 13)]
    assert "params must be a mapping" in book.problems[0].reason
    codes = {rule.code for rule in book.rules}
    assert "CC950" in codes and "CC951" not in codes and "CC101" in codes


@pytest.mark.parametrize(("params", "reason"), [
    ("{scope: both}", "parameter scope: input should be 'cross_speaker' or 'same_speaker', not 'both'"),
    ("{include_vague: \"yes\"}", "parameter include_vague: input should be a valid boolean, not 'yes'"),
    ("{scope: [cross_speaker]}", "parameter scope: input should be 'cross_speaker' or 'same_speaker'"),
    ("{tolerance: 2}", "unknown parameter 'tolerance' for check numeric_conflict (its parameters: scope, include_vague, window_days, estimate_severity)"),
])
def test_rulebook_bad_parameter_is_named_with_its_line(tmp_path: Path, params: str, reason: str) -> None:
    book, pack = load_pack(tmp_path, "rules:\n  - code: CC952\n    name: house.bad_param\n    check: numeric_conflict\n"
                                     "    severity: error\n    message: x\n    params:\n      " + params[1:-1] + "\n"
                                     + DESCRIPTION)
    assert len(book.problems) == 1 and book.problems[0].line == 8 and book.problems[0].path == pack
    assert reason in book.problems[0].reason
    assert "CC952" not in {rule.code for rule in book.rules}


@pytest.mark.parametrize(("check", "params", "reason"), [
    ("date_conflict", "{max_days: \"3\"}", "parameter max_days: input should be a valid integer"),
    ("date_conflict", "{max_days: 0}", "parameter max_days: input should be greater than or equal to 1"),
    ("unattributed_figure", "{predicates: killed}", "parameter predicates: a list is expected"),
    ("schema_validation", "{}", "parameter table is required by check schema_validation"),
    ("anonymous_source", "{scope: x}", "unknown parameter 'scope' for check anonymous_source (its parameters: none)"),
])
def test_rulebook_parameter_types_of_each_check(tmp_path: Path, check: str, params: str, reason: str) -> None:
    book, _ = load_pack(tmp_path, f"rules:\n  - code: CC953\n    name: house.typed\n    check: {check}\n"
                                  f"    severity: error\n    message: x\n    params: {params}\n" + DESCRIPTION)
    assert [p.line for p in book.problems] == [7]
    assert reason in book.problems[0].reason


def test_rulebook_typed_parameters_reach_the_check(tmp_path: Path) -> None:
    book, _ = load_pack(tmp_path, "rules:\n  - code: SR950\n    name: house.key_figures\n    check: unattributed_figure\n"
                                  "    severity: info\n    message: x\n    params: {predicates: [fired]}\n" + DESCRIPTION)
    rule = next(rule for rule in book.rules if rule.code == "SR950")
    assert rule.params.predicates == ("fired",)  # type: ignore[attr-defined]
    shipped = next(rule for rule in book.rules if rule.code == "SR102")
    assert "killed" in shipped.params.predicates  # type: ignore[attr-defined]


@pytest.mark.parametrize(("extra", "reason", "line"), [
    ("    claimreview: yes please\n", "claimreview must be true or false", 8),
    ("    counts_against_outlet: 1\n", "counts_against_outlet must be true or false", 8),
    ("    claimreveiw: true\n", "unknown key 'claimreveiw'", 8),
])
def test_rulebook_rule_properties_are_validated(tmp_path: Path, extra: str, reason: str, line: int) -> None:
    book, _ = load_pack(tmp_path, "rules:\n" + GOOD_RULE + extra)
    assert len(book.problems) == 1 and reason in book.problems[0].reason and book.problems[0].line == line
    assert "CC950" not in {rule.code for rule in book.rules}


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=3),
    max_leaves=6,
)
KEYS = st.sampled_from(["code", "name", "check", "severity", "message", "status", "params", "description",
                        "claimreview", "counts_against_outlet", "other"])


VALID = {"code": "CC960", "name": "house.fuzzed", "check": "numeric_conflict", "severity": "error",
         "message": "{quantity}", "params": {"scope": "same_speaker"}, "claimreview": True,
         "description": {"what": "a", "why": "b", "example": "c", "fix": "d"}}
ONE_VALUE_CHANGED = st.builds(lambda key, value: {**VALID, key: value}, KEYS, YAML_VALUES)
ONE_PARAM_CHANGED = st.builds(lambda key, value: {**VALID, "params": {key: value}},
                              st.sampled_from(["scope", "include_vague", "max_days", "x"]), YAML_VALUES)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ONE_VALUE_CHANGED | ONE_PARAM_CHANGED | st.dictionaries(KEYS, YAML_VALUES, max_size=10)
                        | YAML_VALUES, max_size=3))
def test_rulebook_any_rule_values_load_or_are_listed(tmp_path: Path, entries: list[object]) -> None:
    """Whatever the values of a rule's keys, the pack loads: each entry is a rule or a listed problem."""
    import yaml

    pack = tmp_path / "fuzz.yaml"
    pack.write_text(yaml.safe_dump({"rules": entries}), encoding="utf-8")
    book = load_rules(Settings(rule_paths=(str(pack),)))
    from_pack = [p for p in book.problems if p.path == str(pack)]
    assert len(from_pack) + sum(rule.path == str(pack) for rule in book.rules) == len(entries)
