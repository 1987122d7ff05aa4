"""Questions as people type them in chat: invisible characters, links and shorthand, misspelled
and other forms of words, and the aliases a corpus gives its names."""

from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from helpers import SEEDS_DIR, write, write_article
from retrieval import Article, Corpus, CorpusError, Engine, load_corpus
from retrieval.question.chat import acknowledges, remove_invisible, rewrite
from retrieval.question.fillers import without_fillers
from retrieval.question.query import shouted
from retrieval.question.spelling import Speller
from retrieval.question.weights import english_weight
from retrieval.settings import EngineSettings, RetrievalSettings
from retrieval.verdict.asked_for import asked_for


def one_article(*paragraphs: str) -> Engine:
    return Engine(Corpus([Article.from_paragraphs("notes", "Harbour notes", list(paragraphs))]))


# -- invisible characters, links, shorthand ------------------------------------------------------


def test_invisible_characters_inside_a_word_do_not_break_it(engine: Engine) -> None:
    pasted = "nu\u200bclear wea\u200dpons\u200e"
    assert remove_invisible(pasted) == "nuclear weapons"
    assert engine.query_terms(pasted) == engine.query_terms("nuclear weapons")


def test_a_terminal_colour_or_a_control_character_is_no_word_of_the_question(
    engine: Engine,
) -> None:
    coloured = "\x1b[1;31mnuclear\x1b[0m weapons\x07\x1b]0;title\x07\x7f"
    assert remove_invisible(coloured) == "nuclear weapons"
    assert engine.query_terms(coloured) == engine.query_terms("nuclear weapons")
    assert remove_invisible("nuclear\tweapons\n") == "nuclear\tweapons\n"


@pytest.mark.parametrize(
    "message",
    [
        "thanks!",
        "Thank you so much \U0001f64f",
        "ok got it \U0001f44d",
        "thx!!",
        "\U0001f44d",
        "that makes sense, cheers",
        "**thanks** <@123>",
        "",
    ],
)
def test_a_message_that_only_thanks_or_agrees_asks_nothing(message: str) -> None:
    assert acknowledges(message)


@pytest.mark.parametrize(
    "message", ["what about China?", "thanks, what about China?", "why?", "1984", "ok but who?"]
)
def test_a_message_with_a_word_of_its_own_asks_something(message: str) -> None:
    assert not acknowledges(message)


def test_a_pasted_link_is_not_part_of_the_question(engine: Engine) -> None:
    linked = "what about sanctions https://example.org/a?b=c www.example.com/x"
    assert engine.query_terms(linked) == engine.query_terms("what about sanctions")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("who is doug bandow <@123> <@!45> <#678> <@&90>", "who is doug bandow"),
        ("who is doug bandow @everyone @here", "who is doug bandow"),
        ("who is doug bandow <:wave:123> <a:dance:45>", "who is doug bandow"),
        ("who is doug bandow <t:1700000000:R> </ask:123>", "who is doug bandow"),
        ("who is **doug** __bandow__", "who is doug bandow"),
        ("who is *doug* _bandow_ ~~x~~ ||y|| `z`", "who is doug bandow x y z"),
        ("who is [doug bandow](https://evil.example/a_(b))", "who is doug bandow"),
        ("who is [doug bandow](<https://evil.example>)", "who is doug bandow"),
        ("what is juche_ideology about", "what is juche_ideology about"),
    ],
)
def test_discord_markup_in_a_question_is_not_read_as_its_words(typed: str, read: str) -> None:
    assert rewrite(typed).split() == read.split()


def test_a_question_with_mentions_links_and_emphasis_answers_as_its_plain_words(
    engine: Engine,
) -> None:
    marked = "!ask who is doug bandow @everyone [x](https://evil.example) **bold**".removeprefix(
        "!ask "
    )
    plain = "who is doug bandow x bold"  # what the asker wrote, markup aside
    assert engine.ask(marked).model_dump(exclude={"question"}) == engine.ask(plain).model_dump(
        exclude={"question"}
    )
    assert "everyone" not in engine.ask(marked).missing
    wrapped = "who is **doug** __bandow__ <@123> <#456> <@&789> @everyone <:wave:1234>"
    assert engine.ask(wrapped).verdict == "answer"
    assert engine.query_terms(wrapped) == engine.query_terms("who is doug bandow")


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("what is the campaign supposed to achieve", "what is the campaign  achieve"),
        ("did he actually ever go", "did he   go"),
        ("the pre-congress campaign", "the congress campaign"),
        ("non-nuclear and Anti-war", "nuclear and war"),
        ("however whatever exactness", "however whatever exactness"),
        ("self-reliance", "self-reliance"),
        ("what happens if i break a rule", "what if i break a rule"),
        ("What has happened to the coach?", "What has to the coach?"),
        ("what is happening to prices", "what is to prices"),
        ("when did it happen", "when did it happen"),  # asks when, not what happened
        ("the happenings of 1901", "the happenings of 1901"),
        # the frame of a duration asked: the answer says "within seven days", not "long"
        ("how long do appeals take", "how do appeals"),
        ("How long does it take to hear back?", "How does it to hear back?"),
        ("how long did the war last", "how did the war last"),
        ("how long is the river", "how long is the river"),  # a length
        ("how long, and does it take", "how , and does it take"),  # another clause
        ("what does it take", "what does it take"),
        ("does anyone know when the congress starts", "when the congress starts"),
        ("hey, can someone tell me why it failed", "hey, why it failed"),
        ("any idea how to reset it?", "how to reset it?"),
        ("I was wondering whether it works", "whether it works"),
        ("i dont get why kim wants markets", "why kim wants markets"),
        ("Thanks. Do you happen to know where it is?", ". where it is?"),
        ("how do you know if it worked", "how do you know if it worked"),  # asks about knowing
        # a request for what is known of a subject: the subject is what is searched
        ("what do you know about kim", "about kim"),
        ("tell me about the congress", "about the congress"),
        ("hey, tell me a bit more about the congress", "hey, a bit more about the congress"),
        ("what can you tell me about sanctions", "about sanctions"),
        ("can you explain the sanctions", "the sanctions"),
        ("describe the congress", "the congress"),
        ("summarize the appeals process", "the appeals process"),
        ("sum up what the faq says about reports", "what the faq says about reports"),
        ("the sum up to ten", "the sum up to ten"),  # a sum, not a request
        ("explain how sanctions work", "how sanctions work"),
        ("show me the rules", "the rules"),
        ("any information on the congress?", "on the congress?"),
        ("can you give me some information about kim", "about kim"),
        # ... at the start of the message: a text that tells, or a person who knows, is asked of
        ("what does the article tell us about kim", "what does the article tell us about kim"),
        ("i know about kim but what about moon", "i know about kim but what about moon"),
        ("show rules", "show rules"),  # a docs site's command ("poetry show") stays a word
        ("the information on the form", "the information on the form"),
        ("when does it start please", "when does it start"),
        ("when does it start? thanks in advance!", "when does it start? !"),
        ("thanks to the sanctions, did prices rise", "thanks to the sanctions, did prices rise"),
        ("the thank-you note", "the thank-you note"),
        ("quick question: by the way, to be honest, who won", ": , , who won"),
        ("who won haha xd", "who won"),
        ("please help me where is it", "where is it"),
        ("where do i get help", "where do i get help"),
        ("when does it start?? anyone?", "when does it start? ?"),
        ("who is someone", "who is someone"),
        ("what if i dont know", "what if i dont know"),
        ("do i need to be whitelisted", "do i be whitelisted"),
        ("feel the need to act", "feel the need to act"),  # the noun
        ("what is needed to start it", "what is needed to start it"),  # what is required
        ("hmm why does it fail", "why does it fail"),
        ("umm ok tl;dr why", "ok why"),
        ("guys when does it start", "when does it start"),
        ("everyone, when does it start, guys?", ", when does it start ?"),
        ("everyone is welcome?", "everyone is welcome?"),  # the subject, not a vocative
        ("who are the guys in the photo", "who are the guys in the photo"),
    ],
)
def test_hedges_semi_modals_prefixes_and_the_verb_of_what_happens_are_not_searched(
    typed: str, searched: str
) -> None:
    assert without_fillers(typed).split() == searched.split()
    assert len(without_fillers(typed)) == len(typed)  # every other word keeps its place


def test_courtesies_and_asides_are_not_searched(engine: Engine) -> None:
    plain = "why does kim jong un want economic development"
    for polite in (f"{plain} pls", f"{plain}? thx", f"{plain}, thanks in advance", f"{plain} btw"):
        assert engine.query_terms(polite) == engine.query_terms(plain)


def test_a_wrapped_question_asks_for_what_the_plain_one_does(engine: Engine) -> None:
    plain = "when does the congress start"
    for wrapped in (f"any idea {plain}", f"ngl {plain}", f"hey guys, anyone know {plain}? thx"):
        assert asked_for(engine.query(wrapped).meant) == asked_for(plain) == "time"
        found, expected = engine.ask(wrapped), engine.ask(plain)
        assert (found.verdict, found.reason) == (expected.verdict, expected.reason)


@pytest.mark.parametrize(
    "typed",
    [
        "WHY DOES KIM JONG UN WANT ECONOMIC DEVELOPMENT",
        "Why Does Kim Jong Un Want Economic Development",
        "why does kim jong un want economic development??? \U0001f64f",
        "> why does kim jong un want economic development",
    ],
)
def test_a_question_shouted_quoted_or_with_emoji_answers_as_typed_plainly(
    engine: Engine, typed: str
) -> None:
    plain = engine.ask("why does kim jong un want economic development")
    found = engine.ask(typed)
    assert (found.verdict, found.reason) == (plain.verdict, plain.reason) == ("answer", None)
    assert [p.citation for p in found.passages] == [p.citation for p in plain.passages]


def test_a_question_in_capitals_reads_its_shorthand_and_title_case_keeps_acronyms(
    engine: Engine,
) -> None:
    assert engine.query_terms("WHATS KIM DOING RN") == engine.query_terms("whats kim doing rn")
    assert shouted("What Did The US Say") and not shouted("Kim Jong Un")
    assert engine.query_terms("What Did The US Say") == engine.query_terms("what did the US say")


@pytest.mark.parametrize(
    "opener", ["tldr", "tl;dr", "ngl", "hmm", "umm so", "hey guys,", "bruh", "omg", "y'all"]
)
def test_interjections_of_chat_leave_the_answer_as_it_was(engine: Engine, opener: str) -> None:
    plain = "why does kim jong un want economic development"
    assert engine.query_terms(f"{opener} {plain}") == engine.query_terms(plain)
    assert engine.ask(f"{opener} {plain}").verdict == "answer"


@pytest.mark.parametrize(
    "wrapper", ["does anyone know", "hey, can someone tell me", "any idea", "i was wondering"]
)
def test_a_question_asked_of_people_answers_as_the_plain_question(
    engine: Engine, wrapper: str
) -> None:
    plain = engine.ask("why does kim jong un want economic development")
    wrapped = engine.ask(f"{wrapper} why kim jong un wants economic development")
    assert engine.query_terms(f"{wrapper} when the congress starts") == engine.query_terms(
        "when the congress starts"
    )
    assert wrapped.verdict == plain.verdict == "answer"
    assert [p.citation for p in wrapped.passages] == [p.citation for p in plain.passages]


def test_a_hedged_question_searches_the_same_words_as_a_plain_one(engine: Engine) -> None:
    hedged = engine.query("What is the pre-congress campaign actually supposed to achieve?")
    plain = engine.query("What is the congress campaign to achieve?")
    assert hedged.terms == plain.terms
    assert hedged.weights == plain.weights


@pytest.mark.parametrize(
    "request_",
    [
        "tell me about",
        "can you tell me about",
        "what do you know about",
        "please explain",
        "any info on",
    ],
)
def test_a_request_to_tell_about_a_subject_answers_from_the_subject(
    tmp_path: Path, request_: str
) -> None:
    # "told" elsewhere is a form of "tell": searched, it made a report page the closest
    write_article(tmp_path, "roles.md", "Roles", "Roles show what you do in the community.")
    write_article(tmp_path, "faq.md", "FAQ", "The person reported is not told who reported them.")
    answer = Engine(load_corpus(tmp_path)).ask(f"{request_} the roles")
    assert answer.verdict == "answer"
    assert answer.passages[0].citation == "roles ¶1"


SERVER_RULES = """\
# Server rules

Breaking a rule gets a warning first; staff may skip straight to a ban for cheating.

1. No hacked clients, x-ray packs or duplication glitches.
2. No griefing or stealing, even outside claims.
3. Keep chat friendly: no slurs, spam or advertising other servers.
4. One account per person. Alt accounts are banned on sight.
5. AFK farms are allowed but must switch off when you log out.

## Appeals

If you were banned, open a ticket in `#appeals` with your in-game name. Appeals are read by
two admins and answered within 72 hours.

## Reporting players

Use `/report <player> <reason>` in game or ping `@Staff` in `#help` for urgent cases.
"""
LAND_CLAIMS = """\
---
title: Land claims
---

# Land claims

Claims protect your builds from griefing. Every player starts with 100 claim blocks and earns
another 50 for each hour played.

## Making a claim

Hold a golden shovel and right-click two opposite corners of the area. The claim is shown with
glowstone and gold blocks for a few seconds.

> **Tip:** Use `/claimslist` to see every claim you own and how many blocks you have left.

## Trusting friends

- `/trust <player>` lets a friend build in the claim you stand in.
- `/containertrust <player>` only lets them open chests, furnaces and barrels.
- `/untrust <player>` removes them again.

## Abandoned claims

Claims of players who have not logged in for 60 days are removed automatically. Builds inside
them are not rolled back, so anyone may take them over.

## How do I resize a claim?

Stand inside the claim, hold the golden shovel and right-click a corner, then right-click
where the corner should go.
"""


def test_how_long_something_takes_is_answered_by_the_duration_stated(tmp_path: Path) -> None:
    # the answer says neither "long" nor "take": searched for, they made it only the closest
    write(tmp_path, "rules.md", SERVER_RULES)
    write(tmp_path, "claims.md", LAND_CLAIMS)
    answer = Engine(load_corpus(tmp_path)).ask("how long do appeals take")
    assert answer.verdict == "answer"
    assert answer.passages[0].text.endswith("answered within 72 hours.")


def test_chat_shorthand_of_english_is_spelled_out() -> None:
    assert rewrite("govt pics rn tho") == "government pictures right now though"
    assert rewrite("wat does the govt want lol") == "what does the government want "
    assert rewrite("RN") == "RN"  # an acronym, not chat shorthand


@pytest.mark.parametrize("typed", ["whats", "im", "doesnt", "dont", "youre", "theres", "cant"])
def test_a_contraction_typed_without_its_apostrophe_is_a_stop_word_as_the_contraction_is(
    typed: str,
) -> None:
    engine = one_article("The ferry leaves the harbour at noon.")
    assert engine.query(f"{typed} the ferry time").weights.keys() == {"ferri", "time"}


@pytest.mark.parametrize("word", ["lets", "ill", "id", "well", "shell", "wed"])
def test_a_bare_contraction_that_is_a_word_of_its_own_stays_a_word(word: str) -> None:
    engine = one_article(f"The {word} is here.")
    assert engine.query(f"where is the {word}").weights


# -- misspellings and other forms ---------------------------------------------------------------


def test_a_misspelled_word_is_found_in_the_corpus_with_a_lower_weight(engine: Engine) -> None:
    typo, right = engine.query("nucleer weapons"), engine.query("nuclear weapons")
    assert typo.terms == right.terms
    assert typo.weights["nuclear"] < right.weights["nuclear"]
    answer = engine.ask("nucleer weapons")
    assert answer.verdict == "answer"
    assert "nuclear" in answer.passages[0].text


def test_a_common_english_word_is_never_taken_for_a_misspelling() -> None:
    speller = Speller([("wise", "wise"), ("pastors", "pastor")], lambda w: w)
    assert speller.respell("wife") is None
    assert speller.respell("pistons") is None  # a real word, as rare as the corpus's
    assert speller.respell("pastrs") is not None


@pytest.mark.parametrize(("typed", "corpus"), [("gadaffi", "qaddafi"), ("regan", "reagan")])
def test_a_name_spelled_for_the_same_sound_is_found_with_a_lower_weight(
    typed: str, corpus: str
) -> None:
    speller = Speller([(corpus, corpus), ("harbour", "harbour")], lambda w: w)
    found = speller.respell(typed)
    assert found is not None
    assert (found.term, found.word) == (corpus, corpus)
    assert found.confidence < 1


def test_a_sound_alike_is_not_taken_for_a_common_word_or_a_rarer_spelling() -> None:
    speller = Speller([("wrights", "wrights"), ("gadhafi", "gadhafi")], lambda w: w)
    assert speller.respell("rights") is None  # an everyday word, not a misspelled name
    assert speller.respell("gaddafi") is None  # the corpus spells it more rarely


def test_an_irregular_form_finds_the_corpus_s_form_of_the_word() -> None:
    engine = one_article("The fleet took shelter in the harbour during the storm.")
    assert engine.query_terms("when did the fleet take shelter") == ["fleet", "took", "shelter"]
    assert engine.ask("when did the fleet take shelter").verdict == "answer"


# -- aliases ------------------------------------------------------------------------------------


def test_an_alias_from_the_front_matter_stands_for_its_phrase(tmp_path: Path) -> None:
    write_article(
        tmp_path,
        "harbour.txt",
        "Harbour notes",
        "The Royal Harbour Authority closed the north pier on Monday.",
        front_matter='[aliases]\n"Royal Harbour Authority" = ["RHA", "the port board"]\n',
    )
    engine = Engine(load_corpus(tmp_path))
    assert engine.corpus.articles[0].aliases == (
        ("Royal Harbour Authority", ("RHA", "the port board")),
    )
    for question in ("what did the RHA close", "what did the port board close"):
        assert {"royal", "harbour"} <= set(engine.query_terms(question))
        assert engine.ask(question).verdict == "answer"


def test_an_alias_the_text_also_uses_keeps_matching_where_it_is_used(engine: Engine) -> None:
    assert {"dprk", "north", "korea"} <= set(engine.query_terms("what is the DPRK"))
    assert {"north", "korea"} <= set(engine.query_terms("why talk to NK now"))


def test_an_alias_that_is_a_function_word_is_left_out(tmp_path: Path) -> None:
    write_article(
        tmp_path,
        "a.txt",
        "Harbour notes",
        "The United States Navy visited the harbour.",
        front_matter='[aliases]\n"United States" = ["US", "USA"]\n',
    )
    engine = Engine(load_corpus(tmp_path))
    assert engine.query_terms("did they tell us about the harbour") == ["tell", "harbour"]
    assert {"unit", "state"} <= set(engine.query_terms("did the USA navy visit"))


def test_aliases_that_are_not_lists_of_names_are_refused_with_the_key(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "T", "Text.", front_matter='[aliases]\n"Harbour" = 3\n')
    with pytest.raises(CorpusError, match="aliases"):
        load_corpus(tmp_path)


def _with_article(folder: Path, front_matter: str) -> Engine:
    """The seed articles and one about a harbour, whose front matter is ``front_matter``."""
    shutil.copytree(SEEDS_DIR, folder)
    write_article(
        folder,
        "002-zorblat.txt",
        "Harbour notes",
        "The zorblat harbour policy closed the north pier to fishing boats on Monday.",
        "Fishermen said the pier had been open for forty years.",
        front_matter=front_matter,
    )
    return Engine(load_corpus(folder))


def test_an_alias_of_a_common_word_does_not_take_over_the_corpus_s_answers(
    tmp_path: Path,
) -> None:
    question = "Why should the U.S. engage North Korea?"
    aliased = _with_article(tmp_path / "a", '[aliases]\n"zorblat harbour policy" = ["korea"]\n')
    plain = _with_article(tmp_path / "b", 'title = "Harbour notes"\n')

    answer, without = aliased.ask(question), plain.ask(question)

    assert "zorblat" not in {p.article for p in answer.passages}
    assert [p.citation for p in answer.passages] == [p.citation for p in without.passages]
    assert answer.verdict == without.verdict == "answer"
    query = aliased.query(question)  # the typed words keep their weight; the alias's weigh less
    assert query.weights["korea"] == plain.query(question).weights["korea"]
    added = sum(query.weights[t] for t in ("zorblat", "harbour", "polici"))
    assert added <= query.weights["korea"] + 1e-9


def test_an_alias_still_finds_the_phrase_it_names(tmp_path: Path) -> None:
    engine = _with_article(tmp_path / "c", '[aliases]\n"zorblat harbour policy" = ["ZHP"]\n')
    answer = engine.ask("what did the ZHP close")
    assert answer.verdict == "answer"
    assert answer.passages[0].citation == "zorblat \u00b61"


def test_an_alias_the_text_also_uses_is_held_where_its_phrase_is(tmp_path: Path) -> None:
    # "Mods" in one paragraph makes "mod" a corpus word, searched as typed: a paragraph on
    # moderators answers "mod" all the same, as the front matter says it means.
    write_article(
        tmp_path,
        "faq.md",
        "Server FAQ",
        "## How do I report someone?\n\nChoose Apps and then Report to Mods.",
        "## How do I become a moderator?\n\nModerator applications open twice a year.",
        front_matter='[aliases]\n"moderator" = ["mod"]\n',
    )
    engine = Engine(load_corpus(tmp_path))
    assert {"mod", "moder"} <= set(engine.query_terms("how do i become a mod"))
    answer = engine.ask("how do i become a mod")
    assert answer.verdict == "answer"
    assert answer.passages[0].text == "Moderator applications open twice a year."
    unaliased = tmp_path / "plain"
    write_article(
        unaliased,
        "faq.md",
        "Server FAQ",
        "## How do I report someone?\n\nChoose Apps and then Report to Mods.",
        "## How do I become a moderator?\n\nModerator applications open twice a year.",
    )
    assert Engine(load_corpus(unaliased)).ask("how do i become a mod").verdict != "answer"


def test_an_alias_repeated_in_a_question_adds_its_phrase_once(tmp_path: Path) -> None:
    phrase = " ".join(["zorblat harbour policy"] * 4)
    engine = _with_article(tmp_path / "c", f'[aliases]\n"{phrase}" = ["zp", "zq", "zr", "zs"]\n')
    once = engine.query("what did the zp close")
    many = engine.query("what did the " + "zp zq zr zs " * 30 + "close")
    assert set(many.terms) == set(once.terms)
    assert len(many.terms) <= len(once.terms) + 3


def test_reading_a_question_takes_no_longer_with_many_aliases_or_long_phrases() -> None:
    # Built directly, past the loader's limits (tested below): the cost of reading must not
    # grow with the number of aliases, nor with the length of the phrases they stand for.
    articles = [
        replace(
            Article.from_paragraphs(f"a{n}", f"Notes {n}", [f"Harbour {n} closed the pier."]),
            aliases=tuple(
                (f"harbour {n} phrase {k}", tuple(f"h{n}x{k}y{j}" for j in range(20)))
                for k in range(100)
            ),
        )
        for n in range(50)
    ]  # 5,000 phrases of 20 aliases
    settings = EngineSettings(retrieval=RetrievalSettings(max_question_chars=4000))
    engine = Engine(Corpus(articles), settings)
    phrase = ("zorblat harbour policy " * 10)[:200].strip()
    repeated = Engine(
        Corpus([replace(articles[0], aliases=((phrase, ("zp", "zq", "zr", "zs")),))]), settings
    )

    def seconds(engine: Engine, question: str) -> float:
        started = time.perf_counter()
        engine.query(question)
        return time.perf_counter() - started

    english_weight("harbour")  # English word frequencies, loaded once a process
    first = seconds(engine, "what did h3x2y7 close")  # the first question after a load
    # (no word the corpus lacks: the speller, built on the first one, is timed elsewhere)
    later = seconds(engine, "what did h4x9y7 close")
    longest = seconds(repeated, "zp zq zr zs " * 333)  # 3,996 characters, all aliases
    assert {"harbour", "3", "phrase", "2"} <= set(engine.query_terms("what did h3x2y7 close"))
    # Linear, not quadratic: before, these took 4.8 s, 35 ms and 1.5 s. The bound is loose, as
    # the machines that run the tests are shared; bench numbers are for speed, not this.
    assert max(first, later, longest) < 1.0, (first, later, longest)


@pytest.mark.parametrize(
    ("aliases", "problem"),
    [
        ('"Harbour" = ["' + "h" * 61 + '"]', "aliases"),
        ('"' + "Harbour " * 13 + '" = ["HB"]', "aliases"),
        ("\n".join(f'"Harbour {n}" = ["h{n}a", "h{n}b", "h{n}c"]' for n in range(34)), "100"),
    ],
    ids=["long alias", "long phrase", "too many"],
)
def test_aliases_over_the_limits_are_refused_naming_the_file(
    tmp_path: Path, aliases: str, problem: str
) -> None:
    write_article(tmp_path, "a.txt", "T", "Harbour text.", front_matter=f"[aliases]\n{aliases}\n")
    with pytest.raises(CorpusError, match=problem) as raised:
        load_corpus(tmp_path)
    assert str(raised.value).startswith("a.txt") and "\n" not in str(raised.value)


def test_a_corpus_declaring_too_many_aliases_in_all_is_refused_naming_the_file(
    tmp_path: Path,
) -> None:
    aliases = "\n".join(f'"Harbour {n}" = ["h{n}a", "h{n}b", "h{n}c", "h{n}d"]' for n in range(25))
    for number in range(51):
        text = aliases.replace("h", f"n{number}h")  # different aliases in each file
        write_article(
            tmp_path,
            f"{number:03}.txt",
            f"T{number}",
            "Harbour text.",
            front_matter=f"[aliases]\n{text}\n",
        )
    with pytest.raises(CorpusError, match="5,000") as raised:
        load_corpus(tmp_path)
    assert str(raised.value).startswith("050.txt")
    assert len(load_corpus(tmp_path, strict=False).skipped) == 1
