"""Entity normalisation: aliases first, then fuzzy matching guarded against the known traps."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from checker.match import names_match
from checker.model import Article
from tests.english import KNOWLEDGE, MATCHER
from tests.shared_data import gold_entries

entity_key = MATCHER.key


def normalise(entity_type: str, name: str):
    if entity_type == "place":  # places are looked up in the gazetteer, by every name they go by
        found = KNOWLEDGE.gazetteer.candidates(name)
        return found[0] if found else None
    return MATCHER.normalise(entity_type, name)


def one_sentence_story(article_id: str, headline: str, sentence: str, published: date) -> Article:
    """An outlet's story of one sentence under a headline, its outlet named as the article."""
    text = f"{headline}\n\n{sentence}\n"
    return Article(article_id=article_id, source_path=f"{article_id}.md", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest(), outlet=article_id, title=headline,
                   published=published)


TYPES = {"Green Zone": "place", "international zone": "place", "Irbil": "place", "Erbil": "place"}


@pytest.mark.parametrize("names", gold_entries("same_entity"), ids=lambda names: names[0])
def test_match_gold_same_entity_pairs_normalise_together(names: list[str]) -> None:
    entity_type = TYPES.get(names[0], "speaker")
    canonical = {getattr(normalise(entity_type, name), "name", None) for name in names}
    assert len(canonical) == 1 and None not in canonical, canonical


@pytest.mark.parametrize("left, right", [
    ("Qassem Soleimani", "Qasem Soleimani"),
    ("Kata'ib Hizbullah", "Kataib Hezbollah"),
])
def test_match_fuzzy_spelling_variants_match(left: str, right: str) -> None:
    assert names_match(entity_key(left), entity_key(right), 85)


@pytest.mark.parametrize("left, right", [
    ("John Kirby", "John Kerry"),            # different people, one letter-shape apart
    ("Frank McKenzie", "Kenneth McKenzie"),  # same person, but only the alias table may say so
    ("Iraqi military", "Iranian military"),
    ("Central Command", "U.S. Central Command"),  # a subset of words is not a fuzzy match (token_set trap)
])
def test_match_fuzzy_traps_stay_apart(left: str, right: str) -> None:
    assert not names_match(entity_key(left), entity_key(right), 85)


def test_match_a_misspelled_name_only_when_written_as_a_name() -> None:
    """'Defence Department' is the Pentagon misspelled; 'the defence department' of a civil defence body is not."""
    assert getattr(normalise("speaker", "the Defence Department"), "name", None) == "Pentagon"
    assert normalise("speaker", "the defence department") is None


def test_match_unknown_name_is_not_forced_onto_a_known_one() -> None:
    assert normalise("speaker", "John Kerry") is None
    assert normalise("speaker", "Iranian military") is None


def test_match_one_name_per_person_across_a_run() -> None:
    """Figures one person gave carry one name across articles: a title is not part of the name, a surname alone
    is the run's one full name that ends with it, a spelling variant is the spelling used most; different given
    names, and a surname two full names share, stay apart."""
    from checker.match import one_name_per_person

    names = ["Pradeep Jena", "Jena", "Mr Bellerive", "Jean-Max Bellerive", "Hamad Hassan", "Hamad Hasan",
             "Hamad Hassan", "John Kirby", "John Kerry", "Kirby", "Ann Lee", "Tom Lee", "Lee"]
    canonical = one_name_per_person(names, ["Mr", "Dr"])
    assert canonical["Jena"] == "Pradeep Jena" and canonical["Mr Bellerive"] == "Jean-Max Bellerive"
    assert canonical["Hamad Hasan"] == "Hamad Hassan" and canonical["John Kerry"] == "John Kerry"
    assert canonical["Kirby"] == "John Kirby" and canonical["Lee"] == "Lee"


def test_match_a_two_word_surname_is_the_one_full_name_ending_with_it() -> None:
    from checker.match import one_name_per_person

    canonical = one_name_per_person(["Maria Lopez Ortega", "Lopez Ortega", "Ana Ruiz", "Luis Ruiz", "Ruiz"])
    assert canonical["Lopez Ortega"] == "Maria Lopez Ortega"
    assert canonical["Ruiz"] == "Ruiz" and canonical["Ana Ruiz"] == "Ana Ruiz"


def test_match_a_name_with_initials_is_the_full_name_they_open() -> None:
    """"PK Ekka" is the run's one Ekka whose given names P and K open (Pravin Ekka); spellings of one set of
    initials are one person; initials two full names fit stay as written."""
    from checker.match import one_name_per_person

    canonical = one_name_per_person(["PK Ekka", "Pravin Ekka", "Ekka", "RS Tola", "R. S. Tola", "M. Odhiambo",
                                     "Mary Odhiambo", "Moses Odhiambo"])
    assert canonical["PK Ekka"] == canonical["Ekka"] == "Pravin Ekka"
    assert canonical["RS Tola"] == canonical["R. S. Tola"]
    assert canonical["M. Odhiambo"] == "M. Odhiambo"


def test_match_a_surname_read_as_a_body_joins_the_named_person() -> None:
    """'Jena said' read as an organisation is the official named in full elsewhere in the run."""
    from checker.pipeline import analyse

    def story(article_id: str, sentence: str) -> Article:
        return one_sentence_story(article_id, "Train crash toll", sentence, date(2023, 6, 4))

    result = analyse([story("a", "The train crash near Balasore on Friday killed 275 people, Anil Marandi, the "
                                 "relief commissioner, said on Sunday."),
                      story("b", "Marandi said the train crash near Balasore on Friday killed 275 people.")])
    speakers = {c.speaker for c in result.claims if c.kind == "count"}
    assert speakers == {"Anil Marandi"}


def test_match_a_spokesman_of_a_body_spelled_in_one_word_or_two_gives_that_bodys_figures() -> None:
    """'Coastguard spokesman Jan Elm' and 'Coast Guard spokesman Jan Elm' name one body: all of Elm's figures are
    that body's, under one name, not a second source's."""
    from checker.pipeline import analyse

    def story(article_id: str, sentence: str) -> Article:
        return one_sentence_story(article_id, "Ferry sinks off Korva", sentence, date(2015, 7, 3))

    result = analyse([story("a", "Coastguard spokesman Jan Elm said 127 people survived when the ferry sank off Ormoc "
                                 "on Thursday."),
                      story("b", "Coast Guard spokesman Jan Elm said the ferry that sank off Ormoc on Thursday had "
                                 "187 people on board."),
                      story("c", "The ferry sank off Ormoc on Thursday and 140 people survived, Jan Elm said.")])
    speakers = {c.value_low: c.speaker for c in result.claims if c.kind == "count"}
    assert speakers[127.0] == speakers[140.0] == speakers[187.0]
    assert speakers[140.0] != "Jan Elm"


def test_match_one_name_per_body_of_an_event() -> None:
    """'police' is the one police body the event names in full; British and American spellings are one body;
    'officials' with two bodies named in full stays as it is."""
    from checker.match import one_name_per_body

    canonical = one_name_per_body(["Hong Kong police", "police", "organisers", "organizers", "organizers",
                                   "U.S. officials", "Iraqi officials", "officials"])
    assert canonical["police"] == "Hong Kong police"
    assert canonical["organisers"] == canonical["organizers"] == "organizers"
    assert canonical["officials"] == "officials"


def test_match_one_name_per_body_country_names_and_acronyms() -> None:
    """A country named by its name, its possessive or its adjective is one country; its officials, authorities and
    government are one body; an acronym is the body named in full whose initials it is; other countries stay apart."""
    from checker.match import BodyWords, one_name_per_body

    words = BodyWords({"lebanese": "lebanon", "lebanon": "lebanon", "saudi": "saudi arabia",
                       "saudi arabian": "saudi arabia", "iraqi": "iraq"},
                      frozenset({"officials", "authorities", "government"}), ("'s", "’s"))
    canonical = one_name_per_body(["Lebanese Health Ministry", "Lebanon’s Health Ministry", "Saudi officials",
                                   "Saudi Arabian authorities", "Saudi officials", "Iraqi officials", "WWF", "WWF",
                                   "World Wide Fund for Nature", "health ministry"], words)
    assert canonical["Lebanon’s Health Ministry"] == canonical["Lebanese Health Ministry"]
    assert canonical["health ministry"] == canonical["Lebanese Health Ministry"]
    assert canonical["Saudi Arabian authorities"] == canonical["Saudi officials"] == "Saudi officials"
    assert canonical["Iraqi officials"] == "Iraqi officials"
    assert canonical["World Wide Fund for Nature"] == canonical["WWF"] == "WWF"


def test_match_a_body_named_bare_is_the_one_its_country_named_at_another_event() -> None:
    """Police at a march in Lyon a week after one where the "French police" were named in full are the French
    police; police at a march in another country are not France's; an army, bare "officials" and "authorities"
    may be another country's or a town's and stay as they are, and so does an acronym another event names in full
    (two places' "RSF" may be two bodies)."""
    from checker.pipeline import analyse

    first = one_sentence_story("a", "March in Lyon", "The French police said 240,000 people marched in Lyon on "
                               "Sunday, the French army said 3,000 soldiers were deployed and the Korva Rescue Front "
                               "said 1 million people marched.", date(2019, 6, 10))
    second = one_sentence_story("b", "Second march in Lyon", "Police said 338,000 people marched in Lyon on Sunday, "
                                "the KRF said 2 million people marched, officials said 300,000 people marched, "
                                "authorities said 310,000 people marched and the army said 4,000 soldiers were "
                                "deployed.", date(2019, 6, 17))
    third = one_sentence_story("c", "March in Milan", "Police said 20,000 people marched in Milan on Sunday.",
                               date(2019, 6, 17))
    claims = [c for c in analyse([first, second, third]).claims if c.kind == "count"]
    speakers = {c.value_low: c.speaker for c in claims}
    assert speakers[338000.0] == "French police"
    assert speakers[20000.0] == "police"
    assert speakers[300000.0] in ("officials", "authorities") and speakers[310000.0] in ("officials", "authorities")
    assert speakers[4000.0] == "army" and speakers[2000000.0] == "KRF"
