"""Parse errors name the file, line and column, also after non-ASCII text (Dutch statements)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.errors import DataFileError
from policygraph.rdfio import parse_turtle


@pytest.mark.parametrize(
    ("body", "line", "column", "reason"),
    [
        ('ex:a ex:b "geëindigd “quote” één" .\nex:a ex:b "a" "b" .\n', 3, 15, "expected '.'"),
        ('ex:a ex:b "ok" .\n\nex:a ex:b "unterminated .\nex:c ex:d ex:e .\n', 4, 26, "newline found in string literal"),
    ],
)
def test_parse_error_position(tmp_path: Path, body: str, line: int, column: int, reason: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        parse_turtle(path)
    assert (info.value.line, info.value.column) == (line, column)
    assert str(info.value).startswith(f"{path}:{line}:{column}: Turtle syntax error: {reason}")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="nope.ttl: file not found"):
        parse_turtle(tmp_path / "nope.ttl")
