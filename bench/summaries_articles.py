"""Each BBC article as every system sees it (its body paragraphs split into sentences by
citebot's ``split_sentences``), and what its reference summary holds: how many of the
article's sentences, and how many of those lean on a sentence the reference leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench import citebot
from bench.data import BbcArticle
from bench.metrics import count_reference_sentences

# Fallback sentence count for a reference none of whose sentences is found in the article.
_JOINED_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=[A-Z\"'\u201c\u2018]|$)")


@dataclass(frozen=True)
class Prepared:
    article: BbcArticle
    paragraphs: tuple[tuple[str, ...], ...]  # sentences of each body paragraph

    @property
    def sentences(self) -> list[str]:
        return [s for paragraph in self.paragraphs for s in paragraph]


def prepare(article: BbcArticle) -> Prepared:
    return Prepared(article, tuple(tuple(citebot.split_sentences(p)) for p in article.paragraphs))


def reference_length(prepared: Prepared) -> tuple[int, bool]:
    """(sentence count of the reference, whether it came from matching article sentences)."""
    matched = count_reference_sentences(prepared.sentences, prepared.article.summary)
    if matched:
        return matched, True
    return max(1, len(_JOINED_STOP.findall(prepared.article.summary))), False


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def orphaned_references(prepared: Prepared) -> tuple[int, int, int]:
    """(reference sentences, those that lean on a sentence the reference leaves out by the
    opinion rule (any pointer), and by the news rule (a demonstrative))."""
    inside = [
        normalize_space(s) in normalize_space(prepared.article.summary) for s in prepared.sentences
    ]
    orphans = {
        kind: sum(
            1
            for i, sentence in enumerate(prepared.sentences)
            if inside[i] and citebot.leans_back(sentence, kind) and not (i > 0 and inside[i - 1])
        )
        for kind in ("opinion", "news")
    }
    return sum(inside), orphans["opinion"], orphans["news"]
