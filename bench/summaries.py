"""BBC News Summary: citebot's article summaries against lead-k and sumy, by ROUGE F1.

Every system sees the same sentences: citebot's ``split_sentences`` over the body paragraphs
(the title line is never a candidate). Budgets: 3 sentences, and as many sentences as the
reference has (counted by finding the article's sentences inside the reference).

The articles as the systems see them are in ``summaries_articles``, the systems in
``summaries_systems``, the tables, goals and report section in ``summaries_report``; this
module scores every system on every article.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from bench import citebot
from bench.data import load_bbc
from bench.metrics import macro_average, mean, reference_coverage
from bench.report import command_line, machine_line
from bench.summaries_articles import orphaned_references, prepare, reference_length
from bench.summaries_systems import citebot_variants, sumy_summarizers, systems

METRICS = ("rouge1", "rouge2", "rougeL")
BUDGETS = ("3 sentences", "reference length")
SEED_COUNTS = (1, 2, 3)


def run(bbc_path: Path, limit: int | None, seeds: Path = Path("seeds")) -> dict[str, Any]:
    from rouge_score import rouge_scorer

    code = citebot.code_digest()
    articles = load_bbc(bbc_path)
    if limit:
        articles = articles[:limit]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    summarizers = sumy_summarizers()
    budgets = BUDGETS
    rows: dict[str, dict[str, list[dict[str, float]]]] = {}
    sweep_rows: dict[str, dict[str, list[dict[str, float]]]] = {}
    coverage: list[float] = []
    words: dict[str, list[float]] = {}  # words per chosen sentence, 3-sentence budget
    summary_words: dict[str, dict[str, list[float]]] = {}  # words per summary, each budget
    ref_words: list[float] = []
    ref_total_words: list[float] = []
    reference_sentences = orphans = news_orphans = 0
    seconds: dict[str, float] = {}
    lengths: list[int] = []
    matched_refs = 0
    print(f"summaries: {len(articles)} articles", file=sys.stderr, flush=True)
    for n, article in enumerate(articles, start=1):
        prepared = prepare(article)
        ref_len, matched = reference_length(prepared)
        lengths.append(ref_len)
        matched_refs += matched
        coverage.append(reference_coverage(prepared.sentences, article.summary))
        ref_words.append(len(article.summary.split()) / ref_len)
        ref_total_words.append(float(len(article.summary.split())))
        inside, orphaned, news_orphaned = orphaned_references(prepared)
        reference_sentences += inside
        orphans += orphaned
        news_orphans += news_orphaned
        for target, made in (
            (rows, systems(prepared, summarizers)),
            (sweep_rows, citebot_variants(prepared)),
        ):
            for name, summarize in made.items():
                for budget, k in zip(budgets, (3, ref_len), strict=True):
                    started = time.perf_counter()
                    chosen = summarize(k)
                    length = float(sum(len(c.split()) for c in chosen))
                    if target is rows:
                        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
                        if budget == BUDGETS[0] and chosen:
                            words.setdefault(name, []).append(length / len(chosen))
                    by_name = summary_words.setdefault(
                        name if target is rows else f"sweep:{name}", {}
                    )
                    by_name.setdefault(budget, []).append(length)
                    scores = scorer.score(article.summary, "\n".join(chosen))
                    row = {m: scores[m].fmeasure for m in METRICS}
                    target.setdefault(name, {}).setdefault(budget, []).append(row)
        if n % 500 == 0:
            print(f"summaries: {n} articles", file=sys.stderr, flush=True)
    figures = {
        name: {budget: macro_average(per) for budget, per in by_budget.items()}
        for name, by_budget in rows.items()
    }
    sweep = {
        name: {budget: macro_average(per) for budget, per in by_budget.items()}
        for name, by_budget in sweep_rows.items()
    }
    return {
        "command": command_line(),
        "machine": machine_line(code),
        "data": {
            "articles": len(articles),
            "mean reference sentences": mean(float(x) for x in lengths),
            "references matched to article sentences": matched_refs,
            "mean reference coverage": mean(coverage),
            "references under 95% coverage": sum(c < 0.95 for c in coverage),
            "reference words per sentence": mean(ref_words),
            "reference words": mean(ref_total_words),
            "reference sentences": reference_sentences,
            "reference sentences leaning on one left out": orphans,
            "reference sentences opening on a demonstrative, its antecedent left out": news_orphans,
        },
        "words_per_sentence": {name: mean(values) for name, values in words.items()},
        "summary_words": {
            name: {budget: mean(values) for budget, values in by_budget.items()}
            for name, by_budget in summary_words.items()
        },
        "seeds": citebot.seed_summaries(seeds, SEED_COUNTS),
        "rouge_f1": figures,
        "citebot_settings": sweep,
        "seconds": seconds,
    }
