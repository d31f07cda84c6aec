"""checker: a source-reliability and claim-consistency checker for news.

The public API::

    import checker

    result = checker.scan(["articles/"])                 # a report's data: articles, claims, events, findings
    findings = checker.check(draft_text, against=result)  # a draft against that record: a list of Finding
    rules = checker.load_rules().rules                    # the rules, with their documentation
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["scan", "check", "load_rules", "__version__"]

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.model import Finding
    from checker.result import RunResult
    from checker.rulebook import Rulebook


def scan(paths: Iterable[str | Path], settings: Settings | None = None) -> RunResult:
    """Read, extract, cluster and check the articles under ``paths`` (files, folders, manifests)."""
    from checker.pipeline import run

    return run(list(paths), settings)


def check(
    text: str,
    against: RunResult | Iterable[str | Path] | str | Path,
    path: str = "draft.md",
    settings: Settings | None = None,
) -> list[Finding]:
    """Check a draft's text against the record: a ``scan()`` result, or paths to scan first.

    ``path`` names the draft in findings (``finding.path``, ``line``, ``column``); a path ending
    in ``.txt`` is read as plain text, anything else as Markdown with optional front matter.
    Raises ``checker.prepublication.DraftError`` for malformed front matter.
    """
    from checker.cache import Cache
    from checker.config import Settings
    from checker.knowledge import Knowledge
    from checker.pipeline import run
    from checker.prepublication import check_draft, draft_article
    from checker.result import RunResult

    settings = settings or Settings()
    cache = Cache.from_environment()  # the record's claims are kept there between calls (CHECKER_NO_CACHE=1: not)
    knowledge = Knowledge.load(settings.lexicon_folders(), cache)
    if not isinstance(against, RunResult):
        against = run([against] if isinstance(against, (str, Path)) else list(against), settings, knowledge=knowledge,
                      cache=cache)
    return check_draft(draft_article(text, path, knowledge=knowledge), against, settings, knowledge=knowledge).findings


def load_rules(settings: Settings | None = None) -> Rulebook:
    """The rule packs (shipped and configured), validated; problems are listed, not raised."""
    from checker.rulebook import load_rules as load

    return load(settings)
