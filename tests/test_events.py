"""Event clustering: the same attack across articles is one event; the same place on other dates is not."""

from __future__ import annotations

from datetime import date

from checker.events.cluster import cluster_events
from checker.model import Claim


def claim(claim_id: str, article: str, day: date | None, *, place: str = "Green Zone", high: date | None = None,
          event_type: str | None = "rocket attack") -> Claim:
    return Claim(claim_id=claim_id, article_id=article, kind="count", value_low=1, value_high=1, subject="rocket",
                 predicate="fired", event_type=event_type, place=place, event_date_low=day,
                 event_date_high=high or day)


def test_events_same_attack_in_two_articles_is_one_event() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20))]
    event_of, events = cluster_events(claims)
    assert len(events) == 1 and events[0].article_ids == ["a", "b"]
    assert event_of["a:1"] == event_of["b:1"] == "rocket-attack@green-zone@2020-12-20"


def test_events_clustering_leaves_the_claims_unchanged() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20))]
    cluster_events(claims)
    assert [c.event_id for c in claims] == [None, None]


def test_events_same_place_other_dates_are_other_events() -> None:
    days = [date(2019, 5, 19), date(2020, 3, 5), date(2020, 12, 20), date(2021, 2, 22)]
    claims = [claim(f"x{i}:1", f"x{i}", day) for i, day in enumerate(days)]
    event_of, events = cluster_events(claims)
    assert len(events) == 4 and len(set(event_of.values())) == 4


def test_events_other_place_same_day_is_another_event() -> None:
    claims = [claim("a:1", "a", date(2021, 2, 15), place="Erbil"), claim("b:1", "b", date(2021, 2, 15))]
    assert len(cluster_events(claims)[1]) == 2


def test_events_open_date_joins_the_one_event_its_article_names() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", None)]
    event_of, _ = cluster_events(claims)
    assert event_of["a:2"] == event_of["a:1"]


def test_events_open_date_stays_apart_when_its_article_names_two_events() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", date(2021, 2, 22)), claim("a:3", "a", None)]
    event_of, _ = cluster_events(claims)
    assert event_of["a:1"] != event_of["a:2"]
    assert event_of["a:3"] not in {event_of["a:1"], event_of["a:2"]}
    assert "a:3" in event_of  # placed in an event of its own, not dropped


def test_events_open_date_from_another_article_never_joins() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", None)]
    event_of, _ = cluster_events(claims)
    assert event_of["b:1"] is not None and event_of["b:1"] != event_of["a:1"]


def test_events_month_wide_date_joins_the_one_anchored_event_it_contains() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 1), high=date(2020, 12, 31)),
              claim("b:1", "b", date(2020, 12, 20))]
    event_of, _ = cluster_events(claims)
    assert event_of["a:1"] == event_of["b:1"]
