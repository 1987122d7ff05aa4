"""SQuAD v1.1 dev as a passage-retrieval and answer-sentence test, with abstention.

Corpus: the 2,067 paragraphs, each of the 48 titles one article (paragraphs numbered from 1).
Queries: the 10,570 questions; the relevant passage is the question's own paragraph.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard, TypeVar

from bench import citebot
from bench.baselines import Bm25s, RankBM25, SentenceBM25
from bench.data import Question, Squad, SquadArticle, load_squad
from bench.metrics import contains_answer, hit_at_k, mean, rate, reciprocal_rank
from bench.report import command_line, machine_line

if TYPE_CHECKING:
    from retrieval import Answer

Key = tuple[int, int]  # (article index, paragraph number)
T = TypeVar("T")
WORDS_ONLY = (1.0, 0.0, 0.0)  # support = the passage's share of the question's words alone
SWEEP_ABSTENTION: tuple[dict[str, Any], ...] = (
    {"min_coverage": 0.35},
    {"min_coverage": 0.45},
    {"min_coverage": 0.5},
    {"support_weights": WORDS_ONLY, "min_coverage": 0.5},
    {"support_weights": WORDS_ONLY, "min_coverage": 0.55},
    {"support_weights": WORDS_ONLY, "min_coverage": 0.6},
    {"meaning_weight": 0.0},  # words alone: what closeness in meaning adds to support
    {"max_gap": 1.0},  # without the rule that the word a question turns on must be there
    # "none" rather than the closest passages below this support: off-topic questions at scale
    {"min_relevance": 0.25},
    {"min_relevance": 0.3},
)
SWEEP_RANKING: tuple[dict[str, float], ...] = (
    {"rerank_depth": 0},
    {"rerank_depth": 30},
    {"k1": 1.2, "b": 0.75},
    {"k1": 0.9, "b": 0.4},
)


def figures(ranked: Sequence[Sequence[Key]], relevant: Sequence[Key]) -> dict[str, float]:
    """hit@1, hit@5, hit@10 and MRR@10 of one system's rankings."""
    pairs = list(zip(ranked, relevant, strict=True))
    return {
        "hit@1": rate(hit_at_k(r, g, 1) for r, g in pairs),
        "hit@5": rate(hit_at_k(r, g, 5) for r, g in pairs),
        "hit@10": rate(hit_at_k(r, g, 10) for r, g in pairs),
        "mrr@10": mean(reciprocal_rank(r, g, 10) for r, g in pairs),
    }


def timed(label: str, job: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    value = job()
    seconds = time.perf_counter() - started
    progress(f"quality: {label} took {seconds:.1f}s")
    return value, seconds


def specs(articles: Sequence[SquadArticle]) -> list[citebot.ArticleSpec]:
    return [citebot.ArticleSpec(a.slug, a.title.replace("_", " "), a.paragraphs) for a in articles]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(squad_path: Path, limit: int | None) -> dict[str, Any]:
    """Every figure of the quality benchmark, as one JSON-able dict."""
    code = citebot.code_digest()
    squad = load_squad(squad_path)
    questions = list(squad.questions[:limit] if limit else squad.questions)
    relevant: list[Key] = [(q.article, q.paragraph) for q in questions]
    keys: list[Key] = [
        (a.index, n) for a in squad.articles for n in range(1, len(a.paragraphs) + 1)
    ]
    texts = [p for a in squad.articles for p in a.paragraphs]
    by_slug = {a.slug: a.index for a in squad.articles}

    progress(f"quality: {len(texts)} paragraphs, {len(questions)} questions")
    engine, cite_build = timed("citebot build", lambda: citebot.build_engine(specs(squad.articles)))
    cite_ranked, cite_query = timed(
        "citebot search",
        lambda: [
            [(by_slug[slug], number) for slug, number in citebot.search(engine, q.text, 10)]
            for q in questions
        ],
    )
    answers, ask_seconds = timed(
        "citebot ask", lambda: [citebot.ask(engine, q.text) for q in questions]
    )
    rank_index, rank_build = timed("rank-bm25 build", lambda: RankBM25(texts))
    rank_ranked, rank_query = timed(
        "rank-bm25 search",
        lambda: [[keys[i] for i in rank_index.search(q.text, 10)] for q in questions],
    )
    bm25s_index, bm25s_build = timed("bm25s build", lambda: Bm25s(texts))
    bm25s_ranked, bm25s_query = timed(
        "bm25s search (one batch)",
        lambda: [
            [keys[i] for i in row]
            for row in bm25s_index.search_many([q.text for q in questions], 10)
        ],
    )
    retrieval = {
        "citebot": figures(cite_ranked, relevant) | {"build_s": cite_build, "query_s": cite_query},
        "rank-bm25": figures(rank_ranked, relevant)
        | {"build_s": rank_build, "query_s": rank_query},
        "bm25s": figures(bm25s_ranked, relevant) | {"build_s": bm25s_build, "query_s": bm25s_query},
    }

    sentences = answer_sentences(squad, questions, answers, cite_ranked, bm25s_ranked)
    ask_top = [
        (by_slug[a.passages[0].article], a.passages[0].paragraph) if answered(a) else None
        for a in answers
    ]
    ask = {
        "top passage hit@1": rate(top == g for top, g in zip(ask_top, relevant, strict=True)),
        "abstained": rate(a is not None and a.abstained for a in answers),
        "refused (QuestionError)": sum(a is None for a in answers),
        "seconds": ask_seconds,
    }
    abstention = abstention_run(squad, limit)
    return {
        "command": command_line(),
        "machine": machine_line(code),
        "data": {
            "paragraphs": len(texts),
            "articles": len(squad.articles),
            "questions": len(questions),
        },
        "retrieval": retrieval,
        "ask": ask,
        "answer_sentence": sentences,
        "abstention": abstention,
        "citebot_settings": ranking_sweep(squad, questions, relevant),
    }


def answered(answer: Answer | None) -> TypeGuard[Answer]:
    """A confident answer that quotes something (not refused, not ``closest`` or ``none``)."""
    return answer is not None and citebot.verdict_of(answer) == "answer" and bool(answer.passages)


def answer_sentences(
    squad: Squad,
    questions: Sequence[Question],
    answers: Sequence[Answer | None],
    cite_ranked: Sequence[Sequence[Key]],
    bm25s_ranked: Sequence[Sequence[Key]],
) -> dict[str, Any]:
    """Does the first sentence given contain a gold answer? citebot against BM25 sentence picks."""
    sentence_texts: list[str] = []
    by_passage: dict[Key, list[int]] = {}
    for article in squad.articles:
        for number, paragraph in enumerate(article.paragraphs, start=1):
            for sentence in citebot.split_sentences(paragraph):
                by_passage.setdefault((article.index, number), []).append(len(sentence_texts))
                sentence_texts.append(sentence)
    by_slug = {a.slug: a.index for a in squad.articles}
    sentence_index = SentenceBM25(sentence_texts)

    cite_hits: list[bool] = []
    base_hits: list[bool] = []  # best BM25 sentence in citebot's top passage
    oracle_hits: list[bool] = []  # some sentence of that passage holds the answer
    bm25s_hits: list[bool] = []  # best BM25 sentence in bm25s's top passage
    answered_flags: list[bool] = []
    in_short_hits: list[bool] = []  # answered: some sentence of the In short holds the answer
    in_short_sizes: list[int] = []
    for question, answer, ranked, alt_ranked in zip(
        questions, answers, cite_ranked, bm25s_ranked, strict=True
    ):
        gold = question.answers
        answered_now = answered(answer) and bool(answer.summary)
        answered_flags.append(answered_now)
        cite_hits.append(
            answered(answer)
            and bool(answer.summary)
            and contains_answer(answer.summary[0].text, gold)
        )
        if answered_now:
            assert answer is not None
            in_short_sizes.append(len(answer.summary))
            in_short_hits.append(any(contains_answer(s.text, gold) for s in answer.summary))
        if answered(answer):
            top: Key | None = (by_slug[answer.passages[0].article], answer.passages[0].paragraph)
        else:
            top = ranked[0] if ranked else None
        scores = sentence_index.scores(question.text)
        candidates = by_passage.get(top, []) if top else []
        best = sentence_index.best(scores, candidates)
        base_hits.append(best is not None and contains_answer(sentence_texts[best], gold))
        oracle_hits.append(any(contains_answer(sentence_texts[i], gold) for i in candidates))
        alt_candidates = by_passage.get(alt_ranked[0], []) if alt_ranked else []
        alt_best = sentence_index.best(scores, alt_candidates)
        bm25s_hits.append(alt_best is not None and contains_answer(sentence_texts[alt_best], gold))

    answered_pairs = [
        (c, b) for c, b, a in zip(cite_hits, base_hits, answered_flags, strict=True) if a
    ]
    wins = sum(c and not b for c, b in zip(cite_hits, base_hits, strict=True))
    losses = sum(b and not c for c, b in zip(cite_hits, base_hits, strict=True))
    return {
        "citebot": rate(cite_hits),
        "best BM25 sentence in citebot's top passage": rate(base_hits),
        "best BM25 sentence in bm25s's top passage": rate(bm25s_hits),
        "oracle: any sentence of citebot's top passage": rate(oracle_hits),
        "answered share": rate(answered_flags),
        "citebot, answered questions only": rate(c for c, _ in answered_pairs),
        "baseline, same answered questions": rate(b for _, b in answered_pairs),
        "citebot, any sentence of the In short (answered questions)": rate(in_short_hits),
        "In short sentences per answered question, mean": f"{mean(in_short_sizes):.2f}",
        "citebot right, baseline wrong": wins,
        "baseline right, citebot wrong": losses,
        "sentences indexed": len(sentence_texts),
    }


def abstention_run(squad: Squad, limit: int | None) -> dict[str, Any]:
    """Corpus of the even-indexed articles; questions on the odd-indexed ones should abstain.

    Also swept over ``min_coverage`` and ``support_weights`` (settings, not code changes) to
    show the trade-off, and what support adds to the share of the question's words alone.
    """
    inside = [a for a in squad.articles if a.index % 2 == 0]
    in_questions = [q for q in squad.questions if q.article % 2 == 0]
    out_questions = [q for q in squad.questions if q.article % 2 == 1]
    if limit:
        in_questions, out_questions = in_questions[:limit], out_questions[:limit]
    progress(f"quality: abstention, {len(in_questions)} + {len(out_questions)} questions")

    def asked(**settings: Any) -> tuple[list[Answer | None], list[Answer | None]]:
        engine = citebot.build_engine(specs(inside), retrieval=settings)
        inner = [citebot.ask(engine, q.text) for q in in_questions]
        return inner, [citebot.ask(engine, q.text) for q in out_questions]

    def rates(inner: list[Answer | None], outer: list[Answer | None]) -> dict[str, float]:
        # An out-of-corpus question should get "none" (an off-topic chat question's goal),
        # not merely no confident answer.
        return {
            "answered when in corpus": rate(answered(a) for a in inner),
            "abstained when not in corpus": rate(not answered(a) for a in outer),
            "none when in corpus": rate(citebot.verdict_of(a) == "none" for a in inner),
            "none when not in corpus": rate(citebot.verdict_of(a) == "none" for a in outer),
        }

    inner, outer = asked()  # the defaults, whose every verdict is reported
    defaults = rates(inner, outer)
    sweep = {setting_name(s): rates(*asked(**s)) for s in SWEEP_ABSTENTION}
    return {
        "corpus": "the 24 even-indexed articles (0, 2, ..., 46 in file order)",
        "articles in corpus": [a.title for a in inside],
        "in-corpus questions": len(in_questions),
        "out-of-corpus questions": len(out_questions),
        "answered when in corpus": defaults["answered when in corpus"],
        "abstained when not in corpus": defaults["abstained when not in corpus"],
        "verdicts": {
            name: {v: rate(citebot.verdict_of(a) == v for a in got) for v in citebot.VERDICTS}
            for name, got in (("in-corpus", inner), ("out-of-corpus", outer))
        },
        "sweep": sweep,
    }


def setting_name(settings: dict[str, Any]) -> str:
    """``k1=1.2, b=0.75``: settings as they would be written in the configuration."""
    return ", ".join(f"{key}={value}" for key, value in settings.items())


def ranking_sweep(
    squad: Squad, questions: Sequence[Question], relevant: Sequence[Key]
) -> dict[str, dict[str, float]]:
    """citebot's ranking under other retrieval settings (settings only, no code change)."""
    by_slug = {a.slug: a.index for a in squad.articles}
    out: dict[str, dict[str, float]] = {}
    for settings in SWEEP_RANKING:
        name = setting_name(settings)
        try:
            engine = citebot.build_engine(specs(squad.articles), retrieval=settings)
        except ValueError as error:  # a setting this version of citebot does not have
            progress(f"quality: skipped setting {name}: {error}")
            continue
        ranked = [
            [(by_slug[slug], number) for slug, number in citebot.search(engine, q.text, 10)]
            for q in questions
        ]
        out[name] = figures(ranked, relevant)
    progress("quality: settings sweep done")
    return out
