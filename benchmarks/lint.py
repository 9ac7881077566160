"""Lint speed: a cold `planparse lint` of one ordinary plan, and the whole corpus in one command
against parsing it file by file (one `planparse parse` process per document).

    python benchmarks/lint.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(args: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(args, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    exe = str(Path(sys.executable).with_name("planparse"))
    docs = sorted(str(p) for p in (ROOT / "corpus" / "docs").iterdir() if p.suffix in (".txt", ".md", ".docx"))
    one = str(ROOT / "examples" / "sample-plan.txt")
    cold = wall([exe, "lint", one], runs=5)
    print(f"{'measure':<52} {'seconds':>8}")
    print(f"{'cold `planparse lint` of one plan (best of 5)':<52} {cold:>8.3f}   target < 0.6")
    together = wall([exe, "lint", *docs], runs=1)
    t = time.perf_counter()
    for d in docs:
        subprocess.run([exe, "parse", d], capture_output=True)
    apart = time.perf_counter() - t
    print(f"{'lint ' + str(len(docs)) + ' corpus documents in one command':<52} {together:>8.3f}")
    print(f"{'parse them file by file (' + str(len(docs)) + ' commands)':<52} {apart:>8.3f}   "
          f"one lint command is {apart / together:.1f}x faster")


if __name__ == "__main__":
    main()
