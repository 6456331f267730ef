"""Renderings of a ``ValidationReport``, one small module per format.

Each module exposes ``render(report, strict) -> str``; ``strict`` says whether warnings fail the
run (the JUnit rendering marks them as failures then). The format list is this mapping.
"""

from __future__ import annotations

from collections.abc import Callable

from ..report import ValidationReport
from . import json, junit, text, turtle

Formatter = Callable[[ValidationReport, bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json.render,
    "junit": junit.render,
    "turtle": turtle.render,
}
