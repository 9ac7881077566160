"""find_dates against JioNLP's extract_time on plan dates: accuracy and throughput, in one run.

    pip install jionlp        # benchmark-only; planparse does not need it
    python benchmarks/dates.py

Accuracy 1: the rows of tests/cases/dates.yaml that have a year (positive rows: every
expected (start, end) found and nothing else; negative rows: nothing found).
Accuracy 2: the seed's golden activities (when ../shared/seeds is there): the date of
each activity found on its source line, both tools reading the line alone with 2024 as
the base year; and planparse's full parse (which also knows the plan's running schedule).
Throughput: all table texts and seed lines, characters per second.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "union-plans-compilation.txt"


def iso(v) -> str | None:
    return v.isoformat() if isinstance(v, date) else v


def ours(text: str, year: int) -> set[tuple[str, str]]:
    from planparse.dates import find_dates

    return {(w.start.isoformat(), w.end.isoformat()) for w in find_dates(text, year) if w.start}


def jio(text: str, year: int) -> set[tuple[str, str]]:
    import jionlp

    base = time.mktime(datetime(year, 1, 1).timetuple())
    found = set()
    for item in jionlp.ner.extract_time(text, time_base=base, with_parsing=True):
        t = item.get("detail", {}).get("time")
        if isinstance(t, list) and len(t) == 2 and all(isinstance(x, str) for x in t):
            found.add((t[0][:10], t[1][:10]))
    return found


def table_rows():
    rows = yaml.safe_load((ROOT / "tests" / "cases" / "dates.yaml").read_text("utf-8"))
    for r in rows:
        if r.get("year") and not r.get("term") and not r.get("term_start"):
            yield r["text"], r["year"], {(iso(e["start"]), iso(e["end"])) for e in r["expect"] if e["start"]}


def seed_rows():
    if not SEED.exists():
        return []
    gold = yaml.safe_load((ROOT / "tests" / "golden" / "seed.yaml").read_text("utf-8"))
    lines = SEED.read_text("utf-8").split("\n")
    return [(lines[a["line"] - 1], 2024, (iso(a["when"]["start"]), iso(a["when"]["end"])))
            for p in gold["plans"] for a in p["activities"]]


def main() -> None:
    logging.disable(logging.WARNING)
    import jionlp  # noqa: F401  (load before timing)

    table = list(table_rows())
    seed = seed_rows()
    print(f"{'measure':<44} {'planparse':>10} {'JioNLP':>10}")
    acc = {}
    for name, fn in (("planparse", ours), ("JioNLP", jio)):
        acc[name, "table"] = sum(fn(t, y) == want for t, y, want in table) / len(table)
        if seed:
            acc[name, "seed"] = sum(want in fn(t, y) for t, y, want in seed) / len(seed)
    print(f"{'accuracy, expression table (' + str(len(table)) + ' rows)':<44} "
          f"{acc['planparse', 'table']:>10.1%} {acc['JioNLP', 'table']:>10.1%}")
    if seed:
        import planparse

        doc = planparse.parse_file(SEED, year=2024).to_dict()
        got = {(a["line"], a["when"]["start"], a["when"]["end"]) for p in doc["plans"] for a in p["activities"]}
        gold = yaml.safe_load((ROOT / "tests" / "golden" / "seed.yaml").read_text("utf-8"))
        want = [(a["line"], iso(a["when"]["start"]), iso(a["when"]["end"])) for p in gold["plans"]
                for a in p["activities"]]
        print(f"{'accuracy, seed activities, line alone (' + str(len(seed)) + ')':<44} "
              f"{acc['planparse', 'seed']:>10.1%} {acc['JioNLP', 'seed']:>10.1%}")
        print(f"{'accuracy, seed activities, full parse':<44} {sum(w in got for w in want) / len(want):>10.1%} "
              f"{'—':>10}")
    texts = [t for t, _, _ in table] + [t for t, _, _ in seed]
    chars = sum(map(len, texts))
    speed = {}
    for name, fn in (("planparse", ours), ("JioNLP", jio)):
        start = time.perf_counter()
        for t in texts:
            fn(t, 2024)
        speed[name] = chars / (time.perf_counter() - start)
    print(f"{'throughput, characters/s':<44} {speed['planparse']:>10,.0f} {speed['JioNLP']:>10,.0f}")
    print(f"planparse is {speed['planparse'] / speed['JioNLP']:.1f}x JioNLP's throughput (target ≥ 10x)")


if __name__ == "__main__":
    main()
