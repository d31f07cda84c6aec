"""Fuzz targets past ingest: the extractor, event resolution, every check, every renderer, the ledger and the packs.

Inputs are seeded mutations of the sentences of our own example corpus (claims/corpus), with hostile names,
outlets and titles, long lists of figures and the hazards of ``fuzz_harness``. Properties for every input:
nothing raises; findings per article stay within the documented bound (one per figure, one per article and
quantity, one per disputed quantity); no format prints a raw terminal escape or lets a field from input start a
line of output; a ledger scanned from the input reports what a direct run reports; a pack pattern is either
refused when loaded or matches an ordinary sentence at once.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import date
from pathlib import Path

import pytest
from fuzz_harness import HAZARDS, SEEDS, fuzz_call, fuzz_settings, mutants, scratch_folder
from hypothesis import given
from hypothesis import strategies as st

from checker.knowledge import Knowledge
from checker.lang import DataFileError, load_pack
from checker.model import Article
from checker.pipeline import analyse
from checker.render import RENDERERS, RenderOptions

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "claims" / "corpus"
KNOWLEDGE = Knowledge.load()
RENDER_EVERY = 5  # every fifth input is also rendered in every format (rendering is most of an input's time)
FORGED = "::error title=fuzz::forged"


def _example_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(EXAMPLES.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        paragraphs += [p.strip() for p in body.split("\n\n") if len(p.strip()) > 40]
    return paragraphs


PARAGRAPHS = _example_paragraphs()
NAMES = ["Harbor Ledger", f"Desk\n{FORGED}", "\x1b[2J\x1b]8;;https://evil.example\x07x", "[bold]Loud[/bold]",
         "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "", " ", "\u202eevil", "a" * 300]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str, str]:
    """(text, outlet, title): paragraphs of the example corpus, shuffled, with hazards and a list of figures."""
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6))
    extra = draw(st.lists(st.sampled_from(HAZARDS), max_size=6))
    figures = draw(st.integers(0, 40))
    listing = ("Officials said " + ", ".join(f"{n * 37 % 997 + 2} rockets" for n in range(figures))
               + " were fired at the Green Zone.") if figures else ""
    text = "\n\n".join([*chosen, " ".join(extra), listing])
    return text, draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES))


def _article(text: str, outlet: str, title: str, index: int) -> Article | None:
    text = text.strip()
    if not text:
        return None
    return Article(article_id=f"fuzz-{index}", source_path=f"{outlet or 'x'}\n{FORGED}.md", text=text,
                   sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), outlet=outlet or None,
                   title=title or None, published=date(2020, 12, 21))


def _within_bound(result) -> None:
    figures = sum(claim.kind == "count" for claim in result.claims)
    quantities = len({(c.article_id, c.event_id, c.subject, c.predicate, c.population) for c in result.claims})
    assert len(result.findings) <= len(result.claims) + figures + 2 * quantities + 5


def _render_safely(result) -> None:
    for renderer in RENDERERS:
        text = renderer.render(result, RenderOptions(width=120, color=False))
        for control in ("\x1b", "\x07", "\x9b", "\x9d"):
            assert control not in text, (renderer.name, repr(control))
        assert not [line for line in text.splitlines() if line.lstrip(" │|>").startswith(FORGED)], renderer.name


@fuzz_settings(weight=0.4)
@given(articles(), articles(), SEEDS)
def test_fuzz_pipeline_extract_resolve_check_render(first: tuple, second: tuple, seed: int) -> None:
    """Two articles (so that figures meet across articles), each mutated: analyse them, bound the findings, and
    render every few inputs in every format."""
    for index, (text_a, text_b) in enumerate(zip(mutants(first[0], seed), mutants(second[0], seed + 1),
                                                 strict=True)):
        found = [a for a in (_article(text_a, first[1], first[2], 0), _article(text_b, second[1], second[2], 1))
                 if a is not None]
        if not found:
            continue
        result = fuzz_call("pipeline.analyse", analyse, found, None, None, KNOWLEDGE, shown=(text_a, text_b))
        _within_bound(result)
        if index % RENDER_EVERY == 0:
            fuzz_call("pipeline.render", _render_safely, result, shown=(text_a, text_b))


@fuzz_settings(weight=0.05)
@given(articles(), SEEDS)
def test_fuzz_pipeline_ledger_scan_rescan_and_report(article: tuple, seed: int) -> None:
    """Scan an input into a ledger, scan it again, and report from the ledger: what a direct run reports."""
    from checker.ledger import report_from, scan

    with scratch_folder() as folder:
        for index, text in enumerate(mutants(article[0], seed, count=2)):
            path = Path(folder) / f"story-{index}.md"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            ledger = Path(folder) / "ledger.duckdb"
            fuzz_call("ledger.scan", scan, ledger, [folder], None, None, 200, KNOWLEDGE, shown=text)
            fuzz_call("ledger.rescan", scan, ledger, [folder], None, None, 200, KNOWLEDGE, shown=text)
            stored = fuzz_call("ledger.report", report_from, ledger, shown=text)
            _within_bound(stored)


PATTERN_PIECES = ["a", "(a|a)", "(\\w+\\s?)", "\\s*", "\\w+", "[a-z]", "(?:x|y)", "+", "*", "?", "{0,4}", "{2,40}",
                  "(", ")", "|", "\\b", ".", "!", "later", "(?:", "\\d+"]


@fuzz_settings(weight=0.5)
@given(st.lists(st.sampled_from(PATTERN_PIECES), min_size=1, max_size=12).map("".join))
def test_fuzz_pipeline_pack_patterns_are_refused_or_fast(pattern: str) -> None:
    """A pack pattern from a pull request: refused when loaded (with file and line), or quick on a sentence."""
    try:
        re.compile(pattern)
    except re.error:
        return
    with scratch_folder() as folder:
        (Path(folder) / "en").mkdir()
        yaml_pattern = pattern.replace("'", "''")
        (Path(folder) / "en" / "speakers.yaml").write_text(f"patterns:\n  anonymity_clause: '{yaml_pattern}'\n",
                                                           encoding="utf-8")
        loaded = fuzz_call("packs.load", load_pack, "en", [Path(folder)], answers=(DataFileError,), shown=pattern)
    if isinstance(loaded, DataFileError):
        assert ":2: patterns.anonymity_clause:" in str(loaded)
        return
    compiled = re.compile(pattern)
    sentence = "The ministry said the toll rose to 34 on Tuesday and will be updated later " * 4 + "a" * 30
    started = time.process_time()  # CPU time: a busy machine's waits for a core are not the pattern's (issue 21)
    fuzz_call("packs.match", compiled.search, sentence, shown=pattern)
    assert time.process_time() - started < 1.0, pattern


@pytest.mark.parametrize("count", [300])
def test_fuzz_pipeline_many_figures_in_one_sentence_stay_within_bound(count: int) -> None:
    """The regression of issue 20: hundreds of counts in one sentence once gave a finding for every pair."""
    listing = "Officials said " + ", ".join(f"{n * 37 % 997 + 2} rockets" for n in range(count)) + " were fired."
    article = _article(f"Rockets hit the Green Zone\n\n{listing}", "Desk", "Rockets hit the Green Zone", 0)
    assert article is not None
    result = analyse([article], knowledge=KNOWLEDGE)
    _within_bound(result)
    assert sum(f.code == "CC101" for f in result.findings) <= 1
