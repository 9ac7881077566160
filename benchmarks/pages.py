"""Whole pages as the world will give them: plans and titles, chrome, plan lines, kinds.

    python benchmarks/pages.py [--families] [--folds] [--pages N]

1. The corpus documents modelled on real pages that no model was trained on (the test
   split), parsed with the shipped models, per page shape.
2. With --families: each site family of ``corpus/chrome/families.yaml`` held out in turn —
   the line-role model and its second pass are trained on the corpus (less the pages of the
   family's sites) and on generated pages of every other family, then score generated pages
   of the held-out family (holding the test split's plans).
3. The same held-out real-modelled pages as HTML (their chrome in the blocks real sites put
   it in: nav, header, footer, aside, or divs named so, or plain divs) and as PDF (42 lines to
   a page), read by planparse's own readers and scored like the text.
4. With --folds: the real-modelled pages whose parse was read (the train split), in 5 folds by
   site family; each fold is scored with the line-role model and its second pass trained without
   its sites' pages.
5. The seed compilation (when ../shared/seeds is there).

Targets (the page-chrome issue): plan count and titles right in ≥ 95% of files, ≤ 2% of
chrome lines left inside plans, ≥ 99.5% of plan lines kept, section kinds ≥ 95% right.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

from planparse.classifier import line_roles, pages
from planparse.classifier.annotations import load_corpus
from planparse.classifier.page_eval import PageScore, score_page, total
from planparse.model import Source
from planparse.pipeline import parse_file, parse_source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "union-plans-compilation.txt"
HEADER = f"{'group':<30} {'files':>5} {'plans+titles':>12} {'chrome left':>11} {'lines kept':>10} {'kinds':>6}"


def row(name: str, s: PageScore) -> str:
    r = s.rates()
    return (f"{name:<30} {s.files:>5} {r['plans_and_titles_right']:>12.1%} {r['chrome_left_in_plans']:>11.1%} "
            f"{r['plan_lines_kept']:>10.2%} {r['section_kinds_right']:>6.1%}")


def real_pages(show_misses: bool) -> PageScore:
    docs = [d for d in load_corpus(split="test") if d.annotation.get("modelled_on")]
    by_shape: dict[str, list[PageScore]] = defaultdict(list)
    for d in docs:
        by_shape[d.annotation.get("shape", "?")].append(score_page(parse_file(d.path), d.annotation, d.id))
    print("Held-out documents modelled on real pages (test split), shipped models")
    print(HEADER)
    for shape, scores in sorted(by_shape.items()):
        print(row(f"shape={shape}", total(scores)))
    overall = total(s for scores in by_shape.values() for s in scores)
    print(row("all real-modelled test pages", overall))
    if show_misses:
        print("\n".join("  " + m for m in overall.misses))
    return overall


def other_formats(show_misses: bool) -> None:
    import random

    from planparse.readers import read_bytes

    docs = [d for d in load_corpus(split="test") if d.annotation.get("modelled_on") and d.path.suffix in (".txt", ".md")]
    print("\nThe same pages as HTML and as PDF, read by planparse's readers")
    print(HEADER)
    for fmt in ("html", "pdf"):
        if fmt == "pdf" and importlib.util.find_spec("reportlab") is None:
            print("pdf: skipped, writing the PDFs needs reportlab (pip install -e '.[bench]')")
            continue
        rng = random.Random(7)
        scores = []
        for d in docs:
            src, labels, _ = line_roles.document_labels(d)
            lines = src.text.split("\n")
            roles = [labels.get(k) for k in range(1, len(lines) + 1)]
            data = pages.to_html(lines, roles, rng).encode() if fmt == "html" else pages.to_pdf(lines)
            got = read_bytes(data, f"{d.id}.{fmt}")
            ann = pages.remap(d.annotation, pages.align(lines, got.text.split("\n")))
            scores.append(score_page(parse_source(got), ann, f"{d.id}.{fmt}"))
        overall = total(scores)
        print(row(f"all real-modelled test pages, {fmt}", overall))
        if show_misses:
            print("\n".join("  " + m for m in overall.misses[:40]))


def held_out_families(per_family: int, show_misses: bool) -> PageScore:
    train_docs, test_docs = load_corpus(split="train"), load_corpus(split="test")
    corpus = line_roles.corpus_examples(train_docs)
    train_pages = line_roles.page_examples(line_roles.generated_pages(train_docs, per_family))
    test_sources = pages.plan_sources(test_docs)
    print(f"\nEach site family held out in turn ({per_family} generated pages of it, plans of the test split)")
    print(HEADER)
    scores = []
    for i, family in enumerate(pages.families()):
        sites = line_roles.family_sites(family)
        models = line_roles.fit_both(line_roles.join(corpus.subset(lambda g: not line_roles.from_sites(g, sites)),
                                                     train_pages.subset(lambda g, f=family["name"]: g != f)))
        got = []
        with line_roles.using(models):
            for page in pages.pages(test_sources, [family], per_family, seed=1000 + i, negatives=pages.hard_negatives()):
                doc = parse_source(Source(page.text, f"{page.family}.txt", "txt", "utf-8", hints=page.hints))
                got.append(score_page(doc, page.annotation(), page.family))
        s = total(got)
        scores.append(s)
        print(row(f"{family['name']} ({family.get('script', '')[:4]})", s), flush=True)
    overall = total(scores)
    print(row("all families, each held out", overall))
    if show_misses:
        print("\n".join("  " + m for m in overall.misses[:80]))
    return overall


def read_pages_by_site(folds: int, show_misses: bool) -> PageScore:
    import random

    docs = load_corpus(split="train")
    read = [d for d in docs if d.annotation.get("modelled_on")]
    corpus = line_roles.corpus_examples(docs)
    generated = line_roles.page_examples(line_roles.generated_pages(docs))
    sites = sorted({d.annotation.get("family") or d.id for d in read})
    random.Random(0).shuffle(sites)
    print(f"\nThe {len(read)} real-modelled pages that were read (train split), {folds} folds by site: "
          "each scored with the line-role model and its second pass trained without its fold's sites")
    print(HEADER)
    scores = []
    for k in range(folds):
        held = set(sites[k::folds])
        models = line_roles.fit_both(line_roles.join(corpus.subset(lambda g: g.removeprefix("corpus:") not in held),
                                                     generated))
        with line_roles.using(models):
            got = [score_page(parse_file(d.path), d.annotation, d.id) for d in read
                   if (d.annotation.get("family") or d.id) in held]
        scores += got
        print(row(f"fold {k + 1}", total(got)), flush=True)
    overall = total(scores)
    print(row("all read pages, sites held out", overall))
    if show_misses:
        print("\n".join("  " + m for m in overall.misses))
    return overall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--families", action="store_true", help="also hold each site family out in turn (minutes)")
    ap.add_argument("--folds", action="store_true", help="also score the read pages with their sites held out (minutes)")
    ap.add_argument("--pages", type=int, default=6, help="generated pages per family (default 6)")
    ap.add_argument("--misses", action="store_true", help="list what went wrong")
    args = ap.parse_args()
    real_pages(args.misses)
    other_formats(args.misses)
    if args.folds:
        read_pages_by_site(5, args.misses)
    if args.families:
        held_out_families(args.pages, args.misses)
    if SEED.exists():
        import yaml

        golden = yaml.safe_load((ROOT / "tests" / "golden" / "seed.yaml").read_text("utf-8"))
        print(row("\nseed compilation", score_page(parse_file(SEED, year=2024), golden, "seed")))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
