"""Reading zip members with a bound on what they inflate to, whatever their headers say.

A zip member's header states its size, but a crafted file can state a small one, or an
honest one of gigabytes packed into a megabyte (a "zip bomb"). :func:`read_member` counts
the bytes the decompressor actually produces and stops at the first of: ``limit`` bytes,
or ``ratio`` times the member's packed size (beyond a small allowance), with a one-line
:class:`FormatError` naming the file and the member.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
...     zf.writestr("word/document.xml", b" " * 3_000_000)
>>> read_member(zipfile.ZipFile(buf), "word/document.xml", "plan.docx")
Traceback (most recent call last):
...
planparse.errors.FormatError: plan.docx: word/document.xml inflates to more than 1.0 MB, over 200 times its packed size: refused as a zip bomb
"""

from __future__ import annotations

import zipfile
import zlib

from planparse.errors import FormatError

MAX_MEMBER = 64 * 1024 * 1024   # bytes one member may inflate to
MAX_RATIO = 200                 # times its packed size (real documents: 3–30)
ALLOWANCE = 1024 * 1024         # below this, any ratio: small members of repeated text are fine
CHUNK = 1024 * 1024


def member_limit(packed: int, limit: int = MAX_MEMBER, ratio: int = MAX_RATIO) -> int:
    """How many bytes a member of ``packed`` bytes may inflate to."""
    return min(limit, max(ALLOWANCE, ratio * packed))


def read_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo, path: str,
                limit: int = MAX_MEMBER, ratio: int = MAX_RATIO, name: str | None = None) -> bytes:
    """The bytes of one zip member, read in chunks and refused past the bound (module doc).

    ``name`` is how the member is called in messages (default: its name in the zip; "" when
    the member is the file ``path`` itself, as in an archive given to `batch`).
    """
    info = member if isinstance(member, zipfile.ZipInfo) else zf.getinfo(member)
    label = info.filename if name is None else name
    where = f"{label}: " if label else ""
    bound = member_limit(info.compress_size, limit, ratio)
    parts: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as f:
            while chunk := f.read(CHUNK):
                total += len(chunk)
                if total > bound:
                    raise FormatError(_too_big(label, info, bound, limit, ratio), path)
                parts.append(chunk)
    except zipfile.BadZipFile as exc:
        raise FormatError(f"{where}corrupt member ({exc}); its header may not match its data", path) from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted, or an unsupported compression
        raise FormatError(f"{where}cannot be unpacked ({exc})", path) from None
    except (zlib.error, OSError, EOFError, ValueError) as exc:  # a truncated or damaged stream
        raise FormatError(f"{where}corrupt member ({type(exc).__name__}: {exc})", path) from None
    return b"".join(parts)


def _too_big(label: str, info: zipfile.ZipInfo, bound: int, limit: int, ratio: int) -> str:
    subject = f"{label} inflates" if label else "inflates"
    packed = max(info.compress_size, 1)
    if bound < limit:
        return f"{subject} to more than {bound / 2**20:.1f} MB, over {ratio} times its packed size: refused as a zip bomb"
    stated = info.file_size / packed
    if stated > ratio:  # its header owns up to the size: gigabytes from a megabyte
        return (f"{subject} to more than {limit / 2**20:.0f} MB (its header says {info.file_size / 2**20:,.0f} MB, "
                f"{stated:,.0f} times its packed size): refused as a zip bomb")
    return f"{subject} to more than {limit / 2**20:.0f} MB: refused (split the document)"
