"""Source reliability: scores learned from agreement with a weighted consensus, aware of copies.

Truth discovery in the spirit of CRH (Li et al., SIGMOD 2014), adapted to count intervals:
for each comparable quantity (event, subject, predicate, population) the consensus is the
value covered by the greatest total weight of sources' intervals (a lower bound agrees
with any value above it); a source's weight is its Beta-smoothed share of agreements with
the consensus; the two are iterated to a fixed point. Copies (near-identical sentences in
the same event) collapse to one vote, the earliest article's. Few comparisons give a wide
interval and no number. The `truthdiscovery` package was read and not used: it handles one
categorical value per object, with no intervals, bounds or copies.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from checker.model import Article, Claim, Finding, SourceScore

COPY_SIMILARITY = 90.0  # rapidfuzz ratio of two sentences at or above which one copies the other
FUZZY_SENTENCE_CHARS = 2_000  # longer "sentences" (a run-on list of figures) are copies only when identical
MIN_COMPARED = 3  # fewer comparable figures than this: no score, only a range
ITERATIONS = 30
WILSON_Z = 1.645  # a 90 % interval
PRIOR_WEIGHT = 2  # a prior rating counts as this many compared figures at its rate
UNUSED_PRIOR_SIMILARITY = 80.0  # rapidfuzz ratio at or above which an outlet is suggested for an unused prior


@dataclass
class Copies:
    """Which claims copy which (claim id -> the claim id of the earliest copy), and between which sources."""

    original_of: dict[str, str] = field(default_factory=dict)
    relations: dict[tuple[str, str], int] = field(default_factory=dict)  # (copier, original) -> passages
    copied_by: dict[str, set[str]] = field(default_factory=dict)  # copier -> the sources it copied


def outlet_of(claim: Claim, articles: dict[str, Article]) -> str:
    article = articles.get(claim.article_id)
    return (article.outlet if article and article.outlet else None) or claim.article_id


def detect_copies(claims: list[Claim], articles: dict[str, Article]) -> Copies:
    """Near-identical sentences in the same event, in different articles: the later ones copy the earliest."""
    copies = Copies()
    by_figure: dict[tuple, list[Claim]] = defaultdict(list)  # only the same figure in the same event can be a copy
    for claim in claims:
        if claim.event_id and claim.kind == "count":
            by_figure[(claim.event_id, claim.compared())].append(claim)
    for group in by_figure.values():
        if len({claim.article_id for claim in group}) < 2:
            continue  # a copy is of another article: one article's figures copy nothing (and need no comparing)
        group.sort(key=lambda c: (_published(c, articles), c.article_id, c.start))
        for claim, match in _OriginalSentences().copies(group):
            copies.original_of[claim.claim_id] = match.claim_id
            pair = (outlet_of(claim, articles), outlet_of(match, articles))
            if pair[0] != pair[1]:
                copies.relations[pair] = copies.relations.get(pair, 0) + 1
                copies.copied_by.setdefault(pair[0], set()).add(pair[1])
    return copies


class _OriginalSentences:
    """The originals of one figure in one event, in the order they were published, and which of them a sentence
    is close to. A sentence is compared (by rapidfuzz, in C, with a score cutoff) once with each distinct
    original sentence: a sentence seen before is compared only with the originals that came since."""

    def __init__(self) -> None:
        self.texts: list[str] = []  # the distinct sentences of the originals
        self.originals: list[list[tuple[int, Claim]]] = []  # per distinct sentence: (order, original claim)
        self.count = 0  # originals so far
        self.close: dict[str, tuple[list[int], int]] = {}  # sentence -> (close texts, how many texts checked)

    def copies(self, group: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """(copy, original) for each claim of ``group`` that copies an earlier original of another article;
        the others become originals. The original is the earliest one close enough."""
        text_index: dict[str, int] = {}
        for claim in group:
            sentence = claim.sentence
            close, checked = self.close.get(sentence, ([], 0))
            if checked < len(self.texts):
                if len(sentence) <= FUZZY_SENTENCE_CHARS:
                    found = process.extract(sentence, self.texts[checked:], scorer=fuzz.ratio,
                                            score_cutoff=COPY_SIMILARITY, limit=None)
                    close = close + sorted(checked + index for _, _, index in found)
                else:  # no sentence is this long: compared whole, never letter by letter (which grows as its square)
                    close = close + [checked + index for index, text in enumerate(self.texts[checked:])
                                     if text == sentence]
                self.close[sentence] = (close, len(self.texts))
            match = min((original for index in close for original in self.originals[index]
                         if original[1].article_id != claim.article_id), default=None, key=lambda o: o[0])
            if match is not None:
                yield claim, match[1]
                continue
            if sentence not in text_index:
                text_index[sentence] = len(self.texts)
                self.texts.append(sentence)
                self.originals.append([])
            kept = self.originals[text_index[sentence]]
            # the earliest original, and the earliest of another article than its: all a later claim can match
            # (a sentence repeated a thousand times in one article is not a thousand originals to scan)
            if not kept or (len(kept) == 1 and kept[0][1].article_id != claim.article_id):
                kept.append((self.count, claim))
            self.count += 1


def _published(claim: Claim, articles: dict[str, Article]):
    article = articles.get(claim.article_id)
    return (article.published.isoformat() if article and article.published else "9999")


def _source(claim: Claim, level: str, articles: dict[str, Article]) -> str | None:
    """Who a figure is scored against: the outlet for its own-voice figures; for speakers, a named speaker
    (every "unnamed official" is a different, unknowable person, so anonymous figures score no one)."""
    if claim.speaker_kind == "outlet":
        return outlet_of(claim, articles)
    if level == "outlet" or claim.speaker_kind == "anonymous":
        return None
    return claim.speaker


def _votes(claims: list[Claim], level: str, articles: dict[str, Article], copies: Copies,
           running: frozenset[str] = frozenset()) -> dict[tuple, dict]:
    """item (a comparable quantity, as it stood on one day for a running count) -> source -> its interval;
    copies and parts left out.

    A running count (the dead, the missing: a predicate in ``running``) moves as days pass, so its figures are
    compared only with those stated on the same day: an outlet that carries a body's later figure is measured
    against the other figures of that day, not penalised for being newer than the consensus of the first."""
    votes: dict[tuple, dict[str, tuple[float, float]]] = defaultdict(dict)
    for claim in claims:
        if (claim.kind != "count" or not claim.event_id or claim.predicate is None or claim.partial
                or claim.value_kind == "vague" or claim.claim_id in copies.original_of
                or claim.compared() is None):
            continue
        source = _source(claim, level, articles)
        if source is not None:
            article = articles.get(claim.article_id)
            day = article.published if article is not None and claim.predicate in running else None
            item = (claim.event_id, claim.subject, claim.predicate, claim.population, day)
            votes[item].setdefault(source, claim.compared())  # type: ignore[arg-type]
    return {item: by_source for item, by_source in votes.items() if len(by_source) >= 2}


def _consensus(intervals: list[tuple[float, float]], weights: list[float]) -> float | None:
    """The value covered by the most weight; None when sources that disagree weigh the same (undecided)."""
    candidates = sorted({low for low, _ in intervals} | {high for _, high in intervals if math.isfinite(high)})
    support = {v: sum(w for (lo, hi), w in zip(intervals, weights, strict=True) if lo <= v <= hi) for v in candidates}
    best = max(support.values())
    tops = [v for v in candidates if support[v] >= best - 1e-9]
    covering = {tuple(lo <= v <= hi for lo, hi in intervals) for v in tops}
    return tops[0] if len(covering) == 1 else None


def _error(interval: tuple[float, float], value: float) -> float:
    low, high = interval
    if low <= value <= high:
        return 0.0
    distance = low - value if value < low else value - high
    return min(1.0, distance / max(value, 1.0))


def learn_weights(votes: dict[tuple, dict]) -> tuple[dict[str, float], dict[str, list[float]]]:
    """Iterate consensus and weights to a fixed point; return each source's weight and its errors."""
    sources = {s for by_source in votes.values() for s in by_source}
    weights = dict.fromkeys(sources, 1.0)
    errors: dict[str, list[float]] = {}
    for _ in range(ITERATIONS):
        errors = defaultdict(list)
        for by_source in votes.values():
            names = list(by_source)
            value = _consensus([by_source[n] for n in names], [weights[n] for n in names])
            if value is None:
                continue  # one against one with equal weight: nothing to learn about either
            for name in names:
                errors[name].append(_error(by_source[name], value))
        updated = {s: (1 + sum(1 - e for e in errors[s])) / (2 + len(errors[s])) for s in sources}
        if max((abs(updated[s] - weights[s]) for s in sources), default=0) < 1e-6:
            weights = updated
            break
        weights = updated
    return weights, errors


def _wilson(agreements: float, n: float) -> tuple[float, float]:
    """The 90 % Wilson interval of a share of ``agreements`` in ``n`` (which always holds the share itself; a share
    outside 0..1, from a prior on the wrong scale, is taken at the nearest bound: SV003 reports the rating)."""
    if n == 0:
        return 0.0, 1.0
    p = min(1.0, max(0.0, agreements / n))
    z2 = WILSON_Z ** 2
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    spread = WILSON_Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, min(p, centre - spread)), min(1.0, max(p, centre + spread))


class Priors(dict[str, tuple[float, str]]):
    """Outlet ratings, outlet -> (prior, note), with the file and the line each was read from (for messages)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path
        self.lines: dict[str, int] = {}


def load_priors(path: Path) -> Priors:
    """A CSV of outlet ratings: columns outlet, prior (0..1), note. Bad rows raise ValueError naming the line."""
    priors = Priors(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark, as spreadsheets save it, is fine
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"outlet", "prior"} <= {f.strip().lower() for f in reader.fieldnames}:
        raise ValueError(f"{path}:1: a priors file needs the columns outlet, prior, note")
    for row in reader:
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not row.get("outlet"):
            raise ValueError(f"{path}:{reader.line_num}: a row with no outlet")
        try:
            value = float(row["prior"])
        except ValueError:
            raise ValueError(f"{path}:{reader.line_num}: prior {row['prior']!r} is not a number") from None
        if not 0 <= value <= 1:
            raise ValueError(f"{path}:{reader.line_num}: prior {value} is not between 0 and 1")
        priors[row["outlet"]] = (value, row.get("note", ""))
        priors.lines[row["outlet"]] = reader.line_num
    return priors


@dataclass(frozen=True)
class UnusedPrior:
    """A prior rating given for an outlet that no article of the run is from: where it is, and a likely intended
    outlet (a close spelling), if any."""

    outlet: str
    line: int | None
    suggestion: str | None


def unused_priors(priors: dict[str, tuple[float, str]], outlets: Iterable[str]) -> list[UnusedPrior]:
    """The priors that rate no outlet of the run (ratings are matched to outlet names exactly), in file order."""
    known = sorted(set(outlets))
    lines = getattr(priors, "lines", {})
    unused = []
    for outlet in sorted(set(priors) - set(known), key=lambda o: (lines.get(o, 0), o)):
        close = process.extractOne(outlet, known, scorer=fuzz.ratio, processor=str.casefold,
                                   score_cutoff=UNUSED_PRIOR_SIMILARITY)
        unused.append(UnusedPrior(outlet, lines.get(outlet), close[0] if close else None))
    return unused


def score_sources(
    claims: list[Claim],
    articles: list[Article],
    findings: list[Finding],
    priors: dict[str, tuple[float, str]] | None = None,
    running: frozenset[str] = frozenset(),
    unreconciled: Iterable[str] = (),
) -> list[SourceScore]:
    """Scores for every outlet and every speaker with figures, most reliable first within each level.

    ``findings`` are those that count against the outlets of their articles (internal contradictions,
    overstatements: the rules marked ``counts_against_outlet``); each lowers its outlets' scores. ``running``
    names the predicates of running counts (the taxonomy's tallies), compared day by day. ``unreconciled``
    names articles that contradict themselves inside a dispute between sources (one per contradiction), which
    count against their outlets as an internal-contradiction finding does.
    """
    by_id = {a.article_id: a for a in articles}
    copies = detect_copies(claims, by_id)
    internal: dict[str, int] = defaultdict(int)
    for article_id in [*(a for finding in findings for a in finding.article_ids), *unreconciled]:
        article = by_id.get(article_id)
        internal[(article.outlet if article and article.outlet else None) or article_id] += 1
    scores = []
    for level in ("outlet", "speaker"):
        _, errors = learn_weights(_votes(claims, level, by_id, copies, running))
        counted = defaultdict(list)
        for claim in claims:
            if claim.kind == "count":
                key = outlet_of(claim, by_id) if level == "outlet" else _source(claim, level, by_id)
                if key is not None:
                    counted[key].append(claim)
        for source, own in counted.items():
            scores.append(_score(source, level, own, errors.get(source, []), internal, copies, priors or {}))
    scores.sort(key=lambda s: (s.level != "outlet", -(s.score if s.score is not None else -1), s.source))
    return scores


def _score(source: str, level: str, own: list[Claim], errors: list[float], internal: dict[str, int],
           copies: Copies, priors: dict[str, tuple[float, str]]) -> SourceScore:
    compared = len(errors)
    agreements = sum(1 for e in errors if e == 0.0)
    # the range is of the same measure as the score (partial agreement counts in part), so it holds the score
    low, high = _wilson(sum(1 - e for e in errors), compared)
    unnamed = sum(1 for c in own if c.speaker_kind in ("outlet", "anonymous")) / len(own) if level == "outlet" else 0.0
    contradictions = internal.get(source, 0) if level == "outlet" else 0
    learned = (1 + sum(1 - e for e in errors)) / (2 + compared)
    penalty = (1 - 0.3 * unnamed) * (0.9 ** contradictions)
    score = learned * penalty if compared >= MIN_COMPARED else None
    low, high = low * penalty, high * penalty
    prior = priors.get(source) if level == "outlet" else None  # ratings are of outlets
    if prior is not None:  # the less evidence, the more the prior counts, in the score and in its range
        share = PRIOR_WEIGHT / (PRIOR_WEIGHT + compared)
        # the prior's own uncertainty: as wide as that of PRIOR_WEIGHT figures agreeing at its rate
        prior_low, prior_high = _wilson(PRIOR_WEIGHT * prior[0], PRIOR_WEIGHT)
        score = (1 - share) * learned * penalty + share * prior[0]
        low, high = (1 - share) * low + share * prior_low, (1 - share) * high + share * prior_high
    copied = sorted(copies.copied_by.get(source, ())) if level == "outlet" else []
    reasons = _reasons(agreements, compared, unnamed, contradictions, copied, prior, level, len(own))
    return SourceScore(
        source=source, level=level, score=None if score is None else round(score, 3),
        score_low=round(low, 3), score_high=round(high, 3), n_claims=len(own),
        n_compared=compared, agreement=round(agreements / compared, 3) if compared else None,
        anonymous_share=round(unnamed, 3), findings=contradictions, copies_of=copied,
        prior=prior[0] if prior else None, reasons=reasons,
    )


def _reasons(agreements: int, compared: int, unnamed: float, contradictions: int, copied: list[str],
             prior: tuple[float, str] | None, level: str, n_claims: int) -> str:
    parts = []
    if compared:
        parts.append(f"agreed with the consensus on {agreements} of {compared} independently reported figures")
    else:
        parts.append("its only figure could not be compared with an independent source" if n_claims == 1 else
                     f"none of its {n_claims} figures could be compared with an independent source")
    if compared < MIN_COMPARED and not prior:
        parts.append("not enough evidence for a score")
    elif compared < MIN_COMPARED and compared:
        parts.append("too little evidence of its own for a score: it is mostly the prior")
    if level == "outlet" and unnamed:
        parts.append(f"{unnamed:.0%} of its figures have no named source")
    if contradictions:
        parts.append(f"{contradictions} internal contradiction{'s' if contradictions > 1 else ''} or headline "
                     "overstatement" + ("s" if contradictions > 1 else ""))
    if copied:
        parts.append(f"copies passages from {', '.join(copied)} (counted once)")
    if prior:
        given = "blended in" if compared else "is the only evidence"
        parts.append(f"prior rating {prior[0]:.2f} {given}, weighing as {PRIOR_WEIGHT} figures"
                     + (f" ({prior[1]})" if prior[1] else ""))
    return "; ".join(parts)
