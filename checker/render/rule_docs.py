"""The rules' documentation pages (docs/rules/CODE.md) and their address, from the rules themselves.

Each shipped rule has a page in the repository, made from its YAML (what it finds, why it
matters, an example, what to do); SARIF links to it (``helpUri``) and carries its text. Regenerate
with ``python -m checker.render.rule_docs docs/rules`` (``make reports`` does); a test fails when a
page drifts from its rule.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.resources import rules_dir

if TYPE_CHECKING:
    from checker.rulebook import Rule

DISTRIBUTION = "news-claim-checker"
DOCS_FOLDER = "docs/rules"  # in the repository, beside checker/
SECTIONS = (("what", "What it finds"), ("why", "Why it matters"), ("example", "Example"), ("fix", "What to do"))


def is_shipped(rule: Rule) -> bool:
    """A rule from the packs that ship with checker (a user's own pack has no page in this repository)."""
    try:
        Path(rule.path).resolve().relative_to(rules_dir().resolve())
    except ValueError:
        return False
    return True


def pack_name(rule: Rule) -> str:
    """Where the rule is defined, without the machine's paths: ``rules/packs/cc.yaml:3`` for a shipped rule."""
    if is_shipped(rule):
        return f"rules/{Path(rule.path).resolve().relative_to(rules_dir().resolve()).as_posix()}:{rule.line}"
    return f"{Path(rule.path).name}:{rule.line}"


@cache
def repository_url() -> str | None:
    """The project's repository (``Source`` under ``[project.urls]`` in pyproject.toml), from the installed metadata."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    urls = dict(entry.split(", ", 1) for entry in entries if ", " in entry)
    return urls.get("Source", "").rstrip("/") or None


def help_uri(rule: Rule) -> str | None:
    """The address of a shipped rule's page in the repository; None for a user's rule (or without the metadata)."""
    base = repository_url()
    return f"{base}/blob/main/{DOCS_FOLDER}/{rule.code}.md" if base and is_shipped(rule) else None


def help_text(rule: Rule) -> str:
    """The rule's documentation as plain text (SARIF ``help.text``): no path of the machine it ran on."""
    lines = [f"{rule.code} {rule.name} ({rule.severity})", ""]
    for key, title in SECTIONS:
        lines += [f"{title}:", " ".join(rule.description[key].split()), ""]
    return "\n".join(lines).rstrip() + "\n"


def rule_page(rule: Rule) -> str:
    """The rule's page in Markdown: docs/rules/CODE.md, and SARIF ``help.markdown``."""
    lines = [f"# {rule.code} {rule.name}", "",
             f"Severity: **{rule.severity}** · status: {rule.status} · check type: `{rule.check}` · "
             f"defined in `{pack_name(rule)}`", ""]
    for key, title in SECTIONS:
        lines += [f"## {title}", "", " ".join(rule.description[key].split()), ""]
    lines += ["## Message", "", f"`{rule.message}`", ""]
    given = rule.params.model_dump()
    if given:
        lines += ["## Parameters", "", *[f"- `{key}`: `{_as_yaml(value)}`" for key, value in given.items()], ""]
    lines += ["Run `checker rules " + rule.code + "` to print this page; select or ignore the rule with its code "
              f"`{rule.code}` or its name `{rule.name}`.", ""]
    return "\n".join(lines)


def _as_yaml(value: object) -> str:
    """A parameter's value as it is written in a rule pack."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "[" + ", ".join(map(str, value)) + "]" if isinstance(value, (list, tuple)) else str(value)


def docs_index(rules: list[Rule]) -> str:
    lines = ["# Rules", "", "Made from the rule packs in `rules/packs/` (`make reports` regenerates these pages).", "",
             "| code | name | severity | finds |", "|---|---|---|---|"]
    for rule in rules:
        what = " ".join(rule.description["what"].split()).split(". ")[0].rstrip(".")
        lines.append(f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity} | {what} |")
    return "\n".join(lines) + "\n"


def shipped_pages() -> dict[str, str]:
    """Every page of docs/rules/: file name -> text, for the shipped rules."""
    from checker.rulebook import load_rules

    rules = [rule for rule in load_rules().rules if is_shipped(rule)]
    return {"README.md": docs_index(rules), **{f"{rule.code}.md": rule_page(rule) for rule in rules}}


def write_docs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in shipped_pages().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_docs(Path(sys.argv[1] if len(sys.argv) > 1 else DOCS_FOLDER)):
        print(written_path)
