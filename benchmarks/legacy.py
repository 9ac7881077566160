"""Legacy .doc reading against the .docx reader on the same plans, with parse time beside.

    python benchmarks/legacy.py [--rounds 30]

For each corpus plan that has a .docx and a .doc made from it (tests/fixtures/legacy/),
it reads both from bytes in memory (``read_bytes``: container, piece table or XML, text),
alternating the two in every round, and parses the text once read. It prints the median
time per read, the throughput in MB/s of document text (UTF-8 bytes of the text read),
and the median parse time of the same text (cold caches, as benchmarks/parse.py does),
so that reading can be seen not to be the slow part of ``planparse parse``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "legacy"
DOCS = ROOT / "corpus" / "docs"


def timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from parse import clear_caches  # benchmarks/parse.py

    from planparse.model import ParseOptions
    from planparse.pipeline import parse_source
    from planparse.readers import read_bytes

    pairs = [(p, DOCS / f"{p.stem}.docx") for p in sorted(FIXTURES.glob("*.doc"))
             if (DOCS / f"{p.stem}.docx").exists()]
    if not pairs:
        raise SystemExit("no .doc fixtures made from a .docx; run tests/fixtures/legacy/make_fixtures.py")
    options = ParseOptions()
    read_bytes(pairs[0][0].read_bytes(), str(pairs[0][0]))      # import olefile outside the timing
    parse_source(read_bytes(pairs[0][1].read_bytes(), str(pairs[0][1])), options)

    rows = []
    totals = {"doc": [0.0, 0], "docx": [0.0, 0], "parse": [0.0, 0]}
    for doc_path, docx_path in pairs:
        doc_bytes, docx_bytes = doc_path.read_bytes(), docx_path.read_bytes()
        src = read_bytes(doc_bytes, str(doc_path))
        size = len(src.text.encode("utf-8"))
        doc_t, docx_t, parse_t = [], [], []
        for _ in range(args.rounds):
            doc_t.append(timed(read_bytes, doc_bytes, str(doc_path)))
            docx_t.append(timed(read_bytes, docx_bytes, str(docx_path)))
        for _ in range(max(3, args.rounds // 5)):
            clear_caches()
            parse_t.append(timed(parse_source, src, options))
        row = (doc_path.stem, size, statistics.median(doc_t), statistics.median(docx_t), statistics.median(parse_t))
        rows.append(row)
        for key, value in zip(("doc", "docx", "parse"), row[2:]):
            totals[key][0] += value
            totals[key][1] += size

    print(f"{'plan':8} {'text KB':>8} {'.doc ms':>8} {'.doc MB/s':>10} {'.docx ms':>9} {'.docx MB/s':>11} "
          f"{'parse ms':>9} {'read/parse':>11}")
    for name, size, doc_s, docx_s, parse_s in rows:
        print(f"{name:8} {size / 1024:8.1f} {doc_s * 1e3:8.2f} {size / doc_s / 1e6:10.1f} {docx_s * 1e3:9.2f} "
              f"{size / docx_s / 1e6:11.1f} {parse_s * 1e3:9.1f} {doc_s / parse_s:11.1%}")
    size = totals["doc"][1]
    doc_s, docx_s, parse_s = totals["doc"][0], totals["docx"][0], totals["parse"][0]
    print(f"{'all':8} {size / 1024:8.1f} {doc_s * 1e3:8.2f} {size / doc_s / 1e6:10.1f} {docx_s * 1e3:9.2f} "
          f"{size / docx_s / 1e6:11.1f} {parse_s * 1e3:9.1f} {doc_s / parse_s:11.1%}")


if __name__ == "__main__":
    main()
