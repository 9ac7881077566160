"""Dated activities on held-out documents: recall, precision, month-exact dates, year errors.

    python benchmarks/activities.py [--misses] [--split test|train|all]

The corpus documents of the test split (no model trains on them), parsed as a user would
(no --year: a plan's year comes from its own text), scored against their annotations by
``planparse.activity_eval``: own-hand documents per organisation kind, documents modelled
on real pages per page shape, each with its total.

Targets (the activities issue): recall ≥ 95%, precision ≥ 93%, month-exact dates ≥ 97% of
all gold activities, no year errors.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from planparse.activity_eval import ActivityScore, score_activities, total
from planparse.classifier.annotations import load_corpus
from planparse.pipeline import parse_file

HEADER = f"{'group':<34} {'files':>5} {'gold':>5} {'found':>5} {'recall':>7} {'precision':>9} " \
         f"{'month-exact':>11} {'year err':>8}"


def row(name: str, s: ActivityScore) -> str:
    r = s.rates()
    return (f"{name:<34} {s.files:>5} {s.gold:>5} {s.found:>5} {r['recall']:>7.1%} {r['precision']:>9.1%} "
            f"{r['month_exact']:>11.1%} {s.year_errors:>8}")


def groups(split: str | None) -> dict[str, dict[str, list[ActivityScore]]]:
    """Scores by family ("own-hand", "real-modelled") and group (organisation kind or shape)."""
    out: dict[str, dict[str, list[ActivityScore]]] = {"own-hand": defaultdict(list),
                                                      "real-modelled": defaultdict(list)}
    for d in load_corpus(split=split):
        score = score_activities(parse_file(d.path), d.annotation, d.id)
        if d.annotation.get("modelled_on"):
            out["real-modelled"][f"shape={d.annotation.get('shape', '?')}"].append(score)
        else:
            out["own-hand"][f"kind={d.id.rstrip('0123456789')}"].append(score)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--misses", action="store_true", help="list every miss, wrong date and extra activity")
    ap.add_argument("--split", default="test", choices=("test", "train", "all"))
    args = ap.parse_args()
    everything = []
    for family, by_group in groups(None if args.split == "all" else args.split).items():
        print(f"{family} documents ({args.split} split)")
        print(HEADER)
        for name, scores in sorted(by_group.items()):
            print(row(name, total(scores)))
        fam = total(s for scores in by_group.values() for s in scores)
        print(row(f"all {family}", fam))
        print()
        everything.append(fam)
    overall = total(everything)
    print(row("all held-out documents" if args.split == "test" else f"all ({args.split})", overall))
    if args.misses:
        print("\n".join("  " + m for m in overall.misses))


if __name__ == "__main__":
    main()
