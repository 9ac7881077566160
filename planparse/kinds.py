"""Section kinds (SPEC §2) and plan types.

Rules decide where they are certain: a heading phrase from the lexicon
(指导思想 → ideology), a closing paragraph ("总之，……"), month headers and dated item
lists (schedule). Everything else goes to the trained classifier when it is
installed (:mod:`planparse.classifier`), and to the lexicon's fallbacks otherwise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from planparse.classifier import PLAN_TYPE_MODEL, SECTION_MODEL, LinearModel, load_model, viterbi
from planparse.classifier.features import SectionView, plan_features, section_features, unit_views
from planparse.cues import body_kind, dated_cue, heading_kind, is_separator, states_ideology, unglossed
from planparse.headings import TIME_STYLES
from planparse.model import Document, Line, ParseOptions, PlanType, Section, SectionKind, Warning_
from planparse.regexes import regex
from planparse.resources import kind_lexicon, to_simplified

_TIMED = regex(r"[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}|[上下]午|阶段|步骤|第[一二三四五六七八九十0-9]+步"
                    r"|[0-9]{1,2}日|周[一二三四五六日]|[上下]半年|季度|年[初底末]")
_PROSE = regex(r"[。！!]")
_SPACES = regex(r"\s+")
DATED_LIST = 6  # items from which a list that opens with dates is a schedule whatever its heading
SURE_MARGIN = 8.0  # lexicon score lead at which the plan-type model is not asked (it agreed on every such corpus plan)
MODEL_SURE = 0.3  # the plan-type model's probability below which the lexicon's guess stands
UNSURE = 0.5  # a section kind decided with less confidence than this is a warning
_CLAUSE_BREAK = regex(r"[，,；;]")
_RUN_IN_LABEL = regex(r"^([^，。；：:,]{2,20}?)(?<!如下)(?:是|为)?[：:]")  # a paragraph's own label before its colon
# (not a lead-in announcing what follows: "……工作安排如下：")
LABEL_WORDS = 10  # the end of a run-in label read for the kind it names ("20xx年委机关工会工作指导思想")
_BACK_TO_GOALS = regex(r"\s*(?:为了?|围绕|按照)(?:实现|确保|完成|达成)?(?:上述|以上)(?:工作)?目标")


def classify(doc: Document, options: ParseOptions) -> Document:
    """Stage ``kinds``: every plan's section kinds and its plan type, each model run once
    for the whole document (one feature pass, one matrix product)."""
    model = _section_model() if options.classifier == "model" else None
    if model is None:
        sections = [_classify_by_lexicon(p.sections) for p in doc.plans]
    else:
        units = [_units(p.sections) for p in doc.plans]
        probs = unit_probs([unit_views(u) for u in units], model)
        sections = [_apply(p.sections, decode(pr, model)) for p, pr in zip(doc.plans, probs)]
    texts = ["\n".join(ln.text for ln in p.lines) for p in doc.plans]
    types = plan_types([(p.title, t) for p, t in zip(doc.plans, texts)], options)
    doubts = [Warning_(s.first, f"section kind uncertain: {s.kind} ({s.confidence:.2f})")
              for secs in sections for s in secs if s.confidence < UNSURE]
    return replace(doc, plans=tuple(replace(p, sections=s, type=t) for p, s, t in zip(doc.plans, sections, types)),
                   warnings=doc.warnings + tuple(doubts))


def _timed(text: str) -> bool:
    return bool(dated_cue().search(text) or _TIMED.search(text))


def is_dated(sec: Section) -> bool:
    """Is this section a dated arrangement (most of its items carry a date)?"""
    if any(c.heading is not None and c.heading.style in TIME_STYLES for c in sec.sections):
        return True
    items = [c for c in sec.sections if c.heading is not None]
    if len(items) >= 2:
        dated = sum(bool(dated_cue().search(c.heading.text if c.heading else "")) for c in items)
        return dated * 2 >= len(items)
    return False


def classify_sections(sections: tuple[Section, ...], options: ParseOptions) -> tuple[Section, ...]:
    """Give every section of one plan a kind and a confidence; split headingless blocks by kind.

    With the shipped classifier (``options.classifier == "model"``) each top-level section
    and each headingless paragraph is decided by :func:`decide` (certain rules, then the
    classifier); without it, by the heading lexicon alone.
    """
    model = _section_model() if options.classifier == "model" else None
    if model is None:
        return _classify_by_lexicon(sections)
    return _apply(sections, decide(unit_views(_units(sections)), model))


def _units(sections: tuple[Section, ...]) -> list[Section | Line]:
    """A plan's top-level units: its sections, and each paragraph of a headingless block."""
    return [u for s in sections for u in (s.body if s.heading is None and not s.sections else (s,))]


def _apply(sections: tuple[Section, ...], decided_kinds: list[tuple[SectionKind, float]]) -> tuple[Section, ...]:
    """The sections with the kinds decided for their units (headingless blocks split by kind)."""
    decided = iter(decided_kinds)
    out: list[Section] = []
    for sec in sections:
        if sec.heading is None and not sec.sections:
            votes = [next(decided) for _ in sec.body]
            start = 0
            for part in split_headingless(sec, [k for k, _ in votes]):
                size = len(part.body)
                out.append(replace(part, confidence=min(c for _, c in votes[start:start + size])))
                start += size
            continue
        kind, conf = next(decided)
        out.append(replace(sec, kind=kind, confidence=conf, sections=_sub_kinds(sec.sections, kind)))
    return _named_goals(out)


def _named_goals(sections: list[Section]) -> tuple[Section, ...]:
    """A lead-in that refers back to "the goals above" ("为实现上述目标，各办重点工作安排如下：")
    names the run of numbered parts right before it: they are the plan's goals."""
    out = list(sections)
    for i, sec in enumerate(sections):
        if sec.heading is not None or not _BACK_TO_GOALS.match(to_simplified(sec.text)):
            continue
        head = sections[i - 1].heading if i else None
        k = i - 1
        while head is not None and k >= 0 and (h := out[k].heading) is not None and h.style == head.style:
            out[k] = replace(out[k], kind="goals")
            k -= 1
    return tuple(out)


def _classify_by_lexicon(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Kinds from the heading lexicon alone (no model installed, or asked for)."""
    out: list[Section] = []
    first_heading = next((i for i, s in enumerate(sections) if s.heading is not None), len(sections))
    for i, sec in enumerate(sections):
        if sec.heading is None and not sec.sections:
            kinds = _paragraph_kinds(sec, before_headings=i < first_heading, first=not out)
            out.extend(replace(part, confidence=0.9 if part.kind != "tasks" else 0.7)
                       for part in split_headingless(sec, kinds))
            continue
        kind, conf = _section_kind(sec)
        out.append(replace(sec, kind=kind, confidence=conf, sections=_sub_kinds(sec.sections, kind)))
    return tuple(out)


def rule_kind(view: SectionView) -> tuple[SectionKind, float] | None:
    """The kind of a top-level section where a rule is certain, else None.

    Month/week headers are schedules; a paragraph that opens with a stock heading and a colon
    ("……指导思想是：") is of the kind it names; a stock heading (指导思想, 保障措施) names its kind
    (a schedule heading only when something in it is timed); a heading that states its
    guiding ideology ("以……为指导") is ideology; the items a lead-in announces ("……工作目标如下：")
    are of the kind it names; a long list of items that open with their
    dates is a schedule; a run of items whose heading was lost is a schedule when its items
    are dated, else tasks.
    """
    if view.style in TIME_STYLES:
        return "schedule", 0.95
    if not view.title and _SPACES.sub("", to_simplified(view.opening[:8])).startswith("目录"):
        return "other", 0.9  # a table of contents: the document's, no part of the plan's work
    if not view.title and not view.n_children and (label := _RUN_IN_LABEL.match(view.opening)) \
            and (kind := heading_kind(label[1][-LABEL_WORDS:])) is not None:
        return kind, 0.9  # a paragraph that names its kind before a colon: "20xx年工会工作指导思想是：……"
    if view.title and view.index == view.count - 1 and not view.n_children and body_kind(view.title) == "closing":
        return "closing", 0.8  # the last item is closing prose ("六、本计划经校长核可后实施，修正时亦同。")
    if view.title:
        kind = heading_kind(view.title)
        if kind is None and states_ideology(view.title):
            return "ideology", 0.8
        sure = 0.95 if kind is not None else 0.85
        timed = view.time_children or view.dated >= 0.5 or _timed(view.title if kind is None else view.opening)
        kind = kind or view.run or None  # or the kind a lead-in announced for its items ("……目标如下：")
        if kind == "schedule" and not timed:  # "活动安排" over items with no time at all: tasks set out in clauses
            return ("tasks", 0.7) if view.n_children and not view.named else None  # are tasks; events it names,
            # the model reads as a schedule or not
        if kind == "tasks" and view.fielded > 0.5:
            return "schedule", 0.85  # "活动内容" over field blocks, each with its 活动时间: the plan's schedule
        if kind is not None:
            return kind, sure  # type: ignore[return-value]
        if view.n_children >= DATED_LIST and view.lead_dated >= 0.75 and not _CLAUSE_BREAK.search(view.title):
            return "schedule", 0.85  # a long list of items that open with their dates ("四月份……", "5月……")
    elif view.n_children:
        return ("schedule", 0.85) if (view.time_children or view.dated >= 0.5) else ("tasks", 0.8)
    return None


def decide(views: list[SectionView], model: LinearModel) -> list[tuple[SectionKind, float]]:
    """The kinds of one plan's top-level units: certain rules, the classifier, and the order."""
    return decode(unit_probs([views], model)[0], model)


def unit_probs(plans: list[list[SectionView]], model: LinearModel) -> list[np.ndarray]:
    """Kind probabilities of the units of several plans (one array per plan), the classifier
    run once over all of them.

    A unit a rule is certain of is one-hot; the others get the classifier's probabilities,
    never closing under a heading and never ideology, preamble or situation for a heading
    that states work ("夯实……，扩大……").
    """
    kinds = model.classes
    views = [v for vs in plans for v in vs]
    ruled = [rule_kind(v) for v in views]
    learned = [i for i, r in enumerate(ruled) if r is None]
    probs = np.full((len(views), len(kinds)), 1e-4)
    if learned:
        probs[learned] = model.predict_many([section_features(views[i]) for i in learned])
    for i, r in enumerate(ruled):
        v = views[i]
        if r is not None:
            probs[i] = 1e-4
            probs[i, kinds.index(r[0])] = 1.0
            continue
        if v.title or v.n_children or not _PROSE.search(v.opening):
            probs[i, kinds.index("closing")] = 1e-6  # concluding prose stands under no heading of its own
        if _CLAUSE_BREAK.search(v.title):
            for k in ("ideology", "preamble", "situation"):
                probs[i, kinds.index(k)] = 1e-6
    probs /= probs.sum(axis=1, keepdims=True)
    bounds = np.cumsum([0] + [len(vs) for vs in plans])
    return [probs[a:b] for a, b in zip(bounds, bounds[1:])]


def decode(probs: np.ndarray, model: LinearModel) -> list[tuple[SectionKind, float]]:
    """The most probable kinds of a plan's units: with the kinds' order in plans (transitions
    learnt from the corpus: situation and ideology before tasks, safeguards after them)
    decoded by Viterbi where the model carries it."""
    kinds = model.classes
    if model.transitions is not None and model.start is not None and len(probs) > 1:
        path = viterbi(probs, model.transitions, model.start, float(model.meta.get("transition_weight", 0.4)))
    else:
        path = [int(r.argmax()) for r in probs]
    return [(kinds[j], round(float(probs[i, j]), 4)) for i, j in enumerate(path)]  # type: ignore[misc]


def _section_model() -> LinearModel | None:
    return load_model(SECTION_MODEL)


def _paragraph_kinds(sec: Section, before_headings: bool, first: bool) -> list[str]:
    kinds: list[str] = []
    for j, line in enumerate(sec.body):
        kind = body_kind(line.text)
        if kind is None:
            kind = "preamble" if (first and before_headings and j == 0) else "tasks"
        kinds.append(kind)
    return kinds


def _section_kind(sec: Section) -> tuple[SectionKind, float]:
    if sec.heading is None:  # a run of items whose heading was lost
        return ("schedule", 0.8) if is_dated(sec) else ("tasks", 0.8)
    if sec.heading.style in TIME_STYLES:
        return "schedule", 0.95
    kind = heading_kind(sec.heading.title or "")
    if kind == "schedule" and not is_dated(sec) and not dated_cue().search(sec.text):
        return "tasks", 0.7
    if kind is not None:
        return kind, 0.95
    if is_dated(sec):
        return "schedule", 0.85
    if body_kind(sec.heading.title or "") == "ideology":
        return "ideology", 0.7  # "1、认真学习……，以……为指南，……"
    return "tasks", 0.75


def _sub_kinds(sections: tuple[Section, ...], parent: SectionKind) -> tuple[Section, ...]:
    out = []
    for s in sections:
        kind: SectionKind = parent
        if s.heading is not None and s.heading.style in TIME_STYLES:
            kind = "schedule"
        out.append(Section(s.heading, kind, 0.9, s.first, s.last, s.text, _sub_kinds(s.sections, kind), s.body))
    return tuple(out)


def classify_plan(title: str | None, text: str, options: ParseOptions | None = None) -> PlanType:
    """The plan's type (see :func:`plan_types`).

    >>> classify_plan("学校工会工作计划", "组织教职工开展师德建设")
    'union'
    """
    return plan_types([(title, text)], options or ParseOptions())[0]


def plan_types(plans: list[tuple[str | None, str]], options: ParseOptions) -> list[PlanType]:
    """The types of several plans (title, text): the lexicon's where it is sure (its best type
    far ahead of the next), else the shipped plan-type classifier over the title, the wording
    and the lexicon's guess, run once for all of them (the lexicon alone without a model)."""
    scores = [plan_type_scores(title, text) for title, text in plans]
    out = [s[0][0] for s in scores]
    unsure = [i for i, s in enumerate(scores) if s[0][1] - (s[1][1] if len(s) > 1 else 0.0) < SURE_MARGIN]
    model = load_model(PLAN_TYPE_MODEL) if options.classifier == "model" and unsure else None
    if model is not None:
        probs = model.predict_many([plan_features(*plans[i], scores[i]) for i in unsure])
        for i, row in zip(unsure, probs):
            if row.max() >= MODEL_SURE:  # an unsure model does not overrule the lexicon (nor its "other")
                out[i] = model.classes[int(row.argmax())]  # type: ignore[assignment]
    return out


def lexicon_plan_type(title: str | None, text: str) -> PlanType:
    """The plan type whose title cues (weighted) and text cues occur most."""
    return plan_type_scores(title, text)[0][0]


def plan_type_scores(title: str | None, text: str) -> list[tuple[PlanType, float]]:
    """Every plan type with the lexicon's score for it, best first ("other" when none scores).

    A title cue weighs 5 (1 on a compilation's separator line); each text cue, counted up to
    40 times, a quarter of the type's weight.
    """
    lex = kind_lexicon()
    title, text = (unglossed(to_simplified(title)) if title else title), unglossed(to_simplified(text))  # (not a
    # converter's gloss: "小學(xué)少先大隊(duì)")
    title_weight = 1.0 if title and is_separator(title, None) else 5.0
    counts = Counter(t for w in lex.plan_type_words.findall(text) for t in lex.plan_type_of[w])
    scores: list[tuple[PlanType, float]] = []
    for kind, title_cue, weight in lex.plan_types:
        score = title_weight * len(title_cue.findall(title)) if title else 0.0
        score += weight * min(counts.get(kind, 0), 40) / 4
        scores.append((kind, score))  # type: ignore[arg-type]
    scores.sort(key=lambda ks: -ks[1])
    return scores if scores and scores[0][1] > 0 else [("other", 0.0), *scores]


def split_headingless(sec: Section, kinds: list[str]) -> list[Section]:
    """Split a headingless top-level block into runs of paragraphs of one kind; a sign-off
    line stays with the run before it."""
    kinds = list(kinds)
    for i, ln in enumerate(sec.body):
        if i and ln.role == "signoff":
            kinds[i] = kinds[i - 1]
    out: list[Section] = []
    start = 0
    for i in range(1, len(sec.body) + 1):
        if i == len(sec.body) or kinds[i] != kinds[start]:
            part = sec.body[start:i]
            out.append(Section(None, kinds[start], 0.0, part[0].first, part[-1].last,  # type: ignore[arg-type]
                               "\n".join(p.text for p in part), (), tuple(part)))
            start = i
    return out
