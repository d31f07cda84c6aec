"""The pre-commit hook this repository ships: which files it checks, read as pre-commit reads them."""

from __future__ import annotations

from pathlib import Path

import yaml
from identify import identify  # the file classifier pre-commit itself uses

REPO = Path(__file__).resolve().parents[1]


def hook_selects(hook: dict, filename: str) -> bool:
    """Whether pre-commit passes ``filename`` to ``hook``: every tag of ``types``, one of ``types_or``."""
    tags = identify.tags_from_filename(filename)
    return set(hook.get("types", [])) <= tags and (not hook.get("types_or") or bool(tags & set(hook["types_or"])))


def test_precommit_hook_checks_markdown_drafts_only() -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "checker" and hook["entry"] == "checker check"
    assert hook_selects(hook, "drafts/green-zone.md") and hook_selects(hook, "drafts/green-zone.markdown")
    for unrelated in ("pyproject.toml", ".github/workflows/ci.yml", "config.yaml", "build.py", "notes.txt"):
        assert not hook_selects(hook, unrelated), unrelated


def test_precommit_readme_shows_files_and_exclude_for_an_archive() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1].split("\n## ", 1)[0]
    config = yaml.safe_load(section.split("```yaml", 1)[1].split("```", 1)[0])
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "checker" and hook["exclude"].startswith("^archive/") and "files" in hook
