"""Errors that say whose fault a failure is; each edge (CLI, HTTP) maps them once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PolicyGraphError(Exception):
    """Base of every error the library raises on purpose."""


@dataclass
class DataFileError(PolicyGraphError):
    """A data file of the project (statement, ontology, shapes, source) is wrong.

    Carries the file and, where known, the line so the user can go straight there.
    """

    path: Path
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class EvidenceError(DataFileError):
    """An evidence quote is missing from its source text or matches more than once."""


class UnknownTermError(DataFileError):
    """A statement uses a DPV term that the DPV extract (or DPV itself) does not define."""


class QueryError(PolicyGraphError):
    """A SPARQL query is malformed, refused or failed for a reason the client can fix."""
