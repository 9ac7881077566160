"""planparse: parse, lint and draft Chinese work plans."""

from __future__ import annotations

from planparse.errors import ConfigError, EncodingError, FormatError, InputError, ModelError, PlanparseError
from planparse.model import Document, ParseOptions
from planparse.pipeline import parse, parse_file

__version__ = "0.1.0"
__all__ = [
    "ConfigError", "Document", "EncodingError", "FormatError", "InputError", "ModelError",
    "ParseOptions", "PlanparseError", "parse", "parse_file", "__version__",
]
