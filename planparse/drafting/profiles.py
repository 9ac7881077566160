"""What the corpus shows about plans of each type: which sections they have, under which
headings, in which order, how they open — and TF-IDF vectors to find the most similar plan.

``planparse train`` writes ``models/plan_profiles.json`` and ``models/plan_tfidf.npz`` from the
train split; :func:`load_profiles` reads them (numpy only at run time).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np

from planparse.classifier import pack_words, unpack_words
from planparse.errors import ModelError
from planparse.regexes import regex
from planparse.resources import to_simplified

PROFILES = "plan_profiles.json"
TFIDF = "plan_tfidf.npz"
_PUNCT = regex(r"[\s，,。：:；;、！!？?“”\"'（）()【】《》\-—·0-9０-９]+")


def grams(text: str) -> Counter:
    """Character unigrams and bigrams of a plan's text (punctuation and digits left out)."""
    t = _PUNCT.sub("", to_simplified(text))[:3000]
    return Counter(list(t) + [t[i:i + 2] for i in range(len(t) - 1)])


def example(plan: dict[str, Any], kind: str) -> str | None:
    """A corpus plan's opening sentence of a section kind, to show as an example; not a
    sign-off line (an organisation or a date that ended up opening a section)."""
    from planparse.cues import is_signoff

    text = plan["openings"].get(kind)
    return text if text and not is_signoff(text) else None


def first_sentence(text: str, limit: int = 80) -> str:
    m = re.match(r"[^。！？；\n]*[。！？；]?", text.strip())
    s = (m.group(0) if m else text).strip()
    return s if len(s) <= limit else s[:limit] + "……"


@dataclass(frozen=True)
class Profiles:
    data: dict[str, Any]           # per type: plans, kinds {count, heading, position, openings}
    vocab: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray            # the corpus plans' nonzero TF-IDF weights (plans L2-normalized), gram after gram
    owners: np.ndarray             # the plan of each weight
    starts: np.ndarray             # where each gram's weights start (and, last, where they all end)
    plans: list[dict[str, Any]]    # per corpus plan: id, type, kinds, openings

    def of_type(self, plan_type: str) -> dict[str, Any]:
        """The profile of a type, or of all plans where the corpus has fewer than 3 of that type."""
        prof = self.data["types"].get(plan_type)
        return prof if prof and prof["plans"] >= 3 else self.data["all"]

    def nearest(self, text: str) -> list[int]:
        """Corpus plans by cosine similarity of their TF-IDF vectors to ``text``, best first."""
        found = sorted((j, c) for g, c in grams(text).items() if (j := self.vocab.get(g)) is not None)
        at = np.array([j for j, _ in found], dtype=np.int64)
        v = np.array([1 + math.log(c) for _, c in found], dtype=np.float32) * self.idf[at]
        norm = np.linalg.norm(v)
        if not norm:
            return list(range(len(self.plans)))
        sizes = self.starts[at + 1] - self.starts[at]  # only the weights of the text's grams are read
        where = np.repeat(self.starts[at] - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
        sims = np.bincount(self.owners[where], weights=self.weights[where] * np.repeat(v / norm, sizes), minlength=len(self.plans))
        return list(np.argsort(-sims, kind="stable"))


def build(examples: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Profiles and TF-IDF arrays from annotated plans: dicts with id, type, text and
    sections (kind, title, text) in order. A plan from a real page (``page``) counts in the
    statistics but lends no example sentence, and its headings are drafted only where no
    plan of our own has the kind: its wording keeps the page's script and quirks."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def summarise(plans: list[dict[str, Any]]) -> dict[str, Any]:
        kinds: dict[str, dict[str, Any]] = {}
        for kind in {s["kind"] for p in plans for s in p["sections"]}:
            having = [p for p in plans if any(s["kind"] == kind for s in p["sections"])]
            named = [p for p in having if not p.get("page")] or having  # a real page's heading may be its own quirk
            headings = Counter(s["title"] for p in named for s in p["sections"] if s["kind"] == kind and s["title"])
            positions = [i / max(len(p["sections"]) - 1, 1) for p in having
                         for i, s in enumerate(p["sections"]) if s["kind"] == kind][:1000]
            kinds[kind] = {"count": len(having), "heading": headings.most_common(1)[0][0] if headings else None,
                           "position": round(sum(positions) / len(positions), 3)}
        return {"plans": len(plans), "kinds": kinds}

    by_type: dict[str, list] = defaultdict(list)
    for p in examples:
        by_type[p["type"]].append(p)
    data = {"types": {t: summarise(ps) for t, ps in sorted(by_type.items())}, "all": summarise(examples)}
    vec = TfidfVectorizer(analyzer=lambda t: list(grams(t).elements()), sublinear_tf=True)
    matrix = vec.fit_transform([p["text"] for p in examples]).astype(np.float32)
    names = vec.get_feature_names_out()
    plans = [{"id": p["id"], "type": p["type"], "kinds": [s["kind"] for s in p["sections"]],
              "openings": {} if p.get("page") else {s["kind"]: first_sentence(s["text"])
                                                    for s in reversed(p["sections"]) if s["text"]}}
             for p in examples]
    data["plans"] = plans
    by_gram = matrix.tocsc()
    by_gram.sort_indices()
    arrays = {"vocab": pack_words(list(names)), "idf": vec.idf_.astype(np.float32), "weights": by_gram.data,
              "owners": by_gram.indices.astype(np.uint16), "starts": by_gram.indptr.astype(np.int64)}
    return data, arrays


def save(path: Path, data: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    (path / PROFILES).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
    np.savez(path / TFIDF, **arrays)


@cache
def load_profiles() -> Profiles:
    root = Path(str(files("planparse.models")))
    try:
        data = json.loads((root / PROFILES).read_text("utf-8"))
        with np.load(root / TFIDF, allow_pickle=False) as z:
            vocab = unpack_words(z["vocab"])
            return Profiles(data, dict(zip(vocab, range(len(vocab)))), z["idf"], z["weights"], z["owners"],
                            z["starts"], data["plans"])
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"plan profiles missing or invalid ({exc}); run `planparse train`", str(root)) from None
