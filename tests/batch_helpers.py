"""Worker functions for engine tests; a module of its own so spawned workers can import it."""

from __future__ import annotations

import os


def upper_or_die(task: str) -> str:
    """Upper-cases a task; the task "poison" kills its worker process outright."""
    if task == "poison":
        os._exit(1)
    return task.upper()
