"""Linear classifiers shipped as plain arrays, applied with numpy (no scikit-learn at run time).

``planparse train`` fits scikit-learn logistic regressions and writes each as an ``.npz``
in ``models/``: ``vocab`` (feature names), ``classes``, ``coef`` (classes × features),
``intercept`` and ``meta`` (a JSON string: version, training data, scores). A feature whose
weights are all below ``MIN_WEIGHT`` is left out: it moves no decision (the test split's
kinds and plan types score the same without them), and it would cost a command's start a
dictionary entry — four in five of the plan-type model's features. Loading reads
arrays only (``allow_pickle=False``): no code is unpickled. The archives are stored
uncompressed and the feature names as one UTF-8 text: a command's start reads them in a
few milliseconds instead of inflating them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, cached_property
from itertools import chain, islice, repeat
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from planparse.errors import ModelError

SECTION_MODEL = "section_classifier.npz"
PLAN_TYPE_MODEL = "plan_type_classifier.npz"
ROLE_MODEL = "line_roles.npz"
ROLE_CONTEXT_MODEL = "line_roles_context.npz"  # the line roles' second pass (see planparse.roles)
REGISTERED_NAME = "planparse.section_classifier.v1"
MIN_WEIGHT = 0.03  # a feature whose every class weight is smaller is not shipped


@dataclass(frozen=True)
class LinearModel:
    index: dict[str, int]
    classes: tuple[str, ...]
    coef: np.ndarray       # (n_classes, n_features), float32
    intercept: np.ndarray  # (n_classes,)
    meta: dict[str, Any]
    transitions: np.ndarray | None = None  # (n_classes, n_classes): P(next kind | kind) in plans
    start: np.ndarray | None = None        # (n_classes,): P(first kind)

    @cached_property
    def _weights(self) -> np.ndarray:
        return np.ascontiguousarray(self.coef.T)  # one row per feature: a gather reads whole rows

    def predict_proba(self, features: dict[str, float]) -> np.ndarray:
        """Class probabilities for one sparse feature mapping."""
        return self.predict_many([features])[0]

    def predict_many(self, rows: list[dict[str, float]]) -> np.ndarray:
        """Class probabilities (rows × classes) for several sparse feature mappings, in one
        pass: every feature looked up once, one gather of weight rows, one sum per row."""
        return self.probabilities(self.scores(rows))

    def scores(self, rows: list[dict[str, float]]) -> np.ndarray:
        """The classes' raw scores (rows × classes): the intercept and the rows' features' weights."""
        scores = np.tile(self.intercept.astype(np.float64), (len(rows), 1))
        sizes = [len(r) for r in rows]
        if sum(sizes):
            cols = np.fromiter(map(self.index.get, chain.from_iterable(rows), repeat(-1)), dtype=np.int64)
            vals = np.fromiter(chain.from_iterable(r.values() for r in rows), dtype=np.float32)
            known = cols >= 0
            which = np.repeat(np.arange(len(rows)), sizes)[known]
            contrib = self._weights[cols[known]] * vals[known][:, None]
            if len(which):
                starts = np.flatnonzero(np.r_[True, which[1:] != which[:-1]])
                scores[which[starts]] += np.add.reduceat(contrib, starts, axis=0)
        return scores

    def dense_scores(self, dense: tuple[list[str], np.ndarray]) -> np.ndarray:
        """The scores (rows × classes) of named features that every row has, given as one array
        (rows × names); a name the model does not know weighs nothing.

        >>> m = LinearModel({"a": 0, "d": 1}, ("x", "y"), np.array([[0., 0.], [1., 2.]], np.float32), np.zeros(2), {})
        >>> m.probabilities(m.scores([{"a": 1.0}]) + m.dense_scores((["d", "unknown"], np.array([[1.0, 5.0]])))).round(2).tolist()
        [[0.05, 0.95]]
        """
        cols = np.array([self.index.get(name, -1) for name in dense[0]], dtype=np.int64)
        known = cols >= 0
        return dense[1][:, known] @ self._weights[cols[known]]

    def probabilities(self, scores: np.ndarray) -> np.ndarray:
        """Raw scores (rows × classes) made class probabilities."""
        if len(self.classes) == 2 and self.coef.shape[0] == 1:  # binary models keep one row
            p = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        scores = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    @classmethod
    def side_by_side(cls, first: LinearModel, second: LinearModel) -> LinearModel:
        """One model whose scores are both models' (the first's classes, then the second's):
        each feature looked up once for the two.

        >>> a = LinearModel({"x": 0}, ("p", "q"), np.array([[1.], [0.]], np.float32), np.zeros(2), {})
        >>> b = LinearModel({"y": 0, "x": 1}, ("p", "q"), np.array([[0., 2.], [3., 0.]], np.float32), np.ones(2), {})
        >>> LinearModel.side_by_side(a, b).scores([{"x": 1.0, "y": 1.0}]).tolist()
        [[1.0, 0.0, 3.0, 4.0]]
        """
        k, n = len(first.classes), len(first.index)
        if list(islice(second.index, n)) == list(first.index):  # saved after the first (see save_model's lead)
            coef = np.zeros((k + len(second.classes), len(second.index)), dtype=np.float32)
            coef[:k, :n], coef[k:] = first.coef, second.coef
            return cls(second.index, first.classes + second.classes, coef, np.r_[first.intercept, second.intercept], {})
        index = dict(first.index)
        for name in second.index:
            index.setdefault(name, len(index))
        coef = np.zeros((k + len(second.classes), len(index)), dtype=np.float32)
        for rows, model in ((slice(0, k), first), (slice(k, None), second)):
            at = np.fromiter(map(index.__getitem__, model.index), dtype=np.int64, count=len(model.index))
            coef[rows, at] = model.coef[:, np.fromiter(model.index.values(), dtype=np.int64, count=len(model.index))]
        return cls(index, first.classes + second.classes, coef, np.r_[first.intercept, second.intercept], {})

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most probable class and its probability."""
        p = self.predict_proba(features)
        i = int(p.argmax())
        return self.classes[i], float(p[i])


def viterbi(probs: np.ndarray, transitions: np.ndarray, start: np.ndarray, weight: float) -> list[int]:
    """The most probable class sequence: per-item probabilities times weighted transitions.

    >>> viterbi(np.array([[.6, .4], [.5, .5]]), np.array([[.1, .9], [.5, .5]]), np.array([.5, .5]), 1.0)
    [0, 1]
    """
    logp = np.log(probs + 1e-9)
    logt = weight * np.log(transitions)
    score = logp[0] + weight * np.log(start)
    back = np.zeros(probs.shape, dtype=int)
    for i in range(1, len(probs)):
        cand = score[:, None] + logt
        back[i] = cand.argmax(0)
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(len(probs) - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def pack_words(words: list[str]) -> np.ndarray:
    """Words (feature names, n-grams) as one array of UTF-8 bytes, a line each.

    >>> unpack_words(pack_words(["计划", "w:工作"]))
    ['计划', 'w:工作']
    """
    assert not any("\n" in w for w in words), "a word with a line break"
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def unpack_words(packed: np.ndarray) -> list[str]:
    return packed.tobytes().decode("utf-8").split("\n") if packed.size else []


def save_model(path: Path, vocab: list[str], classes: list[str], coef: np.ndarray, intercept: np.ndarray,
               meta: dict[str, Any], transitions: np.ndarray | None = None, start: np.ndarray | None = None,
               lead: int = 0) -> None:
    """Save a model, without the features that move no decision; the first ``lead`` words are
    kept whatever their weights (a vocabulary that begins as another model's does, so that
    :meth:`LinearModel.side_by_side` sets the two side by side without looking a word up; as
    zeros where they move no decision)."""
    keep = np.abs(coef).max(axis=0) >= MIN_WEIGHT
    coef, keep[:lead] = np.where(keep, coef, 0.0).astype(coef.dtype), True
    vocab, coef = [w for w, k in zip(vocab, keep) if k], coef[:, keep]
    extra = {} if transitions is None else {"transitions": transitions.astype(np.float32),
                                            "start": np.asarray(start, dtype=np.float32)}
    np.savez(path, vocab=pack_words(vocab), classes=np.array(classes, dtype=str),
             coef=coef.astype(np.float32), intercept=intercept.astype(np.float32),
             meta=np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True)), **extra)


def read_model(path: Path) -> LinearModel:
    try:
        with np.load(path, allow_pickle=False) as z:
            vocab = unpack_words(z["vocab"])
            return LinearModel(dict(zip(vocab, range(len(vocab)))), tuple(z["classes"].tolist()),
                               z["coef"], z["intercept"], json.loads(str(z["meta"])),
                               z["transitions"] if "transitions" in z else None, z["start"] if "start" in z else None)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot load model: {exc}; rebuild it with `planparse train`", str(path)) from None


def models_dir() -> Path:
    """The folder of the shipped models (``planparse/models`` where the package is installed)."""
    return Path(str(files("planparse.models")))


# models given for a while instead of the shipped ones (evaluating a model trained in memory)
_GIVEN: ContextVar[dict[str, LinearModel] | None] = ContextVar("planparse_models", default=None)


@contextmanager
def using_model(name: str, model: LinearModel) -> Iterator[None]:
    """Make :func:`load_model` hand out ``model`` for ``name`` within the ``with`` block."""
    token = _GIVEN.set({**(_GIVEN.get() or {}), name: model})
    try:
        yield
    finally:
        _GIVEN.reset(token)


def load_model(name: str) -> LinearModel | None:
    """A model shipped in ``planparse/models`` (None when it is not installed)."""
    given = _GIVEN.get()
    return given[name] if given and name in given else _shipped(name)


@cache
def _shipped(name: str) -> LinearModel | None:
    path = models_dir() / name
    return read_model(path) if path.exists() else None
