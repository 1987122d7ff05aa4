"""Sentence splitting: abbreviations stay inside sentences and every sentence is a verbatim span."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEEDS_DIR, examples
from retrieval import load_corpus, sentence_spans, split_sentences
from retrieval.corpus import sentences


def test_a_plain_paragraph_splits_at_each_full_stop() -> None:
    assert split_sentences("Kim rules. The party meets. Delegates vote.") == [
        "Kim rules.",
        "The party meets.",
        "Delegates vote.",
    ]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert split_sentences("Why the congress? Nobody knows! It is odd.") == [
        "Why the congress?",
        "Nobody knows!",
        "It is odd.",
    ]


def test_us_with_dots_does_not_end_a_sentence() -> None:
    assert split_sentences("The U.S. President spoke. Then Kim replied.") == [
        "The U.S. President spoke.",
        "Then Kim replied.",
    ]


def test_us_at_the_end_of_a_sentence_before_a_lowercase_word_stays_whole() -> None:
    text = "The question for the U.S. is whether to talk. It is only the seventh."
    assert split_sentences(text) == [
        "The question for the U.S. is whether to talk.",
        "It is only the seventh.",
    ]


@pytest.mark.parametrize("title", ["Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "Prof."])
def test_titles_before_names_do_not_end_a_sentence(title: str) -> None:
    assert split_sentences(f"{title} Kim arrived. He left.") == [
        f"{title} Kim arrived.",
        "He left.",
    ]


def test_initials_do_not_end_a_sentence() -> None:
    assert split_sentences("George W. Bush met J. R. Smith. They talked.") == [
        "George W. Bush met J. R. Smith.",
        "They talked.",
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Talks with the U.S. The North refused.", "Talks with the U.S."),
        ("They met at 5 p.m. Then they left.", "They met at 5 p.m."),
        ("We had a Plan B. It worked.", "We had a Plan B."),
        ("Apples, pears, etc. The list goes on.", "Apples, pears, etc."),
    ],
)
def test_an_abbreviation_or_initial_ends_a_sentence_before_a_word_that_starts_one(
    text: str, first: str
) -> None:
    assert split_sentences(text) == [first, text[len(first) + 1 :]]


def test_a_title_never_ends_a_sentence_whatever_follows() -> None:
    assert split_sentences("He asked Dr. The Elder. She left.") == [
        "He asked Dr. The Elder.",
        "She left.",
    ]


def test_a_closing_quote_stays_with_the_sentence_it_ends() -> None:
    text = 'The question is "Why the congress?" It is only the seventh.'
    assert split_sentences(text) == [
        'The question is "Why the congress?"',
        "It is only the seventh.",
    ]


def test_a_closing_curly_quote_stays_with_the_sentence_it_ends() -> None:
    text = "They called her a \u201ccapricious whore.\u201d Park did not reply."
    assert split_sentences(text) == [
        "They called her a \u201ccapricious whore.\u201d",
        "Park did not reply.",
    ]


def test_an_abbreviation_like_word_closed_by_a_quote_ends_the_sentence() -> None:
    text = "She said, \u201cNo.\u201d Then she left."
    assert split_sentences(text) == ["She said, \u201cNo.\u201d", "Then she left."]
    assert split_sentences("It was shown (Smith et al.) The end.") == [
        "It was shown (Smith et al.)",
        "The end.",
    ]


def test_a_sentence_may_start_with_an_opening_quote() -> None:
    assert split_sentences('He spoke. "We will wait," he said.') == [
        "He spoke.",
        '"We will wait," he said.',
    ]


def test_a_parenthesised_sentence_is_its_own_sentence() -> None:
    text = "Korea would be reunified. (Officials in Beijing were careful.) Kim waited."
    assert split_sentences(text) == [
        "Korea would be reunified.",
        "(Officials in Beijing were careful.)",
        "Kim waited.",
    ]


def test_a_stop_inside_parentheses_before_lowercase_text_does_not_split() -> None:
    text = "The Korean Workers' Party (KWP) is gathering. It is the first time."
    assert split_sentences(text) == [
        "The Korean Workers' Party (KWP) is gathering.",
        "It is the first time.",
    ]


def test_decimal_numbers_do_not_end_sentences_but_numbers_can_start_them() -> None:
    assert split_sentences("Growth was 5.5 percent. 2015 was worse.") == [
        "Growth was 5.5 percent.",
        "2015 was worse.",
    ]


def test_text_without_a_final_stop_is_one_sentence() -> None:
    assert split_sentences("KCNA/via reuters") == ["KCNA/via reuters"]


def test_a_numbered_list_from_its_first_line_leaves_every_marker_out() -> None:
    listed = "1. Teams of three.\n2. Sign up by Wednesday.\n3. No smurf accounts."
    assert split_sentences(listed) == [
        "Teams of three.",
        "Sign up by Wednesday.",
        "No smurf accounts.",
    ]
    # a number opening a text with no numbered line after it is no marker: it stays quoted
    assert split_sentences("1. FC Köln won the cup.")[0].startswith("1.")
    assert split_sentences("\u2022 Red\n\u2022 Blue") == ["Red", "Blue"]
    # plain text's bullets before a word; "* | >=1.0", a table's row, is no item
    assert split_sentences("To claim land:\n- Craft a shovel.\n* Mark two corners.") == [
        "To claim land:",
        "Craft a shovel.",
        "Mark two corners.",
    ]
    assert split_sentences("Range | Allowed\n* | any") == ["Range | Allowed\n* | any"]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "How long do warnings last?",
        '"How long do warnings last?"',
        "(Why not?)",
        "Who? \u201cMe?\u201d ",
    ],
)
def test_a_sentence_ending_in_a_question_mark_asks_inside_its_quotes_or_not(sentence: str) -> None:
    assert sentences.asks(sentence)


@pytest.mark.parametrize("sentence", ["Ninety days.", "Is it? Yes.", "The ? key", "Why?!"])
def test_a_sentence_that_ends_otherwise_does_not_ask(sentence: str) -> None:
    assert not sentences.asks(sentence)


@pytest.mark.parametrize("sentence", ["Yes.", "No!", "Not yet.", "Of course.", "Yes, always."])
def test_a_bare_reply_is_a_reply_only(sentence: str) -> None:
    assert sentences.only_replies(sentence)


@pytest.mark.parametrize("sentence", ["Yes, with the /nick command.", "No one knows.", "Ninety."])
def test_a_reply_that_says_something_is_more_than_a_reply(sentence: str) -> None:
    assert not sentences.only_replies(sentence)


def test_spans_are_trimmed_of_surrounding_space() -> None:
    text = "  First one.   Second one.  "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["First one.", "Second one."]


def test_every_seed_sentence_is_a_verbatim_substring_of_its_paragraph() -> None:
    for article in load_corpus(SEEDS_DIR):
        for paragraph in article.paragraphs:
            sentences = split_sentences(paragraph.text)
            assert sentences, f"{article.slug} ¶{paragraph.number} has no sentence"
            for sentence in sentences:
                assert sentence in paragraph.text
            assert "".join("".join(sentences).split()) == "".join(paragraph.text.split())


def test_seed_sentences_keep_us_and_initial_abbreviations_inside() -> None:
    corpus = load_corpus(SEEDS_DIR)
    cato = corpus.by_slug["cato-kim-congress"]
    assert split_sentences(cato.paragraph(8).text) == [
        'The question for the U.S. is "Why the congress?"',
        "It is only the seventh in the DPRK's 68-year history.",
    ]
    bloomberg = corpus.by_slug["bloomberg-engage-north-korea"]
    last = split_sentences(bloomberg.paragraph(4).text)[-1]
    assert last.startswith("(Officials in Beijing") and last.endswith("soldier.)")


_PIECES = st.sampled_from(
    [
        "Kim",
        "rules",
        "U.S.",
        "Mr.",
        "W.",
        "No.",
        "e.g.",
        ".",
        "...",
        "?",
        "!",
        "\u2026",
        '"',
        "'",
        "\u201c",
        "\u201d",
        "\u2019",
        "(",
        ")",
        "[",
        "]",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        "2015",
        "5.5",
        "\u00c9tat",
        "a",
        "B",
        "\u200b",
        "\u2022 ",
        "- ",
        "* ",
        "12. ",
    ]
)


def _in_list_marker(text: str, i: int) -> bool:
    """Whether ``text[i]`` is in a list item's marker, which no sentence holds: a bullet ("- ",
    "* " or "+ " before a word) and the space after it starting a line (or the text), or "12. "
    starting a line after the first, or the first when a later line starts so."""
    line_start = text.rfind("\n", 0, i) + 1
    bullet = r"(?:\u2022[ \t]+|[*+-][ \t]+(?=[^\W_]))"
    numbered = rf"[ \t]*(?:{bullet}|\d{{1,3}}\.[ \t]+)"
    later = re.search(r"\n[ \t]*\d{1,3}\.[ \t]+", text) if line_start == 0 else None
    pattern = rf"[ \t]*{bullet}" if line_start == 0 and later is None else numbered
    marker = re.match(pattern, text[line_start:])
    return marker is not None and i < line_start + marker.end()


@settings(max_examples=examples(300), deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=60).map("".join), st.text(max_size=200)))
def test_spans_are_ordered_disjoint_in_bounds_and_cover_all_non_space_text(text: str) -> None:
    spans = sentence_spans(text)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] = True
        previous_end = end
    for i, char in enumerate(text):
        assert covered[i] or char.isspace() or _in_list_marker(text, i), (
            f"{char!r} at {i} is in no sentence"
        )
    assert split_sentences(text) == [text[s:e] for s, e in spans]


def test_only_the_word_before_a_stop_is_examined_so_splitting_stays_linear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    examined: list[int] = []
    original = sentences._is_abbreviation

    def recording(before: str, following: str) -> bool:
        examined.append(len(before))
        return original(before, following)

    monkeypatch.setattr(sentences, "_is_abbreviation", recording)
    text = "Mr. Kim " * 5000  # one sentence: no stop here ends it
    assert sentences.sentence_spans(text) == [(0, len(text) - 1)]
    assert len(examined) == 5000 and max(examined) <= 64


@pytest.mark.parametrize("stop", [".", "?!", "\u2026"])
def test_a_long_run_of_stops_that_no_sentence_follows_is_read_at_once(stop: str) -> None:
    # Tried from each stop of the run, 19,000 dots took 19 s to read (a hang on reload);
    # read from the run's first stop, a run of 100,000 takes milliseconds. The bound is a
    # hang guard a thousand times the time it takes, not a benchmark.
    text = "It ends here" + stop * (100_000 // len(stop))
    started = time.perf_counter()
    spans = sentences.sentence_spans(text)
    assert time.perf_counter() - started < 2.0
    assert spans == [(0, len(text))]


def test_chinese_and_japanese_sentences_end_at_their_own_stops() -> None:
    bang, ask = "\uff01", "\uff1f"  # full-width "!" and "?"
    text = f"警告は九十日間有効です。三回で追放されます{bang}本当{ask}はい。"
    assert split_sentences(text) == [
        "警告は九十日間有効です。",
        f"三回で追放されます{bang}",
        f"本当{ask}",
        "はい。",
    ]


def test_a_wikis_footnote_marks_close_the_sentence_they_follow() -> None:
    text = "Built in 1775.[2] It stood on oak legs.[3][4] Waves passed.[citation needed] Next."
    assert [text[start:end] for start, end in sentence_spans(text)] == [
        "Built in 1775.[2]",
        "It stood on oak legs.[3][4]",
        "Waves passed.[citation needed]",
        "Next.",
    ]
