"""`planparse batch`: a folder or archive of documents → one output per input, an index, exports."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from planparse.cli.options import parse_options, year_options

LOG_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("src", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: docs/, index.sqlite, errors.jsonl.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="Format of each document's output.")
@year_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for the local engine [default: all cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask distributed cluster.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT", help="The Dask scheduler (with --engine dask).")
@click.option("--jsonl", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one JSON line per parsed document: its path and the parse mapping.")
@click.option("--parquet", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write every activity as a Parquet row, with its document and plan (needs pyarrow).")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write every activity of the archive to one Excel workbook, with its document and plan.")
@click.option("--force", is_flag=True, help="Redo every input, even unchanged ones.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on standard error.")
def batch(src: Path, outdir: Path, fmt: str, year: int | None, term_start, jobs: int | None, engine: str,
          scheduler: str | None, jsonl: Path | None, parquet: Path | None, xlsx: Path | None, force: bool,
          quiet: bool) -> None:
    """Parse every document of a folder, .zip or .tar.gz archive into OUTDIR.

    Writes OUTDIR/docs/PATH.yaml for every input PATH (the archive's tree mirrored), the
    index OUTDIR/index.sqlite (tables documents, plans, sections, activities) and
    OUTDIR/errors.jsonl (path, error, message of each input that failed). Every file is
    tried (hidden files and __MACOSX excepted); the reader is chosen by content. A re-run
    skips inputs whose content is unchanged and redoes changed ones, so an interrupted run
    continues where it stopped; inputs no longer in SRC are dropped from OUTDIR.

    Exit status: 0 every input parsed; 1 some inputs failed (in this run, or unchanged
    since they failed in an earlier one; see OUTDIR/errors.jsonl); 2 usage error (a bad
    option, SRC not a folder or archive, no Dask scheduler at the address).

    \b
    Example:
      planparse batch archive.zip -o parsed --year 2012
      sqlite3 parsed/index.sqlite \\
        "SELECT doc, start, what FROM activities WHERE strftime('%m', start) = '04'"
      planparse batch plans/ -o parsed --engine dask --scheduler tcp://scheduler-host:8786
      planparse batch archive.zip -o parsed --xlsx activities.xlsx
    """
    from planparse.batch.run import BatchOptions, run_batch
    from planparse.cli import PlanparseException
    from planparse.errors import PlanparseError

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler tcp://HOST:PORT")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    if jobs and engine == "dask":
        raise click.UsageError("--jobs is for the local engine; a Dask cluster runs as many tasks as its workers")
    if parquet:
        _need_pyarrow()
    options = BatchOptions(fmt, parse_options(year, term_start), engine, jobs, scheduler, force)  # type: ignore[arg-type]
    reporter = Reporter(quiet)
    try:
        summary = run_batch(src, outdir, options, reporter)
        if jsonl or parquet:
            from planparse.batch.export import write_jsonl, write_parquet
            from planparse.batch.run import checkpoint

            checkpoint("exporting")
            if jsonl:
                write_jsonl(outdir / "index.sqlite", jsonl)
            if parquet:
                write_parquet(outdir / "index.sqlite", parquet)
        if xlsx:
            from planparse.views.sheets import write_archive_xlsx

            write_archive_xlsx(outdir / "index.sqlite", xlsx)
    except PlanparseError as exc:
        raise PlanparseException(str(exc)) from None
    except KeyboardInterrupt:
        reporter.finish()
        click.echo("interrupted; what is done is kept: run the same command again to continue", err=True)
        _exit_now(130)
    finally:
        reporter.finish()
    if not quiet:
        click.echo(_summary_line(summary, outdir), err=True)
    sys.exit(summary.exit_code)


def _exit_now(code: int) -> None:
    """Leave at once after Ctrl-C. What is done is written (the run has cleaned up as the
    interrupt passed through it); a worker that was starting when the signal came must not
    keep the interpreter waiting for it at exit, as a process pool's exit hook would."""
    import multiprocessing
    import os

    for child in multiprocessing.active_children():
        child.terminate()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise click.UsageError("--parquet needs pyarrow: pip install pyarrow (or use --jsonl)") from None


def _summary_line(s, outdir: Path) -> str:
    rate = s.total / s.seconds if s.seconds else 0.0
    line = (f"{s.total} files in {s.seconds:.1f} s ({rate:.1f} files/s): "
            f"{s.ok} ok, {s.skipped} skipped, {s.failed} failed")
    if s.failed_before:
        line += f" ({s.failed_before} of the skipped failed before)"
    if s.removed:
        line += f"; {s.removed} no longer in the input dropped"
    if s.unread:
        line += f"; {s.unread} not read (links leading outside the source folder; see the index's skipped table)"
    if s.failed or s.failed_before:
        line += f"; see {outdir / 'errors.jsonl'}"
    return line


class Reporter:
    """Progress on stderr: a bar on a terminal, a line every few seconds otherwise, nothing when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.bar = None
        self.start = time.monotonic()
        self.last_log = self.start
        self.shown = 0

    def __call__(self, p) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        rate = p.done / (now - self.start) if now > self.start else 0.0
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=p.total, label="parsing", file=sys.stderr, show_pos=True,
                                             show_eta=True, item_show_func=lambda item: item)
                self.bar.__enter__()
            self.bar.update(p.done - self.shown, f"{rate:.1f} files/s, {p.failed} failed")
            self.shown = p.done
        elif now - self.last_log >= LOG_EVERY:
            self.last_log = now
            eta = (p.total - p.done) / rate if rate else 0.0
            click.echo(f"batch: {p.done}/{p.total} files ({p.ok} ok, {p.skipped} skipped, {p.failed} failed), "
                       f"{rate:.1f} files/s, {p.bytes / 1e6 / (now - self.start):.2f} MB/s, ETA {eta:.0f} s",
                       err=True)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


if __name__ == "__main__":  # `python -m planparse.cli.batch` before the command is registered
    batch()
