"""What chat questions ask, and what citebot says to them: questions about the articles
themselves, how informative a word is, the three verdicts, and the kind of thing asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import BLOOMBERG, CATO, SEEDS_DIR, write
from retrieval import Article, Corpus, Engine, load_corpus
from retrieval.index import meaning
from retrieval.index.tokenize import Tokenizer
from retrieval.question.weights import blend, english_weight, phrase_weights
from retrieval.verdict.asked_for import asked_for, holds


def one_article(*paragraphs: str) -> Engine:
    return Engine(Corpus([Article.from_paragraphs("notes", "Harbour notes", list(paragraphs))]))


# -- articles as things people ask about -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("what does bloomberg say about sanctions", BLOOMBERG),
        ("per bandow, what about sanctions", CATO),
        ("sanctions, according to the cato piece", CATO),
    ],
)
def test_naming_an_article_by_publisher_or_author_favours_its_passages(
    engine: Engine, question: str, article: str
) -> None:
    answer = engine.ask(question)
    assert answer.verdict == "answer"
    assert answer.passages[0].article == article
    assert "sanctions" in answer.passages[0].text


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("who wrote the cato piece", CATO),
        ("whats the bloomberg article called", BLOOMBERG),
        ("What's the headline of the Bloomberg editorial?", BLOOMBERG),
    ],
)
def test_a_question_about_an_article_quotes_its_title_card(
    engine: Engine, question: str, article: str
) -> None:
    card = engine.ask(question).passages[0]
    found = engine.corpus.by_slug[article]
    assert (card.article, card.paragraph, card.kind) == (article, 0, "title")
    assert card.text == found.title and card.citation == f"{article} title"
    assert (card.author, card.publisher) == (found.author, found.publisher)


def test_title_cards_stay_out_of_ordinary_answers_and_their_summaries(engine: Engine) -> None:
    answer = engine.ask("Why should the U.S. engage North Korea?")
    assert all(p.kind != "title" for p in answer.passages)
    answer = engine.ask("is north korea nucleer")
    quoted = {(p.article, p.paragraph): p.kind for p in answer.passages}
    assert answer.summary
    for sentence in answer.summary:
        assert quoted[(sentence.article, sentence.paragraph)] == "body"


def test_every_answer_has_an_in_short_even_from_a_bio_or_a_title_card(engine: Engine) -> None:
    bio = engine.ask("Who is Doug Bandow?")
    assert bio.verdict == "answer"
    assert [s.citation for s in bio.summary] == [bio.passages[0].citation]
    card = engine.ask("who wrote the cato piece")
    assert card.verdict == "answer" and card.summary
    assert card.summary[0].citation == card.passages[0].citation == "cato-kim-congress title"


def test_asking_for_the_author_never_quotes_authority(engine: Engine) -> None:
    assert engine.query_terms("who is the author") != engine.query_terms("authority")
    for passage in engine.ask("who is the author").passages:
        assert not any(term.casefold().startswith("authorit") for term in passage.matched_terms)


def test_a_paragraph_can_be_asked_for_by_its_kind(engine: Engine) -> None:
    answer = engine.ask("whats the caption on the bloomberg pic")
    assert (answer.passages[0].article, answer.passages[0].kind) == (BLOOMBERG, "caption")


# -- how informative a word is --------------------------------------------------------------


def test_everyday_words_weigh_little_in_english_and_names_much() -> None:
    assert english_weight("the") == 0.0
    assert english_weight("know") < english_weight("sanctions") < english_weight("juche")
    assert english_weight("zorblatt") == 1.0


def test_a_word_the_corpus_lacks_weighs_what_english_says() -> None:
    assert blend(0.3, None, 34) == 0.3
    assert blend(0.8, 1, 34) > blend(0.8, 17, 34)  # a word in half the paragraphs weighs less


def test_a_name_weighs_as_its_weightiest_word() -> None:
    sentences = [[["kim", "jong", "un", "met"], ["kim", "jong", "un", "spoke"]]]
    weights = {"kim": 0.3, "jong": 0.5, "un": 0.4, "height": 0.5}
    got = phrase_weights(["kim", "jong", "un", "height"], weights, sentences)
    assert got == {"kim": 0.5, "jong": 0.0, "un": 0.0, "height": 0.5}


def test_pointing_at_the_article_is_not_what_the_question_asks_about(engine: Engine) -> None:
    weights = engine.query("why does the article cite qaddafi").weights
    assert weights.keys() == engine.query("why cite qaddafi").weights.keys()
    assert "articl" in engine.query("what article of the treaty applies").weights


@pytest.mark.parametrize(
    "question",
    [
        "why does the article bring up qaddafi",
        "why does the piece talk about qaddafi",
        "what does the editorial refer to qaddafi for",
    ],
)
def test_a_phrasal_verb_for_what_the_article_does_is_not_what_is_asked(
    engine: Engine, question: str
) -> None:
    assert list(engine.query(question).weights) == ["qaddafi"]
    assert engine.ask(question).verdict == "answer"


def test_a_phrasal_verb_stays_a_question_word_when_no_article_is_meant(engine: Engine) -> None:
    assert "bring" in engine.query("who will bring up the children").weights
    assert "talk" in engine.query("will they talk about sanctions").weights


def test_a_contraction_s_stem_that_is_a_word_is_not_a_stop_word() -> None:
    tokenizer = Tokenizer()
    assert [t.term for t in tokenizer.tokens("who won the election")] == ["won", "elect"]
    assert [t.term for t in tokenizer.tokens("we won't go")] == ["go"]


# -- the three verdicts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Why should the U.S. engage North Korea?", "answer"),
        ("How tall is Kim Jong Un?", "closest"),
        ("whats the weather in moscow this weekend", "none"),
    ],
)
def test_three_verdicts(engine: Engine, question: str, verdict: str) -> None:
    answer = engine.ask(question)
    assert answer.verdict == verdict
    assert answer.abstained == (verdict == "none")
    assert bool(answer.summary) == (verdict == "answer")
    assert bool(answer.passages) == (verdict != "none")


def test_without_the_embedding_model_words_alone_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(texts: object) -> object:
        raise meaning.MeaningUnavailable("WordLlama could not be loaded: test")

    monkeypatch.setattr(meaning, "embed", unavailable)
    engine = Engine(load_corpus(SEEDS_DIR))
    assert engine.ask("Why should the U.S. engage North Korea?").verdict == "answer"
    assert engine.ask("whats the weather in moscow this weekend").verdict != "answer"


def test_the_embedding_model_loads_from_its_wheel_without_downloading() -> None:
    vectors = meaning.embed(["a moment to engage", "a moment to engage", "jelly beans"])
    assert vectors.shape == (3, 256)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0, abs=1e-5)
    assert float(vectors[0] @ vectors[2]) < 0.9


# -- what a question asks for -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("When did the fleet sail?", "time"),
        ("so when is the congress", "time"),
        ("do we know when it starts", "time"),
        ("what year did they leave the treaty", "time"),
        ("How many ships sank?", "quantity"),
        ("how long has he ruled", "duration"),
        ("how long ago did he rule", "time"),
        ("how much does the patron role cost", "cost"),
        ("what does a ticket cost", "cost"),
        ("how much rain fell", "quantity"),
        ("what is the country's growth rate", "quantity"),
        ("how often does it sync", "frequency"),
        ("what happens when the talks fail", None),
        ("Why did the fleet sail?", None),
        ("Who won the election?", "name"),
        ("so who wrote it", "name"),
        ("what was the name of the sailor who sank it", None),
    ],
)
def test_what_a_question_asks_for_is_told_by_its_words(question: str, wanted: str | None) -> None:
    assert asked_for(question) == wanted


@pytest.mark.parametrize(
    ("text", "wanted", "held"),
    [
        ("The fleet sailed in March.", "time", True),
        ("It sailed three years ago.", "time", True),
        ("It sailed during the storm.", "time", True),
        ("The ferry leaves at noon.", "time", True),
        ("The ferry leaves in the early evening.", "time", True),
        ("The fleet sailed from the harbour.", "time", False),
        ("Two ships sank.", "quantity", True),
        ("It cost 4.5 million.", "quantity", True),
        ("No one imagines the ships sank.", "quantity", False),
        ("The widget syncs every hour.", "frequency", True),
        ("Backups run nightly.", "frequency", True),
        ("It syncs twice a day.", "frequency", True),
        ("The widget syncs your files.", "frequency", False),
        ("Bans are permanent.", "duration", True),
        ("A ban lasts until a moderator lifts it.", "duration", True),
        ("A ban is a moderator's call.", "duration", False),
        ("An import can take up to an hour to index.", "duration", True),  # a span, no number
        ("Reviews take a few days.", "duration", True),
        ("It lasts a couple of weeks.", "duration", True),
        ("An hourglass sits on the desk.", "duration", False),
        ("The Patron role is free for boosters.", "cost", True),
        ("The Patron role is for boosters.", "cost", False),
        ("The Patron role costs $5 a month.", "cost", True),
        ("A ticket costs twenty pounds.", "cost", True),
        ("About three million people watch it.", "cost", False),  # a price is money
        ("Movie night is on Fridays.", "time", True),
        ("Ships may march on.", "time", False),  # lowercase: verbs, not months
    ],
)
def test_a_passage_holds_what_is_asked_for_as_written(text: str, wanted: str, held: bool) -> None:
    assert holds(wanted, text) is held  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The show moved to BBC Two in 2004.", False),  # the question's own number
        ("The show moved to BBC Two, where 3 million watched.", True),
        ("The show moved from BBC One to BBC Two.", False),  # "One" is part of a name
        ("One of them watched it on BBC Two.", True),  # opening a sentence, a number
    ],
)
def test_a_number_the_question_holds_is_not_the_number_asked_for(text: str, held: bool) -> None:
    assert holds("quantity", text, "How many viewers did the show get on BBC Two in 2004?") is held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The race was won by Ada Lovelace.", True),
        ("The race was won by Émile.", True),
        ("In March the race was won.", False),  # the month is the question's own
        ("The race was won. It was close.", False),  # sentence openings may be any word
        ("Then I won the race in March.", False),
    ],
)
def test_a_passage_holds_a_name_the_question_lacks(text: str, held: bool) -> None:
    assert holds("name", text, "who won the race in March?") is held


@pytest.mark.parametrize(
    ("without", "with_it", "question", "lacking"),
    [
        (
            "The fleet sailed from the harbour to the northern islands.",
            "The fleet sailed from the harbour to the northern islands in 1912.",
            "when did the fleet sail to the northern islands",
            "no date or time",
        ),
        (
            "Ships of the fleet sank in the storm off the northern islands.",
            "Four ships of the fleet sank in the storm off the northern islands.",
            "how many ships of the fleet sank in the storm",
            "no number",
        ),
        (
            "The ferry to the northern islands leaves from the harbour.",
            "The ferry to the northern islands leaves from the harbour every morning.",
            "how often does the ferry to the northern islands leave the harbour",
            "no number or frequency",
        ),
        (
            "The November election for the harbour board was close, and turnout was high.",
            "The November election for the harbour board was won by Grace Hopper.",
            "who won the november election for the harbour board",
            "no name",
        ),
    ],
)
def test_a_passage_without_the_time_number_or_name_asked_for_is_only_the_closest(
    without: str, with_it: str, question: str, lacking: str
) -> None:
    answer = one_article(without).ask(question)
    assert answer.verdict == "closest"
    assert answer.reason is not None and lacking in answer.reason
    assert one_article(with_it).ask(question).verdict == "answer"


def test_a_passage_on_another_place_than_the_one_named_is_only_the_closest() -> None:
    # every word but the name is in the first paragraph; the name only in the second
    notes = one_article(
        "The council tax in Wales was last revalued in 2003, and bands rose by a step.",
        "Scotland froze its council tax bills for the third year running.",
    )
    assert notes.ask("When was Scotland's council tax last revalued?").verdict == "closest"
    assert notes.ask("When was the council tax in Wales last revalued?").verdict == "answer"
    assert notes.ask("when was the tax revalued").verdict == "answer"


def test_what_is_asked_for_must_be_stated_where_the_question_s_words_are() -> None:
    """A number in another sentence of the passage is not the number asked for."""
    text = (
        "Events that break the rules are cancelled by moderators without notice. "
        "The server opened in 2019."
    )
    answer = one_article(text).ask("how many moderators cancel events")
    assert answer.verdict == "closest"
    assert answer.reason is not None and "no number" in answer.reason
    stated = one_article("Events are cancelled by any of the 12 moderators. It opened.")
    assert stated.ask("how many moderators cancel events").verdict == "answer"


def test_a_date_in_a_heading_dates_what_is_written_under_it(tmp_path: Path) -> None:
    """Changelogs and minutes date their entries by a heading, not in each sentence."""
    write(
        tmp_path,
        "changelog.md",
        "# Changelog\n\n## 2.1.0 - 2024-05-02\n\n### Added\n\n"
        "- The lattice option finds cells by their ruling lines.\n\n"
        "## Unreleased\n\n### Removed\n\n- The gui command is going away.\n",
    )
    engine = Engine(load_corpus(tmp_path))
    assert engine.ask("when was the lattice option added").verdict == "answer"
    undated = engine.ask("when will the gui command be removed")
    assert undated.verdict == "closest"
    assert undated.reason is not None and "no date or time" in undated.reason
