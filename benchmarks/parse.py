"""Parse throughput against jieba's segmentation of the same text, in one run.

    python benchmarks/parse.py [--rounds 15]

For the seed compilation (when ../shared/seeds is there) and for the whole corpus, it
parses each document and segments the same
text with ``jieba.lcut``, alternating the two in every round, and prints median times,
MB/s and the ratio parse/jieba (target ≤ 0.5). It then times ``planparse parse`` of the
seed as a fresh command against a fresh ``jieba.initialize()`` (target ≤ 0.6×, medians), and
``planparse suggest`` of the seed, which also reads the corpus profiles.

    python benchmarks/parse.py --cold-only   # the cold starts alone
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "union-plans-compilation.txt"


def measure(sources, rounds: int, classifier: str) -> tuple[float, float]:
    import jieba

    from planparse.model import ParseOptions
    from planparse.pipeline import parse_source

    options = ParseOptions(classifier=classifier)  # type: ignore[arg-type]

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    parse_times, jieba_times = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for src in sources:
            parse_source(src, options)
        parse_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        for src in sources:
            tokenizer.lcut(src.text)
        jieba_times.append(time.perf_counter() - t)
    return statistics.median(parse_times), statistics.median(jieba_times)


def cold(commands: dict[str, list[str]], runs: int = 7, first: tuple[str, ...] = ()) -> dict[str, float]:
    """The median wall time of a fresh process running each command, the commands taking
    turns in every run (a machine's load that drifts weighs on all of them alike), their
    modules' bytecode compiled and planparse's pattern cache filled first by an untimed run,
    as installing a wheel compiles it (a set PYTHONDONTWRITEBYTECODE would time compiling
    planparse's source against jieba's bytecode). The commands named in ``first`` run with
    an empty pattern cache every time: planparse's first start after installing."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as empty:
        for command in commands.values():
            subprocess.run(command, check=True, capture_output=True, env=env)
        for run in range(runs):
            for name, command in commands.items():
                fresh = {"PLANPARSE_CACHE_DIR": f"{empty}/{name}{run}"} if name in first else {}
                t = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, env={**env, **fresh})
                times[name].append(time.perf_counter() - t)
    return {name: statistics.median(t) for name, t in times.items()}


JIEBA_COLD = "import jieba, logging; jieba.setLogLevel(logging.ERROR); jieba.initialize()"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--cold-only", action="store_true", help="time the cold starts alone")
    args = ap.parse_args()
    logging.getLogger("jieba").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.ERROR)
    from planparse.classifier.annotations import load_corpus
    from planparse.readers import read_file

    inputs = []
    if SEED.exists() and not args.cold_only:
        inputs.append(("seed compilation", [read_file(SEED)]))
    if not args.cold_only:
        inputs.append(("corpus (all documents)", [read_file(d.path) for d in load_corpus()]))
        print(f"{'input':<24} {'kinds by':<10} {'KB':>7} {'parse ms':>9} {'parse MB/s':>11} {'jieba ms':>9} "
              f"{'jieba MB/s':>11} {'ratio':>6}")
    for name, sources in inputs:
        size = sum(len(s.text.encode("utf-8")) for s in sources)
        for classifier in ("model", "lexicon"):
            p, j = measure(sources, args.rounds, classifier)
            print(f"{name:<24} {classifier:<10} {size / 1024:>7.1f} {p * 1000:>9.1f} {size / p / 1e6:>11.2f} "
                  f"{j * 1000:>9.1f} {size / j / 1e6:>11.2f} {p / j:>6.2f}")
    if inputs:
        print("ratio = parse time / jieba.lcut time on the same text (target ≤ 0.5)")
    if SEED.exists():
        exe = str(Path(sys.executable).with_name("planparse"))
        runs = 7
        t = cold({"jieba": [sys.executable, "-c", JIEBA_COLD],
                  "model": [exe, "parse", str(SEED), "--classifier", "model"],
                  "lexicon": [exe, "parse", str(SEED), "--classifier", "lexicon"],
                  "first": [exe, "parse", str(SEED), "--classifier", "model"],
                  "suggest": [exe, "suggest", str(SEED)]}, runs, first=("first",))
        print(f"cold `planparse parse` of the seed: {t['model']:.3f} s wall with the classifier ({t['model'] / t['jieba']:.2f}× a "
              f"cold jieba.initialize(), {t['jieba']:.3f} s; target ≤ 0.6×), {t['lexicon']:.3f} s with the lexicon alone, "
              f"{t['first']:.3f} s ({t['first'] / t['jieba']:.2f}×) the first time, with no pattern cache; "
              f"cold `planparse suggest`: {t['suggest']:.3f} s ({t['suggest'] / t['jieba']:.2f}×) (medians of {runs}, "
              "the commands taking turns)")


if __name__ == "__main__":
    main()
