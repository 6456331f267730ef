"""graph → dist/: deterministic dumps, VoID/DCAT description and checksums.

Determinism: blank nodes are canonically labelled by the build, rdflib's Turtle writer sorts
subjects, predicates and objects, and the line-based formats (N-Triples, N-Quads) are sorted
here. So the same inputs give byte-identical files, whatever the hash seed.

A build is written to a fresh temporary folder beside ``out`` and only swapped in when every
file is written, so a failing build never touches an earlier good ``dist/``.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from .build import BuiltGraph
from .namespaces import bind_prefixes
from .void import describe, sha256

UNION_NAME = "policygraph"
STATEMENTS_DIR = "statements"
CHECKSUMS = "SHA256SUMS"
VOID = "void.ttl"


def turtle(graph: Graph) -> str:
    bind_prefixes(graph)
    return graph.serialize(format="turtle")


def ntriples(graph: Graph) -> str:
    lines = sorted(set(graph.serialize(format="nt").splitlines()) - {""})
    return "".join(line + "\n" for line in lines)


def nquads(dataset: Dataset) -> str:
    lines = sorted(set(dataset.serialize(format="nquads").splitlines()) - {""})
    return "".join(line + "\n" for line in lines)


def trig(built: BuiltGraph) -> str:
    """TriG with one block per named graph, in the built order, prefixes written once."""
    head: list[str] = []
    blocks: list[str] = []
    for name, graph in built.graphs():
        text = turtle(graph)
        body = [line for line in text.splitlines() if not line.startswith("@prefix")]
        head.extend(line for line in text.splitlines() if line.startswith("@prefix"))
        inner = "\n".join(body).strip("\n")  # not indented: lines may sit inside long literals
        blocks.append(f"<{name}> {{\n{inner}\n}}\n")
    prefixes = sorted(set(head))
    return "\n".join(prefixes) + "\n\n" + "\n".join(blocks)


def jsonld(graph: Graph) -> str:
    """JSON-LD (expanded, sorted by @id) of the union graph."""
    data = json.loads(graph.serialize(format="json-ld"))
    nodes = data if isinstance(data, list) else data.get("@graph", [data])
    for node in nodes:
        for key, values in node.items():
            if isinstance(values, list):
                node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda n: (n.get("@id", ""), json.dumps(n, sort_keys=True)))
    return json.dumps(nodes, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def render(built: BuiltGraph) -> dict[str, str]:
    """Every dump file as ``{relative path: text}`` (without VoID and checksums)."""
    union = built.union()
    files = {
        f"{UNION_NAME}.trig": trig(built),
        f"{UNION_NAME}.ttl": turtle(union),
        f"{UNION_NAME}.nt": ntriples(union),
        f"{UNION_NAME}.nq": nquads(built.dataset()),
        f"{UNION_NAME}.jsonld": jsonld(union),
    }
    for statement in built.statements:
        files[f"{STATEMENTS_DIR}/{statement.slug}.ttl"] = turtle(statement.graph)
    return files


def write_dist(built: BuiltGraph, out: Path) -> list[Path]:
    """Write all dumps, ``void.ttl`` and ``SHA256SUMS`` to ``out``, atomically.

    :returns: the written files, relative to ``out``, in checksum order.
    """
    files = {name: text.encode("utf-8") for name, text in render(built).items()}
    files[VOID] = describe(built, files).encode("utf-8")
    sums = "".join(f"{sha256(files[name])}  {name}\n" for name in sorted(files))
    files[CHECKSUMS] = sums.encode("ascii")

    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; dumps are public
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [Path(name) for name in sorted(files)]


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` by ``staging``; the old folder is removed only after the rename."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
