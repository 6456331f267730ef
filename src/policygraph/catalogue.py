"""The canned-query catalogue: whatever ``queries/*.rq`` holds, described by each file's header.

Header format: comment lines at the top of the file, before the first line of SPARQL::

    # title: Which controllers send personal data outside the EEA?
    # description: One row per statement and stated transfer, with the evidence quote.
    # param: controller iri - restrict to one controller (default: all)
    # param: min_years xsd:integer = 2 - only statements dated at least this many years ago
    # columns: controller, name, answer, country, safeguard, quote
    PREFIX ...
    SELECT ...

- ``title`` (required, once): one line, ideally the question the query answers.
- ``description`` (optional; repeated lines are joined): what a row is, caveats.
- ``param`` (optional, repeatable): ``NAME TYPE [= DEFAULT] [- DESCRIPTION]``. ``NAME`` is the
  query's variable without ``?``. ``TYPE`` is ``iri`` (an absolute IRI), ``string`` (a plain
  literal) or one of the XSD types in :data:`XSD_TYPES`, written ``xsd:integer`` etc. A parameter
  with a default is always bound; one without is left unbound unless given.
- ``columns`` (optional): the result columns, comma-separated, in order.
- Other comment lines in the header are free text and ignored. The file name without ``.rq`` is
  the query's name (``/queries/<name>``, ``policygraph query <name>``).

Binding: given values are checked against the declared type, written as SPARQL terms (IRIs in
``<>``, literals quoted and escaped, typed literals with their datatype) and appended as one
SPARQL 1.1 trailing ``VALUES (?a ?b) { (... ...) }`` clause — the query body is never edited.

Mind what a trailing ``VALUES`` can do (SPARQL 1.1 §18.2.4.3): it is joined with the solutions of
the WHERE clause *after* grouping, so a parameter restricts the rows only through a variable the
WHERE clause binds (a triple pattern, ``BIND``, a sub-select) or, in an aggregate query, a
``GROUP BY`` variable. A variable that only a ``FILTER`` mentions is unbound where the filter runs,
so thresholds (``FILTER(?days >= ?min_days)``) cannot be parameters; :meth:`CannedQuery.check`
rejects such a declaration at load time instead of letting it return wrong rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataFileError, QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Lexical forms accepted per declared type (XSD 1.1 Part 2, simplified where the gap is harmless).
XSD_TYPES: dict[str, re.Pattern[str]] = {
    "string": re.compile(r".*", re.DOTALL),
    "boolean": re.compile(r"true|false|1|0"),
    "integer": re.compile(r"[+-]?\d+"),
    "nonNegativeInteger": re.compile(r"\+?\d+"),
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "double": re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|NaN)|-INF"),
    "date": re.compile(r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?"),
    "dateTime": re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"),
    "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d\d:\d\d)?"),
    "duration": re.compile(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?"),
}
RESERVED = frozenset({"format"})  # request parameters that are not query parameters

_HEADER = re.compile(r"#\s*(?P<key>title|description|param|columns)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>iri|string|xsd:[A-Za-z]+)"
    r"(?:\s*=\s*(?P<default>.*?))?(?:\s+-\s+(?P<description>.*))?$"
)
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class CatalogueError(DataFileError):
    """A ``queries/*.rq`` file whose header is malformed or whose parameters cannot work."""


class ParameterError(QueryError):
    """A request names an unknown parameter or gives a value its declared type refuses."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None = None
    description: str = ""

    def term(self, value: str) -> str:
        """``value`` as a SPARQL term of this parameter's type.

        :raises ParameterError: for a value the type does not allow.
        """
        if self.type == "iri":
            if not _ABSOLUTE_IRI.fullmatch(value):
                raise ParameterError(f"parameter {self.name}: {value!r} is not an absolute IRI")
            return f"<{value}>"
        kind = "string" if self.type == "string" else self.type.removeprefix("xsd:")
        if not XSD_TYPES[kind].fullmatch(value):
            raise ParameterError(f"parameter {self.name}: {value!r} is not a valid {self.type}")
        literal = '"' + "".join(_ESCAPES.get(c, c) for c in value) + '"'
        return literal if self.type == "string" else f"{literal}^^<{XSD}{kind}>"


@dataclass(frozen=True)
class CannedQuery:
    """One ``.rq`` file: its name, header fields and SPARQL text."""

    name: str
    title: str
    text: str
    path: Path
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = field(default=())

    def bind(self, values: Mapping[str, str]) -> str:
        """The query text with ``values`` (and every default) bound by a trailing ``VALUES``.

        :raises ParameterError: for an unknown parameter name or a value of the wrong type.
        """
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            known = ", ".join(declared) or "none"
            raise ParameterError(f"query {self.name} has no parameter {', '.join(unknown)} (parameters: {known})")
        bound = [(p, values.get(p.name, p.default)) for p in self.parameters]
        bound = [(p, v) for p, v in bound if v is not None]
        if not bound:
            return self.text
        names = " ".join(f"?{p.name}" for p, _ in bound)
        terms = " ".join(p.term(v) for p, v in bound)
        return f"{self.text.rstrip()}\nVALUES ({names}) {{ ({terms}) }}\n"

    def check(self) -> None:
        """Fail early on a parameter a trailing ``VALUES`` cannot reach (see the module docstring).

        :raises CatalogueError: naming the file and the parameter.
        """
        from .sparql.scope import values_scope

        if not self.parameters:
            return
        try:
            scope = values_scope(self.bind({p.name: _probe(p) for p in self.parameters}))
        except ValueError as exc:
            raise CatalogueError(self.path, f"the query does not parse: {exc}") from None
        for parameter in self.parameters:
            if parameter.name not in scope:
                raise CatalogueError(
                    self.path,
                    f"parameter {parameter.name}: the WHERE clause does not bind ?{parameter.name} (or, in "
                    "an aggregate query, it is not a GROUP BY variable), so the trailing VALUES that binds "
                    "it cannot restrict the rows; bind it in a triple pattern, BIND(... AS ?x) or "
                    "sub-select; a variable only a FILTER mentions is unbound where the filter runs",
                )


def _probe(parameter: Parameter) -> str:
    """A value of the right type, only for checking where the parameter lands."""
    samples = {"iri": "urn:policygraph:probe", "string": "probe", "xsd:boolean": "true", "xsd:date": "2000-01-01",
               "xsd:dateTime": "2000-01-01T00:00:00", "xsd:gYear": "2000", "xsd:duration": "P1D"}
    return parameter.default if parameter.default is not None else samples.get(parameter.type, "1")


def parse_query_file(path: Path) -> CannedQuery:
    """Read one ``.rq`` file and its header.

    :raises CatalogueError: with file and line for a malformed header.
    """
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[tuple[int, str]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        match = _HEADER.match(stripped)
        if match:
            fields.setdefault(match["key"], []).append((number, match["value"]))
    titles = fields.get("title", [])
    if len(titles) != 1 or not titles[0][1]:
        raise CatalogueError(path, "the header needs exactly one '# title: ...' line", titles[1][0] if len(titles) > 1 else 1)
    parameters = tuple(_parameter(path, number, value) for number, value in fields.get("param", []))
    names = [p.name for p in parameters]
    for number, value in fields.get("param", []):
        name = value.split()[0]
        if names.count(name) > 1 or name in RESERVED:
            raise CatalogueError(path, f"parameter {name} is declared twice or is reserved", number)
    columns = tuple(c.strip() for _, value in fields.get("columns", []) for c in value.split(",") if c.strip())
    return CannedQuery(
        name=path.stem,
        title=titles[0][1],
        text=text,
        path=path,
        description=" ".join(value for _, value in fields.get("description", [])),
        parameters=parameters,
        columns=columns,
    )


def _parameter(path: Path, number: int, value: str) -> Parameter:
    match = _PARAM.match(value)
    if not match:
        raise CatalogueError(path, f"cannot read '# param: {value}'; write 'NAME TYPE [= DEFAULT] - description'", number)
    kind = match["type"]
    if kind.startswith("xsd:") and kind.removeprefix("xsd:") not in XSD_TYPES:
        raise CatalogueError(path, f"unsupported parameter type {kind}; use iri, string or xsd:" + ", xsd:".join(XSD_TYPES), number)
    parameter = Parameter(match["name"], kind, match["default"] or None, match["description"] or "")
    if parameter.default is not None:
        try:
            parameter.term(parameter.default)
        except ParameterError as exc:
            raise CatalogueError(path, f"bad default: {exc}", number) from None
    return parameter


def load_catalogue(folder: Path, check: bool = True) -> dict[str, CannedQuery]:
    """Every ``*.rq`` file of ``folder`` by name, sorted; an absent folder is an empty catalogue.

    :param check: also run :meth:`CannedQuery.check` on each (a full parse per parameterised query).
    :raises CatalogueError: for the first malformed file.
    """
    queries = {path.stem: parse_query_file(path) for path in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}
    if check:
        for query in queries.values():
            query.check()
    return queries
