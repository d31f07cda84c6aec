"""The findings an editor confirmed for publication as ClaimReview, from the command line or a YAML file.

A confirmation file lists finding ids, each alone or with what the desk decided::

    - CC101-6775f352f1                     # publish with the defaults
    - finding: CC102-78ef86f596
      url: https://desk.example/reviews/green-zone-blame   # the review's own page (else --review-url)
      claim: Iran was behind the Green Zone rocket attack  # claimReviewed as the desk words it
      reviewed: ashgrove-2020-12-24-centcom-21-rockets:2   # the claim under review (default: the finding's first)
      date: 2020-12-28                                     # the review's datePublished (default: today)

Mistakes are reported with the file and line; nothing is published from a file with a mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import yaml

from checker.result import RunResult

__all__ = ["Confirmation", "ConfirmationError", "load_confirmations", "problems_with", "with_review_urls"]

KEYS = {"finding", "url", "claim", "reviewed", "date"}


class ConfirmationError(ValueError):
    """A confirmation file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Confirmation:
    """One finding a desk confirmed, with its choices (None: the default)."""

    finding_id: str
    url: str | None = None
    claim: str | None = None
    reviewed: str | None = None
    date: date | None = None


def load_confirmations(path: Path) -> list[Confirmation]:
    """The confirmations in a YAML file: a list of finding ids or of mappings with ``finding`` and choices."""
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            document = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfirmationError(f"{path}: cannot read the confirmation file: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfirmationError(f"{where}: not valid YAML: {getattr(error, 'problem', None) or error}") from error
    if document is None:
        return []
    if not isinstance(document, list) or node is None:
        raise ConfirmationError(f"{path}:1: a confirmation file is a list of finding ids (or mappings with 'finding')")
    lines = [item.start_mark.line + 1 for item in node.value]
    return [_confirmation(entry, f"{path}:{line}") for entry, line in zip(document, lines, strict=True)]


def _confirmation(entry: object, where: str) -> Confirmation:
    if isinstance(entry, str) and entry.strip():
        return Confirmation(entry.strip())
    if not isinstance(entry, dict) or not isinstance(entry.get("finding"), str):
        raise ConfirmationError(f"{where}: each entry is a finding id, or a mapping with 'finding: ID'")
    unknown = sorted(map(str, set(entry) - KEYS))
    if unknown:
        raise ConfirmationError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KEYS))})")
    for key in ("url", "claim", "reviewed"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise ConfirmationError(f"{where}: '{key}' must be text")
    day = entry.get("date")
    if day is not None and not isinstance(day, date):
        raise ConfirmationError(f"{where}: 'date' must be a date (YYYY-MM-DD)")
    return Confirmation(entry["finding"].strip(), url=entry.get("url"), claim=entry.get("claim"),
                        reviewed=entry.get("reviewed"), date=day)


def with_review_urls(confirmations: list[Confirmation], template: str | None) -> list[Confirmation]:
    """Each confirmation with its review's URL: its own, else ``template`` with ``{finding_id}`` filled in."""
    if not template:
        return confirmations
    return [c if c.url else replace(c, url=template.replace("{finding_id}", c.finding_id)) for c in confirmations]


def _is_web_address(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def problems_with(confirmations: list[Confirmation], result: RunResult) -> list[str]:
    """Why these confirmations cannot be published from ``result`` (empty when they can)."""
    findings = {f.finding_id: f for f in result.findings}
    publishable = {rule.code for rule in result.rules if rule.claimreview}
    problems = []
    for confirmation in confirmations:
        finding = findings.get(confirmation.finding_id)
        if finding is None:
            problems.append(f"{confirmation.finding_id}: no such finding in this run")
        elif finding.code not in publishable:
            problems.append(f"{confirmation.finding_id}: rule {finding.code} is not marked claimreview: true")
        elif confirmation.reviewed and confirmation.reviewed not in finding.claim_ids:
            problems.append(f"{confirmation.finding_id}: claim {confirmation.reviewed} is not one of the finding's")
        if not confirmation.url:
            problems.append(f"{confirmation.finding_id}: no URL for the review (give --review-url, or 'url' in "
                            "the confirmation file)")
        elif not _is_web_address(confirmation.url):
            problems.append(f"{confirmation.finding_id}: the review's URL must be an http(s) address")
    return problems
