"""Archives of documents: a folder (recursive), a .zip or a .tar.gz, listed and read alike.

Member paths are relative POSIX paths ("2012/union.txt"), safe to join under an output
folder: no "..", no leading "/", backslashes read as separators. Zip members stored
without the UTF-8 flag (as Windows tools in China write them) and tar members with
non-UTF-8 names are decoded as UTF-8 if they can be, else as GB18030. Hidden files and
folders (a name starting with ".") and macOS "__MACOSX" folders are left out.

>>> safe_path("../2012\\\\union.txt")
'2012/union.txt'
"""

from __future__ import annotations

import logging
import os
import stat
import tarfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from planparse.errors import InputError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Member:
    """One file of an archive: its safe relative path, size in bytes, and the handle to read it.

    ``skip`` says why the file is listed but not read (a link to outside the folder), or "".
    """

    path: str
    size: int
    key: object = field(compare=False, repr=False)
    skip: str = ""


class Archive(Protocol):
    def members(self) -> list[Member]: ...

    def read(self, member: Member) -> bytes: ...

    def close(self) -> None: ...


def open_archive(src: str | Path, exclude: str | Path | None = None) -> Archive:
    """Open a folder, .zip or .tar(.gz) archive; ``exclude`` is a folder to leave out (the output)."""
    p = Path(src)
    if p.is_dir():
        return FolderArchive(p, Path(exclude) if exclude else None)
    if not p.is_file():
        raise InputError("no such file or folder", str(src))
    if zipfile.is_zipfile(p):
        zf = zipfile.ZipFile(p)
        if "word/document.xml" in zf.namelist():
            zf.close()
            raise InputError("a Word document, not an archive; use `planparse parse` for one file", str(src))
        return ZipArchive(zf)
    if tarfile.is_tarfile(p):
        return TarArchive(tarfile.open(p, "r:*"))
    raise InputError("not a folder, .zip or .tar.gz archive", str(src))


def safe_path(name: str) -> str:
    """A member name as a relative POSIX path that cannot leave the output folder ("" if none)."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    return "/".join(parts)


def is_hidden(path: str) -> bool:
    """Hidden files and folders, and macOS resource forks, are not documents."""
    return any(part.startswith(".") or part == "__MACOSX" for part in path.split("/"))


def decode_name(raw: bytes) -> str:
    """A member name from its stored bytes: UTF-8 when valid, else GB18030 (GBK)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _listing(candidates: list[tuple[str, int, object, str]]) -> list[Member]:
    """Safe, visible, unique members, in the order given (an archive's own order reads fastest)."""
    seen: dict[str, Member] = {}
    for name, size, key, skip in candidates:
        path = safe_path(name)
        if not path or is_hidden(path):
            continue
        if path in seen:
            log.warning("%s: appears twice in the archive; the first copy is used", path)
            continue
        seen[path] = Member(path, size, key, skip)
    return list(seen.values())


class FolderArchive:
    """A folder read recursively: regular files only, never anything outside it.

    A symbolic link is followed only to a regular file inside the folder; a link that
    leads outside it (or to a pipe, a device, nowhere) is listed with ``skip`` set and
    never opened. Linked folders are not entered.
    """

    def __init__(self, root: Path, exclude: Path | None) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.exclude = exclude.resolve() if exclude else None

    def members(self) -> list[Member]:
        found = []
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = [d for d in dirs if not (self.exclude and Path(folder, d).resolve() == self.exclude)]
            for name in names:
                full = Path(folder, name)
                rel = full.relative_to(self.root).as_posix()
                skip = self._skip(full)
                if skip is None:
                    continue
                try:
                    size = full.stat().st_size if not skip else 0
                except OSError:
                    size = 0  # reading it will say why
                found.append((rel, size, full, skip))
        return _listing(sorted(found))

    def _skip(self, full: Path) -> str | None:
        """"" to read the file, a reason to list it unread, None to leave it out (not a file)."""
        try:
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(self.real_root):
                    return "a symbolic link to outside the source folder"
                if not target.is_file():
                    return "a symbolic link to something that is not a regular file"
                return ""
            mode = full.lstat().st_mode
        except (OSError, RuntimeError):  # a link loop, a vanished file
            return "a symbolic link that cannot be followed"
        return "" if stat.S_ISREG(mode) else None

    def read(self, member: Member) -> bytes:
        from planparse.readers import file_bytes

        if member.skip:
            raise InputError(member.skip, member.path)
        return file_bytes(member.key)  # type: ignore[arg-type]

    def close(self) -> None:
        pass


class ZipArchive:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf

    def members(self) -> list[Member]:
        found = []
        for info in self.zf.infolist():
            if info.is_dir():
                continue
            name = info.filename
            if not info.flag_bits & 0x800:  # no UTF-8 flag: zipfile read the bytes as cp437
                name = decode_name(name.encode("cp437"))
            found.append((name, info.file_size, info, ""))
        return _listing(found)

    def read(self, member: Member) -> bytes:
        from planparse.readers import MAX_BYTES
        from planparse.readers.bounded import read_member

        return read_member(self.zf, member.key, member.path, limit=MAX_BYTES, name="")  # type: ignore[arg-type]

    def close(self) -> None:
        self.zf.close()


class TarArchive:
    def __init__(self, tf: tarfile.TarFile) -> None:
        self.tf = tf

    def members(self) -> list[Member]:
        found = []
        for info in self.tf.getmembers():
            if info.isfile():
                raw = info.name.encode(self.tf.encoding or "utf-8", "surrogateescape")
                found.append((decode_name(raw), info.size, info, ""))
        return _listing(found)

    def read(self, member: Member) -> bytes:
        from planparse.readers import MAX_BYTES

        f = self.tf.extractfile(member.key)  # type: ignore[arg-type]
        if f is None:
            raise InputError("not a regular file", member.path)
        data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"file too large (over {MAX_BYTES // 2**20} MB)", member.path)
        return data

    def close(self) -> None:
        self.tf.close()
