"""A section read as one answer: the best paragraph, then the paragraphs beside it under the
same headings; and the code or table a paragraph introduces, right after it.

A docs page answers "Why is the build slow?" under a heading that asks it, often over several
paragraphs; the closeness reorder (``retrieval.search.rerank``) puts first the one that
repeats the question's words, and the one that gives the reason can fall below paragraphs of
other sections that share a word or two with the question. When the headings above the best
paragraph hold at least half of the question's weight (``SECTION_SHARE``), the question is
that section's: its other prose paragraphs come next, the nearest to the best one first (the
one before it on a tie, which the best one reads on from), and the best one stays first; its
code blocks and tables after its prose ("Installation": the note on the Python it needs, then
``pip install``). A text without headings, and a question its headings hold less of, keep
their order.

Pages often hold parallel sections ("As an application developer", "As a library
developer"; one per system or per role), and the paragraph naming every word of the question
may sit in the wrong one ("pip will not use the lock file ... intended for library
developers" under the application developers' heading). So the section read is the one,
among the first ``SECTION_LOOK`` paragraphs' sections, whose headings hold the most of the
question: when that is not the best paragraph's, the best stays first and that section's
paragraph and its mates come next (the docs chat set: the answering paragraph among the
first three for one more question, 34 of 40; nothing else moves there, in
``bench/docs-check`` or in ``bench/community-check``).

Measured on the docs chat set (``python -m bench chat --seeds ../shared/eval/corpus-docs``):
the answering paragraph among the first three for 34 of 40 questions against 32, none lost,
the first unchanged (25); the same 34 with any share from 0.3 to 0.5, 33 from 0.6 to 0.8.
The section's paragraphs in their own order (its first one first) gave 33, in the reorder's
order 33, and in their own order in place of the best paragraph 34 but 24 first (two
answers first lost). On a check written apart (``bench/docs-check``: 31 questions on three
made-up pages) no figure moves and one answering paragraph rises from third to second. A
question that writes code keeps the reorder's order, in which code comes first.

An FAQ's headings are questions, and two of them often share their words ("How do I link my
game account?", "Can I link two accounts?"): BM25 and the headings' share of the question's
terms cannot tell which one "how do i link my account" asks, for the words that tell them
apart ("how do I", "can I") are stop words. So of the question headings above the first
``ASKED_LOOK`` candidates that hold the most of the question's terms, the one worded most like
the question, stop words included (``ASKED_SHARE`` of the words of both at least), puts its
section first when the first candidate's heading does not ask it as closely. On the chat
sets it moves one answer to first ("how do i become a mod" under "How do I become a
moderator?" in ``bench/community-check``, ahead of a rule that names moderators), and no
other; a text without headings reads as before. The stop words are compared as one form per
auxiliary and per person ("when do you meet" is worded as "When does the club meet?" is):
on the chat sets no figure moves.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus.markdown import SHOWN_AS_IS
from retrieval.corpus.sentences import asks
from retrieval.index.passages import Passages
from retrieval.question.query import Query
from retrieval.search.rerank import share

SECTION_SHARE = 0.5  # of the question's weight, held by the best paragraph's headings
SECTION_LOOK = 3  # the first candidates whose sections may be the question's (a reply shows 3)
ASKED_SHARE = 0.5  # of the words of the question and of a heading asking it, held by both
ASKED_LOOK = 5  # the first candidates whose headings may ask the question
_WORD = patterns.compile(r"[^\W_]+")

Ranked = list[tuple[int, float]]  # (passage index, BM25 score), best first
# A corpus's question headings as worded (``_heading_form``), freed with its passages.
_HEADING_FORMS: weakref.WeakKeyDictionary[Passages, dict[str, frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)


def section_next(passages: Passages, query: Query, ranked: Ranked) -> Ranked:
    """``ranked`` with the question's section read as one answer (see the module): the best
    paragraph first, then the paragraph of the first ``SECTION_LOOK`` whose headings hold the
    most of the question, when that is ``SECTION_SHARE`` or more, and its section mates; else
    ``ranked`` itself."""
    if not ranked or not _section(passages, ranked[0][0]):
        return ranked
    asked = _asked_by_heading(passages, query, ranked)
    if asked:  # the heading asks the question: its section is the answer
        return _with_mates(passages, query, [ranked[asked], *ranked[:asked], *ranked[asked + 1 :]])
    shares = [_heading_share(passages, query, i) for i, _ in ranked[:SECTION_LOOK]]
    at = max(range(len(shares)), key=lambda n: (shares[n], -n))
    if shares[at] < SECTION_SHARE:
        return ranked
    if at:  # another section's headings hold more: it is the question's, after the best
        rest = [ranked[at], *ranked[1:at], *ranked[at + 1 :]]
        return [ranked[0], *_with_mates(passages, query, rest)]
    return _with_mates(passages, query, ranked)


def asked_under(passages: Passages, query: Query, index: int) -> tuple[str, ...]:
    """The headings above passage ``index`` when the nearest is a question holding at least
    ``SECTION_SHARE`` of the question's weight (an FAQ entry that asks it), else none: its
    answer is that section's, and the In short keeps to it (``retrieval.summary.in_short``)."""
    if not _heading_form(passages, index):
        return ()
    if _heading_share(passages, query, index) < SECTION_SHARE:
        return ()
    return _section(passages, index)


def _asked_by_heading(passages: Passages, query: Query, ranked: Ranked) -> int:
    """The place among the first ``ASKED_LOOK`` of the paragraph under the heading that asks
    the question: of the question headings holding the most of its terms, the one sharing
    the most of its words (``ASKED_SHARE`` at least), when the first's does not ask it as
    closely; else 0."""
    asked = _form(passages, query.meant)
    keys = []
    for index, _ in ranked[:ASKED_LOOK]:
        form = _heading_form(passages, index)
        likeness = len(asked & form) / len(asked | form) if form else 0.0
        keys.append((_heading_share(passages, query, index) if form else 0.0, likeness))
    at = max(range(len(keys)), key=lambda n: (keys[n], -n), default=0)
    return at if keys[at][1] >= ASKED_SHARE and keys[at] > keys[0] else 0


def _heading_form(passages: Passages, index: int) -> frozenset[str]:
    """The words of the heading right above a paragraph when it is a question, else none;
    each heading read once per corpus (a page repeats its headings over its paragraphs)."""
    section = _section(passages, index)
    if not section:
        return frozenset()
    forms = _HEADING_FORMS.setdefault(passages, {})
    heading = section[-1]
    form = forms.get(heading)
    if form is None:
        form = forms[heading] = _form(passages, heading) if asks(heading) else frozenset()
    return form


# A question's stop words as a heading asking it may word them: the forms of one auxiliary
# are one word, and so are the person asking and the one an FAQ speaks for ("when do you
# meet" asks what "When does the club meet?" does; "how do you reset your widget", what
# "How do I reset my widget?" does).
_ONE_FORM = {
    **dict.fromkeys(("does", "did", "doing", "done"), "do"),
    **dict.fromkeys(("is", "are", "was", "were", "am", "been", "being"), "be"),
    **dict.fromkeys(("has", "had", "having"), "have"),
    **dict.fromkeys(("i", "you", "we", "me", "us"), "(person)"),
    **dict.fromkeys(("my", "your", "our"), "(person's)"),
}


def _form(passages: Passages, text: str) -> frozenset[str]:
    """A question's words as it is worded: its terms and its stop words ("how do I", "can
    I"), which tell "How do I link my account?" from "Can I link two accounts?"."""
    tokenizer = passages.tokenizer
    said = {word.casefold() for word in _WORD.findall(text)}
    stops = {_ONE_FORM.get(word, word) for word in said & tokenizer.stop_words}
    return frozenset(tokenizer.tokenize(text)) | stops


def _heading_share(passages: Passages, query: Query, index: int) -> float:
    """The share of the question's weight held by the headings above passage ``index``."""
    if not _section(passages, index):
        return 0.0
    vocabulary = passages.index.vocabulary
    held = set(passages.kept.hidden_ids(index))
    return share(query.weights, {t for t in query.weights if vocabulary.get(t, -1) in held})


def _section(passages: Passages, index: int) -> tuple[str, ...]:
    """The headings above passage ``index``, outermost first; none for a card."""
    return () if passages.is_card(index) else passages.located[index][1].section


def _with_mates(passages: Passages, query: Query, ranked: Ranked) -> Ranked:
    """``ranked`` with its first paragraph's section mates right after it, nearest first, its
    code and tables after its prose."""
    best = ranked[0][0]
    shown = passages.located[best][1].role in SHOWN_AS_IS
    mates = sorted(
        _mates(passages, best),
        key=lambda i: (
            shown or passages.located[i][1].role in SHOWN_AS_IS,
            abs(i - best),
            i > best,
        ),
    )
    if not mates:
        return ranked
    scores = dict(ranked)
    if not scores.keys() >= set(mates):  # a mate below the candidates: its own BM25 score
        every = passages.index.get_scores(query.terms, query.scale)
        scores.update((i, float(every[i])) for i in mates if i not in scores)
    moved = set(mates)
    return [
        ranked[0],
        *((i, scores.get(i, 0.0)) for i in mates),
        *(item for item in ranked[1:] if item[0] not in moved),
    ]


def _mates(passages: Passages, best: int) -> Sequence[int]:
    """The other paragraphs of ``best``'s article under exactly its headings, in order."""
    located = passages.located
    article, paragraph = located[best]

    def same(i: int) -> bool:
        return (
            0 <= i < passages.first_card
            and located[i][0] is article
            and (located[i][1].section == paragraph.section)
        )

    start, end = best, best + 1
    while same(start - 1):
        start -= 1
    while same(end):
        end += 1
    return [i for i in range(start, end) if i != best]


def introduced_next(passages: Passages, ranked: Ranked, shown: int) -> Ranked:
    """``ranked`` with the code or table that a paragraph among the first ``shown`` introduces
    (``Passages.introduces``: "Install it with:" and the command) right after that paragraph."""
    introduces = passages.introduces
    order = list(ranked)
    at = 0
    while at < min(shown, len(order)):
        block = introduces.get(order[at][0])
        if block is not None:
            placed = next((n for n, (i, _) in enumerate(order) if i == block), None)
            if placed is None or placed > at + 1:
                item = order.pop(placed) if placed is not None else (block, 0.0)
                order.insert(at + 1, item)
        at += 1
    return order
