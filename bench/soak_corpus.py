"""The soak's corpus and questions: two versions of one article, the questions whose answers
tell them apart, and the reply the bot must give each question under each version.

Version A is the seed articles plus a short harbour timetable; version B swaps the timetable
for one that answers some of the questions differently. The switch is one atomic rename, so
a reload sees A or B, never both.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from bot.cogs.utils import asking
from bot.config import Settings
from bot.engines import build_engine
from retrieval import Answer

REPO_ROOT = Path(__file__).resolve().parent.parent

VERSION_FILE = "900-harbour.txt"

ANSWERED = (
    "How lively will the American party conventions be?",
    "Why should the U.S. engage North Korea?",
    "Who is Doug Bandow?",
    "What did Kim Jong Un do to the top officials appointed by his father?",
    "When did the Korean Workers' Party last hold a congress?",
    "What did Ruediger Frank observe about reforms?",
    "Why have sanctions not produced an opposition in North Korea?",
    "Is China tiring of Kim?",
    "What is Juche?",
    "Who inaugurated a system of monarchical communism?",
    "What happened to four Chinese citizens?",
    "Is the North Korean economy growing?",
)
CHANGED = (  # version A and version B answer these differently
    "When does the harbour ferry leave the north pier?",
    "When does the lighthouse museum open?",
    "Where does the night bus to the harbour stop?",  # version A abstains
)
ABSTAINED = (
    "What is the population of Brazil?",
    "What does Kim Jong Un eat for breakfast?",
    "What is the capital of France?",
    "How tall is the Eiffel Tower?",
)
QUESTIONS = ANSWERED + CHANGED + ABSTAINED

VERSIONS = {
    "A": (
        '+++\nslug = "harbour-a"\npublisher = "citebot soak benchmark"\n+++\n'
        "Harbour Timetable, Version A\n\n"
        "The harbour ferry leaves the north pier at seven in the morning and returns at six "
        "in the evening.\n\n"
        "The lighthouse museum opens on Saturdays only, from ten in the morning until four.\n"
    ),
    "B": (
        '+++\nslug = "harbour-b"\npublisher = "citebot soak benchmark"\n+++\n'
        "Harbour Timetable, Version B\n\n"
        "The harbour ferry now leaves the north pier at nine in the morning, and a second "
        "ferry leaves at noon.\n\n"
        "The lighthouse museum opens every day except Monday, from nine in the morning until "
        "five.\n\n"
        "The night bus to the harbour stops at the fish market and at the old railway station.\n"
    ),
}
# With ``--hostile N``, an article whose title, byline and text carry masked links and markup
# (the commands that ask about it are in ``bench.soak_faults``).
HOSTILE_FILE = "800-hostile.txt"
HOSTILE_ARTICLE = (
    '+++\nslug = "hostile-portal"\nauthor = "[Author](https://evil.example/a)"\n'
    'publisher = "||Publisher|| `code`"\n+++\n'
    "The [Zorblat](https://evil.example) ||Portal|| `Notes` @everyone\n\n"
    "The Zorblat portal is live at [Official login](https://evil.example/login) (mirror); "
    "read [the **archive**](https://example.org/a_b) and <@123456789012345678> too.\n\n"
    "# Zorblat heading\n> quoted Zorblat\n- listed Zorblat portal :smile: ~~gone~~ __under__\n"
)


def reply_key(content: str, embeds: list[Any]) -> str:
    return json.dumps([content, embeds], sort_keys=True)


def expected_key(answer: Answer) -> str:
    """The reply the bot gives ``answer`` in a channel that allows embeds: its first page."""
    content, embed = asking.render(answer, 0, embeds=True)
    return reply_key(content or "", [embed.to_dict()] if embed else [])


def expected_replies(
    root: Path, settings: Settings, *, hostile: bool = False
) -> dict[str, dict[str, str]]:
    """For each question, the reply under each corpus version."""
    expected: dict[str, dict[str, str]] = {question: {} for question in QUESTIONS}
    for version, text in VERSIONS.items():
        folder = root / f"version-{version}"
        shutil.copytree(REPO_ROOT / "seeds", folder)
        (folder / VERSION_FILE).write_text(text, encoding="utf-8")
        if hostile:
            (folder / HOSTILE_FILE).write_text(HOSTILE_ARTICLE, encoding="utf-8")
        engine = build_engine(settings, folder)
        for question in QUESTIONS:
            wanted = max(settings.retrieval.top_k, settings.discord.max_passages)
            expected[question][version] = expected_key(engine.ask(question, wanted))
    return expected


def switch_version(root: Path, version: str) -> None:
    """Replace the versioned article in one atomic rename: a load sees A or B, never both."""
    staged = root / f"staged-{version}.txt"
    staged.write_text(VERSIONS[version], encoding="utf-8")
    os.replace(staged, root / "corpus" / VERSION_FILE)
