"""The pre-publication check: a draft's figures against what is on record, plus the draft's own problems.

For each count in the draft, the figures on record for the same event and quantity
(from other articles) decide:

- figures on record contradict the draft's and none bears it out: error (CC201);
- it is attributed to a speaker whose own figure on record differs: error (CC202);
- it matches one side of a figure that is disputed on record, and is attributed to that
  side or to nobody: warning naming the dispute (CC203);
- it is a figure its source has since revised, that no source still stands by: error (CC204);
- nothing on record can be compared with it: info with the reason (CC205);
- it agrees with everything on record: nothing.

A running count is compared with the record as it stood on the draft's date (see
``checker.checks.draft_vs_record``). The draft's claims join the events on record through the
same event resolution as a report's, whether the record is read from articles (``--against``)
or from a ledger (``--ledger``, which reads only the events a draft could join).

The draft's internal problems come from the ordinary rules (IC, SR) run on the draft alone.
An editor's deliberate choice is kept with ``<!-- checker: ignore CODE -->`` on the line
of the finding or the line before; a suppression that matches nothing is reported (IC190).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO

from checker.checks import CheckData, Phase
from checker.checks.draft_vs_record import Params as DraftParams
from checker.checks.draft_vs_record import standings
from checker.config import Settings
from checker.ingest import language_of, read_text
from checker.ingest.decode import UnreadableInput, decode_bytes, normalise_text
from checker.ingest.text import parse_markdown, parse_plain_text
from checker.knowledge import Knowledge
from checker.lines import LineIndex
from checker.model import Article, Claim, Finding
from checker.pipeline import (
    analyse,
    figures_carried_across_articles,
    one_name_per_body_of_events,
    one_name_per_person_of_run,
)
from checker.result import DraftSummary, RunResult
from checker.rulebook import load_rules, run_phases, selected_rules, without_per_file_ignores

DRAFT_FAMILIES = ("IC", "SR", "SV")  # the draft's own problems; the CC2xx rules compare it with the record
_SUPPRESSION = re.compile(r"<!--\s*checker:\s*ignore\s+([A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)\s*-->")


class DraftError(ValueError):
    """A draft that cannot be read: the message names the file and the reason."""


@dataclass
class CheckResult:
    """Findings for one draft, in line order, the draft as read, and what was compared."""

    path: str
    article: Article
    claims: list[Claim]
    findings: list[Finding] = field(default_factory=list)
    summary: DraftSummary | None = None


def read_draft(path: Path, settings: Settings | None = None, today: date | None = None,
               knowledge: Knowledge | None = None) -> Article:
    """A draft as an article: Markdown front matter or plain text; line numbers as the editor sees them."""
    settings = settings or Settings()
    try:
        text = read_text(path, settings)
    except UnreadableInput as problem:
        raise DraftError(f"{path}: {problem.reason}") from None
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    return draft_article(text, str(path), today=today, knowledge=knowledge, lang=settings.lang)


def read_draft_stream(stream: BinaryIO, name: str, settings: Settings | None = None,
                      today: date | None = None, knowledge: Knowledge | None = None) -> Article:
    """A draft read from a stream (standard input, for a CMS that pipes it); ``name`` names it in findings."""
    limit = (settings or Settings()).max_file_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise DraftError(f"{name}: more than {limit:,} bytes, over the limit (max_file_bytes)")
    try:
        text = decode_bytes(data)
    except UnreadableInput as problem:
        raise DraftError(f"{name}: {problem.reason}") from None
    return draft_article(text, name, today=today, knowledge=knowledge, lang=(settings or Settings()).lang)


def draft_article(text: str, path: str = "draft.md", today: date | None = None,
                  knowledge: Knowledge | None = None, lang: str = "en") -> Article:
    """Parse draft text. Its publication date: front matter, else inferred from the text, else today; its
    language: front matter ``lang``, else ``lang`` (the configuration's)."""
    text = normalise_text(text)
    try:
        parsed = parse_plain_text(text) if path.lower().endswith((".txt", ".text")) else parse_markdown(text)
    except UnreadableInput as problem:
        line = f":{problem.line}" if problem.line else ""
        raise DraftError(f"{path}{line}: {problem.reason}") from None
    article = Article(
        article_id=f"draft:{Path(path).name}",
        source_path=path,
        text=parsed.text,
        sha256="0" * 64,
        title=parsed.title,
        published=parsed.published,
        format="draft",
        line_offset=parsed.line_offset,
        outlet=(parsed.metadata or {}).get("outlet"),
        lang=language_of((parsed.metadata or {}).get("lang")) or language_of(lang),
    )
    knowledge = knowledge or Knowledge.load()
    extractor = knowledge.extractor(article.lang)
    if extractor is None:
        raise DraftError(f"{path}: no language pack for {article.lang!r}")
    article = extractor.with_publication_date(article)
    if article.published is None:
        article = replace(article, published=today or date.today(), published_inferred=True)
    return article


def check_draft(draft: Article, record: RunResult, settings: Settings | None = None,
                knowledge: Knowledge | None = None) -> CheckResult:
    """Check one draft against the record (the result of ``analyse`` over the articles on record)."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    rules = selected_rules(load_rules(settings), settings)
    own = analyse([draft], settings, knowledge=knowledge)  # the draft's claims, and its own problems
    findings = [f for f in own.findings if f.code[:2] in DRAFT_FAMILIES]
    # the draft's figures join the events on record: one resolution over both, into copies of the claims
    # (the record is left as it is, so a scan result can be reused for the next draft)
    articles = record.articles + own.articles
    # one name per person over both, as a report has it (a ledger keeps the names as each article wrote them)
    together = one_name_per_person_of_run(record.claims + own.claims, articles, knowledge)
    resolution = knowledge.resolver().cluster(together, articles)
    data = CheckData(articles, figures_carried_across_articles(
                         one_name_per_body_of_events(resolution.apply(together), articles, knowledge), articles,
                         knowledge),
                     resolution.events,
                     drafts=frozenset({draft.article_id}), gazetteer=knowledge.gazetteer, taxonomy=knowledge.taxonomy)

    def suppress(found: list[Finding]) -> list[Finding]:
        """Before the suppressions are checked: drop the findings an editor suppressed, keep the unused ones."""
        kept, data.unused_suppressions = _apply_suppressions(draft, found)
        return kept

    against_record = [rule for rule in rules if rule.check in ("draft_vs_record", "unused_suppression")]
    findings = without_per_file_ignores(run_phases(against_record, data, {Phase.SCORING: suppress}, findings),
                                        settings)
    findings.sort(key=lambda f: (f.line or 0, f.column or 0, f.code))
    return CheckResult(draft.source_path, draft, own.claims, findings,
                       _summary(draft, data, against_record, findings, knowledge))


# the standings the summary counts, by the verdict of the draft rule that reports them
_COUNTED = {"conflicts": "conflicts", "misquotes": "conflicts", "disputed": "disputed", "outdated": "outdated",
            "no_record": "no_record"}


def _summary(draft: Article, data: CheckData, rules: list, findings: list[Finding],
             knowledge: Knowledge) -> DraftSummary:
    """What was compared in the draft, and how many figures the findings left flag (each figure once per kind)."""
    verdict_of = {rule.code: rule.params.verdict for rule in rules if isinstance(rule.params, DraftParams)}
    flagged: dict[str, set[str]] = {kind: set() for kind in _COUNTED.values()}
    for finding in findings:
        if finding.code in verdict_of and finding.claim_ids:
            flagged[_COUNTED[verdict_of[finding.code]]].add(finding.claim_ids[0])
    standing = list(standings(data).values())  # the figures of the one draft being checked
    return DraftSummary(path=draft.source_path, published=draft.published, dated_by=dated_by(draft, knowledge),
                        figures=len(standing), compared=sum(s.compared for s in standing),
                        **{kind: len(claims) for kind, claims in flagged.items()})


def dated_by(draft: Article, knowledge: Knowledge) -> str:
    """Where a draft's date came from: ``given`` (front matter or a date line), ``text`` (the latest date its text
    states) or ``today`` (it states none)."""
    if not draft.published_inferred:
        return "given"
    extractor = knowledge.extractor(draft.lang)
    if extractor is not None and extractor.infer_publication_date(draft.text) == draft.published:
        return "text"
    return "today"


def _apply_suppressions(draft: Article, findings: list[Finding]) -> tuple[list[Finding], list]:
    """Drop findings an editor suppressed on their line or the line before; return the unused suppressions."""
    suppressions: list[tuple[int, int, int, str]] = []  # (file line, start, end, code)
    for number, offset, line in LineIndex(draft.text, draft.line_offset).lines():
        for match in _SUPPRESSION.finditer(line):
            for code in match.group(1).split(","):
                suppressions.append((number, offset + match.start(), offset + match.end(), code.strip()))
    used: set[tuple[int, str]] = set()
    kept = []
    for finding in findings:
        lines = (finding.line, (finding.line or 0) - 1)
        hit = next(((line, code) for line, _, _, code in suppressions if line in lines and code == finding.code), None)
        if hit:
            used.add(hit)
        else:
            kept.append(finding)
    unused = [(draft.article_id, start, end, code, line) for line, start, end, code in suppressions
              if (line, code) not in used]
    return kept, unused
