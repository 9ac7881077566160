"""One hierarchy of errors, each carrying the file (and line) it is about."""

from __future__ import annotations

from importlib import import_module
from typing import Any


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


class OutputError(PlanparseError):
    """A result cannot be written where it was asked to go."""


class MissingDependency(ConfigError):
    """An optional package that a feature needs is not installed."""


def require(module: str, purpose: str, install: str) -> Any:
    """Import ``module`` for ``purpose``, or raise :class:`MissingDependency` saying how to
    install it (``install``: the argument to ``pip install``).

    >>> require("json", "reading JSON", "json").__name__
    'json'
    """
    try:
        return import_module(module)
    except ImportError:
        raise MissingDependency(f"{purpose} needs {module.split('.')[0]}: pip install {install}") from None
