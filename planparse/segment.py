"""Word segmentation with jieba, loaded with the small dictionary shipped in ``models/``.

jieba's full dictionary takes most of a second to load; the classifier only needs the
words that plans use, so ``planparse train`` writes ``models/segment_dict.txt`` (jieba's
``word freq tag`` lines for the words of the training corpus and the lexicon) and
:func:`tokenizer` loads that. One tokenizer per process, built on first use.

>>> words("加强工会组织建设")
['加强', '工会组织', '建设']
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Iterator

from planparse.errors import ModelError, require
from planparse.regexes import regex

DICT_NAME = "segment_dict.txt"
_WORD = regex(r"^[^ \n]+", re.M)  # a dictionary row's word, before its frequency and tag


@cache
def dictionary_path() -> Path | None:
    p = Path(str(files("planparse.models"))) / DICT_NAME
    return p if p.exists() else None


@cache
def tokenizer():  # -> jieba.Tokenizer
    """The process's jieba tokenizer over the shipped dictionary (full dictionary if absent)."""
    jieba = require("jieba", "segmentation", "jieba")
    log = logging.getLogger("jieba")
    if log.level in (logging.NOTSET, logging.DEBUG):
        log.setLevel(logging.WARNING)  # jieba announces its dictionary on stderr otherwise
    path = dictionary_path()
    tk = jieba.Tokenizer(dictionary=str(path)) if path else jieba.Tokenizer()
    tk.initialize()
    return tk


def words(text: str) -> list[str]:
    """Words of ``text`` (no HMM guessing of unknown words: unknown runs split into characters)."""
    return [w for w in tokenizer().lcut(text, HMM=False) if w.strip()]


# the dictionary quick_words reads: the shipped one, or (while `planparse train` builds a new
# one) the one being built, so that training sees the words its models will be used with
_DICTIONARY: ContextVar[Path | None] = ContextVar("planparse_dictionary", default=None)


@contextmanager
def using_dictionary(path: Path) -> Iterator[None]:
    """Make :func:`quick_words` read ``path`` within the ``with`` block."""
    token = _DICTIONARY.set(path)
    try:
        yield
    finally:
        _DICTIONARY.reset(token)


def _vocabulary() -> tuple[frozenset[str], dict[str, int]]:
    path = _DICTIONARY.get() or dictionary_path()
    if path is None:
        raise ModelError(f"segmentation dictionary {DICT_NAME} missing; rebuild it with `planparse train`")
    return _read_vocabulary(path)


@cache
def _read_vocabulary(path: Path) -> tuple[frozenset[str], dict[str, int]]:
    """The dictionary's words, and for each character the length of the longest word it starts."""
    vocab = frozenset(_WORD.findall(path.read_text("utf-8")))
    return vocab, {w[0]: len(w) for w in sorted(vocab, key=len)}  # the longest last


def is_word(text: str) -> bool:
    """Is ``text`` a word of the shipped dictionary (no jieba needed)?

    >>> is_word("和谐"), is_word("谐和谐")
    (True, False)
    """
    return text in _vocabulary()[0]


def quick_words(text: str) -> list[str]:
    """Words of ``text`` by forward maximum matching against the shipped dictionary: the
    longest dictionary word at each point, else one character. A fraction of jieba's cost,
    for features that only need the words a cue is made of.

    >>> quick_words("加强工会组织建设")
    ['加强', '工会组织', '建设']
    """
    vocab, longest = _vocabulary()
    out, i, n = [], 0, len(text)
    while i < n:
        size = min(longest.get(text[i], 1), n - i)
        while size > 1 and text[i:i + size] not in vocab:
            size -= 1
        out.append(text[i:i + size])
        i += size
    return out
