"""Tables, findings, goals and plot for ``python -m bench quality`` (see ``bench.quality``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import citebot
from bench.report import Goal, markdown_table, pct, report_section


def goals(result: dict[str, Any]) -> list[Goal]:
    retrieval = result["retrieval"]
    cite, alt = retrieval["citebot"]["hit@1"], retrieval["bm25s"]["hit@1"]
    sentence = result["answer_sentence"]
    ours = sentence["citebot"]
    theirs = sentence["best BM25 sentence in citebot's top passage"]
    abst = result["abstention"]
    kept, dropped = abst["answered when in corpus"], abst["abstained when not in corpus"]
    return [
        Goal(
            "SQuAD hit@1 at least 3 points above bm25s",
            f"citebot {pct(cite)} vs bm25s {pct(alt)} ({100 * (cite - alt):+.1f} points)",
            cite - alt >= 0.03,
        ),
        Goal(
            "answer-sentence hit@1 clearly (>= 2 points) above the best BM25 sentence "
            "in the top passage",
            f"citebot {pct(ours)} vs {pct(theirs)} ({100 * (ours - theirs):+.1f} points)",
            ours - theirs >= 0.02,
        ),
        Goal(
            "abstention right on >= 90% of both kinds of question",
            f"answered {pct(kept)} of in-corpus, abstained on {pct(dropped)} of out-of-corpus",
            kept >= 0.9 and dropped >= 0.9,
        ),
    ]


def tables(result: dict[str, Any]) -> str:
    retrieval = result["retrieval"]
    rows = [
        (
            name,
            pct(f["hit@1"]),
            pct(f["hit@5"]),
            pct(f["hit@10"]),
            f"{f['mrr@10']:.3f}",
            f"{f['build_s']:.2f}",
            f"{f['query_s']:.1f}",
        )
        for name, f in retrieval.items()
    ]
    ret = markdown_table(
        ("system", "hit@1", "hit@5", "hit@10", "MRR@10", "build s", "all queries s"), rows
    )
    sentence = result["answer_sentence"]
    srows = [
        (name, pct(value) if isinstance(value, float) else value)
        for name, value in sentence.items()
    ]
    sen = markdown_table(
        ("answer-sentence hit@1 (first sentence contains a gold answer)", "value"), srows
    )
    ask = result["ask"]
    arows = [
        ("top passage of engine.ask is the gold paragraph", pct(ask["top passage hit@1"])),
        ("engine.ask abstained (full corpus, every question answerable)", pct(ask["abstained"])),
        ("seconds for all asks", f"{ask['seconds']:.1f}"),
    ]
    asks = markdown_table(("engine.ask on the full corpus", "value"), arows)
    abst = result["abstention"]
    brows = [
        (
            f"in-corpus questions ({abst['in-corpus questions']}): answered",
            pct(abst["answered when in corpus"]),
        ),
        (
            f"out-of-corpus questions ({abst['out-of-corpus questions']}): abstained",
            pct(abst["abstained when not in corpus"]),
        ),
    ]
    abstention = markdown_table(("abstention, corpus = 24 even-indexed articles", "rate"), brows)
    found = abst.get("verdicts")
    if found:  # what each kind of question gets: an off-topic one should get "none"
        kinds = citebot.VERDICTS
        vrows = [
            (f"{name} questions", *(pct(shares.get(kind, 0.0)) for kind in kinds))
            for name, shares in found.items()
        ]
        abstention += "\n\n" + markdown_table(("verdict, default settings", *kinds), vrows)
    verdicts = abst.get("verdicts", {})
    crows = [
        (
            "defaults",
            pct(abst["answered when in corpus"]),
            pct(abst["abstained when not in corpus"]),
            pct(verdicts.get("in-corpus", {}).get("none", 0.0)),
            pct(verdicts.get("out-of-corpus", {}).get("none", 0.0)),
        )
    ]
    crows += [
        (
            name,
            pct(f["answered when in corpus"]),
            pct(f["abstained when not in corpus"]),
            pct(f.get("none when in corpus", 0.0)),
            pct(f.get("none when not in corpus", 0.0)),
        )
        for name, f in abst["sweep"].items()
    ]
    coverage = markdown_table(
        (
            "citebot setting (EngineSettings.retrieval)",
            "answered in corpus",
            "abstained outside",
            "none in corpus",
            "none outside",
        ),
        crows,
    )
    default = result["retrieval"]["citebot"]
    prows = [("defaults", pct(default["hit@1"]), pct(default["hit@5"]), f"{default['mrr@10']:.3f}")]
    prows += [
        (name, pct(f["hit@1"]), pct(f["hit@5"]), f"{f['mrr@10']:.3f}")
        for name, f in result["citebot_settings"].items()
    ]
    params = markdown_table(("citebot retrieval setting", "hit@1", "hit@5", "MRR@10"), prows)
    return "\n\n".join(
        [
            ret,
            sen,
            asks,
            abstention,
            "Abstention with other settings (same corpus and questions; "
            "`support_weights=(1.0, 0.0, 0.0)` is the share of the question's words alone):\n\n"
            + coverage,
            "citebot's ranking with other retrieval settings (`EngineSettings.retrieval`; "
            "`rerank_depth=0` is plain BM25 order, without citebot's second-stage reordering):"
            "\n\n" + params,
        ]
    )


def _support_against_words_only(abstention: dict[str, Any]) -> list[str]:
    """The default support rule against the words-only rule answering as many questions."""
    sweep = abstention["sweep"]
    words_only = {n: f for n, f in sweep.items() if n.startswith("support_weights=(1.0, 0.0")}
    if not words_only:
        return []
    kept = abstention["answered when in corpus"]
    name, closest = min(
        words_only.items(), key=lambda item: abs(item[1]["answered when in corpus"] - kept)
    )
    return [
        f"Support (the default) against the share of the question's words alone ({name}): "
        f"answering {pct(kept)} against {pct(closest['answered when in corpus'])} of "
        f"in-corpus questions, it abstains on {pct(abstention['abstained when not in corpus'])} "
        f"of out-of-corpus ones against {pct(closest['abstained when not in corpus'])}."
    ]


def _off_topic_verdicts(abstention: dict[str, Any]) -> list[str]:
    """What an out-of-corpus question gets: an off-topic chat question should get "none"."""
    found = abstention.get("verdicts", {}).get("out-of-corpus")
    if not found:
        return []
    out = [
        f"An out-of-corpus question (its article is not in the corpus: an off-topic question "
        f"at scale) gets `none` for {pct(found.get('none', 0.0))}, the closest passages for "
        f"{pct(found.get('closest', 0.0))} and a confident answer for "
        f"{pct(found.get('answer', 0.0))}; the chat sets' off-topic goal asks `none` of all."
    ]
    for name, f in abstention["sweep"].items():
        if name.startswith("min_relevance=") and "none when not in corpus" in f:
            out.append(
                f"With {name}, `none` for {pct(f['none when not in corpus'])} of out-of-corpus "
                f"questions and {pct(f['none when in corpus'])} of in-corpus ones (answers "
                "unchanged: only the closest passages turn to none)."
            )
    return out


def _parts_of_the_verdict(abstention: dict[str, Any]) -> list[str]:
    """What meaning and the missing-word rule each change, against the default."""
    kept, dropped = (
        abstention["answered when in corpus"],
        abstention["abstained when not in corpus"],
    )
    out = []
    for name, what in (
        ("meaning_weight=0.0", "Without meaning in the support"),
        ("max_gap=1.0", "Without the missing-word rule"),
    ):
        f = abstention["sweep"].get(name)
        if f is not None:
            out.append(
                f"{what} ({name}) citebot answers {pct(f['answered when in corpus'])} of "
                f"in-corpus questions and abstains on {pct(f['abstained when not in corpus'])} "
                f"of out-of-corpus ones, against {pct(kept)} and {pct(dropped)} by default."
            )
    return out


def findings(result: dict[str, Any]) -> list[str]:
    """Plain-language observations, computed from the figures (so they cannot go stale)."""
    out: list[str] = []
    sweep = result["abstention"]["sweep"]
    both = [
        name
        for name, f in sweep.items()
        if f["answered when in corpus"] >= 0.9 and f["abstained when not in corpus"] >= 0.9
    ]
    if both:
        out.append(f"Of the settings tried, {'; '.join(both)} reach 90% on both.")
    else:
        out.append(
            "No setting in the sweep answers 90% of in-corpus questions and abstains on 90% "
            "of out-of-corpus ones: many out-of-corpus questions share most of their words "
            "with some paragraph of another article."
        )
    out.extend(_support_against_words_only(result["abstention"]))
    out.extend(_off_topic_verdicts(result["abstention"]))
    out.extend(_parts_of_the_verdict(result["abstention"]))
    s = result["answer_sentence"]
    oracle = s["oracle: any sentence of citebot's top passage"]
    out.append(
        f"Some sentence of citebot's top passage holds a gold answer for {pct(oracle)} of "
        "the questions (the ceiling for any one-sentence pick from that passage); citebot's "
        f"first summary sentence holds one for {pct(s['citebot'])}. Against the "
        f"best-BM25-sentence pick it wins on {s['citebot right, baseline wrong']} questions "
        f"and loses on {s['baseline right, citebot wrong']}."
    )
    out.append(
        f"On the {pct(s['answered share'])} of questions citebot answers, its first sentence "
        f"holds a gold answer for {pct(s['citebot, answered questions only'])} against "
        f"{pct(s['baseline, same answered questions'])} for the best BM25 sentence; the "
        "baseline never abstains, so citebot's abstentions on answerable questions (misses "
        "here) account for the rest of the difference."
    )
    out.append(
        "The In short keeps the sentences it takes from one paragraph in the paragraph's "
        "order, so its first sentence is often the one that introduces the answer: some "
        "sentence of it holds a gold answer for "
        f"{pct(s['citebot, any sentence of the In short (answered questions)'])} of the "
        f"answered questions, with {s['In short sentences per answered question, mean']} "
        "sentences on average against the baseline's one (not a like-for-like comparison)."
    )
    default = result["retrieval"]["citebot"]["hit@1"]
    for name, f in result["citebot_settings"].items():
        out.append(
            f"With {name}, citebot's hit@1 would be {pct(f['hit@1'])} instead of "
            f"{pct(default)} ({100 * (f['hit@1'] - default):+.1f} points)."
        )
    return out


def section(result: dict[str, Any], plot: str | None) -> str:
    data = result["data"]
    return report_section(
        "Quality: SQuAD v1.1 dev",
        result,
        (
            f"Corpus: {data['paragraphs']} paragraphs of {data['articles']} articles; "
            f"{data['questions']} questions; the relevant passage is the question's own paragraph. "
            "citebot is `engine.search(q, top_k=10)` for the ranking and `engine.ask(q)` for the "
            "answer sentence (`summary[0]`); rank-bm25 is `BM25Okapi` on `text.lower().split()`; "
            'bm25s is its default method with `stopwords="en"` and the PyStemmer English stemmer. '
            "The answer-sentence baseline scores every sentence (citebot's `split_sentences`) of "
            "the top passage with BM25 (bm25s, same setup) whose statistics come from all the "
            "corpus's sentences, and keeps the best; an abstention counts as a miss for citebot "
            "(its top passage is the ask's first passage, or search's first hit when the ask "
            "abstained). Timings here are incidental (the speed section measures latency): "
            "citebot and rank-bm25 answer one question at a time, bm25s all of them in one "
            "batched `retrieve` call. Tried for the answer sentence and not kept, each measured "
            "on every third question of this set with exploratory scripts, not with this "
            "command: a penalty or a bonus for long sentences (both lowered the hit rate), a "
            "bonus for the question's word pairs and other penalties for lower passages "
            "(changes within a few tenths of a point)."
        ),
        tables(result),
        findings(result),
        "quality",
        plot,
    )


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import grouped_bars

    retrieval = result["retrieval"]
    metrics = ["hit@1", "hit@5", "mrr@10"]
    series = {name: [retrieval[name][m] for m in metrics] for name in retrieval}
    sentence = result["answer_sentence"]
    extra = {
        "citebot": sentence["citebot"],
        "best BM25 sentence\n(citebot's passage)": sentence[
            "best BM25 sentence in citebot's top passage"
        ],
        "best BM25 sentence\n(bm25s's passage)": sentence[
            "best BM25 sentence in bm25s's top passage"
        ],
        "oracle\n(citebot's passage)": sentence["oracle: any sentence of citebot's top passage"],
    }
    grouped_bars(
        path,
        title=f"SQuAD v1.1 dev ({result['data']['questions']} questions)",
        groups=metrics,
        series=series,
        second_title="answer-sentence hit@1",
        second=extra,
    )
