"""Event clustering: the same attack across articles is one event; the same place on other dates is not."""

from __future__ import annotations

from datetime import date

from checker.events import cluster_events
from checker.model import Claim


def claim(claim_id: str, article: str, day: date | None, *, place: str = "Green Zone", high: date | None = None,
          event_type: str | None = "rocket attack") -> Claim:
    return Claim(claim_id=claim_id, article_id=article, kind="count", value_low=1, value_high=1, subject="rocket",
                 predicate="fired", event_type=event_type, place=place, event_date_low=day,
                 event_date_high=high or day)


def test_events_same_attack_in_two_articles_is_one_event() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20))]
    events = cluster_events(claims)
    assert len(events) == 1 and events[0].article_ids == ["a", "b"]
    assert claims[0].event_id == claims[1].event_id == "rocket-attack@green-zone@2020-12-20"


def test_events_same_place_other_dates_are_other_events() -> None:
    days = [date(2019, 5, 19), date(2020, 3, 5), date(2020, 12, 20), date(2021, 2, 22)]
    claims = [claim(f"x{i}:1", f"x{i}", day) for i, day in enumerate(days)]
    assert len(cluster_events(claims)) == 4


def test_events_other_place_same_day_is_another_event() -> None:
    claims = [claim("a:1", "a", date(2021, 2, 15), place="Erbil"), claim("b:1", "b", date(2021, 2, 15))]
    assert len(cluster_events(claims)) == 2


def test_events_open_date_joins_the_one_event_its_article_names() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", None)]
    cluster_events(claims)
    assert claims[1].event_id == claims[0].event_id


def test_events_open_date_stays_apart_when_its_article_names_two_events() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", date(2021, 2, 22)), claim("a:3", "a", None)]
    cluster_events(claims)
    assert claims[2].event_id not in {claims[0].event_id, claims[1].event_id}


def test_events_open_date_from_another_article_never_joins() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", None)]
    cluster_events(claims)
    assert claims[1].event_id != claims[0].event_id


def test_events_month_wide_date_joins_the_one_anchored_event_it_contains() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)),
              claim("b:1", "b", date(2020, 12, 1), high=date(2020, 12, 31))]
    cluster_events(claims)
    assert claims[1].event_id == claims[0].event_id
