"""No text makes extraction or a whole report slower than linear (issue 13): 10 KB against 100 KB in one run.

A "sentence" longer than ``MAX_SENTENCE`` is read in pieces, so the work per sentence is bounded,
and the article-wide steps (places, parts of counts, line styles) walk each text once. Before
these fixes a long run of "21 rockets " grew 90-fold, a run of a city's name 95-fold.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from checker.extract.sentences import MAX_SENTENCE
from checker.knowledge import Knowledge
from checker.model import Article
from checker.pipeline import analyse
from tests.test_ingest_linear import LARGE, MAX_GROWTH, SMALL, measured_growth, repeated

PATTERNS = ["21 rockets ", "Baghdad ", "killed 3 and injured 4 ", "U.S. ", ".", "!?", "said Kirby, ", "on Monday ",
            '"a" ', "(", "the number of ", "Police said 8 people died, and 12 others were hurt. ",
            "BAGHDAD ", "at least 5 rockets hit the base on Monday, officials said; "]

_KNOWLEDGE = Knowledge.load()
_EXTRACTOR = _KNOWLEDGE.extractor("en")


def _article(text: str) -> Article:
    return Article(article_id="a", source_path="a.txt", text=text, sha256="0" * 64, outlet="Wire",
                   published=date(2021, 3, 4))


@pytest.mark.parametrize("unit", PATTERNS)
def test_extract_grows_linearly(unit: str) -> None:
    small, large = _article(repeated(unit, SMALL)), _article(repeated(unit, LARGE))
    growth = measured_growth(_EXTRACTOR.extract, small, large)
    assert growth < MAX_GROWTH, f"{unit!r}: 10x the text took {growth:.0f}x the time"


@pytest.mark.parametrize("unit", ["21 rockets ", "Police said 8 people died, and 12 others were hurt. "])
def test_report_grows_linearly(unit: str) -> None:
    small, large = [_article(repeated(unit, SMALL))], [_article(repeated(unit, LARGE))]
    growth = measured_growth(partial(analyse, knowledge=_KNOWLEDGE), small, large)
    assert growth < MAX_GROWTH, f"{unit!r}: 10x the text took {growth:.0f}x the time for a whole report"


def test_extract_long_sentence_is_read_in_pieces() -> None:
    sentence = "Officials said " + "21 rockets and " * 400 + "three drones were fired."
    claims = _EXTRACTOR.extract(_article(sentence)).claims
    assert len(claims) > 300  # every figure is still read
    assert all(c.end - c.start < MAX_SENTENCE for c in claims)
