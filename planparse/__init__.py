"""planparse: parse, lint and draft Chinese work plans."""

from __future__ import annotations

from planparse.errors import ConfigError, EncodingError, FormatError, InputError, ModelError, PlanparseError
from planparse.model import Document, ParseOptions
from planparse.dates import find_dates, find_recurrences
from planparse.linter import lint
from planparse.pipeline import parse, parse_file

__version__ = "0.1.0"
__all__ = [
    "ConfigError", "Document", "EncodingError", "FormatError", "InputError", "ModelError",
    "ParseOptions", "PlanparseError", "find_dates", "find_recurrences", "lint", "parse", "parse_file", "__version__",
]
