"""What one process builds from a corpus is saved for the next (``retrieval.cache``,
``retrieval.index.saved``): the answers stay the same, an edit or a broken entry is never
trusted, and the English frequency table holds wordfreq's own numbers."""

from __future__ import annotations

import os
import random
import re
import shutil
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from helpers import SEEDS_DIR
from retrieval import Engine, load_corpus
from retrieval.cache import Cache
from retrieval.corpus import plain_text
from retrieval.corpus.markdown import Block
from retrieval.corpus.models import BODY
from retrieval.question import frequency_table

QUESTIONS = [
    "why should we talk to NK now?",
    "sanctons on north korae",  # misspelled: the speller
    "took children",  # other forms: lemminflect's tables, precomputed
    "What is the population of Brazil?",
    "who wrote the cato piece",
]


def _answers(engine: Engine) -> list[str]:
    return [engine.ask(q).model_dump_json() for q in QUESTIONS]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "articles"
    shutil.copytree(SEEDS_DIR, copy)
    return copy


def test_answers_from_a_saved_index_and_speller_equal_a_fresh_build(
    folder: Path, tmp_path: Path
) -> None:
    cache = Cache(tmp_path / "cache")
    fresh = _answers(Engine(load_corpus(folder)))
    first = Engine(load_corpus(folder), cache=cache)
    assert _answers(first) == fresh
    saved = sorted(p.name.split("-")[0] for p in cache.folder.iterdir())
    assert saved == ["index", "speller"]
    again = Engine(load_corpus(folder), cache=cache)
    assert again.passages.saved is not None and again.passages.saved.load("index") is not None
    assert _answers(again) == fresh
    again.prepare()  # a speller read from the cache builds its words by sound, never saved
    assert again.questions.is_prepared
    assert _answers(again) == fresh


def test_an_edited_article_is_never_answered_from_the_old_entry(
    folder: Path, tmp_path: Path
) -> None:
    cache = Cache(tmp_path / "cache")
    Engine(load_corpus(folder), cache=cache).ask("sanctons")
    article = sorted(folder.iterdir())[0]
    text = re.sub(r"(?m)^source_sha256 = .*\n", "", article.read_text(encoding="utf-8"))
    article.write_text(text + "\n\nZanzibar cloves are harvested twice.\n", encoding="utf-8")
    edited = Engine(load_corpus(folder), cache=cache)
    assert edited.ask("zanzibar cloves").passages[0].text.startswith("Zanzibar")
    assert _answers(edited) == _answers(Engine(load_corpus(folder)))


def test_a_corrupt_or_foreign_entry_is_ignored_and_rebuilt(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    fresh = _answers(Engine(load_corpus(folder), cache=cache))
    entries = list(cache.folder.iterdir())
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])  # truncated
    assert _answers(Engine(load_corpus(folder), cache=cache)) == fresh
    other = tmp_path / "other"
    shutil.copytree(SEEDS_DIR, other)
    (other / "000-cato-kim-congress.txt").unlink()
    Engine(load_corpus(other), cache=cache).ask("sanctons")
    for name in os.listdir(cache.folder):  # each entry swapped for another corpus's
        if name.startswith("index-"):
            for source in os.listdir(cache.folder):
                if source.startswith("index-") and source != name:
                    shutil.copy(cache.folder / source, cache.folder / name)
    assert _answers(Engine(load_corpus(folder), cache=cache)) == fresh


def test_an_entry_for_other_paragraphs_of_the_same_files_is_rebuilt(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path / "cache")
    Engine(load_corpus(folder), cache=cache)  # saved for these files' paragraphs
    read = plain_text.blocks

    def one_more(*given: Any) -> tuple[str, list[Any]]:  # as another reader's version might
        title, blocks = read(*given)
        return title, [*blocks, Block("A paragraph another reader finds.", BODY, ())]

    monkeypatch.setattr(plain_text, "blocks", one_more)
    fresh = _answers(Engine(load_corpus(folder)))
    assert _answers(Engine(load_corpus(folder), cache=cache)) == fresh


def test_a_cache_folder_others_may_write_to_is_not_used(folder: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "shared")
    cache.folder.mkdir(mode=0o777)
    os.chmod(cache.folder, 0o777)
    engine = Engine(load_corpus(folder), cache=cache)
    engine.ask("sanctons")
    assert not cache.usable() and list(cache.folder.iterdir()) == []


def test_an_unwritable_cache_folder_changes_nothing(folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    engine = Engine(load_corpus(folder), cache=Cache(blocker / "cache"))
    assert _answers(engine) == _answers(Engine(load_corpus(folder)))


def test_the_saved_frequency_table_holds_wordfreqs_numbers() -> None:
    import wordfreq

    english = wordfreq.get_frequency_dict("en")
    table = frequency_table._saved_table()
    assert table is not None and len(table) == len(english)
    words = list(english)
    sample = random.Random(7).sample(words, 3000) + words[:200] + words[-200:]
    for word in sample:
        assert table.get(word) == english[word], word
    for missing in ("qwzxv", "", "zzzzzzzzzz", "\u00e9t\u00e9\u00e9", "a" * 80):
        assert table.get(missing) == english.get(missing, 0.0)
    assert table.get("aaaaa", 1.5) == english.get("aaaaa", 1.5)


def test_a_truncated_frequency_table_is_refused() -> None:
    table = b"".join(frequency_table.table_bytes({"b": 0.5, "a": 0.25, "\u00e9": 0.125}))
    read = frequency_table.FrequencyTable(table)
    assert [read.get(w) for w in ("a", "b", "\u00e9", "c")] == [0.25, 0.5, 0.125, 0.0]
    for cut in (5, len(table) // 2, len(table) - 1):
        with pytest.raises(ValueError):
            frequency_table.FrequencyTable(table[:cut])


def test_every_word_of_a_table_is_found_and_no_other() -> None:
    words = {"".join(letters): float(n) for n, letters in enumerate(product("abc", repeat=5))}
    words |= {"": 0.5, "\u00e9": 0.25, "ab\u00e9": 0.125}
    read = frequency_table.FrequencyTable(b"".join(frequency_table.table_bytes(words)))
    for word, frequency in words.items():  # 246 words: blocks of 32, the first and last partly
        assert read.get(word, -1.0) == frequency, word
    for missing in ("a", "abcabc", "aaaa", "ccccd", "\u00e9\u00e9", "b" * 80, "\uffff"):
        assert read.get(missing, -1.0) == -1.0, missing
