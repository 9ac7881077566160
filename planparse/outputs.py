"""Writing results so that no reader ever sees half a file: through a hidden temporary file
beside the destination, renamed over it only once it is complete.

>>> import tempfile, pathlib
>>> dest = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
>>> write_atomic(dest, "plans: []\\n"); dest.read_text()
'plans: []\\n'
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from planparse.errors import OutputError


@contextmanager
def atomic_path(dest: str | Path, *, parents: bool = False) -> Iterator[Path]:
    """A temporary path to write ``dest``'s contents to; renamed over ``dest`` when the block
    ends, removed if it raises. ``parents`` creates missing folders; otherwise a missing
    folder is an :class:`OutputError`."""
    dest = Path(dest)
    if parents:
        dest.parent.mkdir(parents=True, exist_ok=True)
    elif not dest.parent.is_dir():
        raise OutputError(f"cannot write: folder {dest.parent} does not exist", str(dest))
    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        yield tmp
        os.replace(tmp, dest)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(dest)) from None
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(dest: str | Path, data: str | bytes, *, parents: bool = False) -> None:
    """Write ``data`` (text as UTF-8) to ``dest`` atomically (see :func:`atomic_path`)."""
    with atomic_path(dest, parents=parents) as tmp:
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8")
