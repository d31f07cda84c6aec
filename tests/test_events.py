"""Event clustering: one real event across articles is one event; other dates, places or kinds of event are not."""

from __future__ import annotations

from datetime import date

from checker.events.cluster import EventClusterer
from checker.model import Claim
from tests.english import KNOWLEDGE

CLUSTERER = EventClusterer(KNOWLEDGE.gazetteer, KNOWLEDGE.taxonomy)


def claim(claim_id: str, article: str, day: date | None, *, place: str | None = "Green Zone", high: date | None = None,
          event_type: str | None = "rocket attack") -> Claim:
    return Claim(claim_id=claim_id, article_id=article, kind="count", value_low=1, value_high=1, subject="rocket",
                 predicate="fired", event_type=event_type, place=place, event_date_low=day,
                 event_date_high=high or day)


def cluster(claims: list[Claim], published: dict[str, date | None] | None = None):
    return CLUSTERER.cluster(claims, published)


def test_events_same_attack_in_two_articles_is_one_event() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20))]
    event_of, events = cluster(claims)
    assert len(events) == 1 and events[0].article_ids == ["a", "b"]
    assert event_of["a:1"] == event_of["b:1"] == "rocket-attack@green-zone@2020-12-20"


def test_events_clustering_leaves_the_claims_unchanged() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20))]
    cluster(claims)
    assert [c.event_id for c in claims] == [None, None]


def test_events_same_place_other_dates_are_other_events() -> None:
    days = [date(2019, 5, 19), date(2020, 3, 5), date(2020, 12, 20), date(2021, 1, 21), date(2021, 1, 26)]
    claims = [claim(f"x{i}:1", f"x{i}", day) for i, day in enumerate(days)]
    event_of, events = cluster(claims)
    assert len(events) == 5 and len(set(event_of.values())) == 5


def test_events_other_city_same_day_is_another_event() -> None:
    claims = [claim("a:1", "a", date(2021, 2, 15), place="Erbil"), claim("b:1", "b", date(2021, 2, 15))]
    assert len(cluster(claims)[1]) == 2


def test_events_a_place_and_the_city_it_lies_in_are_one_event() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", date(2020, 12, 20), place="Baghdad"),
              claim("c:1", "c", date(2020, 12, 20), place="Iraq")]
    event_of, events = cluster(claims)
    assert len(events) == 1 and events[0].place == "Green Zone"


def test_events_a_base_and_its_region_spelt_another_way_are_one_event() -> None:
    claims = [claim("a:1", "a", date(2021, 3, 3), place="Ain al-Asad"),
              claim("b:1", "b", date(2021, 3, 3), place="Al Anbar")]
    assert len(cluster(claims)[1]) == 1


def test_events_compatible_kinds_join_and_incompatible_ones_do_not() -> None:
    rockets = claim("a:1", "a", date(2021, 3, 3), place="Ain al-Asad")
    missiles = claim("b:1", "b", date(2021, 3, 3), place="Ain al-Asad", event_type="missile attack")
    flood = claim("c:1", "c", date(2021, 3, 3), place="Ain al-Asad", event_type="flood")
    event_of, events = cluster([rockets, missiles, flood])
    assert event_of["a:1"] == event_of["b:1"] != event_of["c:1"]


def test_events_open_date_joins_the_one_event_its_article_names() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", None)]
    event_of, _ = cluster(claims)
    assert event_of["a:2"] == event_of["a:1"]


def test_events_open_date_stays_apart_when_its_article_names_two_events() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("a:2", "a", date(2021, 2, 22)), claim("a:3", "a", None)]
    event_of, _ = cluster(claims)
    assert event_of["a:1"] != event_of["a:2"]
    assert event_of["a:3"] not in {event_of["a:1"], event_of["a:2"]}
    assert "a:3" in event_of  # placed in an event of its own, not dropped


def test_events_open_date_joins_the_one_event_on_record_before_its_publication() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", None)]
    event_of, _ = cluster(claims, {"a": date(2020, 12, 21), "b": date(2020, 12, 24)})
    assert event_of["b:1"] == event_of["a:1"]


def test_events_open_date_never_joins_an_event_after_its_publication() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("b:1", "b", None)]
    event_of, _ = cluster(claims, {"a": date(2020, 12, 21), "b": date(2020, 11, 2)})
    assert event_of["b:1"] != event_of["a:1"]


def test_events_open_date_stays_apart_when_two_recent_events_on_record_fit() -> None:
    claims = [claim("a:1", "a", date(2021, 2, 20)), claim("c:1", "c", date(2021, 2, 22)), claim("b:1", "b", None)]
    event_of, _ = cluster(claims, {"b": date(2021, 3, 1)})
    assert event_of["b:1"] not in {event_of["a:1"], event_of["c:1"]}


def test_events_open_date_joins_the_latest_event_when_it_is_clearly_the_latest() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 20)), claim("c:1", "c", date(2021, 2, 22)), claim("b:1", "b", None)]
    event_of, _ = cluster(claims, {"b": date(2021, 3, 1)})
    assert event_of["b:1"] == event_of["c:1"] != event_of["a:1"]


def test_events_month_wide_date_joins_the_one_anchored_event_it_contains() -> None:
    claims = [claim("a:1", "a", date(2020, 12, 1), high=date(2020, 12, 31)),
              claim("b:1", "b", date(2020, 12, 20))]
    event_of, _ = cluster(claims)
    assert event_of["a:1"] == event_of["b:1"]


def test_events_an_article_dated_only_by_its_year_joins_the_one_event_of_that_year() -> None:
    """"Last year's earthquake" in an article that dates nothing closer is the one quake of that year there."""
    quake = claim("a:1", "a", date(2010, 1, 12), place="Port-au-Prince", event_type="earthquake")
    recap = claim("b:1", "b", date(2010, 1, 1), high=date(2010, 12, 31), place="Port-au-Prince",
                  event_type="earthquake")
    event_of, _ = cluster([quake, recap])
    assert event_of["b:1"] == event_of["a:1"]


def test_events_a_year_stays_a_period_in_an_article_that_dates_its_own_event() -> None:
    """"This year, 40 rockets hit the base" beside a dated attack counts many attacks, never the dated one."""
    attack = claim("a:1", "a", date(2021, 3, 3), place="Ain al-Asad")
    period = claim("b:2", "b", date(2021, 1, 1), high=date(2021, 12, 31), place="Ain al-Asad")
    other = claim("b:1", "b", date(2021, 3, 3), place="Ain al-Asad")
    event_of, _ = cluster([attack, period, other])
    assert event_of["b:2"] != event_of["a:1"]


def test_events_an_article_naming_no_kind_of_event_joins_the_one_event_at_its_place() -> None:
    storm = claim("a:1", "a", date(2017, 9, 20), place="Puerto Rico", event_type="storm")
    toll = claim("b:1", "b", None, place="Puerto Rico", event_type=None)
    event_of, _ = cluster([storm, toll], {"a": date(2017, 9, 21), "b": date(2018, 9, 13)})
    assert event_of["b:1"] == event_of["a:1"]


def test_events_an_article_naming_no_kind_of_event_stays_apart_when_two_events_lie_there() -> None:
    """With no kind of event named, the latest of two is a guess: it stays an event of its own."""
    storm = claim("a:1", "a", date(2017, 9, 20), place="Puerto Rico", event_type="storm")
    quake = claim("c:1", "c", date(2018, 6, 1), place="Puerto Rico", event_type="earthquake")
    toll = claim("b:1", "b", None, place="Puerto Rico", event_type=None)
    event_of, _ = cluster([storm, quake, toll], {"a": date(2017, 9, 21), "c": date(2018, 6, 2),
                                                 "b": date(2018, 9, 13)})
    assert event_of["b:1"] not in {event_of["a:1"], event_of["c:1"]}


def test_events_undated_articles_of_the_same_weeks_on_one_event_at_one_place_are_one_event() -> None:
    """Three articles over a month on 'the spill' in the Gulf, none dating it: one event; one a year later is not."""
    claims = [claim(f"{a}:1", a, None, place="Gulf of Mexico", event_type="explosion") for a in "abcd"]
    published = {"a": date(2010, 5, 1), "b": date(2010, 5, 20), "c": date(2010, 6, 10), "d": date(2011, 6, 1)}
    event_of, _ = cluster(claims, published)
    assert event_of["a:1"] == event_of["b:1"] == event_of["c:1"] != event_of["d:1"]


def test_events_undated_articles_on_one_kind_of_event_in_a_country_stay_apart() -> None:
    """'A rocket attack in Iraq', undated, in two articles: a country holds too many such attacks to join them."""
    claims = [claim("a:1", "a", None, place="Iraq"), claim("b:1", "b", None, place="Iraq")]
    event_of, _ = cluster(claims, {"a": date(2021, 3, 1), "b": date(2021, 3, 5)})
    assert event_of["a:1"] != event_of["b:1"]


def test_events_a_quake_reported_from_two_towns_of_one_country_is_one_event() -> None:
    """A kind of event that strikes a whole region (a quake) reported on one day from two towns the gazetteer
    cannot place in a region is one event, named by their country; two rocket attacks on two towns are two."""
    quake = [claim("a:1", "a", date(2014, 8, 3), place="Qujing", event_type="earthquake"),
             claim("b:1", "b", date(2014, 8, 3), place="Zhaotong", event_type="earthquake")]
    event_of, events = cluster(quake)
    assert event_of["a:1"] == event_of["b:1"] and events[0].place == "China"
    attacks = [claim("a:1", "a", date(2014, 8, 3), place="Qujing"), claim("b:1", "b", date(2014, 8, 3), place="Zhaotong")]
    assert len(cluster(attacks)[1]) == 2


def test_events_a_years_wildfires_across_a_countrys_states_are_one_season_named_by_the_country() -> None:
    """Articles dating a bushfire season only by its year, from three states and a city of one country, report one
    season: one event, named by the country (never by the city, whose state the place data does not know). House
    fires of that year in two states stay apart."""
    year = dict(high=date(2019, 12, 31), event_type="wildfire")
    season = [claim("a:1", "a", date(2019, 1, 1), place="Australia", **year),
              claim("b:1", "b", date(2019, 1, 1), place="New South Wales", **year),
              claim("c:1", "c", date(2019, 1, 1), place="Queensland", **year),
              claim("d:1", "d", date(2019, 1, 1), place="Sydney", **year)]
    event_of, events = cluster(season)
    assert len(set(event_of.values())) == 1 and events[0].place == "Australia"
    fires = [claim("a:1", "a", date(2019, 1, 1), high=date(2019, 12, 31), place="New South Wales", event_type="fire"),
             claim("b:1", "b", date(2019, 1, 1), high=date(2019, 12, 31), place="Queensland", event_type="fire")]
    assert len(cluster(fires)[1]) == 2


def test_events_chinas_provinces_are_known_by_their_names() -> None:
    """The world data names China's provinces and regions with the words for their kind ("Gansu Sheng", "Ningxia
    Huizu Zizhiqu"): they are known as "Gansu" and "Ningxia", and Xizang as Tibet, regions of China."""
    gazetteer = KNOWLEDGE.gazetteer
    for name, region in [("Gansu", "Gansu"), ("Yunnan", "Yunnan"), ("Ningxia", "Ningxia"), ("Tibet", "Xizang"),
                         ("Inner Mongolia", "Nei Mongol")]:
        assert [(p.name, p.level) for p in gazetteer.candidates(name)] == [(region, 4)]
        assert gazetteer.country_of(region) == "China"


def test_events_a_spills_later_flow_figures_join_the_blast_that_began_it() -> None:
    """A rig blast on 20 April and, five weeks on, an article giving only the well's flow at the same place: the
    spill of that blast, not an event of its own."""
    blast = claim("a:1", "a", date(2010, 4, 20), place="Gulf of Mexico", event_type="explosion")
    flow = Claim(claim_id="b:1", article_id="b", kind="count", value_low=12000, value_high=19000, subject="flow rate",
                 predicate="measured", unit="barrels a day", measure_low=12000, measure_high=19000,
                 event_type="spill", place="Gulf of Mexico", event_date_low=date(2010, 5, 27),
                 event_date_high=date(2010, 5, 27))
    event_of, events = cluster([blast, flow])
    assert len(events) == 1 and event_of["a:1"] == event_of["b:1"]


def test_events_a_later_article_of_other_measures_stays_apart() -> None:
    """A storm's wind speed three weeks after another storm at the same place is no running measure of it: a
    speed, a distance or a depth never joins an earlier event on its own."""
    first = claim("a:1", "a", date(2020, 8, 27), place="Louisiana", event_type="storm")
    speed = Claim(claim_id="b:1", article_id="b", kind="count", value_low=100, value_high=100, subject="speed",
                  predicate="measured", unit="km/h", measure_low=160, measure_high=161, event_type="storm",
                  place="Louisiana", event_date_low=date(2020, 10, 9), event_date_high=date(2020, 10, 9))
    _, events = cluster([first, speed])
    assert len(events) == 2
