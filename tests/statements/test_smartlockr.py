"""Smartlockr B.V. privacy statement (data/sources/smartlockr.txt): expectations read from the text.

The text prints no date. Data are listed twice: per data subject "status" (lists A–D, no purpose
or basis) and in a table data → purpose → basis (six rows). Each table row is one activity; each
status list is one activity with purpose and basis not stated.

Not encoded (the model has no place for these):

- Social media: "De social media links op de website hebben enkel tot doel u door te verwijzen naar
  deze pagina's." and the links to the platforms' own policies ("Facebook: https://www.facebook.com/
  policy.php", LinkedIn, Twitter) — no term for "links only, no processing" or for third-party
  policies.
- Which listed data are not personal data: "dan zijn niet alle hieronder genoemde gegevens
  persoonsgegevens" (only a pg:ambiguity note; all listed data are encoded as personal data).
- Optional data: "Azure Organisation ID (optioneel)", "telefoonnummer van zender en ontvanger
  (optioneel)" — no per-data optionality; quoted on the not-stated requirement answer.
- Conditions on data and purpose: "(in het geval van Azure AD gebruikers)", "(voor Outlook
  Desktop)", "(in geval van 2-factor authenticatie)", "(depending on the version of the services)".
- The list of processors sits behind a link the text does not carry: "Onze huidige verwerkers
  worden hier beschreven."
- The condition on disclosure to third parties: "indien en voor zover dit strikt noodzakelijk is
  voor de uitvoering van onze overeenkomst met u of om te voldoen aan een wettelijke verplichting"
  (recipients carry no condition; ambiguity note only).
- The condition under which SCCs are used: "buiten de Europese Economische Ruimte zijn gevestigd in
  een niet-adequaat land" (no destination country is named, so none is encoded).
- The risks the security measures address: "om misbruik, verlies, onbevoegde toegang, ongewenste
  openbaarmaking en ongeoorloofde wijziging tegen te gaan"; no measure is named, so only the generic
  dpv:TechnicalOrganisationalMeasure is encoded.
- A contact for security concerns: "Als u de indruk heeft dat uw gegevens niet goed beveiligd zijn
  of er aanwijzingen zijn van misbruik, neem dan contact op met onze klantenservice of via
  support@smartlockr.eu."
- The complaint channel of the AP: "U kunt een klacht indienen via https://autoriteitpersoonsgegevens.nl/
  nl/contact-met-de-autoriteit-persoonsgegevens/tip-ons." (only the authority is encoded).
- The data in the identity check and what may be blacked out: "In deze kopie kunt u onleesbaar maken
  uw pasfoto, MRZ (...), paspoortnummer en burgerservice (BSN)." (kept as dct:description only; the
  ID copy is not encoded as processed personal data).
- The printed form of the response deadline "binnen 48 uur": written PT48H, the build's parser
  (rdflib) rewrites the literal to the equal duration P2D, so "48 uur" is only in the quote.
"""

from __future__ import annotations

from pathlib import Path

from conftest import short, source_text, statement_queries

SLUG = "smartlockr"
ROOT = Path(__file__).resolve().parents[2]
TEXT = source_text(SLUG)
META = (ROOT / "data" / "sources" / "smartlockr.meta.ttl").read_text(encoding="utf-8")


ID = "https://w3id.org/policygraph/id/smartlockr/"


q, a = statement_queries(SLUG)


# --- The processing table: one activity per row, each with its own basis -----------------------

# Read from the table "Met welk doel en op basis van welke verwerkingsgrond": rows 1, 2, 3 and 5
# "Uitvoering van de overeenkomst"; row 4 (newsletter) an interest in words; row 6 "Onze naleving
# van onze wettelijke verplichtingen".
TABLE_BASES = {
    ("act-customer-registration", "A6-1-b"),
    ("act-account", "A6-1-b"),
    ("act-secure-email", "A6-1-b"),
    ("act-newsletter", "A6-1-f"),
    ("act-service-updates", "A6-1-b"),
    ("act-legal-obligations", "A6-1-c"),
}


def test_table_rows_are_six_activities_each_with_its_own_basis() -> None:
    rows = q("SELECT ?act ?basis WHERE { ?act a dpv:Process ; dpv:hasNotice :statement ; dpv:hasLegalBasis ?basis }")
    assert {(short(r["act"]), short(r["basis"])) for r in rows} == TABLE_BASES


def test_each_basis_has_its_own_quote_from_its_own_row() -> None:
    # The contract basis is printed four times; each row's quote must be a different span.
    rows = q(
        """SELECT ?act ?start WHERE {
             ?act a dpv:Process ; pg:hasEvidence ?ann .
             ?ann pg:supports eu-gdpr:A6-1-b ; oa:hasTarget/oa:hasSelector/oa:start ?start . }"""
    )
    starts = {short(r["act"]): int(r["start"]) for r in rows}
    assert set(starts) == {"act-customer-registration", "act-account", "act-secure-email", "act-service-updates"}
    assert len(set(starts.values())) == 4
    # in table order: registration < account < secure e-mail < service updates
    order = sorted(starts, key=starts.get)
    assert order == ["act-customer-registration", "act-account", "act-secure-email", "act-service-updates"]


def test_table_row_purposes_and_data() -> None:
    rows = q(
        """SELECT ?act ?p WHERE { VALUES ?act { :act-customer-registration :act-legal-obligations :act-account }
             ?act dpv:hasPurpose ?p }"""
    )
    purposes = {(short(r["act"]), short(r["p"])) for r in rows}
    assert ("act-customer-registration", "PaymentManagement") in purposes  # "sturen u facturen"
    assert ("act-legal-obligations", "LegalCompliance") in purposes
    assert ("act-account", "AccountManagement") in purposes  # "een account aan te maken"
    # Row 1: "geslacht" and "bankgegevens"; row 6: "factuurgegevens"; row 2: "wachtwoord (hashed)".
    assert a("ASK { :act-customer-registration dpv:hasPersonalData pd:Gender , pd:BankAccount }")
    assert a("ASK { :act-legal-obligations dpv:hasPersonalData pd:Transaction }")
    assert a("ASK { :act-account dpv:hasPersonalData pd:Password ; dpv:hasTechnicalMeasure dpv:HashFunctions }")
    # Row 6 is not about bank details.
    assert not a("ASK { :act-legal-obligations dpv:hasPersonalData pd:BankAccount }")


def test_secure_email_row_covers_sender_and_recipient() -> None:
    # "telefoonnummer van zender en ontvanger (optioneel)"
    subjects = {short(r["s"]) for r in q("SELECT ?s WHERE { :act-secure-email dpv:hasDataSubject ?s }")}
    assert subjects == {"User", "EmailRecipient"}


# --- Newsletter: implied legitimate interest, opt-out -------------------------------------------


def test_newsletter_basis_is_the_stated_interest_marked_as_implied() -> None:
    rows = q(
        """SELECT ?interest ?quote ?amb WHERE {
             :act-newsletter dpv:hasPurpose pg:Newsletter ; dpv:hasLegalBasis eu-gdpr:A6-1-f ;
                 pg:statedInterest ?interest ; pg:ambiguity ?amb ;
                 pg:hasEvidence [ pg:supports eu-gdpr:A6-1-f ; pg:quote ?quote ] . }"""
    )
    assert len(rows) == 1
    assert rows[0]["interest"] == "Onze behoefte om u op de hoogte van onze dienstverlening te houden."
    assert rows[0]["quote"] == rows[0]["interest"]
    assert "implies" in rows[0]["amb"] and "6(1)(f)" in rows[0]["amb"]
    assert not a("ASK { :act-newsletter dpv:hasLegalBasis eu-gdpr:A6-1-a }")  # not consent


def test_newsletter_is_opt_out() -> None:
    # "tenzij u hiertegen bezwaar maakt. U kunt zich altijd afmelden via de opt-out link"
    rows = q(
        """SELECT ?quote WHERE {
             :act-newsletter dpv:hasEntityControl dpv:OptingOutFromProcess , dpv:ObjectingToProcess ;
                 dpv:hasRight eu-gdpr:A21 ;
                 pg:hasEvidence [ pg:supports dpv:OptingOutFromProcess ; pg:quote ?quote ] . }"""
    )
    assert [r["quote"] for r in rows] == ["U kunt zich altijd afmelden via de opt-out link in de nieuwsbrief."]
    assert not a("ASK { :act-newsletter dpv:hasEntityControl dpv:OptingInToProcess }")


# --- Controller and DPO ----------------------------------------------------------------------------


def test_controller_details() -> None:
    rows = q(
        """SELECT ?name ?addr ?loc WHERE {
             :statement dpv:hasDataController ?c .
             ?c dpv:hasName ?name ; dpv:hasAddress ?addr ; dpv:hasLocation ?loc . }"""
    )
    assert rows == [
        {"name": "Smartlockr B.V.", "addr": "H.J.E Wenckebachweg 123, 1096 AM Amsterdam",
         "loc": "https://w3id.org/dpv/loc#NL"}
    ]
    contacts = {r["c"] for r in q("SELECT ?c WHERE { :smartlockr dpv:hasContact ?c }")}
    assert {"+31(0) 20 244 03 50", "https://www.smartlockr.io"} <= contacts


def test_dpo_is_named_with_its_contact() -> None:
    rows = q(
        """SELECT ?contact ?answer WHERE {
             :smartlockr dpv:hasDataProtectionOfficer ?dpo .
             ?dpo a dpv:DataProtectionOfficer ; dpv:hasContact ?contact .
             :statement pg:hasAnswer [ pg:topic pg:DataProtectionOfficerAppointed ; pg:answer ?answer ] . }"""
    )
    assert rows == [{"contact": "fg@smartlockr.eu", "answer": "https://w3id.org/policygraph/ns#Yes"}]


# --- Retention ------------------------------------------------------------------------------------


def test_retention_is_30_days_after_trial_or_agreement_for_every_activity() -> None:
    # "Wij bewaren uw persoonsgegevens tot 30 dagen na het einde van een proefperiode of de
    # looptijd van uw overeenkomst."
    rows = q(
        """SELECT DISTINCT ?event ?len ?days WHERE {
             ?act a dpv:Process ; dpv:hasStorageCondition ?sc .
             ?sc a dpv:StorageDuration ; dpv:hasDuration ?d .
             ?d a dpv:UntilEventDuration ; rdf:value ?event ; dpv:hasDuration ?len ; pg:approximateDays ?days . }"""
    )
    assert rows == [{"event": "einde van een proefperiode of de looptijd van uw overeenkomst",
                     "len": "P30D", "days": "30"}]
    assert not a("ASK { ?act a dpv:Process . FILTER NOT EXISTS { ?act dpv:hasStorageCondition ?sc } }")


# --- Recipients -----------------------------------------------------------------------------------


def test_recipients() -> None:
    # "aan derden ter beschikking gesteld indien en voor zover ...", "Met bedrijven die uw
    # persoonsgegevens verwerken in onze opdracht, sluiten wij altijd een verwerkersovereenkomst."
    assert a(
        """ASK { :statement dpv:hasRecipient ?third ; dpv:hasDataProcessor ?proc ;
                   dpv:hasLegalMeasure dpv:ControllerProcessorAgreement .
                 ?third a dpv:ThirdParty , pg:PartyCategory ; skos:prefLabel "derden"@nl .
                 ?proc a dpv:DataProcessor , pg:PartyCategory .
                 FILTER NOT EXISTS { ?proc dpv:hasName ?n } }"""
    )
    # Row 6: "een bevel van een bevoegde regelgevende instantie, politie en justitie ambtenaar of rechtbank"
    kinds = {
        short(r["k"])
        for r in q("SELECT ?k WHERE { :act-legal-obligations dpv:hasRecipient ?r . ?r a ?k }")
    } - {"PartyCategory"}
    assert kinds == {"GovernmentAgency", "LawEnforcementAgency", "JudicialOrganisation"}


# --- Transfers ------------------------------------------------------------------------------------


def test_transfer_outside_eea_is_possible_under_sccs_without_a_country() -> None:
    rows = q(
        """SELECT ?answer ?basis ?measure WHERE {
             :statement pg:hasAnswer ?t . ?t pg:topic pg:TransferOutsideEEA ; pg:answer ?answer ;
                 dpv:hasLegalBasis ?basis ; dpv:hasOrganisationalMeasure ?measure .
             FILTER NOT EXISTS { ?t pg:concerns ?scope } }"""
    )
    assert {short(r["answer"]) for r in rows} == {"Possible"}
    assert {short(r["basis"]) for r in rows} == {"A46-2-c"}
    assert {short(r["measure"]) for r in rows} == {"SCCByCommission", "SafeguardForDataTransfer"}
    assert not a("ASK { ?t pg:topic pg:TransferOutsideEEA . { ?t dpv:hasCountry ?c } UNION { ?t dpv:hasThirdCountry ?c } }")


# --- Rights, complaint, requests ---------------------------------------------------------------


def test_rights_are_exactly_those_named() -> None:
    # inzien, corrigeren, verwijderen, bezwaar, toestemming intrekken, gegevensoverdraagbaarheid,
    # klacht bij de Autoriteit Persoonsgegevens. No restriction (A18), nothing on A22.
    rights = {short(r["r"]) for r in q("SELECT ?r WHERE { :statement dpv:hasRight ?r }")}
    assert rights == {"A15", "A16", "A17", "A20", "A21", "A7-3", "A77"}


def test_complaint_requests_deadline_and_identity_check() -> None:
    assert a(
        """ASK { :statement dpv:hasAuthority legal-nl:DPA-NL ; pg:rightsContact "support@smartlockr.eu" ;
                   pg:hasAnswer [ pg:topic pg:ComplaintToSupervisoryAuthority ; pg:answer pg:Yes ;
                                  dpv:hasAuthority legal-nl:DPA-NL ] . }"""
    )
    # "Wij zullen binnen 48 uur na ontvangst op uw verzoek reageren."
    rows = q("SELECT ?days WHERE { :statement pg:responseDeadline [ a dpv:TemporalDuration ; pg:approximateDays ?days ] }")
    assert [r["days"] for r in rows] == ["2"]
    # "dient u een kopie van uw identiteitsbewijs met het verzoek mee te sturen"
    rows = q("SELECT ?d WHERE { :statement pg:requestIdentityCheck [ a pg:RequestIdentityCheck ; dct:description ?d ] }")
    assert len(rows) == 1 and "identiteitsbewijs" in rows[0]["d"]


# --- Topic answers, no date ------------------------------------------------------------------------

EXPECTED_ANSWERS = {
    "TransferOutsideEEA": "Possible",
    "DataProtectionOfficerAppointed": "Yes",
    "AutomatedDecisionMakingUsed": "NotStated",
    "ComplaintToSupervisoryAuthority": "Yes",
    "ConsentWithdrawal": "Yes",
    "StatutoryOrContractualRequirement": "NotStated",
    "StatementDate": "NotStated",
}


def test_every_topic_has_exactly_the_expected_answer() -> None:
    rows = q("SELECT ?topic ?answer WHERE { :statement pg:hasAnswer [ pg:topic ?topic ; pg:answer ?answer ] }")
    assert sorted((short(r["topic"]), short(r["answer"])) for r in rows) == sorted(EXPECTED_ANSWERS.items())


def test_no_date_is_printed() -> None:
    assert a("ASK { :statement pg:hasAnswer [ pg:topic pg:StatementDate ; pg:answer pg:NotStated ] }")
    assert not a("ASK { :source ?p ?date . VALUES ?p { pg:datePrinted dct:modified dct:issued } }")
    assert "pg:datePrinted" not in META.split("@prefix")[-1]


# --- The contract: silence is explicit, every node has evidence, offsets are exact --------------


def test_every_activity_states_each_property_or_says_it_is_not_stated() -> None:
    for prop in ("hasLegalBasis", "hasPersonalData", "hasDataSubject", "hasStorageCondition"):
        missing = q(
            f"""SELECT ?act WHERE {{ ?act a dpv:Process .
                  FILTER NOT EXISTS {{ ?act dpv:{prop} ?v }}
                  FILTER NOT EXISTS {{ ?act pg:notStated dpv:{prop} }} }}"""
        )
        assert missing == [], prop
    # the four status lists A–D give neither purpose nor basis
    status = q("SELECT ?act WHERE { ?act pg:notStated dpv:hasPurpose , dpv:hasLegalBasis }")
    assert {short(r["act"]) for r in status} == {
        "act-status-customer", "act-status-service-user", "act-status-email-recipient", "act-status-website-visitor"
    }
    assert a("ASK { :act-status-website-visitor dpv:hasPersonalData pd:IPAddress ; dpv:hasDataSubject dpv:Visitor }")


def test_every_node_with_a_statement_has_a_quote() -> None:
    unquoted = q(
        """SELECT ?n WHERE {
             { ?n a dpv:Process } UNION { ?n a dpv:DataController } UNION { ?n a dpv:DataProtectionOfficer }
             UNION { ?n a pg:PartyCategory } UNION { ?n a dpv:StorageDuration }
             UNION { ?n a pg:TopicAnswer FILTER NOT EXISTS { ?n pg:answer pg:NotStated } }
             UNION { :statement pg:responseDeadline ?n } UNION { :statement pg:requestIdentityCheck ?n }
             FILTER NOT EXISTS { ?n pg:hasEvidence ?e } }"""
    )
    assert unquoted == []
    assert len(q("SELECT ?act WHERE { ?act a dpv:Process }")) == 10


def test_every_quote_offset_slices_the_source_to_the_quote() -> None:
    rows = q(
        """SELECT ?exact ?start ?end WHERE {
             ?ann a oa:Annotation ; oa:hasTarget ?t .
             ?t oa:hasSource :source ; oa:hasSelector ?qs , ?ps .
             ?qs a oa:TextQuoteSelector ; oa:exact ?exact .
             ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . }"""
    )
    assert len(rows) >= 60
    for r in rows:
        assert TEXT[int(r["start"]) : int(r["end"])] == r["exact"]
