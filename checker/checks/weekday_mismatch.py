"""Check type ``weekday_mismatch``: a weekday stated with a date that falls on another day ("Monday, Dec. 20, 2020").

It reads the date mentions extraction found: those that state a weekday with an explicit day.
"""

from __future__ import annotations

import calendar

from checker.checks.base import CheckData, CheckParams, Draft, Drafts

FIELDS = {"date", "stated", "actual", "article", "text"}


def run(data: CheckData, params: CheckParams) -> Drafts:
    for mention in data.mentions:
        if mention.kind != "date" or mention.weekday is None or mention.date_low is None:
            continue
        if mention.date_low != mention.date_high or mention.date_low.weekday() == mention.weekday:
            continue
        yield Draft(
            values={
                "date": mention.date_low.isoformat(),
                "stated": calendar.day_name[mention.weekday],
                "actual": calendar.day_name[mention.date_low.weekday()],
                "article": mention.article_id,
                "text": mention.text,
            },
            claims=[],
            key=f"{mention.article_id}:{mention.start}",
            spans=[(mention.article_id, mention.start, mention.end)],
        )
