"""`planparse search` query time on a large batch index.

    python benchmarks/search.py                       # 10,000 documents, in a temporary folder
    python benchmarks/search.py --n 10000 --keep /tmp/search-10k   # keep (and reuse) archive and index

Makes a synthetic archive of N documents (benchmarks/make_archive.py: corpus documents as
UTF-8, GB18030 and Big5 in traditional characters, .docx, a few corrupt files), indexes it
with `planparse batch --jobs 2`, then times every query of the labelled set
(tests/cases/search_queries.yaml, with its filters) and a few broad ones (工作, 活动 安排,
学校 OR 社区) through `planparse.batch.search.search` with the default limit of 20, as a
warm process would run them (each call opens the index, as the command does). Each query is
run --repeat times; the median over all runs is the figure to compare with the 50 ms target.
Also prints the index's size, the build time and what a cold `planparse search` costs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import make_archive  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BROAD = ["工作", "活动 安排", "学校 OR 社区", "开展", "组织 学习"]


def build(n: int, folder: Path) -> tuple[Path, float | None]:
    """The archive and its index under ``folder`` (made once); the batch's seconds if it ran."""
    src, out = folder / "archive", folder / "parsed"
    if not src.exists():
        make_archive(n, src)
    if (out / "index.sqlite").exists():
        return out, None
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planparse.cli.batch", str(src), "-o", str(out), "--jobs", "2", "-q"],
                   check=False)
    return out, time.perf_counter() - start


def queries() -> list[dict]:
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "search_queries.yaml").read_text("utf-8"))
    return cases + [{"label": f"broad: {q}", "query": q} for q in BROAD]


def time_queries(index: Path, repeat: int) -> list[tuple[str, float, int]]:
    from planparse.batch.search import Query, period, search

    rows = []
    for case in queries():
        q = Query(case["query"], period(str(case["from"])) if case.get("from") else None,
                  period(str(case["to"]), end=True) if case.get("to") else None, case.get("type"), case.get("kind"))
        search(index, q)  # warm: the segmenter and SQLite's page cache
        for _ in range(repeat):
            start = time.perf_counter()
            hits = search(index, q)
            rows.append((case["label"], time.perf_counter() - start, len(hits)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="documents in the archive")
    ap.add_argument("--repeat", type=int, default=5, help="runs of each query")
    ap.add_argument("--keep", type=Path, default=None, help="keep the archive and index here (reused if present)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="planparse-search-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        index, seconds = build(args.n, folder)
        db = index / "index.sqlite"
        import sqlite3

        conn = sqlite3.connect(db)
        docs, passages = (conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "passages"))
        conn.close()
        print(f"index: {docs} documents, {passages} passages, {db.stat().st_size / 1e6:.0f} MB"
              + (f", built in {seconds:.0f} s (2 workers)" if seconds else " (reused)"))
        rows = time_queries(index, args.repeat)
        by_query: dict[str, list[float]] = {}
        hits: dict[str, int] = {}
        for label, t, n in rows:
            by_query.setdefault(label, []).append(t)
            hits[label] = n
        print(f"{'query':<34} {'median ms':>9} {'max ms':>7} {'hits':>5}")
        for label, times in by_query.items():
            print(f"{label:<34} {statistics.median(times) * 1000:9.1f} {max(times) * 1000:7.1f} {hits[label]:5d}")
        all_times = sorted(t for _, t, _ in rows)
        p90 = all_times[int(len(all_times) * 0.9)]
        print(f"all {len(by_query)} queries x {args.repeat}: median {statistics.median(all_times) * 1000:.1f} ms, "
              f"90th percentile {p90 * 1000:.1f} ms, max {all_times[-1] * 1000:.1f} ms (target: median < 50 ms)")
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "planparse"), "search", str(index), "消防", "演练"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        print(f"cold `planparse search INDEX 消防 演练`: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
