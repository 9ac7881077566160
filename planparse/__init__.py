"""planparse: parse, lint and draft Chinese work plans.

>>> import planparse
>>> planparse.parse("一、指导思想\\n以科学发展观为指导。").plans[0].sections[0].kind
'ideology'

The public functions are imported on first use, so that ``import planparse`` (and the
command line's start) stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from planparse.errors import ConfigError, EncodingError, FormatError, InputError, ModelError, PlanparseError

__version__ = "0.1.0"

_LAZY = {
    "parse": "planparse.pipeline", "parse_file": "planparse.pipeline",
    "find_dates": "planparse.dates", "find_recurrences": "planparse.dates",
    "lint": "planparse.rules.runner",
    "Document": "planparse.model", "ParseOptions": "planparse.model",
}
__all__ = ["ConfigError", "EncodingError", "FormatError", "InputError", "ModelError", "PlanparseError",
           "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'planparse' has no attribute {name!r}")
