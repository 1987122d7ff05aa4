"""Chat questions asked as people ask each other: "does anyone know when...? thx".

Each answerable question of a chat set that opens with a question word is asked again inside
each of ``WRAPPERS``, followed by each of ``ASIDES`` and typed in each of ``TYPINGS``, as a
member of a server asks the room; citebot should read it as the plain question
(``retrieval.question.fillers``, ``retrieval.question.chat``): the same verdict and the same
first passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

WRAPPERS = (
    "does anyone know",
    "hey can someone tell me",
    "any idea",
    "i was wondering",
    "do you know",
    "hey guys,",
    "hmm",
    "ngl",
)
ASIDES = ("pls", "thx", "thanks in advance", "btw", "anyone?", "\U0001f64f")
# Ways of typing the question itself, by name.
TYPINGS: dict[str, Callable[[str], str]] = {
    "in capitals": str.upper,
    "in title case": str.title,
    "with ???": lambda text: text.rstrip("?") + "???",
    "as a block quote": lambda text: f"> {text}",
}
_OPENS_WITH_QUESTION_WORD = re.compile(r"(?:what|when|where|who|why|how|which)\b", re.IGNORECASE)


def wrapped(questions: Sequence[Any], seeds: Path) -> dict[str, int]:
    """How often a wrapped question gets its plain form's verdict and first passage, and how
    many of each get a confident answer (``questions``: ``bench.chat.ChatQuestion``)."""
    from bench import citebot

    engine = citebot.load_engine(seeds)
    found = {"asked": 0, "same verdict": 0, "same first": 0, "plain answer": 0, "wrapped answer": 0}
    for question in questions:
        if question.kind != "answerable" or not _OPENS_WITH_QUESTION_WORD.match(question.text):
            continue
        plain = citebot.ask(engine, question.text)
        for text in _asked_as_people_ask(question.text):
            asked = citebot.ask(engine, text)
            found["asked"] += 1
            found["same verdict"] += _verdict(asked) == _verdict(plain)
            found["same first"] += _first(asked) == _first(plain)
            found["plain answer"] += _verdict(plain) == "answer"
            found["wrapped answer"] += _verdict(asked) == "answer"
    return found


def _asked_as_people_ask(question: str) -> list[str]:
    """``question`` inside each wrapper, followed by each aside, and typed in each way."""
    lowered = f"{question[0].lower()}{question[1:]}"
    ended = question if question.endswith(("?", "!", ".")) else f"{question}?"
    return [
        *(f"{w} {lowered}" for w in WRAPPERS),
        *(f"{ended} {aside}" for aside in ASIDES),
        *(typed(question) for typed in TYPINGS.values()),
    ]


def _verdict(answer: Any) -> str:
    return "refused" if answer is None else str(answer.verdict)


def _first(answer: Any) -> str | None:
    return answer.passages[0].citation if answer is not None and answer.passages else None
