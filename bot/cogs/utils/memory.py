"""The answers citebot sent lately, by message id: what their buttons and follow-ups read.

Bounded: the oldest are forgotten first. A forgotten answer (or one from before a restart)
is found again from the question log, when it keeps one, and asked again: the engine gives
the same answer to the same question on the same articles.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from retrieval import Answer

KEPT = 2000


@dataclass
class Remembered:
    question: str  # what the engine read: for a follow-up, the earlier question with it
    answer: Answer
    version: str  # the articles' version it was answered from (``CorpusService.version``)
    asker_id: int
    shown: int = 0  # the passage on show


class AnswerMemory:
    def __init__(self, kept: int = KEPT) -> None:
        self._kept = kept
        self._answers: OrderedDict[int, Remembered] = OrderedDict()

    def put(self, message_id: int, remembered: Remembered) -> None:
        self._answers[message_id] = remembered
        self._answers.move_to_end(message_id)
        while len(self._answers) > self._kept:
            self._answers.popitem(last=False)

    def get(self, message_id: int) -> Remembered | None:
        return self._answers.get(message_id)
