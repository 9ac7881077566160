"""Make a synthetic archive of N documents from the corpus, for `planparse batch` benchmarks.

    python benchmarks/make_archive.py 1000 /tmp/archive-1k [--zip /tmp/archive-1k.zip]

Documents cycle through corpus/docs. Text documents are written in turn as UTF-8,
GB18030 and Big5 (converted to traditional characters first, as a Taiwanese or Hong Kong
copy would be), .docx as they are; about one in a hundred is corrupt (a truncated .docx,
random binary bytes named .txt, an empty file). Files go into year/batch folders with
Chinese names, as real archives have them. Prints the file count, bytes and corrupt count.
"""

from __future__ import annotations

import argparse
import random
import zipfile
from functools import cache
from pathlib import Path

from planparse.readers.text import decode_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "docs"
ENCODINGS = ("utf-8", "gb18030", "big5")
CORRUPT_EVERY = 100


@cache
def simplified_to_traditional() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in (ROOT / "planparse" / "data" / "t2s.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table.setdefault(ord(simp), trad)
    return table


def variant(doc: Path, i: int, rng: random.Random) -> tuple[str, bytes]:
    """The i-th document of the archive: (file name, bytes)."""
    data = doc.read_bytes()
    stem = f"{doc.stem}-{i:05d}"
    if i % CORRUPT_EVERY == CORRUPT_EVERY - 1:
        kind = (i // CORRUPT_EVERY) % 3
        if kind == 0:
            docx = sorted(CORPUS.glob("*.docx"))[0].read_bytes()
            return f"损坏-{stem}.docx", docx[: len(docx) // 2]
        if kind == 1:
            return f"图片-{stem}.txt", bytes(rng.randrange(256) for _ in range(4096))
        return f"空白-{stem}.txt", b""
    if doc.suffix == ".docx":
        return f"{stem}.docx", data
    text, _ = decode_text(data, str(doc))
    enc = ENCODINGS[i % len(ENCODINGS)]
    if enc == "big5":
        text = text.translate(simplified_to_traditional())
    return f"{stem}{doc.suffix}", text.encode(enc, errors="replace")


def make_archive(n: int, dest: Path, seed: int = 0) -> tuple[int, int, int]:
    """Write n documents under dest; return (files, bytes, corrupt files)."""
    rng = random.Random(seed)
    docs = sorted(CORPUS.iterdir())
    total = corrupt = 0
    for i in range(n):
        name, data = variant(docs[i % len(docs)], i, rng)
        folder = dest / f"{2008 + i % 8}年" / f"第{i // 500 + 1}批"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        total += len(data)
        corrupt += i % CORRUPT_EVERY == CORRUPT_EVERY - 1
    return n, total, corrupt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("dest", type=Path, help="folder to write them into")
    ap.add_argument("--zip", type=Path, default=None, help="also pack the folder into this .zip")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    files, size, corrupt = make_archive(args.n, args.dest, args.seed)
    if args.zip:
        with zipfile.ZipFile(args.zip, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in sorted(args.dest.rglob("*")):
                if p.is_file():
                    zf.write(p, p.relative_to(args.dest).as_posix())
    print(f"{files} files, {size / 1e6:.1f} MB, {corrupt} corrupt, in {args.dest}")


if __name__ == "__main__":
    main()
