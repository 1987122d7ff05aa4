"""The example question ``!help`` shows: built from the corpus's own names, kept only if it answers.

A fixed example suits one corpus and answers poorly on the next ("what do the articles say about
elections?" quoted a line about America's "silly season" from the shipped articles). Instead,
the names an article uses as names (capitalised in mid-sentence, never written in lower case,
not a month or a day) are ranked, those in a title first, then by how many articles and
paragraphs use them, and turned into "what do the articles say about <name>?". Each is asked of
the engine in turn, and the first whose verdict is ``answer``, with nothing missing and a body
paragraph holding the name quoted first, is the example. When none is, the example is a
placeholder, not a question that would answer badly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from retrieval import Corpus, Engine, QuestionError

FROM_CORPUS = "{question the corpus answers}"  # a command's example ``!help`` fills in
PLACEHOLDER = "<your question about the articles>"
MAX_TRIES = 8  # questions asked of the engine at most: a few milliseconds each
MAX_WORDS = 4

_WORD = re.compile(r"[^\W\d_][\w\u2019'-]*")
_POSSESSIVE = re.compile(r"[\u2019']s$")
_CONNECTORS = {"of", "the"}  # inside a name: "Bank of England", "Top of the Pops"
_CALENDAR = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_MID_SENTENCE = re.compile(r"[\w,(]$")  # what may come just before a name that is not an opening


def example_question(engine: Engine) -> str:
    """A question about the corpus that the engine answers, or ``PLACEHOLDER``."""
    for question, name in list(candidates(engine.corpus))[:MAX_TRIES]:
        try:
            answer = engine.ask(question)
        except QuestionError:
            continue
        if answer.verdict != "answer" or answer.missing or not answer.passages:
            continue
        first = answer.passages[0]
        if first.kind == "body" and name.casefold() in _plain(first.text).casefold():
            return question
    return PLACEHOLDER


def candidates(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """(question, name) pairs, the most promising first."""
    subject = "do the articles say" if len(corpus) > 1 else "does the article say"
    for name in names(corpus):
        yield f"what {subject} about {name}?", name


def names(corpus: Corpus) -> list[str]:
    """Names the articles' body text uses, those in a title first, then the most used.

    A name is a run of capitalised words, less any opening words also written in lower case
    ("The", "Although"), seen at least once after the start of a sentence; a name inside a
    longer one ("North" in "North Korea") is left for the longer one.
    """
    texts = [
        (article, _plain(paragraph.text))
        for article in corpus
        for paragraph in article.paragraphs
        if paragraph.is_body
    ]
    lowercase = {w.casefold() for _, text in texts for w in _WORD.findall(text) if w[0].islower()}
    paragraphs: Counter[str] = Counter()
    articles: defaultdict[str, set[str]] = defaultdict(set)
    midsentence: set[str] = set()
    for article, text in texts:
        found: set[str] = set()
        for run, opening in _runs(text):
            while opening and run and run[0].casefold() in lowercase:
                run, opening = run[1:], False
            while run and run[-1] in _CONNECTORS:
                run = run[:-1]
            if not run or len(run) > MAX_WORDS or len(run[0]) < 2:
                continue
            name = " ".join(run)
            if run[0].casefold() in lowercase or name in _CALENDAR:
                continue
            found.add(name)
            if not opening:
                midsentence.add(name)
        for name in found:
            paragraphs[name] += 1
            articles[name].add(article.slug)
    kept = [name for name in paragraphs if name in midsentence]
    kept = [name for name in kept if not any(_inside(name, other) for other in kept)]
    titles = [_plain(article.title) for article in corpus]

    def rank(name: str) -> tuple[bool, bool, int, int, int]:
        acronym = name.isupper() and len(name) <= 3  # "US", "CI": vague on their own
        in_title = any(re.search(rf"\b{re.escape(name)}\b", title) for title in titles)
        return (acronym, not in_title, -len(articles[name]), -paragraphs[name], -len(name))

    return sorted(kept, key=rank)


def _runs(text: str) -> Iterator[tuple[list[str], bool]]:
    """Runs of capitalised words joined by single spaces (and "of", "the"), and whether each
    opens a sentence."""
    run: list[str] = []
    opening = False
    end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if run and text[end : match.start()] == " " and (word[0].isupper() or word in _CONNECTORS):
            run.append(word)
        else:
            if run:
                yield run, opening
            run = []
            if word[0].isupper():
                run = [word]
                opening = not _MID_SENTENCE.search(text[: match.start()].rstrip())
        end = match.end()
        if run and _POSSESSIVE.search(word):  # "Kim's": the name ends here
            run[-1] = _POSSESSIVE.sub("", word)
            yield run, opening
            run = []
    if run:
        yield run, opening


def _inside(name: str, other: str) -> bool:
    return name != other and f" {name} " in f" {other} "


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")
