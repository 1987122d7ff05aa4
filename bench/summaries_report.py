"""The summaries benchmark's goals, tables, findings, plot and report section."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.report import Goal, markdown_table, report_section
from bench.summaries import BUDGETS, METRICS

# citebot's ROUGE-2 F1 before summaries kept leaning sentences with their predecessors
# (docs/BENCHMARKS.md at b979edd); the summaries may not fall below them.
PREVIOUS_ROUGE2 = {"3 sentences": 0.5686, "reference length": 0.7796}


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
