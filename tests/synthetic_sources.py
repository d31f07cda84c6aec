"""Synthetic corpora with known truth, for testing and benchmarking source reliability.

N events, each with a true count; sources that err at known rates; sources that give only
lower bounds; and copiers that reprint another source's sentence (and figure) when it has one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from checker.model import Article, Claim

FILLER = ["in the early hours", "near the main gate", "according to its count", "after a night of alarms",
          "as crews inspected the damage", "before dawn", "while the area was closed", "said in a report"]


@dataclass
class SyntheticCorpus:
    articles: list[Article]
    claims: list[Claim]
    error_rates: dict[str, float]


def synthetic_corpus(events: int, error_rates: dict[str, float], copiers: dict[str, str] | None = None,
                     lower_bound_sources: frozenset[str] = frozenset(), report_rate: float = 0.85,
                     seed: int = 1) -> SyntheticCorpus:
    rng = random.Random(seed)
    copiers = copiers or {}
    articles: list[Article] = []
    claims: list[Claim] = []
    start = date(2020, 1, 1)
    for event in range(events):
        truth = rng.randint(5, 40)
        day = start + timedelta(days=3 * event)
        event_id = f"rocket-attack@zone-{event % 7}@{day}"
        said: dict[str, tuple[str, float, float]] = {}
        for source, error in error_rates.items():
            if source in copiers or rng.random() > report_rate:
                continue
            value = truth if rng.random() >= error else max(0, truth + rng.choice([-1, 1]) * rng.randint(3, 12))
            low, high = float(value), float(value)
            if source in lower_bound_sources:
                low, high = float(max(0, value - rng.randint(0, 3))), float("inf")
            sentence = (f"{source} counted {'at least ' if high == float('inf') else ''}{int(low)} rockets fired "
                        f"at zone {event % 7} {rng.choice(FILLER)}, {rng.choice(FILLER)}.")
            said[source] = (sentence, low, high)
        for copier, original in copiers.items():
            if original in said and rng.random() < 0.9:
                sentence, low, high = said[original]
                said[copier] = (sentence.replace(" counted", " has counted"), low, high)  # a reprint, barely edited
            elif rng.random() <= report_rate:
                value = truth if rng.random() >= error_rates.get(copier, 0.3) else truth + rng.randint(3, 12)
                said[copier] = (f"{copier} counted {value} rockets fired at zone {event % 7}.", float(value), float(value))
        for source, (sentence, low, high) in said.items():
            article_id = f"{source}-{event}"
            delay = 1 if source in copiers else 0  # reprints come out later
            articles.append(Article(article_id=article_id, source_path=f"synthetic/{article_id}.txt", text=sentence,
                                    sha256="0" * 64, outlet=source, published=day + timedelta(days=delay)))
            claims.append(Claim(claim_id=f"{article_id}:1", article_id=article_id, kind="count", value_low=low,
                                value_high=high, value_kind="lower" if high == float("inf") else "exact",
                                subject="rocket", predicate="fired", event_type="rocket attack",
                                place=f"zone {event % 7}", event_date_low=day, event_date_high=day,
                                speaker=source, speaker_kind="outlet", sentence=sentence, event_id=event_id))
    return SyntheticCorpus(articles, claims, dict(error_rates))


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    return cov / ((sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5)
