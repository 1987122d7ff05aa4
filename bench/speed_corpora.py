"""The speed benchmark's inputs: its corpora (real paragraphs, copies, and a vocabulary that
grows as real text's does) written as folders citebot reads, and its questions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench import citebot
from bench.data import load_bbc, load_squad

ARTICLE_PARAGRAPHS = 20
_WORD = re.compile(r"\w+(?:'\w+)*")


def paragraph_pool(squad: Path, bbc: Path) -> list[str]:
    """Every SQuAD paragraph (2,067), then every BBC body paragraph (10,547), in file order."""
    pool = [p for a in load_squad(squad).articles for p in a.paragraphs]
    pool.extend(p for a in load_bbc(bbc) for p in a.paragraphs)
    return pool


def synthetic_paragraphs(pool: Sequence[str], size: int) -> list[str]:
    """``size`` paragraphs: the pool in order, then again with " copyN" appended (N = 1, 2...)."""
    out: list[str] = []
    for i in range(size):
        copy, index = divmod(i, len(pool))
        out.append(pool[index] if copy == 0 else f"{pool[index]} copy{copy}")
    return out


REPLACED = 0.15  # share of a pooled paragraph's words replaced in a grown corpus
NEW_WORDS = 0.2  # share of the replacements that are new words, the rest drawn from the pool
ZIPF_EXPONENT = 1.5  # of the new words' ids: distinct ones grow as about n ** (1 / 1.5)
_DRAWS = 65_536


def grown_paragraphs(pool: Sequence[str], size: int, seed: int = 0) -> list[str]:
    """``size`` paragraphs whose vocabulary grows as real text's does: the pool in order,
    cycled, each paragraph with about ``REPLACED`` of its words replaced, ``1 - NEW_WORDS`` of
    them by words drawn from the pool's word frequencies and ``NEW_WORDS`` by new words whose
    ids follow a Zipf law (a few new words recur, most are seen once or twice)."""
    import numpy as np

    tokens = [paragraph.split() for paragraph in pool]
    counts = Counter(word for words in tokens for word in words)
    vocabulary = list(counts)
    weights = np.array([counts[w] for w in vocabulary], dtype=np.float64)
    weights /= weights.sum()
    rng = np.random.default_rng(seed)
    drawn: list[int] = []
    zipf_ids: list[int] = []
    out: list[str] = []
    for i in range(size):
        words = list(tokens[i % len(tokens)])
        replaced = np.flatnonzero(rng.random(len(words)) < REPLACED).tolist()
        fresh = (rng.random(len(replaced)) < NEW_WORDS).tolist()
        for at, new in zip(replaced, fresh, strict=True):
            if new:
                if not zipf_ids:
                    zipf_ids = rng.zipf(ZIPF_EXPONENT, _DRAWS).tolist()
                words[at] = _new_word(zipf_ids.pop())
            else:
                if not drawn:
                    drawn = rng.choice(len(vocabulary), _DRAWS, p=weights).tolist()
                words[at] = vocabulary[drawn.pop()]
        out.append(" ".join(words))
    return out


def _new_word(number: int) -> str:
    """A word no English text holds, one per number: "zq" then the number in letters."""
    letters = []
    while number:
        number, digit = divmod(number, 26)
        letters.append(chr(ord("a") + digit))
    return "zq" + "".join(letters)


def write_corpus(folder: Path, paragraphs: Sequence[str]) -> None:
    """The paragraphs as a corpus folder citebot loads: one ``.txt`` file per
    ``ARTICLE_PARAGRAPHS`` paragraphs, a title line, paragraphs between blank lines."""
    folder.mkdir(parents=True, exist_ok=True)
    for spec in synthetic_specs(paragraphs):
        body = "\n\n".join(" ".join(p.split()) for p in spec.paragraphs)
        (folder / f"{spec.slug}.txt").write_text(f"{spec.title}\n\n{body}\n", encoding="utf-8")


def folder_paragraphs(folder: Path) -> list[str]:
    """The paragraphs of a folder ``write_corpus`` wrote, in order (its titles left out)."""
    paragraphs: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        paragraphs.extend(path.read_text(encoding="utf-8").strip().split("\n\n")[1:])
    return paragraphs


def synthetic_specs(paragraphs: Sequence[str]) -> list[citebot.ArticleSpec]:
    """Consecutive runs of ``ARTICLE_PARAGRAPHS`` paragraphs, one synthetic article each."""
    return [
        citebot.ArticleSpec(
            f"a{n:07d}",
            f"Synthetic article {n}",
            tuple(paragraphs[start : start + ARTICLE_PARAGRAPHS]),
        )
        for n, start in enumerate(range(0, len(paragraphs), ARTICLE_PARAGRAPHS), start=1)
    ]


def squad_questions(squad: Path, count: int, offset: int = 0) -> list[str]:
    """``count`` questions spread evenly over SQuAD dev (every ~10th), shifted by ``offset``."""
    questions = load_squad(squad).questions
    step = len(questions) / max(count, 1)
    return [questions[(int(i * step) + offset) % len(questions)].text for i in range(count)]


def seed_queries(specs: Sequence[citebot.ArticleSpec], count: int) -> list[str]:
    """On-topic queries for the seed corpus: the first 8 words of each seed sentence of 8+ words,
    cycled to ``count``."""
    base: list[str] = []
    for spec in specs:
        for paragraph in spec.paragraphs:
            for sentence in citebot.split_sentences(paragraph):
                words = _WORD.findall(sentence)
                if len(words) >= 8:
                    base.append(" ".join(words[:8]))
    return [base[i % len(base)] for i in range(count)] if base else []
