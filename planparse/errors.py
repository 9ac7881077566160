"""One hierarchy of errors, each carrying the file (and line) it is about."""

from __future__ import annotations


class PlanparseError(Exception):
    """Base of every error planparse raises on purpose."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(PlanparseError):
    """The input cannot be read as a plan document."""


class EncodingError(InputError):
    """The bytes are not text in any encoding we know."""


class FormatError(InputError):
    """The file's format is unsupported, corrupt or encrypted."""


class ConfigError(PlanparseError, ValueError):
    """A configuration value or option is wrong."""


class ModelError(PlanparseError):
    """A shipped model or corpus file is missing or invalid."""
