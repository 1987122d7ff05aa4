"""Sentence splitting that keeps "U.S.", "Mr." and initials inside their sentences.

Rules rather than a model: a sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by space and something that can start a sentence, unless the word before the
stop is a known abbreviation, a dotted abbreviation or an initial. A dotted abbreviation
("U.S.", "p.m."), an initial ("Plan B.") or "etc." does end a sentence when the next word is one
that starts sentences and never follows such an abbreviation inside one ("The", "It", "But"),
as Punkt does with its frequent sentence starters; titles ("Mr.", "Dr.") never end one.
"""

from __future__ import annotations

from retrieval import patterns

# The stop's first character on its own, so that the search skips to the next one at C speed
# (a pattern that opens with a repeat is tried at every position of the text).
# A run of stops is tried from its first only (the look-behind): tried from each of its
# stops, a long run that no space follows took time in the square of its length.
_BOUNDARY = patterns.compile(
    r"(?P<stop>[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*)"  # the stop (a run of them) ...
    r"[\"'\u201d\u2019)\]]*"  # ... and what closes around it
    r"(?:\[(?:\d{1,3}|[a-z]|citation needed)\])*"  # ... and a wiki's footnote marks: ".[2]"
    r"(?=\s+[\"'\u201c\u2018(\[]*(?P<next>[A-Z0-9\u00c0-\u00de][A-Za-z]*))"  # a sentence-like start
)
# Chinese and Japanese stops (the ideographic full stop, the full-width "!" and "?"), which no
# space follows, with the corner brackets or parenthesis that close around them; read only in a
# text that has one (the alternation is twice as slow).
_WIDE_STOPS = "\u3002\uff01\uff1f"
_WITH_WIDE = patterns.compile(
    _BOUNDARY.pattern + rf"|[{_WIDE_STOPS}]+[\u300d\u300f\uff09\u201d\u2019]*(?=\s*\S)"
)
# Only the word before a stop decides; looking no further back than this keeps splitting linear
# where no sentence ends for a long way ("Mr. Kim Mr. Kim ..."). Abbreviations are far shorter.
_LONGEST_WORD = 64
_DOTTED = patterns.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms mx dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt
    messrs mme mlle fr inc corp ltd co bros dept univ assn vs v etc al approx est fig figs no
    nos vol vols pp ed eds jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd
    """.split()
)

# A list item's line start and marker: a new line, its indent, "\u2022 " or "12. " (or "- ",
# "* ", "+ " before a word, as plain text writes a bullet); at the very start, a bullet, or a
# number when a numbered line follows ("1. FC Köln won" alone opens a sentence, not a list;
# "1. Teams of three." over "2. Sign up by Friday." is one).
# A numbered item's marker, its number in group "number" (``retrieval.corpus.numbered`` reads
# a list's items by it): "3. ", or the keycap emoji a community's rules number with
# ("3\ufe0f\u20e3").
NUMBERED_MARKER = r"(?P<number>\d{1,3})(?:\.[ \t]+|\ufe0f?\u20e3[ \t]*)"
_BULLET = r"(?:\u2022[ \t]+|[*+-][ \t]+(?=[^\W_]))"  # "* | >=1.0" is a table's row, not an item
_ITEM = patterns.compile(rf"\n[ \t]*(?:{_BULLET}|{NUMBERED_MARKER})|\A[ \t]*{_BULLET}")
_NUMBERED_FIRST = patterns.compile(rf"\A[ \t]*{NUMBERED_MARKER}")
_NUMBERED_LINE = patterns.compile(rf"\n[ \t]*{NUMBERED_MARKER}")

_ITEM_OPENINGS = frozenset("\u2022*+- \t")

# A question's mark, with any quotes or brackets that close around it: '"...last?"', "(why?)".
_ASKS = patterns.compile(r"[?\uff1f][\"'\u201d\u2019)\]\u300d\u300f\uff09]*\s*$")

# Abbreviations that may close a sentence (titles such as "Mr." never do).
_MAY_END = frozenset({"etc"})
# A stop right after this many letters or digits closes no abbreviation: the word before it
# is longer than any known one, and is no initial nor a dotted one ("U.S", ``_DOTTED``).
_PLAIN_WORD = max(map(len, ABBREVIATIONS | _MAY_END)) + 1

# Capitalised words that start sentences and do not follow "U.S." or an initial within one.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """
    the a an it its he his she her they their we our i my you your this that these those there
    then but and so yet however still now if when while after before as since although though
    what why how who which some many most all both each such no not even also in on at for
    """.split()
)


# The words of a bare reply, a closed class of English: yes and no, how sure, how often.
REPLY_WORDS = frozenset(
    "yes no not yet nope yep yeah sure correct right indeed absolutely definitely of course "
    "never always sometimes usually rarely often certainly".split()
)
MAX_REPLY_WORDS = 3
_REPLY_WORD = patterns.compile(r"[^\W\d_]+")


def opens_with_bullet(text: str) -> bool:
    """Whether ``text`` opens with an item of a bulleted list ("\u2022 Health: 4,500", or
    "- Health: 4,500" in plain text), not with a sentence introducing its list: its first
    sentence is one item among the others. (A numbered list's first step is where its
    procedure starts.)"""
    return _ITEM.match(text) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, trimmed of surrounding space.

    A list item on a line of its own ("\u2022 item", "2. step", as ``retrieval.corpus.markdown``
    writes a list, or "- item" as plain text does) is a sentence of its own at least, its
    marker left out."""
    if ("\n" not in text and text[:1] not in _ITEM_OPENINGS) or _ITEM.search(text) is None:
        return _sentence_spans(text, 0, len(text))
    spans: list[tuple[int, int]] = []
    first = _NUMBERED_FIRST.match(text)
    start = first.end() if first and _NUMBERED_LINE.search(text, first.end()) else 0
    for item in _ITEM.finditer(text):
        spans.extend(_sentence_spans(text, start, item.start()))
        start = item.end()
    spans.extend(_sentence_spans(text, start, len(text)))
    return spans


def _sentence_spans(whole: str, begin: int, finish: int) -> list[tuple[int, int]]:
    """``sentence_spans`` of ``whole[begin:finish]``, as offsets into ``whole``."""
    text = whole[begin:finish]
    spans: list[tuple[int, int]] = []
    start = 0
    wide = not text.isascii() and any(stop in text for stop in _WIDE_STOPS)
    for match in (_WITH_WIDE if wide else _BOUNDARY).finditer(text):
        stop_start, stop_end = match.span(1)  # the stop; (-1, -1) for a Chinese one
        end = match.end()
        # A single "." that no quote closes ('she said "No." Then' is closed) may only
        # close an abbreviation.
        if (
            end == stop_end
            and stop_end - stop_start == 1
            and text[stop_start] == "."
            and not (
                stop_start - start >= _PLAIN_WORD
                and text[stop_start - _PLAIN_WORD : stop_start].isalnum()
            )
            and _is_abbreviation(
                text[max(start, stop_start - _LONGEST_WORD) : stop_start],
                match.group("next").casefold(),
            )
        ):
            continue
        # ``_add_trimmed``, inline (once a sentence): the sentence holds its stop, so it is
        # never all space, and it ends with the stop or what closes it, never with space
        while text[start].isspace():
            start += 1
        spans.append((begin + start, begin + end))
        start = end
    _add_trimmed(spans, text, start, len(text), begin)
    return spans


def asks(sentence: str) -> bool:
    """Whether ``sentence`` is a question: it ends with "?", inside its closing quotes or
    brackets or not. One rule for every stage that reads a question in the text (an FAQ's
    question is answered by the sentence after it; a summary does not quote it alone)."""
    return _ASKS.search(sentence) is not None


def introduces(sentence: str) -> bool:
    """Whether ``sentence`` introduces what follows it (a list, a command, a quotation): it
    ends with a colon. One rule for every stage: a list joins the paragraph that introduces
    it, and a summary does not quote the introduction without what it introduces."""
    return sentence.rstrip().endswith(":")


def only_replies(sentence: str) -> bool:
    """Whether ``sentence`` is a bare reply ("Yes.", "No.", "Not yet.", "Of course!"): it
    answers a question in the words of none, so it says nothing without the sentence after it,
    which tells what it means ("Yes. Any git remote works.")."""
    words = _REPLY_WORD.findall(sentence)
    return 0 < len(words) <= MAX_REPLY_WORDS and all(
        word.casefold() in REPLY_WORDS for word in words
    )


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, each a verbatim substring of it."""
    return [text[start:end] for start, end in sentence_spans(text)]


def _is_abbreviation(before: str, following: str) -> bool:
    """Whether the stop after ``before`` only closes an abbreviation, given the next word."""
    before = before.removesuffix("\n")  # "U.S.\n." still reads "U.S." as the word before
    if not before or before[-1].isspace():
        return False
    word = before.rsplit(None, 1)[-1].lstrip("\"'(\u201c\u2018[")
    folded = word.casefold()
    may_end = (len(word) == 1 and word.isalpha()) or _DOTTED.fullmatch(word) is not None
    may_end = may_end or folded in _MAY_END
    if may_end:  # an initial ("George W. Bush"), "U.S.", "p.m.", "etc."
        return following not in SENTENCE_STARTERS
    return folded in ABBREVIATIONS


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int, at: int) -> None:
    """Add ``text[start:end]``'s span without the space around it, offset by ``at``, unless
    it is all space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((at + start, at + end))
