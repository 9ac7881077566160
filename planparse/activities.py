"""Dated activities (placeholder until the date stage lands)."""

from __future__ import annotations

from planparse.model import ParseOptions, Plan, Warning_


def extract_activities(plan: Plan, options: ParseOptions) -> tuple[Plan, list[Warning_]]:
    return plan, []
