"""The ``citebot`` command line: the same engine and answers as the bot, in a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from pydantic import BaseModel

from bot import terminal
from bot.config import TOKEN_IN_FILE, ConfigError, Settings, discord_token, load_settings
from bot.engines import build_engine
from retrieval import (
    AmbiguousArticle,
    ArticleNotFound,
    CorpusError,
    Engine,
    QuestionError,
    RetrievalSettings,
    SummarySettings,
)
from retrieval.corpus.loader import ARTICLE_SUFFIXES, load_corpus, other_files

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
NO_OUTPUT = "standard output is closed; there is nowhere to print to"


class OutputError(Exception):
    """Standard output cannot take what a command prints: closed, or an encoding too narrow."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser, subparsers = _parser()
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


def _check(engine: Engine, settings: Settings, args: argparse.Namespace) -> int:
    corpus = engine.corpus
    for problem in corpus.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    ignored = other_files(args.corpus or settings.corpus.directory)
    if ignored:
        print(
            f"ignored {terminal.plural(len(ignored), 'file')} that "
            f"{'is' if len(ignored) == 1 else 'are'} not "
            f"{' or '.join(ARTICLE_SUFFIXES)}: {', '.join(ignored)}",
            file=sys.stderr,
        )
    if discord_token(settings)[1]:
        print(f"warning: {TOKEN_IN_FILE}", file=sys.stderr)
    _print(
        f"OK: {terminal.plural(len(corpus), 'article')}, "
        f"{terminal.plural(corpus.paragraph_count, 'paragraph')}, "
        f"{terminal.plural(len(engine.index.vocabulary), 'term')}; configuration valid."
    )
    broken = _check_servers(settings, Path(args.corpus or settings.corpus.directory))
    return EXIT_PROBLEM if corpus.skipped or broken else EXIT_OK


def _check_servers(settings: Settings, shared: Path) -> int:
    """In per-server scope, each server's own folder validated too; how many cannot serve."""
    if settings.corpus.scope != "per_server":
        return 0
    from bot.corpora import server_folders, servers_folder  # asyncio and the bot's service

    broken = 0
    for folder in server_folders(servers_folder(settings, shared)):
        try:
            own = load_corpus(
                folder, strict=settings.corpus.strict, max_file_bytes=settings.corpus.max_file_bytes
            )
        except CorpusError as error:
            broken += 1
            problem = error.problem if error.source == str(folder) else str(error)
            print(f"server {folder.name}: {problem}", file=sys.stderr)
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


def _bounded(model: type[BaseModel], field: str) -> Callable[[str], int]:
    """An argparse type for a count, in the same range the configuration allows."""
    low = high = None
    for rule in model.model_fields[field].metadata:
        low = getattr(rule, "ge", low)
        high = getattr(rule, "le", high)
    assert low is not None and high is not None, f"{model.__name__}.{field} needs ge and le"

    def count(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}")
        return value

    return count


def _port(text: str) -> int:
    """An argparse type for a TCP port; 0 lets the system pick a free one."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be a whole number from 0 to 65535")
    return value


class _Version(argparse.Action):
    """``--version``, read from the package metadata only when asked: importing
    ``importlib.metadata`` costs every other command tens of milliseconds."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from citebot import version

        print(f"{parser.prog} {version()}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, pointing to the command's own --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}; see `{self.prog} --help`\n")


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's own (for errors in that command's usage)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--corpus", type=Path, help="folder of articles (default: the articles citebot ships with)"
    )
    common.add_argument("--config", type=Path, help="TOML configuration file")
    parser = _Parser(
        prog="citebot",
        description="Answers questions only with verbatim, cited quotes from a set of articles.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser(
        "ask",
        parents=[common],
        help="answer a question with quotes",
        epilog='Quote the question if it holds characters your shell treats specially: ? * ! "',
    )
    ask.add_argument(
        "question", nargs="+", help='for example: "what do the articles say about elections?"'
    )
    top_k = _bounded(RetrievalSettings, "top_k")
    ask.add_argument("--top-k", type=top_k, metavar="N", help="passages to quote (default: 3)")
    ask.add_argument("--article", help="ask within this article only (named as for summary)")
    ask.add_argument("--json", action="store_true", help="print the Answer as JSON")
    ask.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="bold the matched words (auto: on a terminal, unless NO_COLOR is set)",
    )
    ask.set_defaults(handler=_ask)

    summary = commands.add_parser("summary", parents=[common], help="summarize one article")
    summary.add_argument(
        "article",
        nargs="+",
        help="number from 'citebot sources', slug or part of it, title words, publisher, author",
    )
    sentences = _bounded(SummarySettings, "sentences")
    summary.add_argument(
        "--sentences", type=sentences, metavar="N", help="how many sentences (default: 3)"
    )
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=_summary)

    sources = commands.add_parser("sources", parents=[common], help="list the articles")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=_sources)

    check = commands.add_parser("check", parents=[common], help="validate corpus and config")
    check.set_defaults(handler=_check)

    log = commands.add_parser(
        "log", parents=[common], help="the question log: where it is, how many questions"
    )
    log.add_argument("--purge", action="store_true", help="delete every question and vote")

    run = commands.add_parser(
        "run", parents=[common], help="run the Discord bot (needs DISCORD_TOKEN)"
    )
    playground = commands.add_parser(
        "playground", parents=[common], help="try the bot in a local chat page, without Discord"
    )
    playground.add_argument(
        "--port", type=_port, default=8765, help="port on 127.0.0.1 (default: 8765; 0: any free)"
    )
    playground.add_argument("--open", action="store_true", help="open the page in a browser")
    return parser, {
        "ask": ask,
        "summary": summary,
        "sources": sources,
        "check": check,
        "log": log,
        "run": run,
        "playground": playground,
    }
