"""Lint speed: a cold `planparse lint` of one ordinary plan, the whole corpus in one command
(target: under 2 s), and that against parsing it file by file (one `planparse parse` process
per document). Each measure gives the wall time (best of its runs) and the command's own
CPU time (user + system), which a busy machine does not inflate.

    python benchmarks/lint.py
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(commands: list[list[str]], runs: int = 3) -> tuple[float, float]:
    """(best wall time, CPU time of that run) of running ``commands`` one after another."""
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        for args in commands:
            subprocess.run(args, capture_output=True)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def main() -> None:
    exe = str(Path(sys.executable).with_name("planparse"))
    docs = sorted(str(p) for p in (ROOT / "corpus" / "docs").iterdir() if p.suffix in (".txt", ".md", ".docx"))
    one = str(ROOT / "examples" / "sample-plan.txt")
    print(f"{'measure':<52} {'wall s':>7} {'cpu s':>7}")
    wall, cpu = measure([[exe, "lint", one]], runs=5)
    print(f"{'cold `planparse lint` of one plan (best of 5)':<52} {wall:>7.3f} {cpu:>7.3f}   target < 0.6")
    together, cpu = measure([[exe, "lint", *docs]], runs=3)
    print(f"{'lint ' + str(len(docs)) + ' corpus documents in one command (best of 3)':<52} {together:>7.3f} "
          f"{cpu:>7.3f}   target < 2")
    apart, cpu = measure([[exe, "parse", d] for d in docs], runs=1)
    print(f"{'parse them file by file (' + str(len(docs)) + ' commands)':<52} {apart:>7.3f} {cpu:>7.3f}   "
          f"one lint command is {apart / together:.1f}x faster")


if __name__ == "__main__":
    main()
