"""Patterns compiled on first use behave as ``re.compile``'s, and cost nothing until used."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys

import pytest

from retrieval import patterns


def test_a_pattern_matches_searches_and_substitutes_as_re_compiles_it() -> None:
    deferred = patterns.compile(r"(?P<word>[a-z]+)-(\d+)", re.IGNORECASE)
    compiled = re.compile(r"(?P<word>[a-z]+)-(\d+)", re.IGNORECASE)
    text = "see Item-12 and item-3"
    assert deferred.search(text)[0] == compiled.search(text)[0]  # type: ignore[index]
    assert deferred.match(text) is None
    assert deferred.fullmatch("item-3")["word"] == "item"  # type: ignore[index]
    assert [m.span() for m in deferred.finditer(text)] == [
        m.span() for m in compiled.finditer(text)
    ]
    assert deferred.findall(text) == compiled.findall(text)
    assert deferred.sub(r"\2", text) == compiled.sub(r"\2", text)
    assert deferred.split(text) == compiled.split(text)
    assert (deferred.groups, deferred.groupindex) == (compiled.groups, compiled.groupindex)
    assert deferred.flags == compiled.flags


def test_its_source_builds_other_patterns_without_compiling_it() -> None:
    broken = patterns.compile(r"(unclosed")
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):  # a bad pattern raises where it is first used
        broken.search("text")


def test_a_mistyped_or_probed_attribute_is_an_attribute_error() -> None:
    deferred = patterns.compile(r"x")
    with pytest.raises(AttributeError):
        deferred.mach  # type: ignore[attr-defined]  # noqa: B018
    assert copy.copy(deferred).search("x") is not None


def test_a_used_pattern_survives_pickle_and_copy() -> None:
    deferred = patterns.compile(r"\d+")
    deferred.search("1")
    assert copy.deepcopy(deferred).search("a 12")[0] == "12"  # type: ignore[index]
    assert pickle.loads(pickle.dumps(patterns.compile(r"\d+"))).search("7")[0] == "7"  # type: ignore[index]


def test_importing_citebot_compiles_none_of_its_own_rules() -> None:
    """Every module-level rule in ``retrieval`` waits for its first use (what a one-off
    command never meets costs it nothing)."""
    probe = (
        "import re, sys\n"
        "made = []\n"
        "original = re.compile\n"
        "def spy(pattern, flags=0):\n"
        "    caller = sys._getframe(1).f_code.co_filename\n"
        "    if '/retrieval/' in caller and not caller.endswith('patterns.py'):\n"
        "        made.append(caller)\n"
        "    return original(pattern, flags)\n"
        "re.compile = spy\n"
        "import retrieval, bot.cli\n"
        "print(len(made), sorted(set(made)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("0 "), out.stdout
