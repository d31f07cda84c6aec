"""Source reliability on synthetic corpora with known truth: ranking, copies, uncertainty, priors."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import Finding
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


# --- from the command line, on real and example articles ----------------------------------------

import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from checker.cli import app  # noqa: E402
from tests.shared_data import SEEDS, require_seeds  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "claims" / "corpus"


def test_reliability_seed_table_is_honest_about_thin_evidence() -> None:
    require_seeds()
    result = CliRunner().invoke(app, ["report", str(SEEDS), "--format", "json", "--exit-zero"])
    sources = json.loads(result.stdout)["sources"]
    outlets = [s for s in sources if s["level"] == "outlet"]
    assert len(outlets) == 5 and all(s["score"] is None for s in outlets)  # five articles are thin evidence
    assert all(s["score_high"] - s["score_low"] >= 0.5 for s in outlets)
    headline = next(s for s in outlets if s["source"] == "002_57fbcdd92307802e")
    assert headline["findings"] == 1 and "headline overstatement" in headline["reasons"]  # the IC103 finding
    speakers = {s["source"]: s for s in sources if s["level"] == "speaker"}
    # 8 against 21, one source each and nothing else to weigh them: undecided, so neither is marked down
    for side in ("U.S. Central Command", "Iraqi military"):
        assert speakers[side]["score"] is None and speakers[side]["n_compared"] == 0


def test_reliability_wire_copy_is_shown_in_the_sources_table() -> None:
    result = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--format", "json"])
    pinecrest = next(s for s in json.loads(result.stdout)["sources"] if s["source"] == "Pinecrest Observer")
    assert pinecrest["copies_of"] == ["Millbrook Daily Sentinel"] and "counted once" in pinecrest["reasons"]


def test_reliability_sources_csv_and_terminal(tmp_path: Path) -> None:
    as_csv = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and {"source", "level", "score", "reasons"} <= set(rows[0])
    table = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--output", str(tmp_path / "sources.txt")])
    assert table.exit_code == 0 and "not enough evidence" in (tmp_path / "sources.txt").read_text(encoding="utf-8")


def test_reliability_bad_priors_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "ratings.csv"
    bad.write_text("outlet,prior\nAshgrove Tribune,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--priors", str(bad)])
    assert result.exit_code == 2 and "ratings.csv:2" in result.stderr


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), rounds=st.integers(1, 12),
       priors=st.dictionaries(st.sampled_from([*sorted(ERRORS), "Lone Gazette", "Absent Outlet"]), st.floats(0, 1),
                              max_size=4),
       contradicted=st.lists(st.sampled_from(sorted(ERRORS)), max_size=4))
def test_reliability_every_score_lies_inside_its_own_range(seed: int, rounds: int, priors: dict[str, float],
                                                          contradicted: list[str]) -> None:
    """Whatever the evidence, the penalties and the priors a desk gives (for outlets with many, few or no compared
    figures, or none at all), a source's score is inside the range it shows, and a prior never hides its
    uncertainty behind a range of one value."""
    corpus = synthetic_corpus(rounds, ERRORS, lower_bound_sources=frozenset({"Cedar Daily"}), seed=seed)
    lone = synthetic_corpus(1, {"Lone Gazette": 0.0}, report_rate=1.0, seed=seed)  # an event no one else reports
    corpus.articles += lone.articles
    corpus.claims += [replace(claim, event_id="lone-event") for claim in lone.claims]
    published = {a.outlet: a.article_id for a in corpus.articles}
    findings = [Finding(finding_id=f"IC101-{i}", code="IC101", rule="numbers.unreconciled_figures",
                        severity="warning", message="", article_ids=[published[outlet]])
                for i, outlet in enumerate(contradicted) if outlet in published]
    ratings = {outlet: (value, "") for outlet, value in priors.items()}
    for score in score_sources(corpus.claims, corpus.articles, findings, priors=ratings):
        assert 0 <= score.score_low <= score.score_high <= 1, score
        if score.score is not None:
            assert score.score_low <= score.score <= score.score_high, score
        if score.prior is not None:
            assert score.score is not None and score.score_high - score.score_low >= 0.05, score


def test_reliability_score_follows_the_readme_formula() -> None:
    """The README's worked example: own-voice figures holding the consensus on 3 of 3 score (1 + 3) / (2 + 3) x 0.7
    = 0.56; a prior of 0.9 counts as 2 figures: 0.6 x 0.56 + 0.4 x 0.9 = 0.70."""
    corpus = synthetic_corpus(3, {"Alder Post": 0.0, "Birch Wire": 0.0, "Cedar Daily": 0.0}, report_rate=1.0, seed=3)
    plain = outlet_scores(corpus)["Alder Post"]
    assert (plain.n_compared, plain.score, plain.anonymous_share) == (3, 0.56, 1.0)
    rated = outlet_scores(corpus, priors={"Alder Post": (0.9, "")})["Alder Post"]
    assert rated.score == pytest.approx(0.6 * 0.56 + 0.4 * 0.9, abs=0.001)


def test_reliability_a_prior_with_no_comparisons_shows_its_uncertainty(tmp_path: Path) -> None:
    """Ashgrove Tribune's figures are compared with no one in the example corpus: its score is the prior, and its
    range is the prior's own (as 2 figures at its rate), not a range of one value."""
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("outlet,prior,note\nAshgrove Tribune,0.7,house rating\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--priors", str(ratings), "--format", "json"])
    ashgrove = next(s for s in json.loads(result.stdout)["sources"] if s["source"] == "Ashgrove Tribune")
    assert ashgrove["n_compared"] == 0 and ashgrove["score"] == 0.7
    assert (ashgrove["score_low"], ashgrove["score_high"]) == (0.219, 0.951)
    assert "prior rating 0.70 is the only evidence" in ashgrove["reasons"]
    text = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--priors", str(ratings)]).stdout
    assert "range: 0.22-0.95" in text and "0.70-0.70" not in text


def test_reliability_a_prior_for_an_outlet_never_read_is_a_warning(tmp_path: Path) -> None:
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("outlet,prior,note\nAshgrove Tribune,0.7,\nkestrel valley herald,0.8,\nThe Daily Planet,0.5,\n",
                       encoding="utf-8")
    result = CliRunner().invoke(app, ["sources", str(EXAMPLES), "--priors", str(ratings)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2, result.stderr
    assert f"{ratings}:3 (--priors)" in warnings[0] and "'kestrel valley herald' is not used" in warnings[0]
    assert "did you mean 'The Kestrel Valley Herald'?" in warnings[0]
    assert f"{ratings}:4" in warnings[1] and "'The Daily Planet'" in warnings[1] and "did you mean" not in warnings[1]
    config = tmp_path / "checker.toml"
    config.write_text('priors = "ratings.csv"\n', encoding="utf-8")
    from_config = CliRunner().invoke(app, ["report", str(EXAMPLES), "--config", str(config), "--exit-zero"])
    assert f"(priors in {config})" in from_config.stderr and "'The Daily Planet'" in from_config.stderr
    used = tmp_path / "used.csv"
    used.write_text("outlet,prior,note\nAshgrove Tribune,0.7,\n", encoding="utf-8")
    assert "warning" not in CliRunner().invoke(app, ["sources", str(EXAMPLES), "--priors", str(used)]).stderr
