"""Batch parsing of a document archive into an output folder with an index.

``run_batch("archive.zip", "out")`` writes one output per input under ``out/docs/``
(mirroring the archive's tree: ``out/docs/2012/union.txt.yaml``), the index
``out/index.sqlite`` (:mod:`planparse.batch.index`) and ``out/errors.jsonl``. Inputs whose bytes
are unchanged since the last run (same SHA-256, same options, output present) are skipped,
so a re-run is incremental and an interrupted run continues where it stopped: outputs
are written atomically and documents are committed to the index in small batches.
Workers (:mod:`planparse.batch.engines`) receive the bytes and return the index rows; local
workers write their output file themselves, Dask workers send its text back. Only this
process writes the index.

A run can be interrupted (Ctrl-C) in any phase: listing, reading, parsing, pruning. So that
tests can interrupt it at a known point however loaded the machine is, the environment
variable ``PLANPARSE_BATCH_PAUSE`` names a phase where the run stops and waits for a signal
after saying ``planparse: paused at PHASE`` on standard error (see :func:`checkpoint`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from planparse.batch.archive import Archive, Member, open_archive
from planparse.outputs import write_atomic
from planparse.errors import OutputError, InputError, PlanparseError
from planparse.batch.index import (Entry, Rows, Writer, document_rows, error_record, failures, known, open_index,
                                   prune, record_skipped)
from planparse.model import ParseOptions

log = logging.getLogger(__name__)

OutputFormat = Literal["yaml", "json"]


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch.

    fmt: output format of each document. parse: options for every document.
    engine: "local" (``jobs`` worker processes, default all cores) or "dask" (``scheduler`` address).
    force: redo every input even when it is unchanged.
    """

    fmt: OutputFormat = "yaml"
    parse: ParseOptions = ParseOptions()
    engine: Literal["local", "dask"] = "local"
    jobs: int | None = None
    scheduler: str | None = None
    force: bool = False


@dataclass(frozen=True, slots=True)
class Task:
    """What a worker gets: the input's path and bytes, and how to parse and print it."""

    path: str
    data: bytes = field(repr=False)
    options: ParseOptions
    fmt: OutputFormat
    dest: str | None = None  # where to write the output (local workers); None: send the text back


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker returns: the output text and index rows, or the error."""

    path: str
    text: str = ""
    mapping: str | None = None
    format: str | None = None
    encoding: str | None = None
    plans: int | None = None
    rows: Rows = Rows()
    error_class: str | None = None
    error: str | None = None
    transient: bool = False  # the worker died or the cluster failed: try again on the next run
    written: bool = False  # the worker wrote the output file itself


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts so far, passed to the progress callback after every input."""

    total: int
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    bytes: int = 0

    @property
    def done(self) -> int:
        return self.ok + self.skipped + self.failed


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a run: this run's counts, failures standing from earlier runs, inputs gone."""

    total: int
    ok: int
    skipped: int
    failed: int
    failed_before: int  # unchanged inputs skipped because they failed in an earlier run
    removed: int        # documents no longer in the archive, dropped from the index
    bytes: int
    seconds: float
    unread: int = 0     # inputs listed but never read (links to outside the source folder)

    @property
    def exit_code(self) -> int:
        """0 when every input is parsed, 1 when some failed (now or, unchanged, before)."""
        return 1 if self.failed or self.failed_before else 0


def parse_document(task: Task) -> Outcome:
    """Read, parse and print one document; any failure becomes an :class:`Outcome` with the error.

    Runs in a worker process; it builds its parser state on first use.
    """
    from planparse.pipeline import parse_source
    from planparse.readers import read_bytes

    try:
        doc = parse_source(read_bytes(task.data, task.path), task.options)
        mapping = doc.to_dict()
        rows, compact = document_rows(doc), json.dumps(mapping, ensure_ascii=False)
        if task.fmt == "json":
            text = json.dumps(mapping, ensure_ascii=False, indent=2) + "\n"
        else:
            from planparse.serialize import dump_yaml

            text = dump_yaml(mapping)
        if task.dest:
            write_atomic(Path(task.dest), text, parents=True)
        return Outcome(task.path, "" if task.dest else text, compact, mapping["format"], mapping["encoding"],
                       len(mapping["plans"]), rows, written=bool(task.dest))
    except Exception as exc:  # one bad document must not stop the archive
        message = exc.message if isinstance(exc, PlanparseError) else str(exc)
        return Outcome(task.path, error_class=type(exc).__name__, error=message or repr(exc),
                       transient=isinstance(exc, OSError))  # the output could not be written


def crashed(task: Task, message: str) -> Outcome:
    """The outcome of a task whose worker died: failed, and tried again on the next run."""
    return Outcome(task.path, error_class="WorkerCrash", error=message, transient=True)


def options_key(options: ParseOptions) -> str:
    """What an output depends on besides the input's bytes: the parser version, its models (as
    ``planparse train`` last wrote them) and the options."""
    from planparse import __version__
    from planparse.classifier import models_dir

    stamps = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(models_dir().iterdir())
                      if p.suffix in (".npz", ".json", ".txt"))
    return (f"planparse {__version__}; models={hashlib.sha1(stamps.encode()).hexdigest()[:12]}; year={options.year}; "
            f"term_start={options.term_start}; classifier={options.classifier}")


def run_batch(src: str | Path, outdir: str | Path, options: BatchOptions = BatchOptions(),
              progress: Callable[[Progress], None] | None = None) -> Summary:
    """Parse every document of a folder, .zip or .tar.gz into ``outdir``; see the module doc.

    ``progress`` is called after every input with the counts so far. Raises
    :class:`InputError` when ``src`` is not a folder or archive, :class:`ConfigError` when
    the Dask scheduler cannot be reached or another run holds ``outdir``.
    """
    started = time.perf_counter()
    out = Path(outdir)
    with ExitStack() as stack:
        archive: Archive = open_archive(src, exclude=out)
        stack.callback(archive.close)
        listed = archive.members()
        unread = [m for m in listed if m.skip]
        members = [m for m in listed if not m.skip]
        for m in unread:
            log.warning("%s: %s; not read", m.path, m.skip)
        checkpoint("listed")
        engine = _engine(options, len(members))
        stack.callback(engine.close)
        out.mkdir(parents=True, exist_ok=True)
        _lock(stack, out)
        conn = open_index(out / "index.sqlite")
        stack.callback(conn.close)
        record_skipped(conn, ((m.path, m.skip) for m in unread))
        run = _Run(out, conn, options, progress, len(members))
        stack.callback(run.errors.close)
        stack.callback(run.index.commit)  # on Ctrl-C too: what is written is kept
        # closed on the way out, so that an interrupt in this loop's body stops the workers too
        results = stack.enter_context(closing(engine.map(parse_document, run.tasks(archive, members), crashed)))
        for outcome in results:
            run.finish(outcome)
        checkpoint("pruning")
        removed = run.prune(m.path for m in members)
    c = run.counts
    return Summary(len(members), c["ok"], c["skipped"], c["failed"], c["failed_before"], removed, c["bytes"],
                   time.perf_counter() - started, len(unread))


PAUSE = "PLANPARSE_BATCH_PAUSE"


def checkpoint(phase: str, done: int | None = None) -> None:
    """A point where a run may be told to wait, for tests of interruption: when the
    environment variable ``PLANPARSE_BATCH_PAUSE`` is ``phase`` ("listed", "pruning",
    "exporting"), or "documents:N" and ``done`` is N (documents recorded so far), say
    "planparse: paused at …" on standard error and wait until a signal ends the wait.
    Without the variable this does nothing.
    """
    want = os.environ.get(PAUSE)
    if not want:
        return
    name, _, count = want.partition(":")
    if name != phase or (done is not None and count != str(done)) or (done is None and count):
        return
    sys.stderr.write(f"planparse: paused at {want}\n")
    sys.stderr.flush()
    while True:
        time.sleep(3600)


class _Run:
    """One run's state: what the index knew, the counts, the inputs in flight."""

    def __init__(self, out: Path, conn: sqlite3.Connection, options: BatchOptions,
                 progress: Callable[[Progress], None] | None, total: int) -> None:
        self.out, self.conn, self.options, self.progress, self.total = out, conn, options, progress, total
        self.key = options_key(options.parse)
        self.before = known(conn)
        self.index = Writer(conn)
        self.errors = open(out / "errors.jsonl", "a", encoding="utf-8")  # kept whole by a killed run
        self.counts = {"ok": 0, "skipped": 0, "failed": 0, "failed_before": 0, "bytes": 0}
        self.in_flight: dict[str, tuple[str, int]] = {}  # path → (sha256, size)

    def tasks(self, archive: Archive, members: list[Member]) -> Iterator[Task]:
        """Read and hash each input; record the unreadable, skip the unchanged, yield the rest."""
        from planparse.readers import MAX_BYTES

        for m in members:
            if m.size > MAX_BYTES:
                self.record(_failed(m, self.key, InputError(
                    f"file too large ({m.size / 1e6:.1f} MB; limit {MAX_BYTES // 2**20} MB)")))
                continue
            try:
                data = archive.read(m)
            except Exception as exc:  # a corrupt or encrypted member, a permission: this input only
                self.record(_failed(m, self.key, exc))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if self.unchanged(m.path, sha):
                self.counts["skipped"] += 1
                self.counts["failed_before"] += self.before[m.path].status == "failed"
                self.counts["bytes"] += len(data)
                self.report()
                continue
            self.in_flight[m.path] = (sha, len(data))
            local = self.options.engine == "local"
            dest = str((self.out / _output(m.path, self.options.fmt)).absolute()) if local else None
            yield Task(m.path, data, self.options.parse, self.options.fmt, dest)

    def unchanged(self, path: str, sha: str) -> bool:
        old = self.before.get(path)
        if self.options.force or old is None or old.sha256 != sha or old.options != self.key:
            return False
        if old.status == "failed":
            return True
        return old.output == _output(path, self.options.fmt) and (self.out / old.output).exists()

    def finish(self, outcome: Outcome) -> None:
        """Write a worker's output atomically (unless it did), then record the document."""
        sha, size = self.in_flight.pop(outcome.path)
        target = _output(outcome.path, self.options.fmt)
        if outcome.error_class is None and not outcome.written:
            try:
                write_atomic(self.out / target, outcome.text, parents=True)
            except (OSError, OutputError) as exc:
                outcome = Outcome(outcome.path, error_class=type(exc).__name__, error=str(exc), transient=True)
        if outcome.error_class is None:
            self.record(Entry(outcome.path, sha, size, "ok", outcome.format, outcome.encoding, outcome.plans,
                              output=target, options=self.key, rows=outcome.rows, mapping=outcome.mapping))
        else:
            self.record(Entry(outcome.path, None if outcome.transient else sha, size, "failed",
                              error_class=outcome.error_class, error=outcome.error, options=self.key))

    def record(self, entry: Entry) -> None:
        old = self.before.get(entry.path)
        if old and old.output and old.output != entry.output:
            (self.out / old.output).unlink(missing_ok=True)
        if entry.status == "failed":
            self.errors.write(error_record(entry.path, entry.error_class or "", entry.error or "") + "\n")
            self.errors.flush()
        self.index.write(entry, replace=old is not None)
        self.counts[entry.status] += 1
        self.counts["bytes"] += entry.size
        self.report()
        checkpoint("documents", self.counts["ok"] + self.counts["failed"])

    def report(self) -> None:
        self.index.tick()
        if self.progress:
            c = self.counts
            self.progress(Progress(self.total, c["ok"], c["skipped"], c["failed"], c["bytes"]))

    def prune(self, paths: Iterable[str]) -> int:
        """After a complete run: drop inputs that are gone, rewrite errors.jsonl from the index."""
        self.index.commit()
        gone = prune(self.conn, paths)
        for output in gone:
            if output:
                (self.out / output).unlink(missing_ok=True)
        self.errors.close()
        write_atomic(self.out / "errors.jsonl", "".join(json.dumps(f, ensure_ascii=False) + "\n"
                                                         for f in failures(self.conn)), parents=True)
        return len(gone)


def _output(path: str, fmt: str) -> str:
    return f"docs/{path}.{fmt}"


def _failed(m: Member, key: str, exc: Exception) -> Entry:
    """An input that could not be read at all: no hash, so the next run tries it again."""
    message = exc.message if isinstance(exc, PlanparseError) else str(exc)
    return Entry(m.path, None, m.size, "failed", error_class=type(exc).__name__, error=message, options=key)


def _engine(options: BatchOptions, inputs: int):  # -> Engine
    from planparse.batch.engines import DaskEngine, LocalEngine, default_jobs

    if options.engine == "dask":
        if not options.scheduler:
            from planparse.errors import ConfigError

            raise ConfigError("the dask engine needs a scheduler address (tcp://HOST:PORT)")
        return DaskEngine(options.scheduler)
    return LocalEngine(max(1, min(options.jobs or default_jobs(), inputs)))


def _lock(stack: ExitStack, out: Path) -> None:
    """One run at a time per output folder (where the platform has fcntl)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return
    f = stack.enter_context(open(out / ".lock", "w"))
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        from planparse.errors import ConfigError

        raise ConfigError("another planparse batch is writing to this folder", str(out)) from None
