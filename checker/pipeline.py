"""The main job: read inputs, extract claims, resolve events, validate, and gather what a report needs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.cache import Cache
from checker.checks import CheckData, Phase
from checker.checks.base import quantity_key
from checker.checks.disputes import disputes_found, find_disputes
from checker.config import Settings
from checker.extract import Extraction
from checker.extract.claims import CreditedNumbers, torn_quantities
from checker.ingest import read_inputs
from checker.knowledge import Knowledge
from checker.match import BodyWords, bodies_named_elsewhere, one_name_per_body, one_name_per_person
from checker.model import Article, Claim, EventMention, Finding, SkippedInput
from checker.parallel import CHARS_PER_TASK, InProcess, Workers, as_rows, file_reader, from_rows, open_workers
from checker.record_cache import RecordCache
from checker.reliability import score_sources
from checker.result import RunResult
from checker.rulebook import load_rules, run_phases, selected_rules, without_per_file_ignores
from checker.schemas import RowFailure, article_failures, claim_failures, source_failures


@dataclass
class Extracted:
    """What extraction gave for a set of articles: the articles it read, their claims and event mentions, the
    rows that failed validation, and the articles it could not read (no language pack)."""

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    failures: list[RowFailure] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


def run(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
    knowledge: Knowledge | None = None,
    workers: Workers | None = None,
    cache: Cache | None = None,
) -> RunResult:
    """Run the pipeline over ``paths``. Bad input is skipped with a reason, never raised.

    Files are read and articles extracted by ``workers`` (default: ``settings.jobs`` processes, or this
    process for a small input); the result is the same whichever do it. With ``cache`` (``checker check``'s
    record), each article's extraction and the assessed result are kept there and reused while the articles
    and everything they depend on stay the same (``checker.record_cache``); the files are read every time.
    """
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    if workers is None:
        paths = list(paths)
        with open_workers(settings, knowledge, paths) as opened:
            return run(paths, settings, on_file, priors, knowledge, opened, cache)
    paths = list(paths)
    ingested = read_inputs(paths, settings, on_file=on_file, read_files=file_reader(workers))
    stored = RecordCache(cache, paths, knowledge) if cache is not None and cache.enabled else None
    found = extract(ingested.articles, knowledge, workers, stored)

    def assessed() -> RunResult:
        return assess(found.articles, found.claims, found.mentions, settings, skipped=ingested.skipped + found.skipped,
                      failures=found.failures, priors=priors, knowledge=knowledge)

    if stored is None:
        return assessed()
    result = stored.assessed(ingested.articles, found.articles, found.mentions, ingested.skipped + found.skipped,
                             settings, priors, assessed)
    stored.save()
    return result


def analyse(articles: list[Article], settings: Settings | None = None, skipped: list[SkippedInput] | None = None,
            knowledge: Knowledge | None = None) -> RunResult:
    """Everything after reading: publication dates, claims, validation, events and the rules' findings."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    found = extract(articles, knowledge)
    return assess(found.articles, found.claims, found.mentions, settings,
                  skipped=list(skipped or []) + found.skipped, failures=found.failures, knowledge=knowledge)


def extract(articles: list[Article], knowledge: Knowledge, workers: Workers | None = None,
            stored: RecordCache | None = None) -> Extracted:
    """Each article's claims, framed by its own mentions (publication dates settled), and the rows that failed
    validation. An article in a language with no pack is skipped with that reason, never half-read.
    ``workers`` extract the articles (default: this process); the result is in the order of ``articles``.
    With ``stored``, an article extracted before is taken from there, and the others are kept there.
    """
    workers = workers or InProcess(knowledge)
    kept = [stored.extraction(article) for article in articles] if stored is not None else [None] * len(articles)
    missing = [article for article, item in zip(articles, kept, strict=True) if item is None]
    results: Iterable[Extraction | SkippedInput]
    if isinstance(workers, InProcess):
        results = workers.map(extract_articles, missing, size=_text_length, per_task=CHARS_PER_TASK)
    else:  # sent back as rows of fields, quicker to unpickle than records
        results = map(_from_rows, workers.map(_extract_as_rows, missing, size=_text_length, per_task=CHARS_PER_TASK))
    fresh = iter(results)
    found = Extracted()
    for article, item in zip(articles, kept, strict=True):
        if item is None:
            item = next(fresh)
            if stored is not None:
                stored.keep_extraction(article, item)
        if isinstance(item, SkippedInput):
            found.skipped.append(item)
            continue
        found.articles.append(item.article)
        found.claims.extend(item.claims)
        found.mentions.extend(item.mentions)
    found.failures = article_failures(found.articles)
    found.failures += claim_failures(found.claims, found.articles)
    return found


def extract_articles(knowledge: Knowledge, articles: list[Article]) -> list[Extraction | SkippedInput]:
    """Each article's extraction with its claims framed, or why it is skipped: what a worker process runs."""
    resolver = knowledge.resolver()
    extractions: list[Extraction | SkippedInput] = []
    for article in articles:
        extractor = knowledge.extractor(article.lang)
        if extractor is None:
            extractions.append(SkippedInput(article.source_path, f"no language pack for {article.lang!r} "
                                                                 "(add one under lexicon-paths)"))
            continue
        extraction = extractor.extract(article)
        framed = resolver.frame_claims(extraction.claims, extraction.mentions, [extraction.article])
        extractions.append(Extraction(extraction.article, framed, extraction.mentions))
    return extractions


def _extract_as_rows(knowledge: Knowledge, articles: list[Article]) -> list[tuple | SkippedInput]:
    """``extract_articles``, each extraction as rows of fields."""
    return [item if isinstance(item, SkippedInput)
            else (as_rows([item.article]), as_rows(item.claims), as_rows(item.mentions))
            for item in extract_articles(knowledge, articles)]


def _from_rows(item: tuple | SkippedInput) -> Extraction | SkippedInput:
    if isinstance(item, SkippedInput):
        return item
    article, claims, mentions = item
    return Extraction(from_rows(article)[0], from_rows(claims), from_rows(mentions))


def _text_length(article: Article) -> int:
    return len(article.text)


def assess(
    articles: list[Article],
    claims: list[Claim],
    mentions: list[EventMention],
    settings: Settings | None = None,
    skipped: list[SkippedInput] | None = None,
    failures: list[RowFailure] | None = None,
    priors: dict[str, tuple[float, str]] | None = None,
    knowledge: Knowledge | None = None,
) -> RunResult:
    """Events, findings and source scores for claims already extracted and framed (from a run, or a ledger)."""
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    claims = one_name_per_person_of_run(claims, articles, knowledge)
    resolution = knowledge.resolver().cluster(claims, articles)
    events = [replace(event, place_within=knowledge.gazetteer.chain(event.place)[1:]) if event.place else event
              for event in resolution.events]  # where the place lies, for a reader who does not know it
    claims = figures_carried_across_articles(one_name_per_body_of_events(resolution.apply(claims), articles, knowledge),
                                             articles, knowledge)
    result = RunResult(articles=articles, claims=claims, skipped=list(skipped or []), events=events,
                       mentions=mentions)
    book = load_rules(settings)
    result.skipped.extend(SkippedInput(p.path, f"rule pack problem, rule left out: {p.reason}", p.line)
                          for p in book.problems)
    data = CheckData(result.articles, result.claims, result.events, list(failures or []), mentions=mentions,
                     gazetteer=knowledge.gazetteer, taxonomy=knowledge.taxonomy)
    result.rules = rules = selected_rules(book, settings)
    against_outlet = {r.code for r in rules if r.counts_against_outlet}
    # an article that contradicts itself inside a dispute between sources is shown by CC101, not IC101, and
    # counts against its outlet as IC101 would
    unreconciled_counts = any(r.counts_against_outlet and r.check == "numeric_conflict"
                              and getattr(r.params, "scope", "") == "same_speaker" for r in rules)

    def score(findings: list[Finding]) -> list[Finding]:
        """Between the disputes and the checks that read the scores: score the sources."""
        within_disputes = [article_id for dispute in find_disputes(data).values() if dispute.between_sources
                           for article_id in dispute.unreconciled] if unreconciled_counts else []
        result.sources = score_sources(result.claims, result.articles,
                                       [f for f in findings if f.code in against_outlet], priors=priors,
                                       running=frozenset(knowledge.taxonomy.tallies), unreconciled=within_disputes)
        data.validation_failures = source_failures(result.sources)
        return findings

    result.findings = without_per_file_ignores(run_phases(rules, data, {Phase.DISPUTES: score}), settings)
    result.disputes = disputes_found(data, result.findings)
    return result


BODY_KINDS = ("organisation", "anonymous")  # speakers named as bodies, not as people or outlets


def one_name_per_body_of_events(claims: list[Claim], articles: list[Article], knowledge: Knowledge) -> list[Claim]:
    """Copies of the claims with the bodies of each event's figures under one name ("police" and "Hong Kong
    police"; "organisers" and "organizers"; ``checker.match.one_name_per_body``, with the words of the articles'
    languages that name a country and its government, ``_body_words``).

    A speaker whose title speaks for a body (``_bodies_spoken_for``) gives that body's figures when the event's
    sources name it in full (Prime Minister Bellerive's figures are "Haiti's government"'s); a title of the
    government's own (a minister's, ``SpeakerReader.body_of_title``) whose body the event never names in full
    speaks for the government of the event's country, when its sources name that ("Health Minister Khalid al-Falih"
    of the hajj stampede, whose other sources are "Saudi officials"); otherwise they stay the speaker's own."""
    bodies = {claim.speaker for claim in claims if claim.speaker and claim.speaker_kind in BODY_KINDS}
    words = _body_words(articles, knowledge, sorted(bodies))
    spoken_for = _bodies_spoken_for(claims, articles, knowledge, words)
    claims = _one_spelling_per_body(claims, words)
    claims = _governments_of_heads(claims, articles, knowledge, words)
    by_event: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        if claim.event_id and claim.speaker in spoken_for:  # the body a speaker speaks for, in the speaker's stead
            by_event[claim.event_id].append(spoken_for[claim.speaker])
        elif claim.event_id and claim.speaker and claim.speaker_kind in BODY_KINDS:
            by_event[claim.event_id].append(claim.speaker)
    homes = _home_countries(claims, knowledge)
    canonical = {event_id: one_name_per_body(names, words, homes.get(event_id)) for event_id, names in by_event.items()}
    bodies_named_elsewhere(canonical, words, homes)
    governments = _names_by_key(((c.event_id, c.speaker) for c in claims  # (event, key) -> as its sources name it
                                 if c.event_id and c.speaker and c.speaker_kind in BODY_KINDS
                                 and not c.speaker.islower()), words)
    of_government, out_of_office = _title_words(articles, knowledge)
    titled = _words_before_titles(claims, articles, knowledge)
    renamed = []
    for claim in claims:
        names = canonical.get(claim.event_id or "", {})
        body = names.get(spoken_for.get(claim.speaker or "", ""))
        home = homes.get(claim.event_id or "")
        if (body and body.islower() and home and spoken_for.get(claim.speaker or "") in of_government
                and _minister_at_home(titled.get(claim.speaker or "", (set(), set())), home, words, out_of_office)):
            # (not "Ugandan Health Minister Joan Okello" at floods in Kenya, nor a former or a shadow minister)
            body = governments.get((claim.event_id or "", words.key(f"{home} government")), body)
        if body and any(c.isupper() for c in body):
            renamed.append(replace(claim, speaker=body, speaker_kind="organisation"))
            continue
        name = names.get(claim.speaker or "")
        renamed.append(replace(claim, speaker=name) if name and name != claim.speaker
                       and claim.speaker_kind in BODY_KINDS else claim)
    return _home_governments(renamed, words, homes)


def figures_carried_across_articles(claims: list[Claim], articles: list[Article], knowledge: Knowledge) -> list[Claim]:
    """Copies of the claims with each figure an outlet gives in its own voice credited to the one source that other
    articles of its event credit with that number for that quantity ("At least 78 bodies were recovered" in a wire
    story, where two other stories say the coast guard gave 78): the outlet carries that source's figure, it does not
    count on its own. Left the outlet's: a figure two sources gave (an unnamed one too), or none; a part, a recap of
    another event, a quotation, a vague figure ("thousands") or one with no state; a number its own article credits
    to a source (carried there or left, ``extract.claims``); and the figures of an article that gives two figures of
    a quantity in its own voice that disagree and credits neither (it contradicts itself, whoever it took them
    from). A figure whose quantifier leaves its number out ("More than 120 killed") carries only a source that said
    as much, never a source's 120."""
    lang_of = {article.article_id: article.lang for article in articles}

    def strict(claim: Claim) -> bool:
        extractor = knowledge.extractor(lang_of.get(claim.article_id, ""))
        return extractor is not None and extractor.grammars.numbers.leaves_its_number_out(claim.value_text or "")

    def quantity(claim: Claim) -> tuple:
        return (*quantity_key(claim), claim.unit, claim.scope)

    torn = torn_quantities((claim for claim in claims if claim.event_id),
                           lambda claim: (claim.article_id, *quantity(claim)))
    in_article = CreditedNumbers(claims, lambda claim: claim.article_id)
    in_event = CreditedNumbers(claims, lambda claim: (claim.event_id, claim.scope))  # (its place: "in Lima")
    carried = []
    for claim in claims:
        if (claim.kind != "count" or claim.speaker_kind != "outlet" or not claim.event_id or claim.in_quote
                or claim.partial or claim.other_event or claim.predicate is None or claim.value_kind == "vague"
                or (claim.article_id, *quantity(claim)) in torn
                or in_article.sources(claim)):
            carried.append(claim)
            continue
        sources = in_event.sources(claim, _standing, strict)
        name, kind = next(iter(sources)) if len(sources) == 1 else ("", None)
        carried.append(replace(claim, speaker=name, speaker_kind=kind) if name and name not in (claim.speaker or "")
                       else claim)
    return carried


def _standing(source: Claim) -> bool:
    """Whether a figure stands as its source's figure of its event: no part, no recap, not replaced."""
    return not source.partial and not source.other_event and not source.superseded


def _governments_of_heads(claims: list[Claim], articles: list[Article], knowledge: Knowledge,
                          words: BodyWords) -> list[Claim]:
    """Copies of the claims with a head of state or government whom some figure names with the country's adjective
    ("Haitian President Rene Preval") under that government's name, in the events whose other sources name that
    government ("the Haitian government said"): one body, whose figures are its timeline. Elsewhere, and a
    president named without a country ("President Jan Elm"), the person's own name stays."""
    lang_of = {article.article_id: article.lang for article in articles}
    governments: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.speaker and claim.speaker_text and claim.speaker_kind == "named_official":
            extractor = knowledge.extractor(lang_of.get(claim.article_id, ""))
            government = extractor.grammars.speakers.government_headed(claim.speaker_text) if extractor else None
            if government:
                governments[claim.speaker].add(words.key(government))
    led = {person: next(iter(keys)) for person, keys in governments.items() if len(keys) == 1}
    if not led:
        return claims
    named = _names_by_key(((c.event_id, c.speaker) for c in claims  # (event, key) -> as its sources name it
                           if c.event_id and c.speaker and c.speaker_kind in BODY_KINDS), words)
    renamed = []
    for claim in claims:
        body = named.get((claim.event_id or "", led.get(claim.speaker or "", "")))
        renamed.append(replace(claim, speaker=body, speaker_kind="organisation") if body else claim)
    return renamed


def _names_by_key(scoped_names: Iterable[tuple[str, str]], words: BodyWords) -> dict[tuple[str, str], str]:
    """(scope, body name) pairs -> (scope, the name's key) -> the first name so keyed in that scope (an article, an
    event); each name keyed once."""
    keys: dict[str, str] = {}
    named: dict[tuple[str, str], str] = {}
    for scope, name in scoped_names:
        if name not in keys:
            keys[name] = words.key(name)
        named.setdefault((scope, keys[name]), name)
    return named


def _home_governments(claims: list[Claim], words: BodyWords, homes: dict[str, str]) -> list[Claim]:
    """Copies of the claims with "the government" and "authorities" named bare (``BodyWords.home_words``) as the
    government of their event's country, when their own article names that government ("Haiti raised its
    estimate ... The government initially estimated 150,000 dead"). Bare "officials" may be any country's, and
    "local authorities" are not the country's."""
    named = _names_by_key(((c.article_id, c.speaker) for c in claims  # (article, key) -> as the article names it
                           if c.speaker and c.speaker_kind in BODY_KINDS and not c.speaker.islower()), words)
    if not named:
        return claims
    renamed = []
    for claim in claims:
        home = homes.get(claim.event_id or "")
        body = (named.get((claim.article_id, f"{home} government"))
                if home and claim.speaker in words.home_words and claim.speaker_kind in BODY_KINDS else None)
        renamed.append(replace(claim, speaker=body) if body else claim)
    return renamed


def _home_countries(claims: list[Claim], knowledge: Knowledge) -> dict[str, str]:
    """Each event's country (lower case), from the place its figures name most: whose authorities "authorities"
    are when two countries' officials speak of it."""
    places: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.event_id and claim.place:
            places[claim.event_id][claim.place] += 1
    homes = {}
    for event_id, named in places.items():
        country = knowledge.gazetteer.country_of(named.most_common(1)[0][0])
        if country:
            homes[event_id] = country.lower()
    return homes


def _one_spelling_per_body(claims: list[Claim], words: BodyWords) -> list[Claim]:
    """Copies of the claims with the names ``words`` makes one body ("Saudi officials", "Saudi Arabia's government")
    spelled one way across the run, the way its figures name it most: one name is one body in every event. Bodies
    named bare ("authorities") are left to each event (``checker.match.one_name_per_body``)."""
    counts = Counter(claim.speaker for claim in claims
                     if claim.speaker and claim.speaker_kind in BODY_KINDS and not claim.speaker.islower())
    keys = {name: words.key(name) for name in counts}  # each name keyed once
    spelling: dict[str, str] = {}
    for name in sorted(counts, key=lambda n: (-counts[n], n)):
        spelling.setdefault(keys[name], name)
    respelled = {name: spelling[key] for name, key in keys.items() if spelling[key] != name}
    return [replace(claim, speaker=respelled[claim.speaker]) if claim.speaker in respelled else claim
            for claim in claims]


def _words_before_titles(claims: list[Claim], articles: list[Article],
                         knowledge: Knowledge) -> dict[str, tuple[set[str], set[str]]]:
    """Each speaker -> the words before the titles its phrases name ("Ugandan" of "Ugandan Health Minister Jan
    Okello"; its article and days left out), and up to two words before the phrase in its clause ("opposition
    shadow"); lower case."""
    lang_of = {article.article_id: article.lang for article in articles}
    found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for claim in claims:
        extractor = knowledge.extractor(lang_of.get(claim.article_id, "")) if claim.speaker_text else None
        reader = extractor.grammars.speakers if extractor else None
        before = reader.words_before_title(claim.speaker_text or "") if reader else None
        if not claim.speaker or before is None or reader is None:
            continue
        at = claim.sentence.find(claim.speaker_text or "")
        clause = re.split(r"[,;:()“”\"—–]", claim.sentence[:max(at, 0)])[-1].split()[-2:] if at > 0 else []
        inside, around = found[claim.speaker]
        inside.update(word.lower() for word in before if word.lower() not in reader.calendar)
        around.update(word.lower() for word in clause)
    return found


def _minister_at_home(titled: tuple[set[str], set[str]], home: str, words: BodyWords,
                      out_of_office: frozenset[str]) -> bool:
    """Whether a speaker's titles are of the event's country's government now: the words in a title's phrase before
    it name that country or nothing ("Kenyan Health Minister", "Health Minister"; not "Ugandan Health Minister"),
    and none before the phrase says another country or out of office ("former", "opposition shadow")."""
    def country(word: str) -> str | None:
        for ending in words.possessives:
            word = word.removesuffix(ending)
        return words.countries.get(word)

    inside, around = titled
    return (all(country(word) == home for word in inside)
            and not any(word in out_of_office or country(word) not in (None, home) for word in around))


def _title_words(articles: list[Article], knowledge: Knowledge) -> tuple[frozenset[str], frozenset[str]]:
    """In the articles' languages: the bodies of a government its officials' titles name ("health ministry",
    "government"; as ``SpeakerReader.body_spoken_for`` names them), and the words before a title that put its
    holder out of office ("former", "shadow")."""
    bodies: set[str] = set()
    out_of_office: set[str] = set()
    for lang in {article.lang for article in articles}:
        extractor = knowledge.extractor(lang)
        if extractor is not None:
            bodies.update(extractor.grammars.speakers.body_of_title.values())
            out_of_office.update(extractor.grammars.speakers.out_of_office)
    return frozenset(bodies), frozenset(out_of_office)


def _body_words(articles: list[Article], knowledge: Knowledge, bodies: list[str]) -> BodyWords:
    """The words that name a country and its government in the articles' languages (``checker.match.BodyWords``),
    with the names among ``bodies`` of places that govern themselves ("Puerto Rico", "Odisha")."""
    countries: dict[str, str] = {}
    government: set[str] = set()
    possessives: set[str] = set()
    place_words: set[str] = set()
    home_words: set[str] = set()
    variants: dict[str, str] = {}
    local: set[str] = set()
    for lang in sorted({article.lang for article in articles}):
        extractor = knowledge.extractor(lang)
        if extractor is None:
            continue
        quantities, speakers = extractor.pack.quantities, extractor.pack.speakers
        for population, country in quantities.population_countries.items():
            countries.setdefault(country.lower(), country.lower())
            for form in quantities.populations.get(population, ()):
                countries.setdefault(form.lower(), country.lower())
        government.update(word.lower() for word in speakers.government_words)
        possessives.update(speakers.possessive_suffixes)
        place_words.update(word.lower() for word in speakers.place_prepositions)
        home_words.update(word.lower() for word in speakers.home_government_words)
        variants.update({written.lower(): usual.lower() for written, usual in speakers.spelling_variants.items()})
        local.update(speakers.local_bodies)
    words = BodyWords(countries, frozenset(government), tuple(sorted(possessives)), frozenset(place_words),
                      frozenset(home_words), variants)
    words = replace(words, local_bodies=frozenset(words.key(body) for body in local))
    governed: dict[str, str] = {}
    for name in bodies:  # "Puerto Rico", "officials in Puerto Rico"
        place = " ".join(words.place_named(name.lower().split())) or name.removeprefix("the ")
        if knowledge.gazetteer.governs(place):
            governed[place.lower()] = place.lower()
    return replace(words, countries={**governed, **countries}) if governed else words  # (a country's words first)


def _bodies_spoken_for(claims: list[Claim], articles: list[Article], knowledge: Knowledge,
                       words: BodyWords) -> dict[str, str]:
    """Speakers whose titles speak for a body, to that body named bare ("Jean-Max Bellerive" -> "government", as
    some figure of his names him "Prime Minister"; ``SpeakerReader.body_spoken_for``), and the person a title names
    ("Armand Balilo", of "Coast Guard spokesperson Armand Balilo", wherever the run names him). A speaker whose
    titles speak for two bodies (two names ``words`` does not make one) is left out."""
    lang_of = {article.article_id: article.lang for article in articles}
    bodies: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.speaker and claim.speaker_text and claim.speaker_kind in ("named_official", *BODY_KINDS):
            extractor = knowledge.extractor(lang_of.get(claim.article_id, ""))
            reader = extractor.grammars.speakers if extractor else None
            if reader is None or reader.government_headed(claim.speaker_text):
                continue  # "British Prime Minister Boris Johnson": his country's government, not the event's
                # (``_governments_of_heads``)
            body = reader.body_spoken_for(claim.speaker_text)
            known = reader.matcher.normalise("speaker", body) if body else None
            if known is not None and known.kind != "named_official":
                body = known.name  # "a spokesman for the U.N. refugee agency": UNHCR, however the text names it
            if body and body != claim.speaker and not (body.islower() and claim.speaker.lower().endswith(body)):
                bodies[claim.speaker].add(body)  # (not a body named in full already: "Odisha Government")
                person = reader.person_titled(claim.speaker_text)
                if person and person != claim.speaker:
                    bodies[person].add(body)
    # one body however its titles write it ("Coast guard", "coast guard", "Coastguard"): the spelling with capitals
    # first
    return {speaker: max(found, key=lambda body: (any(c.isupper() for c in body), body))
            for speaker, found in bodies.items() if len({words.key(body) for body in found}) == 1}


def one_name_per_person_of_run(claims: list[Claim], articles: list[Article], knowledge: Knowledge) -> list[Claim]:
    """Copies of the claims with each named person's figures under one name across the run ("Jena" and "Pradeep
    Jena", "Hamad Hasan" and "Hamad Hassan"; ``checker.match.one_name_per_person``)."""
    people = [c.speaker for c in claims if c.speaker and c.speaker_kind == "named_official"]
    if not people:
        return claims
    # a lone capitalised word read as a body may be a person's surname ("Jena said"): it joins one named person
    people += [c.speaker for c in claims if c.speaker and c.speaker_kind == "organisation" and " " not in c.speaker
               and not knowledge.gazetteer.governs(c.speaker)]  # "Jordan said" is the country's, not a Jordan's
    # (a town's name may be a surname: "Jena said" after "Chief Secretary Pradeep Jena")
    titles = {title for lang in {a.lang for a in articles} if (extractor := knowledge.extractor(lang)) is not None
              for title in extractor.pack.sentences.titles}
    canonical = one_name_per_person(people, sorted(titles))
    named = set(canonical.values()) & {c.speaker for c in claims if c.speaker_kind == "named_official"}

    def renamed(claim: Claim) -> Claim:
        name = canonical.get(claim.speaker or "")
        if name is None or name == claim.speaker:
            return claim
        if claim.speaker_kind == "named_official":
            return replace(claim, speaker=name)
        if claim.speaker_kind == "organisation" and name in named:
            return replace(claim, speaker=name, speaker_kind="named_official")
        return claim

    return [renamed(c) for c in claims]
