"""Training and evaluation of the section and plan-type classifiers on the corpus.

Only ``planparse train`` and ``planparse eval`` import this module (it needs
scikit-learn for training). Examples come from the annotations with their own
(gold) segmentation, so evaluation measures the classifier, not the splitter.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

import numpy as np

from planparse.drafting import profiles
from planparse.classifier.annotations import CorpusDoc, load_corpus
from planparse.classifier import PLAN_TYPE_MODEL, ROLE_CONTEXT_MODEL, ROLE_MODEL, SECTION_MODEL, line_roles, models_dir, read_model, save_model
from planparse.classifier.features import plan_features, section_features, unit_views
from planparse.headings import detect_heading
from planparse.kinds import decide, plan_type_scores, plan_types
from planparse.model import PLAN_TYPES, SECTION_KINDS, Document, Line, ParseOptions, Section
from planparse.normalize import join_broken
from planparse.pipeline import parse_source
from planparse.sections import section_tree
from planparse.readers import read_file
from planparse.resources import to_simplified
from planparse.segment import DICT_NAME, using_dictionary


@dataclass
class Examples:
    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    views: list = field(default_factory=list)  # section views; (title, text) for plans

    def add(self, f: dict[str, float], label: str, where: str, view=None) -> None:
        self.features.append(f)
        self.labels.append(label)
        self.where.append(where)
        self.views.append(view)


def logical_lines(doc: CorpusDoc) -> Document:
    """The document as the parser sees it before cutting it into plans (``.lines``), with the
    chrome its annotation names taken out (so that training does not depend on the shipped
    line-role model)."""
    src, labels, partial = line_roles.document_labels(doc)
    lines = parse_source(src, until="lines")
    gold = tuple(replace(ln, role="chrome") if line_roles.gold_role(lines.lines, k, labels, partial) == "chrome" else ln
                 for k, ln in enumerate(lines.lines))
    return join_broken(replace(lines, lines=gold), ParseOptions())


def _lines_in(lines: tuple[Line, ...], a: int, b: int) -> list[Line]:
    return [ln for ln in lines if a <= ln.first <= b]


def examples(docs: list[CorpusDoc]) -> tuple[Examples, Examples]:
    """Section examples and plan-type examples of these documents, from their annotations."""
    secs, plans = Examples(), Examples()
    for doc in docs:
        norm = logical_lines(doc)
        for pi, plan in enumerate(doc.annotation.get("plans") or []):
            pa, pb = plan["lines"]
            plines = _lines_in(norm.lines, pa, pb)
            text = "\n".join(ln.text for ln in plines)
            lexicon = plan_type_scores(plan.get("title"), text)
            plans.add(plan_features(plan.get("title"), text, lexicon), plan["type"], f"{doc.id}/{pi + 1}",
                      (plan.get("title"), text))
            units: list[tuple[Section | Line, str, str]] = []  # (section or paragraph, kind, where)
            for j, ann in enumerate(plan.get("sections") or []):
                where = f"{doc.id}/{pi + 1}/{j + 1}"
                sec = _section_from(ann, norm.lines)
                if sec is not None:
                    units.append((sec, ann["kind"], where))
                else:
                    a, b = ann["lines"]
                    units.extend((ln, ann["kind"], where) for ln in _lines_in(norm.lines, a, b))
            for v, (_, kind, where) in zip(unit_views([u for u, _, _ in units]), units):
                secs.add(section_features(v), kind, where, v)
    return secs, plans


def _section_from(ann: dict, lines: tuple[Line, ...]) -> Section | None:
    """The annotated section as the parser would build it; None for headingless paragraphs."""
    a, b = ann["lines"]
    own = _lines_in(lines, a, b)
    if not own:
        return None
    built = section_tree(own)
    if ann.get("heading") is not None:
        if built and built[0].heading is not None:
            return built[0]
        h = detect_heading(ann["heading"])
        return Section(h, "other", 0.0, a, b, "\n".join(ln.text for ln in own[1:]), (), tuple(own))
    items = [s for s in built if s.heading is not None]
    if items and len(items) == len(built):
        return Section(None, "other", 0.0, a, b, "", tuple(items), ())
    return None


def _fit(ex: Examples, classes: tuple[str, ...], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(ex.features)
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    with threadpool_limits(limits=1, user_api="blas"):  # (see line_roles.fit: the same model on any machine)
        clf.fit(x, ex.labels)
    return list(vec.feature_names_), list(clf.classes_), clf.coef_, clf.intercept_


def train(root: str | Path | None = None, out: Path | None = None) -> dict:
    """Fit both classifiers on the train split and write them (and the dictionary) to ``out``."""
    from planparse.classifier import _shipped

    out = out or models_dir()
    out.mkdir(parents=True, exist_ok=True)
    docs = load_corpus(root, "train")
    write_dictionary(docs, out / DICT_NAME)
    _reset_segmenter()
    with using_dictionary(out / DICT_NAME):
        sec_ex, plan_ex = examples(docs)
    digest = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.id):
        digest.update(d.path.read_bytes())
        digest.update(json.dumps(d.annotation, sort_keys=True, default=str).encode())
    meta = {"name": "planparse.section_classifier.v1", "train_documents": len(docs), "corpus_sha256": digest.hexdigest()[:16]}
    vocab, classes, coef, intercept = _fit(sec_ex, SECTION_KINDS, c=SECTION_C)
    transitions, start = kind_order(sec_ex, classes)
    save_model(out / SECTION_MODEL, vocab, classes, coef, intercept,
               {**meta, "examples": len(sec_ex.labels), "transition_weight": TRANSITION_WEIGHT}, transitions, start)
    vocab, classes, coef, intercept = _fit(plan_ex, PLAN_TYPES, c=2.0)
    save_model(out / PLAN_TYPE_MODEL, vocab, classes, coef, intercept,
               {**meta, "name": "planparse.plan_type_classifier.v1", "examples": len(plan_ex.labels)})
    profiles.save(out, *profiles.build(profile_examples(docs)))
    pages = line_roles.page_examples(line_roles.generated_pages(docs))
    roles = line_roles.join(line_roles.corpus_examples(docs), pages)
    first, context = line_roles.fit_both(roles)
    role_meta = {**meta, "examples": sum(label != line_roles.NOTICE for label in roles.labels), "pages": len(pages.sequences)}
    line_roles.save(first, out / ROLE_MODEL, role_meta)
    line_roles.save(context, out / ROLE_CONTEXT_MODEL, role_meta, "planparse.line_roles_context.v1", read_model(out / ROLE_MODEL))
    _shipped.cache_clear()
    profiles.load_profiles.cache_clear()
    return {"documents": len(docs), "section_examples": len(sec_ex.labels), "plan_examples": len(plan_ex.labels),
            "line_examples": role_meta["examples"]}


def profile_examples(docs: list[CorpusDoc]) -> list[dict]:
    """Annotated plans as the profiles want them: type, text, top-level sections in order
    (headings in simplified script), and whether the plan comes from a real-modelled page."""
    out = []
    for doc in docs:
        norm = logical_lines(doc)
        for pi, plan in enumerate(doc.annotation.get("plans") or []):
            a, b = plan["lines"]
            sections = []
            for ann in plan.get("sections") or []:
                own = _lines_in(norm.lines, *ann["lines"])
                head = detect_heading(ann["heading"]) if ann.get("heading") else None
                body = own[1:] if head is not None else own
                text = "\n".join(([head.body] if head and head.body else []) + [ln.text for ln in body])
                sections.append({"kind": ann["kind"], "title": to_simplified(head.title) if head and head.title else None,
                                 "text": text})  # (no title: a number alone, "01)")
            out.append({"id": f"{doc.id}/{pi + 1}", "type": plan["type"], "sections": sections,
                        "text": "\n".join(ln.text for ln in _lines_in(norm.lines, a, b)),
                        "page": bool(doc.annotation.get("modelled_on"))})
    return out


TRANSITION_WEIGHT = 0.4  # chosen by 5-fold cross-validation on the train split
SECTION_C = 1.0  # the section classifier's inverse regularisation, chosen by 5-fold cross-validation on the train
# split's families (macro-F1 0.817 held out, against 0.813 at 8.0, 0.816 at 2.0 and at 0.5)


def kind_order(ex: Examples, classes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """How kinds follow one another in the plans of ``ex`` (add-one smoothed)."""
    k = len(classes)
    transitions, start = np.ones((k, k)), np.ones(k)
    for labels in _plans(ex).values():
        idx = [classes.index(lab) for lab in labels]
        start[idx[0]] += 1
        for a, b in zip(idx, idx[1:]):
            transitions[a, b] += 1
    return transitions / transitions.sum(1, keepdims=True), start / start.sum()


def _plans(ex: Examples) -> dict[str, list[str]]:
    """Labels of ``ex`` grouped by plan ("doc/plan" of their `where`), in document order."""
    out: dict[str, list[str]] = {}
    for label, where in zip(ex.labels, ex.where):
        out.setdefault(where.rsplit("/", 1)[0], []).append(label)
    return out


def write_dictionary(docs: list[CorpusDoc], path: Path) -> int:
    """jieba's dictionary restricted to the words of these documents and of the lexicon."""
    import jieba

    full = Path(jieba.__file__).parent / "dict.txt"
    text = "\n".join(read_file(d.path).text for d in docs)
    lexicon = files("planparse.data").joinpath("section_lexicon.yaml").read_text("utf-8")
    corpus = text + lexicon
    seen = {corpus[i:i + n] for n in range(1, 7) for i in range(len(corpus) - n + 1)}
    rows = [row for row in full.read_text("utf-8").splitlines() if row.split(" ", 1)[0] in seen]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return len(rows)


def _reset_segmenter() -> None:
    """Forget the dictionaries read so far (a new one was just written)."""
    from planparse import segment

    for loaded in (segment.tokenizer, segment.dictionary_path, segment._read_vocabulary):
        loaded.cache_clear()


# ---------------------------------------------------------------- evaluation


@dataclass
class Report:
    labels: tuple[str, ...]
    matrix: np.ndarray
    plan_types: tuple[int, int]
    errors: list[str]
    groups: dict[str, Report] = field(default_factory=dict)

    def per_class(self) -> list[tuple[str, float, float, float, int]]:
        rows = []
        for i, label in enumerate(self.labels):
            tp = self.matrix[i, i]
            support = int(self.matrix[i].sum())
            predicted = self.matrix[:, i].sum()
            p = tp / predicted if predicted else 0.0
            r = tp / support if support else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((label, p, r, f, support))
        return rows

    @property
    def macro_f1(self) -> float:
        rows = [r for r in self.per_class() if r[4]]
        return sum(r[3] for r in rows) / len(rows) if rows else 0.0

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.matrix) / self.matrix.sum()) if self.matrix.sum() else 0.0

    def to_dict(self) -> dict:
        return {
            "macro_f1": round(self.macro_f1, 4), "accuracy": round(self.accuracy, 4),
            "per_kind": {lab: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": n}
                         for lab, p, r, f, n in self.per_class()},
            "confusion": {"labels": list(self.labels), "matrix": self.matrix.tolist()},
            "plan_type_accuracy": round(self.plan_types[0] / max(self.plan_types[1], 1), 4),
            "plan_types": {"correct": self.plan_types[0], "total": self.plan_types[1]},
            "groups": {g: {"macro_f1": round(r.macro_f1, 4), "accuracy": round(r.accuracy, 4),
                           "sections": int(r.matrix.sum())} for g, r in self.groups.items()},
        }


def evaluate(split: str = "test", root: str | Path | None = None, models: Path | None = None) -> Report:
    """Score the shipped (or given) models on a split, with the annotations' segmentation,
    overall and per group of documents: by source (documents written by hand for the corpus,
    or modelled on a real page) and by the page's shape."""
    from planparse.classifier import load_model

    if models is not None:
        sec_model, type_model = read_model(models / SECTION_MODEL), read_model(models / PLAN_TYPE_MODEL)
    else:
        sec_model, type_model = load_model(SECTION_MODEL), load_model(PLAN_TYPE_MODEL)
    if sec_model is None or type_model is None:
        from planparse.errors import ModelError

        raise ModelError("no trained model installed; run `planparse train`")
    docs = load_corpus(root, split)
    groups = {d.id: doc_groups(d) for d in docs}
    sec_ex, plan_ex = examples(docs)
    labels = tuple(k for k in SECTION_KINDS)
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    by_group: dict[str, np.ndarray] = {}
    errors = []
    by_plan: dict[str, list[int]] = {}
    for i, where in enumerate(sec_ex.where):
        by_plan.setdefault(where.rsplit("/", 1)[0], []).append(i)
    for idx in by_plan.values():
        for i, (pred, _) in zip(idx, decide([sec_ex.views[i] for i in idx], sec_model)):
            gold = sec_ex.labels[i]
            cell = labels.index(gold), labels.index(pred)
            matrix[cell] += 1
            for g in groups[sec_ex.where[i].split("/")[0]]:
                by_group.setdefault(g, np.zeros_like(matrix))[cell] += 1
            if pred != gold:
                errors.append(f"{sec_ex.where[i]}: {gold} → {pred}")
    predicted = plan_types(plan_ex.views, ParseOptions()) if models is None else [
        type_model.predict(f)[0] for f in plan_ex.features]
    correct = sum(p == gold for p, gold in zip(predicted, plan_ex.labels))
    return Report(labels, matrix, (correct, len(plan_ex.labels)), errors,
                  {g: Report(labels, m, (0, 0), []) for g, m in sorted(by_group.items())})


def doc_groups(doc: CorpusDoc) -> tuple[str, ...]:
    """The groups a corpus document is reported in: its source and its page's shape."""
    ann = doc.annotation
    source = "real-modelled" if ann.get("modelled_on") else "own-hand"
    return (f"source={source}", f"shape={ann.get('shape', 'plain')}")
