"""The ``citebot`` command line: the same engine and answers as the bot, in a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from bot import terminal
from bot.config import ConfigError, Settings, load_settings
from retrieval import ArticleNotFound, CorpusError, Engine, QuestionError, load_corpus

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = _parser().parse_args(argv)
    for name in ("question", "article"):
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, _valid_text(getattr(args, name)))
    try:
        settings = load_settings(args.config)
        if args.command == "run":
            from bot.runner import run

            return run(settings, corpus=args.corpus)
        engine = build_engine(settings, args.corpus)
        return int(args.handler(engine, args))
    except (QuestionError, ArticleNotFound) as error:
        return _fail(str(error), EXIT_USAGE)
    except (ConfigError, CorpusError) as error:
        return _fail(str(error), EXIT_PROBLEM)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (say, `| head`) went away: quietly stop, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM


def _valid_text(argument: str) -> str:
    """Bytes that were not UTF-8 on the command line become U+FFFD instead of breaking JSON."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def build_engine(settings: Settings, corpus: Path | None = None) -> Engine:
    """The engine over ``corpus`` (or the configured folder), validated whole before use."""
    directory = corpus or settings.corpus.directory
    loaded = load_corpus(
        directory, strict=settings.corpus.strict, max_file_bytes=settings.corpus.max_file_bytes
    )
    return Engine(loaded, settings.engine)


def _ask(engine: Engine, args: argparse.Namespace) -> int:
    answer = engine.ask(args.question, top_k=args.top_k)
    if args.json:
        return _print_json(answer)
    mark = terminal.ansi_bold if _use_color(args.color) else None
    print(terminal.answer_to_text(answer, mark=mark))
    return EXIT_OK


def _summary(engine: Engine, args: argparse.Namespace) -> int:
    summary = engine.summarize(args.article, args.sentences)
    if args.json:
        return _print_json(summary)
    print(terminal.summary_to_text(summary))
    return EXIT_OK


def _sources(engine: Engine, args: argparse.Namespace) -> int:
    sources = engine.sources()
    if args.json:
        return _print_json(sources)
    print(terminal.sources_to_text(sources))
    return EXIT_OK


def _check(engine: Engine, args: argparse.Namespace) -> int:
    corpus = engine.corpus
    for problem in corpus.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    print(
        f"OK: {len(corpus)} articles, {corpus.paragraph_count} paragraphs, "
        f"{len(engine.index.vocabulary):,} terms; configuration valid."
    )
    return EXIT_PROBLEM if corpus.skipped else EXIT_OK


def _print_json(model: BaseModel) -> int:
    print(model.model_dump_json(indent=2))
    return EXIT_OK


def _use_color(choice: str) -> bool:
    if choice == "auto":
        return sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice == "always"


def _fail(message: str, status: int) -> int:
    print(f"citebot: {message}", file=sys.stderr)
    return status


def _positive(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 100:
        raise argparse.ArgumentTypeError("must be between 1 and 100")
    return value


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, help="folder of articles (default: seeds/)")
    common.add_argument("--config", type=Path, help="TOML configuration file")
    parser = argparse.ArgumentParser(
        prog="citebot",
        description="Answers questions only with verbatim, cited quotes from a set of articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", parents=[common], help="answer a question with quotes")
    ask.add_argument("question")
    ask.add_argument("--top-k", type=_positive, help="passages to quote (default: 3)")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    ask.set_defaults(handler=_ask)

    summary = commands.add_parser("summary", parents=[common], help="summarize one article")
    summary.add_argument("article", help="number from 'sources', slug, or part of the title")
    summary.add_argument("--sentences", type=_positive, help="how many sentences (default: 3)")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=_summary)

    sources = commands.add_parser("sources", parents=[common], help="list the articles")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=_sources)

    check = commands.add_parser("check", parents=[common], help="validate corpus and config")
    check.set_defaults(handler=_check)

    commands.add_parser("run", parents=[common], help="run the Discord bot (needs DISCORD_TOKEN)")
    return parser
