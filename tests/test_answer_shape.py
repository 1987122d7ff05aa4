"""What an answer shows: an article's argument when that is asked, body text before captions
and bios, and an "In short" that reads as text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from helpers import BLOOMBERG, CATO, SEEDS_DIR
from retrieval import Article, Corpus, Engine, EngineSettings, load_corpus
from retrieval.question.argument import asks_for_argument
from retrieval.summary.coherence import leans_back


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("what does cato recommend", CATO),
        ("what does bandow think we should do", CATO),
        ("per bandow, what should the us do", CATO),  # searched: the bio that names him
        ("what must washington do, according to the cato piece", CATO),
        ("summarize the cato piece", CATO),
        ("sum up the bloomberg article", BLOOMBERG),
        ("what's bandow's opinion", CATO),
        ("what is bloomberg's position", BLOOMBERG),
        ("what's the main point of the bloomberg piece", BLOOMBERG),
        ("What is the Bloomberg editorial's conclusion?", BLOOMBERG),
    ],
)
def test_a_question_asking_what_an_article_argues_gets_its_summary(
    engine: Engine, question: str, article: str
) -> None:
    answer = engine.ask(question)
    summary = engine.summarize(article)
    assert answer.verdict == "answer"
    assert [s.citation for s in answer.summary] == [s.citation for s in summary.sentences]
    assert [s.text for s in answer.summary] == [s.text for s in summary.sentences]
    cited = list(dict.fromkeys(s.citation for s in summary.sentences))
    assert [p.citation for p in answer.passages] == cited
    assert all(p.kind == "body" and p.article == article for p in answer.passages)


def test_the_author_arguing_without_a_name_gets_the_best_matching_articles_argument(
    engine: Engine,
) -> None:
    answer = engine.ask("what is the author arguing")
    assert answer.verdict == "answer" and answer.summary
    assert all(p.kind == "body" for p in answer.passages)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("what does bandow say", CATO),
        ("what does the cato piece say", CATO),
        ("tell me about the bloomberg article", BLOOMBERG),
    ],
)
def test_an_article_named_with_nothing_asked_of_it_gets_its_argument(
    engine: Engine, question: str, article: str
) -> None:
    answer = engine.ask(question)
    assert answer.verdict == "answer"
    summary = engine.summarize(article)
    assert [s.text for s in answer.summary] == [s.text for s in summary.sentences]


@pytest.mark.parametrize("question", ["who is bandow", "who is doug bandow", "bandow"])
def test_a_person_asked_about_is_searched_not_summed_up(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.passages[0].text.startswith("Doug Bandow is a senior fellow")


@pytest.mark.parametrize(
    "question",
    [
        "give me a summary of the article",
        "summarize the article",
        "sum it up",
        "what does the article say",  # nothing asked of it: its point, but which one's?
        "what is the article about",
    ],
)
def test_summing_up_an_unnamed_article_of_several_asks_which_one(
    engine: Engine, question: str
) -> None:
    answer = engine.ask(question)
    assert answer.verdict == "none" and not answer.passages
    assert answer.reason is not None and answer.reason.startswith("Which article?")
    # the example it gives is one that works
    example = answer.reason.split("for example: ")[1].rstrip(").")
    assert engine.ask(example).summary


def test_summarize_alone_asks_which_article(engine: Engine) -> None:
    assert (engine.ask("summarize").reason or "").startswith("Which article?")


def test_summing_up_the_only_article_gives_its_argument(tmp_path: Path) -> None:
    source = next((SEEDS_DIR).glob(f"*{BLOOMBERG}*"))
    (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("give me a summary of the article")
    assert answer.verdict == "answer"
    assert engine.ask("what is this article about").summary == answer.summary
    summary = engine.summarize(BLOOMBERG)
    assert [s.text for s in answer.summary] == [s.text for s in summary.sentences]


@pytest.mark.parametrize(
    ("question", "names_an_article", "expected"),
    [
        ("what does the piece recommend", False, True),
        ("what does the writer want the us to do", False, True),
        ("What did the commission recommend?", False, False),  # reported, not argued
        ("what should we do about north korea", False, False),  # no article as subject
        ("what should we do about north korea", True, True),  # "per bandow, what should..."
        ("what should the article cover", False, False),  # no doing asked
        ("what is the author's position", False, True),
        ("what is bandow's view on sanctions", True, False),  # a subject asked: searched
        ("summarize what bloomberg says about sanctions", True, False),  # as "what ... say"
        ("summarize what the faq says on refunds", False, False),
        ("sum up bloomberg's views on north korea", True, True),  # a view summed up
        ("summarize what the article says", False, True),  # nothing on a subject
        ("the points of view in the article", False, False),
        ("what is the team's position in the league", False, False),  # no article
        ("give me a summary of the article", False, True),
        ("summarize", False, True),  # nothing else it could be of
        ("sum it up pls", False, True),
        ("summarize the sanctions debate", False, False),  # a subject: searched
        ("what does the article say should happen", False, False),
        ("why does the article mention sanctions", False, False),  # no argument asked
        ("what is the point of sanctions", False, False),
        ("what does the article say about urgent care", False, False),  # "urge"nt is no verb
        ("what does the faq say about reports", False, False),
        ("what does cato argue", True, True),
    ],
)
def test_an_argument_question_needs_an_argument_word_and_an_article_as_subject(
    question: str, names_an_article: bool, expected: bool
) -> None:
    assert asks_for_argument(question, names_an_article) is expected


def test_body_paragraphs_come_before_a_caption_holding_no_more_of_the_question(
    engine: Engine,
) -> None:
    answer = engine.ask("what should we do about north korea")
    assert answer.passages[0].kind == "body"


def test_a_caption_asked_for_comes_first(engine: Engine) -> None:
    answer = engine.ask("what's the caption on the bloomberg pic")
    assert answer.passages[0].kind == "caption"
    assert answer.passages[0].article == BLOOMBERG


def test_a_bio_holding_what_no_body_paragraph_holds_still_answers(engine: Engine) -> None:
    answer = engine.ask("Who is Doug Bandow?")
    assert answer.verdict == "answer" and answer.passages[0].kind == "bio"


def test_in_short_never_shows_a_sentence_without_the_one_it_leans_on(engine: Engine) -> None:
    for question in (
        "Why should the U.S. engage North Korea?",
        "why should we talk to NK now?",
        "what should we do about north korea",
        "does china tolerate kim",
    ):
        summary = engine.ask(question).summary
        for i, sentence in enumerate(summary):
            article = engine.corpus.by_slug[sentence.article]
            if leans_back(sentence.text, article.genre or "opinion"):
                before = summary[i - 1] if i else None
                assert before is not None and before.paragraph == sentence.paragraph
                assert before.end <= sentence.start


def test_in_short_keeps_a_paragraphs_sentences_in_their_order(engine: Engine) -> None:
    for question in ("Why should the U.S. engage North Korea?", "what does cato recommend"):
        summary = engine.ask(question).summary
        for a, b in itertools.pairwise(summary):
            if (a.article, a.paragraph) == (b.article, b.paragraph):
                assert a.start < b.start


def harbour_notes(*paragraphs: str) -> Engine:
    """An engine on one short article of the given paragraphs."""
    return Engine(Corpus([Article.from_paragraphs("harbour", "Harbour", paragraphs)]))


LEVY = "The council approved the harbour levy on Monday after a long debate."


def test_a_leaning_sentence_that_opens_its_paragraph_is_left_out_of_in_short() -> None:
    engine = harbour_notes(LEVY, "This levy will fund the harbour dredging. It starts in May.")
    answer = engine.ask("what will the harbour levy fund")
    assert answer.verdict == "answer" and answer.summary
    assert "This levy will fund the harbour dredging." not in [s.text for s in answer.summary]


def test_a_chain_leaning_past_its_paragraph_is_in_short_from_that_paragraph_s_start() -> None:
    """When the only sentences holding the question lean on the paragraph before theirs, the In
    short quotes their paragraph from its start: every answer has one."""
    engine = harbour_notes(
        LEVY, "This levy was the treasurer's idea. That decision angered the harbour master."
    )
    answer = engine.ask("what angered the harbour master")
    assert answer.verdict == "answer"
    assert [s.text for s in answer.summary] == [
        "This levy was the treasurer's idea.",
        "That decision angered the harbour master.",
    ]


def test_in_short_opens_with_the_sentence_stating_the_number_asked_for() -> None:
    engine = harbour_notes(
        "Nobody yet knows when the ferry crews will vote on the new rota.",
        "The union says more than 300 ferry crews will take part in the vote.",
    )
    answer = engine.ask("how many ferry crews will vote")
    assert answer.summary[0].text.startswith("The union says more than 300")


def test_a_question_naming_an_article_is_summed_up_from_that_article(engine: Engine) -> None:
    """ "the bloomberg pic": Cato's caption also shows a picture, but it was not asked about."""
    answer = engine.ask("whats the caption on the bloomberg pic")
    assert answer.verdict == "answer" and answer.summary
    assert {s.article for s in answer.summary} == {"bloomberg-engage-north-korea"}


def faq_engine() -> Engine:
    article = Article.from_paragraphs(
        "server-faq",
        "Server FAQ",
        (
            "How long do warnings last? Ninety days. After that they no longer count.",
            "Moderators review every appeal within a week of receiving it.",
            "Does the server have a karaoke night? Why would anyone ask that?",
            '"How many strikes before a ban?" Three, counted over a year.',
        ),
    )
    return Engine(Corpus([article]))


def test_a_question_in_the_text_is_answered_by_the_sentence_after_it() -> None:
    answer = faq_engine().ask("how long do warnings last")
    assert answer.verdict == "answer"
    shown = [s.text for s in answer.summary]
    assert shown[:2] == ["How long do warnings last?", "Ninety days."]


def test_a_quoted_question_in_the_text_is_answered_by_the_sentence_after_it() -> None:
    answer = faq_engine().ask("how many strikes before a ban")
    assert answer.verdict == "answer"  # the number is in the sentence after the question
    shown = [s.text for s in answer.summary]
    assert shown[:2] == ['"How many strikes before a ban?"', "Three, counted over a year."]


def test_a_question_with_no_sentence_after_it_is_in_short_only_when_nothing_else_is() -> None:
    engine = faq_engine()
    answer = engine.ask("does the server have a karaoke night")
    assert [s.text for s in answer.summary][:1] == ["Does the server have a karaoke night?"]
    answer = engine.ask("karaoke night and appeals reviewed within a week")
    assert answer.summary and not any(s.text.endswith("?") for s in answer.summary)


def test_a_bare_reply_is_in_short_with_the_sentence_that_says_what_it_means(
    tmp_path: Path,
) -> None:
    (tmp_path / "faq.md").write_text(
        "# Tool FAQ\n\n## Can I use GitLab instead of GitHub?\n\n"
        "Yes. Any git remote works, including self-hosted ones.\n",
        encoding="utf-8",
    )
    answer = Engine(load_corpus(tmp_path)).ask("can i use gitlab")
    assert answer.verdict == "answer"
    assert [s.text for s in answer.summary] == [
        "Yes.",
        "Any git remote works, including self-hosted ones.",
    ]


LINKING = """\
# Getting started

Welcome to Emberline, a survival server. This page walks you through joining.

## Linking your Discord account

1. Join the server once.
2. Type `/link` in the game chat; you get a six-digit code.
3. Send the code to the **Ember** bot in `#link-account`.

Linking gives you the *Villager* role and access to the trading channels.
"""


def test_steps_of_a_numbered_list_are_in_short_in_a_row(tmp_path: Path) -> None:
    """A procedure read with a step left out misleads: step 1 and step 3 of a numbered list
    come with step 2 between them, or the steps in a row from the best one."""
    (tmp_path / "start.md").write_text(LINKING, encoding="utf-8")
    (tmp_path / "rules.md").write_text("# Rules\n\nNo griefing.\n", encoding="utf-8")
    steps = {
        "Join the server once.": 1,
        "Type /link in the game chat; you get a six-digit code.": 2,
        "Send the code to the Ember bot in #link-account.": 3,
    }
    three = EngineSettings.model_validate({"retrieval": {"answer_sentences": 3}})
    for settings in (EngineSettings(), three):
        engine = Engine(load_corpus(tmp_path), settings)
        shown = [s.text for s in engine.ask("how do i link my discord account").summary]
        numbers = [steps[text] for text in shown if text in steps]
        assert len(numbers) >= 2, shown
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), shown


def steps_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("steps")
    (folder / "widget.md").write_text(
        "# Widget guide\n\n## Resetting\n\nTo reset your widget:\n\n"
        "1. Unplug it for ten seconds.\n2. Hold the button while plugging it back in.\n\n"
        "## Backups\n\nBack the settings up with:\n\n```\nwidget backup --all\n```\n",
        encoding="utf-8",
    )
    return Engine(load_corpus(folder))


def test_a_sentence_introducing_steps_comes_with_the_first_step(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    answer = steps_engine(tmp_path_factory).ask("how do i reset my widget")
    assert answer.verdict == "answer"
    assert [s.text for s in answer.summary] == [
        "To reset your widget:",
        "Unplug it for ten seconds.",
    ]


def test_a_sentence_introducing_a_command_is_in_short_alone_the_command_follows_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    answer = steps_engine(tmp_path_factory).ask("how do i back up the widget settings")
    assert [s.text for s in answer.summary][:1] == ["Back the settings up with:"]
    assert [p.kind for p in answer.passages[:2]] == ["body", "code"]


def test_in_short_never_says_the_same_thing_twice(tmp_path: Path) -> None:
    (tmp_path / "tabs.md").write_text(
        "# Tabs\n\n## Setup\n\nTabs need the tabs extension. Add the following lines to "
        "site.yml:\n\n```\ntabs: true\n```\n\n## Linked tabs\n\nLinked tabs switch together. "
        "Add the following lines to site.yml:\n\n```\nlinked: true\n```\n",
        encoding="utf-8",
    )
    answer = Engine(load_corpus(tmp_path)).ask("what lines do i add to site.yml for tabs")
    shown = [s.text for s in answer.summary]
    assert shown and len(shown) == len(set(shown))
