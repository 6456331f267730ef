"""Regenerate ontology/dpv-extract.ttl from a DPV 2.3 release folder.

Usage: python scripts/make_dpv_extract.py [DPV_DIR]   (default: ../shared/dpv beside the checkout)
"""

from __future__ import annotations

import sys
from pathlib import Path

from policygraph.dpv_extract import write_extract
from policygraph.project import Project


def main(argv: list[str]) -> int:
    project = Project.discover(Path(__file__).resolve().parent)
    dpv_dir = Path(argv[1]) if len(argv) > 1 else project.root.parent / "shared" / "dpv"
    path, terms, triples = write_extract(project, dpv_dir)
    print(f"{path}: {terms} terms used, {triples} triples")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
