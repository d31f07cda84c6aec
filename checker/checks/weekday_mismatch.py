"""Check type ``weekday_mismatch``: a weekday stated with a date that falls on another day ("Monday, Dec. 20, 2020")."""

from __future__ import annotations

import calendar
import re
from functools import cache

from checker.checks.base import CheckData, CheckParams, Draft, Drafts
from checker.extract.dates import find_dates
from checker.resources import load_lexicon

FIELDS = {"date", "stated", "actual", "article", "text"}


@cache
def _weekday_name() -> re.Pattern[str]:
    names = list(calendar.day_name) + [name for name in load_lexicon("dates").get("weekday_abbreviations", {})]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


_DAY_NUMBER = re.compile(r"\d")
WINDOW = 60  # characters after a weekday name in which a date may follow ("Sunday, Dec. 20, 2020")


def run(data: CheckData, params: CheckParams) -> Drafts:
    for article in data.articles:
        for weekday in _weekday_name().finditer(article.text):
            start = weekday.start()
            window = article.text[start:start + WINDOW]
            if not _DAY_NUMBER.search(window):
                continue  # "on Sunday" alone states no date to disagree with
            for mention in find_dates(window, article.published):
                if mention.start != 0 or mention.weekday is None or mention.low is None or mention.low != mention.high:
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
                        key=f"{article.article_id}:{start}",
                        spans=[(article.article_id, start + mention.start, start + mention.end)],
                    )
