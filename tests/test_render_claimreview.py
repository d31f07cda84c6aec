"""ClaimReview a fact-checker can publish: only confirmed findings, the desk as author and publisher, the review's
url and date, a short claim, the real claimant, every appearance once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"
CONFLICT = "CC101-c498b1e332"  # the eight vs 21 rockets of claims/corpus (a dispute's finding id is stable)
BLAME = "CC102-a20c16c107"
URL = "https://desk.example/reviews/{finding_id}"


@pytest.fixture(autouse=True)
def _newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom folder whose configuration names the desk that publishes the reviews."""
    (tmp_path / "checker.toml").write_text('publisher = "Harbor Fact Desk"\nauthor = "Harbor Fact Desk"\n',
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def reviews(*args: str) -> list[dict]:
    result = invoke("claimreview", str(EXAMPLES), "--review-url", URL, *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_render_claimreview_candidates_are_listed_and_nothing_is_published_unconfirmed() -> None:
    result = invoke("claimreview", str(EXAMPLES))
    assert result.exit_code == 0
    assert {line.split()[0] for line in result.stdout.splitlines()} == {CONFLICT, BLAME}
    assert "confirm them with --confirm" in result.stderr
    assert "ClaimReview" not in result.stdout
    moved = invoke("report", str(EXAMPLES), "--format", "claimreview")
    assert moved.exit_code == 2 and "checker claimreview --confirm" in moved.stderr


def test_render_claimreview_only_the_confirmed_findings_are_written() -> None:
    [review] = reviews("--confirm", CONFLICT)
    assert review["identifier"] == CONFLICT
    assert len(reviews("--confirm", f"{CONFLICT},{BLAME}")) == 2


def test_render_claimreview_is_publishable() -> None:
    [review] = reviews("--confirm", CONFLICT, "--date", "2021-01-04")
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == f"https://desk.example/reviews/{CONFLICT}"
    assert review["author"] == {"@type": "Organization", "name": "Harbor Fact Desk"}
    assert review["publisher"] == {"@type": "Organization", "name": "Harbor Fact Desk"}
    assert review["datePublished"] == "2021-01-04"
    assert review["claimReviewed"] == "8 rockets fired at the Green Zone on 2020-12-20"
    assert len(review["claimReviewed"]) < 75
    assert review["reviewRating"]["alternateName"] == "Conflicting"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Iraqi military"
    urls = [work["url"] for work in item["appearance"]]
    assert len(urls) == len(set(urls)) == 3  # the Herald and the wire story in two papers: each once
    assert [work["publisher"]["name"] for work in item["appearance"]] == [
        "The Kestrel Valley Herald", "Millbrook Daily Sentinel", "Pinecrest Observer"]
    assert "Ashgrove Tribune" not in json.dumps(item)  # the article that contradicts the claim is not an appearance
    assert item["firstAppearance"]["datePublished"] == item["datePublished"] == "2020-12-20"
    assert item["firstAppearance"] == item["appearance"][0]
    assert reviews("--confirm", CONFLICT)[0]["datePublished"] == date.today().isoformat()


def test_render_claimreview_outlet_own_claim_is_attributed_to_the_outlet() -> None:
    [review] = reviews("--confirm", BLAME)
    author = review["itemReviewed"]["author"]
    assert author == {"@type": "Organization", "name": "The Kestrel Valley Herald"}  # the earliest to blame Iran
    assert "outlet" not in json.dumps(review["itemReviewed"]["author"]).lower()
    assert len(review["claimReviewed"]) < 75


def test_render_claimreview_confirmation_file_chooses_the_claim_url_and_words(_newsroom: Path) -> None:
    confirmed = _newsroom / "confirmed.yaml"
    confirmed.write_text(
        f"- finding: {CONFLICT}\n"
        "  reviewed: ashgrove-2020-12-24-centcom-21-rockets:3\n"
        "  url: https://desk.example/2021/01/green-zone-count\n"
        "  claim: 21 rockets hit the Green Zone on 20 December 2020\n"
        "  date: 2021-01-05\n", encoding="utf-8")
    [review] = reviews("--confirmations", str(confirmed))
    assert review["url"] == "https://desk.example/2021/01/green-zone-count"
    assert review["claimReviewed"] == "21 rockets hit the Green Zone on 20 December 2020"
    assert review["datePublished"] == "2021-01-05"
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "U.S. Central Command"}
    assert [w["publisher"]["name"] for w in review["itemReviewed"]["appearance"]] == ["Ashgrove Tribune"]


@pytest.mark.parametrize("args, message", [
    (["--confirm", "CC101-0000000000"], "CC101-0000000000: no such finding"),
    (["--confirm", "SR101-b4a48d7be9"], "not marked claimreview"),
    (["--confirm", CONFLICT, "--review-url", "javascript:alert(1)"], "must be an http(s) address"),
])
def test_render_claimreview_bad_confirmations_exit_2(args: list[str], message: str) -> None:
    result = invoke("claimreview", str(EXAMPLES), "--review-url", URL, *args)
    assert result.exit_code == 2 and message in result.stderr and not result.stdout.strip()


def test_render_claimreview_needs_a_publisher_and_a_url(_newsroom: Path) -> None:
    (_newsroom / "checker.toml").write_text("", encoding="utf-8")
    result = invoke("claimreview", str(EXAMPLES), "--review-url", URL, "--confirm", CONFLICT)
    assert result.exit_code == 2 and "publisher" in result.stderr
    no_url = invoke("claimreview", str(EXAMPLES), "--publisher", "Desk", "--confirm", CONFLICT)
    assert no_url.exit_code == 2 and "no URL for the review" in no_url.stderr


def test_render_claimreview_confirmation_file_mistake_names_file_and_line(_newsroom: Path) -> None:
    confirmed = _newsroom / "confirmed.yaml"
    confirmed.write_text(f"- {CONFLICT}\n- finding: {BLAME}\n  rating: false\n", encoding="utf-8")
    result = invoke("claimreview", str(EXAMPLES), "--review-url", URL, "--confirmations", str(confirmed))
    assert result.exit_code == 2 and f"{confirmed}:2: unknown key 'rating'" in result.stderr


def test_render_claimreview_no_text_closes_the_script_element_it_is_pasted_into() -> None:
    """ClaimReview is pasted into <script type="application/ld+json">: a title or outlet holding '</script>' is
    written with \\u003c, \\u003e and \\u0026, and reads back the same."""
    from hostile_records import hostile_run

    from checker.confirmations import Confirmation
    from checker.render.claimreview import render_claimreview
    from checker.taxonomy import Taxonomy

    payload = "T</script><script>alert(2)</script> & <!--"
    result = hostile_run(payload)
    text = render_claimreview(result, [Confirmation("CC101-1", url="https://desk.example/r")], "Desk", "Desk",
                              date(2021, 1, 5), Taxonomy.load())
    assert "<" not in text and ">" not in text and "&" not in text
    assert payload in json.dumps(json.loads(text), ensure_ascii=False)
