"""WordLlama's tokenizer, read in Python from two small tables, for a one-off command.

WordLlama's tokenizer is Llama 2's: a space becomes "▁" and one "▁" goes in front, then the
whole text is one byte-pair encoding (a character the vocabulary lacks becomes its UTF-8 bytes'
tokens). ``tokenizers`` takes about 0.05 s to load it from its JSON file, the largest part of a
one-off ``citebot ask`` after the imports, to encode a few hundred texts. The same encoding is
done here from two tables, saved once in citebot's cache folder (``retrieval.cache``) and read
in a few milliseconds: each one-character token and byte token with its id, and each merge's
pair of ids with its rank and the id it makes. The merges are applied as ``tokenizers``
applies them (the lowest rank first, then the leftmost), so the ids are the same
(``tests/test_meaning.py`` compares them); a text holding one of the special tokens' spellings
(``<s>``), which ``tokenizers`` reads as that token, is left to ``tokenizers``.
"""

from __future__ import annotations

import heapq
import json
import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from retrieval.cache import Cache, default_folder, key

SPACE = "\u2581"
_SHIFT = 15  # ids are below 2**15: a pair of them is one int, and so is a rank and an id
_MASK = (1 << _SHIFT) - 1


class WordPieces:
    """Text -> token ids, as the tokenizer file's BPE model gives them."""

    def __init__(self, symbols: dict[str, int], merges: dict[int, int], special: Sequence[str]):
        self._symbols = symbols  # one-character tokens, and "<0x0A>" byte tokens
        self._merges = merges  # (left id << 15 | right id) -> (rank << 15 | new id)
        self._special = tuple(special)

    def encodes(self, text: str) -> bool:
        """Whether ``ids`` reads ``text`` as ``tokenizers`` does (no special token in it)."""
        return not any(token in text for token in self._special)

    def ids(self, text: str) -> list[int]:
        """The token ids of ``text`` (``encodes(text)`` must hold)."""
        if not text:
            return []
        symbols = self._symbols
        ids: list[int] = []
        for char in SPACE + text.replace(" ", SPACE):
            found = symbols.get(char)
            if found is not None:
                ids.append(found)
            else:
                ids.extend(symbols[f"<0x{byte:02X}>"] for byte in char.encode("utf-8"))
        return self._merged(ids)

    def _merged(self, ids: list[int]) -> list[int]:
        """``tokenizers``' ``Word::merge_all``: a queue of (rank, position) merges, each
        checked when taken, since an earlier merge may have consumed one of its symbols."""
        merges = self._merges
        size = len(ids)
        following = list(range(1, size + 1))  # size: none
        previous = list(range(-1, size - 1))
        alive = [True] * size
        queue: list[tuple[int, int, int]] = []
        for position in range(size - 1):
            merge = merges.get(ids[position] << _SHIFT | ids[position + 1])
            if merge is not None:
                queue.append((merge >> _SHIFT, position, merge & _MASK))
        heapq.heapify(queue)
        while queue:
            _, position, made = heapq.heappop(queue)
            if not alive[position]:
                continue
            right = following[position]
            if right >= size:
                continue
            merge = merges.get(ids[position] << _SHIFT | ids[right])
            if merge is None or merge & _MASK != made:
                continue
            ids[position] = made
            alive[right] = False
            after = following[right]
            following[position] = after
            if after < size:
                previous[after] = position
            before = previous[position]
            if before >= 0:
                merge = merges.get(ids[before] << _SHIFT | made)
                if merge is not None:
                    heapq.heappush(queue, (merge >> _SHIFT, before, merge & _MASK))
            if after < size:
                merge = merges.get(made << _SHIFT | ids[after])
                if merge is not None:
                    heapq.heappush(queue, (merge >> _SHIFT, position, merge & _MASK))
        return [i for i, kept in zip(ids, alive, strict=True) if kept]


def tables(config: dict[str, Any]) -> tuple[dict[str, int], dict[int, int], list[str]] | None:
    """The tables ``WordPieces`` reads, from a tokenizer file's JSON; None when the file is not
    a tokenizer this module reads exactly as ``tokenizers`` does."""
    model = config.get("model") or {}
    expected_normalizer = {
        "type": "Sequence",
        "normalizers": [
            {"type": "Prepend", "prepend": SPACE},
            {"type": "Replace", "pattern": {"String": " "}, "content": SPACE},
        ],
    }
    if (
        config.get("normalizer") != expected_normalizer
        or config.get("pre_tokenizer") is not None
        or model.get("type") != "BPE"
        or not model.get("byte_fallback")
        or model.get("dropout") is not None
        or model.get("continuing_subword_prefix")
        or model.get("end_of_word_suffix")
        or model.get("ignore_merges")
    ):
        return None
    vocab: dict[str, int] = model["vocab"]
    if max(vocab.values(), default=0) > _MASK:
        return None
    symbols = {token: i for token, i in vocab.items() if len(token) == 1}
    for byte in range(256):
        name = f"<0x{byte:02X}>"
        if name not in vocab:
            return None
        symbols[name] = vocab[name]
    merges: dict[int, int] = {}
    for rank, merge in enumerate(model["merges"]):
        left, right = merge.split(" ") if isinstance(merge, str) else merge
        made = vocab.get(left + right)
        if left not in vocab or right not in vocab or made is None:
            return None
        merges[vocab[left] << _SHIFT | vocab[right]] = rank << _SHIFT | made
    special = [token["content"] for token in config.get("added_tokens", ())]
    return symbols, merges, special


@cache
def saved(path: str) -> WordPieces | None:
    """``WordPieces`` for the tokenizer file at ``path``: its tables read from citebot's cache
    folder, written there from the file the first time; None when the file is not one this
    module reads, or there is no usable cache folder (``tokenizers`` then encodes)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    folder = Cache(default_folder())
    if not folder.usable():  # built each time, they would cost more than tokenizers' own load
        return None
    name = f"wordpieces-{key(path, str(info.st_size), str(info.st_mtime_ns))}.pickle"
    found = folder.load(name)
    if found is None:
        try:
            with open(path, encoding="utf-8") as file:
                found = tables(json.load(file)) or ()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        folder.save(name, found)
    if not (isinstance(found, tuple) and len(found) == 3):
        return None
    return WordPieces(*found)
