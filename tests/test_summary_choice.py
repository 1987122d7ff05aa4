"""How article summaries choose sentences: the pointer-back rule, Edmundson's cues and location,
and the article's kind (opinion or news), declared in front matter or told from its text."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import BLOOMBERG, CATO, SEEDS_DIR, examples, write
from retrieval import (
    Article,
    Corpus,
    CorpusError,
    Engine,
    EngineSettings,
    load_article,
    load_corpus,
    sentence_spans,
)
from retrieval.corpus.genre import Genre, detect_genre
from retrieval.summary.article import Sentence, _overlap_similarity, summary_sentences
from retrieval.summary.coherence import leans_back
from retrieval.summary.cues import bonus, cue_score, stigma
from retrieval.summary.settings import SummarySettings

# -- which sentences lean on the one before ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This may be why his father resisted reform.",
        "Yet these are also precisely the reasons to engage.",
        "It also could ratify a change of direction.",
        "Such talks rarely work.",
        "He turfed out the old guard.",
        "She declined to comment.",
        "They met twice.",
        "That is the problem.",
        "But the regime survived.",
        "However, the talks failed.",
        "Moreover, the party gained power.",
        "No longer, however.",
        "Although he looks secure, he purges rivals.",
        "Much of this rhetoric is old.",
        "The U.S. should encourage such a possibility.",
        "\u201cIt is over,\u201d she said.",
    ],
)
def test_a_sentence_pointing_back_is_recognised_in_an_opinion_piece(sentence: str) -> None:
    assert leans_back(sentence, "opinion")


@pytest.mark.parametrize(
    "sentence",
    [
        "Kim Jong Un presides over the congress.",
        "It is time to talk to Pyongyang.",
        "It would be a mistake to wait.",
        "This year the party meets again.",
        "At this point the economy is growing.",
        "Since nothing else has worked, Washington should talk.",
        "Although some in Congress disagree, sanctions failed.",
        "Sanctions such as tariffs rarely work, so talks remain.",
        "Neighbors have noticed.",
        "Go.",
        "",
    ],
)
def test_a_sentence_that_stands_alone_is_not_flagged(sentence: str) -> None:
    assert not leans_back(sentence, "opinion")
    assert not leans_back(sentence, "news")


@pytest.mark.parametrize(
    "sentence",
    [
        "This may be why his father resisted reform.",
        "These are the reasons to engage.",
        "Those remaining in Cuba will pay the tax.",
        "That is the problem.",
        "\u201cThis was a bad night,\u201d the manager said.",
    ],
)
def test_in_news_a_demonstrative_opening_leans_back(sentence: str) -> None:
    assert leans_back(sentence, "news")


@pytest.mark.parametrize(
    "sentence",
    [
        "He turfed out the old guard.",
        "She declined to comment.",
        "It also could ratify a change of direction.",
        "But the regime survived.",
        "However, the talks failed.",
        "Although he looks secure, he purges rivals.",
        "Much of this rhetoric is old.",
        "The U.S. should encourage such a possibility.",
        "This year the party meets again.",
    ],
)
def test_in_news_pronouns_and_connectives_leave_the_fact_readable(sentence: str) -> None:
    """A report's "He said..." or "But..." states its fact alone; an argument's does not."""
    assert not leans_back(sentence, "news")
    assert leans_back(sentence, "opinion") or sentence.startswith("This year")


# -- cue phrases and kinds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington should greet the congress.",
        "The U.S. needs to explore other options.",
        "Reform is the best hope for the North.",
        "In time, the goal should be integration.",
        "It is time to talk.",
        "We must act.",
        "In short, engagement works.",
    ],
)
def test_recommendations_and_conclusions_are_bonus_cues(sentence: str) -> None:
    assert bonus(sentence) and cue_score(sentence) == 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "The regime says the campaign is a success.",
        "Kim may use the congress to ratify reforms.",
        "Perhaps the talks will resume.",
        "Why the congress?",
        "(Officials were careful to play it down.)",
    ],
)
def test_hedges_reported_words_questions_and_asides_are_stigma(sentence: str) -> None:
    assert stigma(sentence) and cue_score(sentence) == -1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Vieira should have done better when the ball fell to him.",
        "The regulators must have known about the losses.",
        "Ministers should not have waited so long.",
    ],
)
def test_a_judgement_of_the_past_is_not_a_recommendation(sentence: str) -> None:
    assert not bonus(sentence)
    assert bonus(sentence.replace(" have ", " ").replace("done", "do").replace("known", "know"))


def test_the_month_of_may_is_not_a_hedge() -> None:
    assert not stigma("In May, Putin hosts Kim in Moscow.")


OPINION_SENTENCES = [
    "Sanctions have failed for a decade.",
    "The regime is stronger than ever.",
    "Washington should open talks now.",
    "The U.S. must drop its preconditions.",
    "The best hope is trade.",
    "Critics said talks reward bad behaviour.",
]
NEWS_SENTENCES = [
    "The company said profits rose 5%.",
    "Its chief executive told reporters he was pleased.",
    "Investors should note the dividend, analysts said.",
    "The shares rose 2%, according to the exchange.",
]


def test_an_article_that_recommends_more_than_it_attributes_is_opinion() -> None:
    assert detect_genre(OPINION_SENTENCES) == "opinion"
    assert detect_genre(NEWS_SENTENCES) == "news"
    assert detect_genre(OPINION_SENTENCES[2:4]) == "news", "one or two asides make no case"


def test_recommendations_in_someone_elses_words_do_not_make_an_opinion_piece() -> None:
    quoting = [
        "The finance minister spoke to parliament on Tuesday.",
        "\u201cWe must cut spending now.",
        "\u201cCongress should act before the summer.",
        "\u201cThe best hope is a budget deal.\u201d",
        "Shares fell 3% on the news.",
    ]
    assert sum(bonus(s) for s in quoting) == 3, "three recommendations, all quoted"
    assert detect_genre(quoting) == "news"
    assert detect_genre([s.lstrip("\u201c") for s in quoting]) == "opinion", "in the author's voice"


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
def test_the_seed_articles_read_as_opinion_even_undeclared(slug: str) -> None:
    article = Engine(_seed_corpus()).corpus.by_slug[slug]
    assert article.genre == "opinion"
    assert detect_genre(article.body_sentences) == "opinion"


# -- choosing sentences --------------------------------------------------------------------------


def _sentences(*texts: str, paragraphs: list[int] | None = None) -> list[Sentence]:
    places = paragraphs or list(range(len(texts)))
    return [
        Sentence(t.lower().rstrip(".").split(), t, p) for t, p in zip(texts, places, strict=True)
    ]


# The second sentence is the most central (it shares words with all the others) and leans back:
# by a connective in an opinion piece, by a demonstrative in news.
def _central_leaner(opening: str) -> list[Sentence]:
    return _sentences(
        "Delegates gathered early in the capital city.",
        f"{opening} reform congress delegates party regime economy talks will dominate.",
        "The party congress will discuss reform of the economy.",
        "Regime talks on the economy may follow the congress.",
        "Reform delegates want the party regime to change.",
    )


CENTRAL_LEANER = _central_leaner("But")
LEANERS: list[tuple[Genre, list[Sentence]]] = [
    ("opinion", CENTRAL_LEANER),
    ("news", _central_leaner("These")),
]


@pytest.mark.parametrize(("kind", "leaner"), LEANERS)
def test_a_sentence_leaning_back_is_not_chosen_alone(kind: Genre, leaner: list[Sentence]) -> None:
    loose = summary_sentences(leaner, [], 1, genre=kind, coherent=False)
    assert loose == [1], "without the rule the most central sentence is the leaning one"
    (alone,) = summary_sentences(leaner, [], 1, genre=kind)
    assert alone != 1


@pytest.mark.parametrize(("kind", "leaner"), LEANERS)
def test_a_sentence_leaning_back_comes_with_its_predecessor(
    kind: Genre, leaner: list[Sentence]
) -> None:
    for count in (2, 3, 4):
        chosen = summary_sentences(leaner, [], count, genre=kind)
        assert len(chosen) == count and chosen == sorted(chosen)
        assert 1 not in chosen or 0 in chosen


@pytest.mark.parametrize("opening", ["But", "He said", "They"])
def test_in_news_a_central_sentence_opening_on_a_connective_or_pronoun_may_stand_alone(
    opening: str,
) -> None:
    report = _central_leaner(opening)
    assert summary_sentences(report, [], 1, genre="news") == [1]
    assert summary_sentences(report, [], 1, genre="opinion") != [1]
    (strict,) = summary_sentences(report, [], 1, genre="news", news_pointers="all")
    assert strict != 1, "news_pointers='all' applies the opinion rule to news"


def test_a_chain_of_leaning_sentences_comes_whole_or_not_at_all() -> None:
    chain = _sentences(
        "Markets opened calmly.",
        "Reform congress delegates party regime economy talks will dominate.",
        "This reform congress delegates party regime economy talks will dominate too.",
        "That reform congress delegates party regime economy talks dominate again.",
    )
    for count in (1, 2, 3, 4):
        chosen = summary_sentences(chain, [], count, genre="news")
        for i in chosen:
            if i in (2, 3):
                assert i - 1 in chosen, (count, chosen)


def test_a_first_sentence_that_leans_back_is_never_chosen() -> None:
    opening = _sentences(
        "This reform congress delegates party regime economy talks dominate.",
        "The party congress will discuss reform of the economy.",
        "Regime talks on the economy may follow the congress.",
    )
    for count in (1, 2, 3):
        assert 0 not in summary_sentences(opening, [], count, genre="news")


def test_an_opinion_summary_prefers_the_recommendation_in_the_closing_paragraphs() -> None:
    piece = _sentences(
        "The party congress meets in the capital with delegates and the regime leader.",
        "Delegates of the party and the regime leader discuss the congress economy.",
        "The regime leader and the party congress delegates praise the economy.",
        "The party congress delegates and the economy of the regime dominate news.",
        "Washington should talk to the regime now.",
        paragraphs=[0, 1, 2, 3, 4],
    )
    assert summary_sentences(piece, [], 1, genre="news") != [4]
    assert summary_sentences(piece, [], 1, genre="opinion") == [4]


def test_textrank_overlap_counts_a_repeated_term_as_often_as_both_sentences_hold_it() -> None:
    graph = _overlap_similarity([["tax", "tax", "cut"], ["tax", "tax", "rise"], ["tax", "vote"]])
    logs = {3: math.log(3), 2: math.log(2)}
    assert graph[0, 1] == pytest.approx(2 / (2 * logs[3])), "twice in both: shared twice"
    assert graph[0, 2] == pytest.approx(1 / (logs[3] + logs[2])), "twice and once: shared once"
    assert graph[0, 0] == 0.0 and graph[1, 0] == graph[0, 1]


# -- the kind setting, end to end --------------------------------------------------------------

ARTICLE_TEXT = "\n\n".join(
    [
        "Talks Over Trade",
        "The trade talks opened in Geneva on Monday with delegates from forty countries present.",
        "Delegates from forty countries discussed trade, tariffs and the talks in Geneva.",
        "The talks on trade and tariffs in Geneva continue with the delegates this week.",
        "Governments should cut their tariffs on farm goods now.",
    ]
)


def test_front_matter_kind_decides_how_the_summary_is_chosen(tmp_path: Path) -> None:
    for kind in ("opinion", "news"):
        write(tmp_path / kind, "a.txt", f'+++\nkind = "{kind}"\n+++\n{ARTICLE_TEXT}\n')
    opinion = Engine(Corpus([load_article(tmp_path / "opinion" / "a.txt")]))
    news = Engine(Corpus([load_article(tmp_path / "news" / "a.txt")]))
    as_opinion, as_news = opinion.summarize("a", 1), news.summarize("a", 1)
    assert (as_opinion.kind, as_news.kind) == ("opinion", "news")
    assert as_opinion.sentences[0].text == "Governments should cut their tariffs on farm goods now."
    assert as_news.sentences[0].text != "Governments should cut their tariffs on farm goods now."


def test_without_a_declared_kind_the_summary_reports_the_detected_one(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE_TEXT + "\n")
    article = load_article(tmp_path / "a.txt")
    assert article.genre is None
    assert Engine(Corpus([article])).summarize("a").kind == "news"


def test_an_unknown_kind_is_refused_naming_the_key(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f'+++\nkind = "editorial"\n+++\n{ARTICLE_TEXT}\n')
    with pytest.raises(CorpusError) as raised:
        load_article(tmp_path / "a.txt")
    assert "'kind'" in raised.value.problem and "opinion" in raised.value.problem


def test_coherence_can_be_switched_off_in_the_settings() -> None:
    texts = [s.text for s in _central_leaner("These")]
    article = Article.from_paragraphs("demo", "Demo", texts, genre="news")
    loose = Engine(Corpus([article]), EngineSettings(summary=SummarySettings(coherent=False)))
    assert loose.summarize("demo", 1).sentences[0].text.startswith("These")
    assert not Engine(Corpus([article])).summarize("demo", 1).sentences[0].text.startswith("These")


def test_the_full_pointer_rule_can_be_applied_to_news_in_the_settings() -> None:
    texts = [s.text for s in CENTRAL_LEANER]
    article = Article.from_paragraphs("demo", "Demo", texts, genre="news")
    assert Engine(Corpus([article])).summarize("demo", 1).sentences[0].text.startswith("But")
    strict = Engine(Corpus([article]), EngineSettings(summary=SummarySettings(news_pointers="all")))
    assert not strict.summarize("demo", 1).sentences[0].text.startswith("But")


# -- the seeds: their summaries state what the author wants ----------------------------------


def _seed_corpus() -> Corpus:
    return load_corpus(SEEDS_DIR)


@pytest.mark.parametrize("slug", [CATO, BLOOMBERG])
@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_seed_summaries_recommend_and_never_lean_on_a_sentence_not_shown(
    slug: str, count: int
) -> None:
    engine = Engine(_seed_corpus())
    summary = engine.summarize(slug, count)
    assert len(summary.sentences) == count
    assert any(bonus(s.text) for s in summary.sentences), "the author's recommendation"
    article = engine.corpus.by_slug[slug]
    body = [
        (p.number, p.text[start:end])
        for p in article.paragraphs
        if p.is_body
        for start, end in sentence_spans(p.text)
    ]
    shown = [(s.paragraph, s.text) for s in summary.sentences]
    for place in shown:
        if leans_back(place[1], "opinion"):
            assert body.index(place) > 0 and body[body.index(place) - 1] in shown


_WORDS = ["But", "It", "This", "These", "The", "Kim", "party", "reform", "should", "said", "he"]


@settings(max_examples=examples(150), deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9).map(" ".join),
        min_size=1,
        max_size=12,
    ),
    count=st.integers(min_value=1, max_value=6),
    kind=st.sampled_from(["opinion", "news"]),
)
def test_any_summary_is_in_order_within_count_and_never_leaves_a_pointer_dangling(
    texts: list[str], count: int, kind: Genre
) -> None:
    sentences = [Sentence(t.lower().split(), t + ".", i // 2) for i, t in enumerate(texts)]
    chosen = summary_sentences(sentences, ["kim", "reform"], count, genre=kind)
    assert chosen == sorted(set(chosen)) and len(chosen) <= count
    standalone = [i for i, s in enumerate(sentences) if not leans_back(s.text, kind)]
    if standalone:
        assert chosen, "a sentence that stands alone can always be shown"
    if len(standalone) == len(sentences):
        assert len(chosen) == min(count, len(sentences)), "too few distinct: filled up"
    for i in chosen:
        if leans_back(sentences[i].text, kind):
            assert i - 1 in chosen
