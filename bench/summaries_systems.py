"""The summarizers compared: citebot (with its defaults and with other summary settings),
lead-k, and sumy's LexRank, TextRank, LSA and Luhn, each a function from a sentence budget to
the sentences it chooses among the article's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bench import citebot
from bench.summaries_articles import Prepared

SUMY = ("LexRank", "TextRank", "LSA", "Luhn")
# citebot's own summary settings, swept (settings only): position_weight 0 is centrality
# alone, 1 the opening; coherent=False chooses sentence by sentence, without the pointer-back
# rule (a sentence opening "This...", "But..." only with the one before it); news_pointers=all
# applies the opinion pieces' full rule ("He...", "But..." too) to news, which by default
# leans back only on a demonstrative ("This...", "These...").
POSITION_WEIGHTS = (0.0, 0.25, 0.75)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

Summarizer = Callable[[int], list[str]]


class WordTokenizer:
    """What sumy asks of a tokenizer, without NLTK data: words by a Unicode regex."""

    language = "english"

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(citebot.split_sentences(paragraph))


def sumy_summarizers() -> dict[str, Any]:
    """sumy's summarizers as its README sets them up: Snowball stemmer, English stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    stop_words = get_stop_words("english")
    made: dict[str, Any] = {}
    for name, cls in (
        ("LexRank", LexRankSummarizer),
        ("TextRank", TextRankSummarizer),
        ("LSA", LsaSummarizer),
        ("Luhn", LuhnSummarizer),
    ):
        summarizer = cls(stemmer)
        summarizer.stop_words = stop_words
        made[name] = summarizer
    return made


def sumy_document(prepared: Prepared) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = WordTokenizer()
    return ObjectDocumentModel(
        [Paragraph([Sentence(s, tokenizer) for s in p]) for p in prepared.paragraphs if p]
    )


def citebot_summarizer(prepared: Prepared, **summary: float | bool | str) -> Summarizer:
    """citebot's article summary, on an engine holding this one article (and these settings)."""
    article = prepared.article
    slug = "a" + re.sub(r"[^a-z0-9]+", "-", article.key)
    spec = citebot.ArticleSpec(slug, article.title, article.paragraphs)
    engine = citebot.build_engine([spec], summary=summary)
    return lambda k: [s.text for s in engine.summarize(slug, sentences=k).sentences]


def systems(prepared: Prepared, summarizers: dict[str, Any]) -> dict[str, Summarizer]:
    """Each system as a function from a sentence budget to the chosen sentences."""
    document = sumy_document(prepared)
    sentences = prepared.sentences

    def lead(k: int) -> list[str]:
        return sentences[:k]

    def via(summarizer: Any) -> Summarizer:
        return lambda k: [str(s) for s in summarizer(document, k)]

    made: dict[str, Summarizer] = {"citebot": citebot_summarizer(prepared), "lead-k": lead}
    for name in SUMY:
        made[name] = via(summarizers[name])
    return made


def citebot_variants(prepared: Prepared) -> dict[str, Summarizer]:
    """citebot with other summary settings, for the sweep table."""
    variants = {
        f"position_weight={weight}": citebot_summarizer(prepared, position_weight=weight)
        for weight in POSITION_WEIGHTS
    }
    variants["coherent=False"] = citebot_summarizer(prepared, coherent=False)
    variants["news_pointers=all"] = citebot_summarizer(prepared, news_pointers="all")
    return variants
