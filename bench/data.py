"""Read-only loaders for the shared data sets (SQuAD v1.1 dev, BBC News Summary)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SQUAD = Path("../shared/data/squad/dev-v1.1.json")
DEFAULT_BBC = Path("../shared/data/bbc-news-summary")
DEFAULT_QUESTIONS = Path("../shared/eval/seed-questions.json")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    article: int  # index of the SQuAD article (0..47)
    paragraph: int  # 1-based paragraph number within the article
    answers: tuple[str, ...]


@dataclass(frozen=True)
class SquadArticle:
    index: int
    title: str
    slug: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Squad:
    articles: tuple[SquadArticle, ...]
    questions: tuple[Question, ...]


def slugify(title: str) -> str:
    """A lowercase, hyphenated slug: "Fresno,_California" -> "fresno-california"."""
    slug = re.sub(r"[^0-9a-z]+", "-", title.casefold()).strip("-")
    return slug or "article"


def load_squad(path: Path) -> Squad:
    """The SQuAD v1.1 file: each title an article, each context a numbered paragraph."""
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    articles: list[SquadArticle] = []
    questions: list[Question] = []
    for index, entry in enumerate(raw["data"]):
        paragraphs: list[str] = []
        for number, paragraph in enumerate(entry["paragraphs"], start=1):
            paragraphs.append(str(paragraph["context"]))
            for qa in paragraph["qas"]:
                answers = tuple(str(answer["text"]) for answer in qa["answers"])
                questions.append(
                    Question(str(qa["id"]), str(qa["question"]), index, number, answers)
                )
        title = str(entry["title"])
        articles.append(SquadArticle(index, title, slugify(title), tuple(paragraphs)))
    return Squad(tuple(articles), tuple(questions))


@dataclass(frozen=True)
class BbcArticle:
    category: str
    number: str  # "001"
    title: str
    paragraphs: tuple[str, ...]  # body paragraphs, title excluded
    summary: str  # the reference, as stored (sentences joined with no space)

    @property
    def key(self) -> str:
        return f"{self.category}/{self.number}"


def read_text(path: Path) -> str:
    """UTF-8, falling back to cp1252 for the odd Latin-1 byte (articles/sport/199.txt)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def split_article(text: str) -> tuple[str, list[str]]:
    """Title (first line) and body paragraphs (blank-line separated, inner newlines joined)."""
    lines = text.strip("\n").split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", body)
    ]
    return title, [paragraph for paragraph in paragraphs if paragraph]


def load_bbc(root: Path) -> list[BbcArticle]:
    """All BBC articles with their reference summaries, in category then number order."""
    articles: list[BbcArticle] = []
    article_root = root / "articles"
    if not article_root.is_dir():
        raise FileNotFoundError(f"no articles/ folder under {root}")
    for category_dir in sorted(path for path in article_root.iterdir() if path.is_dir()):
        for article_path in sorted(category_dir.glob("*.txt")):
            title, paragraphs = split_article(read_text(article_path))
            summary_path = root / "summaries" / category_dir.name / article_path.name
            summary = read_text(summary_path).strip()
            articles.append(
                BbcArticle(category_dir.name, article_path.stem, title, tuple(paragraphs), summary)
            )
    return articles
