"""Rule packs: load rules from YAML (safe loader, with line numbers), validate them, select, and run them.

A rule is a configured check: a stable code (CC101), a dotted name, a check type,
a severity, a one-line message template, typed parameters, a self-documenting
description, and facts that other parts of a run read from the rule rather than from
lists of codes (``claimreview``, ``counts_against_outlet``; ``compares_figures`` and
``runs_after_scoring`` follow from the check type). A mistake in a rule file is
reported with its file and line, and the run goes on without that rule.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.checks import CHECK_TYPES, CheckData, CheckParams, Draft, Phase
from checker.config import SEVERITIES, Settings
from checker.lines import LineIndex
from checker.model import RULE_CODE, SEVERITY_RANK, Claim, Finding, Span
from checker.resources import rules_dir

CODE = re.compile(RULE_CODE)
NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
STATUSES = ("stable", "preview", "deprecated")
DESCRIPTION_SECTIONS = ("what", "why", "example", "fix")
SECTION_TITLES = {"what": "What it finds", "why": "Why it matters", "example": "Example", "fix": "What to do"}
FAMILIES = {"CC": "cross-source consistency", "IC": "internal consistency", "SR": "sourcing",
            "SV": "schema validation"}
REQUIRED_KEYS = ("code", "name", "check", "severity", "message", "description")
FLAGS = ("claimreview", "counts_against_outlet")  # facts about a rule's findings, true or false (default false)
RULE_KEYS = (*REQUIRED_KEYS, "status", "params", *FLAGS)


@dataclass(frozen=True)
class Rule:
    """A configured check, as read from a rule pack.

    Attributes:
        params: the check type's parameters, validated, defaults filled in.
        claimreview: a confirmed finding may be published as schema.org ClaimReview (a conflict
            between sources that a fact-checker can rate).
        counts_against_outlet: each finding counts against the outlet of its articles in the
            source scores (an internal contradiction or an overstatement).
    """

    code: str
    name: str
    check: str
    severity: str
    message: str
    status: str
    params: CheckParams
    description: dict[str, str]
    path: str
    line: int
    claimreview: bool = False
    counts_against_outlet: bool = False

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def compares_figures(self) -> bool:
        """Its findings are about figures of one quantity, which a report can chart on one axis."""
        return CHECK_TYPES[self.check].compares_figures

    @property
    def runs_after_scoring(self) -> bool:
        """It reads the source scores, so it runs after the sources are scored."""
        return self.params.reads_source_scores

    @property
    def phase(self) -> Phase:
        """When it runs: its check type's phase, or SCORING when its parameters read the source scores."""
        return Phase.SCORING if self.runs_after_scoring else CHECK_TYPES[self.check].phase

    def explain(self) -> str:
        """The rule's documentation, as ``checker rules CODE`` prints it."""
        lines = [f"{self.code} {self.name} ({self.severity}, {self.status}; check type {self.check})", ""]
        for section in DESCRIPTION_SECTIONS:
            lines += [f"## {SECTION_TITLES[section]}", self.description[section].strip(), ""]
        lines.append(f"Message: {self.message}")
        given = self.params.model_dump()
        if given:
            lines.append("Parameters: " + ", ".join(f"{key}={_shown(value)}" for key, value in given.items()))
        facts = [flag for flag in FLAGS if getattr(self, flag)] + [
            fact for fact in ("compares_figures", "runs_after_scoring") if getattr(self, fact)]
        if facts:
            lines.append("Properties: " + ", ".join(facts))
        lines.append(f"Defined in {self.path}:{self.line}")
        return "\n".join(lines)


def _shown(value: object) -> str:
    """A parameter's value as it is written in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "[" + ", ".join(map(str, value)) + "]" if isinstance(value, (list, tuple)) else str(value)


@dataclass(frozen=True)
class RuleProblem:
    path: str
    line: int | None
    reason: str


@dataclass
class Rulebook:
    rules: list[Rule] = field(default_factory=list)
    problems: list[RuleProblem] = field(default_factory=list)

    def find(self, selector: str) -> list[Rule]:
        """Rules matching a code, a dotted name, or a family prefix (case-insensitive)."""
        return [r for r in self.rules if _matches(r, selector)]


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where installed: far faster


class _LineLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """The safe loader, recording the line each mapping starts on as ``__line__`` and the line of each of
    its keys as ``__lines__``."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    lines = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str):
            lines[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _matches(rule: Rule | Finding, selector: str) -> bool:
    """Whether a rule (or a finding of it) is selected by a code, a dotted name or a family."""
    code, name = (rule.code, rule.name) if isinstance(rule, Rule) else (rule.code, rule.rule)
    selector = selector.strip()
    return code.upper() == selector.upper() or name == selector.lower() or (
        len(selector) == 2 and code[:2] == selector.upper()
    )


def pack_files(settings: Settings) -> list[Path]:
    """The rule packs a run reads: the shipped ones, then those of `rule-paths`, in order."""
    files = sorted((rules_dir() / "packs").glob("*.yaml"))
    for extra in settings.rule_paths:
        path = settings.resolve(extra)
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return files


def load_rules(settings: Settings | None = None) -> Rulebook:
    """The shipped rule packs plus the user's, validated; problems are collected, never raised."""
    settings = settings or Settings()
    book = Rulebook()
    seen: dict[str, Rule] = {}
    for path in pack_files(settings):
        for rule_or_problem in _read_pack(path):
            if isinstance(rule_or_problem, RuleProblem):
                book.problems.append(rule_or_problem)
            elif rule_or_problem.code in seen or any(r.name == rule_or_problem.name for r in seen.values()):
                twice = f"rule {rule_or_problem.code} ({rule_or_problem.name}) is defined twice"
                book.problems.append(RuleProblem(str(path), rule_or_problem.line, twice))
            else:
                seen[rule_or_problem.code] = rule_or_problem
    book.rules = sorted(seen.values(), key=lambda r: r.code)
    return book


def _read_pack(path: Path) -> list[Rule | RuleProblem]:
    """A pack's rules, or its problems; read once per process while the file is unchanged (a run loads the
    rule book more than once: to check --select, to run the rules, to check a draft)."""
    try:
        status = path.stat()
    except OSError:
        return _parse_pack(path)  # says why it cannot be read
    return list(_parse_unchanged_pack(path, status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=256)
def _parse_unchanged_pack(path: Path, mtime_ns: int, size: int) -> tuple[Rule | RuleProblem, ...]:
    return tuple(_parse_pack(path))


def _parse_pack(path: Path) -> list[Rule | RuleProblem]:
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except OSError as error:
        return [RuleProblem(str(path), None, f"cannot read rule pack: {error.strerror or error}")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [RuleProblem(str(path), mark.line + 1 if mark else None,
                            f"not valid YAML: {getattr(error, 'problem', None) or error}")]
    if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
        return [RuleProblem(str(path), 1, "a rule pack is a mapping with a 'rules' list")]
    return [_rule_from(entry, path) for entry in document["rules"]]


def _rule_from(entry: object, path: Path) -> Rule | RuleProblem:
    if not isinstance(entry, dict):
        return RuleProblem(str(path), None, "each rule is a mapping of code, name, check, severity, message ...")
    line = entry.get("__line__")
    key_lines: dict[str, int] = entry.get("__lines__", {})

    def problem(reason: str, at: int | None = None) -> RuleProblem:
        return RuleProblem(str(path), at or line, f"rule {entry.get('code', '?')}: {reason}")

    for key in REQUIRED_KEYS:
        if key not in entry:
            return problem(f"missing '{key}'")
    unknown_keys = [key for key in entry if key not in (*RULE_KEYS, "__line__", "__lines__")]
    if unknown_keys:
        return problem(f"unknown key {unknown_keys[0]!r} (a rule has {', '.join(RULE_KEYS)})",
                       key_lines.get(str(unknown_keys[0])))
    code, name, check = str(entry["code"]), str(entry["name"]), str(entry["check"])
    if not CODE.match(code) or code[:2] not in FAMILIES:
        return problem(f"code must be a family ({', '.join(FAMILIES)}) and three digits, e.g. CC101")
    if not NAME.match(name):
        return problem("name must be dotted lower-case words, e.g. numbers.conflicting_count")
    if check not in CHECK_TYPES:
        return problem(f"unknown check type {check!r} (known: {', '.join(sorted(CHECK_TYPES))})")
    if entry["severity"] not in SEVERITIES:
        return problem(f"severity must be one of {', '.join(SEVERITIES)}")
    status = entry.get("status", "stable")
    if status not in STATUSES:
        return problem(f"status must be one of {', '.join(STATUSES)}")
    for flag in FLAGS:
        if not isinstance(entry.get(flag, False), bool):
            return problem(f"{flag} must be true or false", key_lines.get(flag))
    check_type = CHECK_TYPES[check]
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(str(entry["message"])) if f}
    except ValueError as error:
        return problem(f"message template is malformed: {error}")
    unknown = fields - check_type.fields
    if unknown:
        return problem(f"message uses {', '.join(sorted(unknown))}, not fields of check {check} "
                       f"({', '.join(sorted(check_type.fields))})")
    params = _params(entry.get("params"), check, key_lines.get("params"))
    if isinstance(params, tuple):
        reason, at = params
        return problem(reason, at)
    description = entry["description"]
    if not isinstance(description, dict) or any(not str(description.get(s, "")).strip() for s in DESCRIPTION_SECTIONS):
        return problem(f"description needs the sections {', '.join(DESCRIPTION_SECTIONS)}")
    return Rule(code, name, check, str(entry["severity"]), str(entry["message"]), status, params,
                {s: str(description[s]) for s in DESCRIPTION_SECTIONS}, str(path), line or 0,
                claimreview=entry.get("claimreview", False),
                counts_against_outlet=entry.get("counts_against_outlet", False))


def _params(given: object, check: str, line: int | None) -> CheckParams | tuple[str, int | None]:
    """A rule's ``params`` validated against its check type's model, or (the problem, its line)."""
    model = CHECK_TYPES[check].params
    if given is None:
        given = {}
    if not isinstance(given, dict):
        return f"params must be a mapping of parameter names to values, not {type(given).__name__}", line
    key_lines: dict[str, int] = given.get("__lines__", {})
    values = {key: value for key, value in given.items() if key not in ("__line__", "__lines__")}
    try:
        return model.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else "?"
        known = ", ".join(model.model_fields) or "none"
        if first["type"] in ("extra_forbidden", "invalid_key"):
            reason = f"unknown parameter {key!r} for check {check} (its parameters: {known})"
        elif first["type"] == "missing":
            reason = f"parameter {key} is required by check {check}"
        else:
            wanted = _WANTED.get(first["type"], first["msg"][:1].lower() + first["msg"][1:])
            reason = f"parameter {key}: {wanted}, not {_shortened(repr(first['input']))}"
        return reason, key_lines.get(key, line)


_WANTED = {"tuple_type": "a list is expected", "list_type": "a list is expected"}  # pydantic says "tuple"


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tidy(message: str) -> str:
    """A message with the gaps of empty fields closed ("people wounded  from 863" -> "people wounded from 863")."""
    return re.sub(r" {2,}", " ", message).replace(" :", ":").strip()


def unknown_selectors(book: Rulebook, selectors: Iterable[str]) -> list[str]:
    """The selectors that name no rule in ``book`` (not a code, dotted name or family): typos such as
    ``CC1O1`` (a letter O), which would otherwise select or ignore nothing without a word."""
    return [selector for selector in selectors if not book.find(selector)]


def selected_rules(book: Rulebook, settings: Settings) -> list[Rule]:
    """Rules after select/ignore (by code, name or family) and with severity overrides applied: those ``select``
    names (all when it is empty) and those ``extend-select`` adds, less those ``ignore`` or ``extend-ignore``
    names."""
    rules = [r for r in book.rules if r.status != "deprecated"]
    if settings.select:
        rules = [r for r in rules if any(_matches(r, s) for s in (*settings.select, *settings.extend_select))]
    rules = [r for r in rules if not any(_matches(r, s) for s in (*settings.ignore, *settings.extend_ignore))]
    overridden = []
    for rule in rules:
        level = next((lvl for sel, lvl in settings.severity.items() if _matches(rule, sel)), None)
        overridden.append(_with_severity(rule, level) if level else rule)
    return overridden


def without_per_file_ignores(findings: list[Finding], settings: Settings) -> list[Finding]:
    """``findings`` less those that ``per-file-ignores`` leaves out in the file each points at (its ``path``: a
    draft, or the first piece of evidence; for a row of a manifest, the manifest)."""
    if not settings.per_file_ignores:
        return findings
    ignored: dict[str | None, tuple[str, ...]] = {}
    kept = []
    for finding in findings:
        if finding.path not in ignored:
            ignored[finding.path] = settings.ignored_in(finding.path) if finding.path else ()
        if not any(_matches(finding, selector) for selector in ignored[finding.path]):
            kept.append(finding)
    return kept


def _with_severity(rule: Rule, severity: str) -> Rule:
    return replace(rule, severity=severity)


def run_rules(rules: list[Rule], data: CheckData) -> list[Finding]:
    """Run each rule's check and turn its drafts into findings with codes, messages and spans."""
    findings: list[Finding] = []
    for rule in rules:
        for draft in CHECK_TYPES[rule.check].run(data, rule.params):
            findings.append(_finding(rule, draft, data))
    findings.sort(key=_most_severe_first)
    return findings


def _most_severe_first(finding: Finding) -> tuple:
    return -SEVERITY_RANK[finding.severity], finding.code, finding.event_id or "", finding.finding_id


PhaseStep = Callable[[list[Finding]], list[Finding]]


def run_phases(rules: list[Rule], data: CheckData, after: Mapping[Phase, PhaseStep] | None = None,
               findings: Iterable[Finding] = ()) -> list[Finding]:
    """The one assessor of a report and of a draft: each phase's rules in turn (``Phase``), and after a phase the
    step given for it (score the sources, apply an editor's suppressions), which sees and may change the findings
    so far. ``findings`` are findings made before (a draft's own)."""
    found = list(findings)
    for phase in Phase:
        found += run_rules([rule for rule in rules if rule.phase == phase], data)
        step = (after or {}).get(phase)
        if step is not None:
            found = step(found)
    found.sort(key=_most_severe_first)
    return found


def _finding(rule: Rule, draft: Draft, data: CheckData) -> Finding:
    claim_ids = [c.claim_id for c in draft.claims]
    # a dispute's finding is named by its dispute (event and quantity), so it keeps its id when articles are added
    named_by = [draft.dispute_id] if draft.dispute_id else claim_ids
    digest = hashlib.sha1("|".join([rule.code, draft.key, *named_by]).encode()).hexdigest()[:10]
    spans = [_claim_span(data, c) for c in draft.claims] + [_span(data, *span) for span in draft.spans]
    article_ids = list(dict.fromkeys(span["article_id"] for span in spans))
    finding = Finding(
        finding_id=f"{rule.code}-{digest}",
        code=rule.code,
        rule=rule.name,
        severity=_capped(rule.severity, draft.severity),
        message=_tidy(rule.message.format(**{k: ("" if v is None else v) for k, v in draft.values.items()})),
        event_id=draft.event_id,
        claim_ids=claim_ids,
        article_ids=article_ids,
        spans=spans,
        dispute_id=draft.dispute_id,
    )
    if finding.spans:
        first = finding.spans[0]
        finding.path, finding.line, finding.column = first["path"], first["line"], first["column"]
    return finding


def _capped(severity: str, cap: str | None) -> str:
    """The rule's severity, lowered to what the finding itself warrants (never raised)."""
    return severity if cap is None or SEVERITY_RANK[cap] >= SEVERITY_RANK[severity] else cap


def _claim_span(data: CheckData, claim: Claim) -> Span:
    """A claim's evidence: its line and column were worked out when it was extracted."""
    return {"article_id": claim.article_id, "path": data.article[claim.article_id].source_path,
            "start": claim.start, "end": claim.end, "line": claim.line, "column": claim.column,
            "text": claim.surface}


def _span(data: CheckData, article_id: str, start: int, end: int) -> Span:
    """Where a piece of evidence is: article, file, offsets, line and column in the file, and the words."""
    article = data.article[article_id]
    memo_key = ("lines", article_id)
    lines = data.memo.get(memo_key)
    if lines is None:
        lines = data.memo[memo_key] = LineIndex(article.text, article.line_offset)
    line, column = lines.line_and_column(start)
    return {
        "article_id": article_id,
        "path": article.source_path,
        "start": start,
        "end": end,
        "line": line,
        "column": column,
        "text": article.text[start:end],
    }
