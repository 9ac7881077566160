"""parse → render → parse over the corpus: what share of documents keep their plans, headings,
kinds and activity dates through a rendered .md and a rendered .docx.

    python benchmarks/roundtrip.py            # the figure, and what differs where it fails
    python benchmarks/roundtrip.py --quiet    # the figure only

For every corpus document: parse it (``--year 2024`` so that placeholder years get dates),
turn the mapping back into a document as `planparse render` does (``from_dict``), render it
as Markdown and as .docx, parse both, and compare with the first parse:

- plans: their number and titles;
- headings: every section's heading at every level, as written (number and text), but
  the month headers and items of a schedule rendered as a table: they are its rows;
- kinds: every top-level section's kind;
- activity dates: the multiset of (start, end) of each plan's activities.

A document passes when both renderings keep all four.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def headings(sections, depth: int = 0, tables: bool = False) -> list:
    """Every heading as written with its depth; the sub-sections of a schedule that `render`
    makes a table (``tables``) are its rows, checked through the activity dates."""
    try:
        from planparse.drafting.render import table_rows
    except ImportError:  # an older planparse, measured for comparison
        from planparse.drafting.render import _month_rows as table_rows

    out = []
    for s in sections:
        out.append((depth, s.heading.text if s.heading else None))
        if not (tables and table_rows(s)):
            out.extend(headings(s.sections, depth + 1, tables))
    return out


def aspects(doc, tables: bool = False) -> dict[str, object]:
    return {
        "plans": [p.title for p in doc.plans],
        "headings": [headings(p.sections, 0, tables) for p in doc.plans],
        "kinds": [[s.kind for s in p.sections] for p in doc.plans],
        "dates": [Counter((a.when.start, a.when.end) for a in p.activities) for p in doc.plans],
    }


def differences(a: dict, b: dict) -> list[str]:
    out = []
    for key in a:
        if a[key] != b[key]:
            out.append(key)
    return out


def explain(key: str, a: dict, b: dict) -> str:
    x, y = a[key], b[key]
    if key in ("plans",):
        return f"{x} → {y}"
    if len(x) != len(y):
        return f"{len(x)} plans → {len(y)}"
    for i, (p, q) in enumerate(zip(x, y)):
        if p != q:
            if key == "dates":
                lost, gained = p - q, q - p
                return f"plan {i + 1}: lost {dict(lost)} gained {dict(gained)}"
            for j, (u, v) in enumerate(zip(p, q)):
                if u != v:
                    return f"plan {i + 1} item {j + 1}: {u} → {v}"
            return f"plan {i + 1}: {len(p)} → {len(q)} items; extra {p[len(q):] or q[len(p):]}"
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--year", type=int, default=2024)
    args = ap.parse_args()

    import planparse
    from planparse.classifier.annotations import load_corpus
    from planparse.drafting.render import to_docx, to_markdown
    from planparse.model import ParseOptions
    from planparse.pipeline import parse_source
    from planparse.readers import read_bytes
    from planparse.serialize import from_dict

    started = time.perf_counter()
    docs = load_corpus()
    kept = 0
    per_aspect: Counter = Counter()
    failures = []
    for d in docs:
        doc = planparse.parse_file(d.path, year=args.year)
        data = from_dict(doc.to_dict())
        back_md = planparse.parse(to_markdown(data), year=args.year)
        back_docx = parse_source(read_bytes(to_docx(data), "plan.docx"), ParseOptions(year=args.year))
        want = aspects(doc, tables=True)
        bad: dict[str, str] = {}
        for label, back in (("md", back_md), ("docx", back_docx)):
            got = aspects(back, tables=True)
            for key in differences(want, got):
                per_aspect[key] += key not in bad
                bad.setdefault(key, f"{label}: {explain(key, want, got)}")
        if bad:
            failures.append((d.id, bad))
        else:
            kept += 1
    seconds = time.perf_counter() - started
    print(f"round trip parse → render (.md and .docx) → parse over {len(docs)} corpus documents: "
          f"{kept} kept everything ({kept / len(docs):.1%}) in {seconds:.1f} s")
    for key in ("plans", "headings", "kinds", "dates"):
        print(f"  {key:<9} kept on {len(docs) - per_aspect[key]} of {len(docs)}")
    if not args.quiet:
        for doc_id, bad in failures:
            for key, why in bad.items():
                print(f"  {doc_id}: {key}: {why[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
