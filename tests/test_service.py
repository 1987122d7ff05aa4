"""The serving corpus: a reload switches to a complete new corpus or keeps the old one whole."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import CorpusSettings, Settings
from bot.service import ENGINE_THREADS, CorpusService
from helpers import SEEDS_DIR
from retrieval import Answer, CorpusError

QUESTION = "Why should the U.S. engage North Korea?"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, folder)
    return folder


def open_service(folder: Path, *, strict: bool = True) -> CorpusService:
    corpus = CorpusSettings(directory=folder, strict=strict, max_file_bytes=10_000)
    return CorpusService.open(Settings(corpus=corpus))


def write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _symlink_outside(folder: Path) -> None:
    outside = folder.parent / "outside.txt"
    outside.write_text("Outside\n\nA paragraph from elsewhere about sanctions.\n")
    (folder / "linked.txt").symlink_to(outside)


def _duplicate_article(folder: Path) -> None:
    shutil.copy(folder / "000-cato-kim-congress.txt", folder / "002-copy.txt")


FAULTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "not UTF-8": (write("bad.txt", b"Title\n\nCaf\xe9 society.\n"), "not UTF-8"),
    "empty file": (write("empty.txt", b""), "empty"),
    "binary file": (write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
    "over the size cap": (write("huge.txt", b"Huge\n\n" + b"word " * 5_000), "limit"),
    "no title": (write("untitled.txt", b"\n\nA paragraph with no title above it.\n"), "title"),
    "front matter syntax": (write("fm.txt", b"+++\ntitle = \n+++\nT\n\nBody.\n"), "TOML"),
    "no body paragraphs": (write("only-title.txt", b"Just A Title\n"), "no paragraphs"),
    "a copy of an article": (_duplicate_article, "same title"),
    "link outside": (_symlink_outside, "outside the corpus folder"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_reload_keeps_the_old_corpus_and_names_the_file_when_a_file_is_bad(
    corpus_dir: Path, fault: str
) -> None:
    service = open_service(corpus_dir)
    before = await service.ask(QUESTION)
    engine = service.engine
    damage, problem = FAULTS[fault]
    damage(corpus_dir)

    with pytest.raises(CorpusError) as raised:
        await service.reload()

    assert problem in str(raised.value)
    assert service.engine is engine
    assert await service.ask(QUESTION) == before


async def test_reload_keeps_the_old_corpus_when_the_folder_is_deleted(corpus_dir: Path) -> None:
    service = open_service(corpus_dir)
    before = await service.ask(QUESTION)
    shutil.rmtree(corpus_dir)

    with pytest.raises(CorpusError) as raised:
        await service.reload()

    assert service.public_problem(raised.value).startswith("the corpus folder: ")
    assert str(corpus_dir) not in service.public_problem(raised.value)
    assert await service.ask(QUESTION) == before


async def test_reload_keeps_the_old_corpus_when_no_article_is_left(corpus_dir: Path) -> None:
    service = open_service(corpus_dir)
    for file in corpus_dir.iterdir():
        file.unlink()
    with pytest.raises(CorpusError, match="no articles"):
        await service.reload()
    assert len(service.engine.corpus) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
async def test_reload_refuses_an_unreadable_file(corpus_dir: Path) -> None:
    service = open_service(corpus_dir)
    secret = corpus_dir / "secret.txt"
    secret.write_text("Secret\n\nHidden.\n")
    secret.chmod(0)
    with pytest.raises(CorpusError, match="permission denied"):
        await service.reload()
    assert len(service.engine.corpus) == 2


async def test_lenient_reload_skips_the_bad_file_and_says_which(corpus_dir: Path) -> None:
    service = open_service(corpus_dir, strict=False)
    (corpus_dir / "bad.txt").write_bytes(b"Title\n\n\xff\xfe\n")
    (corpus_dir / "002-new.txt").write_text("A New Article\n\nSanctions and markets.\n")

    report = await service.reload()

    assert report.added == ("new",)
    assert len(report.skipped) == 1 and report.skipped[0].startswith("bad.txt: not UTF-8")


async def test_reload_reports_added_removed_and_changed_articles(corpus_dir: Path) -> None:
    service = open_service(corpus_dir)
    (corpus_dir / "001-bloomberg-engage-north-korea.txt").unlink()
    (corpus_dir / "002-new.txt").write_text("A New Article\n\nSanctions and markets.\n")
    cato = corpus_dir / "000-cato-kim-congress.txt"
    cato.write_text(cato.read_text().replace("[non_body]\n1 = ", "[non_body]\n2 = ", 1))
    cato.write_text(cato.read_text().replace('2 = "notice"\n', "", 1))

    report = await service.reload()

    assert report.added == ("new",)
    assert report.removed == ("bloomberg-engage-north-korea",)
    assert report.changed == ("cato-kim-congress",)
    assert report.articles == 2


async def test_an_unchanged_reload_keeps_every_citation(corpus_dir: Path) -> None:
    service = open_service(corpus_dir)
    before = await service.ask(QUESTION)
    report = await service.reload()
    after = await service.ask(QUESTION)
    assert report.unchanged
    assert [p.citation for p in after.passages] == [p.citation for p in before.passages]


async def test_questions_during_reloads_see_one_complete_corpus(corpus_dir: Path) -> None:
    """Alternate two corpus versions while asking: each answer matches one whole version."""
    service = open_service(corpus_dir)
    extra = corpus_dir / "002-extra.txt"
    extra_text = "Sanctions Extra\n\nSanctions on Pyongyang were discussed at length.\n"
    question = "What about sanctions on Pyongyang?"
    old = {p.citation for p in (await service.ask(question)).passages}

    async def reloads() -> None:
        for i in range(10):
            if i % 2 == 0:
                extra.write_text(extra_text)
            else:
                extra.unlink()
            await service.reload()

    async def questions() -> list[set[str]]:
        seen = []
        for _ in range(50):
            seen.append({p.citation for p in (await service.ask(question)).passages})
            await asyncio.sleep(0)
        return seen

    _, answers = await asyncio.gather(reloads(), questions())
    extra.write_text(extra_text)
    await service.reload()
    new = {p.citation for p in (await service.ask(question)).passages}
    assert old != new
    assert all(seen in (old, new) for seen in answers)


async def test_concurrent_questions_run_at_most_two_engine_calls_at_once(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More threads holding the GIL add no throughput; they only keep the event loop waiting."""
    service = open_service(corpus_dir)
    engine = service.engine
    answer = engine.ask
    running, most = 0, 0
    lock = threading.Lock()

    def counted_ask(question: str, top_k: int | None = None, **_: object) -> Answer:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            time.sleep(0.005)  # long enough for every waiting call to pile in
            return answer(question, top_k)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(engine, "ask", counted_ask)
    answers = await asyncio.gather(*(service.ask(QUESTION) for _ in range(20)))

    assert most == ENGINE_THREADS == 2
    assert all(a.passages for a in answers)


async def test_a_served_corpus_is_ready_for_misspellings_before_the_first_question(
    corpus_dir: Path,
) -> None:
    service = open_service(corpus_dir)
    assert service.engine.questions.is_prepared
    await service.reload()
    assert service.engine.questions.is_prepared
