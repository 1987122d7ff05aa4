"""The patterns every question is read with find what a plain search of them finds, though a
question is first looked through for a word their matches hold (``lexicon.may_hold``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval.question import argument, chat, code, described, fillers, mentions
from retrieval.question.aliases import AliasTable

# Pieces of questions: the patterns' words in several cases, code, and letters that
# IGNORECASE equates with others (the Kelvin sign, the long s, the dotted capital I).
PIECES = [
    "the article",
    "THIS PIECE",
    "the tax Page",
    " story about ",
    " say ",
    " says about ",
    " 'Tax",
    "' ",
    '"',
    "\u201c",
    "\u201d",
    " titled ",
    "your op-ed",
    "think we should",
    "what should we ",
    "'s opinion",
    " views on",
    "summarized",
    "summarize ",
    "sum it up",
    " sum up",
    " do",
    "How  long ",
    " take",
    "the FAQ",
    "Call for",
    "main point",
    "argu",
    "recommend",
    "stance",
    "actually",
    "supposed to",
    "Unable to",
    "pre-war",
    " happens",
    "HAPPENED",
    "ever",
    "does anyone know ",
    "can you tell me ",
    "Any idea",
    "I was wondering",
    "don't get ",
    " why",
    "please ",
    "Thanks to",
    "thank-you",
    "by the way",
    "HAHA",
    "? anyone",
    "quick q",
    "hmm ",
    "Guys ",
    "tl;dr",
    "Everyone, ",
    "??",
    "!",
    "\U0001f64f",
    "\u212anow ",
    "myVar",
    "iPhone",
    "x=1",
    "--with",
    "pair_device",
    "a.toml",
    "`code`",
    "www.example.com",
    "https://a.b/c",
    "\u212aey point",
    "\u017ftance",
    "TH\u0130S article",
    "nk",
    "NK",
    "u",
    " ",
    "?",
    "-",
    ".",
    "what",
    "does",
    "Kim",
    "sanctions",
    "\u00e9t\u00e9",
]
questions = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=examples(1000), deadline=None)
@given(questions, st.booleans())
def test_each_pattern_matches_as_a_plain_search_does(question: str, names: bool) -> None:
    assert code.writes_code(question) == (code._CODE.search(question) is not None)
    arguing = argument._ARGUING.search(question) is not None
    the_text = argument._THE_TEXT.search(question) is not None
    alone = argument._SUMMING_UP_ALONE.fullmatch(question) is not None
    on_a_subject = argument._ON_A_SUBJECT.search(question) is not None
    assert argument.asks_for_argument(question, names) == (
        arguing and not on_a_subject and (names or the_text or alone)
    )
    pointed = mentions._POINTED_AT.search(question) is not None
    spans = [(m.span(1), m.span(2)) for m in described._BEFORE_NOUN.finditer(question)]
    spans += [(m.span(2), m.span(1)) for m in described._AFTER_NOUN.finditer(question)]
    for m in described._QUOTED.finditer(question):
        quoted = next(i for i in range(2, 6) if m.group(i) is not None)
        spans.append((m.span(quoted), m.span(1)))
    nouns = {noun for _, noun in spans}
    spans += [
        (m.span(1), m.span(2))
        for m in described._BARE_NOUN.finditer(question)
        if m.span(2) not in nouns
    ]
    assert described.descriptions(question) == sorted(spans)
    assert mentions.Mentions.points_at_articles(question) == pointed
    blanked = fillers._WRAPPER.sub(fillers._blank_groups, question)
    blanked = fillers._COURTESY.sub(fillers._blank, blanked)
    opener = fillers._OPENER.match(blanked)
    if opener:
        blanked = fillers._blank_groups(opener) + blanked[opener.end() :]
    blanked = fillers._CLOSER.sub(fillers._blank, blanked)
    blanked = fillers._MARKS.sub(fillers._blank, blanked)
    blanked = fillers._HEDGES.sub(fillers._blank, blanked)
    blanked = fillers._EVENT.sub(fillers._blank_groups, blanked)
    blanked = fillers._DURATION.sub(fillers._blank_groups, blanked)
    if "-" in blanked:
        blanked = fillers._PREFIX.sub(fillers._blank, blanked)
    assert fillers.without_fillers(question) == blanked
    no_links = chat._URL.sub(" ", chat.without_markup(chat.remove_invisible(question)))
    assert chat.rewrite(question, {"shorthand"}) == no_links


def test_an_alias_is_found_in_any_case_and_beside_any_letters() -> None:
    table = AliasTable({"nk": "north korea", "dprk": "north korea"})
    for question in ("what about NK?", "what about nk", "\u00e9t\u00e9 in NK", "Dprk and NK"):
        assert [m.phrase for m in table.find(question)], question
    assert table.find("what about snk and nkorea?") == []
    assert chat.rewrite("what abt u") == "what about you"
