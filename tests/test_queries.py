"""The analysts' question library (``queries/*.rq``), checked against the five statements.

Every expected answer below was written by hand from the statement texts in ``data/sources/``
(the passage it rests on is quoted beside it), not copied from a run. Answers are compared as
sets on key columns, so row order, extra columns, longer quotes or relabelled terms do not break
them. Node IRIs are written short: ``soosr:act-contract`` is
``https://w3id.org/policygraph/id/soosr/act-contract``; DPV terms use their usual prefixes.

Each query runs three ways: in-process on pyoxigraph (as a notebook would), through the HTTP
endpoint's ``/sparql`` with SPARQLWrapper, and as the canned query ``/queries/<name>`` with its
parameters; all three must give the expected answer.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
import waitress
from rdflib import Graph
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from policygraph.build import BuiltGraph
from policygraph.catalogue import CannedQuery, load_catalogue
from policygraph.dumps import write_dist
from policygraph.namespaces import PREFIXES
from policygraph.server import create_app
from policygraph.store import store_from_built

from conftest import ROOT, SHARED

QUERIES = ROOT / "queries"
ID = "https://w3id.org/policygraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DPV = "https://w3id.org/dpv#"
CATALOGUE = load_catalogue(QUERIES)

SOOSR, SMARTLOCKR, SMART_FMS, S1MONE, IOTSPOT = (
    "soosr:soosr", "smartlockr:smartlockr", "smart-fms:smart-fms", "s1mone:s1mone", "iotspot:iotspot")
CLIENTS = "s1mone:clients"  # S1MONE's unnamed clients ("opdrachtgevers"), controllers of the app data


def short(value: str | None) -> str | None:
    """``https://w3id.org/policygraph/id/soosr/x`` → ``soosr:x``; DPV and other IRIs by prefix."""
    if value is None:
        return None
    if value.startswith(ID):
        slug, _, local = value[len(ID):].partition("/")
        return f"{slug}:{local}"
    for prefix, namespace in PREFIXES.items():
        if value.startswith(str(namespace)) and value != str(namespace):
            return f"{prefix}:{value[len(str(namespace)):]}"
    return value


Row = dict[str, str]
Triples = set[tuple[str, str, str]]


@dataclass
class Case:
    """What one canned query must answer: ``key(rows)`` equals ``expected``."""

    expected: set
    columns: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    graph_key: Callable[[Triples], set] | None = None  # for CONSTRUCT queries

    def key(self, answer: list[Row] | Triples) -> set:
        if self.graph_key is not None:
            return self.graph_key(answer)  # type: ignore[arg-type]
        return {tuple(short(row.get(c)) for c in self.columns) for row in answer}  # type: ignore[union-attr]


def activities_in(triples: Triples) -> set:
    return {short(s) for s, p, o in triples if p == RDF_TYPE and o == DPV + "Process"}


# --- Expected answers, read from the texts ----------------------------------------------------

CASES: dict[str, Case] = {
    # soosr: "Wij geven uw persoonsgegevens niet door aan een derde land of internationale
    #   organisatie." → no.
    # smartlockr: "Het kan zijn dat verwerkers buiten de Europese Economische Ruimte zijn gevestigd
    #   in een niet-adequaat land. In dat geval sluiten wij met die verwerker een overeenkomst op
    #   basis van zogenoemde EU-standaardcontractbepalingen" → possible, no country, SCCs (46(2)(c)).
    # smart-fms: nothing on transfers → not stated.
    # s1mone: "Nee, uw gegevens worden niet doorgegeven naar buiten de Europese Economische Ruimte" → no.
    # iotspot: only "opgeslagen op servers van onze dienstverlener Amazon Web Services", no place → not stated.
    "transfers-outside-eea": Case(
        columns=("controller", "answer", "country", "safeguard"),
        expected={
            (SOOSR, "no", None, None),
            (SMARTLOCKR, "possible", None, "eu-gdpr:A46-2-c"),
            (SMART_FMS, "not stated", None, None),
            (S1MONE, "no", None, None),
            (IOTSPOT, "not stated", None, None),
        },
    ),
    # Bases tied to purposes, per the texts' own pairing of purpose and basis:
    "legal-basis-per-purpose": Case(
        columns=("controller", "activity", "basis"),
        expected={
            # soosr "Gerechtvaardigd belang" bullets: newsletters, general customer contact, security/theft,
            # defence against legal claims; purposes 2 and 5 carry the names of the contract and
            # legal-obligation bases; consent ("Toestemming") names no purpose.
            (SOOSR, "soosr:act-general-contact", "eu-gdpr:A6-1-f"),
            (SOOSR, "soosr:act-contract", "eu-gdpr:A6-1-b"),
            (SOOSR, "soosr:act-direct-marketing", "eu-gdpr:A6-1-f"),
            (SOOSR, "soosr:act-legal-obligation", "eu-gdpr:A6-1-c"),
            (SOOSR, "soosr:act-legal-defence", "eu-gdpr:A6-1-f"),
            (SOOSR, "soosr:act-security", "eu-gdpr:A6-1-f"),
            (SOOSR, None, "eu-gdpr:A6-1-a"),
            # smartlockr table: four rows "Uitvoering van de overeenkomst", the newsletter on "Onze
            # behoefte …" (a legitimate interest), tax/orders on "Onze naleving van onze wettelijke
            # verplichtingen".
            (SMARTLOCKR, "smartlockr:act-customer-registration", "eu-gdpr:A6-1-b"),
            (SMARTLOCKR, "smartlockr:act-account", "eu-gdpr:A6-1-b"),
            (SMARTLOCKR, "smartlockr:act-secure-email", "eu-gdpr:A6-1-b"),
            (SMARTLOCKR, "smartlockr:act-service-updates", "eu-gdpr:A6-1-b"),
            (SMARTLOCKR, "smartlockr:act-newsletter", "eu-gdpr:A6-1-f"),
            (SMARTLOCKR, "smartlockr:act-legal-obligations", "eu-gdpr:A6-1-c"),
            # smart-fms a: 6(1)(b) and 6(1)(f); b: 6(1)(b), 6(1)(c), "respectievelijk" 6(1)(b)/(f);
            # c: 6(1)(f); d: "zowel art. 6(1)(b) AVG alsmede art. 6(1)(f)"; e: 6(1)(a); f: 6(1)(b).
            (SMART_FMS, "smart-fms:act-contract", "eu-gdpr:A6-1-b"),
            (SMART_FMS, "smart-fms:act-contract", "eu-gdpr:A6-1-f"),
            (SMART_FMS, "smart-fms:act-relationship", "eu-gdpr:A6-1-b"),
            (SMART_FMS, "smart-fms:act-relationship", "eu-gdpr:A6-1-c"),
            (SMART_FMS, "smart-fms:act-relationship", "eu-gdpr:A6-1-f"),
            (SMART_FMS, "smart-fms:act-protect-interests", "eu-gdpr:A6-1-f"),
            (SMART_FMS, "smart-fms:act-product-development", "eu-gdpr:A6-1-b"),
            (SMART_FMS, "smart-fms:act-product-development", "eu-gdpr:A6-1-f"),
            (SMART_FMS, "smart-fms:act-marketing", "eu-gdpr:A6-1-a"),
            (SMART_FMS, "smart-fms:act-business-contracts", "eu-gdpr:A6-1-b"),
            # s1mone 5.1: the clients' purposes (4.1) rest on the clients' legitimate interests;
            # 5.2: the contact persons' data on S1MONE's legitimate interests, the financial
            # administration on the legal obligation, consent "in bijzondere situaties" untied.
            *{(CLIENTS, f"s1mone:act-client-{p}", "eu-gdpr:A6-1-f") for p in (
                "identification", "account", "confirmations", "contact-reporters", "fault-handling",
                "fault-analysis", "blocking", "device-recognition")},
            *{(S1MONE, f"s1mone:act-contact-{p}", "eu-gdpr:A6-1-f") for p in (
                "identification", "communication", "account", "service-provision", "administration",
                "commercial-relationship")},
            (S1MONE, "s1mone:act-contact-financial-administration", "eu-gdpr:A6-1-c"),
            (S1MONE, None, "eu-gdpr:A6-1-a"),
            # iotspot ties no basis to any purpose; art. 2 asks consent, art. 6 allows disclosure with
            # consent, when needed for the services, or when legally required: all untied.
            (IOTSPOT, None, "eu-gdpr:A6-1-a"),
            (IOTSPOT, None, "eu-gdpr:A6-1-b"),
            (IOTSPOT, None, "eu-gdpr:A6-1-c"),
        },
    ),
    "activities-without-basis": Case(
        columns=("controller", "activity"),
        expected={
            # soosr: purpose 3 (Klantenaccount) and 6 (debiteurenbeheer) appear in no basis section,
            # nor do the website contact form or sharing "als referentie".
            (SOOSR, "soosr:act-customer-account"), (SOOSR, "soosr:act-debt-collection"),
            (SOOSR, "soosr:act-website-contact"), (SOOSR, "soosr:act-reference"),
            # smartlockr: the data lists A–D per "status" have neither purpose nor basis.
            *{(SMARTLOCKR, f"smartlockr:act-status-{s}") for s in (
                "customer", "service-user", "email-recipient", "website-visitor")},
            # iotspot: "Wij genereren, verwerken en bewaren … uitsluitend voor de volgende doeleinden"
            # lists purposes without any basis; so do art. 3, 4, 9 and 11.
            *{(IOTSPOT, f"iotspot:act-{a}") for a in (
                "customer-account", "user-registration", "favourites", "customer-link", "reservations",
                "guests", "presence", "device-os", "last-use", "last-login", "research", "promotion",
                "contract", "service-management", "legal-disclosure", "enforce-terms", "device-caching",
                "functional-cookies", "usage-statistics")},
        },
    ),
    "legitimate-interests": Case(
        columns=("controller", "activity"),
        expected={
            (SOOSR, "soosr:act-direct-marketing"), (SOOSR, "soosr:act-general-contact"),
            (SOOSR, "soosr:act-security"), (SOOSR, "soosr:act-legal-defence"),
            (SMARTLOCKR, "smartlockr:act-newsletter"),
            (SMART_FMS, "smart-fms:act-contract"), (SMART_FMS, "smart-fms:act-relationship"),
            (SMART_FMS, "smart-fms:act-protect-interests"), (SMART_FMS, "smart-fms:act-product-development"),
            *{(CLIENTS, f"s1mone:act-client-{p}") for p in (
                "identification", "account", "confirmations", "contact-reporters", "fault-handling",
                "fault-analysis", "blocking", "device-recognition")},
            *{(S1MONE, f"s1mone:act-contact-{p}") for p in (
                "identification", "communication", "account", "service-provision", "administration",
                "commercial-relationship")},
        },
    ),
    # Marketing and newsletters: only Smart FMS asks consent ("De grondslag voor deze verwerking is
    # gebaseerd op toestemming in de zin van art. 6(1)(a) AVG"); SOOSR and Smartlockr send newsletters
    # on a legitimate interest; iotspot's "Bevordering van het gebruik van onze Diensten" and SOOSR's
    # sharing "als referentie" have no basis.
    "consent-for-marketing": Case(
        columns=("controller", "activity", "consent"),
        expected={
            (SMART_FMS, "smart-fms:act-marketing", "yes"),
            (SOOSR, "soosr:act-direct-marketing", "no"),
            (SOOSR, "soosr:act-reference", "not stated"),
            (SMARTLOCKR, "smartlockr:act-newsletter", "no"),
            (IOTSPOT, "iotspot:act-promotion", "not stated"),
        },
    ),
    "retention-periods": Case(
        columns=("controller", "kind", "duration"),
        expected={
            # soosr: "wettelijke bewaarplicht van zeven jaar"; "uiterlijk drie jaar nadat de
            # overeenkomst is geëindigd"; contact form "Na twee jaar worden deze gegevens gewist";
            # "niet langer dan redelijkerwijs noodzakelijk".
            (SOOSR, "Temporal Duration", "P7Y"), (SOOSR, "Until Event Duration", "P3Y"),
            (SOOSR, "Temporal Duration", "P2Y"), (SOOSR, "Indeterminate Duration", None),
            # smartlockr: "tot 30 dagen na het einde van een proefperiode of de looptijd van uw overeenkomst".
            (SMARTLOCKR, "Until Event Duration", "P30D"),
            # smart-fms: "bewaarplicht van 7 jaar"; "gedurende een periode van 2 jaar"; "niet langer dan noodzakelijk".
            (SMART_FMS, "Temporal Duration", "P7Y"), (SMART_FMS, "Temporal Duration", "P2Y"),
            (SMART_FMS, "Indeterminate Duration", None),
            # s1mone 9.2: "Als de relatie met de opdrachtgever is geëindigd … nog gedurende twee jaar";
            # "wettelijke bewaartermijn (zeven jaar)"; 9.1: "2 jaar na de melding van de storing";
            # "De opdrachtgever bepaalt hoe lang …".
            (S1MONE, "Until Event Duration", "P2Y"), (S1MONE, "Temporal Duration", "P7Y"),
            (CLIENTS, "Until Event Duration", "P2Y"), (CLIENTS, "Indeterminate Duration", None),
            # iotspot: "voor de duur van het bestaan van jouw contract", "voor de duur van jouw
            # Gebruikersregistratie", … (events without a length); guests "tot de toegestane einddatum
            # plus 6 weken"; presence "na het einde van de dag"; transactions "voor het huidige etmaal";
            # last use "maximaal 52 weken"; last login "maximaal 6 (zes) weken".
            (IOTSPOT, "Until Event Duration", None), (IOTSPOT, "Until Event Duration", "P42D"),
            (IOTSPOT, "Until Event Duration", "P1D"), (IOTSPOT, "Temporal Duration", "P364D"),
            (IOTSPOT, "Temporal Duration", "P42D"),
        },
    ),
    "retention-event-bound": Case(
        columns=("controller", "after"),
        expected={
            (SOOSR, "P3Y"), (SMARTLOCKR, "P30D"), (S1MONE, "P2Y"), (CLIENTS, "P2Y"),
            (IOTSPOT, "P42D"), (IOTSPOT, "P1D"), (IOTSPOT, None),
        },
    ),
    # Contact data (pd:Contact and below), per controller:
    "personal-data-rollup": Case(
        params={"category": "https://w3id.org/dpv/pd#Contact"},
        columns=("controller", "data"),
        expected={
            # "uw naam, functie, bedrijfsadres en andere contactgegevens zoals uw telefoonnummer en e-mailadres"
            (SOOSR, "pd:Contact"), (SOOSR, "pd:TelephoneNumber"), (SOOSR, "pd:EmailAddress"),
            # list A: "Adres; Telefoonnummer; E-mailadres"
            (SMARTLOCKR, "pd:PhysicalAddress"), (SMARTLOCKR, "pd:TelephoneNumber"), (SMARTLOCKR, "pd:EmailAddress"),
            # "uw naam en (digitale) adresgegevens"
            (SMART_FMS, "pd:PhysicalAddress"), (SMART_FMS, "pd:EmailAddress"),
            # 3.3 contact persons: "emailadres, telefoonnummer"; 3.1/3.2 app: "naam, telefoonnummer en
            # emailadres", "het adres … van uw woning"
            (S1MONE, "pd:EmailAddress"), (S1MONE, "pd:TelephoneNumber"),
            (CLIENTS, "pd:EmailAddress"), (CLIENTS, "pd:TelephoneNumber"), (CLIENTS, "pd:PhysicalAddress"),
            # art. 3 "adres(sen)", art. 4 "Jouw e-mailadres, zoals gekoppeld aan de e-mail domeinnaam van
            # de Klant", "Jouw telefoonnummer"
            (IOTSPOT, "pd:PhysicalAddress"), (IOTSPOT, "pd:EmailAddressWork"), (IOTSPOT, "pd:TelephoneNumber"),
        },
    ),
    "recipients": Case(
        columns=("controller", "kind"),
        expected={
            # soosr categories 1–8 and "opsporingsinstanties"
            *{(SOOSR, k) for k in (
                "pg:ITServiceProvider", "dpv:DataProcessor", "pg:GovernmentAgency", "pg:Insurer",
                "pg:DebtCollectionAgency", "pg:LawFirm", "pg:Accountant", "pg:Adviser", "pg:HostingProvider",
                "dpv:ThirdParty", "pg:ClientOrganisation", "pg:LawEnforcementAgency")},
            # smartlockr: "derden", "verwerkers", "regelgevende instantie, politie en justitie ambtenaar of rechtbank"
            *{(SMARTLOCKR, k) for k in (
                "dpv:ThirdParty", "dpv:DataProcessor", "pg:GovernmentAgency", "pg:LawEnforcementAgency",
                "dpv:JudicialOrganisation")},
            # smart-fms: "verwerkers", "een drukkerij", "derden … bedrijfsvoering", "onderhoud aan het
            # serverpark", "bevoegde nationale autoriteiten", cybercrime parties, sector registers
            *{(SMART_FMS, k) for k in (
                "dpv:DataProcessor", "pg:PrintingCompany", "dpv:ServiceProvider", "pg:ITServiceProvider",
                "pg:GovernmentAgency", "dpv:ThirdParty")},
            # s1mone 7.2: ICT-bedrijven, boekhouder / accountant; 7.1: ICT sub-processors, repairers,
            # and S1MONE itself as the clients' processor
            (S1MONE, "pg:ITServiceProvider"), (S1MONE, "dpv:Recipient"), (S1MONE, "pg:Accountant"),
            (CLIENTS, "dpv:DataSubProcessor"), (CLIENTS, "pg:ITServiceProvider"), (CLIENTS, "dpv:DataProcessor"),
            (CLIENTS, "dpv:Recipient"), (CLIENTS, "pg:Contractor"),
            # iotspot: Amazon Web Services; "rechthebbenden, toezichthouders, belastingautoriteiten,
            # justitie, politie en andere wet handhavende instanties"
            *{(IOTSPOT, k) for k in (
                "pg:HostingProvider", "dpv:DataProcessor", "dpv:ThirdParty", "dpv:Authority",
                "pg:GovernmentAgency", "pg:LawEnforcementAgency")},
        },
    ),
    "processors": Case(
        columns=("processor", "controller", "role"),
        expected={
            # soosr: third parties that process "ten behoeve van ons" (platform, ICT, external server)
            ("soosr:rec-platform", SOOSR, "dpv:DataProcessor"), ("soosr:rec-ict", SOOSR, "dpv:DataProcessor"),
            ("soosr:rec-hosting", SOOSR, "dpv:DataProcessor"),
            # smartlockr: "Met bedrijven die uw persoonsgegevens verwerken in onze opdracht"
            ("smartlockr:rec-processors", SMARTLOCKR, "dpv:DataProcessor"),
            # smart-fms: "een of meerdere verwerkers"; "Bijvoorbeeld een drukkerij"
            ("smart-fms:rec-processors", SMART_FMS, "dpv:DataProcessor"),
            ("smart-fms:rec-printer", SMART_FMS, "dpv:DataProcessor"),
            # s1mone: "dit doen wij als ‘verwerker’"; "Deze ICT-bedrijven verwerken uw gegevens als onze sub-verwerkers"
            (S1MONE, CLIENTS, "dpv:DataProcessor"),
            ("s1mone:rec-ict-subprocessors", CLIENTS, "dpv:DataSubProcessor"),
            # iotspot: "servers van onze dienstverlener Amazon Web Services"
            ("iotspot:rec-aws", IOTSPOT, "dpv:DataProcessor"),
        },
    ),
    "rights": Case(
        columns=("controller", "right"),
        expected={
            *{(SOOSR, f"eu-gdpr:{r}") for r in ("A7-3", "A15", "A16", "A17", "A18", "A20", "A21", "A77")},
            *{(SMARTLOCKR, f"eu-gdpr:{r}") for r in ("A7-3", "A15", "A16", "A17", "A20", "A21", "A77")},
            *{(SMART_FMS, f"eu-gdpr:{r}") for r in ("A7-3", "A15", "A16", "A17", "A18", "A20", "A21", "A77")},
            *{(S1MONE, f"eu-gdpr:{r}") for r in (
                "A7-3", "A13", "A14", "A15", "A16", "A17", "A18", "A20", "A21", "A77")},
            *{(IOTSPOT, f"eu-gdpr:{r}") for r in ("A15", "A16", "A17", "A18", "A21")},
        },
    ),
    # None mentions Art. 19 or 22; Smartlockr has no restriction ("beperking"); iotspot has no
    # portability and no complaint to the Autoriteit Persoonsgegevens.
    "rights-not-mentioned": Case(
        columns=("controller", "right"),
        expected={
            *{(c, f"eu-gdpr:{r}") for c in (SOOSR, SMARTLOCKR, SMART_FMS, S1MONE, IOTSPOT) for r in ("A19", "A22")},
            (SMARTLOCKR, "eu-gdpr:A18"), (IOTSPOT, "eu-gdpr:A20"), (IOTSPOT, "eu-gdpr:A77"),
        },
    ),
    # "uiterlijk binnen één maand" (30 days), "binnen 48 uur" (2 days), "Binnen vier weken" (28 days);
    # S1MONE and iotspot give no deadline.
    "request-deadlines": Case(
        columns=("controller", "days"),
        expected={(SOOSR, "30"), (SMARTLOCKR, "2"), (SMART_FMS, "28"), (S1MONE, None), (IOTSPOT, None)},
    ),
    # Only Smartlockr: "Onze DPO is bereikbaar op fg@smartlockr.eu".
    "data-protection-officers": Case(
        columns=("controller", "answer", "contact"),
        expected={(SMARTLOCKR, "yes", "fg@smartlockr.eu"), (SOOSR, "not stated", None),
                  (SMART_FMS, "not stated", None), (S1MONE, "not stated", None), (IOTSPOT, "not stated", None)},
    ),
    "silences": Case(
        columns=("controller", "topic", "activity"),
        expected={
            (SMART_FMS, "pg:TransferOutsideEEA", None), (IOTSPOT, "pg:TransferOutsideEEA", None),
            # only SOOSR speaks of automated decisions ("Er is geen sprake van geautomatiseerde besluitvorming")
            *{(c, "pg:AutomatedDecisionMakingUsed", None) for c in (SMARTLOCKR, SMART_FMS, S1MONE, IOTSPOT)},
            # no period for iotspot's caching (art. 9), cookies and internet tags (art. 11), nor for
            # S1MONE's recognising the browser or device (4.1)
            (IOTSPOT, "pg:RetentionPeriod", "iotspot:act-device-caching"),
            (IOTSPOT, "pg:RetentionPeriod", "iotspot:act-functional-cookies"),
            (IOTSPOT, "pg:RetentionPeriod", "iotspot:act-usage-statistics"),
            (S1MONE, "pg:RetentionPeriod", "s1mone:act-client-device-recognition"),
        },
    ),
    "security-measures": Case(
        columns=("controller", "measure"),
        expected={
            # soosr "Beveiliging van persoonsgegevens" (six "dat …" clauses), the processor agreement,
            # "Deze gegevens worden beveiligd opgeslagen"
            *{(SOOSR, f"dpv:{m}") for m in (
                "AccessControlMethod", "NetworkSecurityProtocols", "WebSecurityProtocols", "EncryptionInTransfer",
                "AuthorisationProcedure", "CredentialManagement", "SecurityAudit", "PhysicalAccessControlMethod",
                "ControllerProcessorAgreement", "DataSecurityManagement")},
            # smartlockr "passende maatregelen" (none named), "verwerkersovereenkomst", "wachtwoord
            # (hashed)", "2-factor authenticatie"
            *{(SMARTLOCKR, f"dpv:{m}") for m in (
                "TechnicalOrganisationalMeasure", "ControllerProcessorAgreement", "HashFunctions",
                "MultiFactorAuthentication")},
            # smart-fms: art. 28 agreement, "zich tot geheimhouding verbonden", access by function
            *{(SMART_FMS, f"dpv:{m}") for m in ("ControllerProcessorAgreement", "NDA", "AuthorisationProcedure")},
            # s1mone claims no measure
            (S1MONE, None),
            # iotspot: "alle redelijke maatregelen", "geautoriseerde medewerkers", "geheimhoudingsovereenkomst",
            # "Informatiebeveiligingsverklaring", transaction data no longer traceable after the day
            *{(IOTSPOT, f"dpv:{m}") for m in (
                "TechnicalOrganisationalMeasure", "AuthorisationProcedure", "NDA", "InformationSecurityPolicy",
                "Anonymisation")},
        },
    ),
    # SOOSR, Smartlockr and Smart FMS ask for ID; S1MONE and iotspot say nothing.
    "identity-checks": Case(
        columns=("controller", "recorded"),
        expected={(SOOSR, "false"), (SMARTLOCKR, "false"), (SMART_FMS, "false"), (S1MONE, "true"), (IOTSPOT, "true")},
    ),
    # SOOSR's record holds its seven numbered purposes, the contact form, the security interest and
    # the sharing as a reference.
    "processing-record": Case(
        graph_key=activities_in,
        expected={f"soosr:act-{a}" for a in (
            "general-contact", "contract", "customer-account", "direct-marketing", "legal-obligation",
            "debt-collection", "legal-defence", "website-contact", "security", "reference")},
    ),
    # "Who keeps financial records seven years?": SOOSR ("wettelijke bewaarplicht van zeven jaar"),
    # Smart FMS ("bewaarplicht van 7 jaar"), S1MONE ("wettelijke bewaartermijn (zeven jaar)").
    "retention-for-period": Case(
        columns=("controller",),
        expected={(SOOSR,), (SMART_FMS,), (S1MONE,)},
    ),
}


# --- Running queries ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(built: BuiltGraph) -> ox.Store:
    with warnings.catch_warnings():  # rdflib's N-Quads writer warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        return store_from_built(built)


def run(store: ox.Store, name: str, params: dict[str, str] | None = None) -> list[Row] | Triples:
    """A canned query in-process, its parameters bound as the endpoint binds them."""
    result = store.query(CATALOGUE[name].bind(params or {}), use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        return {(t.subject.value, t.predicate.value, t.object.value) for t in result}
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def rows(store: ox.Store, name: str, **params: str) -> list[Row]:
    answer = run(store, name, params)
    assert isinstance(answer, list)
    return answer


@pytest.fixture(scope="module")
def dist(built: BuiltGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("queries") / "dist"
    with warnings.catch_warnings():  # rdflib's N-Quads writer warns about its own internals
        warnings.simplefilter("ignore", DeprecationWarning)
        write_dist(built, target)
    return target


@pytest.fixture(scope="module")
def endpoint(dist: Path) -> Iterator[str]:
    """Base URL of the real app (all five statements, the real queries/) behind waitress.

    tests/server/conftest.py has the same kind of fixture, but over SOOSR only and the fixture
    queries, and visible only to tests/server/; this one serves the whole build.
    """
    app = create_app({"DIST": dist, "QUERIES": QUERIES, "WORKERS": 2, "TIME_LIMIT": 30.0})
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    app.extensions["policygraph"].close()


def over_sparqlwrapper(endpoint: str, name: str, params: dict[str, str]) -> list[Row] | Triples:
    sparql = SPARQLWrapper(f"{endpoint}/sparql")
    sparql.setQuery(CATALOGUE[name].bind(params))
    if "CONSTRUCT {" in CATALOGUE[name].text:
        sparql.setReturnFormat(TURTLE)
        response = sparql.query()
        graph = Graph().parse(data=response.response.read(), format="turtle")
        return {(str(s), str(p), str(o)) for s, p, o in graph}
    sparql.setReturnFormat(JSON)
    result = sparql.queryAndConvert()
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


def over_canned_route(endpoint: str, name: str, params: dict[str, str]) -> list[Row] | Triples:
    graph = "CONSTRUCT {" in CATALOGUE[name].text
    query = urllib.parse.urlencode({**params, "format": "turtle" if graph else "json"})
    with urllib.request.urlopen(f"{endpoint}/queries/{name}?{query}", timeout=60) as response:
        body = response.read()
    if graph:
        return {(str(s), str(p), str(o)) for s, p, o in Graph().parse(data=body, format="turtle")}
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


# --- Every query: the expected answer, three ways -----------------------------------------------


def test_every_query_has_an_expected_answer() -> None:
    assert set(CASES) == set(CATALOGUE)
    assert len(CATALOGUE) >= 15


@pytest.mark.parametrize("name", sorted(CASES))
def test_in_process(store: ox.Store, name: str) -> None:
    case = CASES[name]
    assert case.key(run(store, name, case.params)) == case.expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_over_http_with_sparqlwrapper(endpoint: str, name: str) -> None:
    case = CASES[name]
    assert case.key(over_sparqlwrapper(endpoint, name, case.params)) == case.expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_as_canned_query_route(endpoint: str, name: str) -> None:
    case = CASES[name]
    assert case.key(over_canned_route(endpoint, name, case.params)) == case.expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_sparqlwrapper_sees_the_query_form(name: str) -> None:
    """SPARQLWrapper guesses the query form by searching the text for the first keyword, and its
    comment stripping skips every other comment line: a header saying "ask", "copy" or "address"
    makes it send a SELECT as something else (an update, refused with 403). Headers avoid them."""
    sparql = SPARQLWrapper("http://127.0.0.1/sparql")
    sparql.setQuery(CATALOGUE[name].text)
    assert sparql.queryType == ("CONSTRUCT" if "CONSTRUCT {" in CATALOGUE[name].text else "SELECT")


@pytest.mark.parametrize("name", sorted(CASES))
def test_header_columns_are_the_result_columns(store: ox.Store, name: str) -> None:
    query: CannedQuery = CATALOGUE[name]
    assert query.title and query.description
    result = store.query(query.bind({}), use_default_graph_as_union=True)
    if isinstance(result, ox.QuerySolutions):
        assert [v.value for v in result.variables] == list(query.columns)
    else:
        assert not query.columns


# --- Transfers outside the EEA (the published interface) ----------------------------------------


def test_transfers_published_interface(store: ox.Store) -> None:
    result = store.query(CATALOGUE["transfers-outside-eea"].text, use_default_graph_as_union=True)
    assert [v.value for v in result.variables] == ["controller", "name", "answer", "country", "safeguard", "quote"]
    solutions = list(result)
    assert {s["controller"].value for s in solutions} == {
        f"{ID}{slug}/{slug}" for slug in ("soosr", "smartlockr", "smart-fms", "s1mone", "iotspot")}
    for s in solutions:
        assert isinstance(s["controller"], ox.NamedNode) and isinstance(s["name"], ox.Literal)
        assert s["answer"].value in {"yes", "possible", "no", "not stated"}
        assert all(s[v] is None or isinstance(s[v], ox.NamedNode) for v in ("country", "safeguard"))
    quotes = {short(r["controller"]): r.get("quote") for r in rows(store, "transfers-outside-eea")}
    assert "niet door aan een derde land of internationale organisatie" in quotes[SOOSR]
    assert "buiten de Europese Economische Ruimte zijn gevestigd in een niet-adequaat land" in quotes[SMARTLOCKR]
    assert "EU-standaardcontractbepalingen" in quotes[SMARTLOCKR]
    assert quotes[SMART_FMS] is None  # silence has nothing to quote
    assert quotes[S1MONE].startswith("Nee, uw gegevens worden niet doorgegeven")
    assert "Amazon Web Services" in quotes[IOTSPOT]  # quoted as inconclusive: no location given
    one = rows(store, "transfers-outside-eea", controller=ID + "smartlockr/smartlockr")
    assert [(r["name"], r["answer"]) for r in one] == [("Smartlockr B.V.", "possible")]


SYNTHETIC = """
@prefix ex:      <https://w3id.org/policygraph/id/synthetic/> .
@prefix pg:      <https://w3id.org/policygraph/ns#> .
@prefix dpv:     <https://w3id.org/dpv#> .
@prefix eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#> .
@prefix loc:     <https://w3id.org/dpv/loc#> .
ex:statement a dpv:PrivacyNotice ; dpv:hasDataController ex:acme ; pg:hasAnswer ex:answer ;
    dpv:hasRecipient ex:rec-ie , ex:rec-aw , ex:rec-gb .
ex:acme dpv:hasName "Acme B.V." ; dpv:hasLocation loc:NL .
ex:answer pg:topic pg:TransferOutsideEEA ; pg:answer pg:Yes ; dpv:hasCountry loc:US , loc:IE ;
    dpv:hasLegalBasis eu-gdpr:A46-2-c ; pg:hasEvidence [ pg:quote "Wij sturen gegevens naar de VS en Ierland." ] .
ex:rec-ie dpv:hasLocation loc:IE ; pg:hasEvidence [ pg:quote "Onze hostingpartij zit in Ierland." ] .
ex:rec-aw dpv:hasLocation loc:AW ; pg:hasEvidence [ pg:quote "Onze helpdesk zit op Aruba." ] .
ex:rec-gb dpv:hasLocation loc:GB ; pg:hasEvidence [ pg:quote "Onze adviseur zit in Londen." ] .
ex:silent a dpv:PrivacyNotice ; dpv:hasDataController ex:beta .
ex:beta dpv:hasName "Beta B.V." .
"""


def test_transfers_take_eea_membership_from_dpv_locations(store: ox.Store) -> None:
    """A synthetic statement over the full DPV loc module: the answer names the US and Ireland,
    recipients sit in Ireland, Aruba and the UK. Ireland is in the EEA; Aruba reaches loc:EEA only
    through loc:NL and the UK only through loc:EEA31, so both are outside; a statement without an
    answer says "not stated"."""
    loc = SHARED / "dpv" / "loc.ttl"
    if not loc.is_file():
        pytest.skip(f"{loc} not available")
    scratch = ox.Store()
    scratch.extend(store.quads_for_pattern(None, None, None, None))
    scratch.bulk_load(path=str(loc), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:test:loc"))
    scratch.load(SYNTHETIC.encode(), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:test:synthetic"))
    result = scratch.query(CATALOGUE["transfers-outside-eea"].text, use_default_graph_as_union=True)
    answers = {(short(s["controller"].value), s["answer"].value,
                short(s["country"].value) if s["country"] else None,
                short(s["safeguard"].value) if s["safeguard"] else None,
                s["quote"].value if s["quote"] else None)
               for s in result if s["controller"].value.startswith(ID + "synthetic/")}
    assert answers == {
        ("synthetic:acme", "yes", "loc:US", "eu-gdpr:A46-2-c", "Wij sturen gegevens naar de VS en Ierland."),
        ("synthetic:acme", "yes", "loc:AW", None, "Onze helpdesk zit op Aruba."),
        ("synthetic:acme", "yes", "loc:GB", None, "Onze adviseur zit in Londen."),
        ("synthetic:beta", "not stated", None, None, None),
    }


# --- Details of the other answers ----------------------------------------------------------------


def test_legal_basis_quotes_back_each_basis(store: ox.Store) -> None:
    relationship = {r["basis"]: r["quote"] for r in rows(store, "legal-basis-per-purpose", controller=ID + "smart-fms/smart-fms")
                    if r.get("activity") == ID + "smart-fms/act-relationship"}
    assert "wettelijke boekhoud/facturatieverplichting" in relationship[PREFIXES["eu-gdpr"] + "A6-1-c"]
    assert "bewijsvoering" in relationship[PREFIXES["eu-gdpr"] + "A6-1-f"]
    consent = rows(store, "legal-basis-per-purpose", basis=PREFIXES["eu-gdpr"] + "A6-1-a")
    assert {(short(r["controller"]), short(r.get("activity"))) for r in consent} == {
        (SOOSR, None), (SMART_FMS, "smart-fms:act-marketing"), (S1MONE, None), (IOTSPOT, None)}
    assert all(r["quote"] for r in consent)


def test_activities_without_basis_record_the_silence(store: ox.Store) -> None:
    found = rows(store, "activities-without-basis")
    assert all(r["recorded"] == "true" for r in found)
    assert all(r.get("quote") for r in found)
    soosr = {r["untiedBases"] for r in found if short(r["controller"]) == SOOSR}
    assert len(soosr) == 1 and "consent" in soosr.pop()


def test_legitimate_interests_as_stated(store: ox.Store) -> None:
    interest = {short(r["activity"]): r.get("interest") for r in rows(store, "legitimate-interests")}
    assert interest["soosr:act-direct-marketing"] == "om aan u als onze klant nieuwsbrieven te versturen"
    assert interest["smartlockr:act-newsletter"] == "Onze behoefte om u op de hoogte van onze dienstverlening te houden."
    assert interest["s1mone:act-contact-administration"] == "ons belang om een interne administratie bij te houden"
    # 5.2 names no interest for identifying contact persons or their accounts
    assert interest["s1mone:act-contact-identification"] is None
    assert interest["s1mone:act-contact-account"] is None


def test_retention_sorts_by_length(store: ox.Store) -> None:
    found = rows(store, "retention-periods")
    days = [float(r["days"]) for r in found if "days" in r]
    assert days == sorted(days, reverse=True) and days[0] == 7 * 365
    first_unbound = next(i for i, r in enumerate(found) if "days" not in r)
    assert all("days" not in r for r in found[first_unbound:])  # no length: last
    by_data = {(short(r["controller"]), short(r.get("data")), r.get("duration")) for r in found}
    assert (SOOSR, "pd:Name", "P2Y") in by_data  # contact form: "Na twee jaar worden deze gegevens gewist"
    assert (IOTSPOT, "pd:IPAddress", "P42D") in by_data  # last login: "maximaal 6 (zes) weken"
    assert (IOTSPOT, "pd:ServiceConsumptionBehaviour", "P364D") in by_data  # last use: "maximaal 52 weken"
    assert (SMARTLOCKR, "pd:BankAccount", "P30D") in by_data
    soosr_only = rows(store, "retention-periods", controller=ID + "soosr/soosr")
    assert {short(r["controller"]) for r in soosr_only} == {SOOSR}


def test_retention_uses_the_data_a_rule_names(store: ox.Store) -> None:
    """modelling.md: a retention rule that names its data carries dpv:hasPersonalData on the
    storage node; the query then reports those data for the rule, not all of the activity's."""
    scratch = ox.Store()
    scratch.extend(store.quads_for_pattern(None, None, None, None))
    scratch.add(ox.Quad(ox.NamedNode(ID + "soosr/retention-financial"), ox.NamedNode(DPV + "hasPersonalData"),
                        ox.NamedNode(PREFIXES["pd"] + "Transaction"), ox.NamedNode("urn:test:rule-data")))
    query = CATALOGUE["retention-periods"].bind({"controller": ID + "soosr/soosr"})
    found = {(s["data"].value if s["data"] else None, s["duration"].value if s["duration"] else None)
             for s in scratch.query(query, use_default_graph_as_union=True)}
    assert {d for d, duration in found if duration == "P7Y"} == {PREFIXES["pd"] + "Transaction"}
    assert (PREFIXES["pd"] + "Name", "P3Y") in found  # other rules keep the activity's data


def test_event_bound_retention_quotes(store: ox.Store) -> None:
    found = rows(store, "retention-event-bound")
    quotes = {(short(r["controller"]), r.get("after")): r["quote"] for r in found}
    assert "uiterlijk drie jaar nadat de overeenkomst is geëindigd" in quotes[(SOOSR, "P3Y")]
    assert "tot 30 dagen na het einde van een proefperiode" in quotes[(SMARTLOCKR, "P30D")]
    assert "Als de relatie met de opdrachtgever is geëindigd" in quotes[(S1MONE, "P2Y")]
    assert "2 jaar na de melding van de storing" in quotes[(CLIENTS, "P2Y")]
    assert "tot de toegestane einddatum plus 6 weken" in quotes[(IOTSPOT, "P42D")]
    assert all(r.get("event") for r in found)
    events = {r["event"] for r in found if short(r["controller"]) == IOTSPOT}
    assert {"einde van het contract", "einde van de Gebruikersregistratie", "einde van de dag"} <= events


def test_personal_data_roll_up(store: ox.Store) -> None:
    found = rows(store, "personal-data-rollup", controller=ID + "iotspot/iotspot")
    under = {(short(r["category"]), short(r["data"])) for r in found}
    # "Jouw e-mailadres, zoals gekoppeld aan de e-mail domeinnaam van de Klant": a work address,
    # counted under e-mail address, contact and personal data
    assert {("pd:EmailAddressWork", "pd:EmailAddressWork"), ("pd:EmailAddress", "pd:EmailAddressWork"),
            ("pd:Contact", "pd:EmailAddressWork"), ("dpv:PersonalData", "pd:EmailAddressWork")} <= under
    everything = rows(store, "personal-data-rollup")
    data = {(r["controller"], r["data"]) for r in everything}
    top = {(r["controller"], r["data"]) for r in everything if short(r["category"]) == "dpv:PersonalData"}
    assert data == top  # every category rolls up to dpv:PersonalData
    contact = rows(store, "personal-data-rollup", category=PREFIXES["pd"] + "Contact", controller=ID + "soosr/soosr")
    assert all("contactgegevens" in r["quote"] or "telefoonnummer" in r["quote"] for r in contact)


def test_recipients_names_and_locations(store: ox.Store) -> None:
    found = rows(store, "recipients")
    names = {(short(r["controller"]), r["recipientName"]) for r in found}
    assert (IOTSPOT, "Amazon Web Services") in names
    assert (CLIENTS, "S1MONE B.V.") in names
    # no recipient's location is given in any text (S1MONE's ICT companies are "binnen Europa",
    # which is no DPV location); S1MONE itself is in Den Haag
    assert {short(r.get("location")) for r in found} == {None, "loc:NL"}
    processors = rows(store, "recipients", kind=DPV + "DataProcessor")
    assert {short(r["kind"]) for r in processors} == {"dpv:DataProcessor"}
    assert all(r.get("quote") for r in found)


def test_processors_quote_the_role(store: ox.Store) -> None:
    quotes = {short(r["processor"]): r["quote"] for r in rows(store, "processors")}
    assert "dit doen wij als ‘verwerker’" in quotes[S1MONE]
    assert "als onze sub-verwerkers" in quotes["s1mone:rec-ict-subprocessors"]
    names = {short(r["processor"]): r["processorName"] for r in rows(store, "processors")}
    assert names["iotspot:rec-aws"] == "Amazon Web Services"


def test_rights_quotes(store: ox.Store) -> None:
    quotes = {(short(r["controller"]), short(r["right"])): r["quote"] for r in rows(store, "rights")}
    assert "recht op gegevensoverdraagbaarheid" in quotes[(SMARTLOCKR, "eu-gdpr:A20")]
    assert "klacht in te dienen bij de bevoegde privacy-toezichthouder" in quotes[(S1MONE, "eu-gdpr:A77")]
    assert quotes[(SMART_FMS, "eu-gdpr:A15")] == "recht op inzage"
    one = rows(store, "rights-not-mentioned", right=PREFIXES["eu-gdpr"] + "A77")
    assert {short(r["controller"]) for r in one} == {IOTSPOT}


def test_deadlines_sort_shortest_first(store: ox.Store) -> None:
    found = rows(store, "request-deadlines")
    assert [short(r["controller"]) for r in found[:3]] == [SMARTLOCKR, SMART_FMS, SOOSR]
    contact = {short(r["controller"]): r.get("contact") for r in found}
    assert "support@smartfms.nl" in contact[SMART_FMS] and contact[S1MONE] == "info@s1monegroup.com"
    quotes = {short(r["controller"]): r.get("quote") for r in found}
    assert quotes[SOOSR] == "We reageren zo snel mogelijk, doch uiterlijk binnen één maand, op uw verzoek."


def test_dpo_quotes(store: ox.Store) -> None:
    quotes = {short(r["controller"]): r.get("quote") for r in rows(store, "data-protection-officers")}
    assert "Wij hebben een functionaris voor gegevensbescherming aangesteld." in quotes[SMARTLOCKR]
    assert "Onze DPO is bereikbaar op fg@smartlockr.eu" in quotes[SMARTLOCKR]
    assert "Dhr. M. Lankhorst" in quotes[IOTSPOT]  # a named contact, not called a DPO


def test_identity_check_quotes(store: ox.Store) -> None:
    quotes = {short(r["controller"]): r.get("quote") for r in rows(store, "identity-checks")}
    assert "kopie van een geldig legitimatiebewijs" in quotes[SOOSR]
    assert "Scherm in deze kopie uw pasfoto" in quotes[SOOSR]
    assert "onleesbaar maken uw pasfoto" in quotes[SMARTLOCKR]
    assert "ten kantore van Smart FMS" in quotes[SMART_FMS]
    assert quotes[S1MONE] is None and quotes[IOTSPOT] is None


def test_silences_explain_inconclusive_text(store: ox.Store) -> None:
    found = rows(store, "silences", topic=PREFIXES["pg"] + "TransferOutsideEEA")
    assert {short(r["controller"]) for r in found} == {SMART_FMS, IOTSPOT}
    iotspot = next(r for r in found if short(r["controller"]) == IOTSPOT)
    assert "Amazon Web Services" in iotspot["quote"] and iotspot["note"]


def test_security_measures_scope(store: ox.Store) -> None:
    found = rows(store, "security-measures", controller=ID + "smartlockr/smartlockr")
    scopes = {(short(r["measure"]), short(r["scope"])) for r in found}
    assert ("dpv:HashFunctions", "smartlockr:act-account") in scopes
    assert ("dpv:ControllerProcessorAgreement", "smartlockr:statement") in scopes
    assert {r["kind"] for r in found} == {"technical", "legal", "unspecified"}
    assert all(r.get("quote") for r in found)


def test_processing_record_is_one_controllers_own(store: ox.Store) -> None:
    triples = run(store, "processing-record")
    assert isinstance(triples, set)
    nodes = {s for s, _, _ in triples}
    assert all(not n.startswith(ID) or n.startswith(ID + "soosr/") for n in nodes)
    objects = {o for _, _, o in triples}
    assert "SOOSR B.V." in objects and "P7Y" in objects
    assert "Wij geven uw persoonsgegevens niet door aan een derde land of internationale organisatie." in objects
    s1mone = run(store, "processing-record", {"controller": ID + "s1mone/s1mone"})
    assert isinstance(s1mone, set)
    assert len(activities_in(s1mone)) == 15  # 8 for the clients (as processor), 7 of its own
    assert (ID + "s1mone/act-client-blocking", DPV + "hasDataController", ID + "s1mone/clients") in s1mone


def test_retention_for_other_periods(store: ox.Store) -> None:
    seven = rows(store, "retention-for-period")
    assert all("financiële administratie" in r["quote"] for r in seven)
    assert {short(r["controller"]) for r in rows(store, "retention-for-period", period="P84M")} == {SOOSR, SMART_FMS, S1MONE}
    thirty = rows(store, "retention-for-period", period="P30D")
    assert {(short(r["controller"]), r.get("event")) for r in thirty} == {
        (SMARTLOCKR, "einde van een proefperiode of de looptijd van uw overeenkomst")}
    two = {short(r["controller"]) for r in rows(store, "retention-for-period", period="P2Y")}
    assert two == {SOOSR, SMART_FMS, S1MONE, CLIENTS}


def test_policygraph_query_command(dist: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policygraph.cli import main

    code = main(["query", "transfers-outside-eea", "--dist", str(dist), "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == "controller,name,answer,country,safeguard,quote"
    assert len(out.strip().splitlines()) == 6
