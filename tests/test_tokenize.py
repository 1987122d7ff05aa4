"""Tokenizer: what a word becomes as an index term, and that no text can make it fail."""

from __future__ import annotations

import pytest
import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval import Tokenizer
from retrieval.corpus.text import _SAME_LENGTH, fold_punctuation
from retrieval.index.stopwords import ENGLISH_STOP_WORDS

TOKENIZER = Tokenizer()


def terms(text: str) -> list[str]:
    return TOKENIZER.tokenize(text)


def test_case_is_folded() -> None:
    assert terms("KIM") == terms("Kim") == terms("kim") == ["kim"]


def test_possessive_s_is_dropped() -> None:
    assert terms("Kim's") == ["kim"]
    assert terms("Pyongyang's regime") == terms("Pyongyang regime")


def test_curly_apostrophes_count_as_straight_ones() -> None:
    assert terms("Kim\u2019s") == ["kim"]
    assert terms("Japan\u2019s Prime Minister") == terms("Japan's Prime Minister")
    assert terms("Don\u2019t") == terms("don't") == []


def test_inner_apostrophes_keep_the_word_whole() -> None:
    assert terms("o'clock") == [Stemmer.Stemmer("english").stemWord("oclock")]


def test_stop_words_are_dropped() -> None:
    assert terms("What is the of and to a an it was") == []
    assert terms("the congress") == ["congress"]


def test_every_stop_word_alone_yields_no_term() -> None:
    for word in ENGLISH_STOP_WORDS:
        assert terms(word) == [], word


def test_words_are_reduced_to_their_snowball_stems() -> None:
    stemmer = Stemmer.Stemmer("english")
    for word in ["running", "conventions", "sanctions", "economic", "delegates", "allied"]:
        assert terms(word) == [stemmer.stemWord(word)]
    assert terms("running") == ["run"]
    assert terms("conventions") == terms("convention")


def test_a_language_named_by_a_letter_and_its_marks_is_a_term_of_its_own() -> None:
    assert terms("C, C++ and C# differ; so do F# and g++") == [
        "c",
        "c++",
        "c#",
        "differ",
        "f#",
        "g++",
    ]
    assert terms("(C#), C++17 and the C++/CLI bridge") == ["c#", "c++", "17", "c++", "cli", "bridg"]
    assert terms("#general x+y C+") == ["general", "x", "c"]  # a channel, a sum, a grade


def test_repeated_words_are_kept_in_order() -> None:
    assert terms("Kim met Kim") == ["kim", "met", "kim"]


def test_dotted_us_is_a_term_distinct_from_the_stop_word_us() -> None:
    assert terms("U.S.") == ["u.s"]
    assert terms("us") == []
    assert terms("Us") == []
    assert terms("the U.S. and us") == ["u.s"]


def test_capitalised_us_means_the_united_states() -> None:
    assert terms("US") == terms("U.S.") == terms("USA") == terms("U.S.A.") == ["u.s"]


def test_hyphenated_us_allied_splits_into_country_and_word() -> None:
    assert terms("U.S.-allied") == ["u.s", "alli"]
    assert terms("a reunified, U.S.-allied Korea") == ["reunifi", "u.s", "alli", "korea"]


def test_other_dotted_abbreviations_keep_their_dots() -> None:
    assert terms("U.K.") == ["u.k"]
    assert terms("UK") == ["u.k"]


def test_full_width_letters_are_nfkc_folded() -> None:
    assert terms("\uff2b\uff49\uff4d") == ["kim"]  # full-width "Kim"
    assert terms("\uff30\uff59\uff4f\uff4e\uff47\uff59\uff41\uff4e\uff47") == terms("Pyongyang")


def test_full_width_us_is_the_same_as_us() -> None:
    assert terms("\uff35\uff33") == terms("US") == ["u.s"]  # full-width "US"


def test_no_break_space_separates_words() -> None:
    assert terms("Engage\u00a0North") == ["engag", "north"]


def test_numbers_are_terms() -> None:
    assert terms("36 years") == ["36", "year"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \t\n",
        "\u200bKim\u200d Jong\u200c Un\ufeff",  # zero-width characters
        "\u202eKim\u202c \u2066Pyongyang\u2069 \u200fU.S.\u200e",  # bidi controls
        "\U0001f1f0\U0001f1f5 \U0001f600 \U0001f468\u200d\U0001f469\u200d\U0001f467",  # emoji
        "Kim\u0301 e\u0301\u0301\u0301 \u0301\u0302\u0303 a\u20dd",  # combining marks
        "x" * 4000,
        "Kim's " * 700,
        "'" * 4000,
        "U." * 2000,
        "a'" * 2000,
        "\u0301" * 4000,
        "\U0001f600" * 4000,
        "\x00\x01\x7f\ud7ff\ue000\uffff",
        "\u00bd \u2460 \u00b2 \ufb01 \u3231",  # NFKC expansions: ½ ① ² ﬁ ㈱
    ],
)
def test_hostile_strings_never_raise(text: str) -> None:
    result = terms(text)
    assert all(isinstance(term, str) and term for term in result)
    assert all(len(term) <= 64 for term in result)


def test_an_overlong_word_becomes_a_bounded_term() -> None:
    (term,) = terms("x" * 4000)
    assert len(term) <= 64


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=300))
def test_any_text_tokenizes_to_non_empty_terms(text: str) -> None:
    assert all(term for term in Tokenizer().tokenize(text))


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kim",
                "Kim's",
                "Kim\u2019s",
                "U.S.",
                "US",
                "us",
                "the",
                " ",
                "\u00a0",
                "-",
                ".",
                "\u200b",
                "\u0301",
                "\uff2b",
                "e\u0301",
                "\U0001f600",
                "'",
                "\u2019",
                "\n",
                "allied",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_token_spans_point_at_their_words_and_agree_with_tokenize(text: str) -> None:
    tokenizer = Tokenizer()
    tokens = list(tokenizer.tokens(text))
    assert [token.term for token in tokens] == tokenizer.tokenize(text)
    previous_start, previous_end = 0, 0
    for token in tokens:
        assert token.start < token.end <= len(text)
        assert not text[token.start].isspace()
        if token.start < previous_end:  # an identifier's part, inside the identifier
            assert previous_start <= token.start and token.end <= previous_end
            continue
        previous_start, previous_end = token.start, token.end


def test_a_shared_tokenizer_gives_the_same_terms_as_a_fresh_one() -> None:
    text = "Kim's U.S. conventions US us running"
    shared = Tokenizer()
    assert shared.tokenize(text) == shared.tokenize(text) == Tokenizer().tokenize(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=20))
def test_the_term_of_one_word_is_what_tokenising_it_gives(word: str) -> None:
    tokens = Tokenizer().tokenize(word)
    if len(tokens) <= 1:
        assert Tokenizer().term(word) == (tokens[0] if tokens else "")


def test_the_term_of_one_word_maps_stop_words_and_acronyms() -> None:
    assert TOKENIZER.term("the") == ""
    assert TOKENIZER.term("US") == "u.s"
    assert TOKENIZER.term("taking") == "take"
    assert TOKENIZER.term("\u02bc") == ""  # a modifier letter apostrophe is a letter, read as "'"
    assert TOKENIZER.term("na\u00efve") == TOKENIZER.tokenize("na\u00efve")[0]


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*(chr(c) for c in _SAME_LENGTH), "a", " ", "'", "\u00e9"]))
)
def test_folding_punctuation_translates_each_character(text: str) -> None:
    assert fold_punctuation(text) == text.translate(_SAME_LENGTH)


def test_a_command_line_option_is_a_term_of_its_own_beside_its_words() -> None:
    # "with", "only" and "all" are stop words, yet "--with", "--only" and "--all" are names
    assert TOKENIZER.tokenize("pass --with or --without") == [
        "pass",
        "--with",
        "--without",
        "without",
    ]
    assert TOKENIZER.tokenize("the --no-root flag") == ["--no-root", "root", "flag"]
    assert TOKENIZER.tokenize("--Only --all") == ["--only", "--all"]
    # a dash between words, or a rule of dashes, is no option
    assert TOKENIZER.tokenize("the 1990s--a decade") == ["1990s", "decad"]
    assert TOKENIZER.tokenize("---") == []


def test_chinese_and_japanese_are_searched_by_overlapping_pairs_of_characters() -> None:
    assert terms("这个项目") == ["这个", "个项", "项目"]
    assert terms("警告は有効") == ["警告", "告は", "は有", "有効"]
    assert terms("用bilibili时间") == ["用", "bilibili", "时间"]  # a Latin word inside is a word


def test_a_pair_of_characters_keeps_its_place_in_the_text() -> None:
    text = "Rules: 警告は有効"
    assert [text[t.start : t.end] for t in TOKENIZER.tokens(text)] == [
        "Rules",
        "警告",
        "告は",
        "は有",
        "有効",
    ]
