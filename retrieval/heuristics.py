"""The question-side heuristics, by name: each can be switched off (``[retrieval]
heuristics_off``) so that ``python -m bench ablate`` can measure what it does on held-out data.

A heuristic is a rule that reads a question (or indexes a passage) beyond plain BM25 terms. The
safety rewrites (links and invisible characters dropped) are not heuristics: they never switch
off.
"""

from __future__ import annotations

from typing import Literal, get_args

Heuristic = Literal[
    "shorthand",  # chat shorthand spelled out: "rn", "govt" (question.chat)
    "aliases",  # the articles' aliases add the phrases they stand for (question.aliases)
    "fillers",  # hedges, prefixes, "does anyone know" not searched (question.fillers)
    "compounds",  # a word typed closed that the corpus writes open: "lockfile" (question.compounds)
    "clippings",  # a shortened word read as what it stands for: "venv", "pkg" (question.clippings)
    "initialisms",  # a name's initials read as the name: "totp" (question.initialisms)
    "speller",  # other forms and misspellings of unseen words (question.spelling)
    "mentions",  # words naming an article, and cards for its fields (question.mentions)
    "described",  # "the river town article": an article named by its subject (question.described)
    "argument",  # "what does <article> recommend" answered by its summary (question.argument)
    "phrase_weights",  # a name among the hits counts once (question.weights)
    "stand_ins",  # a question word said in other words counts as held (verdict.evidence)
    "titles",  # a word of a passage's article's title counts half as held (verdict.evidence)
    "asked_for",  # a time, number, name or way asked for must be stated (verdict.asked_for)
    "items",  # "rule 3" finds the third item of a numbered list of rules (search.items)
    "openings",  # a question that is an article's title finds its opening (search.leads)
    "symbols",  # a symbol asked about is searched by its name: "^" as "caret" (question.symbols)
]
HEURISTICS: tuple[Heuristic, ...] = get_args(Heuristic)
