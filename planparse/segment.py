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
from functools import cache
from importlib.resources import files
from pathlib import Path

from planparse.errors import ModelError

DICT_NAME = "segment_dict.txt"


def dictionary_path() -> Path | None:
    p = Path(str(files("planparse.models"))) / DICT_NAME
    return p if p.exists() else None


@cache
def tokenizer():  # -> jieba.Tokenizer
    """The process's jieba tokenizer over the shipped dictionary (full dictionary if absent)."""
    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a dependency
        raise ModelError("segmentation needs jieba: pip install jieba") from None
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
