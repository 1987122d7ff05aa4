"""The ``citebot`` command line: the same engine and answers as the bot, in a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from bot import terminal
from bot.cli_parser import EXIT_USAGE, build_parser
from bot.config import (
    TOKEN_IN_FILE,
    ConfigError,
    Settings,
    discord_token,
    load_settings,
    servers_folder,
    unread_folders,
)
from bot.engines import build_engine, refusal
from retrieval import (
    AmbiguousArticle,
    ArticleNotFound,
    CorpusError,
    CorpusProblems,
    Engine,
    QuestionError,
)
from retrieval.corpus.files import other_files, suffixes_named
from retrieval.corpus.loader import load_corpus

EXIT_OK, EXIT_PROBLEM = 0, 1
NO_OUTPUT = "standard output is closed; there is nowhere to print to"


class OutputError(Exception):
    """Standard output cannot take what a command prints: closed, or an encoding too narrow."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    handlers = {"ask": _ask, "summary": _summary, "sources": _sources, "check": _check}
    parser, subparsers = build_parser(handlers)
    args, extra = parser.parse_known_args(argv)
    if extra:  # the command's own usage, not the top level's
        subparsers[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    for name in ("question", "article"):
        words = getattr(args, name, None)
        if isinstance(words, list):  # several words: the question was not quoted
            setattr(args, name, _valid_text(" ".join(words)))
    if isinstance(getattr(args, "article", None), str) and not args.article.strip():
        return _fail(
            "name an article: its number from `citebot sources`, its slug, or part of its title",
            EXIT_USAGE,
        )
    if sys.stdout is None and hasattr(args, "handler"):  # started with >&-: say so up front
        return _fail(NO_OUTPUT, EXIT_PROBLEM)
    try:
        settings = load_settings(args.config)
        if args.command == "run":
            from bot.runner import run

            return run(settings, corpus=args.corpus)
        if args.command == "log":
            return _log(settings, args)
        if args.command == "playground":
            from playground.session import run as run_playground

            return run_playground(settings, args.corpus, port=args.port, open_page=args.open)
        engine = build_engine(settings, args.corpus)
        return int(args.handler(engine, settings, args))
    except (QuestionError, ArticleNotFound, AmbiguousArticle) as error:
        return _fail(str(error), EXIT_USAGE)
    except CorpusProblems as error:
        return _refused(error, every=args.command == "check")
    except (ConfigError, CorpusError, OutputError) as error:
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


def _ask(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    answer = engine.ask(args.question, top_k=args.top_k, article=args.article)
    if args.json:
        return _print_json(answer)
    mark = terminal.ansi_bold if _use_color(args.color) else None
    _print(terminal.answer_to_text(answer, mark=mark))
    return EXIT_OK


def _log(settings: Settings, args: argparse.Namespace) -> int:
    """``citebot log``: where the question log is and how many questions it holds;
    ``--purge`` empties it."""
    from bot.store import QuestionLog, StoreError

    logged = settings.question_log
    if not logged.path.exists():
        _print(f"no question log at {logged.path}")
        return EXIT_OK
    try:
        questions = QuestionLog.open(logged.path, logged.retention_days)
        try:
            if args.purge:
                _print(f"purged {questions.purge()} questions and their votes from {logged.path}")
            else:
                _print(f"{questions.count()} questions in {logged.path}")
        finally:
            questions.close()
    except StoreError as error:
        return _fail(str(error), EXIT_PROBLEM)
    return EXIT_OK


def _summary(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    summary = engine.summarize(args.article, args.sentences)
    if args.json:
        return _print_json(summary)
    _print(terminal.summary_to_text(summary))
    return EXIT_OK


def _sources(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    sources = engine.sources()
    if args.json:
        return _print_json(sources)
    _print(terminal.sources_to_text(sources))
    return EXIT_OK


def _refused(error: CorpusProblems, *, every: bool) -> int:
    """A strict folder's refusal: ``check`` names each bad file on its own line, so that a
    moderator fixes them all in one pass; the other commands name the first, and say more."""
    for problem in error.every if every else [refusal(error)]:
        _fail(str(problem), EXIT_PROBLEM)
    return EXIT_PROBLEM


def _check(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    corpus = engine.corpus
    folder = Path(args.corpus or settings.corpus.directory)
    for problem in corpus.skipped:
        print(f"skipped {terminal.visible(str(problem))}", file=sys.stderr)
    ignored = other_files(folder)
    if ignored:
        print(
            f"ignored {terminal.plural(len(ignored), 'file')} that "
            f"{'is' if len(ignored) == 1 else 'are'} not "
            f"{suffixes_named()}: {', '.join(ignored)}",
            file=sys.stderr,
        )
    for name, count in unread_folders(settings, folder).items():
        print(
            f"ignored the folder {name}/ with {terminal.plural(count, 'article file')}: "
            "citebot reads the files of one folder; move them up, or point --corpus at it",
            file=sys.stderr,
        )
    if discord_token(settings)[1]:
        print(f"warning: {TOKEN_IN_FILE}", file=sys.stderr)
    _print(
        f"OK: {terminal.plural(len(corpus), 'article')}, "
        f"{terminal.plural(corpus.paragraph_count, 'paragraph')}, "
        f"{terminal.plural(len(engine.index.vocabulary), 'term')}; configuration valid."
    )
    broken = _check_servers(settings, folder)
    return EXIT_PROBLEM if corpus.skipped or broken else EXIT_OK


def _check_servers(settings: Settings, shared: Path) -> int:
    """In per-server scope, each server's own folder validated too; how many cannot serve."""
    if settings.corpus.scope != "per_server":
        return 0
    from bot.corpora import server_folders  # asyncio and the bot's service

    broken = 0
    for folder in server_folders(servers_folder(settings, shared)):
        try:
            own = load_corpus(
                folder, strict=settings.corpus.strict, max_file_bytes=settings.corpus.max_file_bytes
            )
        except CorpusError as error:
            broken += 1
            for each in error.every:
                problem = each.problem if each.source == str(folder) else str(each)
                print(f"server {folder.name}: {terminal.visible(problem)}", file=sys.stderr)
            continue
        _print(f"server {folder.name}: {terminal.plural(len(own), 'article')}")
    return broken


def _print_json(model: BaseModel) -> int:
    _print(model.model_dump_json(indent=2))
    return EXIT_OK


def _print(text: str) -> None:
    """Print ``text`` whole to standard output, or raise OutputError saying why it cannot.

    The text is encoded before anything is written, so a quote is never half printed nor
    shown with characters replaced: verbatim means every character.
    """
    stream = sys.stdout
    if stream is None:
        raise OutputError(NO_OUTPUT)
    encoding = stream.encoding or "utf-8"
    try:
        text.encode(encoding, stream.errors or "strict")
    except UnicodeEncodeError:
        raise OutputError(
            f"standard output's encoding ({encoding}) cannot show the articles' text; "
            "set PYTHONIOENCODING=utf-8 or use a UTF-8 locale"
        ) from None
    except LookupError:  # an encoding Python does not know: let print say what it can
        pass
    print(text)


def _use_color(choice: str) -> bool:
    if choice == "auto":
        return sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice == "always"


def _fail(message: str, status: int) -> int:
    print(f"citebot: {terminal.visible(message)}", file=sys.stderr)
    return status
