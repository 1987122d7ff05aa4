"""Questions and answers labelled "Q:" and "A:", as FAQs pasted into a file write them.

"Q: How do I cancel?" over "A: Go to Settings..." is a question and its answer: the labels are
the layout's, not the text's. A section is named by the question alone and its passage opens
with the answer ("Go to Settings...", still a span of the file), so neither label is quoted.
A paragraph that runs several pairs together (one line after another without a blank line
between them, or one Markdown paragraph) becomes one passage per answer, under its question:
read as one, "Q: Can I pay with PayPal?" was quoted as the answer to "can i pay with paypal".

The labels are "Q:" or "Question:" and "A:" or "Answer:" (a full stop for the colon too), in
that order, each question ending with "?". A paragraph reads as pairs only when pairs are all
it holds; an answer's label is dropped only under a question that had its own label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval import patterns
from retrieval.corpus.markdown import Block
from retrieval.corpus.models import BODY

_Q = r"(?:Q|Question|QUESTION)[:.]"
_A = r"(?:A|Answer|ANSWER)[:.]"
_QUESTION_LABEL = patterns.compile(rf"{_Q}[ \t]+(?=\S)")
_ANSWER_LABEL = patterns.compile(rf"{_A}[ \t]+(?=\S)")
MAX_QUESTION_CHARS = 300
# Where a pair may begin: a question's label at the start or after a space. The text is cut
# there and each piece read alone, anchored, so that no pattern runs over the whole text.
_PAIR_STARTS = patterns.compile(rf"(?:^|(?<=\s)){_Q}[ \t]")
_PAIR = patterns.compile(
    rf"{_Q}[ \t]+(?P<question>[^?\n]{{1,{MAX_QUESTION_CHARS}}}\?)\s+{_A}[ \t]+(?P<answer>\S.*)",
    re.DOTALL,
)


def pairs(text: str) -> list[tuple[str, str]]:
    """The (question, answer) pairs ``text`` consists of, labels dropped; [] unless the whole
    text is such pairs."""
    text = text.strip()
    if _QUESTION_LABEL.match(text) is None:  # the first pair opens the text: most do not
        return []
    starts = [match.start() for match in _PAIR_STARTS.finditer(text)]  # the first at 0
    found: list[tuple[str, str]] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        pair = _PAIR.fullmatch(text, start, end)
        if pair is None:
            return []  # a label inside an answer, or a question without one: not a run
        found.append((pair["question"].strip(), pair["answer"].strip()))
    return found


def unlabelled(heading: str) -> str:
    """A heading without its "Q:" label: "Q: Can I link two accounts?" is that question."""
    if heading.endswith("?") and (label := _QUESTION_LABEL.match(heading)) is not None:
        return heading[label.end() :]
    return heading


def split(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with runs of labelled pairs split into their answers under their questions,
    and the labels of a question heading and of the answer under it dropped."""
    found: list[Block] = []
    for block in blocks:
        run = pairs(block.text) if block.role == BODY else []
        if run:
            found += [Block(answer, BODY, (*block.section, q)) for q, answer in run]
            continue
        section = tuple(unlabelled(heading) for heading in block.section)
        if section == block.section:  # no labelled question above it: as it was
            found.append(block)
            continue
        text = block.text
        asked = section[-1] != block.section[-1]  # the question right above it had a label
        if asked and block.role == BODY and (label := _ANSWER_LABEL.match(text)) is not None:
            text = text[label.end() :]
        found.append(Block(text, block.role, section))
    return found
