"""The benchmark's pure parts, pinned on tiny hand-made inputs (no shared data sets needed)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.data import read_text, slugify, split_article
from bench.hostile_pages import page, timed_page
from bench.metrics import (
    contains_answer,
    count_reference_sentences,
    hit_at_k,
    macro_average,
    mean,
    percentile,
    rate,
    ratio,
    reciprocal_rank,
    top_indices,
)
from bench.report import (
    Goal,
    docstring_markdown,
    embed_data,
    markdown_table,
    replace_section,
    section_data,
    update_report,
)
from bench.speed import label, parse_size, parse_sizes
from bench.speed_corpora import (
    folder_paragraphs,
    grown_paragraphs,
    synthetic_paragraphs,
    synthetic_specs,
    write_corpus,
)
from bench.speed_measure import latency
from bench.verdict_fit import Asked
from helpers import SEEDS_DIR
from retrieval.corpus.limits import MAX_PARAGRAPH_CHARS


def test_hit_at_k() -> None:
    ranked = ["b", "a", "c"]
    assert not hit_at_k(ranked, "a", 1)
    assert hit_at_k(ranked, "a", 2)
    assert hit_at_k(ranked, "c", 5)
    assert not hit_at_k(ranked, "z", 5)
    assert not hit_at_k([], "a", 1)
    with pytest.raises(ValueError):
        hit_at_k(ranked, "a", 0)


def test_reciprocal_rank_and_mrr() -> None:
    assert reciprocal_rank([(1, 2), (3, 4)], (1, 2)) == 1.0
    assert reciprocal_rank([(1, 2), (3, 4)], (3, 4)) == 0.5
    assert reciprocal_rank(list(range(20)), 12, k=10) == 0.0  # beyond the cut-off
    assert reciprocal_rank(list(range(20)), 9, k=10) == pytest.approx(0.1)
    runs = [(["x", "g"], "g"), (["g"], "g"), (["x", "y", "z"], "g")]
    assert mean(reciprocal_rank(r, g) for r, g in runs) == pytest.approx((0.5 + 1 + 0) / 3)


def test_mean_and_rate() -> None:
    assert mean([1.0, 2.0, 6.0]) == 3.0
    assert math.isnan(mean([]))
    assert rate([True, False, True, True]) == 0.75
    assert math.isnan(rate([]))


@pytest.mark.parametrize("q", [0, 1, 25, 50, 90, 99, 100])
def test_percentile_matches_numpy_linear(q: float) -> None:
    values = [5.0, 1.0, 9.0, 3.0, 7.0, 2.0, 100.0]
    assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)))


def test_percentile_edges() -> None:
    assert percentile([4.0], 99) == 4.0
    assert percentile([1.0, 2.0], 50) == 1.5
    assert math.isnan(percentile([], 50))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_macro_average() -> None:
    rows = [{"rouge1": 0.5, "rouge2": 0.25}, {"rouge1": 1.0, "rouge2": 0.75}]
    assert macro_average(rows) == {"rouge1": 0.75, "rouge2": 0.5}
    assert macro_average([]) == {}
    with pytest.raises(ValueError):
        macro_average([{"a": 1.0}, {"b": 1.0}])


def test_contains_answer_ignores_case_and_blank_answers() -> None:
    sentence = "The Denver Broncos won Super Bowl 50."
    assert contains_answer(sentence, ["denver broncos"])
    assert contains_answer(sentence, ["Carolina", "SUPER BOWL 50"])
    assert not contains_answer(sentence, ["Carolina Panthers"])
    assert not contains_answer(sentence, ["", "  "])


def test_count_reference_sentences_on_joined_summary() -> None:
    article = ["Profits rose 5%.", "The firm is big.", "Shares fell.", "Profits rose 5%."]
    reference = "Shares fell.Profits rose 5%."  # BBC style: no space between sentences
    assert count_reference_sentences(article, reference) == 2  # the repeat counts once
    assert count_reference_sentences(article, "Nothing here.") == 0
    assert count_reference_sentences(["A  b\nc."], "x A b c. y") == 1  # white space squashed


def test_ratio() -> None:
    assert ratio(10.0, 4.0) == 2.5
    assert math.isnan(ratio(1.0, 0.0))
    assert math.isnan(ratio(1.0, math.nan))


def test_top_indices_breaks_ties_by_index() -> None:
    scores = np.array([1.0, 3.0, 3.0, 0.5, 2.0])
    assert top_indices(scores, 3) == [1, 2, 4]
    assert top_indices(scores, 10) == [1, 2, 4, 0, 3]
    assert top_indices(scores, 0) == []
    assert top_indices(np.array([3.0] * 50 + [4.0]), 3) == [50, 0, 1]


def test_slugify() -> None:
    assert slugify("Fresno,_California") == "fresno-california"
    assert slugify("Sky_(United_Kingdom)") == "sky-united-kingdom"
    assert slugify("!!!") == "article"


def test_split_article_title_and_paragraphs() -> None:
    text = "Title line\n\nFirst para\ncontinues.\n\n\nSecond para.\n"
    assert split_article(text) == ("Title line", ["First para continues.", "Second para."])


def test_read_text_falls_back_for_latin1(tmp_path: Path) -> None:
    path = tmp_path / "199.txt"
    path.write_bytes(b"a \xa315.8m signing")
    assert read_text(path) == "a \u00a315.8m signing"
    path.write_bytes("caf\u00e9".encode())
    assert read_text(path) == "caf\u00e9"


def test_markdown_table() -> None:
    table = markdown_table(("a", "bb"), [(1, 0.5), ("xyz", None), (math.nan, 2.25)])
    assert table.splitlines() == [
        "| a   | bb    |",
        "| --- | ----- |",
        "| 1   | 0.500 |",
        "| xyz | -     |",
        "| -   | 2.250 |",
    ]


def test_replace_section_adds_in_order_then_replaces() -> None:
    doc = "# Benchmarks\n"
    doc = replace_section(doc, "speed", "speed v1")
    doc = replace_section(doc, "quality", "quality v1")
    assert doc.index("quality v1") < doc.index("speed v1")
    doc = replace_section(doc, "speed", "speed v2")
    assert "speed v1" not in doc and "speed v2" in doc
    assert doc.count("<!-- bench:speed:start -->") == 1


def test_embedded_data_round_trips_double_dashes() -> None:
    data = {"goals": [{"goal": "a -- b", "measured": "x", "met": True}]}
    comment = embed_data("quality", data)
    assert "--" not in comment.removeprefix("<!--").removesuffix("-->")
    assert section_data(comment) == {"quality": data}


def test_update_report_rebuilds_goals(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    update_report(path, "quality", "## Quality\n\nbody", [Goal("g1", "1%", True)])
    update_report(path, "speed", "## Speed\n\nbody", [Goal("g2", "9 ms", False)])
    update_report(path, "quality", "## Quality\n\nnew", [Goal("g1", "2%", False)])
    text = path.read_text()
    assert "citebot meets 0 of the 2 goals" in text
    assert "| g1   | 2%" in text and "MISSED" in text
    assert text.index("## Goals") < text.index("## Quality") < text.index("## Speed")
    assert "## Quality\n\nnew" in text and "## Speed\n\nbody\n" in text
    assert "## Quality\n\nbody" not in text  # the section was replaced, not added to


def test_sizes() -> None:
    assert parse_size("10k") == 10_000
    assert parse_size("1M") == 1_000_000
    assert parse_size("2500") == 2500
    assert parse_size("0.5m") == 500_000
    assert parse_sizes("seeds,10k,1m") == ["seeds", 10_000, 1_000_000]
    assert [label(s) for s in ("seeds", 10_000, 1_000_000, 2500)] == ["seeds", "10k", "1M", "2500"]
    with pytest.raises(ValueError):
        parse_size("0")


def test_synthetic_corpus_repeats_with_copy_suffix() -> None:
    pool = ["p0", "p1", "p2"]
    paragraphs = synthetic_paragraphs(pool, 7)
    assert paragraphs == ["p0", "p1", "p2", "p0 copy1", "p1 copy1", "p2 copy1", "p0 copy2"]
    assert len(set(paragraphs)) == len(paragraphs)
    specs = synthetic_specs(paragraphs * 6)  # 42 paragraphs -> articles of 20, 20, 2
    assert [len(s.paragraphs) for s in specs] == [20, 20, 2]
    assert len({s.slug for s in specs}) == len({s.title for s in specs}) == 3


def test_a_grown_corpus_replaces_words_and_its_vocabulary_keeps_growing(tmp_path: Path) -> None:
    pool = [" ".join(f"w{i}x{j}" for j in range(40)) for i in range(50)]
    grown = grown_paragraphs(pool, 2000)
    assert grown == grown_paragraphs(pool, 2000)  # the same corpus every run
    kept = sum(
        a == b
        for p, g in zip(pool, grown, strict=False)
        for a, b in zip(p.split(), g.split(), strict=True)
    )
    assert 0.8 < kept / (50 * 40) < 0.9  # about 15% replaced
    vocabulary = [len({w for p in grown[:n] for w in p.split()}) for n in (500, 1000, 2000)]
    assert vocabulary[0] < vocabulary[1] < vocabulary[2]
    write_corpus(tmp_path / "corpus", grown[:45])
    assert folder_paragraphs(tmp_path / "corpus") == grown[:45]


def test_latency_summary() -> None:
    summary = latency([1_000_000, 2_000_000, 3_000_000])  # nanoseconds
    assert summary["n"] == 3
    assert summary["p50_ms"] == 2.0
    assert summary["max_ms"] == 3.0
    assert summary["p99_ms"] == pytest.approx(2.98)


def test_reference_length_matches_sentences_or_falls_back() -> None:
    from bench.data import BbcArticle
    from bench.summaries_articles import Prepared, reference_length
    from bench.summaries_systems import WordTokenizer

    article = BbcArticle("business", "001", "T", ("A b c.", "D e f. G h i."), "G h i.A b c.")
    prepared = Prepared(article, (("A b c.",), ("D e f.", "G h i.")))
    assert reference_length(prepared) == (2, True)
    unmatched = BbcArticle("business", "002", "T", ("X.",), "One here.Two there.Three!")
    assert reference_length(Prepared(unmatched, (("X.",),))) == (3, False)
    assert WordTokenizer().to_words("Don't stop, U2!") == ("Don't", "stop", "U2")


def test_reference_coverage() -> None:
    from bench.metrics import reference_coverage

    assert reference_coverage(["Ab.", "Cd."], "Ab.Cd.") == 1.0
    assert reference_coverage(["Ab."], "Ab.Cd.") == 0.5
    assert reference_coverage(["Zz."], "Ab.Cd.") == 0.0
    assert math.isnan(reference_coverage(["Ab."], "  "))


def test_chat_benchmark_counts_ranks_and_verdicts_by_kind(tmp_path: Path) -> None:
    from bench import chat, chat_report

    questions = tmp_path / "questions.json"
    questions.write_text(
        json.dumps(
            {
                "answerable": [
                    {"q": "juche", "expect": ["self-reliance"], "style": "keyword"},
                    {"q": "who wrote the cato piece", "expect": ["Spectacular"], "style": "casual"},
                ],
                "near_topic_unanswerable": ["How tall is Kim Jong Un?"],
                "off_topic": ["when is the next winter olympics"],
            }
        ),
        encoding="utf-8",
    )
    result = chat.run(questions, SEEDS_DIR)
    assert result["answerable"] == {
        "questions": 2,
        "first": 2,
        "top3": 2,
        "answer": 2,
        "answer and first": 2,
        "in short first": 2,  # the In short's first sentence holds the expected words
        "in short": 2,
    }
    assert result["verdicts"]["near_topic"] == {"closest": 1}
    assert result["verdicts"]["off_topic"] == {"none": 1}
    assert [g.met for g in chat_report.goals(result)] == [True, True, True, True, True]
    assert "| keyword" in chat_report.tables(result)


def test_chat_ranks_count_the_first_passage_holding_an_expected_snippet() -> None:
    from bench.chat import rank_of

    assert rank_of(["a b", "c d", "x y"], ["c d", "x"]) == 2
    assert rank_of(["a b"], ["z"]) is None


def test_near_topic_split_keeps_even_paragraphs_and_drops_questions_whose_answer_is_there() -> None:
    from bench.data import Question, Squad, SquadArticle
    from bench.verdict import near_topic_split

    articles = (
        SquadArticle(0, "Alpha", "alpha", ("Kept zero says red.", "Left out says blue.", "Kept.")),
        SquadArticle(1, "Beta", "beta", ("Kept zero says green.", "Left out says red.")),
    )
    questions = (
        Question("a", "On a kept paragraph?", 0, 1, ("red",)),
        Question("b", "Answer absent?", 0, 2, ("blue",)),
        Question("c", "Answer elsewhere in the corpus?", 1, 2, ("RED",)),
        Question("d", "On the other half's kept paragraph?", 1, 1, ("green",)),
    )
    split = near_topic_split(Squad(articles, questions))

    assert [s.paragraphs for s in split.specs] == [
        ("Kept zero says red.", "Kept."),
        ("Kept zero says green.",),
    ]
    assert [q.id for q in split.answerable["fit"]] == ["a"]
    assert [q.id for q in split.answerable["report"]] == ["d"]
    assert [q.id for q in split.near_topic["fit"]] == ["b"]
    assert split.near_topic["report"] == ()  # "red" is in the corpus: not near-topic


def test_separation_is_the_roc_auc_with_ties_counted_half() -> None:
    from bench.verdict import separation

    assert separation([3.0, 4.0], [1.0, 2.0]) == 1.0
    assert separation([1.0], [2.0]) == 0.0
    assert separation([1.0, 1.0], [1.0]) == 0.5
    assert separation([2.0, 1.0], [1.5]) == 0.5


def test_refused_keeping_finds_the_threshold_that_keeps_the_share_asked() -> None:
    from bench.verdict import refused_keeping

    answerable = [0.1, 0.5, 0.6, 0.7, 0.8, 0.9, 0.91, 0.92, 0.93, 0.95]
    near = [0.2, 0.3, 0.4, 0.55, 0.99]
    assert refused_keeping(answerable, near, 0.9) == 3 / 5  # threshold 0.5: 0.2, 0.3, 0.4
    assert refused_keeping(answerable, near, 1.0) == 0.0  # threshold 0.1 refuses none


def test_each_chat_set_has_a_report_section_of_its_own() -> None:
    from bench.chat_report import report_name

    assert report_name(Path("../shared/eval/seed-questions.json")) == "chat"
    assert report_name(Path("../shared/eval/corpus-bbc8-questions.json")) == "chat-corpus-bbc8"
    assert report_name(Path("x/My Set.json")) == "chat-my-set"
    asked_of_published = report_name(Path("../shared/eval/seed-questions.json"), Path("x/seeds"))
    assert asked_of_published == "chat-x-seeds"


def test_chat_sets_are_named_on_the_command_line_as_name_corpus_and_questions() -> None:
    from bench.chat import parse_chat

    assert parse_chat("mine=docs/faq:q.json") == ("mine", Path("docs/faq"), Path("q.json"))
    with pytest.raises(ValueError, match="NAME=CORPUS_DIR:QUESTIONS_FILE"):
        parse_chat("docs/faq")


def test_verdict_signals_are_compared_on_each_chat_set_found(tmp_path: Path) -> None:
    from bench.verdict import SIGNALS, _chat_separations

    questions = tmp_path / "questions.json"
    questions.write_text(
        json.dumps(
            {
                "answerable": [{"q": "what is juche", "expect": ["self-reliance"]}],
                "near_topic_unanswerable": ["How tall is Kim Jong Un?"],
            }
        ),
        encoding="utf-8",
    )
    found = _chat_separations(
        [("seeds", SEEDS_DIR, questions), ("absent", tmp_path / "nowhere", questions)]
    )

    assert list(found) == ["seeds"]
    assert found["seeds"]["questions"] == {"answerable": 1, "near_topic": 1}
    assert set(found["seeds"]["auc"]) == set(SIGNALS)
    assert all(0.0 <= auc <= 1.0 for auc in found["seeds"]["auc"].values())


def _asked(kind: str, support: float, margin: float, verdict: str = "answer") -> Asked:
    return Asked(kind, verdict, {"support": support, "support margin": margin})


def test_a_gate_fitted_on_one_half_keeps_the_share_asked_of_its_answerable_answers() -> None:
    from bench.verdict_fit import gated, threshold_keeping

    rows = [_asked("answerable", s, 0.0) for s in (0.9, 0.8, 0.7, 0.6)]
    rows += [_asked("answerable", 0.95, 0.0, verdict="closest")]  # never made an answer
    rows += [_asked("near_topic", s, 0.0) for s in (0.65, 0.5)]

    def support(signals: dict[str, float]) -> float:
        return signals["support"]

    threshold = threshold_keeping(rows, support, 0.6)  # 3 of the 5 answerable
    assert threshold == 0.7
    assert gated(rows, support, threshold) == {
        "answerable total": 5,
        "answerable answer": 3,
        "near_topic total": 2,
        "near_topic answer": 0,
    }
    assert gated(rows, None, threshold)["near_topic answer"] == 2  # no gate: today's verdicts
    assert threshold_keeping(rows, support, 1.0) == -math.inf  # more than have an answer


def test_the_logistic_gate_scores_what_parts_the_two_kinds_higher_for_answerable() -> None:
    from bench.verdict_fit import fit_logistic

    rows = [_asked("answerable", 0.5 + 0.01 * i, 0.3) for i in range(20)]
    rows += [_asked("near_topic", 0.5 + 0.01 * i, 0.05) for i in range(20)]
    rows += [_asked("near_topic", 0.99, 0.9, verdict="closest")]  # not an answer: not fitted on
    score = fit_logistic(rows)

    same_support = {"support": 0.6, "support margin": 0.3}
    assert score(same_support) > score({**same_support, "support margin": 0.05})
    assert math.isfinite(score(same_support))  # the ridge keeps a perfect split finite


def test_the_ceiling_gate_keeps_the_share_asked_of_the_rows_it_is_fitted_on() -> None:
    from bench.verdict import SIGNALS
    from bench.verdict_fit import ceiling

    def asked(kind: str, support: float) -> Asked:
        return Asked(kind, "answer", dict.fromkeys(SIGNALS, 0.0) | {"support": support})

    rows = [asked("answerable", 0.6 + 0.01 * i) for i in range(20)]
    rows += [asked("near_topic", 0.4 + 0.01 * i) for i in range(20)]  # 0.40 to 0.59: apart

    kept = ceiling(rows, 0.9)

    assert kept["answerable answer"] == 18  # 90% of the 20
    assert kept["near_topic answer"] == 0  # the signal parts them: none is kept


def test_a_logistic_gate_reads_only_the_signals_it_is_fitted_on() -> None:
    from bench.verdict_fit import fit_logistic

    rows = [_asked("answerable", 0.6 + 0.01 * i, 0.01 * i) for i in range(20)]
    rows += [_asked("near_topic", 0.4 + 0.01 * i, 0.01 * i) for i in range(20)]
    score = fit_logistic(rows, ("support",))

    assert score({"support": 0.7}) > score({"support": 0.45})
    assert score({"support": 0.7, "support margin": 0.0}) == score({"support": 0.7})


def _ablation(
    changed: dict[str, dict[str, int]], scores: dict[str, dict[str, float]]
) -> dict[str, Any]:
    base = {"seeds": 10.0, "bbc8": 10.0, "docs": 10.0}
    rows = {"(none: defaults)": {"score": base, "changed": dict.fromkeys(base, 0)}}
    rows |= {name: {"score": scores[name], "changed": changed[name]} for name in scores}
    return {"rows": rows}


def test_a_heuristic_helps_the_sets_that_lose_without_it_seeds_aside() -> None:
    from bench.ablate import findings, helps, unexercised

    result = _ablation(
        changed={
            "kept": {"seeds": 1, "bbc8": 2, "docs": 1},
            "weak": {"seeds": 3, "bbc8": 1, "docs": 0},
            "idle": {"seeds": 2, "bbc8": 0, "docs": 0},
        },
        scores={
            "kept": {"seeds": 10.0, "bbc8": 8.0, "docs": 9.0},
            "weak": {"seeds": 7.0, "bbc8": 9.0, "docs": 10.0},
            "idle": {"seeds": 9.0, "bbc8": 10.0, "docs": 10.0},
        },
    )
    assert helps(result) == {"kept": ["bbc8", "docs"], "weak": ["bbc8"], "idle": []}
    assert unexercised(result) == ["idle"]
    assert findings(result) == [
        "Help at least two sets besides the seeds: kept.",
        "Help fewer: weak, idle.",
        "Change no answer outside the seeds (no other set asks what they read): idle.",
    ]


def test_ablate_also_reads_the_projects_own_check_sets_unless_sets_are_named() -> None:
    from bench.__main__ import _chats
    from bench.chat import CHECK_CHATS, DEFAULT_CHATS

    assert _chats(None, checks=True) == (*DEFAULT_CHATS, *CHECK_CHATS)
    assert _chats(None) == DEFAULT_CHATS
    assert _chats(["x=a:b"], checks=True) == [("x", Path("a"), Path("b"))]
    for _, corpus, questions in CHECK_CHATS:
        assert corpus.is_dir() and questions.is_file()


def test_a_build_time_is_the_faster_of_two_and_its_memory_the_first_builds() -> None:
    from bench.speed import faster_of_two

    build = {"build_s": 0.9, "peak_rss_mib": 40.0}
    faster_of_two(build, {"build_s": 0.8, "peak_rss_mib": 55.0})
    assert build == {"build_s": 0.8, "peak_rss_mib": 40.0, "build_samples_s": [0.9, 0.8]}


def test_a_docstring_in_a_report_keeps_its_paragraphs_and_its_list() -> None:
    doc = """Title line.

    First paragraph, written
    over two lines:

    * one item,
      continued;
    * another.

    Last paragraph.
    """
    assert docstring_markdown(doc) == (
        "First paragraph, written over two lines:\n\n"
        "* one item, continued;\n* another.\n\n"
        "Last paragraph."
    )


def test_a_pathological_page_is_one_paragraph_of_its_piece_under_a_title() -> None:
    text = page("[a](b)", 100)
    title, paragraph = text.strip().split("\n\n")
    assert title == "Page" and len(paragraph) <= 100 and paragraph.startswith("[a](b)[a](b)")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".rst"])
def test_a_pathological_page_is_timed_read_asked_and_summarized(suffix: str) -> None:
    seconds, ended = timed_page(page("U.S. ", 2_000), suffix)
    assert ended == "answered" and seconds > 0
    _, refused = timed_page(page("a", MAX_PARAGRAPH_CHARS + 1), suffix)
    assert refused == "CorpusProblems"  # over the paragraph limit: what a moderator is told
