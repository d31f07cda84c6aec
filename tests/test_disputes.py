"""Disputes, not pairs: one finding per disputed quantity of an event, with every position, who stated it and when.

The articles are written here, in our own words, about made-up events in real places.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Article
from checker.pipeline import analyse
from checker.render import View, renderer_for
from checker.render.markdown import SUMMARY_LIMIT, render_markdown
from checker.result import RunResult


def article(article_id: str, outlet: str, published: str, text: str) -> Article:
    import hashlib

    return Article(article_id=article_id, source_path=f"{article_id}.md", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), outlet=outlet, title=text.splitlines()[0],
                   published=date.fromisoformat(published))


def story(name: str, number: int, published: str, headline: str, body: str) -> Article:
    """One short article of a desk of its own: ``name`` and ``number`` make its id, its outlet "Desk <number>"."""
    return article(f"{name}{number}", f"Desk {number}", published, f"{headline}\n\n{body}\n")


def found(articles: list[Article], code: str) -> list:
    """The findings of one rule on a run over ``articles``."""
    return [f for f in analyse(articles).findings if f.code == code]


def rocket_story(index: int, figure: str, speaker: str) -> Article:
    """One outlet's short story of a rocket attack on Baghdad's Green Zone on 20 December 2020."""
    text = (f"Rockets hit Baghdad's Green Zone\n\n"
            f"{figure.capitalize()} rockets were fired at Baghdad's Green Zone on Sunday, {speaker} said on Sunday.\n")
    return article(f"story-{index}", f"Outlet {index}", "2020-12-20", text)


def conflicts(result: RunResult) -> list:
    return [f for f in result.findings if f.code == "CC101"]


def test_disputes_many_outlets_one_dispute_with_both_positions() -> None:
    """Twenty outlets carrying either the military's eight or the command's 21 make one CC101, not a hundred."""
    stories = [rocket_story(i, "eight", "the Iraqi military") for i in range(10)]
    stories += [rocket_story(10 + i, "21", "U.S. Central Command") for i in range(10)]
    result = analyse(stories)
    (finding,) = conflicts(result)
    (dispute,) = result.disputes
    assert finding.dispute_id == dispute.dispute_id
    figures = {p["value_text"]: p for p in dispute.positions}
    assert set(figures) == {"8", "21"}
    assert figures["8"]["speakers"] == ["Iraqi military"] and len(figures["8"]["outlets"]) == 10
    assert figures["21"]["first_stated"] == "2020-12-20"
    assert "8 (Iraqi military; 10 outlets" in finding.message and "21 (U.S. Central Command; 10 outlets" in finding.message


def test_disputes_copies_of_one_wire_story_count_once() -> None:
    """Three outlets printing one wire sentence word for word are one independent source for its figure."""
    wire = [rocket_story(i, "eight", "the Iraqi military") for i in range(3)]
    result = analyse([*wire, rocket_story(9, "21", "U.S. Central Command")])
    eight = next(p for p in result.disputes[0].positions if p["value_text"] == "8")
    assert len(eight["outlets"]) == 3 and eight["independent"] == 1
    assert "3 outlets, 1 independent" in conflicts(result)[0].message


def test_disputes_id_survives_a_rerun_with_more_articles() -> None:
    """A desk's suppression or confirmation names the finding; adding articles to the record keeps its id."""
    first = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command")])
    later = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command"),
                     rocket_story(2, "21", "U.S. Central Command")])
    assert conflicts(first)[0].finding_id == conflicts(later)[0].finding_id
    assert first.disputes[0].dispute_id == later.disputes[0].dispute_id


def toll_story(index: int, published: str, sentence: str) -> Article:
    text = f"Flooding in Derna\n\n{sentence}\n"
    return article(f"toll-{index}", f"Desk {index}", published, text)


def test_disputes_running_toll_days_apart_is_a_timeline_not_a_conflict() -> None:
    """35 dead on Tuesday from one body and 90 on Friday from another: the toll moved, nobody contradicts anyone."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 35 people, the Red Crescent said."),
        toll_story(1, "2023-09-15", "The floods in Derna on Sunday killed 90 people, the health ministry said."),
    ])
    assert conflicts(result) == [] and result.disputes == []


def test_disputes_running_toll_same_day_from_two_bodies_is_a_dispute() -> None:
    """The same two figures given on one day are a dispute."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 35 people, the Red Crescent said."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 90 people, the health ministry said."),
    ])
    (finding,) = conflicts(result)
    assert result.disputes[0].running


def test_disputes_a_toll_said_days_before_its_article_is_compared_as_of_that_day() -> None:
    """Published the same day, but one toll is the Red Crescent's of the Tuesday before ('said on Tuesday'): 35 then
    and 90 on Friday is the toll moving, not a dispute."""
    result = analyse([
        toll_story(0, "2023-09-15", "The floods in Derna on Sunday killed 35 people, the Red Crescent said on Tuesday."),
        toll_story(1, "2023-09-15", "The floods in Derna on Sunday killed 90 people, the health ministry said."),
    ])
    assert conflicts(result) == []


def test_disputes_one_bodys_rising_toll_is_its_timeline() -> None:
    """One ministry's 80, then 113, then 135 over two days is a revision each time (CC104), never a conflict."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 80 people, the health ministry said."),
        toll_story(1, "2023-09-13", "The floods in Derna on Sunday killed 113 people, the health ministry said."),
        toll_story(2, "2023-09-14", "The floods in Derna on Sunday killed 135 people, the health ministry said."),
    ])
    assert conflicts(result) == []
    revisions = [f for f in result.findings if f.code == "CC104"]
    assert len(revisions) == 2 and all("health ministry revised" in f.message for f in revisions)


def test_disputes_one_revision_told_by_many_articles_is_one_finding() -> None:
    """The ministry's 81 cut to 78, told by three articles, one of them in "78 and not 81" words, is one revision;
    the 81 a later article recalls as replaced is never a revision back from 78 to 81."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 81 people, the health ministry said."),
        toll_story(1, "2023-09-13", "The health ministry said the floods in Derna on Sunday killed 78 people and "
                                    "not 81."),
        toll_story(2, "2023-09-14", "The health ministry said the floods in Derna on Sunday killed 78 people and "
                                    "not 81."),
    ])
    revisions = [f.message for f in result.findings if f.code == "CC104"]
    assert len(revisions) == 1 and "from 81 to 78" in revisions[0]


@pytest.mark.parametrize("first, then, step", [
    # the recalled 81 in the later article does not hide the step
    ("81", "The floods in Derna on Sunday killed 78 people, not 81,", "from 81 to 78"),
    # the step the later article tells, not also 57 to 64 from the chain of figures
    ("57", "The death toll from the floods in Derna on Sunday rose to 64 from 61,", "from 61 to 64"),
])
def test_disputes_a_revision_is_the_step_its_articles_tell(first: str, then: str, step: str) -> None:
    """One day's toll, then the next day's told with a figure it replaces: one step, as the articles tell it."""
    result = analyse([
        toll_story(0, "2023-09-12", f"The floods in Derna on Sunday killed {first} people, the health ministry said."),
        toll_story(1, "2023-09-13", f"{then} the health ministry said."),
    ])
    assert [f.message for f in result.findings if f.code == "CC104"] == [
        f"health ministry revised people killed in Darnah, Libya on 2023-09-10 {step}"]


def figure_of(result: RunResult, article_id: str, written: str):
    return next(c for c in result.claims if c.article_id == article_id and c.value_text == written)


def test_disputes_an_outlets_own_figure_another_article_credits_to_one_source_is_that_sources() -> None:
    """A wire story's "at least 52 people were killed", with no source named, carries the health ministry's 52 that
    two other stories credit to it: one source, three outlets, not an independent count; a figure two bodies gave
    stays the outlet's own."""
    def speakers(third: str) -> dict[str, str | None]:
        result = analyse([
            toll_story(0, "2023-09-12", "At least 52 people were killed by the floods in Derna on Sunday."),
            toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 52 people, the health ministry said."),
            toll_story(2, "2023-09-12", third),
        ])
        return {c.article_id: c.speaker for c in result.claims if c.kind == "count" and c.value_low == 52}

    assert speakers("The floods in Derna on Sunday killed 52 people, the health ministry said.")["toll-0"] == \
        "health ministry"
    assert speakers("The floods in Derna on Sunday killed 52 people, the Red Crescent said.")["toll-0"] == "Desk 0"
    # its own article names two sources of 52: the outlet carries neither, whatever the other articles say
    result = analyse([
        toll_story(0, "2023-09-12", "At least 52 people were killed by the floods in Derna on Sunday. The health "
                                    "ministry said 52 people died. The World Health Organization also put the toll "
                                    "at 52."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 52 people, the World Health Organization "
                                    "said."),
    ])
    assert figure_of(result, "toll-0", "At least 52").speaker == "Desk 0"
    # "more than 52" claims more than the ministry's 52: the outlet's own
    assert speakers("The floods in Derna on Sunday killed 52 people, the health ministry said.")["toll-0"] == \
        "health ministry"
    result = analyse([
        toll_story(0, "2023-09-12", "More than 52 people were killed by the floods in Derna on Sunday."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 52 people, the health ministry said."),
    ])
    assert figure_of(result, "toll-0", "More than 52").speaker == "Desk 0"


def test_disputes_a_figure_said_again_in_other_words_is_no_step_and_hides_none() -> None:
    """The ministry's 52, then "at least 52" the same day, then 97: one step from 52 to 97; "at least 52" is the
    52 said again, neither a step of its own nor a figure that hides the step after it."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 52 people, the health ministry said. "
                                    "At least 52 people were killed, the health ministry said on Tuesday."),
        toll_story(1, "2023-09-14", "The floods in Derna on Sunday killed 97 people, the health ministry said."),
    ])
    assert [f.message for f in result.findings if f.code == "CC104"] == [
        "health ministry revised people killed in Darnah, Libya on 2023-09-10 from 52 to 97"]


def many_disputes(events: int) -> RunResult:
    """``events`` made-up attacks on distinct days, each with two outlets disagreeing on the rockets fired."""
    stories = []
    for day in range(events):
        when = date(2020, 1, 1).toordinal() + day * 9
        published = date.fromordinal(when).isoformat()
        for side, (figure, speaker) in enumerate((("eight", "the Iraqi military"), ("21", "U.S. Central Command"))):
            text = (f"Rockets hit Baghdad's Green Zone\n\n{figure.capitalize()} rockets were fired at Baghdad's Green "
                    f"Zone today, {speaker} said.\n")
            stories.append(article(f"d{day}-{side}", f"Outlet {side}", published, text))
    return analyse(stories)


def test_disputes_markdown_summary_fits_a_comment_and_full_has_everything() -> None:
    result = many_disputes(200)
    assert len(result.disputes) == 200
    summary, full = render_markdown(result), render_markdown(result, full=True)
    assert len(summary) < SUMMARY_LIMIT < len(full)
    assert "`--full` gives everything" in summary  # what is left out is counted, never dropped silently
    assert full.count("| **rockets fired** (error) | 8 |") == 200


def test_disputes_findings_grow_with_disputes_not_pairs() -> None:
    """Ten times the outlets repeating the same two positions: still one finding for the dispute."""
    small = analyse([rocket_story(i, "eight" if i % 2 else "21", "the Iraqi military" if i % 2 else
                                  "U.S. Central Command") for i in range(4)])
    large = analyse([rocket_story(i, "eight" if i % 2 else "21", "the Iraqi military" if i % 2 else
                                  "U.S. Central Command") for i in range(40)])
    assert len(conflicts(small)) == len(conflicts(large)) == 1
    assert len(large.findings) <= len(small.findings) + 40  # per-article findings (sourcing) at most, never pairs


def test_disputes_github_annotates_each_position_in_its_own_file() -> None:
    result = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command")])
    lines = [line for line in renderer_for(View.report, "github").render(result).splitlines() if "CC101" in line]
    assert len(lines) == 2
    assert {line.split("file=")[1].split(",")[0] for line in lines} == {"story-0.md", "story-1.md"}
    assert "this position: 8 (Iraqi military)" in "".join(lines)


def test_disputes_text_report_shows_the_dispute_table(tmp_path: Path) -> None:
    for story in (rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command")):
        (tmp_path / f"{story.article_id}.md").write_text(
            f"---\noutlet: {story.outlet}\npublished: '{story.published}'\n---\n{story.text}", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--exit-zero"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "1 disputed figure" in result.output
    table = result.output[result.output.index("quantity"):]
    assert "rockets fired" in table and "Iraqi military" in table and "U.S. Central Command" in table
    document = CliRunner().invoke(app, ["report", str(tmp_path), "--format", "json", "--exit-zero"]).output
    assert json.loads(document)["disputes"][0]["quantity"] == "rockets fired"


def test_disputes_a_toll_the_record_says_rose_is_a_timeline_wherever_it_appears() -> None:
    """One story says the toll rose to 769 from 717; another, earlier, carried only the 717 and a third only the
    769. The record explains the difference: no dispute. A toll revised down stays a dispute (one was wrong)."""
    rose = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 717 people, officials said."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 769 people, the health ministry said."),
        toll_story(2, "2023-09-12", "The death toll from the floods in Derna on Sunday rose to 769 from 717, the "
                                    "health ministry said."),
    ])
    assert conflicts(rose) == []
    fell = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 288 people, officials said."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 275 people, the health ministry said."),
        toll_story(2, "2023-09-12", "The death toll from the floods in Derna on Sunday was revised to 275 from 288, "
                                    "the health ministry said."),
    ])
    assert len(conflicts(fell)) == 1


def test_disputes_an_article_contradicting_itself_inside_a_dispute_is_named_by_it() -> None:
    """An outlet that gives both sides' figures in its own voice, unreconciled, while two bodies disagree: CC101
    names the article as unreconciled, and no separate IC101 repeats the dispute."""
    mixed = article("mixed", "Mixed Desk", "2020-12-20",
                    "Rockets hit Baghdad's Green Zone\n\nEight rockets were fired at Baghdad's Green Zone on Sunday.\n"
                    "\nTwenty-one rockets were fired at Baghdad's Green Zone on Sunday.\n")
    result = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command"),
                      mixed])
    (finding,) = conflicts(result)
    assert "unreconciled within Mixed Desk" in finding.message
    assert [f for f in result.findings if f.code == "IC101"] == []
    assert result.disputes[0].unreconciled == ["mixed"]


def flood_story(index: int, published: str, sentence: str) -> Article:
    return article(f"flood-{index}", f"Wire {index}", published, f"Floods in Texas\n\n{sentence}\n")


def test_disputes_a_districts_figure_is_a_part_of_a_statewide_toll() -> None:
    """Floods across Texas: the state counts 40 dead while a sheriff counts 30 in one county and an official 4 in
    another. The county figures are parts of the state's toll, never a dispute with it."""
    result = analyse([
        flood_story(0, "2025-07-06", "The floods in Texas on Friday killed 40 people, the governor said."),
        flood_story(1, "2025-07-06", "Floods in Texas on Friday killed 30 people in Kerr County, the sheriff said."),
        flood_story(2, "2025-07-06", "A Travis County official said the floods in Texas on Friday killed four people "
                                     "there."),
    ])
    assert conflicts(result) == []
    scoped = {c.value_low: c.scope for c in result.claims if c.kind == "count"}
    assert scoped[30.0] == "Kerr County" and scoped[4.0] == "Travis County" and scoped[40.0] is None


def test_disputes_two_statewide_tolls_of_one_day_still_dispute() -> None:
    result = analyse([
        flood_story(0, "2025-07-06", "The floods in Texas on Friday killed 40 people, the governor said."),
        flood_story(1, "2025-07-06", "The floods in Texas on Friday killed 90 people, the Red Cross said."),
    ])
    assert len(conflicts(result)) == 1


def test_disputes_a_recap_of_another_event_never_disputes_the_articles_toll() -> None:
    """'Another accident ... left seven dead' and a recap led by its date are other occasions: no dispute with the
    crash's own toll (dated by its lead: 'on Friday, killing two')."""
    text = ("Minibus plunges into a ravine\n\nA minibus fell into a ravine near Arequipa on Friday, killing two "
            "tourists, police said.\n\nHours earlier, another accident near Arequipa left seven dead, police said.\n\n"
            "On January 2, 52 people died when a bus fell into a ravine near Arequipa, officials said.\n")
    result = analyse([article("peru", "Desk", "2018-04-20", text),
                      article("peru-2", "Other Desk", "2018-04-21", "Minibus crash near Arequipa\n\nThe minibus that "
                              "fell into a ravine near Arequipa on Friday killed two tourists, police said.\n")])
    assert conflicts(result) == []


def test_disputes_figures_dated_to_different_days_are_different_occasions() -> None:
    """Two figures that their own sentences date to days that do not overlap never contradict each other, even when
    clustering put them in one event; undated figures are compared as before."""
    from dataclasses import replace

    from checker.checks import CheckData
    from checker.checks.disputes import contradicts

    result = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command")])
    data = CheckData(result.articles, result.claims, result.events)
    eight, twenty_one = sorted((c for c in result.claims if c.kind == "count"), key=lambda c: c.value_low or 0)
    assert contradicts(eight, twenty_one, data)
    on_the_2nd = replace(eight, event_date_low=date(2020, 1, 2), event_date_high=date(2020, 1, 2))
    on_the_20th = replace(twenty_one, event_date_low=date(2020, 4, 20), event_date_high=date(2020, 4, 20))
    assert not contradicts(on_the_2nd, on_the_20th, data)
    assert contradicts(on_the_2nd, replace(twenty_one, event_date_low=None, event_date_high=None), data)


def test_disputes_a_part_within_some_figure_of_its_whole_is_the_wholes_dispute_not_a_broken_relation() -> None:
    """The military says 8 fired, the command 12 fired and 12 landed: 12 landed exceeds the military's 8 fired, but
    the command's own 12 fired holds it. That is the dispute over rockets fired (CC101), not a CC105 as well."""
    landed = article("landed", "Desk 3", "2020-12-20",
                     "Rockets hit Baghdad's Green Zone\n\nTwelve rockets landed in Baghdad's Green Zone on Sunday, "
                     "U.S. Central Command said on Sunday.\n")
    result = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "12", "U.S. Central Command"),
                      landed])
    assert len(conflicts(result)) == 1
    assert [f for f in result.findings if f.code == "CC105"] == []
    alone = analyse([rocket_story(0, "eight", "the Iraqi military"), landed])  # nothing holds it: the relation breaks
    assert [f.code for f in alone.findings if f.code in ("CC101", "CC105")] == ["CC105"]


def test_disputes_a_headline_above_its_body_inside_a_dispute_is_named_by_the_dispute() -> None:
    """A headline of 21 over a body of 8, while two bodies disagree on 8 and 21: CC101 names the article as
    unreconciled; no IC103 repeats the dispute."""
    mixed = article("mixed", "Mixed Desk", "2020-12-20",
                    "21 rockets fired at Baghdad's Green Zone\n\nEight rockets were fired at Baghdad's Green Zone on "
                    "Sunday.\n")
    result = analyse([rocket_story(0, "eight", "the Iraqi military"), rocket_story(1, "21", "U.S. Central Command"),
                      mixed])
    (finding,) = conflicts(result)
    assert "unreconciled within Mixed Desk" in finding.message
    assert [f for f in result.findings if f.code == "IC103"] == []
    alone = analyse([mixed])
    assert "IC103" in [f.code for f in alone.findings]  # with no dispute between sources, the headline is flagged


def test_disputes_a_comparison_with_another_event_never_disputes_the_articles_figures() -> None:
    """'By comparison, the 2005 accident ...': the figure and the event word are another event's."""
    text = ("Rockets hit Baghdad's Green Zone\n\nEight rockets were fired at Baghdad's Green Zone on Sunday, the Iraqi "
            "military said.\n\nBy comparison, 30 rockets were fired at Baghdad's Green Zone in a 2019 barrage, the "
            "coalition said.\n")
    result = analyse([article("compare", "Desk", "2020-12-20", text), rocket_story(1, "eight", "U.S. officials")])
    thirty = next(c for c in result.claims if c.value_low == 30)
    assert thirty.other_event
    assert conflicts(result) == [] and [f for f in result.findings if f.code == "IC101"] == []


def test_disputes_bodies_still_to_be_identified_falling_a_day_later_is_progress() -> None:
    """187 bodies yet to be identified on Sunday and 101 on Monday: identification went on, no dispute; a count
    of them that rose the next day would be one."""
    def story(index: int, published: str, figure: str, body: str) -> Article:
        return article(f"bodies-{index}", f"Desk {index}", published,
                       f"Train crash toll\n\nAfter the train crash near Balasore on Friday, {figure} bodies are yet to "
                       f"be identified, {body} said.\n")

    falling = [story(0, "2023-06-04", "187", "the state government"), story(1, "2023-06-05", "101", "the railway")]
    rising = [story(0, "2023-06-04", "101", "the state government"), story(1, "2023-06-05", "187", "the railway")]
    assert conflicts(analyse(falling)) == []
    assert len(conflicts(analyse(rising))) == 1


@pytest.mark.parametrize("sentence", [
    "The floods in Texas on Friday killed 12 people in Austin, the mayor said.",
    "In Austin, 12 people died in the floods in Texas on Friday, the mayor said.",  # the city opens the clause
])
def test_disputes_a_towns_figure_in_a_statewide_flood_is_a_part(sentence: str) -> None:
    """The state counts 40 dead across Texas; a paper counts 12 killed in Austin: a town's part, no dispute."""
    result = analyse([
        flood_story(0, "2025-07-06", "The floods in Texas on Friday killed 40 people, the governor said."),
        flood_story(1, "2025-07-06", sentence),
    ])
    assert conflicts(result) == []
    assert {c.value_low: c.scope for c in result.claims if c.kind == "count"}[12.0] == "Austin"


@pytest.mark.parametrize("sentence", [
    "The earthquake in Nepal on Saturday set off an avalanche that killed 18 people on Mount Korvana, officials said.",
    "The earthquake in Nepal on Saturday killed 18 people in the Korvana Valley, officials said.",
])
def test_disputes_a_mountains_or_a_valleys_figure_in_a_countrywide_quake_is_a_part(sentence: str) -> None:
    """The ministry counts 1,800 dead across Nepal; 18 killed on one mountain or in one valley are its part, named
    like a county, though the gazetteer knows neither place."""
    result = analyse([
        article("quake-0", "Wire 0", "2015-04-26", "Earthquake in Nepal\n\nThe earthquake in Nepal on Saturday "
                                                   "killed 1,800 people, the home ministry said.\n"),
        article("quake-1", "Wire 1", "2015-04-26", f"Earthquake in Nepal\n\n{sentence}\n"),
    ])
    assert conflicts(result) == []
    assert {c.value_low: c.scope for c in result.claims if c.kind == "count"}[18.0] in ("Mount Korvana",
                                                                                       "Korvana Valley")


@pytest.mark.parametrize("sentence, written", [
    ("The earthquake in Nepal on Saturday killed 1,900 people, including 18 climbers on Mount Korvana.", "1,900"),
    ("Mount Korvana erupted in Nepal on Saturday, killing 1,900 people, officials said.", "1,900"),
    ("The earthquake in Nepal on Saturday killed 1,900 people and 140 injured were taken to Mount Carmel Hospital.",
     "1,900"),
    ("The earthquake in Nepal on Saturday killed 1,900 people, the head of the Mount Korvana rescue team said.",
     "1,900"),
])
def test_disputes_a_mountain_named_elsewhere_in_the_sentence_leaves_the_toll_whole(sentence: str,
                                                                                    written: str) -> None:
    """Only the figure whose own words put it on the mountain is the mountain's part: a toll beside it, the
    mountain that is the event, a hospital or a team named after one leave the toll whole, so 1,800 and 1,900
    are still a dispute."""
    result = analyse([
        article("quake-0", "Wire 0", "2015-04-26", "Earthquake in Nepal\n\nThe earthquake in Nepal on Saturday "
                                                   "killed 1,800 people, the home ministry said.\n"),
        article("quake-1", "Wire 1", "2015-04-26", f"Earthquake in Nepal\n\n{sentence}\n"),
    ])
    assert {c.value_text: c.scope for c in result.claims if c.kind == "count"}[written] is None
    assert len(conflicts(result)) == 1


def test_disputes_a_statewide_toll_said_of_the_state_is_the_whole_not_a_part() -> None:
    """'killed 30 people in Texas' of floods across Texas names the event's own place: the whole, so 24 and 30 are
    still a dispute."""
    result = analyse([
        flood_story(0, "2025-07-06", "The floods in Texas on Friday killed 24 people in Texas, the sheriff said."),
        flood_story(1, "2025-07-06", "The floods in Texas on Friday killed 30 people in Texas, the governor said."),
    ])
    assert len(conflicts(result)) == 1


def test_disputes_a_zero_whole_never_excuses_a_part() -> None:
    """'No rockets were fired' holds no part: ten landed against eight fired is still a broken relation."""
    landed = article("landed", "Desk 3", "2020-12-20", "Rockets hit Baghdad's Green Zone\n\nTen rockets landed in "
                     "Baghdad's Green Zone on Sunday, U.S. Central Command said on Sunday.\n")
    none = article("none", "Desk 4", "2020-12-20", "Rockets hit Baghdad's Green Zone\n\nNo rockets were fired at "
                   "Baghdad's Green Zone on Sunday, a militia said on Sunday.\n")
    result = analyse([rocket_story(0, "eight", "the Iraqi military"), landed, none])
    assert "CC105" in [f.code for f in result.findings]


def test_disputes_a_zero_of_a_named_group_denies_its_parts_counts() -> None:
    """'no casualties among US troops' against 'three US soldiers were killed' is a broken relation (none of the
    casualties is none killed, in either sense of the word); a zero that names no group ('no casualties were
    reported') is left out, and so is 'no casualties' against wounded ('no casualties, but two were hurt')."""
    def base_story(number: int, sentence: str) -> Article:
        return story("base", number, "2021-03-04", "Rockets hit Korva air base", sentence)
    zero = base_story(1, "Ten rockets struck the Korva air base on Wednesday, but there were no casualties among US "
                         "troops, officials said.")
    killed = base_story(2, "A militia outlet said three US soldiers were killed when rockets struck the Korva air base "
                           "on Wednesday.")
    relations = found([zero, killed], "CC105")
    assert len(relations) == 1 and "3 (militia outlet)" in relations[0].message
    unnamed = base_story(3, "Ten rockets struck the Korva air base on Wednesday, but no casualties were reported, "
                            "officials said.")
    wounded = base_story(4, "A militia outlet said three US soldiers were wounded when rockets struck the Korva air "
                            "base on Wednesday.")
    assert found([unnamed, killed], "CC105") == []
    assert found([zero, wounded], "CC105") == []


def test_disputes_more_in_serious_condition_than_were_hurt_is_a_broken_relation() -> None:
    """Those in serious condition are some of the wounded: 14 in serious condition against six hurt in all cannot
    both be right; four of them against six hurt can."""
    def blast_story(number: int, sentence: str) -> Article:
        return story("blast", number, "2024-05-02", "Blast at a market in Korva", sentence)
    hurt = blast_story(1, "A bomb exploded at a market in Korva on Wednesday, and six people were hurt, police said.")
    worst = blast_story(2, "A bomb exploded at a market in Korva on Wednesday, and 14 people were in serious "
                           "condition, a hospital director said.")
    fewer = blast_story(3, "A bomb exploded at a market in Korva on Wednesday, and four people were in serious "
                           "condition, a hospital director said.")
    relations = found([hurt, worst], "CC105")
    assert len(relations) == 1 and "14 (hospital director)" in relations[0].message
    assert found([hurt, fewer], "CC105") == []
    assert found([hurt, worst], "CC101") == []


def test_disputes_volumes_spilled_that_disagree_are_a_dispute_and_what_was_recovered_is_not_one() -> None:
    """126,000 gallons against 588 barrels (about 24,700 gallons) spilled is a dispute; 3,000 barrels agree with
    126,000 gallons; 4,800 gallons recovered are no figure of what spilled."""
    def spill_story(number: int, sentence: str) -> Article:
        return story("spill", number, "2021-10-03", "Oil spill fouls the Korva coast",
                     f"A pipeline spill off Korva on Saturday fouled the beaches. {sentence}")
    city = spill_story(1, "About 126,000 gallons of crude leaked, the mayor said.")
    company = spill_story(2, "The pipeline leaked 3,000 barrels of oil, the company said.")
    guard = spill_story(3, "The coast guard said 588 barrels had leaked.")
    crews = spill_story(4, "Crews have recovered 4,800 gallons of oily water, the coast guard said.")
    assert [f for f in analyse([city, company, crews]).findings if f.code == "CC101"] == []
    (dispute,) = [f for f in analyse([city, guard, crews]).findings if f.code == "CC101"]
    assert "volume spilled" in dispute.message and "588 barrels" in dispute.message
    assert "4,800" not in dispute.message


def test_disputes_spills_in_two_cities_of_one_country_are_two_events() -> None:
    """A pipeline spill at Huntington Beach and a benzene spill at Houston the same day are two spills: 126,000
    gallons against 9,000 is no dispute. "Chaos spills onto the streets" names no spill."""
    beach = article("beach", "Desk 1", "2021-10-03", "Oil spill off Huntington Beach\n\nAn oil spill off Huntington "
                    "Beach on Saturday fouled the sand. About 126,000 gallons of crude leaked, officials said.\n")
    city = article("city", "Desk 2", "2021-10-03", "Chemical spill in Houston\n\nA chemical spill at a Houston plant "
                   "on Saturday closed roads. About 9,000 gallons of benzene leaked, the fire chief said.\n")
    result = analyse([beach, city])
    assert [f for f in result.findings if f.code == "CC101"] == []
    assert len({c.event_id for c in result.claims if c.subject == "volume"}) == 2
    protest = article("protest", "Desk 3", "2024-05-02", "Chaos spills onto the streets of Lima\n\nPolice said 12 "
                      "protesters were arrested in Lima on Wednesday.\n")
    assert {c.event_id for c in analyse([protest]).claims if c.kind == "count"} == {"protest@lima@2024-05-01"}



def test_disputes_one_speakers_figures_of_two_named_moments_are_its_timeline() -> None:
    """A well's flow at the start of a spill and just before it was capped are one source's figures of two
    moments, not an article contradicting itself; the same two figures with no moment named are unreconciled."""
    def well_story(moment: str, later: str) -> Article:
        return article("well", "Gulf Desk", "2010-08-03",
                       "Oil leak in the Gulf of Mexico\n\nAn oil well in the Gulf of Mexico has leaked since April, "
                       f"engineers said. {moment}62,000 barrels of oil a day were leaking from the well, the "
                       f"engineers estimate.\n\nThe engineers estimate that 53,000 barrels of oil a day were "
                       f"leaking from the well{later}.\n")
    timed = analyse([well_story("At the beginning of the spill, ", " immediately before it was capped")])
    assert [f for f in timed.findings if f.code == "IC101"] == []
    untimed = analyse([well_story("", "")])
    assert [f.code for f in untimed.findings if f.code == "IC101"] == ["IC101"]


def test_disputes_more_buildings_destroyed_than_damaged_or_destroyed_breaks_a_relation() -> None:
    """A governor's 2,700 buildings destroyed against an assessment's 2,200 damaged or destroyed, a day apart: one of
    them is wrong (CC105). Buildings destroyed and others damaged are two counts, neither a part of the other."""
    def fire_story(number: int, sentence: str) -> Article:
        return story("fire", number, "2023-08-12", "Wildfire in Korva", sentence)
    governor = fire_story(1, "The wildfire in Korva destroyed more than 2,700 structures on Tuesday, the governor said.")
    assessment = fire_story(2, "An assessment found that 2,200 structures were damaged or destroyed by the wildfire in "
                               "Korva on Tuesday, the county said.")
    (relation,) = found([governor, assessment], "CC105")
    assert "2,700" in relation.message and "2,200" in relation.message and "damaged or destroyed" in relation.message
    damaged = fire_story(3, "The wildfire in Korva damaged 400 structures on Tuesday, the county said.")
    assert found([governor, damaged], "CC105") == [] and found([governor, damaged], "CC101") == []


def storm_story(number: int, sentence: str) -> Article:
    return story("storm", number, "2021-05-29", "Hurricane toll in Puerto Rico questioned", sentence)


OFFICIAL_TOLL = ("Authorities in Puerto Rico said on Saturday that 64 people died in the hurricane that struck the "
                 "island on 20 September 2020.")
STUDY_TOLL = ("A university study released on Saturday estimated that 3,100 people died in Puerto Rico in the "
              "hurricane of 20 September 2020 and the months after it.")


def test_disputes_an_estimate_against_an_official_count_is_a_dispute_of_its_own_kind() -> None:
    """A study's estimate against the official toll is still a dispute (one of them undercounts), shown as an
    estimate and reported at CC101's ``estimate_severity`` (a warning); two counts that differ as much are an error."""
    result = analyse([storm_story(1, OFFICIAL_TOLL), storm_story(2, STUDY_TOLL)])
    (dispute,) = conflicts(result)
    assert dispute.severity == "warning" and "3,100 estimated (" in dispute.message and "64 (" in dispute.message
    (record,) = result.disputes
    assert record.estimate_against_count and record.severity == "warning"
    assert "| 3,100 estimated |" in render_markdown(result)  # the dispute's table marks it too
    counted = analyse([storm_story(1, OFFICIAL_TOLL), storm_story(3, "Hospital records show that 3,100 people died "
                                                                     "in Puerto Rico in the hurricane of 20 September "
                                                                     "2020, a coroner said on Saturday.")])
    (plain,) = conflicts(counted)
    assert plain.severity == "error" and "estimated" not in plain.message


def test_disputes_a_rule_pack_sets_the_severity_of_estimates_against_counts(tmp_path: Path) -> None:
    from checker.config import Settings

    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: CC901\n    name: house.estimates_held_as_errors\n    check: numeric_conflict\n"
        "    severity: error\n    message: \"{quantity}: {positions}\"\n    params: {estimate_severity: error}\n"
        "    description: {what: a, why: b, example: c, fix: d}\n", encoding="utf-8")
    settings = Settings(rule_paths=(str(tmp_path / "house.yaml"),), ignore=("CC101",))
    result = analyse([storm_story(1, OFFICIAL_TOLL), storm_story(2, STUDY_TOLL)], settings)
    (finding,) = [f for f in result.findings if f.code == "CC901"]
    assert finding.severity == "error" and result.disputes[0].severity == "error"


def test_disputes_the_dead_or_missing_are_a_count_of_their_own() -> None:
    """"79 residents are dead or missing" counts the dead and the missing together: no conflict with 30 dead, but more
    dead than dead or missing breaks a relation (CC105)."""
    def fire_story(number: int, sentence: str) -> Article:
        return story("tower", number, "2017-06-19", "Tower fire in London", sentence)
    together = fire_story(1, "The fire at the tower in London on 14 June 2017 left 79 people dead or missing, police "
                             "said on Monday.")
    dead = fire_story(2, "The fire at the tower in London on 14 June 2017 killed 30 people, the coroner said on "
                         "Monday.")
    assert found([together, dead], "CC101") == [] and found([together, dead], "CC105") == []
    more_dead = fire_story(3, "The fire at the tower in London on 14 June 2017 killed 90 people, the coroner said on "
                              "Monday.")
    (relation,) = found([together, more_dead], "CC105")
    assert "dead or missing" in relation.message and "90" in relation.message
