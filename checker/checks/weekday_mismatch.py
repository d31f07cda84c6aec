"""Check type ``weekday_mismatch``: a weekday stated with a date that falls on another day ("Monday, Dec. 20, 2020")."""

from __future__ import annotations

import calendar
import re
from functools import cache

from checker.checks.base import CheckData, Draft, Drafts
from checker.extract.dates import find_dates
from checker.extract.sentences import split_sentences
from checker.resources import load_lexicon

PARAMS: dict = {}
FIELDS = {"date", "stated", "actual", "article", "text"}


@cache
def _weekday_name() -> re.Pattern[str]:
    names = list(calendar.day_name) + [name for name in load_lexicon("dates").get("weekday_abbreviations", {})]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def run(data: CheckData, params: dict) -> Drafts:
    for article in data.articles:
        if not _weekday_name().search(article.text):
            continue
        for sentence in split_sentences(article.text):
            if not _weekday_name().search(sentence.text):
                continue
            for mention in find_dates(sentence.text, article.published):
                if mention.weekday is None or mention.low is None or mention.low != mention.high:
                    continue
                if mention.low.weekday() != mention.weekday:
                    yield Draft(
                        values={
                            "date": mention.low.isoformat(),
                            "stated": calendar.day_name[mention.weekday],
                            "actual": calendar.day_name[mention.low.weekday()],
                            "article": article.article_id,
                            "text": mention.text,
                        },
                        claims=[],
                        key=f"{article.article_id}:{sentence.start + mention.start}",
                        spans=[(article.article_id, sentence.start + mention.start, sentence.start + mention.end)],
                    )
