"""`suggest` on held-out plans: a removed standard section in the top 3, suggestions on complete plans.

    python benchmarks/suggest.py [--split test|train]

For each single-plan corpus document of the split, each standard section of its type that the
plan holds once (SPEC: standard = most corpus plans of the type have it) is cut out in turn and
the rest parsed and given to `suggest`: a hit when the cut kind is among its first three
suggestions. Plans whose annotation holds every standard kind count the suggestions they get.
Own-hand documents and documents modelled on real pages are reported apart, real ones per shape.

Targets (the real-pages issue): the removed section in the top 3 for ≥ 90%, ≤ 1 suggestion
per complete plan.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import planparse
from planparse.classifier.annotations import load_corpus
from planparse.drafting.suggest import standard_kinds, suggest
from planparse.readers import read_file


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("test", "train"), default="test")
    args = ap.parse_args()
    tally: dict[str, Counter] = defaultdict(Counter)  # group → hits, cases, complete plans, their suggestions
    for doc in load_corpus(split=args.split):
        plans = doc.annotation.get("plans") or []
        if len(plans) != 1:
            continue
        real = bool(doc.annotation.get("modelled_on"))
        groups = ("real-modelled", f"  shape={doc.annotation.get('shape', '?')}") if real else ("own-hand",)
        plan, lines = plans[0], read_file(doc.path).text.split("\n")
        kinds = Counter(s["kind"] for s in plan.get("sections") or [])
        wanted = standard_kinds(plan["type"])
        got = Counter()
        for sec in plan.get("sections") or []:
            if kinds[sec["kind"]] > 1 or sec["kind"] not in wanted:
                continue
            a, b = sec["lines"]
            found = suggest(planparse.parse("\n".join(lines[:a - 1] + lines[b:])))
            got["cases"] += 1
            got["hits"] += sec["kind"] in [m.kind for s in found for m in s.missing][:3]
        if wanted <= set(kinds):
            got["complete"] += 1
            got["suggested"] += sum(len(s.missing) for s in suggest(planparse.parse_file(doc.path)))
        for g in groups:
            tally[g].update(got)
    print(f"{'group':<28} {'cases':>5} {'top 3':>7} {'complete plans':>14} {'suggestions each':>16}")
    for g in sorted(tally, key=lambda g: (not g.startswith("own"), not g.startswith("real"), g)):
        t = tally[g]
        print(f"{g:<28} {t['cases']:>5} {t['hits'] / max(t['cases'], 1):>7.1%} {t['complete']:>14} "
              f"{t['suggested'] / max(t['complete'], 1):>16.2f}")


if __name__ == "__main__":
    main()
