"""Where the project's inputs live: one object instead of paths scattered through the code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "POLICYGRAPH_HOME"
ENV_DPV = "POLICYGRAPH_DPV"


def _looks_like_root(path: Path) -> bool:
    return (path / "ontology").is_dir() and (path / "data" / "statements").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The project folder: ``$POLICYGRAPH_HOME``, else the nearest folder up from ``start``
    (default: the working directory) that holds ``ontology/`` and ``data/statements/``, else the
    checkout this package was installed from (editable installs)."""
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]).resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if _looks_like_root(candidate):
            return candidate
    package_checkout = Path(__file__).resolve().parents[2]
    if _looks_like_root(package_checkout):
        return package_checkout
    raise FileNotFoundError(
        "no policygraph project here: run inside a checkout or set POLICYGRAPH_HOME"
    )


@dataclass(frozen=True)
class Project:
    """The folders of one policygraph checkout."""

    root: Path

    @classmethod
    def discover(cls, start: Path | None = None) -> Project:
        return cls(find_root(start))

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def dpv_extract(self) -> Path:
        return self.ontology_dir / "dpv-extract.ttl"

    @property
    def statements_dir(self) -> Path:
        return self.root / "data" / "statements"

    @property
    def sources_dir(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def shapes_dir(self) -> Path:
        return self.root / "shapes"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    def statement_files(self) -> list[Path]:
        """Curated statements, sorted by slug (the file stem)."""
        return sorted(self.statements_dir.glob("*.ttl"))

    def ontology_files(self) -> list[Path]:
        """Project ontology modules, without the generated DPV extract."""
        return sorted(p for p in self.ontology_dir.glob("*.ttl") if p != self.dpv_extract)


def dpv_dir_from_env() -> Path | None:
    """A full DPV release folder named by ``$POLICYGRAPH_DPV``, if any."""
    value = os.environ.get(ENV_DPV)
    return Path(value) if value else None
