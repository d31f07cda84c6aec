"""Source reliability on synthetic corpora with known truth: ranking, copies, uncertainty, priors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.reliability import detect_copies, load_priors, score_sources
from tests.synthetic_sources import spearman, synthetic_corpus

ERRORS = {"Alder Post": 0.02, "Birch Wire": 0.08, "Cedar Daily": 0.15, "Dune Herald": 0.25, "Elm Courier": 0.35,
          "Fern Gazette": 0.45, "Grove Times": 0.55, "Hazel Tribune": 0.7}


def outlet_scores(corpus, **kwargs) -> dict:
    return {s.source: s for s in score_sources(corpus.claims, corpus.articles, [], **kwargs) if s.level == "outlet"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reliability_learned_scores_rank_sources_by_their_true_error(seed: int) -> None:
    corpus = synthetic_corpus(40, ERRORS, lower_bound_sources=frozenset({"Cedar Daily"}), seed=seed)
    scores = outlet_scores(corpus)
    names = sorted(ERRORS)
    rho = spearman([scores[n].score for n in names], [-ERRORS[n] for n in names])
    assert rho >= 0.9, {n: scores[n].score for n in names}


def test_reliability_copier_is_detected_and_does_not_raise_what_it_copies() -> None:
    without = outlet_scores(synthetic_corpus(30, ERRORS, seed=5))
    corpus = synthetic_corpus(30, {**ERRORS, "Ivy Reprints": 0.3}, copiers={"Ivy Reprints": "Grove Times"}, seed=5)
    copies = detect_copies(corpus.claims, {a.article_id: a for a in corpus.articles})
    assert copies.relations.get(("Ivy Reprints", "Grove Times"), 0) >= 10
    with_copier = outlet_scores(corpus)
    assert with_copier["Ivy Reprints"].copies_of == ["Grove Times"]
    assert with_copier["Grove Times"].score <= without["Grove Times"].score + 0.01


def test_reliability_little_evidence_gives_no_number_and_a_wide_range() -> None:
    corpus = synthetic_corpus(2, {"Alder Post": 0.0, "Birch Wire": 0.0}, report_rate=1.0, seed=4)
    for score in outlet_scores(corpus).values():
        assert score.score is None and score.score_high - score.score_low > 0.35
        assert "not enough evidence" in score.reasons


def test_reliability_priors_are_blended_and_shown(tmp_path: Path) -> None:
    priors_file = tmp_path / "priors.csv"
    priors_file.write_text("outlet,prior,note\nHazel Tribune,0.9,house rating 2024\n", encoding="utf-8")
    priors = load_priors(priors_file)
    corpus = synthetic_corpus(40, ERRORS, seed=1)
    plain, blended = outlet_scores(corpus)["Hazel Tribune"], outlet_scores(corpus, priors=priors)["Hazel Tribune"]
    assert blended.prior == 0.9 and "prior rating 0.90" in blended.reasons
    assert plain.score < blended.score < 0.9


def test_reliability_bad_priors_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "priors.csv"
    bad.write_text("outlet,prior,note\nAlder Post,high,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="priors.csv:2"):
        load_priors(bad)
