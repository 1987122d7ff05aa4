"""The ``citebot`` command line's arguments: each command, its options and their bounds."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import NoReturn

from pydantic import BaseModel

from retrieval import RetrievalSettings, SummarySettings

EXIT_USAGE = 2
Handler = Callable[..., int]


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


def _add_common(parser: argparse.ArgumentParser, default: object) -> None:
    """The options every command takes, given before the command (``citebot --corpus faq ask
    ...``, as git takes ``-C``) or after it."""
    parser.add_argument(
        "--corpus",
        type=Path,
        default=default,
        help="folder of articles (default: the articles citebot ships with)",
    )
    parser.add_argument("--config", type=Path, default=default, help="TOML configuration file")


def build_parser(
    handlers: Mapping[str, Handler],
) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's own (for errors in that command's usage);
    ``handlers`` by command name, for the commands that answer from an engine."""
    common = _Parser(add_help=False)
    _add_common(common, default=argparse.SUPPRESS)  # absent: the one before the command holds
    parser = _Parser(
        prog="citebot",
        description="Answers questions only with verbatim, cited quotes from a set of articles.",
        epilog="--corpus and --config go before the command or after it, as you like.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    _add_common(parser, default=None)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser(
        "ask",
        parents=[common],
        help="answer a question with quotes",
        epilog='Quote the question if it holds characters your shell treats specially: ? * ! "',
    )
    ask.add_argument(
        "question", nargs="+", help='for example, of the shipped articles: "what is juche"'
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
    ask.set_defaults(handler=handlers["ask"])

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
    summary.set_defaults(handler=handlers["summary"])

    sources = commands.add_parser("sources", parents=[common], help="list the articles")
    sources.add_argument("--json", action="store_true")
    sources.set_defaults(handler=handlers["sources"])

    check = commands.add_parser("check", parents=[common], help="validate corpus and config")
    check.set_defaults(handler=handlers["check"])

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
