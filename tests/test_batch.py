"""`planparse batch`: archives in, one output per input, an index, resumable, on processes or Dask."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from planparse.batch.archive import open_archive
from planparse.cli import main
from planparse.batch.index import table_contents

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "docs"
DOCS = sorted(CORPUS.iterdir())
TXT = [p for p in DOCS if p.suffix == ".txt"]
DOCX = [p for p in DOCS if p.suffix == ".docx"]


def run(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def counts(stderr: str) -> tuple[int, int, int]:
    """(ok, skipped, failed) from the summary line."""
    tail = stderr.strip().splitlines()[-1].split(": ", 1)[1]
    ok, skipped, failed = (int(part.split()[0]) for part in tail.split(";")[0].split(", ")[:3])
    return ok, skipped, failed


def tables(outdir: Path) -> dict:
    conn = sqlite3.connect(outdir / "index.sqlite")
    try:
        return table_contents(conn)
    finally:
        conn.close()


def outputs(outdir: Path) -> dict[str, bytes]:
    docs = outdir / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def copy_docs(dest: Path, docs: list[Path]) -> Path:
    for i, p in enumerate(docs):
        sub = dest / f"{2010 + i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, sub / p.name)
    return dest


class RawName(zipfile.ZipInfo):
    """A zip member whose name is stored as given bytes, without the UTF-8 flag (as Windows tools do)."""

    def __init__(self, raw: bytes) -> None:
        super().__init__(raw.decode("cp437"))

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's name
        return self.filename.encode("cp437"), self.flag_bits


GBK_NAME = "2013/工会工作计划.txt"


@pytest.fixture
def messy_zip(tmp_path) -> Path:
    path = tmp_path / "archive.zip"
    gbk_text = _text(TXT[0])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"2012/{TXT[1].name}", TXT[1].read_bytes())
        zf.writestr(f"2012/{TXT[2].name}", TXT[2].read_bytes())
        zf.writestr(f"2012/{DOCX[0].name}", DOCX[0].read_bytes())
        zf.writestr("2012/损坏.docx", DOCX[1].read_bytes()[:3000])
        zf.writestr("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        zf.writestr(RawName(GBK_NAME.encode("gb18030")), gbk_text.encode("gb18030"))
        zf.writestr(".DS_Store", b"\x00\x00\x00\x01Bud1")
        zf.writestr("__MACOSX/2012/._损坏.docx", b"\x00\x05\x16\x07")
    return path


def _text(p: Path) -> str:
    from planparse.readers.text import decode_text

    return decode_text(p.read_bytes())[0]


def test_messy_zip_completes_with_failures_recorded(messy_zip, tmp_path):
    out = tmp_path / "out"
    r = run(messy_zip, "-o", out)
    assert r.exit_code == 1, r.output
    assert counts(r.stderr) == (4, 0, 2)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [(e["path"], e["error"]) for e in errors] == [("2012/损坏.docx", "FormatError"),
                                                          ("scan.png", "EncodingError")]
    assert all(e["message"] for e in errors)
    conn = sqlite3.connect(out / "index.sqlite")
    docs = dict(conn.execute("SELECT path, status FROM documents"))
    assert docs == {f"2012/{TXT[1].name}": "ok", f"2012/{TXT[2].name}": "ok", f"2012/{DOCX[0].name}": "ok",
                    GBK_NAME: "ok", "2012/损坏.docx": "failed", "scan.png": "failed"}
    assert conn.execute("SELECT encoding, plans > 0 FROM documents WHERE path = ?", (GBK_NAME,)).fetchone() == (
        "gb18030", 1)
    gbk_out = yaml.safe_load((out / "docs" / f"{GBK_NAME}.yaml").read_text("utf-8"))
    assert gbk_out["source"] == GBK_NAME and gbk_out["encoding"] == "gb18030" and gbk_out["plans"]
    assert sorted(outputs(out)) == sorted(f"{p}.yaml" for p, s in docs.items() if s == "ok")


def test_rerun_skips_everything(messy_zip, tmp_path):
    out = tmp_path / "out"
    run(messy_zip, "-o", out)
    before = {p: (out / "docs" / p).stat().st_mtime_ns for p in outputs(out)}
    index_before = tables(out)
    r = run(messy_zip, "-o", out)
    assert counts(r.stderr) == (0, 6, 0)
    assert r.exit_code == 1 and "2 of the skipped failed before" in r.stderr
    assert {p: (out / "docs" / p).stat().st_mtime_ns for p in outputs(out)} == before
    assert tables(out) == index_before
    assert len((out / "errors.jsonl").read_text("utf-8").splitlines()) == 2


def test_outputs_are_redone_once_the_models_are_retrained(tmp_path, monkeypatch):
    """`planparse train` rewrites the models: a batch run after it parses every input again instead of
    keeping outputs the old models made (the key an output is kept by names the models)."""
    import planparse.classifier
    from planparse.batch.run import options_key
    from planparse.model import ParseOptions

    model = tmp_path / "line_roles.npz"
    model.write_bytes(b"weights")
    monkeypatch.setattr(planparse.classifier, "models_dir", lambda: tmp_path)
    before = options_key(ParseOptions())
    assert options_key(ParseOptions()) == before
    os.utime(model, ns=(1, 1))
    assert options_key(ParseOptions()) != before


def test_changed_file_is_redone_and_removed_file_dropped(tmp_path):
    src = copy_docs(tmp_path / "src", TXT[:5])
    out = tmp_path / "out"
    assert run(src, "-o", out).exit_code == 0
    changed = next(src.rglob(TXT[0].name))
    changed.write_text("2030年团委工作计划\n一、指导思想\n以服务青年为宗旨。\n"
                       "二、活动安排\n4月中旬举办青年歌手大赛。\n", encoding="utf-8")
    gone = next(src.rglob(TXT[1].name))
    gone.unlink()
    r = run(src, "-o", out)
    assert r.exit_code == 0, r.output
    assert counts(r.stderr) == (1, 3, 0) and "1 no longer in the input dropped" in r.stderr
    rel = changed.relative_to(src).as_posix()
    conn = sqlite3.connect(out / "index.sqlite")
    assert conn.execute("SELECT start, what FROM activities WHERE doc = ?", (rel,)).fetchall() == [
        ("2030-04-11", "举办青年歌手大赛")]
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone() == (4,)
    assert not (out / "docs" / f"{gone.relative_to(src).as_posix()}.yaml").exists()


def test_fixed_input_clears_its_failure(tmp_path):
    src = copy_docs(tmp_path / "src", TXT[:2])
    (src / "bad.docx").write_bytes(DOCX[0].read_bytes()[:2000])
    out = tmp_path / "out"
    assert run(src, "-o", out).exit_code == 1
    shutil.copy(DOCX[0], src / "bad.docx")
    r = run(src, "-o", out)
    assert r.exit_code == 0 and counts(r.stderr) == (1, 2, 0)
    assert (out / "errors.jsonl").read_text("utf-8") == ""


def session_processes(sid: int) -> list[int]:
    """Live processes of a session (Linux /proc), zombies left out."""
    found = []
    for d in Path("/proc").iterdir():
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split() if d.name.isdigit() else None
        except OSError:
            continue
        if fields and int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(d.name))
    return found


def indexed(outdir: Path) -> int:
    """Documents committed to a run's index so far (read while the run writes)."""
    if not (outdir / "index.sqlite").exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{outdir / 'index.sqlite'}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def paused_run(src: Path, out: Path, phase: str, *extra: str) -> subprocess.Popen:
    """A batch run in its own session that stops at ``phase`` (PLANPARSE_BATCH_PAUSE) and
    waits there; returns once it says so, whatever the load on the machine."""
    env = dict(os.environ, PLANPARSE_BATCH_PAUSE=phase)
    # as a terminal starts it: Ctrl-C on, even where this suite runs with SIGINT ignored (a job
    # started with & from a script, nohup), which its children would otherwise inherit
    code = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); from planparse.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, "batch", str(src),
                             "-o", str(out), "--jobs", "1", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    assert proc.stderr is not None
    said = []
    for line in proc.stderr:  # blocks until the run reaches the phase (or ends)
        said.append(line.decode())
        if said[-1] == f"planparse: paused at {phase}\n":
            return proc
    proc.wait()
    raise AssertionError(f"the run ended (exit {proc.returncode}) before pausing at {phase}: {''.join(said)}")


@pytest.mark.parametrize("how,phase", [
    ("kill -9", "documents:5"),
    ("Ctrl-C", "listed"),
    ("Ctrl-C", "documents:5"),
    ("Ctrl-C", "pruning"),
    ("Ctrl-C", "exporting"),
])
def test_interrupted_run_resumes_to_the_uninterrupted_index(tmp_path, how, phase):
    src = copy_docs(tmp_path / "src", DOCS[:60])
    ref, out = tmp_path / "ref", tmp_path / "out"
    assert run(src, "-o", ref).exit_code == 0
    proc = paused_run(src, out, phase, "--jsonl", str(tmp_path / "docs.jsonl"))
    try:
        if how == "kill -9":
            os.kill(proc.pid, signal.SIGKILL)  # the main process only: its workers must notice and quit
        else:
            os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole job
        stderr = proc.communicate(timeout=60)[1].decode()
        assert proc.returncode == (-signal.SIGKILL if how == "kill -9" else 130), stderr
        if how == "Ctrl-C":  # (the last of planparse's lines: Python's multiprocessing resource tracker, a
            # process of its own, may still warn of a pool's semaphore that the interrupt left behind)
            own = [ln for ln in stderr.strip().splitlines()
                   if "resource_tracker" not in ln and not ln.lstrip().startswith("warnings.warn(")]
            assert own[-1] == "interrupted; what is done is kept: run the same command again to continue", stderr
        if Path("/proc/self/stat").exists():
            deadline = time.monotonic() + 10
            while session_processes(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert session_processes(proc.pid) == [], "worker processes outlived the run"
    finally:
        with contextlib.suppress(ProcessLookupError):  # leave nothing behind if an assertion failed
            os.killpg(proc.pid, signal.SIGKILL)
    done = indexed(out)
    expected = {"listed": (0, 0), "documents:5": (5, 59), "pruning": (60, 60), "exporting": (60, 60)}[phase]
    if how == "kill -9":  # the documents of the open transaction are lost with the process
        expected = (0, expected[1])
    assert expected[0] <= done <= expected[1]
    if (out / "docs").exists():
        assert sum(1 for _ in (out / "docs").rglob("*.yaml")) >= done
    r = run(src, "-o", out)
    assert r.exit_code == 0, r.output
    ok, skipped, failed = counts(r.stderr)
    assert skipped >= done and ok + skipped == 60 and failed == 0
    assert tables(out) == tables(ref)
    assert outputs(out) == outputs(ref)


def test_dask_cluster_gives_the_local_index(tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask

    src = copy_docs(tmp_path / "src", DOCS[::8])
    (src / "broken.docx").write_bytes(DOCX[0].read_bytes()[:2000])
    assert run(src, "-o", tmp_path / "local").exit_code == 1
    with dask.config.set({"temporary-directory": str(tmp_path / "scratch")}), distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None) as lc:
        r = run(src, "-o", tmp_path / "dask", "--engine", "dask", "--scheduler", lc.scheduler_address)
    assert r.exit_code == 1, r.output
    assert counts(r.stderr) == (len(DOCS[::8]), 0, 1)
    assert tables(tmp_path / "dask") == tables(tmp_path / "local")
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")


def test_index_answers_activities_by_month(tmp_path):
    src = copy_docs(tmp_path / "src", DOCS[:40])
    out = tmp_path / "out"
    run(src, "-o", out, "--format", "json", "--year", "2024")
    april = {(doc, what) for doc, what in sqlite3.connect(out / "index.sqlite").execute(
        "SELECT doc, what FROM activities WHERE strftime('%m', start) = '04'")}
    expected = set()
    for p in (out / "docs").rglob("*.json"):
        data = json.loads(p.read_text("utf-8"))
        expected |= {(data["source"], a["what"]) for plan in data["plans"] for a in plan["activities"]
                     if (a["when"]["start"] or "")[5:7] == "04"}
    assert april == expected and april


def test_jsonl_and_parquet_exports(tmp_path):
    src = copy_docs(tmp_path / "src", DOCS[:10])
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    r = run(src, "-o", out, "--format", "json", "--jsonl", tmp_path / "docs.jsonl")
    assert r.exit_code == 1
    lines = [json.loads(line) for line in (tmp_path / "docs.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == 10 and list(lines[0])[:2] == ["path", "schema"]
    for line in lines:
        path = line.pop("path")
        assert line == json.loads((out / "docs" / f"{path}.json").read_text("utf-8"))
    pq = pytest.importorskip("pyarrow.parquet")
    run(src, "-o", out, "--format", "json", "--parquet", tmp_path / "acts.parquet")
    table = pq.read_table(tmp_path / "acts.parquet")
    n = sqlite3.connect(out / "index.sqlite").execute("SELECT COUNT(*) FROM activities").fetchone()[0]
    assert table.num_rows == n > 0
    assert str(table.schema.field("start").type) == "date32[day]"


def test_parquet_without_pyarrow_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    r = run(CORPUS, "-o", tmp_path / "out", "--parquet", tmp_path / "a.parquet")
    assert r.exit_code == 2 and "pip install pyarrow" in r.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2(tmp_path):
    text = tmp_path / "plan.txt"
    text.write_text("一、指导思想\n", encoding="utf-8")
    cases = [
        ((CORPUS,), "Missing option '-o'"),
        ((tmp_path / "nope", "-o", tmp_path / "o"), "does not exist"),
        ((text, "-o", tmp_path / "o"), "not a folder, .zip or .tar.gz archive"),
        ((DOCX[0], "-o", tmp_path / "o"), "a Word document, not an archive"),
        ((CORPUS, "-o", tmp_path / "o", "--engine", "dask"), "--engine dask needs --scheduler"),
        ((CORPUS, "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:8786"), "--scheduler goes with --engine dask"),
        ((CORPUS, "-o", tmp_path / "o", "--jobs", "0"), "--jobs"),
        ((CORPUS, "-o", tmp_path / "o", "--format", "xml"), "--format"),
    ]
    for args, message in cases:
        r = run(*args)
        assert r.exit_code == 2, (args, r.output)
        assert message in r.stderr and "Traceback" not in r.output


def test_help_documents_exit_status_and_example():
    r = run("-h")
    assert r.exit_code == 0
    assert "Exit status: 0 every input parsed; 1 some inputs failed" in " ".join(r.stdout.split())
    assert "Example:" in r.stdout and "--engine dask --scheduler" in r.stdout


def test_clean_run_exits_0_and_quiet_prints_nothing(tmp_path):
    src = copy_docs(tmp_path / "src", TXT[:3])
    r = run(src, "-o", tmp_path / "out", "--quiet", "--jobs", "1")
    assert r.exit_code == 0 and r.stderr == "" and r.stdout == ""
    assert len(outputs(tmp_path / "out")) == 3


def test_huge_file_is_recorded_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr("planparse.readers.MAX_BYTES", 3000)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(min(TXT, key=lambda p: p.stat().st_size), src / "small.txt")
    (src / "huge.txt").write_text("一、指导思想\n" * 1000, encoding="utf-8")
    r = run(src, "-o", tmp_path / "out")
    assert r.exit_code == 1 and counts(r.stderr) == (1, 0, 1)
    [error] = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["path"] == "huge.txt" and "file too large" in error["message"]


def test_output_folder_inside_the_input_is_not_read(tmp_path):
    src = copy_docs(tmp_path / "src", TXT[:3])
    assert run(src, "-o", src / "parsed").exit_code == 0
    r = run(src, "-o", src / "parsed")
    assert counts(r.stderr) == (0, 3, 0)


def test_format_change_replaces_outputs(tmp_path):
    src = copy_docs(tmp_path / "src", TXT[:2])
    out = tmp_path / "out"
    run(src, "-o", out)
    r = run(src, "-o", out, "--format", "json")
    assert counts(r.stderr) == (2, 0, 0)
    assert all(name.endswith(".txt.json") for name in outputs(out))


def test_tar_gz_with_gbk_names(tmp_path):
    path = tmp_path / "a.tar.gz"
    with tarfile.open(path, "w:gz", format=tarfile.GNU_FORMAT, encoding="gb18030") as tf:
        for name, data in ((GBK_NAME, TXT[0].read_bytes()), ("../escape/x.txt", TXT[1].read_bytes())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    archive = open_archive(path)
    assert [m.path for m in archive.members()] == [GBK_NAME, "escape/x.txt"]
    archive.close()
    r = run(path, "-o", tmp_path / "out")
    assert r.exit_code == 0
    assert sorted(outputs(tmp_path / "out")) == ["2013/工会工作计划.txt.yaml", "escape/x.txt.yaml"]


def test_a_worker_that_dies_fails_only_its_own_task():
    from batch_helpers import upper_or_die

    from planparse.batch.engines import LocalEngine

    tasks = ["a", "b", "poison", "c", "d", "e"]
    results = list(LocalEngine(2).map(upper_or_die, tasks, lambda task, message: f"crashed {task}"))
    assert sorted(results) == ["A", "B", "C", "D", "E", "crashed poison"]


def test_links_leading_outside_the_folder_are_not_read(tmp_path):
    src, outside = tmp_path / "src", tmp_path / "outside"
    copy_docs(src, TXT[:2])
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-LINE\n一、指导思想\n以……为指导。\n", "utf-8")
    (src / "link.txt").symlink_to(outside / "secret.txt")
    (src / "etc").symlink_to("/etc", target_is_directory=True)
    inner = next(src.rglob(TXT[0].name))
    (src / "inner.txt").symlink_to(inner)
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "out"
    r = run(src, "-o", out)
    assert r.exit_code == 0, r.output
    assert counts(r.stderr) == (3, 0, 0)
    assert "1 not read (links leading outside the source folder" in r.stderr
    conn = sqlite3.connect(out / "index.sqlite")
    assert conn.execute("SELECT * FROM skipped").fetchall() == [("link.txt", "a symbolic link to outside the source folder")]
    assert sorted(p for (p,) in conn.execute("SELECT path FROM documents")) == sorted(
        ["inner.txt", *(p.relative_to(src).as_posix() for p in src.rglob("*.txt") if not p.is_symlink()
                        and p.name != "pipe.txt")])
    everything = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert b"SECRET-LINE" not in everything


def test_zip_members_are_read_with_a_bound(tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * 5_000_000 + b"</w:document>")
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a/bomb.docx", bomb.getvalue())
        zf.writestr("a/spaces.txt", "一、指导思想\n" + " " * 5_000_000)
        zf.writestr(f"a/{TXT[0].name}", TXT[0].read_bytes())
    out = tmp_path / "out"
    r = run(archive, "-o", out)
    assert r.exit_code == 1 and counts(r.stderr) == (1, 0, 2)
    errors = {e["path"]: e["message"] for e in map(json.loads, (out / "errors.jsonl").read_text("utf-8").splitlines())}
    assert errors == {
        "a/bomb.docx": "word/document.xml inflates to more than 1.0 MB, over 200 times its packed size: "
                       "refused as a zip bomb",
        "a/spaces.txt": "inflates to more than 1.0 MB, over 200 times its packed size: refused as a zip bomb"}
