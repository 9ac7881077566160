"""Run the test suite several times in a row while other work loads the machine.

    python scripts/soak.py                      # `make test` 5 times beside 2 CPU-bound processes
    python scripts/soak.py --runs 3 --load 4 --command "make test"

Tests must not race the machine's load (no timing windows, no "finished before it could be
interrupted"). This starts ``--load`` processes that keep a core busy each, runs ``--command``
``--runs`` times one after another, stops the load, and prints for each run its exit status,
its time and the suite's summary line; it exits 1 if any run failed. Each run's output goes
to ``--log-dir``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUSY = "import itertools\nfor _ in itertools.count():\n    pass\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--load", type=int, default=2, help="CPU-bound processes to run beside the suite")
    ap.add_argument("--command", default="make test")
    ap.add_argument("--log-dir", type=Path, default=Path("/tmp/planparse-soak"))
    args = ap.parse_args()
    args.log_dir.mkdir(parents=True, exist_ok=True)
    load = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(args.load)]
    failed = 0
    try:
        for n in range(1, args.runs + 1):
            log = args.log_dir / f"run-{n}.log"
            start = time.monotonic()
            with open(log, "wb") as out:
                rc = subprocess.run(args.command, shell=True, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT).returncode
            seconds = time.monotonic() - start
            lines = [ln for ln in log.read_text("utf-8", "replace").splitlines() if ln.strip()]
            summary = next((ln for ln in reversed(lines) if " passed" in ln or " failed" in ln or "error" in ln),
                           lines[-1] if lines else "")
            failed += rc != 0
            print(f"run {n}: exit {rc} in {seconds:.0f} s with {args.load} busy processes beside it — {summary}",
                  flush=True)
    finally:
        for proc in load:
            proc.send_signal(signal.SIGTERM)
        for proc in load:
            proc.wait()
    print(f"{args.runs - failed} of {args.runs} runs passed; logs in {args.log_dir}")
    return 1 if failed else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
