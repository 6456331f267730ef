"""Mutation tests for the encoding shapes (issue 4): every requirement is killed by a mutant.

Each mutant takes a real node of a built statement (the first match of ``where`` in soosr, then
the other statements), removes or corrupts exactly one property, and expects the exact violation
(shape, focus node, path, and value where it matters) that was not there before. The last test
checks that the table covers every shape of ``shapes/encoding.ttl``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.query import ResultRow

from policygraph.build import BuiltGraph, StatementGraph
from policygraph.namespaces import DPV, EU_GDPR, OA, PD, PG, PREFIXES
from policygraph.validation import Severity, Shapes, ValidationResult
from policygraph.validation.report import short

from .support import SLUGS, check, copy

Mutate = Callable[[Graph, ResultRow], None]


@dataclass(frozen=True)
class Mutant:
    shape: str  # local name of the shape it must kill
    why: str
    where: str  # SPARQL SELECT over one built statement: the real node(s) to corrupt
    mutate: Mutate
    focus: str  # variable of ``where`` holding the expected focus node
    path: str
    value: Callable[[ResultRow], object] | None = None  # expected sh:value, from the row


def remove(var: str, predicate: URIRef) -> Mutate:
    return lambda g, row: g.remove((row[var], predicate, None))


def replace(var: str, predicate: URIRef, old: str | None, new: object) -> Mutate:
    def apply(g: Graph, row: ResultRow) -> None:
        g.remove((row[var], predicate, row[old] if old else None))
        g.add((row[var], predicate, new))  # type: ignore[arg-type]

    return apply


def add(var: str, predicate: URIRef, new: object) -> Mutate:
    return lambda g, row: g.add((row[var], predicate, new))  # type: ignore[arg-type]


def const(term: object) -> Callable[[ResultRow], object]:
    return lambda row: term


ACT = "SELECT ?act WHERE { ?act a dpv:Process ; %s }"
ST = "SELECT ?st WHERE { ?st a dpv:PrivacyNotice ; %s }"
#: Unreadable as xsd:duration (rdflib would rewrite a readable one such as "P6W" to "P42D").
BAD_DURATION = Literal("2 jaar", datatype=URIRef("http://www.w3.org/2001/XMLSchema#duration"))

MUTANTS = [
    # the statement
    Mutant("Statement-source", "no source text", ST % "dct:source ?s", remove("st", DCTERMS.source), "st", "dct:source"),
    Mutant("Statement-controller", "no controller", ST % "dpv:hasDataController ?c",
           remove("st", DPV.hasDataController), "st", "dpv:hasDataController"),
    Mutant("Statement-activities", "no activity points to it", ST % "^dpv:hasNotice ?a",
           lambda g, row: g.remove((None, DPV.hasNotice, row["st"])), "st", "^dpv:hasNotice"),
    Mutant("Statement-evidence", "no quote", ST % "pg:hasEvidence ?e", remove("st", PG.hasEvidence), "st", "pg:hasEvidence"),
    Mutant("Statement-topic-answers", "DPO answer unlinked",
           "SELECT ?st ?a WHERE { ?st pg:hasAnswer ?a . ?a pg:topic pg:DataProtectionOfficerAppointed }",
           lambda g, row: g.remove((row["st"], PG.hasAnswer, row["a"])), "st", "pg:hasAnswer",
           const(PG.DataProtectionOfficerAppointed)),
    # processing activities
    Mutant("Process-notice", "no statement", ACT % "dpv:hasNotice ?n", remove("act", DPV.hasNotice), "act", "dpv:hasNotice"),
    Mutant("Process-controller", "no controller", ACT % "dpv:hasDataController ?c",
           remove("act", DPV.hasDataController), "act", "dpv:hasDataController"),
    Mutant("Process-purpose", "no purpose", ACT % "dpv:hasPurpose ?p", remove("act", DPV.hasPurpose), "act", "dpv:hasPurpose"),
    Mutant("Process-legal-basis", "bases removed", ACT % "dpv:hasLegalBasis ?b",
           remove("act", DPV.hasLegalBasis), "act", "dpv:hasLegalBasis"),
    Mutant("Process-legal-basis", "'not stated' removed", ACT % "pg:notStated dpv:hasLegalBasis",
           lambda g, row: g.remove((row["act"], PG.notStated, DPV.hasLegalBasis)), "act", "dpv:hasLegalBasis"),
    Mutant("Process-personal-data", "data removed", ACT % "dpv:hasPersonalData ?d",
           remove("act", DPV.hasPersonalData), "act", "dpv:hasPersonalData"),
    Mutant("Process-data-subject", "subjects removed", ACT % "dpv:hasDataSubject ?d",
           remove("act", DPV.hasDataSubject), "act", "dpv:hasDataSubject"),
    Mutant("Process-retention", "retention removed", ACT % "dpv:hasStorageCondition ?r",
           remove("act", DPV.hasStorageCondition), "act", "dpv:hasStorageCondition"),
    Mutant("Process-retention", "'not stated' removed", ACT % "pg:notStated dpv:hasStorageCondition",
           lambda g, row: g.remove((row["act"], PG.notStated, DPV.hasStorageCondition)), "act", "dpv:hasStorageCondition"),
    Mutant("Process-evidence", "no quote", ACT % "pg:hasEvidence ?e", remove("act", PG.hasEvidence), "act", "pg:hasEvidence"),
    Mutant("NotStated-contradiction", "data given and 'not stated'", ACT % "dpv:hasPersonalData ?d",
           add("act", PG.notStated, DPV.hasPersonalData), "act", "dpv:hasPersonalData"),
    # kinds
    Mutant("Controller-kind", "controller is a data category",
           "SELECT ?act ?c WHERE { ?act a dpv:Process ; dpv:hasDataController ?c }",
           replace("act", DPV.hasDataController, "c", PD.Name), "act", "dpv:hasDataController", const(PD.Name)),
    Mutant("Purpose-kind", "purpose is a data category", "SELECT ?act ?p WHERE { ?act a dpv:Process ; dpv:hasPurpose ?p }",
           replace("act", DPV.hasPurpose, "p", PD.EmailAddress), "act", "dpv:hasPurpose", const(PD.EmailAddress)),
    Mutant("LegalBasis-kind", "basis is a purpose", "SELECT ?act ?b WHERE { ?act a dpv:Process ; dpv:hasLegalBasis ?b }",
           replace("act", DPV.hasLegalBasis, "b", DPV.Marketing), "act", "dpv:hasLegalBasis", const(DPV.Marketing)),
    Mutant("UntiedLegalBasis-kind", "untied basis is a purpose", "SELECT ?st ?b WHERE { ?st pg:hasUntiedLegalBasis ?b }",
           replace("st", PG.hasUntiedLegalBasis, "b", DPV.Marketing), "st", "pg:hasUntiedLegalBasis", const(DPV.Marketing)),
    Mutant("PersonalData-kind", "data is a data subject", "SELECT ?act ?d WHERE { ?act a dpv:Process ; dpv:hasPersonalData ?d }",
           replace("act", DPV.hasPersonalData, "d", DPV.Customer), "act", "dpv:hasPersonalData", const(DPV.Customer)),
    Mutant("DataSubject-kind", "subject is a data category", "SELECT ?act ?d WHERE { ?act a dpv:Process ; dpv:hasDataSubject ?d }",
           replace("act", DPV.hasDataSubject, "d", PD.Name), "act", "dpv:hasDataSubject", const(PD.Name)),
    Mutant("StorageCondition-kind", "retention is a bare string",
           "SELECT ?act ?r WHERE { ?act a dpv:Process ; dpv:hasStorageCondition ?r }",
           replace("act", DPV.hasStorageCondition, "r", Literal("twee jaar", lang="nl")), "act", "dpv:hasStorageCondition",
           const(Literal("twee jaar", lang="nl"))),
    Mutant("Right-kind", "right is a purpose", "SELECT ?st ?r WHERE { ?st a dpv:PrivacyNotice ; dpv:hasRight ?r }",
           replace("st", DPV.hasRight, "r", DPV.Marketing), "st", "dpv:hasRight", const(DPV.Marketing)),
    Mutant("Recipient-kind", "recipient is a data category", "SELECT ?s ?r WHERE { ?s dpv:hasRecipient ?r }",
           replace("s", DPV.hasRecipient, "r", PD.Name), "s",
           "dpv:hasRecipient|dpv:hasDataProcessor|dpv:hasRecipientThirdParty|dpv:hasRecipientDataController", const(PD.Name)),
    Mutant("Processor-kind", "processor is a data subject", ACT % "dpv:hasPurpose ?p",
           add("act", DPV.hasDataProcessor, DPV.Customer), "act", "dpv:hasDataProcessor", const(DPV.Customer)),
    # parties
    Mutant("Party-name", "organisation without name", "SELECT ?org WHERE { ?org a dpv:Organisation ; dpv:hasName ?n }",
           remove("org", DPV.hasName), "org", "dpv:hasName"),
    Mutant("Party-name", "empty name", "SELECT ?org WHERE { ?org a dpv:Organisation ; dpv:hasName ?n }",
           replace("org", DPV.hasName, None, Literal("")), "org", "dpv:hasName"),
    Mutant("Party-evidence", "controller without quote",
           "SELECT ?c WHERE { ?act a dpv:Process ; dpv:hasDataController ?c . ?c pg:hasEvidence ?e }",
           remove("c", PG.hasEvidence), "c", "pg:hasEvidence"),
    # retention and durations
    Mutant("StorageCondition-evidence", "retention without quote",
           "SELECT ?r WHERE { ?act dpv:hasStorageCondition ?r . ?r pg:hasEvidence ?e }",
           remove("r", PG.hasEvidence), "r", "pg:hasEvidence"),
    Mutant("StorageDuration-duration", "no duration", "SELECT ?r WHERE { ?r a dpv:StorageDuration ; dpv:hasDuration ?d }",
           remove("r", DPV.hasDuration), "r", "dpv:hasDuration"),
    Mutant("Duration-node", "duration is a plain string",
           "SELECT ?r ?d WHERE { ?r a dpv:StorageDuration ; dpv:hasDuration ?d }",
           replace("r", DPV.hasDuration, "d", Literal("P2Y")), "r", "dpv:hasDuration", const(Literal("P2Y"))),
    Mutant("TemporalDuration-value", "no value", "SELECT ?d WHERE { ?d a dpv:TemporalDuration ; rdf:value ?v }",
           remove("d", RDF.value), "d", "rdf:value"),
    Mutant("TemporalDuration-value", "value in words", "SELECT ?d WHERE { ?d a dpv:TemporalDuration ; rdf:value ?v }",
           replace("d", RDF.value, None, Literal("twee jaar", lang="nl")), "d", "rdf:value"),
    Mutant("Duration-lexical", "not a duration lexical form", "SELECT ?d WHERE { ?d a dpv:TemporalDuration ; rdf:value ?v }",
           replace("d", RDF.value, None, BAD_DURATION), "d", "rdf:value|dpv:hasDuration", const(BAD_DURATION)),
    # evidence annotations
    Mutant("Evidence-quote", "blank quote", "SELECT ?a WHERE { ?act a dpv:Process ; pg:hasEvidence ?a }",
           replace("a", PG.quote, None, Literal(" ")), "a", "pg:quote"),
    Mutant("Evidence-source", "unknown source",
           "SELECT ?a ?t WHERE { ?act a dpv:Process ; pg:hasEvidence ?a . ?a oa:hasTarget ?t }",
           lambda g, row: (g.remove((row["t"], OA.hasSource, None)),
                           g.add((row["t"], OA.hasSource, URIRef("https://example.org/unknown")))),
           "a", "oa:hasTarget/oa:hasSource"),
    Mutant("Evidence-position", "start after end", "SELECT ?sel ?e WHERE { ?sel a oa:TextPositionSelector ; oa:end ?e }",
           lambda g, row: (g.remove((row["sel"], OA.start, None)), g.add((row["sel"], OA.start, row["e"]))),
           "sel", "oa:start"),
    # topic answers
    Mutant("TopicAnswer-topic", "no topic", "SELECT ?a WHERE { ?a a pg:TopicAnswer ; pg:topic ?t }",
           remove("a", PG.topic), "a", "pg:topic"),
    Mutant("TopicAnswer-answer", "unknown answer", "SELECT ?a WHERE { ?a a pg:TopicAnswer ; pg:answer ?v }",
           replace("a", PG.answer, None, PG.Maybe), "a", "pg:answer", const(PG.Maybe)),
    Mutant("TopicAnswer-yes-or-silent", "'no' on complaints",
           "SELECT ?a WHERE { ?a pg:topic pg:ComplaintToSupervisoryAuthority }",
           replace("a", PG.answer, None, PG.No), "a", "pg:answer", const(PG.No)),
    Mutant("TopicAnswer-not-possible", "'possible' on the DPO",
           "SELECT ?a WHERE { ?a pg:topic pg:DataProtectionOfficerAppointed }",
           replace("a", PG.answer, None, PG.Possible), "a", "pg:answer", const(PG.Possible)),
    Mutant("TopicAnswer-evidence", "'yes' without quote",
           "SELECT ?a WHERE { ?a a pg:TopicAnswer ; pg:answer pg:Yes ; pg:hasEvidence ?e }",
           remove("a", PG.hasEvidence), "a", "pg:hasEvidence"),
    Mutant("Answer-complaint-right", "complaint answered, right A77 dropped",
           ST % "dpv:hasRight eu-gdpr:A77 ; pg:hasAnswer [ pg:topic pg:ComplaintToSupervisoryAuthority ; pg:answer pg:Yes ]",
           lambda g, row: g.remove((row["st"], DPV.hasRight, EU_GDPR.A77)), "st", "dpv:hasRight", const(EU_GDPR.A77)),
    Mutant("Answer-consent-right", "withdrawal answered, right A7-3 dropped",
           ST % "dpv:hasRight eu-gdpr:A7-3 ; pg:hasAnswer [ pg:topic pg:ConsentWithdrawal ; pg:answer pg:Yes ]",
           lambda g, row: g.remove((row["st"], DPV.hasRight, EU_GDPR["A7-3"])), "st", "dpv:hasRight",
           const(EU_GDPR["A7-3"])),
    Mutant("Answer-dpo-named", "DPO said to exist, none named",
           "SELECT ?st ?a WHERE { ?st pg:hasAnswer ?a . ?a pg:topic pg:DataProtectionOfficerAppointed ; pg:answer pg:NotStated }",
           replace("a", PG.answer, None, PG.Yes), "st", "pg:hasAnswer", lambda row: row["a"]),
]


def _target(statements: dict[str, StatementGraph], where: str) -> tuple[StatementGraph, ResultRow]:
    for slug in SLUGS:
        if slug in statements:
            rows = list(statements[slug].graph.query(where, initNs=PREFIXES))
            if rows:
                return statements[slug], rows[0]
    pytest.fail(f"no statement has a node matching {where}")


@pytest.fixture(scope="module")
def baselines(statements: dict[str, StatementGraph], built: BuiltGraph, encoding_shapes: Shapes) -> dict[str, set]:
    return {slug: {_key(r) for r in check(s, s.graph, built.ontology, encoding_shapes).results}
            for slug, s in statements.items()}


def _key(result: ValidationResult) -> tuple:
    return (result.shape, result.focus_node, result.path, result.value)


@pytest.mark.parametrize("mutant", MUTANTS, ids=[f"{m.shape}:{m.why}" for m in MUTANTS])
def test_mutant_is_killed(mutant: Mutant, statements: dict[str, StatementGraph], built: BuiltGraph,
                          encoding_shapes: Shapes, baselines: dict[str, set]) -> None:
    statement, row = _target(statements, mutant.where)
    graph = copy(statement.graph)
    mutant.mutate(graph, row)
    report = check(statement, graph, built.ontology, encoding_shapes)
    expected_focus = short(row[mutant.focus], statement.slug)
    expected_value = short(mutant.value(row), statement.slug) if mutant.value else None  # type: ignore[arg-type]
    new = [r for r in report.of(Severity.VIOLATION) if _key(r) not in baselines[statement.slug]]
    matching = [r for r in new if r.shape == f"pgsh:{mutant.shape}" and r.focus_node == expected_focus
                and r.path == mutant.path and (expected_value is None or r.value == expected_value)]
    assert matching, f"{statement.slug}: expected pgsh:{mutant.shape} at {expected_focus} {mutant.path}; new: {new}"


def test_every_encoding_shape_is_killed_by_a_mutant(encoding_shapes: Shapes) -> None:
    shapes = {iri.split("#")[-1] for iri in encoding_shapes.info}
    assert shapes == {m.shape for m in MUTANTS}
