"""BBC News Summary: citebot's article summaries against lead-k and sumy, by ROUGE F1.

Every system sees the same sentences: citebot's ``split_sentences`` over the body paragraphs
(the title line is never a candidate). Budgets: 3 sentences, and as many sentences as the
reference has (counted by finding the article's sentences inside the reference).
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import citebot
from bench.data import BbcArticle, load_bbc
from bench.metrics import count_reference_sentences, macro_average, mean, reference_coverage
from bench.report import Goal, command_line, machine_line, markdown_table, report_section

METRICS = ("rouge1", "rouge2", "rougeL")
SUMY = ("LexRank", "TextRank", "LSA", "Luhn")
BUDGETS = ("3 sentences", "reference length")
# citebot's own summary settings, swept (settings only): position_weight 0 is centrality
# alone, 1 the opening; coherent=False chooses sentence by sentence, without the pointer-back
# rule (a sentence opening "This...", "But..." only with the one before it); news_pointers=all
# applies the opinion pieces' full rule ("He...", "But..." too) to news, which by default
# leans back only on a demonstrative ("This...", "These...").
POSITION_WEIGHTS = (0.0, 0.25, 0.75)
# citebot's ROUGE-2 F1 before summaries kept leaning sentences with their predecessors
# (docs/BENCHMARKS.md at b979edd); the summaries may not fall below them.
PREVIOUS_ROUGE2 = {"3 sentences": 0.5686, "reference length": 0.7796}
SEED_COUNTS = (1, 2, 3)
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
# Fallback sentence count for a reference none of whose sentences is found in the article.
_JOINED_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=[A-Z\"'\u201c\u2018]|$)")

Summarizer = Callable[[int], list[str]]


class WordTokenizer:
    """What sumy asks of a tokenizer, without NLTK data: words by a Unicode regex."""

    language = "english"

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(citebot.split_sentences(paragraph))


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


def normalize_space(text: str) -> str:
    return " ".join(text.split())


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


def goals(result: dict[str, Any]) -> list[Goal]:
    figures = result["rouge_f1"]
    out: list[Goal] = []
    for budget, floor in PREVIOUS_ROUGE2.items():
        ours = figures["citebot"][budget]["rouge2"]
        length = result["summary_words"]["citebot"][budget]
        out.append(
            Goal(
                f"ROUGE-2 not below {floor:.4f} ({budget}), with summary length in words",
                f"citebot {ours:.4f}, {length:.1f} words",
                ours >= floor,
            )
        )
    slowest = max((seed["warm_ms"] for seed in result["seeds"]), default=math.nan)
    out.append(
        Goal(
            "a seed article's summary under 5 ms in-process (median, article tokenized)",
            f"slowest seed {slowest:.2f} ms",
            slowest < 5.0,
        )
    )
    for budget in ("3 sentences", "reference length"):
        ours = figures["citebot"][budget]["rouge2"]
        others = {n: f[budget]["rouge2"] for n, f in figures.items() if n != "citebot"}
        best_name = max(others, key=lambda n: others[n])
        out.append(
            Goal(
                f"ROUGE-2 above lead-k and every sumy method ({budget})",
                f"citebot {ours:.4f}; best other {best_name} {others[best_name]:.4f}",
                all(ours > v for v in others.values()),
            )
        )
    return out


def tables(result: dict[str, Any]) -> str:
    figures = result["rouge_f1"]
    parts = []
    for budget in ("3 sentences", "reference length"):
        rows: list[Sequence[str]] = []
        for name, by_budget in figures.items():
            f = by_budget[budget]
            length = result["summary_words"][name][budget]
            rows.append((name, *(f"{f[m]:.4f}" for m in METRICS), f"{length:.1f}"))
        headers = ("system", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1", "summary words")
        parts.append(
            f"Budget: {budget} (references: {result['data']['reference words']:.1f} words)"
            f"\n\n" + markdown_table(headers, rows)
        )
    words = result["summary_words"]
    sweep_rows = [
        (
            name,
            *(
                f"{by_budget[b]['rouge2']:.4f} ({words[f'sweep:{name}'][b]:.1f} words)"
                for b in BUDGETS
            ),
        )
        for name, by_budget in result["citebot_settings"].items()
    ]
    default = figures["citebot"]
    sweep_rows.insert(
        0,
        (
            "defaults",
            *(f"{default[b]['rouge2']:.4f} ({words['citebot'][b]:.1f} words)" for b in BUDGETS),
        ),
    )
    parts.append(
        "citebot's ROUGE-2 F1 (and summary length) with other `EngineSettings.summary` values "
        "(settings only; `coherent=False` drops the pointer-back rule; `news_pointers=all` "
        "applies the opinion pieces' full rule to news, not only to demonstratives):\n\n"
        + markdown_table(("citebot setting", *(f"ROUGE-2, {b}" for b in BUDGETS)), sweep_rows)
    )
    timing = markdown_table(
        (
            "system",
            "seconds choosing sentences (both budgets, all articles)",
            "words per chosen sentence (3 sentences)",
        ),
        [
            (name, f"{s:.1f}", f"{result['words_per_sentence'].get(name, math.nan):.1f}")
            for name, s in result["seconds"].items()
        ],
    )
    return "\n\n".join([*parts, timing, seed_tables(result)])


def seed_tables(result: dict[str, Any]) -> str:
    """Each seed article's summaries at 1, 2 and 3 sentences, as a reader would get them."""
    parts = [
        "The seed articles' summaries (`citebot summary <article> --sentences N`), for judging "
        "whether each states what its author wants the U.S. to do; a sentence that opens by "
        "pointing back is shown only with the one before it:"
    ]
    for seed in result["seeds"]:
        parts.append(
            f"**{seed['title']}** (`{seed['article']}`, {seed['kind']}; "
            f"a summary in {seed['warm_ms']:.2f} ms median once the article is tokenized, "
            f"{seed['cold_ms']:.2f} ms on a fresh engine)"
        )
        for count, sentences in seed["summaries"].items():
            quoted = "\n>\n".join(f"> {s['text']} ({s['citation']})" for s in sentences)
            label = f"{count} sentence" + ("s" if int(count) > 1 else "")
            parts.append(f"{label}:\n\n{quoted}")
    return "\n\n".join(parts)


def findings(result: dict[str, Any]) -> list[str]:
    """Plain-language observations, computed from the figures (so they cannot go stale)."""
    out: list[str] = []
    figures = result["rouge_f1"]
    for budget in BUDGETS:
        best = max(figures, key=lambda name: figures[name][budget]["rouge2"])
        out.append(f"Best ROUGE-2 at {budget}: {best} ({figures[best][budget]['rouge2']:.4f}).")
    sweep = result["citebot_settings"]
    if sweep:
        budget = BUDGETS[0]
        best = max(sweep, key=lambda name: sweep[name][budget]["rouge2"])
        others = max(f[budget]["rouge2"] for n, f in figures.items() if n != "citebot")
        verdict = "would beat" if sweep[best][budget]["rouge2"] > others else "would still trail"
        out.append(
            f"citebot's best setting in the sweep at {budget} is {best} "
            f"({sweep[best][budget]['rouge2']:.4f}), which {verdict} the best other system "
            f"({others:.4f})."
        )
    data = result["data"]
    total = max(1, data["reference sentences"])
    share = data["reference sentences leaning on one left out"] / total
    news_share = (
        data.get("reference sentences opening on a demonstrative, its antecedent left out", 0)
        / total
    )
    out.append(
        f"{100 * share:.1f}% of the references' sentences open by pointing back (any pointer: "
        f'"He...", "But...", "This...") at a sentence the reference leaves out, '
        f'{100 * news_share:.1f}% on a demonstrative ("This...", "These..."); citebot never '
        "shows the first kind alone in an opinion piece, nor the second in news, so it cannot "
        "match those references sentence for sentence."
    )
    per = result["words_per_sentence"]
    ref = result["data"]["reference words per sentence"]
    out.append(
        f"Reference sentences average {ref:.1f} words; at 3 sentences citebot's chosen "
        f"sentences average {per.get('citebot', math.nan):.1f}, TextRank's "
        f"{per.get('TextRank', math.nan):.1f} and lead-k's {per.get('lead-k', math.nan):.1f}."
    )
    return out


def section(result: dict[str, Any], plot: str | None) -> str:
    data = result["data"]
    return report_section(
        "Summaries: BBC News Summary",
        result,
        (
            f"{data['articles']} articles; ROUGE F1 from `rouge-score` (`use_stemmer=True`), "
            "macro-averaged over articles, the reference being the summary file as stored. "
            "All systems choose among the same sentences: citebot's `split_sentences` on the "
            "body paragraphs (blank-line separated; the title line is never a candidate). "
            "citebot is `engine.summarize(slug, sentences=k)` on an engine holding that one "
            "article (no front matter, so its kind, news or opinion, is told from its text); "
            "lead-k takes the first k sentences; sumy's LexRank, TextRank, LSA and Luhn "
            "get the same sentences through `ObjectDocumentModel`, with sumy's Snowball stemmer "
            "and English stop words. The reference length is the number of the article's "
            "sentences found inside the reference (mean "
            f"{data['mean reference sentences']:.2f}; matched for "
            f"{data['references matched to article sentences']} of {data['articles']} articles, "
            "otherwise counted by sentence-final punctuation; the matched sentences cover "
            f"{100 * data['mean reference coverage']:.1f}% of a reference's characters on "
            f"average, under 95% for {data['references under 95% coverage']} references). "
            "citebot's time includes no engine build. ROUGE-L is order-sensitive and the "
            "references do not keep article order, so ROUGE-1/2 are the fairer comparison."
        ),
        tables(result),
        findings(result),
        "summaries",
        plot,
    )


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import grouped_bars

    figures = result["rouge_f1"]
    groups = [
        f"{label}\n{budget}"
        for budget in ("3 sent.", "ref. length")
        for label in ("ROUGE-1", "ROUGE-2", "ROUGE-L")
    ]
    series = {
        name: [
            by_budget[budget][m] for budget in ("3 sentences", "reference length") for m in METRICS
        ]
        for name, by_budget in figures.items()
    }
    grouped_bars(
        path,
        title=f"BBC News Summary, ROUGE F1 ({result['data']['articles']} articles)",
        groups=groups,
        series=series,
        ylabel="F1",
    )
